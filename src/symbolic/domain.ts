import { isContinuousKind } from '../model/index.ts';
import { Polynomial } from './exact/index.ts';

/**
 * What must hold for an expression to have a value, as the exact engine reads it:
 * a denominator is not zero, a log argument is positive, a square root's argument
 * is not negative. Each condition is on a canonical polynomial (sign folded in,
 * known-positive factors left out), so the same condition read on both sides of a
 * step has the same key.
 */
export type Condition =
  | { readonly kind: 'nonzero' | 'nonneg'; readonly poly: Polynomial; readonly key: string; readonly text: string }
  /** `nonzeroKeys`: the keys of the nonzero conditions it implies (its factors, as {@link Conditions} reads them). */
  | { readonly kind: 'positive'; readonly poly: Polynomial; readonly key: string; readonly text: string; readonly nonzeroKeys: readonly string[] }
  /**
   * The argument of gamma, lgamma or digamma is no pole: `poly` is not 0, -1, -2,
   * ... Implied by the same condition, or by `poly > 0`. Its key is the polynomial
   * as it is, sign and all (x + 1 and -x - 1 have different poles).
   */
  | { readonly kind: 'notpole'; readonly poly: Polynomial; readonly key: string; readonly text: string; readonly nonzeroKeys: readonly string[] }
  /** A subterm whose domain the engine cannot state (x^y of unknown sign): implied only by the same subterm. */
  | { readonly kind: 'opaque'; readonly key: string; readonly text: string };

/**
 * The conditions of one side of a step. `never` is set when a condition is a
 * false constant (0 != 0, -1 >= 0): the side has no value anywhere.
 *
 * @example
 * // 0 / 0: never = 'a denominator is 0'; exp(log(x)): one condition, x > 0.
 */
export class Conditions {
  private readonly byKey = new Map<string, Condition>();
  never: string | undefined;

  add(c: Condition): void {
    this.byKey.set(`${c.kind}:${c.key}`, c);
  }

  markNever(why: string): void {
    this.never ??= why;
  }

  merge(o: Conditions): void {
    for (const [k, c] of o.byKey) this.byKey.set(k, c);
    if (o.never !== undefined) this.markNever(o.never);
  }

  get list(): readonly Condition[] {
    return [...this.byKey.values()];
  }
}

/**
 * The domain rule, syntactically: every condition of the step (`rhs`) follows
 * from those of the line above (`lhs`), so the step has a value wherever the line
 * above has one. P > 0 gives P >= 0 and P != 0; a product is nonzero when each
 * of its factors is (the factors are separate conditions).
 * Returns the first condition that does not follow, or undefined when all do.
 */
export function unimplied(rhs: Conditions, lhs: Conditions): Condition | undefined {
  return unimpliedConditions(rhs, lhs)[0];
}

/** The conditions of the step the line above does not imply, in order. */
export function unimpliedConditions(rhs: Conditions, lhs: Conditions): Condition[] {
  const missing: Condition[] = [];
  const known = new Set<string>();
  for (const c of lhs.list) {
    switch (c.kind) {
      case 'positive':
        known.add(`positive:${c.key}`);
        known.add(`nonneg:${c.key}`);
        known.add(`notpole:${c.poly.key()}`);
        for (const k of c.nonzeroKeys) known.add(`nonzero:${k}`);
        break;
      // No pole: not 0 either.
      case 'notpole':
        known.add(`notpole:${c.key}`);
        for (const k of c.nonzeroKeys) known.add(`nonzero:${k}`);
        break;
      default: known.add(`${c.kind}:${c.key}`);
    }
  }
  // Polynomials the line above has nonzero (> 0, no pole or != 0): any power of one is nonzero too.
  const nonzero = lhs.list.flatMap((c) => (c.kind === 'opaque' || c.kind === 'nonneg' ? [] : [c.poly]));
  for (const c of rhs.list) {
    switch (c.kind) {
      case 'opaque': if (!known.has(`opaque:${c.key}`)) missing.push(c); break;
      case 'nonzero': if (!known.has(`nonzero:${c.key}`) && !isPowerOfOneOf(c.poly, nonzero)) missing.push(c); break;
      case 'nonneg': if (!known.has(`nonneg:${c.key}`)) missing.push(c); break;
      case 'positive': if (!known.has(`positive:${c.key}`)) missing.push(c); break;
      case 'notpole': if (!known.has(`notpole:${c.key}`)) missing.push(c); break;
    }
  }
  return missing;
}

/** The highest power of a nonzero polynomial recognised in a condition (1 / (1 - x)^4 needs (1 - x)^4 != 0). */
const MAX_POWER = 4;

/**
 * Whether p is q^m or q is p^m, up to a constant factor, for some q of `polys` and 2 <= m <= {@link MAX_POWER}:
 * (1 - x)^2 != 0 follows from 1 - x != 0 or 1 - x > 0, and 1 - x != 0 from (1 - x)^3 != 0, which the keys alone do not show.
 */
function isPowerOfOneOf(p: Polynomial, polys: readonly Polynomial[]): boolean {
  if (polys.length === 0) return false;
  const target = p.normalizeFactor().primitive;
  const degree = target.degree();
  if (degree === 0) return false;
  for (const q of polys) {
    const d = q.degree();
    if (d === 0) continue;
    for (let m = 2; m <= MAX_POWER; m++) {
      if (d * m === degree && q.pow(m).normalizeFactor().primitive.equals(target)) return true;
      // p^m != 0 (a cube in the line above) gives p != 0 as well: a power is 0 exactly where its base is.
      if (degree * m === d && target.pow(m).normalizeFactor().primitive.equals(q.normalizeFactor().primitive)) return true;
    }
  }
  return false;
}

/**
 * The domain rule of one instance or case: the first condition of the step that
 * the line above does not imply (`missing`); but in a step read almost everywhere
 * (about a derivative) a condition that fails only on a set of measure zero is
 * waived (`waived`), as `waivable` says: there the step holds as a derivative
 * through a kink does. Without `waivable`, nothing is waived.
 */
export function domainRule(rhs: Conditions, lhs: Conditions, waivable?: (c: Condition) => boolean): { missing?: Condition; waived?: Condition } {
  const all = unimpliedConditions(rhs, lhs);
  const missing = all.find((c) => !waivable?.(c));
  if (missing) return { missing };
  return all.length > 0 ? { waived: all[0] } : {};
}


/** What {@link failsOnNullSet} needs to know of the atoms of a condition (canonical.ts's AtomTable gives it). */
export interface NullSetFacts {
  /** The kind of the input an atom is an entry of; undefined for any other atom. */
  inputKind(id: number): string | undefined;
  /** An indicator, 0 or 1: [P > 0], [P == 0]. */
  isIndicator(id: number): boolean;
  /** A real-analytic function of the inputs where it has a value (exp, log, a root, sin, atan, ...). */
  isAnalytic(id: number): boolean;
  /** The polynomial's value in doubles at a fixed generic point, or undefined where it has none there. */
  valueAtGenericPoint(p: Polynomial): number | undefined;
}

/** Indicators of a condition whose 0/1 values are each tried, at most. */
const MAX_INDICATORS = 4;

/**
 * Whether a condition fails only on a set of measure zero: `P != 0` where, for
 * every 0/1 value of the indicators in P, what is left is a polynomial in
 * entries of continuous inputs and real-analytic atoms that is not 0 everywhere
 * ((x - 2) (2 [x > 2] - 1) is x - 2 or 2 - x; sin(x) is not 0 at a generic
 * point). The zeros of such a function are a set of measure zero. Not where an
 * indicator alone is left ([x > 0] is 0 on an open set), nor a label or one-hot
 * entry (0 with positive probability), a simplex entry (they are tied by their
 * sum), a size, an unknown function (it may be 0 on an interval), a max.
 */
export function failsOnNullSet(c: Condition, facts: NullSetFacts): boolean {
  if (c.kind !== 'nonzero' && c.kind !== 'notpole') return false;
  const indicators: number[] = [];
  let analytic = false;
  for (const id of c.poly.variables()) {
    if (facts.isIndicator(id)) { indicators.push(id); continue; }
    const kind = facts.inputKind(id);
    if (kind !== undefined) {
      if (!isContinuousKind(kind)) return false;
      continue;
    }
    if (!facts.isAnalytic(id)) return false;
    analytic = true;
  }
  // A pole of the gamma family is a whole number: among polynomials in the inputs alone.
  if (c.kind === 'notpole') return indicators.length === 0 && !analytic;
  if (indicators.length > MAX_INDICATORS) return false;
  for (let mask = 0; mask < 1 << indicators.length; mask++) {
    let q = c.poly;
    indicators.forEach((id, i) => { q = q.substitute(id, (mask >> i) & 1 ? Polynomial.ONE : Polynomial.ZERO); });
    if (q.isZero()) return false;
    // With analytic atoms, a nonzero polynomial may still be 0 everywhere (sin^2 + cos^2 - 1): a generic point says it is not.
    if (analytic && !q.isConstant()) {
      const value = facts.valueAtGenericPoint(q);
      if (value === undefined || !(Math.abs(value) > 1e-9)) return false;
    }
  }
  return true;
}
