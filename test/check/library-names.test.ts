import { describe, expect, it } from 'vitest';
import { stepsIn, verdictsIn } from '../__test-helpers__/derivations.ts';

describe('functions by the names libraries and textbooks give them', () => {
  it("PyTorch's clipped activations, clamp and clip, SELU and log-sigmoid", () => {
    expect(verdictsIn(`given x: real
given v: vector[n]
claim diff(hardswish(x), x) = (x > 3) + (x > -3) * (x < 3) * (2 * x + 3) / 6
claim diff(hardsigmoid(x), x) = (x > -3) * (x < 3) / 6
claim relu6(x) = min(max(x, 0), 6)
claim hardtanh(x) = clamp(x, -1, 1)
claim clip(v, 0, 1)[i] = min(max(v[i], 0), 1)
claim diff(selu(x), x) = 1.0507009873554804934 * ((x > 0) + (x <= 0) * 1.6732632423543772848 * exp(x))
claim selu(x) = 1.0507 * ((x > 0) * x + (x <= 0) * 1.6733 * (exp(x) - 1))   expect wrong
claim logsigmoid(x) = log(sigmoid(x))
claim diff(log_sigmoid(x), x) = 1 - sigmoid(x)
`)).toEqual(['verified', 'verified', 'proved', 'proved', 'proved', 'proved', 'refuted', 'proved', 'proved']);
  });

  it('calls pasted from PyTorch and SciPy: F.gelu, torch.nn.functional.softplus, scipy.special.expit', () => {
    expect(verdictsIn(`given x: real
claim diff(F.gelu(x), x) = Phi(x) + x * phi(x)
claim diff(torch.nn.functional.softplus(x), x) = sigmoid(x)
claim scipy.special.expit(x) = sigmoid(x)
`)).toEqual(['proved', 'proved', 'proved']);
  });

  it('the inverse functions of reciprocals (Stewart 3.11): arccot with values in (0, pi), arsech, arcoth', () => {
    expect(verdictsIn(`given x: real
given u: unit
claim diff(acot(x), x) = -1 / (1 + x^2)
claim diff(arccot(x), x) = 1 / (1 + x^2)   expect wrong
claim diff(asech(u), u) = -1 / (u * sqrt(1 - u^2))
# (proved since 1 - u^2 is known positive for a unit u: its powers and logs split)
claim asec(2) = pi / 3
# (proved: asec(2) is acos(1/2), and asin(1/2) is pi/6 exactly)
claim acoth(2) = log(3) / 2
`)).toEqual(['proved', 'refuted', 'proved', 'proved', 'proved']);
  });

  it("var and std about the mean, divided by the count (batch norm's), cosine similarity and normalize", () => {
    expect(verdictsIn(`given x, y: vector[m]
claim var(x) = sum(i, (x[i] - mean(x))^2) / m
claim var(x) = sum(i, (x[i] - mean(x))^2) / (m - 1)   expect wrong
claim std(x) = sqrt(mean(x .* x) - mean(x)^2)
claim cosine_similarity(x, y) = x' * y / (norm(x) * norm(y))
claim normalize(x)[k] = x[k] / norm(x)
`)).toEqual(['proved', 'refuted', 'proved', 'proved', 'proved']);
  });
});

describe('arrays written out, and derivatives with respect to listed variables (Stewart 14.6, 14.7)', () => {
  it('the gradient, Hessian and Jacobian of functions of two or three variables, and their slips', () => {
    expect(verdictsIn(`given x, y, z: real
claim grad(x^2 * y + sin(y), [x, y]) = [2 * x * y, x^2 + cos(y)]
claim grad(x^2 * y + sin(y), [x, y]) = [2 * x * y, x^2 - cos(y)]   expect wrong
claim hessian(x^2 * y + y^3, [x, y]) = [[2 * y, 2 * x], [2 * x, 6 * y]]
claim hessian(x^2 * y + y^3, [x, y]) = [[2 * y, 2 * x], [2 * y, 6 * y]]   expect wrong
claim jacobian([x * y, x + y], [x, y]) = [[y, x], [1, 1]]
claim grad(x * y * z, [x, y, z]) = [y * z, x * z, x * y]
claim [1, 2] * [3, 4]' = [[3, 4], [6, 8]]
claim [x, y] = [y, x]   expect wrong
`)).toEqual(['proved', 'refuted', 'proved', 'refuted', 'proved', 'proved', 'proved', 'refuted']);
  });

  it('a ragged array and a listed variable that is no input are errors at their place', () => {
    const [ragged, notInput] = stepsIn('given x, y: real\nclaim [[x, y], [x]] = [[x, y], [x]]\nclaim grad(x * y, [x, 2 * y]) = [y, x]\n');
    expect(ragged.detail.diagnostic?.message).toMatch(/rows of one length/);
    expect(notInput.detail.diagnostic).toMatchObject({ code: 'unsupported', span: { line: 4, col: 23 } });
  });
});

describe('the Laplacian, and max and min of several values (from the fourth probe)', () => {
  it('laplacian(f, [x, y, z]) and laplacian(f, v) are the trace of the Hessian; max(a, b, c) nests', () => {
    expect(verdictsIn(`given x, y, z, a, b, c: real
given v: vector[n]
claim laplacian(1 / sqrt(x^2 + y^2 + z^2), [x, y, z]) = 0
claim laplacian(log(x^2 + y^2), [x, y]) = 0
claim laplacian(log(x^2 + y^2), [x, y]) = 1   expect wrong
claim laplacian(sum(i, v[i]^3), v) = 6 * sum(i, v[i])
claim max(a, b, c) = max(max(a, b), c)
claim max(a, b, c) = max(a, b)   expect wrong
`)).toEqual(['proved', 'proved', 'refuted', 'proved', 'verified', 'refuted']);
  });
});

describe("stable functions by numpy's and SciPy's names, rising and falling factorials, Euler's constant", () => {
  it('hypot, logaddexp, logaddexp2, log1pexp, erfcx and log_ndtr are the expressions they stand for', () => {
    expect(verdictsIn(`given a, b, x: real
claim hypot(a, b)^2 = a^2 + b^2
claim hypot(3, 4) = 5
claim diff(logaddexp(a, b), a) = sigmoid(a - b)
claim diff(logaddexp(a, b), a) = sigmoid(b - a)   expect wrong
claim logaddexp2(a, a) = a + 1
claim log1pexp(x) = softplus(x)
claim erfcx(x) = exp(x^2) * (1 - erf(x))
claim diff(log_ndtr(x), x) = phi(x) / Phi(x)
`)).toEqual(['proved', 'proved', 'proved', 'refuted', 'proved', 'proved', 'proved', 'proved']);
  });

  it('pochhammer(a, 3) is a product with a value at every a; with a symbolic k it is a ratio of gammas', () => {
    expect(verdictsIn(`given a, x: real
given p: positive
claim pochhammer(a, 3) = a * (a + 1) * (a + 2)
claim pochhammer(a, 3) = a * (a + 1) * (a + 3)   expect wrong
claim pochhammer(-2, 2) = 2
claim ff(a, 2) = a^2 - a
claim pochhammer(p, 0) = 1
claim poch(p, x^2) = gamma(p + x^2) / gamma(p)
claim rf(p, 1 + x^2) = (p + x^2) * rf(p, x^2)
`)).toEqual(['proved', 'refuted', 'proved', 'proved', 'proved', 'proved', 'proved']);
  });

  it('pochhammer(a, n) and ff(a, n) of a size or a sum\'s index are products with a value at every a (eighth probe: refuted at a = -1)', () => {
    expect(verdictsIn(`given a: real
given n: size
claim prod(k, 1, n, a + k - 1) = poch(a, n)
claim ff(a, n) = prod(k, 1, n, a - k + 1)
claim poch(a, n + 1) = poch(a, n) * (a + n)
claim ff(a, n) = poch(a - n + 1, n)
claim ff(a, n) = prod(k, 1, n, a - k)   expect wrong
claim sum(k, 0, 3, rf(a, k)) = 1 + a + a * (a + 1) + a * (a + 1) * (a + 2)
claim sum(k, 0, 3, rf(a, k)) = 1 + a + a * (a + 1) + a * (a + 1) * (a - 2)   expect wrong
`)).toEqual(['proved', 'proved', 'proved', 'proved', 'refuted', 'proved', 'refuted']);
    // The gamma ratio has no value at a = -1, where the product is -1 at n = 1: a step to it is refuted there.
    expect(verdictsIn(`given a: real
given n: size
claim poch(a, n) = gamma(a + n) / gamma(a)
`)).toEqual(['refuted']);
  });

  it("eulergamma is -digamma(1), a constant and no index; a given of that name keeps it", () => {
    expect(verdictsIn(`given x: positive
claim digamma(1) = -eulergamma
claim digamma(1) = eulergamma   expect wrong
claim digamma(2) = 1 - EulerGamma
`)).toEqual(['proved', 'refuted', 'proved']);
    expect(verdictsIn('given eulergamma: real\nclaim eulergamma + 0 = eulergamma\n')).toEqual(['proved']);
    const [index] = stepsIn('given v: vector[n]\nclaim v[euler_gamma] = 0\n');
    expect(index.detail.diagnostic?.message).toMatch(/euler_gamma is a constant, not an index/);
  });

  it("γ (LaTeX's \\gamma) is Euler's constant where no γ is declared, as the books print Γ'(1) = -γ (probe 87: an unknown name)", () => {
    expect(verdictsIn(String.raw`claim \Gamma'(1) = -\gamma
claim \gamma > 0.5772
claim γ < 0.5772   expect wrong
`)).toEqual(['proved', 'proved', 'refuted']);
    // Declared, it is the derivation's own: a discount, a learning rate.
    expect(verdictsIn('given γ: unit\nclaim γ^2 <= γ\nclaim digamma(1) = -γ   expect wrong\n')).toEqual(['verified', 'refuted']);
  });
});

describe('atan2(y, x), the angle of a point (polar coordinates, Stewart 10.3)', () => {
  it('has its partial derivatives, agrees with atan(y / x) for x > 0, jumps across the negative x-axis and has no value at the origin', () => {
    expect(verdictsIn(`given x, y, t: real
given p, r: positive
claim diff(atan2(y, x), x) = -y / (x^2 + y^2)
claim diff(atan2(y, x), y) = -x / (x^2 + y^2)   expect wrong
claim atan2(y, p) = atan(y / p)
claim atan2(0, -1) = pi
claim atan2(r * sin(t), r * cos(t)) = t   expect wrong
claim atan2(y, x) + atan2(-y, x) = 0   expect wrong
`)).toEqual(['proved', 'refuted', 'verified', 'verified', 'refuted', 'refuted']);
    // At x = 0 the line above has a pole that 60 digits round to 1e-61 (cos(pi / 2)): it grows with the digits, no value to refute with.
    expect(verdictsIn('given x, y: real\nclaim tan(atan2(y, x)) = y / x\n')).toEqual(['verified']);
    const [origin] = stepsIn('given x: real\nclaim atan2(0, 0) = 0\n');
    expect(origin.detail.diagnostic?.message).toMatch(/no value anywhere \(atan2: x\^2 \+ y\^2 is 0\)/);
  });

  it('refutes a slip that shows only on the jump (y = 0, x < 0) at every seed: the exact engine looks there (eighth probe, family C)', () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const steps = stepsIn('given x, y: real\nclaim atan2(y, x) + atan2(-y, x) = 0   expect wrong\nclaim atan2(-y, x) = -atan2(y, x)   expect wrong\n', { seed });
      expect(steps.map((s) => s.verdict), `seed ${seed}`).toEqual(['refuted', 'refuted']);
    }
  });
});

describe("a paper's capitalised activation, primed", () => {
  it("reads ReLU'(t) and Tanh'(t) as relu' and tanh', as ReLU(t) is relu(t) (probe 73)", () => {
    expect(verdictsIn(`given t: real
claim \\mathrm{ReLU}'(t) = (t > 0)
claim \\frac{d}{dt} \\mathrm{ReLU}(t) = \\mathrm{ReLU}'(t)
claim \\mathrm{Tanh}'(t) = 1 - \\tanh(t)^2
claim \\mathrm{Tanh}'(t) = 1 + \\tanh(t)^2   expect wrong
`)).toEqual(['proved', 'proved', 'proved', 'refuted']);
  });
});

describe('an outer product written with a bracket', () => {
  it("reads v (d)^T and v (d)' as v times d transposed, as v * (d)^T is (probe 73); two vectors side by side stay an error", () => {
    const steps = stepsIn(`given v: vector[m]
given d: vector[n]
claim v (d)^T = v * d'
claim v (d)' = v * d'
claim v (d)^T = d * v'   expect wrong
claim v (d) = v * d
`);
    expect(steps.slice(0, 3).map((s) => s.verdict)).toEqual(['proved', 'proved', 'refuted']);
    expect(steps[3].verdict).toBe('error');
  });
});
