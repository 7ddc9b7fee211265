/**
 * A seeded sample of the fuzz suite (`npm run fuzz` runs 10^5): every hostile
 * input ends in a verdict or a diagnostic at file:line:col, never an exception
 * or an internal error.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deepOrLong, grammarFile, mutatedNote, randomBytes, randomText, tokenSoup } from './deriv-arbitrary.ts';
import { runHostile } from './run-input.ts';

const cases = [
  ['grammar-aware files', grammarFile, 800],
  ['mutated notes', mutatedNote, 500],
  ['token soups', tokenSoup, 300],
  ['deep nesting and long lines', deepOrLong, 40],
  ['random Unicode', randomText, 300],
  ['random bytes', randomBytes, 300],
] as const;

describe('hostile inputs: a seeded sample of the fuzz suite', () => {
  for (const [name, arbitrary, runs] of cases) {
    it(`${runs} ${name}`, () => {
      fc.assert(fc.property(arbitrary as fc.Arbitrary<string | Uint8Array>, (input) => {
        expect(runHostile(input)).toBeUndefined();
      }), { numRuns: runs, seed: 1414 });
    }, 120_000);
  }
});
