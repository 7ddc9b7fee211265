/**
 * Strict bounds that tie at one value of a binary, sign or one-hot input: the exact engine's instances of that
 * input differ, one by a form no input shows (an identity it lacks, or a comparison its ranges do not settle),
 * another by a constant. The step is decided at the instance that shows it (probe 52: these were verified).
 */
import { describe, expect, it } from 'vitest';
import { stepsIn, verdictsIn } from '../__test-helpers__/derivations.ts';

describe('a bound that ties at one value of a two-valued or one-hot input', () => {
  it('is refuted at the value where it ties, shown as that value (b = 1, not its label 2)', () => {
    expect(verdictsIn(`given b: binary
given ls: real in (0, 1)
claim (1 - ls) * b + ls < 1
claim (1 - ls) * b + ls > ls
claim (1 - ls) * (1 - b) + ls < 1
claim (1 - ls) * b + ls <= 1
claim (1 - ls) * (1 - b) > 0
`)).toEqual(['refuted', 'refuted', 'refuted', 'proved', 'refuted']);
    const [atOne, atZero] = stepsIn('given b: binary\ngiven ls: real in (0, 1)\nclaim (1 - ls) * b + ls < 1\nclaim (1 - ls) * b + ls > ls\n');
    expect(atOne.detail.counterexample?.inputs.b).toBe(1);
    expect(atZero.detail.counterexample?.inputs.b).toBe(0);
  }, 120_000);

  it('label smoothing: (1 - ls) y[k] + ls / K > ls / K fails off the true class, at every K', () => {
    expect(verdictsIn(`given y: onehot[K]
given ls: real in (0, 1)
claim (1 - ls) * y[k] + ls / K > ls / K
claim (1 - ls) * y[k] + ls / K >= ls / K
`)).toEqual(['refuted', 'proved']);
  }, 120_000);
});
