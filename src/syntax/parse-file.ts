import { withLogBases } from './log-bases.ts';
import { withDivergenceBars } from './divergence-bars.ts';
import { DerivationError, diagnostic, type Diagnostic } from '../diagnostics/index.ts';
import type { Claim, Derivation, DerivationFile, GivenDecl, ImplicitDecl, IntervalExpr, LetDecl, Relation, Span, Statement, Step, TypeExpr } from './ast.ts';
import { limitError, LIMITS } from './limits.ts';
import { parseExpression } from './parse-expression.ts';
import { FORBIDDEN_NAMES } from './locked-mathjs.ts';
import { markPrimes } from './primes.ts';
import { SourceMap } from './source-map.ts';
import { asciiOperators } from './unicode-operators.ts';
import { textbookNotation } from './textbook-notation.ts';
import { fromLatex } from './latex-input.ts';
import { asRealGiven, randomVariableGiven, withExpectationBrackets } from './expectation-brackets.ts';
import { derivationNames, INFINITY_NAMES, withDeterminantBars, withLayerNames, withPartialsAtPoints, withSpelledGreekNames, withSquaredNames, type DerivationNames } from './derivation-names.ts';

/** Thrown for a file that cannot be read at all; carries every problem found, first one first. */
export class DerivationSyntaxError extends DerivationError {
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(diagnostics[0]);
  }
}

/**
 * Turns raw file content into text. A file must be UTF-8 text: bytes that are
 * not (a binary file, a Latin-1 file) are rejected rather than read as garbage.
 */
export function decodeText(content: string | Uint8Array, file: string): string {
  if (typeof content === 'string') return stripBom(content);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    throw new DerivationSyntaxError([diagnostic('not-text', 'the file is not UTF-8 text', file, undefined,
      'save it as UTF-8 plain text; a .deriv file is never binary')]);
  }
  if (text.includes('\u0000')) {
    throw new DerivationSyntaxError([diagnostic('not-text', 'the file holds NUL bytes: it is not a text file', file, undefined,
      'a .deriv file is plain text')]);
  }
  return stripBom(text);
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** How to number lines. */
export interface ParseOptions {
  /** The number of the text's first line. Default: 1. (The inline tag uses 0 for a header line it adds.) */
  readonly firstLine?: number;
  /**
   * A claim's or step's expression that cannot be read (an unknown operator, a
   * call pasted from PyTorch as `x.clamp(0, 1)`) becomes an invalid expression
   * carrying its problem, so that step is an error and the rest of the file is
   * still checked; the check pipeline reads files so. A limit (hostile input)
   * and a line that is no statement still refuse the file. Default: false, every
   * problem refuses the file (all of them reported at once).
   */
  readonly recover?: boolean;
}

/** One statement's text after comments are removed and continuation lines joined. */
interface LogicalLine {
  readonly text: string;
  readonly map: SourceMap;
  readonly line: number;
}

/**
 * Parses the text of a `.deriv` file. Every problem is collected, so a user sees
 * all syntax errors of a file at once.
 *
 * @example parseDerivationFile('derivation "d"\ngiven x: real\nclaim x * x\n  = x^2', 'a.deriv')
 */
export function parseDerivationFile(content: string | Uint8Array, file = '<inline>', options: ParseOptions = {}): DerivationFile {
  const text = decodeText(content, file);
  const lines = logicalLines(text, file, options.firstLine ?? 1);
  checkFileTerms(lines, file);
  if (lines.length === 0) {
    throw new DerivationSyntaxError([diagnostic('empty-file', 'the file holds no derivation', file, undefined,
      'start it with derivation "TITLE", then given, let and claim lines (see docs/syntax.md)')]);
  }
  const problems: Diagnostic[] = [];
  const derivations: Derivation[] = [];
  let current: { title: string; source: string | undefined; statements: Statement[]; span: Span } | undefined;
  let lastClaim: { claim: Claim; steps: Step[] } | undefined;

  const finishClaim = () => {
    if (current && lastClaim) current.statements.push({ ...lastClaim.claim, steps: lastClaim.steps });
    lastClaim = undefined;
  };
  const finishDerivation = () => {
    finishClaim();
    if (current) markImplicitPrimes(current.statements);
    if (current) derivations.push({ ...current, file });
    current = undefined;
  };

  for (const logical of lines) {
    try {
      const keyword = /^([A-Za-z]+)\b/.exec(logical.text)?.[1];
      const spanAll = logical.map.span(0, logical.text.length);
      if (keyword === 'derivation') {
        finishDerivation();
        const title = quoted(logical, 'derivation'.length, 'derivation "TITLE"');
        current = { title, source: undefined, statements: [], span: spanAll };
        continue;
      }
      if (current === undefined) {
        throw new DerivationError(diagnostic('no-derivation', 'a statement comes before any derivation line', file,
          spanAll, 'start the derivation with derivation "TITLE" on a line of its own'));
      }
      if (keyword === 'source') {
        current.source = quoted(logical, 'source'.length, 'source "WHERE IT CAME FROM"');
      } else if (keyword === 'given') {
        finishClaim();
        current.statements.push(parseGiven(logical));
      } else if (keyword === 'let') {
        finishClaim();
        current.statements.push(parseLet(logical, options.recover === true));
      } else if (keyword === 'implicit') {
        finishClaim();
        current.statements.push(parseImplicit(logical));
      } else if (keyword === 'claim') {
        finishClaim();
        lastClaim = parseClaim(logical, options.recover === true);
      } else if (leadingRelation(logical.text) !== undefined) {
        const relation = leadingRelation(logical.text)!;
        if (lastClaim === undefined) {
          throw new DerivationError(diagnostic('step-without-claim', 'a step has no claim above it', file,
            logical.map.span(0, relation.length), 'start the chain with claim EXPRESSION on the line above'));
        }
        lastClaim.steps.push(...parseSteps(logical, relation.length, options.recover === true, relation));
      } else {
        const word = keyword ?? logical.text.split(/\s/)[0];
        throw new DerivationError(diagnostic('syntax', `a line cannot start with '${word}'`, file,
          logical.map.span(0, word.length),
          'a line is derivation "...", source "...", given, let, implicit, claim, or a step starting with = (or <=, <, >=, >)'));
      }
    } catch (error) {
      if (error instanceof DerivationSyntaxError) problems.push(...error.diagnostics);
      else if (error instanceof DerivationError) problems.push(error.diagnostic);
      else throw error;
    }
  }
  finishDerivation();
  if (problems.length > 0) throw new DerivationSyntaxError(problems);
  return { file, derivations };
}

/** Parses the text of one inline derivation; a file may hold several, inline text must hold one. */
export function parseDerivation(content: string, file = '<inline>', options: ParseOptions = {}): Derivation {
  const parsed = parseDerivationFile(content, file, options);
  if (parsed.derivations.length !== 1) {
    throw new DerivationSyntaxError([diagnostic('syntax',
      `expected one derivation, found ${parsed.derivations.length}`, file, undefined,
      'pass the text of a single derivation "TITLE" block')]);
  }
  return parsed.derivations[0];
}

function logicalLines(text: string, file: string, firstLine: number): LogicalLine[] {
  const joined = joinedLines(text, file, firstLine);
  const out: LogicalLine[] = [];
  let names = derivationNames(joined, 0);
  for (let k = 0; k < joined.length; k++) {
    // What a derivation declares (σ², square matrices, random variables) holds for its own lines only.
    if (k > 0 && /^derivation\b/.test(joined[k].text)) names = derivationNames(joined, k);
    const { text, map } = randomVariableGiven(joined[k].text) !== undefined ? asRealGiven(joined[k].text, joined[k].map) : joined[k];
    out.push(logicalLine(text, map, joined[k].line, names));
  }
  return out;
}

/** The file's lines joined where a bracket stays open, each with its source map. */
function joinedLines(text: string, file: string, firstLine: number): { text: string; map: SourceMap; line: number }[] {
  const raw = text.split(/\r\n|\r|\n/);
  const out: { text: string; map: SourceMap; line: number }[] = [];
  let pending: { text: string; segments: { offset: number; line: number; col: number }[]; depth: number; inString: boolean } | undefined;
  for (let index = 0; index < raw.length; index++) {
    const lineNo = index + firstLine;
    const content = withoutComment(raw[index]);
    const lead = content.length - content.trimStart().length;
    const trimmed = content.trim();
    if (trimmed.length === 0 && pending === undefined) continue;
    if (pending !== undefined && startsStatement(trimmed)) {
      // An unclosed bracket never swallows the next statement: the open one ends here and reports it.
      out.push({ text: pending.text, map: SourceMap.of(file, pending.segments), line: pending.segments[0].line });
      pending = undefined;
    }
    if (pending === undefined) {
      pending = { text: trimmed, segments: [{ offset: 0, line: lineNo, col: lead + 1 }], depth: 0, inString: false };
    } else if (trimmed.length > 0) {
      const offset = pending.text.length + 1;
      pending.text += ' ' + trimmed;
      pending.segments.push({ offset, line: lineNo, col: lead + 1 });
    }
    // Only the new line is scanned: rescanning the whole pending text made an unclosed bracket quadratic.
    Object.assign(pending, bracketDepth(trimmed, pending.depth, pending.inString));
    if (pending.depth <= 0 || index === raw.length - 1) {
      out.push({ text: pending.text, map: SourceMap.of(file, pending.segments), line: pending.segments[0].line });
      pending = undefined;
    }
  }
  return out;
}

function logicalLine(text: string, map: SourceMap, line: number, names: DerivationNames): LogicalLine {
  const latex = fromLatex(text, map);
  const divergences = withDivergenceBars(latex.text, latex.map);
  const spelled = withSpelledGreekNames(divergences.text, divergences.map, names.declared);
  const layered = withLayerNames(spelled.text, spelled.map, names);
  const layers = withPartialsAtPoints(layered.text, layered.map, names.functions);
  const expectations = withExpectationBrackets(layers.text, layers.map, names.random, names.declared);
  const determinants = withDeterminantBars(expectations.text, expectations.map, names.square);
  const named = withSquaredNames(determinants.text, determinants.map, names.squared, names.declared);
  const ascii = asciiOperators(named.text, named.map);
  const bases = withLogBases(ascii.text, ascii.map);
  return { ...textbookNotation(bases.text, bases.map, names.declared, names.functions), line };
}

const STATEMENT_START = /^(derivation|source|given|let|claim)\b|^=(?!=)|^[<>\u2264\u2265]/;

/** The relation a step line starts with (`=`, `<=`, `<`, `>=`, `>`), or undefined: `==` starts no step. */
function leadingRelation(text: string): Relation | undefined {
  const m = /^(<=|>=|<|>|=(?!=))/.exec(text);
  return m ? m[1] as Relation : undefined;
}

function startsStatement(line: string): boolean {
  return STATEMENT_START.test(line);
}

/** Removes a `#` comment, leaving a `#` inside a quoted string alone. */
function withoutComment(line: string): string {
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') inString = !inString;
    else if (c === '#' && !inString) return line.slice(0, i);
  }
  return line;
}

/** Open brackets minus closed ones, outside strings: a positive depth continues on the next line. */
function bracketDepth(text: string, depth: number, inString: boolean): { depth: number; inString: boolean } {
  for (const c of text) {
    if (c === '"') inString = !inString;
    else if (inString) continue;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
  }
  return { depth, inString };
}

function quoted(line: LogicalLine, after: number, form: string): string {
  const rest = line.text.slice(after);
  // From the first quote to the last: a title quoted inside (source "Goodfellow "Deep Learning" 10.2") is text, and
  // refused, it lost every step of the file (probe 84).
  const m = /^\s*"(.*)"\s*$/.exec(rest);
  if (!m) {
    throw new DerivationError(diagnostic('syntax', `expected ${form}`, line.map.file,
      line.map.span(after, line.text.length), 'put the text between double quotes'));
  }
  return m[1];
}

/** Names as mathjs reads them in expressions: a letter (Greek ones included: σ), then letters, digits and _. */
const NAME = '[\\p{L}][\\p{L}\\p{N}_]*';
/** Dimension arithmetic (`n - k + 1`, `2*n`): the model reads it and checks that it is a dimension. */
const DIM_TERM = `(?:[0-9]+\\s*\\*\\s*)?(?:${NAME}|[0-9]+)`;
const DIM_EXPRESSION = new RegExp(`^-?\\s*${DIM_TERM}(?:\\s*[-+]\\s*${DIM_TERM})+$|^[0-9]+\\s*\\*\\s*${NAME}$`, 'u');
const IDENT = new RegExp(`^${NAME}$`, 'u');

/**
 * `given x \in \mathbb{R}^{n}` as the books declare a vector (as the line reaches the parser `x \in R^(n)`, or `x ∈ ℝ^n`): the
 * given's names and the type written in the language, `x: vector[n]`; `R^{m \times n}` a matrix, `R` a real,
 * `R_{+}` a real in [0, Infinity), `R_{++}` and `R_{>0}` positive ones. Undefined for anything else (`R_+^n` has no type).
 */
const SET_MEMBERSHIP = /^(given\s+.+?)\s*(?:\\in\b|\u2208)\s*(?:R|\u211d)(?![\p{L}\p{N}])\s*(?:(?:_\s*)?[{(\[]\s*(\+\+?|>\s*0)\s*[})\]]|_\s*(\+\+?))?\s*(?:\^\s*(?:[{(]([^{}()]*)[})]|([\p{L}\p{N}]+)))?\s*(?:(?:_\s*)?[{(\[]\s*(\+\+?|>\s*0)\s*[})\]]|_\s*(\+\+?))?\s*$/u;

function setMembershipType(text: string): { text: string } | undefined {
  const m = SET_MEMBERSHIP.exec(text);
  if (m === null) return undefined;
  // R_+ is [0, Infinity), R_{++} and R_{>0} (0, Infinity): the language has the first for a number only.
  const sign = (m[2] ?? m[3] ?? m[6] ?? m[7])?.replace(/\s+/gu, '');
  const exponent = (m[4] ?? m[5])?.trim();
  const dims = exponent === undefined ? [] : exponent.split(/\s*(?:\*|\u00d7|\\times|,)\s*/u).map((d) => d.trim());
  if (dims.length > 2 || dims.some((d) => !/^[\p{L}\p{N}_]+$/u.test(d)) || (sign === '+' && dims.length > 0)) return undefined;
  const kind = sign === '+' ? 'real in [0, Infinity)' : sign !== undefined ? 'positive' : dims.length === 0 ? 'real' : dims.length === 1 ? 'vector' : 'matrix';
  return { text: `${m[1]}: ${kind}${dims.length === 0 ? '' : `[${dims.join(', ')}]`}` };
}

function parseGiven(written: LogicalLine): GivenDecl {
  // The type a set membership writes, at the columns of the given's names (its own text has no column of its own).
  const membership = written.text.indexOf(':') < 0 ? setMembershipType(written.text) : undefined;
  const line = membership === undefined ? written : { ...written, text: membership.text, map: written.map.remap([...membership.text].map((_, k) => Math.min(k, written.text.length - 1))) };
  const file = line.map.file;
  const text = line.text;
  const colon = text.indexOf(':');
  const spanAll = line.map.span(0, text.length);
  if (colon < 0) {
    throw new DerivationError(diagnostic('syntax', "a given needs a type after ':'", file, spanAll,
      'write given NAME: TYPE, e.g. given x: vector[n]'));
  }
  const names: { name: string; span: Span }[] = [];
  let offset = 'given'.length;
  for (const part of text.slice(offset, colon).split(',')) {
    const name = part.trim();
    const start = offset + part.indexOf(name);
    if (!IDENT.test(name)) {
      throw new DerivationError(diagnostic('syntax', `'${name}' is not a name`, file,
        line.map.span(start, start + Math.max(1, name.length)),
        'a name starts with a letter and holds letters, digits and _'));
    }
    if (FORBIDDEN_NAMES.has(name)) throw keptName(name, file, line.map.span(start, start + name.length));
    if (INFINITY_NAMES.has(name)) throw infinityName(name, file, line.map.span(start, start + name.length));
    names.push({ name, span: line.map.span(start, start + name.length) });
    offset += part.length + 1;
  }
  const typeText = text.slice(colon + 1);
  const typeStart = colon + 1 + (typeText.length - typeText.trimStart().length);
  const type = parseType(typeText.trim(), line, typeStart);
  return { kind: 'given', names, type, span: spanAll };
}

function parseType(text: string, line: LogicalLine, start: number): TypeExpr {
  // real in (0, pi/2): a type and the interval its values lie in.
  const within = /^(.*?)\s+in\s*(?=[[(])/.exec(text);
  if (within) {
    const type = parseType(within[1].trim(), line, start);
    if (type.name === 'function' || type.interval !== undefined) {
      throw new DerivationError(diagnostic('syntax', `an interval is given for a number, not for ${type.name}`, line.map.file,
        line.map.span(start, start + text.length), 'write given x: real in (0, 1)'));
    }
    const interval = parseInterval(line, start + within[0].length, start + text.length);
    return { ...type, interval, span: line.map.span(start, start + text.length) };
  }
  // function(x, y): an abstract function of the arguments named.
  const signature = /^function\s*\((.*)\)$/.exec(text);
  if (signature) {
    const params: { text: string; span: Span }[] = [];
    let offset = start + text.indexOf('(') + 1;
    for (const part of signature[1].split(',')) {
      const param = part.trim();
      const at = offset + part.indexOf(param);
      if (!IDENT.test(param)) {
        throw new DerivationError(diagnostic('syntax', `'${param}' is not a name of an argument`, line.map.file, line.map.span(at, at + Math.max(1, param.length)),
          'write function(x, y): the names of the arguments, each a letter or a name'));
      }
      params.push({ text: param, span: line.map.span(at, at + param.length) });
      offset += part.length + 1;
    }
    return { name: 'function', dims: [], params, span: line.map.span(start, start + text.length) };
  }
  const m = /^([A-Za-z]+)\s*(?:\[(.*)\])?$/.exec(text);
  if (!m) {
    throw new DerivationError(diagnostic('syntax', `cannot read the type '${text}'`, line.map.file,
      line.map.span(start, start + Math.max(1, text.length)),
      'a type is a name with optional dimensions, e.g. real, vector[n], matrix[N, D]'));
  }
  const dims: { text: string; span: Span }[] = [];
  if (m[2] !== undefined) {
    let offset = start + text.indexOf('[') + 1;
    for (const part of m[2].split(',')) {
      const dim = part.trim();
      const at = offset + part.indexOf(dim);
      if (!new RegExp(`^(${NAME}|[1-9][0-9]*)$`, 'u').test(dim) && !DIM_EXPRESSION.test(dim)) {
        throw new DerivationError(diagnostic('syntax', `'${dim}' is not a dimension`, line.map.file,
          line.map.span(at, at + Math.max(1, dim.length)),
          'a dimension is a symbol such as n, a positive whole number, or a sum of them such as n - k + 1'));
      }
      // Dimension arithmetic too: its numbers raise the sizes tried (n - 1000 is tried at n = 1001 and up).
      const tooLarge = (dim.match(/(?<![\p{L}\p{N}_])[0-9]+/gu) ?? []).find((d) => d.length > 6 || Number(d) > LIMITS.fixedSize);
      if (tooLarge !== undefined && !/^\d+$/.test(dim)) {
        throw limitError(`the number ${tooLarge} in the dimension ${dim} is larger than ${LIMITS.fixedSize}`, line.map.file, line.map.span(at, at + dim.length),
          `a number in a dimension is at most ${LIMITS.fixedSize}`);
      }
      if (/^\d+$/.test(dim) && (dim.length > 6 || Number(dim) > LIMITS.fixedSize)) {
        throw limitError(`the size ${dim} is larger than ${LIMITS.fixedSize}`, line.map.file, line.map.span(at, at + dim.length),
          `a fixed size is at most ${LIMITS.fixedSize}; use a dimension symbol (vector[n]) to check every size`);
      }
      dims.push({ text: dim, span: line.map.span(at, at + dim.length) });
      offset += part.length + 1;
    }
  }
  return { name: m[1], dims, span: line.map.span(start, start + text.length) };
}

/** `(a, b)`, `[a, b]`, `(a, b]`, `[a, b)` from `from` to `end` of the line: the ends as expressions. */
function parseInterval(line: LogicalLine, from: number, end: number): IntervalExpr {
  const text = line.text.slice(from, end).trimEnd();
  const span = line.map.span(from, from + text.length);
  const close = text[text.length - 1];
  const comma = topLevelComma(text);
  if ((close !== ')' && close !== ']') || comma === undefined) {
    throw new DerivationError(diagnostic('syntax', `cannot read the interval '${text}'`, line.map.file, span,
      'write the ends between brackets, each ( or ) for an end left out and [ or ] for one included: in (0, pi/2), in [0, 1], in (1, Infinity)'));
  }
  const lower = expressionAt(line, from + 1, from + comma);
  const upper = expressionAt(line, from + comma + 1, from + text.length - 1);
  return { lower, upper, lowerClosed: text[0] === '[', upperClosed: close === ']', text, span };
}

/** The position of the one comma of an interval outside any bracket of its ends (`(atan2(1, 2), 3)`), or undefined. */
function topLevelComma(text: string): number | undefined {
  let depth = 0;
  let at: number | undefined;
  for (let p = 1; p < text.length - 1; p++) {
    const c = text[p];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      if (at !== undefined) return undefined;
      at = p;
    }
  }
  return at;
}

/**
 * A name of infinity declared: integral(t, 0, Infinity, E) and limit(h, Infinity, E) would then read an input where
 * the book means infinity (probe 67: a true step refuted with "counterexample: Infinity = 0").
 */
function infinityName(name: string, file: string, span: Span): DerivationError {
  return new DerivationError(diagnostic('syntax', `'${name}' cannot be declared: it is infinity, in limits, integrals and sums`, file, span, 'pick another name'));
}

/** A name the expression parser keeps from files (constructor, __proto__, evaluate): refused where it is declared. */
function keptName(name: string, file: string, span: Span): DerivationError {
  return new DerivationError(diagnostic('syntax', `'${name}' cannot be declared: it names a part of JavaScript's objects, which no derivation may declare, so that a file, which is data, never reaches code`, file, span,
    'pick another name'));
}

function parseLet(line: LogicalLine, recover: boolean): LetDecl {
  const file = line.map.file;
  const m = new RegExp(`^let\\s+(${NAME})\\s*(?:\\[([^\\]]*)\\]|\\(([^)]*)\\))?\\s*=(?!=)`, 'u').exec(line.text);
  const written = /^let\s+([\p{L}\p{N}_$]+)/u.exec(line.text);
  if (written && (FORBIDDEN_NAMES.has(written[1]) || INFINITY_NAMES.has(written[1]))) {
    const at = line.text.indexOf(written[1], 3);
    const span = line.map.span(at, at + written[1].length);
    throw FORBIDDEN_NAMES.has(written[1]) ? keptName(written[1], file, span) : infinityName(written[1], file, span);
  }
  if (!m) {
    throw new DerivationError(diagnostic('syntax', 'cannot read the let definition', file,
      line.map.span(0, line.text.length), 'write let NAME = EXPRESSION, let NAME[i] = EXPRESSION for entries, or let f(x) = EXPRESSION for a function'));
  }
  const nameStart = line.text.indexOf(m[1], 3);
  // A whole number at an index position is a first case of a recurrence (let h[0] = 0, then let h[t] = ... h[t - 1] ...).
  const params = m[2] === undefined ? [] : namesListed(line, m[2], line.text.indexOf('[') + 1, (name) => (IDENT.test(name) || /^[0-9]{1,6}$/.test(name) || AHEAD.test(name) ? undefined
    : { message: `'${name}' is not an index name`, hint: 'index parameters are names, e.g. let s[i] = ..., or a whole number for the first case of a recurrence, e.g. let h[0] = 0' }))
    .map((p) => {
      // k + 1 of a recurrence's step written ahead (let x_{k+1} = ...): the name, and by how much.
      const ahead = AHEAD.exec(p.name);
      return ahead === null ? p : { name: ahead[1], span: p.span, ahead: Number(ahead[2]) };
    });
  const args = m[3] === undefined ? [] : namesListed(line, m[3], line.text.indexOf('(') + 1, (name, before) => (IDENT.test(name) && !before.includes(name) ? undefined : {
    message: name === '' ? 'a function definition names its arguments' : `'${name}' is not an argument name${IDENT.test(name) ? ' of its own' : ''}`,
    hint: 'arguments are distinct names, e.g. let f(x) = x^2 + 1 or let g(x, y) = x * y',
  }));
  const bodyStart = m[0].length;
  // An unreadable body makes the steps that use the definition errors, as an unknown name in it does, not the whole file.
  const body = stepExpressionAt(line, bodyStart, line.text.length, recover);
  return {
    kind: 'let', name: m[1], nameSpan: line.map.span(nameStart, nameStart + m[1].length), params, ...(m[3] !== undefined ? { args } : {}), body,
    text: line.text.slice(bodyStart).trim(), span: line.map.span(0, line.text.length),
  };
}

/**
 * The names of a comma-separated list that starts at offset `from` of the line (a let's
 * `[i, j]` or `(x, y)`), each with its span; `problem` refuses one, given the names before it.
 */
/** A recurrence's count written ahead: `k+1`, `t + 2`. */
const AHEAD = /^([\p{L}][\p{L}\p{N}_]*)\s*\+\s*([1-9])$/u;

function namesListed(line: LogicalLine, list: string, from: number,
  problem: (name: string, before: readonly string[]) => { message: string; hint: string } | undefined): { name: string; span: Span }[] {
  const names: { name: string; span: Span }[] = [];
  let offset = from;
  for (const part of list.split(',')) {
    const name = part.trim();
    const at = offset + part.indexOf(name);
    const refused = problem(name, names.map((n) => n.name));
    if (refused) throw new DerivationError(diagnostic('syntax', refused.message, line.map.file, line.map.span(at, at + Math.max(1, name.length)), refused.hint));
    names.push({ name, span: line.map.span(at, at + name.length) });
    offset += part.length + 1;
  }
  return names;
}

/** `y'` of a function of one variable an equation defines (`implicit y(x): ...`) is its derivative: marked a prime. */
function markImplicitPrimes(statements: readonly Statement[]): void {
  const implicit = statements.find((s): s is ImplicitDecl => s.kind === 'implicit');
  if (implicit === undefined || implicit.args.length !== 1) return;
  const names = new Set([implicit.name]);
  for (const s of statements) {
    if (s.kind === 'claim') for (const e of [s.expr, ...s.steps.map((st) => st.expr)]) markPrimes(e, names);
    else if (s.kind === 'let') markPrimes(s.body, names);
  }
}

/** `implicit y(x): LHS = RHS` (or `implicit z(x, y): ...`): a function defined by an equation. */
function parseImplicit(line: LogicalLine): ImplicitDecl {
  const file = line.map.file;
  const form = 'write implicit y(x): EQUATION, the function the equation defines and what it is a function of (implicit y(x): x^2 + y^2 = 25; implicit z(x, y): x^2 + y^2 + z^2 = 1; implicit x: x^3 = 8 for a number)';
  const m = new RegExp(`^implicit\\s+(${NAME})\\s*(?:\\(([^)]*)\\))?\\s*:`, 'u').exec(line.text);
  if (!m) throw new DerivationError(diagnostic('syntax', 'cannot read the implicit definition', file, line.map.span(0, line.text.length), form));
  if (FORBIDDEN_NAMES.has(m[1])) {
    const at = line.text.indexOf(m[1], 'implicit'.length);
    throw keptName(m[1], file, line.map.span(at, at + m[1].length));
  }
  const nameStart = line.text.indexOf(m[1], 'implicit'.length);
  // `implicit x: x^3 = 8` (or `x()`): a number an equation defines, as a step that solves for it reads.
  const args = m[2] === undefined || m[2].trim() === '' ? [] : namesListed(line, m[2], line.text.indexOf('(') + 1, (name, before) => (IDENT.test(name) && !before.includes(name) && name !== m[1] && !FORBIDDEN_NAMES.has(name) ? undefined : {
    message: name === '' ? 'an implicit function names what it is a function of' : `'${name}' is not a variable name${IDENT.test(name) ? ' of its own' : ''}`,
    hint: 'name distinct variables, other than the function: implicit y(x): ..., implicit z(x, y): ...',
  }));
  const start = m[0].length;
  const equals = topLevelEquals(line.text, start);
  if (equals === undefined) {
    const doubled = line.text.indexOf('==', start);
    throw new DerivationError(diagnostic('syntax', doubled >= 0 ? 'an implicit definition\'s equation is written with one =, not ==' : 'an implicit definition is an equation: it has no =', file,
      doubled >= 0 ? line.map.span(doubled, doubled + 2) : line.map.span(start, line.text.length), form));
  }
  if (topLevelEquals(line.text, equals + 1) !== undefined) {
    const second = topLevelEquals(line.text, equals + 1)!;
    throw new DerivationError(diagnostic('syntax', 'an implicit definition is one equation: a second = here', file, line.map.span(second, second + 1), form));
  }
  return {
    kind: 'implicit', name: m[1], nameSpan: line.map.span(nameStart, nameStart + m[1].length), args,
    lhs: expressionAt(line, start, equals), rhs: expressionAt(line, equals + 1, line.text.length),
    text: line.text.slice(start).trim(), span: line.map.span(0, line.text.length),
  };
}

function parseClaim(line: LogicalLine, recover: boolean): { claim: Claim; steps: Step[] } {
  const start = 'claim'.length;
  const equals = topLevelEquals(line.text, start);
  // A line with no `=` may be an inequality, `claim 1 + x <= exp(x)`; with one, a comparison before it is a 0/1 value (`claim (x > 0) = 1`).
  const inequality = equals === undefined ? topLevelInequality(line.text, start) : undefined;
  if (inequality !== undefined) {
    const expr = stepExpressionAt(line, start, inequality.at, recover);
    const claim: Claim = {
      kind: 'claim', expr, text: line.text.slice(start, inequality.at).trim(), steps: [],
      span: line.map.span(0, line.text.length),
    };
    return { claim, steps: parseSteps(line, inequality.at + inequality.relation.length, recover, inequality.relation) };
  }
  if (equals === undefined) {
    // No step on this line: a trailing `expect wrong` or `by "..."` (a forgotten `=`) is not part of the expression.
    const [head] = parseSteps(line, start, recover);
    return { claim: { kind: 'claim', expr: head.expr, text: head.text, steps: [], span: head.span }, steps: [] };
  }
  const end = equals;
  const expr = stepExpressionAt(line, start, end, recover);
  const claim: Claim = {
    kind: 'claim', expr, text: line.text.slice(start, end).trim(), steps: [],
    span: line.map.span(0, line.text.length),
  };
  const steps = parseSteps(line, equals + 1, recover);
  return { claim, steps };
}

/**
 * Reads `EXPR [expect wrong] [by "REASON"]` starting at `start` (just after the `=`, or the relation): one step,
 * or one per `=` where the line chains them as a book prints a derivation, `= B = C`.
 */
function parseSteps(line: LogicalLine, start: number, recover: boolean, relation: Relation = '='): Step[] {
  let end = line.text.length;
  let justification: string | undefined;
  let expectWrong = false;
  for (let again = true; again;) {
    again = false;
    const head = line.text.slice(0, end);
    const by = /\s+by\s+"([^"]*)"\s*$/.exec(head);
    if (by && justification === undefined) {
      justification = by[1];
      end = by.index;
      again = true;
    }
    const wrong = /\s+expect\s+wrong\s*$/.exec(line.text.slice(0, end));
    if (wrong && !expectWrong) {
      expectWrong = true;
      end = wrong.index;
      again = true;
    }
    // The punctuation that ends a displayed formula (`= 1.`, `= 0,`), and a side condition set apart after it,
    // `\quad (x \in \mathbb{R})`: the book's prose, no part of the expression.
    // So is the shape said after it, `\in \mathbb{R}^{1 \times D}` (MML 5.x; probe 82: the LaTeX command \in was not read).
    const prose = /(?<![.])[ \t]*[.,;][ \t]*$|[ \t]+\([^()]*(?:\\in\b|\u2208)[^()]*\)[ \t]*$|[ \t]+(?:\\in\b|\u2208)[ \t]*(?:\\mathbb[ \t]*\{[ \t]*R[ \t]*\}|\u211d|R(?![\p{L}\p{N}_]))[^=<>]*$/u.exec(line.text.slice(start, end));
    if (prose && prose.index > 0) {
      end = start + prose.index;
      again = true;
    }
  }
  const stray = /\s(by|expect)\b/.exec(line.text.slice(start, end));
  if (stray && /^\s(by\s*"|expect\s+\w)/.test(line.text.slice(start + stray.index))) {
    const at = start + stray.index + 1;
    // `expect right` at the end: the word, not the place, is wrong (probe 67).
    const other = /^\s*expect\s+([\p{L}\w]+)\s*(?:by\s+"[^"]*"\s*)?$/u.exec(line.text.slice(start + stray.index));
    const word = other === null ? 0 : start + stray.index + other[0].indexOf(other[1]);
    const misplaced = stray[1] === 'expect' && other !== null && other[1] !== 'wrong'
      ? diagnostic('syntax', `expect takes one word, wrong, for a step known to be a mistake; got '${other[1]}'`, line.map.file,
        line.map.span(word, word + other[1].length), 'write expect wrong for a known mistake, or nothing: a step is expected to hold')
      : diagnostic('syntax', `'${stray[1]}' must come at the end of the step`, line.map.file,
        line.map.span(at, at + stray[1].length), 'write = EXPRESSION, then expect wrong and by "REASON" at the end');
    if (!recover) throw new DerivationError(misplaced);
    // The step is unreadable where the rest of the line cut it short (an unclosed bracket before `expect wrong`): that
    // step is an error, not the file (probe 82: a file of 36 steps was refused for one evaluation bar).
    return [{ expr: { kind: 'invalid', diagnostic: misplaced, span: misplaced.span! }, relation, justification, expectWrong, text: line.text.slice(start, end).trim(), span: line.map.span(0, line.text.length) }];
  }
  // `A = B = C` on one line, as books print a derivation: a step per `=`, each relating to the expression before it.
  const cuts: number[] = [];
  for (let at = topLevelEquals(line.text.slice(0, end), start); at !== undefined; at = topLevelEquals(line.text.slice(0, end), at + 1)) cuts.push(at);
  const bounds = [start, ...cuts.map((c) => c + 1)].map((from, k) => ({ from, to: k < cuts.length ? cuts[k] : end }));
  const span = line.map.span(0, line.text.length);
  // `expect wrong` marks one step: on a chain it would not say which.
  const unmarked = cuts.length > 0 && expectWrong
    ? diagnostic('syntax', 'expect wrong marks one step, and this line chains several', line.map.file, line.map.span(cuts[0], cuts[0] + 1),
      'put the wrong step on a line of its own (= ... expect wrong), so the mark says which')
    : undefined;
  if (unmarked !== undefined && !recover) throw new DerivationError(unmarked);
  return bounds.map(({ from, to }, k): Step => {
    const stepRelation = k === 0 ? relation : '=';
    // `<= B <= C` would read B <= C as a 0/1 value: an inequality chain takes one line a step.
    const chained = stepRelation === '=' ? undefined : topLevelInequality(line.text.slice(0, to), from);
    const twoRelations = unmarked ?? (chained === undefined ? undefined : diagnostic('syntax', `a step has one relation: '${chained.relation}' here starts another step`, line.map.file,
      line.map.span(chained.at, chained.at + chained.relation.length), `put ${chained.relation} ... on a line of its own, or write a comparison as a 0/1 value in parentheses`));
    if (twoRelations !== undefined && !recover) throw new DerivationError(twoRelations);
    const expr = twoRelations !== undefined ? { kind: 'invalid' as const, diagnostic: twoRelations, span: twoRelations.span! }
      : stepExpressionAt(line, from, to, recover);
    const last = k === bounds.length - 1;
    return { expr, relation: stepRelation, justification: last ? justification : undefined, expectWrong: last && expectWrong, text: line.text.slice(from, to).trim(), span };
  });
}

function expressionAt(line: LogicalLine, start: number, end: number): import('./ast.ts').Expr {
  const slice = line.text.slice(start, end);
  const lead = slice.length - slice.trimStart().length;
  const exprText = slice.trim();
  if (exprText.length === 0) {
    throw new DerivationError(diagnostic('syntax', 'an expression is missing', line.map.file,
      line.map.span(start, Math.max(start + 1, end)), 'write the expression after the keyword or the ='));
  }
  return parseExpression(exprText, line.map.slice(start + lead));
}

/**
 * A claim's or step's expression, or with `recover`, where it cannot be read, an
 * invalid expression carrying the problem: one unreadable step (an unknown operator, a
 * dotted call pasted from PyTorch) makes that step an error, not the whole file.
 * A limit (a line too long, brackets too deep) still refuses the file: that is
 * hostile input, not a slip.
 */
function stepExpressionAt(line: LogicalLine, start: number, end: number, recover: boolean): import('./ast.ts').Expr {
  if (!recover) return expressionAt(line, start, end);
  try {
    return expressionAt(line, start, end);
  } catch (error) {
    const problem = error instanceof DerivationSyntaxError ? error.diagnostics[0] : error instanceof DerivationError ? error.diagnostic : undefined;
    if (problem === undefined || problem.code === 'limit') throw error;
    const lead = line.text.slice(start, end).length - line.text.slice(start, end).trimStart().length;
    return { kind: 'invalid', diagnostic: problem, span: problem.span ?? line.map.span(start + lead, Math.max(start + lead + 1, end)) };
  }
}

/**
 * The offsets of the characters of `text` from `from` outside brackets and quoted strings, in order;
 * `visit` returns true to stop, or a number of characters to skip past the one it saw.
 */
function forEachTopLevel(text: string, from: number, visit: (c: string, i: number) => boolean | number | void): void {
  let depth = 0;
  let inString = false;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '"') inString = !inString;
    if (inString) continue;
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (depth === 0) {
      const next = visit(c, i);
      if (next === true) return;
      if (typeof next === 'number') i += next;
    }
  }
}

/** The offset of a top-level `=` that is not part of `==`, `<=`, `>=` or `!=`. */
function topLevelEquals(text: string, from: number): number | undefined {
  let found: number | undefined;
  forEachTopLevel(text, from, (c, i) => {
    if (c !== '=' || '=<>!'.includes(text[i - 1] ?? ' ') || text[i + 1] === '=') return false;
    found = i;
    return true;
  });
  return found;
}

/**
 * The first top-level `<=`, `>=`, `<` or `>` of a claim line with no `=`, outside
 * brackets and strings; none where the line has a top-level `?` (a comparison there
 * is a condition, `x > 0 ? x : 0`) or a `!=`.
 */
function topLevelInequality(text: string, from: number): { at: number; relation: Relation } | undefined {
  let found: { at: number; relation: Relation } | undefined;
  let condition = false;
  forEachTopLevel(text, from, (c, i) => {
    if (c === '?' || (c === '!' && text[i + 1] === '=')) { condition = true; return true; }
    if ((c !== '<' && c !== '>') || found !== undefined) return false;
    const relation = (text[i + 1] === '=' ? `${c}=` : c) as Relation;
    found = { at: i, relation };
    return relation.length - 1;
  });
  return condition ? undefined : found;
}

/** Refuses a file of more than {@link LIMITS.fileTerms} names and numbers, at the line where it passes the limit. */
function checkFileTerms(lines: readonly LogicalLine[], file: string): void {
  let count = 0;
  for (const line of lines) {
    count += line.text.match(/[\p{L}\p{N}_.]+/gu)?.length ?? 0;
    if (count > LIMITS.fileTerms) {
      throw new DerivationSyntaxError([limitError(`the file holds more than ${LIMITS.fileTerms} names and numbers`, file,
        line.map.span(0, 1), 'split it into several files').diagnostic]);
    }
  }
}
