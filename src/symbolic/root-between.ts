import type { Decimal } from 'decimal.js';
import { add, coefficientsIn, constantFraction, FUNCTIONS, inputNames, mapChildren, mul, num, pow, printTerm, scalarRange, sub, type Input, type Term } from '../model/index.ts';
import { builtOnTheLine, CONTINUOUS_ON_THEIR_DOMAIN } from './whole-line.ts';
import { DIGITS, evaluateHighPrecision, GuardError, type Magnitudes, type PointValue } from './high-precision.ts';

/**
 * A comparison tied at a root no formula gives: `(x^3 - x - 1 == 0) = 0` is false at the real root 1.3247...,
 * `(x^5 + x - 1)^2 > 0` at 0.7549..., `(cos(x) - x)^2 > 0` at the Dottie number (probe 67: all verified). No
 * point a reading can take is the root, but the intermediate value theorem shows one: where the comparison's two
 * sides differ by a function continuous on [a, b] (of one scalar input, built of polynomials and functions continuous
 * everywhere) whose sign at a is the opposite of its sign at b, both read in 60 digits, the sides are equal at some
 * point between, and the comparison has its value at a tie there. Only a step whose other side is a constant is read
 * so: its value at the root is then known exactly.
 */
export interface RootBetween {
  /** The input the root is of, and the two ends of its bracket (doubles, exact rationals as written). */
  readonly input: string;
  readonly below: number;
  readonly above: number;
  /** The function whose root it is, as text. */
  readonly of: string;
  /** The sides' values at the root: the comparison's at a tie, and the constant. */
  readonly lhs: number;
  readonly rhs: number;
}

/** Points of the grid the sign change is looked for on, either side of 0, and its reach. */
const GRID_POINTS = 800;
const GRID_REACH = 20;
/** Halvings of a bracket in doubles, at most. */
const HALVINGS = 80;
/** The least relative distance from an interval's end a bracket keeps: the ends are doubles of constants like pi / 2. */
const END_MARGIN = 1e-9;

export function rootBetween(lhsWritten: Term, rhsWritten: Term, inputs: readonly Input[]): RootBetween | undefined {
  // An input's interval rides along as 0 * (log(x - a) + log(b - x)), to carry its domain (model/intervals.ts): the
  // bracket is searched inside the interval, so it is dropped here (a root of log(x - 1) + cos(x - 1) in (1.3, 2), probe 87).
  const [lhs, rhs] = [withoutZeroTerms(lhsWritten), withoutZeroTerms(rhsWritten)];
  const [comparison, constant, flipped] = lhs.k === 'cmp' ? [lhs, rhs, false] : rhs.k === 'cmp' ? [rhs, lhs, true] : [undefined, undefined, false];
  if (comparison?.k !== 'cmp' || constant === undefined) return undefined;
  const value = constantFraction(constant);
  if (value === undefined) return undefined;
  // A size against a constant, abs(g) >= 1e-40 or g^2 > c: at a root of g the size is 0, and the comparison is 0 against
  // the constant, whatever the constant (a bound below every reading's digits fails on an interval 1e-40 wide, probe 87).
  const sized = sizeAgainstConstant(comparison);
  const difference = sized?.base ?? sub(comparison.a, comparison.b);
  // The root of an even power's base is the power's: (x^3 - x - 1)^2 changes no sign, its base does.
  const carrier = difference.k === 'pow' && isEvenWhole(difference.exponent) ? difference.base : difference;
  const names = inputNames(carrier);
  // Continuous on the line, or on a domain: a bracket across a gap of the domain (sqrt(x^2 - 1) + x, -1 to 1) is halved
  // into the gap, where the function has no value, and left (log(w) + w - 2 has its root at 1.557..., probe 87: verified).
  if (names.size !== 1 || !builtOnTheLine(carrier, CONTINUOUS_ON_THEIR_DOMAIN)) return undefined;
  const input = inputs.find((i) => i.name === [...names][0]);
  if (input === undefined || input.dims.length !== 0 || !(input.kind === 'real' || input.kind === 'positive' || input.kind === 'unit')) return undefined;
  const atTie = sized !== undefined ? (sized.holdsAtZero ? 1 : 0) : compareAtTie(comparison.op) ? 1 : 0;
  const other = Number(value.num) / Number(value.den);
  if (atTie === other) return undefined;
  // A polynomial that touches 0 without changing sign has a multiple root, a root of its gcd with its derivative:
  // y^6 - 2y^4 - 2y^3 + y^2 + 2y + 1 is (y^3 - y - 1)^2 written out, and > 0 was verified (probe 88).
  const changed = signChange(carrier, input);
  const repeated = changed === undefined ? repeatedFactor(carrier, input.name) : undefined;
  const of = repeated ?? carrier;
  const bracket = changed ?? (repeated && signChange(repeated, input));
  if (bracket === undefined) return undefined;
  return { input: input.name, below: bracket[0], above: bracket[1], of: printTerm(of), lhs: flipped ? other : atTie, rhs: flipped ? atTie : other };
}

/**
 * A comparison of abs(g) or an even power of g with a constant (either side): g, and whether the comparison holds
 * where g is 0. Undefined for any other comparison.
 */
function sizeAgainstConstant(c: Extract<Term, { k: 'cmp' }>): { base: Term; holdsAtZero: boolean } | undefined {
  const size = (t: Term): Term | undefined => (t.k === 'fn' && t.name === 'abs' ? t.args[0] : t.k === 'pow' && isEvenWhole(t.exponent) ? t.base : undefined);
  const [g, constant, mirrored] = size(c.a) !== undefined ? [size(c.a), c.b, false] : size(c.b) !== undefined ? [size(c.b), c.a, true] : [undefined, undefined, false];
  const value = constant === undefined ? undefined : constantFraction(constant);
  if (g === undefined || value === undefined) return undefined;
  const sign = value.num === 0n ? 0 : (value.num > 0n) === (value.den > 0n) ? 1 : -1;
  // 0 against the constant: the comparison's sides in its order.
  const [left, right] = mirrored ? [sign, 0] : [0, sign];
  const holds = { '<': left < right, '<=': left <= right, '>': left > right, '>=': left >= right, '==': left === right, '!=': left !== right }[c.op];
  return holds === undefined ? undefined : { base: g, holdsAtZero: holds };
}

/** A polynomial in one input, its coefficients exact, the constant first. */
type Polynomial = Fraction[];
interface Fraction { readonly num: bigint; readonly den: bigint }

/** The most degree a polynomial is read to, and the most digits a coefficient may grow to in the gcd. */
const MAX_DEGREE = 24;
const MAX_COEFFICIENT_DIGITS = 400;

/**
 * gcd(p, p') of a polynomial in `name` with rational coefficients, as a term, where it has degree 1 or more: every root of
 * it is a root of p (p's multiple roots). Undefined for anything else.
 */
function repeatedFactor(t: Term, name: string): Term | undefined {
  const p = polynomialOf(t, name);
  if (p === undefined || p.length < 3) return undefined;
  const derivative = p.slice(1).map((c, k) => times(c, { num: BigInt(k + 1), den: 1n }));
  const g = gcd(p, derivative);
  if (g === undefined || g.length < 2) return undefined;
  const x: Term = { k: 'input', ref: { name, indices: [] } };
  return add(...g.map((c, k) => mul(num(c.num, c.den), pow(x, num(BigInt(k))))));
}

/** The polynomial's coefficients as exact fractions (model/polynomial-integral.ts reads them as terms), up to MAX_DEGREE. */
function polynomialOf(t: Term, name: string): Polynomial | undefined {
  const coefficients = coefficientsIn(t, name);
  if (coefficients === undefined || coefficients.length > MAX_DEGREE + 1) return undefined;
  const exact = coefficients.map((c) => constantFraction(c));
  return exact.every((c): c is Fraction => c !== undefined) ? trimmed(exact.map(reduced)) : undefined;
}

function reduced(f: Fraction): Fraction {
  const divisor = bigGcd(f.num < 0n ? -f.num : f.num, f.den < 0n ? -f.den : f.den) || 1n;
  const sign = f.den < 0n ? -1n : 1n;
  return { num: (sign * f.num) / divisor, den: (sign * f.den) / divisor };
}

function bigGcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function plus(a: Fraction, b: Fraction): Fraction {
  return reduced({ num: a.num * b.den + b.num * a.den, den: a.den * b.den });
}

function times(a: Fraction, b: Fraction): Fraction {
  return reduced({ num: a.num * b.num, den: a.den * b.den });
}

function trimmed(p: Polynomial): Polynomial {
  let end = p.length;
  while (end > 1 && p[end - 1].num === 0n) end--;
  return p.slice(0, end);
}

/** The monic gcd of two polynomials by Euclid's algorithm, exactly; undefined where the coefficients grow past reason. */
function gcd(a: Polynomial, b: Polynomial): Polynomial | undefined {
  let [u, v] = [trimmed(a), trimmed(b)];
  const isZero = (p: Polynomial) => p.length === 1 && p[0].num === 0n;
  while (!isZero(v)) {
    // u mod v
    let r = u.slice();
    const lead = v[v.length - 1];
    while (!isZero(r) && r.length >= v.length) {
      const factor = times(r[r.length - 1], { num: lead.den, den: lead.num });
      const shift = r.length - v.length;
      r = trimmed(r.map((c, k) => (k >= shift && k - shift < v.length ? plus(c, times(factor, { num: -v[k - shift].num, den: v[k - shift].den })) : c)));
    }
    if (r.some((c) => c.num.toString().length + c.den.toString().length > MAX_COEFFICIENT_DIGITS)) return undefined;
    [u, v] = [v, r];
  }
  const lead = u[u.length - 1];
  return u.map((c) => times(c, { num: lead.den, den: lead.num }));
}

/** The term without the parts of its sums that are 0 times something (mapped through every node). */
function withoutZeroTerms(t: Term): Term {
  const zero = (u: Term) => u.k === 'mul' && u.factors.some((f) => f.k === 'num' && f.value.num === 0n);
  if (zero(t)) return num(0);
  const mapped = mapChildren(t, withoutZeroTerms);
  if (mapped.k !== 'add') return mapped;
  const kept = mapped.terms.filter((u) => !zero(u) && !(u.k === 'num' && u.value.num === 0n));
  return kept.length === mapped.terms.length ? mapped : kept.length === 0 ? num(0) : kept.length === 1 ? kept[0] : { k: 'add', terms: kept };
}

function compareAtTie(op: string): boolean {
  return op === '==' || op === '<=' || op === '>=';
}

function isEvenWhole(t: Term): boolean {
  const c = constantFraction(t);
  return c !== undefined && c.den === 1n && c.num > 0n && c.num % 2n === 0n;
}

/** The term's value in doubles at x (the one input), NaN where a part has none. */
function valueAt(t: Term, x: number): number {
  switch (t.k) {
    case 'num': return Number(t.value.num) / Number(t.value.den);
    case 'pi': return Math.PI;
    case 'input': return x;
    case 'add': return t.terms.reduce((s, u) => s + valueAt(u, x), 0);
    case 'mul': return t.factors.reduce((p, u) => p * valueAt(u, x), 1);
    case 'pow': return valueAt(t.base, x) ** valueAt(t.exponent, x);
    case 'fn': return FUNCTIONS[t.name].value(...t.args.map((a) => valueAt(a, x)));
    default: return NaN;
  }
}

/**
 * A bracket [a, b] inside the input's range where the term's sign, read in 60 digits at a and at b, changes; undefined
 * where the grid finds none or the digits cannot tell a sign. The grid keeps a margin from each finite end.
 */
function signChange(t: Term, input: Input): [number, number] | undefined {
  const [lower, upper] = scalarRange(input);
  const margin = (end: number) => (Number.isFinite(end) ? END_MARGIN * Math.max(1, Math.abs(end)) : 0);
  const [from, to] = [Math.max(-GRID_REACH, lower + margin(lower)), Math.min(GRID_REACH, upper - margin(upper))];
  if (!(to > from)) return undefined;
  let previous: { x: number; v: number } | undefined;
  for (let k = 0; k <= GRID_POINTS; k++) {
    const x = from + ((to - from) * k) / GRID_POINTS;
    const v = valueAt(t, x);
    if (!Number.isFinite(v) || v === 0) { previous = undefined; continue; }
    if (previous !== undefined && Math.sign(v) !== Math.sign(previous.v)) {
      const bracket = narrowed(t, previous.x, x, Math.sign(previous.v));
      if (bracket !== undefined && certifiedOpposite(t, input.name, bracket)) return bracket;
    }
    previous = { x, v };
  }
  return undefined;
}

/** The bracket halved in doubles while its ends keep their signs. */
function narrowed(t: Term, a: number, b: number, signAtA: number): [number, number] | undefined {
  let [lo, hi] = [a, b];
  for (let k = 0; k < HALVINGS; k++) {
    const mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) break;
    const v = valueAt(t, mid);
    if (!Number.isFinite(v)) return undefined;
    if (v === 0) break;
    if (Math.sign(v) === signAtA) lo = mid; else hi = mid;
  }
  return [lo, hi];
}

/**
 * Whether 60 digits read the term at the bracket's two ends (exact doubles) with opposite signs, each clear of the
 * rounding of the largest term added up (x^5 at 20 is 3e6: its rounding is some 1e-54) by 20 digits.
 */
function certifiedOpposite(t: Term, name: string, [a, b]: [number, number]): boolean {
  try {
    const at = (x: number): { value: Decimal; largest: number } => {
      const magnitudes: Magnitudes = { largest: -Infinity, lost: 0 };
      const value = evaluateHighPrecision(t, new Map<string, PointValue>([[name, x]]), DIGITS, magnitudes);
      return { value, largest: magnitudes.largest };
    };
    const clear = ({ value, largest }: { value: Decimal; largest: number }) => value.isFinite() && !value.isZero()
      && value.e > Math.max(largest, value.e) - DIGITS + 20 && value.abs().gt('1e-40');
    const [u, v] = [at(a), at(b)];
    return clear(u) && clear(v) && u.value.isNeg() !== v.value.isNeg();
  } catch (error) {
    if (error instanceof GuardError) throw error;
    return false;
  }
}
