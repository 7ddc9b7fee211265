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
   * and the best result is kept, and more while the result has less than two
   * significant digits (steps wider than f's scale: sin at x = 2e15). Steps
   * wider than |x| are checked by one restart within |x| (a pole at 0).
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
  /**
   * f(x) and the noise reported while computing it, when the caller has
   * evaluated it already (see {@link unperturbed}): the first sample is not
   * taken again. Default: f is called at x.
   */
  readonly atX?: { readonly value: number; readonly noise: number };
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
/**
 * How many retries in all while each is poor with less than two significant digits (see
 * derivative): the steps were wider than f's own scale (sin at x = 2e15, whose
 * first step spans 10^13 periods) and the tableau agreed with itself by chance.
 * From 0.1 |x| down past an ulp of x.
 */
const MAX_ALIASED_RETRIES = 18;
/** An estimate below this many times its error has less than two significant digits (see derivative). */
const SIGNIFICANT = 100;
/** The first step of the retry within |x| when every step of the first tableau was wider than |x| (see derivative). */
const STRADDLE_RETRY = 0.1;
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

/**
 * The absolute error reported by nested derivative calls while computing the
 * value the last {@link sample} returned: read right after the call. A module
 * variable, not a `{ value, noise }` object per sample, so that sampling (the
 * inner loop of a finite difference) allocates nothing.
 */
let sampledNoise = 0;

interface Counter {
  n: number;
}

/**
 * The rows of one tableau: entries by order, their round-off floors and how far
 * they moved. One set per nesting depth of {@link derivative} (a second
 * derivative runs a tableau inside a tableau's sample), reused across calls:
 * a row costs no allocation.
 */
interface Rows {
  prevA: Float64Array;
  prevR: Float64Array;
  prevMoved: Float64Array;
  curA: Float64Array;
  curR: Float64Array;
  curMoved: Float64Array;
}

const rowsByDepth: Rows[] = [];
let depth = 0;

function rowsAt(d: number, maxRows: number): Rows {
  let rows = rowsByDepth[d];
  if (rows === undefined || rows.curA.length < maxRows) {
    const make = () => new Float64Array(maxRows);
    rows = { prevA: make(), prevR: make(), prevMoved: make(), curA: make(), curR: make(), curMoved: make() };
    rowsByDepth[d] = rows;
  }
  return rows;
}

/**
 * The best entry of the last tableau (when it returned {@link OK}) and its
 * magnitude, or the step at which it met a non-finite value ({@link NONFINITE}):
 * module variables, read right after {@link tableau} returns.
 */
let bestValue = NaN;
/** moved + floor */
let bestError = Infinity;
/** The convergence-based part of the error (truncation error estimate, see {@link MOVED_SAFETY}). */
let bestMoved = Infinity;
/** The propagated round-off floor. */
let bestFloor = Infinity;
let bestStep = NaN;
let tableauMagnitude = 0;
let nonfiniteStep = NaN;

const OK = 0;
const NONFINITE = 1;
const DEGENERATE = 2;
type TableauOutcome = typeof OK | typeof NONFINITE | typeof DEGENERATE;

/** Sample points of {@link placeSamples}: x + a and x - b, read right after it returns true. */
let placedXp = NaN;
let placedXm = NaN;
let placedA = NaN;
let placedB = NaN;

/**
 * Estimates f'(x) with an error estimate. Returns `value: NaN, error: Infinity`
 * when f(x) is not finite, or when f stays non-finite at sample points even
 * after the steps were reduced (x is outside, or on the edge of, f's domain),
 * or when no step can be represented (maxStep below the spacing of doubles at x),
 * or when no step settled f's scale (every estimate poor with less than two
 * significant digits), or when the steps across 0 and those within |x| disagree.
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
  const s0 = options.atX === undefined ? sample(f, x, counter) : options.atX.value;
  const s0Noise = options.atX === undefined ? sampledNoise : options.atX.noise;
  if (!Number.isFinite(s0) || !Number.isFinite(s0Noise)) return report(outside(counter));

  let h = Math.min(options.initialStep ?? 0.1 * Math.max(Math.abs(x), 1), maxStep);
  let found = false;
  let value = NaN;
  let error = Infinity;
  let step = NaN;
  let retreats = 0;
  let retries = 0;
  /** Whether the estimate kept is poor with less than two significant digits, and whether this tableau checks one across 0. */
  let chosenAliased = false;
  let straddleRetry = false;
  const rows = rowsAt(depth, maxRows);
  depth++;
  try {
    for (;;) {
      const t = tableau(f, x, s0, h, shrink, maxRows, maxStep, counter, rows);
      if (t !== OK) {
        // A retry within |x| that meets no value leaves the estimate across 0 unconfirmed: no evidence either.
        // One with no step to take (x a subnormal) cannot check it, and leaves it as it was.
        if (found && straddleRetry && t === NONFINITE) return report(outside(counter));
        if (found) break;
        if (t === DEGENERATE || retreats >= MAX_RETREATS) return report(outside(counter));
        retreats++;
        // The trouble (domain edge, pole) is within t.step of x. Domain edges at 0
        // are the common case, so jump straight to a tenth of |x| when that is smaller.
        h = nonfiniteStep / RETREAT;
        if (x !== 0) h = Math.min(h, 0.1 * Math.abs(x));
        continue;
      }
      // Retry with smaller steps while the result is poor for lack of convergence
      // (the step was too large for f's scale). A poor result dominated by the
      // round-off floor (f is noisy) would only get worse with smaller steps.
      const scale = Math.abs(bestValue) + tableauMagnitude / h;
      const poor = bestError > POOR * scale && bestMoved > bestFloor;
      // Poor with less than two significant digits: steps far wider than f's own scale agree with themselves by chance (sin
      // at x = 2e15, whose first step spans 10^13 periods, reads 1.6e-14 +- 7e-15 against cos(x) = -0.47, and
      // each retry ten times smaller alike). Such an estimate is no evidence, however small its error: the retries
      // go on while they give one, and a later estimate that contradicts it replaces it.
      const aliased = poor && Math.abs(bestValue) <= SIGNIFICANT * bestError;
      const contradicts = found && Math.abs(bestValue - value) > bestError + error;
      if (straddleRetry && contradicts) {
        // Across 0 and within |x| the estimates differ beyond both errors: a pole at 0 (below) or noise no error
        // reports; neither can be told from the other here, and neither estimate is evidence.
        return report(outside(counter));
      }
      // An aliased estimate gives way to a later one that contradicts it, or that has two significant digits.
      if (!found || (chosenAliased && (contradicts || !aliased)) || bestError < error) {
        found = true;
        value = bestValue;
        error = bestError;
        step = bestStep;
        chosenAliased = aliased;
      }
      // Steps wider than |x| straddle 0, where f's poles commonly are: 1/u at u = 5e-11 has a second derivative
      // of 1.6e31, and a central difference across the pole, even in u, reads 0 at every step alike. One retry
      // within |x| must agree with the estimate those steps gave.
      if (!poor && retries === 0 && x !== 0 && bestStep > Math.abs(x)) {
        retries++;
        straddleRetry = true;
        h = STRADDLE_RETRY * Math.abs(x);
        continue;
      }
      straddleRetry = false;
      if (!poor || retries >= (aliased ? MAX_ALIASED_RETRIES : MAX_RETRIES)) break;
      retries++;
      const smaller = h / RETRY;
      h = x !== 0 && 0.1 * Math.abs(x) < smaller ? 0.1 * Math.abs(x) : smaller;
    }
  } finally {
    depth--;
  }
  // Retries that never found a step within f's scale: no estimate is evidence.
  if (!found || !Number.isFinite(error) || chosenAliased) return report(outside(counter));
  return report({ value, error, step, evaluations: counter.n });
}

/**
 * Runs one Ridders tableau with first step h, in `rows`. On {@link OK} the best
 * entry is in `bestValue`, `bestError`, ... and `tableauMagnitude`; on
 * {@link NONFINITE} the step is in `nonfiniteStep`.
 */
function tableau(
  f: (x: number) => number,
  x: number,
  s0: number,
  h: number,
  shrink: number,
  maxRows: number,
  maxStep: number,
  counter: Counter,
  rows: Rows,
): TableauOutcome {
  let { prevA, prevR, prevMoved, curA, curR, curMoved } = rows;
  let prevStep = NaN;
  let found = false;
  let value = NaN;
  let error = Infinity;
  let moved = Infinity;
  let floor = Infinity;
  let step = NaN;
  let magnitude = Math.abs(s0);
  for (let i = 0; i < maxRows; i++) {
    const hi = h / shrink ** i;
    if (!placeSamples(x, hi, maxStep)) {
      if (i === 0) return DEGENERATE;
      break;
    }
    const xp = placedXp;
    const xm = placedXm;
    const a = placedA;
    const b = placedB;
    if (!Number.isFinite(xp) || !Number.isFinite(xm)) { nonfiniteStep = hi; return NONFINITE; }
    const sp = sample(f, xp, counter);
    const spNoise = sampledNoise;
    if (!Number.isFinite(sp) || !Number.isFinite(spNoise)) { nonfiniteStep = hi; return NONFINITE; }
    const sm = sample(f, xm, counter);
    const smNoise = sampledNoise;
    if (!Number.isFinite(sm) || !Number.isFinite(smNoise)) { nonfiniteStep = hi; return NONFINITE; }
    magnitude = Math.max(magnitude, Math.abs(sp), Math.abs(sm));

    // Central difference over the steps as represented. The two steps are equal
    // whenever h <= |x|; otherwise they differ by at most an ulp of h, which moves
    // the point the difference is centred on by less than that: negligible.
    const d = (sp - sm) / (a + b);
    if (!Number.isFinite(d)) { nonfiniteStep = hi; return NONFINITE; }
    // Round-off floor of this row: value errors of f at the samples and at x
    // (at least eps * (|f(x)| + sum |f(samples)|) / step), errors reported by nested derivatives, and the error of f's internal
    // rounding of its argument (condition |t f'(t)|), over the step.
    const valueNoise =
      VALUE_EPS * (Math.abs(sp) + Math.abs(sm) + Math.abs(s0)) +
      3 * Number.MIN_VALUE +
      spNoise +
      smNoise;
    const argumentNoise = 2 * ARGUMENT_EPS * (Math.abs(x) + Math.max(a, b)) * Math.abs(d);
    const r0 = (valueNoise + argumentNoise) / (a + b) + EPS * Math.abs(d);

    curA[0] = d;
    curR[0] = r0;
    curMoved[0] = Infinity;
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
      const m = MOVED_SAFETY * Math.max(prevMoved[j], Math.abs(curA[j] - prevA[j]), curMoved[j]);
      const e = m + prevR[j];
      if (!found || e < error) {
        found = true;
        value = prevA[j];
        error = e;
        moved = m;
        floor = prevR[j];
        step = prevStep;
      }
    }
    if (found) {
      // Higher order moved by more than the best entry's truncation estimate by
      // a significant factor: round-off has taken over (Ridders' criterion).
      if (Math.abs(curA[i] - prevA[i - 1]) >= SAFE * moved) break;
      // Converged down to the round-off floor: later rows only have larger floors.
      if (moved <= floor) break;
      // Later rows have smaller steps, so larger floors: they cannot win.
      if (r0 >= error) break;
    }
    // This row becomes the previous one; the old previous row's storage is overwritten next.
    let swap = prevA; prevA = curA; curA = swap;
    swap = prevR; prevR = curR; curR = swap;
    swap = prevMoved; prevMoved = curMoved; curMoved = swap;
    prevStep = (a + b) / 2;
  }
  if (!found) return DEGENERATE;
  bestValue = value;
  bestError = error;
  bestMoved = moved;
  bestFloor = floor;
  bestStep = step;
  tableauMagnitude = magnitude;
  return OK;
}

/**
 * Sample points x + a and x - b, with a and b as close to h as floating point
 * allows (a === b whenever h <= |x|), both positive and at most maxStep as
 * computed in floating point, into `placedXp`, `placedXm`, `placedA`, `placedB`;
 * false if the step is below the spacing of doubles at x.
 */
function placeSamples(x: number, h: number, maxStep: number): boolean {
  let step = h;
  for (let attempt = 0; attempt < 4; attempt++) {
    const hp = x + step - x;
    const xp = x + hp;
    const xm = x - hp;
    const a = xp - x;
    const b = x - xm;
    if (!(a > 0 && b > 0)) return false;
    if (a <= maxStep && b <= maxStep) {
      placedXp = xp;
      placedXm = xm;
      placedA = a;
      placedB = b;
      return true;
    }
    step -= 2 * (Math.max(Math.abs(x), step) * EPS + Number.MIN_VALUE);
  }
  return false;
}

/** Calls f, collecting the errors reported by derivative calls nested inside it into `sampledNoise`. */
function sample(f: (x: number) => number, t: number, counter: Counter): number {
  nestedNoise.push(0);
  let value: number;
  try {
    value = f(t);
  } finally {
    sampledNoise = nestedNoise.pop() ?? 0;
  }
  counter.n++;
  return value;
}

/**
 * Reports an absolute error bound on the value f is about to return (its running
 * round-off bound) to the enclosing derivative's current sample: the floor of
 * eps |f| misses round-off lost to cancellation (sum of +16 and -16 is 0 with an
 * error of 16 eps), which a finite difference of a long sum must allow for.
 */
export function reportValueError(error: number): void {
  if (!Number.isFinite(error)) return;
  const top = nestedNoise.length - 1;
  if (top >= 0) nestedNoise[top] += error;
  collect(error);
}

/** Reports the error of a finished call to the enclosing derivative's current sample, if any. */
function report(estimate: DerivativeEstimate): DerivativeEstimate {
  const top = nestedNoise.length - 1;
  if (top >= 0) nestedNoise[top] += estimate.error;
  collect(estimate.error);
  return estimate;
}

/**
 * The noise stack's depths at which an {@link unperturbed} evaluation is running,
 * and what was reported there so far, one entry per evaluation in progress (a
 * second derivative runs one inside another, at the same depth or deeper).
 */
const collectingAt: number[] = [];
const collected: number[] = [];
let collecting = 0;

function collect(error: number): void {
  for (let i = 0; i < collecting; i++) if (collectingAt[i] === nestedNoise.length) collected[i] += error;
}

/**
 * Evaluates f at the point a finite difference is about to be taken around,
 * where the caller needs the value before calling {@link derivative} (a kink
 * margin), and returns what derivative's first sample would have found, for its
 * `atX` option: the value, and the noise that sample would have collected (the
 * errors nested derivatives report, in the order they report them, then f's own
 * `error` where finite). Those reports still go where they went before, to the
 * enclosing sample: only the second, identical evaluation is saved.
 */
export function unperturbed(f: () => number, error: () => number): { value: number; noise: number } {
  const at = collecting++;
  collectingAt[at] = nestedNoise.length;
  collected[at] = 0;
  let value: number;
  try {
    value = f();
  } finally {
    collecting--;
  }
  let noise = collected[at];
  const e = error();
  if (Number.isFinite(e)) noise += e;
  return { value, noise };
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
