import { describe, expect, it } from 'vitest';
import { buildModel, checkText, parseDerivation } from '../../src/index.ts';
import { withDefinedInputs, type Term } from '../../src/model/index.ts';
import { compilePreciseSide, evaluatePrecise, IndexSlots, layoutInputs, newState, preciseEvaluator } from '../../src/numeric/index.ts';
import { eliminateDiff } from '../../src/symbolic/index.ts';
import { checkInParallel, deriveInFile, prepareFile } from '../../src/pipeline/index.ts';
import { claimsOf, deriv, FAST, stepsOf } from '../__test-helpers__/derivations.ts';

const verdicts = (text: string) => claimsOf(deriv(text)).map((c) => c.steps.map((s) => s.verdict).join(','));

// Backprop differentiates with respect to intermediate values: dC/dz, delta = dL/dz.
const NETWORK = `given x: vector[n0]
given y: vector[n2]
given W1: matrix[n1, n0]
given b1: vector[n1]
given W2: matrix[n2, n1]
given b2: vector[n2]
let z1 = W1 * x + b1
let a1 = sigmoid(z1)
let z2 = W2 * a1 + b2
let a2 = sigmoid(z2)
let C = norm(a2 - y)^2 / 2
let d2 = (a2 - y) .* sigmoid'(z2)
let d1 = (W2' * d2) .* sigmoid'(z1)
`;

describe('a derivative with respect to a let: the intermediate value is the variable, what is upstream of it held', () => {
  it("proves Nielsen's four equations of backpropagation and refutes their usual slips", () => {
    expect(verdicts(`${NETWORK}claim grad(C, z2) = d2
claim grad(C, z1) = d1
claim grad(C, a1) = W2' * d2
claim grad(C, z2) = a2 - y   expect wrong
claim grad(C, z1) = W2' * d2   expect wrong
claim grad(C, W1) = d1 * x'
`)).toEqual(['proved', 'proved', 'proved', 'refuted', 'refuted', 'proved']);
  });

  it('softmax with cross-entropy: dL/dz = s - y, dL/ds = -y / s, entry by entry and as a whole', () => {
    expect(verdicts(`given x: vector[n]
given y: onehot[n]
given W: matrix[n, n]
let z = W * x
let s = softmax(z)
let L = -sum(y .* log(s))
let p[i] = exp(x[i]) / sum(j, exp(x[j]))
let Lp = -sum(i, y[i] * log(p[i]))
claim grad(L, z) = s - y
claim grad(L, z) = y - s   expect wrong
claim diff(L, s[k]) = -y[k] / s[k]
claim diff(Lp, p[k]) = -y[k] / p[k]
claim diff(Lp, p[k]) = -1 / p[k]   expect wrong
claim jacobian(s, z) = diag(s) - s * s'
claim diff(diff(L, z[i]), z[k]) = s[i] * (delta(i, k) - s[k])
`)).toEqual(['proved', 'refuted', 'proved', 'proved', 'refuted', 'proved', 'proved']);
  });

  it('a scalar let, where the numbers alone decide: the finite difference moves the let and nothing upstream', () => {
    const steps = stepsOf(checkText(deriv(`given t: positive
let u = t^2
claim diff(sin(u)^2, u) = sin(2 * u) * (2 / pi) * (atan(2) + atan(1 / 2))
claim diff(sin(u)^2, u) = sin(2 * t)   expect wrong
claim diff(sin(u), t) = 2 * t * cos(u)
`), 't.deriv', FAST));
    expect(steps.map((s) => s.verdict)).toEqual(['verified', 'refuted', 'proved']);
    // The counterexample shows the drawn input t, not the let.
    expect(Object.keys(steps[1].detail.counterexample!.inputs)).toEqual(['t']);
  });

  it("a let made by a matrix product, its own sum's index named as the claim's: no index is captured", () => {
    // h = W * x holds a sum over its own j; the claim's w' * h sums over another j. Read at its
    // definition, h[j] must stay sum(l, W[j, l] * x[l]), never sum(j, W[j, j] * x[j]).
    expect(verdicts(`given x, w: vector[n]
given W, V: matrix[n, n]
let h = W * x
claim diff((w' * h)^2, h[k]) = 2 * (w' * h) * w[k]
claim diff((w' * h)^2, h[k]) = 2 * sum(j, W[j, j] * x[j]) * sum(j, w[j]) * w[k]   expect wrong
claim grad(h' * V * h, h) = (V + V') * h
claim grad(h' * V * h, h) = 2 * V * h   expect wrong
`)).toEqual(['proved', 'refuted', 'proved', 'refuted']);
  });

  it("a let's own sums inside a claim's sums of the same name: read at its definition, no sum shadows another", () => {
    // S's definition sums over its own k#1; read at its definition inside the claim's sum over k#1 (P * V), the
    // numbers (one slot per index name) read the outer k after the inner loop had overwritten it: softmax's backward
    // pass was refuted wherever a row saturates and 60 digits read the derivative through its symbolic form.
    const model = buildModel(parseDerivation(`derivation "attention"
given X: matrix[T, D]
given Wq, Wk: matrix[D, E]
given V, G: matrix[T, F]
let S = (X * Wq) * (X * Wk)'
let P = softmax(S)
let L = sum(G .* (P * V))
let dP = G * V'
claim diff(L, S[i, j]) = P[i, j] * (dP[i, j] - sum(l, dP[i, l] * P[i, l]))
`));
    const claim = model.claims[0];
    const layout = layoutInputs(model.inputs, new Map([['T', 2], ['D', 2], ['E', 2], ['F', 2]]));
    const slots = new IndexSlots();
    const side = (t: Term) => compilePreciseSide(withDefinedInputs(eliminateDiff(t), model.inputs), layout, slots, preciseEvaluator());
    const [lhs, rhs] = [side(claim.head!), side(claim.steps[0].term!)];
    const state = newState(layout, slots);
    const point: Record<string, number[]> = { X: [0.3, -0.2, 0.5, 0.7], Wq: [0.1, 0.4, -0.3, 0.2], Wk: [0.5, -0.1, 0.2, 0.3], V: [1, 2, 3, 4], G: [0.5, -1, 2, 0.3] };
    for (const [name, values] of Object.entries(point)) values.forEach((v, k) => { state.values[layout.slots.get(name)!.offset + k] = v; });
    for (const [i, j] of [[1, 1], [1, 2], [2, 1], [2, 2]]) {
      state.indices[slots.slot('i')] = i;
      state.indices[slots.slot('j')] = j;
      state.epoch++;
      const [l, r] = [evaluatePrecise(lhs, state), evaluatePrecise(rhs, state)];
      if (l === undefined || l === 'unsettled' || r === undefined || r === 'unsettled') throw new Error('no value');
      expect(l.value.minus(r.value).abs().toNumber()).toBeLessThan(1e-40);
    }
  });

  it('gives the same report from one thread and from two: the input standing for a let reaches a worker', () => {
    const claims = ['grad(C, z2) = d2', "grad(C, z1) = W2' * d2   expect wrong", 'grad(C, b1) = d1', 'grad(C, b2) = d2',
      'grad(C, a1) = W2\' * d2', 'grad(C, z2) = a2 - y   expect wrong', 'grad(C, z1) = d1', "grad(C, W2) = d2 * a1'"];
    const file = prepareFile(deriv(`${NETWORK}${claims.map((c) => `claim ${c}\n`).join('')}`), 't.deriv');
    const one = JSON.stringify(checkInParallel([file], { ...FAST, jobs: 1 }));
    const two = JSON.stringify(checkInParallel([file], { ...FAST, jobs: 2 }));
    expect(two).toBe(one);
    expect(stepsOf({ files: checkInParallel([file], { ...FAST, jobs: 1 }) } as never).map((s) => s.verdict))
      .toEqual(['proved', 'refuted', 'proved', 'proved', 'proved', 'refuted', 'proved', 'proved']);
  });
});

describe('derive, with respect to a let', () => {
  it("finds backprop's delta and the batch dL/dZ in the file's own names", () => {
    expect(deriveInFile(deriv(`${NETWORK}claim grad(C, z2) = d2\n`), 't.deriv', { expression: 'grad(C, z2)' }).best.text).toBe('d2');
    const batch = deriv(`given X: matrix[N, D]
given W: matrix[D, C]
given y: label[N, C]
let Z = X * W
let P = softmax(Z)
let L = -sum(onehot(y, C) .* log(P)) / N
claim grad(L, Z) = (P - onehot(y, C)) / N
`);
    expect(deriveInFile(batch, 'b.deriv', { expression: 'grad(L, Z)' }).best.text).toBe('(P - onehot(y, C)) / N');
  }, 60_000);
});

describe('many derivatives with respect to lets', () => {
  it("do not spend the file's inlining budget: each re-reading of the later lets has its own", () => {
    const lets = Array.from({ length: 150 }, (_, k) => `let z${k + 1} = tanh(z${k})`).join('\n');
    const claims = Array.from({ length: 150 }, (_, k) => `claim diff(z${k + 1}, z${k}) = 1 - z${k + 1}^2`).join('\n');
    const report = checkText(deriv(`given t: real\nlet z0 = t\n${lets}\n${claims}\n`), 't.deriv', { ...FAST, trials: 4, sizes: [1] });
    expect(report.summary).toMatchObject({ steps: 150, proved: 150, error: 0 });
  }, 120_000);
});

describe('the slope of a parametric curve, dy/dx for lets x and y of one parameter (Stewart 10.2, probe 62)', () => {
  const CURVE = `given t: real in (0, Infinity)
let x = t^2
let y = t^3 - 3*t
`;
  it('is (dy/dt) / (dx/dt), and its second derivative d/dt(dy/dx) / (dx/dt), as printed in any notation', () => {
    expect(verdicts(`${CURVE}claim \\frac{dy}{dx} = \\frac{3t^2 - 3}{2t}
claim dy/dx = (3 t^2 - 3) / (2 t)
claim \\frac{d^2y}{dx^2} = \\frac{3t^2 + 3}{4t^3}
claim diff(y, x, 2) = 0   expect wrong
claim diff(y, x) = 3 t^2 - 3   expect wrong
`)).toEqual(['proved', 'proved', 'proved', 'refuted', 'refuted']);
  });

  it('is still the partial derivative where y reads x (backprop), and refused where the parameter is not one input', () => {
    expect(verdicts(`given t: real
let z = 2 * t
let L = z^2 + t
claim diff(L, z) = 2 * z
`)).toEqual(['proved']);
    const [step] = claimsOf(deriv(`given r: positive
given θ: real
let x = r * (θ - sin(θ))
let y = r * (1 - cos(θ))
claim dy/dx = sin(θ) / (1 - cos(θ))
`)).flatMap((c) => c.steps);
    expect(step.verdict).toBe('error');
    expect(step.detail.diagnostic?.message).toMatch(/y does not depend on x, and they both read r and θ: the derivative along a curve needs its one parameter/);
    expect(step.detail.diagnostic?.hint).toMatch(/diff\(y, θ\) \/ diff\(x, θ\)/);
  });
});
