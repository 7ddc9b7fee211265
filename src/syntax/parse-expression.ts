import type { MathNode } from 'mathjs';
import { firstStrangeCharacter } from './strange-characters.ts';
import { DerivationError, diagnostic } from '../diagnostics/index.ts';
import type { BinaryOp, Expr, NameExpr, Span } from './ast.ts';
import { FORBIDDEN_NAMES, parseMathjs } from './locked-mathjs.ts';
import { checkBrackets, checkLiteral, limitError, LIMITS } from './limits.ts';
import { braceDepth, unreadLatex, UNREAD_LATEX_HINT } from './latex-input.ts';
import type { SourceMap } from './source-map.ts';

/**
 * Parses one expression with mathjs's parser and converts it to derivcheck's own
 * syntax tree. mathjs records no source positions, so spans come from a token
 * scan of the same text: mathjs's tree lists names and numbers in source order,
 * so the k-th name or number of the tree is the k-th name or number token. The
 * token also keeps a literal's exact text (`1e-7`), which mathjs rounds to a float.
 */
export function parseExpression(text: string, map: SourceMap): Expr {
  // Brackets first: an unclosed one is reported at the bracket, and deep nesting is refused before mathjs recurses on it.
  checkBrackets(withoutTransposeMarks(text), map);
  checkRadixLiterals(withoutTransposeMarks(text), map);
  if (braceDepth(text) > LIMITS.bracketDepth) {
    throw limitError(`braces nest more than ${LIMITS.bracketDepth} deep`, map.file, map.span(0, text.length), 'split the expression with let definitions');
  }
  const unread = unreadNotation(text);
  if (unread !== undefined) throw new DerivationError(diagnostic('syntax', unread.message, map.file, map.span(unread.at, unread.at + unread.length), unread.hint));
  const latex = unreadLatex(text);
  if (latex !== undefined) {
    throw new DerivationError(diagnostic('syntax', `the LaTeX command ${latex.command} is not read`, map.file, map.span(latex.at, latex.at + latex.command.length), UNREAD_LATEX_HINT));
  }
  let node: MathNode;
  try {
    node = parseMathjs(text);
  } catch (error) {
    if (isStackOverflow(error)) throw tooDeep(text, map);
    throw syntaxErrorFromMathjs(error, text, map);
  }
  const tokens = scanTokens(text);
  const converter = new Converter(text, tokens, map);
  let expr: Expr;
  try {
    expr = converter.convert(node);
  } catch (error) {
    if (isStackOverflow(error)) throw tooDeep(text, map);
    throw error;
  }
  if (exprDepth(expr) > LIMITS.exprDepth) throw tooDeep(text, map);
  return expr;
}

/**
 * A hexadecimal, binary or octal literal is read as a whole number. With a fraction or a suffix (`0x1.8`,
 * `0xFFi8`) mathjs reads a value of its own (1.5, -1) while the token scan pairs literals with their text
 * one by one: every later number of the line took its neighbour's text (`0x1.8 + 5 = 1.8` was proved).
 */
function checkRadixLiterals(text: string, map: SourceMap): void {
  const outsideStrings = text.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, (m) => ' '.repeat(m.length));
  // (?=(...))\1: every digit taken, no backtracking into them (0xFF + x is a whole number and a sum).
  const m = /(?<![\p{L}\p{N}_$.])0[xXbBoO](?=([0-9a-fA-F]*))\1(?=[.\p{L}_$])/u.exec(outsideStrings);
  if (m === null) return;
  const end = m.index + m[0].length + (/^[.\p{L}\p{N}_$]*/u.exec(outsideStrings.slice(m.index + m[0].length))?.[0].length ?? 0);
  throw new DerivationError(diagnostic('syntax', `'${text.slice(m.index, end)}' is not a number of the derivation language: a hexadecimal, binary or octal number is a whole number`,
    map.file, map.span(m.index, end), 'write the number in decimal, e.g. 1.5 for 0x1.8'));
}

/**
 * An integral sign or a limit the textbook notation could not read (textbook-notation.ts reads
 * `∫_a^b E dx` and `lim_{x→a} E`): what it lacks, rather than math.js's "syntax error"; and a
 * bracketed superscript, which would be read as a power where books mean a label.
 */
function unreadNotation(text: string): { message: string; hint: string; at: number; length: number } | undefined {
  const integral = text.indexOf('\u222b');
  if (integral >= 0) {
    return { message: 'an integral sign is read with its differential after the integrand, dx, and both bounds or none', at: integral, length: 1,
      hint: 'write ∫_0^1 x^2 dx (or integral(x, 0, 1, x^2)), or ∫ x^2 dx for an antiderivative' };
  }
  // a^{(2)}, x^{(i)}, f^{(n)}: LaTeX's braces make it x^((2)), which would be a power, where the books mean a label.
  const label = /\^\(\([ \t]*([\p{L}\p{N}]+)[ \t]*\)\)/u.exec(text);
  if (label !== null) {
    return { message: `a superscript in brackets, ^{(${label[1]})}, is a label (a layer, a sample, the order of a derivative), not a power`, at: label.index, length: label[0].length,
      hint: `declare a layer's name with it (given W^{(${label[1]})}: matrix[M, D]) or write it as one name (W${label[1]}), x_i for a sample; ^${label[1]} for a power; f^{(${label[1]})}(x) is read for a function the derivation defines (let f(t) = ...), else write diff(f(x), x, ${label[1]})` };
  }
  // Stirling's ln N! ≈ N ln N - N, sin θ ≈ θ (probe 41): an approximation has no truth value to check.
  const approximately = text.search(/[\u2248\u2243\u2245]/u);
  if (approximately >= 0) {
    return { message: `${text[approximately]}, approximately equal, is not a relation a step can be checked against`, at: approximately, length: 1,
      hint: 'write the exact form with its error term (log(gamma(N + 1)) = N log(N) - N + ...), a bound on the difference (abs(A - B) <= C on a range), or the limit of the ratio (limit(N, Infinity, A / B) = 1)' };
  }
  const partial = text.search(/[\u2202\u2207]/u);
  if (partial >= 0) {
    return { message: `Leibniz's ${text[partial]} is read in a fraction of names (∂L/∂w), before a bracket, a call, a name or a sum (∂/∂w (E)), or as ∇_w E`, at: partial, length: 1,
      hint: 'write ∂L/∂w, ∂/∂w (E), or diff(E, w); grad(E, w) for ∇_w E' };
  }
  const limit = /(?<![\p{L}\p{N}_])lim(?:_|\[)/u.exec(text);
  if (limit !== null) {
    return { message: 'a limit is read with its variable, an arrow and its point below: lim_{x→a}', at: limit.index, length: 4,
      hint: 'write lim_{x→0} sin(x)/x (or lim_{x -> 0}, lim_{t→0^+} from above), or limit(x, 0, sin(x)/x)' };
  }
  return undefined;
}

function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

function tooDeep(text: string, map: SourceMap) {
  return limitError(`the expression nests more than ${LIMITS.exprDepth} levels deep`, map.file, map.span(0, text.length),
    'split it with let definitions; a long chain of + or * is fine, a long chain of - or / nests');
}

/** The depth of a syntax tree, measured without recursion (the tree may be what is too deep). */
function exprDepth(root: Expr): number {
  let deepest = 0;
  const stack: [Expr, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [e, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    if (depth > LIMITS.exprDepth) break;
    switch (e.kind) {
      case 'binary': stack.push([e.left, depth + 1], [e.right, depth + 1]); break;
      case 'unary': case 'transpose': stack.push([e.arg, depth + 1]); break;
      case 'call': for (const a of e.args) stack.push([a, depth + 1]); break;
      case 'index': for (const a of e.indices) stack.push([a, depth + 1]); break;
      default: break;
    }
  }
  return deepest;
}

interface Token {
  readonly kind: 'name' | 'number';
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** mathjs words that are operators, not names: they produce no name node. */
const OPERATOR_WORDS = new Set(['mod', 'and', 'or', 'xor', 'not', 'to', 'in']);

const TOKEN = /([\p{L}_$][\p{L}\p{N}_$]*)|(0[xXbBoO][0-9a-fA-F]+|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)|("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/gu;

function scanTokens(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of withoutTransposeMarks(text).matchAll(TOKEN)) {
    const start = m.index ?? 0;
    if (m[1] !== undefined) {
      if (!OPERATOR_WORDS.has(m[1])) tokens.push({ kind: 'name', text: m[1], start, end: start + m[1].length });
    } else if (m[2] !== undefined) {
      tokens.push({ kind: 'number', text: m[2], start, end: start + m[2].length });
    }
  }
  return tokens;
}

/**
 * The text with each transpose mark (`A'`, `(X W)'`, `A''`) blanked out, same
 * length: a quote right after a name, a number, `)`, `]` or another transpose is
 * mathjs's postfix transpose, not the start of a string, and two of them on a
 * line (`a1' * dZ2 * W2'`) must not read as one string swallowing the names between.
 */
function withoutTransposeMarks(text: string): string {
  let out = '';
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote !== undefined) {
      if (ch === '\\') { out += text.slice(i, i + 2); i++; continue; }
      if (ch === quote) quote = undefined;
      out += ch;
      continue;
    }
    if (ch === "'") {
      let j = out.length - 1;
      while (j >= 0 && /\s/.test(out[j])) j--;
      const before = j >= 0 ? text[j] : '';
      if (/[\p{L}\p{N}_$)\]']/u.test(before)) { out += ' '; continue; }
      quote = ch;
    } else if (ch === '"') {
      quote = ch;
    }
    out += ch;
  }
  return out;
}

const BINARY_OPS: Record<string, BinaryOp> = {
  add: '+', subtract: '-', multiply: '*', divide: '/', pow: '^',
  dotMultiply: '.*', dotDivide: './', dotPow: '.^',
  smaller: '<', smallerEq: '<=', larger: '>', largerEq: '>=', equal: '==', unequal: '!=',
};

const UNSUPPORTED_NODES: Record<string, string> = {
  AssignmentNode: "an assignment '=' inside an expression",
  FunctionAssignmentNode: 'a function definition',
  BlockNode: "several expressions on one line (';' or a line break)",
  ObjectNode: "an object literal '{...}'",
  RangeNode: "a range 'a:b'",
  RelationalNode: "a chained comparison 'a < b < c'",
};

/** numpy's reductions written as methods of an array (`X.sum(1)`): read as the function of that name. */
const ARRAY_METHODS: ReadonlySet<string> = new Set(['sum', 'mean', 'max', 'min', 'prod', 'var', 'std']);

/** Left-associative operators whose chains are read iteratively. */
const CHAIN_OPS = new Set(['add', 'subtract', 'multiply', 'divide', 'dotMultiply', 'dotDivide']);

/** Functions a book may set apart from their bracket (2 / sin (x)): a call whichever way it is read. */
const KNOWN_FUNCTIONS = /^(sin|cos|tan|sec|csc|cot|sinh|cosh|tanh|asin|acos|atan|arcsin|arccos|arctan|log|ln|exp|sqrt|abs|sigmoid|softplus|erf|gamma|det|trace|tr|norm|sum|prod|mean|max|min)$/;

/** A fraction of two numbers as written (1/2), not a bracket around it. */
function isNumberFraction(n: any): boolean {
  return n.type === 'OperatorNode' && n.fn === 'divide' && n.args.length === 2 && n.args.every((a: any) => a.type === 'ConstantNode');
}

/** Names whose call, written after a fraction without an operator (1/N sum(i, x_i)), is a factor of it. */
const SUMMATIONS = new Set(['sum', 'prod']);

/**
 * `a / b Σ...` as math.js reads it: a division by an implicit product whose last factor is a sum
 * (Σ_i is written as sum(i, ...) by then), and whose first is one operand, not a product itself
 * (1/2N Σ stays refused: it may mean 1 / (2N)).
 */
function isFractionBeforeSum(n: any): boolean {
  if (n.fn !== 'divide' || n.args.length !== 2) return false;
  const product = n.args[1];
  if (product.type !== 'OperatorNode' || product.fn !== 'multiply' || product.implicit !== true || product.args.length !== 2) return false;
  const [first, last] = product.args;
  if (first.type === 'OperatorNode' && first.implicit === true) return false;
  return last.type === 'FunctionNode' && SUMMATIONS.has(last.fn?.name) && last.args.length >= 2;
}

/** `f'(x)` as math.js reads it: a transposed name times a bracket, written next to each other. */
function isPrimedCall(n: any): boolean {
  return n.type === 'OperatorNode' && n.fn === 'multiply' && n.implicit === true && n.args.length === 2
    && primedName(n.args[0]) !== undefined && n.args[1].type === 'ParenthesisNode';
}

/** `f'(x)^2` as math.js reads it: a transposed name times a power of a bracket, written next to each other. */
function isPrimedPower(n: any): boolean {
  return n.type === 'OperatorNode' && n.fn === 'multiply' && n.implicit === true && n.args.length === 2
    && primedName(n.args[0]) !== undefined && n.args[1].type === 'OperatorNode' && n.args[1].fn === 'pow' && n.args[1].args[0].type === 'ParenthesisNode';
}

/**
 * `a f'(x)`, a product before a primed call, which math.js reads as (a f') times (x):
 * the bracket belongs to f' (`f(x) g'(x)`, `2 y(x) y'(x)` in Stewart's product rule).
 */
function isSplitPrimedCall(n: any): boolean {
  if (!(n.type === 'OperatorNode' && n.fn === 'multiply' && n.implicit === true && n.args.length === 2 && n.args[1].type === 'ParenthesisNode')) return false;
  const left = n.args[0];
  return left.type === 'OperatorNode' && left.fn === 'multiply' && left.implicit === true && primedName(left.args[left.args.length - 1]) !== undefined;
}

/** `-f'(x)`, which math.js reads as (-f') times (x). */
function isSignedPrimedCall(n: any): boolean {
  return n.type === 'OperatorNode' && n.fn === 'multiply' && n.implicit === true && n.args.length === 2 && n.args[0].type === 'OperatorNode'
    && (n.args[0].fn === 'unaryMinus' || n.args[0].fn === 'unaryPlus') && primedName(n.args[0].args[0]) !== undefined && n.args[1].type === 'ParenthesisNode';
}

/** `f'`, `f''`, ... as math.js reads them (a name transposed once per prime): the name and the number of primes. */
function primedName(n: any): { name: string; primes: number } | undefined {
  let primes = 0;
  while (n.type === 'OperatorNode' && n.fn === 'ctranspose' && primes < 16) { n = n.args[0]; primes++; }
  return primes > 0 && n.type === 'SymbolNode' ? { name: n.name, primes } : undefined;
}
/** Chains up to this many operands keep the shape mathjs gives them (reports show them as written). */
const BALANCE_FROM = 32;

/**
 * A chain `x0 op1 x1 ... opn xn` (left-associative) as a tree of logarithmic
 * depth where the meaning allows: it is split at a `+` (everything right of a
 * `+` may be grouped: a - b + (c - d) = a - b + c - d), or at a `*` / `.*` of a
 * chain of that one operator only (products are associative, matrix products
 * included). Elsewhere it stays left-nested, and the depth limit applies.
 */
function balanced(operands: readonly Expr[], ops: readonly BinaryOp[], make: (left: Expr, op: number, right: Expr) => Expr): Expr {
  const sameProduct = (ops[0] === '*' || ops[0] === '.*') && ops.every((o) => o === ops[0]);
  const splittable = (k: number) => ops[k] === '+' || (sameProduct && ops[k] === ops[0]);
  // Explicit stack: [lo, hi] is operands lo..hi; a finished subtree is pushed on `built`.
  const built: Expr[] = [];
  const work: { lo: number; hi: number; split?: number }[] = [{ lo: 0, hi: operands.length - 1 }];
  while (work.length > 0) {
    const job = work.pop()!;
    if (job.split !== undefined) {
      const right = built.pop()!;
      const left = built.pop()!;
      built.push(make(left, job.split - 1, right));
      continue;
    }
    if (job.lo === job.hi) { built.push(operands[job.lo]); continue; }
    // ops[k - 1] joins operand k to the ones before it; pick a splittable one nearest the middle.
    const mid = (job.lo + job.hi + 1) >> 1;
    let split: number | undefined;
    for (let d = 0; split === undefined && (mid - d > job.lo || mid + d <= job.hi); d++) {
      if (mid + d <= job.hi && splittable(mid + d - 1)) split = mid + d;
      else if (mid - d > job.lo && splittable(mid - d - 1)) split = mid - d;
    }
    if (split === undefined) {
      // Nothing to split at: left-nested, as written.
      let acc = operands[job.lo];
      for (let k = job.lo + 1; k <= job.hi; k++) acc = make(acc, k - 1, operands[k]);
      built.push(acc);
      continue;
    }
    work.push({ lo: job.lo, hi: job.hi, split }, { lo: split, hi: job.hi }, { lo: job.lo, hi: split - 1 });
  }
  return built[0];
}

class Converter {
  private next = 0;
  constructor(
    private readonly text: string,
    private readonly tokens: readonly Token[],
    private readonly map: SourceMap,
  ) {}

  convert(node: MathNode): Expr {
    const n = node as any;
    switch (node.type) {
      case 'ConstantNode': {
        if (typeof n.value !== 'number') {
          const what = typeof n.value === 'string' ? 'a string' : `the constant ${String(n.value)}`;
          throw this.error(`${what} is not a value of the derivation language`, this.wholeSpan(),
            'expressions hold numbers, names, indices and function calls');
        }
        // math.js reads Infinity as a constant; the language reads it as a name, the upper bound of a series.
        if (n.value === Infinity && this.tokens[this.next]?.kind === 'name' && this.tokens[this.next].text === 'Infinity') return this.name('Infinity');
        const token = this.take('number', undefined);
        const span = this.spanOf(token);
        if (token === undefined && !Number.isFinite(n.value)) {
          throw this.error(`${String(n.value)} is not a number of the derivation language`, this.wholeSpan(),
            'a step must hold for real values; write a large number as a literal such as 1e400');
        }
        checkLiteral(token?.text ?? String(n.value), this.map.file, span);
        return { kind: 'number', text: token?.text ?? String(n.value), value: n.value, span };
      }
      case 'SymbolNode':
        return this.name(n.name);
      case 'ParenthesisNode': {
        const inner = this.convert(n.content);
        // math.js reads b (u - w) as a call, and the model makes it a product; under a power, (b (u - w))^2 and
        // e^(-b (u - w)) must keep the bracket written around it, which the tree alone no longer shows.
        const grouped = inner.kind === 'call' || inner.kind === 'unary' || inner.kind === 'binary' ? { grouped: true as const } : {};
        return { ...inner, span: this.widenToParentheses(inner.span), ...grouped } as Expr;
      }
      case 'OperatorNode': {
        if (n.fn === 'ctranspose' || n.fn === 'transpose') {
          const arg = this.convert(n.args[0]);
          return { kind: 'transpose', arg, span: this.join(arg.span, arg.span, 1) };
        }
        // f'(x), the derivative of a function in Lagrange's notation: math.js reads a transposed name times a
        // bracket. Only a bracket with nothing after it but an operator: f'(x)^2 is f' times x^2 to math.js.
        // -f'(x): math.js reads the sign with the primed name, (-f')(x); it belongs to the call.
        if (isSplitPrimedCall(n)) {
          // (a f') (x) read as a (f' (x)): math.js nodes keep their type on the prototype, so they are cloned, not spread.
          const left = n.args[0];
          const call = n.clone();
          call.args = [left.args[left.args.length - 1], n.args[1]];
          const product = left.clone();
          product.args = [...left.args.slice(0, -1), call];
          return this.convert(product);
        }
        if (isSignedPrimedCall(n)) {
          // The same node read without its sign: math.js nodes keep their type on the prototype, so it is cloned, not spread.
          const unsigned = n.clone();
          unsigned.args = [n.args[0].args[0], n.args[1]];
          const call = this.convert(unsigned);
          const span = this.startAtOperator(call.span, n.args[0].op);
          return { kind: 'unary', op: n.args[0].fn === 'unaryMinus' ? '-' : '+', arg: call, span };
        }
        if (isPrimedPower(n)) {
          // f'(x)^2: math.js reads f' times x^2, and a textbook means the square of the derivative; neither is safe to assume.
          const primed = primedName(n.args[0])!;
          const name = this.convert(n.args[0]);
          const written = `${primed.name}${"'".repeat(primed.primes)}`;
          throw this.error(`${written} is read as a derivative only right before its bracket, with no power after it (math.js reads ${written}(x)^2 as ${written} times x^2)`, name.span,
            `write (${written}(x))^2 for a power of the derivative`);
        }
        if (isPrimedCall(n)) {
          const primed = primedName(n.args[0])!;
          const name = this.name(primed.name);
          const arg = this.convert(n.args[1].content);
          const span = this.extendToClosing(this.join(name.span, arg.span), ')');
          return { kind: 'call', name: `${name.name}${"'".repeat(primed.primes)}`, nameSpan: this.join(name.span, name.span, primed.primes), args: [arg], span };
        }
        // n!, math.js's factorial: the call factorial(n).
        if (n.fn === 'factorial' && n.args.length === 1) {
          const arg = this.convert(n.args[0]);
          const span = this.extendToClosing(arg.span, '!');
          // n!! is a double factorial in every textbook, (n!)! to math.js: refused rather than read the other way.
          const [, end] = this.offsets(span);
          if (this.text[end] === '!' && this.text[end + 1] !== '=') {
            throw this.error('n!! (a double factorial) is not part of the derivation language', this.map.span(end - 1, end + 1),
              'write the product out: (2n - 1)!! is prod(k, 1, n, 2 * k - 1); for the factorial of a factorial write (n!)!');
          }
          return { kind: 'call', name: 'factorial', nameSpan: span, args: [arg], span };
        }
        if (n.args.length === 1 && (n.fn === 'unaryMinus' || n.fn === 'unaryPlus')) {
          const arg = this.convert(n.args[0]);
          const span = this.startAtOperator(arg.span, n.op);
          return { kind: 'unary', op: n.fn === 'unaryMinus' ? '-' : '+', arg, span };
        }
        const op = BINARY_OPS[n.fn];
        if (op === undefined || n.args.length !== 2) {
          throw this.error(`the operator '${n.op}' is not part of the derivation language`, this.wholeSpan(),
            "use + - * / ^ .* ./ and the comparisons < <= > >= == !=");
        }
        if (CHAIN_OPS.has(n.fn)) return this.chain(node);
        const left = this.convert(n.args[0]);
        const right = this.convert(n.args[1]);
        return { kind: 'binary', op, left, right, span: this.join(left.span, right.span), opSpan: this.operatorSpan(left.span, right.span, n.op) };
      }
      case 'FunctionNode': {
        // numpy's methods of reduction, X.sum(1), (A * B).mean(): the function of the same name, the array first.
        if (n.fn.type === 'AccessorNode' && n.fn.index.isObjectProperty?.() && ARRAY_METHODS.has(n.fn.index.getObjectProperty())) {
          const object = this.convert(n.fn.object);
          const method = this.name(n.fn.index.getObjectProperty());
          // The method's axis is numpy's, from 0: axis 0 (down the rows) is the language's axis 1.
          const rest = n.args.map((a: MathNode) => this.convert(a)).map((a: Expr, p: number) => {
            if (p !== 0) return a;
            // max(A, 2) is the entrywise maximum of A and 2 in the language: an axis of max or min is not read.
            const method = n.fn.index.getObjectProperty();
            if (method === 'max' || method === 'min') {
              throw this.error(`${method} along an axis is written max(j, Z[i, j]) for each row`, a.span, `X.${method}() is the ${method === 'max' ? 'largest' : 'smallest'} entry of X`);
            }
            // A negative axis counts from the last, in numpy as in the language: X.sum(-1) is sum(X, -1).
            if (a.kind === 'unary' && a.op === '-' && a.arg.kind === 'number' && (a.arg.value === 1 || a.arg.value === 2)) return a;
            if (a.kind !== 'number' || (a.value !== 0 && a.value !== 1)) {
              throw this.error(`${n.fn.index.getObjectProperty()}(axis): numpy's axis of a matrix is 0 or 1`, a.span, 'write X.sum(axis=0) for the sum over the rows, X.sum(axis=1) along each row');
            }
            return { ...a, text: String(a.value + 1), value: a.value + 1 };
          });
          const span = this.extendToClosing(this.join(object.span, rest.length > 0 ? rest[rest.length - 1].span : method.span), ')');
          return { kind: 'call', name: method.name, nameSpan: method.span, args: [object, ...rest], span };
        }
        // An entry before a bracket, s[i] (1 - s[k]) or s[i](1 - s[k]): a product, as written in the notes (an entry is never a function).
        if (n.fn.type === 'AccessorNode' && !n.fn.index.isObjectProperty?.() && n.args.length === 1) {
          const entry = this.convert(n.fn);
          const factor = this.convert(n.args[0]);
          const span = this.extendToClosing(this.join(entry.span, factor.span), ')');
          return { kind: 'binary', op: '*', left: entry, right: factor, span, opSpan: this.operatorSpan(entry.span, factor.span, '(') };
        }
        if (n.fn.type !== 'SymbolNode') {
          throw this.error('only named functions can be called', this.wholeSpan(), 'write a call as name(arguments)');
        }
        const name = this.name(n.fn.name);
        // numpy's norm(X, 'fro'), the Frobenius norm: norm(X) of a matrix already is (a string holds no token to skip).
        const written = name.name === 'norm' && n.args.length === 2 && n.args[1].type === 'ConstantNode' && n.args[1].value === 'fro' ? n.args.slice(0, 1) : n.args;
        const args = written.map((a: MathNode) => this.convert(a));
        const last = args.length > 0 ? args[args.length - 1].span : name.span;
        const span = this.extendToClosing(this.join(name.span, last), ')');
        return { kind: 'call', name: name.name, nameSpan: name.span, args, span };
      }
      case 'ConditionalNode': {
        // c ? a : b, a definition by cases: numpy's where(c, a, b), which the model reads as c a + (not c) b.
        const condition = this.convert(n.condition);
        const then = this.convert(n.trueExpr);
        const otherwise = this.convert(n.falseExpr);
        return { kind: 'call', name: 'where', nameSpan: this.operatorSpan(condition.span, then.span, '?'), args: [condition, then, otherwise], span: this.join(condition.span, otherwise.span) };
      }
      case 'AccessorNode': {
        // numpy's W.T, as ML notes write a transpose.
        if (n.index.isObjectProperty?.() && n.index.getObjectProperty?.() === 'T') {
          const arg = this.convert(n.object);
          this.take('name', 'T');
          return { kind: 'transpose', arg, span: this.join(arg.span, arg.span, 2) };
        }
        if (n.object.type !== 'SymbolNode' && !n.index.isObjectProperty?.()) {
          // An entry of a computed array: softmax(x)[i], onehot(y, C)[i, k], (A * B)[i, j].
          const target = this.convert(n.object);
          const indices = n.index.dimensions.map((d: MathNode) => this.indexPosition(d));
          const last = indices.length > 0 ? indices[indices.length - 1].span : target.span;
          const span = this.extendToClosing(this.join(target.span, last), ']');
          return { kind: 'subscript', target, indices, span };
        }
        if (n.object.type !== 'SymbolNode' || n.index.isObjectProperty?.()) {
          throw this.error('only a name can be indexed, as in x[i] or A[i, j]', this.wholeSpan(),
            'index a declared input or a let definition');
        }
        const target = this.name(n.object.name);
        const indices = n.index.dimensions.map((d: MathNode) => this.indexPosition(d));
        const last = indices.length > 0 ? indices[indices.length - 1].span : target.span;
        const span = this.extendToClosing(this.join(target.span, last), ']');
        return { kind: 'index', target, indices, span };
      }
      case 'ArrayNode': {
        if (n.items.length === 0) throw this.error('an empty array [] is not part of the derivation language', this.wholeSpan(), 'write its entries: [a, b]');
        const items = n.items.map((item: MathNode) => this.convert(item));
        const span = this.extendToClosing(this.widenToBracket(this.join(items[0].span, items[items.length - 1].span)), ']');
        return { kind: 'array', items, span };
      }
      case 'AssignmentNode': {
        // A keyword argument the notation did not read: numpy's axis of max or min (max(A, 2) is the entrywise maximum).
        const keyword = n.object?.type === 'SymbolNode' ? n.object.name : undefined;
        if (keyword === 'axis' || keyword === 'dim') {
          throw this.error(`${keyword}= is read for sum, mean, prod and softmax; max and min take no axis, since max(A, 2) is the entrywise maximum of A and 2`, this.wholeSpan(),
            'write max(j, X[i, j]) for the largest entry of each row, or X.max() for the largest entry of all');
        }
        if (keyword !== undefined) {
          throw this.error(`the keyword argument ${keyword}= is not read`, this.wholeSpan(), 'numpy\'s axis= and keepdims=True are read; write the call without the others');
        }
        throw this.error(`${UNSUPPORTED_NODES.AssignmentNode} is not part of the derivation language`, this.wholeSpan(), 'one step holds one expression; see docs/syntax.md');
      }
      default: {
        const what = UNSUPPORTED_NODES[node.type] ?? `a ${node.type}`;
        // The Matrix Cookbook's A : B is the Frobenius product, which math.js reads as a range.
        const hint = node.type === 'RangeNode' ? 'for the Frobenius product A : B (the Matrix Cookbook\'s), write sum(A .* B)' : 'one step holds one expression; see docs/syntax.md';
        throw this.error(`${what} is not part of the derivation language`, this.wholeSpan(), hint);
      }
    }
  }

  /**
   * A left-nested chain `a + b - c + ...` read without recursion: mathjs nests
   * one node per operator, so 4,000 terms on a line would be 4,000 native frames
   * here and in every later stage. A long chain is rebuilt balanced where that
   * keeps its meaning (see {@link balanced}); a short one keeps its shape as written.
   */
  private chain(top: MathNode): Expr {
    const rights: any[] = [];
    let node: any = top;
    while (node.type === 'OperatorNode' && CHAIN_OPS.has(node.fn) && node.args.length === 2 && !isPrimedCall(node) && !isSignedPrimedCall(node) && !isSplitPrimedCall(node)) {
      rights.push(node);
      node = node.args[0];
    }
    rights.reverse();
    // Source order, so the token stream lines up: the leftmost operand, then each right operand.
    const operands: Expr[] = [this.convert(node)];
    const ops: { op: BinaryOp; text: string; implicit: boolean }[] = [];
    for (const r of rights) {
      if (isFractionBeforeSum(r)) {
        // 1/N Σ_i x_i, λ/2 Σ_j w_j²: every book means the fraction times the sum, never 1 / (N Σ_i x_i).
        const [denominator, sum] = r.args[1].args;
        ops.push({ op: BINARY_OPS[r.fn], text: r.op, implicit: false });
        operands.push(this.convert(denominator));
        ops.push({ op: BINARY_OPS[r.args[1].fn], text: r.args[1].op, implicit: true });
        operands.push(this.convert(sum));
        continue;
      }
      ops.push({ op: BINARY_OPS[r.fn], text: r.op, implicit: r.implicit === true });
      const right = this.convert(r.args[1]);
      // 1/2N and 1/2x: math.js reads (1/2) N, where a book as often means 1 / (2N). Written apart (1/2 x), it is a half of x.
      if (r.fn === 'multiply' && r.implicit === true && isNumberFraction(r.args[0])
        && this.offsets(operands[operands.length - 1].span)[1] === this.offsets(right.span)[0]) {
        const text = (m: MathNode) => m.toString({ implicit: 'hide' });
        const [top, bottom, factor] = [text(r.args[0].args[0]), text(r.args[0].args[1]), text(r.args[1])];
        throw this.error(`'${top}/${bottom}${factor}' may mean (${top}/${bottom}) ${factor} or ${top} / (${bottom} ${factor})`, this.join(operands[operands.length - 2]?.span ?? right.span, right.span),
          `write the bracket that says which: (${top}/${bottom}) * ${factor}, or ${top} / (${bottom} * ${factor})`);
      }
      operands.push(right);
      // 2/m (x - u): math.js calls m, which the model multiplies, so the whole product was the divisor. A name
      // set apart from its bracket is a factor in a book, and the fraction's coefficient: refused rather than read either way.
      if ((r.fn === 'divide' || r.fn === 'dotDivide') && right.kind === 'call' && r.args[1].type === 'FunctionNode' && r.args[1].fn?.type === 'SymbolNode'
        && !KNOWN_FUNCTIONS.test(right.name) && /^[ \t]/.test(this.text.slice(this.offsets(right.nameSpan)[1]))) {
        const text = (m: MathNode) => m.toString({ implicit: 'hide' });
        throw this.ambiguousQuotient(text(r.args[0]), r.op, right.name, `(${r.args[1].args.map(text).join(', ')})`, this.join(operands[0].span, right.span));
      }
      // x^2/2 sin(x), λ/2 ‖w‖²: math.js divides by the whole product written after the slash (x^2 / (2 sin(x))),
      // where a book often means the fraction times the rest. Refused rather than read either way.
      if ((r.fn === 'divide' || r.fn === 'dotDivide') && r.args[1].type === 'OperatorNode' && r.args[1].implicit && right.kind === 'binary') {
        const text = (m: MathNode) => m.toString({ implicit: 'hide' });
        throw this.ambiguousQuotient(text(r.args[0]), r.op, text(r.args[1].args[0]), text(r.args[1].args[1]), this.join(operands[0].span, right.span));
      }
    }
    const make = (left: Expr, at: number, right: Expr): Expr => ({
      kind: 'binary', op: ops[at].op, left, right, span: this.join(left.span, right.span),
      opSpan: this.operatorSpan(left.span, right.span, ops[at].text), ...(ops[at].implicit ? { implicit: true as const } : {}),
    });
    if (operands.length <= BALANCE_FROM) {
      let acc = operands[0];
      for (let k = 1; k < operands.length; k++) acc = make(acc, k - 1, operands[k]);
      return acc;
    }
    return balanced(operands, ops.map((o) => o.op), make);
  }

  /**
   * `top / a b`, a quotient before a product written without `*`: refused, with both readings. Where it is
   * Leibniz's operator before an expression without brackets (`d/dx sin(x)`), the bracket it needs.
   */
  private ambiguousQuotient(top: string, op: string, a: string, b: string, span: Span): DerivationError {
    if ((top === 'd' || top === '\u2202') && op === '/' && /^(d|\u2202)[\p{L}_]/u.test(a)) {
      return this.error(`Leibniz's ${top}/${a} takes what it differentiates in brackets`, span, `write ${top}/${a}(${b}), or diff(${b}, ${a.slice(1)})`);
    }
    return this.error(`'${top} ${op} ${a} ${b}' may mean (${top} ${op} ${a}) ${b} or ${top} ${op} (${a} ${b})`, span,
      `write the bracket that says which: (${top} ${op} ${a}) * ${b}, or ${top} ${op} (${a} * ${b})`);
  }

  private name(name: string): NameExpr {
    const token = this.take('name', name);
    const span = this.spanOf(token);
    if (FORBIDDEN_NAMES.has(name)) {
      throw this.error(`'${name}' is disabled: a derivation file is data and can never reach code`, span,
        'use the functions of the language (docs/syntax.md)');
    }
    return { kind: 'name', name, span };
  }

  /** The next token of a kind, if the token stream still lines up with the tree. */
  /** An index position: an expression, or a slice `:` / `a:b` / `a:end`. */
  private indexPosition(node: MathNode): Expr {
    const n = node as any;
    if (node.type !== 'RangeNode') {
      const position = this.convert(node);
      // No array is larger than a fixed size may be: x[4294967296] asked for 4 billion entries of every input.
      if (position.kind === 'number' && /^\d+$/.test(position.text) && (position.text.length > 7 || Number(position.text) > LIMITS.fixedSize)) {
        throw limitError(`the index ${position.text.length > 12 ? `${position.text.slice(0, 12)}...` : position.text} is larger than ${LIMITS.fixedSize}, the largest size an array can have`,
          this.map.file, position.span, 'an index is a position in its array, from 1 to its size');
      }
      return position;
    }
    const from = this.tokens[this.next - 1]?.end ?? 0;
    const colon = this.text.indexOf(':', from);
    if (n.step) {
      throw this.error("a range with a step 'a:s:b' is not part of the derivation language", this.wholeSpan(), "write a slice as ':' or 'a:b'");
    }
    // `:` alone: math.js reads it as 1:end, and neither bound is in the text.
    const next = this.tokens[this.next];
    const startWritten = !(n.start?.type === 'ConstantNode' && n.start.value === 1 && (next === undefined || next.start > colon));
    const start = startWritten ? this.convert(n.start) : undefined;
    const colonSpan = this.map.span(colon, colon + 1);
    let end: Expr | undefined;
    let last = colonSpan;
    if (n.end?.type === 'SymbolNode' && n.end.name === 'end') {
      const token = this.take('name', 'end');
      if (token) last = this.spanOf(token);
    } else {
      end = this.convert(n.end);
      last = end.span;
    }
    return { kind: 'range', start, end, span: this.join(start?.span ?? colonSpan, last) };
  }

  private take(kind: Token['kind'], text: string | undefined): Token | undefined {
    const token = this.tokens[this.next];
    if (token && token.kind === kind && (text === undefined || token.text === text)) {
      this.next++;
      return token;
    }
    return undefined;
  }

  private spanOf(token: Token | undefined): Span {
    return token ? this.map.span(token.start, token.end) : this.wholeSpan();
  }

  private wholeSpan(): Span {
    return this.map.span(0, this.text.length);
  }

  private offsets(span: Span): [number, number] {
    return [this.map.offsetOf(span.line, span.col), this.map.offsetOf(span.endLine, span.endCol)];
  }

  private join(a: Span, b: Span, extraEnd = 0): Span {
    const [start] = this.offsets(a);
    const [, end] = this.offsets(b);
    return this.map.span(start, Math.min(this.text.length, end + extraEnd));
  }

  /** The operator between two operands: its text if written there, else the gap between them. */
  private operatorSpan(left: Span, right: Span, op: string): Span {
    const [, from] = this.offsets(left);
    const [to] = this.offsets(right);
    const gap = this.text.slice(from, Math.max(from, to));
    const at = typeof op === 'string' && op.length > 0 ? gap.indexOf(op) : -1;
    if (at >= 0) return this.map.span(from + at, from + at + op.length);
    const trimmed = gap.trim();
    const start = trimmed.length > 0 ? from + gap.indexOf(trimmed) : from;
    return this.map.span(start, start + Math.max(trimmed.length, 0));
  }

  private startAtOperator(span: Span, op: string): Span {
    let [start, end] = this.offsets(span);
    let i = start - 1;
    while (i >= 0 && /\s/.test(this.text[i])) i--;
    if (i >= 0 && this.text[i] === op) start = i;
    return this.map.span(start, end);
  }

  /** Moves the end of a span past the next `close` character (a call's ')' or an index's ']'). */
  private extendToClosing(span: Span, close: string): Span {
    const [start, end] = this.offsets(span);
    let i = end;
    while (i < this.text.length && /\s/.test(this.text[i])) i++;
    if (this.text[i] === close) return this.map.span(start, i + 1);
    return span;
  }

  /** A span widened back to the `[` that opens it. */
  private widenToBracket(span: Span): Span {
    const [start, end] = this.offsets(span);
    let i = start - 1;
    while (i >= 0 && /\s/.test(this.text[i])) i--;
    return this.text[i] === '[' ? this.map.span(i, end) : span;
  }

  private widenToParentheses(span: Span): Span {
    let [start, end] = this.offsets(span);
    let i = start - 1;
    while (i >= 0 && /\s/.test(this.text[i])) i--;
    let j = end;
    while (j < this.text.length && /\s/.test(this.text[j])) j++;
    if (this.text[i] === '(' && this.text[j] === ')') return this.map.span(i, j + 1);
    return span;
  }

  private error(message: string, span: Span, hint: string): DerivationError {
    return new DerivationError(diagnostic('syntax', message, this.map.file, span, hint));
  }
}

function syntaxErrorFromMathjs(error: unknown, text: string, map: SourceMap): DerivationError {
  // A character that looks like one of the language's but is not is named, where it is (see strange-characters.ts).
  const strange = firstStrangeCharacter(text);
  if (strange !== undefined) {
    return new DerivationError(diagnostic('syntax', `cannot read the expression: it holds ${strange.what.replace(/: .*$/, '')}`, map.file,
      map.span(strange.offset, strange.offset + 1), strange.what.replace(/^.*: /, '')));
  }
  const e = error as { message?: string; char?: number };
  const raw = String(e.message ?? error);
  const char = typeof e.char === 'number' ? e.char : undefined;
  const message = raw.replace(/\s*\(char \d+\)\s*$/, '');
  const offset = char === undefined ? 0 : Math.max(0, Math.min(text.length, char - 1));
  const span = map.span(offset, Math.min(text.length, offset + 1));
  const hint = /Unexpected end|expected/.test(message)
    ? 'check that every ( and [ is closed'
    : 'see docs/syntax.md for the expression language';
  return new DerivationError(diagnostic('syntax', `cannot read the expression: ${lowerFirst(message)}`, map.file, span, hint));
}

function lowerFirst(s: string): string {
  return s.length > 0 ? s[0].toLowerCase() + s.slice(1) : s;
}
