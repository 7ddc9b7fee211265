/**
 * A step in n alone, held at every size up to 1,000, read again in 60 digits at n = 2000 to 10^15, its sums over n in
 * closed form: a bound whose constant was cut short fails only there (probe 91: Euler's constant cut at its 14th digit,
 * false past n = 5.4e6, was verified).
 */
import { describe, expect, it } from 'vitest';
import { stepsIn } from '../__test-helpers__/derivations.ts';

const DEFAULT_SIZES = { sizes: undefined, trials: 20 };

describe('far sizes: a step in n alone is also read at n = 2000 to 10^15', () => {
  it('refutes bounds whose constants were cut short, with the far size and both 60-digit values, and keeps their true twins', () => {
    const [cutGamma, gamma, cutBasel, basel, alternating] = stepsIn(`given n: size
claim sum(k, 1, n, 1 / k) < log(n) + 0.57721566490153 + 1 / (2 * n)   expect wrong
claim sum(k, 1, n, 1 / k) < log(n) + 0.5772156649015329 + 1 / (2 * n)
claim sum(k, 1, n, 1 / k^2) < 1.6449340668482 - 1 / n + 1 / (2 * n^2)   expect wrong
claim sum(k, 1, n, 1 / k^2) < pi^2 / 6 - 1 / n + 1 / (2 * n^2)
claim sum(k, 0, n, (-1)^k / (2 * k + 1)) <= pi / 4 + 1 / (2 * n + 3)
`, DEFAULT_SIZES);
    expect(cutGamma.verdict).toBe('refuted');
    const c = cutGamma.detail.counterexample!;
    expect(c.sizes.n).toBe(1e7);
    expect(c.foundBy).toBe('60-digit evaluation');
    expect(String(c.lhs)).toMatch(/^16\.6953113658598518/);
    expect(String(c.rhs)).toMatch(/^16\.6953113658598497/);
    expect(cutGamma.detail.explanation).toContain('at n = 10^7');
    expect(cutBasel.verdict).toBe('refuted');
    // It fails from n = 18,600 on: within the scan in doubles to 20,000 (between-sizes.ts), where its margin is lowest.
    expect(cutBasel.detail.counterexample!.sizes.n).toBeGreaterThan(18_600);
    for (const step of [gamma, basel, alternating]) expect(['proved', 'verified']).toContain(step.verdict);
    // Past 2^53 a sum whose body reads its index alone is still read, at 2^80 and 2^100; an alternating one is not, and
    // Basel's margin, 1 / (6 n^3), is below what 60 digits of its sides tell apart past 10^18.
    expect(gamma.method).toContain('it also holds in 60 digits at 33 sizes from n = 2000 to 2^100');
    expect(basel.method).toContain('it also holds in 60 digits at 29 sizes from n = 2000 to 10^18');
    expect(alternating.method).toContain('it also holds in 60 digits at 28 sizes from n = 2000 to 10^15 + 1');
  }, 60_000);

  it('reads a sum past 2^53 with its end exact: Euler\'s constant cut at its 46th digit fails only past 4.6e22 (probe 95: verified)', () => {
    const [cut, full] = stepsIn(`given n: size
claim sum(k, 1, n, 1 / k) < log(n) + 0.5772156649015328606065120900824024310421593359 + 1 / (2 * n)   expect wrong
claim sum(k, 1, n, 1 / k) < log(n) + 0.5772156649015328606065120900824024310421593359399235988058 + 1 / (2 * n)
`, DEFAULT_SIZES);
    expect(cut.verdict).toBe('refuted');
    expect(cut.detail.counterexample!.sizes.n).toBe(2 ** 80);
    expect(cut.detail.explanation).toContain('at n = 2^80');
    // H_n - log(n) - 1 / (2n) at 2^80 (mpmath, 80 digits): gamma - 1 / (12 n^2) + ..., 3.98666e-47 above the cut constant.
    expect(String(cut.detail.counterexample!.difference)).toMatch(/^3\.9866/);
    expect(['proved', 'verified']).toContain(full.verdict);
  }, 60_000);

  it('refutes an identity in n that fails only far out, and reads one that holds without changing its verdict', () => {
    const [far, identity] = stepsIn(`given n: size
claim sum(k, 1, n, 1 / (k * (k + 1))) = 1 - 1 / (n + 1) + (n > 500000)   expect wrong
claim sum(k, 1, n, 1 / (k * (k + 1))) = 1 - 1 / (n + 1)
`, DEFAULT_SIZES);
    expect(far.verdict).toBe('refuted');
    expect(far.detail.counterexample!.sizes.n).toBe(1e6);
    expect(identity.verdict).toBe('proved');
    expect(identity.method).toContain('it also holds in 60 digits at 33 sizes');
  }, 60_000);

  it('refutes a bound failing by less than 1e-50 far out, as its 60 digits show (probe 100: an Euler-Maclaurin bound proved)', () => {
    const [zeta4, zeta2, truth] = stepsIn(`given n: size
claim sum(k, 1, n, 1 / k^4) < pi^4 / 90 - 1 / (3 * n^3) + 1 / (2 * n^4) - 1e-50   expect wrong
claim sum(k, 1, n, 1 / k^2) < pi^2 / 6 - 1 / n + 1 / (2 * n^2) - 1e-50   expect wrong
claim sum(k, 1, n, 1 / k^2) < pi^2 / 6 - 1 / n + 1 / (2 * n^2)
`, DEFAULT_SIZES);
    expect(zeta4.verdict).toBe('refuted');
    expect(zeta4.detail.counterexample!.sizes.n).toBe(1e10);
    // 6.67e-51 at n = 10^10 (mpmath), shown with the digits that tell the sides apart.
    expect(zeta4.detail.counterexample!.lhs).toMatch(/^1\.08232323371113819151600369654083456944\d{14}/);
    expect(zeta2.verdict).toBe('refuted');
    expect(zeta2.detail.counterexample!.sizes.n).toBe(1e18);
    expect(truth.verdict).toBe('proved');
  }, 60_000);

  it('reads a bound in n alone where its margin comes lowest between the sizes tried (probe 101: n^100 < 3.05e172 2^n proved)', () => {
    const [window, truth, pastDoubles] = stepsIn(`given n: size
claim n^100 < 3.05e172 * 2^n   expect wrong
claim n^100 < 3.08e172 * 2^n
claim n^200 < 1.5e405 * 2^n   expect wrong
`, DEFAULT_SIZES);
    // 144^100 / 2^144 = 3.0756e172: false at n = 143 to 146 only, around 100 / log 2 = 144.27.
    expect(window.verdict).toBe('refuted');
    expect([143, 144, 145, 146]).toContain(window.detail.counterexample!.sizes.n);
    expect(window.detail.explanation).toContain('between the sizes up to 1000');
    expect(truth.verdict).toBe('proved');
    // Past doubles (289^200 is 1e492, and 1.5e405 itself), read between the logs: false at n = 286 to 291.
    expect(pastDoubles.verdict).toBe('refuted');
    expect(pastDoubles.detail.counterexample!.sizes.n).toBeGreaterThanOrEqual(286);
    expect(pastDoubles.detail.counterexample!.sizes.n).toBeLessThanOrEqual(291);
  }, 60_000);

  it('reads sums of n terms in doubles at every n too, where a bound or an identity fails at one n alone (probe 107: verified)', () => {
    const [reach, reachTrue, harmonic, harmonicTrue] = stepsIn(`given n: size
claim sum(k, 1, n, cos(k))^2 + sum(k, 1, n, sin(k))^2 <= 0.99999999 / sin(1/2)^2   expect wrong
claim sum(k, 1, n, cos(k))^2 + sum(k, 1, n, sin(k))^2 <= 1 / sin(1/2)^2
claim sum(k, 0, n + 1, cos(34 * pi * k / (n + 2))) = 0   expect wrong
claim sum(k, 0, n + 1, cos(2 * pi * k / (n + 2))) = 0
`, DEFAULT_SIZES);
    // |sum e^(ik)|^2 = sin(n/2)^2 / sin(1/2)^2, within 1e-8 of its largest only where n/2 is within 1e-4 of an odd multiple
    // of pi/2: n = 355 (355/113 is pi to 3e-7), which no list of sizes holds. Its running sums take the scan to 20,000.
    expect(reach.verdict).toBe('refuted');
    expect(reach.detail.counterexample!.sizes.n).toBe(355);
    expect(reachTrue.verdict).not.toBe('refuted');
    // Every term is cos(2 pi k) = 1 at n + 2 = 17, and the sum 17, not 0; at every other n the roots of unity cancel.
    expect(harmonic.verdict).toBe('refuted');
    expect(harmonic.detail.counterexample!.sizes.n).toBe(15);
    expect(harmonicTrue.verdict).not.toBe('refuted');
  }, 60_000);

  it('reads cos and sin at far multiples of pi with their parity (probe 100: cos(k pi) = (-1)^k refuted at k = 10^7 + 1)', () => {
    const steps = stepsIn(`given k: size
claim cos(k * pi) = (-1)^k
claim sin((k + 1/2) * pi) = (-1)^k
claim cos(k * pi) = (-1)^(k + 1)   expect wrong
`, DEFAULT_SIZES);
    expect(steps.map((s) => s.verdict)).toEqual(['proved', 'proved', 'refuted']);
    expect(steps[0].method).toContain('it also holds in 60 digits at 33 sizes');
  }, 60_000);

  it('reads a step that reads n only as a value at 10^18 to 10^22 too: (1 + 1/n)^n against its expansion, off by 1e-30', () => {
    const [slip, expansion] = stepsIn(`given n: size
claim (1 + 1 / n)^n > exp(1) - exp(1) / (2 * n) + 1e-30   expect wrong
claim (1 + 1 / n)^n > exp(1) - exp(1) / (2 * n)
`, DEFAULT_SIZES);
    expect(slip.verdict).toBe('refuted');
    expect(slip.detail.counterexample!.sizes.n).toBe(1e18);
    expect(expansion.verdict).not.toBe('refuted');
    expect(expansion.method).toContain('it also holds in 60 digits at 29 sizes from n = 2000 to 10^18');
  }, 60_000);

  it('reads odd sizes too, and n! and a product through their logs (probe 95: verified, and a false bound proved)', () => {
    const [leibniz, factorial, product, lgamma] = stepsIn(`given n: size
claim 4 * sum(k, 0, n - 1, (-1)^k / (2 * k + 1)) - pi < 1 / n - 1 / (4 * n^3) + 0.3124999 / n^5   expect wrong
claim log(factorial(n)) < (n + 1/2) * log(n) - n + 0.91893853320467 + 1 / (12 * n)   expect wrong
claim log(prod(k, 1, n, k)) < (n + 1/2) * log(n) - n + 0.91893853320467 + 1 / (12 * n)   expect wrong
claim lgamma(n + 1) < (n + 1/2) * log(n) - n + 0.918938533204673 + 1 / (12 * n)
`, DEFAULT_SIZES);
    expect(leibniz.verdict).toBe('refuted');
    expect(leibniz.detail.counterexample!.sizes.n % 2).toBe(1);
    for (const step of [factorial, product]) {
      expect(step.verdict).toBe('refuted');
      expect(step.detail.counterexample!.sizes.n).toBe(1e5);
    }
    expect(lgamma.verdict).not.toBe('refuted');
  }, 120_000);

  it('reads sides past every evaluation\'s reach through their logs: binomials, factorials, Wallis\' product, a rising factorial (probe 96: verified)', () => {
    const steps = stepsIn(`given n: size
claim binomial(2 * n, n) <= 4^n / sqrt(pi * (n + 0.2500001))   expect wrong
claim factorial(2 * n) / factorial(n)^2 <= 4^n / sqrt(pi * (n + 0.250001))   expect wrong
claim factorial(n) <= sqrt(2 * pi * n) * (n / exp(1))^n * exp(0.0833333333333 / n)   expect wrong
claim binomial(2 * n, n) / (n + 1) >= 4^n / (n^(3/2) * sqrt(pi)) * (1 - 1.12499 / n)   expect wrong
claim log(prod(k, 1, n, (2 * k - 1) / (2 * k))) <= -log(pi * (n + 0.250001)) / 2   expect wrong
claim pochhammer(1/2, n) / factorial(n) <= 1 / sqrt(pi * (n + 0.250001))   expect wrong
claim binomial(2 * n, n) <= 4^n / sqrt(pi * (n + 1/4))
claim binomial(2 * n, n) >= 4^n / sqrt(pi * (n + 1/2))
claim factorial(n) <= sqrt(2 * pi * n) * (n / exp(1))^n * exp(1 / (12 * n))
claim log(prod(k, 1, n, (2 * k - 1) / (2 * k))) <= -log(pi * (n + 1/4)) / 2
`, DEFAULT_SIZES);
    expect(steps.map((s) => s.verdict)).toEqual([...Array(6).fill('refuted'), ...Array(4).fill('verified')]);
    for (const step of steps.slice(0, 6)) expect(step.detail.counterexample!.sizes.n, step.text).toBeGreaterThanOrEqual(1e4);
    for (const step of steps.slice(6)) expect(step.method, step.text).toMatch(/it also holds in 60 digits at \d+ sizes from n = 2000 to (10|2)\^\d+/);
    // Written in logs, the binomial is read as three log factorials.
    expect(stepsIn(`given n: size
claim log(binomial(2 * n, n)) <= n * log(4) - log(pi * (n + 0.2500001)) / 2   expect wrong
claim log(binomial(2 * n, n)) <= n * log(4) - log(pi * (n + 1/4)) / 2
`, DEFAULT_SIZES).map((s) => s.verdict)).toEqual(['refuted', 'verified']);
  }, 240_000);

  it('leaves out a reading past its work: a falling power summed over two sizes is not read at m = n = 2000 (probe 102: 535 s)', () => {
    const [falling, oneSize] = stepsIn(`given m, n: size
claim sum(k, 0, n - 1, prod(j, 0, m - 1, k - j)) = prod(j, 0, m, n - j) / (m + 1)
claim sum(k, 0, n - 1, k * (k - 1)) = n * (n - 1) * (n - 2) / 3
`, DEFAULT_SIZES);
    expect(falling.verdict).toBe('proved');
    // 4 million 60-digit products at 2000, 25 million at 5000; past 6000 a product is not read at all.
    expect(falling.method).not.toContain('60 digits at');
    expect(oneSize.method).toContain('it also holds in 60 digits at');
  }, 60_000);

  it('says a bound whose own constant is past 60 digits far out is undecided: Stirling cut after 1/(360 n^3), plus 1e-50 (probe 104: verified)', () => {
    // log n! - (Stirling through -1/(360 n^3)) = 1/(1260 n^5) - ...: below 1e-50 from n = 2.5e9, where 1e-50 is a relative 5e-61.
    const [fine, plain, visible] = stepsIn(`given n: size
claim log(factorial(n)) >= (n + 1/2) * log(n) - n + log(2 * pi) / 2 + 1 / (12 * n) - 1 / (360 * n^3) + 1e-50
claim log(factorial(n)) >= (n + 1/2) * log(n) - n + log(2 * pi) / 2 + 1 / (12 * n) - 1 / (360 * n^3)
claim log(factorial(n)) >= (n + 1/2) * log(n) - n + log(2 * pi) / 2 + 1 / (12 * n) - 1 / (360 * n^3) + 1e-45
`, DEFAULT_SIZES);
    expect(fine.verdict).toBe('error');
    expect(fine.detail.diagnostic?.code).toBe('undecided');
    expect(fine.detail.diagnostic?.message).toContain('its constant 1e-50 moves them by a relative');
    expect(plain.verdict).toBe('verified');
    expect(visible.verdict).toBe('refuted');
  }, 120_000);

  it('leaves a step whose sum has no closed form, a step with an input, and a run at sizes given as they were', () => {
    const [root, withInput] = stepsIn(`given n: size
given x: unit
claim sum(k, 1, n, exp(-sqrt(k))) < 2
claim sum(k, 1, n, x^k / k) <= -log(1 - x)
`, DEFAULT_SIZES);
    expect(['proved', 'verified']).toContain(root.verdict);
    // Added up term by term at 2000, 2001, 5000 and 5001 (up to 6000 terms); past them a sum with no closed form is not read.
    expect(root.method).toContain('it also holds in 60 digits at 4 sizes from n = 2000 to 5001');
    expect(withInput.method).not.toContain('60 digits at');
    const [given] = stepsIn(`given n: size
claim sum(k, 1, n, 1 / k) < log(n) + 0.57721566490153 + 1 / (2 * n)   expect wrong
`, { sizes: [1, 2, 3, 50] });
    expect(given.verdict).not.toBe('refuted');
    expect(given.method).not.toContain('60 digits at');
  }, 60_000);
});
