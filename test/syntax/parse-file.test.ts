import { describe, expect, it } from 'vitest';
import { checkText, DerivationError, DerivationSyntaxError, parseDerivationFile } from '../../src/index.ts';
import { syntaxDiagnostics } from '../__test-helpers__/derivations.ts';

describe('parseDerivationFile: the statements of a file', () => {
  it('reads title, source, givens, lets, claims and steps with their lines, justifications and expect wrong', () => {
    const text = [
      '# a comment line',                                   // 1
      'derivation "softmax"   # trailing comment',          // 2
      'source "001.txt"',                                   // 3
      'given x: vector[n]',                                 // 4
      'given a, b: positive',                               // 5
      'let s[i] = exp(x[i]) / sum(j, exp(x[j]))',           // 6
      'claim diff(log(s[i]), x[k])',                        // 7
      '  = delta(i, k) - s[k]   by "log trick"',            // 8
      '  = delta(i, k) - s[k]   expect wrong',              // 9
      'claim a * b = b * a   by "commutes" expect wrong',   // 10
    ].join('\n');
    const file = parseDerivationFile(text, 'a.deriv');
    expect(file.derivations).toHaveLength(1);
    const d = file.derivations[0];
    expect(d.title).toBe('softmax');
    expect(d.source).toBe('001.txt');
    expect(d.file).toBe('a.deriv');
    expect(d.statements.map((s) => s.kind)).toEqual(['given', 'given', 'let', 'claim', 'claim']);
    const given2 = d.statements[1];
    if (given2.kind !== 'given') throw new Error('not a given');
    expect(given2.names.map((n) => n.name)).toEqual(['a', 'b']);
    expect(given2.type.name).toBe('positive');
    const claim = d.statements[3];
    if (claim.kind !== 'claim') throw new Error('not a claim');
    expect(claim.span.line).toBe(7);
    expect(claim.text).toBe('diff(log(s[i]), x[k])');
    expect(claim.steps.map((s) => [s.span.line, s.text, s.justification, s.expectWrong])).toEqual([
      [8, 'delta(i, k) - s[k]', 'log trick', false],
      [9, 'delta(i, k) - s[k]', undefined, true],
    ]);
    const oneLine = d.statements[4];
    if (oneLine.kind !== 'claim') throw new Error('not a claim');
    expect(oneLine.text).toBe('a * b');
    expect(oneLine.steps.map((s) => [s.text, s.justification, s.expectWrong])).toEqual([['b * a', 'commutes', true]]);
  });

  it('keeps the exact text of a number literal (1e-7 is not rounded)', () => {
    const d = parseDerivationFile('derivation "d"\ngiven x: real\nclaim x = x * 1e-7', 'a.deriv').derivations[0];
    const claim = d.statements[1];
    if (claim.kind !== 'claim') throw new Error('not a claim');
    const expr = claim.steps[0].expr;
    if (expr.kind !== 'binary' || expr.right.kind !== 'number') throw new Error(`unexpected tree ${expr.kind}`);
    expect(expr.right.text).toBe('1e-7');
    expect(expr.right.span).toMatchObject({ line: 3, col: 15 });
  });

  it('reads several derivations in one file', () => {
    const file = parseDerivationFile('derivation "one"\ngiven x: real\nclaim x = x\nderivation "two"\ngiven y: real\nclaim y = y\n', 'a.deriv');
    expect(file.derivations.map((d) => d.title)).toEqual(['one', 'two']);
  });
});

describe('a title or source with quotes inside (probe 84)', () => {
  it('keeps the text from the first quote to the last, and the file\'s steps with it', () => {
    const file = parseDerivationFile('derivation "the "first" (one"\nsource "Goodfellow "Deep (Learning" 10.2"\ngiven x: real\nclaim x = x\n', 'q.deriv');
    const d = file.derivations[0];
    expect(d.title).toBe('the "first" (one');
    expect(d.source).toBe('Goodfellow "Deep (Learning" 10.2');
    expect(d.statements.map((s) => s.kind)).toEqual(['given', 'claim']);
    expect(() => parseDerivationFile('derivation "q"\nsource Goodfellow\n', 'q.deriv')).toThrow(/expected source "WHERE IT CAME FROM"/);
  });
});

describe('parseDerivationFile: syntax errors with file:line:col', () => {
  it('an unclosed parenthesis at the end of the file is reported at the bracket', () => {
    // line 3 is "claim x = (x + 1": the "(" that is never closed is at col 11.
    const [d, ...rest] = syntaxDiagnostics('derivation "x"\ngiven x: real\nclaim x = (x + 1');
    expect(rest).toEqual([]);
    expect(d.code).toBe('syntax');
    expect(d.file).toBe('bad.deriv');
    expect(d.span).toMatchObject({ line: 3, col: 11, endLine: 3, endCol: 12 });
    expect(d.message).toBe("unclosed bracket '('");
    expect(d.hint).toMatch(/close it with '\)'/);
  });

  it('expect with a word other than wrong is reported at that word, not as misplaced (probe 67)', () => {
    const [d] = syntaxDiagnostics('derivation "x"\ngiven x: real\nclaim x = x expect right\n');
    expect(d.message).toBe("expect takes one word, wrong, for a step known to be a mistake; got 'right'");
    expect(d.span).toMatchObject({ line: 3, col: 20, endCol: 25 });
  });

  it('a name of infinity cannot be declared: integral(t, 0, Infinity, E) would read it as an input (probe 67)', () => {
    for (const name of ['Infinity', 'oo', 'inf']) {
      const [d] = syntaxDiagnostics(`derivation "x"\ngiven ${name}: real\nclaim 1 = 1\n`);
      expect(d.message).toBe(`'${name}' cannot be declared: it is infinity, in limits, integrals and sums`);
    }
    expect(syntaxDiagnostics('derivation "x"\nlet oo = 2\nclaim 1 = 1\n')[0].message).toMatch(/^'oo' cannot be declared/);
  });

  it('a line starting with an unknown word is reported at that word', () => {
    // "   frobnicate x": the word starts at col 4 and ends before col 14.
    const [d] = syntaxDiagnostics('derivation "x"\ngiven x: real\n   frobnicate x\n');
    expect(d.code).toBe('syntax');
    expect(d.message).toContain("'frobnicate'");
    expect(d.span).toEqual({ line: 3, col: 4, endLine: 3, endCol: 14 });
    expect(d.hint).toMatch(/given, let, implicit, claim/);
  });

  it('a step before any claim is step-without-claim, at its "="', () => {
    const [d] = syntaxDiagnostics('derivation "x"\ngiven x: real\n  = x\n');
    expect(d.code).toBe('step-without-claim');
    expect(d.span).toMatchObject({ line: 3, col: 3 });
    expect(d.hint).toMatch(/claim/);
  });

  it('a statement before any derivation line is no-derivation', () => {
    const [d] = syntaxDiagnostics('given x: real\nderivation "x"\nclaim x = x\n');
    expect(d.code).toBe('no-derivation');
    expect(d.span).toMatchObject({ line: 1, col: 1 });
    expect(d.hint).toMatch(/derivation "TITLE"/);
  });

  it('an empty file, or one of comments and blank lines only, is empty-file', () => {
    for (const text of ['', '\n\n', '# only a comment\n   \n# another\n']) {
      const diagnostics = syntaxDiagnostics(text);
      expect(diagnostics.map((d) => d.code)).toEqual(['empty-file']);
      expect(diagnostics[0].span).toBeUndefined();
    }
  });

  it('bytes that are not UTF-8 are not-text, and so are NUL bytes', () => {
    expect(syntaxDiagnostics(Buffer.from([0xff, 0xfe, 0x00])).map((d) => d.code)).toEqual(['not-text']);
    expect(syntaxDiagnostics(Buffer.from('derivation "x"\u0000\n', 'utf8')).map((d) => d.code)).toEqual(['not-text']);
  });

  it('UTF-8 bytes with a byte-order mark are read as text', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('derivation "bom"\ngiven x: real\nclaim x = x\n')]);
    expect(parseDerivationFile(bytes, 'a.deriv').derivations[0].title).toBe('bom');
  });

  it('reports every syntax error of a file at once, in order', () => {
    const text = [
      'derivation "x"',   // 1
      'given x: real',    // 2
      'foo bar',          // 3: unknown first word
      '= 3',              // 4: step without claim
      'claim x = x +',    // 5: missing operand, expected at col 14
      'baz',              // 6: unknown first word
    ].join('\n');
    let caught: unknown;
    try {
      parseDerivationFile(text, 'many.deriv');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DerivationSyntaxError);
    expect(caught).toBeInstanceOf(DerivationError);
    const error = caught as DerivationSyntaxError;
    expect(error.diagnostics).toHaveLength(4);
    expect(error.diagnostics.map((d) => [d.code, d.span?.line, d.span?.col])).toEqual([
      ['syntax', 3, 1], ['step-without-claim', 4, 1], ['syntax', 5, 14], ['syntax', 6, 1],
    ]);
    // The error's own diagnostic is the first one, and its message is file:line:col.
    expect(error.diagnostic).toBe(error.diagnostics[0]);
    expect(error.message.startsWith('many.deriv:3:1: ')).toBe(true);
  });

  it('a bad expect/by placement is a syntax error', () => {
    const [d] = syntaxDiagnostics('derivation "x"\ngiven x: real\nclaim x = x by "r" + 1\n');
    expect(d.code).toBe('syntax');
    expect(d.span?.line).toBe(3);
  });

  it('checkText reports an unreadable file as a file error, counted as unexpected, never throwing', () => {
    const report = checkText('derivation "x"\ngiven x: real\nfoo bar\n', 'bad.deriv', { seed: 1, trials: 5, sizes: [1] });
    expect(report.files[0].error).toMatchObject({ code: 'syntax', file: 'bad.deriv', span: { line: 3, col: 1 } });
    expect(report.files[0].derivations).toEqual([]);
    expect(report.summary).toEqual({ steps: 0, proved: 0, verified: 0, refuted: 0, error: 0, unexpected: 1 });
  });
});

// Regression (was test/KNOWN-FAILING.md):
it('an unclosed parenthesis in the middle of a file is reported on its own line', () => {
  const text = [
    'derivation "x"',     // 1
    'given x: real',      // 2
    'claim x = (x + 1',   // 3: the "(" at col 11 is never closed
    'claim x = x',        // 4
    '  = x',              // 5
  ].join('\n');
  const [d] = syntaxDiagnostics(text);
  expect(d.code).toBe('syntax');
  expect(d.span?.line).toBe(3);
  expect(`${d.message} ${d.hint}`).toMatch(/parenthes|\(/);
});

describe('names as the notes write them', () => {
  it('Greek letters are names in given, let and expressions alike', () => {
    const report = checkText('derivation "g"\ngiven σ: vector[n]\nlet τ[i] = exp(σ[i]) / sum(j, exp(σ[j]))\nclaim diff(log(τ[i]), σ[k]) = delta(i, k) - τ[k]\n',
      'greek.deriv', { seed: 1, trials: 10, sizes: [1, 2, 3] });
    expect(report.files[0].error).toBeNull();
    const [step] = report.files[0].derivations[0].claims[0].steps;
    expect([step.verdict, step.proof]).toEqual(['proved', 'every-n']);
  });
});

describe('a let whose body cannot be read (probe 70)', () => {
  it('makes only the steps that use it errors, not the whole file', async () => {
    const { checkText } = await import('../../src/index.ts');
    const report = checkText(`derivation "a"
given x: vector[n]
given p: unit
let L1 = ∑_{i=1}^n [ x_i ln p ]
claim p = p
claim L1 = L1
`, 'broken-let.deriv', { seed: 1, trials: 5 });
    const steps = report.files[0].derivations[0].claims.flatMap((c) => c.steps);
    expect(steps.map((s) => s.verdict)).toEqual(['proved', 'error']);
    expect(steps[1].detail.diagnostic?.message).toMatch(/in the declaration of L1/);
  });
});
