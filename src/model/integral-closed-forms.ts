import { closedPolynomialIntegral, coefficientsIn, convolve } from './polynomial-integral.ts';
import { mapChildren } from './term-traversal.ts';
import { add, div, fn, fraction, isNum, mul, neg, num, pow, sub, ONE, ZERO } from './term-builders.ts';
import { constantFraction, someSubterm } from './term-queries.ts';
import type { Term } from './term.ts';
import { constantValue } from './intervals.ts';
import { waveIntegral, wavesOf } from './trigonometric-integrals.ts';
import { fractionCoefficients, multiplied, rationalIntegral, type Fraction } from './rational-integrals.ts';

type Integral = Extract<Term, { k: 'integral' }>;

/**
 * Whether a term free of the integral's variable is known > 0 (1), known < 0 (-1)
 * or exactly 0 (0) wherever it has a value; undefined when not known. Supplied by
 * the exact engine, which knows the inputs' kinds (`given s: positive`), and by a
 * high-precision evaluation at a point, which knows the point's signs.
 */
export type KnownSign = (t: Term) => 1 | -1 | 0 | undefined;

/** The highest power of t in a Gaussian integrand's polynomial (each power reads the two below it). */
const MAX_GAUSSIAN_DEGREE = 8;
/** The highest power of t in an exponential integrand's polynomial. */
const MAX_EXPONENTIAL_DEGREE = 16;

/**
 * A definite integral in closed form, term by term of its integrand multiplied out
 * (integrals inside it closed first), beyond a polynomial's (polynomial-integral.ts):
 * - P(t) exp(q0 + q1 t + q2 t^2), P a polynomial in t and the q's free of t: the
 *   moments of the normal and exponential distributions, the Laplace transform of a
 *   polynomial, the MGF of a normal;
 * - t^p P(t) exp(q0 + q1 t) from 0 to Infinity for any power p, through the Gamma
 *   function (the gamma density's normalising constant and moments);
 * - t^p (1 - t)^q P(t) from 0 to 1, through the Beta function;
 * - t^p P(t) between bounds 0 or known positive, by the power rule (a log for 1 / t);
 * - a factor log(A), A a product of such exponentials and of positive factors, read
 *   as the polynomial it is (a KL divergence, an entropy);
 * - a factor relu(A) or a comparison (A > 0), A affine in t of constant slope,
 *   narrows the range to where A > 0.
 *
 * Only where the closed form is the integral's value at every input where it has
 * one: a Gaussian needs q2 known negative (`s: positive` in -t^2 / (2 s^2)), an
 * exponential q1 of known sign (and of the right one for an infinite bound), so no
 * condition on the inputs is added or lost. Anything else is undefined, and the
 * integral stays an atom for the numbers.
 *
 * The closed forms: with a = -q2 > 0 and m = q1 / (2 a),
 *   J0 = sqrt(pi / a) / 2 exp(q0 + q1^2 / (4 a)) (erf(sqrt(a) (b - m)) - erf(sqrt(a) (l - m))),
 *   Jk = ([t^(k-1) e^Q] - (k - 1) J(k-2) - q1 J(k-1)) / (2 q2),
 * and for q2 = 0, Lk = ([t^k e^Q] - k L(k-1)) / q1, by parts, [.] the difference
 * between the bounds (0 at an infinite bound, where the integrand vanishes).
 *
 * @example closedFormIntegral(integral(t, 0, Infinity, t l exp(-l t))) is 1 / l, written out
 */
export function closedFormIntegral(t: Integral, signOf: KnownSign): Term | undefined {
  // An integral inside, closed first: the integral over [0, 1] of the integral over [t, 1] of exp(u) is that of e - e^t.
  // Its coefficients may read this integral's variable, which runs over the range: no sign of theirs is known (at a
  // point, the point's own t is another t).
  if (someSubterm(t.body, (x) => x.k === 'integral')) {
    const v = t.v;
    const inside: KnownSign = (x) => (someSubterm(x, (y) => y.k === 'input' && y.ref.name === v) ? undefined : signOf(x));
    const body = closedInside(t.body, inside);
    if (body === t.body) return undefined;
    t = { ...t, body };
  }
  // Constant bounds written from the top down: the integral the other way, negated (a range is narrowed upwards).
  const lower = t.lower && constantFraction(t.lower);
  const upper = t.upper && constantFraction(t.upper);
  if (lower && upper && compareFractions(lower, upper) > 0) {
    const upwards = closedFormIntegral({ ...t, lower: t.upper, upper: t.lower }, signOf);
    return upwards && neg(upwards);
  }
  const pieces = distributed(hyperbolicAsExp(t.body));
  if (pieces === undefined) return undefined;
  const parts: Term[] = [];
  for (const piece of pieces) {
    const part = pieceIntegral(piece, t, signOf);
    if (part === undefined) return undefined;
    // A piece that diverges everywhere may cancel another's divergence: Frullani's (exp(-a t) - exp(-b t)) / t from 0 is
    // log(b / a), though each piece diverges at 0 (it was refuted as having no value, probe 66). The numbers read it.
    if (pieces.length > 1 && divergesEverywhere(part)) return undefined;
    parts.push(part);
  }
  return add(...parts);
}

/**
 * log(A) as a polynomial in t where A is a product of powers of exp(polynomial in t)
 * and of factors free of t known positive: log(exp(Q) / sqrt(2 pi s^2)) is Q - log(2 pi s^2) / 2.
 * Each factor positive, the log of the product is the sum of the logs, so nothing
 * about where it has a value changes; undefined for anything else.
 */
function logAsPolynomial(a: Term, v: string, mentions: (x: Term) => boolean, signOf: KnownSign): Term[] | undefined {
  if (!mentions(a)) return signOf(a) === 1 ? [fn('log', a)] : undefined;
  if (a.k === 'fn' && a.name === 'exp') return coefficientsIn(a.args[0], v);
  if (a.k === 'fn' && a.name === 'sqrt') return logAsPolynomial(a.args[0], v, mentions, signOf)?.map((c) => mul(num(1, 2), c));
  if (a.k === 'pow' && constantFraction(a.exponent) !== undefined) {
    return logAsPolynomial(a.base, v, mentions, signOf)?.map((c) => mul(a.exponent, c));
  }
  if (a.k !== 'mul') return undefined;
  let sum: Term[] = [];
  for (const factor of a.factors) {
    const c = logAsPolynomial(factor, v, mentions, signOf);
    if (c === undefined) return undefined;
    sum = sumCoefficients(sum, c);
  }
  return sum;
}

/** The most terms a product of sums is multiplied out into before it is integrated term by term. */
const MAX_PIECES = 64;

const REWRITTEN = new Set(['cosh', 'sinh', 'phi', 'abs', 'sign']);

/**
 * cosh(u) and sinh(u) as (exp(u) + exp(-u)) / 2 and (exp(u) - exp(-u)) / 2, the exponentials whose integrals have
 * closed forms: the integral of cosh over [0, 1] was left to quadrature, and a slip of 1e-60 in sinh(1) verified (probe 36).
 * The normal density phi(u) as exp(-u^2 / 2) / sqrt(2 pi): a normal's entropy written with it, -E(log(phi((z - mu) / s) / s)),
 * had its log read by no rule, and the numbers, losing phi far out, settled one input of a hundred, or none (probe 38).
 */
function hyperbolicAsExp(term: Term): Term {
  if (!someSubterm(term, (x) => x.k === 'fn' && REWRITTEN.has(x.name))) return term;
  // abs(u) as u [u > 0] - u [u < 0] and sign(u) as [u > 0] - [u < 0] (equal at u = 0 too): each piece is integrated
  // over the part of the range its comparison keeps, where u is affine in t. A triangle or square wave's Fourier
  // coefficient at n = 49 was left to quadrature in doubles, whose bound is 5e-9 of it: a slip of 1e-9 verified (probe 39).
  if (term.k === 'fn' && (term.name === 'abs' || term.name === 'sign')) {
    const u = hyperbolicAsExp(term.args[0]);
    const positive: Term = { k: 'cmp', op: '>', a: u, b: ZERO };
    const negative: Term = { k: 'cmp', op: '<', a: u, b: ZERO };
    return term.name === 'abs' ? sub(mul(u, positive), mul(u, negative)) : sub(positive, negative);
  }
  if (term.k === 'fn' && (term.name === 'cosh' || term.name === 'sinh')) {
    const u = hyperbolicAsExp(term.args[0]);
    return mul(num(1, 2), add(fn('exp', u), term.name === 'cosh' ? fn('exp', neg(u)) : neg(fn('exp', neg(u)))));
  }
  if (term.k === 'fn' && term.name === 'phi') {
    const u = hyperbolicAsExp(term.args[0]);
    return mul(fn('exp', mul(num(-1, 2), pow(u, num(2)))), pow(mul(num(2), { k: 'pi' }), num(-1, 2)));
  }
  // Built again, so a product in a product is one product: z^2 phi(z) is z^2 exp(-z^2 / 2) (2 pi)^(-1/2), factor by factor.
  const mapped = mapChildren(term, hyperbolicAsExp);
  return mapped.k === 'mul' ? mul(...mapped.factors) : mapped.k === 'add' ? add(...mapped.terms) : mapped;
}

/**
 * The terms of a sum, products of sums multiplied out ((e - e^t) (1 + t) is e + e t - e^t - e^t t), so that each
 * term is integrated alone; undefined past MAX_PIECES.
 */
function distributed(term: Term): Term[] | undefined {
  if (term.k === 'add') {
    const out: Term[] = [];
    for (const x of term.terms) {
      const parts = distributed(x);
      if (parts === undefined || out.length + parts.length > MAX_PIECES) return undefined;
      out.push(...parts);
    }
    return out;
  }
  if (term.k !== 'mul' || !term.factors.some((f) => f.k === 'add')) return [term];
  let products: Term[][] = [[]];
  for (const factor of term.factors) {
    const parts = factor.k === 'add' ? distributed(factor) : [factor];
    if (parts === undefined || products.length * parts.length > MAX_PIECES) return undefined;
    products = products.flatMap((p) => parts.map((x) => [...p, x]));
  }
  return products.map((factors) => mul(...factors));
}

/** A term with each integral in it that has a closed form replaced by that form, innermost first; the term itself where none has. */
function closedInside(term: Term, signOf: KnownSign): Term {
  if (!someSubterm(term, (x) => x.k === 'integral')) return term;
  let changed = false;
  const children = mapChildren(term, (child) => {
    const closed = closedInside(child, signOf);
    if (closed !== child) changed = true;
    return closed;
  });
  const inner = changed ? children : term;
  if (inner.k !== 'integral') return inner;
  const closed = closedPolynomialIntegral(inner) ?? closedFormIntegral(inner, signOf);
  return closed ?? inner;
}

/**
 * The closed form restricted to where the integral converges: given the signs its
 * terms must have ([q1, -1]: q1 < 0), the form times log(q)^0 (1 where q > 0, no
 * value elsewhere) for each sign not known already; undefined where a sign is not
 * known and the integrand may be 0 for some input (a zero integrand converges
 * everywhere), so that the condition would say too little.
 */
type Converging = (conditions: ReadonlyArray<readonly [Term, 1 | -1]>) => ((form: Term) => Term) | undefined;

function convergence(free: readonly Term[], polynomial: readonly Term[], signOf: KnownSign): Converging {
  const nonzeroConstant = (t: Term): boolean => { const c = constantFraction(t); return c !== undefined && c.num !== 0n; };
  // Never 0 anywhere: each factor free of t a nonzero constant or of known sign, and a nonzero constant among P's coefficients.
  const neverZero = free.every((f) => nonzeroConstant(f) || signOf(f) === 1 || signOf(f) === -1) && polynomial.some(nonzeroConstant);
  return (conditions) => {
    const guards: Term[] = [];
    for (const [q, required] of conditions) {
      if (signOf(q) === required) continue;
      if (!neverZero) return undefined;
      guards.push(pow(fn('log', required > 0 ? q : neg(q)), num(0)));
    }
    return (form) => mul(form, ...guards);
  };
}

/** The range being integrated over; `ordered` when lower <= upper is known (needed to narrow it). */
interface Range { lower?: Term; upper?: Term; narrowed: boolean; readonly ordered: boolean }

function pieceIntegral(piece: Term, t: Integral, signOf: KnownSign): Term | undefined {
  const v = t.v;
  const mentions = (x: Term): boolean => someSubterm(x, (y) => y.k === 'input' && y.ref.name === v);
  const free: Term[] = [];
  let polynomial: Term[] = [ONE];
  // P times a factor's coefficients; false past the degree a polynomial integral takes.
  const times = (c: readonly Term[]): boolean => {
    const next = convolve(polynomial, c);
    if (next !== undefined) polynomial = next;
    return next !== undefined;
  };
  let exponent: Term[] = [];
  const range: Range = { lower: t.lower, upper: t.upper, narrowed: false, ordered: ordered(t.lower, t.upper) };
  // A power of t that is no whole number (t^(a - 1), sqrt(t)): the Gamma function's integrand.
  let power: Term | undefined;
  // A power of 1 - t likewise: with one of t, the Beta function's integrand.
  let complement: Term | undefined;
  // A power of 1 - t^2: Chebyshev's weight 1 / sqrt(1 - t^2), a semicircle's sqrt(1 - t^2).
  let circle: Term | undefined;
  // Sines and cosines of arguments affine in t (trigonometric-integrals.ts).
  const waves: NonNullable<ReturnType<typeof wavesOf>> = [];
  // The product of the factors 1 / Q(t) with rational coefficients, by Q's coefficients.
  let denominator: Fraction[] | undefined;
  for (const factor of piece.k === 'mul' ? piece.factors : [piece]) {
    if (!mentions(factor)) { free.push(factor); continue; }
    const wave = wavesOf(factor, v);
    if (wave !== undefined) { waves.push(...wave); continue; }
    const exponentOfT = powerOf(factor, v, mentions, [0, 1]);
    if (exponentOfT !== undefined) {
      power = power === undefined ? exponentOfT : add(power, exponentOfT);
      continue;
    }
    const exponentOfCircle = powerOf(factor, v, mentions, [1, 0, -1]);
    if (exponentOfCircle !== undefined) {
      circle = circle === undefined ? exponentOfCircle : add(circle, exponentOfCircle);
      continue;
    }
    const exponentOfRest = powerOf(factor, v, mentions, [1, -1]);
    if (exponentOfRest !== undefined) {
      complement = complement === undefined ? exponentOfRest : add(complement, exponentOfRest);
      continue;
    }
    // 1 / Q(t), Q with rational coefficients (1 + t^2, t^2 - 1, 2 t + 3): partial fractions (rational-integrals.ts).
    if (factor.k === 'pow' && isNum(factor.exponent, -1)) {
      const c = coefficientsIn(factor.base, v);
      const q = c && fractionCoefficients(c);
      if (q !== undefined && q.length >= 2) {
        denominator = denominator === undefined ? q : multiplied(denominator, q);
        continue;
      }
    }
    if (factor.k === 'fn' && factor.name === 'exp') {
      const q = coefficientsIn(factor.args[0], v);
      if (q === undefined || q.length > 3) return undefined;
      exponent = sumCoefficients(exponent, q);
      continue;
    }
    if (factor.k === 'fn' && factor.name === 'relu') {
      const a = coefficientsIn(factor.args[0], v);
      if (a === undefined || a.length !== 2 || !narrow(range, a) || !times(a)) return undefined;
      continue;
    }
    if (factor.k === 'fn' && factor.name === 'log') {
      // The log of a density or a ratio of densities (a KL divergence's integrand): a polynomial in t.
      const c = logAsPolynomial(factor.args[0], v, mentions, signOf);
      if (c === undefined || !times(c)) return undefined;
      continue;
    }
    if (factor.k === 'cmp' && factor.op !== '==' && factor.op !== '!=') {
      const d = coefficientsIn(sub(factor.a, factor.b), v);
      if (d === undefined || d.length !== 2) return undefined;
      // Where a - b > 0 for > and >=, where b - a > 0 for < and <=: the tie is a single point.
      if (!narrow(range, factor.op.startsWith('>') ? d : d.map(neg))) return undefined;
      continue;
    }
    const c = coefficientsIn(factor, v);
    if (c === undefined || !times(c)) return undefined;
  }
  if (denominator !== undefined) {
    // 1 / t with it joins the denominator (1 / (t (t + 1))); any other power of t, exponential or wave is not read here.
    if (power !== undefined && isNum(folded(power), -1)) {
      denominator = multiplied([{ num: 0n, den: 1n }, { num: 1n, den: 1n }], denominator);
      power = undefined;
    }
    if (power !== undefined || complement !== undefined || circle !== undefined || waves.length > 0 || range.narrowed || !exponent.every(isZeroConstant)) return undefined;
    const value = rationalIntegral(polynomial, denominator, range.lower, range.upper, signOf);
    return value && mul(...free, value);
  }
  // A power of t has no value below 0 (sqrt(t), t^(-1/2)), and 0 times no value is none: narrowing (t > 0) sqrt(t) to
  // t > 0 would give the integral from -1 to 1 a value it has not (twentieth probe: proved).
  if (range.narrowed && (power !== undefined || complement !== undefined || circle !== undefined)) return undefined;
  if (circle !== undefined) return power === undefined && complement === undefined && exponent.every(isZeroConstant) ? circleIntegral(free, polynomial, circle, range, signOf) : undefined;
  if (range.narrowed && range.lower !== undefined && range.upper !== undefined) {
    const order = compareConstants(range.lower, range.upper);
    if (order === undefined) return undefined;
    if (order >= 0) return ZERO;
  }
  // A zero integrand (with no power of t that has no value below 0) is 0 over any range, however the exponential grows.
  if ((polynomial.every(isZeroConstant) || free.some(isZeroConstant)) && power === undefined && complement === undefined) return mul(...free, ZERO);
  // A coefficient known to be 0 here (a = 0 at a point) drops its term: exp(a t) at a = 0 is 1.
  const [q0 = ZERO, q1 = ZERO, q2 = ZERO] = exponent.map(folded).map((q) => (isNum(q, 0) || signOf(q) !== 0 ? q : ZERO));
  if (waves.length > 0) {
    const { lower, upper } = range;
    if (power !== undefined || complement !== undefined || !isNum(q2, 0)) return undefined;
    // An infinite end only where the exponential decays towards it (a Laplace transform, exp(-s t) sin(t) with s > 0).
    if ((upper === undefined && signOf(q1) !== -1) || (lower === undefined && signOf(q1) !== 1)) return undefined;
    // A wave of slope 0 is a constant factor of P(t) exp(q0 + q1 t), integrated as below.
    const constantPart = (factor: Term): Term | undefined => {
      if (!isNum(q1, 0)) return signOf(q1) === undefined ? undefined : mul(factor, exponential(polynomial, q0, q1, range));
      if (lower === undefined || upper === undefined) return undefined;
      return mul(factor, polynomialBetween(polynomial, q0, lower, upper));
    };
    return waveIntegral(free, polynomial, q0, q1, waves, lower, upper, signOf, constantPart);
  }
  const converging = convergence(free, polynomial, signOf);
  if (complement !== undefined) return betaIntegral(free, polynomial, power ?? ZERO, complement, exponent, range, signOf, converging);
  if (power !== undefined && range.lower !== undefined && (range.upper !== undefined || exponent.every(isZeroConstant))) return powerRule(free, polynomial, power, exponent, range, signOf, converging);
  if (power !== undefined) return gammaIntegral(free, polynomial, power, q0, q1, q2, range, signOf, converging);
  let value: Term | undefined;
  if (!isNum(q2, 0)) {
    if (polynomial.length > MAX_GAUSSIAN_DEGREE + 1) return undefined;
    if (signOf(q2) === -1) value = gaussian(polynomial, q0, q1, q2, range);
    else {
      // Over the whole line it converges exactly where q2 < 0 (at q2 = 0 too it does not); elsewhere the sign must be known.
      const within = range.lower === undefined && range.upper === undefined ? converging([[q2, -1]]) : undefined;
      if (within === undefined) return undefined;
      value = within(gaussian(polynomial, q0, q1, q2, range));
    }
  } else if (!isNum(q1, 0)) {
    if (polynomial.length > MAX_EXPONENTIAL_DEGREE + 1) return undefined;
    const sign = signOf(q1);
    if (range.lower !== undefined && range.upper !== undefined) {
      // Between finite bounds the formula divides by q1: only where its sign is known (q1 = 0 is the polynomial's integral).
      if (sign === undefined) return undefined;
      value = exponential(polynomial, q0, q1, range);
    } else {
      // An infinite end converges only where the integrand decays towards it: where that is not known, the form holds
      // there and the integral has no value elsewhere.
      if (range.upper === undefined && range.lower === undefined) return undefined;
      const decaying = converging([[q1, range.upper === undefined ? -1 : 1]]);
      if (decaying === undefined) return undefined;
      value = decaying(exponential(polynomial, q0, q1, range));
    }
  } else {
    if (range.lower === undefined || range.upper === undefined) return undefined;
    value = polynomialBetween(polynomial, q0, range.lower, range.upper);
  }
  return mul(...free, value);
}

/** exp(q0) P(t) integrated from lower to upper, P by its coefficients. */
function polynomialBetween(polynomial: readonly Term[], q0: Term, lower: Term, upper: Term): Term {
  return mul(isNum(q0, 0) ? ONE : fn('exp', q0), add(...polynomial.map((c, k) =>
    mul(c, div(sub(pow(upper, num(k + 1)), pow(lower, num(k + 1))), num(k + 1))))));
}

/**
 * The integral from 0 to Infinity of t^p P(t) exp(q0 + q1 t), each t^k of P giving
 * gamma(p + k + 1) / (-q1)^(p + k + 1): where q1 is known negative and each p + k + 1
 * known positive (t^p integrable at 0), else undefined.
 */
function gammaIntegral(free: readonly Term[], polynomial: readonly Term[], p: Term, q0: Term, q1: Term, q2: Term, range: Range,
  signOf: KnownSign, converging: Converging): Term | undefined {
  const lower = range.lower && constantFraction(range.lower);
  if (range.narrowed || lower?.num !== 0n || range.upper !== undefined || !isNum(q2, 0) || isNum(q1, 0)) return undefined;
  // With a nonzero constant term the integral converges exactly where q1 < 0 and p + 1 > 0; else each order's sign must be known.
  const leading = !isZeroConstant(polynomial[0]) && constantFraction(polynomial[0]) !== undefined;
  const rate = neg(q1);
  const parts: Term[] = [];
  for (let k = 0; k < polynomial.length; k++) {
    if (isZeroConstant(polynomial[k])) continue;
    const order = add(p, num(k + 1));
    if (!leading && signOf(order) !== 1) return undefined;
    parts.push(mul(polynomial[k], fn('gamma', order), pow(rate, neg(order))));
  }
  const conditions: Array<[Term, 1 | -1]> = leading ? [[q1, -1], [add(p, ONE), 1]] : [[q1, -1]];
  const within = converging(conditions);
  return within && within(mul(...free, isNum(q0, 0) ? ONE : fn('exp', q0), add(...parts)));
}

/**
 * The integral of t^p P(t) between finite bounds known >= 0, each t^k of P giving
 * (b^(p + k + 1) - a^(p + k + 1)) / (p + k + 1), or log(b) - log(a) where p + k + 1
 * is 0: where each p + k + 1 has a known sign (known positive from a bound of 0,
 * where t^p must be integrable), else undefined.
 */
function powerRule(free: readonly Term[], polynomial: readonly Term[], p: Term, exponent: readonly Term[], range: Range,
  signOf: KnownSign, converging: Converging): Term | undefined {
  const { lower, upper } = range;
  if (lower === undefined || !exponent.every(isZeroConstant)) return undefined;
  // Each end is 0, or known positive: t^p has no value below 0 for most p.
  const endSign = (x: Term): 0 | 1 | -1 | undefined => {
    const c = constantFraction(x);
    if (c !== undefined) return c.num === 0n ? 0 : compareFractions(c, { num: 0n, den: 1n }) > 0 ? 1 : -1;
    return signOf(x);
  };
  if (upper === undefined) return powerRuleToInfinity(free, polynomial, p, lower, endSign(lower), signOf, converging);
  const [from, to] = [endSign(lower), endSign(upper)] as const;
  if (from === undefined || to === undefined) return undefined;
  if (from < 0 || to < 0) {
    // Part of the range below 0: a power that is no whole number has no value there, and a whole one of -1 or less
    // none at 0 when the range reaches it (1 / t from 1 to -1); so the integral has none (a log of 0 to the 0th says so).
    const whole = constantFraction(p);
    const isWhole = whole !== undefined && whole.num % whole.den === 0n;
    const reachesZero = from >= 0 || to >= 0;
    return !isWhole || (reachesZero && whole.num / whole.den <= -1n) ? NO_VALUE : undefined;
  }
  // From 0, a nonzero constant term's t^p with p <= -1 is not integrable there (t^(-3/2) (1 - t) from 0 to 1).
  const lowest = constantFraction(polynomial[0]);
  const order0 = signOf(add(p, ONE));
  if ((from === 0 || to === 0) && lowest !== undefined && lowest.num !== 0n && (order0 === -1 || order0 === 0)) return NO_VALUE;
  const parts: Term[] = [];
  for (let k = 0; k < polynomial.length; k++) {
    if (isZeroConstant(polynomial[k])) continue;
    const order = add(p, num(k + 1));
    if (isZeroConstant(order) || signOf(order) === 0) {
      if (from === 0 || to === 0) return undefined;
      parts.push(mul(polynomial[k], sub(fn('log', upper), fn('log', lower))));
      continue;
    }
    const sign = signOf(order);
    if (sign === undefined || ((from === 0 || to === 0) && sign !== 1)) return undefined;
    // 0^(p + k + 1) is 0 for a positive power, however the exact engine would read a symbolic one.
    const at = (end: Term, sign: number): Term => (sign === 0 ? ZERO : pow(end, order));
    parts.push(mul(polynomial[k], sub(at(upper, to), at(lower, from)), pow(order, num(-1))));
  }
  return mul(...free, add(...parts));
}

/**
 * t^p P(t) from a positive end to Infinity (1 / t^2 from 1, t^(-s - 1) from a): each t^k of P gives
 * -lower^(p + k + 1) / (p + k + 1) where p + k + 1 < 0, so that the term vanishes at Infinity. Where that sign is
 * not known, the form holds where it is negative and has no value elsewhere (t^(-s) from 1 converges for s > 1
 * only), for a term whose coefficient is a nonzero constant; another's might be 0, and the condition say too much.
 */
function powerRuleToInfinity(free: readonly Term[], polynomial: readonly Term[], p: Term, lower: Term, from: 0 | 1 | -1 | undefined,
  signOf: KnownSign, converging: Converging): Term | undefined {
  if (from !== 1) return undefined;
  const parts: Term[] = [];
  const conditions: [Term, -1][] = [];
  for (let k = 0; k < polynomial.length; k++) {
    if (isZeroConstant(polynomial[k])) continue;
    const order = add(p, num(k + 1));
    const sign = isZeroConstant(order) ? 0 : signOf(order);
    if (sign === 0 || sign === 1) return undefined;
    if (sign === undefined) {
      const c = constantFraction(polynomial[k]);
      if (c === undefined || c.num === 0n) return undefined;
      conditions.push([order, -1]);
    }
    parts.push(neg(mul(polynomial[k], pow(lower, order), pow(order, num(-1)))));
  }
  const within = converging(conditions);
  return within === undefined ? undefined : within(mul(...free, add(...parts)));
}

/**
 * The integral from 0 to 1 of t^p (1 - t)^q P(t), each t^k of P giving
 * B(p + k + 1, q + 1) = gamma(p + k + 1) gamma(q + 1) / gamma(p + q + k + 2): where
 * each p + k + 1 and q + 1 is known positive (integrable at both ends), else undefined.
 */
function betaIntegral(free: readonly Term[], polynomial: readonly Term[], p: Term, q: Term, exponent: readonly Term[], range: Range,
  signOf: KnownSign, converging: Converging): Term | undefined {
  const lower = range.lower && constantFraction(range.lower);
  const upper = range.upper && constantFraction(range.upper);
  if (range.narrowed || lower?.num !== 0n || upper === undefined || upper.num !== upper.den || !exponent.every(isZeroConstant)) return undefined;
  // A nonzero constant times the powers converges exactly where p + 1 > 0 and q + 1 > 0; else each sign must be known.
  const constant = polynomial.length === 1 && !isZeroConstant(polynomial[0]) && constantFraction(polynomial[0]) !== undefined;
  const second = add(q, ONE);
  if (!constant && signOf(second) !== 1) return undefined;
  const parts: Term[] = [];
  for (let k = 0; k < polynomial.length; k++) {
    if (isZeroConstant(polynomial[k])) continue;
    const first = add(p, num(k + 1));
    if (!constant && signOf(first) !== 1) return undefined;
    parts.push(mul(polynomial[k], fn('gamma', first), fn('gamma', second), pow(fn('gamma', add(first, second)), num(-1))));
  }
  const within = converging(constant ? [[add(p, ONE), 1], [second, 1]] : []);
  return within && within(mul(...free, add(...parts)));
}

/**
 * The integral of P(t) (1 - t^2)^a over [0, 1], [-1, 0] or [-1, 1] (Arfken 18.4, Chebyshev's weight at a = -1/2):
 * t^2 = y makes each t^k a Beta integral, B((k + 1) / 2, a + 1) / 2 over [0, 1], (-1)^k that over [-1, 0]. It
 * converges exactly where a + 1 > 0: a constant a must be so, and a symbolic one of that known sign.
 */
function circleIntegral(free: readonly Term[], polynomial: readonly Term[], a: Term, range: Range, signOf: KnownSign): Term | undefined {
  const lower = range.lower && constantFraction(range.lower);
  const upper = range.upper && constantFraction(range.upper);
  if (lower === undefined || upper === undefined) return undefined;
  const at = (f: { num: bigint; den: bigint }, n: number) => f.num === BigInt(n) * f.den;
  const [left, right] = at(lower, 0) && at(upper, 1) ? [0, 1] : at(lower, -1) && at(upper, 0) ? [1, 0] : at(lower, -1) && at(upper, 1) ? [1, 1] : [0, 0];
  if (left + right === 0) return undefined;
  const second = folded(add(a, ONE));
  const exponent = constantFraction(second);
  if (exponent !== undefined ? exponent.num * exponent.den <= 0n : signOf(second) !== 1) return undefined;
  const parts: Term[] = [];
  for (let k = 0; k < polynomial.length; k++) {
    const share = right + (k % 2 === 0 ? left : -left);
    if (isZeroConstant(polynomial[k]) || share === 0) continue;
    const first = num(k + 1, 2);
    parts.push(mul(num(share, 2), polynomial[k], fn('gamma', first), fn('gamma', second), pow(fn('gamma', add(first, second)), num(-1))));
  }
  return mul(...free, add(...parts));
}

/**
 * p where a factor is A^p for A the polynomial whose coefficients are given ([0, 1]: t; [1, -1]:
 * 1 - t; [1, 0, -1]: 1 - t^2) and p free of t and no whole number of at least 0 (sqrt(A): p = 1/2); else undefined.
 */
function powerOf(factor: Term, v: string, mentions: (x: Term) => boolean, pattern: readonly number[]): Term | undefined {
  const isForm = (x: Term): boolean => {
    const c = coefficientsIn(x, v);
    if (c?.length !== pattern.length) return false;
    return c.every((term, i) => {
      const f = constantFraction(term);
      return f !== undefined && f.num === BigInt(pattern[i]) * f.den;
    });
  };
  if (factor.k === 'fn' && factor.name === 'sqrt' && isForm(factor.args[0])) return num(1, 2);
  if (factor.k !== 'pow' || mentions(factor.exponent)) return undefined;
  // 1 / sqrt(1 - t): (1 - t)^(-1/2); 1 / t^2: t^(-2).
  if (factor.base.k === 'fn' && factor.base.name === 'sqrt' && isForm(factor.base.args[0])) return mul(num(1, 2), factor.exponent);
  if (factor.base.k === 'pow' && isForm(factor.base.base) && constantFraction(factor.base.exponent) !== undefined && constantFraction(factor.exponent) !== undefined) {
    const combined = folded(mul(factor.base.exponent, factor.exponent));
    const c = constantFraction(combined);
    // A whole power of at least 0 is a polynomial's: left to it.
    return c !== undefined && c.den === 1n && c.num >= 0n ? undefined : combined;
  }
  if (!isForm(factor.base)) return undefined;
  const whole = constantFraction(factor.exponent);
  if (whole !== undefined && whole.den === 1n && whole.num >= 0n) return undefined;
  return factor.exponent;
}

/**
 * Narrows the range to where a0 + a1 t > 0, for a constant slope a1 != 0. The new
 * end is -a0 / a1: it replaces an infinite end, or the nearer of two constant ends.
 * False where which end is nearer is not known.
 */
function narrow(range: Range, [a0, a1]: Term[]): boolean {
  if (!range.ordered) return false;
  const slope = constantFraction(a1);
  if (slope === undefined || slope.num === 0n) return false;
  const offset = constantFraction(a0);
  const end: Term = offset === undefined ? div(neg(a0), a1) : { k: 'num', value: fraction(-offset.num * slope.den, offset.den * slope.num) };
  const rising = (slope.num > 0n) === (slope.den > 0n);
  const current = rising ? range.lower : range.upper;
  let next: Term;
  if (current === undefined) next = end;
  else {
    const order = compareConstants(end, current);
    if (order === undefined) return false;
    const later = order > 0;
    next = rising === later ? end : current;
  }
  if (rising) range.lower = next;
  else range.upper = next;
  range.narrowed = true;
  return true;
}

function gaussian(p: readonly Term[], q0: Term, q1: Term, q2: Term, range: Range): Term {
  const a = folded(neg(q2));
  const centre = folded(div(q1, mul(num(2), a)));
  const scale = pow(a, num(1, 2));
  const erfAt = (bound: Term | undefined, infinite: number): Term =>
    (bound === undefined ? num(infinite) : fn('erf', mul(scale, folded(sub(bound, centre)))));
  const moments: Term[] = [mul(num(1, 2), pow({ k: 'pi' }, num(1, 2)), pow(a, num(-1, 2)),
    fn('exp', add(q0, div(pow(q1, num(2)), mul(num(4), a)))),
    sub(erfAt(range.upper, 1), erfAt(range.lower, -1)))];
  for (let k = 1; k < p.length; k++) {
    const below = k >= 2 ? [mul(num(-(k - 1)), moments[k - 2])] : [];
    const previous = isNum(q1, 0) ? [] : [mul(neg(q1), moments[k - 1])];
    moments.push(div(add(between(k - 1, q0, q1, q2, range), ...below, ...previous), mul(num(2), q2)));
  }
  return add(...p.map((c, k) => (isNum(c, 0) ? ZERO : mul(c, moments[k]))));
}

function exponential(p: readonly Term[], q0: Term, q1: Term, range: Range): Term {
  const moments: Term[] = [];
  for (let k = 0; k < p.length; k++) {
    const below = k >= 1 ? [mul(num(-k), moments[k - 1])] : [];
    moments.push(div(add(between(k, q0, q1, ZERO, range), ...below), q1));
  }
  return add(...p.map((c, k) => (isNum(c, 0) ? ZERO : mul(c, moments[k]))));
}

/** t^k exp(q0 + q1 t + q2 t^2) at the upper end less at the lower; an infinite end adds 0 (the integrand vanishes there). */
function between(k: number, q0: Term, q1: Term, q2: Term, range: Range): Term {
  const at = (x: Term | undefined): Term => (x === undefined ? ZERO
    : mul(pow(x, num(k)), fn('exp', add(q0, mul(q1, x), mul(q2, pow(x, num(2)))))));
  return sub(at(range.upper), at(range.lower));
}

/** A constant that is 0, however written (0 * 1 + 0). */
function isZeroConstant(t: Term): boolean {
  return constantFraction(t)?.num === 0n;
}

/** A term with no value anywhere (log(0) to the 0th): an integral that diverges, or whose integrand has none on part of its range. */
const NO_VALUE: Term = pow(fn('log', ZERO), num(0));

/** A piece's form with no value at any input: NO_VALUE, or gamma at a pole (t^-1 exp(-a t) from 0 is gamma(0) a^0). */
function divergesEverywhere(form: Term): boolean {
  return someSubterm(form, (x) => {
    if (x.k === 'pow' && isNum(x.exponent, 0) && x.base.k === 'fn' && x.base.name === 'log') return isZeroConstant(x.base.args[0]);
    if (x.k !== 'fn' || x.name !== 'gamma') return false;
    const c = constantFraction(x.args[0]);
    return c !== undefined && c.den === 1n && c.num <= 0n;
  });
}

/** A constant written as its value (-(-1 / (2 * 1/1000000)) is 500000), so that the closed form reads as one; anything else as it is. */
function folded(t: Term): Term {
  if (t.k === 'num') return t;
  const c = constantFraction(t);
  if (c !== undefined) return { k: 'num', value: fraction(c.num, c.den) };
  // -(-x) is x.
  if (t.k === 'mul' && t.factors.length === 2 && isNum(t.factors[0], -1) && t.factors[1].k === 'mul' && isNum(t.factors[1].factors[0], -1)) {
    return mul(...t.factors[1].factors.slice(1));
  }
  return t;
}

/** Whether lower <= upper is known: an end is infinite, or both are constants in that order. */
function ordered(lower: Term | undefined, upper: Term | undefined): boolean {
  if (lower === undefined || upper === undefined) return true;
  const order = compareConstants(lower, upper);
  return order !== undefined && order <= 0;
}

/**
 * The order of two constants: exactly where both are fractions; else where both are numbers written with pi and the
 * table's functions (intervals.ts constantValue) (a Fourier range [-pi, pi], split at 0) whose doubles differ by far more than their rounding. Undefined
 * where an input is read or the doubles are too close to say.
 */
function compareConstants(a: Term, b: Term): number | undefined {
  const fa = constantFraction(a);
  const fb = constantFraction(b);
  if (fa !== undefined && fb !== undefined) return compareFractions(fa, fb);
  const x = constantValue(a);
  const y = constantValue(b);
  if (!Number.isFinite(x) || !Number.isFinite(y) || Math.abs(x - y) <= 1e-9 * (Math.abs(x) + Math.abs(y))) return undefined;
  return x < y ? -1 : 1;
}

function sumCoefficients(a: readonly Term[], b: readonly Term[]): Term[] {
  return Array.from({ length: Math.max(a.length, b.length) }, (_, k) => add(a[k] ?? ZERO, b[k] ?? ZERO));
}

function compareFractions(a: { num: bigint; den: bigint }, b: { num: bigint; den: bigint }): number {
  // Denominators of constantFraction may be negative: compare a - b's sign.
  const n = a.num * b.den - b.num * a.den;
  const d = a.den * b.den;
  return n === 0n ? 0 : (n > 0n) === (d > 0n) ? 1 : -1;
}
