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
  // 1 - exp(x) is -expm1(x): exp(x) - 1 at x = 1e-300 is 0 in any digits that add it up (a Bose integrand,
  // sqrt(x) / (exp(x) - 1), had no value near 0, where it is x^(-1/2), and the integral none: probe 113).
  exp: (x) => neg(fn('expm1', x)),
};

/** Functions whose sum 1 + f(x) is a function of the table: 1 + erf(x) is erfc(-x). */
const SUPPLEMENTS: Readonly<Partial<Record<FunctionName, (x: Term) => Term>>> = {
  erf: (x) => fn('erfc', neg(x)),
};

/**
 * log of a function that tends to 1 far out (Phi, erf, sigmoid) read through its complement, which keeps its
 * digits there: log(Phi(x)) = log1p(-Phi(-x)), log(erf(x)) = log1p(-erfc(x)), log(sigmoid(x)) = -softplus(-x).
 * log(Phi(2000)) is -1e-868000, which 60 digits of Phi read as log(1) = 0 (probe 73: a false tail bound verified).
 * `positiveOnly`: the form loses its own digits where the argument is below 0 (Phi(-x) near 1 there), so the
 * evaluator takes it only where the argument is above 0. Undefined for any other term.
 */
export function logNearOne(t: Term): { readonly argument: Term; readonly form: Term; readonly positiveOnly: boolean } | undefined {
  if (t.k !== 'fn' || t.name !== 'log' || t.args[0].k !== 'fn' || t.args[0].args.length !== 1) return undefined;
  const inner = t.args[0];
  const x = inner.args[0];
  switch (inner.name) {
    case 'Phi': return { argument: x, form: fn('log1p', neg(fn('Phi', neg(x)))), positiveOnly: true };
    case 'erf': return { argument: x, form: fn('log1p', neg(fn('erfc', x))), positiveOnly: true };
    case 'sigmoid': return { argument: x, form: neg(fn('softplus', neg(x))), positiveOnly: false };
    default: return undefined;
  }
}

/**
 * A sum with c - c f(x) in it, for f the normal CDF, erf or erfc, with that pair as c times the function that is
 * the complement: Phi(-x), erfc(x), erf(x) (and c + c erf(x) as c erfc(-x)), the same value everywhere, read without
 * cancellation. 1 - Phi(35) is 1e-268, which 60 digits read as 0 (log(1 - Phi(b)) on (30, 38) had no value any
 * digits settled, probe 37), and a bound's sides carry their interval's domain terms beside it (probe 73).
 * Undefined for any other term. For the high-precision evaluators, as logOfConstantPlus.
 */
export function complementOf(t: Term): Term | undefined {
  if (t.k !== 'add') return undefined;
  const terms = [...t.terms];
  let changed = false;
  for (let i = 0; i < terms.length; i++) {
    const c = terms[i];
    if (c.k !== 'num' || c.value.num === 0n) continue;
    const j = terms.findIndex((x, k) => k !== i && scaledFunction(x, c.value) !== undefined);
    if (j < 0) continue;
    const { f, sign } = scaledFunction(terms[j], c.value)!;
    const replaced = (sign < 0 ? COMPLEMENTS : SUPPLEMENTS)[f.name]?.(f.args[0]);
    if (replaced === undefined) continue;
    terms[i] = c.value.num === c.value.den ? replaced : mul(c, replaced);
    terms.splice(j, 1);
    changed = true;
    i = -1;
  }
  if (!changed) return undefined;
  return terms.length === 1 ? terms[0] : { k: 'add', terms };
}

/** f(x) for x a term -c f(x) (sign -1) or c f(x) (sign 1), f one argument's function; undefined otherwise. */
function scaledFunction(x: Term, c: Fraction): { f: Term & { k: 'fn' }; sign: number } | undefined {
  if (x.k !== 'mul' || x.factors.length !== 2) {
    if (x.k !== 'fn' || x.args.length !== 1) return undefined;
    if (c.num === c.den && SUPPLEMENTS[x.name] !== undefined) return { f: x, sign: 1 };
    // f(x) - 1: c = -1, and f(x) is -c f(x).
    return c.num === -c.den ? { f: x, sign: -1 } : undefined;
  }
  const k = x.factors.find((y) => y.k === 'num');
  const f = x.factors.find((y) => y !== k);
  if (k === undefined || k.k !== 'num' || f === undefined || f.k !== 'fn' || f.args.length !== 1) return undefined;
  if (k.value.den !== c.den) return undefined;
  if (k.value.num === -c.num) return { f, sign: -1 };
  if (k.value.num === c.num) return { f, sign: 1 };
  return undefined;
}
