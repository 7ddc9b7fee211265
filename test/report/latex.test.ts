import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import katex from 'katex';
import { readFileSync, readdirSync } from 'node:fs';
import type { BinaryOp, Expr, NameExpr } from '../../src/syntax/ast.ts';
import { parseDerivationFile, parseExpression, SourceMap } from '../../src/syntax/index.ts';
import { FUNCTION_FORMS } from '../../src/model/function-forms.ts';
import { FUNCTION_RENDERERS, stepToLatex, toLatex } from '../../src/report/latex/index.ts';

// ---- building expressions by hand (the parser is written elsewhere) ----

const S = { line: 1, col: 1, endLine: 1, endCol: 1 };
type E = Expr | string;
/** A string is a number when it starts with a digit, else a name. */
const ex = (x: E): Expr =>
  typeof x !== 'string'
    ? x
    : /^[0-9.]/.test(x)
      ? { kind: 'number', text: x, value: Number(x), span: S }
      : { kind: 'name', name: x, span: S };
const nm = (name: string): NameExpr => ({ kind: 'name', name, span: S });
const ix = (target: string, ...indices: E[]): Expr => ({ kind: 'index', target: nm(target), indices: indices.map(ex), span: S });
const call = (name: string, ...args: E[]): Expr => ({ kind: 'call', name, nameSpan: S, args: args.map(ex), span: S });
const bin = (op: BinaryOp, left: E, right: E): Expr => ({ kind: 'binary', op, left: ex(left), right: ex(right), span: S });
const neg = (arg: E): Expr => ({ kind: 'unary', op: '-', arg: ex(arg), span: S });
const tr = (arg: E): Expr => ({ kind: 'transpose', arg: ex(arg), span: S });

const tex = (x: E): string => toLatex(ex(x));

const softmax = bin('/', call('exp', ix('x', 'i')), call('sum', 'j', call('exp', ix('x', 'j'))));

describe('toLatex: names and indices', () => {
  it.each<[string, E, string]>([
    ['single letter', 'x', 'x'],
    ['multi-letter name', 'dZ2', '\\mathrm{dZ2}'],
    ['name with digits kept as written', 'W2', '\\mathrm{W2}'],
    ['greek', 'sigma', '\\sigma'],
    ['capital greek', 'Delta', '\\Delta'],
    ['pi', 'pi', '\\pi'],
    ['e', 'e', 'e'],
    ['underscore', 'x_1', 'x_{1}'],
    ['underscore, word subscript', 'W_out', 'W_{out}'],
    ['underscore, greek subscript', 'x_alpha', 'x_{\\alpha}'],
    ['nested underscores', 'a_b_c', 'a_{b_{c}}'],
    ['x[i]', ix('x', 'i'), 'x_i'],
    ['x[n]', ix('s', 'n'), 's_n'],
    ['x[i + 1]', ix('x', bin('+', 'i', '1')), 'x_{i + 1}'],
    ['A[i, j]', ix('A', 'i', 'j'), 'A_{ij}'],
    ['A[i, j + 1]', ix('A', 'i', bin('+', 'j', '1')), 'A_{i,j + 1}'],
    ['x[10]', ix('x', '10'), 'x_{10}'],
    ['sigma[i]', ix('sigma', 'i'), '\\sigma_i'],
    ['dZ2[i]', ix('dZ2', 'i'), '\\mathrm{dZ2}_i'],
    ['x_1[i] merges the subscripts', ix('x_1', 'i'), 'x_{1,i}'],
  ])('%s', (_label, e, expected) => {
    expect(tex(e)).toBe(expected);
  });
});

describe('toLatex: numbers', () => {
  it.each<[string, string]>([
    ['2', '2'],
    ['0.5', '0.5'],
    ['1e-7', '1 \\times 10^{-7}'],
    ['2.5E+3', '2.5 \\times 10^{3}'],
  ])('%s', (text, expected) => {
    expect(tex(text)).toBe(expected);
  });

  it('a scientific number is parenthesized as a base', () => {
    expect(tex(bin('^', '1e-7', '2'))).toBe('\\left(1 \\times 10^{-7}\\right)^{2}');
  });
});

describe('toLatex: functions', () => {
  it.each<[string, Expr, string]>([
    ['softmax', softmax, '\\frac{e^{x_i}}{\\sum_{j} e^{x_j}}'],
    ['exp', call('exp', neg('x')), 'e^{-x}'],
    ['log of an atom', call('log', ix('s', 'i')), '\\log s_i'],
    ['log of a compound', call('log', call('sum', 'j', call('exp', ix('x', 'j')))), '\\log\\left(\\sum_{j} e^{x_j}\\right)'],
    ['log with a base', call('log', 'x', '2'), '\\log_{2} x'],
    ['sqrt', call('sqrt', bin('+', 'a', 'b')), '\\sqrt{a + b}'],
    ['tanh', call('tanh', 'x'), '\\tanh x'],
    ['sin of a product', call('sin', bin('*', '2', 'x')), '\\sin\\left(2 x\\right)'],
    ['cos', call('cos', 'pi'), '\\cos \\pi'],
    ['sigmoid', call('sigmoid', ix('z', 'i')), '\\sigma\\left(z_i\\right)'],
    ['softplus', call('softplus', 'x'), '\\operatorname{softplus}\\left(x\\right)'],
    ['relu', call('relu', 'x'), '\\operatorname{relu}\\left(x\\right)'],
    ['abs', call('abs', neg('x')), '\\left|-x\\right|'],
    ['max', call('max', 'a', 'b', '0'), '\\max\\left(a, b, 0\\right)'],
    ['min', call('min', 'a', 'b'), '\\min\\left(a, b\\right)'],
    ['delta', call('delta', 'i', 'k'), '\\delta_{ik}'],
    ['delta, long index', call('delta', 'i', bin('+', 'k', '1')), '\\delta_{i,k + 1}'],
    ['sum', call('sum', 'j', call('exp', ix('x', 'j'))), '\\sum_{j} e^{x_j}'],
    ['sum of a difference', call('sum', 'i', bin('-', ix('y', 'i'), ix('s', 'i'))), '\\sum_{i} \\left(y_i - s_i\\right)'],
    ['sum of a negation', call('sum', 'j', neg(ix('x', 'j'))), '\\sum_{j} \\left(-x_j\\right)'],
    ['unknown function', call('foo', 'a', 'b'), '\\operatorname{foo}\\left(a, b\\right)'],
    ['unknown function with underscore', call('log_b', 'a'), '\\operatorname{log\\_b}\\left(a\\right)'],
    ['known function, wrong arity', call('exp', 'a', 'b'), '\\operatorname{exp}\\left(a, b\\right)'],
    ['an abstract function, in italics', call('f', 'x'), 'f\\left(x\\right)'],
    ["its derivatives in Lagrange's notation", call("g''", call('f', 'x')), "g''\\left(f\\left(x\\right)\\right)"],
    ['its fourth derivative', call("f''''", 'x'), 'f^{(4)}\\left(x\\right)'],
    ['a factorial', call('factorial', bin('+', 'n', '1')), '\\left(n + 1\\right)!'],
    ['a binomial coefficient', call('nchoosek', 'n', 'k'), '\\binom{n}{k}'],
    ['a series', call('sum', 'k', '0', 'Infinity', bin('^', 'x', 'k')), '\\sum_{k=0}^{\\infty} x^{k}'],
    ['a value at a point', call('subs', call('f', 'x'), 'x', '2'), '\\left.f\\left(x\\right)\\right|_{x = 2}'],
    ['a limit from above', call('limit', 'x', '0', call('sqrt', 'x'), 'right'), '\\lim_{x \\to 0^{+}} \\sqrt{x}'],
    ["a limit in SymPy's order", call('limit', bin('/', call('sin', 'x'), 'x'), 'x', 'Infinity'), '\\lim_{x \\to \\infty} \\frac{\\sin x}{x}'],
    ['the gamma family', call('polygamma', '1', call('gamma', 'x')), '\\psi^{(1)}\\left(\\Gamma\\left(x\\right)\\right)'],
  ])('%s', (_label, e, expected) => {
    expect(toLatex(e)).toBe(expected);
  });

  it('the function table has one entry per function of the language', () => {
    expect(Object.keys(FUNCTION_RENDERERS).sort()).toEqual(
      ['Phi', 'abs', 'adj', 'adjugate', 'asin', 'at', 'asinh', 'atan', 'atan2', 'binomial', 'ceil', 'cos', 'cosh', 'delta', 'det', 'diag', 'diff', 'digamma', 'dot', 'erf', 'erfc', 'erfinv', 'exp', 'expm1', 'eye', 'factorial', 'floor', 'gamma', 'int', 'integral', 'integrate', 'inv', 'jacobian', 'lgamma', 'lim', 'limit', 'log', 'log1p', 'E', 'expectation', 'expect', 'Var', 'variance',
        'log_softmax', 'logdet', 'logsoftmax', 'logsumexp', 'max', 'mean', 'min', 'norm', 'phi', 'polygamma', 'prod', 'relu', 'sech', 'sigmoid', 'sign', 'sin', 'sinh', 'softplus', 'sqrt', 'subs', 'sum',
        'tanh', 'tr', 'where', 'matmul', ...Object.keys(FUNCTION_FORMS)].sort(),
    );
  });
});

describe('toLatex: integrals', () => {
  it.each<[string, Expr, string]>([
    ['integral(t, 0, x, E)', call('integral', 't', '0', 'x', call('exp', 't')), '\\int_{0}^{x} e^{t} \\, dt'],
    ["SymPy's integrate(E, t, a, b), an infinite bound", call('integrate', bin('+', 't', '1'), 't', 'a', 'Infinity'), '\\int_{a}^{\\infty} \\left(t + 1\\right) \\, dt'],
  ])('%s', (_, expr, tex) => {
    expect(toLatex(expr)).toBe(tex);
  });
});

describe('toLatex: derivatives', () => {
  it.each<[string, Expr, string]>([
    ['dlog s_i / dx_k', call('diff', call('log', ix('s', 'i')), ix('x', 'k')), '\\frac{\\partial \\log s_i}{\\partial x_k}'],
    ['dL / dsigma_i', call('diff', 'l', ix('sigma', 'i')), '\\frac{\\partial l}{\\partial \\sigma_i}'],
    ['of a sum', call('diff', call('sum', 'j', call('exp', ix('x', 'j'))), ix('x', 'k')), '\\frac{\\partial \\sum_{j} e^{x_j}}{\\partial x_k}'],
    ['of a long expression', call('diff', bin('-', ix('x', 'i'), 'c'), ix('x', 'k')), '\\frac{\\partial}{\\partial x_k}\\left(x_i - c\\right)'],
    ['of a quotient', call('diff', softmax, ix('x', 'k')), '\\frac{\\partial}{\\partial x_k}\\left(\\frac{e^{x_i}}{\\sum_{j} e^{x_j}}\\right)'],
    ['second, mixed', call('diff', call('diff', 'F', 'v'), 'w'), '\\frac{\\partial^{2} F}{\\partial w \\partial v}'],
    ['second, same variable', call('diff', call('diff', 'F', ix('x', 'k')), ix('x', 'k')), '\\frac{\\partial^{2} F}{\\partial x_k^{2}}'],
    ["SymPy's order, diff(F, x, 2)", call('diff', 'F', 'x', '2'), '\\frac{\\partial^{2} F}{\\partial x^{2}}'],
    ['orders of two variables, diff(F, x, 2, y)', call('diff', 'F', 'x', '2', 'y'), '\\frac{\\partial^{3} F}{\\partial y \\partial x^{2}}'],
    ['order 0 is F itself', call('diff', 'F', 'x', '0'), 'F'],
    ['second, long', call('diff', call('diff', bin('*', 'a', 'b'), 'v'), 'v'), '\\frac{\\partial^{2}}{\\partial v^{2}}\\left(a b\\right)'],
  ])('%s', (_label, e, expected) => {
    expect(toLatex(e)).toBe(expected);
  });
});

describe('toLatex: operators', () => {
  it.each<[string, Expr, string]>([
    ['s - y', bin('-', 's', 'y'), 's - y'],
    ['delta - s_k', bin('-', call('delta', 'i', 'k'), ix('s', 'k')), '\\delta_{ik} - s_k'],
    ['cross-entropy', neg(call('sum', 'i', bin('*', ix('y', 'i'), call('log', ix('s', 'i'))))), '-\\sum_{i} y_i \\log s_i'],
    ['softmax Jacobian', bin('*', ix('s', 'i'), bin('-', call('delta', 'i', 'k'), ix('s', 'k'))), 's_i \\left(\\delta_{ik} - s_k\\right)'],
    ['unary binds to its factor', bin('*', neg(ix('s', 'n')), bin('-', '1', ix('s', 'n'))), '-s_n \\left(1 - s_n\\right)'],
    ['-t / sigma', bin('/', neg(ix('t', 'i')), ix('sigma', 'i')), '\\frac{-t_i}{\\sigma_i}'],
    ['(a + b) c', bin('*', bin('+', 'a', 'b'), 'c'), '\\left(a + b\\right) c'],
    ['a (b + c)', bin('*', 'a', bin('+', 'b', 'c')), 'a \\left(b + c\\right)'],
    ['a - b - c', bin('-', bin('-', 'a', 'b'), 'c'), 'a - b - c'],
    ['a - (b - c)', bin('-', 'a', bin('-', 'b', 'c')), 'a - \\left(b - c\\right)'],
    ['a + (b - c) keeps its grouping', bin('+', 'a', bin('-', 'b', 'c')), 'a + \\left(b - c\\right)'],
    ['a - b c', bin('-', 'a', bin('*', 'b', 'c')), 'a - b c'],
    ['-(a + b)', neg(bin('+', 'a', 'b')), '-\\left(a + b\\right)'],
    ['-(-a)', neg(neg('a')), '-\\left(-a\\right)'],
    ['a - (-b)', bin('-', 'a', neg('b')), 'a - \\left(-b\\right)'],
    ['a + (-b) c', bin('+', 'a', bin('*', neg('b'), 'c')), 'a + \\left(-b c\\right)'],
    ['a (-b)', bin('*', 'a', neg('b')), 'a \\left(-b\\right)'],
    ['a / b', bin('/', 'a', 'b'), '\\frac{a}{b}'],
    ['(a + b) / c', bin('/', bin('+', 'a', 'b'), 'c'), '\\frac{a + b}{c}'],
    ['number times number', bin('*', '2', '3'), '2 \\cdot 3'],
    ['name times number', bin('*', 'x', '2'), 'x \\cdot 2'],
    ['number times name', bin('*', '2', 'x'), '2 x'],
    ['number times fraction', bin('*', '2', bin('/', '1', 'x')), '2 \\cdot \\frac{1}{x}'],
    ['x_1 times fraction', bin('*', ix('x', '1'), bin('/', 'a', 'b')), 'x_1 \\frac{a}{b}'],
    ['multi-letter names', bin('*', 'dZ2', 'W1'), '\\mathrm{dZ2} \\, \\mathrm{W1}'],
    ['a b c', bin('*', bin('*', 'a', 'b'), 'c'), 'a b c'],
    ['a .* b', bin('.*', 'a', 'b'), 'a \\odot b'],
    ['a ./ b', bin('./', 'a', 'b'), 'a \\oslash b'],
    ['(a .* b) c', bin('*', bin('.*', 'a', 'b'), 'c'), '\\left(a \\odot b\\right) c'],
    ['a .* (b c)', bin('.*', 'a', bin('*', 'b', 'c')), 'a \\odot b c'],
    ['a ./ (b ./ c)', bin('./', 'a', bin('./', 'b', 'c')), 'a \\oslash \\left(b \\oslash c\\right)'],
    ['a ^ b', bin('^', 'a', 'b'), 'a^{b}'],
    ['x_i ^ 2', bin('^', ix('x', 'i'), '2'), 'x_i^{2}'],
    ['(a + b) ^ 2', bin('^', bin('+', 'a', 'b'), '2'), '\\left(a + b\\right)^{2}'],
    ['(-a) ^ 2', bin('^', neg('a'), '2'), '\\left(-a\\right)^{2}'],
    ['-(a ^ 2)', neg(bin('^', 'a', '2')), '-a^{2}'],
    ['(a ^ b) ^ c', bin('^', bin('^', 'a', 'b'), 'c'), '\\left(a^{b}\\right)^{c}'],
    ['a ^ (b ^ c)', bin('^', 'a', bin('^', 'b', 'c')), 'a^{b^{c}}'],
    ['exp(x) ^ 2', bin('^', call('exp', 'x'), '2'), '\\left(e^{x}\\right)^{2}'],
    ['log(x) ^ 2', bin('^', call('log', 'x'), '2'), '\\left(\\log x\\right)^{2}'],
    ['(a / b) ^ 2', bin('^', bin('/', 'a', 'b'), '2'), '\\left(\\frac{a}{b}\\right)^{2}'],
    ['a .^ 2', bin('.^', 'a', '2'), 'a^{\\circ 2}'],
    ["A'", tr('A'), 'A^{\\top}'],
    ["x[i]'", tr(ix('x', 'i')), 'x_i^{\\top}'],
    ["(A')'", tr(tr('A')), '\\left(A^{\\top}\\right)^{\\top}'],
    ["(a + b)'", tr(bin('+', 'a', 'b')), '\\left(a + b\\right)^{\\top}'],
  ])('%s', (_label, e, expected) => {
    expect(toLatex(e)).toBe(expected);
  });
});

describe('toLatex: a function that would swallow the next factor closes itself', () => {
  it.each<[string, Expr, string]>([
    ['log(x) y', bin('*', call('log', 'x'), 'y'), '\\log\\left(x\\right) y'],
    ['y log(x)', bin('*', 'y', call('log', 'x')), 'y \\log x'],
    ['(a tanh(x)) y', bin('*', bin('*', 'a', call('tanh', 'x')), 'y'), 'a \\tanh\\left(x\\right) y'],
    ['-log(x) y', bin('*', neg(call('log', 'x')), 'y'), '-\\log\\left(x\\right) y'],
    ['log(x) .* y', bin('.*', call('log', 'x'), 'y'), '\\log\\left(x\\right) \\odot y'],
    ['sum(j, x[j]) y', bin('*', call('sum', 'j', ix('x', 'j')), 'y'), '\\left(\\sum_{j} x_j\\right) y'],
    ['y sum(j, x[j])', bin('*', 'y', call('sum', 'j', ix('x', 'j'))), 'y \\sum_{j} x_j'],
    ['sum(j, x[j]) + y', bin('+', call('sum', 'j', ix('x', 'j')), 'y'), '\\sum_{j} x_j + y'],
    ['sum(j, x[j] + y)', call('sum', 'j', bin('+', ix('x', 'j'), 'y')), '\\sum_{j} \\left(x_j + y\\right)'],
  ])('%s', (_label, e, expected) => {
    expect(toLatex(e)).toBe(expected);
  });
});

describe('toLatex: comparisons are indicators', () => {
  it.each<[string, Expr, string]>([
    ['x[k] > 0', bin('>', ix('x', 'k'), '0'), '\\mathbb{1}\\left(x_k > 0\\right)'],
    ['x >= 0', bin('>=', 'x', '0'), '\\mathbb{1}\\left(x \\geq 0\\right)'],
    ['i != k', bin('!=', 'i', 'k'), '\\mathbb{1}\\left(i \\neq k\\right)'],
    ['i <= k', bin('<=', 'i', 'k'), '\\mathbb{1}\\left(i \\leq k\\right)'],
    ['i == k', bin('==', 'i', 'k'), '\\mathbb{1}\\left(i = k\\right)'],
    ['i < k', bin('<', 'i', 'k'), '\\mathbb{1}\\left(i < k\\right)'],
    ['relu derivative', bin('*', 'g', bin('>', ix('x', 'k'), '0')), 'g \\mathbb{1}\\left(x_k > 0\\right)'],
  ])('%s', (_label, e, expected) => {
    expect(toLatex(e)).toBe(expected);
  });
});

describe('stepToLatex', () => {
  it('renders a step without a left-hand side', () => {
    expect(stepToLatex(undefined, bin('-', call('delta', 'i', 'k'), ix('s', 'k')))).toBe('= \\delta_{ik} - s_k');
  });
  it('renders a step with a left-hand side', () => {
    expect(stepToLatex(call('diff', call('log', ix('s', 'i')), ix('x', 'k')), bin('-', call('delta', 'i', 'k'), ix('s', 'k'))))
      .toBe('\\frac{\\partial \\log s_i}{\\partial x_k} = \\delta_{ik} - s_k');
  });
});

describe('toLatex: long expressions', () => {
  it('renders a deep left-nested chain in linear time', () => {
    // ((((x0 + x1) x2 + x3) x4 + ...): every product re-renders its left operand
    // for parentheses, which without memoization is exponential in the depth.
    let e: Expr = ex('a');
    for (let i = 0; i < 200; i++) e = i % 2 === 0 ? bin('*', e, call('log', 'x')) : bin('+', e, 'b');
    const t = toLatex(e);
    expect(t.startsWith('\\left(\\left(')).toBe(true);
    katex.renderToString(t, { throwOnError: true });
  });
});

// ---- with the real parser ----

const parsed = (text: string): string => toLatex(parseExpression(text, SourceMap.single('<test>', 1, 1)));

describe('toLatex of parsed expressions', () => {
  it.each<[string, string]>([
    ['exp(x[i]) / sum(j, exp(x[j]))', '\\frac{e^{x_i}}{\\sum_{j} e^{x_j}}'],
    ['sum(k, 0, n - 1, r^k)', '\\sum_{k=0}^{n - 1} r^{k}'],
    ['diff(f, x, y)', parsed('diff(diff(f, x), y)')],
    ['diff(log(s[i]), x[k])', '\\frac{\\partial \\log s_i}{\\partial x_k}'],
    ['delta(i, k) - s[k]', '\\delta_{ik} - s_k'],
    ['s - y', 's - y'],
    ['-sum(i, y[i] * log(s[i]))', '-\\sum_{i} y_i \\log s_i'],
    ['-s[n] * (1 - s[n])', '-s_n \\left(1 - s_n\\right)'],
    ['-t[i] / sigma[i]', '\\frac{-t_i}{\\sigma_i}'],
    ['-y[k] + sum(i, y[i] * s[k])', '-y_k + \\sum_{i} y_i s_k'],
    ['-x^2', '-x^{2}'],
    ['a - (b - c)', 'a - \\left(b - c\\right)'],
    ['(x[k] > 0)', '\\mathbb{1}\\left(x_k > 0\\right)'],
    ["A'", 'A^{\\top}'],
    ['X[i, :] * w', 'X_{i,:} w'],
    ['sum(v[2:4])', parsed('sum(v[2:4])')],
    ['1e-7', '1 \\times 10^{-7}'],
  ])('%s', (text, expected) => {
    expect(parsed(text)).toBe(expected);
  });

  it('KaTeX accepts every claim and step of the derivations in derivations/', () => {
    const dir = new URL('../../derivations/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.deriv'));
    let steps = 0;
    for (const f of files) {
      for (const d of parseDerivationFile(readFileSync(new URL(f, dir), 'utf8'), f).derivations) {
        for (const st of d.statements) {
          if (st.kind === 'let') katex.renderToString(toLatex(st.body), { throwOnError: true, strict: 'error' });
          if (st.kind !== 'claim') continue;
          let lhs: Expr | undefined = st.expr;
          for (const step of st.steps) {
            katex.renderToString(stepToLatex(lhs, step.expr), { throwOnError: true, strict: 'error' });
            lhs = undefined;
            steps++;
          }
        }
      }
    }
    expect(steps).toBeGreaterThan(0);
  });
});

// ---- properties over random expression trees ----

const INDEX_VARS = ['i', 'j', 'k', 'n'];
const NAMES = ['x', 's', 'y', 'e', 'pi', 'sigma', 'Delta', 'dZ2', 'W2', 'x_1', 'W_out', 'a_b_c'];
const NUMBERS = ['0', '1', '2', '10', '0.5', '1e-7', '2.5E+3'];
const BINARY_OPS: BinaryOp[] = ['+', '-', '*', '/', '^', '.*', './', '.^', '<', '<=', '>', '>=', '==', '!='];
const FUNCTION_NAMES = [...Object.keys(FUNCTION_RENDERERS), 'foo', 'log_2'];

const { expr: exprArb } = fc.letrec<{
  expr: Expr; leaf: Expr; index: Expr; unary: Expr; binary: Expr; call: Expr; sum: Expr; diff: Expr; transpose: Expr;
}>((tie) => ({
  // The leaf comes first: beyond maxDepth, oneof takes its first arbitrary.
  expr: fc.oneof(
    { depthSize: 'medium', maxDepth: 6 },
    tie('leaf'), tie('index'), tie('unary'), tie('binary'), tie('binary'), tie('call'), tie('sum'), tie('diff'), tie('transpose'),
  ),
  leaf: fc.oneof(
    fc.constantFrom(...NUMBERS).map(ex),
    fc.constantFrom(...NAMES, ...INDEX_VARS).map(ex),
  ),
  index: fc
    .tuple(fc.constantFrom(...NAMES), fc.array(fc.oneof(fc.constantFrom(...INDEX_VARS, '1').map(ex), tie('expr')), { minLength: 1, maxLength: 2 }))
    .map(([target, indices]) => ix(target, ...indices)),
  unary: fc.tuple(fc.constantFrom<'-' | '+'>('-', '-', '+'), tie('expr'))
    .map(([op, arg]): Expr => ({ kind: 'unary', op, arg, span: S })),
  // Arithmetic more often than comparisons, so the precedence cases come up.
  binary: fc.tuple(fc.constantFrom(...BINARY_OPS, '+', '-', '*', '+', '-', '*'), tie('expr'), tie('expr')).map(([op, l, r]) => bin(op, l, r)),
  call: fc.tuple(fc.constantFrom(...FUNCTION_NAMES), fc.array(tie('expr'), { maxLength: 3 }))
    .map(([name, args]) => call(name, ...args)),
  sum: fc.tuple(fc.constantFrom(...INDEX_VARS), tie('expr')).map(([j, body]) => call('sum', j, body)),
  diff: fc.tuple(tie('expr'), fc.constantFrom('t', ix('x', 'k'), ix('x', 'i'))).map(([f, v]) => call('diff', f, v)),
  transpose: tie('expr').map(tr),
}));

/** Every node of a tree, the root first. */
function* nodes(e: Expr): Generator<Expr> {
  yield e;
  switch (e.kind) {
    case 'index': for (const i of e.indices) yield* nodes(i); break;
    case 'call': for (const a of e.args) yield* nodes(a); break;
    case 'unary': case 'transpose': yield* nodes(e.arg); break;
    case 'binary': yield* nodes(e.left); yield* nodes(e.right); break;
    default: break;
  }
}

const isAddSub = (e: Expr): boolean => e.kind === 'binary' && (e.op === '+' || e.op === '-');
const isComparison = (e: Expr): boolean => e.kind === 'binary' && ['<', '<=', '>', '>=', '==', '!='].includes(e.op);
const wrapped = (e: Expr): string => `\\left(${toLatex(e)}\\right)`;

describe('toLatex: properties', () => {
  it('KaTeX accepts every rendering', () => {
    fc.assert(
      fc.property(exprArb, (e) => {
        const t = toLatex(e);
        katex.renderToString(t, { throwOnError: true, strict: 'error' });
      }),
      { numRuns: 1500 },
    );
  });

  it('KaTeX accepts every step', () => {
    fc.assert(
      fc.property(fc.option(exprArb, { nil: undefined }), exprArb, (lhs, rhs) => {
        katex.renderToString(stepToLatex(lhs, rhs), { throwOnError: true, strict: 'error' });
      }),
      { numRuns: 300 },
    );
  });

  it('never puts two signs next to each other', () => {
    fc.assert(
      fc.property(exprArb, (e) => {
        expect(toLatex(e)).not.toMatch(/[-+]\s*[-+]/);
      }),
      { numRuns: 1500 },
    );
  });

  it('parenthesizes a child of lower precedence', () => {
    let checked = 0; // how often a case below applied, so the property is not vacuous
    const check = (ok: boolean): void => {
      checked++;
      expect(ok).toBe(true);
    };
    fc.assert(
      fc.property(exprArb, (e) => {
        for (const node of nodes(e)) {
          const t = toLatex(node);
          if (node.kind === 'binary' && ['*', '.*', './'].includes(node.op)) {
            if (isAddSub(node.left)) check(t.startsWith(wrapped(node.left)));
            if (isAddSub(node.right)) check(t.endsWith(wrapped(node.right)));
          }
          if (node.kind === 'binary' && (node.op === '-' || node.op === '+') && isAddSub(node.right)) {
            check(t.endsWith(wrapped(node.right)));
          }
          if (node.kind === 'unary' && isAddSub(node.arg)) {
            check(t === `${node.op}${wrapped(node.arg)}`);
          }
          // A base (of ^ or ') that is an operation keeps its parentheses.
          const base = node.kind === 'transpose' ? node.arg
            : node.kind === 'binary' && (node.op === '^' || node.op === '.^') ? node.left : undefined;
          if (base && (base.kind === 'unary' || base.kind === 'transpose' || (base.kind === 'binary' && !isComparison(base)))) {
            check(t.startsWith(wrapped(base)));
          }
          // A sum on the left of a product would swallow the right factor.
          if (node.kind === 'binary' && ['*', '.*', './'].includes(node.op)
            && node.left.kind === 'call' && node.left.name === 'sum' && node.left.args.length === 2) {
            check(t.startsWith('\\left(\\sum_'));
          }
        }
      }),
      { numRuns: 1000 },
    );
    expect(checked).toBeGreaterThan(200);
  });

  it('is deterministic and renders each subtree the same wherever it stands in parentheses', () => {
    fc.assert(
      fc.property(exprArb, (e) => {
        expect(toLatex(e)).toBe(toLatex(structuredClone(e)));
      }),
      { numRuns: 200 },
    );
  });
});

describe('Greek letters typed as themselves', () => {
  it('render like their names', () => {
    expect(parsed('σ[i] * (1 - σ[i])')).toBe(parsed('sigma[i] * (1 - sigma[i])'));
    expect(parsed('σ[i] * (1 - σ[i])')).toBe('\\sigma_i \\left(1 - \\sigma_i\\right)');
    expect(parsed('Σ + α_1')).toBe('\\Sigma + \\alpha_{1}');
  });
});
