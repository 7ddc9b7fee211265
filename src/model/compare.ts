import type { Comparison } from './term.ts';

/** The 0/1 meaning of a comparison, shared by every engine that evaluates one. */
export function compare(op: Comparison, a: number, b: number): boolean {
  switch (op) {
    case '<': return a < b;
    case '<=': return a <= b;
    case '>': return a > b;
    case '>=': return a >= b;
    case '==': return a === b;
    case '!=': return a !== b;
  }
}
