/**
 * Exact rational numbers on BigInt. The symbolic checker must decide "is this
 * exactly zero", so no value in this module ever passes through a float.
 */

/** Decimal exponents beyond this are refused: `1e1000000000` would hang BigInt. */
const MAX_DECIMAL_EXPONENT = 10_000;

function absBig(a: bigint): bigint {
  return a < 0n ? -a : a;
}

/** Euclid on magnitudes; `gcd(0, 0) = 0`. */
export function gcdBig(a: bigint, b: bigint): bigint {
  a = absBig(a);
  b = absBig(b);
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/** Upper bound on the bit length, within 3 bits; only used to pick a scaling shift. */
function approxBitLength(a: bigint): number {
  return a === 0n ? 0 : a.toString(16).length * 4;
}

/** `x * 2^e` without the intermediate power overflowing to 0 or Infinity. */
function ldexp(x: number, e: number): number {
  while (e > 1000) {
    x *= 2 ** 1000;
    e -= 1000;
    if (!Number.isFinite(x)) return x;
  }
  while (e < -1000) {
    x *= 2 ** -1000;
    e += 1000;
    if (x === 0) return x;
  }
  return x * 2 ** e;
}

/**
 * An immutable exact rational `num / den` with `den > 0` and `gcd(num, den) = 1`,
 * so structural equality is numeric equality.
 *
 * @example
 * Rational.of(3, 4).add(Rational.of(1, 4)).toString(); // "1"
 */
export class Rational {
  /** 0 */
  static readonly ZERO = new Rational(0n, 1n);
  /** 1 */
  static readonly ONE = new Rational(1n, 1n);

  // Callers inside the class guarantee lowest terms and den > 0.
  private constructor(
    readonly num: bigint,
    readonly den: bigint,
  ) {}

  private static raw(num: bigint, den: bigint): Rational {
    if (num === 0n) return Rational.ZERO;
    if (den === 1n && num === 1n) return Rational.ONE;
    return new Rational(num, den);
  }

  private static reduce(num: bigint, den: bigint): Rational {
    if (den === 0n) throw new RangeError('division by zero');
    if (den < 0n) {
      num = -num;
      den = -den;
    }
    if (num === 0n) return Rational.ZERO;
    if (den === 1n) return Rational.raw(num, 1n);
    const g = gcdBig(num, den);
    return g === 1n ? Rational.raw(num, den) : Rational.raw(num / g, den / g);
  }

  /**
   * `num / den` in lowest terms. Numbers must be safe integers: a float such as
   * 0.1 is already inexact, so it is refused rather than silently rounded.
   *
   * @example
   * Rational.of(6, -8).toString(); // "-3/4"
   * Rational.of(10n ** 30n).toString(); // "1000000000000000000000000000000"
   */
  static of(num: bigint | number, den: bigint | number = 1n): Rational {
    return Rational.reduce(toBigInt(num, 'numerator'), toBigInt(den, 'denominator'));
  }

  /**
   * Exactly parses a decimal literal (`3`, `-0.25`, `1e-7`, `1.5E+3`, `2.`, `.5`)
   * or a fraction `p/q` as printed by {@link Rational.toString}. Throws
   * SyntaxError on anything else and RangeError on exponents beyond ±10000.
   *
   * @example
   * Rational.parse('1e-7').toString(); // "1/10000000"
   * Rational.parse('.5').toString(); // "1/2"
   */
  static parse(text: string): Rational {
    const frac = /^([+-]?\d+)\/(\d+)$/.exec(text);
    if (frac) return Rational.of(BigInt(frac[1]), BigInt(frac[2]));
    const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
    const intPart = m?.[2] ?? '';
    const fracPart = m?.[3] ?? '';
    if (!m || (intPart === '' && fracPart === '')) {
      throw new SyntaxError(`not a decimal number: "${text}"`);
    }
    const exp = Number(m[4] ?? '0') - fracPart.length;
    if (!Number.isSafeInteger(exp) || Math.abs(exp) > MAX_DECIMAL_EXPONENT) {
      throw new RangeError(`decimal exponent out of range (at most ±${MAX_DECIMAL_EXPONENT}): "${text}"`);
    }
    let digits = BigInt((intPart + fracPart) || '0');
    if (m[1] === '-') digits = -digits;
    return exp >= 0 ? Rational.reduce(digits * 10n ** BigInt(exp), 1n) : Rational.reduce(digits, 10n ** BigInt(-exp));
  }

  /** @example Rational.of(1, 2).add(Rational.of(1, 3)).toString(); // "5/6" */
  add(o: Rational): Rational {
    if (this.den === 1n && o.den === 1n) return Rational.raw(this.num + o.num, 1n);
    if (this.num === 0n) return o;
    if (o.num === 0n) return this;
    if (this.den === o.den) return Rational.reduce(this.num + o.num, this.den);
    return Rational.reduce(this.num * o.den + o.num * this.den, this.den * o.den);
  }

  /** @example Rational.of(1, 2).sub(Rational.of(1, 3)).toString(); // "1/6" */
  sub(o: Rational): Rational {
    return this.add(o.neg());
  }

  /** @example Rational.of(2, 3).mul(Rational.of(9, 4)).toString(); // "3/2" */
  mul(o: Rational): Rational {
    if (this.den === 1n && o.den === 1n) return Rational.raw(this.num * o.num, 1n);
    if (this.num === 0n || o.num === 0n) return Rational.ZERO;
    // Cross-reducing keeps the intermediate products small and the result reduced.
    const g1 = gcdBig(this.num, o.den);
    const g2 = gcdBig(o.num, this.den);
    return Rational.raw((this.num / g1) * (o.num / g2), (this.den / g2) * (o.den / g1));
  }

  /**
   * Throws RangeError('division by zero') for a zero divisor.
   * @example Rational.of(1, 2).div(Rational.of(3)).toString(); // "1/6"
   */
  div(o: Rational): Rational {
    return this.mul(o.inv());
  }

  /** @example Rational.of(1, 2).neg().toString(); // "-1/2" */
  neg(): Rational {
    return this.num === 0n ? this : Rational.raw(-this.num, this.den);
  }

  /**
   * Throws RangeError('division by zero') for zero.
   * @example Rational.of(-2, 3).inv().toString(); // "-3/2"
   */
  inv(): Rational {
    if (this.num === 0n) throw new RangeError('division by zero');
    return this.num < 0n ? Rational.raw(-this.den, -this.num) : Rational.raw(this.den, this.num);
  }

  /**
   * Integer power; negative exponents invert (so `0.pow(-1)` throws).
   * @example Rational.of(2, 3).pow(-2).toString(); // "9/4"
   */
  pow(n: number): Rational {
    if (!Number.isSafeInteger(n)) throw new RangeError(`Rational.pow: exponent must be an integer, got ${n}`);
    if (n < 0) return this.inv().pow(-n);
    if (n === 0) return Rational.ONE;
    if (n === 1) return this;
    const e = BigInt(n);
    return Rational.raw(this.num ** e, this.den ** e);
  }

  /** -1, 0 or 1 as this is less than, equal to or greater than `o`. @example Rational.of(1, 3).cmp(Rational.of(1, 2)); // -1 */
  cmp(o: Rational): -1 | 0 | 1 {
    const l = this.num * o.den;
    const r = o.num * this.den;
    return l < r ? -1 : l > r ? 1 : 0;
  }

  /** Exact equality; lowest terms make it structural. @example Rational.of(2, 4).equals(Rational.of(1, 2)); // true */
  equals(o: Rational): boolean {
    return this.num === o.num && this.den === o.den;
  }

  /** @example Rational.of(0, 5).isZero(); // true */
  isZero(): boolean {
    return this.num === 0n;
  }

  /** @example Rational.of(4, 2).isInteger(); // true */
  isInteger(): boolean {
    return this.den === 1n;
  }

  /** @example Rational.of(-1, 2).sign(); // -1 */
  sign(): -1 | 0 | 1 {
    return this.num < 0n ? -1 : this.num > 0n ? 1 : 0;
  }

  /** @example Rational.of(-1, 2).abs().toString(); // "1/2" */
  abs(): Rational {
    return this.num < 0n ? this.neg() : this;
  }

  /**
   * The nearest double (ties aside), even when `num` or `den` alone would
   * overflow a double: `Rational.of(10n ** 400n, 3n * 10n ** 399n).toNumber()` is
   * 3.333..., not NaN.
   * @example Rational.of(1, 4).toNumber(); // 0.25
   */
  toNumber(): number {
    const { num, den } = this;
    const SAFE = 2n ** 53n;
    if (absBig(num) <= SAFE && den <= SAFE) return Number(num) / Number(den);
    const neg = num < 0n;
    const a = absBig(num);
    // Scale so the integer quotient has 64+ bits, then fold the remainder into a
    // sticky bit so Number() rounds the quotient like the true value.
    const shift = 68 - (approxBitLength(a) - approxBitLength(den));
    let q: bigint;
    let r: bigint;
    if (shift >= 0) {
      const n = a << BigInt(shift);
      q = n / den;
      r = n % den;
    } else {
      const d = den << BigInt(-shift);
      q = a / d;
      r = a % d;
    }
    if (r !== 0n) q |= 1n;
    const value = ldexp(Number(q), -shift);
    return neg ? -value : value;
  }

  /** `"3/4"`, `"-2"`; {@link Rational.parse} reads it back. @example Rational.of(-6, 3).toString(); // "-2" */
  toString(): string {
    return this.den === 1n ? this.num.toString() : `${this.num}/${this.den}`;
  }
}

function toBigInt(x: bigint | number, what: string): bigint {
  if (typeof x === 'bigint') return x;
  if (!Number.isSafeInteger(x)) {
    throw new RangeError(`Rational.of: ${what} ${x} is not a safe integer; pass a bigint or use Rational.parse`);
  }
  return BigInt(x);
}
