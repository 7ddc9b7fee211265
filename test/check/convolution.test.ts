/**
 * Convolutions: affine index positions (`x[i + j - 1]`) and dimension arithmetic
 * (`vector[n - k + 1]`). Known-good backward passes hold at the sizes tried,
 * textbook mistakes are refuted, out-of-range reads have no value, and indices
 * that only stand in sums of indices are rejected with a message.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildModel, parseDerivation, parseDerivationFile } from '../../src/index.ts';
import { sizeAssignments } from '../../src/check/sizes.ts';
import { compileClosures, IndexSlots, newState } from '../../src/numeric/compile.ts';
import { compileGenerated, generateSource } from '../../src/numeric/generate.ts';
import { layoutInputs } from '../../src/numeric/layout.ts';
import { checkStepNumerically } from '../../src/numeric/index.ts';
import { eliminateDiff, proveForEveryN } from '../../src/symbolic/index.ts';
import { Budget } from '../../src/symbolic/index.ts';
import { symmetricDimensions } from '../../src/symbolic/instance-symmetry.ts';
import { printTerm } from '../../src/model/index.ts';
import { checkReport, claimsOf, deriv, onlyStep, stepsOf, syntaxDiagnostics } from '../__test-helpers__/derivations.ts';

const FIXTURE = readFileSync(new URL('./fixtures/convolution.deriv', import.meta.url), 'utf8');
/** The default sizes: the conv fixtures need n > k for more than one output. */
const SIZES = { sizes: [1, 2, 3, 4, 5, 8], trials: 30 };

describe('convolution fixtures: conv1d, stride 2, conv2d, full convolution', () => {
  const report = checkReport(FIXTURE, SIZES);
  const steps = stepsOf(report);

  it('every step is as expected: the right ones hold, the mistakes are refuted', () => {
    expect(steps.length).toBe(20);
    for (const step of steps) {
      expect(step.ok, `line ${step.line}: ${step.verdict} ${step.detail.diagnostic?.message ?? ''}`).toBe(true);
      expect(step.verdict).toBe(step.expect === 'wrong' ? 'refuted' : 'proved');
    }
    expect(steps.filter((s) => s.expect === 'wrong').length).toBe(11);
  });

  it('a step with an affine index is proved at the sizes tried, never for every n', () => {
    const affine = steps.filter((s) => s.expect === 'holds' && /\[[^\]]*[a-z] [+-] [a-z]/.test(s.text));
    expect(affine.length).toBeGreaterThan(3);
    for (const step of affine) expect(step.proof, `line ${step.line}`).toBe('sizes-tried');
  });

  it('the sizes tried keep every derived dimension at least 1 and include more than one output', () => {
    const proved = steps.find((s) => s.text.includes('sum(i, g[i] * x[i + j - 1])'))!;
    expect(proved.detail.sizes.length).toBeGreaterThan(3);
    for (const s of proved.detail.sizes) expect(s.n - s.k + 1).toBeGreaterThanOrEqual(1);
    expect(proved.detail.sizes.some((s) => s.n - s.k + 1 >= 3 && s.k >= 2)).toBe(true);
    expect(proved.method).toMatch(/\(n=5, k=3\).*\(sizes with n - k \+ 1 >= 1\)/);
  });

  it('the off-by-one read past the end is refuted by the domain rule: the step has no value where the line above has one', () => {
    const past = steps.find((s) => s.text.includes('x[i + j])'))!;
    expect(past.verdict).toBe('refuted');
    expect(past.detail.counterexample!.rhs).toBe('undefined');
    expect(typeof past.detail.counterexample!.lhs).toBe('number');
    expect(past.detail.explanation).toMatch(/^the step reads x\[\d+\], outside 1\.\.\d+, so it has no value at /);
  });

  it('a flipped kernel is refuted with values, not only by the range', () => {
    const flipped = steps.find((s) => s.text.includes('x[i - j + k]'))!;
    expect(flipped.verdict).toBe('refuted');
    expect(flipped.detail.counterexample!.rhs).not.toBe(flipped.detail.counterexample!.lhs);
    expect(typeof flipped.detail.counterexample!.rhs).toBe('number');
  });
});

describe('the engines on affine indices', () => {
  const model = buildModel(parseDerivationFile(FIXTURE, 'conv.deriv').derivations[0]);
  const claim = model.claims[0];
  const step = { lhs: eliminateDiff(claim.head!), rhs: eliminateDiff(claim.steps[0].term!), inputs: model.inputs, freeIndices: claim.freeIndices };

  it('the index calculus for every n declines with a reason', () => {
    const outcome = proveForEveryN(step.lhs, step.rhs, step.inputs, step.freeIndices, new Budget());
    expect(outcome.kind).toBe('not-proved');
    expect((outcome as { reason: string }).reason).toMatch(/i \+ j - 1/);
  });

  it('the instance-symmetry reduction does not apply', () => {
    expect(symmetricDimensions(step)).toBeUndefined();
  });

  it('closures and generated code read the same entries, and NaN outside the array', () => {
    const text = deriv('given x: vector[n]\ngiven w: vector[k]\nclaim sum(i, w[i] * x[2*i + j - 2]) * w[j] = sum(i, w[i] * x[2*i + j - 2]) * w[j]\n');
    const m = buildModel(parseDerivation(text));
    const term = m.claims[0].head!;
    const sizes = new Map([['n', 5], ['k', 3]]);
    const layout = layoutInputs(m.inputs, sizes);
    const values = (k: number) => Array.from({ length: layout.length }, (_, p) => (p + 1) * (k + 1) / 7);
    for (const generated of [false, true]) {
      const slots = new IndexSlots();
      const compiled = generated ? compileGenerated(generateSource(term, layout, slots)!) : compileClosures(term, layout, slots);
      const state = newState(layout, slots);
      state.values.set(values(0));
      const x = (p: number) => state.values[layout.slots.get('x')!.offset + p - 1];
      const w = (p: number) => state.values[layout.slots.get('w')!.offset + p - 1];
      // j = 1: reads x[1], x[3], x[5], all inside.
      state.indices[slots.slot('j')] = 1;
      state.epoch++;
      expect(compiled(state)).toBeCloseTo((w(1) * x(1) + w(2) * x(3) + w(3) * x(5)) * w(1), 12);
      // j = 2: x[6] is past the end: no value.
      state.indices[slots.slot('j')] = 2;
      state.epoch++;
      expect(compiled(state)).toBeNaN();
    }
  });

  it('generated code takes no name of the file: hostile names give the same source as plain ones', () => {
    const file = (x: string, w: string, g: string, i: string, j: string) => deriv(`given ${x}: vector[n]
given ${w}: vector[k]
given ${g}: vector[n - k + 1]
claim diff(sum(${i}, ${g}[${i}] * sum(${j}, ${w}[${j}] * ${x}[${i} + ${j} - 1])), ${w}[m]) = sum(${i}, ${g}[${i}] * ${x}[${i} + m - 1])
`);
    const hostile = buildModel(parseDerivation(file('Function', 'eval', 'this', 's', 'K')));
    const plain = buildModel(parseDerivation(file('x', 'w', 'g', 'i', 'j')));
    const sizes = new Map([['n', 5], ['k', 2], ['n - k + 1', 4]]);
    for (const pick of [(c: typeof hostile.claims[0]) => c.head!, (c: typeof hostile.claims[0]) => c.steps[0].term!]) {
      const code = generateSource(eliminateDiff(pick(hostile.claims[0])), layoutInputs(hostile.inputs, sizes), new IndexSlots())!;
      const same = generateSource(eliminateDiff(pick(plain.claims[0])), layoutInputs(plain.inputs, sizes), new IndexSlots())!;
      expect(code.source).toBe(same.source);
      for (const word of ['Function', 'eval', 'this']) expect(code.source).not.toMatch(new RegExp(`\\b${word}\\b`));
    }
    const outcome = checkStepNumerically(
      { lhs: hostile.claims[0].head!, rhs: hostile.claims[0].steps[0].term!, inputs: hostile.inputs, freeIndices: hostile.claims[0].freeIndices },
      { trials: 10, seed: 1, sizes: [sizes] },
    );
    expect(outcome.kind).toBe('agree');
  });
});

describe('the domain rule on reads outside the array', () => {
  it('a step is free where the line above itself reads outside', () => {
    // At j = k the line above reads x[n + 1] for the last i: no value there, so the extra term costs nothing.
    const step = onlyStep(deriv(`given x: vector[n]
given w: vector[k]
given g: vector[n - k + 1]
claim sum(i, g[i] * x[i + j]) * w[j] = sum(i, g[i] * x[i + j]) * w[j] + (j == k) * 5
`), SIZES);
    expect(step.verdict).not.toBe('refuted');
    expect(step.ok).toBe(true);
  });

  it('both engines refute a step that reads outside where the line above has a value (no engine fault)', () => {
    // The exact engine once skipped every instance where either side read outside, and so "proved" this.
    const step = onlyStep(deriv('given x: vector[n]\ngiven w: vector[k]\nclaim x[m] = x[m] + w[m + m - 20]\n'), SIZES);
    expect(step.verdict).toBe('refuted');
    const both = onlyStep(deriv('given x: vector[n]\ngiven w: vector[k]\nclaim x[m] * w[j] = x[m] * w[j] + (1 <= m + j - 20) * w[m + j - 20]\n'), SIZES);
    expect(both.verdict).toBe('refuted');
  });

  it('a mask does not rescue a read outside: the entry has no value, 0 times it has none', () => {
    const step = onlyStep(deriv(`given x: vector[n]
given w: vector[k]
given g: vector[n - k + 1]
claim diff(sum(i, g[i] * sum(j, w[j] * x[i + j - 1])), x[m])
  = sum(i, g[i] * (1 <= m - i + 1) * (m - i + 1 <= k) * w[m - i + 1])
`), SIZES);
    expect(step.verdict).toBe('refuted');
    expect(step.detail.counterexample!.rhs).toBe('undefined');
  });
});

describe('dimension arithmetic', () => {
  it('two derived dimensions with equal affine forms are the same dimension', () => {
    const [claim] = claimsOf(deriv('given g: vector[n - k + 1]\ngiven h: vector[1 + n - k]\ngiven w: vector[k]\ngiven x: vector[n]\nclaim g + h = h + g\n'));
    expect(claim.steps[0].verdict).toBe('proved');
  });

  it('n - k + 1 against n - k is a shape mismatch', () => {
    const step = onlyStep(deriv('given g: vector[n - k + 1]\ngiven h: vector[n - k]\nclaim g = h\n'));
    expect(step.verdict).toBe('refuted');
    expect(step.detail.explanation).toMatch(/vector of length n - k, but the claim is a vector of length n - k \+ 1/);
  });

  it('an entrywise operation on n - k + 1 and n is an error naming both lengths', () => {
    const step = onlyStep(deriv('given g: vector[n - k + 1]\ngiven x: vector[n]\ngiven w: vector[k]\nclaim g + x = x + g\n'));
    expect(step.verdict).toBe('error');
    expect(step.detail.diagnostic!.message).toMatch(/the lengths n and n - k \+ 1 differ/);
  });

  it('the size of a derived dimension is the sum it stands for: sum(i, 1) over g is n - k + 1', () => {
    const step = onlyStep(deriv('given g: vector[n - k + 1]\ngiven x: vector[n]\ngiven w: vector[k]\nclaim sum(i, g[i] * 0 + 1) = n - k + 1\n'), SIZES);
    expect(step.verdict).toBe('proved');
    const wrong = onlyStep(deriv('given g: vector[n - k + 1]\ngiven x: vector[n]\ngiven w: vector[k]\nclaim sum(i, g[i] * 0 + 1) = n - k\n'), SIZES);
    expect(wrong.verdict).toBe('refuted');
  });

  it('sizeAssignments raises symbols so that every derived dimension is at least 1, and adds k about n / 2', () => {
    const model = buildModel(parseDerivation(deriv('given x: vector[n]\ngiven w: vector[k]\ngiven g: vector[n - k + 1]\nclaim x[1] = x[1]\n')));
    const assignments = sizeAssignments(model.dims, model.claims[0].minSizes, [1, 2, 3, 4, 5, 8], model.derivedDims).map((m) => Object.fromEntries(m));
    for (const a of assignments) {
      expect(a.k).toBeLessThanOrEqual(a.n);
      expect(a['n - k + 1']).toBe(a.n - a.k + 1);
    }
    expect(assignments).toContainEqual({ n: 5, k: 3, 'n - k + 1': 3 });
    expect(assignments).toContainEqual({ n: 8, k: 1, 'n - k + 1': 8 });
  });

  it('a literal index into a derived dimension raises its least size: g[3] is read only where n - k + 1 >= 3', () => {
    const model = buildModel(parseDerivation(deriv('given x: vector[n]\ngiven w: vector[k]\ngiven g: vector[n - k + 1]\nclaim g[3] * x[1] = x[1] * g[3]\n')));
    const assignments = sizeAssignments(model.dims, model.claims[0].minSizes, [1, 2, 3, 4, 5, 8], model.derivedDims);
    expect(assignments.length).toBeGreaterThan(2);
    for (const a of assignments) expect(a.get('n - k + 1')).toBeGreaterThanOrEqual(3);
  });

  it('a number in dimension arithmetic is bounded like a fixed size, and a name with digits is no number', () => {
    const [d] = syntaxDiagnostics(deriv('given x: vector[n - 99999999999]\nclaim x[1] = x[1]\n'));
    expect(d.message).toBe('the number 99999999999 in the dimension n - 99999999999 is larger than 1000');
    expect(d.span).toMatchObject({ line: 2, col: 17 });
    const [claim] = claimsOf(deriv('given x: vector[n12345678 - 1]\nclaim x[1] = x[1]\n'), SIZES);
    expect(claim.steps[0].verdict).toBe('proved');
  });

  it('a dimension that is never a size, and one that is not a sum of symbols, are rejected at the type', () => {
    const [never] = claimsOf(deriv('given q: vector[k - k]\n'));
    expect(never.steps[0].detail.diagnostic!.code).toBe('unknown-type');
    const [negative] = claimsOf(deriv('given q: vector[1 - n]\n'));
    expect(negative.steps[0].detail.diagnostic!.message).toMatch(/never a size/);
    expect(negative.steps[0].detail.diagnostic!.span?.line).toBe(2);
  });
});

describe('bad affine indices are errors with a place and a hint', () => {
  const errorOf = (body: string) => {
    const step = onlyStep(deriv(body));
    expect(step.verdict).toBe('error');
    return step.detail.diagnostic!;
  };

  it('an index only inside sums of indices asks to be bounded, at its position', () => {
    const d = errorOf('given x: vector[n]\nclaim x[i + j] = x[j + i]\n');
    expect(d.code).toBe('index-range');
    expect(d.message).toBe('the index i appears only in i + j, which does not say which range i runs over');
    expect(d.span).toMatchObject({ line: 3, col: 9 });
    expect(d.hint).toMatch(/use i alone somewhere/);
  });

  it('a summation index only in a sum of indices is the same error', () => {
    const d = errorOf('given x: vector[n]\ngiven w: vector[k]\nclaim sum(j, x[i + j - 1]) * w[i] = w[i] * sum(j, x[j + i - 1])\n');
    expect(d.code).toBe('index-range');
    expect(d.message).toMatch(/the index j appears only in (i \+ j|j \+ i) - 1/);
  });

  it('a label in a sum of indices, or a fraction as a coefficient, is a bad index', () => {
    expect(errorOf('given x: vector[n]\ngiven c: label[n]\nclaim x[i + c] * x[i] = x[i]\n').message).toMatch(/c cannot be part of a sum of indices/);
    expect(errorOf('given x: vector[n]\nclaim x[i] * x[0.5*i + i] = x[i]\n').code).toBe('bad-index');
  });

  it('diff with respect to an entry at a sum of indices is refused: that entry may not exist', () => {
    const d = errorOf('given x: vector[n]\ngiven w: vector[k]\nclaim diff(sum(p, x[p]^2), x[i + j - 1]) * w[i] * w[j] = 2 * x[i + j - 1] * w[i] * w[j]\n');
    expect(d.code).toBe('unsupported');
    expect(d.message).toMatch(/not x\[i \+ j - 1\]/);
    expect(d.hint).toMatch(/delta\(m, i \+ j - 1\)/);
  });

  it('a label given to a definition whose index is in a sum of indices is an error, not a crash', () => {
    const d = errorOf('given x: vector[n]\ngiven w: vector[k]\ngiven c: label[n]\nlet y[i] = sum(j, w[j] * x[i + j - 1])\nclaim y[c] = y[c]\n');
    expect(d.code).toBe('bad-index');
    expect(d.message).toMatch(/the label c cannot be part of one/);
  });

  it('a definition whose index stands only in sums of indices takes its range where it is used, and cannot be used whole', () => {
    const ok = onlyStep(deriv('given x: vector[n]\ngiven w: vector[k]\ngiven g: vector[n - k + 1]\nlet y[i] = sum(j, w[j] * x[i + j - 1])\nclaim sum(i, g[i] * y[i]) = sum(i, sum(j, g[i] * w[j] * x[i + j - 1]))\n'), SIZES);
    expect(ok.verdict).toBe('proved');
    const whole = errorOf('given x: vector[n]\ngiven w: vector[k]\nlet y[i] = sum(j, w[j] * x[i + j - 1])\nclaim sum(y) = sum(y)\n');
    expect(whole.message).toMatch(/y has no shape of its own/);
  });

  it('a definition whose index stands only in sums of indices ranges over the outputs that read inside the array, where that is a dimension of the file', () => {
    // x[i + j - 1] with x of length n and j over 1..k stays inside x exactly for i in 1..n - k + 1, g's length.
    const claims = claimsOf(deriv(`given x: vector[n]
given w: vector[k]
given g: vector[n - k + 1]
let y[i] = sum(j, w[j] * x[i + j - 1])
claim diff(y[i], w[j]) = x[i + j - 1]
claim diff(y[i], w[j]) = x[i + j]   expect wrong
claim diff(y[i], x[m]) = sum(j, w[j] * delta(m, i + j - 1))
claim diff(y[i], x[m]) = sum(j, w[j] * delta(m, i + j))   expect wrong
claim dot(g, y) = sum(i, g[i] * y[i])
`), SIZES);
    expect(claims.map((c) => c.steps[0].verdict)).toEqual(['proved', 'refuted', 'proved', 'refuted', 'proved']);
  });

  it('prints back as written', () => {
    const m = buildModel(parseDerivation(deriv('given x: vector[n]\ngiven w: vector[k]\nclaim w[i] * w[j] * x[2*i - j + 1] * x[n - i + 1] = 0\n')));
    expect(printTerm(m.claims[0].head!)).toBe('w[i] * w[j] * x[2*i - j + 1] * x[n - i + 1]');
  });
});
