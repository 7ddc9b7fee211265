import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriv, onlyStep } from '../__test-helpers__/derivations.ts';

/**
 * Laws that hold for every input, each run through the whole engine. Every
 * property runs ~20 times from a fixed fast-check seed, so runs are reproducible.
 */
const RUNS = { numRuns: 20, seed: 20240611 } as const;
const CHECK = { seed: 1, trials: 10, sizes: [1] } as const;

/** A polynomial in x with integer coefficients, coefficient k of x^k, written as text. */
function polynomialText(coefficients: readonly number[]): string {
  const terms: string[] = [];
  coefficients.forEach((c, k) => {
    if (c === 0) return;
    const magnitude = Math.abs(c);
    const body = k === 0 ? `${magnitude}` : `${magnitude === 1 ? '' : `${magnitude}*`}x${k === 1 ? '' : `^${k}`}`;
    terms.push(terms.length === 0 ? `${c < 0 ? '-' : ''}${body}` : `${c < 0 ? ' - ' : ' + '}${body}`);
  });
  return terms.length === 0 ? '0' : terms.join('');
}

/** The coefficients of the derivative. */
function derivative(coefficients: readonly number[]): number[] {
  return coefficients.slice(1).map((c, k) => c * (k + 1));
}

const polynomial = fc.array(fc.integer({ min: -6, max: 6 }), { minLength: 1, maxLength: 5 });

describe('the helpers of these properties', () => {
  it('write polynomials the way a person would', () => {
    expect(polynomialText([1, -2, 3])).toBe('1 - 2*x + 3*x^2');
    expect(polynomialText([0, 1, 0, -1])).toBe('x - x^3');
    expect(polynomialText([0, 0])).toBe('0');
    expect(polynomialText(derivative([1, -2, 3]))).toBe('-2 + 6*x');
  });
});

describe('properties over random derivations', () => {
  it('diff(P, x) = P\' is proved for random polynomials P', () => {
    fc.assert(fc.property(polynomial, (p) => {
      const text = deriv(`given x: real\nclaim diff(${polynomialText(p)}, x) = ${polynomialText(derivative(p))}\n`);
      const step = onlyStep(text, CHECK);
      expect(step.verdict, text).toBe('proved');
    }), RUNS);
  });

  it('diff(P, x) = P\' + x^(deg + 1) is refuted for random polynomials P', () => {
    fc.assert(fc.property(polynomial, (p) => {
      const text = deriv(`given x: real\nclaim diff(${polynomialText(p)}, x) = ${polynomialText(derivative(p))} + x^${p.length}\n`);
      const step = onlyStep(text, CHECK);
      expect(step.verdict, text).toBe('refuted');
    }), RUNS);
  });

  it('P expanded equals P factored, for random roots: (x - a)(x - b) = x^2 - (a + b) x + ab', () => {
    fc.assert(fc.property(fc.integer({ min: -9, max: 9 }), fc.integer({ min: -9, max: 9 }), (a, b) => {
      const text = deriv(`given x: real\nclaim (x - (${a})) * (x - (${b})) = x^2 - (${a + b})*x + (${a * b})\n`);
      expect(onlyStep(text, CHECK).verdict, text).toBe('proved');
    }), RUNS);
  });

  const rational = fc.tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: 1, max: 20 }))
    .map(([num, den]) => `(${num}/${den})`);

  it('c * x = x * c is proved for random rational constants c', () => {
    fc.assert(fc.property(rational, (c) => {
      const text = deriv(`given x: real\nclaim ${c} * x = x * ${c}\n`);
      expect(onlyStep(text, CHECK).verdict, text).toBe('proved');
    }), RUNS);
  });

  it('c * x = (c + 1e-9) * x is refuted for random rational constants c', () => {
    fc.assert(fc.property(rational, (c) => {
      const text = deriv(`given x: real\nclaim ${c} * x = (${c} + 1e-9) * x\n`);
      expect(onlyStep(text, CHECK).verdict, text).toBe('refuted');
    }), RUNS);
  });

  it('a sum of a random linear combination splits: sum(j, a x[j] + b y[j]) = a sum(j, x[j]) + b sum(j, y[j])', () => {
    fc.assert(fc.property(fc.integer({ min: -9, max: 9 }), fc.integer({ min: -9, max: 9 }), (a, b) => {
      const text = deriv(`given x, y: vector[n]\nclaim sum(j, (${a})*x[j] + (${b})*y[j]) = (${a})*sum(j, x[j]) + (${b})*sum(j, y[j])\n`);
      const step = onlyStep(text, { seed: 1, trials: 10, sizes: [1, 3] });
      expect(step.verdict, text).toBe('proved');
    }), { numRuns: 10, seed: 7 });
  });
});
