import { coefficientsIn } from './polynomial-integral.ts';
import { printTerm } from './print-term.ts';
import { add, div, fn, mul, neg, num, pow, sub, ONE, ZERO } from './term-builders.ts';
import { constantFraction } from './term-queries.ts';
import type { KnownSign } from './integral-closed-forms.ts';
import type { Term } from './term.ts';

/**
 * Definite integrals of a polynomial times sines and cosines of arguments affine in
 * the variable (Stewart 7.1 to 7.2: x sin x, sin^2 x, sin(3x) cos(x)), or of an
 * exponential times one of them (e^x sin x), between finite bounds.
 *
 * A product of sines and cosines is first written as a sum of single ones by the
 * product-to-sum formulas (sin A cos B = (sin(A + B) + sin(A - B)) / 2); then each
 * term by parts: the integral of t^k sin(a t + b) is -t^k cos(a t + b) / a plus k / a
 * times that of t^(k - 1) cos(a t + b), and of e^(q t) sin(a t + b) it is
 * e^(q t) (q sin - a cos) / (q^2 + a^2). Each divides by the slope a, so a slope must
 * be known nonzero, or exactly 0 (a constant factor); else the form is not given,
 * except where the slope is itself a factor of the integrand (y sin(x y) in x: the
 * y cancels, and the form holds at y = 0 too). Exact forms: nothing is approximated.
 */

/** A sine or cosine of b + a t, times a coefficient free of t. */
interface Wave { readonly coefficient: Term; readonly kind: 'sin' | 'cos'; readonly b: Term; readonly a: Term }

/** Sines and cosines in one term multiplied out past this many factors are left to the numbers (2^5 waves). */
const MAX_WAVE_FACTORS = 5;
/** The highest power of t by parts (each power reads the one below). */
const MAX_DEGREE = 8;

/**
 * The sines and cosines of affine arguments among a term's factors: `factor` as
 * copies of one wave (sin(2 t + 1)^2 is two), or undefined where it is not such
 * a factor.
 */
export function wavesOf(factor: Term, v: string): Wave[] | undefined {
  const single = (t: Term): Wave | undefined => {
    if (t.k !== 'fn' || (t.name !== 'sin' && t.name !== 'cos') || t.args.length !== 1) return undefined;
    const c = coefficientsIn(t.args[0], v);
    if (c === undefined || c.length > 2) return undefined;
    return { coefficient: ONE, kind: t.name, b: c[0], a: c[1] ?? ZERO };
  };
  if (factor.k === 'pow') {
    const e = constantFraction(factor.exponent);
    const wave = single(factor.base);
    if (wave === undefined || e === undefined || e.den !== 1n || e.num < 1n || e.num > BigInt(MAX_WAVE_FACTORS)) return undefined;
    return Array.from({ length: Number(e.num) }, () => wave);
  }
  const wave = single(factor);
  return wave && [wave];
}

/** The waves' product as a sum of single waves (product-to-sum); undefined past MAX_WAVE_FACTORS factors. */
function linearised(factors: readonly Wave[]): Wave[] | undefined {
  if (factors.length === 0 || factors.length > MAX_WAVE_FACTORS) return undefined;
  let sum: Wave[] = [factors[0]];
  for (const f of factors.slice(1)) {
    sum = sum.flatMap((w): Wave[] => {
      const half = mul(num(1, 2), w.coefficient);
      const plus = { b: add(w.b, f.b), a: add(w.a, f.a) };
      const minus = { b: sub(w.b, f.b), a: sub(w.a, f.a) };
      if (w.kind === 'cos' && f.kind === 'cos') return [{ coefficient: half, kind: 'cos' as const, ...minus }, { coefficient: half, kind: 'cos' as const, ...plus }];
      if (w.kind === 'sin' && f.kind === 'sin') return [{ coefficient: half, kind: 'cos' as const, ...minus }, { coefficient: neg(half), kind: 'cos' as const, ...plus }];
      if (w.kind === 'sin') return [{ coefficient: half, kind: 'sin' as const, ...plus }, { coefficient: half, kind: 'sin' as const, ...minus }];
      return [{ coefficient: half, kind: 'sin' as const, ...plus }, { coefficient: neg(half), kind: 'sin' as const, ...minus }];
    });
  }
  return sum;
}

/**
 * The integral from `lower` to `upper` of free * P(t) * exp(q0 + q1 t) * (the
 * product of `waves`), P by its coefficients (lowest first); undefined where no
 * form is given (see the module's comment). `constantPart` integrates a term whose
 * waves have slope 0 (they are constants there): P exp(q0 + q1 t) times a factor.
 */
export function waveIntegral(
  free: readonly Term[], polynomial: readonly Term[], q0: Term, q1: Term, waves: readonly Wave[], lower: Term | undefined, upper: Term | undefined,
  signOf: KnownSign, constantPart: (factor: Term) => Term | undefined,
): Term | undefined {
  const terms = linearised(waves);
  if (terms === undefined || polynomial.length > MAX_DEGREE + 1) return undefined;
  const exponential = !isZero(q1);
  if (exponential && polynomial.length > 1) return undefined;
  // An infinite end (the caller has checked that the exponential decays towards it): the antiderivative is 0 there.
  if ((lower === undefined || upper === undefined) && !exponential) return undefined;
  const atEnd = (end: Term | undefined, w: Wave) => (end === undefined ? ZERO : byExponential(w, q0, q1, end));
  const parts: Term[] = [];
  let rest = free;
  const constant = isZero(q0) ? ONE : fn('exp', q0);
  for (const w of terms) {
    const slope = slopeSign(w.a, signOf);
    if (slope === 0) {
      const part = constantPart(mul(w.coefficient, fn(w.kind, w.b)));
      if (part === undefined) return undefined;
      parts.push(part);
      continue;
    }
    // Towards an infinite end the exponential's slope is known nonzero: q1^2 + a^2 > 0 whatever a is (a = 0 included).
    if (slope === undefined && exponential && (lower === undefined || upper === undefined)) {
      parts.push(mul(w.coefficient, polynomial[0], sub(atEnd(upper, w), atEnd(lower, w))));
      continue;
    }
    if (slope === undefined) {
      // The slope as a factor of the integrand cancels the 1 / a of a single wave (y sin(x y) dx).
      const cancelling = terms.length === 1 && !exponential && polynomial.length === 1 ? free.findIndex((f) => printTerm(f) === printTerm(w.a)) : -1;
      if (cancelling < 0 || lower === undefined || upper === undefined) return undefined;
      rest = free.filter((_, i) => i !== cancelling);
      const at = (e: Term) => (w.kind === 'sin' ? neg(fn('cos', add(w.b, mul(w.a, e)))) : fn('sin', add(w.b, mul(w.a, e))));
      parts.push(mul(w.coefficient, constant, polynomial[0], sub(at(upper), at(lower))));
      continue;
    }
    if (exponential) parts.push(mul(w.coefficient, polynomial[0], sub(atEnd(upper, w), atEnd(lower, w))));
    else parts.push(mul(w.coefficient, constant, sub(byParts(w, polynomial, upper!), byParts(w, polynomial, lower!))));
  }
  // A part integrated with the slope as its factor cancelled has no other part beside it (terms.length === 1).
  return mul(...rest, add(...parts));
}

/** Whether the slope is 0, known nonzero (1), or not known (undefined). */
function slopeSign(a: Term, signOf: KnownSign): 0 | 1 | undefined {
  const c = constantFraction(a);
  if (c !== undefined) return c.num === 0n ? 0 : 1;
  const sign = signOf(a);
  return sign === 0 ? 0 : sign === undefined ? undefined : 1;
}

function isZero(t: Term): boolean {
  return constantFraction(t)?.num === 0n;
}

/** An antiderivative of P(t) times the wave (its coefficient apart) at t = e, by parts. */
function byParts(w: Wave, polynomial: readonly Term[], e: Term): Term {
  const u = add(w.b, mul(w.a, e));
  const s = fn('sin', u);
  const c = fn('cos', u);
  const power = (k: number) => (k === 0 ? ONE : pow(e, num(k)));
  // sine[k], cosine[k]: antiderivatives of t^k sin(u) and t^k cos(u).
  const sine: Term[] = [];
  const cosine: Term[] = [];
  for (let k = 0; k < polynomial.length; k++) {
    const lowerSine = k === 0 ? [] : [mul(num(k), cosine[k - 1])];
    const lowerCosine = k === 0 ? [] : [neg(mul(num(k), sine[k - 1]))];
    sine.push(div(add(neg(mul(power(k), c)), ...lowerSine), w.a));
    cosine.push(div(add(mul(power(k), s), ...lowerCosine), w.a));
  }
  const table = w.kind === 'sin' ? sine : cosine;
  return add(...polynomial.map((p, k) => (isZero(p) ? ZERO : mul(p, table[k]))));
}

/** An antiderivative of exp(q0 + q1 t) times the wave (its coefficient apart) at t = e. */
function byExponential(w: Wave, q0: Term, q1: Term, e: Term): Term {
  const u = add(w.b, mul(w.a, e));
  const s = fn('sin', u);
  const c = fn('cos', u);
  const numerator = w.kind === 'sin' ? sub(mul(q1, s), mul(w.a, c)) : add(mul(q1, c), mul(w.a, s));
  return div(mul(fn('exp', add(q0, mul(q1, e))), numerator), add(pow(q1, num(2)), pow(w.a, num(2))));
}
