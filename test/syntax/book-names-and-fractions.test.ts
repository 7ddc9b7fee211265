import { describe, expect, it } from 'vitest';
import { textToLatex } from '../../src/report/index.ts';
import { namesAsWritten } from '../../src/report/wording.ts';
import { checkText } from '../../src/index.ts';
import { FAST, stepsIn } from '../__test-helpers__/derivations.ts';

const verdicts = (body: string) => stepsIn(body).map((s) => s.verdict);
const diagnosticOf = (body: string) => stepsIn(body).map((s) => s.detail.diagnostic).find((d) => d !== undefined);

describe('a fraction before a sum, 1/N Σ_i x_i', () => {
  it('is the fraction times the sum, as every book means it, slips refuted', () => {
    expect(verdicts(`given x: vector[N]
claim 1/N Σ_i x_i = mean(x)
claim λ/2 Σ_i x_i² = λ * sum(x.^2) / 2
claim 1/(2N) Σ_i x_i = mean(x) / 2
claim 1/N Σ_i x_i = 1 / sum(x)   expect wrong
given λ: positive
`)).toEqual(['proved', 'proved', 'proved', 'refuted']);
  });

  it('is refused where the fraction runs into a name, 1/2N Σ and 1/2x, which may mean 1/(2N) (math.js read N/2)', () => {
    for (const [written, readings] of [['1/2N Σ_i x_i', "'1/2N' may mean (1/2) N or 1 / (2 N)"], ['1/2x', "'1/2x' may mean (1/2) x or 1 / (2 x)"]]) {
      const d = diagnosticOf(`given x: vector[N]\ngiven y: positive\nclaim ${written.replace('2x', '2y')} = 1\n`);
      expect(d?.message).toBe(readings.replace(/x/g, written.includes('Σ') ? 'x' : 'y'));
      expect(d?.hint).toMatch(/^write the bracket that says which: \(1\/2\) \* /);
    }
    expect(verdicts('given y: positive\nclaim 1/2 y = y / 2\n')).toEqual(['proved']);
  });
});

describe('a name set apart from a bracket after a slash, 2/m (x - u)', () => {
  it('is refused as ambiguous with both readings offered, never read as 2 / (m (x - u))', () => {
    const d = diagnosticOf('given x, u: real\ngiven m: positive\nclaim 2/m (x - u) = 2 * (x - u) / m\n');
    expect(d?.message).toContain("may mean (2 / m) (x - u) or 2 / (m (x - u))");
    expect(d?.hint).toContain('(2 / m) * (x - u)');
  });

  it('leaves calls of functions, 2 / sin (x), and brackets that say which, as they were', () => {
    expect(verdicts(`given x, u: real
given m: positive
claim 2 / sin (x) = 2 * csc(x)
claim (2/m) (x - u) = 2 * (x - u) / m
claim 1/2 (x - u) = (x - u) / 2
`)).toEqual(['proved', 'proved', 'proved']);
  });
});

describe('accented names, x̂, θ̂, x̄', () => {
  it('are names, one name whether the accent is precomposed (ŷ) or combining (y + U+0302)', () => {
    expect(verdicts(`given θ\u0302, ŷ: real
given x: vector[n]
let x\u0304 = mean(x)
claim ŷ + θ\u0302 = y\u0302 + θ\u0302
claim diff(θ\u0302^2, θ\u0302) = 2 θ\u0302
claim sum(i, x_i - x\u0304) = 0
claim diff(θ\u0302^2, θ\u0302) = θ\u0302   expect wrong
`)).toEqual(['proved', 'proved', 'proved', 'refuted']);
  });

  it('are typeset with their accent again', () => {
    expect(textToLatex('xhat_i + θhat + ybar')).toBe('\\hat{x}_{i} + \\hat{\\theta} + \\bar{y}');
  });
});

describe('let z_i = ..., an entry defined as a book writes it', () => {
  it('defines z[i] when its subscript is the index its body leaves free', () => {
    expect(verdicts(`given x: vector[m]
given W: matrix[n, m]
let μ = mean(x)
let z_i = x_i - μ
let a_j = Σ_i W[j, i] x_i
claim Σ_i z_i = 0
claim diff(a_j, W[j, k]) = x_k
claim Σ_i z_i = μ   expect wrong
`)).toEqual(['proved', 'proved', 'refuted']);
  });

  it('keeps a subscript that is no free index part of the name (Ioffe and Szegedy\'s μ_B)', () => {
    expect(verdicts(`given x: vector[m]
let μ_B = mean(x)
claim μ_B * m = sum(x)
`)).toEqual(['proved']);
  });
});

describe('let σ² = ..., a squared name', () => {
  it('names σ² in its own derivation, where σ² is read as that name', () => {
    expect(verdicts(`given x: vector[m]
given ε: positive
let μ = 1/m Σ_i x_i
let σ² = 1/m Σ_i (x_i - μ)²
let x̂_i = (x_i - μ) / √(σ² + ε)
claim σ² = 1/m Σ_i x_i² - μ²
claim Σ_i x̂_i = 0
claim σ² = 1/m Σ_i x_i²   expect wrong
`)).toEqual(['proved', 'proved', 'refuted']);
  });

  it('is σ squared in a derivation that defines no σ²', () => {
    const report = checkText(`derivation "batch"
given x: real
let σ² = x^2 + 1
claim σ² >= 1
derivation "scalar"
given σ: positive
claim diff(σ², σ) = 2σ
`, 't.deriv', FAST);
    expect(report.files[0].derivations.map((d) => d.claims.map((c) => c.steps[0].verdict))).toEqual([['proved'], ['proved']]);
  });

  it('is typeset as σ²', () => {
    expect(textToLatex('σsq + 1')).toBe('\\sigma^{2} + 1');
  });

  it("is declared as LaTeX writes it, Ioffe and Szegedy's let \\sigma_B^2 and a variance given \\sigma^2, and printed as σ_B²", () => {
    expect(verdicts(String.raw`given x: vector[m]
let \mu_B = \frac{1}{m} \sum_{i=1}^{m} x_i
let \sigma_B^2 = \frac{1}{m} \sum_{i=1}^{m} (x_i - \mu_B)^2
claim \sigma_B^2 = \frac{1}{m} \sum_{i=1}^{m} x_i^2 - \mu_B^2
claim \sigma_B^{2} = \frac{1}{m} \sum_{i=1}^{m} x_i^2   expect wrong
`)).toEqual(['proved', 'refuted']);
    expect(verdicts(String.raw`given \sigma^2: positive
given x: real
claim \frac{\partial}{\partial \sigma^2} \frac{x^2}{2\sigma^2} = -\frac{x^2}{2 \sigma^4}
claim \frac{\partial}{\partial \sigma^2} \frac{x^2}{2\sigma^2} = -\frac{x^2}{2 \sigma^2}   expect wrong
`)).toEqual(['proved', 'refuted']);
    expect(namesAsWritten('σ_Bsq + σsq^2 - xcube + lsq2')).toBe('σ_B² + σ²^2 - x³ + lsq2');
  });

  it("is declared with an accent too, Goodfellow's (5.37) let \\hat{\\sigma}^2 of the sample variance, and printed as σhat²", () => {
    const goodfellow = (scale: string) => String.raw`given x: vector[m]
let \hat{\mu} = \frac{1}{m} \sum_{i=1}^{m} x^{(i)}
let \hat{\sigma}^2 = ${scale} \sum_{i=1}^{m} \left( x^{(i)} - \hat{\mu} \right)^2
claim \hat{\sigma}^2 = var(x)
`;
    // The file was refused, "cannot read the let definition"; var is the population variance, so 1/(m - 1) is refuted.
    expect(verdicts(goodfellow(String.raw`\frac{1}{m}`))).toEqual(['proved']);
    const [unbiased] = stepsIn(goodfellow(String.raw`\frac{1}{m-1}`));
    expect(unbiased.verdict).toBe('refuted');
    expect(unbiased.detail.explanation).toBe('the sides differ by a factor m / (m - 1)');
    expect(verdicts(String.raw`given x: vector[m]
let μ̂_m = \frac{1}{m} \sum_{i=1}^{m} x_i
let \hat{\sigma}_m^{2} = \frac{1}{m} \sum_{i=1}^{m} (x_i - μ̂_m)^2
let σ̃² = \frac{1}{m} \sum_{i=1}^{m} x_i^2 - μ̂_m^2
claim \hat{\sigma}_m^{2} = var(x)
claim σ̃² = \hat{\sigma}_m^2
`)).toEqual(['proved', 'proved']);
    // A given too; without one, \hat{\sigma}^2 stays the square of σhat, as \sigma^2 of σ.
    expect(verdicts(String.raw`given \hat{\sigma}^2: positive
given u: real
claim \frac{d}{du} \frac{u^2}{2\hat{\sigma}^2} = \frac{u}{\hat{\sigma}^2}
claim \frac{d}{du} \frac{u^2}{2\hat{\sigma}^2} = \frac{u}{2\hat{\sigma}^2}   expect wrong
`)).toEqual(['proved', 'refuted']);
    expect(verdicts(String.raw`given \hat{\sigma}: positive
claim \hat{\sigma}^2 = \hat{\sigma} \cdot \hat{\sigma}
`)).toEqual(['proved']);
    expect(diagnosticOf(goodfellow(String.raw`\frac{1}{m}`))).toBeUndefined();
    expect(namesAsWritten('σhatsq + xbar_1sq')).toBe('σhat² + xbar_1²');
    expect(textToLatex('σhatsq + 1')).toBe('\\hat{\\sigma}^{2} + 1');
  });
});

describe('a function of the tables without brackets, as books print it', () => {
  it('takes a power or inverse on its name (sin^2 x, sin² θ, tan^-1 x) and a number against a name (sin 2x)', () => {
    expect(verdicts(`given x: real
given θ: real
claim sin^2 x + cos^2 x = 1
claim sin² θ = 1 - cos² θ
claim tan^-1 x = atan(x)
claim sin⁻¹ (x / 2) = asin(x / 2)
claim sin 2x = 2 sin x cos x
claim diff(cos 3θ, θ) = -3 sin 3θ
claim sin^2 x = sin x^2   expect wrong
`)).toEqual(['proved', 'proved', 'proved', 'proved', 'proved', 'proved', 'error']);
  });

  it("differentiates the rest of the product term after Leibniz's d/dx, as a sum sign sums it", () => {
    expect(verdicts(`given x: real
claim d/dx sin x = cos x
claim d/dx x^2 sin x + 1 = 2 x sin x + x^2 cos x + 1
claim d/dx (1/2) x^2 = x
claim d/dx (x + 1)(x - 1) = 2 x
claim d/dx x^2 sin x + 1 = 2 x sin x + 1   expect wrong
`)).toEqual(['proved', 'proved', 'proved', 'proved', 'refuted']);
    expect(verdicts('given x: real\nclaim d/dx (sin x) = cos x\n')).toEqual(['proved']);
  });
});

describe('a subscripted entry compared or maximised, (x_i > 1), (j == y_i), max(x_i, 0)', () => {
  it('is the entry x[i], never an index variable named x_i (each of these was a false refutation or an error)', () => {
    expect(verdicts(`given x: vector[n]
given z: matrix[N, C]
given y: label[N, C]
claim sum(i, (x_i > 1) x_i) = sum(i, max(x_i, 1)) - sum(i, (x_i <= 1))
claim (x_1 > 0) x_1 = max(x_1, 0)
claim sum(j, (j == y_i) z_ij) = z[i, y[i]]
claim max(j, x_j) >= x_1
claim (x_1 > 0) x_1 = max(x_1, 1)   expect wrong
`)).toEqual(['proved', 'proved', 'proved', 'verified', 'refuted']);
  });
});

describe("Lagrange's x' of a scalar definition", () => {
  it("is its derivative in the one scalar input it reads (it was the transpose, x itself: a false refutation)", () => {
    expect(verdicts(`given t, u: real
given v: vector[n]
let x = t^2
let s = v' v
claim x' = 2 t
claim x'' = 2
claim (v' v)' = s
claim x' = t   expect wrong
`)).toEqual(['proved', 'proved', 'proved', 'refuted']);
  });

  it('stays a transpose where the definition reads several inputs, none of them t, or an array (a scalar\'s transpose is itself)', () => {
    expect(verdicts("given a, u: real\ngiven v: vector[n]\nlet y = a u\nlet s = v' v\nclaim y' = a u\nclaim s' = s\n")).toEqual(['proved', 'proved']);
    // With t among scalar inputs, the prime is the derivative in time, as the mechanics books write it (probe 54).
    expect(verdicts("given t, u: real\nlet y = t u\nclaim y' = u\n")).toEqual(['proved']);
  });
});

describe("a sum sign inside Leibniz's bracket", () => {
  it('closes inside the bracket (d/dμ(Σ_i (x_i - μ)²) said "unclosed bracket")', () => {
    expect(verdicts(`given x: vector[n]
given μ: real
claim ∂/∂μ(Σ_i (x_i − μ)²) = −2 Σ_i (x_i − μ)
claim d/dμ(∑_{i=1}^{n} (x_i − μ)²) = −2 ∑_{i=1}^{n} (x_i − μ)
claim ∂/∂μ(Σ_i (x_i − μ)²) = 2 Σ_i (x_i − μ)   expect wrong
`)).toEqual(['proved', 'proved', 'refuted']);
  });
});

describe('bars around a square matrix, |Σ| and log|Σ|', () => {
  it('are its determinant where it is declared square (they were the entrywise absolute value)', () => {
    expect(verdicts(`given S: spd[2, 2]
given A: matrix[3, 3]
given z: real
given v: vector[2]
claim log|S| = logdet(S)
claim |A| = det(A)
claim |z| + ||v|| = abs(z) + norm(v)
claim |S| = 1   expect wrong
`)).toEqual(['proved', 'proved', 'proved', 'refuted']);
  });
});

describe("messages and names of the probability books", () => {
  it("B(a, b) is the beta function where nothing is named B, and g'(m)^2 of a defined g says where the bracket goes", () => {
    expect(verdicts('given a, b: positive\nclaim B(a, b) = gamma(a) gamma(b) / gamma(a + b)\n')).toEqual(['proved']);
    const d = diagnosticOf("given m, s: positive\nlet g(u) = log(u)\nclaim g'(m)^2 * s^2 = s^2 / m^2\n");
    expect(d?.message).toMatch(/^g' is read as a derivative only right before its bracket/);
  });
});

describe('a matrix times a transposed vector', () => {
  it("is a shape error, never read as the column (C' (Cx - c)' was proved equal to C' (Cx - c))", () => {
    const d = diagnosticOf("given C: matrix[m, n]\ngiven x: vector[n]\ngiven c: vector[m]\nclaim C' * (C * x - c)' = C' * (C * x - c)\n");
    expect(d?.message).toMatch(/the right operand is a row \(a transposed vector\): a matrix times a vector takes a column$/);
  });
});

describe('a variance declared σ² and written \\sigma^2 (Bishop 1.55, probe 70)', () => {
  it('reads \\sigma^2 and \\sigma^4 as σ² and its square, and 2σ² as 2 times σ², where σ itself is no name of the derivation', () => {
    expect(verdicts(`given x: vector[N]
given μ: real
given σ²: positive
let ℓ = -\\frac{N}{2} \\ln(2\\pi\\sigma^2) - \\frac{1}{2\\sigma^2}\\sum_{n=1}^N (x_n - \\mu)^2
claim \\frac{\\partial \\ell}{\\partial \\sigma^2} = -\\frac{N}{2\\sigma^2} + \\frac{1}{2\\sigma^4}\\sum_{n=1}^N (x_n - \\mu)^2
claim \\frac{\\partial \\ell}{\\partial σ²} = -\\frac{N}{2σ²} + \\frac{1}{2(σ²)^2}\\sum_{n=1}^N (x_n - \\mu)^2
claim \\frac{\\partial \\ell}{\\partial \\sigma^2} = -\\frac{N}{2\\sigma^2} + \\frac{1}{\\sigma^4}\\sum_{n=1}^N (x_n - \\mu)^2   expect wrong
`)).toEqual(['proved', 'proved', 'refuted']);
  }, 60_000);
});

describe('a name spelled theta or omega_0, written \\theta and \\omega_0 in the claims (probe 70)', () => {
  it('is the name declared, where the letter itself is not declared', () => {
    expect(verdicts(`given m, l: positive
given t: real
given theta: function
given omega_0: positive
claim \\frac{d}{dt}\\left( m l^2 \\theta'(t) \\right) = m l^2 \\theta''(t)
claim \\omega_0^2 = omega_0 * omega_0
claim \\omega_0^2 = 2 * omega_0   expect wrong
`)).toEqual(['proved', 'proved', 'refuted']);
  }, 60_000);
});

describe("Newton's dots on a function the derivation defines, at a point (probe 70)", () => {
  it('reads \\dot{x}(0) and \\ddot{x}(t) as x\'(0) and x\'\'(t)', () => {
    expect(verdicts(`given t, A, φ: real
given ω: positive
let x(t) = A\\cos(\\omega t + \\phi)
claim \\dot{x}(0) = -A\\omega\\sin\\phi
claim \\ddot{x}(t) + \\omega^2 x(t) = 0
claim \\dot{x}(0) = A\\omega\\sin\\phi   expect wrong
`)).toEqual(['proved', 'proved', 'refuted']);
  }, 60_000);
});

describe('letters written together with a size or Euler\'s e among them (probe 70)', () => {
  it('reads np as n p for a size n, and pe^t as p e^t where no e is declared', () => {
    expect(verdicts(`given n: size
given p: unit
given t: real
claim np(1 - p) = n * p * (1 - p)
claim 1 - p + pe^t = 1 - p + p * exp(t)
claim pe^t = p * exp(2 * t)   expect wrong
`)).toEqual(['proved', 'proved', 'refuted']);
  }, 60_000);
});
