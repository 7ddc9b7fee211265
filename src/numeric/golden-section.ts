import { Decimal } from 'decimal.js';

const D = Decimal.clone({ precision: 70 });
const GOLDEN = new D(5).sqrt().minus(1).div(2);
/** Sections at most: each keeps 0.618 of the bracket, so 240 take it below 1e-50 of its width. */
const MAX_SECTIONS = 240;

/**
 * Where `measure` is largest on [lo, hi], by golden sections until the bracket is narrower than `width`: its middle
 * then. Undefined where `measure` has no value at a point read. The measure is taken to have one peak in the bracket
 * (the callers choose the bracket between a grid's neighbours of its largest value).
 */
export function goldenPeak(measure: (t: Decimal) => Decimal | undefined, lo: Decimal, hi: Decimal, width: Decimal): Decimal | undefined {
  let x1 = hi.minus(hi.minus(lo).times(GOLDEN));
  let x2 = lo.plus(hi.minus(lo).times(GOLDEN));
  let v1 = measure(x1);
  let v2 = measure(x2);
  for (let k = 0; k < MAX_SECTIONS && hi.minus(lo).gt(width); k++) {
    if (v1 === undefined || v2 === undefined) return undefined;
    if (v1.gte(v2)) {
      hi = x2; x2 = x1; v2 = v1;
      x1 = hi.minus(hi.minus(lo).times(GOLDEN));
      v1 = measure(x1);
    } else {
      lo = x1; x1 = x2; v1 = v2;
      x2 = lo.plus(hi.minus(lo).times(GOLDEN));
      v2 = measure(x2);
    }
  }
  return lo.plus(hi).div(2);
}
