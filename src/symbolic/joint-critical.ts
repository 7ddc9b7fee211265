import type { Term } from '../model/index.ts';

/** A term's value at a point of its scalar inputs (NaN where it has none). */
export type ReadAt = (t: Term, point: ReadonlyMap<string, number>) => number;

/** Newton steps from each start, at most, and the starts. */
const MAX_STEPS = 24;
/** Inputs solved for together, at most: each step reads the slopes 2 k^2 + k times. */
const MAX_INPUTS = 4;
/** Readings of slopes from all starts, at most: a bound's search stays within some tenths of a second. */
const MAX_READINGS = 800;

/**
 * Points where every derivative of a bound's margin vanishes at once, found by Newton's
 * method on the system of its slopes (their Jacobian by central differences) from
 * each start: where a margin is least at one point of all its inputs together and
 * not affine there (`(x - c)^2 + (c - 3)^2 + d - 1 - log(d) > 0` fails at x = c = 3,
 * d = 1 alone), no input alone nor a curve through simple values reaches it. The
 * points are doubles, for the caller to snap to the constants it knows and read
 * exactly: Newton's answer is evidence of where to look, never of a tie.
 */
export function newtonCriticalPoints(slopes: readonly Term[], names: readonly string[], starts: readonly ReadonlyMap<string, number>[],
  readAt: ReadAt, allowed: (name: string, v: number) => boolean): Map<string, number>[] {
  const k = names.length;
  if (k < 2 || k > MAX_INPUTS || slopes.length !== k) return [];
  const out: Map<string, number>[] = [];
  let readings = 0;
  // Past the readings allowed, every slope reads NaN: the search ends where it stands.
  const gradient = (point: ReadonlyMap<string, number>): number[] => slopes.map((s) => (++readings > MAX_READINGS ? Number.NaN : readAt(s, point)));
  for (const start of starts) {
    const point = new Map(start);
    let g = gradient(point);
    for (let step = 0; step < MAX_STEPS && g.every(Number.isFinite); step++) {
      const size = Math.hypot(...g);
      if (size < 1e-13) break;
      // The Jacobian of the slopes by central differences.
      const jacobian = names.map(() => new Array<number>(k).fill(0));
      for (let j = 0; j < k; j++) {
        const v = point.get(names[j])!;
        const h = 1e-6 * Math.max(1, Math.abs(v));
        point.set(names[j], v + h);
        const up = gradient(point);
        point.set(names[j], v - h);
        const down = gradient(point);
        point.set(names[j], v);
        for (let i = 0; i < k; i++) jacobian[i][j] = (up[i] - down[i]) / (2 * h);
      }
      const delta = solve(jacobian, g.map((x) => -x));
      if (delta === undefined) break;
      // Halved until the slopes shrink and every input stays within its type.
      let scale = 1;
      let moved = false;
      for (let tries = 0; tries < 30 && !moved; tries++, scale /= 2) {
        const next = new Map(point);
        for (let j = 0; j < k; j++) next.set(names[j], point.get(names[j])! + scale * delta[j]);
        if (![...names].every((n) => allowed(n, next.get(n)!))) continue;
        const g2 = gradient(next);
        if (g2.every(Number.isFinite) && Math.hypot(...g2) < size) {
          for (const n of names) point.set(n, next.get(n)!);
          g = g2;
          moved = true;
        }
      }
      if (!moved) break;
    }
    if (g.every(Number.isFinite) && Math.hypot(...g) < 1e-9) out.push(point);
  }
  return out;
}

/** Solves A x = b by Gaussian elimination with partial pivoting; undefined where A is (nearly) singular. */
function solve(a: number[][], b: number[]): number[] | undefined {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
    if (!(Math.abs(m[pivot][col]) > 1e-300)) return undefined;
    [m[col], m[pivot]] = [m[pivot], m[col]];
    for (let r = col + 1; r < n; r++) {
      const f = m[r][col] / m[col][col];
      for (let c = col; c <= n; c++) m[r][c] -= f * m[col][c];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r][n];
    for (let c = r + 1; c < n; c++) s -= m[r][c] * x[c];
    x[r] = s / m[r][r];
  }
  return x.every(Number.isFinite) ? x : undefined;
}
