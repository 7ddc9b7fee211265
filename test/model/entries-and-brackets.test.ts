import { describe, expect, it } from 'vitest';
import { claimsOf, deriv } from '../__test-helpers__/derivations.ts';

const steps = (text: string) => claimsOf(deriv(text), { seed: 1 }).flatMap((c) => c.steps);
const verdicts = (text: string) => steps(text).map((s) => s.verdict);

describe('entries and brackets as the ML books print them', () => {
  it('reads s_{2j} and μ_{1k} as entries of vectors declared s_2 and μ_1 (the KL of two diagonal Gaussians)', () => {
    expect(verdicts(String.raw`given \mu_1, \mu_2: vector[J]
given s_1, s_2: positive[J]
claim \frac{\partial}{\partial \mu_{1k}} \frac{1}{2} \sum_{j=1}^{J} \frac{(\mu_{2j} - \mu_{1j})^2}{s_{2j}^2} = \frac{\mu_{1k} - \mu_{2k}}{s_{2k}^2}
claim \frac{\partial}{\partial \mu_{1k}} \frac{1}{2} \sum_{j=1}^{J} \frac{(\mu_{2j} - \mu_{1j})^2}{s_{2j}^2} = \frac{\mu_{2k} - \mu_{1k}}{s_{2k}^2}   expect wrong
`)).toEqual(['proved', 'refuted']);
  });

  it('reads \\nabla_{\\mathbf{w}} \\left[ ... \\right] as the gradient of the bracket, not of a one-entry vector', () => {
    expect(verdicts(String.raw`given \mathbf{w}, \mathbf{x}: vector[D]
given a: binary
claim \nabla_{\mathbf{w}} \left[ a \log \sigma(\mathbf{w}^\top \mathbf{x}) + (1 - a) \log\left(1 - \sigma(\mathbf{w}^\top \mathbf{x})\right) \right] = \left( a - \sigma(\mathbf{w}^\top \mathbf{x}) \right) \mathbf{x}
claim \nabla_{\mathbf{w}} \left[ a \log \sigma(\mathbf{w}^\top \mathbf{x}) \right] = a \mathbf{x}   expect wrong
`)).toEqual(['proved', 'refuted']);
  });

  it('reads V[T + 1] and V[t + 1] of a vector[T + 1] with t over T inside it (the TD errors telescope), and V[T + 2] past it', () => {
    expect(verdicts(`given r: vector[T]
given V: vector[T + 1]
given g: real in (0, 1)
claim sum(t, 1, T, g^(t - 1) * (r[t] + g * V[t + 1] - V[t])) = sum(t, 1, T, g^(t - 1) * r[t]) + g^T * V[T + 1] - V[1]
claim sum(t, 1, T, g^(t - 1) * (r[t] + g * V[t + 1] - V[t])) = sum(t, 1, T, g^(t - 1) * r[t]) + g^T * V[T] - V[1]    expect wrong
`)).toEqual(['proved', 'refuted']);
    const [past] = steps('given V: vector[T + 1]\nclaim V[T + 2] = 0\n');
    expect(past.detail.diagnostic?.message).toBe('T + 2 is past the last index T + 1');
  });
});
