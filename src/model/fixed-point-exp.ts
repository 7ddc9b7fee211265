import { Decimal } from 'decimal.js';
import { fastExpAnyDigits } from './fixed-point-elementary.ts';

/**
 * exp(y) in the precision of D: fixedPointExp where it is accurate past D's
 * digits (up to 70, rounding half up, as the 60-digit evaluator works), else
 * fastExpAnyDigits (fixed-point-elementary.ts), correctly rounded as decimal.js's own. Both are within an ulp or two of D: the
 * evaluator's bound for exp (two units of round-off) holds for either.
 */
export function fastExp(a: Decimal, D: typeof Decimal): Decimal {
  if (D.precision <= FAST_DIGITS && D.rounding === Decimal.ROUND_HALF_UP && a.isFinite() && a.abs().lt(1e6)) return fixedPointExp(a, D);
  return fastExpAnyDigits(a);
}

/** The most digits fastExp computes in fixed point: its 320 bits hold some 90. */
const FAST_DIGITS = 70;

/**
 * exp(y) to about 80 significant digits, in binary fixed point with BigInt: the
 * quadrature's node tables need two exponentials a node at 70 digits, and
 * decimal.js's series takes a quarter of a millisecond for each (a table of
 * 1,200 nodes then costs 0.6 s of a run). Here y = n ln 2 + r, |r| <= ln 2 / 2,
 * and exp(r) is a short Taylor series of r / 2^10 squared ten times, in 320
 * fractional bits: the squarings multiply the series' relative error of 2^-310 by
 * 2^10, far below 1e-80.
 *
 * @param y - a finite value, |y| < 10^6
 * @param D - the Decimal class (and precision) to return in
 */
export function fixedPointExp(y: Decimal, D: typeof Decimal): Decimal {
  if (!y.isFinite() || y.abs().gte(1e6)) throw new RangeError(`fixedPointExp: y must be finite and below 1e6 in size, not ${y.toString()}`);
  if (y.isZero()) return new D(1);
  const { Wide, scale, LN2 } = constants();
  const Y = BigInt(new Wide(y).times(scale).toFixed(0));
  // n = round(Y / ln 2), towards the nearest: r in [-ln 2 / 2, ln 2 / 2].
  let n = Y / LN2;
  let R = Y - n * LN2;
  if (R > LN2 / 2n) { n += 1n; R -= LN2; } else if (R < -LN2 / 2n) { n -= 1n; R += LN2; }
  R >>= BigInt(SQUARINGS);
  let sum = ONE;
  let term = ONE;
  for (let k = 1n; term !== 0n; k++) {
    term = (term * R >> BITS) / k;
    sum += term;
  }
  for (let i = 0; i < SQUARINGS; i++) sum = sum * sum >> BITS;
  return new D(sum.toString()).times(powerOfTwo(Number(n) - Number(BITS), D));
}

const BITS = 320n;
const SQUARINGS = 10;
const ONE = 1n << BITS;

/** 2^320 and ln 2 in fixed point, computed on first use: a 120-digit log is 10 ms that start-up need not pay. */
let fixed: { readonly Wide: typeof Decimal; readonly scale: Decimal; readonly LN2: bigint } | undefined;

function constants(): NonNullable<typeof fixed> {
  if (fixed === undefined) {
    const Wide = Decimal.clone({ precision: 120 });
    const scale = new Wide(2).pow(Number(BITS));
    fixed = { Wide, scale, LN2: BigInt(Wide.ln(2).times(scale).toFixed(0)) };
  }
  return fixed;
}

const powers = new Map<string, Decimal>();

/** 2^e in D's precision, kept: a table's exponents repeat. */
function powerOfTwo(e: number, D: typeof Decimal): Decimal {
  const key = `${D.precision}:${e}`;
  let p = powers.get(key);
  if (p === undefined) {
    p = new D(2).pow(e);
    powers.set(key, p);
  }
  return p;
}
