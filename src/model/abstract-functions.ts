import { add, div, fn, mul, num, pow } from './term-builders.ts';
import { someSubterm } from './term-queries.ts';
import { mapChildren } from './term-traversal.ts';
import type { Term } from './term.ts';

/**
 * Abstract functions (`given f: function`): a step about f must hold for every
 * smooth function of one real argument. The exact engines read `f(E)`, `f'(E)`,
 * ... as atoms of their own, so what they prove holds for every f. The numbers
 * need a function to evaluate: each abstract function is held as the parameters
 * of one function of a family drawn like any input,
 *
 *   f(u) = c0 + c1 u + c2 u^2 / 2 + c3 u^3 / 6 + a sin(b u + phi) + d tanh(e u + psi),
 *
 * a polynomial, a wave and a step, whose derivatives of every order are written
 * out exactly. Any member is a smooth function, so a step that fails for one is
 * refuted for certain; a step that holds for every member drawn is verified
 * (never proved by the numbers alone). Bounded parts keep the values of doubles:
 * no exp(e u) to overflow at u = 1e3.
 */

/** How many numbers hold one abstract function: the parameters of {@link FUNCTION_FAMILY}. */
export const FUNCTION_PARAMETERS = 10;

/** The family, as text for messages and docs. */
export const FUNCTION_FAMILY = 'c0 + c1 u + c2 u^2/2 + c3 u^3/6 + a sin(b u + phi) + d tanh(e u + psi)';

/** Where each parameter is drawn from (uniform, shrinking toward 0): the i-th entry for parameter i + 1. */
export const FUNCTION_PARAMETER_RANGES: readonly number[] = [2, 2, 2, 2, 2, 3, 3.2, 2, 3, 2];

/** The highest derivative of an abstract function a step may take: `f^(8)` has terms enough for any textbook. */
export const MAX_FUNCTION_ORDER = 8;

const parameter = (name: string, p: number): Term => ({ k: 'input', ref: { name, indices: [{ k: 'lit', value: p + 1 }] } });

/**
 * The coefficients of the polynomial P_m with (d/du)^m tanh(u) = P_m(tanh u):
 * P_0 = T, P_{m+1} = P_m'(T) (1 - T^2). Entry j is the coefficient of T^j.
 */
export function tanhDerivativePolynomial(order: number): number[] {
  let p = [0, 1];
  for (let m = 0; m < order; m++) {
    const derivative = p.slice(1).map((c, j) => c * (j + 1));
    const next = new Array<number>(derivative.length + 2).fill(0);
    derivative.forEach((c, j) => { next[j] += c; next[j + 2] -= c; });
    p = next;
  }
  return p;
}

function factorial(k: number): number {
  let r = 1;
  for (let i = 2; i <= k; i++) r *= i;
  return r;
}

/**
 * The `order`-th derivative of the abstract function `name` at `arg`, as a term
 * over the entries of the input that holds its parameters (`f[1]` .. `f[10]`).
 */
export function instanceTerm(name: string, order: number, arg: Term): Term {
  const c = (p: number) => parameter(name, p);
  const parts: Term[] = [];
  for (let k = order; k <= 3; k++) parts.push(div(mul(c(k), pow(arg, num(k - order))), num(factorial(k - order))));
  // sin^(m)(v) = sin(v + m pi / 2): sin, cos, -sin, -cos.
  const phase = order % 4;
  const wave = fn(phase % 2 === 0 ? 'sin' : 'cos', add(mul(c(5), arg), c(6)));
  parts.push(mul(num(phase >= 2 ? -1 : 1), c(4), pow(c(5), num(order)), wave));
  const t = fn('tanh', add(mul(c(8), arg), c(9)));
  const poly = tanhDerivativePolynomial(order).map((coef, j) => (coef === 0 ? undefined : mul(num(coef), pow(t, num(j))))).filter((x): x is Term => x !== undefined);
  parts.push(mul(c(7), pow(c(8), num(order)), add(...poly)));
  return add(...parts);
}

/** The same in doubles, for an atom's value: `params` are the ten numbers the input holds. */
export function instanceValue(params: readonly number[], order: number, u: number): number {
  const [c0, c1, c2, c3, a, b, phi, d, e, psi] = params;
  const poly = [c0, c1, c2, c3];
  let value = 0;
  for (let k = order; k <= 3; k++) value += (poly[k] * u ** (k - order)) / factorial(k - order);
  const v = b * u + phi;
  const phase = order % 4;
  value += (phase >= 2 ? -1 : 1) * a * b ** order * (phase % 2 === 0 ? Math.sin(v) : Math.cos(v));
  const t = Math.tanh(e * u + psi);
  value += d * e ** order * tanhDerivativePolynomial(order).reduce((s, coef, j) => s + coef * t ** j, 0);
  return value;
}

/** The function a counterexample used, as a formula in u with its parameters rounded for reading. */
export function describeInstance(params: readonly number[]): string {
  const r = (x: number) => Number(x.toPrecision(4));
  const [c0, c1, c2, c3, a, b, phi, d, e, psi] = params;
  const linear = (slope: number, offset: number) => {
    const s = r(slope);
    const head = s === 0 ? '' : s === 1 ? 'u' : s === -1 ? '-u' : `${s} u`;
    const o = r(offset);
    return o === 0 ? head || '0' : head ? `${head} ${o < 0 ? '-' : '+'} ${Math.abs(o)}` : String(o);
  };
  const parts: [number, string][] = [[c0, ''], [c1, 'u'], [c2 / 2, 'u^2'], [c3 / 6, 'u^3'],
    [a, `sin(${linear(b, phi)})`], [d, `tanh(${linear(e, psi)})`]];
  let text = '';
  for (const [coef, what] of parts) {
    const c = r(coef);
    if (c === 0) continue;
    const magnitude = Math.abs(c);
    const term = what === '' ? String(magnitude) : magnitude === 1 ? what : `${magnitude} ${what}`;
    text += text === '' ? (c < 0 ? `-${term}` : term) : ` ${c < 0 ? '-' : '+'} ${term}`;
  }
  return text === '' ? '0' : text;
}

/** The term with every abstract function read as the member of the family its parameters pick. */
export function instantiateFunctions(term: Term): Term {
  const go = (t: Term): Term => (t.k === 'apply' ? instanceTerm(t.name, t.order, go(t.arg)) : mapChildren(t, go));
  return hasApply(term) ? go(term) : term;
}

/** Whether a term applies an abstract function anywhere. */
export function hasApply(term: Term): boolean {
  return someSubterm(term, (t) => t.k === 'apply');
}
