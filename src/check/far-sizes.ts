import { Decimal } from 'decimal.js';
import { diagnostic } from '../diagnostics/index.ts';
import { freeInputNames, hasDiff, logForm, shownApart, someSubterm, withDefinedInputs, type Model, type Term } from '../model/index.ts';
import { compilePreciseSide, evaluatePrecise, IndexSlots, layoutInputs, newState, preciseEvaluationWork, preciseEvaluator, type PreciseValue } from '../numeric/index.ts';
import { eliminateDiffKeepingDomain } from '../symbolic/index.ts';
import type { Relation } from '../syntax/index.ts';
import { closestWholeSizes } from './between-sizes.ts';
import { relationWords } from './relation-steps.ts';
import { isExpected, type StepResult } from './results.ts';

/**
 * Sizes a step in n is also read at, in 60 digits only, past the lists every step is checked at (up to 1,000): a
 * bound whose constant was cut short fails only far out, sum(k, 1, n, 1 / k) < log(n) + 0.57721566490153 + 1 / (2n)
 * past n = 5.4e6 and sum(k, 1, n, 1 / k^2) < 1.6449340668482 - 1 / n + 1 / (2 n^2) past n = 18,600 (both proved or
 * verified at the sizes up to 1,000). Decades to 10^15, then 10^18, 10^20 and 10^22 (see below), for a bound that
 * fails from some n on fails at every decade past it.
 */
export const FAR_OUT_SIZES: readonly number[] = [2000, 5000, ...Array.from({ length: 12 }, (_, k) => 10 ** (k + 4)), 1e18, 1e20, 1e22, 2 ** 80, 2 ** 100]
  // Each with its odd neighbour too: an alternating sum's bound may fail at odd n alone (probe 95: a Leibniz bound with
  // 5/16 cut to 0.3124999 fails at every odd n from 3089, and every size read was even). Past 2^53 there is no odd one.
  .flatMap((n) => (Number.isSafeInteger(n + 1) ? [n, n + 1] : [n]));

/**
 * Past 2^53 a size is still a whole double (10^22, 2^80, read as decimals exactly), but n - 1 is not: there only a step
 * that reads sizes as values (`(1 + 1/n)^n`, its arithmetic done in 60 digits) is read, and sums whose body reads its
 * own index alone, in closed form (model/sum-segments.ts: Euler's constant cut at its 46th digit fails the harmonic
 * sum's bound only past 4.6e22, probe 95), never a step whose index positions or comparisons the evaluator counts in
 * doubles.
 */
const countsInDoubles = (t: Term): boolean => someSubterm(t, (x) => x.k === 'reduce' || x.k === 'icmp' || (x.k === 'ival' && x.index.k !== 'var'));

/**
 * The terms all of a step's far readings may read together, each reading's counted before it is made (a size past
 * what is left is not read): some 10 s of 60-digit arithmetic. A falling power of degree m summed to n (GKP 2.50) in
 * two sizes, read at m = n = 2,000 and 5,000, took 535 s (probe 102). Bounds in one size read far fewer: a sum of n
 * terms at each of some 50 sizes, most of them past 6,000 and in closed form.
 */
const FAR_READING_WORK = 1_000_000;

/** What is left of {@link FAR_READING_WORK}. */
interface ReadingWork { left: number }

/** Relative slack beyond the readings' error bounds before a difference counts: far below 60 digits, far above nothing. */
const SLACK = new Decimal('1e-57');

/**
 * A step the numbers or the exact engine found to hold at the sizes tried but that no engine proved for every n,
 * reading no array and no input (a bound in n alone, or an identity in n): read at {@link FAR_OUT_SIZES}, each side
 * in 60 digits with its error bound, its sums over n in closed form (model/finite-rational-sum.ts; a sum with none is
 * not read there). Refuted where a reading shows the relation failing beyond both error bounds; otherwise the method
 * says at which far sizes it held. Every other result is returned as it is.
 */
export function checkedFarOut(result: StepResult, model: Model, above: Term, step: Term, relation: Relation): StepResult {
  const holdsAtSizesTried = result.verdict === 'verified' || (result.verdict === 'proved' && result.proof === 'sizes-tried');
  if (!holdsAtSizesTried || model.dims.length === 0 || model.derivedDims.length > 0) return result;
  let sides: [Term, Term];
  try {
    sides = [withDefinedInputs(eliminateDiffKeepingDomain(above), model.inputs), withDefinedInputs(eliminateDiffKeepingDomain(step), model.inputs)];
  } catch {
    return result;
  }
  if (!sides.every(readsNoInput) || !sides.some(readsSize)) return result;
  const held: number[] = [];
  let unseen: UnseenConstant | undefined;
  const work: ReadingWork = { left: FAR_READING_WORK };
  const counts = sides.some(countsInDoubles);
  let logSides: Term[] | undefined;
  // First the whole sizes between the lists' where the margin comes lowest (between-sizes.ts), of one size alone.
  const between = model.dims.length === 1 ? closestWholeSizes(sides, model.dims[0], relation) : [];
  for (const size of between) {
    const read = readAt(sides, model.dims, size, work);
    if (read !== undefined && compared(read[0], read[1], relation) === 'fails') {
      return refutedFarOut(result, model.dims, size, read[0].value, read[1].value, relation);
    }
  }
  for (const size of FAR_OUT_SIZES) {
    if (counts && !Number.isSafeInteger(size)) continue;
    // Past every evaluation's reach (binomial(2n, n) at n = 10^5, a product over k past 6000 factors), a bound between
    // positive sides is read between their logs (model/log-form.ts): probe 96's Stirling, Wallis and central binomial
    // bounds with a constant cut short fail only past 3e4 and were verified, read to 10^4 at most.
    const direct = readAt(sides, model.dims, size, work);
    const read = direct ?? readAt(logSides ??= sides.map(logForm), model.dims, size, work);
    if (read === undefined) continue;
    const [lhs, rhs] = read;
    const outcome = compared(lhs, rhs, relation);
    if (outcome === 'fails') return refutedFarOut(result, model.dims, size, lhs.value, rhs.value, relation);
    if (outcome === 'holds') held.push(size);
    if (outcome === 'unsure' && direct !== undefined && unseen === undefined) unseen = unseenConstant(sides, lhs.value, rhs.value, size);
  }
  // A bound too close to call far out, whose own constant is past the digits there: no reading can say whether that
  // constant breaks it (Stirling's series cut after 1/(360 n^3), plus 1e-50, fails from n = 2.5e9, where 1e-50 is a
  // relative 4e-62 of the sides; probe 104: verified).
  if (unseen !== undefined && relation !== '=') return undecidedFarOut(result, model, unseen);
  if (held.length === 0) return result;
  const where = held.length === 1 ? `n = ${sizeText(held[0])}` : `${held.length} sizes from n = ${sizeText(held[0])} to ${sizeText(held[held.length - 1])}`;
  return { ...result, method: `${result.method}; it also holds in 60 digits at ${where}` };
}

/** A literal constant of a step, and how little it moves the sides at a far size: past what 60 digits resolve. */
interface UnseenConstant { readonly constant: Decimal; readonly effect: Decimal; readonly size: number }

/** Relative effects below this are past a 60-digit reading's resolution (its slack, and its rounding of both sides). */
const UNSEEN_EFFECT = new Decimal('1e-55');

/** The finest non-whole literal of the sides, where it moves sides of these values by less than {@link UNSEEN_EFFECT}. */
function unseenConstant(sides: readonly Term[], lhs: Decimal, rhs: Decimal, size: number): UnseenConstant | undefined {
  let finest: Decimal | undefined;
  for (const side of sides) {
    someSubterm(side, (t) => {
      if (t.k === 'num' && t.value.num !== 0n && t.value.den !== 1n) {
        const v = new Decimal(t.value.num.toString()).div(t.value.den.toString()).abs();
        if (finest === undefined || v.lt(finest)) finest = v;
      }
      return false;
    });
  }
  const scale = Decimal.max(lhs.abs(), rhs.abs());
  if (finest === undefined || scale.isZero()) return undefined;
  const effect = finest.div(scale);
  return effect.lt(UNSEEN_EFFECT) ? { constant: finest, effect, size } : undefined;
}

function undecidedFarOut(result: StepResult, model: Model, unseen: UnseenConstant): StepResult {
  const at = `n = ${sizeText(unseen.size)}`;
  const { worstRelative: _, instances: __, ...detail } = result.detail;
  return {
    ...result, verdict: 'error', proof: undefined, ok: isExpected('error', result.expect),
    detail: {
      ...detail,
      diagnostic: diagnostic('undecided', `the bound holds at the sizes tried, and at ${at} its sides agree to 60 digits: its constant ${unseen.constant.toSignificantDigits(6).toString()} moves them by a relative ${unseen.effect.toSignificantDigits(2).toString()} there, past what any reading resolves, so whether it breaks the bound there is not known`,
        model.derivation.file, result.span, 'check the constant against the book: a margin that fine is no rounding of it; without it the bound is read as it stands'),
    },
  };
}

/** No array, no input, no abstract function, no derivative left: a function of the sizes at most. */
function readsNoInput(t: Term): boolean {
  return !hasDiff(t) && freeInputNames(t).size === 0 && !someSubterm(t, (x) => x.k === 'input' || x.k === 'apply' || x.k === 'integral' || x.k === 'limit');
}

function readsSize(t: Term): boolean {
  return someSubterm(t, (x) => x.k === 'size' || (x.k === 'sum' && x.dim.k === 'sym') || (x.k === 'ival' && x.index.k === 'dim'));
}

/**
 * Both sides in 60 digits with every dimension at `size`; undefined where either has no settled value there, or where
 * the reading would read more terms than `work` has left (it is then not made, and costs nothing).
 */
function readAt(sides: readonly Term[], dims: readonly string[], size: number, work: ReadingWork): PreciseValue[] | undefined {
  const sizes = new Map(dims.map((d) => [d, size]));
  const cost = preciseEvaluationWork(sides, sizes);
  if (cost > work.left) return undefined;
  work.left -= cost;
  try {
    const layout = layoutInputs([], sizes);
    const slots = new IndexSlots();
    const state = newState(layout, slots);
    const evaluator = preciseEvaluator();
    const out: PreciseValue[] = [];
    for (const side of sides) {
      const v = evaluatePrecise(compilePreciseSide(side, layout, slots, evaluator), state);
      if (v === undefined || v === 'unsettled' || !v.value.isFinite() || !v.error.isFinite()) return undefined;
      out.push(v);
    }
    return out;
  } catch (error) {
    // An evaluation past decimal.js's range (2^(10^15) overflows): no reading at this size.
    if (process.env.DERIVCHECK_DEBUG) process.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
    return undefined;
  }
}

/** Whether the relation fails or holds beyond both sides' error bounds, or neither (too close to call). */
function compared(lhs: PreciseValue, rhs: PreciseValue, relation: Relation): 'fails' | 'holds' | 'unsure' {
  const difference = new Decimal(lhs.value.minus(rhs.value));
  // Both exact and equal: a tie, which a strict relation fails.
  if (difference.isZero() && lhs.error.isZero() && rhs.error.isZero()) return relation === '<' || relation === '>' ? 'fails' : 'holds';
  const margin = new Decimal(lhs.error.plus(rhs.error)).times(2).plus(Decimal.max(lhs.value.abs(), rhs.value.abs()).times(SLACK));
  const above = difference.gt(margin);
  const below = difference.lt(margin.neg());
  // Equal within the readings' errors: an identity holds there as far as 60 digits can tell.
  if (!above && !below) return relation === '=' ? 'holds' : 'unsure';
  switch (relation) {
    case '<': case '<=': return above ? 'fails' : 'holds';
    case '>': case '>=': return below ? 'fails' : 'holds';
    case '=': return 'fails';
  }
}

function refutedFarOut(result: StepResult, dims: readonly string[], size: number, lhs: Decimal, rhs: Decimal, relation: Relation): StepResult {
  const { lhs: a, rhs: b, difference } = shownApart(lhs, rhs);
  const sizes = Object.fromEntries(dims.map((d) => [d, size]));
  const at = dims.map((d) => `${d} = ${sizeText(size)}`).join(', ');
  const { worstRelative: _, instances: __, undecided: ___, ...detail } = result.detail;
  return {
    ...result, verdict: 'refuted', proof: undefined, ok: isExpected('refuted', result.expect),
    method: `${result.method}; read in 60 digits at ${at}, ${size < 1000 ? 'between' : 'past'} those sizes`,
    detail: {
      ...detail,
      sizes: [...detail.sizes, sizes],
      counterexample: {
        sizes, indices: {}, inputs: {}, lhs: a, rhs: b, difference, tolerance: undefined, foundBy: '60-digit evaluation',
      },
      explanation: `at ${at}, the line above, ${a}, is not ${relation === '=' ? 'equal to' : relationWords(relation)} the step, ${b}: they differ by ${difference}; `
        + `read in 60 digits, ${size < 1000 ? 'between' : 'past'} the sizes up to 1000 that the step is otherwise checked at`,
    },
  };
}

/** 2000, 5000, 10^k, 10^k + 1 and 2^k as they are written. */
function sizeText(size: number): string {
  if (size > 1e22 && Number.isInteger(Math.log2(size))) return `2^${Math.log2(size)}`;
  const power = Math.round(Math.log10(size));
  if (size >= 1e4 && size === 10 ** power) return `10^${power}`;
  if (size >= 1e4 && size === 10 ** power + 1) return `10^${power} + 1`;
  return String(size);
}
