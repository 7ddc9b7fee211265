import { describe, expect, it } from 'vitest';
import { claimsOf, deriv } from '../__test-helpers__/derivations.ts';

const steps = (text: string) => claimsOf(deriv(text)).flatMap((c) => c.steps);
const verdicts = (text: string) => steps(text).map((s) => s.verdict);

describe('a name the first step of a claim defines, as a book introduces one', () => {
  it("is defined by that step, and the steps after it are checked (MML 5.15's H = ∇²f = [[...]])", () => {
    const text = String.raw`given x, y: real
let f = x^2 y + y^3
claim H = \nabla^2 f = [[2 y, 2 x], [2 x, 6 y]]
claim H = \nabla^2 f
  = [[2 y, 2 x], [2 x, 6 y + 1]]   expect wrong
`;
    expect(verdicts(text)).toEqual(['proved', 'proved', 'proved', 'refuted']);
    expect(steps(text)[0].method).toBe('definition: H is declared nowhere else, so this step defines it, as let H = ... would');
  });

  it('defines a function of declared inputs (a Chebyshev polynomial T_4(x)), read at other arguments by the claims below', () => {
    expect(verdicts(`given x: real
claim T_4(x) = cos(4 acos(x)) = 8 x^4 - 8 x^2 + 1
claim T_4(x) = 8 x^4 - 8 x^2 - 1   expect wrong
claim T_4(x/2) = cos(4 acos(x/2))
`)).toEqual(['proved', 'proved', 'refuted', 'proved']);
  });

  it('is a let for the claims below: read there, never defined again by a later head (δ ≡ ∂E/∂a, then δ)', () => {
    expect(verdicts(String.raw`given x, y: real
claim \delta \equiv \frac{\partial}{\partial x} (x^2 y) = 2 x y
claim \delta = 2 y x
claim \delta = x y   expect wrong
claim diff(\delta, x) = 2 y
`)).toEqual(['proved', 'proved', 'proved', 'refuted', 'proved']);
  });

  it('defines a vector by its claim (g = ∇_w ½‖Xw − t‖²)', () => {
    expect(verdicts(String.raw`given X: matrix[m, n]
given w: vector[n]
given t: vector[m]
claim \mathbf{g} = \nabla_{\mathbf{w}} \frac{1}{2} \|X w - t\|^2 = X^T (X w - t)
claim g = X^T X w - X^T t
`)).toEqual(['proved', 'proved', 'proved']);
  });

  it('leaves a name that looks like a slip, or that the language reads otherwise, an unknown name', () => {
    const slip = steps('given x: real\nclaim xx = x^2 + 1\n')[0];
    expect(slip.verdict).toBe('error');
    expect(slip.detail.diagnostic?.message).toBe("unknown name 'xx'");
    const below = steps('given x: real\nclaim u = x + 1\nlet u = x + 1\n')[0];
    expect(below.detail.diagnostic?.message).toBe("'u' is defined below, by the let on line 4: a name can be used only below its let");
    // A head with no `=` step defines nothing.
    expect(steps('given x: real\nclaim u <= x^2 + 1\n')[0].verdict).toBe('error');
    // The language's own forms are no new names: logsumexp(x) is log(sum(exp(x))).
    expect(verdicts('given x: vector[n]\nclaim logsumexp(x) = log(sum(j, exp(x[j])))\n')).toEqual(['proved']);
    expect(steps('given x: vector[n]\nclaim logsumexp(x) = log(sum(j, exp(x[j]))) + 1   expect wrong\n')[0].verdict).toBe('refuted');
  });
});
