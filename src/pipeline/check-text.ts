import { DerivationError, diagnostic } from '../diagnostics/index.ts';
import { systemErrorWords } from './system-errors.ts';
import { checkModel, type CheckOptions, type DerivationResult, type FileResult } from '../check/index.ts';
import { buildModel, InlineBudget, type Model } from '../model/index.ts';
import { DerivationSyntaxError, parseDerivationFile } from '../syntax/index.ts';
import { readRegularFile } from './read-file.ts';

/** A file read and resolved, ready to check; or the reason it cannot be. */
export type PreparedFile =
  | { readonly path: string; readonly models: readonly Model[]; readonly error: null }
  | { readonly path: string; readonly models: readonly Model[]; readonly error: DerivationError };

/** Text to models: parse, then resolve each derivation. Never throws for bad input. */
export function prepareFile(content: string | Uint8Array, path: string): PreparedFile {
  try {
    // An unreadable step is an error of its own; every other step of the file is still checked.
    const file = parseDerivationFile(content, path, { recover: true });
    // A budget of inlined nodes per derivation, within one for the whole file: many derivations must not multiply it.
    const inlined = new InlineBudget();
    return { path, models: file.derivations.map((d) => buildModel(d, inlined.forDerivation())), error: null };
  } catch (error) {
    if (error instanceof DerivationSyntaxError || error instanceof DerivationError) return { path, models: [], error };
    throw error;
  }
}

/** Reads a file and prepares it; a file that cannot be read is an `io` error for that file, not an exception. */
export function prepareFileAt(path: string): PreparedFile {
  let content: Uint8Array;
  try {
    content = readRegularFile(path);
  } catch (error) {
    if (error instanceof DerivationError) return { path, models: [], error };
    const reason = systemErrorWords(error);
    const problem = new DerivationError(diagnostic('io', `cannot read the file: ${reason}`, path, undefined, 'check that the file exists and is readable'));
    return { path, models: [], error: problem };
  }
  return prepareFile(content, path);
}

/** Checks a prepared file: every derivation, every claim, every step. */
export function checkPrepared(prepared: PreparedFile, options: CheckOptions = {}): FileResult {
  if (prepared.error) return { path: prepared.path, error: prepared.error.diagnostic, derivations: [] };
  const derivations: DerivationResult[] = prepared.models.map((m) => checkModel(m, options));
  return { path: prepared.path, error: null, derivations };
}

/** All the steps a prepared file holds, for progress displays. */
export function countSteps(prepared: PreparedFile): number {
  return prepared.models.reduce((n, m) => n + m.claims.reduce((k, c) => k + c.steps.length, 0), 0);
}
