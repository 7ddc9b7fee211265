import { factorialValue } from './gamma-function.ts';
import { add, div, fn, mul, num, pow } from './term-builders.ts';
import { someSubterm } from './term-queries.ts';
import { mapChildren } from './term-traversal.ts';
import type { Term } from './term.ts';

/**
 * Abstract functions (`given f: function`, `given F: function(x, y)`): a step
 * about f must hold for every smooth function of its real arguments. The exact
 * engines read `f(E)`, `f'(E)`, `F_x(A, B)`, ... as atoms of their own, so what
 * they prove holds for every f. The numbers need a function to evaluate: each
 * abstract function is held as the parameters of one function of a family drawn
 * like any input; of one argument
 *
 *   f(u) = c0 + c1 u + c2 u^2 / 2 + c3 u^3 / 6 + a sin(b u + phi) + d tanh(e u + psi),
 *
 * and of k arguments the same with every monomial of degree up to 3 (u^m / m!)
 * and the wave and the step of a linear form (b . u + phi): a polynomial, a
 * wave and a step, whose partial derivatives of every order are written out
 * exactly. Any member is a smooth function, so a step that fails for one is
 * refuted for certain; a step that holds for every member drawn is verified
 * (never proved by the numbers alone). Bounded parts keep the values of doubles:
 * no exp(e u) to overflow at u = 1e3.
 */

/** The family of one argument, as text for messages and docs. */
export const FUNCTION_FAMILY = 'c0 + c1 u + c2 u^2/2 + c3 u^3/6 + a sin(b u + phi) + d tanh(e u + psi)';

/** How many arguments an abstract function may take. */
export const MAX_FUNCTION_ARITY = 4;

/** The highest derivative of an abstract function a step may take: `f^(8)` has terms enough for any textbook. */
export const MAX_FUNCTION_ORDER = 8;

/** The exponents of every monomial of degree up to 3 in k variables, by degree, then in order. */
function monomials(k: number): number[][] {
  const out: number[][] = [];
  // The exponents of the variables still to place, `left` of the degree still to give them.
  const build = (prefix: number[], left: number): void => {
    if (prefix.length === k) { if (left === 0) out.push(prefix); return; }
    for (let e = left; e >= 0; e--) build([...prefix, e], left - e);
  };
  for (let degree = 0; degree <= 3; degree++) build([], degree);
  return out;
}

/** Where each parameter of a family of k arguments sits. */
interface Layout {
  readonly monomials: readonly (readonly number[])[];
  /** Offsets of a, b_1..b_k, phi, d, e_1..e_k, psi. */
  readonly a: number; readonly b: number; readonly phi: number; readonly d: number; readonly e: number; readonly psi: number;
  readonly count: number;
}

/** One layout per arity: instanceValue reads it at every evaluation of an atom. */
const layouts = new Map<number, Layout>();

function layoutOf(k: number): Layout {
  let l = layouts.get(k);
  if (l === undefined) {
    const m = monomials(k);
    const a = m.length;
    layouts.set(k, (l = { monomials: m, a, b: a + 1, phi: a + 1 + k, d: a + 2 + k, e: a + 3 + k, psi: a + 3 + 2 * k, count: a + 4 + 2 * k }));
  }
  return l;
}

/** How many numbers hold an abstract function of `arity` arguments (10 for one). */
export function functionParameterCount(arity = 1): number {
  return layoutOf(arity).count;
}

/** Where each parameter is drawn from (uniform over [-r, r], shrinking toward 0), in order. */
export function functionParameterRanges(arity = 1): number[] {
  const l = layoutOf(arity);
  return Array.from({ length: l.count }, (_, p) => (p >= l.b && p < l.phi ? 3 : p === l.phi ? 3.2 : p >= l.e && p < l.psi ? 3 : 2));
}

const parameter = (name: string, p: number): Term => ({ k: 'input', ref: { name, indices: [{ k: 'lit', value: p + 1 }] } });

/**
 * The coefficients of the polynomial P_m with (d/du)^m tanh(u) = P_m(tanh u):
 * P_0 = T, P_{m+1} = P_m'(T) (1 - T^2). Entry j is the coefficient of T^j.
 */
export function tanhDerivativePolynomial(order: number): readonly number[] {
  while (tanhPolynomials.length <= order) {
    const p = tanhPolynomials[tanhPolynomials.length - 1];
    const derivative = p.slice(1).map((c, j) => c * (j + 1));
    const next = new Array<number>(derivative.length + 2).fill(0);
    derivative.forEach((c, j) => { next[j] += c; next[j + 2] -= c; });
    tanhPolynomials.push(next);
  }
  return tanhPolynomials[order];
}

/** P_0, P_1, ... as far as asked for so far. */
const tanhPolynomials: number[][] = [[0, 1]];

/**
 * The partial derivative of the abstract function `name` of orders `orders`
 * (one per argument) at `args`, as a term over the entries of the input that
 * holds its parameters (`f[1]`, `f[2]`, ...).
 */
export function instanceTerm(name: string, orders: readonly number[], args: readonly Term[]): Term {
  const l = layoutOf(args.length);
  const c = (p: number) => parameter(name, p);
  const total = orders.reduce((s, o) => s + o, 0);
  const parts: Term[] = [];
  l.monomials.forEach((m, p) => {
    if (m.some((e, i) => e < orders[i])) return;
    // d^o (u^m / m!) = u^(m - o) / (m - o)!
    const left = m.map((e, i) => e - orders[i]);
    parts.push(div(mul(c(p), ...left.map((e, i) => pow(args[i], num(e)))), num(left.reduce((f, e) => f * factorialValue(e), 1))));
  });
  const linear = (at: number, shift: number) => add(...args.map((u, i) => mul(c(at + i), u)), c(shift));
  // sin^(m)(v) = sin(v + m pi / 2): sin, cos, -sin, -cos; each argument's order brings its coefficient.
  const phase = total % 4;
  const wave = fn(phase % 2 === 0 ? 'sin' : 'cos', linear(l.b, l.phi));
  const scale = (at: number) => orders.map((o, i) => pow(c(at + i), num(o)));
  parts.push(mul(num(phase >= 2 ? -1 : 1), c(l.a), ...scale(l.b), wave));
  const t = fn('tanh', linear(l.e, l.psi));
  const poly = tanhDerivativePolynomial(total).map((coef, j) => (coef === 0 ? undefined : mul(num(coef), pow(t, num(j))))).filter((x): x is Term => x !== undefined);
  parts.push(mul(c(l.d), ...scale(l.e), add(...poly)));
  return add(...parts);
}

/** The same in doubles, for an atom's value: `params` are the numbers the input holds. */
export function instanceValue(params: readonly number[], orders: readonly number[], u: readonly number[]): number {
  const l = layoutOf(u.length);
  const total = orders.reduce((s, o) => s + o, 0);
  let value = 0;
  l.monomials.forEach((m, p) => {
    if (m.some((e, i) => e < orders[i])) return;
    let term = params[p];
    m.forEach((e, i) => { term *= u[i] ** (e - orders[i]) / factorialValue(e - orders[i]); });
    value += term;
  });
  const linear = (at: number, shift: number) => u.reduce((s, x, i) => s + params[at + i] * x, params[shift]);
  const scale = (at: number) => orders.reduce((s, o, i) => s * params[at + i] ** o, 1);
  const phase = total % 4;
  const v = linear(l.b, l.phi);
  value += (phase >= 2 ? -1 : 1) * params[l.a] * scale(l.b) * (phase % 2 === 0 ? Math.sin(v) : Math.cos(v));
  const t = Math.tanh(linear(l.e, l.psi));
  value += params[l.d] * scale(l.e) * tanhDerivativePolynomial(total).reduce((s, coef, j) => s + coef * t ** j, 0);
  return value;
}

/** The names of the variables of a member's formula: u, v, w, then u1, u2, ... */
export function variableNames(k: number): string[] {
  return k <= 3 ? ['u', 'v', 'w'].slice(0, k) : Array.from({ length: k }, (_, i) => `u${i + 1}`);
}

/** The function a counterexample used, as a formula in u (u, v for two arguments) with its parameters rounded for reading. */
export function describeInstance(params: readonly number[], arity = 1): string {
  const l = layoutOf(arity);
  const names = variableNames(arity);
  const linear = (at: number, shift: number) => signedSum([...names.map((n, i): [number, string] => [params[at + i], n]), [params[shift], '']]);
  const parts: [number, string][] = l.monomials.map((m, p) => [
    params[p] / m.reduce((f, e) => f * factorialValue(e), 1),
    m.map((e, i) => (e === 0 ? '' : e === 1 ? names[i] : `${names[i]}^${e}`)).filter((x) => x !== '').join(' '),
  ]);
  parts.push([params[l.a], `sin(${linear(l.b, l.phi)})`], [params[l.d], `tanh(${linear(l.e, l.psi)})`]);
  return signedSum(parts);
}

/** Coefficients times texts as a sum a person reads: 4 significant digits, no 0 terms, no 1 factors, `- 2 u` for `+ -2 u`. */
function signedSum(parts: readonly (readonly [number, string])[]): string {
  let text = '';
  for (const [coef, what] of parts) {
    const c = Number(coef.toPrecision(4));
    if (c === 0) continue;
    const magnitude = Math.abs(c);
    const term = what === '' ? String(magnitude) : magnitude === 1 ? what : `${magnitude} ${what}`;
    text += text === '' ? (c < 0 ? `-${term}` : term) : ` ${c < 0 ? '-' : '+'} ${term}`;
  }
  return text === '' ? '0' : text;
}

/** The term with every abstract function read as the member of the family its parameters pick. */
export function instantiateFunctions(term: Term): Term {
  const go = (t: Term): Term => (t.k === 'apply' ? instanceTerm(t.name, t.orders, t.args.map(go)) : mapChildren(t, go));
  return hasApply(term) ? go(term) : term;
}

/**
 * How deeply abstract functions nest in a term (f(g(x)) is 2). The numbers read
 * each through a member that holds its argument five times, so the work grows
 * fivefold a level: {@link MAX_FUNCTION_NESTING} bounds it.
 */
export function applyDepth(term: Term): number {
  let deepest = 0;
  mapChildren(term, (c) => { deepest = Math.max(deepest, applyDepth(c)); return c; });
  return term.k === 'apply' ? deepest + 1 : deepest;
}

/** The deepest nesting of abstract functions a step may hold: f(g(h(k(x)))) is checked in about a second. */
export const MAX_FUNCTION_NESTING = 4;

/** Whether a term applies an abstract function anywhere. */
export function hasApply(term: Term): boolean {
  return someSubterm(term, (t) => t.k === 'apply');
}
