import { describe, expect, it } from 'vitest';
import { claimsOf, checkReport, deriv, onlyStep } from '../__test-helpers__/derivations.ts';

const SOFTMAX = `given x: vector[n]
given y: onehot[n]
let s[i] = exp(x[i]) / sum(j, exp(x[j]))
let L = -sum(i, y[i] * log(s[i]))
`;

describe('verdict proved: known-good steps of the softmax derivations', () => {
  it.each([
    ['the log trick', 'claim log(s[i]) = x[i] - log(sum(j, exp(x[j])))'],
    ['the derivative of log softmax', 'claim diff(log(s[i]), x[k]) = delta(i, k) - s[k]'],
    ['s - y for softmax with cross-entropy and one-hot y', 'claim diff(L, x[k]) = s[k] - y[k]'],
    ['the softmax Jacobian', 'claim diff(s[i], x[k]) = s[i] * (delta(i, k) - s[k])'],
    ['the bottom-right corner, sign right', 'claim diff(s[n], x[n]) = s[n] * (1 - s[n])'],
  ])('%s is proved', (_, claim) => {
    const step = onlyStep(deriv(`${SOFTMAX}${claim}\n`));
    expect(step.verdict).toBe('proved');
    expect(step.ok).toBe(true);
    expect(step.expect).toBe('holds');
    expect(['every-n', 'sizes-tried']).toContain(step.proof);
    expect(step.detail.counterexample).toBeUndefined();
    expect(step.detail.trials).toBeGreaterThan(0);
  });

  it('a step with no dimension symbol, proved exactly, is proved for every n', () => {
    const step = onlyStep(deriv('given x: real\nclaim 2*x = x*2\n'));
    expect(step.verdict).toBe('proved');
    expect(step.proof).toBe('every-n');
  });

  it('a chain of proved steps: every step is proved and the claim is ok', () => {
    const [claim] = claimsOf(deriv(`${SOFTMAX}claim diff(L, x[k])
  = -sum(i, y[i] * (delta(i, k) - s[k]))   by "chain rule"
  = -y[k] + s[k] * sum(i, y[i])            by "delta picks i = k"
  = s[k] - y[k]                            by "y sums to 1"
`));
    expect(claim.ok).toBe(true);
    expect(claim.steps.map((s) => s.verdict)).toEqual(['proved', 'proved', 'proved']);
    expect(claim.steps.map((s) => s.line)).toEqual([7, 8, 9]);
    expect(claim.steps.map((s) => s.justification)).toEqual(['chain rule', 'delta picks i = k', 'y sums to 1']);
  });
});

describe('verdict refuted', () => {
  it('the sign error in the corner of the Jacobian is refuted, explained as a factor -1', () => {
    const step = onlyStep(deriv(`${SOFTMAX}claim diff(s[n], x[n]) = -s[n]*(1-s[n])\n`));
    expect(step.verdict).toBe('refuted');
    expect(step.ok).toBe(false);
    expect(step.proof).toBeUndefined();
    expect(step.detail.explanation).toContain('factor -1');
    const c = step.detail.counterexample!;
    expect(c).toBeDefined();
    // The Jacobian corner is 0 at n = 1 on both sides, so a counterexample needs n >= 2.
    expect(c.sizes.n).toBeGreaterThanOrEqual(2);
    expect(typeof c.lhs).toBe('number');
    expect(typeof c.rhs).toBe('number');
    // The two sides differ by a factor -1.
    expect(c.lhs as number).toBeCloseTo(-(c.rhs as number), 10);
    expect(Math.abs(c.lhs as number)).toBeGreaterThan(0);
  });

  it('a dropped term is refuted', () => {
    const step = onlyStep(deriv(`${SOFTMAX}claim diff(log(s[i]), x[k]) = delta(i, k)\n`));
    expect(step.verdict).toBe('refuted');
  });
});

describe('verdict verified: true, but beyond the exact engine', () => {
  it('atan(p) + atan(1 / p) = pi / 2 is verified, with the reason the exact engine gave up (it does not relate atan(p) to atan(1 / p))', () => {
    const step = onlyStep(deriv('given p: positive\nclaim atan(p) + atan(1 / p) = pi / 2\n'));
    expect(step.verdict).toBe('verified');
    expect(step.ok).toBe(true);
    expect(step.proof).toBeUndefined();
    expect(step.detail.undecided).toBeTruthy();
    expect(step.detail.trials).toBeGreaterThan(0);
    expect(step.detail.worstRelative).toBeLessThan(1e-12);
  });

  it('sin(x)^2 + cos(x)^2 = 1 is proved: the exact engine reduces sin^2 to 1 - cos^2', () => {
    expect(onlyStep(deriv('given x: real\nclaim sin(x)^2 + cos(x)^2 = 1\n')).verdict).toBe('proved');
  });

  it('the addition formulas, multiple angles and the unit circle are proved, and their slips refuted', () => {
    // Stewart's trigonometric identities and the antiderivatives checked by differentiating them.
    const steps = claimsOf(deriv(`given x, y: real
claim sin(2 * x) = 2 * sin(x) * cos(x)
claim cos(x - y) = cos(x) * cos(y) + sin(x) * sin(y)
claim sin(3 * x) = 3 * sin(x) - 4 * sin(x)^3
claim diff(x / 2 - sin(2 * x) / 4, x) = sin(x)^2
claim sin(x)^4 = 3/8 - cos(2 * x) / 2 + cos(4 * x) / 8
claim cos(x + pi / 2) = -sin(x)
claim tan(x + pi) = tan(x)
claim sin(pi / 4) = 1 / sqrt(2)
claim cos(7 * pi / 6) = -sqrt(3) / 2
claim sin(x + 2 * pi * 1e150 / 7) = sin(x + 2 * pi / 7)
claim cos(x + 13 * pi / 12) = -cos(x + pi / 12)
claim sin(pi / 5) = sin(4 * pi / 5)
claim sin(x) = 2 * sin(x / 2) * cos(x / 2)
claim cos(x - y) = cos(x) * cos(y) - sin(x) * sin(y)   expect wrong
claim diff(x / 2 + sin(2 * x) / 4, x) = sin(x)^2   expect wrong
claim sin(pi / 3) = 0.8660254037844386   expect wrong
claim sin(x + 2 * pi * 1e150 / 7) = sin(x + 4 * pi / 7)   expect wrong
claim sin(2 * x) = 2 * sin(x) * cos(x) + 1e-40   expect wrong
`)).flatMap((c) => c.steps);
    expect(steps.map((s) => s.verdict)).toEqual([...Array(13).fill('proved'), ...Array(5).fill('refuted')]);
  }, 60_000);

  it('sin and cos of asin and atan are the right triangle\'s sides, proved; a wrong sign is refuted', () => {
    const steps = claimsOf(deriv(`given x: real
given u: unit
claim diff(asin(u), u) = 1 / cos(asin(u))
claim sin(acos(u)) = sqrt(1 - u^2)
claim sin(2 * atan(x)) = 2 * x / (1 + x^2)
claim sin(asin(-u)) = -u
claim diff(atan(x), x) = cos(atan(x))^2
claim cos(atan(x)) = -1 / sqrt(1 + x^2)   expect wrong
claim asin(sin(x)) = x   expect wrong
`)).flatMap((c) => c.steps);
    expect(steps.map((s) => s.verdict)).toEqual(['proved', 'proved', 'proved', 'proved', 'proved', 'refuted', 'refuted']);
  }, 60_000);

  it('a wrong trigonometric identity is not verified', () => {
    const step = onlyStep(deriv('given x: real\nclaim sin(x)^2 - cos(x)^2 = 1\n'));
    expect(step.verdict).toBe('refuted');
  });
});

describe('verdict error', () => {
  it('an unknown name is an error, never as expected', () => {
    const step = onlyStep(deriv('given x: real\nclaim x = x + y\n'));
    expect(step.verdict).toBe('error');
    expect(step.ok).toBe(false);
    expect(step.detail.diagnostic?.code).toBe('unknown-name');
  });

  it('an unknown name in a step marked expect wrong is still not as expected', () => {
    const step = onlyStep(deriv('given x: real\nclaim x = x + y   expect wrong\n'));
    expect(step.verdict).toBe('error');
    expect(step.expect).toBe('wrong');
    expect(step.ok).toBe(false);
  });

  it('sides undefined on the whole domain are no-domain', () => {
    // x > 0, so log(-x) has no value anywhere.
    const step = onlyStep(deriv('given x: positive\nclaim log(-x) = log(-x) + 0\n'));
    expect(step.verdict).toBe('error');
    expect(step.ok).toBe(false);
    const d = step.detail.diagnostic!;
    expect(d.code).toBe('no-domain');
    expect(d.span?.line).toBe(3);
    expect(d.hint).toMatch(/positive/);
  });
});

describe('expect wrong', () => {
  it('a refuted step marked expect wrong is as expected; the same step proved is not', () => {
    const [wrongAndRefuted, rightButMarkedWrong] = claimsOf(deriv(`${SOFTMAX}claim diff(s[n], x[n]) = -s[n]*(1-s[n])   expect wrong   by "as in the note"
claim diff(s[n], x[n]) = s[n]*(1-s[n])   expect wrong
`));
    expect(wrongAndRefuted.steps[0]).toMatchObject({ verdict: 'refuted', expect: 'wrong', ok: true, justification: 'as in the note' });
    expect(wrongAndRefuted.ok).toBe(true);
    expect(rightButMarkedWrong.steps[0]).toMatchObject({ verdict: 'proved', expect: 'wrong', ok: false });
    expect(rightButMarkedWrong.ok).toBe(false);
  });

  it('the summary counts verdicts, and unexpected counts the steps not as expected', () => {
    const report = checkReport(deriv(`${SOFTMAX}claim diff(s[n], x[n]) = -s[n]*(1-s[n])   expect wrong
claim diff(s[n], x[n]) = s[n]*(1-s[n])   expect wrong
claim log(s[i]) = x[i] - log(sum(j, exp(x[j])))
claim x[1] = nope
`));
    expect(report.summary).toEqual({ steps: 4, proved: 2, verified: 0, refuted: 1, error: 1, unexpected: 2 });
  });
});

describe('chain semantics: each step is compared with the step above it', () => {
  it('a wrong step in the middle fails the claim; the next step is compared with the wrong step, not the claim head', () => {
    const [claim] = claimsOf(deriv(`given x: real
claim 2*x
  = 3*x     by "wrong: compared with 2*x"
  = x*3     by "right: compared with 3*x, though wrong against the head"
  = 2*x     by "wrong: compared with x*3, though right against the head"
  = x + x   by "right: compared with 2*x"
`));
    expect(claim.ok).toBe(false);
    expect(claim.steps.map((s) => s.verdict)).toEqual(['refuted', 'proved', 'refuted', 'proved']);
    expect(claim.steps.map((s) => s.ok)).toEqual([false, true, false, true]);
  });

  it('a claim with a single wrong step marked expect wrong is ok', () => {
    const [claim] = claimsOf(deriv('given x: real\nclaim 2*x\n  = 3*x   expect wrong\n  = x*3\n'));
    expect(claim.steps.map((s) => [s.verdict, s.ok])).toEqual([['refuted', true], ['proved', true]]);
    expect(claim.ok).toBe(true);
  });
});

// Regression (was test/KNOWN-FAILING.md):
it('sides never both defined is no-domain, not refuted', () => {
  const step = onlyStep(deriv('given x: positive\nclaim log(-x) = 0\n'));
  expect(step.verdict).toBe('error');
  expect(step.detail.diagnostic?.code).toBe('no-domain');
});

describe('the right step of a known mistake', () => {
  it('is the step beside it that holds and is compared with the same expression, after or before it', () => {
    const claims = claimsOf(deriv(`given x: vector[n]
let s[i] = exp(x[i]) / sum(j, exp(x[j]))
claim diff(s[n], x[n]) = -s[n] * (1 - s[n])   expect wrong
claim diff(s[n], x[n]) = s[n] * (1 - s[n])
claim diff(s[i], x[k]) = s[i] * (delta(i, k) - s[k])
claim diff(s[i], x[k]) = s[k] * (delta(i, k) - s[i])   expect wrong
claim diff(s[i], x[k]) = s[i] * (delta(i, k) + s[k])   expect wrong
`));
    const [wrongCorner, rightCorner, jacobian, symmetricSlip, signSlip] = claims.map((c) => c.steps[0]);
    expect(wrongCorner.detail.correction).toEqual({ line: rightCorner.line, text: rightCorner.text, relation: '=' });
    expect(rightCorner.detail.correction).toBeUndefined();
    // the softmax Jacobian is symmetric: s[k](delta - s[i]) is right, so it is proved and has no correction
    expect(symmetricSlip.verdict).toBe('proved');
    expect(signSlip.detail.correction).toEqual({ line: jacobian.line, text: jacobian.text, relation: '=' });
  });
});
