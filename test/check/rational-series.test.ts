/**
 * Series whose term is a rational function of k (Stewart 11.2 to 11.6): the p-series,
 * telescoping and alternating series, summed exactly through the Hurwitz zeta values
 * (rational-series.ts). They converge like a power of k, so 60 digits would take 10^60
 * terms: before, every such step was an error, its slips with it (thirteenth probe, t04).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stepsIn, verdictsIn } from '../__test-helpers__/derivations.ts';

describe('series of rational terms', () => {
  it('proves the textbook sums (Basel, pi^4/90, telescoping, alternating, odd squares) and refutes their slips', () => {
    expect(verdictsIn(`given x: real
claim sum(k, 1, Infinity, 1/k^2) = pi^2/6
claim sum(k, 1, Infinity, 1/k^2) = pi^2/6 + 1e-9   expect wrong
claim sum(k, 1, Infinity, 1/k^4) = pi^4/90
claim sum(k, 1, Infinity, 1/k^6) = pi^6/945
claim sum(k, 1, Infinity, 1/(k*(k+1))) = 1
claim sum(k, 1, Infinity, 1/(k^2 + k)) = 1 + 1e-40   expect wrong
claim sum(k, 1, Infinity, (-1)^(k+1)/k^2) = pi^2/12
claim sum(k, 0, Infinity, 1/(2*k+1)^2) = pi^2/8
claim sum(k, 1, Infinity, 1/(4*k^2 - 1)) = 1/2
claim sum(k, 2, Infinity, 1/(k^2 - 1)) = 3/4
claim sum(k, 1, Infinity, 1/(k*(k+1)*(k+2))) = 1/4
claim sum(k, 1, Infinity, 1/(k*(k+1)*(k+2))) = 1/3   expect wrong
claim sum(k, 1, Infinity, x^2/k^2) = x^2 * pi^2/6
claim trigamma(1) = pi^2/6
claim polygamma(3, 1/2) = pi^4
`)).toEqual(['proved', 'refuted', 'proved', 'proved', 'proved', 'refuted', 'proved', 'proved', 'proved', 'proved', 'proved', 'refuted', 'proved', 'proved', 'proved']);
  }, 60_000);

  it('sums any telescoping series of powers of k - r, alternating or not, to its first term', () => {
    // sum_{k >= L} (f(k) - f(k + 1)) = f(L) and sum_{k >= L} (-1)^k (f(k) + f(k + 1)) = (-1)^L f(L), f(k) = c / (k - r)^m.
    const fraction = fc.record({ p: fc.integer({ min: -7, max: 7 }), q: fc.integer({ min: 1, max: 4 }) });
    fc.assert(fc.property(fraction, fraction, fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 2 }), fc.boolean(), (c, r, m, lower, alternating) => {
      // r below L, so no term has a pole.
      const root = `(${r.p - 8 * r.q}/${r.q})`;
      const coefficient = `(${c.p === 0 ? 1 : c.p}/${c.q})`;
      const f = (k: string) => `${coefficient} / (${k} - ${root})^${m}`;
      const claim = alternating
        ? `claim sum(k, ${lower}, Infinity, (-1)^k * (${f('k')} + ${f('(k + 1)')})) = (-1)^${lower} * ${f(String(lower))}`
        : `claim sum(k, ${lower}, Infinity, ${f('k')} - ${f('(k + 1)')}) = ${f(String(lower))}`;
      const [right, wrong] = stepsIn(`${claim}\n${claim} + 1e-30   expect wrong\n`);
      expect(right.verdict, claim).toBe('proved');
      expect(wrong.verdict, claim).toBe('refuted');
    }), { numRuns: 15, seed: 11 });
  }, 120_000);

  it('leaves alone what it cannot sum exactly: a divergent series, an irrational root', () => {
    const [harmonic, complexRoots] = stepsIn(`claim sum(k, 1, Infinity, 1/k) = 0
claim sum(k, 1, Infinity, 1/(k^2 + 1)) = 1.0766740474685811
`);
    // Not summed, but its terms are of order 1/k, of one sign: it diverges to Infinity (numeric/divergence.ts).
    expect(harmonic.verdict).toBe('refuted');
    expect(harmonic.detail.explanation).toMatch(/diverges to Infinity/);
    // Not summed exactly, but in 60 digits (rational-series-tail.ts): the 17 digits written are 7e-17 off.
    expect(complexRoots.verdict).toBe('refuted');
    expect(complexRoots.method).not.toMatch(/exact canonical form/);
  }, 60_000);

  it('sums in 60 digits a rational term whose denominator has complex or irrational roots, its head added up and its tail expanded at infinity (probe 38)', () => {
    expect(verdictsIn(`given x: real
claim sum(k, 1, Infinity, 1 / (k^2 + 1)) = (pi * cosh(pi) / sinh(pi) - 1) / 2
claim sum(k, 1, Infinity, 1 / (k^2 + 1)) = (pi * cosh(pi) / sinh(pi) - 1) / 2 + 1e-17   expect wrong
claim sum(k, 0, Infinity, 1 / (k^2 + k + 1)) = pi / sqrt(3) * tanh(pi * sqrt(3) / 2)
claim sum(k, 0, Infinity, 1 / (k^2 + k + 1)) = pi / sqrt(3) * tanh(pi * sqrt(3) / 2) + 1e-40   expect wrong
claim sum(k, 1, Infinity, x^2 / (k^2 + 1)) = x^2 * (pi * cosh(pi) / sinh(pi) - 1) / 2
claim sum(k, 1, Infinity, x^2 / (k^2 + 1)) = x^2 * (pi * cosh(pi) / sinh(pi) - 1) / 2 * (1 + 1e-30)   expect wrong
claim sum(k, 1, Infinity, (k + 1) / (k^4 + 2)) = sum(k, 1, Infinity, k / (k^4 + 2)) + sum(k, 1, Infinity, 1 / (k^4 + 2))
claim sum(k, 1, Infinity, (-1)^k / (k^2 + 1)) = (pi / sinh(pi) - 1) / 2
claim sum(k, 1, Infinity, (-1)^k / (k^2 + 1)) = (pi / sinh(pi) - 1) / 2 + 1e-30   expect wrong
`)).toEqual(['verified', 'refuted', 'verified', 'refuted', 'verified', 'refuted', 'verified', 'verified', 'refuted']);
  }, 60_000);
});

describe('a rational series read in as many digits as its constants need', () => {
  it('sees a term moved by 1e-70 or 1e-300, and settles the bound the move implies (probe 86: verified, and an error)', () => {
    expect(verdictsIn(`claim sum(k, 1, Infinity, 1 / (k^2 + 1e-70)) = pi^2 / 6   expect wrong
claim sum(k, 1, Infinity, 1 / (k^2 + 1e-300)) = pi^2 / 6   expect wrong
claim sum(k, 1, Infinity, 1 / (k * (k + 1) + 1e-70)) = 1   expect wrong
claim sum(k, 1, Infinity, 1 / (k^2 + 1e-70)) >= pi^2 / 6   expect wrong
claim sum(k, 1, Infinity, 1 / (k^2 + 1e-70)) < pi^2 / 6
claim sum(k, 1, Infinity, 1 / (k^2 + 1e-70)) > pi^2 / 6 - 2e-70
`)).toEqual(['refuted', 'refuted', 'refuted', 'refuted', 'verified', 'verified']);
  }, 120_000);
});

describe('zeta', () => {
  it('is polygamma at 1: the even values exact (zeta(2) = pi^2/6), an odd one the sum of its series', () => {
    expect(verdictsIn(`claim zeta(2) = pi^2/6
claim trigamma(1) = zeta(2)
claim zeta(4) = pi^4/90
claim zeta(4) = pi^4/90 + 1e-25   expect wrong
claim sum(k, 1, Infinity, 1/k^3) = zeta(3)
claim sum(k, 1, Infinity, 1/k^3) = zeta(3) + 1e-30   expect wrong
`)).toEqual(['proved', 'proved', 'proved', 'refuted', 'proved', 'refuted']);
  }, 60_000);
});
