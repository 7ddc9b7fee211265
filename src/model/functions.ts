import { div, fn, mul, num, pow, sub } from './term-builders.ts';
import type { FunctionName, Term } from './term.ts';

/**
 * Everything derivcheck knows about a function, in one entry: how many
 * arguments, its value on doubles, its partial derivatives as terms, and whether
 * it has kinks. Adding a function (say `softplus`) touches this table and one test.
 */
export interface FunctionRule {
  readonly arity: number;
  /** The value on doubles; NaN outside the domain. */
  readonly value: (...args: number[]) => number;
  /** The partial derivative with respect to each argument, almost everywhere. */
  readonly partials: (...args: Term[]) => Term[];
  /** The partial derivatives' values on doubles: how an error in an argument carries into the value. */
  readonly slopes: (...args: number[]) => number[];
  /**
   * Where the function is not differentiable, as the arguments' signed distance to
   * the kink (0 on it): random inputs keep a margin from it. Absent for smooth functions.
   */
  readonly kink?: (...args: number[]) => number;
  /** What the argument must be for a value to exist, for messages. */
  readonly domain?: string;
}

const cmp = (op: '>' | '<', a: Term, b: Term): Term => ({ k: 'cmp', op, a, b });

export const FUNCTIONS: Readonly<Record<FunctionName, FunctionRule>> = {
  exp: { arity: 1, slopes: (a) => [Math.exp(a)], value: Math.exp, partials: (a) => [fn('exp', a)] },
  log: { arity: 1, slopes: (a) => [1 / a], value: (a) => (a > 0 ? Math.log(a) : NaN), partials: (a) => [div(num(1), a)], domain: 'positive' },
  sqrt: {
    arity: 1, slopes: (a) => [0.5 / Math.sqrt(a)], value: (a) => (a >= 0 ? Math.sqrt(a) : NaN),
    partials: (a) => [div(num(1), mul(num(2), fn('sqrt', a)))], domain: 'non-negative',
  },
  tanh: { arity: 1, slopes: (a) => [1 - Math.tanh(a) ** 2], value: Math.tanh, partials: (a) => [sub(num(1), pow(fn('tanh', a), num(2)))] },
  sigmoid: {
    arity: 1, slopes: (a) => { const s = 1 / (1 + Math.exp(-a)); return [s * (1 - s)]; }, value: (a) => 1 / (1 + Math.exp(-a)),
    partials: (a) => [mul(fn('sigmoid', a), sub(num(1), fn('sigmoid', a)))],
  },
  softplus: {
    arity: 1, slopes: (a) => [1 / (1 + Math.exp(-a))], value: (a) => (a > 30 ? a + Math.log1p(Math.exp(-a)) : Math.log1p(Math.exp(a))),
    partials: (a) => [fn('sigmoid', a)],
  },
  relu: { arity: 1, slopes: (a) => [a > 0 ? 1 : 0], value: (a) => (a > 0 ? a : 0), partials: (a) => [cmp('>', a, num(0))], kink: (a) => a },
  abs: {
    arity: 1, slopes: (a) => [Math.sign(a)], value: Math.abs, partials: (a) => [sub(cmp('>', a, num(0)), cmp('<', a, num(0)))], kink: (a) => a,
  },
  max: {
    arity: 2, slopes: (a, b) => [a > b ? 1 : 0, a > b ? 0 : 1], value: Math.max, partials: (a, b) => [cmp('>', a, b), cmp('<', a, b)], kink: (a, b) => a - b,
  },
  min: {
    arity: 2, slopes: (a, b) => [a < b ? 1 : 0, a < b ? 0 : 1], value: Math.min, partials: (a, b) => [cmp('<', a, b), cmp('>', a, b)], kink: (a, b) => a - b,
  },
  sin: { arity: 1, slopes: (a) => [Math.cos(a)], value: Math.sin, partials: (a) => [fn('cos', a)] },
  cos: { arity: 1, slopes: (a) => [-Math.sin(a)], value: Math.cos, partials: (a) => [mul(num(-1), fn('sin', a))] },
};

export function isFunctionName(name: string): name is FunctionName {
  return Object.prototype.hasOwnProperty.call(FUNCTIONS, name);
}

/** Names of the language's built-ins that are not in the table: they have rules of their own. */
export const SPECIAL_FORMS = ['sum', 'delta', 'diff'] as const;

