import type { Decimal } from 'decimal.js';
import { add, fn, mul, num, pow, type Input, type Term } from '../model/index.ts';
import type { AtomTable } from './canonical.ts';
import { Budget, BudgetExceededError, dividedByRoot, Polynomial, Rational, rationalRoot, type RationalFunction } from './exact/index.ts';
import { evaluateHighPrecision, type PointValue } from './high-precision.ts';

/**
 * Where a condition through sin, cos or exp of one scalar input fails: the
 * points no rational input reaches. `sin(x)^2 / (1 + cos(x))` has no value at
 * x = pi, and `1 / (exp(x) - 2)` none at x = log(2); random and simple inputs
 * never land there, so the step was verified where the line above has a value
 * at those points. The condition is a polynomial in one atom, cos(a x + b) or
 * exp(x / q); its roots c are the atom's values where it fails, and each is
 * solved for x as an exact term (pi / 2, 2 pi / 3, pi / 2 - asin(1/3), log(2)).
 * At such a point the atom is c exactly, so the condition fails exactly: no
 * digits decide it.
 */
export function pointsThroughFunctions(condition: Polynomial, atoms: AtomTable, inputs: ReadonlyMap<string, Input>, depth = 0): Array<Map<string, PointValue>> {
  // Reduced by the relations between atoms first: cos(x)^2 - sin(x)^2 (cos(2 x)) is 2 cos(x)^2 - 1, in one atom.
  let poly = condition;
  try {
    poly = atoms.reduce(condition, new Budget({ maxTerms: REDUCE_TERMS }));
  } catch (error) {
    if (!(error instanceof BudgetExceededError)) throw error;
  }
  const vars = [...poly.variables()];
  if (vars.length > 1) {
    const apart = depth < MAX_ROOT_DEPTH ? throughFewerAtoms(poly, vars, atoms, inputs, depth) : [];
    const others = (() => {
      const throughRoot = throughRootOfInput(poly, vars, atoms, inputs);
      if (throughRoot.length > 0) return throughRoot;
      const onCurve = pointsOnCurve(poly, vars, atoms, inputs);
      if (onCurve.length > 0) return onCurve;
      const throughConstants = affineOverConstantRoots(poly, vars, atoms, inputs);
      return throughConstants.length > 0 ? throughConstants : pointsWithAnInputAtZero(poly, vars, atoms, inputs);
    })();
    return apart.length === 0 ? others : [...apart, ...others];
  }
  if (vars.length !== 1) return [];
  const [id] = vars;
  const roots = poly.degreeIn(id) === 1 ? affineRoot(poly, id) : simpleRoots(poly, id);
  // The atom's irrational values too, exactly (exp(2 x) - 3 is e^2 - 3 in e = exp(x): e = sqrt(3)), with their doubles.
  const irrational = poly.degreeIn(id) < 2 ? [] : algebraicRoots(poly, id).flatMap((term) => {
    const value = doubleOf(term);
    return value === undefined ? [] : [{ term, value }];
  });
  const out: Array<Map<string, PointValue>> = [];
  const place = (entry: string, kind: Input['kind'], x: Term, fixed: ReadonlyArray<readonly [string, Rational]> = []) => {
    const point = exactPoint(entry, kind, x, fixed);
    if (point !== undefined) out.push(point);
  };
  const angle = atoms.angles.get(id);
  if (angle !== undefined) {
    // cos(x + y), cos(x y): each input in turn, the others at simple values, where the argument is affine in it.
    const lines = linesThrough(angle.argument, atoms, inputs);
    for (const c of roots) {
      if (c.abs().cmp(Rational.ONE) > 0) continue;
      // a x + b = theta, x = (theta - b) / a.
      for (const line of lines) {
        for (const theta of angleTerms(angle.name, c)) place(line.entry, line.kind, solved(theta, line.slope, line.offset, line.reciprocal), line.fixed);
      }
    }
    for (const c of irrational) {
      if (Math.abs(c.value) >= 1) continue;
      for (const line of lines) {
        for (const theta of irrationalAngles(angle.name, c.term)) place(line.entry, line.kind, solved(theta, line.slope, line.offset, line.reciprocal), line.fixed);
      }
    }
    return out.slice(0, MAX_POINTS);
  }
  const atom = atoms.atoms[id];
  // A polynomial in the input itself, a root of a polynomial in it, or a log of an affine form of it: its irrational
  // roots (x^2 - 2 at sqrt(2), x^3 - 2 at 2^(1/3), sqrt(x^2 + 1) - 2 at sqrt(3), log(p) - 1 at e) as exact terms.
  const inputKind = atom.kind === 'input' ? scalarKind(atom.name, inputs) : undefined;
  if (atom.kind === 'input' && inputKind !== undefined) {
    for (const x of algebraicRoots(poly, id)) place(atom.text, inputKind, x);
    return out.slice(0, MAX_POINTS);
  }
  const root = atoms.roots.get(id);
  if (root !== undefined) {
    if (root.radicand.variables().size !== 1 || depth >= MAX_ROOT_DEPTH) return [];
    // r = c >= 0 where R = c^q: R - c^q, a condition in R's one atom (an input, exp(x) for sqrt(exp(x)) = exp(x / 2)), solved in turn.
    for (const c of roots) {
      if (c.sign() >= 0) out.push(...pointsThroughFunctions(root.radicand.sub(Polynomial.constant(c.pow(root.q))), atoms, inputs, depth + 1));
    }
    return out.slice(0, MAX_POINTS);
  }
  const erfArgument = atoms.errorFunctions.get(id);
  if (erfArgument !== undefined) {
    const line = affineInInput(erfArgument, atoms, inputs);
    // erf(a x + b) = c for |c| < 1: a x + b = erfinv(c).
    if (line !== undefined) for (const c of roots) if (c.abs().cmp(Rational.ONE) < 0) place(line.entry, line.kind, solved(c.isZero() ? num(0) : fn('erfinv', fraction(c)), line.slope, line.offset));
    return out.slice(0, MAX_POINTS);
  }
  const inverse = atoms.inverseCircular.get(id);
  if (inverse !== undefined) {
    const line = affineInInput(inverse.argument, atoms, inputs);
    if (line === undefined) return [];
    // atan(a x + b) = c for |c| < pi / 2: a x + b = tan(c); asin for |c| <= pi / 2: sin(c).
    for (const c of roots) {
      if (Math.abs(c.toNumber()) >= Math.PI / 2) continue;
      const value = inverse.name === 'atan' ? mul(fn('sin', fraction(c)), pow(fn('cos', fraction(c)), num(-1))) : fn('sin', fraction(c));
      place(line.entry, line.kind, solved(value, line.slope, line.offset));
    }
    return out.slice(0, MAX_POINTS);
  }
  const logArgument = atoms.logArgument.get(id);
  if (logArgument !== undefined && logArgument.denominatorFactors().length === 0) {
    const line = affineInInput(logArgument, atoms, inputs);
    // log(a x + b) = c, x = (exp(c) - b) / a.
    if (line !== undefined) for (const c of roots) place(line.entry, line.kind, solved(c.isZero() ? num(1) : fn('exp', fraction(c)), line.slope, line.offset));
    return out.slice(0, MAX_POINTS);
  }
  if (atom.kind === 'exp' && atom.times === undefined && atom.powers.length === 1 && atom.powers[0][1] === 1) {
    const input = atoms.atoms[atom.powers[0][0]];
    const kind = input.kind === 'input' ? scalarKind(input.name, inputs) : undefined;
    if (input.kind !== 'input' || kind === undefined) return [];
    // exp(x / q) = c, x = q log(c).
    for (const c of roots) {
      if (c.sign() <= 0) continue;
      place(input.text, kind, c.equals(Rational.ONE) ? num(0) : mul(num(atom.den), fn('log', fraction(c))));
    }
    for (const c of irrational) if (c.value > 0) place(input.text, kind, mul(num(atom.den), fn('log', c.term)));
  }
  return out.slice(0, MAX_POINTS);
}

/**
 * Where a condition affine in one scalar input, with roots of constants for its
 * coefficients, fails: x - sqrt(2) at x = sqrt(2), 2 x - sqrt(3) - 1 at x = (sqrt(3) + 1) / 2.
 */
function affineOverConstantRoots(poly: Polynomial, vars: readonly number[], atoms: AtomTable, inputs: ReadonlyMap<string, Input>): Array<Map<string, PointValue>> {
  const free = vars.filter((v) => !atoms.roots.get(v)?.radicand.isConstant());
  if (free.length !== 1 || poly.degreeIn(free[0]) !== 1) return [];
  const atom = atoms.atoms[free[0]];
  const kind = atom.kind === 'input' ? scalarKind(atom.name, inputs) : undefined;
  if (atom.kind !== 'input' || kind === undefined) return [];
  const x = affineRootOverConstants(poly, free[0], atoms);
  if (x === undefined) return [];
  const point = exactPoint(atom.text, kind, x);
  return point === undefined ? [] : [point];
}

/**
 * Where a condition in an input x and its root r = x^(1/q) vanishes, with constant atoms beside them: x written as r^q,
 * the powers of r that divide it out (r = 0 is x = 0), and what is left affine in r solved for it. The slope of
 * 10 z^(1/10) / e - log(z) is z - z^(9/10) e over e z, 0 where z^(1/10) = e: log(z) < 10 z^(1/10) / e ties at z = e^10,
 * and the strict bound was verified (probe 65: the root's relation left z beside it, in two variables).
 */
function throughRootOfInput(poly: Polynomial, vars: readonly number[], atoms: AtomTable, inputs: ReadonlyMap<string, Input>): Array<Map<string, PointValue>> {
  const out: Array<Map<string, PointValue>> = [];
  for (const r of vars) {
    const root = atoms.roots.get(r);
    const [x] = root === undefined ? [] : [...root.radicand.variables()];
    if (root === undefined || x === undefined || !root.radicand.equals(Polynomial.variable(x))) continue;
    const atom = atoms.atoms[x];
    const kind = atom.kind === 'input' ? scalarKind(atom.name, inputs) : undefined;
    if (atom.kind !== 'input' || kind === undefined) continue;
    const inR = withoutPowersOf(poly.substitute(x, Polynomial.variable(r).pow(root.q)), r);
    if (inR === undefined || inR.degreeIn(r) !== 1) continue;
    const value = affineRootOverConstants(inR, r, atoms);
    if (value === undefined) continue;
    const approx = doubleOf(value);
    // The principal root is >= 0: a negative r is no point of x.
    if (approx === undefined || !(approx > 0)) continue;
    const point = exactPoint(atom.text, kind, pow(value, num(root.q)));
    if (point !== undefined) out.push(point);
  }
  return out;
}

/** P divided by the highest power of variable id that divides every term (P with x^k factored out), or undefined for 0. */
function withoutPowersOf(poly: Polynomial, id: number): Polynomial | undefined {
  if (poly.isZero()) return undefined;
  const exponentOf = (pairs: readonly number[]): number => { for (let i = 0; i < pairs.length; i += 2) if (pairs[i] === id) return pairs[i + 1]; return 0; };
  const terms = [...poly.terms()];
  const least = Math.min(...terms.map((t) => exponentOf(t.mono.pairs)));
  if (least === 0) return poly;
  let out = Polynomial.ZERO;
  for (const t of terms) {
    let term = Polynomial.constant(t.coef);
    for (let i = 0; i < t.mono.pairs.length; i += 2) term = term.mul(Polynomial.variable(t.mono.pairs[i]).pow(t.mono.pairs[i] === id ? t.mono.pairs[i + 1] - least : t.mono.pairs[i + 1]));
    out = out.add(term);
  }
  return out;
}

/** The root of P, affine in variable id over constant atoms only, as an exact term; undefined where it has none or P is not so. */
function affineRootOverConstants(poly: Polynomial, id: number, atoms: AtomTable): Term | undefined {
  const offset = poly.substitute(id, Polynomial.ZERO);
  const slope = poly.substitute(id, Polynomial.ONE).sub(offset);
  if (slope.isZero()) return undefined;
  const slopeValue = slope.constantValue();
  if (slopeValue !== undefined) return constantsAsTerm(offset.scale(slopeValue.inv().neg()), atoms);
  const [top, bottom] = [constantsAsTerm(offset, atoms), constantsAsTerm(slope, atoms)];
  return top === undefined || bottom === undefined ? undefined : mul(num(-1), top, pow(bottom, num(-1)));
}

/** A polynomial in constant atoms only (exp(1), roots of numbers) as a term; undefined where an atom is no constant. */
function constantsAsTerm(poly: Polynomial, atoms: AtomTable): Term | undefined {
  const atomTerm = (id: number): Term | undefined => {
    const atom = atoms.atoms[id];
    if (atom.kind === 'exp' && atom.powers.length === 0) return fn('exp', num(atom.times ?? 1n, atom.den));
    const root = atoms.roots.get(id);
    const c = root?.radicand.constantValue();
    return root !== undefined && c !== undefined ? pow(fraction(c), num(1, root.q)) : undefined;
  };
  const terms: Term[] = [];
  for (const t of poly.terms()) {
    const factors: Term[] = [fraction(t.coef)];
    for (let i = 0; i < t.mono.pairs.length; i += 2) {
      const a = atomTerm(t.mono.pairs[i]);
      if (a === undefined) return undefined;
      factors.push(pow(a, num(t.mono.pairs[i + 1])));
    }
    terms.push(mul(...factors));
  }
  return add(...terms);
}

/**
 * Where a condition through functions of two scalar inputs fails: one input at 0,
 * where its atoms are exact (cos(a y) is 1, sin(a y) 0, exp(y / q) 1, y itself 0),
 * leaves a condition in the other alone, solved as above (cos(x + y), read as
 * cos x cos y - sin x sin y, is cos x at y = 0: x = pi / 2).
 */
function pointsWithAnInputAtZero(poly: Polynomial, vars: readonly number[], atoms: AtomTable, inputs: ReadonlyMap<string, Input>): Array<Map<string, PointValue>> {
  // The one input each atom reads, and its value at 0; undefined where an atom reads more, or is of another kind.
  const reads = vars.map((v) => atomAtZero(v, atoms, inputs));
  if (reads.some((r) => r === undefined)) return [];
  const names = [...new Set(reads.map((r) => r!.input))];
  if (names.length !== 2) return [];
  const out: Array<Map<string, PointValue>> = [];
  for (const name of names) {
    const kind = scalarKind(name, inputs);
    if (kind !== 'real') continue;
    let restricted = poly;
    vars.forEach((v, i) => { if (reads[i]!.input === name) restricted = restricted.substitute(v, Polynomial.constant(reads[i]!.value)); });
    if (restricted.variables().size !== 1) continue;
    for (const point of pointsThroughFunctions(restricted, atoms, inputs)) out.push(new Map<string, PointValue>([[name, { num: 0n, den: 1n }], ...point]));
  }
  return out.slice(0, MAX_POINTS);
}

/** The scalar input an atom reads alone (an input, cos or sin of a multiple of it, exp of it over q) and the atom's value where it is 0. */
function atomAtZero(id: number, atoms: AtomTable, inputs: ReadonlyMap<string, Input>): { input: string; value: Rational } | undefined {
  const atom = atoms.atoms[id];
  if (atom.kind === 'input') return scalarKind(atom.name, inputs) === undefined ? undefined : { input: atom.name, value: Rational.ZERO };
  const angle = atoms.angles.get(id);
  if (angle !== undefined) {
    const line = affineInInput(angle.argument, atoms, inputs);
    if (line === undefined || !line.offset.isZero()) return undefined;
    const input = atoms.atoms[[...angle.argument.numerator().variables()][0]];
    return input.kind === 'input' ? { input: input.name, value: angle.name === 'cos' ? Rational.ONE : Rational.ZERO } : undefined;
  }
  if (atom.kind === 'exp' && atom.times === undefined && atom.powers.length === 1 && atom.powers[0][1] === 1) {
    const input = atoms.atoms[atom.powers[0][0]];
    return input.kind === 'input' && scalarKind(input.name, inputs) !== undefined ? { input: input.name, value: Rational.ONE } : undefined;
  }
  return undefined;
}

/** A scalar input's simple values, for the entries not solved for: one of its type. */
const SIMPLE_VALUES: Readonly<Record<string, readonly Rational[]>> = {
  real: [Rational.ZERO, Rational.ONE, Rational.of(-1)], positive: [Rational.ONE, Rational.of(2)], unit: [Rational.of(1, 2)],
};

/**
 * Where a polynomial in two or three scalar inputs vanishes at an irrational point:
 * each input solved for in turn ({@link algebraicRoots}), the others at simple values
 * of their types (x^2 + y^2 - 3 at x = 1, y = sqrt(2)).
 */
function pointsOnCurve(poly: Polynomial, vars: readonly number[], atoms: AtomTable, inputs: ReadonlyMap<string, Input>): Array<Map<string, PointValue>> {
  if (vars.length > 3) return [];
  const out: Array<Map<string, PointValue>> = [];
  for (const { free, fixed, restricted } of restrictions(poly, vars, atoms, inputs)) {
    for (const x of algebraicRoots(restricted, free.id)) {
      const point = exactPoint(free.text, free.kind, x, fixed);
      if (point !== undefined) out.push(point);
      if (out.length >= MAX_POINTS) return out;
    }
  }
  return out;
}

/** A scalar input of a polynomial: its atom id, entry and kind. */
interface ScalarEntry { readonly id: number; readonly text: string; readonly kind: Input['kind'] }

/**
 * P with all its scalar inputs but one at simple values of their types, for each
 * input in turn and each combination of the others' values; none where P holds an
 * atom that is not a scalar input.
 */
function restrictions(poly: Polynomial, vars: readonly number[], atoms: AtomTable, inputs: ReadonlyMap<string, Input>):
  Array<{ free: ScalarEntry; fixed: ReadonlyArray<readonly [string, Rational]>; restricted: Polynomial }> {
  const entries = vars.map((id): ScalarEntry | undefined => {
    const atom = atoms.atoms[id];
    const kind = atom.kind === 'input' ? scalarKind(atom.name, inputs) : undefined;
    return atom.kind === 'input' && kind !== undefined ? { id, text: atom.text, kind } : undefined;
  });
  if (entries.some((e) => e === undefined)) return [];
  const known = entries as ScalarEntry[];
  const out: Array<{ free: ScalarEntry; fixed: ReadonlyArray<readonly [string, Rational]>; restricted: Polynomial }> = [];
  for (const free of known) {
    let assignments: Array<Array<readonly [ScalarEntry, Rational]>> = [[]];
    for (const other of known.filter((e) => e !== free)) {
      assignments = assignments.flatMap((a) => SIMPLE_VALUES[other.kind].map((v) => [...a, [other, v] as const]));
    }
    for (const assignment of assignments) {
      let restricted = poly;
      for (const [other, v] of assignment) restricted = restricted.substitute(other.id, Polynomial.constant(v));
      out.push({ free, fixed: assignment.map(([e, v]) => [e.text, v] as const), restricted });
    }
  }
  return out;
}

/**
 * The real roots of P, a polynomial in the one variable id with rational coefficients,
 * as exact terms where they are irrational: a quadratic's (-b +- sqrt(b^2 - 4 a c)) / (2 a),
 * and a x^n + c's (-c / a)^(1/n) (and its negative for an even n). None for other P.
 */
export function algebraicRoots(poly: Polynomial, id: number): Term[] {
  // A repeated factor has the roots of its square-free part: (x^2 - 3 x + 1)^2 > 0 ties at (3 +- sqrt(5)) / 2 (probe 32).
  if (poly.degreeIn(id) > 2) {
    const reduced = squarefreePart(poly, id);
    if (reduced !== undefined && reduced.degreeIn(id) < poly.degreeIn(id)) return algebraicRoots(reduced, id);
    // A rational root divided out leaves a quadratic's: (2 x + 1)(x^2 + x - 1), the slope of (x^2 + x - 1)^2, is least
    // at the golden ratio's roots, where (x^2 + x - 1)^2 > 1e-40 fails (probe 32).
    const deflated = withoutRationalRoots(poly, id);
    if (deflated !== undefined && deflated.roots.length > 0) {
      return [...deflated.roots.map(fraction), ...(deflated.rest.degreeIn(id) >= 2 ? algebraicRoots(deflated.rest, id) : [])];
    }
  }
  const n = poly.degreeIn(id);
  // A polynomial in x^g alone (x^4 - 4 x^2 + 1, the slope of tanh'' in e = exp(x)): its roots in u = x^g, then their
  // g-th roots (x = sqrt(2 + sqrt(3)), where tanh'' is least).
  const g = n > 2 ? exponentGcd(poly, id) : 1;
  if (g > 1) return rootsOfPowers(poly, id, g);
  if (n < 2 || n > MAX_ALGEBRAIC_DEGREE) return [];
  const at = (x: Rational): Rational | undefined => poly.substitute(id, Polynomial.constant(x)).constantValue();
  const c = at(Rational.ZERO);
  const plus = at(Rational.ONE);
  const minus = at(Rational.of(-1));
  if (c === undefined || plus === undefined || minus === undefined) return [];
  const half = Rational.of(1, 2);
  if (n === 2 && !plus.sub(minus).isZero()) {
    // With a linear term: the formula (without one, a x^2 + c below: sqrt(3), not (1/2) 12^(1/2)).
    const a = plus.add(minus).mul(half).sub(c);
    const b = plus.sub(minus).mul(half);
    const discriminant = b.mul(b).sub(Rational.of(4).mul(a).mul(c));
    if (discriminant.sign() < 0) return [];
    const centre = b.neg().div(a.mul(Rational.of(2)));
    const exact = wholeRoot(discriminant, 2);
    if (exact !== undefined) {
      const step = exact.div(a.mul(Rational.of(2)));
      return [fraction(centre.add(step)), fraction(centre.sub(step))];
    }
    const spread = mul(fraction(Rational.ONE.div(a.mul(Rational.of(2)))), pow(fraction(discriminant), num(1, 2)));
    return [add(fraction(centre), spread), add(fraction(centre), mul(num(-1), spread))];
  }
  // a x^n + c, read at n + 1 points: a polynomial of degree n that agrees there is that one.
  const a = plus.sub(c);
  for (let k = 2; k <= n + 1; k++) {
    const x = Rational.of(k);
    if (!at(x)?.equals(a.mul(x.pow(n)).add(c))) return [];
  }
  const ratio = c.neg().div(a);
  if (ratio.isZero()) return [num(0)];
  const rational = wholeRoot(ratio.abs(), n);
  const magnitude = rational !== undefined ? fraction(rational) : pow(fraction(ratio.abs()), num(1, n));
  if (n % 2 === 1) return [ratio.sign() > 0 ? magnitude : mul(num(-1), magnitude)];
  return ratio.sign() > 0 ? [magnitude, mul(num(-1), magnitude)] : [];
}

/** The greatest common divisor of the exponents of id in P's terms (1 where P holds another variable). */
function exponentGcd(poly: Polynomial, id: number): number {
  let g = 0;
  for (const term of poly.terms()) {
    const pairs = term.mono.pairs;
    if (pairs.length > 2 || (pairs.length === 2 && pairs[0] !== id)) return 1;
    let e = pairs.length === 0 ? 0 : pairs[1];
    let a = g;
    while (e !== 0) [a, e] = [e, a % e];
    g = a;
  }
  return g === 0 ? 1 : g;
}

/** The real roots of P(x) = Q(x^g): Q's roots u, then x = u^(1/g), and -u^(1/g) for an even g, where u >= 0. */
function rootsOfPowers(poly: Polynomial, id: number, g: number): Term[] {
  const c = coefficients(poly, id);
  if (c === undefined) return [];
  let reduced = Polynomial.ZERO;
  for (let e = 0; e < c.length; e += g) if (!c[e].isZero()) reduced = reduced.add(Polynomial.variable(id).pow(e / g).scale(c[e]));
  const out: Term[] = [];
  for (const u of reduced.degreeIn(id) === 1 ? linearRoot(reduced, id) : algebraicRoots(reduced, id)) {
    const value = doubleOf(u);
    if (value === undefined || (value < 0 && g % 2 === 0)) continue;
    const root = value === 0 ? num(0) : pow(u, num(1, g));
    if (value < 0) out.push(mul(num(-1), pow(mul(num(-1), u), num(1, g))));
    else out.push(root);
    if (g % 2 === 0 && value > 0) out.push(mul(num(-1), root));
  }
  return out;
}

/** The root of a P of degree 1 in id, as a term. */
function linearRoot(poly: Polynomial, id: number): Term[] {
  const c = coefficients(poly, id);
  return c === undefined || c.length < 2 || c[1].isZero() ? [] : [fraction(c[0].neg().div(c[1]))];
}

/** P's coefficients in id, lowest degree first; undefined where P holds another variable. */
function coefficients(poly: Polynomial, id: number): Rational[] | undefined {
  const out: Rational[] = new Array(poly.degreeIn(id) + 1).fill(Rational.ZERO);
  for (const term of poly.terms()) {
    const pairs = term.mono.pairs;
    if (pairs.length > 2 || (pairs.length === 2 && pairs[0] !== id)) return undefined;
    const e = pairs.length === 0 ? 0 : pairs[1];
    out[e] = out[e].add(term.coef);
  }
  return out;
}

/** Coefficients without the zero ones on top (at least one left). */
function trimmed(c: readonly Rational[]): Rational[] {
  let n = c.length;
  while (n > 1 && c[n - 1].isZero()) n--;
  return c.slice(0, n);
}

/** a divided by b (coefficients lowest first, b's top one nonzero): the quotient and the remainder. */
function divided(a: readonly Rational[], b: readonly Rational[]): { quotient: Rational[]; remainder: Rational[] } {
  const r = [...a];
  const q: Rational[] = new Array(Math.max(1, a.length - b.length + 1)).fill(Rational.ZERO);
  for (let d = r.length - 1; d >= b.length - 1; d--) {
    const factor = r[d].div(b[b.length - 1]);
    q[d - b.length + 1] = factor;
    for (let k = 0; k < b.length; k++) r[d - b.length + 1 + k] = r[d - b.length + 1 + k].sub(factor.mul(b[k]));
  }
  return { quotient: q, remainder: trimmed(r.slice(0, Math.max(1, b.length - 1))) };
}

/** P / gcd(P, P'), monic, for P in id alone of degree at most {@link MAX_ALGEBRAIC_DEGREE}: each root once. */
function squarefreePart(poly: Polynomial, id: number): Polynomial | undefined {
  const p = coefficients(poly, id);
  if (p === undefined || p.length - 1 > MAX_ALGEBRAIC_DEGREE) return undefined;
  let a = trimmed(p);
  let b = trimmed(a.slice(1).map((c, k) => c.mul(Rational.of(k + 1))));
  while (!(b.length === 1 && b[0].isZero())) [a, b] = [b, divided(a, b).remainder];
  // Monic: the quadratic's formula then reads (3 +- 5^(1/2)) / 2, in the radicals exact algebra reduces.
  const raw = trimmed(divided(trimmed(p), a).quotient);
  const q = raw.map((c) => c.div(raw[raw.length - 1]));
  return Polynomial.sum(q.map((c, e) => (e === 0 ? Polynomial.constant(c) : Polynomial.monomial(c, [[id, e]]))));
}

/**
 * P's rational roots, each divided out, and what is left of P; undefined where P holds another variable or its
 * coefficients are too large to search (exact/rational-roots.ts).
 */
function withoutRationalRoots(poly: Polynomial, id: number): { roots: Rational[]; rest: Polynomial } | undefined {
  const c = coefficients(poly, id);
  if (c === undefined) return undefined;
  let rest = trimmed(c);
  const roots: Rational[] = [];
  while (rest.length > 1) {
    const root = rationalRoot(rest);
    if (root === undefined) return undefined;
    if (root === null) break;
    roots.push(root);
    rest = dividedByRoot(rest, root);
  }
  return { roots, rest: Polynomial.sum(rest.map((k, e) => (e === 0 ? Polynomial.constant(k) : Polynomial.monomial(k, [[id, e]])))) };
}

/** The n-th root of r >= 0 where it is rational (9/4 for n = 2: 3/2); else undefined. */
function wholeRoot(r: Rational, n: number): Rational | undefined {
  const root = (x: bigint): bigint | undefined => {
    let lo = 0n;
    let hi = 1n;
    while (hi ** BigInt(n) <= x) hi *= 2n;
    while (lo < hi - 1n) {
      const mid = (lo + hi) / 2n;
      if (mid ** BigInt(n) <= x) lo = mid; else hi = mid;
    }
    return lo ** BigInt(n) === x ? lo : undefined;
  };
  if (r.sign() < 0) return undefined;
  const top = root(r.num);
  const bottom = root(r.den);
  return top === undefined || bottom === undefined ? undefined : Rational.of(top, bottom);
}

/** The highest degree {@link algebraicRoots} reads (a binomial's root; a quadratic's formula at 2). */
const MAX_ALGEBRAIC_DEGREE = 8;

/** Terms a condition's reduction by the atoms' relations may produce before it is read as it stands. */
const REDUCE_TERMS = 2_000;

/** Roots inside roots solved through, at most (sqrt(sqrt(x) + 1)). */
const MAX_ROOT_DEPTH = 3;

/** Points tried per condition, at most. */
const MAX_POINTS = 8;

const SIMPLE_ROOTS = [0, 1, -1, 2, -2, 3, -3].map((k) => Rational.of(k)).concat([Rational.of(1, 2), Rational.of(-1, 2)]);

/** The simple values where P, a polynomial in one atom, is exactly 0. */
export function simpleRoots(poly: Polynomial, id: number): Rational[] {
  return SIMPLE_ROOTS.filter((c) => poly.substitute(id, Polynomial.constant(c)).isZero());
}

/** Past this degree, once its powers of x are divided out, a polynomial's rational roots are not searched. */
const MAX_RATIONAL_ROOT_DEGREE = 40;

/**
 * The rational roots of P in the one variable id, by the rational root theorem after its powers of x are divided out
 * (x^(n-1) (n - (n + 1) x), the slope of x^n (1 - x), has n / (n + 1)): none past {@link MAX_RATIONAL_ROOT_DEGREE} or
 * where the coefficients are too large to search.
 */
export function rationalRoots(poly: Polynomial, id: number): Rational[] {
  const c = coefficients(poly, id);
  if (c === undefined) return [];
  let low = 0;
  while (low < c.length - 1 && c[low].isZero()) low++;
  let rest = trimmed(c.slice(low));
  if (rest.length - 1 > MAX_RATIONAL_ROOT_DEGREE) return low > 0 ? [Rational.ZERO] : [];
  const roots: Rational[] = low > 0 ? [Rational.ZERO] : [];
  while (rest.length > 1) {
    const root = rationalRoot(rest);
    if (root === undefined || root === null) break;
    if (!roots.some((r) => r.equals(root))) roots.push(root);
    rest = dividedByRoot(rest, root);
  }
  return roots;
}

/** The root of P = a x + c, exactly. */
export function affineRoot(poly: Polynomial, id: number): Rational[] {
  const c = poly.substitute(id, Polynomial.ZERO).constantValue();
  const a = poly.substitute(id, Polynomial.ONE).constantValue()?.sub(c ?? Rational.ZERO);
  return a === undefined || c === undefined || a.isZero() ? [] : [c.neg().div(a)];
}

const pi = (k: number, d = 1): Term => (k === 0 ? num(0) : mul(num(k, d), { k: 'pi' }));

/**
 * Angles where cos (or sin) is c, as exact terms: the textbook's for 0, +-1/2 and +-1,
 * acos(c) = pi/2 - asin(c) and asin(c) otherwise; a turn either way too, so that one
 * of them is positive (or in (0, 1)) for an input of that kind.
 */
export function angleTerms(name: 'sin' | 'cos', c: Rational): Term[] {
  const key = c.toString();
  const table = name === 'cos' ? COS_ANGLES[key] : SIN_ANGLES[key];
  if (table !== undefined) return table.map(([k, d]) => pi(k, d));
  const principal = name === 'cos' ? add(pi(1, 2), mul(num(-1), fn('asin', fraction(c)))) : fn('asin', fraction(c));
  const other = name === 'cos' ? mul(num(-1), principal) : add(pi(1), mul(num(-1), principal));
  return [principal, other, add(principal, pi(2)), add(other, pi(2))];
}

/** Angles where cos (or sin) is c, for c an exact irrational term in (-1, 1): as {@link angleTerms} past its table. */
function irrationalAngles(name: 'sin' | 'cos', c: Term): Term[] {
  const principal = name === 'cos' ? add(pi(1, 2), mul(num(-1), fn('asin', c))) : fn('asin', c);
  const other = name === 'cos' ? mul(num(-1), principal) : add(pi(1), mul(num(-1), principal));
  return [principal, other, add(principal, pi(2)), add(other, pi(2))];
}

/** The angles in [-2 pi, 2 pi] where cos is c, as [k, d] for k pi / d, smallest in size first. */
const COS_ANGLES: Readonly<Record<string, ReadonlyArray<readonly [number, number]>>> = {
  '1': [[0, 1], [2, 1], [-2, 1]],
  '-1': [[1, 1], [-1, 1]],
  '0': [[1, 2], [-1, 2], [3, 2]],
  '1/2': [[1, 3], [-1, 3], [5, 3]],
  '-1/2': [[2, 3], [-2, 3], [4, 3]],
};
const SIN_ANGLES: Readonly<Record<string, ReadonlyArray<readonly [number, number]>>> = {
  '0': [[0, 1], [1, 1], [-1, 1]],
  '1': [[1, 2], [-3, 2], [5, 2]],
  '-1': [[-1, 2], [3, 2]],
  '1/2': [[1, 6], [5, 6], [-7, 6]],
  '-1/2': [[-1, 6], [7, 6], [-5, 6]],
};

function fraction(c: Rational): Term {
  return num(c.num, c.den);
}

/** (theta - b) / a, the input's value where the argument a x + b is theta. */
function solved(theta: Term, slope: Rational, offset: Rational, reciprocal = false): Term {
  const shifted = offset.isZero() ? theta : add(theta, fraction(offset.neg()));
  // a / x + b = theta: x = a / (theta - b).
  if (reciprocal) return mul(fraction(slope), pow(shifted, num(-1)));
  return slope.equals(Rational.ONE) ? shifted : mul(fraction(slope.inv()), shifted);
}

/** A line through an angle's argument: x with the argument `slope x + offset` (or `slope / x + offset`, `reciprocal`). */
interface ArgumentLine {
  readonly entry: string;
  readonly kind: Input['kind'];
  readonly slope: Rational;
  readonly offset: Rational;
  readonly reciprocal?: boolean;
  readonly fixed: ReadonlyArray<readonly [string, Rational]>;
}

/**
 * The lines through an argument: for one scalar input, the argument itself where it is
 * a x + b; for several, each in turn with the others at simple values of their types
 * where that leaves a x + b (x + y at y = 0, x y at x = 1).
 */
function linesThrough(argument: RationalFunction, atoms: AtomTable, inputs: ReadonlyMap<string, Input>): ArgumentLine[] {
  const single = affineInInput(argument, atoms, inputs) ?? reciprocalInInput(argument, atoms, inputs);
  if (single !== undefined) return [{ ...single, fixed: [] }];
  if (argument.denominatorFactors().length > 0) return [];
  const poly = argument.numerator();
  const vars = [...poly.variables()];
  if (vars.length < 2 || vars.length > 3) return [];
  const scale = argument.denominatorConstant().inv();
  const out: ArgumentLine[] = [];
  for (const { free, fixed, restricted } of restrictions(poly, vars, atoms, inputs)) {
    if (restricted.degreeIn(free.id) !== 1 || restricted.variables().size !== 1) continue;
    const offset = restricted.substitute(free.id, Polynomial.ZERO).constantValue();
    const at1 = restricted.substitute(free.id, Polynomial.ONE).constantValue();
    if (offset === undefined || at1 === undefined) continue;
    const slope = at1.sub(offset).mul(scale);
    if (!slope.isZero()) out.push({ entry: free.text, kind: free.kind, slope, offset: offset.mul(scale), fixed });
  }
  return out.slice(0, MAX_POINTS);
}

/** An argument a x + b with x one scalar input and a, b rational: its entry, kind, a and b. */
function affineInInput(argument: RationalFunction, atoms: AtomTable, inputs: ReadonlyMap<string, Input>):
  { entry: string; kind: Input['kind']; slope: Rational; offset: Rational } | undefined {
  if (argument.denominatorFactors().length > 0) return undefined;
  const scale = argument.denominatorConstant().inv();
  const poly = argument.numerator();
  const vars = [...poly.variables()];
  if (vars.length !== 1 || poly.degreeIn(vars[0]) !== 1) return undefined;
  const atom = atoms.atoms[vars[0]];
  const kind = atom.kind === 'input' ? scalarKind(atom.name, inputs) : undefined;
  if (atom.kind !== 'input' || kind === undefined) return undefined;
  const [offset] = [poly.substitute(vars[0], Polynomial.ZERO).constantValue()];
  const at1 = poly.substitute(vars[0], Polynomial.ONE).constantValue();
  if (offset === undefined || at1 === undefined) return undefined;
  const slope = at1.sub(offset).mul(scale);
  return slope.isZero() ? undefined : { entry: atom.text, kind, slope, offset: offset.mul(scale) };
}

/**
 * The roots of a condition in several atoms through a part of it in fewer: its cofactor where a monomial divides it
 * (x - x sin(1/x) is x (1 - sin(1/x)), 0 at sin(1/x) = 1), and each of its indicators at 0 and at 1 (abs(s) - 1 is
 * 2 s [s > 0] - s - 1: s - 1 where s > 0). Only more points: where an indicator's value is not its own, the point
 * found reads the condition as it is (x |sin(1/x)| < x ties at x = 2/pi, and the strict bound was verified, probe 92).
 */
function throughFewerAtoms(poly: Polynomial, vars: readonly number[], atoms: AtomTable, inputs: ReadonlyMap<string, Input>, depth: number): Array<Map<string, PointValue>> {
  const out: Array<Map<string, PointValue>> = [];
  const { content, cofactor } = poly.extractMonomialContent();
  if (content.length > 0 && cofactor.variables().size < vars.length && cofactor.variables().size > 0) out.push(...pointsThroughFunctions(cofactor, atoms, inputs, depth + 1));
  const indicators = vars.filter((id) => atoms.stepAtoms.has(id));
  if (indicators.length > 0 && indicators.length <= MAX_INDICATORS_SET && indicators.length < vars.length) {
    for (let values = 0; values < 2 ** indicators.length; values++) {
      let set = poly;
      indicators.forEach((id, k) => { set = set.substitute(id, (values >> k) & 1 ? Polynomial.ONE : Polynomial.ZERO); });
      if (set.variables().size > 0) out.push(...pointsThroughFunctions(set, atoms, inputs, depth + 1));
    }
  }
  return out.slice(0, MAX_POINTS);
}

/** The indicators of a condition set to 0 and 1 in every combination, at most (2^k conditions each). */
const MAX_INDICATORS_SET = 2;

/**
 * An argument a / x + b with x one scalar input and a, b rational (sin(1/x) = 1 at x = 2/pi: the squeeze theorem's
 * x |sin(1/x)| <= x ties there, and the strict bound was verified, probe 92).
 */
function reciprocalInInput(argument: RationalFunction, atoms: AtomTable, inputs: ReadonlyMap<string, Input>):
  { entry: string; kind: Input['kind']; slope: Rational; offset: Rational; reciprocal: true } | undefined {
  const factors = argument.denominatorFactors();
  if (factors.length !== 1 || factors[0].exponent !== 1) return undefined;
  const denominator = factors[0].factor;
  const vars = [...denominator.variables()];
  if (vars.length !== 1 || denominator.degreeIn(vars[0]) !== 1) return undefined;
  const [id] = vars;
  const atom = atoms.atoms[id];
  const kind = atom.kind === 'input' ? scalarKind(atom.name, inputs) : undefined;
  if (atom.kind !== 'input' || kind === undefined) return undefined;
  // The denominator c x (no constant), the numerator p x + q: the argument is p / c + (q / c) / x.
  const numerator = argument.numerator();
  if (![...numerator.variables()].every((v) => v === id) || numerator.degreeIn(id) > 1) return undefined;
  const [d0, d1] = [denominator.substitute(id, Polynomial.ZERO).constantValue(), denominator.substitute(id, Polynomial.ONE).constantValue()];
  const [q, n1] = [numerator.substitute(id, Polynomial.ZERO).constantValue(), numerator.substitute(id, Polynomial.ONE).constantValue()];
  if (d0 === undefined || !d0.isZero() || d1 === undefined || q === undefined || n1 === undefined) return undefined;
  const c = d1.mul(argument.denominatorConstant());
  const slope = q.div(c);
  return slope.isZero() ? undefined : { entry: atom.text, kind, slope, offset: n1.sub(q).div(c), reciprocal: true };
}

/** The kind of a scalar input whose values a point may set (real, positive, unit); else undefined. */
function scalarKind(name: string, inputs: ReadonlyMap<string, Input>): Input['kind'] | undefined {
  const input = inputs.get(name);
  return input !== undefined && input.dims.length === 0 && (input.kind === 'real' || input.kind === 'positive' || input.kind === 'unit') ? input.kind : undefined;
}

/** Whether a scalar `real`, `positive` or `unit` input may take the double x. */
export function allowsValue(kind: string, x: number): boolean {
  return kind === 'real' || (x > 0 && (kind !== 'unit' || x < 1));
}

/** An exact constant's double, from its 60-digit value; undefined where it has none or is past doubles. */
function doubleOf(x: Term): number | undefined {
  try {
    const value = evaluateHighPrecision(x, new Map()).toNumber();
    return Number.isFinite(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The point where the entry is exactly x (and the entries fixed hold their values), if x is a value of its kind. */
function exactPoint(entry: string, kind: Input['kind'], x: Term, fixed: ReadonlyArray<readonly [string, Rational]> = []): Map<string, PointValue> | undefined {
  // A point past doubles too, read in its digits (log(x) = 1000/e x^(1/1000) at x = e^1000, u log(1/u) ties at e^-1000:
  // probe 101, verified): its double is an infinity or 0, its sign and size in the decimal.
  let value: Decimal;
  try {
    value = evaluateHighPrecision(x, new Map());
  } catch {
    return undefined;
  }
  if (!value.isFinite()) return undefined;
  const approx = value.toNumber();
  // The double's side of 0 and of the kind's ends: an underflow stands as the least double of its sign, an overflow as the largest.
  const side = approx === 0 && !value.isZero() ? Math.sign(value.s) * Number.MIN_VALUE : Math.max(-Number.MAX_VALUE, Math.min(Number.MAX_VALUE, approx));
  if (!allowsValue(kind, side)) return undefined;
  return new Map<string, PointValue>([...fixed.map(([e, v]): [string, PointValue] => [e, { num: v.num, den: v.den }]), [entry, { term: x, approx }]]);
}
