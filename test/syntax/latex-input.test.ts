import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SourceMap } from '../../src/syntax/index.ts';
import { fromLatex } from '../../src/syntax/latex-input.ts';
import { checkText } from '../../src/index.ts';
import { deriv, FAST, stepsIn, verdictsIn } from '../__test-helpers__/derivations.ts';

const read = (text: string) => fromLatex(text, SourceMap.single('t.deriv', 1, 1)).text;
const verdicts = (body: string) => stepsIn(body).map((s) => s.verdict);

describe('LaTeX as a transcription gives it', () => {
  it('is read as the plain notation', () => {
    expect(read('\\frac{a}{b} + \\frac12')).toBe('((a)/(b)) + ((1)/(2))');
    expect(read('\\sqrt{x} + \\sqrt[3]{x} + \\sqrt[4]{x}')).toBe('sqrt(x) + cbrt(x) + (x)^(1/(4))');
    expect(read('\\frac{\\partial \\ell}{\\partial w_{ij}} = \\frac{d}{dx} f(x)')).toBe('\u2202\u2113/\u2202w_ij = d/dx f(x)');
    expect(read('\\sigma(z) \\cdot (1 - \\sigma(z))')).toBe('\u03c3(z)  * (1 - \u03c3(z))');
    expect(read('\\left( x \\right)^2 + \\left\\| v \\right\\| + \\left. x \\right|')).toBe('( x )^2 + \u2016 v \u2016 +  x |');
    expect(read('\\sum_{i=1}^{n} x_i \\le \\infty')).toBe('\u2211_{i=1}^{n} x_i  <= \u221e');
    expect(read('\\sin x + \\log\\left(x\\right) + \\exp(x)')).toBe('sin x + log(x) + exp(x)');
    expect(read('\\hat{y} + \\mathbf{x}^\\top W + A^{T}')).toBe("y\u0302 + x' W + A'");
    expect(read('\\int_0^1 x \\, dx')).toBe('\u222b_0^1 x   dx');
  });

  it('leaves quoted text and a line without commands as written', () => {
    expect(read('x^2 by "\\frac{a}{b}"')).toBe('x^2 by "\\frac{a}{b}"');
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('x', '{', '}', '(', ')', ' ', '^', '_', '1', '+', '/') }), (text) => {
      expect(read(text)).toBe(text);
    }), { numRuns: 300, seed: 5 });
  });

  it('never throws, whatever the commands and braces', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('\\frac', '\\sqrt', '\\left', '\\hat', '[', ']', '{', '}', 'x', ' ', '\\', '\\foo', '_', '^', '\\top', '"') }), (text) => {
      expect(typeof read(text)).toBe('string');
    }), { numRuns: 500, seed: 6 });
  });

  it('is checked as its plain form would be, slips refuted', () => {
    expect(verdicts(`given x: vector[N]
given t: onehot[N]
given z: real
let s_i = \\frac{e^{x_i}}{\\sum_{j=1}^{N} e^{x_j}}
claim \\frac{\\partial s_i}{\\partial x_k} = s_i (\\delta_{ik} - s_k)
claim \\frac{\\partial}{\\partial x_k} \\left( -\\sum_{i} t_i \\log s_i \\right) = s_k - t_k
claim \\frac{d}{dz} \\sigma(z) = \\sigma(z) \\cdot (1 - \\sigma(z))
claim \\frac{\\partial^2}{\\partial z \\partial x_k} \\left( z^2 x_k^3 \\right) = 6 z x_k^2
claim \\int_0^1 z^2 \\, dz = \\frac{1}{3}
claim \\tanh(z) = \\frac{e^{z} - e^{-z}}{e^{z} + e^{-z}}
claim \\frac{d}{dz} \\sigma(z) = \\sigma(z)^2   expect wrong
claim \\frac{\\partial s_i}{\\partial x_k} = s_i (1 - s_k)   expect wrong
`)).toEqual(['proved', 'proved', 'proved', 'proved', 'proved', 'proved', 'refuted', 'refuted']);
  });

  it('says which command it does not read, at its column, in the step that holds it', () => {
    const [bad, good] = stepsIn('given z: real\nclaim \\foo{z} + \\frac{1}{2} = 1\nclaim \\frac{z}{2} = z / 2\n');
    expect(bad.verdict).toBe('error');
    expect(bad.detail.diagnostic).toMatchObject({ message: 'the LaTeX command \\foo is not read', span: { line: 3, col: 7 } });
    expect(bad.detail.diagnostic?.hint).toContain('\\frac');
    expect(good.verdict).toBe('proved');
  });

  it('keeps the columns: an unknown name after LaTeX is reported where it is written', () => {
    const [step] = stepsIn('given z: real\nclaim \\frac{z}{2} + q = 1\n');
    expect(step.detail.diagnostic).toMatchObject({ code: 'unknown-name', span: { line: 3, col: 21 } });
  });
});

describe('integrals and limits as books print them', () => {
  it('∫_a^b E dx, ∫ E dx and lim_{x→a} E are the integral, the antiderivative and the limit', () => {
    expect(verdicts(`given x: real
given a: positive
claim ∫_0^1 x^2 dx = 1/3
claim ∫_0^∞ e^{-a t} dt = 1/a
claim ∫ x cos x dx = x sin x + cos x + C
claim lim_{x→0} (1 - cos x)/x^2 = 1/2
claim lim_{t→0^+} t log(t) = 0
claim lim_{n -> ∞} (1 + a/n)^n = exp(a)
claim ∫ x cos x dx = x sin x - cos x + C   expect wrong
claim ∫_0^1 x^2 dx = 1/2   expect wrong
`)).toEqual(['proved', 'proved', 'proved', 'proved', 'verified', 'proved', 'refuted', 'refuted']);
  });
});

describe('hostile LaTeX and notation', () => {
  it('ends in a clear error, never a stack trace or exponential work', () => {
    const deep = (n: number) => checkText(deriv(`given x: real\nclaim ${'\\frac{1}{'.repeat(n)}x${'}'.repeat(n)} = 1\n`), 't.deriv', FAST).files[0];
    expect(deep(300).error?.message).toBe('braces nest more than 200 deep');
    // 150 levels read once each (reading each twice was 2^150 work): their brackets are then too deep.
    const fraction = deep(150);
    expect(fraction.error?.message ?? fraction.derivations[0].claims[0].steps[0].detail.diagnostic?.message).toMatch(/nest more than 200 deep/);
    const [integral, limit] = stepsIn('given x: real\nclaim ∫_0^1 x^2 = 1/3\nclaim lim_{x→} x = 0\n');
    expect(integral.detail.diagnostic?.message).toMatch(/^an integral sign is read with its differential/);
    expect(limit.detail.diagnostic?.message).toMatch(/^a limit is read with its variable/);
  });
});

describe('the chain rule as notes write it', () => {
  it('∂ℓ/∂σ ∂σ/∂x is two fractions (not ∂ℓ/∂σ∂σ), dL/dY dY/dx too, and ∂/∂x_i y_k the derivative of y_k', () => {
    expect(verdicts(`given x: real
given w: real
let y = sin(w x)
let L = y^2
claim \\frac{\\partial L}{\\partial y} \\frac{\\partial y}{\\partial w} = 2 y x cos(w x)
claim ∂L/∂y ∂y/∂w = ∂L/∂w
claim \\frac{dL}{dy} \\frac{dy}{dw} = 2 y x cos(w x)
claim \\frac{\\partial}{\\partial w} y = x cos(w x)
claim \\sum_{k=1}^{3} \\frac{\\partial}{\\partial w} (k w) = 6
claim \\boxed{\\frac{\\partial L}{\\partial w}} = 2 y x cos(w x)
claim ∂L/∂y ∂y/∂w = 2 y cos(w x)   expect wrong
`)).toEqual(['proved', 'proved', 'proved', 'proved', 'proved', 'proved', 'refuted']);
  });

  it('keeps a name that starts like a sum (sum_sq) a name', () => {
    expect(verdicts('given sum_sq: positive\nclaim sum_sq + 1 > sum_sq\n')).toEqual(['proved']);
  });
});

describe('a bracketed superscript, a^{(2)}', () => {
  it('is refused as a label (a layer, a sample), never read as a power', () => {
    const [label, power] = stepsIn('given z: real\nclaim z^{(2)} = z^2\nclaim z^{2} + z^(2) = 2 z^2\n');
    expect(label.detail.diagnostic).toMatchObject({ message: 'a superscript in brackets, ^{(2)}, is a label (a layer, a sample, the order of a derivative), not a power', span: { line: 3, col: 8 } });
    expect(power.verdict).toBe('proved');
  });
});

describe('more of what papers and notes print', () => {
  it('reads ∏ with its index, log ∏, ∂/∂w before a sum, W_1j and δ_i1, tanh^{-1}, and capitalised functions (ReLU, Softmax)', () => {
    expect(verdicts(`given p: simplex[n]
given W: matrix[m, n]
given x: vector[n]
given y: real
claim \\log \\prod_{i=1}^{n} p_i = \\sum_{i=1}^{n} \\log p_i
claim \\frac{\\partial}{\\partial W_{ij}} \\sum_{k} W_{1k} x_k = \\delta_{i1} x_j
claim \\tanh^{-1}(y/2) = atanh(y/2)
claim \\max(0, y) = \\operatorname{ReLU}(y)
claim \\operatorname{Softmax}(x)_i = softmax(x)_i
claim \\frac{\\partial}{\\partial W_{ij}} \\sum_{k} W_{1k} x_k = \\delta_{i2} x_j   expect wrong
`)).toEqual(['proved', 'proved', 'proved', 'proved', 'proved', 'refuted']);
  });

  it('says where a ∂ could not be read, rather than calling it an unknown name', () => {
    const [step] = stepsIn('given w, x: real\nclaim ∂ w x^2 = x^2\n');
    expect(step.detail.diagnostic?.message).toMatch(/^Leibniz's ∂ is read in a fraction of names/);
  });
});

describe('\\binom and floors', () => {
  it('are binomial, floor and ceil', () => {
    expect(verdicts(`given n: size
given x: real
claim \\sum_{k=0}^{n} \\binom{n}{k} = 2^n
claim \\lfloor x \\rfloor <= x
claim \\lceil x \\rceil >= x
claim \\sum_{k=0}^{n} \\binom{n}{k} = 2^{n+1}   expect wrong
`)).toEqual(['proved', 'proved', 'proved', 'refuted']);
  });
});

describe('LaTeX names written against each other', () => {
  it('stay apart: 2\\sin x\\cos x, x\\alpha, \\log_e x', () => {
    expect(read('2\\sin x\\cos x')).toBe('2 sin x cos x');
    expect(read('x\\alpha + w_\\alpha')).toBe('x \u03b1 + w_\u03b1');
    expect(verdicts('given x: positive\nclaim 2\\sin x\\cos x = \\sin 2x\nclaim \\log_e x = \\ln x\n')).toEqual(['proved', 'proved']);
  });

  it('reads a sized square bracket as a grouping one: \\left[ ... \\right], \\Big[ ... \\Big] (probe 41)', () => {
    expect(read('\\frac{1}{2}\\left[1 - x\\right]')).toContain('(1 - x)');
    // After a name it stays: an expectation's bracket, an entry.
    expect(read('\\mathbb{E}_{t \\sim p}\\left[ t^2 \\right] + x_i\\left[2\\right]')).toMatch(/\[ t\^2 \] \+ x_i\[2\]$/);
    expect(read('\\frac{1}{2}\\left[1 - E\\left[x\\right]\\right]')).toContain('(1 - E[x])');
    // A list inside is a vector written out.
    expect(read('g = \\left[ 2 x, 2 y \\right]')).toContain('[ 2 x, 2 y ]');
    expect(verdicts('given b, e: positive\nclaim \\frac{1}{2}\\left[1 - \\tanh\\frac{b e}{2}\\right] = 1 / (exp(b * e) + 1)\nclaim \\Big[1 + b\\Big]^2 = (1 + b)^2\n')).toEqual(['proved', 'proved']);
  });
});

describe("the fundamental theorem's bracket and the evaluation bar (probe 45)", () => {
  it('reads [F]_a^b and F|_a^b as F(b) - F(a), and F|_{x=3} as F at 3; [W x]_i^2 stays an entry squared', () => {
    expect(read('\\left[ \\frac{x^3}{3} \\right]_0^1')).toBe('between( ((x^3)/(3)) , 0, 1)');
    expect(read('\\Big[ x^2 \\Big]_{x=0}^{2}')).toBe('between( x^2 , x, 0, 2)');
    expect(read('\\left. \\frac{d}{dx} x^2 \\right|_{x=3}')).toBe('subs( d/dx x^2 , x, 3)');
    expect(read('\\left[ W x \\right]_i^2')).toBe('( W x )_i^2');
  });

  it('checks an integral through its antiderivative as Stewart prints it, and refutes a slip in the antiderivative', () => {
    expect(verdicts(`given a: positive
claim \\int_0^1 x^2 \\, dx = \\left[ \\frac{x^3}{3} \\right]_0^1
claim \\int_0^1 x^2 \\, dx = \\left[ \\frac{x^3}{2} \\right]_0^1   expect wrong
claim \\int_0^{a} e^{-t} \\, dt = \\left. -e^{-t} \\right|_{0}^{a}
claim \\left. \\frac{d}{dx} x^3 \\right|_{x=2} = 12
claim \\left. \\frac{d}{dx} x^3 \\right|_{x=2} = 8   expect wrong
`)).toEqual(['proved', 'refuted', 'proved', 'proved', 'refuted']);
  }, 60_000);

  it('reads a sized bar with no \\left. before it as the point of the expression since its side began (probe 73)', () => {
    expect(read('\\frac{d}{dt} \\sigma(t) \\Big|_{t=0}')).toBe('subs(d/dt σ(t) , t, 0)');
    expect(read('\\Big| x \\Big|')).toBe('| x |');
    expect(verdicts(`given t: real
claim \\frac{d}{dt} \\sigma(t) \\Big|_{t=0} = \\frac{1}{4}
claim \\frac{d}{dt} \\sigma(t) \\bigg|_{t=0} = \\frac{1}{2}   expect wrong
claim \\frac{1}{4} = \\frac{d}{dt} \\sigma(t) \\Big|_{t=0}
`)).toEqual(['proved', 'refuted', 'proved']);
  });

  it('asks for the variable where the bracket reads two', () => {
    const [step] = stepsIn('given a, b: real\nclaim \\left[ a b \\right]_0^1 = 0\n');
    expect(step.verdict).toBe('error');
    expect(step.detail.diagnostic?.message).toContain('which one takes the bounds');
  });
});


describe('ODE, mechanics and vector calculus as printed (probes 49 and 50)', () => {
  it('reads a coefficient against Leibniz, an accent against a letter, a phase of Greek letters, matrices and determinants', () => {
    expect(read('2\\frac{d}{dt}\\left(t^2\\right)')).toBe('2 d/dt(t^2)');
    expect(read('m\\ddot{x} + kx')).toBe('m x\u0308 + kx');
    expect(read('\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}')).toBe('([[1, 2], [3, 4]])');
    expect(read('\\begin{bmatrix} x \\\\ y \\end{bmatrix}')).toBe('([x, y])');
    expect(read('\\begin{vmatrix} a & b \\\\ c & d \\\\ \\end{vmatrix}')).toBe('det([[a, b], [c, d]])');
    expect(read('\\det \\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}')).toBe('det([[a, b], [c, d]])');
  });

  it('checks such steps, and refutes their slips', () => {
    expect(verdicts(`given t: real
given m, k, \\omega: positive
given x, \\ddot{x}, A: real
claim 2\\frac{d}{dt}\\left(t^2\\right) = 4t
claim \\frac{d^2}{dt^2}\\left(e^{-t}\\cos 2t\\right) + 2\\frac{d}{dt}\\left(e^{-t}\\cos 2t\\right) + 5 e^{-t}\\cos 2t = 0
claim m\\ddot{x} + kx = m \\ddot{x} + k x
claim \\frac{d^2}{dt^2} \\left( A \\cos \\omega t \\right) = -\\omega^2 A \\cos \\omega t
claim \\frac{d^2}{dt^2} \\left( A \\cos \\omega t \\right) = \\omega^2 A \\cos \\omega t   expect wrong
claim \\begin{vmatrix} e^{t} & e^{2t} \\\\ e^{t} & 2e^{2t} \\end{vmatrix} = e^{3t}
claim \\begin{vmatrix} e^{t} & e^{2t} \\\\ e^{t} & 2e^{2t} \\end{vmatrix} = 2 e^{3t}   expect wrong
claim \\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix} \\begin{pmatrix} 1 \\\\ 1 \\end{pmatrix} = [3, 7]
claim \\det \\begin{pmatrix} \\cos t & -\\sin t \\\\ \\sin t & \\cos t \\end{pmatrix} = 1
`)).toEqual(['proved', 'proved', 'proved', 'proved', 'refuted', 'proved', 'refuted', 'proved', 'proved']);
  }, 60_000);

  it("reads Stewart's Jacobian of a change of variables, ∂(x, y)/∂(r, θ), as its determinant", () => {
    expect(read('\\frac{\\partial(x, y)}{\\partial(r, \\theta)}')).toBe('det(jacobian([x, y], [r, θ]))');
    expect(verdicts(`given r, \\rho: positive
given \\theta, \\phi: real
let x = r \\cos \\theta
let y = r \\sin \\theta
let X = \\rho \\sin \\phi \\cos \\theta
let Y = \\rho \\sin \\phi \\sin \\theta
let Z = \\rho \\cos \\phi
claim \\frac{\\partial(x, y)}{\\partial(r, \\theta)} = r
claim \\frac{\\partial(x, y)}{\\partial(r, \\theta)} = r^2   expect wrong
claim \\frac{\\partial(X, Y, Z)}{\\partial(\\rho, \\theta, \\phi)} = -\\rho^2 \\sin \\phi
claim \\frac{\\partial(X, Y, Z)}{\\partial(\\rho, \\theta, \\phi)} = \\rho^2 \\sin \\phi   expect wrong
`)).toEqual(['proved', 'refuted', 'proved', 'refuted']);
  }, 60_000);

  it('keeps the space after a closing delimiter before a word: \\rangle expect wrong marks the step (probe 50 rerun)', () => {
    expect(verdicts(`given x, y: real
claim [x, 1] = \\langle x, 2 \\rangle expect wrong
claim \\left\\| [x, y] \\right\\| = sqrt(x^2 + y^2)   by "the norm"
`)).toEqual(['refuted', 'proved']);
  });

  it('keeps Latin letters side by side after a function an error, as before: sin x y may be sin(x) y', () => {
    const [step] = stepsIn('given x, y: real\nclaim \\sin x y = sin(x * y)\n');
    expect(step.verdict).toBe('error');
  });
});

describe('the Matrix Cookbook and PRML as printed (probe 70)', () => {
  it('sets a letter in a font apart from the one before it, as TeX does, but keeps \\mathrm{d}x a differential', () => {
    expect(read('\\mathbf{X}^T\\mathbf{X}')).toBe('X^T X');
    expect(read('\\mathbf{a}\\mathbf{b}^T')).toBe('a b^T');
    expect(read('\\lambda\\mathbf{w}')).toBe('\u03bb w');
    expect(read('\\mathbf{A}\\mathbf{X}^{-1}\\mathbf{B}')).toBe('A X^{-1} B');
    expect(read('\\int f(x)\\,\\mathrm{d}x')).toBe('\u222bf(x) dx');
  });

  it('reads a square bracket after a sum\'s limits as the summand\'s bracket, and after a power as a factor', () => {
    expect(read('\\sum_{i=1}^n \\left[ x_i \\right]')).toBe('\u2211_{i=1}^n ( x_i )');
    expect(read('\\sum^{n}_{i=1} \\left[ x_i \\right]')).toBe('\u2211^{n}_{i=1} ( x_i )');
    expect(read('x^2 \\left[ 1 + x \\right]')).toBe('x^2 ( 1 + x )');
    expect(read('\\mathbb{E}_{x \\sim p}\\left[ x^2 \\right]')).toBe('E_{x  ~ p}[ x^2 ]');
  });

  it('checks the Cookbook\'s identities written so: an outer product, a trace of an inverse, X^T X', () => {
    expect(verdicts(`given a, b: vector[n]
given X: matrix[n, n]
claim \\frac{\\partial \\mathbf{a}^T \\mathbf{X} \\mathbf{b}}{\\partial \\mathbf{X}} = \\mathbf{a}\\mathbf{b}^T
claim \\frac{\\partial \\mathbf{a}^T \\mathbf{X}^T \\mathbf{b}}{\\partial \\mathbf{X}} = \\mathbf{b}\\mathbf{a}^T
claim \\frac{\\partial \\mathbf{a}^T \\mathbf{X} \\mathbf{b}}{\\partial \\mathbf{X}} = \\mathbf{b}\\mathbf{a}^T   expect wrong
`)).toEqual(['proved', 'proved', 'refuted']);
  }, 60_000);

  it('reads \\det without brackets, as \\sin x is read', () => {
    expect(verdicts(`given A: matrix[2, 2]
claim \\det \\mathbf{A} = A[1, 1] A[2, 2] - A[1, 2] A[2, 1]
claim \\frac{1}{\\det A} = 1 / det(A)
`)).toEqual(['proved', 'proved']);
  });
});

describe('the Cookbook\'s derivative operators (probe 70)', () => {
  it('reads ∂/∂x before a norm\'s bars, and the Hessian ∂²/∂x∂x^T', () => {
    expect(verdicts(`given x: vector[n]
given A: matrix[n, n]
claim \\frac{\\partial}{\\partial \\mathbf{x}}\\|\\mathbf{x}\\|_2^2 = 2\\mathbf{x}
claim \\frac{\\partial^2 \\mathbf{x}^T\\mathbf{A}\\mathbf{x}}{\\partial\\mathbf{x}\\partial\\mathbf{x}^T} = A + A^T
claim \\frac{\\partial^2 \\mathbf{x}^T\\mathbf{A}\\mathbf{x}}{\\partial\\mathbf{x}\\partial\\mathbf{x}^T} = 2 A   expect wrong
`)).toEqual(['proved', 'proved', 'refuted']);
  }, 60_000);
});

describe('\\det before Stewart\'s Jacobian fraction (probe 70)', () => {
  it('is the determinant the fraction already is: a scalar is its own determinant', () => {
    expect(verdicts(`given ρ, φ, θ: real
claim \\det\\left(\\frac{\\partial(\\rho\\sin\\phi\\cos\\theta, \\rho\\sin\\phi\\sin\\theta, \\rho\\cos\\phi)}{\\partial(\\rho, \\phi, \\theta)}\\right) = \\rho^2 \\sin\\phi
claim \\det\\left(\\frac{\\partial(\\rho\\sin\\phi\\cos\\theta, \\rho\\sin\\phi\\sin\\theta, \\rho\\cos\\phi)}{\\partial(\\rho, \\phi, \\theta)}\\right) = \\rho \\sin\\phi   expect wrong
`)).toEqual(['proved', 'refuted']);
  }, 60_000);
});

describe('a calculus book\'s typesetting around the formula (probe 80)', () => {
  it('reads \\limits after \\sum, \\int and \\lim, Σ_{k ≥ 1} as a series, \\log_a x as the log to base a, and drops a formula\'s final period and a side condition', () => {
    expect(verdicts(String.raw`given x: real
given a, y: positive
claim \sum\limits_{k=0}^{\infty} \frac{1}{2^k} = 2
claim \int\limits_0^1 x^2 \, dx = \frac{1}{3}
claim \lim\limits_{x \to 0} \frac{\sin x}{x} = 1
claim \sum_{k \ge 1} \frac{1}{k^2} = \frac{\pi^2}{6}
claim \sum_{k > 0} \frac{1}{2^k} = 1
claim \sum_{k \geq 1} \frac{1}{k^2} = \frac{\pi^2}{4}   expect wrong
claim \frac{d}{dy} \log_a y = \frac{1}{y \ln a}
claim \log_{a}(x^2 + 1) = \frac{\ln(x^2 + 1)}{\ln a}
claim \frac{d}{dy} \log_a y = \frac{1}{y}   expect wrong
claim \frac{d}{dx} \arctan x = \frac{1}{1 + x^2} \quad (x \in \mathbb{R})
claim \frac{d}{dx} e^{2x} = 2 e^{2x} .
claim \frac{d}{dx} e^{2x} = e^{2x},   expect wrong
`)).toEqual(['proved', 'proved', 'proved', 'proved', 'proved', 'refuted', 'proved', 'proved', 'refuted', 'proved', 'proved', 'refuted']);
  }, 60_000);
});

describe('TeX\'s one-token subscripts and \\mid (probe 82)', () => {
  it('reads x_1x_2 and \\gamma_{k}x_k as products of subscripted names, and \\mid in a density as its bar', () => {
    expect(read('2\\alpha x_1x_2')).toBe('2 α x_1 x_2');
    // A plain line keeps its subscripts as written (w_ij is an entry): only a LaTeX line is read as TeX sets it.
    expect(read('2x_1x_2')).toBe('2x_1x_2');
    expect(read('\\gamma_{mk}x_m')).toBe('\u03b3_mk x_m');
    expect(verdicts(String.raw`given x: vector[2]
given μ: real
given σ: positive
given t: real
claim \frac{\partial}{\partial x_1} x_1^2 x_2 = 2x_1x_2
claim \frac{\partial}{\partial x_1} x_1^2 x_2 = x_1x_2   expect wrong
claim \mathcal{N}(t \mid \mu, \sigma^2) = \frac{1}{\sqrt{2\pi\sigma^2}} \exp\left(-\frac{(t - \mu)^2}{2\sigma^2}\right)
`)).toEqual(['proved', 'refuted', 'proved']);
  }, 60_000);
});

describe('an evaluation bar at a vector, as MML and Bishop set it (probe 82)', () => {
  it('reads \\left. ... \\right|_{\\mathbf{w} = ...} after ∇ as the gradient at that vector, \\mathbf{0} as the zero vector', () => {
    expect(verdicts(String.raw`given \mathbf{X}: matrix[N, D]
given \mathbf{y}: vector[N]
given \mathbf{w}: vector[D]
claim \left.\nabla_{\mathbf{w}} \|\mathbf{X}\mathbf{w} - \mathbf{y}\|^2\right|_{\mathbf{w} = (\mathbf{X}^\top\mathbf{X})^{-1}\mathbf{X}^\top\mathbf{y}} = \mathbf{0}
claim \left.\nabla_{\mathbf{w}} \|\mathbf{X}\mathbf{w} - \mathbf{y}\|^2\right|_{\mathbf{w} = \mathbf{0}} = -2 \mathbf{X}^\top \mathbf{y}
claim \left.\nabla_{\mathbf{w}} \|\mathbf{X}\mathbf{w} - \mathbf{y}\|^2\right|_{\mathbf{w} = \mathbf{0}} = \mathbf{0}   expect wrong
`)).toEqual(['proved', 'proved', 'refuted']);
  }, 60_000);

  it('makes a step the rest of whose line is unreadable an error of that step, not of the file', () => {
    const report = checkText(deriv(`given x: real
claim diff(x^2, x) = 2x
claim diff(x^3, x) = 3 x^2   expect wrong 5
claim diff(x^4, x) = 4 x^3
`), 'bar.deriv', { ...FAST });
    const verdictsOf = report.files[0].derivations.flatMap((d) => d.claims.flatMap((c) => c.steps.map((s) => s.verdict)));
    expect(report.files[0].error).toBeNull();
    expect(verdictsOf).toEqual(['proved', 'error', 'proved']);
  }, 60_000);
});

describe('Leibniz\'s operator before a transposed bracket and the product after it (probe 82: Bishop\'s weighted least squares)', () => {
  it('differentiates the whole product (x - A s)^T W (x - A s), not the first bracket alone', () => {
    expect(verdicts(String.raw`given \mathbf{x}: vector[m]
given \mathbf{s}: vector[n]
given \mathbf{A}: matrix[m, n]
given \mathbf{W}: symmetric[m, m]
claim \frac{\partial}{\partial \mathbf{s}} (\mathbf{x} - \mathbf{A}\mathbf{s})^\top \mathbf{W} (\mathbf{x} - \mathbf{A}\mathbf{s}) = -2\mathbf{A}^\top\mathbf{W}(\mathbf{x} - \mathbf{A}\mathbf{s})
claim \frac{\partial}{\partial \mathbf{s}} (\mathbf{x} - \mathbf{A}\mathbf{s})^\top \mathbf{W} (\mathbf{x} - \mathbf{A}\mathbf{s}) = -\mathbf{A}^\top\mathbf{W}(\mathbf{x} - \mathbf{A}\mathbf{s})   expect wrong
`)).toEqual(['proved', 'refuted']);
  }, 60_000);
});

describe('\\equiv, \\triangleq and ≡ (probe 82: the LaTeX command \\equiv was not read, and its line refused)', () => {
  it('are a step like =; a name they define is defined by the first step (claim-definitions.ts)', () => {
    const steps = stepsIn(`given a: real
claim \\delta \\equiv \\frac{d}{da}\\tanh(a) = 1 - \\tanh(a)^2
claim diff(tanh(a), a) ≡ 1 + tanh(a)^2   expect wrong
claim \\frac{d}{da}\\tanh(a) \\triangleq 1 - \\tanh(a)^2
`);
    expect(steps.map((s) => s.verdict)).toEqual(['proved', 'proved', 'refuted', 'proved']);
    expect(steps[0].method).toMatch(/^definition: δ is declared nowhere else/);
  });
});

describe('a shape said after a step, \\in \\mathbb{R}^{1 \\times D} (probe 82: MML 9.2.1 was refused for \\in)', () => {
  it('is the book\'s prose, not part of the step; a relation after it stays', () => {
    expect(verdicts(`given \\mathbf{X}: matrix[N, D]
given \\mathbf{y}: vector[N]
given \\boldsymbol\\theta: vector[D]
claim \\frac{\\mathrm{d}}{\\mathrm{d}\\boldsymbol\\theta} \\frac{1}{2}\\|\\mathbf{y} - \\mathbf{X}\\boldsymbol\\theta\\|^2 = -\\mathbf{y}^\\top\\mathbf{X} + \\boldsymbol\\theta^\\top\\mathbf{X}^\\top\\mathbf{X} \\in \\mathbb{R}^{1\\times D}
claim \\frac{\\mathrm{d}}{\\mathrm{d}\\boldsymbol\\theta} \\frac{1}{2}\\|\\mathbf{y} - \\mathbf{X}\\boldsymbol\\theta\\|^2 = \\mathbf{y}^\\top\\mathbf{X} - \\boldsymbol\\theta^\\top\\mathbf{X}^\\top\\mathbf{X} \\in \\mathbb{R}^{1\\times D}   expect wrong
`)).toEqual(['proved', 'refuted']);
  });
});

describe('\\hbar (probe 90: an unknown command)', () => {
  it('is the name hbar, as physics books write Planck\'s reduced constant, beside a Greek letter or a name', () => {
    expect(verdictsIn(`given w, hbar, omega: positive
claim \\frac{1}{2} \\hbar w = \\frac{\\hbar w}{2}
claim \\hbar\\omega = hbar omega
claim \\hslash \\omega = 2 hbar omega   expect wrong
`)).toEqual(['proved', 'proved', 'refuted']);
  });
});
