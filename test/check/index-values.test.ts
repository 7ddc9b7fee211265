/**
 * An index used as a number (`gamma^t`, `i * x[i]`, `x[i]^(k - 1)`): the
 * discounted return of reinforcement learning, polynomial regression and
 * weighted sums are proved (for every n where only free indices are numbers,
 * each an unknown of its own; at the sizes tried where a summation index is one,
 * which the index calculus declines), their realistic mistakes are refuted, and
 * an index that is only ever a number is still an error at its place.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildModel, parseDerivation } from '../../src/index.ts';
import { printTerm, type Term } from '../../src/model/index.ts';
import { compilePreciseSide, evaluatePrecise, IndexSlots, layoutInputs, newState, preciseEvaluator } from '../../src/numeric/index.ts';
import { compileClosures } from '../../src/numeric/compile.ts';
import { compileGenerated, generateSource } from '../../src/numeric/generate.ts';
import { decideStep, proveForEveryN, Budget } from '../../src/symbolic/index.ts';
import { parseExpression, SourceMap } from '../../src/syntax/index.ts';
import { toLatex } from '../../src/report/latex/index.ts';
import { claimsOf, deriv, FAST, verdictsIn, stepsIn } from '../__test-helpers__/derivations.ts';

const RL = `given gamma: unit
given r: vector[n]
let G = sum(t, gamma^t * r[t])
claim diff(G, r[k])
  = gamma^k
claim diff(G, r[k])
  = gamma^(k + 1)   expect wrong
claim diff(G, r[k])
  = gamma^(k - 1)   expect wrong
claim diff(G, gamma)
  = sum(t, t * gamma^(t - 1) * r[t])
claim diff(G, gamma)
  = sum(t, t * gamma^t * r[t])   expect wrong
claim sum(t, gamma^t + 0 * r[t])
  = gamma * (1 - gamma^n) / (1 - gamma)
claim sum(t, gamma^t + 0 * r[t])
  = (1 - gamma^n) / (1 - gamma)   expect wrong
`;

const POLYNOMIAL = `given w: vector[m]
given x, y: vector[N]
let yhat[i] = sum(k, w[k] * x[i]^(k - 1))
let L = sum(i, (yhat[i] - y[i])^2) / 2
claim diff(L, w[k])
  = sum(i, (yhat[i] - y[i]) * x[i]^(k - 1))
claim diff(L, w[k])
  = sum(i, (yhat[i] - y[i]) * x[i]^k)   expect wrong
claim diff(L, w[k])
  = sum(i, (yhat[i] - y[i]) * (k - 1) * x[i]^(k - 2))   expect wrong
`;

const WEIGHTED = `given x: vector[n]
claim diff(sum(i, i * x[i]^2), x[k])
  = 2 * k * x[k]
claim diff(sum(i, i * x[i]^2), x[k])
  = 2 * x[k]   expect wrong
claim sum(i, i + 0 * x[i])
  = n * (n + 1) / 2
claim sum(i, i + 0 * x[i])
  = n^2 / 2   expect wrong
claim sum(i, k * x[i]) * x[k]
  = k * x[k] * sum(i, x[i])
claim k * x[k]
  = x[k] * k
claim sum(i, (i - 1) * x[i])
  = sum(j, j * x[j]) - sum(j, x[j])
claim sum(i, (i <= k) * x[i])
  = sum(i, (i < k + 1) * x[i])
`;

const OPTIONS = { ...FAST, sizes: [1, 2, 3, 4] };

function verdicts(body: string) {
  return claimsOf(deriv(body), OPTIONS).flatMap((c) => c.steps.map((s) => ({ text: s.text, verdict: s.verdict, proof: s.proof, ok: s.ok, detail: s.detail })));
}

describe('an index used as a number', () => {
  it('the discounted return: d G / d r[k] = gamma^k is proved for every n; gamma^(k + 1) and gamma^(k - 1) are refuted', () => {
    const steps = verdicts(RL);
    // Then d G / d gamma and the geometric series, with an exponent too many or too few. The series divides
    // by 1 - gamma: proved, as the exact engine knows that a unit gamma is below 1.
    expect(steps.map((s) => s.verdict)).toEqual(['proved', 'refuted', 'refuted', 'proved', 'refuted', 'proved', 'refuted']);
    expect(steps[0].proof).toBe('every-n');
    expect(steps[1].detail.explanation).toBe('the right side is the left side times gamma');
    expect(steps.every((s) => s.ok)).toBe(true);
  });

  it('polynomial regression: the gradient with x^(k - 1) is proved; the off-by-one exponent and a differentiated power are refuted', () => {
    const steps = verdicts(POLYNOMIAL);
    expect(steps.map((s) => s.verdict)).toEqual(['proved', 'refuted', 'refuted']);
    expect(steps.every((s) => s.ok)).toBe(true);
  });

  it('weighted sums by position: the factor k kept, the missing k refuted, Gauss checked at the sizes tried', () => {
    const steps = verdicts(WEIGHTED);
    expect(steps.map((s) => `${s.text}: ${s.verdict}`)).toEqual([
      '2 * k * x[k]: proved',
      '2 * x[k]: refuted',
      'n * (n + 1) / 2: proved',
      'n^2 / 2: refuted',
      'k * x[k] * sum(i, x[i]): proved',
      'x[k] * k: proved',
      'sum(j, j * x[j]) - sum(j, x[j]): proved',
      'sum(i, (i < k + 1) * x[i]): proved',
    ]);
    // A summation index as a number is read at the sizes tried only; a free one for every n.
    const proof = (text: string) => steps.find((s) => s.text === text)?.proof;
    expect(proof('n * (n + 1) / 2')).toBe('sizes-tried');
    expect(proof('sum(j, j * x[j]) - sum(j, x[j])')).toBe('sizes-tried');
    expect(proof('k * x[k] * sum(i, x[i])')).toBe('every-n');
    // The missing factor k fails where k > 1: a counterexample there, never a proof from k = 1 alone.
    expect(steps[1].detail.counterexample?.indices.k).toBeGreaterThan(1);
  });

  it('the index calculus declines a summation index used as a number instead of guessing', () => {
    const model = buildModel(parseDerivation(deriv(WEIGHTED), 't.deriv'));
    const claim = model.claims[2];
    const outcome = proveForEveryN(claim.head!, claim.steps[0].term!, model.inputs, claim.freeIndices, new Budget({ maxTerms: 100_000 }));
    expect(outcome.kind).toBe('not-proved');
    expect(outcome.kind === 'not-proved' && outcome.reason).toMatch(/summation index used as a number/);
  });

  it('for every n, a free index as a number is its case\'s value: 1 where it is 1, n where it is n, an unknown elsewhere', () => {
    const steps = verdicts(`given x: vector[n]
given gamma: positive
claim k * x[k] * delta(k, 1) = x[1] * delta(k, 1)
claim k * x[k] * delta(k, 2) = x[2] * delta(k, 2)   expect wrong
claim k * x[k] * delta(k, n) = n * x[n] * delta(k, n)
claim (k - 1) * x[k] * (k != 1) = (k - 1) * x[k]
claim (k - 1) * x[k] = (k != 1) * x[k]   expect wrong
claim sqrt(k^2) * log(k) * x[k] = k * log(k) * x[k]
claim gamma^(k + 1) * x[k] = gamma * gamma^k * x[k]
claim diff(sum(i, x[i]), x[k]) = (k - 1) / (k - 1)   expect wrong
`);
    expect(steps.map((s) => `${s.verdict} ${s.proof ?? ''}`.trim())).toEqual([
      'proved every-n', 'refuted', 'proved every-n', 'proved every-n', 'refuted', 'proved every-n', 'proved every-n', 'refuted',
    ]);
    // (k - 1) / (k - 1) has no value at k = 1: a discrete point, never waived as a set of measure zero.
    expect(steps[7].detail.counterexample?.indices.k).toBe(1);
  });

  it('an index used as a value inside a let is renamed with its sum when the let is inlined twice', () => {
    const steps = verdicts(`given x: vector[n]
let S = sum(i, i * x[i])
claim S * S = sum(i, sum(j, i * j * x[i] * x[j]))
claim S * S = sum(i, sum(j, i * i * x[i] * x[j]))   expect wrong
`);
    expect(steps.map((s) => s.verdict)).toEqual(['proved', 'refuted']);
  });

  it('a free index written as a number before it indexes anything is still that index', () => {
    const steps = verdicts(`given x: vector[n]
claim k * x[k] = x[k] * k
claim (k - 1) * x[k] = k * x[k] - x[k]
`);
    expect(steps.map((s) => s.verdict)).toEqual(['proved', 'proved']);
  });

  it('prints as the index it is, and reads back to the same term', () => {
    const model = buildModel(parseDerivation(deriv(`given x: vector[n]
claim sum(i, (i - 1) * x[i]^(i + 1)) = 0
`), 't.deriv'));
    const text = printTerm(model.claims[0].head!);
    expect(text).toBe('sum(i, (i - 1) * x[i]^(i + 1))');
    const again = buildModel(parseDerivation(deriv(`given x: vector[n]
claim ${text} = 0
`), 't.deriv'));
    expect(printTerm(again.claims[0].head!)).toBe(text);
  });
});

describe('typeset', () => {
  it.each([
    ['sum(t, gamma^t * r[t])', '\\sum_{t} \\gamma^{t} r_t'],
    ['sum(k, w[k] * x[i]^(k - 1))', '\\sum_{k} w_k x_i^{k - 1}'],
    ['2 * k * x[k]', '2 k x_k'],
  ])('%s shows the index as written', (text, latex) => {
    expect(toLatex(parseExpression(text, SourceMap.single('<t>', 1, 1)))).toBe(latex);
  });
});

describe('an index that is only a number has no range', () => {
  const errorOf = (body: string) => {
    const steps = claimsOf(deriv(body), OPTIONS).flatMap((c) => c.steps);
    const step = steps.find((s) => s.verdict === 'error');
    return step?.detail.diagnostic;
  };

  it('a summation index used only as a value: which range it runs over, at the index, when the inputs have several', () => {
    const d = errorOf(`given x: vector[n]
given W: matrix[m, n]
claim sum(i, i) = n * (n + 1) / 2
`);
    expect(d?.code).toBe('index-range');
    expect(d?.message).toMatch(/cannot tell which range the summation index i runs over/);
    expect(`${d?.file}:${d?.span?.line}:${d?.span?.col}`).toBe('test.deriv:4:11');
  });

  it('an index that indexes nothing runs over the one range of the inputs, when they have one (mutation probe)', () => {
    // sum(j, exp(x[i])), a slip for x[j], was unreadable: it has one reading, n exp(x[i]), and is refuted.
    const verdicts = claimsOf(deriv(`given x: vector[n]
given y: label[n]
let s[i] = exp(x[i]) / sum(j, exp(x[j]))
claim sum(i, i) = n * (n + 1) / 2
claim sum(j, x[i]) = n * x[i]
claim delta(i, k) = (i == k)
claim log(s[i]) = x[i] - log(sum(j, exp(x[i])))   expect wrong
claim sum(j, x[i]) = (n - 1) * x[i]   expect wrong
`), OPTIONS).flatMap((c) => c.steps.map((s) => s.verdict));
    expect(verdicts).toEqual(['proved', 'proved', 'proved', 'refuted', 'refuted']);
  }, 60_000);

  it('a name used only as a number is an unknown name at its place, with the way to make it an index', () => {
    const d = errorOf(`given x: vector[n]
claim x[1] * k = k * x[1]
`);
    expect(d?.code).toBe('unknown-name');
    expect(`${d?.file}:${d?.span?.line}:${d?.span?.col}`).toBe('test.deriv:3:18'); // the step's own k
    expect(d?.hint).toMatch(/must also index an array, e.g. x\[k\]/);
  });

  it('a misspelt array is still an unknown name where it is written, not a scalar where an array is needed', () => {
    const d = errorOf(`given x: vector[n]
claim mean(xx) = 1
`);
    expect(d?.code).toBe('unknown-name');
    expect(`${d?.span?.line}:${d?.span?.col}`).toBe('3:12');
    expect(d?.hint).toMatch(/did you mean 'x'/);
    expect(d?.hint).not.toMatch(/index/);
  });

  it('one letter is not offered for another: y undeclared beside x is to be declared, not a slip for x (probe 38)', () => {
    const d = errorOf(`given x: real
claim diff(y, x) = 0
`);
    expect(d?.code).toBe('unknown-name');
    expect(d?.hint).not.toMatch(/did you mean/);
    expect(d?.hint).toMatch(/given y: real/);
    expect(errorOf(`given x: real
claim X^2 = x^2
`)?.hint).toMatch(/did you mean 'x'/);
  });

  it("says what a book's i, L{f} and u(t - c) are not, instead of offering a real i or a near name (probe 39)", () => {
    const complex = errorOf(`given x, n: real
claim integral(x, -pi, pi, exp(-i * n * x)) = 0
`);
    expect(complex?.message).toMatch(/complex numbers are not part of the derivation language/);
    expect(complex?.hint).not.toMatch(/given i: real/);
    expect(errorOf(`given t, s: real
claim L(t^2) = 2 / s^3
`)?.hint).toMatch(/integral\(t, 0, Infinity, exp\(-s \* t\)/);
    expect(errorOf(`given t: real
claim u(t - 1) = (t > 1)
`)?.hint).toMatch(/heaviside\(t - c\)/);
  });

  it("offers no near name that shares almost nothing with the one written: O(h), KL and eps (probes 42, 43)", () => {
    expect(errorOf('given h: real\nclaim O(h) = h\n')?.hint).toMatch(/write the error term exactly/);
    expect(errorOf('given q, p: positive\nclaim KL(q) = p\n')?.hint).toMatch(/expectation of the log ratio/);
    expect(errorOf('given x: real\nclaim eps * x = x\n')?.hint).not.toMatch(/did you mean/);
    expect(errorOf('given x: real\nclaim sine(x) = x\n')?.hint).toMatch(/did you mean 'sin'/);
    expect(errorOf('given E: real\nclaim ⟨E⟩ = E\n')?.message).toMatch(/a mean \(an expectation\)/);
    for (const approx of ['≈', '\\approx']) expect(errorOf(`given x: real\nclaim sin(x) ${approx} x\n`)?.message).toMatch(/approximately equal, is not a relation/);
    // A declared O or KL is the user's own.
    expect(stepsIn('given x: real\ngiven O: function\nlet KL(t) = t^2\nclaim diff(O(x) + KL(x), x) = O\'(x) + 2 x\n').map((s) => s.verdict)).toEqual(['proved']);
  });

  it('a let parameter used only as a number: which range it runs over', () => {
    const d = errorOf(`given x: vector[n]
let f[i] = i * 2
claim sum(x) = sum(x)
`);
    expect(d?.code).toBe('index-range');
    expect(d?.message).toMatch(/cannot tell which range the index i of f runs over/);
    expect(d?.span?.line).toBe(3);
  });
});

describe('the numeric engines read an index value', () => {
  const model = buildModel(parseDerivation(deriv(`given g: real
given r: vector[n]
claim sum(t, g^(t - 1) * r[t]) = 0
`), 't.deriv'));
  const term: Term = model.claims[0].head!;

  it('closures, generated code and 60 digits agree on a power with an index exponent of a negative base', () => {
    const layout = layoutInputs(model.inputs, new Map([['n', 3]]));
    const slots = new IndexSlots();
    const state = newState(layout, slots);
    // g = -2, r = (1, 1, 1): 1 - 2 + 4.
    state.values.set([-2, 1, 1, 1]);
    state.epoch++;
    expect(compileClosures(term, layout, slots)(state)).toBe(3);
    expect(compileGenerated(generateSource(term, layout, slots)!)(state)).toBe(3);
    const precise = evaluatePrecise(compilePreciseSide(term, layout, slots, preciseEvaluator()), state);
    expect(precise !== undefined && precise !== 'unsettled' && precise.value.toString()).toBe('3');
  });

  it('60 digits keep what a double loses: (1e-200)^(t - 1) at t = 3', () => {
    const layout = layoutInputs(model.inputs, new Map([['n', 3]]));
    const slots = new IndexSlots();
    const state = newState(layout, slots);
    state.values.set([1e-200, 0, 0, 1]);
    state.epoch++;
    state.needsPrecision = false;
    expect(compileClosures(term, layout, slots)(state)).toBe(0);
    expect(state.needsPrecision).toBe(true);
    const precise = evaluatePrecise(compilePreciseSide(term, layout, slots, preciseEvaluator()), state);
    expect(precise !== undefined && precise !== 'unsettled' && Number(precise.value.div('1e-400').toFixed(6))).toBeCloseTo(1, 3);
  });
});

describe('the index calculus never proves what a concrete size refutes', () => {
  // Small expressions in which free indices are numbers and positions at once: k and l as values and
  // as indices, the last index n, the literal 1, deltas that make a case of them, gamma^k.
  const atom = fc.constantFrom('k', 'l', 'n', '1', '2', 'x[k]', 'x[l]', 'x[1]', 'x[n]', 'delta(k, l)', 'delta(k, 1)', 'delta(l, n)', 'delta(l, 2)',
    '(k != 1)', 'gamma^k', 'gamma^(l - 1)', 'sum(i, x[i])', '(k - 1)', '(n - l)');
  const expr = fc.letrec<{ e: string }>((tie) => ({
    e: fc.oneof({ depthSize: 'small' }, atom, fc.tuple(tie('e'), fc.constantFrom(' + ', ' - ', ' * '), tie('e')).map(([a, op, b]) => `(${a}${op}${b})`)),
  })).e;

  it('for random steps with index values: proved for every n only where every size agrees', () => {
    let proofs = 0;
    fc.assert(fc.property(expr, expr, fc.constantFrom(0, 1, 2), (a, b, mode) => {
      // A third of the steps hold by construction (a product turned round); a third swap k and l,
      // which only a step symmetric in them survives; a third are another product.
      const relabel = (t: string) => t.replace(/\b[kl]\b/g, (m) => (m === 'k' ? 'l' : 'k'));
      const rhs = mode === 0 ? `${b} * ${a}` : mode === 1 ? relabel(`${a} * ${b}`) : `${a} * ${a}`;
      const model = buildModel(parseDerivation(deriv(`given x: vector[n]
given gamma: positive
claim ${a} * ${b} * x[k] * x[l] = ${rhs} * x[k] * x[l]
`), 't.deriv'));
      const claim = model.claims[0];
      fc.pre(claim.head !== undefined && claim.steps[0].term !== undefined);
      const outcome = proveForEveryN(claim.head!, claim.steps[0].term!, model.inputs, claim.freeIndices, new Budget({ maxTerms: 50_000 }));
      if (outcome.kind !== 'proved') return;
      proofs++;
      const sizes = [1, 2, 3].map((n) => new Map([['n', n]]));
      const exact = decideStep({ lhs: claim.head!, rhs: claim.steps[0].term!, inputs: model.inputs, freeIndices: claim.freeIndices }, sizes);
      expect(exact.kind, `${a} * ${b} = ${rhs}`).toBe('equal');
    }), { numRuns: 300, seed: 7 });
    expect(proofs).toBeGreaterThan(50);
  }, 60_000);
});

describe('a comparison of indices with a position past the end (thirteenth probe M6)', () => {
  it('reads delta of two sizes, and an index compared with another size, as whole numbers compared (probe 100: refuted)', () => {
    expect(verdictsIn(`given n, m: size
given L: positive
claim integral(x, -L, L, cos(m * pi * x / L) * cos(n * pi * x / L)) = L * delta(m, n)
claim integral(x, -L, L, cos(m * pi * x / L) * cos(n * pi * x / L)) = 2 * L * delta(m, n)   expect wrong
claim delta(m, n) = (m == n)
claim sum(k, 1, n, delta(k, m)) = (m <= n)
claim sum(k, 1, n, (k <= m)) = min(m, n)
claim sum(k, 1, n, (k <= m)) = min(m, n - 1)   expect wrong
`)).toEqual(['proved', 'refuted', 'proved', 'proved', 'proved', 'refuted']);
  }, 60_000);

  it('reads n + 1 compared as a number: the antidiagonal i + j == n + 1 is proved, as i + j - 1 == n was', () => {
    expect(verdictsIn(`given x: vector[n]
claim sum(i, sum(j, x[i] * 0 + x[j] * 0 + (i + j == n + 1))) = n
claim sum(i, sum(j, x[i] * 0 + x[j] * 0 + (i + j == n + 1))) = n + 1   expect wrong
claim sum(i, x[i] * (i < n + 1)) = sum(i, x[i])
claim sum(i, x[i] * (i < n + 1)) = sum(i, x[i]) - x[n]   expect wrong
`)).toEqual(['proved', 'refuted', 'proved', 'refuted']);
  }, 60_000);
});
