/**
 * Numerical first derivatives that come with an honest error estimate.
 *
 * The method is Ridders' (Numerical Recipes `dfridr`), as also used by
 * FiniteDifferences.jl: central differences over a geometrically shrinking
 * step sequence, Richardson-extrapolated in a Neville tableau. Every tableau
 * entry gets an error estimate (twice the largest of: how far it moved from its
 * lower-order parents, as in Ridders, and how far the next row's entries of the
 * same order moved) plus a round-off floor propagated through the
 * extrapolation; the entry with the smallest total is kept, and the tableau
 * stops once higher orders get worse (round-off has taken over) or once the
 * round-off floor dominates.
 *
 * Second derivatives are obtained by composition: call {@link derivative} on a
 * function that itself calls {@link derivative}. The inner call reports its
 * error estimate to the enclosing call (see {@link sample}), which adds it to the
 * absolute noise of the sample being evaluated, so the outer error estimate
 * accounts for the inner one's. The report assumes f returns the inner value
 * unscaled (or sums several); if f multiplies it by a large factor, only the
 * outer tableau's own convergence check sees the amplified noise.
 */

/** The result of {@link derivative}. */
export interface DerivativeEstimate {
  /** The estimated derivative; `NaN` when f is not finite around x (outside its domain). */
  readonly value: number;
  /**
   * An estimate of |value - true derivative|, never below the round-off floor
   * (machine epsilon times the magnitudes of the function values involved,
   * divided by the step, amplified by the extrapolation). `Infinity` exactly
   * when `value` is `NaN`.
   */
  readonly error: number;
  /** The (smallest) step of the tableau row the best estimate was taken from; `NaN` when there is none. */
  readonly step: number;
  /** How many times f was called by this call (calls made by nested derivatives inside f are not counted). */
  readonly evaluations: number;
}

/** Tuning for {@link derivative}; every field is optional. */
export interface DerivativeOptions {
  /**
   * The first (largest) step of the tableau. Default: `0.1 * max(|x|, 1)`, then
   * capped by `maxStep`. If f is not finite at a sample point, the step is
   * reduced and the tableau restarted; if the result is poor (error above
   * about 1e-9 of the scale), up to three restarts with smaller steps are tried
   * and the best result is kept.
   */
  readonly initialStep?: number;
  /** The factor by which the step shrinks between tableau rows; must be > 1. Default: 1.4 (Ridders). */
  readonly shrink?: number;
  /**
   * The maximum number of tableau rows per attempt (each costs two evaluations
   * of f); an integer >= 3, since an entry is only trusted once the row after
   * it exists. Default: 10.
   */
  readonly maxRows?: number;
  /**
   * Upper bound on the steps: every sample point t satisfies |t - x| <= maxStep
   * (as computed in floating point). Callers use it to keep all samples on one
   * side of a kink, e.g. maxStep = distance from x to the kink of relu.
   * Must be > 0. Default: `Infinity`.
   */
  readonly maxStep?: number;
}

const EPS = Number.EPSILON;
/** Relative error assumed for each value returned by f (library functions are within about an ulp). */
const VALUE_EPS = 2 * EPS;
/** Relative error assumed for the argument as f uses it internally (e.g. after computing `b * t`). */
const ARGUMENT_EPS = EPS;
/** Ridders' SAFE: quit the tableau when a higher order is worse than the best by this factor. */
const SAFE = 2;
/**
 * Factor on the tableau's convergence-based error estimate. For functions with
 * noise well above round-off that no nested call reported, a single tableau
 * difference is small by chance too often; 2 keeps the estimate's miss rate at
 * a few percent there (measured), at no visible cost for smooth functions.
 */
const MOVED_SAFETY = 2;
/** A result is "poor" when its error exceeds this fraction of its scale; then smaller steps are tried. */
const POOR = 1e-9;
/** How many times a poor result is retried with smaller steps. */
const MAX_RETRIES = 3;
/** How many times the step is reduced after f was not finite at a sample point. */
const MAX_RETREATS = 10;
/** Step reduction after a non-finite sample. */
const RETREAT = 8;
/** Step reduction for a retry after a poor result. */
const RETRY = 10;

/**
 * Absolute errors reported by `derivative` calls nested inside an f being
 * sampled: one slot per sample in progress (JavaScript is single-threaded and f
 * is synchronous, so a stack suffices).
 */
const nestedNoise: number[] = [];

interface Sample {
  readonly value: number;
  /** Absolute error reported by nested derivative calls while computing `value`. */
  readonly noise: number;
}

interface Counter {
  n: number;
}

interface Candidate {
  readonly value: number;
  /** moved + floor */
  readonly error: number;
  /** The convergence-based part of the error (truncation error estimate, see {@link MOVED_SAFETY}). */
  readonly moved: number;
  /** The propagated round-off floor. */
  readonly floor: number;
  readonly step: number;
}

type TableauOutcome =
  | { readonly kind: 'ok'; readonly best: Candidate; readonly magnitude: number }
  | { readonly kind: 'nonfinite'; readonly step: number }
  | { readonly kind: 'degenerate' };

/**
 * Estimates f'(x) with an error estimate. Returns `value: NaN, error: Infinity`
 * when f(x) is not finite, or when f stays non-finite at sample points even
 * after the steps were reduced (x is outside, or on the edge of, f's domain),
 * or when no step can be represented (maxStep below the spacing of doubles at x).
 *
 * @throws RangeError when an option is out of range.
 */
export function derivative(
  f: (x: number) => number,
  x: number,
  options: DerivativeOptions = {},
): DerivativeEstimate {
  const { shrink, maxRows, maxStep } = resolveOptions(options);
  const counter: Counter = { n: 0 };
  if (!Number.isFinite(x)) return report(outside(counter));
  const s0 = sample(f, x, counter);
  if (!Number.isFinite(s0.value) || !Number.isFinite(s0.noise)) return report(outside(counter));

  let h = Math.min(options.initialStep ?? 0.1 * Math.max(Math.abs(x), 1), maxStep);
  let best: Candidate | undefined;
  let retreats = 0;
  let retries = 0;
  for (;;) {
    const t = tableau(f, x, s0, h, shrink, maxRows, maxStep, counter);
    if (t.kind !== 'ok') {
      if (best !== undefined) break;
      if (t.kind === 'degenerate' || retreats >= MAX_RETREATS) return report(outside(counter));
      retreats++;
      // The trouble (domain edge, pole) is within t.step of x. Domain edges at 0
      // are the common case, so jump straight to a tenth of |x| when that is smaller.
      h = t.step / RETREAT;
      if (x !== 0) h = Math.min(h, 0.1 * Math.abs(x));
      continue;
    }
    if (best === undefined || t.best.error < best.error) best = t.best;
    // Retry with smaller steps while the result is poor for lack of convergence
    // (the step was too large for f's scale). A poor result dominated by the
    // round-off floor (f is noisy) would only get worse with smaller steps.
    const scale = Math.abs(t.best.value) + t.magnitude / h;
    const poor = t.best.error > POOR * scale && t.best.moved > t.best.floor;
    if (!poor || retries >= MAX_RETRIES) break;
    retries++;
    const smaller = h / RETRY;
    h = x !== 0 && 0.1 * Math.abs(x) < smaller ? 0.1 * Math.abs(x) : smaller;
  }
  if (best === undefined || !Number.isFinite(best.error)) return report(outside(counter));
  return report({ value: best.value, error: best.error, step: best.step, evaluations: counter.n });
}

/** Runs one Ridders tableau with first step h. */
function tableau(
  f: (x: number) => number,
  x: number,
  s0: Sample,
  h: number,
  shrink: number,
  maxRows: number,
  maxStep: number,
  counter: Counter,
): TableauOutcome {
  let prevA: number[] = [];
  let prevR: number[] = [];
  let prevMoved: number[] = [];
  let prevStep = NaN;
  let best: Candidate | undefined;
  let magnitude = Math.abs(s0.value);
  for (let i = 0; i < maxRows; i++) {
    const hi = h / shrink ** i;
    const place = placeSamples(x, hi, maxStep);
    if (place === undefined) {
      if (i === 0) return { kind: 'degenerate' };
      break;
    }
    const { xp, xm, a, b } = place;
    if (!Number.isFinite(xp) || !Number.isFinite(xm)) return { kind: 'nonfinite', step: hi };
    const sp = sample(f, xp, counter);
    if (!Number.isFinite(sp.value) || !Number.isFinite(sp.noise)) return { kind: 'nonfinite', step: hi };
    const sm = sample(f, xm, counter);
    if (!Number.isFinite(sm.value) || !Number.isFinite(sm.noise)) return { kind: 'nonfinite', step: hi };
    magnitude = Math.max(magnitude, Math.abs(sp.value), Math.abs(sm.value));

    // Central difference over the steps as represented. The two steps are equal
    // whenever h <= |x|; otherwise they differ by at most an ulp of h, which moves
    // the point the difference is centred on by less than that: negligible.
    const d = (sp.value - sm.value) / (a + b);
    if (!Number.isFinite(d)) return { kind: 'nonfinite', step: hi };
    // Round-off floor of this row: value errors of f at the samples and at x
    // (at least eps * (|f(x)| + sum |f(samples)|) / step), errors reported by nested derivatives, and the error of f's internal
    // rounding of its argument (condition |t f'(t)|), over the step.
    const valueNoise =
      VALUE_EPS * (Math.abs(sp.value) + Math.abs(sm.value) + Math.abs(s0.value)) +
      3 * Number.MIN_VALUE +
      sp.noise +
      sm.noise;
    const argumentNoise = 2 * ARGUMENT_EPS * (Math.abs(x) + Math.max(a, b)) * Math.abs(d);
    const r0 = (valueNoise + argumentNoise) / (a + b) + EPS * Math.abs(d);

    const curA: number[] = [d];
    const curR: number[] = [r0];
    const curMoved: number[] = [Infinity];
    let fac = 1;
    for (let j = 1; j <= i; j++) {
      fac *= shrink * shrink;
      curA[j] = curA[j - 1] + (curA[j - 1] - prevA[j - 1]) / (fac - 1);
      curR[j] = (fac * curR[j - 1] + prevR[j - 1]) / (fac - 1) + EPS * Math.abs(curA[j]);
      curMoved[j] = Math.max(Math.abs(curA[j] - curA[j - 1]), Math.abs(curA[j] - prevA[j - 1]));
    }
    // Entries of the previous row become candidates now that the same order at
    // the next smaller step exists: their error estimate is the largest of how far
    // they moved from their lower-order parents (Ridders) and how far the next
    // row's entry of the same order is from them. A single difference is too often
    // small by chance when f is noisy, and the minimum over the tableau would pick
    // exactly those chances.
    for (let j = 1; j < i; j++) {
      const moved = MOVED_SAFETY * Math.max(prevMoved[j], Math.abs(curA[j] - prevA[j]), curMoved[j]);
      const error = moved + prevR[j];
      if (best === undefined || error < best.error) {
        best = { value: prevA[j], error, moved, floor: prevR[j], step: prevStep };
      }
    }
    if (best !== undefined) {
      // Higher order moved by more than the best entry's truncation estimate by
      // a significant factor: round-off has taken over (Ridders' criterion).
      if (Math.abs(curA[i] - prevA[i - 1]) >= SAFE * best.moved) break;
      // Converged down to the round-off floor: later rows only have larger floors.
      if (best.moved <= best.floor) break;
      // Later rows have smaller steps, so larger floors: they cannot win.
      if (r0 >= best.error) break;
    }
    prevA = curA;
    prevR = curR;
    prevMoved = curMoved;
    prevStep = (a + b) / 2;
  }
  if (best === undefined) return { kind: 'degenerate' };
  return { kind: 'ok', best, magnitude };
}

/**
 * Sample points x + a and x - b, with a and b as close to h as floating point
 * allows (a === b whenever h <= |x|), both positive and at most maxStep as
 * computed in floating point; undefined if the step is below the spacing of
 * doubles at x.
 */
function placeSamples(
  x: number,
  h: number,
  maxStep: number,
): { xp: number; xm: number; a: number; b: number } | undefined {
  let step = h;
  for (let attempt = 0; attempt < 4; attempt++) {
    const hp = x + step - x;
    const xp = x + hp;
    const xm = x - hp;
    const a = xp - x;
    const b = x - xm;
    if (!(a > 0 && b > 0)) return undefined;
    if (a <= maxStep && b <= maxStep) return { xp, xm, a, b };
    step -= 2 * (Math.max(Math.abs(x), step) * EPS + Number.MIN_VALUE);
  }
  return undefined;
}

/** Calls f, collecting the errors reported by derivative calls nested inside it. */
function sample(f: (x: number) => number, t: number, counter: Counter): Sample {
  nestedNoise.push(0);
  let value: number;
  let noise: number;
  try {
    value = f(t);
  } finally {
    noise = nestedNoise.pop() ?? 0;
  }
  counter.n++;
  return { value, noise };
}

/**
 * Reports an absolute error bound on the value f is about to return (its running
 * round-off bound) to the enclosing derivative's current sample: the floor of
 * eps |f| misses round-off lost to cancellation (sum of +16 and -16 is 0 with an
 * error of 16 eps), which a finite difference of a long sum must allow for.
 */
export function reportValueError(error: number): void {
  const top = nestedNoise.length - 1;
  if (top >= 0 && Number.isFinite(error)) nestedNoise[top] += error;
}

/** Reports the error of a finished call to the enclosing derivative's current sample, if any. */
function report(estimate: DerivativeEstimate): DerivativeEstimate {
  const top = nestedNoise.length - 1;
  if (top >= 0) nestedNoise[top] += estimate.error;
  return estimate;
}

function outside(counter: Counter): DerivativeEstimate {
  return { value: NaN, error: Infinity, step: NaN, evaluations: counter.n };
}

function resolveOptions(options: DerivativeOptions): { shrink: number; maxRows: number; maxStep: number } {
  const { initialStep, shrink = 1.4, maxRows = 10, maxStep = Infinity } = options;
  if (initialStep !== undefined && !(initialStep > 0 && Number.isFinite(initialStep))) {
    throw new RangeError(`derivative: initialStep must be a positive finite number, got ${initialStep}`);
  }
  if (!(shrink > 1 && Number.isFinite(shrink))) {
    throw new RangeError(`derivative: shrink must be a finite number > 1, got ${shrink}`);
  }
  if (!(Number.isInteger(maxRows) && maxRows >= 3)) {
    throw new RangeError(`derivative: maxRows must be an integer >= 3, got ${maxRows}`);
  }
  if (!(maxStep > 0)) {
    throw new RangeError(`derivative: maxStep must be > 0, got ${maxStep}`);
  }
  return { shrink, maxRows, maxStep };
}
