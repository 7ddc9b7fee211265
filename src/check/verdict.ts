import type { NumericOutcome } from '../numeric/index.ts';
import type { EveryNOutcome, SymbolicOutcome } from '../symbolic/index.ts';
import type { ProofScope } from './results.ts';

/** What the three engines found about one step. */
export interface Evidence {
  /** The index calculus: proved for every n, or not. */
  readonly everyN: EveryNOutcome;
  /** The exact engine at the concrete sizes: equal, different (perhaps confirmed in 60 digits), or undecided. */
  readonly symbolic: SymbolicOutcome;
  /** The numbers: agree, a counterexample, or no input where both sides have a value. */
  readonly numeric: NumericOutcome;
  /** No dimension symbol: the concrete sizes are every size there is. */
  readonly onlyFixedSizes: boolean;
  /** The step and the line above read no input: their values are constants, which the exact engine had. */
  readonly constant?: boolean;
}

/** The verdict the evidence supports, and which engine carries it. */
export type Judgement =
  | { readonly verdict: 'proved'; readonly proof: ProofScope; readonly by: 'index-calculus' | 'exact-form' }
  | { readonly verdict: 'refuted'; readonly by: 'numbers' | 'high-precision' | 'never-zero' }
  | { readonly verdict: 'verified'; readonly unexplainedDifference: boolean }
  | { readonly verdict: 'error'; readonly why: 'no-domain' }
  | { readonly verdict: 'error'; readonly why: 'engine-fault'; readonly fault: string };

/**
 * No engine is trusted alone. In order, the first rule that applies:
 *
 * | evidence | verdict |
 * |---|---|
 * | the line above has no value anywhere (exact engine), but it diverges to an infinity where the step is finite, or the step does where the line above has a value (numbers) | refuted |
 * | the line above has no value anywhere (exact engine) | error (no-domain) |
 * | no input where both sides have a value, but the exact engine differs, confirmed in 60 digits (the numbers lost every input to the range of doubles), or its spot check past its budget shows a difference | refuted (below double precision) |
 * | no input where both sides have a value, unless the exact engine proved the sides equal with a value everywhere, or at a point it shows (the numbers lost every input to their own limits) | error (no-domain) |
 * | index calculus proved, exact engine differs, confirmed in 60 digits | error (engine fault) |
 * | index calculus proved, numbers refute | error (engine fault) |
 * | index calculus proved | proved, every n |
 * | exact engine equal, numbers refute | error (engine fault) |
 * | exact engine equal | proved at the sizes tried (every n if no size is symbolic) |
 * | numbers refute | refuted |
 * | exact engine differs, confirmed in 60 digits | refuted (below double precision) |
 * | exact algebra passed its budget, and the sides differ in 60 digits at a point | refuted (below double precision) |
 * | exact engine differs by a form that is never 0 at the one instance there is (no index or case, and no size the step reads), and the numbers found an input where both sides have a value | refuted (at that input) |
 * | anything else | verified |
 */
export function judge(e: Evidence): Judgement {
  const { everyN, symbolic, numeric } = e;
  const refutedByNumbers = numeric.kind === 'counterexample';
  // A side the exact engine finds no value for may diverge to an infinity (a closed form's log(0) at an end), and a step
  // that stays finite there is wrong: the numbers read the divergence from the order of the terms (numeric/divergence.ts).
  if (symbolic.kind === 'no-domain') return refutedByNumbers && numeric.example.divergence !== undefined ? { verdict: 'refuted', by: 'numbers' } : { verdict: 'error', why: 'no-domain' };
  const overflowOnly = symbolic.kind === 'equal' && (symbolic.unconditional || symbolic.domainWitnessed === true);
  if (numeric.kind === 'no-domain' && !overflowOnly) {
    // A 60-digit point where the line above has a value and the sides differ says what the doubles could not.
    if (everyN.kind !== 'proved' && symbolic.kind === 'different' && symbolic.confirmed) return { verdict: 'refuted', by: 'high-precision' };
    // So does one read when the algebra passed its budget ((1 + 1e-300)^(1e300) against e, probe 24).
    if (everyN.kind !== 'proved' && symbolic.kind === 'undecided' && symbolic.spotCheck?.confirmed) return { verdict: 'refuted', by: 'high-precision' };
    // Constants that differ by a form never 0 (2^(-10^400) against 0, past every evaluation's range: probe 58) differ.
    if (e.constant === true && symbolic.kind === 'different' && symbolic.neverZero !== undefined && noInstance(symbolic, e.onlyFixedSizes === true)) return { verdict: 'refuted', by: 'never-zero' };
    return { verdict: 'error', why: 'no-domain' };
  }
  // A derivative step wrong where its cases meet and the line above is continuous: the proof for every n read it almost
  // everywhere, as a kink's convention, which it is not there (ELU's derivative 0 at 0, probe 89).
  if (symbolic.kind === 'different' && symbolic.atJoin === true && symbolic.confirmed) return { verdict: 'refuted', by: 'high-precision' };
  if (everyN.kind === 'proved') {
    // A difference of canonical forms no point shows is the concrete engine's incompleteness (sqrt(a)^2 left
    // unsimplified where a > 0), not a contradiction of the proof: only a confirmed one is.
    if (symbolic.kind === 'different' && symbolic.confirmed) {
      return {
        verdict: 'error', why: 'engine-fault',
        fault: `the index calculus proved this step for every n, but the exact engine at concrete sizes finds a difference (${symbolic.explanation})`,
      };
    }
    if (refutedByNumbers) return { verdict: 'error', why: 'engine-fault', fault: 'the index calculus proved this step for every n, but random inputs refute it' };
    return { verdict: 'proved', proof: 'every-n', by: 'index-calculus' };
  }
  if (symbolic.kind === 'equal') {
    if (refutedByNumbers) return { verdict: 'error', why: 'engine-fault', fault: 'the exact engine proved this step, but random inputs refute it' };
    return { verdict: 'proved', proof: e.onlyFixedSizes ? 'every-n' : 'sizes-tried', by: 'exact-form' };
  }
  if (refutedByNumbers) return { verdict: 'refuted', by: 'numbers' };
  if (symbolic.kind === 'different' && symbolic.confirmed) return { verdict: 'refuted', by: 'high-precision' };
  // Exact algebra passed its budget, and a 60-digit evaluation of the sides at a point shows them differ.
  if (symbolic.kind === 'undecided' && symbolic.spotCheck?.confirmed) return { verdict: 'refuted', by: 'high-precision' };
  // The forms differ by one that is never 0 (A + 1e-14 against A, A a nested integral read in doubles only), and the
  // numbers found an input where both sides have a value: they differ there, below what any evaluation resolved.
  // Only where the instance is every instance (no index or case, and no size the step reads): at another size the forms are others.
  const everyInstance = symbolic.kind === 'different' && noInstance(symbolic, e.onlyFixedSizes === true);
  if (symbolic.kind === 'different' && everyInstance && numeric.kind === 'agree' && numeric.agreedAt !== undefined && symbolic.neverZero !== undefined) return { verdict: 'refuted', by: 'never-zero' };
  return { verdict: 'verified', unexplainedDifference: symbolic.kind === 'different' };
}

/**
 * Whether the exact engine's instance is every instance: no index or case, and no size, or only sizes the step does not
 * read (`readsNoSize`: a scalar step in a derivation that declares an spd[n, n] was verified, off by log1p(e^u) > 0, probe 77).
 */
function noInstance(symbolic: Extract<SymbolicOutcome, { kind: 'different' }>, readsNoSize = false): boolean {
  return [...(readsNoSize ? [] : [symbolic.instance.sizes]), symbolic.instance.indices, symbolic.instance.cases].every((r) => Object.keys(r).length === 0);
}
