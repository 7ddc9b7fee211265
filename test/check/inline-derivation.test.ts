import { describe, expect, it } from 'vitest';
import { derivation, DerivationError } from '../../src/index.ts';

/** Calls the tag on plain text, the way a template without substitutions does. */
function tag(text: string) {
  return derivation(Object.assign([text], { raw: [text] }) as TemplateStringsArray);
}

describe('the derivation tagged template', () => {
  it('checks inline text, adding a missing header titled "inline"', () => {
    const result = derivation`
      given x: vector[n]
      let s[i] = exp(x[i]) / sum(j, exp(x[j]))
      claim log(s[i]) = x[i] - log(sum(j, exp(x[j])))
      claim diff(s[n], x[n]) = -s[n] * (1 - s[n])
    `.check({ seed: 1, trials: 20, sizes: [1, 2, 3] });
    expect(result.title).toBe('inline');
    expect(result.claims.map((c) => c.steps.map((s) => s.verdict))).toEqual([['proved'], ['refuted']]);
    expect(result.claims.map((c) => c.ok)).toEqual([true, false]);
  });

  it('keeps a header that is written, and substitutes values', () => {
    const factor = 3;
    const inline = derivation`derivation "titled"
given x: real
claim ${factor} * x = x * ${factor}
`;
    expect(inline.model.derivation.title).toBe('titled');
    const result = inline.check({ seed: 1, trials: 10 });
    expect(result.title).toBe('titled');
    expect(result.claims[0].text).toBe('3 * x');
    expect(result.claims[0].steps[0].verdict).toBe('proved');
  });

  it('check() with the same seed replays exactly', () => {
    const inline = derivation`
      given a: positive
      claim a * (a > 1) = a
    `;
    const first = inline.check({ seed: 5, trials: 20 });
    expect(first.claims[0].steps[0].verdict).toBe('refuted');
    expect(inline.check({ seed: 5, trials: 20 })).toEqual(first);
  });

  it.each([
    ['an unclosed parenthesis', 'given x: real\nclaim x = (x\n', 'syntax'],
    ['a line starting with an unknown word', 'given x: real\nfrobnicate\n', 'syntax'],
    ['two derivations', 'derivation "a"\ngiven x: real\nderivation "b"\ngiven y: real\n', 'syntax'],
  ])('%s throws DerivationError with its diagnostic code', (_, text, code) => {
    let caught: unknown;
    try {
      tag(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DerivationError);
    const error = caught as DerivationError;
    expect(error.diagnostic.code).toBe(code);
    expect(error.diagnostic.file).toBe('<inline>');
    expect(error.message).toContain('<inline>');
  });
});

it('an unknown type makes the steps that use the input errors, with its diagnostic, and the others are checked', () => {
  const result = tag('given x: vectr[n]\ngiven t: real\nclaim x[1] = x[1]\nclaim t + t = 2 * t\n').check({ seed: 1, trials: 5 });
  expect(result.claims[0].steps[0].verdict).toBe('error');
  expect(result.claims[0].steps[0].detail.diagnostic).toMatchObject({ code: 'unknown-type', file: '<inline>' });
  expect(result.claims[1].steps[0].verdict).toBe('proved');
});

// Regression (was test/KNOWN-FAILING.md):
it('the derivation tag reports lines of the text as written, not shifted by the added header', () => {
  let caught: unknown;
  try {
    derivation`given x: real
claim x = sine(x) + (x`;
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(DerivationError);
  expect((caught as DerivationError).diagnostic.span?.line).toBe(2);
  const result = derivation`given x: real
claim 2 * x = x + x`.check({ seed: 1, trials: 5 });
  expect(result.claims[0].line).toBe(2);
  expect(result.claims[0].steps[0].line).toBe(2);
});
