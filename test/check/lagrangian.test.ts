/**
 * The Lagrangian's partial derivatives (Taylor, Classical Mechanics 7.1): diff(L, q'(t))
 * and diff(L, q(t)) hold the values of an abstract function and of its derivatives at t
 * as variables of their own, as the Euler-Lagrange equation reads them. The thirteenth
 * probe had to write them with a scalar stand-in.
 */
import { describe, expect, it } from 'vitest';
import { stepsIn, verdictsIn } from '../__test-helpers__/derivations.ts';

describe('derivatives with respect to q(t) and q\'(t)', () => {
  it('proves the Euler-Lagrange equations of the oscillator and the pendulum, and refutes their sign slips', () => {
    expect(verdictsIn(`given q: function
given t, m, k, g, l: real
let L = m * (q'(t))^2 / 2 - k * q(t)^2 / 2
let P = m * l^2 * (q'(t))^2 / 2 + m * g * l * cos(q(t))
claim diff(L, q'(t)) = m * q'(t)
claim diff(L, q(t)) = -k * q(t)
claim diff(L, q(t)) = k * q(t)   expect wrong
claim diff(diff(L, q'(t)), t) - diff(L, q(t)) = m * q''(t) + k * q(t)
claim diff(diff(L, q'(t)), t) - diff(L, q(t)) = m * q''(t) - k * q(t)   expect wrong
claim diff(diff(P, q'(t)), t) - diff(P, q(t)) = m * l^2 * q''(t) + m * g * l * sin(q(t))
claim diff(diff(P, q'(t)), t) - diff(P, q(t)) = m * l^2 * q''(t) - m * g * l * sin(q(t))   expect wrong
claim diff(L, q''(t)) = 0
claim diff(diff(q(t), t)^2, q'(t)) = 2 * q'(t)
`)).toEqual(['proved', 'proved', 'refuted', 'proved', 'refuted', 'proved', 'refuted', 'proved', 'proved']);
  }, 60_000);

  it("reads the partials as the books print them, ∂L/∂θ'(t) and \\frac{\\partial L}{\\partial θ(t)} (probe 41)", () => {
    expect(stepsIn(`given θ: function
given m, g, l: positive
given t: real
let ℒ = \\frac{1}{2} m l^2 (θ'(t))^2 + m g l \\cos(θ(t))
claim \\frac{d}{dt} \\frac{\\partial ℒ}{\\partial θ'(t)} - \\frac{\\partial ℒ}{\\partial θ(t)} = m l^2 θ''(t) + m g l \\sin(θ(t))
claim ∂ℒ/∂θ'(t) = m l^2 θ'(t)
claim ∂ℒ/∂θ(t) = m g l sin(θ(t))   expect wrong
`).map((s) => s.verdict)).toEqual(['proved', 'proved', 'refuted']);
  }, 60_000);

  it('refuses the function at another argument than the variable\'s', () => {
    const [other] = stepsIn(`given q: function
given t: real
claim diff(q(t) * q(2 * t), q(t)) = q(2 * t)
`);
    expect(other.detail.diagnostic?.message).toContain('holds q at another argument than');
  }, 60_000);
});

describe('a multiplier before a bracket written apart from it, λ [2x, 2y] (probe 57)', () => {
  it('is the product of the scalar and the vector, as in ∇f = λ ∇g; a scalar indexed without a space stays an error', () => {
    expect(verdictsIn(`given λ: real
given x: real
given y: real
claim λ [2x, 2y] = [2 λ x, 2 λ y]
claim λ [2x, 2y] = [2 λ x, 2 x]   expect wrong
claim λ[1] = λ
`)).toEqual(['proved', 'refuted', 'error']);
  });
});

describe('a function written without brackets before a closing bar, |sin a - sin b| (probe 57)', () => {
  it('takes the name before the bar as its argument', () => {
    expect(verdictsIn(`given a: real
given b: real
claim |\\sin a - \\sin b| <= |a - b|
claim |\\sin a - \\sin b| <= |a - b|/2   expect wrong
`)).toEqual(['verified', 'refuted']);
  });
});

describe("Newton's dots and the bare name of an abstract function of t, as Goldstein prints the Euler-Lagrange equation (probe 107: unknown names)", () => {
  it('reads θ as θ(t), θ̇ as θ\'(t) and θ̈ as θ\'\'(t), in ∂L/∂θ̇ and ∂L/∂θ, and refutes a slip', () => {
    expect(verdictsIn(String.raw`given m, l, g: positive
given t: real
given theta: function
let L = m * l^2 * (theta'(t))^2 / 2 + m * g * l * cos(theta(t))
claim \frac{\partial L}{\partial \dot{\theta}} = m l^2 \dot{\theta}
claim \frac{\partial L}{\partial \dot{\theta}} = 2 m l^2 \dot{\theta}   expect wrong
claim \frac{\partial L}{\partial \theta} = -m g l \sin\theta
claim diff(diff(L, \dot{\theta}), t) - diff(L, \theta) = m l^2 \ddot{\theta} + m g l \sin\theta
`)).toEqual(['proved', 'refuted', 'proved', 'proved']);
  }, 60_000);
});
