/** The terminal report: concise by default, full evidence where a step fails, and words that are true. */
import { describe, expect, it } from 'vitest';
import { renderTerminal } from '../../src/report/index.ts';
import { checkReport, deriv } from '../__test-helpers__/derivations.ts';

const SOFTMAX = `given x: vector[n]
given y: onehot[n]
let s[i] = exp(x[i]) / sum(j, exp(x[j]))
`;

const text = (body: string, verbose = false) => renderTerminal(checkReport(deriv(body)), { color: false, verbose });

describe('the terminal report', () => {
  it('prints a step that holds on one line: mark, line, step, justification', () => {
    const out = text(`${SOFTMAX}claim diff(log(s[i]), x[k])\n  = delta(i, k) - s[k]   by "log trick"\n`);
    const lines = out.split('\n');
    const step = lines.find((l) => l.includes('delta(i, k) - s[k]'))!;
    expect(step).toMatch(/^ {4}6: ✔ proved {3}= delta\(i, k\) - s\[k\] {2}by "log trick"$/);
    // Nothing under it: the claim line, the step line, then the blank line before the summary.
    expect(lines[lines.indexOf(step) + 1]).toBe('');
    expect(out).not.toContain('random input');
  });

  it('--verbose gives the method and the scope of every step', () => {
    const out = text(`${SOFTMAX}claim diff(log(s[i]), x[k]) = delta(i, k) - s[k]\n`, true);
    expect(out).toMatch(/proved for every n: index calculus for every n/);
    expect(out).toMatch(/random inputs/);
  });

  it('gives a refuted step its full evidence', () => {
    const out = text(`${SOFTMAX}claim diff(s[n], x[n]) = -s[n] * (1 - s[n])   expect wrong\n`);
    expect(out).toContain('(expected: a known mistake)');
    expect(out).toMatch(/counterexample at n = \d/);
    expect(out).toContain('why: the sides differ by a factor -1');
    expect(out).toMatch(/replay: --seed 1/);
  });

  it('never says "for every n" of a claim with scalar inputs only', () => {
    const out = text('given t: real\nclaim 2*t = t*2\n', true);
    expect(out).not.toContain('every n');
    expect(out).toContain('proved for all values:');
  });

  it('says a known mistake that could not be checked could not be checked, not that it holds', () => {
    const out = text('given t: real\nclaim t = t + nosuchname   expect wrong\n');
    expect(out).toContain('⚠ error');
    expect(out).toContain('(expected wrong, but it could not be checked)');
    expect(out).not.toContain('but it holds');
    // No engine looked at it: no method line, and no bare "none".
    expect(out).not.toMatch(/^\s*none$/m);
  });

  it('counts in words that agree with the number', () => {
    const one = text('given t: real\nclaim 2*t = t*2\n');
    expect(one).toMatch(/^1 step: 1 proved, 0 verified, 0 refuted, 0 errors; all as expected/m);
    // A step the exact engine cannot decide (it does not relate atan(t) to atan(1 / t)) is checked on exactly the trials asked for.
    const trial = renderTerminal(checkReport(deriv('given t: positive\nclaim atan(t) + atan(1 / t) = pi / 2\n'), { trials: 1 }), { color: false, verbose: true });
    expect(trial).toMatch(/ 1 random input[ ,]/);
  });

  it('prints no justification, and no placeholder for it, on a step without `by`', () => {
    const out = text('given t: real\nclaim 2*t = t*2\n', true);
    expect(out).not.toMatch(/\bby\b|\bnone\b|undefined|null/);
  });
});
