import type { Fraction, FunctionName, Index, InputRef, Term } from './term.ts';
import { hasValueAtEveryPoint } from './total-terms.ts';

/** Small constructors for terms; they fold nothing clever, only the trivial cases. */

export function fraction(num: bigint, den = 1n): Fraction {
  if (den === 0n) throw new RangeError('a fraction denominator must not be 0');
  if (den < 0n) { num = -num; den = -den; }
  const g = gcd(num < 0n ? -num : num, den);
  return { num: num / g, den: den / g };
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
}

/** The exact value of a decimal literal as written: `1e-7` is 1/10^7, `0.25` is 1/4. */
export function parseDecimal(text: string): Fraction {
  const m = /^(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m) {
    if (/^0[xX][0-9a-fA-F]+$|^0[bB][01]+$|^0[oO][0-7]+$/.test(text)) return fraction(BigInt(text));
    throw new RangeError(`'${text}' is not a decimal number`);
  }
  const whole = m[1] ?? '';
  const frac = m[2] ?? '';
  const exp = Number(m[3] ?? '0') - frac.length;
  const digits = BigInt((whole + frac) || '0');
  return exp >= 0 ? fraction(digits * 10n ** BigInt(exp)) : fraction(digits, 10n ** BigInt(-exp));
}

export const num = (n: number | bigint, den: number | bigint = 1): Term =>
  ({ k: 'num', value: fraction(BigInt(n), BigInt(den)) });
export const ZERO = num(0);
export const ONE = num(1);

export const isNum = (t: Term, n?: number): boolean =>
  t.k === 'num' && (n === undefined || (t.value.den === 1n && t.value.num === BigInt(n)));

export function add(...terms: Term[]): Term {
  const kept = terms.flatMap((t) => (t.k === 'add' ? t.terms : [t])).filter((t) => !isNum(t, 0));
  if (kept.length === 0) return ZERO;
  return kept.length === 1 ? kept[0] : { k: 'add', terms: kept };
}

/**
 * A product. A zero factor makes it 0 only when every other factor has a value
 * everywhere: 0 * log(0) and 0 / 0 have no value, and must keep that.
 */
export function mul(...factors: Term[]): Term {
  const kept = factors.flatMap((t) => (t.k === 'mul' ? t.factors : [t])).filter((t) => !isNum(t, 1));
  if (kept.some((t) => isNum(t, 0)) && kept.every(hasValueEverywhere)) return ZERO;
  if (kept.length === 0) return ONE;
  return kept.length === 1 ? kept[0] : { k: 'mul', factors: kept };
}

export const neg = (t: Term): Term => mul(num(-1), t);
export const sub = (a: Term, b: Term): Term => add(a, neg(b));
// b^0 is 1 only where b has a value: (1 / x)^0 has none at x = 0.
export const pow = (base: Term, exponent: Term): Term =>
  isNum(exponent, 1) ? base : isNum(exponent, 0) && hasValueEverywhere(base) ? ONE : { k: 'pow', base, exponent };
export const div = (a: Term, b: Term): Term => mul(a, pow(b, num(-1)));
export const fn = (name: FunctionName, ...args: Term[]): Term => ({ k: 'fn', name, args });
export const input = (ref: InputRef): Term => ({ k: 'input', ref });
export const delta = (a: Index, b: Index): Term => ({ k: 'icmp', op: '==', a, b });

/**
 * Whether a term has a value at every input (see total-terms.ts): conservative (false
 * when unsure), so that `mul` folds 0 * t to 0 only where that is an identity.
 */
export function hasValueEverywhere(t: Term): boolean {
  return hasValueAtEveryPoint(t, []);
}

/**
 * log(c + r) for a positive constant c, as log(c) + log1p(r / c): the same value and domain, read without
 * cancellation. log(1 + exp(-800 - a)) is 1e-348; 1 + 1e-348 is 1 in 60 digits, and its log was a value no
 * digits settled (probe 24). Undefined for any other term. For the high-precision evaluators; the exact engine keeps log as written.
 */
export function logOfConstantPlus(t: Term): Term | undefined {
  if (t.k !== 'fn' || t.name !== 'log' || t.args[0].k !== 'add') return undefined;
  // log(1 - Phi(b)) is log(Phi(-b)) (complementOf, read by the evaluators on the argument itself): not log1p(-Phi(b)).
  if (complementOf(t.args[0]) !== undefined) return undefined;
  const terms = t.args[0].terms;
  const constants = terms.filter((x) => x.k === 'num');
  if (constants.length !== 1 || terms.length < 2) return undefined;
  const c = constants[0];
  if (c.k !== 'num' || c.value.num <= 0n) return undefined;
  const rest = terms.filter((x) => x !== c);
  return add(fn('log', c), fn('log1p', mul(num(c.value.den, c.value.num), add(...rest))));
}


/** Functions whose complement 1 - f(x) is a function of the table without the subtraction. */
const COMPLEMENTS: Readonly<Partial<Record<FunctionName, (x: Term) => Term>>> = {
  Phi: (x) => fn('Phi', neg(x)),
  erf: (x) => fn('erfc', x),
  erfc: (x) => fn('erf', x),
};

/**
 * 1 - f(x) for f the normal CDF, erf or erfc, as the function that is that complement: Phi(-x), erfc(x),
 * erf(x), the same value everywhere, read without cancellation. 1 - Phi(35) is 1e-268,
 * which 60 digits read as 0 (log(1 - Phi(b)) on (30, 38) had no value any digits settled, probe 37).
 * Undefined for any other term. For the high-precision evaluators, as logOfConstantPlus.
 */
export function complementOf(t: Term): Term | undefined {
  if (t.k !== 'add' || t.terms.length !== 2) return undefined;
  const one = t.terms.find((x) => x.k === 'num' && x.value.num === 1n && x.value.den === 1n);
  const other = t.terms.find((x) => x !== one);
  if (one === undefined || other === undefined || other.k !== 'mul' || other.factors.length !== 2) return undefined;
  const sign = other.factors.find((x) => x.k === 'num' && x.value.num === -1n && x.value.den === 1n);
  const f = other.factors.find((x) => x !== sign);
  if (sign === undefined || f === undefined || f.k !== 'fn' || f.args.length !== 1) return undefined;
  const complement = COMPLEMENTS[f.name];
  return complement?.(f.args[0]);
}
