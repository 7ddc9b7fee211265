import { LIMITS } from './limits.ts';
import type { SourceMap } from './source-map.ts';

/**
 * LaTeX as a transcription from a photo or a PDF gives it (`\frac{\partial \ell}{\partial w}`,
 * `\sum_{i=1}^{n}`, `\sigma(x)(1 - \sigma(x))`), read as the plain notation the rest of the
 * syntax stage reads: `\frac{a}{b}` is `((a)/(b))`, and a fraction of two differentials is
 * Leibniz's (`∂ℓ/∂w`, `d/dx`); `\sqrt{x}` is `sqrt(x)`, `\sqrt[3]{x}` the real cube root `cbrt(x)`, `\sqrt[4]{x}` is `(x)^(1/(4))`; Greek
 * letters, `\sum`, `\prod`, `\int`, `\partial`, `\nabla`, `\infty`, `\to` are their characters;
 * `\binom{n}{k}` is `binomial(n, k)`, `\lfloor x \rfloor` is `floor(x)`; `\cdot` and `\times` are `*`, `\odot` the entrywise product, `\le` and `\ge` `<=` and `>=`;
 * `^\top` is a transpose; `\left(` and `\right)` are brackets and `\|` a norm's bar; the
 * accents `\hat{y}`, `\bar{x}`, `\tilde{x}`, `\dot{x}`, `\vec{v}` are the letter's accent; fonts
 * (`\mathbf{x}`, `\operatorname{softmax}`, `\mathrm{d}`) are their contents; spacing is a space.
 * A command outside this list is an error at its column, never dropped: a file is checked as written.
 * Quoted text is left as written; the map keeps every character at its column.
 */

export const GREEK: Readonly<Record<string, string>> = {
  alpha: '\u03b1', beta: '\u03b2', gamma: '\u03b3', delta: '\u03b4', epsilon: '\u03b5', varepsilon: '\u03b5', zeta: '\u03b6', eta: '\u03b7',
  theta: '\u03b8', vartheta: '\u03b8', iota: '\u03b9', kappa: '\u03ba', lambda: '\u03bb', mu: '\u03bc', nu: '\u03bd', xi: '\u03be',
  pi: '\u03c0', rho: '\u03c1', varrho: '\u03c1', sigma: '\u03c3', varsigma: '\u03c3', tau: '\u03c4', upsilon: '\u03c5', phi: '\u03c6',
  varphi: '\u03c6', chi: '\u03c7', psi: '\u03c8', omega: '\u03c9', ell: '\u2113',
  // Planck's reduced constant, as physics books write it: the name hbar (probe 90: an unknown command).
  hbar: 'hbar', hslash: 'hbar',
  Gamma: '\u0393', Delta: '\u0394', Theta: '\u0398', Lambda: '\u039b', Xi: '\u039e', Pi: '\u03a0', Sigma: '\u03a3', Upsilon: '\u03a5',
  Phi: '\u03a6', Psi: '\u03a8', Omega: '\u03a9',
};

/** Commands that are one character or operator, and swallow the spaces after them as TeX does. */
const SYMBOLS: Readonly<Record<string, string>> = {
  cdot: ' * ', times: ' * ', ast: ' * ', div: ' / ', odot: ' .* ', circ: ' .* ', le: ' <= ', leq: ' <= ', leqslant: ' <= ',
  ge: ' >= ', geq: ' >= ', geqslant: ' >= ', ne: ' != ', neq: ' != ', lt: ' < ', gt: ' > ', infty: '\u221e', partial: '\u2202', approx: ' \u2248 ', simeq: ' \u2243 ',
  // Identically equal, or equal by definition (δ \equiv ∂E/∂a = ...): a step like =.
  equiv: ' = ', triangleq: ' = ', coloneqq: ' = ',
  sim: ' ~ ', nabla: '\u2207', sum: '\u2211', prod: '\u220f', int: '\u222b', to: '\u2192', rightarrow: '\u2192', top: "'", intercal: "'",
  '|': '\u2016', Vert: '\u2016', lVert: '\u2016', rVert: '\u2016', vert: '|', lvert: '|', rvert: '|', mid: ' | ', langle: '\u27e8', rangle: '\u27e9',
  '{': '(', '}': ')', ',': ' ', ';': ' ', ':': ' ', '>': ' ', ' ': ' ', '!': '', quad: ' ', qquad: ' ', displaystyle: '', textstyle: '', limits: '', nolimits: '',
  lfloor: 'floor(', rfloor: ')', lceil: 'ceil(', rceil: ')',
  left: '', right: '', big: '', Big: '', bigg: '', Bigg: '', bigl: '', bigr: '', Bigl: '', Bigr: '', biggl: '', biggr: '', Biggl: '', Biggr: '',
};

/** Functions of the tables, written as their names with a space after them (`\sin x` is `sin x`). */
const FUNCTIONS = new Set(['sin', 'cos', 'tan', 'sec', 'csc', 'cot', 'sinh', 'cosh', 'tanh', 'coth', 'arcsin', 'arccos', 'arctan',
  'ln', 'log', 'exp', 'max', 'min', 'det', 'tr', 'lim', 'sgn', 'arg', 'Pr']);

/** The symbols that close a bracket or a bar: a space after one stays before a word. */
const CLOSING_DELIMITERS = new Set(['rangle', 'rVert', 'rvert', 'rfloor', 'rceil', 'Vert', 'vert', '|']);

/** Fonts and wrappers whose argument is the text itself. */
const CONTENTS = new Set(['mathbf', 'boldsymbol', 'bm', 'mathrm', 'mathit', 'mathcal', 'mathbb', 'mathsf', 'mathnormal', 'operatorname',
  'text', 'textrm', 'textbf', 'textit', 'mbox', 'mathbfit', 'boxed', 'underline', 'mathds']);

/** The end of a big operator's or a bar's lower bound, after which a superscript is the upper bound. */
const UPPER_BOUND_FOLLOWS = /(?:\\(?:sum|prod|int|iint|iiint|oint)(?:\\limits|\\nolimits)?|\\right\s*[|\]]|\\[Bb]igg?r?\s*[|\]]|\\rvert|[|\]])\s*_(?:\{[^{}]*\}|[^{\s\\])\s*$/;

/** Fonts in which a lone d is a differential, \mathrm{d}x (a bold or italic d is a name, \mathbf{d}). */
const UPRIGHT_FONTS = new Set(['mathrm', 'operatorname', 'text', 'textrm', 'mathup', 'textup']);

/** Fonts in which a 1 alone is the vector of ones, `\mathbf{1}` (a 1 in \mathrm stays the number). */
const ONES_FONTS = new Set(['mathbf', 'boldsymbol', 'bm', 'mathbb', 'mathds', 'mathbfit']);

/** Commands of two arguments whose second is the text: a label set over or under it (`\overset{input}{x}` is x). */
const LABELLED = new Set(['overset', 'underset', 'stackrel']);

/** Accents, as the combining mark the letter carries (read as `yhat` by unicode-operators.ts). */
const ACCENTS: Readonly<Record<string, string>> = {
  hat: '\u0302', widehat: '\u0302', bar: '\u0304', overline: '\u0304', tilde: '\u0303', widetilde: '\u0303', dot: '\u0307', ddot: '\u0308', vec: '\u20d7',
};

/** Whether a line holds a LaTeX command outside quotes. */
export function hasLatex(text: string): boolean {
  return /\\[A-Za-z|,;:!{} >]/.test(text.replace(/"(?:[^"\\]|\\.)*"/g, ''));
}

export function fromLatex(text: string, map: SourceMap): { text: string; map: SourceMap } {
  // Braces nested past the bracket limit are left for the bracket check to report (each level is a reader of its own).
  if (!hasLatex(text) || braceDepth(text) > LIMITS.bracketDepth) return { text, map };
  const reader = new LatexReader(text);
  reader.read(0, text.length);
  return { text: reader.out.join(''), map: map.remap(reader.sources) };
}

/**
 * A differential of an entry written after its matrix's bracket, ∂(W_2)_{ij} (by then ∂(W_2)_ij), as the entry
 * ∂W_2[i, j]: so \frac{\partial L}{\partial (W_2)_{ij}} is Leibniz's fraction (probe 47). Any other part as it is.
 */
function entryOfBracket(reader: LatexReader): LatexReader {
  const text = reader.out.join('');
  const m = /^([ \t]*\u2202)[ \t]*\(([\p{L}][\p{L}\p{N}_]*)\)_(\p{L}{1,2}|\d+)[ \t]*$/u.exec(text);
  if (m === null) return reader;
  const indices = /^\d+$/.test(m[3]) ? m[3] : [...m[3]].join(', ');
  const written = `${m[1]}${m[2]}[${indices}]`;
  const part = reader.slice(0, 0);
  const at = reader.sources[0] ?? 0;
  for (const c of written) { part.out.push(c); part.sources.push(at); }
  return part;
}

/** A fraction's part with its differentials d written ∂ (`dL` is `∂L`, `dx^2` is `∂x^2`, `dx dy` is `∂x∂y`). */
function roundDifferentials(reader: LatexReader): LatexReader {
  const text = reader.out.join('');
  const part = reader.slice(0, reader.out.length);
  for (let k = 0; k < text.length; k++) {
    if (text[k] === 'd' && (k === 0 || !/[\p{L}\p{N}_]/u.test(text[k - 1])) && /[\p{L}\s^]/u.test(text[k + 1] ?? '')) part.out[k] = '\u2202';
  }
  return part;
}

/** The offsets of text[a, b) without the spaces at its ends. */
function withoutSpaces(text: string, a: number, b: number): [number, number] {
  while (a < b && /\s/.test(text[a])) a++;
  while (b > a && /\s/.test(text[b - 1])) b--;
  return [a, b];
}

/** The deepest nesting of LaTeX braces in a line. */
export function braceDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (const c of text) {
    if (c === '{') deepest = Math.max(deepest, ++depth);
    else if (c === '}') depth--;
  }
  return deepest;
}

class LatexReader {
  readonly out: string[] = [];
  readonly sources: number[] = [];

  constructor(private readonly text: string) {}

  /** Each open sized square bracket, innermost last: whether it groups (read as a round one) or stays (E[...], x[i]). */
  private readonly sizedSquares: boolean[] = [];

  private emit(s: string, from: number): void {
    for (const c of s) { this.out.push(c); this.sources.push(from); }
  }

  /** Reads text[from, to) and writes it translated. */
  read(from: number, to: number): void {
    const { text } = this;
    let inString = false;
    to = Math.min(to, text.length);
    for (let i = from; i < to; i++) {
      const c = text[i];
      if (c === '"') inString = !inString;
      if (inString || c !== '\\') {
        // W_{ij}: a subscript of letters and digits is written without its braces, as the notation reads it, so ∂L/∂W_ij is Leibniz's.
        const subscript = !inString && c === '_' ? /^_\{\s*([\p{L}\p{N}]+)\s*\}/u.exec(text.slice(i, i + 24)) : null;
        if (subscript) {
          this.emit('_', i);
          this.emit(subscript[1], i + subscript[0].indexOf(subscript[1]));
          i += subscript[0].length - 1;
          // \gamma_{mk}x_m, \delta_{pj}R_{iq}: the braces end the subscript, and a name against them is a factor of its own.
          if (/[\p{L}]/u.test(text[i + 1] ?? '')) this.emit(' ', i);
          continue;
        }
        // x_1x_2 as TeX sets it: a subscript without braces is one token, so a digit's subscript ends before a letter.
        if (!inString && c === '_' && /^_\d[\p{L}]/u.test(text.slice(i, i + 3)) && i > 0 && /[\p{L}}]/u.test(text[i - 1])) {
          this.emit('_', i);
          this.emit(text[i + 1], i + 1);
          this.emit(' ', i + 1);
          i += 1;
          continue;
        }
        // ^\top, ^{\top}, ^{T}: the transpose mark.
        // After a sum's, an integral's or a bar's lower bound, ^{T} is the upper bound T (\sum_{t=1}^{T}, \int_0^{T}).
        const transpose = !inString && c === '^' && !UPPER_BOUND_FOLLOWS.test(text.slice(Math.max(0, i - 60), i))
          ? /^\^(?:\\top|\\intercal|\{\s*(?:\\top|\\intercal|T)\s*\})(?![A-Za-z])/.exec(text.slice(i, i + 14)) : null;
        if (transpose) { this.emit("'", i); i += transpose[0].length - 1; continue; }
        // x^{2} is x^2, a digit in braces: so a Leibniz order reads as one, \partial^{2} f / \partial x^{2} as
        // \partial^2 f / \partial x^2 (its braces were an error).
        const digit = !inString && c === '^' && !UPPER_BOUND_FOLLOWS.test(text.slice(Math.max(0, i - 60), i)) ? /^\^\{(\d)\}/.exec(text.slice(i, i + 4)) : null;
        if (digit) { this.emit('^', i); this.emit(digit[1], i + 2); i += 3; continue; }
        this.emit(c, i);
        continue;
      }
      i = this.command(i, to) - 1;
    }
  }

  /** Reads the command at i (text[i] is the backslash); returns the offset after it and its arguments. */
  private command(i: number, to: number): number {
    const { text } = this;
    const word = /^\\([A-Za-z]+|.)/.exec(text.slice(i, i + 40));
    const name = word?.[1] ?? '';
    let next = i + 1 + name.length;
    const letters = /^[A-Za-z]/.test(name);
    // TeX's control words swallow the spaces after them.
    const afterSpaces = () => { let k = next; while (letters && k < to && (text[k] === ' ' || text[k] === '\t')) k++; return k; };
    // x\cos x and 2\sin x: a letter or digit before a name of letters would join it (xcos, 2sin), as TeX never does.
    // A differential's d stays against its Greek variable: \int ... d\theta is dθ, not d times θ.
    const differential = () => this.out[this.out.length - 1] === 'd' && !/[\p{L}\p{N}_]/u.test(this.out[this.out.length - 2] ?? ' ');
    const apart = () => { if (this.out.length > 0 && /[\p{L}\p{N}]/u.test(this.out[this.out.length - 1]) && !differential()) this.emit(' ', i); };
    if (Object.hasOwn(GREEK, name)) {
      apart();
      this.emit(GREEK[name], i);
      return next;
    }
    // \log_e x is the natural logarithm.
    if (name === 'log' && text.startsWith('_e', next) && !/[\p{L}\p{N}]/u.test(text[next + 2] ?? '')) {
      apart();
      this.emit('ln', i);
      next += 2;
      const after = afterSpaces();
      if (after < to && !/[(_^[{]/.test(text[after]) && !/^\\(?:left|big|Big|bigg|Bigg)/.test(text.slice(after, after + 5))) this.emit(' ', i);
      return after;
    }
    // An evaluation bar or bracket, \left. F \right|_{x=3}, \left[ F \right]_0^1: F at a point, or its change between two.
    const evaluated = SIZED_BRACKETS.has(name) && (text[next] === '[' || (name === 'left' && text[next] === '.')) ? this.evaluationBar(next, to) : undefined;
    if (evaluated !== undefined) {
      const { inner, variable, lower, upper, end } = evaluated;
      if (upper === undefined) {
        // |_{x=1, y=2}: at a point of several variables, one subs each.
        const points = this.pointAssignments(variable!, lower);
        this.emit('subs('.repeat(points.length), i);
        this.read(inner[0], inner[1]);
        for (const point of points) {
          this.emit(`, ${point.variable}, `, inner[1]);
          this.read(point.value[0], point.value[1]);
          this.emit(')', end - 1);
        }
      } else {
        this.emit('between(', i);
        this.read(inner[0], inner[1]);
        this.emit(variable === undefined ? ', ' : `, ${variable}, `, inner[1]);
        this.read(lower[0], lower[1]);
        this.emit(', ', lower[1]);
        this.read(upper[0], upper[1]);
        this.emit(')', end - 1);
      }
      return end;
    }
    // A sized bar after the expression with no \left. before it, \frac{d}{dt} \sigma(t) \Big|_{t=0}, as the books print it:
    // the expression since its side began at that point (an absolute value's bars never carry a point's subscript).
    const point = SIZED_BRACKETS.has(name) && name !== 'left' && text[next] === '|' ? this.unopenedBar(next + 1, to) : undefined;
    if (point !== undefined) {
      const start = this.sideStart();
      if (start !== undefined) {
        const points = this.pointAssignments(point.variable, point.value);
        const opening = 'subs('.repeat(points.length);
        this.out.splice(start, 0, ...opening);
        this.sources.splice(start, 0, ...[...opening].map(() => this.sources[start] ?? i));
        for (const assignment of points) {
          this.emit(`, ${assignment.variable}, `, i);
          this.read(assignment.value[0], assignment.value[1]);
          this.emit(')', point.end - 1);
        }
        return point.end;
      }
    }
    // ∇ \cdot F and ∇ \times F are the divergence and the curl, not products: kept as · and × for the next stage.
    if ((name === 'cdot' || name === 'times') && this.out.join('').trimEnd().endsWith('\u2207')) {
      this.emit(name === 'cdot' ? ' \u00b7 ' : ' \u00d7 ', i);
      return next;
    }
    if (Object.hasOwn(SYMBOLS, name)) {
      // \frac{d}{dx}\int_0^x ..., 2\sum_i: the sign is no part of the name before it (d/dx∫ read no operator).
      if (name === 'int' || name === 'sum' || name === 'prod') apart();
      // A^{-\top}, the transposed inverse (the Matrix Cookbook's A^{-T}): the T of A^{-T}, not a prime after a minus.
      const inverseTranspose = (name === 'top' || name === 'intercal') && /\^\{\s*-\s*$/.test(text.slice(Math.max(0, i - 8), i));
      this.emit(inverseTranspose ? 'T' : SYMBOLS[name], i);
      const command = next;
      next = afterSpaces();
      // A closing delimiter keeps the space after it before a word: \rangle expect wrong is the step and its mark,
      // not ⟩expect (probe 50's rerun).
      if (CLOSING_DELIMITERS.has(name) && next > command && /\p{L}/u.test(text[next] ?? '')) this.emit(' ', command);
      // \left. and \right. are no bracket at all.
      if ((name === 'left' || name === 'right') && text[next] === '.') next++;
      // A sized square bracket groups, as a round one does: \frac{1}{2}\left[1 - \tanh x\right] indexes nothing (probe 41).
      // After a name (with its subscript) it stays: \mathbb{E}_{t \sim p}\left[ ... \right] is an expectation's bracket.
      if (SIZED_BRACKETS.has(name) && text[next] === '[') {
        const grouping = !afterName(text, i) && !listInside(text, next + 1);
        this.sizedSquares.push(grouping);
        if (grouping) { this.emit('(', next); next++; }
      } else if (SIZED_BRACKETS.has(name) && text[next] === ']' && this.sizedSquares.pop() === true) {
        this.emit(')', next);
        next++;
      }
      // ∞ is the name Infinity by the next stage: \int_0^\infty \lambda is ∫_0^∞ λ, not a name ∞λ.
      if (name === 'infty' && next < to && /[\p{L}\p{N}\\]/u.test(text[next])) this.emit(' ', next);
      return next;
    }
    if (FUNCTIONS.has(name)) {
      apart();
      this.emit(name === 'arcsin' ? 'asin' : name === 'arccos' ? 'acos' : name === 'arctan' ? 'atan' : name === 'sgn' ? 'sign' : name, i);
      next = afterSpaces();
      // \lim\limits_{x \to 0}, \max\limits_{i}: where the subscript is set says nothing of what it means.
      const limits = /^\\(?:no)?limits(?![A-Za-z])/.exec(text.slice(next, next + 10));
      if (limits !== null) next = this.skipSpaces(next + limits[0].length, to);
      // \cos \frac{\sqrt{3}}{2} t, Boyce and DiPrima's solution as printed: a fraction and the variable after it are the
      // argument, cos((sqrt(3)/2) t), as \sin 2t is sin(2t) (it was cos(sqrt(3)/2) times t, and a true step refuted).
      const fraction = /^\\[dt]?frac(?![A-Za-z])/.exec(text.slice(next, next + 7));
      if (fraction !== null) {
        const [, bottom] = this.twoArguments(this.skipSpaces(next + fraction[0].length, to), to, fraction[0].slice(1));
        const variableAt = this.skipSpaces(bottom.end, to);
        const variable = /^(?:[A-Za-z](?![A-Za-z])|\\(?:alpha|beta|gamma|delta|epsilon|theta|lambda|mu|nu|omega|phi|psi|sigma|tau|xi|eta|rho|kappa|zeta|chi)(?![A-Za-z]))/.exec(text.slice(variableAt, variableAt + 9));
        if (variable !== null && variableAt + variable[0].length <= to) {
          this.emit('(', next);
          this.read(next, variableAt + variable[0].length);
          this.emit(')', variableAt + variable[0].length - 1);
          return variableAt + variable[0].length;
        }
      }
      // A space stands for the one TeX swallowed (\sin x is sin x), except before a bracket or a subscript.
      // Nor before an environment, whose bracket is the call's: \det \begin{pmatrix} is det([[...]]).
      if (next < to && !/[(_^[{]/.test(text[next]) && !/^\\(?:left|big|Big|bigg|Bigg|begin)/.test(text.slice(next, next + 6))) this.emit(' ', i);
      return next;
    }
    if (name === 'frac' || name === 'dfrac' || name === 'tfrac') {
      const [top, bottom] = this.twoArguments(afterSpaces(), to, name);
      // Each argument is read once (reading it twice, to decide and to write, doubled the work at every level of nesting).
      const [a, bottomRead] = [this.translated(top), this.translated(bottom)];
      // The Matrix Cookbook's Hessian, \partial^2 f / \partial x \partial x^T: the second derivative in x twice (the ^T says
      // the layout, which hessian's is already).
      const transposed = /^(\s*\u2202\s*([\p{L}_][\p{L}\p{N}_]*)\s*\u2202\s*\2)\s*(?:\^T|')\s*$/u.exec(bottomRead.out.join(''));
      const b = entryOfBracket(transposed === null ? bottomRead : bottomRead.slice(0, [...transposed[1]].length));
      // A fraction of differentials is Leibniz's: ∂ℓ/∂w, d/dx, d²y/dx², read by the textbook notation as written.
      const numerator = a.out.join('');
      // ∂(x, y)/∂(r, θ), the Jacobian of a change of variables as Stewart 15.9 prints it: its determinant.
      const listOf = (written: string) => /^\s*\u2202\s*\(([^()]*,[^()]*)\)\s*$/u.exec(written)?.[1];
      const [functions, variables] = [listOf(numerator), listOf(bottomRead.out.join(''))];
      if (functions !== undefined && variables !== undefined) {
        apart();
        this.emit(`det(jacobian([${functions}], [${variables}]))`, i);
        return bottom.end;
      }
      // A ratio of two derivatives written in the fraction, \frac{\partial Q / \partial L}{\partial Q / \partial K} (a marginal
      // rate of substitution): a plain fraction of two Leibniz fractions, not an operator (probe 56).
      const ratioOfDerivatives = LEIBNIZ_FRACTION.test(numerator) && LEIBNIZ_FRACTION.test(bottomRead.out.join(''));
      const differential = ratioOfDerivatives ? null : /^\s*(\u2202|d)(\s*(?:\^\s*\d|[\u00b2\u00b3]))?\s*/u.exec(numerator);
      // d ln Q / d ln P, an elasticity as economics prints it: a derivative in log P is P times the one in P.
      const inLog = differential !== null && differential[2] === undefined ? LOG_DIFFERENTIAL.exec(text.slice(bottom.inner[0], bottom.inner[1])) : null;
      if (inLog !== null) {
        const variable = inLog[2] ?? inLog[3] ?? inLog[4];
        apart();
        this.emit(`(${variable}*(${differential![1]}/${differential![1]}${variable}(`, i);
        this.emitReader(a.slice(differential![0].length, numerator.length), false);
        this.emit(')))', bottom.end - 1);
        return bottom.end;
      }
      if (differential !== null && /^(\u2202|d)[\p{L}\s]/u.test(b.out.join('').trimStart())) {
        // A coefficient against it, 2\frac{dy}{dt} (Boyce and DiPrima print y'' + 2y' + 5y so), is a factor before it, not 2d.
        apart();
        const rest = numerator.slice(differential[0].length);
        if (rest === '') {
          this.emitReader(a, true);
          this.emit('/', bottom.start);
          this.emitReader(b, true);
          // \frac{d}{dt}A\cos(\omega t): the operator ends at its brace, not in the name after it (dtA).
          // So before a norm's bars: \frac{\partial}{\partial x}\|x\|_2^2.
          if (/^(?:\p{L}|\\(?!left|right|big|Big|bigg|Bigg)[A-Za-z]|\\\|)/u.test(text.slice(bottom.end, bottom.end + 8))) this.emit(' ', bottom.end - 1);
        } else if (/^[\p{L}_][\p{L}\p{N}_]*$/u.test(rest)) {
          // \frac{dL}{dY} is written ∂L/∂Y, the derivative of a name in one variable: so the chain rule's product
          // dL/dY dY/dx is two fractions (not dL / (dY dY) / dx), and Y may be a let, as ∂ allows.
          this.emitReader(roundDifferentials(a), true);
          this.emit('/', bottom.start);
          this.emitReader(roundDifferentials(b), true);
        } else {
          // ∂L(s, y)/∂x_k, d log(1 + e^x)/dx: the operator before the numerator in brackets, ∂/∂x_k(L(s, y)), the whole in
          // brackets of its own: the fraction is the derivative alone, and a bracket after it is a factor beside it
          // (\frac{d e^{x}}{dx} \left( \frac{1}{1 + x^2} \right) is e^x times 1/(1 + x^2), probe 47).
          const operator = differential[0].length;
          this.emit('(', i);
          this.emitReader(a.slice(0, operator), true);
          this.emit('/', bottom.start);
          this.emitReader(b, true);
          this.emit('(', bottom.end - 1);
          this.emitReader(a.slice(operator, numerator.length), false);
          this.emit('))', bottom.end - 1);
        }
      } else {
        this.emit('((', i);
        this.emitReader(a, false);
        this.emit(')/(', bottom.start);
        this.emitReader(b, false);
        this.emit('))', bottom.end - 1);
      }
      return bottom.end;
    }
    if (name === 'binom' || name === 'dbinom' || name === 'tbinom') {
      const [top, bottom] = this.twoArguments(afterSpaces(), to, name);
      apart();
      this.emit('binomial(', i);
      this.emitTranslated(top, false);
      this.emit(', ', bottom.start);
      this.emitTranslated(bottom, false);
      this.emit(')', bottom.end - 1);
      return bottom.end;
    }
    if (name === 'sqrt') {
      let k = afterSpaces();
      let index: { start: number; end: number } | undefined;
      if (text[k] === '[') {
        const close = text.indexOf(']', k);
        if (close < 0) return this.emitRaw(i, to);
        index = { start: k + 1, end: close };
        k = close + 1;
      }
      const radicand = this.argument(k, to, name);
      // The real cube root, as a book's ∛x is; other orders as powers (of a positive radicand).
      const cube = index !== undefined && this.text.slice(index.start, index.end).trim() === '3';
      // x\sqrt{x} and \frac{d}{dx}\sqrt{...}: the root is no part of the name before it (xsqrt, dxsqrt).
      apart();
      if (index === undefined || cube) {
        this.emit(cube ? 'cbrt(' : 'sqrt(', i);
        this.emitTranslated(radicand, false);
        this.emit(')', radicand.end - 1);
      } else {
        this.emit('(', i);
        this.emitTranslated(radicand, false);
        this.emit(')^(1/(', radicand.end - 1);
        this.read(index.start, index.end);
        this.emit('))', radicand.end - 1);
      }
      return radicand.end;
    }
    if (CONTENTS.has(name)) {
      const inner = this.argument(afterSpaces(), to, name);
      const indicator = /^\s*(?:1|I)\s*$/.test(text.slice(inner.inner[0], inner.inner[1])) && (name === 'mathbb' || name === 'mathbf' || name === 'mathds')
        ? this.indicatorCondition(inner.end, to) : undefined;
      // \mathcal{L}\{f(t)\}: the Laplace transform of f (Boyce and DiPrima 6.1), its braces a bracket.
      if (name === 'mathcal' && /^\s*L\s*$/.test(text.slice(inner.inner[0], inner.inner[1])) && /^\s*(?:\\left\s*)?\\\{/.test(text.slice(inner.end, inner.end + 12))) {
        this.emit('laplace', i);
        return inner.end;
      }
      // \mathbf{1}, \mathbb{1}, \boldsymbol{1} with no condition after it: the vector of ones (X^T \mathbf{1}, \mathbf{1}^\top Y
      // \mathbf{1}), of the length what it multiplies or is added to gives it; \mathbf{1}_N, \mathbf{1}_{K}: of length N, K.
      const oneInFont = /^\s*1\s*$/.test(text.slice(inner.inner[0], inner.inner[1])) && ONES_FONTS.has(name);
      const sizeWritten = indicator !== undefined && /^\s*[\p{L}\p{N}]+\s*$/u.test(text.slice(indicator.condition[0], indicator.condition[1]));
      if (oneInFont && (indicator === undefined || sizeWritten)) {
        if (this.out[this.out.length - 1] === '}') this.emit(' ', i);
        else apart();
        this.emit('ones(', i);
        if (sizeWritten) this.read(indicator.condition[0], indicator.condition[1]);
        this.emit(')', (indicator?.end ?? inner.end) - 1);
        return indicator?.end ?? inner.end;
      }
      if (indicator !== undefined) {
        // \mathbb{1}_{\{j = k\}}, \mathbb{I}\{y = k\}, \mathbb{1}[y = k]: the indicator 1{...} of the notation.
        this.emit('1{', i);
        this.read(indicator.condition[0], indicator.condition[1]);
        this.emit('}', indicator.end - 1);
        return indicator.end;
      }
      // \frac{\partial}{\partial X}\operatorname{Tr}(A X): a word is a function's name, no part of the name before it (XTr).
      // So is a letter in a font a name of its own, as TeX sets it: \mathbf{X}^T\mathbf{X} is X^T X (not X^TX, a superscript
      // TX), \mathbf{a}\mathbf{b}^T is a b^T, \lambda\mathbf{w} is λ w (probe 70). But \mathrm{d}x is a differential, dx.
      // After a superscript's brace too: \mathbf{X}^{-1}\mathbf{B} is X^{-1} B.
      // Only an upright d: \eta\mathbf{d}, a step along a direction d (Murphy 8.2), is η d, not one name ηd (probe 82).
      if (!(/^\s*d\s*$/.test(text.slice(inner.inner[0], inner.inner[1])) && UPRIGHT_FONTS.has(name))) {
        if (this.out[this.out.length - 1] === '}') this.emit(' ', i);
        else apart();
      }
      this.emitTranslated(inner, false);
      return inner.end;
    }
    if (name === 'begin' && /^\{cases\}/.test(text.slice(next, next + 7))) return this.cases(i, next + 7, to);
    const environment = name === 'begin' ? /^\{([pbBvV]?)matrix\}/.exec(text.slice(next, next + 10)) : null;
    if (environment !== null) return this.matrix(i, next + environment[0].length, to, environment[1]);
    if (LABELLED.has(name)) {
      const [, inner] = this.twoArguments(afterSpaces(), to, name);
      this.emitTranslated(inner, false);
      return inner.end;
    }
    if (Object.hasOwn(ACCENTS, name)) {
      // m\ddot{x} is m times ẍ (Goldstein, Taylor), not one name mẍ.
      apart();
      const inner = this.argument(afterSpaces(), to, name);
      this.emitTranslated(inner, false);
      this.emit(ACCENTS[name], inner.end - 1);
      return inner.end;
    }
    // Left as written: the expression parser reports it at its column, in the step that holds it (unreadLatex).
    this.emit(text.slice(i, next), i);
    return next;
  }

  /**
   * `\begin{pmatrix} a & b \\ c & d \end{pmatrix}` (and bmatrix, Bmatrix, matrix) is the matrix `[[a, b], [c, d]]`, a
   * single column the vector `[a, c]`; `vmatrix` (and Vmatrix) its determinant, `det([[a, b], [c, d]])`: the
   * Wronskian and the Jacobian of a change of variables as Boyce and DiPrima and Stewart print them (probe 50).
   */
  private matrix(i: number, from: number, to: number, kind: string): number {
    const { text } = this;
    const closing = `\\end{${kind}matrix}`;
    const end = text.indexOf(closing, from);
    if (end < 0 || end >= to) return this.emitRaw(i, from);
    const rows: [number, number][][] = [];
    let row: [number, number][] = [];
    let depth = 0;
    let start = from;
    const cell = (at: number) => { row.push(withoutSpaces(text, start, at)); };
    for (let k = from; k < end; k++) {
      const c = text[k];
      if (c === '\\' && text[k + 1] === '\\' && depth === 0) { cell(k); rows.push(row); row = []; start = k + 2; k++; continue; }
      if (c === '\\') { k++; continue; }
      if (c === '{') depth++;
      else if (c === '}') depth--;
      else if (c === '&' && depth === 0) { cell(k); start = k + 1; }
    }
    cell(end);
    rows.push(row);
    // A closing \\ before \end leaves an empty last row.
    const filled = rows.filter((r) => r.some(([a, b]) => text.slice(a, b).trim() !== ''));
    if (filled.length === 0) return this.emitRaw(i, end + closing.length);
    const determinant = kind === 'v' || kind === 'V';
    const column = !determinant && filled.every((r) => r.length === 1);
    // In brackets: two side by side are a product, (A)(v), not an entry of the first, A[1, 1].
    this.emit(determinant ? 'det([' : '([', i);
    filled.forEach((r, k) => {
      if (k > 0) this.emit(', ', r[0][0]);
      if (!column) this.emit('[', r[0][0]);
      r.forEach(([a, b], c) => {
        if (c > 0) this.emit(', ', a);
        this.read(a, b);
      });
      if (!column) this.emit(']', r[r.length - 1][1]);
    });
    this.emit('])', end);
    return end + closing.length;
  }

  /**
   * `\begin{cases} v1 & c1 \\ v2 & c2 \end{cases}`, a definition by cases (the ReLU's slope, the
   * softmax Jacobian's i = j and i ≠ j): `(1{c1} ? (v1) : 1{c2} * (v2))`, each condition read as an
   * indicator's (a single = compares). The last case's condition is kept as a factor, not assumed
   * to be the rest: where no condition holds the value is 0, so a slip in it shows. A last case
   * `\text{otherwise}` (or `else`) is the rest. `\text{if }`, `\text{for }`, `\quad` and a
   * closing comma or full stop around a condition are words, not part of it; conditions joined by a comma
   * all hold, the product of their indicators.
   */
  private cases(i: number, from: number, to: number): number {
    const { text } = this;
    const end = text.indexOf('\\end{cases}', from);
    if (end < 0 || end >= to) return this.emitRaw(i, from);
    const rows: { value: [number, number]; condition?: [number, number] }[] = [];
    let depth = 0;
    let start = from;
    let ampersand = -1;
    const close = (at: number) => {
      if (text.slice(start, at).trim() === '') return;
      rows.push({ value: withoutSpaces(text, start, ampersand < 0 ? at : ampersand), condition: ampersand < 0 ? undefined : [ampersand + 1, at] });
    };
    for (let k = from; k < end; k++) {
      const c = text[k];
      if (c === '\\' && text[k + 1] === '\\' && depth === 0) { close(k); start = k + 2; ampersand = -1; k++; continue; }
      if (c === '\\') { k++; continue; }
      if (c === '{') depth++;
      else if (c === '}') depth--;
      else if (c === '&' && depth === 0 && ampersand < 0) ampersand = k;
    }
    close(end);
    if (rows.length === 0) return this.emitRaw(i, end + '\\end{cases}'.length);
    this.emit('(', i);
    rows.forEach((row, r) => {
      const condition = row.condition && this.caseCondition(row.condition);
      const last = r === rows.length - 1;
      if (condition === 'otherwise' || (last && condition === undefined)) {
        this.emit('(', row.value[0]);
        this.read(row.value[0], row.value[1]);
        this.emit(')', row.value[1]);
        return;
      }
      // Conditions joined by a comma (MML's j = p, p \neq q): each its indicator, their product the case's.
      const parts = condition === undefined ? undefined : this.commaParts(condition);
      if (parts !== undefined && parts.length > 1) this.emit('(', row.value[0]);
      this.emit('1{', row.value[0]);
      if (parts === undefined) this.emit('?', row.value[1]);
      else parts.forEach((part, p) => { if (p > 0) this.emit('} * 1{', part[0]); this.read(part[0], part[1]); });
      if (parts !== undefined && parts.length > 1) this.emit('}) ', row.value[0]);
      this.emit(parts !== undefined && parts.length > 1 ? (last ? '* (' : '? (') : last ? '} * (' : '} ? (', row.value[0]);
      this.read(row.value[0], row.value[1]);
      this.emit(last ? ')' : ') : ', row.value[1]);
    });
    this.emit(')', end);
    return end + '\\end{cases}'.length;
  }

  /**
   * After a sized opening `[` or `\left.` at k: its closing `]` or `|` (a sized one, `\right]`, `\Big|`, at the same
   * depth of \left and \right) followed by a subscript, `_{x=3}`, `_{0}^{1}`, `_{x=0}^{1}`, `_0^1`: the inside, the
   * variable where written, the bounds as offsets, and the offset after them. Undefined for any other bracket.
   */
  private evaluationBar(k: number, to: number): { inner: [number, number]; variable?: string; lower: [number, number]; upper?: [number, number]; end: number } | undefined {
    const { text } = this;
    let depth = 0;
    for (let j = k + 1; j < to; j++) {
      if (text[j] !== '\\') continue;
      const word = /^\\([A-Za-z]+)/.exec(text.slice(j, j + 8))?.[1];
      if (word === undefined) { j++; continue; }
      if (word === 'left' || ((word.endsWith('l') || word === 'big' || word === 'Big' || word === 'bigg' || word === 'Bigg') && /^[[(]/.test(text[j + 1 + word.length] ?? ''))) {
        if (word === 'left') depth++;
        j += word.length;
        continue;
      }
      if (!SIZED_BRACKETS.has(word)) { j += word.length; continue; }
      const closer = text[j + 1 + word.length];
      if (word === 'right' && depth > 0) { depth--; j += word.length; continue; }
      if (closer !== ']' && closer !== '|') { j += word.length; continue; }
      const after = text.slice(j + 2 + word.length, to);
      const bounds = BAR_BOUNDS.exec(after);
      if (bounds === null) return undefined;
      const base = j + 2 + word.length;
      const at = (part: string | undefined, from: number): [number, number] | undefined => {
        if (part === undefined) return undefined;
        const start = base + after.indexOf(part, from);
        return [start, start + part.length];
      };
      const lower = at(bounds[2] ?? bounds[3], 0)!;
      const upper = at(bounds[4] ?? bounds[5], lower[1] - base);
      // A point needs its variable: |_{x=3}; between two bounds it may be left to the step's one variable.
      if (upper === undefined && bounds[1] === undefined) return undefined;
      // [W x]_i^2 is an entry squared, not a change from i to 2.
      if (bounds[1] === undefined && /^[ijklmn]$/.test(text.slice(lower[0], lower[1]).trim()) && /^\d$/.test(text.slice(upper![0], upper![1]).trim())) return undefined;
      return { inner: [k + 1, j], variable: bounds[1] === undefined ? undefined : barVariable(bounds[1]), lower, upper, end: base + bounds[0].length };
    }
    return undefined;
  }

  /** After a bar at k, a point's subscript `_{t=0}` (`_{x=1, y=2}`): its first variable, the offsets of its values, and the offset after it. */
  private unopenedBar(k: number, to: number): { variable: string; value: [number, number]; end: number } | undefined {
    const after = this.text.slice(k, to);
    const m = BAR_POINT.exec(after);
    if (m === null) return undefined;
    const start = k + m[0].indexOf(m[2], m[0].indexOf('='));
    return { variable: barVariable(m[1]), value: [start, start + m[2].length], end: k + m[0].length };
  }

  /**
   * Where the side being read began in the output: after the last relation (=, <, >, ≤, ≥) or opening bracket outside
   * any bracket, or after the line's keyword; past the spaces there. Undefined where nothing was read since.
   */
  private sideStart(): number | undefined {
    let depth = 0;
    let start = 0;
    for (let j = this.out.length - 1; j >= 0; j--) {
      const c = this.out[j];
      if (c === ')' || c === ']' || c === '}') depth++;
      else if (c === '(' || c === '[' || c === '{') {
        if (depth === 0) { start = j + 1; break; }
        depth--;
      } else if (depth === 0 && /[=<>\u2264\u2265]/u.test(c)) { start = j + 1; break; }
    }
    if (start === 0) {
      const keyword = /^(?:claim|let|given)\s+/.exec(this.out.join(''));
      if (keyword !== null) start = keyword[0].length;
    }
    while (start < this.out.length && this.out[start] === ' ') start++;
    return start < this.out.length ? start : undefined;
  }

  /**
   * The assignments of an evaluation bar's point, `x=1, y=2` after its first variable: each variable with the offsets
   * of its value. A comma inside a bracket of the value is the value's own.
   */
  private pointAssignments(variable: string, [from, to]: [number, number]): { variable: string; value: [number, number] }[] {
    const { text } = this;
    const out: { variable: string; value: [number, number] }[] = [];
    let start = from;
    let current = variable;
    let depth = 0;
    for (let j = from; j <= to; j++) {
      const c = text[j];
      if (j < to && (c === '(' || c === '[' || c === '{')) depth++;
      else if (j < to && (c === ')' || c === ']' || c === '}')) depth--;
      if (j < to && (c !== ',' || depth > 0)) continue;
      // A variable is a letter or a Greek letter's command: |_{x=\sqrt{2}, y=\sqrt{2}, \lambda=1/2} (probe 56).
      const next = j < to ? /^\s*([\p{L}]|\\([A-Za-z]+))\s*=\s*/u.exec(text.slice(j + 1, to)) : null;
      if (j < to && (next === null || (next[2] !== undefined && !Object.hasOwn(GREEK, next[2])))) continue;
      out.push({ variable: current, value: [start, j] });
      if (next === null) break;
      current = next[2] !== undefined ? GREEK[next[2]] : next[1];
      start = j + 1 + next[0].length;
      j = start - 1;
    }
    return out;
  }

  /** A case's condition without the words around it (`\text{if } x > 0,`); 'otherwise' for the rest. */
  private caseCondition([from, to]: [number, number]): [number, number] | 'otherwise' {
    const { text } = this;
    const words = /^\s*(?:(?:\\(?:text|textrm|mbox|mathrm|textit)\s*\{\s*(if|for|when|where|otherwise|else|elsewhere|o\.w\.)?\s*[,.]?\s*\}|\\q?quad|\\[,;: ]|if\b|for\b|when\b)\s*)*/;
    const lead = words.exec(text.slice(from, to));
    if (lead !== null && /otherwise|else|o\.w\./.test(lead[0])) return 'otherwise';
    let start = from + (lead?.[0].length ?? 0);
    let end = to;
    while (end > start && /[\s,.]/.test(text[end - 1])) end--;
    if (/^(?:otherwise|else|elsewhere)$/.test(text.slice(start, end))) return 'otherwise';
    return [start, end];
  }

  /** A condition's parts between its commas outside any bracket or brace, each without its spaces. */
  private commaParts([from, to]: [number, number]): [number, number][] {
    const { text } = this;
    const parts: [number, number][] = [];
    let depth = 0;
    let start = from;
    const push = (end: number) => {
      const [a, b] = withoutSpaces(text, start, end);
      if (b > a) parts.push([a, b]);
    };
    for (let k = from; k < to; k++) {
      const c = text[k];
      if (c === '\\') { k++; continue; }
      if (c === '{' || c === '(' || c === '[') depth++;
      else if (c === '}' || c === ')' || c === ']') depth--;
      else if (c === ',' && depth === 0) { push(k); start = k + 1; }
    }
    push(to);
    return parts.length > 0 ? parts : [[from, to]];
  }

  /** A command's argument at k: a braced group's inside, or one character or command. */
  private argument(k: number, to: number, command: string): { start: number; end: number; inner: [number, number] } {
    const { text } = this;
    if (k >= to) return { start: k, end: k, inner: [k, k] };
    if (text[k] === '{') {
      let depth = 0;
      for (let j = k; j < to; j++) {
        if (text[j] === '\\') { j++; continue; }
        if (text[j] === '{') depth++;
        else if (text[j] === '}' && --depth === 0) return { start: k, end: j + 1, inner: [k + 1, j] };
      }
      // Unclosed: the rest is the argument, and the bracket check reports the brace.
      return { start: k, end: to, inner: [k + 1, to] };
    }
    if (text[k] === '\\') {
      const word = /^\\([A-Za-z]+|.)/.exec(text.slice(k, k + 40));
      const end = k + 1 + (word?.[1].length ?? 0);
      return { start: k, end, inner: [k, end] };
    }
    return { start: k, end: k + 1, inner: [k, k + 1] };
  }

  /**
   * The condition of an indicator after `\mathbb{1}` at k: `_{\{C\}}`, `_{C}`, `\{C\}`, `(C)` or `[C]`, as its offsets,
   * and the offset after it; undefined where none follows (`\mathbb{1}` alone is a vector of ones).
   */
  private indicatorCondition(k: number, to: number): { condition: [number, number]; end: number } | undefined {
    const { text } = this;
    k = this.skipSpaces(k, to);
    let subscript = false;
    if (text[k] === '_') {
      subscript = true;
      k++;
      if (text[k] === '{') {
        const group = this.argument(k, to, 'mathbb');
        const inside = text.slice(group.inner[0], group.inner[1]);
        const set = /^\s*\\\{([\s\S]*)\\\}\s*$/.exec(inside);
        const start = set ? group.inner[0] + inside.indexOf('\\{') + 2 : group.inner[0];
        const end = set ? group.inner[0] + inside.lastIndexOf('\\}') : group.inner[1];
        return { condition: [start, end], end: group.end };
      }
    }
    const open = text.startsWith('\\{', k) ? '\\{' : text[k] === '(' || text[k] === '[' ? text[k] : undefined;
    if (open === undefined) return subscript && k < to && /[\p{L}\p{N}]/u.test(text[k]) ? { condition: [k, k + 1], end: k + 1 } : undefined;
    const close = open === '\\{' ? '\\}' : open === '(' ? ')' : ']';
    let depth = 0;
    for (let j = k; j < to; j++) {
      if (text.startsWith(open, j)) { depth++; j += open.length - 1; continue; }
      if (text.startsWith(close, j) && --depth === 0) return { condition: [k + open.length, j], end: j + close.length };
    }
    return undefined;
  }

  /** A command's two arguments, the second after any spaces (`\frac{a}{b}`, `\binom n k`). */
  private twoArguments(k: number, to: number, command: string): [ReturnType<LatexReader['argument']>, ReturnType<LatexReader['argument']>] {
    const first = this.argument(k, to, command);
    return [first, this.argument(this.skipSpaces(first.end, to), to, command)];
  }

  private skipSpaces(k: number, to: number): number {
    while (k < to && (this.text[k] === ' ' || this.text[k] === '\t')) k++;
    return k;
  }

  /** An argument's translation by a reader of its own, not yet written. */
  private translated(arg: { inner: [number, number] }): LatexReader {
    const reader = new LatexReader(this.text);
    reader.read(arg.inner[0], arg.inner[1]);
    return reader;
  }

  /** Characters [from, to) of what this reader wrote, as a reader of their own. */
  slice(from: number, to: number): LatexReader {
    const part = new LatexReader(this.text);
    part.out.push(...this.out.slice(from, to));
    part.sources.push(...this.sources.slice(from, to));
    return part;
  }

  /** What another reader translated, written here; `tight`: without its spaces (Leibniz's ∂ ℓ is ∂ℓ). */
  private emitReader(reader: LatexReader, tight: boolean): void {
    reader.out.forEach((c, k) => { if (!tight || (c !== ' ' && c !== '\t')) this.emit(c, reader.sources[k]); });
  }

  /** An argument translated and written. */
  private emitTranslated(arg: { inner: [number, number] }, tight: boolean): void {
    this.emitReader(this.translated(arg), tight);
  }

  /** text[from, to) as written, returning `to`. */
  private emitRaw(from: number, to: number): number {
    for (let k = from; k < to; k++) this.emit(this.text[k], k);
    return to;
  }
}

/** The first LaTeX command the reader left as written (unknown to it), with its offset: the expression parser reports it. */
export function unreadLatex(text: string): { command: string; at: number } | undefined {
  const m = /\\([A-Za-z]+|[^A-Za-z\s])/.exec(text.replace(/"(?:[^"\\]|\\.)*"/g, (q) => ' '.repeat(q.length)));
  return m === null ? undefined : { command: m[0], at: m.index };
}

/**
 * Whether the text before `at` ends with a name, perhaps in a font and with a subscript: `E`, `\mathbb{E}`,
 * `\mathbb{E}_{t \sim p}`, `x_i`. Not after a number, an operator, a fraction's braces (`\frac{1}{2}`) or a keyword.
 */
function afterName(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  /** The offset of the brace that opens the one closing at `end`. */
  const opening = (end: number): number => {
    let depth = 0;
    for (let k = end; k >= 0; k--) {
      if (text[k] === '}') depth++;
      else if (text[k] === '{' && --depth === 0) return k;
    }
    return -1;
  };
  // A subscript and a superscript first, in either order: _{...} or _x, ^{...} or ^n. \sum_{i=1}^n \left[ ... \right] is the
  // sum of the bracket, not an entry of n (probe 70: the let it stood in made the whole file unreadable).
  let raised = false;
  for (let scripts = 0; scripts < 2 && i >= 1; scripts++) {
    const mark = text[i] === '}' ? text[opening(i) - 1] : /[\p{L}\p{N}]/u.test(text[i]) ? text[i - 1] : undefined;
    if (mark !== '_' && mark !== '^') break;
    raised ||= mark === '^';
    i = text[i] === '}' ? opening(i) - 2 : i - 2;
  }
  if (i < 0) return false;
  // The name: a font's braces around one (\mathbb{E}), or letters that are no statement's keyword (claim \Big[1 + b\Big]^2).
  if (text[i] === '}') return /\\(?:math[a-z]*|operatorname|text[a-z]*|boldsymbol|bm)$/.test(text.slice(0, Math.max(opening(i), 0)));
  let start = i + 1;
  while (start > 0 && /[\p{L}]/u.test(text[start - 1])) start--;
  // A big operator is no name: \sum_i \left[ ... \right] is the sum of the bracket (Casella and Berger, probe 60), and
  // \nabla_{\mathbf{w}} \left[ ... \right] the gradient of the bracket.
  if (text[start - 1] === '\\' && BIG_OPERATORS.has(text.slice(start, i + 1))) return false;
  // Nor is a power's base: x^2 \left[ ... \right] multiplies the bracket.
  return start <= i && !raised && !STATEMENT_WORDS.has(text.slice(start, i + 1));
}

const BIG_OPERATORS: ReadonlySet<string> = new Set(['sum', 'prod', 'int', 'iint', 'oint', 'bigcup', 'bigcap', 'max', 'min', 'lim', 'sup', 'inf', 'nabla', 'partial']);

/** Whether a square bracket whose inside starts at `from` holds a list at its top level (a vector: \left[ 2x, 2y \right]). */
function listInside(text: string, from: number): boolean {
  let depth = 0;
  for (let k = from; k < text.length; k++) {
    const c = text[k];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') { if (depth-- === 0) return false; }
    else if (c === ',' && depth === 0) return true;
  }
  return false;
}

const STATEMENT_WORDS: ReadonlySet<string> = new Set(['claim', 'let', 'given', 'implicit', 'by', 'derivation', 'source']);

/** The sizing commands before a bracket: `\left[`, `\Big]`. */
/**
 * The variable of an evaluation bar's point: a letter, a Greek letter's command, or either in a bold font, as MML and
 * Bishop set a vector's: |_{x=0}, |_{\theta=0}, |_{\mathbf{w}=\mathbf{0}}, |_{\boldsymbol\theta=...} (probe 82).
 */
const BAR_VARIABLE = String.raw`\\(?:mathbf|boldsymbol|bm|vec)\s*(?:\{\s*\\?[A-Za-z]+\s*\}|\\[A-Za-z]+)|\\[A-Za-z]+|[\p{L}]`;

/** The plain name of a bar's variable as written (see BAR_VARIABLE): `\mathbf{w}` is w, `\boldsymbol\theta` θ. */
function barVariable(written: string): string {
  const inner = /^\\(?:mathbf|boldsymbol|bm|vec)\s*\{?\s*(\\?[A-Za-z]+)/.exec(written)?.[1] ?? written;
  return inner.startsWith('\\') ? GREEK[inner.slice(1)] ?? inner : inner;
}

/** A bound of an evaluation bar, which may hold braces of its own: |_{x=\sqrt{2}}, |_{x=\frac{1}{2}} (probe 56). */
const BAR_VALUE = String.raw`((?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})+?)`;
/** An evaluation bar's bounds: `_{x=3}`, `_{0}^{1}`, `_{x=0}^{1}`, `_0^1`. */
const BAR_BOUNDS = new RegExp(String.raw`^\s*_(?:\{\s*(?:(${BAR_VARIABLE})\s*=\s*)?${BAR_VALUE}\s*\}|([\p{L}\p{N}]))(?:\s*\^(?:\{\s*(?:(?:${BAR_VARIABLE})\s*=\s*)?${BAR_VALUE}\s*\}|([\p{L}\p{N}])))?`, 'u');
/** A point's subscript after a bar, `_{t=0}`, with no upper bound after it. */
const BAR_POINT = new RegExp(String.raw`^\s*_\{\s*(${BAR_VARIABLE})\s*=\s*${BAR_VALUE}\s*\}(?!\s*\^)`, 'u');

const SIZED_BRACKETS: ReadonlySet<string> = new Set(['left', 'right', 'big', 'Big', 'bigg', 'Bigg', 'bigl', 'bigr', 'Bigl', 'Bigr', 'biggl', 'biggr', 'Biggl', 'Biggr']);

/** What a command the reader does not know says to do. */
/** A Leibniz fraction written out, `∂Q / ∂L`, `dy/dx`: a differential, a slash, and another. */
const LEIBNIZ_FRACTION = /^\s*(?:\u2202|d)[^/]*\/\s*(?:\u2202|d)\s*[\p{L}]/u;

/** A differential of a logarithm, `d \ln P`, `\partial \log(P)`: the variable is P. */
const LOG_DIFFERENTIAL = /^\s*(d|\\partial)\s*\\(?:ln|log)\s*(?:\{\s*([A-Za-z]\w*)\s*\}|\(\s*([A-Za-z]\w*)\s*\)|([A-Za-z]\w*))\s*$/;

export const UNREAD_LATEX_HINT = 'LaTeX is read for \\frac, \\sqrt, \\cdot, \\sum, \\prod, \\int, \\lim, \\partial, \\left( \\right), Greek letters, accents and fonts (docs/syntax.md); write the rest in plain notation';
