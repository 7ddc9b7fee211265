import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { derive, DerivationError } from '../../src/index.ts';
import { claimsOf, deriv, runCli, TempFolder } from '../__test-helpers__/derivations.ts';

const NOTE_001 = readFileSync('derivations/001-softmax-log-trick.deriv', 'utf8');
const NOTE_002 = readFileSync('derivations/002-softmax-cross-entropy-batch.deriv', 'utf8');

const SOFTMAX = `derivation "softmax"
given x: vector[n]
given y: onehot[n]
let s[i] = exp(x[i]) / sum(j, exp(x[j]))
let L = -sum(i, y[i] * log(s[i]))
`;

describe('derive: the simplest correct form in the derivation\'s own names', { timeout: 60_000 }, () => {
  it('derives dL/dx_k = s[k] - y[k], proved for every n, where the file writes the long form', () => {
    const found = derive(SOFTMAX, { expression: 'diff(L, x[k])' });
    expect(found.text).toBe('s[k] - y[k]');
    expect(found.best.proof).toBe('every-n');
    expect(found.latex).toBe('= s_k - y_k');
  });

  it('derives the softmax Jacobian as s[i] * (delta(i, k) - s[k]), not as exponentials', () => {
    const found = derive(SOFTMAX, { expression: 'diff(s[i], x[k])' });
    expect(found.best.proof).toBe('every-n');
    expect(found.best.size).toBeLessThanOrEqual(10);
    expect(found.text).toMatch(/^s\[[ik]\] \* \(delta\(i, k\) - s\[[ik]\]\)$/);
  });

  it('derives the Jacobian of a vector function in matrix notation: diag(s) - s * s\', and a layer\'s outer product', () => {
    const jacobian = derive(`derivation "j"\ngiven x: vector[n]\nlet s = softmax(x)\n`, { expression: 'jacobian(s, x)' });
    expect([jacobian.text, jacobian.best.proof]).toEqual(["diag(s) - s * s'", 'every-n']);
    const outer = derive(`derivation "o"\ngiven W: matrix[m, n]\ngiven x: vector[n]\ngiven g: vector[m]\nlet L = g' * (W * x)\n`, { expression: 'grad(L, W)' });
    expect([outer.text, outer.best.proof]).toEqual(["g * x'", 'every-n']);
  });

  it('tells the batch size from the number of classes: the 1/N of a mean, never 1/C', () => {
    const found = derive(NOTE_002, { expression: 'diff(L, z[i, k])' });
    expect(found.text).toBe('(a[i, k] - delta(k, y[i])) / N');
    expect(found.best.proof).toBe('every-n');
  });

  it('gives the matrix form of a batch gradient: (a - onehot(y, C)) / N', () => {
    const found = derive(NOTE_002, { expression: 'grad(L, z)' });
    expect(found.text).toBe('(a - onehot(y, C)) / N');
    expect(found.best.notation).toBe('matrix');
  });

  it("derives the two-layer network's dW2 as A1' * dZ2 in the note's names", () => {
    const found = derive(NOTE_002, { expression: 'grad(L, W2)' });
    expect(found.text).toBe("A1' * dZ2");
    expect(found.derivation).toContain('two-layer network');
  });

  it('derives the expression on a line, or its claim\'s when the step takes no derivative', () => {
    const line = NOTE_001.split('\n').findIndex((l) => l.startsWith('claim diff(L, x[k])')) + 1;
    expect(derive(NOTE_001, { line }).text).toBe('s[k] - y[k]');
    expect(derive(NOTE_001, { line: line + 2 }).text).toBe('s[k] - y[k]');
  });

  it('stops at its work budget: the candidates it evaluates are counted in term nodes', () => {
    // dL/dx_k = s[k] - y[k] is found among the first few hundred candidates; with room for a handful, none is.
    expect(() => derive(SOFTMAX, { expression: 'diff(L, x[k])' }, { maxWork: 50 })).toThrow(/no derivation of .* gives a form/);
    expect(derive(SOFTMAX, { expression: 'diff(L, x[k])' }, { maxWork: 100_000 }).text).toBe('s[k] - y[k]');
  });

  it('refuses, with a diagnostic at the place, what has nothing to derive', () => {
    expect(() => derive(SOFTMAX, { expression: 's[k] - y[k]' })).toThrow(/takes no derivative/);
    expect(() => derive(SOFTMAX, { line: 2 })).toThrow(DerivationError);
    expect(() => derive(SOFTMAX, { line: 2 })).toThrow(/line 2 holds no claim or step/);
  });
});

describe('a refuted step gets a right step when the file gives none', { timeout: 60_000 }, () => {
  it('derives it from the line above, or from the claim when the chain so far holds', () => {
    const claims = claimsOf(deriv(`
given x: vector[n]
given y: onehot[n]
let s[i] = exp(x[i]) / sum(j, exp(x[j]))
let L = -sum(i, y[i] * log(s[i]))
claim diff(L, x[k])
  = -sum(i, y[i] * (delta(i, k) - s[k]))
  = y[k] - s[k]
claim diff(s[i], x[k]) = s[i] * (1 - s[k])
`));
    const wrongSign = claims[0].steps[1];
    expect(wrongSign.verdict).toBe('refuted');
    expect(wrongSign.detail.derived).toEqual({ text: 's[k] - y[k]', proof: 'every-n', notation: 'index' });
    expect(claims[1].steps[0].detail.derived?.text).toMatch(/delta\(i, k\)/);
    // A step that holds gets nothing.
    expect(claims[0].steps[0].detail.derived).toBeUndefined();
  });

  it('offers a form it cannot prove only when random inputs agree with it, not two fingerprint points', () => {
    // The clipped Huber gradient is r wherever |r| <= dl, where both fingerprint points happened to fall.
    const [claim] = claimsOf(deriv(`
given w: vector[d]
given x: vector[d]
given y: binary
given r: real
given dl: positive
claim diff((abs(r) <= dl) * r^2 / 2 + (abs(r) > dl) * dl * (abs(r) - dl / 2), r)
  = max(-dl, min(dl, r))
  = min(dl, r)
`));
    const wrong = claim.steps[1];
    expect(wrong.verdict).toBe('refuted');
    expect(wrong.detail.derived).toEqual({ text: 'max(-dl, min(dl, r))', proof: 'numeric', notation: 'index' });
  });

  it('leaves the file\'s own right step in charge where there is one', () => {
    const claims = claimsOf(deriv(`
given x: vector[n]
given y: onehot[n]
let s[i] = exp(x[i]) / sum(j, exp(x[j]))
let L = -sum(i, y[i] * log(s[i]))
claim diff(L, x[k]) = y[k] - s[k]   expect wrong
claim diff(L, x[k]) = s[k] - y[k]
`));
    expect(claims[0].steps[0].detail.correction?.text).toBe('s[k] - y[k]');
    expect(claims[0].steps[0].detail.derived).toBeUndefined();
  });
});

describe('derivcheck derive', { timeout: 60_000 }, () => {
  const folder = new TempFolder();
  afterAll(() => folder.remove());
  const file = folder.file('softmax.deriv', `${SOFTMAX}claim diff(L, x[k]) = y[k] - s[k]   expect wrong\n`);
  const run = runCli;

  it('prints the derived form of a line, proved', () => {
    const { code, out } = run(['derive', file, '--at', '6']);
    expect(code).toBe(0);
    expect(out).toContain('= s[k] - y[k]');
    expect(out).toContain('proved for every n');
  });

  it('derives an expression in the file\'s context, as JSON on request', () => {
    const { code, out } = run(['derive', file, 'diff(L, x[k])', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(out).forms[0]).toMatchObject({ text: 's[k] - y[k]', proof: 'every-n', notation: 'index' });
  });

  it('says what is wrong with its arguments, exit 2, and what it cannot derive, exit 1', () => {
    expect(run(['derive', file]).code).toBe(2);
    expect(run(['derive', file, '--at', '6', 'diff(L, x[k])']).code).toBe(2);
    const none = run(['derive', file, '--at', '2']);
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/softmax\.deriv:2:1: line 2 holds no claim or step/);
  });
});
