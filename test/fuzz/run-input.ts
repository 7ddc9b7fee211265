/**
 * Runs one hostile input through the library as the command does (parse,
 * resolve, check) and says what, if anything, is wrong with the outcome: every
 * outcome must be a verdict or a diagnostic at file:line:col, within the
 * budgets, and never an exception or an internal error.
 */
import type { CheckOptions, Diagnostic } from '../../src/index.ts';
import { checkPrepared, prepareFile } from '../../src/pipeline/index.ts';

/** Small budgets, so 10^5 inputs take minutes; the limits themselves are what is under test. */
export const FUZZ_OPTIONS: CheckOptions = { seed: 7, trials: 3, sizes: [1, 2], budget: { maxWork: 200_000, maxTerms: 50_000, maxInstances: 100 } };

/** Diagnostics about a whole file that have no place in it to point at. */
const WHOLE_FILE = new Set(['not-text', 'empty-file', 'io']);

/** Past this, an input counts as a hang (the per-step budgets above are far below it). */
export const SLOW_MS = 5_000;

export interface FuzzProblem {
  readonly kind: 'exception' | 'internal-error' | 'no-location' | 'slow';
  readonly detail: string;
}

/** What the inputs came to: files refused, and steps by verdict. */
export type FuzzTally = Map<string, number>;

export function runHostile(input: string | Uint8Array, tally?: FuzzTally): FuzzProblem | undefined {
  const started = Date.now();
  let problem: FuzzProblem | undefined;
  const count = (key: string) => tally?.set(key, (tally.get(key) ?? 0) + 1);
  try {
    const result = checkPrepared(prepareFile(input, 'fuzz.deriv'), FUZZ_OPTIONS);
    count(result.error ? 'files refused' : 'files read');
    for (const d of result.derivations) for (const c of d.claims) for (const s of c.steps) count(s.verdict);
    const located = (d: Diagnostic | undefined) => d === undefined || WHOLE_FILE.has(d.code) || (d.span !== undefined && d.span.line >= 0 && d.span.col >= 1);
    if (result.error && !located(result.error)) problem = { kind: 'no-location', detail: `${result.error.code}: ${result.error.message}` };
    for (const step of result.derivations.flatMap((d) => d.claims.flatMap((c) => c.steps))) {
      if (step.detail.engineFault?.startsWith('internal error')) problem ??= { kind: 'internal-error', detail: step.detail.engineFault };
      if (!located(step.detail.diagnostic)) problem ??= { kind: 'no-location', detail: `${step.detail.diagnostic!.code}: ${step.detail.diagnostic!.message}` };
    }
  } catch (error) {
    problem = { kind: 'exception', detail: error instanceof Error ? `${error.name}: ${error.message}\n${error.stack}` : String(error) };
  }
  const elapsed = Date.now() - started;
  if (!problem && elapsed > SLOW_MS) problem = { kind: 'slow', detail: `${elapsed} ms` };
  return problem;
}
