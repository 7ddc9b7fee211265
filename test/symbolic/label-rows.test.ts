/**
 * Labels indexed by a summation index (one label per batch row): the index
 * calculus reads B(y[i]) as sum(c, [c == y[i]] B(c)) and proves such steps for
 * every n, where a case split over the C^N label assignments cannot.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkText, type StepResult } from '../../src/index.ts';

const BATCH = `given X: matrix[N, D]
given W: matrix[D, C]
given b: vector[C]
given Z: matrix[N, C]
given y: label[N, C]
let A = X * W + b
let L = -sum(i, log(softmax(A)[i, y[i]])) / N
`;

function steps(body: string, trials = 10): StepResult[] {
  const report = checkText(`derivation "t"\n${BATCH}${body}`, 't.deriv', { seed: 1, trials, sizes: [1, 2, 3] });
  if (report.files[0].error) throw new Error(report.files[0].error.message);
  return report.files[0].derivations[0].claims.flatMap((c) => c.steps);
}

const verdicts = (result: StepResult[]) => result.map((s) => [s.line, s.verdict, s.proof ?? null]);

describe('labels per batch row, proved for every n', () => {
  it('the batch softmax cross-entropy gradients through a linear layer (CS231n): dW, db, dX', () => {
    const result = steps(`
claim grad(L, W) = X' * (softmax(A) - onehot(y, C)) / N
claim grad(L, b) = sum(softmax(A) - onehot(y, C), 1) / N
claim grad(L, X) = (softmax(A) - onehot(y, C)) * W' / N
`);
    expect(verdicts(result)).toEqual([[10, 'proved', 'every-n'], [11, 'proved', 'every-n'], [12, 'proved', 'every-n']]);
    expect(result[0].method).toMatch(/^index calculus for every n/);
  });

  it('their usual mistakes are refuted: the -1 of the correct class, the 1/N, a transpose of the wrong factor', () => {
    const result = steps(`
claim grad(L, W) = X' * softmax(A) / N   expect wrong
claim grad(L, W) = X' * (softmax(A) - onehot(y, C))   expect wrong
claim grad(L, X) = (softmax(A) - onehot(y, C)) * W' * N   expect wrong
`);
    expect(verdicts(result)).toEqual([[10, 'refuted', null], [11, 'refuted', null], [12, 'refuted', null]]);
    // The difference is said with the label, never with the engine's internal one-hot matrix.
    expect(result[0].detail.explanation).toContain('== y[');
    expect(result.map((s) => s.detail.explanation ?? '').join(' ')).not.toContain('⟨');
    expect(result[1].detail.explanation).toBe('the sides differ by a factor 1 / N');
  });

  it('a label picked by a delta inside the sum, and a label compared with a free index', () => {
    const result = steps(`
claim sum(i, Z[i, y[i]]) = sum(i, sum(c, Z[i, c] * (c == y[i])))
claim sum(i, Z[i, k] * (k == y[i])) = sum(i, Z[i, k] * onehot(y, C)[i, k])
claim sum(i, sum(c, (c != y[i]) * Z[i, c])) = sum(i, sum(c, Z[i, c])) - sum(i, Z[i, y[i]])
`);
    expect(verdicts(result)).toEqual([[10, 'proved', 'every-n'], [11, 'proved', 'every-n'], [12, 'proved', 'every-n']]);
  });

  it('squares of a sum over rows are not sums of squares: refuted, not proved', () => {
    const result = steps(`
claim sum(i, Z[i, y[i]]^2) = sum(i, Z[i, y[i]])^2   expect wrong
claim sum(i, Z[i, y[i]]) = sum(i, sum(c, Z[i, c]))   expect wrong
`);
    expect(verdicts(result)).toEqual([[10, 'refuted', null], [11, 'refuted', null]]);
  });
});

describe('labels per batch row beside a label with a free index', () => {
  it('are proved or refuted, and the difference is said with the labels', () => {
    const result = steps(`
claim sum(j, (y[j] == y[i]) * Z[j, 1]) = sum(j, onehot(y, C)[j, y[i]] * Z[j, 1])
claim sum(j, (y[j] == y[i]) * Z[j, 1]) = Z[i, 1]   expect wrong
`);
    expect(verdicts(result)).toEqual([[10, 'proved', 'every-n'], [11, 'refuted', null]]);
    expect(result[1].detail.explanation).toBe('where i = 1: the right side is the left side plus Z[1, 1] - sum(j, Z[j, 1] * (y[i] == y[j]))');
  });
});

describe('labels per batch row: the domain rule still holds', () => {
  it('a step with no value where the line above has one (a division by a label-picked entry) is not proved', () => {
    const result = steps(`
claim sum(i, Z[i, y[i]]) = sum(i, Z[i, y[i]] * Z[i, y[i]] / Z[i, y[i]])   expect wrong
`);
    expect(result[0].verdict).not.toBe('proved');
  });
});

/** Smooth functions of one value, as text with `@` for the argument. */
const FUNCTIONS = ['exp(@)', 'sigmoid(@)', 'tanh(@)', '@^2', '2 * @ + 1', 'softplus(@)', '@ * X[i, 1]'];

describe('property: any function of a label-indexed entry is the one-hot weighted sum over the classes', () => {
  it('f(Z[i, y[i]]) summed over rows equals sum(c, f(Z[i, c]) (c == y[i])); with (c != y[i]) it does not', () => {
    const composition = fc.array(fc.constantFrom(...FUNCTIONS), { minLength: 1, maxLength: 3 });
    fc.assert(fc.property(composition, fc.boolean(), (fs, wrong) => {
      const apply = (arg: string) => fs.reduce((inner, f) => f.replaceAll('@', `(${inner})`), arg);
      const lhs = `sum(i, ${apply('Z[i, y[i]]')})`;
      const rhs = `sum(i, sum(c, (${apply('Z[i, c]')}) * (c ${wrong ? '!=' : '=='} y[i])))`;
      const [step] = steps(`claim ${lhs} = ${rhs}${wrong ? '   expect wrong' : ''}\n`, 6);
      if (wrong) {
        // Never proved; refuted wherever a class other than the label exists (C >= 2 is among the sizes).
        expect(step.verdict).toBe('refuted');
      } else {
        expect([step.verdict, step.proof]).toEqual(['proved', 'every-n']);
      }
    }), { seed: 7, numRuns: 10 });
  });
});
