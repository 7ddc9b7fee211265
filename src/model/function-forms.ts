import { add, div, fn, mul, neg, num, parseDecimal, pow, sub } from './term-builders.ts';
import type { Term } from './term.ts';
import { inputNames } from './term-queries.ts';

/**
 * A function written through the functions of the table (functions.ts): `tan(x)`
 * is `sin(x) / cos(x)` to every engine, so it has a value exactly where that
 * quotient has one (cos(x) != 0), and its derivative and its identities come from
 * the table's functions. Only the report typesets the name as written.
 */
export interface FunctionForm {
  readonly arity: number;
  /** What it is, in a few words, for docs/syntax.md. */
  readonly what: string;
  readonly form: (...args: Term[]) => Term;
}

const half = num(1, 2);
const pi = { k: 'pi' } as const;

const tan = (x: Term) => div(fn('sin', x), fn('cos', x));
const asin = (x: Term) => fn('asin', x);
const acos = (x: Term) => sub(mul(half, pi), fn('asin', x));
const atan = (x: Term) => fn('atan', x);
// log((1 + x) / (1 - x)) / 2: a value exactly for -1 < x < 1.
const atanh = (x: Term) => mul(half, fn('log', div(add(num(1), x), sub(num(1), x))));
// log(x + sqrt(x^2 - 1)): a value exactly for x >= 1 (at x <= -1 the log's argument is negative).
const acosh = (x: Term) => fn('log', add(x, fn('sqrt', sub(pow(x, num(2)), num(1)))));
const asinh = (x: Term) => fn('asinh', x);
const clip = (x: Term, a: Term, b: Term) => fn('min', fn('max', x, a), b);
const hardSigmoid = (x: Term) => clip(add(mul(num(1, 6), x), half), num(0), num(1));
/** SELU's constants (Klambauer et al. 2017) to 20 digits, exact as written. */
const SELU_SCALE = parseDecimal('1.0507009873554804934');
const SELU_ALPHA = parseDecimal('1.6732632423543772848');
/** A rising product a (a + 1) ... (a + k - 1) written out where k is a whole number up to this, so it has a value at every a. */
const MAX_WRITTEN_FACTORS = 32;

/** k as a whole number from 0 to {@link MAX_WRITTEN_FACTORS}, if it is one written out. */
function smallWholeNumber(k: Term): number | undefined {
  if (k.k !== 'num' || k.value.den !== 1n || k.value.num < 0n || k.value.num > BigInt(MAX_WRITTEN_FACTORS)) return undefined;
  return Number(k.value.num);
}

/** (a)_k, the rising factorial: a product where k is a small whole number, else gamma(a + k) / gamma(a) (resolve.ts writes the product for a size or an index). */
const rising = (a: Term, k: Term): Term => {
  const count = smallWholeNumber(k);
  if (count !== undefined) return mul(...Array.from({ length: count }, (_, j) => add(a, num(j))));
  return div(fn('gamma', add(a, k)), fn('gamma', a));
};
/** a (a - 1) ... (a - k + 1), the falling factorial: a product where k is a small whole number, else gamma(a + 1) / gamma(a - k + 1). */
const falling = (a: Term, k: Term): Term => {
  const count = smallWholeNumber(k);
  if (count !== undefined) return mul(...Array.from({ length: count }, (_, j) => sub(a, num(j))));
  return div(fn('gamma', add(a, num(1))), fn('gamma', add(sub(a, k), num(1))));
};
const logAddExp = (a: Term, b: Term) => fn('log', add(fn('exp', a), fn('exp', b)));

const selu = (x: Term) => mul({ k: 'num', value: SELU_SCALE }, add(mul({ k: 'cmp', op: '>', a: x, b: num(0) }, x),
  mul({ k: 'cmp', op: '<=', a: x, b: num(0) }, { k: 'num', value: SELU_ALPHA }, sub(fn('exp', x), num(1)))));

/**
 * Every function written through others, by the names people write: math.js's,
 * and the `arc` forms of textbooks. A `given` or `let` of the same name keeps it.
 */
export const FUNCTION_FORMS: Readonly<Record<string, FunctionForm>> = {
  ln: { arity: 1, what: 'natural logarithm, `log(x)`', form: (x) => fn('log', x) },
  log2: { arity: 1, what: 'logarithm to base 2, `log(x) / log(2)`', form: (x) => div(fn('log', x), fn('log', num(2))) },
  log_2: { arity: 1, what: '`log2(x)`, as a textbook subscripts the base', form: (x) => div(fn('log', x), fn('log', num(2))) },
  log10: { arity: 1, what: 'logarithm to base 10, `log(x) / log(10)`', form: (x) => div(fn('log', x), fn('log', num(10))) },
  log_10: { arity: 1, what: '`log10(x)`, as a textbook subscripts the base', form: (x) => div(fn('log', x), fn('log', num(10))) },
  tan: { arity: 1, what: 'tangent, `sin(x) / cos(x)`', form: tan },
  cot: { arity: 1, what: 'cotangent, `cos(x) / sin(x)`', form: (x) => div(fn('cos', x), fn('sin', x)) },
  sec: { arity: 1, what: 'secant, `1 / cos(x)`', form: (x) => div(num(1), fn('cos', x)) },
  csc: { arity: 1, what: 'cosecant, `1 / sin(x)`', form: (x) => div(num(1), fn('sin', x)) },
  arcsin: { arity: 1, what: '`asin(x)`', form: asin },
  acos: { arity: 1, what: 'inverse cosine, `pi / 2 - asin(x)`', form: acos },
  arccos: { arity: 1, what: '`acos(x)`', form: acos },
  arctan: { arity: 1, what: '`atan(x)`', form: atan },
  coth: { arity: 1, what: 'hyperbolic cotangent, `cosh(x) / sinh(x)`', form: (x) => div(fn('cosh', x), fn('sinh', x)) },
  csch: { arity: 1, what: 'hyperbolic cosecant, `1 / sinh(x)`', form: (x) => div(num(1), fn('sinh', x)) },
  arsinh: { arity: 1, what: '`asinh(x)`', form: asinh },
  arcsinh: { arity: 1, what: '`asinh(x)`', form: asinh },
  atanh: { arity: 1, what: 'inverse hyperbolic tangent, `log((1 + x) / (1 - x)) / 2`', form: atanh },
  artanh: { arity: 1, what: '`atanh(x)`', form: atanh },
  arctanh: { arity: 1, what: '`atanh(x)`', form: atanh },
  acosh: { arity: 1, what: 'inverse hyperbolic cosine, `log(x + sqrt(x^2 - 1))`', form: acosh },
  arcosh: { arity: 1, what: '`acosh(x)`', form: acosh },
  arccosh: { arity: 1, what: '`acosh(x)`', form: acosh },
  // The real cube root: negative for negative x, as x^(1/3) (no value below 0) is not.
  cbrt: { arity: 1, what: 'real cube root, `sign(x) * abs(x)^(1/3)`', form: (x) => mul(fn('sign', x), pow(fn('abs', x), num(1, 3))) },
  pow: { arity: 2, what: '`x^y`', form: (x, y) => pow(x, y) },
  // Activations by the names of deep-learning libraries.
  gelu: { arity: 1, what: 'GELU, `x * Phi(x)`', form: (x) => mul(x, fn('Phi', x)) },
  silu: { arity: 1, what: 'SiLU, `x * sigmoid(x)`', form: (x) => mul(x, fn('sigmoid', x)) },
  swish: { arity: 1, what: '`silu(x)`', form: (x) => mul(x, fn('sigmoid', x)) },
  mish: { arity: 1, what: 'Mish, `x * tanh(softplus(x))`', form: (x) => mul(x, fn('tanh', fn('softplus', x))) },
  elu: { arity: 1, what: 'ELU with alpha = 1, `(x > 0) * x + (x <= 0) * (exp(x) - 1)`', form: (x) => add(mul({ k: 'cmp', op: '>', a: x, b: num(0) }, x), mul({ k: 'cmp', op: '<=', a: x, b: num(0) }, sub(fn('exp', x), num(1)))) },
  leaky_relu: { arity: 2, what: 'leaky ReLU with slope a below 0, `(x > 0) * x + (x <= 0) * a * x`', form: (x, a) => add(mul({ k: 'cmp', op: '>', a: x, b: num(0) }, x), mul({ k: 'cmp', op: '<=', a: x, b: num(0) }, a, x)) },
  softsign: { arity: 1, what: '`x / (1 + abs(x))`', form: (x) => div(x, add(num(1), fn('abs', x))) },
  softplus_inverse: { arity: 1, what: 'the inverse of the softplus, `log(expm1(x))` (TensorFlow\'s name; Goodfellow\'s ζ⁻¹(x))', form: (x) => fn('log', fn('expm1', x)) },
  logit: { arity: 1, what: 'log-odds, the inverse of the sigmoid, `log(x / (1 - x))`', form: (x) => fn('log', div(x, sub(num(1), x))) },
  expit: { arity: 1, what: "`sigmoid(x)`, SciPy's name", form: (x) => fn('sigmoid', x) },
  sgn: { arity: 1, what: '`sign(x)`', form: (x) => fn('sign', x) },
  // The remainder as Python and numpy take it: of the divisor's sign.
  mod: { arity: 2, what: 'the remainder of x by y with the sign of y, `x - y * floor(x / y)` (Python\'s x % y)', form: (x, y) => sub(x, mul(y, fn('floor', div(x, y)))) },
  round: { arity: 1, what: 'the nearest whole number, halves up, `floor(x + 1/2)`', form: (x) => fn('floor', add(x, num(1, 2))) },
  heaviside: { arity: 1, what: 'the unit step, `(x > 0)` (its value at 0 aside: a kink)', form: (x) => ({ k: 'cmp', op: '>', a: x, b: num(0) }) },
  // Inverse functions of reciprocals, as the calculus texts list them (Stewart 3.11).
  asec: { arity: 1, what: 'inverse secant, `acos(1 / x)`', form: (x) => acos(div(num(1), x)) },
  arcsec: { arity: 1, what: '`asec(x)`', form: (x) => acos(div(num(1), x)) },
  acsc: { arity: 1, what: 'inverse cosecant, `asin(1 / x)`', form: (x) => fn('asin', div(num(1), x)) },
  arccsc: { arity: 1, what: '`acsc(x)`', form: (x) => fn('asin', div(num(1), x)) },
  acot: { arity: 1, what: 'inverse cotangent with values in (0, pi), `pi / 2 - atan(x)`', form: (x) => sub(mul(half, pi), fn('atan', x)) },
  arccot: { arity: 1, what: '`acot(x)`', form: (x) => sub(mul(half, pi), fn('atan', x)) },
  asech: { arity: 1, what: 'inverse hyperbolic secant, `acosh(1 / x)` for 0 < x <= 1', form: (x) => acosh(div(num(1), x)) },
  arsech: { arity: 1, what: '`asech(x)`', form: (x) => acosh(div(num(1), x)) },
  acsch: { arity: 1, what: 'inverse hyperbolic cosecant, `asinh(1 / x)`', form: (x) => fn('asinh', div(num(1), x)) },
  arcsch: { arity: 1, what: '`acsch(x)`', form: (x) => fn('asinh', div(num(1), x)) },
  acoth: { arity: 1, what: 'inverse hyperbolic cotangent, `atanh(1 / x)` for |x| > 1', form: (x) => atanh(div(num(1), x)) },
  arcoth: { arity: 1, what: '`acoth(x)`', form: (x) => atanh(div(num(1), x)) },
  // PyTorch's piecewise-linear activations and clipping, by their library names.
  relu6: { arity: 1, what: '`min(max(x, 0), 6)`', form: (x) => clip(x, num(0), num(6)) },
  hardtanh: { arity: 1, what: '`min(max(x, -1), 1)`', form: (x) => clip(x, num(-1), num(1)) },
  hardsigmoid: { arity: 1, what: "PyTorch's `min(max(x / 6 + 1/2, 0), 1)`", form: hardSigmoid },
  hardswish: { arity: 1, what: '`x * hardsigmoid(x)`', form: (x) => mul(x, hardSigmoid(x)) },
  clamp: { arity: 3, what: '`min(max(x, a), b)`', form: (x, a, b) => clip(x, a, b) },
  clip: { arity: 3, what: "numpy's `min(max(x, a), b)`", form: (x, a, b) => clip(x, a, b) },
  selu: { arity: 1, what: 'SELU, `1.0507009873554804934 * elu(x)` with alpha = 1.6732632423543772848', form: selu },
  logsigmoid: { arity: 1, what: '`-softplus(-x)`, log(sigmoid(x))', form: (x) => mul(num(-1), fn('softplus', mul(num(-1), x))) },
  log_sigmoid: { arity: 1, what: '`logsigmoid(x)`', form: (x) => mul(num(-1), fn('softplus', mul(num(-1), x))) },
  nchoosek: { arity: 2, what: '`binomial(n, k)`', form: (n, k) => fn('binomial', n, k) },
  choose: { arity: 2, what: '`binomial(n, k)`', form: (n, k) => fn('binomial', n, k) },
  combinations: { arity: 2, what: "`binomial(n, k)`, math.js's name", form: (n, k) => fn('binomial', n, k) },
  // The gamma family by the names of scipy, torch, sympy and the books.
  Γ: { arity: 1, what: '`gamma(x)`', form: (x) => fn('gamma', x) },
  gammaln: { arity: 1, what: "`lgamma(x)`, SciPy's name", form: (x) => fn('lgamma', x) },
  loggamma: { arity: 1, what: '`lgamma(x)`', form: (x) => fn('lgamma', x) },
  lngamma: { arity: 1, what: '`lgamma(x)`', form: (x) => fn('lgamma', x) },
  psi: { arity: 1, what: '`digamma(x)`', form: (x) => fn('digamma', x) },
  ψ: { arity: 1, what: '`digamma(x)`, where nothing else is named ψ', form: (x) => fn('digamma', x) },
  trigamma: { arity: 1, what: '`polygamma(1, x)`', form: (x) => fn('polygamma', num(1), x) },
  // The normal quantile through erfinv, so Phi(probit(p)) = p is proved.
  probit: { arity: 1, what: 'the standard normal quantile, the inverse of Phi, `sqrt(2) * erfinv(2 * p - 1)`', form: (p) => mul(fn('sqrt', num(2)), fn('erfinv', sub(mul(num(2), p), num(1)))) },
  ndtri: { arity: 1, what: "`probit(p)`, SciPy's name", form: (p) => mul(fn('sqrt', num(2)), fn('erfinv', sub(mul(num(2), p), num(1)))) },
  norminv: { arity: 1, what: "`probit(p)`, MATLAB's name (mean 0, deviation 1)", form: (p) => mul(fn('sqrt', num(2)), fn('erfinv', sub(mul(num(2), p), num(1)))) },
  // zeta(s) = (-1)^s polygamma(s - 1, 1) / (s - 1)!: the exact engine knows the even values (zeta(2) = pi^2 / 6).
  zeta: { arity: 1, what: 'Riemann zeta at a whole number s from 2 to 21, `(-1)^s polygamma(s - 1, 1) / (s - 1)!`', form: riemannZeta },
  beta: { arity: 2, what: 'the beta function, `gamma(a) * gamma(b) / gamma(a + b)`', form: (a, b) => div(mul(fn('gamma', a), fn('gamma', b)), fn('gamma', add(a, b))) },
  betaln: { arity: 2, what: 'the log of abs(beta(a, b)), `lgamma(a) + lgamma(b) - lgamma(a + b)`', form: (a, b) => sub(add(fn('lgamma', a), fn('lgamma', b)), fn('lgamma', add(a, b))) },
  lbeta: { arity: 2, what: '`betaln(a, b)`', form: (a, b) => sub(add(fn('lgamma', a), fn('lgamma', b)), fn('lgamma', add(a, b))) },
  pochhammer: { arity: 2, what: 'the rising factorial (a)_k, `a (a + 1) ... (a + k - 1)`: a product for k a whole number written out (up to 32), a size or a sum\'s index (plus a whole constant), else `gamma(a + k) / gamma(a)`', form: rising },
  poch: { arity: 2, what: '`pochhammer(a, k)`, SciPy\'s name', form: rising },
  rf: { arity: 2, what: '`pochhammer(a, k)`, SymPy\'s name', form: rising },
  rising_factorial: { arity: 2, what: '`pochhammer(a, k)`', form: rising },
  ff: { arity: 2, what: 'the falling factorial, `a (a - 1) ... (a - k + 1)`: a product for k a whole number written out (up to 32), a size or a sum\'s index (plus a whole constant), else `gamma(a + 1) / gamma(a - k + 1)`', form: falling },
  falling_factorial: { arity: 2, what: '`ff(a, k)`', form: falling },
  // Numerically stable functions by their library names: to every engine they are the expression they stand for.
  // The normal density in the books' two spellings: PRML's N(x | mu, sigma^2) by its variance (syntax/textbook-notation.ts
  // reads the conditioning bar), MATLAB's normpdf(x, mu, sigma) by its deviation.
  normal_density: {
    arity: 3, what: "the normal density with mean m and variance v, `exp(-(x - m)^2 / (2 v)) / sqrt(2 pi v)`; PRML's `N(x | m, v)` is read as it. Of a vector x, mean m and covariance v, the multivariate density, `exp(-(x - m)' inv(v) (x - m) / 2) / sqrt(det(2 pi v))` (PRML 2.43)",
    form: (x, m, v) => div(fn('exp', div(neg(pow(sub(x, m), num(2))), mul(num(2), v))), fn('sqrt', mul(num(2), { k: 'pi' }, v))),
  },
  normpdf: {
    arity: 3, what: "MATLAB's normal density with mean m and deviation s, `exp(-(x - m)^2 / (2 s^2)) / (s sqrt(2 pi))`",
    form: (x, m, sd) => div(fn('exp', div(neg(pow(sub(x, m), num(2))), mul(num(2), pow(sd, num(2))))), mul(sd, fn('sqrt', mul(num(2), { k: 'pi' })))),
  },
  hypot: { arity: 2, what: 'the length of (a, b), `sqrt(a^2 + b^2)`', form: (a, b) => fn('sqrt', add(pow(a, num(2)), pow(b, num(2)))) },
  logaddexp: { arity: 2, what: "numpy's `log(exp(a) + exp(b))`", form: logAddExp },
  logaddexp2: { arity: 2, what: "numpy's `log2(2^a + 2^b)`", form: (a, b) => div(fn('log', add(pow(num(2), a), pow(num(2), b))), fn('log', num(2))) },
  log1pexp: { arity: 1, what: '`softplus(x)`, log(1 + exp(x))', form: (x) => fn('softplus', x) },
  erfcx: { arity: 1, what: 'the scaled complementary error function, `exp(x^2) * erfc(x)`', form: (x) => mul(fn('exp', pow(x, num(2))), fn('erfc', x)) },
  ndtr: { arity: 1, what: "`Phi(x)`, SciPy's name for the standard normal CDF", form: (x) => fn('Phi', x) },
  log_ndtr: { arity: 1, what: "`log(Phi(x))`, SciPy's name", form: (x) => fn('log', fn('Phi', x)) },
  // Where no input or definition is named σ (a standard deviation keeps its name).
  σ: { arity: 1, what: '`sigmoid(x)`, where nothing else is named σ', form: (x) => fn('sigmoid', x) },
  // The books' Greek names of the normal CDF and density (Φ, φ) and Goodfellow's softplus (ζ).
  Φ: { arity: 1, what: '`Phi(x)`, the standard normal CDF, where nothing else is named Φ', form: (x) => fn('Phi', x) },
  φ: { arity: 1, what: '`phi(x)`, the standard normal density, where nothing else is named φ', form: (x) => fn('phi', x) },
  // Of a number, Riemann's: a calculus book's ζ(3) and ζ(2) = π²/6 (A&S 23.2) were read as softplus(3) and refuted.
  ζ: {
    arity: 1, what: "`softplus(x)`, Goodfellow's ζ, where nothing else is named ζ; of a number (`ζ(3)`), Riemann's `zeta`",
    form: (x) => (inputNames(x).size === 0 ? riemannZeta(x) : fn('softplus', x)),
  },
};

function riemannZeta(s: Term): Term {
  return mul(pow(num(-1), s), div(fn('polygamma', sub(s, num(1)), num(1)), fn('factorial', sub(s, num(1)))));
}

export function isFunctionForm(name: string): boolean {
  return Object.hasOwn(FUNCTION_FORMS, name);
}
