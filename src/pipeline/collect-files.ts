import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { systemErrorWords } from './system-errors.ts';

/** Raised for a path that does not exist or holds no derivation file. */
export class PathError extends Error {
  override readonly name = 'PathError';
}

/**
 * The `.deriv` files named by the arguments: a file is taken as it is, a folder
 * is searched recursively. Sorted, so runs are reproducible.
 */
export function collectDerivationFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const path of paths) {
    let stat;
    try {
      stat = statSync(path);
    } catch (error) {
      throw new PathError(`${path}: ${systemErrorWords(error)}`);
    }
    if (stat.isDirectory()) {
      const found = walk(path);
      if (found.length === 0) throw new PathError(`${path}: the folder holds no .deriv file`);
      out.push(...found);
    } else out.push(path);
  }
  return [...new Set(out)];
}

function walk(folder: string): string[] {
  const out: string[] = [];
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    throw new PathError(`${folder}: cannot list the folder: ${systemErrorWords(error)}`);
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) out.push(...walk(path));
    else if (entry.name.endsWith('.deriv')) out.push(path);
  }
  return out;
}
