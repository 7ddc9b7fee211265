/**
 * The LaTeX printer against KaTeX itself: every claim and step of the suite
 * renders with `throwOnError`, and golden cases pin the notation (sums over an
 * axis, multi-letter names, matrices, subscripts, transposes).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { parseDerivationFile } from '../../src/index.ts';
import { inputsLatex, textToLatex } from '../../src/report/markdown/describe.ts';

const render = (tex: string) => katex.renderToString(tex, { throwOnError: true, strict: 'error', output: 'mathml' });

describe('every formula of the suite renders in KaTeX', () => {
  const texts: string[] = [];
  for (const name of readdirSync('derivations').filter((f) => f.endsWith('.deriv'))) {
    const file = parseDerivationFile(readFileSync(join('derivations', name)), name);
    for (const d of file.derivations) {
      for (const s of d.statements) {
        if (s.kind !== 'claim') continue;
        texts.push(s.text, ...s.steps.map((step) => step.text));
      }
    }
  }

  it('has the 138 steps and their claims', () => {
    expect(texts.length).toBeGreaterThan(138);
  });

  it('renders each without an error', () => {
    const failures = texts.filter((t) => {
      try {
        render(textToLatex(t));
        return false;
      } catch {
        return true;
      }
    });
    expect(failures).toEqual([]);
  });
});

describe('golden notation', () => {
  it.each([
    ['a sum over the rows is an axis sum, not a sum over an index dZ2', 'sum(dZ2, 1)', '\\operatorname{sum}_{\\text{rows}}\\left(\\mathrm{dZ2}\\right)'],
    ['a mean over the columns', 'mean(A, 2)', '\\operatorname{mean}_{\\text{columns}}\\left(A\\right)'],
    ['a sum over an index stays a sum', 'sum(j, exp(x[j]))', '\\sum_{j} e^{x_j}'],
    ['the size as a sum of ones', 'sum(j, 1)', '\\sum_{j} 1'],
    ['multi-letter names upright', 'nrm * xh + eps', '\\mathrm{nrm} \\, \\mathrm{xh} + \\mathrm{eps}'],
    ['subscripts', 'W[i, k + 1]', 'W_{i,k + 1}'],
    ['a transpose', "A1' * dZ2", '\\mathrm{A1}^{\\top} \\, \\mathrm{dZ2}'],
  ])('%s', (_, text, tex) => {
    const out = textToLatex(text);
    expect(out).toBe(tex);
    expect(() => render(out)).not.toThrow();
  });

  it('a matrix counterexample is a pmatrix, row-major', () => {
    const tex = inputsLatex({ X: [0, 0, 1, 0, 0, 1], t: 0.5 }, new Map([['X', [2, 3]]]));
    expect(tex).toBe('X = \\begin{pmatrix} 0 & 0 & 1 \\\\ 0 & 0 & 1 \\end{pmatrix};\\quad t = 0.5');
    expect(() => render(tex)).not.toThrow();
  });
});
