import { constantFraction, mapChildren, num, printTerm, sub, type Input, type Term } from '../model/index.ts';
import { commonRoot } from './common-root.ts';

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
  /** The other inputs at the root: each as a function of the bracketed one (text), and its double at the middle. */
  readonly alongside: ReadonlyArray<{ readonly input: string; readonly as: string; readonly value: number }>;
}

export function rootBetween(lhsWritten: Term, rhsWritten: Term, inputs: readonly Input[]): RootBetween | undefined {
  // An input's interval rides along as 0 * (log(x - a) + log(b - x)), to carry its domain (model/intervals.ts): the
  // bracket is searched inside the interval, so it is dropped here (a root of log(x - 1) + cos(x - 1) in (1.3, 2), probe 87).
  const [lhs, rhs] = [withoutZeroTerms(lhsWritten), withoutZeroTerms(rhsWritten)];
  const [tied, constant, flipped] = comparisons(lhs) !== undefined ? [lhs, rhs, false] : comparisons(rhs) !== undefined ? [rhs, lhs, true] : [undefined, undefined, false];
  const value = constant === undefined ? undefined : constantFraction(constant);
  if (tied === undefined || value === undefined) return undefined;
  // A product of comparisons, (p^3 + 4p^2 - 10 == 0) (q == p), ties where each of them does.
  const ties = comparisons(tied)!.map(tieOf);
  if (ties.some((t) => t === undefined)) return undefined;
  const atTie = ties.every((t) => t!.holds) ? 1 : 0;
  const other = Number(value.num) / Number(value.den);
  if (atTie === other) return undefined;
  const found = commonRoot(ties.flatMap((t) => t!.zeros), inputs);
  if (found === undefined) return undefined;
  // The bracket knows constant ends only: an end that reads another input (b in (a, 1), a in (0, 1)) may rule the
  // root out, with a value the search never sets (probe 94: b > 0 was refuted at b = 0). No root is shown there.
  if (found.input.relativeEnds !== undefined || found.alongside.some(({ input }) => input.relativeEnds !== undefined)) return undefined;
  const [below, above] = found.bracket;
  return {
    input: found.input.name, below, above, of: printTerm(found.of), lhs: flipped ? other : atTie, rhs: flipped ? atTie : other,
    ...(found.through ? { through: printTerm(found.through) } : {}),
    alongside: found.alongside.map(({ input, as, value: at }) => ({ input: input.name, as: printTerm(as), value: at })),
  };
}

/** The comparisons a term is the product of: itself where it is one; undefined where it is not such a product. */
function comparisons(t: Term): Array<Extract<Term, { k: 'cmp' }>> | undefined {
  if (t.k === 'cmp') return [t];
  return t.k === 'mul' && t.factors.every((f) => f.k === 'cmp') ? t.factors as Array<Extract<Term, { k: 'cmp' }>> : undefined;
}

/**
 * Functions whose common root ties a comparison, and whether it holds there. A size against a constant, abs(g) >= 1e-40
 * or g^2 + h^2 > c, is 0 where g and h are, and compares 0 with the constant, whatever the constant (a bound below
 * every reading's digits fails on an interval 1e-40 wide, probe 87). Otherwise the sides tie where their difference
 * is 0, and the root of an even power's base is the power's: (x^3 - x - 1)^2 changes no sign, its base does.
 */
function tieOf(c: Extract<Term, { k: 'cmp' }>): { zeros: Term[]; holds: boolean } | undefined {
  const sized = sizeAgainstConstant(c);
  if (sized !== undefined) return { zeros: sized.bases, holds: sized.holdsAtZero };
  const difference = sub(c.a, c.b);
  return { zeros: [difference.k === 'pow' && isEvenWhole(difference.exponent) ? difference.base : difference], holds: compareAtTie(c.op) };
}

/**
 * A comparison of a size with a constant (either side): abs(g), an even power of g, or a sum of such with positive
 * constant factors; the g, and whether the comparison holds where every g is 0. Undefined for any other comparison.
 */
function sizeAgainstConstant(c: Extract<Term, { k: 'cmp' }>): { bases: Term[]; holdsAtZero: boolean } | undefined {
  const [bases, constant, mirrored] = sizeBases(c.a) !== undefined ? [sizeBases(c.a), c.b, false] : sizeBases(c.b) !== undefined ? [sizeBases(c.b), c.a, true] : [undefined, undefined, false];
  const value = constant === undefined ? undefined : constantFraction(constant);
  if (bases === undefined || value === undefined) return undefined;
  const sign = value.num === 0n ? 0 : (value.num > 0n) === (value.den > 0n) ? 1 : -1;
  // 0 against the constant: the comparison's sides in its order.
  const [left, right] = mirrored ? [sign, 0] : [0, sign];
  const holds = { '<': left < right, '<=': left <= right, '>': left > right, '>=': left >= right, '==': left === right, '!=': left !== right }[c.op];
  return holds === undefined ? undefined : { bases, holdsAtZero: holds };
}

/** The g of abs(g), of an even power of g, or of each term of a sum of those with positive constant factors. */
function sizeBases(t: Term): Term[] | undefined {
  if (t.k === 'fn' && t.name === 'abs') return [t.args[0]];
  if (t.k === 'pow' && isEvenWhole(t.exponent)) return [t.base];
  if (t.k === 'mul') {
    const factors = t.factors.filter((f) => !isPositiveConstant(f));
    return factors.length === 1 && factors.length < t.factors.length ? sizeBases(factors[0]) : undefined;
  }
  if (t.k !== 'add') return undefined;
  const parts = t.terms.map(sizeBases);
  return parts.every((p) => p !== undefined) ? parts.flat() as Term[] : undefined;
}

function isPositiveConstant(t: Term): boolean {
  const c = constantFraction(t);
  return c !== undefined && c.num !== 0n && (c.num > 0n) === (c.den > 0n);
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
