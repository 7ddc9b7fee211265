/**
 * Notation as textbooks and papers write it: A^T and x^T for a transpose, A^(-1)
 * and A^k for matrix powers, ⊙ and ∘ for the Hadamard product, ᵀ and ⊤ for a
 * transpose, numpy's @, σ for the sigmoid, log(x, b).
 */
import { describe, expect, it } from 'vitest';
import { checkReport, claimsOf, deriv, stepsOf } from '../__test-helpers__/derivations.ts';

const ARRAYS = 'given x: vector[3]\ngiven a: vector[3]\ngiven A: invertible[3, 3]\ngiven B: matrix[n, n]\ngiven t: real\n';
const verdicts = (claims: string) => stepsOf(checkReport(deriv(`${ARRAYS}${claims}`))).map((s) => [s.line, s.verdict]);

describe('textbook notation', () => {
  it('reads A^T as a transpose where no T is declared, and keeps a declared T a power', () => {
    expect(verdicts("claim A^T = A'\nclaim x^T * a = dot(x, a)\nclaim grad(a^T * x, x) = a\nclaim A^T = A   expect wrong\n"))
      .toEqual([[7, 'proved'], [8, 'proved'], [9, 'proved'], [10, 'refuted']]);
    const [temperature] = stepsOf(checkReport(deriv('given t: positive\ngiven T: positive\nclaim t^T = exp(T * log(t))\n')));
    expect(temperature.verdict).toBe('proved');
  });

  it('reads integer powers of a square matrix as products, the identity and the inverse', () => {
    expect(verdicts('claim A^2 = A * A\nclaim A^3 = A * A * A\nclaim A^0 = eye(3)\nclaim A^(-1) * A = eye(3)\nclaim A^(-1) = inv(A)\nclaim A^2 = A .* A   expect wrong\nclaim B^2 = B * B\n'))
      .toEqual([[7, 'proved'], [8, 'proved'], [9, 'proved'], [10, 'proved'], [11, 'proved'], [12, 'refuted'], [13, 'proved']]);
  });

  it('says what to write for a power no matrix has', () => {
    const [half, vector, symbolic] = stepsOf(checkReport(deriv(`${ARRAYS}claim A^(1/2) = A\nclaim x^2 = x .* x\nclaim B^(-1) = B\n`)));
    expect(half.detail.diagnostic).toMatchObject({ code: 'shape', hint: expect.stringContaining('.^') });
    expect(vector.detail.diagnostic).toMatchObject({ code: 'shape' });
    // Of an n×n matrix, inv is written out at each size tried: B^(-1) = B fails at n = 1 already.
    expect(symbolic.verdict).toBe('refuted');
    expect(symbolic.method).toContain('written out at that size');
  });

  it('reads ⊙, ∘, ᵀ, ⊤ and @ as .*, .*, \', \' and *, with columns as written', () => {
    expect(verdicts("claim x ⊙ a = a .* x\nclaim x ∘ a = a .* x\nclaim xᵀ * a = dot(x, a)\nclaim A⊤ = A'\nclaim A @ x = A * x\n"))
      .toEqual([[7, 'proved'], [8, 'proved'], [9, 'proved'], [10, 'proved'], [11, 'proved']]);
    // After a ⊙ (one character read as two) an unknown name is reported at its own column.
    const [s] = stepsOf(checkReport(deriv(`${ARRAYS}claim x ⊙ q = x`)));
    expect(s.detail.diagnostic).toMatchObject({ code: 'unknown-name', span: { line: 7, col: 11 } });
  });

  it('reads σ as the sigmoid, unless something is named σ', () => {
    expect(verdicts('claim diff(σ(t), t) = σ(t) * (1 - σ(t))\nclaim σ(t) = 1 / (1 + exp(-t))\n')).toEqual([[7, 'proved'], [8, 'proved']]);
    const [s] = stepsOf(checkReport(deriv('given t: real\ngiven σ: positive\nclaim σ(t) = t\n')));
    expect(s.detail.diagnostic).toMatchObject({ code: 'unknown-function', message: expect.stringContaining('σ is not a function') });
  });

  it('knows logit, expit and sgn: the log-odds and its inverse', () => {
    const steps = stepsOf(checkReport(deriv(`given u: unit
given t: real
claim diff(logit(u), u) = 1 / (u * (1 - u))
claim logit(expit(t)) = t
claim expit(logit(u)) = u
claim sgn(t) * abs(t) = t
claim diff(logit(u), u) = 1 / u   expect wrong
`)));
    expect(steps.map((s) => s.verdict)).toEqual(['proved', 'proved', 'proved', 'proved', 'refuted']);
  });

  it('knows the activations by the names of deep-learning libraries, and log_softmax', () => {
    const steps = stepsOf(checkReport(deriv(`given x: real
given a: unit
given z: vector[n]
given y: onehot[n]
claim diff(gelu(x), x) = Phi(x) + x * phi(x)
claim diff(silu(x), x) = sigmoid(x) * (1 + x * (1 - sigmoid(x)))
claim diff(mish(x), x) = tanh(softplus(x)) + x * (1 - tanh(softplus(x))^2) * sigmoid(x)
claim diff(elu(x), x) = (x > 0) + (x <= 0) * exp(x)
claim diff(leaky_relu(x, a), x) = (x > 0) + (x <= 0) * a
claim diff(leaky_relu(x, a), x) = (x > 0) + a    expect wrong
claim diff(softsign(x), x) = 1 / (1 + abs(x))^2
claim grad(-sum(y .* log_softmax(z)), z) = softmax(z) - y
claim log_softmax(z) = z - logsumexp(z)
`)));
    // softsign's 1 / (1 + abs(x))^2 has a value where 1 / (1 + abs(x)) has: a power of a nonzero denominator.
    expect(steps.map((s) => s.verdict)).toEqual(['proved', 'proved', 'proved', 'proved', 'proved', 'refuted', 'proved', 'proved', 'proved']);
  });

  it('reads log(x, b) as the logarithm to base b', () => {
    expect(verdicts('claim log(8, 2) = 3\nclaim diff(log(exp(t) + 1, 10), t) = sigmoid(t) / log(10)\n')).toEqual([[7, 'proved'], [8, 'proved']]);
  });

  it("reads SymPy's orders: diff(F, x, 2) is the second derivative, diff(F, x, 2, y) a third, diff(F, x, 0) is F", () => {
    expect(verdicts(`claim diff(t^3, t, 2) = 6 * t
claim diff(t^3, t, 2) = 3 * t   expect wrong
claim diff(x[1]^3 * x[2]^2, x[1], 2, x[2]) = 12 * x[1] * x[2]
claim diff(sin(t), t, 4) = sin(t)
claim diff(t^5, t, 0) = t^5
`)).toEqual([[7, 'proved'], [8, 'refuted'], [9, 'proved'], [10, 'proved'], [11, 'proved']]);
    const [fractional, tooHigh] = stepsOf(checkReport(deriv(`${ARRAYS}claim diff(t^3, t, 1.5) = 0\nclaim diff(t^3, t, 9) = 0\n`)));
    expect(fractional.detail.diagnostic?.message).toMatch(/the order of a derivative is a whole number from 0 to 8, got 1.5/);
    expect(tooHigh.detail.diagnostic?.span).toMatchObject({ line: 8, col: 20 });
  });
});

describe('products written by juxtaposition before a bracket (ninth probe)', () => {
  const verdictsOf = (body: string) => stepsOf(checkReport(deriv(body))).map((s) => s.verdict);

  it("reads a product before a primed call, f(x) g'(x), and a value's name before a bracket, n (n + 1), as products", () => {
    expect(verdictsOf(`given x: real
given n: size
given f, g: function
claim diff(f(x) * g(x), x) = f'(x) g(x) + f(x) g'(x)
claim diff(f(x) / g(x), x) = (g(x) f'(x) - f(x) g'(x)) / g(x)^2
claim diff(f(x) / g(x), x) = (g(x) f'(x) + f(x) g'(x)) / g(x)^2   expect wrong
claim sum(k, 1, n, k) = n (n + 1) / 2
claim sum(k, 1, n, k) = n (n - 1) / 2   expect wrong
claim x (1 - x) = x - x^2
`)).toEqual(['proved', 'proved', 'refuted', 'proved', 'refuted', 'proved']);
  });

  it('reads a name and a bracket after a power as a factor after the power, not as part of the exponent', () => {
    expect(verdictsOf(`given x: real
claim diff(exp(x) * sin(x), x) = e^x (sin(x) + cos(x))
claim diff(exp(-x) * sin(x), x) = e^-x (cos(x) - sin(x))
claim diff(x^3 * (1 - x)^2, x) = 3 x^2 (1 - x)^2 - 2 x^3 (1 - x)
claim x^3 * (1 - x)^2 = x^3 (1 - x)^2
claim x^3 * (1 - x)^2 = x^2 (1 - x)^3   expect wrong
claim diff((x^2 + 1)^3, x) = 6 x (x^2 + 1)^2
`)).toEqual(['proved', 'proved', 'proved', 'proved', 'refuted', 'proved']);
  });

  it('keeps a bracket written around a name and its bracket whole under a power: e^(-b (u - w)), (b (u - w))^2 (probe 41)', () => {
    // math.js reads b (u - w) as a call, which binds before ^; the bracket written around it is what the book means.
    expect(verdictsOf(`given b: positive
given u, w: real
claim exp(-b * (u - w)) = e^(-b (u - w))
claim exp(b * (u - w)) = e^(b (u - w))
claim exp(-b * (u - w)) = e^{-b (u - w)}
claim 2^(-b * (u - w)) = 2^(-b (u - w))
claim (b * (u - w))^2 = (b (u - w))^2
claim e^(b (u - w)) = e^b * (u - w)   expect wrong
claim (b (u - w))^2 = b * (u - w)^2   expect wrong
claim b * (u - w)^2 = b (u - w)^2
claim exp(b) * (u - w) = e^b (u - w)
claim exp(b^2 * (1 - u)^2) = e^(b^2 (1 - u)^2)
`)).toEqual(['proved', 'proved', 'proved', 'proved', 'proved', 'refuted', 'refuted', 'proved', 'proved', 'proved']);
  });

  it("takes a power after Leibniz's bracket into the derivative: d/dx(x^2 + 1)^3 is the derivative of the cube", () => {
    expect(verdictsOf(`given x: real
given f: function
claim d/dx(f(x))^2 = 2 f(x) f'(x)
claim d/dx(x^2 + 1)^3 = 6 x (x^2 + 1)^2
claim d/dx(x^2 + 1)³ = 6 x (x^2 + 1)^2
claim d/dx(x^2 + 1)^(1/2) = x / sqrt(x^2 + 1)
claim d/dx(x^2 + 1)^3 = 3 (x^2 + 1)^2   expect wrong
`)).toEqual(['proved', 'proved', 'proved', 'proved', 'refuted']);
  });

  it('still says a vector is no function: x(2) is an error that points to x[2]', () => {
    const [step] = stepsOf(checkReport(deriv('given x: vector[n]\nclaim x(2) = x[2]\n')));
    expect(step.detail.diagnostic?.message).toBe('x is not a function: write x[i] for an entry');
  });
});

describe("powers and inverses on a function's name, and functions without brackets (ninth probe)", () => {
  const verdictsOf = (body: string) => stepsOf(checkReport(deriv(body))).map((s) => s.verdict);

  it('reads sin^2(x) and sin²(x) as sin(x)^2, tan^-1(x) and tan⁻¹(x) as atan(x), and sin x, ln 2 as calls', () => {
    expect(verdictsOf(`given x: real
given u: unit
given p: positive
claim diff(sin^2(x), x) = 2 sin x cos x
claim sin²(x) + cos²(x) = 1
claim diff(tan^-1(x), x) = 1 / (1 + x^2)
claim diff(sin^-1(u), u) = 1 / sqrt(1 - u^2)
claim diff(tan⁻¹(x), x) = 1 / (1 + x^2)
claim cosh^-1(p + 1) = log(p + 1 + sqrt((p + 1)^2 - 1))
claim ln 2 + ln p = ln(2 p)
claim sin^2(x) = (1 + cos(2 x)) / 2   expect wrong
claim diff(tan^-1(x), x) = 1 / (1 - x^2)   expect wrong
`)).toEqual(['proved', 'proved', 'proved', 'proved', 'proved', 'proved', 'proved', 'refuted', 'refuted']);
  });

  it('reads log₂ x, log_2 x, log2 x and log10 x without brackets too, as ln x (fifteenth probe)', () => {
    expect(verdictsOf('given x: positive\nclaim log₂ x = log(x) / log(2)\nclaim log_2 x + log10 x = log2(x) + log_10(x)\nclaim log₁₀ x = log(x) / log(2)   expect wrong\n'))
      .toEqual(['proved', 'proved', 'refuted']);
  });

  it('reads π as pi in the operand of a function without brackets: sin π', () => {
    expect(verdictsOf('given x: real\nclaim sin π = 0\nclaim cos π = 1   expect wrong\n')).toEqual(['proved', 'refuted']);
  });

  it('reads a call as the operand of a function without brackets, log σ(x), and σ⁻¹(p) as the log-odds (probe 35)', () => {
    expect(verdictsOf(`given x: real
given p: unit
claim log σ(x) + log σ(-x) = -softplus(-x) - softplus(x)
claim log sigmoid(x) = -softplus(x)   expect wrong
claim σ⁻¹(p) = log(p / (1 - p))
claim sigmoid⁻¹(p) = log(p)   expect wrong
`)).toEqual(['proved', 'refuted', 'proved', 'refuted']);
  });

  it("reads ζ⁻¹(q) as the softplus's inverse, and σ^{-1}(x - μ) as (x - μ)/σ where the derivation declares its own σ", () => {
    expect(verdictsOf(`given q: positive
given x: real
claim \\zeta^{-1}(q) = log(exp(q) - 1)
claim softplus^{-1}(softplus(x)) = x
claim ζ⁻¹(q) = log(exp(q)) - 1   expect wrong
`)).toEqual(['proved', 'proved', 'refuted']);
    expect(verdictsOf(`given σ: positive
given x, μ: real
claim \\sigma^{-1}(x - \\mu) = (x - μ)/σ
claim σ⁻¹ (x - μ)^2 = (x - μ)^2/σ
claim \\sigma^{-1}(x - \\mu) = log((x - μ)/(1 - x + μ))   expect wrong
`)).toEqual(['proved', 'proved', 'refuted']);
  });

  it('reads log Σ_j exp(o_j) as the log of the whole sum, up to where the summand ends (probe 35)', () => {
    expect(verdictsOf(`given o: vector[n]
claim log Σ_j exp(o_j) - o[k] = -log(exp(o[k]) / sum(j, exp(o[j])))
claim -log ∑_j exp(o[j]) + 1 = 1 - log(sum(j, exp(o[j])))
claim log sum_j exp(o_j) = sum(j, o[j])   expect wrong
`)).toEqual(['proved', 'proved', 'refuted']);
  });

  it('says what to write for the Frobenius product A : B, which math.js reads as a range', () => {
    const [step] = stepsOf(checkReport(deriv('given A, X: matrix[2, 2]\nclaim A : X = sum(A .* X)\n')));
    expect(step.detail.diagnostic).toMatchObject({ message: "a range 'a:b' is not part of the derivation language", hint: expect.stringContaining('write sum(A .* B)') });
  });

  it('leaves sin x^2, sin 2 x and sin x y errors that say to write the brackets, rather than guess', () => {
    const steps = stepsOf(checkReport(deriv('given x, y: real\nclaim sin x^2 = sin(x^2)\nclaim sin(2 * x) = sin 2 x\nclaim sin(x) * y = sin x y\n')));
    for (const step of steps) expect(step.detail.diagnostic).toMatchObject({ code: 'unknown-name', message: expect.stringMatching(/^sin is a function: its argument goes in brackets$/) });
  });

  it("reads a log before a power of a name as the log of the power, as Kingma and Welling print the Gaussian KL's log σ²", () => {
    expect(verdictsOf(String.raw`given \mu: real
given \sigma, x: positive
given s: positive[n]
given m: vector[n]
claim -\frac{1}{2} \left( 1 + \log \sigma^2 - \mu^2 - \sigma^2 \right) = \frac{1}{2} \left( \mu^2 + \sigma^2 - 1 \right) - \log(\sigma)
claim -\frac{1}{2} \left( 1 + \log \sigma^2 - \mu^2 - \sigma^2 \right) = \frac{1}{2} \left( \mu^2 + \sigma^2 - 1 \right) - 2\log(\sigma)   expect wrong
claim -\frac{1}{2} \sum_j (1 + \log s_j^2 - m_j^2 - s_j^2) = \sum_j (\frac{1}{2}(m_j^2 + s_j^2 - 1) - \log s_j)
claim ln x^2 = 2 ln(x)
claim ln x² + log x^{3} = 5 log(x)
claim ln x^2 = ln(x)^2   expect wrong
claim \log 2^x = x \log 2
claim \log x^n = n \log x
`)).toEqual(['proved', 'refuted', 'proved', 'proved', 'proved', 'refuted', 'proved', 'proved']);
  });

  it("ends a bare function's operand before a bracket, a call or a ∂ fraction set apart by a space: Griffiths' spherical Laplacian", () => {
    expect(verdictsOf(`given r: positive
given θ: real
let V = r^2 cos(θ)
claim \\frac{1}{r^2 \\sin\\theta} \\frac{\\partial}{\\partial \\theta} \\left( \\sin\\theta \\frac{\\partial V}{\\partial \\theta} \\right) = -2 cos(θ)
claim sin θ (1 + cos θ) = sin(θ) + sin(2 θ)/2
claim sin θ (1 + cos θ) = sin(θ + θ cos(θ))   expect wrong
claim sin θ exp(θ) = exp(θ) sin(θ)
`)).toEqual(['proved', 'proved', 'refuted', 'proved']);
  });
});

describe("a side written in numpy reads numpy's operators (probe 44)", () => {
  it("reads * as entry by entry, / as entry by entry and ** as each entry's power where np., numpy. or torch. is called, and axis=0 is no side of an =", () => {
    expect(claimsOf(deriv(`given x: matrix[N, D]
given G: matrix[N, D]
given eps: positive
let mu = np.mean(x, axis=0)
claim np.sum(G * (x - mu), axis=0) = sum(x .* G, 1) - mu .* sum(G, 1)
claim np.sum(G * (x - mu), axis=0) = sum(x .* G, 1) - mu .* sum(G, 2)   expect wrong
claim np.sum((x - mu) ** 2, axis=0) = np.sum(x ** 2, axis=0) - N * mu ** 2
claim 1 / np.sqrt(np.mean(x ** 2, axis=0) + eps) = (np.mean(x .^ 2, axis=0) + eps) .^ (-1/2)
`)).map((c) => c.steps[0].verdict)).toEqual(['proved', 'refuted', 'proved', 'proved']);
  }, 60_000);
});


describe('a power of a function of a vector is entry by entry: tanh²(Wv) (probe 51)', () => {
  it('reads tanh(W v)^2 as each entry squared, and keeps a power of a bare vector refused', () => {
    const steps = claimsOf(deriv(`given W: matrix[n, n]
given v: vector[n]
claim 1 - tanh(W * v)^2 = 1 - tanh(W * v) .* tanh(W * v)
claim tanh²(W v) = tanh(W v) .* tanh(W v)
claim sum(sigmoid(v)^2) = sum(i, sigmoid(v[i]) * sigmoid(v[i]))
claim v^2 = v .* v
`), { seed: 1 }).flatMap((c) => c.steps);
    expect(steps.slice(0, 3).map((s) => s.verdict)).toEqual(['proved', 'proved', 'proved']);
    expect(steps[3].detail.diagnostic?.message).toContain('a power ^ of a vector of length n is not defined entry by entry');
  }, 60_000);
});

describe("Newton's dots on a function of time the derivation defines", () => {
  it('reads \\dot{x} and \\ddot{x} (ẋ, ẍ) of let x(t) = ... as x\'(t) and x\'\'(t), the oscillator\'s equation of motion', () => {
    const steps = claimsOf(deriv(`given m, k: positive
given t, A, \\phi: real
let \\omega = \\sqrt{k/m}
let x(t) = A \\cos(\\omega t + \\phi)
claim m \\ddot{x} = -k x(t)
claim \\frac{d}{dt} \\left[ \\frac{1}{2} m \\dot{x}^2 \\right] = m \\dot{x} \\ddot{x}
claim m ẍ = k x(t)   expect wrong
`), { seed: 1 }).flatMap((c) => c.steps);
    expect(steps.map((s) => s.verdict)).toEqual(['proved', 'proved', 'refuted']);
  }, 60_000);
});

describe('a function of several variables as Stewart 14 typesets it', () => {
  it('reads f alone, ∇f(x, y), an evaluation bar at a point of two variables, and ∂f/∂y(1, 2)', () => {
    const steps = claimsOf(deriv(`given x, y: real
let f(x, y) = x^2 y^3
claim \\frac{\\partial^2 f}{\\partial x \\partial y} = 6 x y^2
claim \\nabla f(x, y) = [2 x y^3, 3 x^2 y^2]
claim \\left. \\frac{\\partial f}{\\partial x} \\right|_{x=1, y=2} = 16
claim \\frac{\\partial f}{\\partial y}(1, 2) = 12
claim \\frac{\\partial^2 f}{\\partial x \\partial y}(1, 2) = 24
claim \\frac{\\partial f}{\\partial y}(1, 2) = 16   expect wrong
claim \\nabla f(x, y) = [3 x^2 y^2, 2 x y^3]   expect wrong
`), { seed: 1 }).flatMap((c) => c.steps);
    expect(steps.map((s) => s.verdict)).toEqual(['proved', 'proved', 'proved', 'proved', 'proved', 'refuted', 'refuted']);
  }, 60_000);
});

describe('the vector calculus of a field with no variables written (Stewart 16.5, Griffiths 1.2)', () => {
  it('reads ∇ · F, ∇ × F, ∇φ, ∇²φ and div F in the coordinates x, y, z the derivation declares', () => {
    const steps = claimsOf(deriv(`given x, y, z: real
let F = [x y, y z, z x]
let \\phi = x^2 + y^2 + z^2
claim \\nabla \\cdot F = x + y + z
claim \\nabla \\times F = [-y, -z, -x]
claim \\nabla \\phi = [2x, 2y, 2z]
claim \\nabla^2 \\phi = 6
claim \\operatorname{div} F = x + y + z
claim \\nabla \\cdot (\\nabla \\times F) = 0
claim \\nabla \\times F = [y, z, x]   expect wrong
`), { seed: 1 }).flatMap((c) => c.steps);
    expect(steps.map((s) => s.verdict)).toEqual(['proved', 'proved', 'proved', 'proved', 'proved', 'proved', 'refuted']);
  }, 60_000);

  it('refuses ∇L of a quantity that reads more than the coordinates, rather than read it in them', () => {
    const [step] = claimsOf(deriv('given x, y, w: real\nlet L = (y - w x)^2\nclaim \\nabla L = [-2 w (y - w x), 2 (y - w x)]\n')).flatMap((c) => c.steps);
    expect(step.verdict).toBe('error');
    expect(step.detail.diagnostic?.message).toContain('it reads w besides the coordinates x, y');
  });
});

describe("the thermodynamics books' partial with a variable held, (∂P/∂V)_T", () => {
  it('is the partial derivative in declared inputs, each other held already; a subscript on any other value stays an index', () => {
    const steps = claimsOf(deriv(`given n, R, T, V: positive
let P = n R T / V
claim \\left( \\frac{\\partial P}{\\partial V} \\right)_T = -\\frac{n R T}{V^2}
claim (∂P/∂T)_V = n R / V
claim (∂P/∂T)_V = n R / V^2   expect wrong
`), { seed: 1 }).flatMap((c) => c.steps);
    expect(steps.map((s) => s.verdict)).toEqual(['proved', 'proved', 'refuted']);
  }, 60_000);
});

describe("a prime on a quantity of time and parameters, x = A cos(ω t) (probe 54)", () => {
  it("is the derivative in t, where it was a scalar's transpose (x itself) and the equation of motion refuted", () => {
    const steps = claimsOf(deriv(`given A, w, t: real
let x = A cos(w t)
claim x'' + w^2 x = 0
claim x' = -A w sin(w t)
claim x'' = w^2 x   expect wrong
`), { seed: 1 }).flatMap((c) => c.steps);
    expect(steps.map((s) => s.verdict)).toEqual(['proved', 'proved', 'refuted']);
  }, 60_000);
});

describe('the PDE books\' subscripts, u_t = k u_xx (probe 54)', () => {
  it('reads a subscript of declared inputs on a scalar let, or on a function of them, as its partial derivatives', () => {
    const steps = claimsOf(deriv(`given x, t, c: real
given k: positive
let u = exp(-k t) sin(x)
let f(x, t) = sin(x - c t)
claim u_t = k u_{xx}
claim u_{xt} = -k cos(x) exp(-k t)
claim f_{tt} = c^2 f_{xx}
claim u_t = -k u_x   expect wrong
`), { seed: 1 }).flatMap((c) => c.steps);
    expect(steps.map((s) => s.verdict)).toEqual(['proved', 'proved', 'proved', 'refuted']);
  }, 60_000);
});

describe('a scalar value against a bracket that holds a sum, inside brackets of its own', () => {
  it('is a product there too: 1/(q(1 - q)), the Bernoulli Fisher information', () => {
    const steps = claimsOf(deriv(`given p, q: real in (0, 1)
claim 1/(q(1-q)) = 1/(q - q^2)
claim \\frac{\\partial}{\\partial q} \\left[ p \\log \\frac{p}{q} + (1-p) \\log \\frac{1-p}{1-q} \\right] = \\frac{q - p}{q(1-q)}
`), { seed: 1 }).flatMap((c) => c.steps);
    expect(steps.map((s) => s.verdict)).toEqual(['proved', 'proved']);
  }, 60_000);
});

describe('a table function before a fraction and a variable, \\cos \\frac{\\sqrt{3}}{2} t (probe 56)', () => {
  it('takes both as its argument, as \\sin 2t does: Boyce and DiPrima 3.3\'s solution is proved', () => {
    const steps = claimsOf(deriv(`given t, c1, c2: real
let u = e^{t/2} (c1 \\cos \\frac{\\sqrt{3}}{2} t + c2 \\sin \\frac{\\sqrt{3}}{2} t)
claim \\sin \\frac{1}{2} t = \\sin(t/2)
claim diff(u, t, 2) - diff(u, t) + u = 0
claim \\sin \\frac{1}{2} t = \\frac{1}{2} \\sin(t)   expect wrong
`), { seed: 1 }).flatMap((c) => c.steps);
    expect(steps.map((s) => s.verdict)).toEqual(['proved', 'proved', 'refuted']);
  }, 60_000);
});

describe('an evaluation bar whose point holds braces, |_{x=\\sqrt{2}} (probe 56)', () => {
  it('reads the point whole', () => {
    const steps = claimsOf(deriv(`given x: real
claim \\left. \\frac{d}{dx} x^3 \\right|_{x=\\frac{1}{2}} = \\frac{3}{4}
claim \\left. x^2 \\right|_{x=\\sqrt{2}} = 2
claim \\left[ x^2 \\right]_{0}^{\\frac{1}{2}} = \\frac{1}{4}
claim \\left. x^2 \\right|_{x=\\sqrt{2}} = 3   expect wrong
`), { seed: 1 }).flatMap((c) => c.steps);
    expect(steps.map((s) => s.verdict)).toEqual(['proved', 'proved', 'proved', 'refuted']);
  }, 60_000);
});

describe('an entry of a small matrix by two digits, A_{12} (probe 56)', () => {
  it('is A[1, 2] where the sizes are fixed below 10', () => {
    const steps = claimsOf(deriv('given A: matrix[2, 2]\nclaim det(A) = A_{11} A_{22} - A_{12} A_{21}\nclaim det(A) = A_11 A_22 + A_12 A_21   expect wrong\n'), { seed: 1 }).flatMap((c) => c.steps);
    expect(steps.map((s) => s.verdict)).toEqual(['proved', 'refuted']);
  });
});

describe('powers of functions side by side, a written-out field under ∇, and a transpose before a powered bracket (probes 61, 62)', () => {
  it('reads \\sin^2 x \\cos^2 x (Stewart 7.2), ∇ · ⟨xz, xyz, -y^2⟩ and ∇ × of it (Stewart 16.5), d^T (Y^{-1})^T c (the Matrix Cookbook)', () => {
    const steps = claimsOf(deriv(`given x, y, z: real
given c, d: vector[3]
given Y: invertible[3, 3]
claim \\sin^2 x \\cos^2 x = (\\sin x \\cos x)^2
claim \\int \\sin^2 x \\cos^2 x \\, dx = x/8 - \\sin(4x)/32
claim \\nabla \\cdot \\langle xz, xyz, -y^2 \\rangle = z + xz
claim \\nabla \\times \\langle xz, xyz, -y^2 \\rangle = [-2 y - x y, x, y z]
claim \\nabla \\cdot \\langle xz, xyz, -y^2 \\rangle = z + x   expect wrong
claim d^T (Y^{-1})^T c = c' * inv(Y) * d
claim d^T (Y^{-1})' c = c' * inv(Y) * d
claim d^T (Y^{-1})^T c = d' * inv(Y) * c   expect wrong
`), { seed: 1 }).flatMap((c) => c.steps);
    expect(steps.map((s) => s.verdict)).toEqual(['proved', 'proved', 'proved', 'proved', 'refuted', 'proved', 'proved', 'refuted']);
  }, 60_000);
});
