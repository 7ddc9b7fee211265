import { describe, expect, it } from 'vitest';
import { buildModel, checkText, parseDerivation } from '../../src/index.ts';
import { claimsOf, deriv, onlyStep } from '../__test-helpers__/derivations.ts';

/** The diagnostic of the first step of the first claim, which must be an error. */
function stepDiagnostic(text: string) {
  const step = claimsOf(text)[0].steps[0];
  expect(step.verdict).toBe('error');
  expect(step.ok).toBe(false);
  expect(step.detail.diagnostic).toBeDefined();
  return step.detail.diagnostic!;
}

describe('buildModel: declarations', () => {
  it('collects inputs, dimension symbols and the smallest size a literal index allows', () => {
    const model = buildModel(parseDerivation(deriv('given x: vector[n]\ngiven t: real\nclaim x[3] = x[3]\n'), 'm.deriv'));
    expect(model.inputs.map((i) => i.name).sort()).toEqual(['t', 'x']);
    expect(model.dims).toEqual(['n']);
    expect(model.claims[0].minSizes.get('n')).toBe(3);
    expect(model.claims).toHaveLength(1);
    expect(model.claims[0].steps[0].error).toBeUndefined();
  });

  it('an unknown type is unknown-type at the type, and the hint lists the types', () => {
    // line 2 is "given x: vectr[n]": the type starts at col 10.
    const d = stepDiagnostic(deriv('given x: vectr[n]\nclaim x[1] = x[1]\n'));
    expect(d.code).toBe('unknown-type');
    expect(d.message).toContain("'vectr'");
    expect(d.message).toContain('declaration of x');
    expect(d.span).toMatchObject({ line: 2, col: 10 });
    for (const type of ['real', 'positive', 'unit', 'vector', 'simplex', 'onehot', 'label']) expect(d.hint).toContain(type);
  });

  it('a whole number declared as the books and other languages do (integer, natural, with an interval or not) is refused with the two types that hold one', () => {
    for (const declaration of ['n: integer', 'n: natural', 'n: int', 'n: integer in [1, 10]', 'n: Integer in [0, Infinity)']) {
      const d = stepDiagnostic(deriv(`given ${declaration}\nclaim n^2 >= n\n`));
      expect(d.code).toBe('unknown-type');
      expect(d.message).toMatch(/^unknown type '\w+': a whole number is a size or a count/);
      expect(d.hint).toContain('given n: size');
      expect(d.hint).toContain('given n: count');
    }
    // Another type with an interval keeps its message, with its article.
    expect(stepDiagnostic(deriv('given n: onehot in [1, 10]\nclaim n = n\n')).message).toContain('not for an onehot');
  });

  it('a given is a declaration of the whole derivation: a let or claim before it may use it (sixteenth probe)', () => {
    const [proved, refuted] = claimsOf(deriv('let s = sigmoid(a)\nclaim diff(s, a) = s * (1 - s)\ngiven a: real\nclaim diff(s, a) = s * (1 + s)   expect wrong\n'));
    expect([proved.steps[0].verdict, refuted.steps[0].verdict]).toEqual(['proved', 'refuted']);
    // A broken given is still reported where it stands, after the claims before it.
    const claims = claimsOf(deriv('given x: real\nclaim x = x\ngiven y: vectr[n]\nclaim x + 1 = 1 + x\n'));
    expect(claims.map((c) => c.steps[0]?.detail.diagnostic?.code ?? c.steps[0]?.verdict)).toEqual(['proved', 'unknown-type', 'proved']);
  });

  it('a name declared twice is duplicate-name, for every claim that uses it', () => {
    expect(stepDiagnostic(deriv('given x: real\ngiven x: positive\nclaim x = x\n')).code).toBe('duplicate-name');
    expect(stepDiagnostic(deriv('given x: real\nlet x = 2\nclaim x = x\n')).code).toBe('duplicate-name');
  });
});

describe('buildModel: one broken declaration costs only what uses it', () => {
  it('a bad let makes the claims that use it errors and leaves the others checked', () => {
    const claims = claimsOf(deriv([
      'given x: vector[n]',
      'given t: real',
      'let m = exp(x, x)',
      'let u = m + 1',
      'claim t + t = 2 * t',
      'claim u = u',
      'claim exp(x[i]) / exp(x[i]) = 1',
      '',
    ].join('\n')));
    expect(claims.map((c) => c.steps[0].verdict)).toEqual(['proved', 'error', 'proved']);
    const d = claims[1].steps[0].detail.diagnostic!;
    expect(d.code).toBe('arity');
    expect(d.span).toMatchObject({ line: 4 });
  });

  it('a bad given makes only its own names unusable; a broken declaration nothing uses is an error at its line', () => {
    const claims = claimsOf(deriv('given x: vectr[n]\ngiven t: real\nclaim t * 1 = t\n'));
    expect(claims).toHaveLength(2);
    expect(claims[0].steps[0].verdict).toBe('error');
    expect(claims[0].line).toBe(2);
    expect(claims[0].steps[0].detail.diagnostic!.code).toBe('unknown-type');
    expect(claims[1].steps[0].verdict).toBe('proved');
  });

  it('checkText no longer loses the file: the report holds the other claims, and the error counts as unexpected', () => {
    const report = checkText(deriv('given x: vectr[n]\ngiven t: real\nclaim x[1] = x[1]\nclaim t = t\n'), 'm.deriv', { seed: 1, trials: 5, sizes: [1] });
    expect(report.files[0].error).toBeNull();
    expect(report.summary).toMatchObject({ error: 1, proved: 1, unexpected: 1 });
  });
});

describe('buildModel: names in steps', () => {
  it('an unknown name is unknown-name at the name, with did-you-mean', () => {
    // line 3 is "claim xx = xy + 0": xy starts at col 12.
    const d = stepDiagnostic(deriv('given xx: real\nclaim xx = xy + 0\n'));
    expect(d.code).toBe('unknown-name');
    expect(d.message).toContain("'xy'");
    expect(d.span).toMatchObject({ line: 3, col: 12 });
    expect(d.hint).toContain("did you mean 'xx'");
  });

  it('an unknown function is unknown-function, with did you mean sin for sine', () => {
    // line 3 is "claim x = sine(x)": sine starts at col 11.
    const d = stepDiagnostic(deriv('given x: real\nclaim x = sine(x)\n'));
    expect(d.code).toBe('unknown-function');
    expect(d.message).toContain("'sine'");
    expect(d.span).toMatchObject({ line: 3, col: 11 });
    expect(d.hint).toContain("did you mean 'sin'");
  });

  it('two indices on a vector is index-arity', () => {
    // line 3 is "claim x[1] = x[i, j]": x[i, j] starts at col 14.
    const d = stepDiagnostic(deriv('given x: vector[n]\nclaim x[1] = x[i, j]\n'));
    expect(d.code).toBe('index-arity');
    expect(d.span).toMatchObject({ line: 3, col: 14 });
    expect(d.message).toMatch(/1 index, got 2/);
  });

  it('a broken step makes only that step an error; the other claims are still checked', () => {
    const claims = claimsOf(deriv('given x: real\nclaim x = nope\nclaim 2*x = x + x\n'));
    expect(claims.map((c) => c.steps.map((s) => s.verdict))).toEqual([['error'], ['proved']]);
    expect(claims.map((c) => c.ok)).toEqual([false, true]);
  });
});

// Regression (was test/KNOWN-FAILING.md):
it('an unknown function in the claim head is reported with its own diagnostic and hint', () => {
  // line 3 is "claim sine(x) = sin(x)": sine starts at col 7
  const step = onlyStep(deriv('given x: real\nclaim sine(x) = sin(x)\n'));
  expect(step.verdict).toBe('error');
  const d = step.detail.diagnostic!;
  expect(d.code).toBe('unknown-function');
  expect(d.span).toMatchObject({ line: 3, col: 7 });
  expect(d.hint).toContain("did you mean 'sin'");
});
