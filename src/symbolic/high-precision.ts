import { all, create } from 'mathjs';
import { compare, printRef, type Term } from '../model/index.ts';

/**
 * The engine's own full mathjs instance, used only for its BigNumber (decimal.js)
 * arithmetic at 60 significant digits. It never sees text from a file.
 */
const math = create(all, { number: 'BigNumber', precision: 60 });
const Big = math.bignumber(0).constructor as unknown as DecimalConstructor;

interface Decimal {
  plus(o: Decimal): Decimal; minus(o: Decimal): Decimal; times(o: Decimal): Decimal; div(o: Decimal): Decimal;
  pow(o: Decimal): Decimal; neg(): Decimal; abs(): Decimal; exp(): Decimal; ln(): Decimal; sqrt(): Decimal;
  tanh(): Decimal; sin(): Decimal; cos(): Decimal; isNeg(): boolean; isZero(): boolean; isFinite(): boolean; isNaN(): boolean;
  cmp(o: Decimal): number; toNumber(): number; toSignificantDigits(d: number): Decimal; toString(): string;
  lte(o: Decimal): boolean; gt(o: Decimal): boolean;
}
interface DecimalConstructor { new(v: string | number): Decimal; max(...v: Decimal[]): Decimal; }

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
      case 'pi': return new Big(math.pi.toString());
      case 'input': {
        const v = point.get(printRef(t.ref));
        if (v === undefined) throw new Error(`internal: no value for ${printRef(t.ref)}`);
        return new Big(v);
      }
      case 'add': return t.terms.reduce((acc, x) => acc.plus(go(x)), new Big(0));
      case 'mul': return t.factors.reduce((acc, x) => acc.times(go(x)), one);
      case 'pow': return go(t.base).pow(go(t.exponent));
      case 'fn': {
        const a = t.args.map(go);
        switch (t.name) {
          case 'exp': return a[0].exp();
          case 'log': return a[0].ln();
          case 'sqrt': return a[0].sqrt();
          case 'tanh': return a[0].tanh();
          case 'sigmoid': return one.div(one.plus(a[0].neg().exp()));
          case 'softplus': return one.plus(a[0].exp()).ln();
          case 'relu': return a[0].isNeg() ? new Big(0) : a[0];
          case 'abs': return a[0].abs();
          case 'max': return a[0].cmp(a[1]) >= 0 ? a[0] : a[1];
          case 'min': return a[0].cmp(a[1]) <= 0 ? a[0] : a[1];
          case 'sin': return a[0].sin();
          case 'cos': return a[0].cos();
        }
        throw new Error(`internal: no high-precision rule for ${(t as { name: string }).name}`);
      }
      case 'cmp':
        return compare(t.op, go(t.a).cmp(go(t.b)), 0) ? one : new Big(0);
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
