import fc from 'fast-check';
import { freeInputNames, functionParameterRanges, FUNCTIONS, hasDiff, inputNames, usesIndexVariable, insideInterval, isContinuousKind, mapChildren, someSubterm, toPrecise, type FreeIndex, type Input, type Term } from '../model/index.ts';
import { Decimal } from 'decimal.js';
import { cornerExamples, edgeExamples, fillValues, gridExamples, INPUT_RANGES, inputsArbitrary, jumpExamples, magnitudeExamples, patternExamples, SIMPLE_VALUES } from './arbitraries.ts';
import { QUADRATURE_WORK, resetQuadratureWork, withQuadratureWork, type Compiled, type EvaluationState } from './compile.ts';
import { acquireCompiled, releaseCompiled, type CompiledAtSize } from './compiled-steps.ts';
import { compilePreciseSide, evaluatePrecise, PreciseDecimal, preciseEvaluator, type PreciseSide } from './precise.ts';
import { endExamples, relativePlacer } from './relative-ends.ts';
import { specialValues, type SpecialValues } from './special-values.ts';
import { directionalCheck, DIRECTIONAL_THRESHOLD, gradientStep } from './directional.ts';
import { dimSize } from './layout.ts';

/** Inputs closer than this to a kink (of relu, abs, max, a comparison) are discarded: no derivative is defined there. */
export const KINK_MARGIN = 1e-6;

/**
 * Safety factor on the propagated error bounds. The finite-difference error
 * estimates were measured low by up to about 9x on noisy functions (5-9% of
 * cases); the round-off part is a first-order bound and already pessimistic.
 */
export const ERROR_FACTOR = 10;

/** One side-by-side evaluation of a step at one input and one value of its free indices. */
export interface NumericComparison {
  readonly sizes: Readonly<Record<string, number>>;
  /** Values of the free indices at the worst entry. */
  readonly indices: Readonly<Record<string, number>>;
  readonly inputs: Readonly<Record<string, readonly number[]>>;
  readonly lhs: number;
  readonly rhs: number;
  readonly difference: number;
  /** What |lhs - rhs| may be from finite-difference error and round-off alone. */
  readonly tolerance: number;
  /**
   * Set when the comparison was made in high precision (double precision lost a
   * side): lhs, rhs and difference to 20 significant digits, which `lhs` and
   * `rhs` as doubles may not hold (exp(1000) is infinite in doubles).
   */
  readonly precise?: { readonly lhs: string; readonly rhs: string; readonly difference: string };
  /** Set where a side diverges to an infinity here (divergence.ts): why, in words. */
  readonly divergence?: string;
}

/**
 * How often double precision could not judge an input. `rescued`: inputs where a
 * side underflowed, overflowed, came out NaN or decided a comparison too close to
 * call, re-evaluated in high precision. `discarded`: inputs of those that high
 * precision could not settle either (a derivative with no diff-free form, a value
 * at one precision only, a difference below the digits kept, the budget spent):
 * no evidence either way, left out of the verdict.
 */
export interface PrecisionCounts {
  readonly rescued: number;
  readonly discarded: number;
  /** Of the discarded, those where the line above had a value and only the step could not be settled (a divergent integral). */
  readonly stepOnly?: number;
}

/**
 * Where a step has more entries (values of its free indices) at a size than
 * {@link MAX_ENTRIES_PER_INPUT}, each input compares a sample of them: `compared`
 * of the `of` entries at the largest such size.
 */
export interface EntrySample {
  readonly compared: number;
  readonly of: number;
}

export type NumericOutcome =
  | {
      readonly kind: 'agree';
      /** Inputs on which both sides were compared. */
      readonly trials: number;
      /** Largest |lhs - rhs| / max(|lhs|, |rhs|) seen. */
      readonly worstRelative: number;
      /** Largest |lhs - rhs| / tolerance seen: how close the step came to failing. */
      readonly worstRatio: number;
      readonly sizes: readonly Readonly<Record<string, number>>[];
      readonly precision?: PrecisionCounts;
      readonly entries?: EntrySample;
      /** Inputs where the step had no value but the line above had one, and the step one nearby (see NumericStep.almostEverywhere). */
      readonly removable?: number;
      /**
       * The first input where both sides had a value and agreed: where an exact engine knows the sides
       * differ by a form that is never 0, the step is wrong there, however far below the digits.
       */
      readonly agreedAt?: NumericComparison;
    }
  | {
      readonly kind: 'counterexample';
      readonly example: NumericComparison;
      /** fast-check's seed and path for this size: `fc.check(..., { seed, path })` replays it. */
      readonly seed: number;
      readonly path: string;
      readonly trials: number;
      readonly shrinks: number;
      readonly sizes: readonly Readonly<Record<string, number>>[];
      readonly precision?: PrecisionCounts;
      readonly entries?: EntrySample;
    }
  | {
      /** No input where the line above (lhs) has a value; or (`settled`) so few settled among many lost that they verify nothing. */
      readonly kind: 'no-domain';
      readonly trials: number;
      /** Set (to their count) where fewer than {@link MIN_SETTLED_INPUTS} inputs other than 0s and 1s settled and agreed, and nearly every other was lost. */
      readonly settled?: number;
      readonly sizes: readonly Readonly<Record<string, number>>[];
      readonly precision?: PrecisionCounts;
      readonly entries?: EntrySample;
    };

export interface NumericStepOptions {
  /** Random inputs per size assignment. */
  readonly trials: number;
  /** The seed of the first size; each next size uses seed + 1, + 2, ... */
  readonly seed: number;
  /** Size assignments to try, smallest first. */
  readonly sizes: readonly ReadonlyMap<string, number>[];
  /** The work high-precision re-evaluations may do per size assignment, 20 times it where a side has a limit. Default: {@link MAX_PRECISE_WORK}. */
  readonly preciseWork?: number;
  /**
   * Whether `preciseWork` binds inside an evaluation too, an integral in 60 digits
   * stopping at it: where an exact engine proved the step the numbers only
   * cross-check it, and an input doubles cannot settle is passed over rather than
   * read at any cost. Otherwise it binds between evaluations, so one integral may
   * take its own budget. Default: false.
   */
  readonly preciseWorkBindsInside?: boolean;
  /**
   * Entries each input compares at most; past it, a sample of {@link SAMPLED_ENTRIES}
   * chosen from the input's values. Default: {@link MAX_ENTRIES_PER_INPUT}.
   */
  readonly maxEntries?: number;
  /**
   * A gradient step with more entries than this at a size is checked along random
   * directions there, every entry only to name a failure. Default:
   * {@link DIRECTIONAL_THRESHOLD}.
   */
  readonly directionalAbove?: number;
  /**
   * Whether a failure no finite difference settles is read again in high precision
   * before it counts (see judgeEntries). Default: true. The check passes false where
   * an exact engine already found the sides different: the reading could only
   * confirm the failure, and it costs 60-digit work on every refuted step. A failure
   * that no second finite difference repeats is read again all the same: the exact
   * engine's difference may be a relation of its atoms it does not know
   * (tan(pi/2 - u) against cot(u)), and that take's error estimate the wrong one.
   */
  readonly rescueUnsettled?: boolean;
  /**
   * Whether sides that agree in doubles are read again in high precision, with their
   * error bounds, where the precision budget allows (about one input of a step with an
   * integral): a failure there counts. Default: false. The check passes true where an
   * exact engine found the sides different by what no exact point can confirm (an
   * integral's atom against a constant 1e-20 off it), so doubles cannot see it.
   */
  readonly readAgreementsPrecisely?: boolean;
  /**
   * Whether each scalar input is also read at 10^k and -10^k, k from 3 to 300 either way (arbitraries.ts
   * magnitudeExamples): a bound that fails only far out. Default false: an equality of comparisons ((t < 5) = 1)
   * is refuted at inputs a student can check by hand. A side with a finite difference is never read so far out.
   */
  readonly readFarDecades?: boolean;
}

/**
 * Both sides of a step and what they range over. `lhs` is the line above: the
 * step must have its value wherever lhs has one (the domain rule).
 */
export interface NumericStep {
  readonly lhs: Term;
  readonly rhs: Term;
  readonly inputs: readonly Input[];
  readonly freeIndices: readonly FreeIndex[];
  /**
   * Diff-free forms of the sides (their derivatives taken symbolically), used
   * only to re-evaluate in high precision a side with a `diff` where double
   * precision failed. Without one, such an input is discarded.
   */
  readonly preciseLhs?: Term;
  readonly preciseRhs?: Term;
  /**
   * The step is about a derivative and holds almost everywhere: where the step has
   * no value but the line above has one, and the step has one at a point nearby
   * (x[k] = 0 in prod(x) / x[k]), the point is of a set of measure zero, and no
   * evidence against it. Default: false, every such point refutes.
   */
  readonly almostEverywhere?: boolean;
}

/**
 * The work high-precision re-evaluations may do per size assignment, in
 * operations (see PreciseWork; a function value counts 100): past it, an input
 * double precision cannot judge is discarded and counted. A softmax input at
 * n = 8 needs about 3,000, so a few inputs per size are re-evaluated; an exp of
 * 1000 at 60 digits takes about half a millisecond, so this bounds the cost at
 * some 60 ms per size. Counted, not timed, so a seed replays the same verdict on
 * any machine under any load.
 */
export const MAX_PRECISE_WORK = 10_000;

/**
 * A limit has no double value and is read in 60 digits on every input (six readings of its
 * body, model/precise-limit.ts): a step with one gets this many times `preciseWork`, so some hundred
 * inputs are read, not ten.
 */
const LIMIT_WORK_FACTOR = 20;
/** ... and where a limit reads an integral, one settled reading of it (numeric/precise.ts, PRECISE_LIMIT_OF_INTEGRAL_WORK). */
const LIMIT_OF_INTEGRAL_WORK_FACTOR = 1000;

/**
 * A series to infinity whose terms overflow doubles before they shrink (a Poisson mass
 * lam^k e^-lam / k! at lam = 100 past k = 154) is read in 60 digits at every input, a few
 * hundred terms of three functions each: a step with one gets this many times `preciseWork`.
 */
const SERIES_WORK_FACTOR = 20;

/**
 * Entries compared per input, at most: a 1000×1000 Jacobian in index notation has
 * a million entries, each a finite difference, and comparing every one on every
 * input would take hours. Beyond this, each input compares a sample chosen from
 * its own values (so a seed replays it), the first and last entries among them; a
 * wrong entry is found across the inputs, and the method says how many were compared.
 */
export const MAX_ENTRIES_PER_INPUT = 1024;

/**
 * Milliseconds locating a failure (every entry of one input, the worst reported) may take once
 * {@link SAMPLED_ENTRIES} entries are compared and one of them fails: past them, the worst so far
 * is reported, with how many entries were compared. The gradient of x'Ax at a fixed size 1000 is
 * 1000 finite differences of a million-term sum: located entry by entry, it ran for many minutes.
 */
const LOCATE_MS = 3_000;

/** Entries each input compares where there are more than {@link MAX_ENTRIES_PER_INPUT}: a quarter of them on the diagonal. */
export const SAMPLED_ENTRIES = 32;

/**
 * The first steps, relative to max(|x|, 1), with which a failing finite difference
 * is taken again, largest first: down to where f's own scale may be (atan(1e12 x)
 * at x = 0 turns within 1e-12, sin(7e5 x) at x = 7e5 within 1e-11 of x), and at
 * x = 0 on to the smallest doubles (atan(1e300 x)); below an ulp of x a retake
 * has no points to take and costs little.
 */
const RETAKEN_FIRST_STEPS = [1e-3, 1e-5, 1e-7, 1e-9, 1e-11, 1e-13, ...Array.from({ length: 36 }, (_, k) => 10 ** (-21 - 8 * k))];

/** A rescued comparison settles only where the two precisions agree on the difference to this fraction of the sides. */
const SETTLED = 1e-10;

/** The absolute bound within which a side read in high precision agrees with an exact 0 (see compareSides). */
const ABSOLUTE_ZERO = 1e-40;

interface Judged {
  readonly worst: NumericComparison | undefined;
  readonly ratio: number;
  readonly relative: number;
  /** Whether some entry was compared: lhs had a value (and the step one, or none where it should). */
  readonly defined: boolean;
  readonly nearKink: boolean;
  /** Whether some entry could be judged neither in double nor in high precision. */
  readonly lost: boolean;
}

/**
 * Compares the two sides of a step on random inputs at each size assignment;
 * the first size with a failure stops the search, and fast-check shrinks the
 * failing input to the simplest one that still fails.
 */
export function checkStepNumerically(step: NumericStep, options: NumericStepOptions): NumericOutcome {
  const acquired: CompiledAtSize[] = [];
  try {
    return checkWithCompiled(step, options, acquired);
  } finally {
    for (const c of acquired) releaseCompiled(c);
  }
}

/** What a step's terms are, read from them alone: the same for every check of the step, so read once per step. */
interface StepFacts {
  readonly readsLimit: boolean;
  readonly readsLimitOfIntegral: boolean;
  readonly lhsHasDiff: boolean;
  readonly rhsHasDiff: boolean;
  readonly kinkInDiff: boolean;
  readonly readsSeries: boolean;
  readonly readsDivergent: { readonly lhs: boolean; readonly rhs: boolean };
  readonly gradient: ReturnType<typeof gradientStep>;
  readonly read: ReadonlySet<string>;
  /** Special values by size (a term's constants and switch points read at its sizes). */
  readonly special: Map<string, SpecialValues>;
}

/** By step object: a notebook or a bench checking one step again reads its terms once. */
const stepFacts = new WeakMap<NumericStep, StepFacts>();

function factsOf(step: NumericStep): StepFacts {
  let facts = stepFacts.get(step);
  if (facts !== undefined) return facts;
  // A series, an integral or a limit may diverge to an infinity, which the order of its body tells (divergence.ts).
  const mayDiverge = (x: Term) => x.k === 'series' || x.k === 'integral' || x.k === 'limit';
  facts = {
    readsLimit: someSubterm(step.lhs, (x) => x.k === 'limit') || someSubterm(step.rhs, (x) => x.k === 'limit'),
    readsLimitOfIntegral: [step.lhs, step.rhs].some((side) => someSubterm(side, (x) => x.k === 'limit' && someSubterm(x.body, (y) => y.k === 'integral'))),
    lhsHasDiff: hasDiff(step.lhs),
    rhsHasDiff: hasDiff(step.rhs),
    kinkInDiff: hasKinkInDiff(step.lhs) || hasKinkInDiff(step.rhs),
    readsSeries: someSubterm(step.lhs, (x) => x.k === 'series') || someSubterm(step.rhs, (x) => x.k === 'series'),
    readsDivergent: { lhs: someSubterm(step.lhs, mayDiverge), rhs: someSubterm(step.rhs, mayDiverge) },
    gradient: gradientStep(step.lhs, step.rhs, step.freeIndices),
    read: inputNames(step.lhs, inputNames(step.rhs)),
    special: new Map(),
  };
  stepFacts.set(step, facts);
  return facts;
}

/** The step's special values at a size assignment, read once per step and size. */
function specialValuesAt(step: NumericStep, facts: StepFacts, sizes: ReadonlyMap<string, number>): SpecialValues {
  const key = [...sizes].map(([name, size]) => `${name}=${size}`).join(',');
  let special = facts.special.get(key);
  if (special === undefined) {
    special = specialValues([step.lhs, step.rhs], step.inputs, sizes);
    facts.special.set(key, special);
  }
  return special;
}

function checkWithCompiled(step: NumericStep, options: NumericStepOptions, acquired: CompiledAtSize[]): NumericOutcome {
  resetQuadratureWork();
  const facts = factsOf(step);
  let trials = 0;
  let worstRelative = 0;
  let worstRatio = 0;
  let agreedAt: NumericComparison | undefined;
  let definedAnywhere = false;
  // Inputs where both sides settled and agreed, other than 0s and 1s: where 99 were lost, x = 0 alone is no evidence
  // (sum(k, 1, Infinity, sin(k x) / k^3), all of whose terms are 0 there: a false closed form was verified, probe 112).
  // One random input read in 60 digits is (a semicircle's area; the others were past the step's 60-digit budget).
  const settledInputs = new Set<string>();
  const tried: Record<string, number>[] = [];
  const { readsLimit, readsLimitOfIntegral, lhsHasDiff, rhsHasDiff, kinkInDiff, readsSeries, readsDivergent, gradient } = facts;
  const isBound = step.rhs.k === 'cmp' || step.lhs.k === 'cmp';

  // Agreements read again in 60 digits (readAgreementsPrecisely), at most MAX_AGREEMENT_READINGS per step.
  let preciseReadings = 0;
  let readingAgreements = true;
  let totalRescued = 0;
  let totalDiscarded = 0;
  let totalRemovable = 0;
  let totalStepOnly = 0;
  const counts = (): PrecisionCounts => ({ rescued: totalRescued, discarded: totalDiscarded, ...(totalStepOnly > 0 ? { stepOnly: totalStepOnly } : {}) });

  let sampled: EntrySample | undefined;
  // An input where the line above diverges to an infinity and the step has a finite value: the counterexample
  // where the line above has no value anywhere else (`integral(t, 1, Infinity, 1/t) = 1`).
  let divergentWitness: { example: NumericComparison; seed: number } | undefined;
  const preciseWork = (options.preciseWork ?? MAX_PRECISE_WORK) * (readsLimitOfIntegral ? LIMIT_OF_INTEGRAL_WORK_FACTOR : readsLimit ? LIMIT_WORK_FACTOR : readsSeries ? SERIES_WORK_FACTOR : 1);
  // The budget the input being judged reads against: `preciseWork`, spent across a size's inputs, or a far decade's own.
  let budget = preciseWork;
  const directionalAbove = options.directionalAbove ?? DIRECTIONAL_THRESHOLD;
  const rescueUnsettled = options.rescueUnsettled ?? true;
  // Whether a side reads no input and no free index, asked once per step and only of a side read in high precision.
  const constantSide: { lhs?: boolean; rhs?: boolean } = {};
  const isConstant = (which: 'lhs' | 'rhs') => (constantSide[which] ??= isConstantSide(step[which], step.freeIndices));
  for (let s = 0; s < options.sizes.length; s++) {
    const sizes = options.sizes[s];
    const sizeRecord = Object.fromEntries(sizes);
    tried.push(sizeRecord);
    const compiled = acquireCompiled(step, sizes, readsDivergent);
    acquired.push(compiled);
    const { layout, slots, lhs, rhs, state, derived, lhsDiverges, rhsDiverges } = compiled;
    // Inputs whose ends read other inputs are put inside them before each judgement (relative-ends.ts).
    const place = relativePlacer(layout);
    const entryCount = countAssignments(step.freeIndices, sizes);
    const allAssignments = entryCount <= (options.maxEntries ?? MAX_ENTRIES_PER_INPUT) ? indexAssignments(step.freeIndices, sizes) : undefined;
    if (allAssignments === undefined) sampled = { compared: SAMPLED_ENTRIES, of: Math.max(sampled?.of ?? 0, entryCount) };
    const freeSlots = step.freeIndices.map((f) => slots.slot(f.name));

    const evaluator = preciseEvaluator();
    const { work } = evaluator;
    let rescuedHere = false;
    let removableHere = false;
    let unlimited = false;
    let discarded = 0;
    let stepOnly = 0;
    let rescued = 0;
    let removable = 0;
    let lastFailing = 0;
    /** High-precision work spent on failures no finite difference could settle (see judgeEntries). */
    let fallbackWork = 0;
    /** Whether high precision found the sides agreeing where a failure of the doubles had been corroborated. */
    let doublesOverturned = false;
    // Compiled on first need: most steps never lose a value to the range of doubles.
    const precise: { lhs?: PreciseSide | null; rhs?: PreciseSide | null } = {};
    const preciseSide = (which: 'lhs' | 'rhs'): PreciseSide | null => {
      let side = precise[which];
      if (side === undefined) {
        const term = which === 'lhs' ? (lhsHasDiff ? step.preciseLhs : step.lhs) : (rhsHasDiff ? step.preciseRhs : step.rhs);
        side = term === undefined || hasDiff(term) ? null : compilePreciseSide(term, layout, slots, evaluator);
        precise[which] = side;
      }
      return side;
    };
    /**
     * A side as double precision gave it, or re-evaluated in high precision where that failed. `pair`: the other
     * side of this entry was just read in high precision, so this one is too, past the budget (an integral alone
     * can spend it, and a side read in 60 digits is compared only with the other read likewise).
     */
    // A side that reads no input and no free index (a definite integral between numbers, 27/2) has one value at every
    // input of a size: read in high precision once. A double integral's 60-digit quadrature was read again at every
    // input the shrinking tried, 6 s for a step (probe 36).
    const settled: { lhs?: SideValue; rhs?: SideValue } = {};
    const sideValue = (which: 'lhs' | 'rhs', d: Evaluated, pair = false): SideValue => {
      if (!doubtful(d)) return { kind: 'double', value: d.value, error: d.error };
      const known = settled[which];
      if (known !== undefined) { rescuedHere = true; return known; }
      const side = preciseSide(which);
      if (side === null || (!unlimited && !pair && work.operations >= budget)) return { kind: 'unsettled' };
      work.limit = options.preciseWorkBindsInside && !unlimited && !pair ? budget : undefined;
      rescuedHere = true;
      const v = evaluatePrecise(side, state);
      const read: SideValue = v === undefined ? { kind: 'undefined' }
        : v === 'unsettled' || !v.error.isFinite() ? { kind: 'unsettled' } : { kind: 'precise', value: v.value, error: v.error };
      // Only a settled reading is kept: one cut short by a budget is tried again where the budget allows.
      if (read.kind !== 'unsettled' && isConstant(which)) settled[which] = read;
      return read;
    };
    /** Both sides of an entry read again in high precision and compared; undefined where the line above cannot be read so. */
    const comparedPrecisely = (l: Evaluated, r: Evaluated): Compared | undefined => {
      const l2 = sideValue('lhs', { ...l, needsPrecision: true });
      return l2.kind === 'precise' ? compareSides(l2, sideValue('rhs', { ...r, needsPrecision: true }, true), readsLimit) : undefined;
    };

    /**
     * Judges every entry (value of the free indices) at one input, by the domain
     * rule: where lhs, the line above, has no value the step is free; where lhs has
     * one, the step must have the same value, and a step with no value there fails
     * (unless it is a finite difference whose steps left the domain: no evidence).
     * `counting` is false while shrinking, whose inputs are not statistics.
     * Unless `whole`, the first entry that fails ends the input: whether it fails
     * is all the search and the shrinking ask; the report asks for the worst entry.
     */
    /** A comparison at this size, these values of the free indices and these inputs (copied: shrinking reuses the arrays). */
    const comparisonAt = (assignment: readonly number[], inputs: Record<string, number[]>, shown: Compared['shown']): NumericComparison => ({
      sizes: sizeRecord,
      indices: Object.fromEntries(step.freeIndices.map((f, i) => [f.name, assignment[i]])),
      inputs: Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, [...v]])),
      ...shown,
    });
    const judgeEntries = (drawn: Record<string, number[]>, counting = false, whole = false): Judged => {
      const inputs = place === undefined ? drawn : place(drawn);
      fillValues(layout, inputs, state.values);
      state.epoch++;
      derived?.(state);
      let worst: NumericComparison | undefined;
      let ratio = 0;
      let relative = 0;
      let defined = false;
      // Entries lost only on the step's side with the line above settled (a divergent integral in the step), and others.
      let lostOnStep = false;
      let lostElsewhere = false;
      rescuedHere = false;
      removableHere = false;
      const assignments = allAssignments ?? sampleAssignments(step.freeIndices, sizes, entryCount, hashValues(state.values));
      // Whether an input fails is asked first of the entry that failed last: while shrinking, a failure stays
      // where it was, and the entries before it need not be differentiated again and again.
      const first = whole ? 0 : lastFailing % assignments.length;
      const locateUntil = whole ? performance.now() + LOCATE_MS : Infinity;
      for (let a = 0; a < assignments.length; a++) {
        const at = (first + a) % assignments.length;
        const assignment = assignments[at];
        assignment.forEach((v, i) => { state.indices[freeSlots[i]] = v; });
        // A side that diverges is read before any quadrature or summing spends its work on it.
        const lhsInfinite = lhsDiverges?.(state);
        if (lhsInfinite !== undefined) {
          // The line above has no value here, and the step is free; but where it never has one, a finite step is wrong.
          if (divergentWitness === undefined && rhsDiverges?.(state) === undefined) {
            const r = evaluate(rhs, state);
            const right = r.kink < KINK_MARGIN ? undefined : sideValue('rhs', r);
            if (right?.kind === 'double' || right?.kind === 'precise') {
              const value = right.kind === 'double' ? right.value : right.value.toNumber();
              divergentWitness = {
                seed: (options.seed + s) | 0,
                example: comparisonAt(assignment, inputs, {
                  lhs: lhsInfinite.sign * Infinity, rhs: value, difference: lhsInfinite.sign * Infinity, tolerance: 0, divergence: lhsInfinite.reason,
                }),
              };
            }
          }
          continue;
        }
        const rhsInfinite = rhsDiverges?.(state);
        const l = evaluate(lhs, state);
        const r = rhsInfinite === undefined ? evaluate(rhs, state) : { value: rhsInfinite.sign * Infinity, error: 0, kink: Infinity, needsPrecision: false };
        // Near a kink the input is no evidence; where doubles lost the value too (1e-200 v squared underflows, and
        // sqrt of the 0 looks like its kink), it is one they could not settle, not one where the line above has none.
        if (l.kink < KINK_MARGIN || r.kink < KINK_MARGIN) {
          const lostHere = (l.kink < KINK_MARGIN && doubtful(l)) || (r.kink < KINK_MARGIN && doubtful(r));
          if (counting && lostHere) discarded++;
          return { worst: undefined, ratio: 0, relative: 0, defined: false, nearKink: true, lost: lostHere };
        }
        const left = sideValue('lhs', l);
        if (left.kind === 'undefined') continue;
        if (left.kind === 'unsettled') { lostElsewhere = true; continue; }
        const right: SideValue | { kind: 'infinite'; side: InfiniteSide } = rhsInfinite !== undefined ? { kind: 'infinite', side: rhsInfinite } : sideValue('rhs', r, left.kind === 'precise');
        if (right.kind === 'unsettled') { lostOnStep = true; continue; }
        // A side with a finite difference may be undefined only because its steps left the domain.
        if (right.kind === 'undefined' && rhsHasDiff) continue;
        if (right.kind === 'undefined' && step.almostEverywhere && hasValueNearby()) { removableHere = true; continue; }
        // An exact value (no error at all: g / sqrt(g^2 + 1) at g = 0 is 0) is a value, whatever its size.
        if (right.kind === 'undefined' && left.kind === 'double' && left.error !== 0 && !(left.error < Math.abs(left.value))) {
          // The line above has a value only as far as doubles can tell: its error bound is as large as the
          // value itself (1 / cos(asin(1)) is 1 / 6e-17, a zero lost to rounding). Whether it has one is read in 60 digits.
          const checked = sideValue('lhs', { ...l, needsPrecision: true });
          if (checked.kind === 'undefined') continue;
          if (checked.kind === 'unsettled' || (checked.kind === 'precise' && !checked.error.isZero() && !checked.error.lt(checked.value.abs()))) { lostElsewhere = true; continue; }
        }
        if (right.kind === 'undefined' && lhsHasDiff && left.kind === 'double') {
          // A finite difference may find a slope where there is no derivative (|x| at 0 gives 0): the line
          // above has a value there only if its derivative, taken symbolically, has one in 60 digits.
          const checked = sideValue('lhs', { ...l, needsPrecision: true });
          if (checked.kind === 'undefined') continue;
          if (checked.kind === 'unsettled') { lostElsewhere = true; continue; }
        }
        let compared = right.kind === 'infinite' ? divergedStep(left, right.side) : compareSides(left, right, readsLimit);
        // The report (whole) reads the input that failed again however many were read: else it would not find the failure.
        if (options.readAgreementsPrecisely && readingAgreements && (preciseReadings < MAX_AGREEMENT_READINGS || whole) && compared !== undefined && compared.ratio <= 1
          && left.kind === 'double' && right.kind === 'double') {
          // Only a failure changes anything: 60 digits with their bounds may see what doubles agree on. Both sides
          // are read (an integral alone spends a size's precision budget), on a few inputs of the step.
          preciseReadings++;
          const wasUnlimited = unlimited;
          unlimited = true;
          try {
            const precise = comparedPrecisely(l, r);
            if (precise !== undefined && precise.ratio > 1) compared = precise;
          } finally {
            unlimited = wasUnlimited;
          }
        }
        // One side read in 60 digits (doubles lost it) against one in doubles: they agree within the double's own
        // bound, 1e-16 of the sides, which says nothing past doubles. A slip of 1e-15 on an integral 60 digits read
        // (log(t) / (1 - t) over [0, 1] = -pi^2/6 + 1e-15, probe 38) was verified. The other side is read in 60 digits too.
        // Whatever the exact engine said: the side read in 60 digits is already paid for, and a few inputs a size suffice.
        if (readingAgreements && (preciseReadings < MAX_AGREEMENT_READINGS || whole) && compared !== undefined && compared.ratio <= 1
          && (left.kind === 'precise') !== (right.kind === 'precise') && (right.kind === 'precise' || right.kind === 'double')) {
          preciseReadings++;
          const wasUnlimited = unlimited;
          unlimited = true;
          try {
            const l2 = left.kind === 'precise' ? left : sideValue('lhs', { ...l, needsPrecision: true });
            const r2 = right.kind === 'precise' ? right : sideValue('rhs', { ...r, needsPrecision: true }, true);
            // Both read in 60 digits, or nothing: a side 60 digits find no value for where doubles had one is for the search to say.
            const precise = l2.kind === 'precise' && r2.kind === 'precise' ? compareSides(l2, r2, readsLimit) : undefined;
            if (precise !== undefined && precise.ratio > 1) compared = precise;
          } finally {
            unlimited = wasUnlimited;
          }
        }
        if (compared === undefined && left.kind === 'double' && right.kind === 'double') {
          // Doubles agreeing only within bounds above the values (sin(pi (3 + 1e-40)) 1e40): read again in high precision.
          compared = comparedPrecisely(l, r);
        }
        if (compared === undefined) { lostElsewhere = true; continue; }
        if (compared.ratio > 1 && (counting || whole) && (lhsHasDiff || rhsHasDiff) && left.kind === 'double' && right.kind === 'double') {
          const retaken = retakenWithSmallerSteps(compared, l, r);
          compared = retaken.compared;
          let readInPrecision = false;
          if (compared.ratio > 1 && (rescueUnsettled || !retaken.corroborated) && fallbackWork < MAX_PRECISE_WORK) {
            // No step settled it: a derivative below what a difference of the doubles can resolve (tanh(1e4 x)^2
            // at x = 0.0016 inside a sum of order 8) fails at every step alike, and a failure no other take repeats
            // may be one take's wrong error estimate. Double precision lost it: the
            // sides are read in high precision, a derivative through its form taken symbolically, on a budget of
            // its own (a search ends at its first failure, a report judges one input). Where high precision
            // cannot say (the budget spent, no diff-free form), the failure in doubles stands.
            const before = work.operations;
            const wasUnlimited = unlimited;
            unlimited = true;
            try {
              // Both sides: the one without a derivative may have lost its digits too (1 - tanh(15.9)^2).
              const precise = comparedPrecisely(l, r);
              // Only an agreement changes anything: a step that fails in 60 digits too is reported in doubles, as found.
              readInPrecision = precise !== undefined;
              if (precise !== undefined && precise.ratio <= 1) {
                compared = precise;
                doublesOverturned = true;
              }
            } finally {
              unlimited = wasUnlimited;
              fallbackWork += work.operations - before;
            }
          }
          // A failure no second take repeats and high precision could not read (its budget spent) is no evidence;
          // nor is one high precision could not read once it has overturned a failure of the doubles at this step
          // (sin(x) at x = 2e15: every take of every input failed alike, each read in 60 digits agreed, and the
          // first input past the budget was an engine fault).
          if (compared.ratio > 1 && !readInPrecision && (!retaken.corroborated || doublesOverturned)) { lostElsewhere = true; continue; }
        }
        defined = true;
        relative = Math.max(relative, compared.relative);
        if (worst === undefined || compared.ratio > ratio) {
          ratio = compared.ratio;
          worst = comparisonAt(assignment, inputs, compared.shown);
        }
        if (!whole && ratio > 1) { lastFailing = at; break; }
        if (whole && ratio > 1 && a + 1 >= SAMPLED_ENTRIES && a + 1 < assignments.length && performance.now() > locateUntil) {
          sampled = { compared: a + 1, of: Math.max(sampled?.of ?? 0, assignments.length) };
          break;
        }
      }
      const lost = lostOnStep || lostElsewhere;
      if (counting && lost) discarded++;
      if (counting && lostOnStep && !lostElsewhere && !defined) stepOnly++;
      if (counting && rescuedHere) rescued++;
      if (counting && removableHere) removable++;
      return { worst, ratio, relative, defined, nearKink: false, lost };
    };

    /**
     * Whether the step has a value at a point next to this input, where it has
     * none: every real entry moved by a relative 1e-9 (by 1e-12 from 0), in
     * directions drawn from the input's own values, so a seed replays it. Labels,
     * one-hot and simplex inputs stay: they have no nearby points of their kind.
     */
    const hasValueNearby = (): boolean => {
      const saved = Float64Array.from(state.values);
      let h = hashValues(state.values) | 1;
      const nextSign = (): number => {
        h ^= h << 13; h ^= h >>> 17; h ^= h << 5;
        return (h >>> 0) / 4294967296 - 0.5;
      };
      try {
        for (const slot of layout.slots.values()) {
          const { kind } = slot.input;
          if (!isContinuousKind(kind) || slot.input.definedBy !== undefined) continue;
          const count = slot.shape.reduce((a, b) => a * b, 1);
          for (let i = slot.offset; i < slot.offset + count; i++) {
            const v = state.values[i];
            const u = nextSign();
            state.values[i] = v === 0 ? (kind === 'real' ? 2e-12 * u : 1e-12 * (u + 0.5) + 1e-13) : v * (1 + 2e-9 * u);
          }
        }
        state.epoch++;
        derived?.(state);
        const l = evaluate(lhs, state);
        const r = evaluate(rhs, state);
        return Number.isFinite(l.value) && Number.isFinite(r.value);
      } finally {
        state.values.set(saved);
        state.epoch++;
      }
    };

    /**
     * A failing comparison of a side with a finite difference, taken again with
     * ever smaller first steps (RETAKEN_FIRST_STEPS): a first step that spans
     * periods or poles of f (tan(x) at x = 1000, where it is 100) or that is far
     * wider than f's own scale (atan(1e12 x) at 0, flat a step away; sin(7e5 x),
     * averaged over thousands of periods) can fool the error estimate, and at every
     * such step alike. A retake that agrees settles it, if its tolerance is below
     * the difference first seen (so it could have seen that difference): a step
     * that is wrong fails at every step where the differences can be trusted. Only
     * where a failure decides something (the search, the report's whole judgement):
     * shrinking does without, and its result is judged again. The free indices are still set.
     *
     * `corroborated`: two takes failed with differences that agree within their
     * tolerances. A failure no other take repeats is a finite difference whose
     * error estimate may be the wrong one (tan(pi/2 - 1e-8 t) at t = 0.001: every
     * step of the first take spans the pole, its estimate 3e10 ± 8e10 against a
     * true -1e14, and every tighter take too loose to count): only high precision
     * can then say whether the step fails there.
     */
    const retakenWithSmallerSteps = (failed: Compared, l0: Evaluated, r0: Evaluated): { compared: Compared; corroborated: boolean } => {
      // The smallest difference a failing take saw: a later take must be able to see it to settle anything (a
      // first step that flattened tanh(1e8 x) saw the whole derivative; a tight retake sees the real 64).
      let seen = Math.abs(failed.shown.difference);
      const failures: Compared[] = [failed];
      let corroborated = false;
      try {
        for (const cap of RETAKEN_FIRST_STEPS) {
          state.firstStepCap = cap;
          state.epoch++;
          // A side without a finite difference is the same at every cap: only the other is taken again.
          const l = lhsHasDiff ? evaluate(lhs, state) : l0;
          const r = rhsHasDiff ? evaluate(rhs, state) : r0;
          if (doubtful(l) || doubtful(r)) continue;
          const again = compareSides({ kind: 'double', value: l.value, error: l.error }, { kind: 'double', value: r.value, error: r.error });
          if (again !== undefined && again.ratio <= 1 && again.shown.tolerance < seen) return { compared: again, corroborated: false };
          if (again !== undefined && again.ratio > 1) {
            seen = Math.min(seen, Math.abs(again.shown.difference));
            corroborated ||= failures.some((f) => Math.abs(f.shown.difference - again.shown.difference) <= f.shown.tolerance + again.shown.tolerance);
            failures.push(again);
          }
        }
        return { compared: failed, corroborated };
      } finally {
        state.firstStepCap = Infinity;
        state.epoch++;
      }
    };

    // Many gradient entries: along random directions first, every entry only to confirm and name a failure.
    const directional = gradient === undefined ? undefined
      : (compiled.directional ??= directionalCheck(gradient, gradient.side === 'lhs' ? rhs : lhs, layout, slots, state, ERROR_FACTOR));
    const outer = gradient === undefined ? [] : step.freeIndices.filter((f) => !gradient.indices.some((g) => g.name === f.name));
    const outerAssignments = indexAssignments(outer, sizes);
    const outerSlots = outer.map((f) => slots.slot(f.name));
    const judge = directional === undefined || directional.entries <= directionalAbove ? judgeEntries
      : (drawn: Record<string, number[]>): Judged => {
        fillValues(layout, place === undefined ? drawn : place(drawn), state.values);
        state.epoch++;
        derived?.(state);
        let ratio = 0;
        let relative = 0;
        let defined = false;
        // Each value of the other free indices is a directional check of n entries: past the entries an
        // input compares, a sample of them, chosen from the input's values as the entries' sample is.
        const many = outerAssignments.length * directional.entries > MAX_ENTRIES_PER_INPUT && outerAssignments.length > SAMPLED_ENTRIES;
        const start = many ? hashValues(state.values) % outerAssignments.length : 0;
        const taken = many ? SAMPLED_ENTRIES : outerAssignments.length;
        for (let t = 0; t < taken; t++) {
          const assignment = outerAssignments[many ? (start + Math.floor((t * outerAssignments.length) / SAMPLED_ENTRIES)) % outerAssignments.length : t];
          assignment.forEach((v, i) => { state.indices[outerSlots[i]] = v; });
          const outcome = directional.check(hashValues(state.values));
          if (outcome.kink < KINK_MARGIN) return { worst: undefined, ratio: 0, relative: 0, defined: false, nearKink: true, lost: false };
          ratio = Math.max(ratio, outcome.ratio);
          relative = Math.max(relative, outcome.relative);
          defined ||= outcome.defined;
        }
        return { worst: undefined, ratio, relative, defined, nearKink: false, lost: false };
      };

    // Statistics come from the generated inputs only: once one fails, what follows is shrinking.
    const seed = (options.seed + s) | 0;
    let failedOnce = false;
    // Whether the failure the search found was seen only in 60 digits: a simpler input must then be read so too.
    let failedPrecisely = false;
    let shrinkRuns = 0;
    // The step's constants and the switch points of its comparisons are drawn as inputs beside random ones.
    const special = specialValuesAt(step, facts, sizes);
    const arbitrary = inputsArbitrary(layout, { kinkInDiff, special });
    const property = fc.property(arbitrary, (inputs) => {
      const counting = !failedOnce;
      // Past its budget, shrinking is stopped where it stands: every further candidate is let pass unjudged.
      if (!counting && ++shrinkRuns > SHRINK_RUNS) return true;
      // A far decade is read on an allowance of its own: which decade shows a failure is not known in advance, and the
      // size's budget spent at 10^300 and 10^-300 left 10^8 unread (a normal tail bound off by 1e-30 phi(x) / x^2,
      // false from x = 1.4e6 and seen in 60 digits only up to some 1e9, was verified).
      const far = counting && farDecades.has(inputs);
      const spent = work.operations;
      if (far) { work.operations = 0; budget = Math.min(preciseWork, FAR_DECADE_WORK); }
      let judged: Judged;
      try {
        judged = judge(inputs, counting);
      } finally {
        if (far) { work.operations = spent; budget = preciseWork; }
      }
      fc.pre(!judged.nearKink);
      const holds = judged.ratio <= 1;
      if (counting) {
        trials++;
        if (judged.defined) definedAnywhere = true;
        if (holds && judged.defined && !judged.lost && settledInputs.size < MIN_SETTLED_INPUTS && !trivialInput(inputs)) settledInputs.add(JSON.stringify(inputs));
        if (holds) {
          worstRelative = Math.max(worstRelative, judged.relative);
          worstRatio = Math.max(worstRatio, judged.ratio);
          if (agreedAt === undefined && judged.defined && judged.worst !== undefined) agreedAt = judged.worst;
        }
      }
      if (!holds && !failedOnce) failedPrecisely = judged.worst?.precise !== undefined;
      if (!holds) failedOnce = true;
      return holds;
    });
    // Shrinking a vector of hundreds of entries costs thousands of runs and makes nothing easier to read.
    // The domain's edges go first, a share of the trials: there a step may have no value where the line above has one.
    // Inputs of a million entries (matrix[1000, 1000] twice) get fewer random draws: each draw is all of them.
    const runs = Math.min(options.trials, Math.max(MIN_TRIALS_OF_LARGE_INPUTS, Math.floor(MAX_DRAWN_ENTRIES / Math.max(1, layout.length))));
    // Beside the random draws, not in place of them: the examples count among fast-check's runs.
    const { read } = facts;
    const grid = !kinkInDiff && isBound ? [
      ...gridExamples(layout, arbitrary, seed, MAX_GRID_EXAMPLES, read),
      ...jumpExamples(layout, arbitrary, seed, MAX_JUMP_EXAMPLES, special.indexJumps, read),
    ] : [];
    // Not where a side is a finite difference: at 1e30 its step spans many periods of sin(x), and its
    // estimate read there refuted what the exact engine proved (probe 77).
    const farDecades = new Set(kinkInDiff || options.readFarDecades !== true || lhsHasDiff || rhsHasDiff ? []
      : magnitudeExamples(layout, arbitrary, seed, MAX_MAGNITUDE_EXAMPLES, read));
    const examples = kinkInDiff ? [] : [
      ...edgeExamples(layout, arbitrary, special, seed, Math.floor(runs / EDGE_SHARE)),
      // Inputs whose ends read other inputs: at their ends, all together and each alone (relative-ends.ts).
      ...(place === undefined ? [] : endExamples(layout, fc.sample(arbitrary, { seed, numRuns: 1 })[0])),
      // A bound (a comparison against the line above's domain, check/relation-steps.ts) is tried where arrays are tight.
      ...(isBound ? patternExamples(layout, arbitrary, seed, MAX_PATTERN_EXAMPLES, read) : []),
      ...(isBound ? cornerExamples(layout, arbitrary, seed, MAX_CORNER_EXAMPLES, read) : []),
      ...grid,
      ...farDecades,
    ];
    const result = fc.check(property, {
      seed, numRuns: runs + grid.length, maxSkipsPerRun: 100, endOnFailure: layout.length > SHRINK_VALUES, examples: examples.map((e): [Record<string, number[]>] => [e]),
    });
    totalRescued += rescued;
    totalDiscarded += discarded;
    totalStepOnly += stepOnly;
    totalRemovable += removable;
    if (result.failed && result.counterexample) {
      const stillFails = (inputs: Record<string, number[]>) => {
        const j = judge(inputs);
        return !j.nearKink && j.ratio > 1;
      };
      // Simplifying gets a budget of its own; the input it reports is judged without one: it failed once,
      // and a budget spent elsewhere must not hide that in the report.
      // So do integrals' quadratures (compile.ts): a triple integral spent the step's budget on the input that
      // failed, the report found nothing, and the step was verified on that one input.
      work.operations = 0;
      const found = result.counterexample[0] as Record<string, number[]>;
      // A failure doubles saw needs no 60-digit reading of a simpler input that they see agree (two integrals in 60
      // digits were half a second of a refuted step); one only 60 digits saw does.
      readingAgreements = failedPrecisely;
      const simplest = withQuadratureWork(QUADRATURE_WORK, () => simplify(found, layout.slots, stillFails));
      readingAgreements = true;
      unlimited = true;
      // A directional failure is located once, on the simplest input: every entry there, the worst one reported.
      let judged = withQuadratureWork(Infinity, () => judgeEntries(simplest, false, true));
      if (judged.ratio <= 1) judged = withQuadratureWork(Infinity, () => judgeEntries(found, false, true));
      unlimited = false;
      if (judged.worst && judged.ratio > 1) {
        return {
          kind: 'counterexample', example: judged.worst, seed, path: result.counterexamplePath ?? '',
          trials, shrinks: result.numShrinks, sizes: tried, precision: counts(), ...(sampled ? { entries: sampled } : {}),
        };
      }
    }
  }
  if (!definedAnywhere && divergentWitness !== undefined) {
    return {
      kind: 'counterexample', example: divergentWitness.example, seed: divergentWitness.seed, path: '', trials, shrinks: 0, sizes: tried, precision: counts(),
      ...(sampled ? { entries: sampled } : {}),
    };
  }
  if (!definedAnywhere) return { kind: 'no-domain', trials, sizes: tried, precision: counts(), ...(sampled ? { entries: sampled } : {}) };
  if (settledInputs.size < MIN_SETTLED_INPUTS && totalDiscarded >= LOST_SHARE * trials) {
    return { kind: 'no-domain', trials, sizes: tried, precision: counts(), settled: settledInputs.size, ...(sampled ? { entries: sampled } : {}) };
  }
  return {
    kind: 'agree', trials, worstRelative, worstRatio, sizes: tried, precision: counts(), ...(sampled ? { entries: sampled } : {}), ...(agreedAt ? { agreedAt } : {}),
    ...(totalRemovable > 0 ? { removable: totalRemovable } : {}),
  };
}

/** Settled inputs, other than 0s and 1s, that verify a step where nearly every other input was lost (see {@link LOST_SHARE}). */
export const MIN_SETTLED_INPUTS = 1;

/** An input whose every entry is 0, 1 or -1: where a step's sides are often equal for no reason of the step's. */
function trivialInput(inputs: Readonly<Record<string, readonly number[]>>): boolean {
  return Object.values(inputs).every((entries) => entries.every((v) => v === 0 || v === 1 || v === -1));
}
/** The share of the trials lost (neither doubles nor 60 digits settled them) past which a few settled inputs verify nothing. */
const LOST_SHARE = 0.9;

/** Inputs of a step whose agreement in doubles is read again in 60 digits (NumericStepOptions.readAgreementsPrecisely). */
const MAX_AGREEMENT_READINGS = 2;

/**
 * Entries drawn over a size's trials, at most: past it a step gets fewer trials, never below
 * {@link MIN_TRIALS_OF_LARGE_INPUTS}. Two matrix[1000, 1000] inputs drawn 100 times took a minute and 4 GB (probe 25).
 */
const MAX_DRAWN_ENTRIES = 4_000_000;
const MIN_TRIALS_OF_LARGE_INPUTS = 10;

/** At most 1 / this of a size's trials are inputs at the domain's edges (arbitraries.ts edgeExamples). */
const EDGE_SHARE = 5;

/** Inputs of a bound with its arrays in patterns (arbitraries.ts patternExamples): every combination over three arrays. */
const MAX_PATTERN_EXAMPLES = 63;

/** Inputs of a bound at far decades of its scalar inputs (arbitraries.ts magnitudeExamples). */
const MAX_MAGNITUDE_EXAMPLES = 24;

/** The high-precision work each far decade's input may do, on its own: some 30 ms, so 24 decades cost at most some 0.7 s a size. */
const FAR_DECADE_WORK = MAX_PRECISE_WORK / 2;

/** Inputs of a bound at the corners of its scalar inputs' closed intervals (arbitraries.ts cornerExamples): four inputs' every corner. */
const MAX_CORNER_EXAMPLES = 16;
/** Inputs of a bound of two or three positive inputs on a grid of scales (arbitraries.ts gridExamples): two inputs' whole grid. */
const MAX_GRID_EXAMPLES = 36;
/** Inputs of a bound at the jumps of a comparison with an index (arbitraries.ts jumpExamples): one input's jumps, one other swept. */
const MAX_JUMP_EXAMPLES = 165;

/** Whether a derivative is taken of something with a kink (relu, abs, max, min, a comparison of values). */
function hasKinkInDiff(term: Term, inside = false): boolean {
  if (inside && (term.k === 'cmp' || (term.k === 'fn' && FUNCTIONS[term.name].kink !== undefined) ||
    (term.k === 'reduce' && term.op !== 'prod') || term.k === 'extremum')) return true;
  const nowInside = inside || term.k === 'diff';
  let found = false;
  mapChildren(term, (c) => {
    if (!found && hasKinkInDiff(c, nowInside)) found = true;
    return c;
  });
  return found;
}

interface Evaluated {
  readonly value: number;
  /** The running error bound; never NaN (a NaN bound becomes infinite: no bound). */
  readonly error: number;
  readonly kink: number;
  /** The evaluation lost range or decided a comparison too close to call (see EvaluationState.needsPrecision). */
  readonly needsPrecision: boolean;
}

function evaluate(compiled: Compiled, state: EvaluationState): Evaluated {
  state.kinkDistance = Infinity;
  state.needsPrecision = false;
  const value = compiled(state);
  const error = Number.isNaN(state.error) ? Infinity : state.error;
  return { value, error, kink: state.kinkDistance, needsPrecision: state.needsPrecision };
}

/** Error bounds above this part of the sides (or of 1) make an agreement in doubles no evidence. */
const LOOSE = 0.01;

/** A double result that is no evidence: no value, no finite error bound, or a lost range. */
function doubtful(d: Evaluated): boolean {
  return !Number.isFinite(d.value) || !Number.isFinite(d.error) || d.needsPrecision;
}

/** One side at one entry: a double with its error bound, a high-precision value with its, no value, or not decidable. */
type SideValue =
  | { readonly kind: 'double'; readonly value: number; readonly error: number }
  | { readonly kind: 'precise'; readonly value: Decimal; readonly error: Decimal }
  | { readonly kind: 'undefined' }
  | { readonly kind: 'unsettled' };

/** A side that diverges to an infinity at the input (divergence.ts). */
interface InfiniteSide { readonly sign: 1 | -1; readonly reason: string }

interface Compared {
  /** |lhs - rhs| / tolerance: above 1 fails. */
  readonly ratio: number;
  readonly relative: number;
  readonly shown: Pick<NumericComparison, 'lhs' | 'rhs' | 'difference' | 'tolerance' | 'precise' | 'divergence'>;
}

/**
 * Compares lhs (which has a value) with the step. In doubles as before; where a
 * side was re-evaluated, in high precision, with the same factor on the error
 * bounds. `undefined`: the high-precision comparison cannot settle (the sides
 * agree, but only within error bounds above 1e-10 of their size).
 */
function compareSides(left: SideValue & { kind: 'double' | 'precise' }, right: SideValue, absolute = false): Compared | undefined {
  if (right.kind === 'unsettled') return undefined;
  if (right.kind === 'undefined') {
    // The step has no value where the line above has one: it fails, whatever the tolerance.
    const lhs = left.kind === 'double' ? left.value : left.value.toNumber();
    const text = left.kind === 'precise' ? { precise: { lhs: digits(left.value), rhs: 'undefined', difference: 'undefined' } } : {};
    return { ratio: Infinity, relative: 0, shown: { lhs, rhs: NaN, difference: NaN, tolerance: 0, ...text } };
  }
  if (left.kind === 'double' && right.kind === 'double') {
    const tolerance = ERROR_FACTOR * (left.error + right.error) + Number.MIN_VALUE;
    const difference = left.value - right.value;
    // Only where the values stand well above their own error bound: elsewhere (sides at round-off or
    // underflow level) a relative difference says nothing about the step.
    const scale = Math.max(Math.abs(left.value), Math.abs(right.value));
    const ratio = Math.abs(difference) / tolerance;
    // Agreement within error bounds above the values themselves (and above 1: sides that are 0 up to rounding
    // agree within 1e-16) is no evidence: sin(x + 2 pi 1e150) is sin of a double whose last bit is 1e134.
    if (ratio <= 1 && left.error + right.error > LOOSE * Math.max(scale, 1)) return undefined;
    const relative = scale > 1e3 * (left.error + right.error) ? Math.abs(difference) / scale : 0;
    return { ratio, relative, shown: { lhs: left.value, rhs: right.value, difference, tolerance } };
  }
  const [l, el] = precisely(left);
  const [r, er] = precisely(right);
  const errors = el.plus(er);
  const scale = PreciseDecimal.max(l.abs(), r.abs());
  const difference = l.minus(r);
  const tolerance = errors.times(ERROR_FACTOR);
  const ratio = difference.isZero() ? 0 : tolerance.isZero() ? Infinity : difference.abs().div(tolerance).toNumber();
  // Agreement only because the error bounds are as large as the values (a finite difference of 0 +- 1e-303
  // against a value of 1e-513) is no evidence: unsettled. A difference beyond the bounds is settled.
  // A limit's reading carries an absolute error (its last change, 1e-12 of a value near 0 for x log x): agreement
  // within SETTLED of the larger of the sides and 1 is evidence there, as for doubles that agree near 0.
  // Against an exact 0 (a literal, a side of exactly no error) there is no size to be relative to: agreement within an
  // absolute 1e-40 is evidence, as it is for `A + 1 = 1` within 1e-10. An odd integrand's integral over the line read
  // as 0 +- 1e-50 against 0 was never settled (probe 41); a slip of 1e-30 is still apart by its bounds.
  const againstZero = (l.isZero() && el.isZero()) || (r.isZero() && er.isZero());
  if (ratio <= 1 && errors.gt((absolute ? PreciseDecimal.max(scale, 1) : scale).times(SETTLED)) && !(againstZero && errors.lt(ABSOLUTE_ZERO))) return undefined;
  const relative = scale.isZero() ? 0 : difference.abs().div(scale).toNumber();
  return {
    ratio, relative,
    shown: {
      lhs: l.toNumber(), rhs: r.toNumber(), difference: difference.toNumber(), tolerance: tolerance.toNumber(),
      // A side that doubles settled is shown as its double (shortest form), not as 20 digits it does not have.
      precise: { lhs: shownValue(left, l), rhs: shownValue(right as SideValue & { kind: 'double' | 'precise' }, r), difference: digits(difference) },
    },
  };
}

/** The step diverges where the line above has a value: it fails, whatever the tolerance. */
function divergedStep(left: SideValue & { kind: 'double' | 'precise' }, side: InfiniteSide): Compared {
  const lhs = left.kind === 'double' ? left.value : left.value.toNumber();
  return { ratio: Infinity, relative: 1, shown: { lhs, rhs: side.sign * Infinity, difference: -side.sign * Infinity, tolerance: 0, divergence: side.reason } };
}

function precisely(side: SideValue & { kind: 'double' | 'precise' }): [Decimal, Decimal] {
  if (side.kind === 'precise') return [side.value, side.error];
  return [toPrecise(PreciseDecimal, side.value), toPrecise(PreciseDecimal, side.error)];
}


function shownValue(side: SideValue & { kind: 'double' | 'precise' }, value: Decimal): string {
  return side.kind === 'double' ? String(side.value) : digits(value);
}

/** 20 significant digits, as the JSON report gives high-precision values. */
function digits(x: Decimal): string {
  return x.isZero() ? '0' : x.toSignificantDigits(20).toString();
}

/** Inputs of up to this many values in all are shrunk by fast-check; larger ones are reported as found. */
const SHRINK_VALUES = 256;

/**
 * Candidates fast-check's shrinking may judge after the first failure. Each is a
 * whole evaluation of the step (every finite difference of a network's
 * gradient); past about this many, shrinking a fixed-size network's failure
 * took 2 s of the suite's 10 and made its input no simpler to read than
 * {@link simplify}, which runs after, makes it. Counted, so a seed replays.
 */
export const SHRINK_RUNS = 32;

/** Vectors up to this long are simplified entry by entry; longer ones only as a whole. */
const SIMPLIFY_ENTRIES = 32;

/** Passes of {@link simplify} at most: a value made simple can let another one become simple too. */
const SIMPLIFY_PASSES = 3;

/**
 * fast-check shrinks a double toward 0 through its bit patterns, which ends on
 * values like 1e-323. People read 0, 1 and 0.5 better: each entry is tried at
 * such values, in order, and kept where the step still fails; passes repeat
 * while one changes something. Deterministic, so a seed still replays the same
 * counterexample.
 */
function simplify(
  inputs: Record<string, number[]>, slots: ReadonlyMap<string, { readonly input: Input; readonly shape: readonly number[] }>,
  stillFails: (inputs: Record<string, number[]>) => boolean,
): Record<string, number[]> {
  const current = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, [...v]]));
  for (let pass = 0; pass < SIMPLIFY_PASSES; pass++) {
    let changed = false;
    for (const [name, values] of Object.entries(current)) {
      const slot = slots.get(name);
      if (slot !== undefined && simplifyInput(values, slot.input, slot.shape, () => stillFails(current), pass === 0)) changed = true;
    }
    if (!changed) break;
  }
  return current;
}

/** Simplifies one input's entries in place, keeping its kind's constraint; whether any entry changed. */
function simplifyInput(values: number[], input: Input, shape: readonly number[], stillFails: () => boolean, firstPass: boolean): boolean {
  const kind = input.kind;
  const allowedByKind = allowedValues(kind, shape);
  if (allowedByKind === undefined) return false;
  // Inside an input's interval by the doubles' comparison: 0.6 is no simpler 0.59999... for x in (0.5, 0.6).
  const allowed = input.interval === undefined ? allowedByKind : (v: number, e: number) => allowedByKind(v, e) && insideInterval(input, v);
  // An invertible or spd matrix drawn scaled or turned (arbitraries.ts) stays as drawn: an entry moved into the
  // diagonally dominant ranges of an unscaled draw could leave it singular, and no longer of its kind.
  if ((kind === 'invertible' || kind === 'spd') && !values.every((v, e) => allowedByKind(v, e))) return false;
  let changed = false;
  // All entries at one value first (where the kind lets every entry take it): a failure at a tie
  // (x[i] == x[k]) survives only that move.
  for (const candidate of [0, 1, 0.5, -1]) {
    if (values.length < 2 || values.every((v) => v === candidate) || !values.every((_, e) => allowed(candidate, e))) continue;
    const saved = [...values];
    values.fill(candidate);
    if (stillFails()) { changed = true; break; }
    // Entry by entry: a matrix[1000, 1000] spread as arguments overflowed the stack.
    for (let e = 0; e < saved.length; e++) values[e] = saved[e];
  }
  // Entry by entry only where a person reads every entry; a long vector keeps its values.
  if (values.length > SIMPLIFY_ENTRIES) return changed;
  const simple = simpleCandidates(kind, shape);
  for (let e = 0; e < values.length; e++) {
    const v = values[e];
    const rank = simple.indexOf(v);
    // After the first pass, entries at 0, 1 or -1 are left: they are as simple as a value reads.
    if (!firstPass && rank >= 0 && rank <= 2) continue;
    // Only simpler values than the one there: the list's order is what "simpler" means.
    const candidates = rank >= 0 ? simple.slice(0, rank) : [...simple, ...roundings(v)];
    for (const candidate of candidates) {
      if (candidate === v || !allowed(candidate, e)) continue;
      values[e] = candidate;
      if (stillFails()) { changed = true; break; }
      values[e] = v;
    }
  }
  return changed;
}

/**
 * Which values entry e of an input of this kind may take while simplifying;
 * undefined where its entries are not simplified (labels, one-hot, simplex).
 * An invertible or spd matrix keeps the draw's shape: diagonal in [n, n + 2],
 * the rest in [-1, 1], strictly diagonally dominant either way.
 */
function allowedValues(kind: Input['kind'], shape: readonly number[]): ((v: number, e: number) => boolean) | undefined {
  switch (kind) {
    case 'real':
    case 'symmetric':
      return () => true;
    case 'positive':
      return (v) => v > 0;
    case 'unit':
      return (v) => v > 0 && v < 1;
    case 'count':
      return (v) => Number.isInteger(v) && v >= 0;
    // An abstract function's parameters: any value in its range is a smooth function, u + sin(u) reads best.
    case 'function': {
      const widest = Math.max(...functionParameterRanges());
      return (v) => Math.abs(v) <= widest;
    }
    case 'invertible':
    case 'spd': {
      const n = shape[0];
      const { min, max } = INPUT_RANGES.invertibleOffDiagonal;
      return (v, e) => (Math.floor(e / n) === e % n ? v >= n && v <= n + 2 : v >= min && v <= max);
    }
    default:
      return undefined;
  }
}

/** The simple values an entry is tried at, simplest first: for an invertible matrix, its diagonal's integers too. */
function simpleCandidates(kind: Input['kind'], shape: readonly number[]): readonly number[] {
  if (kind !== 'invertible' && kind !== 'spd') return SIMPLE_VALUES;
  const n = shape[0];
  return [...SIMPLE_VALUES, n, n + 1, n + 2];
}

/**
 * Rounder forms of v, roundest first: one significant digit (nearest, toward 0,
 * away from 0), the nearest integers, then two and three digits. 5.00001 becomes
 * 5 or 6, 0.0499997 becomes 0.05 or 0.04: whichever still fails is kept.
 */
function roundings(v: number): number[] {
  const out: number[] = [];
  const add = (x: number) => { if (Number.isFinite(x) && x !== v && !out.includes(x)) out.push(x); };
  const at = (digits: number) => {
    const unit = 10 ** (Math.floor(Math.log10(Math.abs(v))) - digits + 1);
    // Dividing by a power of ten below 1 rounds better than multiplying by its inverse.
    const scaled = (f: (x: number) => number) => (unit >= 1 ? f(v / unit) * unit : f(v * (1 / unit)) / (1 / unit));
    add(Number(scaled(Math.round).toPrecision(digits)));
    add(Number(scaled(Math.trunc).toPrecision(digits)));
    add(Number(scaled((x) => Math.sign(x) * Math.ceil(Math.abs(x))).toPrecision(digits)));
  };
  if (v === 0 || !Number.isFinite(v)) return out;
  at(1);
  add(Math.round(v));
  add(Math.trunc(v));
  add(Math.sign(v) * Math.ceil(Math.abs(v)));
  at(2);
  at(3);
  return out;
}

/** A deterministic 32-bit hash of the input values: the directions depend on the input, so shrinking replays. */
function hashValues(values: Float64Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < values.length; i++) {
    h = Math.imul(h ^ ((values[i] * 1e9) | 0), 0x01000193);
    h = Math.imul(h ^ (values[i] | 0), 0x01000193);
  }
  return h >>> 0;
}

/** How many combinations of values the free indices take at a size assignment. */
function countAssignments(free: readonly FreeIndex[], sizes: ReadonlyMap<string, number>): number {
  return free.reduce((n, f) => n * dimSize(f.dim, sizes), 1);
}

/**
 * {@link SAMPLED_ENTRIES} combinations of values of the free indices: the first
 * and the last, a quarter on the diagonal (free indices over one dimension equal:
 * where a delta(i, k) term lives, one entry in n of a uniform draw), the rest
 * uniform. Drawn by a generator seeded with `hash` (mulberry32): the same input
 * always compares the same entries.
 */
function sampleAssignments(free: readonly FreeIndex[], sizes: ReadonlyMap<string, number>, count: number, hash: number): number[][] {
  const radices = free.map((f) => dimSize(f.dim, sizes));
  const dimOf = free.map((f) => (f.dim.k === 'sym' ? f.dim.name : `#${f.dim.size}`));
  const decode = (linear: number): number[] => {
    const out = new Array<number>(radices.length);
    for (let d = radices.length - 1; d >= 0; d--) {
      out[d] = (linear % radices[d]) + 1;
      linear = Math.floor(linear / radices[d]);
    }
    return out;
  };
  let state = hash | 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const diagonal = (): number[] => {
    const value = new Map<string, number>();
    return radices.map((n, d) => {
      let v = value.get(dimOf[d]);
      if (v === undefined) value.set(dimOf[d], v = 1 + Math.floor(next() * n));
      return v;
    });
  };
  const picked = [decode(0), decode(count - 1)];
  while (picked.length < SAMPLED_ENTRIES) picked.push(picked.length % 4 === 0 ? diagonal() : decode(Math.floor(next() * count)));
  return picked;
}

/** Every combination of values of the free indices at a size assignment. */
export function indexAssignments(free: readonly FreeIndex[], sizes: ReadonlyMap<string, number>): number[][] {
  let out: number[][] = [[]];
  for (const f of free) {
    const n = dimSize(f.dim, sizes);
    const next: number[][] = [];
    for (const prefix of out) for (let v = 1; v <= n; v++) next.push([...prefix, v]);
    out = next;
  }
  return out;
}

/** Whether a side reads no input (an integral's or a limit's own variable aside) and no free index: one value per size. */
function isConstantSide(t: Term, free: readonly FreeIndex[]): boolean {
  return freeInputNames(t).size === 0 && !usesIndexVariable(t, new Set(free.map((f) => f.name)));
}
