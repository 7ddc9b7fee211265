/**
 * Definite integrals in double precision with an error bound: the
 * double-exponential (tanh-sinh) rule of Takahasi and Mori, and its exp-sinh and
 * sinh-sinh variants for a half-infinite and an infinite range. The substitution
 * t = t(u) makes the integrand decay double-exponentially in u, so the trapezoid
 * rule in u converges about quadratically in the number of digits with each
 * halving of its step h (Bailey, Jeyabalan and Li, "A comparison of three
 * high-precision quadrature schemes", 2005), and it never samples an endpoint,
 * where an integrable singularity (1/sqrt(t) at 0) may sit.
 *
 * The error bound is what the levels say, not a proof: the last two levels must
 * agree to doubles (and the two before to half of them), and the bound is that
 * change, the terms left out past the last node, round-off, and the integrand's own
 * error bounds. Levels that do not agree give no value (`settled` false): a kink
 * or a peak they do not resolve converges irregularly, and a trend of shrinking
 * changes gave bounds 30 times too small on 2 to 7 % of such integrals. An
 * integrand the nodes cannot see at all (a peak far narrower than their spacing) is
 * caught where one node carries most of the integral.
 */

/** What {@link integrate} found. */
export interface Quadrature {
  /** The integral; NaN where the integrand has no value at a node (outside its domain, a pole) or the integral diverges. */
  readonly value: number;
  /** A bound on |value - integral|; Infinity where the levels did not settle. */
  readonly error: number;
  /**
   * False where double precision cannot say what the integral is: the levels did not
   * converge, the terms past the last node do not shrink, or one node carries most of it.
   */
  readonly settled: boolean;
}

/**
 * The integrand at one point, and its own error bound read right after (the
 * running bound of compile.ts's closures). `lost` is true where double precision
 * lost the value at that point (an overflow, a comparison too close to call).
 */
export interface Integrand {
  value(t: number): number;
  error(): number;
  lost(): boolean;
}

/** The finest level: step h = 2^-MAX_LEVEL in u. */
const MAX_LEVEL = 7;
/** A change at the finest level within which one more level is taken (see Rule.run). */
const NEARLY_CONVERGED = 1e-12;
/** Levels always taken before convergence is believed: three levels agreeing, not two by chance. */
const MIN_LEVEL = 3;
/** The change between levels, relative to the integral of |f|, at which the rule has converged in doubles. */
const CONVERGED = 1e-14;
/** A term below this part of the sum of |terms| so far ends an infinite side's walk outward (u > 1, past the centre). */
const NEGLIGIBLE = 1e-20;
/** One node may carry at most this part of the sum of |terms|; past it the nodes are too coarse to see the integrand. */
const MAX_SHARE = 0.5;
/** The terms past the last node shrink at least this fast from one node to the next, or their sum is not bounded. */
const MAX_TAIL_RATIO = 0.9;
/** Terms before the last that the tail's ratio is read from (the largest of them). */
const TAIL_LOOKBACK = 3;
/** u runs at most this far out: past it every transformation's weight or node is out of the range of doubles. */
const MAX_U = 7;
const HALF_PI = Math.PI / 2;
const UNIT_ROUNDOFF = Number.EPSILON / 2;
const MIN_NORMAL = 2 ** -1022;
/** How far either side of a node with no value its neighbours are read (relative to its neighbourhood), and how near they must agree. */
const REMOVABLE_STEP = 1e-7;
const REMOVABLE_SPREAD = 1e-5;
/** A sum whose rounding is this many times the smallest normal double takes a subnormal term's whole size as its error. */
const SUBNORMAL_SAFE = 1024;

type Kind = 'finite' | 'upper-infinite' | 'lower-infinite' | 'infinite';

/**
 * The integral of f over t from a to b (a may be -Infinity, b Infinity). a > b gives
 * the negative of the integral from b to a; a = b gives 0.
 */
export function integrate(f: Integrand, a: number, b: number): Quadrature {
  if (Number.isNaN(a) || Number.isNaN(b)) return { value: NaN, error: Infinity, settled: true };
  if (a === b) return { value: 0, error: 0, settled: true };
  if (a > b) {
    const q = integrate(f, b, a);
    return { ...q, value: -q.value };
  }
  const kind: Kind = Number.isFinite(a) ? (Number.isFinite(b) ? 'finite' : 'upper-infinite') : Number.isFinite(b) ? 'lower-infinite' : 'infinite';
  if (kind === 'finite' && b - a <= TINY_RANGE_ULPS * Number.EPSILON * Math.max(Math.abs(a), Math.abs(b))) return tinyRange(f, a, b);
  const rule = new Rule(f, kind, a, b);
  const q = rule.run();
  // A range some thousands of ulps wide places too few nodes before they round onto its ends for the levels or the
  // tail to say anything (an inner integral from t to 1 at an outer node t = 1 - 1e-12: probe 50's order reversal).
  if (!q.settled && kind === 'finite' && b - a <= NARROW_RANGE_ULPS * Number.EPSILON * Math.max(Math.abs(a), Math.abs(b))) return narrowRange(f, a, b) ?? q;
  return q;
}

/** The least distance from a half-line's finite end at which a node rounding onto the end leaves the integral unsettled. */
const ABSORBED_NODE = 1e-6;

/** A range of at most this many ulps of its ends is read by {@link narrowRange} where the rule does not settle it. */
const NARROW_RANGE_ULPS = 2 ** 24;

/**
 * A range a few thousand ulps wide, where the rule could not settle: the integrand at its middle and a hundredth in
 * from each end. Where those three keep one sign and lie within a factor 2 of each other, the width times the middle
 * value, with the width times the largest as the error bound (a whole value: next to nothing against an outer
 * integral, as {@link tinyRange}'s); elsewhere (a singular end, a root inside) undefined.
 */
function narrowRange(f: Integrand, a: number, b: number): Quadrature | undefined {
  const width = b - a;
  const values: number[] = [];
  let error = 0;
  for (const t of [a + width / 100, a + width / 2, b - width / 100]) {
    const v = f.value(t);
    if (!Number.isFinite(v) || f.lost()) return undefined;
    values.push(v);
    error = Math.max(error, f.error());
  }
  const [low, high] = [Math.min(...values), Math.max(...values)];
  if (low === 0 && high === 0) return { value: 0, error: width * error, settled: true };
  const [smallest, largest] = [Math.min(Math.abs(low), Math.abs(high)), Math.max(Math.abs(low), Math.abs(high))];
  if ((low < 0) !== (high < 0) || largest > 2 * smallest) return undefined;
  const value = width * values[1];
  return { value, error: width * (largest + error), settled: true };
}

/** A range of at most this many ulps of its ends has no nodes inside it but its middle: see {@link tinyRange}. */
const TINY_RANGE_ULPS = 64;

/**
 * A range a few doubles wide (an inner integral from t to 1 at an outer node t within 1e-15 of 1): no rule places
 * nodes inside it. The middle's value times the width, with the whole of it as the error bound: next to nothing
 * against an outer integral, and honest unless the integrand more than doubles across a few ulps.
 */
function tinyRange(f: Integrand, a: number, b: number): Quadrature {
  const width = b - a;
  const v = f.value(a + width / 2);
  const lost = f.lost();
  if (Number.isNaN(v) && !lost) return { value: NaN, error: Infinity, settled: true };
  if (!Number.isFinite(v) || lost) return { value: NaN, error: Infinity, settled: false };
  const value = width * v;
  return { value, error: Math.abs(value) + width * f.error(), settled: true };
}

class Rule {
  /** Sum of the terms w f over the nodes of every level so far (the trapezoid sum before the factor h). */
  private sum = 0;
  private absSum = 0;
  private errorSum = 0;
  private maxTerm = 0;
  private nodes = 0;
  private tail = 0;
  /** How far the last node's rounding moved it, relative to its distance from the nearest finite end. */
  private nodeShift = 0;
  /**
   * How far a node's neighbours may be read, relative to REMOVABLE_STEP, and stay near it and inside the range: the
   * range's half-width, or the node's distance from a finite end (t^3 / (exp(t) - 1) over [0, 1.1e-100] was read 1e-7
   * away, where it is 1e-14, and a true bound refuted: probe 113).
   */
  private neighbourhood = 1;
  /** The weight of the last node, and the largest |f| met: a term exactly 0 may be a root of f at a node, not the rule's end. */
  private lastWeight = 0;
  private largestValue = 0;
  /** |f| at the node nearest each finite end so far: the integral over the end's last ulp is about its ulp times it. */
  private edgeA = 0;
  private edgeB = 0;
  private lost = false;
  private undefinedAt = false;
  /** Nodes whose value was not lost, and nodes whose value was lost where its term was negligible (an underflow far out). */
  private exactNodes = 0;
  private lostNodes = 0;
  private unbounded = false;

  constructor(private readonly f: Integrand, private readonly kind: Kind, private readonly a: number, private readonly b: number) {}

  run(): Quadrature {
    let previous = NaN;
    let before = NaN;
    let nearlyConverged = false;
    for (let level = 0; level <= MAX_LEVEL || (level === MAX_LEVEL + 1 && nearlyConverged); level++) {
      const h = 2 ** -level;
      // Level 0 takes every whole u; each later level only the odd multiples of its h.
      const first = level === 0 ? 0 : 1;
      const stride = level === 0 ? 1 : 2;
      this.tail = 0;
      this.walk(h, first, stride, 1);
      this.walk(h, level === 0 ? 1 : first, stride, -1);
      if (this.lost || this.unbounded) return { value: NaN, error: Infinity, settled: false };
      if (this.undefinedAt) return { value: NaN, error: Infinity, settled: true };
      const value = h * this.sum;
      const scale = h * this.absSum;
      const change = Math.abs(value - previous);
      // Nodes cannot come nearer a finite end than the doubles there: the integral over the last ulp of each end is
      // left out, and the levels move by as much as they place their last node differently. Against a range a few
      // ulps wide that is its digits (an inner integral from t to 1 at an outer node t = 1 - 1e-10 moved by 1e-6 of
      // itself, and the outer integral never settled: probe 50), so it counts in the agreement and in the error.
      const ends = this.kind === 'finite' ? 2 * Number.EPSILON * (Math.abs(this.a) * this.edgeA + Math.abs(this.b) * this.edgeB) : 0;
      // Levels that agree within the integrand's own error bounds agree as far as it can be read: an inner integral that
      // is 0 by symmetry (of y over [-sqrt(1 - x^2), sqrt(1 - x^2)]) is its rounding at every outer node, and no level
      // agrees with the next to a part of that. The bounds are in the error (finish).
      const noise = 2 * h * this.errorSum;
      if (level >= MIN_LEVEL && change <= CONVERGED * scale + ends + noise && Math.abs(previous - before) <= Math.sqrt(CONVERGED) * scale + ends + noise) {
        return this.finish(value, change / 2 + ends, h);
      }
      // A rule slow only for the integrand's scale (a normal tail at s = 7e4 from t = 2s: the half-line's nodes are
      // spaced for a scale of 1) is within 1e-12 at the finest level and settles one level further (probe 57).
      nearlyConverged = level === MAX_LEVEL && change <= NEARLY_CONVERGED * scale;
      before = previous;
      previous = value;
    }
    // Not converged to doubles at the finest level: a kink or a peak the levels do not resolve. Their trend is no
    // bound: on narrow peaks and switches not split at, a shrinking trend gave bounds 30 times too small on 2 to 7 % of
    // integrals (a true step could be refuted). No value is trusted.
    return { value: previous, error: Infinity, settled: false };
  }

  private finish(value: number, change: number, h: number): Quadrature {
    const scale = h * this.absSum;
    if (!Number.isFinite(value)) return { value, error: Infinity, settled: false };
    // The nodes are too coarse to see the integrand where everything underflowed (a peak they missed,
    // exp(-(t - 500)^2 / 2e-6)); where every value is 0 but most were lost (a peak between them: a normal variance at
    // s = 0.005, whose only node not underflowed is t = mu, where (t - mu)^2 is 0), not an integrand that is 0
    // (relu(t) below 0, seen at every node near the centre); or where one node carries most of it.
    if (this.lostNodes > 0 && (this.exactNodes === 0 || (this.absSum === 0 && this.exactNodes <= this.lostNodes))) return { value, error: Infinity, settled: false };
    if (this.maxTerm > MAX_SHARE * this.absSum && this.absSum > 0) return { value, error: Infinity, settled: false };
    const roundoff = scale * (this.nodes + 8) * UNIT_ROUNDOFF;
    const error = change + h * (this.errorSum + this.tail) + roundoff;
    return { value, error, settled: true };
  }

  /** Adds the terms at u = direction * k * h for k = first, first + stride, ... out to where the rule's weights end. */
  private walk(h: number, first: number, stride: number, direction: 1 | -1): void {
    let last = 0;
    // The terms before `last`, the nearest first (recent[0] is the last but one).
    const recent: number[] = [];
    // u -> +Infinity runs to the infinite end of a half-line (t = a + e^s, or b - e^s); both ways on the line.
    const infiniteSide = direction === 1 ? this.kind !== 'finite' : this.kind === 'infinite';
    for (let k = first; k * h <= MAX_U; k += stride) {
      const u = direction * k * h;
      // Past a negligible term out on an infinite side, a value doubles lose (exp(0.3 t) overflowing where
      // exp(-t^2 / 2) has underflowed) ends the walk: the rest is as negligible.
      const pastNegligible = infiniteSide && k !== first && Math.abs(u) > 1 && Math.abs(last) <= NEGLIGIBLE * this.absSum;
      const term = this.term(u, pastNegligible);
      if (term === undefined) {
        // The node left the range of doubles (it rounds onto a finite end, or past every double): the terms
        // beyond, bounded as a geometric series from the last terms, are what is left out.
        if (last !== 0) {
          // Per node, from the last term and the largest of the few before it: a root of the integrand near the end
          // (y sin(x y) on [1, 2] at y just below pi, its root within 1e-6 of 1) makes one term tiny, and the next
          // one's growth from it is no sign of a singularity.
          const back = recent.reduce((best, v, i) => (Math.abs(v) > Math.abs(best.v) ? { v, k: i + 1 } : best), { v: 0, k: 1 });
          const ratio = back.v === 0 ? 1 : Math.abs(last / back.v) ** (1 / back.k);
          if (ratio >= MAX_TAIL_RATIO) this.unbounded = true;
          else this.tail += 2 * Math.abs(last) * ratio / (1 - ratio);
        }
        return;
      }
      if (this.undefinedAt || this.lost) return;
      recent.unshift(last);
      if (recent.length > TAIL_LOOKBACK) recent.pop();
      last = term;
      // Out on an infinite side, two negligible terms end the walk (past the centre, where the integrand may still be 0).
      if (infiniteSide && Math.abs(u) > (this.absSum > 0 ? 1 : 2) && Math.abs(term) <= NEGLIGIBLE * this.absSum && Math.abs(recent[0]) <= NEGLIGIBLE * this.absSum) return;
      // A term exactly 0 where the weights still count is a root of the integrand at a node, not the rule's end: an inner
      // integral of sin(x - y) over [0, 1] at an outer node y has its root at its own node y, and the walk stopped there,
      // leaving out the nodes beyond (an error that halved with each level, so none settled: probe 34).
      const negligible = NEGLIGIBLE * UNIT_ROUNDOFF * this.absSum;
      if (!infiniteSide && Math.abs(u) > 1 && this.absSum > 0 && Math.abs(term) <= negligible && (term !== 0 || this.lastWeight * this.largestValue <= negligible)) return;
    }
  }

  /**
   * The term w(u) f(t(u)) added to the sums, or undefined where the node leaves the range of doubles, or (`endsHere`)
   * where its value is lost past a negligible term.
   */
  private term(u: number, endsHere = false): number | undefined {
    const s = HALF_PI * Math.sinh(u);
    const c = HALF_PI * Math.cosh(u);
    let t: number;
    let w: number;
    switch (this.kind) {
      case 'finite': {
        const d = (this.b - this.a) / 2;
        // 1 - tanh(|s|) without cancellation: the distance of the node from its end, in units of d.
        const e = Math.exp(-2 * Math.abs(s));
        const distance = 2 * e / (1 + e);
        t = s >= 0 ? this.b - d * distance : this.a + d * distance;
        if (u !== 0 && (t === this.a || t === this.b || distance === 0)) return undefined;
        // w = d c / cosh(s)^2 = 4 d c e / (1 + e)^2.
        w = 4 * d * c * e / ((1 + e) * (1 + e));
        // t is the node rounded: near an end its rounding is a large part of its distance from the end, where an
        // integrable singularity (1/sqrt(1 - t)) changes fast, about as f / distance.
        this.nodeShift = (UNIT_ROUNDOFF * Math.abs(t)) / (d * distance);
        this.neighbourhood = d;
        break;
      }
      case 'upper-infinite':
      case 'lower-infinite': {
        const x = Math.exp(s);
        t = this.kind === 'upper-infinite' ? this.a + x : this.b - x;
        // A node a millionth or more from a finite end that rounds onto it (the end at -1e300, the integrand's features
        // a unit wide there): the integrand is read nowhere between, and a Laplace expectation at location -1e300 read
        // 0 where it is 1.7 (probe 81). Nearer nodes are the usual rounding of the end's last digits.
        if ((t === this.a || t === this.b) && x >= ABSORBED_NODE) this.lost = true;
        if (!Number.isFinite(t) || t === this.a || t === this.b) return undefined;
        w = c * x;
        this.nodeShift = (UNIT_ROUNDOFF * Math.abs(t)) / x;
        this.neighbourhood = Math.min(Math.max(1, Math.abs(t)), x);
        break;
      }
      case 'infinite': {
        t = Math.sinh(s);
        w = c * Math.cosh(s);
        if (!Number.isFinite(t) || !Number.isFinite(w)) return undefined;
        this.nodeShift = 0;
        this.neighbourhood = Math.max(1, Math.abs(t));
        break;
      }
    }
    if (w === 0) return undefined;
    let v = this.f.value(t);
    let error = this.f.error();
    // No value at one node, the same value either side of it: a removable point (sin(t) / t at the centre of [-1, 1]),
    // which no integral sees. Its neighbours' mean stands for it, their spread counted as error (probe 90: no value).
    // Also where the node itself asked for more digits: 0 / 0 through t^2 (sin(t)^2 / t^2) does (probe 112: true steps
    // were refuted as having no value); its neighbours must be settled in doubles.
    if (Number.isNaN(v)) {
      const h = REMOVABLE_STEP * this.neighbourhood;
      const below = this.f.value(t - h);
      const belowError = this.f.error();
      const belowLost = this.f.lost();
      const above = this.f.value(t + h);
      const aboveError = this.f.error();
      const spread = Math.abs(above - below);
      if (!belowLost && !this.f.lost() && Number.isFinite(below) && Number.isFinite(above) && spread <= REMOVABLE_SPREAD * Math.max(1, Math.abs(above), Math.abs(below))) {
        v = (below + above) / 2;
        error = Math.max(belowError, aboveError) + spread;
      }
    }
    this.lastWeight = Math.abs(w);
    if (this.kind === 'finite' && Number.isFinite(v)) {
      if (u > 0) this.edgeB = Math.abs(v);
      else if (u < 0) this.edgeA = Math.abs(v);
    }
    if (Number.isFinite(v) && Math.abs(v) > this.largestValue) this.largestValue = Math.abs(v);
    const term = w * v;
    // A value lost where the term matters is no evidence; where it is negligible (an underflow far out), its bound is.
    if (this.f.lost()) {
      if (!Number.isFinite(v) || !Number.isFinite(error)) {
        if (endsHere) return undefined;
        this.lost = true;
        return 0;
      }
      // Its value counts in full as error (an underflow far out: next to nothing), unless every value was lost.
      this.lostNodes++;
      this.errorSum += w * Math.abs(v);
    } else this.exactNodes++;
    // No value at a node: the integrand has none on part of the range (sqrt(t) from -1). An infinite one may be an
    // integrable singularity met exactly (|t - 1/2|^(-1/2) at the centre of [0, 1]) or a pole: not settled here.
    if (Number.isNaN(v)) { this.undefinedAt = true; return 0; }
    if (!Number.isFinite(term)) { this.unbounded = true; return 0; }
    // A term in the subnormals (or flushed to 0) has lost its relative accuracy. Beside a sum whose rounding is far
    // above the subnormals (the tail of a normal density at t = -74) its whole size is a bound of no consequence;
    // where the sum is that small too (an integrand scaled by exp(-800)), doubles cannot say what it is.
    if (Math.abs(term) < MIN_NORMAL && v !== 0) {
      if (this.absSum * UNIT_ROUNDOFF > SUBNORMAL_SAFE * MIN_NORMAL) {
        this.lostNodes++;
        this.errorSum += Math.abs(term) + MIN_NORMAL;
      } else this.lost = true;
    }
    this.nodes++;
    this.sum += term;
    this.absSum += Math.abs(term);
    this.errorSum += w * (error + Math.abs(v) * Math.min(1, this.nodeShift));
    if (Math.abs(term) > this.maxTerm) this.maxTerm = Math.abs(term);
    return term;
  }
}
