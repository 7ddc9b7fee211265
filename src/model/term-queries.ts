import { mapChildren } from './resolve.ts';
import type { Term } from './term.ts';

/** Whether a term mentions `diff` anywhere. */
export function hasDiff(term: Term): boolean {
  if (term.k === 'diff') return true;
  let found = false;
  mapChildren(term, (c) => {
    if (!found && hasDiff(c)) found = true;
    return c;
  });
  return found;
}
