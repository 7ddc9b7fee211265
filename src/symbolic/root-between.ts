import { constantFraction, inputNames, mapChildren, num, printTerm, sub, type Input, type Term } from '../model/index.ts';
import { builtOnTheLine, CONTINUOUS_ON_THEIR_DOMAIN } from './whole-line.ts';
import { repeatedFactor } from './multiple-root.ts';
import { signChange } from './root-bracket.ts';
import { innerSums, zeroAtRootOf } from './value-at-inner-root.ts';

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
  /** Where the root is a part's: the function that is exactly 0 there, as text. */
  readonly through?: string;
}

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
  if (names.size !== 1) return undefined;
  const input = inputs.find((i) => i.name === [...names][0]);
  if (input === undefined || input.dims.length !== 0 || !(input.kind === 'real' || input.kind === 'positive' || input.kind === 'unit')) return undefined;
  const atTie = sized !== undefined ? (sized.holdsAtZero ? 1 : 0) : compareAtTie(comparison.op) ? 1 : 0;
  const other = Number(value.num) / Number(value.den);
  if (atTie === other) return undefined;
  // Continuous on the line, or on a domain: a bracket across a gap of the domain (sqrt(x^2 - 1) + x, -1 to 1) is halved
  // into the gap, where the function has no value, and left (log(w) + w - 2 has its root at 1.557..., probe 87: verified).
  const own = builtOnTheLine(carrier, CONTINUOUS_ON_THEIR_DOMAIN) ? rootOf(carrier, input) : undefined;
  const part = own === undefined ? rootOfAPart(carrier, input) : undefined;
  const found = own ?? part;
  if (found === undefined) return undefined;
  const [[below, above], of] = [found.bracket, found.of];
  return {
    input: input.name, below, above, of: printTerm(of), lhs: flipped ? other : atTie, rhs: flipped ? atTie : other,
    ...(part ? { through: printTerm(carrier) } : {}),
  };
}

/** The most parts of a function whose roots are tried as its own. */
const MAX_PARTS = 16;

/**
 * A bracket of a root of a sum inside the function where the function is exactly 0: `1 - cos(cos(x) - x)` touches 0
 * at the Dottie number, a root of cos(x) - x that changes sign (value-at-inner-root.ts). The part must be continuous
 * on the bracket; the function need only have a value at the root, which its exact reading there shows.
 */
function rootOfAPart(t: Term, input: Input): { of: Term; bracket: [number, number] } | undefined {
  for (const part of innerSums(t, input.name, MAX_PARTS)) {
    const found = builtOnTheLine(part, CONTINUOUS_ON_THEIR_DOMAIN) && zeroAtRootOf(t, part, input.name) ? rootOf(part, input) : undefined;
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * A bracket of a root of a continuous function: a sign change of its own, or of its multiple roots' factor where it
 * is a polynomial that touches 0 without changing sign: y^6 - 2y^4 - 2y^3 + y^2 + 2y + 1 is (y^3 - y - 1)^2 written
 * out, and > 0 was verified (probe 88).
 */
function rootOf(t: Term, input: Input): { of: Term; bracket: [number, number] } | undefined {
  const changed = signChange(t, input);
  if (changed !== undefined) return { of: t, bracket: changed };
  const repeated = repeatedFactor(t, input.name);
  const bracket = repeated && signChange(repeated, input);
  return repeated === undefined || bracket === undefined ? undefined : { of: repeated, bracket };
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
