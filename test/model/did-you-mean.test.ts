/**
 * The "did you mean" suggestion for an unknown name (model/did-you-mean.ts): the nearest known name within two
 * edits, computed on the band of the edit table alone, so a name of 150,000 letters is answered at once (probe 67:
 * two minutes, quadratic in the name's length).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closest } from '../../src/model/did-you-mean.ts';

/** The whole edit table, the definition the banded one must agree with. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}

function nearest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    if (name.length === 1 && candidate.length === 1 && name.toLowerCase() !== candidate.toLowerCase()) continue;
    const d = distance(name, candidate);
    const kept = Math.max(name.length, candidate.length) - d;
    if (name.toLowerCase() !== candidate.toLowerCase() && kept < Math.ceil(Math.min(name.length, candidate.length) / 2)) continue;
    if (d < bestDistance) { best = candidate; bestDistance = d; }
  }
  return best;
}

describe('closest', () => {
  it('suggests what the whole edit table would, for any names', () => {
    const name = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'A', 'σ'), maxLength: 9 });
    fc.assert(fc.property(name, fc.array(name, { maxLength: 6 }), (n, known) => {
      expect(closest(n, known)).toBe(nearest(n, known));
    }), { numRuns: 3000 });
  });

  it('answers for names of 150,000 letters, one edit apart or many', () => {
    const long = 'a'.repeat(150_000);
    expect(closest(`${long}b`, [long, 'x'])).toBe(long);
    expect(closest('b'.repeat(150_000), [long])).toBeUndefined();
  });
});
