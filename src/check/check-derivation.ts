import { deriveExpression } from '../derive/index.ts';
import { diagnostic, type Diagnostic } from '../diagnostics/index.ts';
import { cachedEvaluationWork, DerivativeTooLargeError, MovingLimitPointError, type Dim, describeInstance, variableNames, hasDiff, freeInputNames, isSymmetricKind, someSubterm, symmetricPart, twoValued, withDefinedInputs, type Model, type ModelClaim, type ModelStep, type Input, type Term, type TwoValues } from '../model/index.ts';
import { checkStepNumerically, ERROR_FACTOR, KINK_MARGIN, MAX_PRECISE_WORK, type NumericComparison, type NumericOutcome } from '../numeric/index.ts';
import {
  agreesInHighPrecision, analyticDifference, boundAcrossRange, Budget, constantBound, entryReadOutside, decideStep, DEFAULT_SYMBOLIC_BUDGET, eliminateDiffKeepingDomain, fineConstantUnseen, proveForEveryN, SEARCH_GUARD_MS, sizesWithin, writableSizes,
  type Confirmation, type EveryNOutcome, type FineConstant, type PointValue, type SymbolicBudget, type SymbolicOutcome,
} from '../symbolic/index.ts';
import { isExpected, type ClaimResult, type Counterexample, type DerivationResult, type ProofScope, type StepDetail, type StepResult } from './results.ts';
import { kinkConvention, mayCompare } from './kink-convention.ts';
import { dimensionsRead, projectedSizes, sizeAssignments, sizesRead, thresholdSizes } from './sizes.ts';
import { lacksTerm, mergedOverSizes, modelAtSizes, sameClaim } from './written-sizes.ts';
import { judge } from './verdict.ts';
import { COMPARED_IN_HIGH_PRECISION, relationAsEquality, withComparedValues } from './relation-steps.ts';
import { checkedStrictTies } from './strict-ties.ts';
import { checkOnCurve, withCurveShown } from './on-curve.ts';
import { checkedFarOut } from './far-sizes.ts';
import { assertCheckOptions } from './options.ts';
import { canRunLonger, dimensionsDisagree, refutedByIllShape, refutedByRange, refutedByShape, shapeOf } from './refuted-before.ts';
import type { Relation } from '../syntax/index.ts';

/** How a derivation is checked. Every field is optional; defaults are stated once, here. */
export interface CheckOptions {
  /** The run's seed; the same seed, trials and sizes replay a run exactly. Default: random. */
  readonly seed?: number;
  /**
   * Random inputs per step. Where no exact engine proved the step, the numbers are
   * its only witness, and every size gets this many. A step an exact engine proved
   * gets a quarter of this many in all (at least 2 per size), at the smallest
   * three sizes and the largest: there the numbers cross-check the engines, and
   * a bug in an engine shows on almost any input and at any size. A step the
   * exact engine refuted at a size is searched at that size first. Default: 100.
   */
  readonly trials?: number;
  /** Sizes tried for each dimension symbol. Default: 1, 2, 3, 4, 5 and 8. */
  readonly sizes?: readonly number[];
  /** Limits of the exact engine per step. Default: {@link DEFAULT_SYMBOLIC_BUDGET}. */
  readonly budget?: Partial<SymbolicBudget>;
  /** Called after each step, for progress displays. */
  readonly onStep?: (done: StepResult) => void;
  /**
   * Derive the right step for a refuted step with a derivative above it when the
   * file gives none (`detail.derived`). Default: true.
   */
  readonly derive?: boolean;
}

export const DEFAULT_TRIALS = 100;
export const DEFAULT_SIZES: readonly number[] = [1, 2, 3, 4, 5, 8];

/** An integral or a series: an atom no exact point evaluates, whose doubles' error bound may be loose where its terms cancel. */
const isIntegralOrSeries = (t: Term): boolean => t.k === 'integral' || t.k === 'series';

/**
 * Node evaluations one evaluation of a step may take, each distinct node once per value of the summation
 * indices it reads (model/term-size.ts cachedEvaluationWork): three sums over 1,000 whose innermost product
 * reads all three indices are 10^9. Integrals, limits and series spend budgets of their own and count once.
 */
export const MAX_EVALUATION_WORK = 50_000_000;

/** The node evaluations one evaluation of the terms takes at a size assignment. */
function evaluationWork(terms: readonly Term[], sizes: ReadonlyMap<string, number>): number {
  return cachedEvaluationWork(terms, (d: Dim) => (d.k === 'fixed' ? d.size : sizes.get(d.name) ?? 1));
}

/** A step an exact engine proved gets 1 / this of `trials`, and of the high-precision work, as a cross-check by numbers ... */
const CONFIRMATION_SHARE = 4;
/** ... and at least this many inputs at every size. */
const MIN_CONFIRMATIONS_PER_SIZE = 2;
/**
 * Entries each input compares in a cross-check of a proved step, at most: past them, a
 * sample (the first and last among them). A wrong proof differs at almost every entry and
 * input, so a sample finds it (the suite: 6 % less wall time than comparing every entry, 9.3 s against 9.9 s).
 */
const CONFIRMATION_ENTRIES = 32;

/**
 * A proved step's numbers look at the smallest this many sizes and the largest: a bug
 * in an engine shows at small sizes as well as anywhere, and the largest size checks
 * "for every n" beyond the sizes the exact engine saw. Sizes between cost the most
 * and add least.
 */
const CONFIRMATION_SMALL_SIZES = 3;

/** A waived condition longer than this (a 3×3 determinant) is described, not printed. */
const MAX_CONDITION_TEXT = 60;

/** A step the index calculus proved gets 1 / this of the exact engine's budget for a second opinion. */
const CROSSCHECK_SHARE = 10;
/** ... and at most this many sizes, the smallest: where its opinion is cheap and a disagreement shows as well as anywhere. */
const CROSSCHECK_SIZES = 3;

/**
 * The sizes a step with a size as a number (n, or an index k used as one) is decided at
 * besides the default list, where nothing proves it for every n: a polynomial slip in n
 * vanishes at as many sizes as its degree, and the list has six.
 */
const MORE_SIZES: readonly number[] = [6, 7, 9, 10, 11, 12, 13];

/**
 * And, where the step reads no array (n only bounds sums and is a number), sizes far past
 * those, cheap there: binomial(n - 1, 13) or (n > 13) vanishes at every size up to 13.
 */
const LARGE_SIZES: readonly number[] = [20, 32, 50];

/**
 * And, for a bound in n that reads no array, sizes further still: an exponential against a power crosses over late,
 * 2^n < n^10 + 2 fails from n = 59 only, and held at every size up to 50 (probe 86: proved at the sizes tried). Every
 * size up to 128, for a bound may fail on a window alone: n^10 < 2^n + 10^17 fails for n = 51 to 58 only (probe 90),
 * then decades to 1000. A size the exact engine cannot decide within its budget is left to the numbers.
 */
const FAR_SIZES: readonly number[] = [...Array.from({ length: 128 - 13 }, (_, k) => k + 14).filter((n) => n !== 20 && n !== 32 && n !== 50),
  150, 200, 256, 300, 400, 512, 700, 1000];

/**
 * The sizes the numbers also try a bound on arrays at, where no engine proved it: a constant in place of n is tight
 * at n past it, (Σx)² <= 8 Σx² fails from n = 9 and logsumexp(x) <= max(x) + 2.1 from n = 9 (probe 86: verified at
 * n up to 8). Only where one evaluation there reads at most {@link WIDE_SIZE_WORK} terms.
 */
const WIDE_SIZES: readonly number[] = [16, 100];
const WIDE_SIZE_WORK = 20_000;

/**
 * The size assignments at the constants a step compares a size with (sizes.ts thresholdSizes), each symbol the
 * step reads (`read`, every one where undefined) at one of them, the others as in the first size tried; those
 * already in the lists are not repeated.
 */
function atThresholds(lhs: Term, rhs: Term, context: ClaimContext, read: ReadonlySet<string> | undefined): ReadonlyMap<string, number>[] {
  const thresholds = thresholdSizes([lhs, rhs]);
  if (thresholds.length === 0 || context.sizes.length === 0) return [];
  // Only the lists every step tries: the large and far sizes are tried by a bound that reads no array alone.
  const listed = new Set([...context.sizes, ...context.moreSizes ?? []].map(sizeKey));
  const first = context.sizes[0];
  return thresholds.map((size) => new Map([...first].map(([name, at]) => [name, read === undefined || read.has(name) ? Math.max(size, at) : at] as const)))
    .filter((z) => !listed.has(sizeKey(z)));
}

/** Two lists of size assignments as one, each assignment once, smallest first (by the sum of the sizes). */
function merged(a: readonly ReadonlyMap<string, number>[], b: readonly ReadonlyMap<string, number>[]): ReadonlyMap<string, number>[] {
  const total = (z: ReadonlyMap<string, number>) => [...z.values()].reduce((x, y) => x + y, 0);
  const seen = new Set<string>();
  return [...a, ...b].filter((z) => { const key = sizeKey(z); if (seen.has(key)) return false; seen.add(key); return true; })
    .sort((x, y) => total(x) - total(y));
}

function sizeKey(sizes: ReadonlyMap<string, number>): string {
  return [...sizes].map(([k, v]) => `${k}=${v}`).join(',');
}

/** Whether the sides read no entry of an array: a size there only bounds sums or is a number, and a large one is cheap. */
function readsNoArray(...sides: readonly Term[]): boolean {
  return !sides.some((t) => someSubterm(t, (x) => (x.k === 'input' && x.ref.indices.length > 0) || (x.k === 'diff' && x.v.indices.length > 0)));
}

/** Whether a side reads a size or an index as a number (n, k in k^2), so its value is a function of n, not only its shape. */
function sizeAsNumber(...sides: readonly Term[]): boolean {
  return sides.some((t) => someSubterm(t, (x) => x.k === 'size' || x.k === 'ival' || (x.k === 'icmp' && (x.a.k === 'dim' || x.b.k === 'dim'))));
}

export function randomSeed(): number {
  return (Math.random() * 0x7fffffff) | 0;
}

/** Checks every step of every claim of a model. */
export function checkModel(model: Model, options: CheckOptions = {}): DerivationResult {
  assertCheckOptions(options);
  const seeded = { ...options, seed: options.seed ?? randomSeed() };
  const steps = model.claims.map((claim, c) => claim.steps.map((_, s) => {
    const result = checkStepAt(model, c, s, seeded);
    options.onStep?.(result);
    return result;
  }));
  return assembleDerivation(model, steps, options);
}

/**
 * Checks one step: step `s` of claim `c`, against the expression above it.
 * A step depends only on the model, its position and the options (its seed is
 * mixed from the run's seed and its position), so steps may be checked in any
 * order, on any thread, and give the same result: the pipeline's workers rely on it.
 * Give `options.seed`: without one, each call draws its own.
 */
export function checkStepAt(model: Model, c: number, s: number, options: CheckOptions = {}): StepResult {
  const seed = options.seed ?? randomSeed();
  const trials = options.trials ?? DEFAULT_TRIALS;
  const budget = { ...DEFAULT_SYMBOLIC_BUDGET, ...options.budget };
  const claim = model.claims[c];
  const sizes = sizeAssignments(model.dims, claim.minSizes, options.sizes ?? DEFAULT_SIZES, model.derivedDims);
  // Sizes a step in n as a number is also decided at, past the default list (a list given is kept as given).
  const keys = new Set(sizes.map(sizeKey));
  const moreSizes = options.sizes === undefined && model.dims.length > 0
    ? sizeAssignments(model.dims, claim.minSizes, MORE_SIZES, model.derivedDims).filter((z) => !keys.has(sizeKey(z))) : [];
  const largeSizes = options.sizes === undefined && model.dims.length > 0
    ? sizeAssignments(model.dims, claim.minSizes, LARGE_SIZES, model.derivedDims).filter((z) => !keys.has(sizeKey(z))) : [];
  const farSizes = options.sizes === undefined && model.dims.length > 0
    ? sizeAssignments(model.dims, claim.minSizes, FAR_SIZES, model.derivedDims).filter((z) => !keys.has(sizeKey(z))) : [];
  const wideSizes = options.sizes === undefined && model.dims.length > 0
    ? sizeAssignments(model.dims, claim.minSizes, WIDE_SIZES, model.derivedDims).filter((z) => !keys.has(sizeKey(z))) : [];
  const context: ClaimContext = { seed: mix(seed, c), trials, sizes, moreSizes, largeSizes, farSizes, wideSizes, budget, runSeed: seed };
  const result = model.needsWrittenSizes && lacksTerm(claim, s)
    ? checkAtEachSize(model, claim, s, context) ?? checkClaimStep(model, claim, s, context)
    : checkClaimStep(model, claim, s, context);
  // A claim about a function defined by an equation: a step the engines do not find to hold for all values is read on the curve.
  const onCurve = claim.implicit === undefined ? result
    : guarded(claim.steps[s], () => (readOnCurve(result) ? checkOnCurve(model, claim, s, result, mix(mix(seed, c), s))
      : result.verdict === 'proved' || result.verdict === 'verified' ? withCurveShown(model, claim, result, seed) : result), seed);
  if (onCurve !== result) return onCurve;
  // A head the derivation does not declare, defined by this first step (claim-definitions.ts): it holds as a let does.
  if (claim.defines !== undefined && s === 0 && result.verdict === 'proved') {
    return { ...result, method: `definition: ${claim.defines} is declared nowhere else, so this step defines it, as let ${claim.defines} = ... would` };
  }
  // Lines checked as others (an indefinite integral's derivatives, an infinite limit through exp): the method says so.
  return claim.readAs === undefined || result.verdict === 'error' ? result : { ...result, method: `${result.method}; ${claim.readAs}` };
}

/** Whether a step's verdict off the curve leaves it to be read on the curve: refuted, or an engine's error (not the file's). */
function readOnCurve(result: StepResult): boolean {
  if (result.verdict === 'refuted') return true;
  return result.verdict === 'error' && (result.detail.engineFault !== undefined || result.detail.diagnostic?.code === 'no-domain');
}

/**
 * A step that could not be read without a size (det, inv or logdet of an n×n
 * matrix) checked in the model built at each size assignment, and the results
 * merged (written-sizes.ts). Undefined where no size could be written out: the
 * step's error stands.
 */
function checkAtEachSize(model: Model, claim: ModelClaim, s: number, context: ClaimContext): StepResult | undefined {
  const results: StepResult[] = [];
  const skipped: ReadonlyMap<string, number>[] = [];
  const noDomain: StepResult[] = [];
  for (const sizes of context.sizes) {
    const sized = modelAtSizes(model, sizes);
    const sizedClaim = sameClaim(sized, claim);
    if (sizedClaim === undefined) return undefined;
    // Too large to write out here: the step is not tried at this size.
    if (sized.needsWrittenSizes && lacksTerm(sizedClaim, s)) { skipped.push(sizes); continue; }
    // Built at this one size: a further size would read det written out for another.
    const result = checkClaimStep(sized, sizedClaim, s, { ...context, sizes: [sizes], moreSizes: [], largeSizes: [], farSizes: [], wideSizes: [], writtenAtSize: true });
    // No value anywhere at this size (inv(X' * X) with fewer rows than columns is singular): nothing to decide there.
    if (result.verdict === 'error' && result.detail.diagnostic?.code === 'no-domain') noDomain.push(result);
    else results.push(result);
  }
  if (results.length === 0) return noDomain[0];
  return mergedOverSizes(results, [...skipped, ...noDomain.flatMap((r) => r.detail.sizes.map((z) => new Map(Object.entries(z))))], describeSizes);
}

/** A derivation's result from the results of its steps, claim by claim ({@link checkStepAt}). */
export function assembleDerivation(model: Model, steps: readonly (readonly StepResult[])[], options: Pick<CheckOptions, 'derive'> = {}): DerivationResult {
  const claims = model.claims.map((claim, c): ClaimResult =>
    ({ line: claim.claim.span.line, text: claim.claim.text, ok: steps[c].every((s) => s.ok), steps: steps[c] }));
  const letTexts = new Map(model.derivation.statements.flatMap((st) => (st.kind === 'let' && st.params.length === 0 ? [[st.name, st.text] as const] : [])));
  const corrected = withCorrections(claims, (name) => letTexts.get(name));
  const implicit = model.derivation.statements.find((st) => st.kind === 'implicit');
  const primed = implicit?.kind === 'implicit' && implicit.args.length === 1 ? { primed: [implicit.name] } : {};
  return { title: model.derivation.title, source: model.derivation.source, claims: options.derive === false ? corrected : withDerivedSteps(model, corrected), ...primed };
}

/**
 * Gives a refuted step whose line above takes a derivative, and which the file
 * gives no right step for, the derivative derived in the derivation's own names
 * (`detail.derived`), so a student's own derivation also learns what the step
 * should have been. The file's steps that hold are candidates too.
 */
function withDerivedSteps(model: Model, claims: readonly ClaimResult[]): ClaimResult[] {
  const holding = claims.flatMap((c) => c.steps.filter((s) => s.verdict === 'proved' || s.verdict === 'verified').map((s) => s.text));
  const cache = new Map<string, DerivedStep | undefined>();
  return claims.map((claim, c) => ({
    ...claim,
    steps: claim.steps.map((step, s) => {
      // An inequality refuted is a wrong bound: the derivative's value is no right step for it.
      if (step.verdict !== 'refuted' || step.detail.correction || step.relation !== '=') return step;
      const modelClaim = model.claims[c];
      const head = { expr: modelClaim.claim.expr, text: modelClaim.claim.text };
      const lineAbove = s === 0 ? head : { expr: modelClaim.steps[s - 1].step.expr, text: modelClaim.steps[s - 1].step.text };
      // The line above takes the derivative; or the chain began with it and every step so far holds, so they all equal it.
      const chainHolds = claim.steps.slice(0, s).every((earlier) => earlier.verdict === 'proved' || earlier.verdict === 'verified');
      const above = TAKES_DERIVATIVE.test(lineAbove.text) ? lineAbove : TAKES_DERIVATIVE.test(head.text) && chainHolds ? head : undefined;
      if (!above) return step;
      if (!cache.has(above.text)) {
        const found = deriveExpression(model.derivation, above.expr, above.text, { extra: holding });
        cache.set(above.text, found && { text: found.best.text, proof: found.best.proof, notation: found.best.notation });
      }
      const derived = cache.get(above.text);
      return derived ? { ...step, detail: { ...step.detail, derived } } : step;
    }),
  }));
}

type DerivedStep = NonNullable<StepDetail['derived']>;

const TAKES_DERIVATIVE = /\b(diff|grad|jacobian)\s*\(/;

/**
 * Links each refuted known mistake to the step the file gives as the right one:
 * a step beside it that holds and is compared with the same expression (a
 * transcription writes the note's wrong step and the correct claim beside it).
 */
function withCorrections(claims: readonly ClaimResult[], letText: (name: string) => string | undefined = () => undefined): ClaimResult[] {
  const normal = (text: string) => text.replace(/\s+/g, '');
  const steps = claims.flatMap((claim) => claim.steps.map((step, i) => ({ step, above: normal(i === 0 ? claim.text : claim.steps[i - 1].text) })));
  const corrections = new Map<StepResult, NonNullable<StepDetail['correction']>>();
  // A wrong bound's right step bounds the same way, or is an equality (its value); a wrong equality's is an equality.
  const direction = (r: StepResult['relation']) => (r === '=' ? '=' : r.startsWith('<') ? '<' : '>');
  steps.forEach(({ step, above }, at) => {
    if (step.expect !== 'wrong' || step.verdict !== 'refuted') return;
    const fits = (s: (typeof steps)[number]) =>
      s.above === above && s.step.expect === 'holds' && (s.step.verdict === 'proved' || s.step.verdict === 'verified')
      && (s.step.relation === '=' || direction(s.step.relation) === direction(step.relation));
    // Beside it: the first such step after it, else the nearest one before it (a right claim, then its wrong variants).
    const right = steps.slice(at + 1).find(fits) ?? steps.slice(0, at).reverse().find(fits);
    if (!right) return;
    const definition = letText(right.step.text.trim());
    corrections.set(step, { line: right.step.line, text: right.step.text, relation: right.step.relation, ...(definition === undefined ? {} : { definition }) });
  });
  if (corrections.size === 0) return [...claims];
  return claims.map((claim) => ({
    ...claim,
    steps: claim.steps.map((step) => {
      const correction = corrections.get(step);
      return correction ? { ...step, detail: { ...step.detail, correction } } : step;
    }),
  }));
}

interface ClaimContext {
  readonly seed: number;
  readonly runSeed: number;
  readonly trials: number;
  readonly sizes: readonly ReadonlyMap<string, number>[];
  /** Further sizes for a step where a size is a number and nothing proved it for every n ({@link MORE_SIZES}). */
  readonly moreSizes?: readonly ReadonlyMap<string, number>[];
  /** ... and for such a step that reads no array ({@link LARGE_SIZES}). */
  readonly largeSizes?: readonly ReadonlyMap<string, number>[];
  /** ... and for a bound that reads no array ({@link FAR_SIZES}). */
  readonly farSizes?: readonly ReadonlyMap<string, number>[];
  /** ... and, for the numbers only, a bound on arrays no engine proved ({@link WIDE_SIZES}). */
  readonly wideSizes?: readonly ReadonlyMap<string, number>[];
  readonly budget: SymbolicBudget;
  /** The model was built at this context's one size (det written out): no proof for every n is sought. */
  readonly writtenAtSize?: boolean;
}

/**
 * Step `s` of a chain: each step is compared with the expression above it. A wrong
 * step does not stop the chain; the next step is still compared with it, as written.
 */
function checkClaimStep(model: Model, claim: ModelClaim, s: number, context: ClaimContext): StepResult {
  const above = s === 0 ? claim.head : claim.steps[s - 1].term;
  const aboveLine = s === 0 ? claim.claim.span.line : claim.steps[s - 1].step.span.line;
  // The claim's own expression has no step to report its error on: its first step does.
  const aboveError = s === 0 ? claim.headError : undefined;
  const modelStep = claim.steps[s];
  const aboveShape = s === 0 ? shapeOf(claim, claim.head, claim.headOffShape) : shapeOf(claim, claim.steps[s - 1].term, claim.steps[s - 1].offShape);
  const stepShape = shapeOf(claim, modelStep.term, modelStep.offShape);
  if (aboveShape !== undefined && stepShape !== undefined && aboveShape !== stepShape) {
    return refutedByShape(modelStep, stepShape, aboveShape, s === 0 ? 'the claim' : `the line above (line ${aboveLine})`, context.runSeed);
  }
  const lineAboveReadable = s === 0 ? claim.head !== undefined : claim.steps[s - 1].term !== undefined;
  if (modelStep.error && !modelStep.offShape && lineAboveReadable && dimensionsDisagree(modelStep.error)) {
    return refutedByIllShape(modelStep, modelStep.error, context.runSeed);
  }
  const mismatch = modelStep.rangeMismatch;
  const derivedSizes = model.derivedDims.length > 0 ? context.sizes : undefined;
  if (mismatch && lineAboveReadable && (canRunLonger(mismatch.claimDim, mismatch.usedDim, derivedSizes) || (mismatch.summed && canRunLonger(mismatch.usedDim, mismatch.claimDim, derivedSizes)))) {
    return refutedByRange(modelStep, modelStep.rangeMismatch, context.runSeed);
  }
  const relation = modelStep.step.relation;
  if (relation !== '=' && above !== undefined && modelStep.term !== undefined) {
    if (aboveShape !== undefined || stepShape !== undefined) return inequalityOfArrays(model, modelStep, aboveShape ?? stepShape!, context.runSeed);
    // An inequality is checked as an equality of its 0/1 value on the line above's domain (relation-steps.ts).
    const pair = relationAsEquality(above, modelStep.term, relation);
    const bound = guarded(modelStep, () => withComparedValues(
      checkStep(model, claim, { ...modelStep, term: pair.step }, { term: pair.above, line: aboveLine, error: aboveError }, { ...context, seed: mix(context.seed, s) }),
      model, claim, above, modelStep.term!), context.runSeed);
    // No reading could call the bound (no input settled, or constants no digits order): its sides may be equal.
    const decided = bound.verdict === 'error' && (bound.detail.diagnostic?.code === 'no-domain' || bound.detail.diagnostic?.code === 'undecided')
      ? tiedEverywhere(bound, relation, () => {
        const asEquality = { ...modelStep, step: { ...modelStep.step, relation: '=' as const } };
        return guarded(asEquality, () => checkStep(model, claim, asEquality, { term: above, line: aboveLine, error: aboveError }, { ...context, seed: mix(context.seed, s) }), context.runSeed);
      })
      : bound;
    return farOut(checkedStrictTies(decided, model, claim, above, modelStep.term!, relation), model, claim, above, modelStep.term, relation, context);
  }
  const checked = guarded(modelStep, () =>
    checkStep(model, claim, modelStep, { term: above, line: aboveLine, error: aboveError }, { ...context, seed: mix(context.seed, s) }), context.runSeed);
  return above === undefined || modelStep.term === undefined ? checked : farOut(checked, model, claim, above, modelStep.term, relation, context);
}

/**
 * A step in n alone that held at every size tried, read again far past them (far-sizes.ts): only with the sizes of
 * the run's own lists (not a list given), and never at one written-out size.
 */
function farOut(result: StepResult, model: Model, claim: ModelClaim, above: Term, step: Term, relation: Relation, context: ClaimContext): StepResult {
  if (context.writtenAtSize || (context.farSizes?.length ?? 0) === 0 || claim.freeIndices.length > 0) return result;
  try {
    return checkedFarOut(result, model, above, step, relation);
  } catch (error) {
    // A reading that could not be made leaves the verdict of the sizes tried as it was.
    if (process.env.DERIVCHECK_DEBUG) process.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
    return result;
  }
}

/**
 * A bound no reading could call at any input tried, its sides tied at each (limit(x, 0, (a^x - 1)/x) >= log(a), an
 * integral against its value; probe 71): checked as the equality of its sides. Where that is proved or verified, a
 * non-strict bound holds as they are equal, and a strict one fails where it is proved (where it is only verified, the
 * strict bound may hold by a margin below every reading: still no verdict). Anything else leaves the bound's error.
 */
function tiedEverywhere(bound: StepResult, relation: Exclude<Relation, '='>, asEquality: () => StepResult): StepResult {
  const strict = relation === '<' || relation === '>';
  const equality = asEquality();
  const holds = equality.verdict === 'proved' || equality.verdict === 'verified';
  if (!holds || (strict && equality.verdict !== 'proved')) return bound;
  const verdict = strict ? 'refuted' : equality.verdict;
  const why = strict ? 'its sides are equal everywhere (proved as an equality), so it never holds strictly' : 'its sides are equal (checked as an equality), so it holds';
  return {
    ...bound, verdict, proof: strict ? undefined : equality.proof, ok: isExpected(verdict, bound.expect),
    method: `${equality.method}; no reading could call the bound at any input: ${why}`,
    detail: { ...equality.detail, ...(strict ? { explanation: `${why}: the line above equals the step` } : {}) },
  };
}

/**
 * A confirmed difference too small for doubles to see (relative to the sides, below 1e-15): the numbers searching
 * more sizes for it would find none. A visible one (1 against 0 at a tie the random draws rarely hit) is searched
 * for at every size, as before, so that the report shows it in doubles where it can.
 */
function belowDoubles(confirmation: Confirmation | undefined): boolean {
  return confirmation !== undefined && relativeDifference([confirmation.lhs, confirmation.rhs, confirmation.difference]) <= 1e-15;
}

/** |difference| over the larger side, from their printed readings; NaN where one is not a finite number. */
function relativeDifference(readings: readonly string[]): number {
  const [lhs, rhs, difference] = readings.map((v) => Math.abs(Number(v)));
  if (![lhs, rhs, difference].every(Number.isFinite)) return NaN;
  return difference / Math.max(lhs, rhs, Number.MIN_VALUE);
}

/** An inequality between arrays has no one meaning (entry by entry? an order of matrices?): an error that says what to write. */
function inequalityOfArrays(model: Model, modelStep: ModelStep, shape: string, seed: number): StepResult {
  return uncheckedStep(modelStep, seed, {
    diagnostic: diagnostic('unsupported', `an inequality compares two numbers, and this chain's expressions are arrays (${shape})`, model.derivation.file, modelStep.step.span,
      'compare one entry (claim x[i] <= y[i]) or a number made from them (a sum, a norm)'),
  });
}

/** A step no engine looked at: an error with what stopped it. */
function uncheckedStep(modelStep: ModelStep, seed: number, why: Pick<StepDetail, 'diagnostic' | 'engineFault'>): StepResult {
  const { step } = modelStep;
  return {
    line: step.span.line, span: step.span, text: step.text, justification: step.justification, relation: step.relation,
    expect: step.expectWrong ? 'wrong' : 'holds', verdict: 'error', proof: undefined, ok: false, method: 'none',
    detail: { trials: 0, sizes: [], seed, ...why },
  };
}


/**
 * A bug in an engine must cost one step, not the run: an unexpected exception
 * becomes an engine fault on that step, with its message, and checking goes on.
 */
function guarded(modelStep: ModelStep, check: () => StepResult, seed: number): StepResult {
  try {
    return check();
  } catch (error) {
    if (process.env.DERIVCHECK_DEBUG) process.stderr.write(`${(error as Error)?.stack ?? ""}\n`);
    return uncheckedStep(modelStep, seed, {
      engineFault: `internal error: ${error instanceof Error ? error.message : String(error)}; a bug in derivcheck, please report it with this file and seed`,
    });
  }
}

/** The expression a step is compared with; `error` is set when it is the claim's own, unreadable, expression. */
interface Above {
  readonly term: Term | undefined;
  readonly line: number;
  readonly error: Diagnostic | undefined;
}

function checkStep(model: Model, claim: ModelClaim, modelStep: ModelStep, aboveExpression: Above, context: ClaimContext): StepResult {
  const { term: above, line: aboveLine } = aboveExpression;
  const { step } = modelStep;
  const expect = step.expectWrong ? 'wrong' as const : 'holds' as const;
  const base = { line: step.span.line, span: step.span, text: step.text, justification: step.justification, relation: step.relation, expect };
  const emptyDetail: StepDetail = { trials: 0, sizes: [], seed: context.runSeed };
  const errorResult = (detail: StepDetail, method = 'none'): StepResult =>
    ({ ...base, verdict: 'error', proof: undefined, ok: false, method, detail });

  if (modelStep.error || !modelStep.term) {
    return errorResult({ ...emptyDetail, diagnostic: modelStep.error });
  }
  if (!above && aboveExpression.error) return errorResult({ ...emptyDetail, diagnostic: aboveExpression.error });
  if (!above) {
    const why = diagnostic('unsupported', `the expression above this step (line ${aboveLine}) cannot be read, so this step cannot be compared with it`,
      model.derivation.file, step.span, `fix the error on line ${aboveLine} first`);
    return errorResult({ ...emptyDetail, diagnostic: why });
  }

  // A derivative with respect to a let (grad(C, z2)) is taken with z2 an input of its own, then read at z2's definition.
  let lhs: Term;
  let rhs: Term;
  try {
    lhs = withDefinedInputs(eliminateDiffKeepingDomain(above), model.inputs);
    rhs = withDefinedInputs(eliminateDiffKeepingDomain(modelStep.term), model.inputs);
  } catch (error) {
    if (error instanceof MovingLimitPointError) {
      return errorResult({ ...emptyDetail, diagnostic: diagnostic('unsupported', error.message, model.derivation.file, step.span,
        `write the limit with its point free of ${error.variable} (substitute h = ${error.variable} + k), or differentiate its value`) });
    }
    if (!(error instanceof DerivativeTooLargeError)) throw error;
    return errorResult({ ...emptyDetail, diagnostic: diagnostic('limit', `${error.message}, past what derivcheck checks`, model.derivation.file, step.span,
      'take fewer derivatives in one step (the Rodrigues formula up to P8), or write a derivative out and differentiate that') });
  }
  // A step that reads only some of the derivation's dimension symbols is checked at the sizes of those (sizes.ts, dimensionsRead).
  const read = model.derivedDims.length === 0 ? dimensionsRead([above, modelStep.term, lhs, rhs], model.inputs, claim.freeIndices) : undefined;
  const dimsRead = read === undefined ? model.dims : model.dims.filter((d) => read.has(d));
  if (read !== undefined && dimsRead.length < model.dims.length && context.sizes.length > 0) {
    const at = context.sizes[0];
    const sizes = projectedSizes(context.sizes, read, at);
    const tried = new Set(sizes.map(sizeKey));
    const further = (list: readonly ReadonlyMap<string, number>[] | undefined) =>
      list && projectedSizes(list, read, at).filter((z) => !tried.has(sizeKey(z)));
    context = { ...context, sizes, moreSizes: further(context.moreSizes), largeSizes: further(context.largeSizes), farSizes: further(context.farSizes), wideSizes: further(context.wideSizes) };
  }
  // Sums nested over fixed sizes (three of 1,000) ask a billion terms of every evaluation: refused by their size, not by the clock.
  const work = Math.max(...context.sizes.map((sizes) => evaluationWork([lhs, rhs], sizes)));
  if (work > MAX_EVALUATION_WORK) {
    return errorResult({ ...emptyDetail, diagnostic: diagnostic('limit', `one evaluation of this step reads about ${work.toPrecision(2)} terms, past the ${MAX_EVALUATION_WORK.toLocaleString('en-US')} the numbers evaluate`, model.derivation.file, step.span,
      'write the sums over a dimension symbol (vector[n] rather than vector[1000]), checked at every size that way, or split the step') });
  }
  // Comparisons are exact, except in a step about a derivative (relu' = [a > 0] holds almost everywhere).
  const almostEverywhere = hasDiff(above) || hasDiff(modelStep.term);
  // Work budgets, not time: the same file and seed give the same verdicts on any machine; the clock is only a guard.
  const everyN: EveryNOutcome = context.writtenAtSize
    ? { kind: 'not-proved', reason: 'det, inv and logdet are written out at one size' }
    : proveForEveryN(lhs, rhs, model.inputs, claim.freeIndices,
      new Budget({ maxTerms: context.budget.maxTerms, deadlineMs: Date.now() + context.budget.guardMs }), model.definitions, almostEverywhere);
  const symbolicStep = { lhs, rhs, inputs: model.inputs, freeIndices: claim.freeIndices, almostEverywhere, ...(step.relation === '=' ? {} : { comparison: true }) };
  // Proved for every n, the step gets a second opinion from the exact engine at the sizes a tenth of
  // its budget affords, smallest first; otherwise the exact engine tries every size on its full budget.
  const crosscheck = everyN.kind === 'proved';
  // Otherwise the sizes whose sides the exact engine can write out, smallest first.
  let exactSizes = crosscheck
    ? sizesWithin(symbolicStep, context.sizes.slice(0, CROSSCHECK_SIZES), context.budget.maxInstances / CROSSCHECK_SHARE)
    : writableSizes(symbolicStep, context.sizes);
  const exactBudget = crosscheck ? { ...context.budget, maxWork: context.budget.maxWork / CROSSCHECK_SHARE, maxInstances: context.budget.maxInstances / CROSSCHECK_SHARE } : context.budget;
  let symbolic: SymbolicOutcome = exactSizes.length === 0
    ? { kind: 'undecided', reason: 'no size small enough for a second opinion of the exact engine' }
    : decideStep(symbolicStep, exactSizes, exactBudget, context.seed);
  // Equal at the sizes tried but not proved for every n, with n a number in the step: a slip in n such as
  // (n - 1) (n - 2) ... (n - 8) vanishes at every size of the list. More sizes are decided, where the budget allows.
  let sizes = context.sizes;
  const slipInN = everyN.kind !== 'proved' && context.moreSizes !== undefined && context.moreSizes.length > 0 && sizeAsNumber(lhs, rhs);
  const scalarsOnly = readsNoArray(lhs, rhs);
  const large = scalarsOnly ? [...context.largeSizes ?? [], ...(modelStep.step.relation !== '=' ? context.farSizes ?? [] : [])] : [];
  const further = slipInN ? writableSizes(symbolicStep, merged(merged(context.moreSizes!, large), atThresholds(lhs, rhs, context, read))) : [];
  if (slipInN && symbolic.kind === 'equal') {
    const more = decideStep(symbolicStep, further, context.budget, context.seed);
    if (more.kind === 'different' || more.kind === 'equal') {
      sizes = merged(context.sizes, further);
      exactSizes = merged(exactSizes, further);
      symbolic = more.kind === 'different' ? more : { ...more, instances: symbolic.instances + more.instances, unconditional: symbolic.unconditional && more.unconditional };
    }
  } else if (slipInN && symbolic.kind !== 'no-domain') {
    // The numbers decide (the exact engine undecided, or its forms differing where no point may show it): they try the further sizes too.
    sizes = merged(context.sizes, further);
  }
  // The numbers cross-check what an exact engine proved: a share of `trials`, spread over the sizes, does that.
  // Where nothing is proved they are the only witness, and every size gets `trials` of its own.
  const provedExactly = everyN.kind === 'proved' || symbolic.kind === 'equal';
  const trialsPerSize = provedExactly
    ? Math.max(MIN_CONFIRMATIONS_PER_SIZE, Math.ceil(context.trials / CONFIRMATION_SHARE / sizes.length)) : context.trials;
  const wide = modelStep.step.relation !== '=' && !scalarsOnly && !provedExactly && !(symbolic.kind === 'different' && symbolic.confirmed)
    ? (context.wideSizes ?? []).filter((z) => evaluationWork([lhs, rhs], z) <= WIDE_SIZE_WORK) : [];
  const numericSizes = provedExactly ? confirmationSizes(sizes)
    : symbolic.kind === 'different' ? failingSizeFirst(merged(sizes, wide), symbolic.instance.sizes) : merged(sizes, wide);
  const [aboveTerm, stepTerm] = [above, modelStep.term];
  const numericAt = (sizesTried: readonly ReadonlyMap<string, number>[]): NumericOutcome => checkStepNumerically(
    // The diff-free forms let the numbers re-evaluate a derivative in high precision where doubles fail.
    { lhs: aboveTerm, rhs: stepTerm, inputs: model.inputs, freeIndices: claim.freeIndices, preciseLhs: lhs, preciseRhs: rhs, almostEverywhere },
    {
      trials: trialsPerSize, seed: context.seed, sizes: sizesTried, preciseWork: provedExactly ? MAX_PRECISE_WORK / CONFIRMATION_SHARE : MAX_PRECISE_WORK,
      preciseWorkBindsInside: provedExactly,
      ...(provedExactly ? { directionalAbove: 1, maxEntries: CONFIRMATION_ENTRIES } : {}), ...(symbolic.kind === 'different' ? { rescueUnsettled: false } : {}),
      // An integral or a series is an atom no exact point can evaluate: a difference of its forms below doubles is read in
      // 60 digits (Fibonacci's generating function at 1/10, 10/89, cut at 14 digits: off by 7.7e-15 where the doubles'
      // bound, loose from the terms' cancelling, allowed 6.9e-14 of it; probe 102, verified).
      ...((symbolic.kind === 'different' || symbolic.kind === 'undecided') && (someSubterm(lhs, isIntegralOrSeries) || someSubterm(rhs, isIntegralOrSeries)) ? { readAgreementsPrecisely: true } : {}),
      // A bound (<=, <, >=, >) is also read at far decades of its inputs, where random draws do not go.
      ...(modelStep.step.relation !== '=' ? { readFarDecades: true } : {}),
    });
  // Forms that differ at a size, and a difference the 60-digit confirmation shows there, refute the step whatever the
  // numbers find (verdict.ts): they try the failing size (the first, seeded as in the whole search) for a counterexample
  // in doubles, and the other sizes only where the confirmation does not show it. A slip of 1e-20 in a recurrence was
  // searched for at 1,200 inputs of 12 sizes, 25 s, where doubles cannot see it.
  const firstSizeSettles = (first: NumericOutcome) => first.kind === 'counterexample'
    || (first.kind === 'agree' && symbolic.kind === 'different' && belowDoubles(symbolic.confirmed));
  const first = symbolic.kind === 'different' && everyN.kind !== 'proved' && numericSizes.length > 1 ? numericAt(numericSizes.slice(0, 1)) : undefined;
  const numeric: NumericOutcome = first !== undefined && firstSizeSettles(first) ? first : numericAt(numericSizes);
  const precision = numeric.precision;
  const numericDetail = {
    method: 'central differences with Richardson extrapolation', errorFactor: ERROR_FACTOR, kinkMargin: KINK_MARGIN,
    ...(precision && precision.rescued > 0 ? { rescued: precision.rescued, discarded: precision.discarded } : {}),
  };

  const detail: StepDetail = {
    trials: numeric.trials, sizes: numeric.sizes, seed: context.runSeed, numeric: numericDetail,
    ...(symbolic.kind === 'equal' ? { instances: symbolic.instances } : {}),
    ...(symbolic.kind === 'undecided' ? { undecided: symbolic.reason } : {}),
    // A kink convention matters only where comparisons are read almost everywhere: in a step about a derivative.
    ...(almostEverywhere && mayCompare(lhs) && mayCompare(rhs) ? kinkNote(above, modelStep.term, numeric, symbolic) : {}),
  };
  // The sizes the numbers tried: a search that found its counterexample at the first one names that one.
  // The method names the sizes of the dimensions the step reads; the others stood at one size each (detail.sizes has them).
  const shown = (list: readonly ReadonlyMap<string, number>[]) => (read === undefined ? list : sizesRead(list, read));
  const sizesText = describeSizes(shown(numeric.sizes.length > 0 ? numeric.sizes.map((r) => new Map(Object.entries(r))) : numericSizes));
  const at = sizesText === '' ? '' : ` at ${sizesText}`;
  const exactSizesText = describeSizes(shown(exactSizes));
  const exactMethod = `exact canonical form${exactSizesText === '' ? '' : ` at ${exactSizesText}`}`;
  // How many inputs were re-evaluated in 60 digits is in detail.numeric, not here: the method is the same for every seed.
  const sample = numeric.entries ? ` (${numeric.entries.compared} of the ${numeric.entries.of} entries on each)` : '';
  const numericMethod = `${numeric.trials} random input${numeric.trials === 1 ? '' : 's'}${at}${sample}, finite differences with Richardson extrapolation`;

  // A counterexample shows the inputs the step mentions, not every input of the derivation.
  const used = freeInputNames(modelStep.term, freeInputNames(above));
  // The high-precision readings of a scalar step need only the inputs it reads: an unused `given f: function` beside
  // it (an array of parameters) kept them from reading `limit(x, 0, x log x) = 1e-300`, and the numbers verified it (probe 59).
  const readStep = { ...symbolicStep, inputs: symbolicStep.inputs.filter((input) => used.has(input.name)) };
  const binary = new Map(model.inputs.flatMap((i) => (i.binary ? [[i.name, i.binary] as const] : [])));
  const symmetric = new Set(model.inputs.filter((i) => isSymmetricKind(i.kind)).map((i) => i.name));
  const functions = new Map(model.inputs.filter((i) => i.kind === 'function').map((i) => [i.name, i.signature?.arity ?? 1]));
  const found = numeric.kind === 'counterexample' ? withFunctions(numericCounterexample(numeric, used, binary, symmetric), functions) : undefined;
  const replay = numeric.kind === 'counterexample' ? { seed: numeric.seed, path: numeric.path } : undefined;
  const worstRelative = numeric.kind === 'agree' ? numeric.worstRelative : undefined;
  const outcome = judge({ everyN, symbolic, numeric, onlyFixedSizes: dimsRead.length === 0, constant: used.size === 0 });
  const result = (verdict: StepResult['verdict'], proof: ProofScope | undefined, method: string, extra: Partial<StepDetail>): StepResult =>
    ({ ...base, verdict, proof, ok: isExpected(verdict, expect), method, detail: { ...detail, ...extra } });
  // Only a step that holds gets the note of where it has no value.
  const removable = almostEverywhere ? removableNote(everyN, symbolic, numeric) : {};

  switch (outcome.verdict) {
    case 'error':
      if (outcome.why === 'no-domain' && symbolic.kind === 'no-domain') {
        return result('error', undefined, exactMethod, {
          diagnostic: diagnostic('no-domain', symbolic.reason, model.derivation.file, step.span,
            'a denominator must not be 0, log needs a positive argument and sqrt a non-negative one: check the types (given x: positive) or fix the line above'),
        });
      }
      const lost = numeric.kind === 'no-domain' ? numeric.precision?.discarded ?? 0 : 0;
      const onStep = numeric.kind === 'no-domain' ? numeric.precision?.stepOnly ?? 0 : 0;
      // A bound of analytic sides tied at every input in every reading (atan(x) <= x - x^3/3 + x^5/5 on (1e-300, 1e-200)):
      // read at its range's ends and middle in the digits that see the sides apart (identity-theorem.ts).
      const deep = outcome.why === 'no-domain' && readStep.comparison === true && lost > 0 ? boundAcrossRange(readStep.lhs, readStep.rhs, readStep.inputs) : undefined;
      if (deep !== undefined) {
        const most = Math.max(...deep.map((r) => r.digits));
        if (deep[0].breaks) {
          const r = deep[0];
          return result('refuted', undefined, `${numericMethod}; a ${r.digits}-digit evaluation`, {
            counterexample: highPrecisionWitness(asCompared(r), used,
              '(the sides tie in double precision and in 60 to 960 digits at every input tried; both are analytic on the whole line and not equal, by the identity theorem, and these digits see them apart)'),
          });
        }
        return result('verified', undefined,
          `${deep.length} points of the range (its ends and middle) in up to ${most} digits, where its sides, analytic and not equal (the identity theorem), tie in doubles and in 60 to 960 digits at every input tried`, {});
      }
      // A bound of two constants that 60 digits could not call (a Taylor sum of exp(-50) against exp(-50), apart by 1e-106
      // after 42 digits cancel): read in the digits that set them apart (constant-bound.ts).
      const constant = outcome.why === 'no-domain' && readStep.comparison === true && used.size === 0 ? constantBound(readStep.lhs, readStep.rhs) : undefined;
      if (constant !== undefined) {
        const sides = `the line above, ${constant.lhs}, against the step, ${constant.rhs}: they differ by ${constant.difference}`;
        if (!constant.holds) {
          return result('refuted', undefined, `a ${constant.digits}-digit evaluation`, {
            explanation: `${sides}, read in ${constant.digits} digits (and again in twice as many), where doubles and 60 digits could not call them`,
          });
        }
        return result('verified', undefined, `a ${constant.digits}-digit evaluation of both constants (and again in twice as many digits), where doubles and 60 digits could not call them: ${sides}`, {});
      }
      // Inputs with a value that neither doubles nor 60 digits settled (log1p(x) < x at x = 1e-150): read at a few at up to
      // 960 digits, agreement there is evidence as the numbers' is (probe 27: such true steps were errors).
      const agreed = outcome.why === 'no-domain' && symbolic.kind !== 'no-domain' && lost > 0 ? agreesInHighPrecision(readStep, context.seed) : undefined;
      if (agreed?.kind === 'agree') {
        return result('verified', undefined,
          `${agreed.points} random inputs in high precision (up to ${agreed.digits} digits), where doubles and 60 digits settled none of the ${numeric.trials} tried`, {});
      }
      if (agreed?.kind === 'differs' && symbolic.kind === 'different' && everyN.kind !== 'proved') {
        // The same witness a confirmation gives, read where the confirmation's points tied: refuted as by it.
        const c = agreed.confirmation;
        return result('refuted', undefined, `${exactMethod}; ${c.digits}-digit evaluation`, {
          explanation: symbolic.explanation,
          counterexample: withFunctions(highPrecisionWitness(c, used, '(double precision and 60 digits could settle the sides at no input tried)'), functions),
        });
      }
      if (outcome.why === 'no-domain' && lost > 0 && used.size === 0 && step.relation !== '=' && symbolic.kind !== 'no-domain') {
        // Constants on both sides, each with its value: it is their order that no reading resolves, not a domain.
        return result('error', undefined, numericMethod, {
          diagnostic: diagnostic('undecided', 'the sides are constants, and no reading of them (doubles, 60 digits, and up to 960) resolves which is larger: their difference is past every reading\'s digits, and the exact engine could not decide it',
            model.derivation.file, step.span, 'a difference that small is decided only by an exact proof: check the bound against the book, or write it for a variable (given x: real in (1, Infinity)) where its sides differ visibly'),
        });
      }
      if (outcome.why === 'no-domain' && lost > 0 && onStep === lost) {
        // The line above had its values; the step is what could not be read (an integral that diverges there, or one
        // the quadrature cannot settle): said of the step, not of the line above.
        return result('error', undefined, numericMethod, {
          diagnostic: diagnostic('no-domain', `the line above has a value at ${lost} of the inputs tried, but at none of them could double precision or the high-precision evaluation settle the step (an integral that diverges there or that the quadrature could not settle, a series that does not sum, a value past their range)`,
            model.derivation.file, step.span, 'where the step has no value there (a divergent integral), it is wrong: write the range where it converges into the types (given a: positive); else scale the inputs'),
        });
      }
      if (numeric.kind === 'no-domain' && numeric.settled !== undefined) {
        return result('error', undefined, numericMethod, {
          diagnostic: diagnostic('no-domain', `too few inputs to verify the step: none of the ${numeric.trials} tried but 0s and 1s gave both sides values that could be trusted and agreed (at ${lost} neither double precision nor the high-precision evaluation could settle them: a series that does not sum within the terms they take, an integral the quadrature could not settle, a value past their range)`,
            model.derivation.file, step.span, 'a series is summed where its terms shrink geometrically or alternate (x^k / k!) or are a rational function of k (1/k^2), not where a sine or cosine of k multiplies slowly shrinking terms (sin(k x) / k^3); an integral where it is smooth between its kinks: check such a step in a closed form, or for inputs where it is read'),
        });
      }
      if (outcome.why === 'no-domain' && lost > 0) {
        // Not the same as no value: these inputs have one that neither doubles nor 60 digits could evaluate.
        return result('error', undefined, numericMethod, {
          diagnostic: diagnostic('no-domain', `no input tried gave the line above a value that could be trusted: at ${lost} of the ${numeric.kind === 'no-domain' ? Math.max(numeric.trials, lost) : lost} neither double precision nor the high-precision evaluation could settle it (a value past their range or their digits, a series that does not sum within the terms they take, or an integral the quadrature could not settle within its work), and the others had no value`,
            model.derivation.file, step.span, 'scale the inputs (given x: unit), or write the step in logarithms (lgamma rather than log(gamma)); a series is summed where its terms shrink geometrically or alternate (x^k / k!), or are a rational function of k with rational coefficients (1/k^2, 1/(k^2 + 1)), or a power of k + b past -1 (1/k^(3/2)); a divergent one (1/k) has no value; an integral is settled where its integrand is smooth between the points where its comparisons, abs, max and square roots switch or touch 0, and integrals nested three deep pass the work the numbers spend'),
        });
      }
      if (outcome.why === 'no-domain') {
        // A derivative put at a kink is the limit of its formula there (model/resolve.ts): at a corner it has none.
        const atCorner = someSubterm(above, (t) => t.k === 'limit' && t.at !== undefined && t.side === 0 && someSubterm(t.body, (x) => x.k === 'cmp'));
        return result('error', undefined, numericMethod, {
          diagnostic: diagnostic('no-domain', `the line above has no value on any input tried (a step need hold only where the line above has a value)${atCorner
            ? ': a limit from both sides through a comparison (a derivative put at a kink is one) has none where the two sides tend to different values, as a derivative at a corner (abs(x) or relu(x) at 0) does' : ''}`, model.derivation.file, step.span,
            atCorner ? 'a function with a corner has no derivative there: write a one-sided limit, limit(h, 0, (f(c + h) - f(c)) / h, right) for the derivative from the right, or the derivative beside the kink'
              : 'check the types: log and sqrt need positive arguments (given x: positive), and an index must stay in its range; a value past every evaluation\'s range (2^(10^400)) has none to the numbers either: compare logarithms instead'),
        });
      }
      return result('error', undefined, `index calculus; ${exactMethod}; ${numericMethod}`, {
        counterexample: found, replay,
        engineFault: `${outcome.fault}: a bug in derivcheck, please report it with this file and seed`,
      });
    case 'proved': {
      // Numbers with no value anywhere confirm nothing: the doubles overflowed where the exact forms have a value.
      const confirmed = numeric.kind === 'no-domain'
        ? `not confirmed by numbers: at none of ${numeric.trials} random input${numeric.trials === 1 ? '' : 's'}${numeric.settled !== undefined ? ' but 0s and 1s' : ''} could double precision or 60 digits settle a value (past their range, or a series too slow to sum)`
        : `confirmed on ${numericMethod}`;
      if (outcome.by === 'exact-form') return result('proved', outcome.proof, `${exactMethod}; ${confirmed}`, { worstRelative, ...removable });
      const cases = everyN.kind === 'proved' && everyN.cases > 1 ? ` (${everyN.cases} cases of equal indices)` : '';
      // With no dimension symbol there is no n: "for every n" would promise something that is not there.
      const scope = model.dims.length === 0 ? '' : ' for every n';
      // The exact engine's second opinion is named only where it was given.
      const second = symbolic.kind === 'equal' ? `${exactMethod} (a second opinion); ` : '';
      return result('proved', outcome.proof, `index calculus${scope}${cases}; ${second}${confirmed}`, { worstRelative, ...removable });
    }
    case 'refuted': {
      // The index-level explanation reads like the notes ("differ by a factor -1"); the concrete one is the fallback.
      const diverged = numeric.kind === 'counterexample' ? numeric.example.divergence : undefined;
      const explanation = diverged ?? (found && noValueHere(found, rhs, model.inputs)) ?? (everyN.kind === 'not-proved' && everyN.explanation ? everyN.explanation
        : symbolic.kind === 'different' ? symbolic.explanation : undefined);
      const why = explanation === undefined ? {} : { explanation };
      if (outcome.by === 'numbers') {
        const method = numeric.kind === 'counterexample' && numeric.example.divergence ? `${numericMethod}; the order of a series' terms or an integral's integrand at its ends (or at 0 inside its range), which shows it diverges`
          : numeric.kind === 'counterexample' && numeric.example.precise ? `${numericMethod}; 60-digit evaluation where double precision lost a side` : numericMethod;
        return result('refuted', undefined, method, { counterexample: found, replay, ...why });
      }
      if (outcome.by === 'never-zero' && symbolic.kind === 'different' && numeric.kind !== 'agree') {
        return result('refuted', undefined, exactMethod, {
          ...why,
          counterexample: {
            sizes: {}, indices: {}, inputs: {}, lhs: 'not evaluated', rhs: 'not evaluated', difference: symbolic.neverZero!, tolerance: undefined,
            foundBy: 'exact canonical form: the sides are constants that differ by a form that is never 0 (a nonzero constant, or of one sign by the ranges of its parts); no evaluation holds their values',
          },
        });
      }
      if (outcome.by === 'never-zero' && symbolic.kind === 'different' && numeric.kind === 'agree' && numeric.agreedAt !== undefined) {
        const at = numeric.agreedAt;
        return result('refuted', undefined, `${exactMethod}; ${numericMethod}`, {
          ...why,
          counterexample: withFunctions({
            sizes: at.sizes, indices: at.indices, inputs: Object.fromEntries(Object.entries(at.inputs).filter(([name]) => used.has(name))),
            lhs: at.lhs, rhs: at.rhs, difference: symbolic.neverZero!, tolerance: undefined,
            foundBy: 'exact canonical form: the sides differ by a form that is never 0 (a nonzero constant, or of one sign by the ranges of its parts) over their denominators, so at every input where both have a value, as at this one; the values shown are double precision, which does not resolve the difference',
          }, functions),
        });
      }
      // A confirmed difference of the forms, or a spot check where exact algebra passed its budget.
      const pointed = symbolic.kind === 'different' ? symbolic : symbolic.kind === 'undecided' ? symbolic.spotCheck : undefined;
      if (!pointed?.confirmed) throw new Error('internal: a high-precision refutation without its point');
      const c = pointed.confirmed;
      const method = symbolic.kind === 'undecided' ? `${symbolic.reason}; a ${c.digits}-digit evaluation of the sides` : `${exactMethod}; ${c.digits}-digit evaluation`;
      const counterexample = withFunctions({
          // A binary or sign input's case is its label, 1 or 2: shown as its value, as the numbers show it (probe 52: "b = 2").
          sizes: pointed.instance.sizes, indices: asTwoValued({ ...pointed.instance.indices, ...pointed.instance.cases }, binary),
          inputs: asTwoValued(Object.fromEntries(Object.entries(c.point).filter(([name]) => used.has(name))), binary),
          ...(c.compared ? { lhs: c.compared.above, rhs: c.compared.step, difference: c.compared.difference } : { lhs: c.lhs, rhs: c.rhs, difference: c.difference }), tolerance: undefined,
          foundBy: c.nonzeroEverywhere
            ? `exact canonical form: the sides differ by a form that is never 0 (a nonzero constant, or of one sign by the ranges of its parts) over their denominators, so at every input where both have a value; the values shown are ${c.digits}-digit, which need not resolve the difference`
            : `${c.digits}-digit evaluation${c.exactly === undefined ? '' : ` at ${c.exactly} exactly, whose double is shown${c.pastDoubles === true ? ' (past double precision, where 0 or an infinity stands for it)' : ''}`}`
              + (c.atJoin === true ? ' where the step\'s cases meet: the line above is continuous there, so the derivative exists and is its value (not a kink, where the value would be a convention)'
                : c.rhs === 'undefined' ? ' (the step has no value there, the line above has one)'
                : numeric.kind === 'no-domain' ? ' (double precision could not settle the sides at any input tried)'
                : resolvedInDoubles(c) ? ' (at a point no random input reached: a corner, tie or critical point of the sides)' : ' (the difference is below what double precision can see)'),
      }, functions);
      if (c.compared) COMPARED_IN_HIGH_PRECISION.add(counterexample);
      return result('refuted', undefined, method, { ...why, counterexample });
    }
    case 'verified': {
      // A search cut by its guard (15 s of CPU time, not the wall clock, so not by a loaded machine) is said so: four true
      // steps of the probes take longer alone, and an error there would lose their verdict.
      const unexplained = outcome.unexplainedDifference && symbolic.kind === 'different'
        ? { undecided: `the canonical forms differ (${symbolic.explanation}) but no input shows it${symbolic.confirmationCut === true ? ` (its search passed its guard of ${SEARCH_GUARD_MS / 1000} s of CPU time)` : ''}: the engine may lack an identity between its atoms` }
        : {};
      // Sides analytic on the whole line that the numbers call equal, read apart at some point: apart on the range too
      // (the identity theorem), however far below every reading (atan(x) = x - x^3/3 + x^5/5 on (1e-300, 1e-200)).
      const apart = outcome.unexplainedDifference && symbolic.kind === 'different' ? analyticDifference(readStep.lhs, readStep.rhs, readStep.inputs) : undefined;
      if (apart !== undefined && (step.relation === '=' || apart.breaks === true)) {
        const counterexample = highPrecisionWitness(step.relation === '=' ? apart : asCompared(apart), used, apart.inRange
          ? '(the difference is below what double precision and 60 digits see; both sides are analytic on the whole line, so by the identity theorem they differ at all but isolated points of the range)'
          : 'at a point outside the inputs\' range: both sides are analytic on the whole line, and analytic functions equal on an open set are equal everywhere (the identity theorem), so they differ at all but isolated points of the range, by less than any reading there sees');
        return result('refuted', undefined, `${exactMethod}; ${numericMethod}; the identity theorem and a ${apart.digits}-digit evaluation`, {
          ...(symbolic.kind === 'different' ? { explanation: symbolic.explanation } : {}), counterexample,
        });
      }
      if (apart !== undefined && !apart.inRange) {
        const at = Object.entries(apart.point).map(([name, v]) => `${name} = ${v}`).join(', ');
        return result('error', undefined, numericMethod, {
          diagnostic: diagnostic('undecided', `the numbers call the sides equal on the range, but they are not: both are analytic on the whole line and differ at ${at} (read in ${apart.digits} digits), so by the identity theorem they differ at all but isolated points of the range, by less than any reading there sees, and which is larger there is not known`,
            model.derivation.file, step.span, 'a difference that small is decided only by an exact proof: check the bound against the book over a range where its sides differ visibly, or write its remainder term'),
        });
      }
      // Sides that agree in every digit read, where each reading dropped a part past the digits allowed (softplus(a) and a
      // at a = 3000 agree but for e^-3000): the agreement is the rounding's, the doubles' no less, and the forms differ.
      const unseenPart = outcome.unexplainedDifference && symbolic.kind === 'different' ? symbolic.unseenPart : undefined;
      if (unseenPart !== undefined) {
        return result('error', undefined, numericMethod, {
          diagnostic: diagnostic('undecided', `the numbers agree with this step, but the sides agree only as far as their readings go: each reading dropped a part of them that only ${unseenPart < 1e7 ? unseenPart : `some 10^${Math.floor(Math.log10(unseenPart))}`} digits would see, past the most a reading of this step takes, and the exact engine could not decide it (${symbolic.kind === 'different' ? symbolic.explanation : ''})`,
            model.derivation.file, step.span, 'a difference that small is decided only by an exact proof: write the step in the forms the exact engine reads (log1p(exp(-a)) for log(1 + exp(-a)), a softplus beside its argument), or check it against the book'),
        });
      }
      // Numbers that agree with `pi + 1e-300` agree with `pi` as well, and at most one of them holds: a constant finer
      // than their readings must be seen by a reading with the digits for it, or the step is not decided.
      const unseen = step.relation === '=' && numeric.kind === 'agree' ? unseenConstant(readStep, numeric.agreedAt) : undefined;
      if (unseen !== undefined) {
        let agreed = agreesInHighPrecision(readStep, context.seed, unseen.digits);
        // Forms that differ, agreeing in the digits that see the step's finest constant: a truncated series' next term
        // is as much finer again (Stirling's at x = 1e300 off by 1/(360 x^3), a relative 1e-1206, beside its 1/(12 x) of
        // 1e-604: probe 101, verified). So the sides are read again with twice those digits, and where no reading has
        // as many the step is not decided.
        if (agreed?.kind === 'agree' && unexplained.undecided !== undefined && agreed.digits < 2 * unseen.digits) {
          agreed = agreesInHighPrecision(readStep, context.seed, 2 * unseen.digits);
          if (agreed === undefined) {
            return result('error', undefined, numericMethod, {
              diagnostic: diagnostic('undecided', `the numbers agree with this step in the digits that see its constant ${unseen.constant} (${unseen.digits}), but the exact engine finds its sides' forms different: a difference as much finer again, a truncated series' next term, would need ${2 * unseen.digits} digits, past the most a reading takes`,
                model.derivation.file, step.span, 'a difference that small is decided only by an exact proof: check the step against the book, or write it as the bound the book means (a truncated series bounds its function on one side)'),
            });
          }
        }
        if (agreed?.kind === 'agree') {
          return result('verified', undefined, `${numericMethod}; ${agreed.points} random inputs in high precision (up to ${agreed.digits} digits), which see the constant ${unseen.constant}`, { ...unexplained, worstRelative, ...removable });
        }
        if (agreed?.kind === 'differs') {
          const c = agreed.confirmation;
          return result('refuted', undefined, `${numericMethod}; ${c.digits}-digit evaluation`, {
            ...(symbolic.kind === 'different' ? { explanation: symbolic.explanation } : {}),
            counterexample: withFunctions(highPrecisionWitness(c, used,
              `(the step's constant ${unseen.constant} moves its sides by a relative 1e${Math.round(unseen.log10Effect)}, below what double precision and 60 digits see)`), functions),
          });
        }
        return result('error', undefined, numericMethod, {
          diagnostic: diagnostic('undecided', `the numbers agree with this step, and would agree as well with ${unseen.constant} written as ${unseen.neighbour}: that constant moves the sides by a relative 1e${Math.round(unseen.log10Effect)}, past the digits any reading of this step resolves (${unseen.digits} would be needed), and the exact engine could not decide it`,
            model.derivation.file, step.span, 'a constant that fine is decided only by an exact proof: check it against the book (a slip that small is no rounding of the book\'s), or write the step where the exact engine reads it (an integral with a closed form, a limit it evaluates)'),
        });
      }
      return result('verified', undefined, numericMethod, { ...unexplained, worstRelative, ...removable });
    }
  }
}

/**
 * The note of a step about a derivative that has no value on a set of measure zero
 * where the line above has one: the condition an exact engine waived, else the
 * inputs where the numbers found such a point. Only on a step that holds.
 */
function removableNote(everyN: EveryNOutcome, symbolic: SymbolicOutcome, numeric: NumericOutcome): { removable?: string } {
  // The engine that carries the proof names the condition: the index calculus's is in the claim's own indices.
  const waived = everyN.kind === 'proved' ? everyN.removable : symbolic.kind === 'equal' ? symbolic.removable : undefined;
  if (waived !== undefined) {
    // The condition as the step needs it, turned to where it fails: `x != 0` to `x = 0`, `x + 1 is not 0, -1, ...` to `is 0, -1, ...`.
    const fails = waived.replace(/ != 0$/, ' = 0').replace(/ is not 0, -1, -2, \.\.\./, ' is 0, -1, -2, ...');
    const where = waived.length <= MAX_CONDITION_TEXT ? `where ${fails}` : 'where a denominator of the step is 0';
    return { removable: `no value ${where}, a set of measure zero the line above does not rule out` };
  }
  if (numeric.kind === 'agree' && numeric.removable) {
    const n = numeric.removable;
    return { removable: `no value at ${n} input${n === 1 ? '' : 's'} where the line above has one, but a value at points next to ${n === 1 ? 'it' : 'each'} (a set of measure zero)` };
  }
  return {};
}

/** The kink-convention note of a step that holds: only when neither engine found a difference. */
function kinkNote(lhs: Term, rhs: Term, numeric: NumericOutcome, symbolic: SymbolicOutcome): { kink?: string } {
  if (numeric.kind !== 'agree' || symbolic.kind === 'different') return {};
  const kink = kinkConvention(lhs, rhs);
  return kink ? { kink } : {};
}

/** Moves the parameters of each abstract function out of the inputs, into the function they make. */
function withFunctions(c: Counterexample, functions: ReadonlyMap<string, number>): Counterexample {
  const held = Object.entries(c.inputs).filter(([name]) => functions.has(name));
  if (held.length === 0) return c;
  const parameters = (v: readonly number[] | number) => (typeof v === 'number' ? [v] : v);
  return {
    ...c,
    inputs: Object.fromEntries(Object.entries(c.inputs).filter(([name]) => !functions.has(name))),
    functions: Object.fromEntries(held.map(([name, v]) => [name, {
      variables: variableNames(functions.get(name) ?? 1), formula: describeInstance(parameters(v), functions.get(name)), parameters: parameters(v),
    }])),
  };
}

function numericCounterexample(
  numeric: Extract<NumericOutcome, { kind: 'counterexample' }>, used: ReadonlySet<string>, binary: ReadonlyMap<string, TwoValues>, symmetric: ReadonlySet<string>,
): Counterexample {
  const e = numeric.example;
  const inputs: Record<string, readonly number[] | number> = {};
  for (const [name, entries] of Object.entries(e.inputs)) {
    if (!used.has(name)) continue;
    // A binary or sign input is held as a label over the classes 1 and 2: shown as its value, 0 or 1, -1 or 1.
    // A symmetric matrix as the symmetric part of the values held: the matrix the step was evaluated at.
    const two = binary.get(name);
    const values = two ? entries.map((v) => twoValued(two, v)) : symmetric.has(name) ? symmetricPart(entries) : entries;
    inputs[name] = values.length === 1 ? values[0] : values;
  }
  // JSON has no NaN or Infinity: a side with no value is reported in words.
  const shown = (v: number): number | string => (Number.isFinite(v) ? v : Number.isNaN(v) ? 'undefined' : String(v));
  // Compared in high precision (a double lost a side): the values as strings of 20 digits.
  if (e.precise) {
    return {
      sizes: e.sizes, indices: e.indices, inputs, lhs: e.precise.lhs, rhs: e.precise.rhs, difference: e.precise.difference,
      tolerance: e.tolerance, foundBy: 'random inputs, shrunk by fast-check, re-evaluated by 60-digit evaluation where double precision lost a side',
    };
  }
  return {
    sizes: e.sizes, indices: e.indices, inputs, lhs: shown(e.lhs), rhs: shown(e.rhs), difference: shown(e.difference),
    ...(e.divergence
      ? { tolerance: undefined, foundBy: 'random inputs, where a side diverges to an infinity (read from the order of its terms or integrand) and the other is finite' }
      : { tolerance: e.tolerance, foundBy: 'random inputs in double precision, shrunk by fast-check' }),
  };
}

/** The domain rule's failure in words: "the step has no value at x = -1, where the line above is -1". */
function noValueHere(c: Counterexample, step: Term, inputs: readonly Input[]): string | undefined {
  if (c.rhs !== 'undefined' || c.lhs === 'undefined') return undefined;
  // An entry read outside its array (x[i + j] past the end) is the reason, where it is one.
  const outside = hasDiff(step) ? undefined
    : entryReadOutside(step, new Map(Object.entries(c.sizes)), new Map(Object.entries(c.indices)), new Map(inputs.map((i) => [i.name, i])));
  const at = [
    ...Object.entries(c.inputs).map(([name, v]) => `${name} = ${Array.isArray(v) ? `[${v.join(', ')}]` : v}`),
    ...Object.entries(c.indices).map(([name, v]) => `${name} = ${v}`),
  ].join(', ');
  if (outside !== undefined) return `the step reads ${outside}, so it has no value ${at === '' ? 'here' : `at ${at}`}, where the line above is ${c.lhs}`;
  return `the step has no value ${at === '' ? 'here' : `at ${at}`}, where the line above is ${c.lhs}`;
}

function describeSizes(sizes: readonly ReadonlyMap<string, number>[]): string {
  // No dimension symbol: every size is fixed, and there is nothing to list.
  if (sizes.length === 0 || sizes[0].size === 0) return '';
  // A derived dimension (n - k + 1) follows from the symbols: its value is not listed, only that it was kept at least 1.
  const names = [...sizes[0].keys()].filter(isSymbolName);
  // Only one that subtracts a symbol (n - k + 1) constrains the sizes; k + n - 1 is at least 1 anyway.
  const derived = [...sizes[0].keys()].filter((k) => !isSymbolName(k) && /(^-| - )[0-9]*\*?\p{L}/u.test(k));
  const kept = derived.length === 0 ? '' : ` (sizes with ${derived.map((d) => `${d} >= 1`).join(', ')})`;
  if (names.length === 1) return `${names[0]} = ${sizes.map((s) => s.get(names[0])).join(', ')}${kept}`;
  return `${sizes.map((s) => `(${names.map((k) => `${k}=${s.get(k)}`).join(', ')})`).join(', ')}${kept}`;
}

/** A deterministic 32-bit mix of a seed and a position, so each step has its own reproducible seed. */
function mix(seed: number, position: number): number {
  let h = (seed ^ Math.imul(position + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) & 0x7fffffff;
}

/** The sizes a proved step's numbers cross-check it at: the smallest few and the largest (see CONFIRMATION_SMALL_SIZES). */
function confirmationSizes(sizes: readonly ReadonlyMap<string, number>[]): readonly ReadonlyMap<string, number>[] {
  if (sizes.length <= CONFIRMATION_SMALL_SIZES + 1) return sizes;
  // The largest: the most entries in all, derived dimensions counted (n = N = 8 rather than a rotation
  // n = 8, N = 1; a convolution with several outputs, n = 8, k = 4, rather than one, n = k = 8).
  const total = (s: ReadonlyMap<string, number>) => [...s.values()].reduce((a, b) => a * b, 1);
  const rest = sizes.slice(CONFIRMATION_SMALL_SIZES);
  const largest = rest.reduce((best, s) => (total(s) > total(best) ? s : best));
  return [...sizes.slice(0, CONFIRMATION_SMALL_SIZES), largest];
}

/**
 * The sizes with the one where the exact engine found a difference first: the numbers
 * look for their counterexample there before spending their trials where the step holds.
 */
function failingSizeFirst(sizes: readonly ReadonlyMap<string, number>[], failing: Readonly<Record<string, number>>): readonly ReadonlyMap<string, number>[] {
  const at = sizes.findIndex((s) => s.size === Object.keys(failing).length && [...s].every(([k, v]) => failing[k] === v));
  return at <= 0 ? sizes : [sizes[at], ...sizes.slice(0, at), ...sizes.slice(at + 1)];
}

/** A dimension symbol as written, not a derived dimension's canonical text (`n - k + 1`). */
const isSymbolName = (name: string): boolean => /^[\p{L}][\p{L}\p{N}_]*$/u.test(name);

/**
 * A constant of a scalar step finer than the numbers read, whose move to its simple neighbour they could not
 * have seen (symbolic/fine-constants.ts), read where the sides agreed; undefined where there is none.
 */
function unseenConstant(step: { readonly lhs: Term; readonly rhs: Term; readonly inputs: readonly Input[]; readonly freeIndices: readonly unknown[] }, at: NumericComparison | undefined): FineConstant | undefined {
  if (at === undefined || step.freeIndices.length > 0 || !step.inputs.every((i) => i.dims.length === 0)) return undefined;
  const point = new Map<string, PointValue>();
  for (const [name, values] of Object.entries(at.inputs)) if (values.length === 1) point.set(name, values[0]);
  const scale = Math.max(Math.abs(at.precise ? Number(at.precise.lhs) : at.lhs), Math.abs(at.precise ? Number(at.precise.rhs) : at.rhs));
  // Read in 60 digits, the sides agreed to some 1e-53 (1e-40 leaves room); in doubles, to their tolerance (an improper
  // integral the 60 digits did not settle: 1 / (p - 1) + 1e-30 was verified in doubles).
  const resolved = at.precise !== undefined ? 1e-40 : Math.max(1e-12, scale > 0 && Number.isFinite(at.tolerance) ? at.tolerance / scale : 1e-12);
  return fineConstantUnseen(step.lhs, step.rhs, point, scale, resolved);
}

/** A record's binary and sign inputs, held as labels 1 and 2, as the values they stand for. */
function asTwoValued<V extends number | readonly number[]>(record: Readonly<Record<string, V>>, binary: ReadonlyMap<string, TwoValues>): Record<string, V> {
  return Object.fromEntries(Object.entries(record).map(([name, v]) => {
    const two = binary.get(name);
    if (two === undefined) return [name, v];
    return [name, (typeof v === 'number' ? twoValued(two, v) : (v as readonly number[]).map((x) => twoValued(two, x))) as V];
  }));
}

/** A bound's reading as a confirmation of its two expressions compared, which the report shows as such. */
function asCompared(r: Pick<Confirmation, 'point' | 'lhs' | 'rhs' | 'difference' | 'digits'>): Confirmation {
  return { ...r, compared: { above: r.lhs, step: r.rhs, difference: r.difference } };
}

/** The counterexample of a scalar step's high-precision agreement search (agreesInHighPrecision), the inputs the step reads. */
function highPrecisionWitness(c: Confirmation, used: ReadonlySet<string>, why: string): Counterexample {
  const counterexample: Counterexample = {
    sizes: {}, indices: {}, inputs: Object.fromEntries(Object.entries(c.point).filter(([name]) => used.has(name))),
    ...(c.compared ? { lhs: c.compared.above, rhs: c.compared.step, difference: c.compared.difference } : { lhs: c.lhs, rhs: c.rhs, difference: c.difference }),
    tolerance: undefined, foundBy: `${c.digits}-digit evaluation ${why}`,
  };
  if (c.compared) COMPARED_IN_HIGH_PRECISION.add(counterexample);
  return counterexample;
}

/**
 * Whether doubles resolve a high-precision counterexample's difference (relative to the sides, past their rounding):
 * then the numbers missed its point, not its digits ((1 + u)^2 - 1 against 2 u with t[i] near 1, probe 110).
 */
function resolvedInDoubles(c: Confirmation): boolean {
  return relativeDifference(c.compared ? [c.compared.above, c.compared.step, c.compared.difference] : [c.lhs, c.rhs, c.difference]) > 1e-10;
}
