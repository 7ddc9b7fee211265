/**
 * A finite sum of a rational function of k read at an n far past what is added up term by term: its head added up,
 * the rest as Faulhaber's power sums and Hurwitz zeta differences. Against the sum added up at n of a few thousand
 * (a law for random rational functions, of any degrees, alternating or not; for powers, logs and geometric terms),
 * and against mpmath at n = 10^9 to 10^15.
 */
import { Decimal as Decimal20 } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildModel, parseDerivation } from '../../src/index.ts';
import { finiteRationalSum, finiteSum, sumSegments, type Term } from '../../src/model/index.ts';

const Decimal = Decimal20.clone({ precision: 90 });

/** The body of `sum(k, 1, n, body)` as the model reads it, and its index's name. */
function sumOf(body: string): Extract<Term, { k: 'sum' }> {
  const model = buildModel(parseDerivation(`derivation "t"\ngiven n: size\nclaim sum(k, 1, n, ${body}) = 0\n`, 't.deriv'));
  const head = model.claims[0].head!;
  if (head.k !== 'sum') throw new Error(`not a sum: ${body}`);
  return head;
}

function closedForm(body: string, from: number, to: number) {
  const t = sumOf(body);
  const read = finiteRationalSum(t.body, t.index, from, to);
  expect(read, body).toBeDefined();
  // The factors free of k here are rational constants ((-1)^(k + 1) is -(-1)^k).
  const sum = read!.sum();
  const factor = constantValue(read!.factor);
  return sum && { value: sum.value.times(factor), error: sum.error.times(factor.abs()) };
}

function constantValue(t: Term): Decimal20 {
  switch (t.k) {
    case 'num': return new Decimal(t.value.num.toString()).div(t.value.den.toString());
    case 'mul': return t.factors.reduce((acc, f) => acc.times(constantValue(f)), new Decimal(1));
    case 'pow': return constantValue(t.base).pow(constantValue(t.exponent));
    default: throw new Error(`a factor free of k that is not a rational constant: ${t.k}`);
  }
}

describe('a finite sum of a rational function of k in 60 digits', () => {
  it('equals the sum added up, for p(k) / q(k) of any degrees, with the sign alternating or not', () => {
    fc.assert(fc.property(
      fc.array(fc.integer({ min: -9, max: 9 }), { minLength: 1, maxLength: 4 }),
      fc.array(fc.integer({ min: -9, max: 9 }), { minLength: 1, maxLength: 3 }),
      fc.integer({ min: 1, max: 40 }), fc.integer({ min: 520, max: 2500 }), fc.boolean(),
      (p, q, from, to, alternating) => {
        // q(k) = k^m + ... + 1/2 has no whole root (its value at a whole k is a half-integer).
        const poly = (c: number[], top: boolean) => [...c.map((a, i) => `${a} * k^${i}`), ...(top ? [`k^${c.length}`, '1/2'] : [])].join(' + ');
        const body = `${alternating ? '(-1)^k * ' : ''}(${poly(p, false)}) / (${poly(q, true)})`;
        const sum = closedForm(body, from, to);
        expect(sum, body).toBeDefined();
        const at = (c: number[], k: number, top: boolean) => c.reduce((acc, a, i) => acc.plus(new Decimal(a).times(new Decimal(k).pow(i))), top ? new Decimal(k).pow(c.length).plus(0.5) : new Decimal(0));
        let direct = new Decimal(0);
        for (let k = from; k <= to; k++) direct = direct.plus(at(p, k, false).div(at(q, k, true)).times(alternating && k % 2 === 1 ? -1 : 1));
        const scale = Decimal.max(direct.abs(), 1);
        expect(sum!.value.minus(direct).abs().lte(sum!.error.plus(scale.times('1e-70'))), `${body} from ${from} to ${to}: ${sum!.value} vs ${direct}`).toBe(true);
        expect(sum!.error.lte(scale.times('1e-55')), `${body}: error ${sum!.error}`).toBe(true);
      },
    ), { numRuns: 40, seed: 11 });
  }, 120_000);

  it('reads H_n, the Basel partial sum, the alternating harmonic sum and a polynomial part at n = 10^9 to 10^15 as mpmath does', () => {
    const cases: [string, number, string][] = [
      ['1 / k', 1e12, '28.2082367808305810688224094629614395889220438661518743112057'],
      ['1 / k^2', 1e15, '1.64493406684822543647241516664652518921894990104013177106889'],
      ['(-1)^(k + 1) / k', 1e9, '0.69314718005994530966723212145817656795050013436025525437068'],
      ['k^3 / (k + 1)', 1e12, '333333333333333333333333999999999972.791763219168418931177592'],
    ];
    for (const [body, n, expected] of cases) {
      const sum = closedForm(body, 1, n);
      expect(sum, body).toBeDefined();
      const difference = sum!.value.minus(expected).abs();
      expect(difference.lte(new Decimal(expected).abs().times('1e-55')), `${body} at n = ${n}: ${sum!.value}`).toBe(true);
      expect(sum!.error.lte(new Decimal(expected).abs().times('1e-55'))).toBe(true);
    }
  });

  it('is no reading of a term with k elsewhere than in a rational function, or with a pole at a whole k of the range', () => {
    const t = sumOf('sqrt(k)');
    expect(finiteRationalSum(t.body, t.index, 1, 1e9)).toBeUndefined();
    const pole = sumOf('1 / (k - 700)');
    expect(finiteRationalSum(pole.body, pole.index, 1, 1e9)?.sum()).toBeUndefined();
  });
});

describe('a finite sum of a power, a log or a geometric term of k in 60 digits', () => {
  it('equals the sum added up: (k + a)^q for q a half or a quarter, log(k + a), r^(b k + c)', () => {
    fc.assert(fc.property(
      fc.constantFrom('(k + A)^(1/2)', 'sqrt(k + A)', '1 / sqrt(k + A)', '(k + A)^(-3/2)', '(k + A)^(5/4)', 'log(k + A)', '(3/4)^(2 * k + A)', '(5/4)^(k - A)'),
      fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 520, max: 1200 }),
      (form, a, from, to) => {
        const body = form.replaceAll('A', String(a));
        const t = sumOf(body);
        const read = finiteSum(t.body, t.index, from, to);
        expect(read, body).toBeDefined();
        const sum = read!.sum();
        expect(sum, body).toBeDefined();
        const term = (k: number): Decimal20 => {
          const x = new Decimal(k + a);
          switch (form) {
            case '(k + A)^(1/2)': case 'sqrt(k + A)': return x.sqrt();
            case '1 / sqrt(k + A)': return new Decimal(1).div(x.sqrt());
            case '(k + A)^(-3/2)': return x.pow(-1.5);
            case '(k + A)^(5/4)': return x.pow(1.25);
            case 'log(k + A)': return x.ln();
            case '(3/4)^(2 * k + A)': return new Decimal(0.75).pow(2 * k + a);
            default: return new Decimal(1.25).pow(k - a);
          }
        };
        let direct = new Decimal(0);
        for (let k = from; k <= to; k++) direct = direct.plus(term(k));
        const value = sum!.value.times(constantValue(read!.factor));
        const tolerance = sum!.error.plus(direct.abs().times('1e-70'));
        expect(value.minus(direct).abs().lte(tolerance), `${body} from ${from} to ${to}: ${value} vs ${direct}`).toBe(true);
        expect(sum!.error.lte(direct.abs().times('1e-55'))).toBe(true);
      },
    ), { numRuns: 16, seed: 12 });
  }, 120_000);
});

describe('a sum over 1..n cut where its index comparisons turn', () => {
  it('sum(k, 2, n, 1 / k^2) at n = 10^6: one long piece read as 1 / (k + 1)^2, the last ones added up', () => {
    const model = buildModel(parseDerivation('derivation "t"\ngiven n: size\nclaim sum(k, 2, n, 1 / k^2) = 0\n', 't.deriv'));
    const sum = model.claims[0].head!;
    if (sum.k !== 'sum') throw new Error('not a sum');
    const pieces = sumSegments(sum, 1e6, new Map([['n', 1e6]]))!;
    expect(pieces[0].from).toBe(1);
    expect(pieces[pieces.length - 1].to).toBe(1e6);
    const long = pieces.filter((p) => !p.short);
    expect(long).toHaveLength(1);
    expect(long[0].to).toBeGreaterThan(1e6 - 10);
    for (let i = 1; i < pieces.length; i++) expect(pieces[i].from).toBe(pieces[i - 1].to + 1);
  });

  it('is no reading of a body that reads an array entry or holds a loop of its own', () => {
    const model = buildModel(parseDerivation('derivation "t"\ngiven n: size\ngiven x: vector[n]\nclaim sum(k, x[k] / k) = 0\nclaim sum(k, sum(j, 1 / (j + k))) = 0\n', 't.deriv'));
    for (const claim of model.claims) {
      const sum = claim.head!;
      if (sum.k !== 'sum') throw new Error('not a sum');
      expect(sumSegments(sum, 1e6, new Map([['n', 1e6]]))).toBeUndefined();
    }
  });
});
