import type { Decimal } from 'decimal.js';
import type { Term } from '../model/index.ts';

/**
 * A running bound on the absolute error of a value the high-precision evaluator read, to first order, as a decimal
 * exponent: the value read is within 10^bound of the exact one. Sums add their terms' errors, products their relative
 * errors, and a function carries its argument's error by its slope: exp turns an absolute error into a relative one,
 * log a relative error into an absolute one, and sin, tanh or erf never grow one.
 *
 * The evaluator's own tests of a comparison read every sum's largest term as the error of the whole reading. That is
 * sound but blind to a value far below 1 whose error is relative: `exp(-w)` at w near 1e4 is 1.1e-4343 within a
 * relative 1e-116 at 120 digits, though `w - 1000` added terms of 1e4 on the way, and `exp(-w) >= 1.2e-4343` on
 * (1e3, 1e4) was verified, its failure just inside the end never called (probe 88's class).
 *
 * Undefined where no rule bounds the error: a function without one here, a value 0 or not finite where the bound
 * divides by it, or a relative error past 1e-10, where first order no longer holds.
 */
export function errorExponent(t: Term, valueOf: (t: Term) => Decimal, pointTerm: (t: Term) => Term | undefined, digits: number): number | undefined {
  const known = new Map<Term, number | undefined>();
  const rounding = (v: Decimal) => (v.isZero() ? -Infinity : v.e - digits + 2);
  // A value read from exact ones is exact where it is a whole number the digits hold (0 * x + 1, a comparison's 0 or 1).
  const exactOr = (v: Decimal, error: number) => (error === -Infinity && v.isInteger() && v.e < digits - 2 ? -Infinity : sumOfExponents([error, rounding(v)]));
  // The relative error of a value, as an exponent: undefined for a value 0 or past first order.
  const relative = (u: Term): number | undefined => {
    const error = bound(u);
    const v = valueOf(u);
    if (error === undefined || !v.isFinite()) return undefined;
    if (error === -Infinity) return -Infinity;
    if (v.isZero()) return undefined;
    const r = error - v.e;
    return r < -10 ? r : undefined;
  };
  const bound = (u: Term): number | undefined => {
    if (known.has(u)) return known.get(u);
    const found = rule(u);
    known.set(u, found);
    return found;
  };
  const rule = (u: Term): number | undefined => {
    const v = valueOf(u);
    if (!v.isFinite()) return undefined;
    switch (u.k) {
      case 'num': return u.value.den === 1n && v.e < digits - 2 ? -Infinity : rounding(v);
      case 'pi': return rounding(v);
      case 'input': {
        const term = pointTerm(u);
        return term === undefined ? rounding(v) : bound(term);
      }
      case 'add': {
        const errors = u.terms.map(bound);
        if (errors.some((e) => e === undefined)) return undefined;
        return exactOr(v, sumOfExponents(errors as number[]));
      }
      case 'mul': {
        if (u.factors.some((f) => f.k === 'num' && f.value.num === 0n)) return v.isZero() ? -Infinity : undefined;
        const rel = u.factors.map(relative);
        if (rel.some((r) => r === undefined)) return undefined;
        if (rel.every((r) => r === -Infinity)) return exactOr(v, -Infinity);
        return v.isZero() ? undefined : sumOfExponents([v.e + 1 + sumOfExponents(rel as number[]), rounding(v)]);
      }
      case 'pow': {
        // b^x: a relative error r in b is |x| r in the power, an absolute error e in x is |log b| e.
        const [base, exponent] = [valueOf(u.base), valueOf(u.exponent)];
        const [rb, ex] = [relative(u.base), bound(u.exponent)];
        if (rb === undefined || ex === undefined || v.isZero() || !base.isFinite() || base.isZero() || !exponent.isFinite()) return undefined;
        // |log b| from the base's double, or from its exponent where it has none: a log at 960 digits takes tens of ms.
        const b = Math.abs(base.toNumber());
        // (The double's own rounding, 2^-52 relative, is the slack: b = 1 + 1e-100 reads log b = 0.)
        const logOfBase = b > 0 && Number.isFinite(b) ? Math.abs(Math.log(b)) + 2 ** -52 : (Math.abs(base.e) + 1) * Math.LN10;
        const r = sumOfExponents([rb + log10(exponent.abs().toNumber()), ex + log10(logOfBase)]);
        return r < -10 ? v.e + 1 + r : undefined;
      }
      case 'fn': return functionError(u, v);
      // A comparison's value is its call, exact where the evaluator made one (it throws where it cannot).
      case 'cmp': return v.isZero() || v.eq(1) ? -Infinity : undefined;
      default: return undefined;
    }
  };
  const functionError = (u: Extract<Term, { k: 'fn' }>, v: Decimal): number | undefined => {
    if (u.args.length !== 1) return undefined;
    const argument = valueOf(u.args[0]);
    const e = bound(u.args[0]);
    if (e === undefined || !argument.isFinite()) return undefined;
    const carried = (() => {
      switch (u.name) {
        // d exp(x) = exp(x) dx: the argument's absolute error is the value's relative one.
        case 'exp': return e < -10 && !v.isZero() ? v.e + 1 + e : undefined;
        // d log(x) = dx / x: the argument's relative error is the value's absolute one.
        case 'log': return relative(u.args[0]);
        case 'sqrt': {
          const r = relative(u.args[0]);
          return r === undefined || v.isZero() ? undefined : v.e + 1 + r;
        }
        // Slopes at most 1 in size (erf's 2/sqrt(pi) < 1.13, the normal density's at most 0.25).
        case 'sin': case 'cos': case 'tanh': case 'atan': case 'sigmoid': case 'softplus': case 'abs': case 'relu': case 'phi': case 'Phi':
          return e;
        case 'erf': case 'erfc': return e + 0.06;
        // |sinh'| and |cosh'| are at most cosh, at most the value's size and 1.
        case 'sinh': case 'cosh': return (v.isZero() ? 0 : Math.max(v.e + 1, 0)) + 0.31 + e;
        default: return undefined;
      }
    })();
    // A function's own reading, by decimal.js or by a series of ours, may lose a few of the digits.
    return carried === undefined ? undefined : sumOfExponents([carried, v.isZero() ? -Infinity : v.e - digits + FUNCTION_DIGITS_LOST]);
  };
  return bound(t);
}

/** The digits a function's reading may lose to its own rounding, at most. */
const FUNCTION_DIGITS_LOST = 20;

/** log10 of the sum of 10^e over the exponents, from above. */
function sumOfExponents(exponents: readonly number[]): number {
  const top = Math.max(...exponents);
  return top === -Infinity ? -Infinity : top + Math.log10(exponents.length);
}

function log10(x: number): number {
  return x === 0 ? -Infinity : Math.log10(x);
}
