import type { Diagnostic } from '../diagnostics/index.ts';
import type { Relation, Span } from '../syntax/index.ts';

/**
 * Every step gets exactly one verdict:
 * - `proved`: the exact engine brought both sides to the same canonical form, and random inputs agree;
 * - `verified`: the exact engine could not decide; both sides agree on every random input;
 * - `refuted`: a counterexample, shrunk to the simplest input that still fails;
 * - `error`: the step cannot be checked (a problem in the file, no domain, or an engine fault).
 */
export type Verdict = 'proved' | 'verified' | 'refuted' | 'error';

/** `every-n`: proved for every size of every dimension; `sizes-tried`: at the concrete sizes tried. */
export type ProofScope = 'every-n' | 'sizes-tried';

/** A failing input: the values, both sides, and what the difference was measured against. */
export interface Counterexample {
  readonly sizes: Readonly<Record<string, number>>;
  /** Free index values (and label/one-hot cases) of the worst entry. */
  readonly indices: Readonly<Record<string, number>>;
  readonly inputs: Readonly<Record<string, readonly number[] | number>>;
  /**
   * Each abstract function the step uses (`given f: function`): the member of
   * the family the counterexample used, as a formula in u, and its parameters
   * (docs/syntax.md). Absent when the step uses none.
   */
  readonly functions?: Readonly<Record<string, { readonly variables: readonly string[]; readonly formula: string; readonly parameters: readonly number[] }>>;
  readonly lhs: number | string;
  readonly rhs: number | string;
  readonly difference: number | string;
  /** What the difference was allowed to be from method error alone. */
  readonly tolerance: number | undefined;
  /** How the counterexample was found: `finite differences` (doubles) or `60-digit evaluation`. */
  readonly foundBy: string;
}

export interface StepDetail {
  /** Random inputs compared. */
  readonly trials: number;
  /** Size assignments tried. */
  readonly sizes: readonly Readonly<Record<string, number>>[];
  /** The run's seed: `--seed` with it replays the run exactly. */
  readonly seed: number;
  /** fast-check's own seed and path for the failing size, to replay just this check. */
  readonly replay?: { readonly seed: number; readonly path: string };
  /** Largest relative difference between the sides over all inputs (verified and proved steps). */
  readonly worstRelative?: number;
  readonly counterexample?: Counterexample;
  /** How the sides differ, from the exact engine ("differ by a factor -1"). */
  readonly explanation?: string;
  /**
   * For a known mistake: the step the file gives as the right one, by convention
   * a later step that holds and is compared with the same expression.
   */
  /** `definition`: where the right step is the name of a `let` (`δ2`), its definition as written, to contrast with. */
  readonly correction?: { readonly line: number; readonly text: string; readonly relation: Relation; readonly definition?: string };
  /**
   * For a refuted step with a derivative in the line above and no right step in
   * the file: the derivative, derived and simplified in the derivation's own
   * names. `proof` says how it was shown equal to the derivative (`numeric`: only
   * agreeing in double precision, no proof found).
   */
  readonly derived?: { readonly text: string; readonly proof: 'every-n' | 'sizes-tried' | 'numeric'; readonly notation: 'index' | 'matrix' };
  /** Why the exact engine could not decide. */
  readonly undecided?: string;
  /**
   * Set on a step that holds almost everywhere while its sides use different
   * conventions at a kink: "differs only at the kink x = 0 (convention at 0: >= vs >)".
   */
  readonly kink?: string;
  /**
   * Set on a step about a derivative that holds almost everywhere while it has no
   * value on a set of measure zero where the line above has one:
   * "no value where x[k] = 0, a set of measure zero the line above does not rule out".
   */
  readonly removable?: string;
  /** Set when the two engines disagree: a bug in derivcheck, not a verdict on the step. */
  readonly engineFault?: string;
  /** The instances the exact engine decided. */
  readonly instances?: number;
  readonly diagnostic?: Diagnostic;
  /** Parameters of the numeric method. */
  readonly numeric?: {
    readonly method: string;
    /** The tolerance is this factor times the propagated error bounds of both sides. */
    readonly errorFactor: number;
    /** Inputs this close to a kink inside a derivative are discarded. */
    readonly kinkMargin: number;
    /** Inputs where double precision lost a side (underflow, overflow, NaN), re-evaluated in 60 digits; absent when none. */
    readonly rescued?: number;
    /** Of those, inputs 60 digits could not settle either: left out of the verdict. */
    readonly discarded?: number;
  };
}

export interface StepResult {
  readonly line: number;
  readonly span: Span;
  readonly text: string;
  /** How the step relates to the line above: `=`, or an inequality of a chain (`<=`, `<`, `>=`, `>`). */
  readonly relation: Relation;
  readonly justification: string | undefined;
  readonly verdict: Verdict;
  readonly proof: ProofScope | undefined;
  readonly expect: 'holds' | 'wrong';
  /** Whether the verdict is what the file expects (`error` never is). */
  readonly ok: boolean;
  readonly method: string;
  readonly detail: StepDetail;
}

export interface ClaimResult {
  readonly line: number;
  readonly text: string;
  readonly ok: boolean;
  readonly steps: readonly StepResult[];
}

export interface DerivationResult {
  readonly title: string;
  readonly source: string | undefined;
  readonly claims: readonly ClaimResult[];
  /**
   * Names whose prime is a derivative, not a transpose: a function of one variable an equation
   * defines (`implicit y(x): ...`). For typeset reports; not part of the JSON report.
   */
  readonly primed?: readonly string[];
}

export interface FileResult {
  readonly path: string;
  /** Set when the file cannot be read at all; then `derivations` is empty. */
  readonly error: Diagnostic | null;
  readonly derivations: readonly DerivationResult[];
}

export interface Summary {
  readonly steps: number;
  readonly proved: number;
  readonly verified: number;
  readonly refuted: number;
  readonly error: number;
  /** Steps whose verdict is not what the file expects, plus unreadable files. */
  readonly unexpected: number;
}

export interface CheckReport {
  readonly version: 1;
  readonly seed: number;
  readonly files: readonly FileResult[];
  readonly summary: Summary;
}

export function isExpected(verdict: Verdict, expect: 'holds' | 'wrong'): boolean {
  if (verdict === 'error') return false;
  return expect === 'wrong' ? verdict === 'refuted' : verdict === 'proved' || verdict === 'verified';
}

export function summarize(files: readonly FileResult[]): Summary {
  const counts = emptySummary();
  for (const file of files) {
    if (file.error) counts.unexpected++;
    for (const d of file.derivations) for (const c of d.claims) for (const s of c.steps) countStep(counts, s);
  }
  return counts;
}

/** A summary of nothing, to count steps into (see {@link countStep}). */
export function emptySummary(): { -readonly [K in keyof Summary]: Summary[K] } {
  return { steps: 0, proved: 0, verified: 0, refuted: 0, error: 0, unexpected: 0 };
}

/** Counts one step into a summary: as the report's, or as a run goes (the command line's watchdog). */
export function countStep(counts: { -readonly [K in keyof Summary]: Summary[K] }, step: Pick<StepResult, 'verdict' | 'ok'>): void {
  counts.steps++;
  counts[step.verdict]++;
  if (!step.ok) counts.unexpected++;
}
