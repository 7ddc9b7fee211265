import { add, div, fn, mul, num, pow, sub } from './term-builders.ts';
import type { Term } from './term.ts';

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

/**
 * Every function written through others, by the names people write: math.js's,
 * and the `arc` forms of textbooks. A `given` or `let` of the same name keeps it.
 */
export const FUNCTION_FORMS: Readonly<Record<string, FunctionForm>> = {
  ln: { arity: 1, what: 'natural logarithm, `log(x)`', form: (x) => fn('log', x) },
  log2: { arity: 1, what: 'logarithm to base 2, `log(x) / log(2)`', form: (x) => div(fn('log', x), fn('log', num(2))) },
  log10: { arity: 1, what: 'logarithm to base 10, `log(x) / log(10)`', form: (x) => div(fn('log', x), fn('log', num(10))) },
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
  logit: { arity: 1, what: 'log-odds, the inverse of the sigmoid, `log(x / (1 - x))`', form: (x) => fn('log', div(x, sub(num(1), x))) },
  expit: { arity: 1, what: "`sigmoid(x)`, SciPy's name", form: (x) => fn('sigmoid', x) },
  sgn: { arity: 1, what: '`sign(x)`', form: (x) => fn('sign', x) },
  nchoosek: { arity: 2, what: '`binomial(n, k)`', form: (n, k) => fn('binomial', n, k) },
  choose: { arity: 2, what: '`binomial(n, k)`', form: (n, k) => fn('binomial', n, k) },
  combinations: { arity: 2, what: "`binomial(n, k)`, math.js's name", form: (n, k) => fn('binomial', n, k) },
  // Where no input or definition is named σ (a standard deviation keeps its name).
  σ: { arity: 1, what: '`sigmoid(x)`, where nothing else is named σ', form: (x) => fn('sigmoid', x) },
};

export function isFunctionForm(name: string): boolean {
  return Object.hasOwn(FUNCTION_FORMS, name);
}
