/**
 * Whether a polynomial of atoms is never 0, read from the ranges its atoms take:
 * erf(E) - 1 is negative for every E, since erf lies in (-1, 1). A difference of
 * the sides whose numerator is never 0 shows the step wrong wherever both sides
 * have a value, however far below any digits it lies (erf(exp(p + 40)) = 1).
 *
 * The ranges over-approximate (atoms are taken as independent of each other, a
 * product of factors of mixed sign as symmetric about 0), so the answer is
 * `true` only where 0 is truly outside; `false` means "not shown". Ends are exact
 * rationals: in doubles, -1 + 1e-20 is -1, and erf(E) - 1 + 1e-20, which is 0
 * where erf(E) = 1 - 1e-20, would look negative.
 */
import type { AtomTable } from './canonical.ts';
import { splitBy } from './atom-relations.ts';
import { BudgetExceededError, Rational, type Budget, type Polynomial } from './exact/index.ts';

/** An interval of the reals: each end a rational or unbounded (undefined), included or not. */
interface Range {
  readonly lo: Rational | undefined;
  readonly hi: Rational | undefined;
  readonly loIn: boolean;
  readonly hiIn: boolean;
}

const ALL: Range = { lo: undefined, hi: undefined, loIn: false, hiIn: false };
const POSITIVE: Range = { lo: Rational.ZERO, hi: undefined, loIn: false, hiIn: false };
const NONNEGATIVE: Range = { lo: Rational.ZERO, hi: undefined, loIn: true, hiIn: false };
const closed = (lo: Rational, hi: Rational): Range => ({ lo, hi, loIn: true, hiIn: true });
const open = (lo: Rational, hi: Rational): Range => ({ lo, hi, loIn: false, hiIn: false });

/** An enclosure of pi, wider than pi's own digits: 3.141592653589793 < pi < 3.141592653589794. */
const PI = closed(Rational.of(3141592653589793n, 10n ** 15n), Rational.of(3141592653589794n, 10n ** 15n));
/** Wider than pi / 2 and pi: enough for atan's, asin's, acos's and atan2's ranges. */
const HALF_PI_UP = Rational.of(8, 5);
const PI_UP = Rational.of(16, 5);

/** The ranges of the library's bounded functions, by name (their atoms' keys are `opaque:name(...)`). */
const FUNCTION_RANGES: Readonly<Record<string, Range>> = {
  erf: open(Rational.of(-1), Rational.ONE),
  erfc: open(Rational.ZERO, Rational.of(2)),
  Phi: open(Rational.ZERO, Rational.ONE),
  sin: closed(Rational.of(-1), Rational.ONE),
  cos: closed(Rational.of(-1), Rational.ONE),
  atan: closed(HALF_PI_UP.neg(), HALF_PI_UP),
  asin: closed(HALF_PI_UP.neg(), HALF_PI_UP),
  acos: closed(Rational.ZERO, PI_UP),
  atan2: closed(PI_UP.neg(), PI_UP),
  // The fractional part, x - floor(x): how canonical.ts holds floor and ceil.
  frac: { lo: Rational.ZERO, hi: Rational.ONE, loIn: true, hiIn: false },
};

/** `opaque:erf(...)`: a library function's atom (an unknown function's is `opaque:f#orders(...)`). */
const FUNCTION_KEY = /^opaque:([A-Za-z_][A-Za-z0-9_]*)\(/;

/** Roots inside roots read at most this deep: past it, a root is only >= 0. */
const MAX_DEPTH = 4;

/** The range of an atom's values, as wide as nothing is known about it. */
function atomRange(atoms: AtomTable, id: number, depth: number): Range {
  const atom = atoms.atoms[id];
  if (atoms.stepAtoms.has(id)) return closed(Rational.ZERO, Rational.ONE);
  switch (atom.kind) {
    case 'input': {
      const kind = atom.positive ? POSITIVE : ALL;
      return atom.range === undefined ? kind : intersection(kind, atom.range);
    }
    case 'exp': return POSITIVE;
    case 'pi': return PI;
    case 'root': return rootRange(atoms, id, depth);
    case 'step': return closed(Rational.ZERO, Rational.ONE);
    case 'log': return ALL;
    case 'opaque': {
      const name = FUNCTION_KEY.exec(atoms.keyOf(id) ?? '')?.[1];
      return name !== undefined && Object.hasOwn(FUNCTION_RANGES, name) ? FUNCTION_RANGES[name] : ALL;
    }
  }
}

/** The values two ranges both hold: an input's interval within its kind's (a positive input in [-1, 2] is in (0, 2]). */
function intersection(a: Range, b: Range): Range {
  const [lo, loIn] = a.lo === undefined ? [b.lo, b.loIn] : b.lo === undefined ? [a.lo, a.loIn]
    : a.lo.cmp(b.lo) !== 0 ? (a.lo.cmp(b.lo) > 0 ? [a.lo, a.loIn] : [b.lo, b.loIn]) : [a.lo, a.loIn && b.loIn];
  const [hi, hiIn] = a.hi === undefined ? [b.hi, b.hiIn] : b.hi === undefined ? [a.hi, a.hiIn]
    : a.hi.cmp(b.hi) !== 0 ? (a.hi.cmp(b.hi) < 0 ? [a.hi, a.hiIn] : [b.hi, b.hiIn]) : [a.hi, a.hiIn && b.hiIn];
  return { lo, hi, loIn, hiIn };
}

function sum(a: Range, b: Range): Range {
  return {
    lo: a.lo === undefined || b.lo === undefined ? undefined : a.lo.add(b.lo),
    hi: a.hi === undefined || b.hi === undefined ? undefined : a.hi.add(b.hi),
    loIn: a.loIn && b.loIn,
    hiIn: a.hiIn && b.hiIn,
  };
}

function scaled(a: Range, c: Rational): Range {
  if (c.isZero()) return closed(Rational.ZERO, Rational.ZERO);
  if (c.sign() > 0) return { lo: a.lo?.mul(c), hi: a.hi?.mul(c), loIn: a.loIn, hiIn: a.hiIn };
  return { lo: a.hi?.mul(c), hi: a.lo?.mul(c), loIn: a.hiIn, hiIn: a.loIn };
}

const nonnegative = (a: Range): boolean => a.lo !== undefined && a.lo.sign() >= 0;

/** The range of x^e for x in a (e >= 1). */
function power(a: Range, e: number): Range {
  if (e === 1) return a;
  if (nonnegative(a)) return { lo: a.lo!.pow(e), hi: a.hi?.pow(e), loIn: a.loIn, hiIn: a.hiIn };
  if (e % 2 === 1) return { lo: a.lo?.pow(e), hi: a.hi?.pow(e), loIn: a.loIn, hiIn: a.hiIn };
  // An even power of a range reaching below 0: from 0 (or the end nearer 0, where the range is all negative) to the farther end.
  if (a.hi !== undefined && a.hi.sign() < 0) return { lo: a.hi.pow(e), hi: a.lo?.pow(e), loIn: a.hiIn, hiIn: a.loIn };
  const far = farEnd(a);
  return { lo: Rational.ZERO, hi: far?.value.pow(e), loIn: true, hiIn: far?.included ?? false };
}

/** The end of a range farthest from 0, by magnitude; undefined where it is unbounded. */
function farEnd(a: Range): { value: Rational; included: boolean } | undefined {
  if (a.lo === undefined || a.hi === undefined) return undefined;
  const [low, high] = [a.lo.abs(), a.hi.abs()];
  const c = low.cmp(high);
  return c > 0 ? { value: low, included: a.loIn } : c < 0 ? { value: high, included: a.hiIn } : { value: high, included: a.loIn || a.hiIn };
}

/** The range of a product: exact for factors >= 0; else within +- the product of the largest magnitudes. */
function product(a: Range, b: Range): Range {
  const zero = (r: Range) => r.lo !== undefined && r.hi !== undefined && r.lo.isZero() && r.hi.isZero();
  if (zero(a) || zero(b)) return closed(Rational.ZERO, Rational.ZERO);
  if (nonnegative(a) && nonnegative(b)) {
    // The least product is attained where both least ends are, or where either factor is an included 0.
    const loIn = (a.loIn && b.loIn) || (a.loIn && a.lo!.isZero()) || (b.loIn && b.lo!.isZero());
    return {
      lo: a.lo!.mul(b.lo!), loIn,
      hi: a.hi === undefined || b.hi === undefined ? undefined : a.hi.mul(b.hi), hiIn: a.hiIn && b.hiIn,
    };
  }
  const [fa, fb] = [farEnd(a), farEnd(b)];
  if (fa === undefined || fb === undefined) return ALL;
  const m = fa.value.mul(fb.value);
  const included = fa.included && fb.included;
  return { lo: m.neg(), hi: m, loIn: included, hiIn: included };
}

/**
 * The range of a principal q-th root r = R^(1/q), from its radicand's: r is at
 * least 1 where R is (sqrt(1 + exp(-2000)) > 1), below 1 where R is, and never
 * above R where R >= 1.
 */
function rootRange(atoms: AtomTable, id: number, depth: number): Range {
  const root = atoms.roots.get(id);
  if (root === undefined || depth >= MAX_DEPTH) return NONNEGATIVE;
  const r = polynomialRange(root.radicand, atoms, depth + 1);
  const one = Rational.ONE;
  if (r.lo === undefined || r.lo.sign() < 0) return r.hi !== undefined && r.hi.cmp(one) <= 0 ? { lo: Rational.ZERO, hi: one, loIn: true, hiIn: r.hi.equals(one) && r.hiIn } : NONNEGATIVE;
  const lo = r.lo.cmp(one) >= 0
    ? { lo: one, loIn: r.lo.equals(one) && r.loIn }
    : { lo: Rational.ZERO, loIn: r.lo.isZero() && r.loIn };
  const hi = r.hi === undefined ? { hi: undefined, hiIn: false }
    : r.hi.cmp(one) <= 0 ? { hi: one, hiIn: r.hi.equals(one) && r.hiIn } : { hi: r.hi, hiIn: r.hiIn };
  return { ...lo, ...hi };
}

/** The range of a polynomial of atoms, from its atoms' ranges (over-approximated). */
function polynomialRange(poly: Polynomial, atoms: AtomTable, depth: number): Range {
  let range: Range = closed(Rational.ZERO, Rational.ZERO);
  for (const term of poly.terms()) {
    let monomial: Range = closed(Rational.ONE, Rational.ONE);
    const pairs = term.mono.pairs;
    for (let i = 0; i < pairs.length; i += 2) monomial = product(monomial, power(atomRange(atoms, pairs[i], depth), pairs[i + 1]));
    range = sum(range, scaled(monomial, term.coef));
    if (range.lo === undefined && range.hi === undefined) return ALL;
  }
  return range;
}

/** c where b = -c a (b + c a = 0), if there is such a constant. */
function shift(b: Polynomial, a: Polynomial): Rational | undefined {
  if (a.isZero()) return undefined;
  if (b.isZero()) return Rational.ZERO;
  const [first] = a.terms();
  const match = [...b.terms()].find((term) => term.mono.key === first.mono.key);
  if (match === undefined) return undefined;
  const c = match.coef.div(first.coef).neg();
  return b.add(a.scale(c)).isZero() ? c : undefined;
}

/** Whether a range leaves the value c out. */
function excludesValue(range: Range, c: Rational): boolean {
  const below = range.lo !== undefined && (c.cmp(range.lo) < 0 || (c.equals(range.lo) && !range.loIn));
  const above = range.hi !== undefined && (c.cmp(range.hi) > 0 || (c.equals(range.hi) && !range.hiIn));
  return below || above;
}

const excludesZero = (range: Range): boolean => excludesValue(range, Rational.ZERO);

/**
 * Whether the polynomial of atoms is never 0 (`true`), or that is not shown
 * (`false`): its range, from its atoms' ranges, leaves 0 out; or, for a + b r
 * with r a square root sqrt(R), the range of a^2 R - b^2 does (a + b r = 0 only
 * where a^2 = b^2 R): sqrt(exp(2000) exp(p) + 1) - exp(1000) exp(p/2) is never 0,
 * since their squares differ by 1.
 */
/**
 * The sign a polynomial has wherever its atoms have values, by their ranges alone: 1 - erf(30) > 0 for erf's
 * range (-1, 1), however far below any digits the difference lies (a 60-digit reading of erf(30) is 1). Undefined
 * where the range reaches 0.
 */
export function signByRanges(poly: Polynomial, atoms: AtomTable): 1 | -1 | undefined {
  if (poly.isConstant()) return undefined;
  const range = polynomialRange(poly, atoms, 0);
  if (range.lo !== undefined && (range.lo.sign() > 0 || (range.lo.sign() === 0 && !range.loIn))) return 1;
  if (range.hi !== undefined && (range.hi.sign() < 0 || (range.hi.sign() === 0 && !range.hiIn))) return -1;
  return undefined;
}

export function neverZero(poly: Polynomial, atoms: AtomTable, budget: Budget): boolean {
  if (excludesZero(polynomialRange(poly, atoms, 0))) return true;
  for (const id of poly.variables()) {
    if (poly.degreeIn(id) !== 1) continue;
    const { without, coefficient } = splitBy(poly, id);
    // A (a - c) for an atom a whose range leaves c out, with A never 0 ((p + 40) (erf(E) - 1) / 2, gelu's saturation).
    const c = shift(without, coefficient);
    if (c !== undefined && excludesValue(atomRange(atoms, id, 0), c) && excludesZero(polynomialRange(coefficient, atoms, 0))) return true;
    const root = atoms.roots.get(id);
    if (root === undefined || root.q !== 2) continue;
    try {
      const squares = atoms.reduce(without.mul(without, budget).sub(coefficient.mul(coefficient, budget).mul(root.radicand, budget), budget), budget);
      if (!squares.variables().has(id) && excludesZero(polynomialRange(squares, atoms, 0))) return true;
    } catch (error) {
      if (error instanceof BudgetExceededError) continue;
      throw error;
    }
  }
  return false;
}

/**
 * The sign a polynomial cannot cross, by its atoms' ranges: 1 where it is >= 0 wherever its atoms have values
 * (x^2 + cos(y)^2, 1 - cos(y)^2), -1 where it is <= 0. A weak answer: 0 may be reached. So (1 + x)^2 >= 1 + 2 x,
 * cos(pi x)^2 <= 1 past 2^53 and floor-free bounds of even powers are proved where no digits can settle their ties.
 */
export function weakSignByRanges(poly: Polynomial, atoms: AtomTable): 1 | -1 | undefined {
  if (poly.isConstant()) return undefined;
  const range = polynomialRange(poly, atoms, 0);
  if (range.lo !== undefined && range.lo.sign() >= 0) return 1;
  if (range.hi !== undefined && range.hi.sign() <= 0) return -1;
  return undefined;
}
