import { describe, expect, it } from 'vitest';
import '../../src/vitest/index.ts';
import { toHold } from '../../src/vitest/index.ts';
import { checkText, derivation } from '../../src/index.ts';

const SOFTMAX = `
given x: vector[n]
let s[i] = exp(x[i]) / sum(j, exp(x[j]))
`;

describe('expect(...).toHold()', () => {
  it('passes for a correct inline derivation (checked by the matcher)', () => {
    const d = derivation`${SOFTMAX}
claim diff(s[i], x[k]) = s[i] * (delta(i, k) - s[k])   by "softmax Jacobian"
`;
    expect(d).toHold({ seed: 1, trials: 20 });
  });

  it('passes for a DerivationResult and for a CheckReport, kept mistakes included', () => {
    const d = derivation`${SOFTMAX}
claim diff(s[n], x[n]) = -s[n] * (1 - s[n])   expect wrong   by "the note's corner"
claim diff(s[n], x[n]) = s[n] * (1 - s[n])    by "corrected"
`;
    expect(d.check({ seed: 2, trials: 20 })).toHold();
    expect(checkText(`derivation "t"\n${SOFTMAX}\nclaim log(s[i]) = x[i] - log(sum(j, exp(x[j])))\n`, 'inline.deriv', { seed: 3, trials: 20 })).toHold();
  });

  it('fails for a refuted step, with the step report as the message', () => {
    const d = derivation`${SOFTMAX}
claim diff(s[n], x[n])
  = -s[n] * (1 - s[n])   by "bottom-right corner as written in note 000"
`;
    expect(() => expect(d).toHold({ seed: 1, trials: 20 })).toThrow(/refuted/);
    let message = '';
    try {
      expect(d).toHold({ seed: 1, trials: 20 });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/1 of 1 is not as expected/);
    expect(message).toMatch(/\d+: ✗ refuted\s+= -s\[n\] \* \(1 - s\[n\]\) \(expected to hold\)/); // line and text
    expect(message).toMatch(/counterexample at n = \d+/);
    expect(message).toMatch(/lhs = .*, rhs = .*, difference = /);
    expect(message).toMatch(/why: the sides differ by a factor -1 \(a sign error\)/);
    expect(message).toMatch(/replay: --seed 1/);
  });

  it('works with .not, and reports what it cannot check', () => {
    const wrong = derivation`${SOFTMAX}\nclaim s[1] = 1 / 2\n`;
    expect(wrong).not.toHold({ seed: 5, trials: 20 });
    expect(() => expect(derivation`${SOFTMAX}\nclaim s[1] = s[1]\n`).not.toHold({ seed: 5, trials: 10 })).toThrow(/all 1 steps are as expected/);
    expect(toHold(42).pass).toBe(false);
    expect(toHold({ nope: true }).message()).toMatch(/expected a CheckReport, a DerivationResult or an inline derivation/);
  });
});
