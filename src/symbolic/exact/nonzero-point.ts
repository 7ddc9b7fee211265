/**
 * Witness points for "this polynomial is not zero". A nonzero polynomial of
 * degree d vanishes on at most a d/|S| fraction of S^n (Schwartz-Zippel), so a
 * few sampled points almost always find one; the point is then shown to the
 * user as a counterexample, which is why simple values are tried first.
 */
import type { Polynomial } from './polynomial.ts';
import { Rational } from './rational.ts';

/** Where a variable may be sampled: anywhere except 0, or strictly positive. */
export type VariableDomain = 'real' | 'positive';

export interface NonzeroPointOptions {
  /** Seed of the random phase; same seed, same answer. Default 1. */
  seed?: number;
  /** Candidate points to try, the structured ones included. Default 200. */
  tries?: number;
}

const PRIMES = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97];

/** A value per variable position `i` (0-based in id order); `real` patterns may go negative. */
interface Pattern {
  readonly realOnly: boolean;
  readonly at: (i: number) => Rational;
}

const q = (n: number, d = 1): Rational => Rational.of(n, d);

// Simplest first: a user reading a counterexample wants x = 1, not x = 37/11.
const PATTERNS: readonly Pattern[] = [
  { realOnly: false, at: () => q(1) },
  { realOnly: false, at: () => q(2) },
  { realOnly: false, at: () => q(1, 2) },
  { realOnly: false, at: () => q(3) },
  { realOnly: true, at: () => q(-1) },
  { realOnly: false, at: (i) => q(i + 1) },
  { realOnly: false, at: (i) => q(i + 2) },
  { realOnly: false, at: (i) => q(1, i + 2) },
  { realOnly: true, at: (i) => q(i % 2 === 0 ? i + 1 : -(i + 1)) },
  { realOnly: false, at: (i) => q(PRIMES[i % PRIMES.length] + Math.floor(i / PRIMES.length)) },
  { realOnly: false, at: (i) => q(i + 2, i + 1) },
  { realOnly: false, at: (i) => q((i + 1) * (i + 1) + 1, i + 2) },
];

/** mulberry32: tiny, fast, and reproducible from a 32-bit seed; numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Finds a point with small rational coordinates (positive where `domain` says
 * so) at which `p` and every `avoid` polynomial are nonzero. Undefined if `p`
 * (or some `avoid`) is the zero polynomial, or `tries` candidates all fail.
 *
 * @example
 * // x0 - x1 vanishes at (1, 1) and (2, 2); the first point that works is (1, 2).
 * findNonzeroPoint(x0.sub(x1), [], () => 'positive'); // Map { 0 => 1, 1 => 2 }
 */
export function findNonzeroPoint(
  p: Polynomial,
  avoid: readonly Polynomial[],
  domain: (id: number) => VariableDomain,
  options: NonzeroPointOptions = {},
): Map<number, Rational> | undefined {
  const { seed = 1, tries = 200 } = options;
  if (p.isZero() || avoid.some((a) => a.isZero())) return undefined;
  const ids = new Set<number>(p.variables());
  for (const a of avoid) for (const v of a.variables()) ids.add(v);
  const order = [...ids].sort((a, b) => a - b);
  const positive = order.map((id) => domain(id) === 'positive');
  const anyReal = positive.some((x) => !x);

  const works = (point: Map<number, Rational>): boolean => {
    const at = (id: number): Rational => point.get(id)!;
    if (p.evaluate(at).isZero()) return false;
    return avoid.every((a) => !a.evaluate(at).isZero());
  };

  let attempts = 0;
  for (const pattern of PATTERNS) {
    if (attempts >= tries) return undefined;
    if (pattern.realOnly && !anyReal) continue;
    attempts++;
    const point = new Map<number, Rational>();
    order.forEach((id, i) => {
      const v = pattern.at(i);
      point.set(id, positive[i] ? v.abs() : v);
    });
    if (works(point)) return point;
  }

  const rand = seededRandom(seed);
  for (let t = 0; attempts < tries; t++, attempts++) {
    // Widen the sample set as attempts fail: a degree-d polynomial can vanish on
    // every point of a set of d values per coordinate.
    const range = 4 + 2 * t;
    const maxDen = 1 + Math.min(12, Math.floor(t / 3));
    const point = new Map<number, Rational>();
    order.forEach((id, i) => {
      const n = 1 + Math.floor(rand() * range);
      const d = 1 + Math.floor(rand() * maxDen);
      const negative = !positive[i] && rand() < 0.5;
      point.set(id, Rational.of(negative ? -n : n, d));
    });
    if (works(point)) return point;
  }
  return undefined;
}
