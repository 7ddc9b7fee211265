import { constantFraction, inputNames, shownApart, type Term } from '../model/index.ts';
import type { Decimal } from 'decimal.js';
import { expandAt } from './expand.ts';
import { evaluateHighPrecision, type Magnitudes } from './high-precision.ts';

/**
 * A bound between two constants that no 60-digit reading could call: the Taylor sum of exp(-50) to 300 terms against
 * exp(-50), apart by 2.3e-106 after 42 digits cancel (probe 93: an error). Its two expressions are read with digits
 * raised until they stand apart beyond the rounding of their largest parts, and again at twice those digits: where
 * it holds there, the bound holds, as far as that arithmetic shows. Undefined where the step is no bound of constants or no reading sets its sides apart.
 */
export interface ConstantBound {
  readonly holds: boolean;
  readonly lhs: string;
  readonly rhs: string;
  readonly difference: string;
  readonly digits: number;
}

/** The digits a constant bound is first read to, doubling up to the most. */
const FIRST_DIGITS = 120;
const MAX_DIGITS = 960;
/** Digits a difference must stand clear of the rounding of the largest part read by. */
const CLEAR = 20;

export function constantBound(lhs: Term, rhs: Term): ConstantBound | undefined {
  // The step as relation-steps.ts writes it: the comparison's 0/1 value against 1, beside the line above's domain.
  const [cmp, other] = lhs.k === 'cmp' ? [lhs, rhs] : rhs.k === 'cmp' ? [rhs, lhs] : [undefined, undefined];
  if (cmp?.k !== 'cmp' || !['<', '<=', '>', '>='].includes(cmp.op)) return undefined;
  // The line above's domain rides along as 0 * (line above) + 1: the 1 is what the comparison is set against.
  const kept = other!.k === 'add' ? other!.terms.filter((t) => !(t.k === 'mul' && t.factors.some((f) => f.k === 'num' && f.value.num === 0n))) : [other!];
  const one = kept.length === 1 ? constantFraction(kept[0]) : undefined;
  if (one === undefined || one.num !== one.den) return undefined;
  if (inputNames(cmp.a).size > 0 || inputNames(cmp.b).size > 0) return undefined;
  let sides: [Term, Term];
  try {
    // Sums over fixed ranges written out: the high-precision reading takes scalar expressions only.
    const nothing = { sizes: new Map(), indices: new Map(), labels: new Map(), hot: new Map() };
    sides = [expandAt(cmp.a, nothing, new Map()), expandAt(cmp.b, nothing, new Map())];
  } catch {
    return undefined; // a size or an index the step reads: not a constant
  }
  const read = readApart(...sides);
  if (read === undefined) return undefined;
  const difference = read.lhs.minus(read.rhs);
  const holds = cmp.op === '<' || cmp.op === '<=' ? difference.isNeg() : difference.isPos();
  return { holds, ...shownApart(read.lhs, read.rhs), digits: read.digits };
}

/**
 * The two constants read at digits doubling from {@link FIRST_DIGITS}, until their difference stands {@link CLEAR}
 * digits above the rounding of the largest part either reading took, and is the same to ten digits at twice those
 * digits; undefined where no reading up to {@link MAX_DIGITS} does that.
 */
function readApart(a: Term, b: Term): { lhs: Decimal; rhs: Decimal; digits: number } | undefined {
  const at = (digits: number) => {
    const magnitudes: Magnitudes = { largest: -Infinity, lost: 0 };
    try {
      const [l, r] = [evaluateHighPrecision(a, new Map(), digits, magnitudes), evaluateHighPrecision(b, new Map(), digits, magnitudes)];
      if (!l.isFinite() || !r.isFinite()) return undefined;
      const difference = l.minus(r);
      const clear = !difference.isZero() && difference.e > magnitudes.largest - digits + CLEAR + magnitudes.lost;
      return { lhs: l, rhs: r, difference, clear };
    } catch {
      return undefined;
    }
  };
  for (let digits = FIRST_DIGITS; digits <= MAX_DIGITS; digits *= 2) {
    const first = at(digits);
    if (first === undefined) return undefined;
    if (!first.clear) continue;
    const again = at(2 * digits);
    if (again === undefined || !again.clear) return undefined;
    const drift = again.difference.minus(first.difference).abs();
    return drift.lte(again.difference.abs().times('1e-10')) ? { lhs: again.lhs, rhs: again.rhs, digits: 2 * digits } : undefined;
  }
  return undefined;
}
