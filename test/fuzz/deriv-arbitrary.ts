/**
 * fast-check arbitraries of `.deriv` files as an attacker would write them:
 * grammar-aware files (givens, lets, claims with random expressions), mutations
 * of the notes in derivations/, random token soups, deep nesting, long lines,
 * random Unicode, NUL bytes, CRLF line ends and a BOM. Each input is small, so
 * a run of 10^5 of them takes minutes; the grammar keeps most of them readable
 * far enough to reach the model and both engines.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';

const NAMES = ['t', 't', 'a', 'b', 'u', 'x[i]', 'x[k]', 'x[1]', 'x[n]', 'e', 'pi', 'h', 'n', 'x', 'σ', 'q', 'i'];
const FUNCTIONS = ['exp', 'log', 'sqrt', 'tanh', 'sigmoid', 'relu', 'abs', 'softplus', 'sin', 'cos', 'sinh', 'cosh', 'atan', 'sign', 'log1p', 'expm1'];
const BINARY = [' + ', ' - ', ' * ', ' / ', '^', ' .* ', ' ./ ', ' < ', ' >= ', ' == ', ' != ', ' − ', ' × ', ' ≠ '];
const NUMBERS = ['0', '1', '2', '0.5', '1e-7', '3', '10', '1e400', '1e-400', '0x1F', '123456789012345678901234567890', 'Infinity', '1e99999'];
const TYPES = ['real', 'positive', 'unit', 'vector[n]', 'vector[3]', 'simplex[n]', 'onehot[n]', 'label[n]', 'matrix[n, m]', 'positive[n]', 'matrix[2, 3]', 'vector[0]', 'vector[100000]',
  // Intervals, well formed and not: ends included or left out, irrational, infinite, reversed, reading an input, unclosed.
  'real in (0, pi/2)', 'real in [-1, 1]', 'real in (1, Infinity)', 'real in [0, 1e-300]', 'real in (2, 1)', 'real in [0, Infinity]', 'real in (0, t)',
  'real in (0, 1', 'vector[n] in (0, 1)', 'real in (-Infinity, 1e400)', 'real in (0, (1, 2))'];
const INDICES = ['i', 'j', 'k', '1', 'n', 'i + 1', 'n - 1', 'ii', '0'];

/** A random expression of the language, a few levels deep. */
const expression: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...NAMES),
    fc.constantFrom(...NUMBERS),
    fc.tuple(fc.constantFrom('x', 'x', 's', 'W', 'y'), fc.array(fc.constantFrom(...INDICES), { minLength: 1, maxLength: 2 }))
      .map(([name, ix]) => `${name}[${ix.join(', ')}]`),
    fc.tuple(fc.constantFrom(...FUNCTIONS), tie('e')).map(([f, a]) => `${f}(${a})`),
    fc.tuple(tie('e'), fc.constantFrom(...BINARY), tie('e')).map(([a, op, b]) => `${a}${op}${b}`),
    tie('e').map((a) => `(${a})`),
    tie('e').map((a) => `-${a}`),
    tie('e').map((a) => `${a}'`),
    fc.tuple(fc.constantFrom('i', 'j'), tie('e')).map(([i, a]) => `sum(${i}, ${a})`),
    fc.tuple(tie('e'), fc.constantFrom('x[k]', 't', 'a', 'x')).map(([a, v]) => `diff(${a}, ${v})`),
    fc.tuple(fc.constantFrom('i', 'j'), fc.constantFrom('k', 'i')).map(([a, b]) => `delta(${a}, ${b})`),
    // Integrals: bounds that are values, infinities or missing, variables declared or not, nested.
    fc.tuple(fc.constantFrom('t', 'u', 'a', 'x', 'q'), fc.constantFrom('0', '-Infinity', 't', 'a', '1e300', 'x[k]'), fc.constantFrom('1', 'Infinity', 'u', 'b', '-1', 'oo'), tie('e'))
      .map(([v, lo, hi, body]) => `integral(${v}, ${lo}, ${hi}, ${body})`),
    fc.constantFrom('sum(x)', 'mean(x)', 'softmax(x)[i]', 'W * x', "x' * x", 'max(t, 0)'),
    // Indices used as numbers: in a sum, as an exponent, free.
    fc.constantFrom('sum(i, i * x[i])', 't^(k - 1) * x[k]', 'sum(j, t^j * x[j])', 'k * x[k]', 'prod(i, i + x[i])'),
  ),
})).e;

const statement: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.tuple(fc.constantFrom('y', 'W', 'u', 'v'), fc.constantFrom(...TYPES)).map(([n, t]) => `given ${n}: ${t}`), weight: 1 },
  { arbitrary: fc.tuple(fc.constantFrom('s', 'L', 'h', 'z'), fc.constantFrom('', '', '[i]', '[i, j]'), expression).map(([n, p, e]) => `let ${n}${p} = ${e}`), weight: 2 },
  {
    arbitrary: fc.tuple(expression, fc.array(expression, { maxLength: 3 }), fc.constantFrom('', '', '   expect wrong', '   by "why"', ' by "x" expect wrong'))
      .map(([head, steps, tail]) => [`claim ${head}`, ...steps.map((s) => `  = ${s}${tail}`)].join('\n')),
    weight: 4,
  },
  { arbitrary: expression.map((e) => `claim ${e} = ${e}`), weight: 2 },
  // A function an equation defines, well formed or not, and steps that read it on its curve.
  {
    arbitrary: fc.tuple(fc.constantFrom('y(t)', 'q(t, u)', 'w', 'y(y)', 'x(t)', 'y(t', 'y(t):'), expression, expression)
      .map(([head, lhs, rhs]) => `implicit ${head}: ${lhs} = ${rhs}\nclaim diff(${head.startsWith('q') ? 'q' : 'y'}, t) = ${rhs}\nclaim ${lhs} = y'`),
    weight: 1,
  },
  { arbitrary: fc.constantFrom('source "s.txt"', 'derivation "second"\ngiven t: real', '# comment', '', '  = t', 'claim', 'given', 'let = 1'), weight: 1 },
);

/** A file built from the grammar: a header that declares the usual inputs, then random statements. */
export const grammarFile: fc.Arbitrary<string> = fc.tuple(
  fc.constantFrom(
    'derivation "fuzz"\ngiven x: vector[n]\ngiven t, u: real\ngiven a, b: positive\n',
    'derivation "fuzz"\ngiven x: vector[n]\ngiven t, u: real\ngiven a, b: positive\n',
    'derivation "fuzz"\ngiven x: simplex[3]\ngiven t, u: unit\ngiven a, b: positive\n',
    'derivation "fuzz"\n',
  ),
  fc.array(statement, { minLength: 1, maxLength: 5 }),
).map(([head, lines]) => head + lines.join('\n'));

function notes(): string[] {
  const folder = join(import.meta.dirname, '..', '..', 'derivations');
  return readdirSync(folder).filter((f) => f.endsWith('.deriv')).sort().map((f) => readFileSync(join(folder, f), 'utf8'));
}

/** One small piece of a note: a derivation block or a window of lines, so mutations stay cheap to check. */
const notePiece: fc.Arbitrary<string> = fc.tuple(fc.constantFrom(...notes()), fc.nat(), fc.integer({ min: 3, max: 14 })).map(([text, at, count]) => {
  const lines = text.split('\n');
  const starts = lines.flatMap((l, i) => (l.startsWith('derivation') ? [i] : []));
  const start = starts.length > 0 ? starts[at % starts.length] : 0;
  // The header and the givens, then a window of the lines after them.
  const block = lines.slice(start, start + 60);
  const header = block.filter((l, i) => i === 0 || /^(given|source)\b/.test(l));
  const rest = block.filter((l) => /^(let|claim|\s+=)/.test(l));
  const from = rest.length > 0 ? at % rest.length : 0;
  return [...header, ...rest.slice(from, from + count)].join('\n');
});

type Mutation = (text: string) => string;

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), fc.nat({ max: 20 })).map(([at, n]): Mutation => (t) => t.slice(0, at % (t.length + 1)) + t.slice((at % (t.length + 1)) + n)),
  fc.tuple(fc.nat(), fc.constantFrom('(', ')', '[', ']', '=', '"', "'", '#', '\n', '\u0000', '\r\n', '−', '≠', '^', ',', ' expect wrong', 'diff(', 'sum(i, ', '1e400', 'Infinity'))
    .map(([at, s]): Mutation => (t) => { const p = at % (t.length + 1); return t.slice(0, p) + s + t.slice(p); }),
  fc.tuple(fc.nat(), fc.nat({ max: 40 })).map(([at, n]): Mutation => (t) => { const p = at % (t.length + 1); return t.slice(0, p) + t.slice(p, p + n) + t.slice(p); }),
  fc.tuple(fc.nat(), fc.string({ unit: 'binary', maxLength: 6 })).map(([at, s]): Mutation => (t) => { const p = at % (t.length + 1); return t.slice(0, p) + s + t.slice(p); }),
  fc.constant<Mutation>((t) => t.replace(/\n/g, '\r\n')),
  fc.constant<Mutation>((t) => `\ufeff${t}`),
  fc.constant<Mutation>((t) => t.replace(/x\[/g, 'x[[')),
);

/** A piece of a note with a few random mutations. */
export const mutatedNote: fc.Arbitrary<string> = fc.tuple(notePiece, fc.array(mutation, { minLength: 1, maxLength: 4 }))
  .map(([text, ms]) => ms.reduce((t, m) => m(t), text));

const TOKENS = ['derivation', '"t"', 'given', 'let', 'implicit', 'claim', '=', 'x', ':', 'vector[n]', '(', ')', '[', ']', ',', '+', '*', '^', "'", 'sum', 'diff', 'i', '1', '\n', ' ', '#', 'by', 'expect', 'wrong', '"'];

/** A soup of the language's tokens in random order. */
export const tokenSoup: fc.Arbitrary<string> = fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((ts) => ts.join(' '));

/** Deep nesting and long lines: the shapes that overflow a recursive parser. */
export const deepOrLong: fc.Arbitrary<string> = fc.tuple(
  fc.constantFrom('(', 'exp(', '-', 'sum(i, ', '[', 'diff(', '2^'),
  fc.integer({ min: 1, max: 3000 }),
  fc.constantFrom(' + ', ' - ', ' * ', ' / ', '^'),
  fc.integer({ min: 1, max: 3000 }),
  fc.constantFrom('', ')', ')^2', ')^t', ')*t'),
).map(([open, depth, op, length, close]) => {
  const nested = open.repeat(depth) + 't' + close.repeat(depth);
  const long = Array(length).fill('t').join(op);
  return `derivation "deep"\ngiven t: real\ngiven x: vector[n]\nclaim ${nested} = t\nclaim ${long} = t`;
});

/** Random Unicode, sometimes behind a valid header. */
export const randomText: fc.Arbitrary<string> = fc.tuple(fc.constantFrom('', 'derivation "u"\ngiven t: real\nclaim '), fc.string({ unit: 'grapheme', maxLength: 80 }))
  .map(([head, s]) => head + s);

/** Raw bytes: invalid UTF-8, NUL bytes, a BOM. */
export const randomBytes: fc.Arbitrary<Uint8Array> = fc.tuple(
  fc.constantFrom(new Uint8Array([]), new Uint8Array([0xef, 0xbb, 0xbf]), new TextEncoder().encode('derivation "b"\ngiven t: real\nclaim t = ')),
  fc.uint8Array({ maxLength: 60 }),
).map(([a, b]) => new Uint8Array([...a, ...b]));

/** Every kind of input, weighted toward the ones that reach the engines. */
export const hostileFile: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  { arbitrary: grammarFile, weight: 5 },
  { arbitrary: mutatedNote, weight: 4 },
  { arbitrary: tokenSoup, weight: 1 },
  { arbitrary: deepOrLong, weight: 1 },
  { arbitrary: randomText, weight: 1 },
  { arbitrary: randomBytes, weight: 1 },
);
