/**
 * Issue 14: files written as an attacker would. Each ends in a verdict or a
 * diagnostic with file:line:col, never an exception, an engine fault or a hang.
 */
import { execFileSync } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkFiles, checkText, renderTerminal, type CheckOptions, type Diagnostic, type StepResult } from '../../src/index.ts';
import { LIMITS } from '../../src/syntax/index.ts';
import { main } from '../../src/cli.ts';
import { deriv, FakeStream, FAST, stepsIn, stepsOf, syntaxDiagnostics, TempFolder, verdictsIn } from '../__test-helpers__/derivations.ts';

const T = 'given t: real\n';

/** The file's own error, or fails. */
function fileError(text: string, options: CheckOptions = FAST): Diagnostic {
  const error = checkText(text, 'hostile.deriv', options).files[0].error;
  if (!error) throw new Error('expected the file to be refused');
  return error;
}

function steps(text: string, options: CheckOptions = FAST): StepResult[] {
  const report = checkText(text, 'hostile.deriv', options);
  const error = report.files[0].error;
  if (error) throw new Error(`unexpected file error: ${error.code} ${error.message}`);
  return stepsOf(report);
}

const noFault = (s: StepResult) => expect(s.detail.engineFault).toBeUndefined();

describe('literals: each works as mathematics says or is refused at the literal', () => {
  it('Infinity (but as a series\' bound) and NaN are refused at the literal, as errors of their steps: the rest of the file is still checked', () => {
    const [inf, nan, fine, last] = steps(deriv(`${T}claim t + Infinity = t\nclaim t + NaN = t\nclaim t + t = 2 * t\nclaim t = Infinity`));
    expect(inf.verdict).toBe('error');
    expect(inf.detail.diagnostic).toMatchObject({ code: 'unsupported', message: 'Infinity is not a number of the derivation language', span: { line: 3, col: 11 } });
    // As a chain's last line it is the value of an infinite limit (model/infinite-limits.ts): a real t is not infinite.
    expect(last.verdict).toBe('refuted');
    expect(nan.detail.diagnostic).toMatchObject({ code: 'syntax', span: { line: 4 } });
    expect(fine.verdict).toBe('proved');
  });

  it('1e400 is the exact 10^400 and 1e-400 is not 0, though no double holds either', () => {
    const [big, compared, tiny] = steps(deriv(`${T}claim 1e400 / 10^400 = 1\nclaim (1e400 > 1e399) = 1\nclaim 1e-400 = 0 expect wrong`));
    // The exact engine decides; the numbers give 1e400 no value rather than Infinity, so never Infinity > Infinity = 0.
    for (const s of [big, compared]) {
      noFault(s);
      expect(s.verdict).toBe('proved');
    }
    expect(tiny.verdict).toBe('refuted');
  });

  it('hexadecimal and huge integers are exact', () => {
    const [hex, huge] = steps(deriv(`${T}claim 0x10 * t = 16 * t\nclaim 123456789012345678901234567890 - 123456789012345678901234567889 = 1`));
    expect(hex.verdict).toBe('proved');
    expect(huge.verdict).toBe('proved');
  });

  it('an exponent of more than four digits is a limit at the literal', () => {
    const d = fileError(deriv(`${T}claim 1e99999999 = 1`));
    expect(d).toMatchObject({ code: 'limit', span: { line: 3, col: 7 } });
    expect(d.message).toContain('1e99999999');
  });

  it('towers of powers and exp of huge literals end in a verdict, not an engine fault', () => {
    // Found by the fuzz suite: exp(k m) is exp(m)^k, and k was 1.2e29 or Infinity.
    for (const claim of ['10^(10^10) = 1', '2^2^2^2^2^2 = 0', '2^1e400 = 0', 'sigmoid(123456789012345678901234567890) = 1', 'cosh(1e400) = 0', 'exp(-1e400) = 1']) {
      const [s] = steps(deriv(`${T}claim ${claim}`));
      noFault(s);
      expect(s.detail.diagnostic?.span?.line ?? 3).toBe(3);
    }
  });
});

describe('size: length and nesting are bounded without native recursion', () => {
  it('4,000 terms on one line are proved', () => {
    const [s] = steps(deriv(`${T}claim ${Array(4000).fill('t').join(' + ')} = 4000 * t`));
    expect(s.verdict).toBe('proved');
  }, 60_000);

  it('a long chain of - reads as written, and past the depth limit is a limit diagnostic', () => {
    const [ok] = steps(deriv(`${T}claim ${Array(200).fill('t').join(' - ')} = -198 * t`));
    expect(ok.verdict).toBe('proved');
    const d = fileError(deriv(`${T}claim ${Array(2000).fill('t').join(' - ')} = t`));
    expect(d).toMatchObject({ code: 'limit', span: { line: 3, col: 7 } });
  }, 60_000);

  it('brackets nested past the limit are refused at the first bracket too deep', () => {
    const depth = LIMITS.bracketDepth + 1;
    const d = fileError(deriv(`${T}claim ${'('.repeat(depth)}t${')'.repeat(depth)} = t`));
    expect(d).toMatchObject({ code: 'limit', span: { line: 3, col: 7 + LIMITS.bracketDepth } });
    const calls = fileError(deriv(`${T}claim ${'exp('.repeat(3000)}t${')'.repeat(3000)} = t`));
    expect(calls.code).toBe('limit');
  });

  it('unary signs nested deeply are a limit, not a stack overflow', () => {
    const d = fileError(deriv(`${T}claim ${'-'.repeat(20000)}t = t`));
    expect(d.code).toBe('limit');
  });

  it('many derivations in one file share one inlining budget beside their own', () => {
    // Some 200,000 nodes each (every level of lets copied where used), within a derivation's 250,000: the eleventh copy
    // passes the file's 2,000,000.
    const lets = Array.from({ length: 16 }, (_, i) => `let a${i + 1} = a${i} + a${i}`).join('\n');
    const one = `derivation "d"\n${T}let a0 = t\n${lets}\nclaim a16 = 65536 * t\n`;
    expect(steps(one)[0].verdict).toBe('proved');
    const codes = steps(one.repeat(20)).map((s) => s.detail.diagnostic?.code);
    expect(codes.slice(0, 10).every((c) => c === undefined)).toBe(true);
    expect(codes).toContain('limit');
  }, 120_000);

  it('a line of 60,000 rewritten operators or bars (≠, |t|, t²) is mapped in one pass, not quadratically', () => {
    // Each rewrite once rebuilt the whole source map: 60,000 of them on one line hung for minutes.
    for (const body of [' + (t ≠ t)'.repeat(60_000), ' + |t|'.repeat(60_000), '²'.repeat(60_000)]) {
      const started = Date.now();
      const report = checkText(deriv(`${T}claim t = t${body}`), 'h.deriv', FAST);
      // Refused at a limit (a file's terms, an expression's depth), in seconds.
      expect(report.summary.unexpected).toBe(1);
      expect(Date.now() - started).toBeLessThan(30_000);
    }
  }, 60_000);

  it('doubling lets (a billion laughs) are refused at the use that passes the inlining limit', () => {
    const lets = Array.from({ length: 20 }, (_, i) => `let a${i + 1} = a${i} + a${i}`).join('\n');
    // The broken let makes the claim that uses it an error, with the let's diagnostic.
    const d = steps(deriv(`${T}let a0 = t\n${lets}\nclaim a20 = 1048576 * t`))[0].detail.diagnostic!;
    expect(d.code).toBe('limit');
    expect(d.message).toMatch(/^inlining a\d+ here passes/);
    expect(d.span?.line).toBeGreaterThan(3);
  }, 60_000);

  it('a 12-layer residual composition ends in a verdict, not "Invalid string length"', () => {
    const layers = Array.from({ length: 12 }, (_, k) => `let h${k + 1} = h${k} + tanh(h${k})`).join('\n');
    const [s] = steps(deriv(`${T}let h0 = t\n${layers}\nclaim diff(h12, t) = 1`), { ...FAST, trials: 10, budget: { maxWork: 300_000 } });
    noFault(s);
    expect(s.verdict).toBe('refuted');
  }, 60_000);

  it('powers of powers 190 deep (t^(2^190)) end in a verdict, not a RangeError', () => {
    const [s] = steps(deriv(`${T}claim ${'-('.repeat(190)}t${')^2'.repeat(190)} = 1`));
    noFault(s);
    expect(s.verdict).toBe('refuted');
  }, 60_000);

  it('seven nested diffs end in a verdict, not an exponential numeric run', () => {
    let e = 'exp(t)';
    for (let k = 0; k < 7; k++) e = `diff(${e}, t)`;
    const [s] = steps(deriv(`${T}claim ${e} = exp(t)`));
    noFault(s);
  });

  it('a fixed size past the limit is refused at the size, before anything is allocated', () => {
    for (const size of ['1000000', '99999999999999999999']) {
      const d = fileError(deriv(`given x: vector[${size}]\nclaim x[1] = x[1]`));
      expect(d).toMatchObject({ code: 'limit', span: { line: 2, col: 17 } });
    }
  });

  it('a file of more names and numbers than the limit is refused', () => {
    const line = `claim ${Array(1000).fill('t').join(' + ')} = 1000 * t`;
    const d = fileError(deriv(`${T}${Array(Math.ceil(LIMITS.fileTerms / 1000) + 1).fill(line).join('\n')}`));
    expect(d.code).toBe('limit');
  });
});

describe('brackets and Unicode operators', () => {
  it('an unclosed bracket before many continuation lines is reported at the bracket', () => {
    const [step] = steps(deriv(`${T}claim (t + 1\n${'  + t\n'.repeat(3000)}  = t`));
    expect(step.detail.diagnostic).toMatchObject({ code: 'syntax', message: "unclosed bracket '('", span: { line: 3, col: 7 } });
  });

  it('a stray or mismatched bracket is reported where it is', () => {
    expect(syntaxDiagnostics(deriv(`${T}claim t) = t`))[0]).toMatchObject({ message: "')' closes no bracket", span: { line: 3, col: 8 } });
    expect(syntaxDiagnostics(deriv(`${T}claim exp(t] = t`))[0]).toMatchObject({ span: { line: 3, col: 10 } });
  });

  it('−, ×, · and ≠ read as -, *, * and !=, with columns as written', () => {
    const [minus, neq] = steps(deriv(`${T}claim t − 0 × 1 · t = t\nclaim (t ≠ 0) + (t == 0) = 1`));
    expect(minus.verdict).toBe('proved');
    expect(neq.verdict).toBe('proved');
    // The unknown name after a ≠ is reported at its own column: the ≠ counts as one character.
    const d = steps(deriv(`${T}claim (t ≠ q) = 1`))[0].detail.diagnostic;
    expect(d).toMatchObject({ code: 'unknown-name', span: { line: 3, col: 12 } });
  });

  it('quoted text keeps its Unicode: a title with − is not rewritten', () => {
    const report = checkText('derivation "a − b"\ngiven t: real\nclaim t = t', 'u.deriv', FAST);
    expect(report.files[0].derivations[0].title).toBe('a − b');
  });
});

describe('every claim accounted for', () => {
  it('a claim with no step is an error at its line', () => {
    const [s] = steps(deriv(`${T}claim t^2 expect wrong`));
    expect(s.verdict).toBe('error');
    expect(s.detail.diagnostic).toMatchObject({ code: 'syntax', message: 'a claim needs at least one `= ...` step', span: { line: 3, col: 1 } });
    expect(checkText(deriv(`${T}claim t^2`), 'x.deriv', FAST).summary.unexpected).toBe(1);
  });

  it('an unknown name in a claim with no step is still reported', () => {
    const [s] = steps(deriv(`${T}claim t^2 + zzz`));
    expect(s.detail.diagnostic).toMatchObject({ code: 'unknown-name', span: { line: 3, col: 13 } });
  });

  it('a typo\'d index in a let is reported at the index', () => {
    const d = steps(deriv('given x: vector[n]\nlet l = x[ii]\nclaim l = l'))[0].detail.diagnostic!;
    expect(d).toMatchObject({ code: 'index-range', span: { line: 3, col: 11 } });
    expect(d.message).toContain('ii');
  });
});

describe('files are regular files', () => {
  const folder = new TempFolder();
  afterAll(() => folder.remove());

  it('a FIFO and a symlink to /dev/zero are io errors; a symlink to a file is read', () => {
    const ok = folder.file('ok.deriv', deriv(`${T}claim t = t`));
    execFileSync('mkfifo', [join(folder.path, 'pipe.deriv')]);
    symlinkSync('/dev/zero', join(folder.path, 'zero.deriv'));
    symlinkSync(ok, join(folder.path, 'link.deriv'));
    const report = checkFiles([folder.path], FAST);
    const byName = new Map(report.files.map((f) => [f.path.slice(folder.path.length + 1), f]));
    expect(byName.get('pipe.deriv')?.error).toMatchObject({ code: 'io', message: 'not a regular file (a FIFO): only regular files are read' });
    expect(byName.get('zero.deriv')?.error).toMatchObject({ code: 'io', message: 'not a regular file (a device): only regular files are read' });
    expect(byName.get('link.deriv')?.error).toBeNull();
    expect(byName.get('ok.deriv')?.error).toBeNull();
  });

  it('a file larger than the limit is refused before it is read', () => {
    const path = folder.file('big.deriv', `${deriv(`${T}claim t = t`)}\n${'#'.repeat(LIMITS.fileBytes)}`);
    const [file] = checkFiles([path], FAST).files;
    expect(file.error).toMatchObject({ code: 'limit' });
  });
});

describe('command-line limits', () => {
  const run = (...args: string[]) => {
    const out = new FakeStream();
    const err = new FakeStream();
    return { code: main(args, out.stream, err.stream), err: err.text };
  };

  it('--sizes 100000 is refused before anything is allocated', () => {
    const { code, err } = run('check', 'derivations/', '--sizes', '100000');
    expect(code).toBe(2);
    expect(err).toContain('--sizes must be a comma-separated list of sizes from 1 to 10000');
  });

  it('--timeout takes whole seconds from 1 to a day', () => {
    for (const bad of ['0', '1.5', 'soon', '86401']) {
      const { code, err } = run('check', 'derivations/', '--timeout', bad);
      expect(code).toBe(2);
      expect(err).toContain(`--timeout must be a whole number from 1 to 86400, got '${bad}'`);
    }
  });

  it('a run within --timeout ends normally', () => {
    const folder = new TempFolder();
    try {
      const path = folder.file('ok.deriv', deriv(`${T}claim t + t = 2 * t`));
      expect(run('check', path, '--timeout', '600', '--seed', '1', '--trials', '5').code).toBe(0);
    } finally {
      folder.remove();
    }
  });
});

describe('arrays written out and listed variables are bounded', () => {
  it('a 3000-entry array or a 20-variable Hessian is an error of its step, at once', () => {
    const long = `[${Array(3000).fill('t').join(', ')}]`;
    const many = `hessian(t, [${Array(20).fill('t').join(', ')}])`;
    const [array, hessian, fine] = steps(deriv(`${T}claim ${long} = ${long}\nclaim ${many} = 0\nclaim [t, 2 * t] = [t, t + t]`));
    expect(array.detail.diagnostic).toMatchObject({ code: 'limit', message: 'an array written out has at most 32 entries a row, got 3000' });
    expect(hessian.detail.diagnostic).toMatchObject({ code: 'limit', message: expect.stringContaining('at most 8 variables, got 20') });
    expect(fine.verdict).toBe('proved');
  });
});

describe('abstract functions nested deep are bounded', () => {
  it('f(f(...f(t)...)) twelve deep is an error of its step at once (the numbers read each level through a member holding its argument five times)', () => {
    const deep = `${'f('.repeat(12)}t${')'.repeat(12)}`;
    const [step, fine] = steps(deriv(`given f: function\n${T}claim diff(${deep}, t) = 0\nclaim diff(f(f(t)), t) = f'(f(t)) * f'(t)`));
    expect(step.detail.diagnostic).toMatchObject({ code: 'limit', message: 'abstract functions nest more than 4 deep here' });
    expect(fine.verdict).toBe('proved');
  });
});

describe('long written-out sums and products (round 5, families D and E)', () => {
  it('a sum of a million terms ends in a verdict, not a stack overflow; the same product of 300 factors on both sides at once', () => {
    const [million, product] = steps(deriv(`${T}claim sum(k, 1, 1000000, t) = 1000000 * t\nclaim prod(k, 1, 300, 1 + t / k^2) = prod(k, 1, 300, 1 + t / k^2)\n`));
    noFault(million);
    expect(million.verdict).toBe('proved');
    // It ran into the 120 s wall-clock guard, the polynomial of degree 300 written out twice.
    expect(product.verdict).toBe('proved');
  }, 60_000);
});

describe('a derivative that grows past a million terms written out (round 5, family F)', () => {
  it('Rodrigues for P10, ten derivatives of (x^2 - 1)^10, ends in a verdict, not minutes and 3.9 GB; P8 is still proved', () => {
    const [p10, p8] = steps(deriv(`${T}claim diff(diff((t^2 - 1)^10, t, t, t, t, t), t, t, t, t, t) / (2^10 * factorial(10)) = (46189 * t^10 - 109395 * t^8 + 90090 * t^6 - 30030 * t^4 + 3465 * t^2 - 63) / 256
claim diff((t^2 - 1)^8, t, t, t, t, t, t, t, t) / (2^8 * factorial(8)) = (6435 * t^8 - 12012 * t^6 + 6930 * t^4 - 1260 * t^2 + 35) / 128
`));
    // It ran for five minutes and took 3.9 GB; then it was refused by the limit of 1,000,000 terms written out.
    // Since the power rule stops at x^0 (no 0 * x^(-1) terms), it is under that limit, and the numbers verify it
    // (ten nested finite differences, some 20 s).
    expect(p10.verdict).toBe('verified');
    expect(p8.verdict).toBe('proved');
  }, 180_000);
});

describe('an inequality claim (ninth probe)', () => {
  it('is a bound checked as written, once the language holds inequality chains', () => {
    expect(stepsIn('given x: real\nclaim (x^2 + 1) / 2 >= x\n').map((s) => [s.relation, s.verdict])).toEqual([['>=', 'verified']]);
  });

  it('in parentheses, with no step, is an error that says how to write a bound', () => {
    const [s] = stepsIn('given x: real\nclaim ((x^2 + 1) / 2 >= x)\n');
    expect(s.detail.diagnostic).toMatchObject({ code: 'syntax', message: 'a claim needs at least one `= ...` step (a comparison in parentheses is a 0/1 value)' });
    expect(s.detail.diagnostic?.hint).toContain('claim (x^2 + 1) / 2 >= x');
  });
});

describe('limits and indefinite integrals as the ninth probe wrote them', () => {
  it('a limit of a positive variable from both sides is an error that says what to write, and an indefinite integral is checked', () => {
    const steps = stepsIn('given x: positive\nclaim limit(sin(x) / x, x, 0) = 1\nclaim integrate(2 * x, x) = x^2\n');
    expect(steps[0].detail.diagnostic?.message).toBe('x is positive, and a limit from both sides moves it below its point');
    expect(steps[0].detail.diagnostic?.hint).toBe('declare given x: real, or take the limit from above: limit(E, h, a, right)');
    // An indefinite integral is checked by its lines' derivatives (model/indefinite-integrals.ts).
    expect(steps[1].verdict).toBe('proved');
  });
});

describe('calls the language does not hold (argmin, expm, kron)', () => {
  it('are errors that say what they are and what to write, not unknown functions', () => {
    const steps = stepsIn('given x: vector[n]\ngiven A: matrix[n, n]\nclaim argmin(x) = 1\nclaim expm(A) = A\nclaim kron(A, A) = A\n');
    expect(steps.map((s) => s.detail.diagnostic?.message)).toEqual([
      'argmin: an optimum over a variable is not part of the derivation language',
      'expm: the matrix exponential is not part of the derivation language',
      'kron: the Kronecker product is not part of the derivation language',
    ]);
    expect(steps[0].detail.diagnostic?.hint).toContain('subs(grad(L, w), w, W_STAR) = 0');
  });
});

describe("Leibniz's dσ/da in ASCII (ninth probe's messages)", () => {
  it('reads dL/da as the derivative of a declared L, dσ/da (PRML 4.88) as that of σ(a), and says how to write dσ in a product', () => {
    const steps = stepsIn('given a: real\ngiven v: vector[n]\nlet L = sigmoid(a)^2\nclaim dσ/da = sigmoid(a) * (1 - sigmoid(a))\nclaim dL/da = 2 * L * (1 - sigmoid(a))\nclaim dL/dv = 0\nclaim 2 dσ/da = 1\n');
    expect(steps.map((s) => s.verdict)).toEqual(['proved', 'proved', 'error', 'error']);
    expect(steps[3].detail.diagnostic?.hint).toBe("Leibniz's dσ/dx is read as a fraction over a scalar input x, right after its / (not as a part of a product): write diff(sigmoid(x), x)");
    expect(steps[2].detail.diagnostic?.hint).toMatch(/^Leibniz's dL\/dx in ASCII is read as a derivative over a scalar input x only/);
  });
});

describe('a product of one-letter names written together, 2xy', () => {
  it('is the product where each letter is a declared value, and otherwise one unknown name with a hint', () => {
    const [product, withSize, undeclared] = stepsIn('given x, y: real\ngiven v: vector[n]\nclaim 2xy = 2 * x * y\nclaim xn = x * n\nclaim xz = x * y\n');
    expect(product.verdict).toBe('proved');
    // A size is a value too (np, the binomial mean; probe 70).
    expect(withSize.verdict).toBe('proved');
    expect(undeclared.detail.diagnostic).toMatchObject({ message: "unknown name 'xz'" });
  });
});

describe('a slash before a product written without *, x^2/2 sin(x)', () => {
  it('is refused, since math.js divides by the whole product and a book often means the fraction times the rest', () => {
    const [power, norm, fraction, bracketed] = stepsIn('given x: real\ngiven w: vector[n]\ngiven l: positive\nclaim x^2/2 sin(x) = 1\nclaim l/2 ‖w‖² = 1\nclaim 1/2 x = x / 2\nclaim (l / 2) ‖w‖² = l * norm(w)^2 / 2\n');
    expect(power.detail.diagnostic).toMatchObject({
      message: "'x ^ 2 / 2 sin(x)' may mean (x ^ 2 / 2) sin(x) or x ^ 2 / (2 sin(x))", span: { line: 5, col: 7 },
      hint: 'write the bracket that says which: (x ^ 2 / 2) * sin(x), or x ^ 2 / (2 * sin(x))',
    });
    expect(norm.detail.diagnostic?.message).toContain('may mean (l / 2) norm(w) ^ 2 or l / (2 norm(w) ^ 2)');
    // A number over a number before a name is the fraction times it, in math.js as in print.
    expect(fraction.verdict).toBe('proved');
    expect(bracketed.verdict).toBe('proved');
  });
});

describe("an array's name, a space, then a bracket", () => {
  it('is a product, as for a scalar: X (Xw - y)', () => {
    expect(verdictsIn('given X: matrix[N, D]\ngiven w: vector[D]\ngiven y: vector[N]\nclaim grad(norm(X w - y)^2, w) = 2 X^T (X w - y)\nclaim X (w) = X * w\n')).toEqual(['proved', 'proved']);
  });
});

describe("numpy's np.dot and two vectors side by side (tenth probe, W3)", () => {
  it('reads np.dot and np.matmul as the product of the language, and refuses σ(z)(1 - σ(z)) of a vector, which may be entrywise or dotted', () => {
    expect(verdictsIn('given X: matrix[N, D]\ngiven w: vector[D]\ngiven t: vector[N]\nclaim grad(norm(X * w - t)^2 / 2, w) = np.dot(X.T, X @ w - t)\nclaim X * w = np.dot(X, w)\nclaim X\' * X = np.matmul(X.T, X)\n'))
      .toEqual(['proved', 'proved', 'proved']);
    const [sideBySide, named, dotted] = stepsIn("given z: vector[n]\nclaim grad(sum(σ(z)), z) = σ(z)(1 - σ(z))\nclaim sum(z .* z) = z (z)\nclaim sum(z .* z) = z' z\n");
    expect(sideBySide.detail.diagnostic).toMatchObject({ code: 'shape', message: expect.stringContaining('two vectors side by side'), hint: expect.stringContaining('.* ') });
    // A vector's name, a space, then a bracket is a product side by side too.
    expect(named.detail.diagnostic?.message).toContain('two vectors side by side');
    // A row before a column is the dot product as written: z' z.
    expect(dotted.verdict).toBe('proved');
  });
});

describe("numpy's * beside its @", () => {
  it('is the entrywise product on that side of the =, as in the pasted code (CS231n attention)', () => {
    expect(verdictsIn(`given Q, K: matrix[T, d]
given V, dO: matrix[T, e]
let A = softmax(Q * K' / sqrt(d))
let La = sum(dO .* (A * V))
claim grad(La, Q) = (A * (dO @ V.T - (A * (dO @ V.T)).sum(-1, keepdims=True))) @ K / sqrt(d)
claim grad(La, V) = A.T @ dO
claim grad(La, V) = 2 * A.T @ dO   expect wrong
`)).toEqual(['proved', 'proved', 'refuted']);
  }, 120_000);
});

describe('long products and huge bounds written as numbers (eleventh probe)', () => {
  it('prod(k, 1, 100000, k) = factorial(100000) ends at once, unsettled, not after minutes of exact multiplication', () => {
    const t0 = Date.now();
    const [product, huge, small] = steps(deriv(`${T}claim prod(k, 1, 100000, k) = factorial(100000)
claim factorial(1000000) = factorial(1000000)
claim prod(k, 1, 30, k) = factorial(30)
`));
    // Past what is computed, n! has a value still: the message says it could not be settled, not that it has none.
    // (The product, which reads no input, is read in 60 digits once and settles; the step's factorial does not.)
    expect(product.verdict).toBe('error');
    expect(product.detail.diagnostic?.message).toMatch(/could settle it|could double precision or the high-precision evaluation settle the step/);
    expect(product.detail.diagnostic?.message).not.toMatch(/has no value on any input/);
    noFault(product);
    // The same value on both sides is equal whatever its size: proved by the exact engines, the numbers noted as unable.
    expect(huge.verdict).toBe('proved');
    expect(huge.method).toMatch(/not confirmed by numbers/);
    expect(small.verdict).toBe('proved');
    expect(Date.now() - t0).toBeLessThan(60_000);
  }, 120_000);

  it('a bound past a million terms is a limit that says so, not "a dimension or a whole number"', () => {
    const [step] = steps(deriv(`${T}claim sum(k, 1, 1000000000, t^k) = t\n`));
    expect(step.detail.diagnostic).toMatchObject({
      code: 'limit', message: 'a sum written out has at most 1,000,000 terms; its upper bound 1000000000 is past that',
      hint: expect.stringContaining('given n: size'),
    });
  });
});

describe("the names of JavaScript's object prototype, and huge literal indices (eleventh probe)", () => {
  it('toString(x), valueOf(x) and np.toString(x) are unknown functions with a message, not "undefined"', () => {
    for (const step of steps(deriv(`${T}claim toString(t) = t\nclaim valueOf(t) = t\nclaim hasOwnProperty(t) = t\nclaim np.toString(t) = t\n`))) {
      expect(step.detail.diagnostic).toMatchObject({ code: 'unknown-function', message: expect.stringMatching(/^unknown function '(toString|valueOf|hasOwnProperty)'$/) });
    }
  });

  it('x[4294967296] and x[99999999999999999999] are limits at the index, not 8 GB or an engine fault', () => {
    for (const index of ['4294967296', '99999999999999999999']) {
      const error = fileError(deriv(`given x: vector[n]\nclaim x[${index}] = 0\n`));
      expect(error).toMatchObject({ code: 'limit', message: expect.stringContaining('is larger than 1000, the largest size an array can have'), span: { line: 3, col: 9 } });
    }
  });
});

describe('a wrong gradient at a large fixed size (eleventh probe)', () => {
  it('is refuted in seconds, with the entries compared said, and its report does not write the inputs out', () => {
    const t0 = Date.now();
    const report = checkText(deriv(`given x: vector[300]\ngiven A: matrix[300, 300]\nclaim grad(x' * A * x, x) = 2 * A * x   expect wrong\n`), 'hostile.deriv', { seed: 1 });
    const [step] = stepsOf(report);
    expect(step.verdict).toBe('refuted');
    expect(step.method).toMatch(/of the 300 entries/);
    expect(Date.now() - t0).toBeLessThan(100_000);
    const text = renderTerminal(report, { color: false });
    expect(text).toMatch(/\.\.\. 89987 more \.\.\./);
    expect(text.length).toBeLessThan(20_000);
  }, 120_000);
});

describe('characters that look like the language\'s own but are not (probe 58)', () => {
  it('names a Cyrillic lookalike, a full-width digit and an invisible space, where each stands, and says what to write', () => {
    const [cyrillic, fullWidth, invisible] = steps(`derivation "lookalikes"
given x: real
claim x + \u0430 = x
claim x + \uff12 = x + 2
claim x\u200b * 1 + 1 = 1 + x
`).map((s) => s.detail.diagnostic);
    expect(cyrillic?.message).toBe("cannot read the expression: it holds the Cyrillic '\u0430' (U+0430), drawn as the Latin 'a'");
    expect(cyrillic?.hint).toBe("retype it as 'a'");
    expect(cyrillic?.span?.col).toBe(11);
    expect(fullWidth?.message).toContain("a full-width '\uff12' (U+FF12)");
    expect(fullWidth?.hint).toBe("write '2'");
    expect(invisible?.message).toContain('a zero-width space (U+200B), invisible');
    expect(invisible?.span?.col).toBe(8);
  });
});

describe('a let used above its declaration (probe 58)', () => {
  it('says where the name is defined and that two lets defined through each other define nothing, not "unknown name"', () => {
    const [step] = steps(`derivation "cycle"
given x: real
let a = b + 1
let b = a + 1
claim a = b
`);
    expect(step.verdict).toBe('error');
    expect(step.detail.diagnostic?.message).toMatch(/^'b' is defined below, by the let on line 4: a name can be used only below its let/);
    expect(step.detail.diagnostic?.hint).toContain('move let b above this line');
  });
});

describe('an error that comes through a long chain of lets (probe 58)', () => {
  it('names the one declaration this expression uses and how many it came through, not each of them', () => {
    const lets = Array.from({ length: 60 }, (_, i) => `let a${i + 1} = ${i === 0 ? 'undeclared_name' : `a${i}`} + 1`).join('\n');
    const [step] = steps(`derivation "chain"\ngiven x: real\n${lets}\nclaim a60 = x\n`);
    const message = step.detail.diagnostic?.message ?? '';
    expect(message).toMatch(/^unknown name 'undeclared_name' \(in the declaration of a60, which this expression uses, through 59 others\)$/);
  });
});
