/** The verdict rule: which engine carries a verdict, and when their disagreement is a fault. */
import { describe, expect, it } from 'vitest';
import { judge, type Evidence } from '../../src/check/verdict.ts';
import { verdictsIn } from '../__test-helpers__/derivations.ts';

const proved = { kind: 'proved', cases: 1 } as const;
const notProved = { kind: 'not-proved', reason: 'differs' } as const;
const equal = { kind: 'equal', instances: 6, unconditional: false } as const;
const equalEverywhere = { kind: 'equal', instances: 6, unconditional: true } as const;
const exactNoDomain = { kind: 'no-domain', reason: 'the line above has no value anywhere (a denominator is 0)' } as const;
const undecided = { kind: 'undecided', reason: 'budget' } as const;
const differs = (confirmed: boolean) => ({
  kind: 'different', instance: { sizes: {}, indices: {}, cases: {} }, explanation: 'a factor 2',
  confirmed: confirmed ? { point: {}, lhs: '1', rhs: '2', difference: '-1', digits: 60 } : undefined,
}) as const;
const agree = { kind: 'agree', trials: 100, worstRelative: 0, worstRatio: 0, sizes: [] } as const;
const counterexample = {
  kind: 'counterexample', seed: 1, path: '0', trials: 1, shrinks: 0, sizes: [],
  example: { sizes: {}, indices: {}, inputs: {}, lhs: 1, rhs: 2, difference: -1, tolerance: 1e-12 },
} as const;
const noDomain = { kind: 'no-domain', trials: 100, sizes: [] } as const;

const evidence = (everyN: Evidence['everyN'], symbolic: Evidence['symbolic'], numeric: Evidence['numeric'], onlyFixedSizes = false): Evidence =>
  ({ everyN, symbolic, numeric, onlyFixedSizes });

describe('judge', () => {
  it('the index calculus proves for every n, confirmed by the others', () => {
    expect(judge(evidence(proved, equal, agree))).toEqual({ verdict: 'proved', proof: 'every-n', by: 'index-calculus' });
    expect(judge(evidence(proved, undecided, agree))).toMatchObject({ verdict: 'proved', proof: 'every-n' });
  });

  it('the exact engine proves at the sizes tried, or for every size when none is symbolic', () => {
    expect(judge(evidence(notProved, equal, agree))).toEqual({ verdict: 'proved', proof: 'sizes-tried', by: 'exact-form' });
    expect(judge(evidence(notProved, equal, agree, true))).toMatchObject({ proof: 'every-n' });
  });

  it('a difference the exact engine confirms in 60 digits refutes, where the doubles lost every input', () => {
    expect(judge(evidence(notProved, differs(true), noDomain))).toEqual({ verdict: 'refuted', by: 'high-precision' });
    expect(judge(evidence(notProved, differs(false), noDomain))).toEqual({ verdict: 'error', why: 'no-domain' });
  });

  it('two engines that disagree are a fault, never a verdict', () => {
    expect(judge(evidence(proved, differs(true), agree))).toMatchObject({ verdict: 'error', why: 'engine-fault' });
    expect(judge(evidence(proved, equal, counterexample))).toMatchObject({ verdict: 'error', why: 'engine-fault' });
    expect(judge(evidence(notProved, equal, counterexample))).toMatchObject({ verdict: 'error', why: 'engine-fault' });
  });

  it('a difference of canonical forms no point confirms does not contradict a proof for every n (probe 25: sqrt(a)^2 left as it is)', () => {
    expect(judge(evidence(proved, differs(false), agree))).toEqual({ verdict: 'proved', proof: 'every-n', by: 'index-calculus' });
    expect(judge(evidence(proved, differs(false), counterexample))).toMatchObject({ verdict: 'error', why: 'engine-fault' });
  });

  it('refuted by the numbers, or by 60 digits when the slip is below double precision', () => {
    expect(judge(evidence(notProved, differs(false), counterexample))).toEqual({ verdict: 'refuted', by: 'numbers' });
    expect(judge(evidence(notProved, undecided, counterexample))).toEqual({ verdict: 'refuted', by: 'numbers' });
    expect(judge(evidence(notProved, differs(true), agree))).toEqual({ verdict: 'refuted', by: 'high-precision' });
  });

  it('a spot check past the budget that shows a difference refutes, where the doubles lost every input ((1 + 1e-300)^(1e300) = e, probe 24)', () => {
    const spotted = { kind: 'undecided', reason: 'budget', spotCheck: { instance: {} as never, confirmed: {} as never } } as const;
    expect(judge(evidence(notProved, spotted, noDomain))).toEqual({ verdict: 'refuted', by: 'high-precision' });
    expect(judge(evidence(notProved, undecided, noDomain))).toEqual({ verdict: 'error', why: 'no-domain' });
  });

  it('verified when nothing exact decides and the numbers agree; a difference nobody can show is said', () => {
    expect(judge(evidence(notProved, undecided, agree))).toEqual({ verdict: 'verified', unexplainedDifference: false });
    expect(judge(evidence(notProved, differs(false), agree))).toEqual({ verdict: 'verified', unexplainedDifference: true });
  });

  it('no input where both sides have a value is an error before anything else', () => {
    expect(judge(evidence(proved, equal, noDomain))).toEqual({ verdict: 'error', why: 'no-domain' });
    expect(judge(evidence(notProved, undecided, noDomain))).toEqual({ verdict: 'error', why: 'no-domain' });
  });

  it('a line above with no value anywhere (0/0) is no-domain, whatever the numbers say', () => {
    expect(judge(evidence(notProved, exactNoDomain, agree))).toEqual({ verdict: 'error', why: 'no-domain' });
    expect(judge(evidence(notProved, exactNoDomain, counterexample))).toEqual({ verdict: 'error', why: 'no-domain' });
  });

  it('sides the exact engine proved equal with a value everywhere are proved even where the doubles overflowed', () => {
    expect(judge(evidence(proved, equalEverywhere, noDomain))).toEqual({ verdict: 'proved', proof: 'every-n', by: 'index-calculus' });
    expect(judge(evidence(notProved, equalEverywhere, noDomain))).toEqual({ verdict: 'proved', proof: 'sizes-tried', by: 'exact-form' });
  });
});

describe('a step both exact engines prove, with conditions, where no input settles in numbers (fourteenth probe F3)', () => {
  it('is proved when its conditions clearly hold at a point: diff(tan(x), x, 5) against itself and against sin/cos', () => {
    expect(verdictsIn(`given x: real
claim diff(tan(x), x, 5) = diff(sin(x) / cos(x), x, 5)
claim diff(tan(x), x, 5) = diff(tan(x), x, 5)
claim diff(x^20 * exp(x), x, 8) = diff(x^20 * exp(x), x, 8)
`)).toEqual(['proved', 'proved', 'proved']);
  }, 60_000);

  it('reads a condition it cannot decide (x^x has a value) through the line above\'s 60 digits, and proves a side too large to write out against itself (fifteenth probe)', () => {
    expect(verdictsIn(`given x: real
claim diff(x^x, x, 5) = diff(x^x, x, 5)
claim diff(exp(sin(x^2)) * cos(exp(x)) / (1 + x^2)^3, x, 5) = diff(exp(sin(x^2)) * cos(exp(x)) / (1 + x^2)^3, x, 5)
claim diff(exp(sin(x^2)) * cos(exp(x)) / (1 + x^2)^3, x, 5) = diff(exp(sin(x^2)) * cos(exp(x)) / (1 + x^2)^3, x, 4)   expect wrong
claim log(x - x) = log(x - x)
`)).toEqual(['proved', 'proved', 'refuted', 'error']);
  }, 120_000);
});
