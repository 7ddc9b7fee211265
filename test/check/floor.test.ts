/**
 * floor and ceil, and mod and round written through floor: whole numbers exactly
 * for constants, atoms otherwise, a jump at each whole number that double precision
 * does not decide near it, derivative 0 between the jumps.
 */
import { describe, expect, it } from 'vitest';
import { verdictsIn } from '../__test-helpers__/derivations.ts';
import { toLatex } from '../../src/report/latex/index.ts';
import { parseExpression, SourceMap } from '../../src/syntax/index.ts';

const renderLatex = (text: string): string => toLatex(parseExpression(text, SourceMap.single('<t>', 1, 1)));

describe('floor, ceil, mod and round', () => {
  it('are exact whole numbers of constants, and their slips are refuted', () => {
    expect(verdictsIn(`claim floor(7 / 2) = 3
claim ceil(-7 / 2) = -3
claim floor(-7 / 2) = -4
claim mod(-7, 3) = 2
claim round(5 / 2) = 3
claim floor(-7 / 2) = -3   expect wrong
claim mod(-7, 3) = -1   expect wrong
`)).toEqual(['proved', 'proved', 'proved', 'proved', 'proved', 'refuted', 'refuted']);
  }, 60_000);

  it('jump at each whole number: a sum of literals that doubles round below 1 is read in 60 digits', () => {
    // 0.1 + 0.2 + 0.7 is 0.9999999999999999 in doubles, whose floor is 0.
    expect(verdictsIn(`claim floor(0.1 + 0.2 + 0.7) = 1
claim floor(0.1 + 0.2 + 0.7) = 0   expect wrong
`)).toEqual(['proved', 'refuted']);
  }, 60_000);

  it('hold where an identity does, fail where it does not, and have derivative 0 between the jumps', () => {
    expect(verdictsIn(`given x: real
claim floor(x + 1) = floor(x) + 1
claim floor(x) + ceil(-x) = 0
claim mod(x, 1) = x - floor(x)
claim diff(floor(x) + x^2, x) = 2 * x
claim floor(x + 1) = floor(x)   expect wrong
claim floor(2 * x) = 2 * floor(x)   expect wrong
`)).toEqual(['proved', 'verified', 'proved', 'proved', 'refuted', 'refuted']);
  }, 60_000);

  it('are bounded by their argument: floor(x) <= x < floor(x) + 1 and 0 <= mod(x, y) < y are proved, past 2^53 too', () => {
    expect(verdictsIn(`given x: real in (1e17, Infinity)
given y: real
given m: positive
claim floor(x) <= x
claim floor(y) > y - 1
claim ceil(y) >= y
claim mod(y, m) >= 0
claim mod(y, 3) < 3
claim ceil(y) > y   expect wrong
claim floor(y) < y   expect wrong
claim floor(x) = x   expect wrong
claim floor(x + 1/2) = floor(x)   expect wrong
claim y - floor(y) <= 1 - 1e-15   expect wrong
claim mod(y, 1) <= 0.999999999999   expect wrong
`)).toEqual(['proved', 'proved', 'proved', 'proved', 'proved', 'refuted', 'refuted', 'refuted', 'refuted', 'refuted', 'refuted']);
    // The last two fail only just below a whole number (y = -1e-300), tried as a sliver of floor's jump (probe 32).
    // The last holds at every double past 2^53 and ties at x = end + 1/2: it fails at end + 2/3 (probe 32).
  }, 60_000);

  it('are typeset with their brackets', () => {
    expect(renderLatex('floor(x / 2) + ceil(y)')).toContain('\\left\\lfloor');
    expect(renderLatex('floor(x / 2) + ceil(y)')).toContain('\\left\\lceil y\\right\\rceil');
  });
});

describe('a floor whose argument is shifted by a sliver below every double (probe 67)', () => {
  it('is refuted where the argument is whole: floor(x + 1e-300) = floor(x) fails on [-1e-300, 0) alone', () => {
    expect(verdictsIn(`given x: real
claim floor(x + 1e-300) = floor(x)   expect wrong
claim floor(x + 1e-400) = floor(x)   expect wrong
claim ceil(x - 1e-400) = ceil(x)   expect wrong
claim floor(2 * x + 1e-400) = floor(2 * x)   expect wrong
claim floor(x + 1) = floor(x) + 1
`)).toEqual(['refuted', 'refuted', 'refuted', 'refuted', 'proved']);
  }, 120_000);

  it('is refuted between two jumps 1e-11 apart, wherever its argument is whole: Hermite with 0.3333333333 for 1/3 (probe 68)', () => {
    expect(verdictsIn(`given x: real
claim floor(3 * x) = floor(x) + floor(x + 0.3333333333) + floor(x + 2/3)   expect wrong
claim floor(2 * x) = floor(x) + floor(x + 1/2)
`)).toEqual(['refuted', 'verified']);
  }, 120_000);
});
