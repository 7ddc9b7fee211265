import { FUNCTION_FORMS } from './function-forms.ts';
import { FUNCTIONS } from './functions.ts';
import { printTerm } from './print-term.ts';
import type { FunctionName, Term } from './term.ts';

/**
 * What each function of the table is, in a few words, for docs/syntax.md. A
 * Record over FunctionName: a function added to the table without a line here
 * does not type-check, so the documentation cannot fall behind.
 */
const SUMMARIES: Readonly<Record<FunctionName, string>> = {
  exp: 'e to the power x',
  log: 'natural logarithm',
  sqrt: 'square root',
  tanh: 'hyperbolic tangent',
  sigmoid: 'logistic function 1 / (1 + exp(-x))',
  relu: 'max(x, 0)',
  abs: 'absolute value',
  max: 'the larger of two values (`max(x)` of an array: its largest entry)',
  min: 'the smaller of two values (`min(x)` of an array: its smallest entry)',
  softplus: 'log(1 + exp(x))',
  sin: 'sine',
  cos: 'cosine',
  sinh: 'hyperbolic sine',
  cosh: 'hyperbolic cosine',
  sech: '1 / cosh(x)',
  asinh: 'inverse hyperbolic sine',
  asin: 'inverse sine',
  atan: 'arctangent',
  atan2: 'the angle of the point (x, y), in (-pi, pi]',
  sign: '-1, 0 or 1',
  floor: 'the greatest whole number <= x (numpy floor)',
  ceil: 'the least whole number >= x (numpy ceil)',
  log1p: 'log(1 + x), exact for tiny x',
  expm1: 'exp(x) - 1, exact for tiny x',
  erf: 'error function',
  erfinv: 'the inverse error function, the y in (-inf, inf) with erf(y) = x; probit(p) is sqrt(2) erfinv(2p - 1)',
  erfc: '1 - erf(x), exact in the tail',
  Phi: 'standard normal CDF (GELU is x Phi(x))',
  phi: 'standard normal density',
  factorial: 'n! of a whole number n (a constant, a size or a sum\'s index; `n!` too)',
  binomial: 'the binomial coefficient n! / (k! (n - k)!), 0 for k < 0 or k > n (`nchoosek`, `choose`, `combinations`); of any value a over a whole k, a (a - 1) ... (a - k + 1) / k!',
  gamma: 'the gamma function, gamma(n) = (n - 1)! (`Γ`)',
  lgamma: 'the log of abs(gamma(x)) (`gammaln`, `loggamma`, `lngamma`)',
  digamma: "gamma'(x) / gamma(x), the derivative of lgamma (`psi`, `ψ`)",
  polygamma: 'the x-th derivative of digamma at y, x a whole constant from 0 to 20 (`trigamma(y)` is polygamma(1, y))',
};

const ARGUMENT_NAMES = ['x', 'y', 'z'];

/**
 * The Markdown table of every function in the function table: its domain, its
 * partial derivatives (printed from the rule's own terms) and its kinks.
 * docs/syntax.md holds this table verbatim; test/model/function-docs.test.ts
 * keeps the two equal.
 */
export function functionTableMarkdown(): string {
  const rows = ['| function | what | domain | derivative | kinks |', '|---|---|---|---|---|'];
  for (const [name, rule] of Object.entries(FUNCTIONS) as [FunctionName, (typeof FUNCTIONS)[FunctionName]][]) {
    const args = rule.parameters ?? ARGUMENT_NAMES.slice(0, rule.arity);
    const terms: Term[] = args.map((a) => ({ k: 'input', ref: { name: a, indices: [] } }));
    const partials = rule.partials(...terms).map(printTerm);
    const derivative = partials.length === 1 ? `\`${partials[0]}\`` : partials.map((p, i) => `d/d${args[i]}: \`${p}\``).join(', ');
    const kinks = rule.kink === undefined ? 'none' : rule.kinkText ?? (rule.arity === 1 ? 'at x = 0' : 'where x = y');
    rows.push(`| \`${name}(${args.join(', ')})\` | ${SUMMARIES[name]} | ${rule.domain ?? 'every real'} | ${derivative} | ${kinks} |`);
  }
  return rows.join('\n');
}

/**
 * The Markdown table of the functions written through others (function-forms.ts),
 * for docs/syntax.md; the same test keeps the two equal.
 */
export function functionFormsMarkdown(): string {
  const rows = ['| written | is |', '|---|---|'];
  for (const [name, form] of Object.entries(FUNCTION_FORMS)) {
    rows.push(`| \`${name}(${ARGUMENT_NAMES.slice(0, form.arity).join(', ')})\` | ${form.what} |`);
  }
  return rows.join('\n');
}
