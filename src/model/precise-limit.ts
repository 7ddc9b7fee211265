/**
 * A limit in 60 digits: its body read at three points ever nearer the limit point,
 * a distance of 10^-8, 10^-12 and 10^-16 (times |a| past 1) from a on a side, or
 * toward an infinity at 10^8, 10^12 and 10^16: near enough for 16 digits of a power
 * rate, far enough that a body cancelling as x^2 ((1 - cos x) / x^2) keeps 28 of its
 * 60 digits. Where the changes between them
 * shrink at least a hundredfold, as they do for every limit of a power or log rate
 * (a difference quotient's h, x log x, sqrt(x)), the last reading is the limit, within
 * the last change (which bounds the rest of such a shrinking sequence) and the
 * readings' own errors. Readings that grow a thousandfold each time diverge: no value.
 * Anything else (sin(1/x), a rate as slow as 1/log(1/x)) is unsettled, no evidence
 * either way, never a value. A two-sided limit needs both sides to settle and agree.
 */
import type { PreciseNumber } from './functions.ts';
import type { Term } from './term.ts';
import { mapChildren } from './term-traversal.ts';
import { MAX_LIMIT_SCALE } from './limit-crossings.ts';

/** The decimal exponents of the distances (or magnitudes, toward an infinity) the body is read at. */
export const LIMIT_EXPONENTS: readonly number[] = [8, 12, 16];
/** A later change at most this fraction of the one before settles the limit (a cube-root rate changes by 0.046). */
const SHRINK = 0.05;
/** Readings whose magnitude grows by this factor each time, past {@link HUGE}, diverge. */
const GROWTH = 1e3;
const HUGE = 1e12;
/** A later change above this fraction of the one before is a slow rate, read again nearer (sqrt: 1e-2; x: 1e-4). */
const SLOW = 1e-3;
/** A change up to this many times the readings' error bounds is their rounding. */
const NOISE = 4;

/** A reading of the body: its value and error, or undefined where 60 digits could not settle it. */
export type Reading = { readonly value: PreciseNumber; readonly error: PreciseNumber } | undefined;

export type LimitOutcome =
  | { readonly kind: 'value'; readonly value: PreciseNumber; readonly error: PreciseNumber }
  /** The limit does not exist or is infinite: no value. */
  | { readonly kind: 'none' }
  | { readonly kind: 'unsettled' };

/**
 * The limit of a body read by `read` at x as x tends to `at` (undefined: an infinity)
 * from `side` (1 above, -1 below, 0 both; toward an infinity, its sign). `make` builds a
 * number of the reading's precision; `bound` one of the errors' (rounded up).
 */
export function preciseLimit(read: (x: PreciseNumber) => Reading, at: PreciseNumber | undefined, side: -1 | 0 | 1,
  make: (v: number | string) => PreciseNumber, bound: (v: PreciseNumber | number) => PreciseNumber, reading: LimitReading = {}): LimitOutcome {
  // A body that turns past every magnitude decimal.js holds (log(v) crossing 1e20) has no reading there.
  if ((reading.scale ?? 0) > MAX_LIMIT_SCALE) return { kind: 'unsettled' };
  if (side === 0 && at !== undefined) {
    const above = oneSide(read, at, 1, make, bound, reading);
    if (above.kind !== 'value') return above;
    const below = oneSide(read, at, -1, make, bound, reading);
    if (below.kind !== 'value') return below;
    const gap = bound(above.value.minus(below.value).abs());
    // Two sides settled apart: the limit does not exist (sign(x), abs(x) / x at 0).
    if (gap.gt(bound(above.error).plus(below.error))) return { kind: 'none' };
    const error = (above.error.gt(below.error) ? above.error : below.error);
    return { kind: 'value', value: above.value.plus(below.value).div(2), error: bound(error).plus(gap.div(2)) };
  }
  return oneSide(read, at, side === 0 ? 1 : side, make, bound, reading);
}

/** How a limit is read, beyond the numbers' 60 digits (each default is theirs). */
export interface LimitReading {
  /**
   * Multiplies every exponent read at (default 1): a reading in k times the digits
   * goes k times as near, where the same share of its digits is left after a
   * cancellation and a power rate's remainder is the k-th power.
   */
  readonly nearness?: number;
  /**
   * Whether a slow rate is read again nearer, and a body that does not settle farther
   * out (default true). The exact engine reads without them: at twice the digits its
   * first readings are the nearer ones of the digits before, and a step that holds
   * would differ by the same amount at both.
   */
  readonly fallbacks?: boolean;
  /**
   * Whether a value settled at a point must hold 10^-16 to 10^-80 from it too (see oneSide); toward an infinity it
   * always must. Default false: there a body that cancels (a difference quotient) has its digits read away. An
   * infinite limit's reading (model/infinite-limits.ts: a sigmoid of the body) sets it.
   */
  readonly readFarOut?: boolean;
  /**
   * A decimal exponent the body's own constants reach (see {@link limitScale}): every distance read is that many
   * powers of ten nearer the point, every magnitude toward an infinity that much farther (default 0). exp(-1e-200 / h)
   * is 1 at h = 1e-16 and tends to 0 only past 1e-200; h / (h + 1e100) tends to 1 only past 1e100.
   */
  readonly scale?: number;
}

/** Constants of a body nearer 1 than this many powers of ten leave the distances read as they are. */
const SCALE_FROM = 6;

/**
 * The scale of a limit's body: the largest decimal exponent, in absolute value, of its number literals and of the
 * inputs it reads at the point (`exponents`), where it is past {@link SCALE_FROM}; else 0. A body whose behaviour
 * changes only at such a scale reads a settled value that is not its limit at the usual distances (probe 67:
 * `limit(h, 0, exp(-1e-200/h), right) = 0` was refuted, `limit(h, 0, 1 + (h < 1e-100), right) = 1` verified).
 */
export function limitScale(exponents: Iterable<number>): number {
  let largest = 0;
  for (const e of exponents) if (Number.isFinite(e) && Math.abs(e) > largest) largest = Math.abs(e);
  return largest > SCALE_FROM ? Math.ceil(largest) : 0;
}

/** The decimal exponent of a fraction's magnitude, to within one: what {@link limitScale} reads of a literal. */
export function fractionExponent(num: bigint, den: bigint): number {
  const digits = (b: bigint) => (b < 0n ? -b : b).toString().length;
  return num === 0n ? 0 : digits(num) - digits(den);
}

/** log10 of a fraction's size, for numerators and denominators of any length (-Infinity for 0). */
export function log10Abs(f: { readonly num: bigint; readonly den: bigint }): number {
  if (f.num === 0n) return -Infinity;
  const log = (n: bigint) => {
    const text = (n < 0n ? -n : n).toString();
    const lead = Math.min(17, text.length);
    return Math.log10(Number(text.slice(0, lead))) + (text.length - lead);
  };
  return log(f.num) - log(f.den);
}

/** The terms of a limit's body whose magnitudes set its scale: its number literals, and the inputs other than its variable. */
export function scaleTerms(body: Term, v: string): { readonly literals: number[]; readonly inputs: Term[] } {
  const literals: number[] = [];
  const inputs = new Map<string, Term>();
  const bound = new Set<string>([v]);
  // Each distinct node once: a derivative's terms share their subterms.
  const seen = new Set<Term>();
  const visit = (t: Term): void => {
    if (seen.has(t)) return;
    seen.add(t);
    if (t.k === 'num') { if (t.value.num !== 0n) literals.push(fractionExponent(t.value.num, t.value.den)); return; }
    // A power of literals is the literal it stands for: 10^10 sets the scale as 1e10 does (probe 86: the same limit
    // written with 10^{10} was an error where 1e10 was verified).
    if (t.k === 'pow' && t.base.k === 'num' && t.exponent.k === 'num' && t.base.value.num !== 0n) {
      const exponent = Number(t.exponent.value.num) / Number(t.exponent.value.den);
      literals.push(exponent * log10Abs(t.base.value));
      return;
    }
    if (t.k === 'input') { if (!bound.has(t.ref.name) && t.ref.indices.length === 0) inputs.set(t.ref.name, t); return; }
    if (t.k === 'integral' || t.k === 'limit') bound.add(t.v);
    mapChildren(t, (c) => { visit(c); return c; });
  };
  visit(body);
  return { literals, inputs: [...inputs.values()] };
}

function oneSide(read: (x: PreciseNumber) => Reading, at: PreciseNumber | undefined, side: -1 | 1,
  make: (v: number | string) => PreciseNumber, bound: (v: PreciseNumber | number) => PreciseNumber, reading: LimitReading): LimitOutcome {
  const nearness = reading.nearness ?? 1;
  const fallbacks = reading.fallbacks ?? true;
  const scale = at === undefined || at.abs().lte(1) ? make(1) : at.abs();
  // Not at powers of ten: a body periodic in them (cos(2 pi u) at u = 1e8, 1e12, 1e16) would read the same at each.
  const generic = make(GENERIC_DIGITS);
  const point = (exponent: number, shift?: PreciseNumber) => {
    const e = Math.round(exponent * nearness) + (reading.scale ?? 0);
    const factor = shift === undefined ? generic : generic.times(shift);
    return at === undefined ? make(`${side}e${e}`).times(factor) : at.plus(make(`${side}e-${e}`).times(factor).times(scale));
  };
  // A reading that cannot be made leaves the set unsettled: the ones after it are not made (a limit of an integral
  // spends some 300,000 operations on each).
  const readAll = (exponents: readonly number[], shift?: PreciseNumber): Reading[] => {
    const out: Reading[] = [];
    for (const e of exponents) {
      const r = out.includes(undefined) ? undefined : read(point(e, shift));
      out.push(r);
    }
    return out;
  };
  let best = settle(readAll(LIMIT_EXPONENTS), bound);
  const better = (other: LimitOutcome) => other.kind === 'value' && (best.kind !== 'value' || other.error.lt(best.error));
  // A slow rate (sqrt(x): each change a hundredth of the last) settles only to 1e-8 there: read nearer, where the digits allow.
  // Toward an infinity, a rate too slow to settle at all near (log(x) / x^(1/3) changes by 0.07 of its last change)
  // is read at the outer magnitudes too.
  // Only a tight settling counts there: readings whose errors swamp their changes (sin(x) at 1e80, read to no digit)
  // settle as noise, and a limit that does not exist is no value.
  if (fallbacks && at === undefined && best.kind === 'unsettled') {
    const outer = settle(readAll(OUTER_EXPONENTS), bound);
    if (outer.kind === 'value' && !outer.error.gt(bound(outer.value.abs()).plus(1).times(LOOSE_LIMIT))) best = outer;
  }
  let outerRead = false;
  if (fallbacks && best.kind === 'value' && best.slow) {
    const nearer = settle(readAll(at === undefined ? OUTER_EXPONENTS : NEARER_EXPONENTS), bound);
    outerRead = at === undefined;
    if (better(nearer)) best = nearer;
  }
  // Off the readings' log-period too, in every mode: a body periodic in log x (cos(2 pi log10(x))) reads the same at
  // every 10^k times one factor and settled to 0.7198, a value it does not have (probe 32): read again at the first
  // exponents times another factor, it must settle to the same within the errors, or be noise there.
  if (best.kind === 'value') {
    const shifted = readAll(LIMIT_EXPONENTS, make(SHIFT_DIGITS));
    if (shifted.every((r) => r !== undefined && !r.value.isNaN())) {
      const again = settle(shifted, bound);
      if (again.kind === 'value' && bound(again.value.minus(best.value).abs()).gt(bound(again.error).plus(best.error).times(NOISE))) return { kind: 'unsettled' };
    }
  }
  // Toward an infinity, a value the near readings settled to must hold out there too: log(x)^10 / x^(1/4) grows up
  // to x = e^40 and tends to 0 only past it, so 1e8 to 1e16 read a divergence that is not there (and through
  // sigmoid(-L), an infinite limit: probe 32). Readings out there that do not settle, or settle elsewhere beyond
  // their errors, unsettle it; readings the digits cannot make there ((1 + a / n)^n at 1e80) are no evidence against.
  // At a point alike where asked (an infinite limit's reading: x^(1/10) log(x)^3 at 0 reads -1250 at 1e-16, said to tend
  // to -Infinity, and -0.06 at 1e-80).
  if (fallbacks && best.kind === 'value' && !outerRead && (at === undefined || reading.readFarOut === true)) {
    // At another factor too: a body periodic in log x (cos(2 pi log10(x))) reads the same at every 10^k times one
    // factor, and settled to a value it does not have (probe 32).
    const readings = readAll(OUTER_EXPONENTS, make(SHIFT_DIGITS));
    // A reading to no digit (x^2 (sqrt(pi) x exp(x^2) erfc(x) - 1) at 1e48: its difference 1e-97 is past 60 digits, read
    // as 0 +- 1e36) is none either (probe 104: the limit, -1/2, was an error).
    if (readings.every((r) => r !== undefined && !r.value.isNaN() && r.error.lte(bound(r.value.abs()).plus(1)))) {
      const outer = settle(readings, bound);
      if (outer.kind !== 'value' || bound(outer.value.minus(best.value).abs()).gt(bound(outer.error).plus(best.error).times(NOISE))) return { kind: 'unsettled' };
    }
  }
  // A body cancelling as x^4 ((cos x - 1 + x^2 / 2) / x^4) has no digits left at 1e-16: where the near readings do not
  // settle, or only loosely, farther ones may (its rate is x^2, so 1e-4 to 1e-8 still give some 12 digits).
  const loose = best.kind === 'value' && best.error.gt(bound(best.value.abs()).plus(1).times(LOOSE_LIMIT));
  if (fallbacks && (best.kind === 'unsettled' || loose) && at !== undefined) {
    const farther = settle(readAll(FARTHER_EXPONENTS), bound);
    if (better(farther)) best = farther;
  }
  return best;
}

/** The further factor of the readings that check a settled value far out (sqrt(2)): off the first factor's log-period. */
const SHIFT_DIGITS = '1.41421356237309504880168872420969807856967187537694807317668';
/** A generic factor of the distances read (the plastic number): no period of the books divides it. */
const GENERIC_DIGITS = '1.32471795724474602596090885447809734073440405690173336453401';
/** Past a slow first settling, the exponents read again. */
const NEARER_EXPONENTS: readonly number[] = [16, 32, 48];
/**
 * Toward an infinity, past a slow first settling, the magnitudes read again: no cancellation of x against a
 * point costs digits there, so a cube root's rate (log(x) / x^(1/3), Stewart 4.4) settles to some 16 digits,
 * where the nearer readings left it at 1e-8 and an error (probe 29).
 */
const OUTER_EXPONENTS: readonly number[] = [16, 48, 80];
/** The nearest distance any reading at a point takes, as a decimal exponent. */
export const NEAREST_EXPONENT = Math.max(...LIMIT_EXPONENTS, ...NEARER_EXPONENTS);
/** Where the near readings do not settle, or only within more than this of the value (and of 1), the exponents read farther out. */
const LOOSE_LIMIT = 1e-10;
/** The exponents read farther out. */
const FARTHER_EXPONENTS: readonly number[] = [4, 6, 8];

function settle(readings: readonly Reading[], bound: (v: PreciseNumber | number) => PreciseNumber): LimitOutcome & { slow?: boolean } {
  if (readings.some((r) => r === undefined)) return { kind: 'unsettled' };
  const [r1, r2, r3] = readings as readonly NonNullable<Reading>[];
  const noValue = readings.filter((r) => r!.value.isNaN()).length;
  // No value anywhere near the point on this side (sqrt(x) below 0): the limit has none.
  if (noValue === readings.length) return { kind: 'none' };
  if (noValue > 0) return { kind: 'unsettled' };
  const [m1, m2, m3] = [r1, r2, r3].map((r) => r.value.abs());
  // A last reading past the digits' range (gamma(n + 1) at n = 1e16 is 10^(1.5e17)) diverges only where the two before
  // it already grew so; else it is an intermediate's overflow, no evidence: gamma(n + 1)^(1/n) / n tends to 1/e, and a
  // true step was refuted as having no value (probe 66).
  const growing = m2.gt(HUGE) && m2.gt(m1.times(GROWTH));
  if (!m3.isFinite()) return growing ? { kind: 'none' } : { kind: 'unsettled' };
  if (m3.gt(HUGE) && m3.gt(m2.times(GROWTH)) && m2.gt(m1.times(GROWTH))) return { kind: 'none' };
  if (!m1.isFinite() || !m2.isFinite()) return { kind: 'unsettled' };
  const first = r2.value.minus(r1.value).abs();
  const last = r3.value.minus(r2.value).abs();
  // A change within the readings' own errors is their rounding, not the approach (a body constant in h, read with
  // its cancellation's noise): settled, the noise in the error.
  const noise = last.lte(bound(r2.error.plus(r3.error)).times(NOISE));
  if (!last.isZero() && !noise && !last.lte(first.times(SHRINK))) return { kind: 'unsettled' };
  return { kind: 'value', value: r3.value, error: bound(last).plus(r2.error).plus(r3.error), slow: !noise && !last.isZero() && last.gt(first.times(SLOW)) };
}
