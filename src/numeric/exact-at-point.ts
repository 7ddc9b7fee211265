import type { Decimal } from 'decimal.js';
import { compare, type Term } from '../model/index.ts';
import type { Layout } from './layout.ts';

/**
 * A rational side read exactly at an input, in fractions of big integers: where 60 digits leave a comparison
 * unsettled because its two sides are equal (|1 - 2c/(m + L)| against (L - m)/(L + m) at c = m, each read with a
 * rounding), the inputs being exact rationals, the sides' exact values settle it. Probe 94: a strict bound that ties
 * at an included end, drawn there, was let pass at one seed and refuted at another, as the doubles' roundings fell.
 *
 * Only sides made of numbers, scalar inputs and sizes, by +, *, whole powers, abs, max, min, sign, relu, floor, ceil,
 * comparisons, a square root where it is rational, a function at the one point where its value is rational (log at 1,
 * exp and sin at 0) compile, and 0 times anything; anything else (a function, an array entry, a sum) is undefined: no exact reading.
 * Read only where the side had a value in 60 digits.
 */
export type ExactReading = (input: (position: number) => Decimal | undefined) => Fraction | undefined;

interface Fraction {
  readonly num: bigint;
  readonly den: bigint;
}

/** Powers up to this exponent are read: the integers grow with it. */
const MAX_EXPONENT = 64;

export function compileExact(t: Term, layout: Layout): ExactReading | undefined {
  switch (t.k) {
    case 'num': {
      const v = { num: t.value.num, den: t.value.den };
      return () => v;
    }
    case 'size': {
      const n = layout.sizes.get(t.name);
      return n === undefined || !Number.isSafeInteger(n) ? undefined : () => ({ num: BigInt(n), den: 1n });
    }
    case 'input': {
      const slot = layout.slots.get(t.ref.name);
      if (slot === undefined || t.ref.indices.length > 0 || slot.shape.length > 0 || slot.input.definedBy !== undefined) return undefined;
      const p = slot.offset;
      return (input) => {
        const v = input(p);
        return v === undefined || !v.isFinite() ? undefined : fromDecimal(v);
      };
    }
    case 'add': case 'mul': {
      // 0 * X, the guard of an interval or a domain (0 * log(x - a)): the caller reads exactly only where the side
      // had a value in 60 digits, so X had one, and the product is 0.
      if (t.k === 'mul' && t.factors.some((f) => f.k === 'num' && f.value.num === 0n)) return () => ({ num: 0n, den: 1n });
      const parts = (t.k === 'add' ? t.terms : t.factors).map((x) => compileExact(x, layout));
      if (parts.some((p) => p === undefined)) return undefined;
      const combine = t.k === 'add' ? plus : times;
      const start: Fraction = { num: t.k === 'add' ? 0n : 1n, den: 1n };
      return (input) => {
        let acc = start;
        for (const part of parts) {
          const v = part!(input);
          if (v === undefined) return undefined;
          acc = combine(acc, v);
        }
        return acc;
      };
    }
    case 'pow': {
      if (t.exponent.k !== 'num' || t.exponent.value.den !== 1n) return undefined;
      const e = Number(t.exponent.value.num);
      if (Math.abs(e) > MAX_EXPONENT) return undefined;
      const base = compileExact(t.base, layout);
      if (base === undefined) return undefined;
      return (input) => {
        const b = base(input);
        if (b === undefined || (e < 0 && b.num === 0n)) return undefined;
        const raised = { num: b.num ** BigInt(Math.abs(e)), den: b.den ** BigInt(Math.abs(e)) };
        return e >= 0 ? raised : normal(raised.den, raised.num);
      };
    }
    case 'fn': {
      const args = t.args.map((x) => compileExact(x, layout));
      if (args.some((a) => a === undefined)) return undefined;
      const pick = EXACT_FUNCTIONS[t.name];
      if (pick === undefined) return undefined;
      return (input) => {
        const values: Fraction[] = [];
        for (const a of args) {
          const v = a!(input);
          if (v === undefined) return undefined;
          values.push(v);
        }
        return pick(values);
      };
    }
    case 'cmp': {
      const [a, b] = [compileExact(t.a, layout), compileExact(t.b, layout)];
      if (a === undefined || b === undefined) return undefined;
      return (input) => {
        const [x, y] = [a(input), b(input)];
        if (x === undefined || y === undefined) return undefined;
        return { num: compare(t.op, sign(minus(x, y)), 0) ? 1n : 0n, den: 1n };
      };
    }
    default: return undefined;
  }
}

/** The sign of a - b, exactly, for a comparison a `op` b read by {@link compileExact}. */
export function exactSign(a: Fraction, b: Fraction): -1 | 0 | 1 {
  return sign(minus(a, b));
}

const ZERO: Fraction = { num: 0n, den: 1n };
const ONE: Fraction = { num: 1n, den: 1n };
const HALF: Fraction = { num: 1n, den: 2n };
/** A function's value at the one rational point where it is rational (log(1) = 0, exp(0) = 1), else none. */
const at = (point: Fraction, value: Fraction) => ([a]: readonly Fraction[]): Fraction | undefined => (a.num * point.den === point.num * a.den ? value : undefined);

const EXACT_FUNCTIONS: Partial<Record<string, (args: readonly Fraction[]) => Fraction | undefined>> = {
  abs: ([a]) => (a.num < 0n ? { num: -a.num, den: a.den } : a),
  sign: ([a]) => ({ num: BigInt(sign(a)), den: 1n }),
  max: (args) => args.reduce((m, x) => (sign(minus(x, m)) > 0 ? x : m)),
  min: (args) => args.reduce((m, x) => (sign(minus(x, m)) < 0 ? x : m)),
  relu: ([a]) => (a.num < 0n ? ZERO : a),
  floor: ([a]) => ({ num: floorDiv(a.num, a.den), den: 1n }),
  ceil: ([a]) => ({ num: -floorDiv(-a.num, a.den), den: 1n }),
  sqrt: ([a]) => {
    if (a.num < 0n) return undefined;
    const [p, q] = [wholeRoot(a.num), wholeRoot(a.den)];
    return p === undefined || q === undefined ? undefined : { num: p, den: q };
  },
  // log(d / c) > 0 at d = c reads log(1) exactly: 0 (probe 95: a strict bound tied at an included chained end).
  log: at(ONE, ZERO), log1p: at(ZERO, ZERO), exp: at(ZERO, ONE), expm1: at(ZERO, ZERO),
  sin: at(ZERO, ZERO), cos: at(ZERO, ONE), tan: at(ZERO, ZERO), atan: at(ZERO, ZERO), asin: at(ZERO, ZERO),
  sinh: at(ZERO, ZERO), cosh: at(ZERO, ONE), tanh: at(ZERO, ZERO), asinh: at(ZERO, ZERO),
  sigmoid: at(ZERO, HALF), erf: at(ZERO, ZERO), Phi: at(ZERO, HALF),
};

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}

/** The whole square root of a whole number where it has one. */
function wholeRoot(n: bigint): bigint | undefined {
  if (n < 2n) return n;
  // Newton's method from above (2^ceil(bits / 2) >= sqrt(n)) falls to the floor of the root.
  let x = 1n << BigInt(Math.ceil(n.toString(2).length / 2));
  for (;;) {
    const next = (x + n / x) / 2n;
    if (next >= x) break;
    x = next;
  }
  return x * x === n ? x : undefined;
}

function fromDecimal(v: Decimal): Fraction {
  const [n, d] = v.toFraction();
  return normal(BigInt(n.toFixed()), BigInt(d.toFixed()));
}

function normal(num: bigint, den: bigint): Fraction {
  if (den < 0n) { num = -num; den = -den; }
  let [a, b] = [num < 0n ? -num : num, den];
  while (b !== 0n) [a, b] = [b, a % b];
  return a <= 1n ? { num, den } : { num: num / a, den: den / a };
}

const plus = (a: Fraction, b: Fraction): Fraction => normal(a.num * b.den + b.num * a.den, a.den * b.den);
const times = (a: Fraction, b: Fraction): Fraction => normal(a.num * b.num, a.den * b.den);
const minus = (a: Fraction, b: Fraction): Fraction => plus(a, { num: -b.num, den: b.den });
const sign = (a: Fraction): -1 | 0 | 1 => (a.num < 0n ? -1 : a.num > 0n ? 1 : 0);
