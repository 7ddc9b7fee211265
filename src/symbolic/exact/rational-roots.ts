import { gcdBig, Rational } from './rational.ts';

/**
 * Rational roots of a polynomial in one variable with rational coefficients, given lowest
 * degree first: the rational root theorem (p / q, p dividing the constant coefficient and q the
 * leading one, of the polynomial scaled to whole coefficients) and synthetic division.
 */

/** The largest |coefficient| whose divisors are tried as roots. */
const MAX_ROOT_SEARCH = 1_000_000n;
/** The most candidate roots p / q tried (each at both signs). */
const MAX_ROOT_CANDIDATES = 10_000;

/**
 * A rational root of P (degree at least 1, its top coefficient not 0): 0 where its constant
 * coefficient is 0, else the first candidate of the theorem that is one; null where P has no
 * rational root; undefined where its coefficients are too large to search.
 */
export function rationalRoot(p: readonly Rational[]): Rational | null | undefined {
  if (p[0].isZero()) return Rational.ZERO;
  const whole = integerCoefficients(p);
  const a0 = abs(whole[0]);
  const an = abs(whole[whole.length - 1]);
  if (a0 > MAX_ROOT_SEARCH || an > MAX_ROOT_SEARCH) return undefined;
  const tops = divisors(a0);
  const bottoms = divisors(an);
  if (tops.length * bottoms.length > MAX_ROOT_CANDIDATES) return undefined;
  for (const top of tops) {
    for (const bottom of bottoms) {
      for (const candidate of [Rational.of(top, bottom), Rational.of(-top, bottom)]) {
        if (valueAt(p, candidate).isZero()) return candidate;
      }
    }
  }
  return null;
}

/** P / (x - r), for a root r of P (synthetic division), its top coefficient not 0. */
export function dividedByRoot(p: readonly Rational[], r: Rational): Rational[] {
  const n = degree(p);
  const out: Rational[] = new Array(Math.max(1, n)).fill(Rational.ZERO);
  let carry = Rational.ZERO;
  for (let i = n; i >= 1; i--) {
    carry = carry.mul(r).add(p[i]);
    out[i - 1] = carry;
  }
  return out.slice(0, Math.max(1, degree(out) + 1));
}

/** P at x, by Horner's rule. */
function valueAt(p: readonly Rational[], x: Rational): Rational {
  let acc = Rational.ZERO;
  for (let i = p.length - 1; i >= 0; i--) acc = acc.mul(x).add(p[i]);
  return acc;
}

function degree(p: readonly Rational[]): number {
  for (let i = p.length - 1; i >= 0; i--) if (!p[i].isZero()) return i;
  return -1;
}

function integerCoefficients(p: readonly Rational[]): bigint[] {
  const lcm = p.reduce((acc, c) => acc / gcdBig(acc, c.den) * c.den, 1n);
  return p.map((c) => c.num * (lcm / c.den));
}

function abs(x: bigint): bigint {
  return x < 0n ? -x : x;
}

/** The positive divisors of n > 0, in increasing order. */
function divisors(n: bigint): bigint[] {
  const small: bigint[] = [];
  const large: bigint[] = [];
  for (let d = 1n; d * d <= n; d++) {
    if (n % d !== 0n) continue;
    small.push(d);
    if (d * d !== n) large.unshift(n / d);
  }
  return [...small, ...large];
}
