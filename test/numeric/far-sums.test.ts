/**
 * A sum over n past the terms the 60-digit evaluator adds up (n = 7000 here, 10^15 in use) is read piece by piece:
 * where the model's index comparisons turn (sum(k, a, n - b, f) is a sum over 1..n whose body picks), the short pieces
 * added up and the long ones in closed form. For random ranges and bodies, the reading equals the sum added up.
 */
import { Decimal as Decimal20 } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildModel, parseDerivation } from '../../src/index.ts';
import { compilePreciseSide, evaluatePrecise, IndexSlots, layoutInputs, newState, preciseEvaluator } from '../../src/numeric/index.ts';

const Decimal = Decimal20.clone({ precision: 90 });
const N = 7000;

const BODIES: readonly [string, (k: number) => Decimal20][] = [
  ['1 / k', (k) => new Decimal(1).div(k)],
  ['1 / (k * (k + 2))', (k) => new Decimal(1).div(k * (k + 2))],
  ['(-1)^k / (2 * k + 1)', (k) => new Decimal(k % 2 === 0 ? 1 : -1).div(2 * k + 1)],
  ['k^2 / (k + 3)', (k) => new Decimal(k * k).div(k + 3)],
  ['1 / sqrt(k)', (k) => new Decimal(1).div(new Decimal(k).sqrt())],
  ['log(k + 1)', (k) => new Decimal(k + 1).ln()],
  ['(9/10)^k', (k) => new Decimal(0.9).pow(k)],
  // A log of any line in k, rising or falling (a product read backwards), and a body free of k.
  ['log(2 * k - 1)', (k) => new Decimal(2 * k - 1).ln()],
  ['log(n + 1/2 - k)', (k) => new Decimal(N + 0.5 - k).ln()],
  ['log(3)', () => new Decimal(3).ln()],
  ['1 / (n + k)', (k) => new Decimal(1).div(N + k)],
  // A long piece near the range's end, where its two digamma values cancel: their roundings must be in the bound.
  ['(k > n - 100) / k', (k) => (k > N - 100 ? new Decimal(1).div(k) : new Decimal(0))],
];

describe('a sum over n read in closed form past the terms added up', () => {
  it('equals the sum added up, for sum(k, a, n - b, f(k)) with several a, b and f', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: BODIES.length - 1 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 3 }), (which, a, b) => {
      const [body, term] = BODIES[which];
      const upper = b === 0 ? 'n' : `n - ${b}`;
      const model = buildModel(parseDerivation(`derivation "t"\ngiven n: size\nclaim sum(k, ${a}, ${upper}, ${body}) = 0\n`, 't.deriv'));
      const layout = layoutInputs([], new Map([['n', N]]));
      const slots = new IndexSlots();
      const read = evaluatePrecise(compilePreciseSide(model.claims[0].head!, layout, slots, preciseEvaluator()), newState(layout, slots));
      let direct = new Decimal(0);
      for (let k = a; k <= N - b; k++) direct = direct.plus(term(k));
      expect(read !== undefined && read !== 'unsettled', `sum(k, ${a}, ${upper}, ${body}) was not read`).toBe(true);
      const { value, error } = read as { value: Decimal20; error: Decimal20 };
      expect(value.minus(direct).abs().lte(error.plus(direct.abs().times('1e-58'))), `sum(k, ${a}, ${upper}, ${body}): ${value} vs ${direct}`).toBe(true);
      expect(error.lte(direct.abs().times('1e-50'))).toBe(true);
    }), { numRuns: 30, seed: 21 });
  }, 120_000);

  it('reads sum(k, a, n - b, k^p) at n = 10^10 as Faulhaber\'s exact value: positions past the 32-bit indices are read in closed form too', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), (a, b, p) => {
      const n = 10n ** 10n;
      const upper = b === 0 ? 'n' : `n - ${b}`;
      const model = buildModel(parseDerivation(`derivation "t"\ngiven n: size\nclaim sum(k, ${a}, ${upper}, k^${p} / n^${p}) = 0\n`, 't.deriv'));
      const layout = layoutInputs([], new Map([['n', Number(n)]]));
      const slots = new IndexSlots();
      const read = evaluatePrecise(compilePreciseSide(model.claims[0].head!, layout, slots, preciseEvaluator()), newState(layout, slots));
      expect(read !== undefined && read !== 'unsettled', `sum(k, ${a}, ${upper}, k^${p} / n^${p}) was not read`).toBe(true);
      // sum_{k=a}^{m} k^p for p <= 3, exactly.
      const S = (m: bigint): bigint => [m, (m * (m + 1n)) / 2n, (m * (m + 1n) * (2n * m + 1n)) / 6n, ((m * (m + 1n)) / 2n) ** 2n][p];
      const exact = new Decimal((S(n - BigInt(b)) - S(BigInt(a - 1))).toString()).div(new Decimal(n.toString()).pow(p));
      const { value, error } = read as { value: Decimal20; error: Decimal20 };
      expect(value.minus(exact).abs().lte(error.plus(exact.abs().times('1e-55'))), `sum(k, ${a}, ${upper}, k^${p} / n^${p}): ${value} vs ${exact}`).toBe(true);
    }), { numRuns: 20, seed: 22 });
  }, 120_000);
});
