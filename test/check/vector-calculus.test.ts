/**
 * Vector calculus in three variables (Stewart 16.5, Marsden & Tromba 1.3): the
 * cross product, divergence and curl of a field written as one entry per
 * variable, and their identities (div curl F = 0, curl grad f = 0) for every
 * smooth field. Each had been refused as an unknown function (thirteenth probe).
 */
import { describe, expect, it } from 'vitest';
import { stepsIn, verdictsIn } from '../__test-helpers__/derivations.ts';

describe('cross, div and curl', () => {
  it("reads Stewart's ⟨a, b⟩ of scalars as a vector, and ⟨u, v⟩ of two vectors as their inner product (probe 50)", () => {
    // Read as the inner product alone, a true gradient of scalars was refuted on its shape.
    expect(verdictsIn(`given x, y, z: real
given u, v: vector[n]
claim grad(x^2 y^3 - 4y, [x, y]) = \\langle 2xy^3, 3x^2y^2 - 4 \\rangle
claim grad(x^2 y^3 - 4y, [x, y]) = ⟨2xy^3, 3x^2y^2 - 4⟩
claim grad(x^2 y^3 - 4y, [x, y]) = ⟨2xy^3, 3x^2y^2 + 4⟩   expect wrong
claim \\langle 1, 2 \\rangle \\cdot \\langle 3, 4 \\rangle = 11
claim curl([x z, x y z, -y^2], [x, y, z]) = ⟨-2y - xy, x, yz⟩
claim ⟨u, v⟩ = sum(i, u[i] * v[i])
claim ⟨u, v⟩ = sum(i, u[i] * v[i]) + 1   expect wrong
`)).toEqual(['proved', 'proved', 'refuted', 'proved', 'proved', 'proved', 'refuted']);
  });

  it('proves the cross product\'s identities and refutes their slips', () => {
    expect(verdictsIn(`given a, b, c: vector[3]
given x, y, z: real
claim dot(a, cross(a, b)) = 0
claim cross(a, b) = -cross(b, a)
claim cross(a, b) = cross(b, a)   expect wrong
claim dot(a, cross(b, c)) = dot(b, cross(c, a))
claim cross(a, cross(b, c)) = b * dot(a, c) - c * dot(a, b)
claim cross(a, cross(b, c)) = c * dot(a, b) - b * dot(a, c)   expect wrong
claim cross([x, y, z], [1, 0, 0]) = [0, z, -y]
claim cross([x, y, z], [1, 0, 0]) = [0, -z, y]   expect wrong
`)).toEqual(['proved', 'proved', 'refuted', 'proved', 'proved', 'refuted', 'proved', 'refuted']);
  }, 60_000);

  it('takes the divergence and curl of a field, and proves div curl F = 0 and curl grad f = 0 for unknown F and f', () => {
    expect(verdictsIn(`given x, y, z: real
given F1, F2, F3: function(x, y, z)
given f: function(x, y, z)
claim div([x^2, y^2, z^2], [x, y, z]) = 2*x + 2*y + 2*z
claim divergence([x^2, y^2, z^2], [x, y, z]) = 2*x + 2*y   expect wrong
claim curl([x*y*z, x^2, y*z], [x, y, z]) = [z, x*y, 2*x - x*z]
claim curl([x*y*z, x^2, y*z], [x, y, z]) = [z, x*y, x*z - 2*x]   expect wrong
claim div(curl([F1(x, y, z), F2(x, y, z), F3(x, y, z)], [x, y, z]), [x, y, z]) = 0
claim curl(grad(f(x, y, z), [x, y, z]), [x, y, z]) = [0, 0, 0]
claim div(grad(f(x, y, z), [x, y, z]), [x, y, z]) = laplacian(f(x, y, z), [x, y, z])
`)).toEqual(['proved', 'refuted', 'proved', 'refuted', 'proved', 'proved', 'proved']);
  }, 60_000);

  it('says what it takes: vectors of length 3, a field with one entry per variable, three variables for curl', () => {
    const [cross4, wrongField, curl2] = stepsIn(`given a, b: vector[4]
given x, y: real
claim cross(a, b) = a
claim div([x, y, x], [x, y]) = 2
claim curl([x, y], [x, y]) = [0, 0]
`);
    expect(cross4.detail.diagnostic?.message).toContain('cross takes two vectors of length 3');
    expect(wrongField.detail.diagnostic?.message).toContain('one entry per variable (2)');
    expect(curl2.detail.diagnostic?.message).toContain('curl is of a field in three variables, got 2');
  }, 60_000);
});

describe('∇ before a bracket, a root, or another ∇ (probe 57)', () => {
  it('reads ∇(x^2 y^3 z), ∇ of a root and ∇ × ∇f as the gradient and the curl in the coordinates; their slips refuted', () => {
    expect(verdictsIn(`given x: real
given y: real
given z: real
let f = x^2 y^3 z
claim \\nabla(x^2 y^3 z) = [2 x y^3 z, 3 x^2 y^2 z, x^2 y^3]
claim \\nabla(x^2 y^3 z) = [2 x y^3 z, 3 x^2 y^2 z, x^2 y^2]   expect wrong
claim \\nabla \\sqrt{x^2+y^2+z^2} = [x, y, z] / \\sqrt{x^2+y^2+z^2}
claim \\nabla \\times \\nabla f = [0, 0, 0]
claim ∇ × ∇f = [0, 0, 1]   expect wrong
`)).toEqual(['proved', 'refuted', 'proved', 'proved', 'refuted']);
  });
});

describe('the spherical Jacobian, read at a tie point where cos(ph) is 0 exactly (probe 81)', () => {
  it('is verified with abs(sin(ph)) on (0, pi), and its slips are refuted', () => {
    const J = 'det(jacobian([rho*sin(ph)*cos(th), rho*sin(ph)*sin(th), rho*cos(ph)], [rho, ph, th]))';
    // At ph = pi/2, cos(ph)'s rounding squared beside sin(ph)^2 = 1 was a part one side dropped: an error.
    expect(verdictsIn(`given rho: positive
given th: real
given ph: real in (0, pi)
claim ${J} = rho^2*abs(sin(ph))
claim ${J} = rho^2*abs(sin(ph)) + 1e-70   expect wrong
claim ${J} = rho^2*abs(cos(ph))   expect wrong
`)).toEqual(['verified', 'refuted', 'refuted']);
  }, 120_000);
});
