/**
 * Why nerdamer is not part of the engine: on the expressions of this field it
 * returns numerically wrong forms without a warning. This canary pins the
 * failures measured with nerdamer 1.1.13; if an upgrade fixes them, this test
 * fails and nerdamer can be reconsidered as a second opinion (README, "Engines").
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { checkText } from '../../src/index.ts';

const require = createRequire(import.meta.url);
const nerdamer = require('nerdamer');
require('nerdamer/Algebra');
require('nerdamer/Calculus');

const at = { x1: 0.3, x2: -0.7 };
const softmax1 = Math.exp(at.x1) / (Math.exp(at.x1) + Math.exp(at.x2));

describe('nerdamer 1.1.13 on softmax (why derivcheck does not use it)', () => {
  it('rewrites exp(x1)/(exp(x1)+exp(x2)) into a numerically different form', () => {
    const form = nerdamer('exp(x1)/(exp(x1)+exp(x2))');
    expect(form.toString()).toBe('(e^x1+e^x2)^(-1+x1)');
    const value = Number(form.evaluate(at).text('decimals'));
    expect(Math.abs(value - softmax1)).toBeGreaterThan(0.05);
  });

  it('turns log(e^p + e^q) into 1', () => {
    expect(nerdamer('log(e^p+e^q)').toString()).toBe('1');
  });

  it('while derivcheck proves the softmax forms equal and refutes the rewrite', () => {
    const report = checkText(`derivation "nerdamer's rewrite"
given x: vector[2]
claim exp(x[1]) / (exp(x[1]) + exp(x[2]))
  = exp(x[1]) * (exp(x[1]) + exp(x[2]))^(-1)
  = (exp(x[1]) + exp(x[2]))^(x[1] - 1)   expect wrong
`, 'canary.deriv', { seed: 1, trials: 20 });
    const steps = report.files[0].derivations[0].claims[0].steps;
    expect(steps.map((s) => s.verdict)).toEqual(['proved', 'refuted']);
  });
});
