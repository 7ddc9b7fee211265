import { Decimal } from 'decimal.js';
import { compare, FUNCTIONS, printRef, toPrecise, type Term } from '../model/index.ts';

/**
 * 60-digit decimal arithmetic (decimal.js, the library mathjs's BigNumber wraps),
 * a clone of its own so no other user's settings can change it. It never sees text from a file.
 */
const Big = Decimal.clone({ precision: 60 });

export type HighPrecisionValue = Decimal;

/** The significant digits of the evaluation: a difference above 10^-(DIGITS - 20) of the scale is real. */
export const DIGITS = 60;

/**
 * Evaluates an expanded term (no sums, indices all numbers) at a point in
 * 60-digit decimal arithmetic. Used to confirm a symbolic refutation at a
 * concrete input even when the two sides differ by 1e-12 of their size, far
 * below what double-precision finite differences can see.
 */
export function evaluateHighPrecision(term: Term, point: ReadonlyMap<string, number>): Decimal {
  const one = new Big(1);
  const go = (t: Term): Decimal => {
    switch (t.k) {
      case 'num': return new Big(t.value.num.toString()).div(new Big(t.value.den.toString()));
      case 'pi': return Big.acos(-1);
      case 'input': {
        const v = point.get(printRef(t.ref));
        if (v === undefined) throw new Error(`internal: no value for ${printRef(t.ref)}`);
        return toPrecise(Big, v);
      }
      case 'add': return t.terms.reduce((acc, x) => acc.plus(go(x)), new Big(0));
      case 'mul': return t.factors.reduce((acc, x) => acc.times(go(x)), one);
      case 'pow': return go(t.base).pow(go(t.exponent));
      case 'fn': return FUNCTIONS[t.name].precise(Big, ...t.args.map(go));
      case 'cmp':
        return compare(t.op, go(t.a).cmp(go(t.b)), 0) ? one : new Big(0);
      case 'extremum': {
        const values = t.terms.map(go);
        return t.op === 'max' ? Big.max(...values) : Big.min(...values);
      }
      default:
        throw new Error(`internal: high-precision evaluation of an unexpanded term (${t.k})`);
    }
  };
  return go(term);
}

/** Whether two high-precision values differ by more than their evaluation could explain. */
export function clearlyDifferent(a: Decimal, b: Decimal): boolean {
  if (!a.isFinite() || !b.isFinite()) return false;
  const scale = Big.max(a.abs(), b.abs(), new Big(1e-300));
  return a.minus(b).abs().gt(scale.times(new Big(`1e-${DIGITS - 20}`)));
}
