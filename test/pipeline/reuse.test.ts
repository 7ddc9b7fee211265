import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { CheckedDerivations, checkFiles, toJsonReport, type StepPlace } from '../../src/index.ts';
import { TempFolder } from '../__test-helpers__/derivations.ts';

const folder = new TempFolder();
afterAll(() => folder.remove());

const TWO = `derivation "first"
given x: real
claim diff(x^3, x) = 3 * x^2
claim diff(sin(x), x) = -cos(x)   expect wrong

derivation "second"
given y: positive
claim log(y^2) = 2 * log(y)
claim exp(log(y)) = y
`;
const OTHER = `derivation "other"
given z: real
claim (z + 1)^2 = z^2 + 2 * z + 1
`;
const FAST = { seed: 7, trials: 8, sizes: [1, 2] } as const;
const json = (paths: string[], options: Parameters<typeof checkFiles>[1]) => JSON.stringify(toJsonReport(checkFiles(paths, options)));

describe('CheckedDerivations: reusing the results of derivations that did not change', () => {
  it('a second run checks nothing and reports the same, byte for byte', () => {
    const a = folder.file('a.deriv', TWO);
    const store = new CheckedDerivations();
    const first = json([a], { ...FAST, reuse: store });
    expect(store.lastRun).toEqual({ checkedDerivations: 2, checkedSteps: 4, reusedDerivations: 0, reusedSteps: 0 });
    const steps: StepPlace[] = [];
    const second = json([a], { ...FAST, reuse: store, onStepPlaced: (_, place) => steps.push(place) });
    expect(store.lastRun).toEqual({ checkedDerivations: 0, checkedSteps: 0, reusedDerivations: 2, reusedSteps: 4 });
    expect(steps).toEqual([]);
    expect(second).toBe(first);
  });

  it('an edited derivation is checked again, the others reused, and the report is that of a fresh run', () => {
    const a = folder.file('b.deriv', TWO);
    const o = folder.file('o.deriv', OTHER);
    const store = new CheckedDerivations();
    json([a, o], { ...FAST, reuse: store });
    writeFileSync(a, TWO.replace('claim exp(log(y)) = y', 'claim exp(log(y)) = y + 1'));
    const places: StepPlace[] = [];
    const again = json([a, o], { ...FAST, reuse: store, onStepPlaced: (_, place) => places.push(place) });
    expect(store.lastRun).toEqual({ checkedDerivations: 1, checkedSteps: 2, reusedDerivations: 2, reusedSteps: 3 });
    // Progress names the step where it stands in its file: the second derivation of the first file.
    expect(places.map((p) => [p.file, p.path, p.derivation, p.claim])).toEqual([[0, a, 1, 0], [0, a, 1, 1]]);
    expect(again).toBe(json([a, o], FAST));
    expect(JSON.parse(again).summary).toMatchObject({ steps: 5, refuted: 2, unexpected: 1 });
  });

  it('a derivation moved by a line is checked again: its results name their lines', () => {
    const a = folder.file('c.deriv', TWO);
    const store = new CheckedDerivations();
    json([a], { ...FAST, reuse: store });
    writeFileSync(a, `# a comment on top\n${TWO}`);
    const moved = json([a], { ...FAST, reuse: store });
    expect(store.lastRun.checkedDerivations).toBe(2);
    expect(moved).toBe(json([a], FAST));
    expect(JSON.parse(moved).files[0].derivations[0].claims[0].line).toBe(4);
  });

  it('other options (seed, trials, sizes) check everything again', () => {
    const a = folder.file('d.deriv', TWO);
    const store = new CheckedDerivations();
    json([a], { ...FAST, reuse: store });
    for (const options of [{ ...FAST, seed: 8 }, { ...FAST, trials: 9 }, { ...FAST, sizes: [1, 3] }]) {
      json([a], { ...options, reuse: store });
      expect(store.lastRun.reusedDerivations).toBe(0);
      json([a], FAST); // the store is untouched by a run without it
      json([a], { ...FAST, reuse: store });
      expect(store.lastRun.reusedDerivations).toBe(0);
    }
  });

  it('without a seed, the store draws one and keeps it, so the next run reuses', () => {
    const a = folder.file('e.deriv', OTHER);
    const store = new CheckedDerivations();
    const first = checkFiles([a], { trials: 8, sizes: [1, 2], reuse: store });
    const second = checkFiles([a], { trials: 8, sizes: [1, 2], reuse: store });
    expect(store.seed).toBe(first.seed);
    expect(second.seed).toBe(first.seed);
    expect(store.lastRun.reusedDerivations).toBe(1);
  });

  it('forgets derivations no longer in any file, and a file that no longer parses reports its error', () => {
    const a = folder.file('f.deriv', TWO);
    const o = folder.file('g.deriv', OTHER);
    const store = new CheckedDerivations();
    json([a, o], { ...FAST, reuse: store });
    expect(store.size).toBe(3);
    rmSync(o);
    json([a], { ...FAST, reuse: store });
    expect(store.size).toBe(2);
    writeFileSync(a, 'derivation "broken\n');
    const broken = JSON.parse(json([a], { ...FAST, reuse: store }));
    expect(broken.files[0].error).toMatchObject({ code: expect.any(String) });
    expect(store.size).toBe(0);
    writeFileSync(a, TWO);
    json([a], { ...FAST, reuse: store });
    expect(store.lastRun.checkedDerivations).toBe(2);
    expect(readFileSync(a, 'utf8')).toBe(TWO);
  });
});
