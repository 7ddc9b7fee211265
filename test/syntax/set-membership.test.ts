import { describe, expect, it } from 'vitest';
import { claimsOf, deriv, syntaxDiagnostics } from '../__test-helpers__/derivations.ts';

const verdicts = (text: string) => claimsOf(deriv(text), { seed: 1 }).flatMap((c) => c.steps.map((s) => s.verdict));

describe('a given as the books declare it, x \\in \\mathbb{R}^{n}', () => {
  it('declares a real, a vector, a matrix and positive ones, in LaTeX and in Unicode', () => {
    expect(verdicts(String.raw`given \mathbf{x} \in \mathbb{R}^{n}
given A \in \mathbb{R}^{m \times n}
given W, V \in \mathbb{R}^{n\times d}
given u ∈ ℝ^n
given t \in \mathbb{R}
given q \in \mathbb{R}_{++}^{n}
given s \in \mathbb{R}_{+}
claim \|A \mathbf{x}\|^2 = \mathbf{x}^\top A^\top A \mathbf{x}
claim \sum_i q_i u_i = u^\top q
claim W + V = V + W
claim \sqrt{s^2} = s
claim \sqrt{t^2} = t   expect wrong
claim \log q_1 = \log q_1
`)).toEqual(['proved', 'proved', 'proved', 'verified', 'refuted', 'proved']);
  });

  it('keeps a set power out of the names (no layer R^n), and leaves a set it has no type for an error', () => {
    const [problem] = syntaxDiagnostics(deriv('given x \\in \\mathbb{R}_{+}^{n}\nclaim sum(x) = sum(x)\n'));
    expect(problem.message).toBe("a given needs a type after ':'");
  });
});
