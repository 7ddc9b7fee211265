import { describe, expect, it } from 'vitest';
import * as byName from 'derivcheck';
import * as bySource from '../../src/index.ts';

describe('the package name in the project\'s own tests', () => {
  it('is the sources, not the built dist/ (which the package test covers)', () => {
    expect(byName.derivation).toBe(bySource.derivation);
    expect(byName.DerivationError).toBe(bySource.DerivationError);
  });
});
