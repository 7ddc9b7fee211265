import type { SourceMap } from './source-map.ts';

/**
 * Expectations as the probability books print them, read as the language's
 * `E(t, D, f)`:
 *
 * - `E_{t ~ N(mu, s^2)}[f(t)]` (also `𝔼`, `Var`, MML's `𝕍` and `\mathbb{V}` before a square bracket, `∼`, LaTeX's
 *   `\mathbb{E}_{x \sim p}[...]`):
 *   the distribution below, the expression in the square brackets;
 * - `E[f(X)]` where the derivation declares `given X ~ N(mu, s^2)`: the distribution of the
 *   one random variable the bracket reads. A bracket that reads none or several of them is
 *   left as written, and the model says what `E` is;
 * - `P(X > mu)` (`Pr`, `ℙ`) of such a variable: the expectation of the event's indicator;
 * - `M_X(t)`: its moment generating function, `E[exp(t X)]`.
 *
 * A `given X ~ D` line is read as `given X: real` (see {@link randomVariableGiven}).
 * Quoted text is left as written; the map keeps every character at its column.
 */

/** `given X ~ D` or `given X, Y ~ D`: the names, and D as written. */
const RANDOM_GIVEN = /^given\s+([\p{L}][\p{L}\p{N}_]*(?:\s*,\s*[\p{L}][\p{L}\p{N}_]*)*)\s*[~\u223c]\s*(\S.*)$/u;

/** The random variables a `given X ~ D` line declares, with their distribution as written; undefined for any other line. */
export function randomVariableGiven(text: string): { names: string[]; distribution: string } | undefined {
  const m = RANDOM_GIVEN.exec(text.trim());
  if (m === null) return undefined;
  return { names: m[1].split(',').map((n) => n.trim()), distribution: m[2].trim() };
}

/** The text of a `given X ~ D` line as the given it is: `given X: real`, at the columns of its names. */
export function asRealGiven(text: string, map: SourceMap): { text: string; map: SourceMap } {
  const tilde = text.search(/[~\u223c]/);
  const head = text.slice(0, tilde).trimEnd();
  const out = `${head}: real`;
  const sources = [...head].map((_, i) => i).concat([...': real'].map(() => tilde));
  return { text: out, map: map.remap(sources) };
}

/** The head of a bracketed expectation: its name, and a subscript `_{t ~ D}` (or `_{t \sim D}`). `P` and `Pr` of an event are the expectation of its indicator. */
const HEAD = /(?<![\p{L}\p{N}_])(E|\u{1d53c}|Var|V|\u{1d54d}|Pr|P|\u2119)(?:_\{\s*([\p{L}][\p{L}\p{N}_]*)\s*[~\u223c]\s*([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}|_\{?\s*([\p{L}][\p{L}\p{N}_]*)\s*\}?)?\s*[[(]/uy;

/**
 * The text with each bracketed expectation written as a call: `E_{t ~ D}[f]` and `E[f]` (of a declared random
 * variable) as `E(t, D, f)`. `variables`: the derivation's random variables and their distributions; `declared`:
 * names its givens and lets declare, which keep their own meaning (`E` a given is the user's).
 */
export function withExpectationBrackets(text: string, map: SourceMap, variables: ReadonlyMap<string, string>, declared: ReadonlySet<string>): { text: string; map: SourceMap } {
  if (!/(?:E|\u{1d53c}|Var|V|\u{1d54d}|Pr|P|\u2119)(?:_[^[(]*)?[[(]|M_/u.test(text)) return { text, map };
  const out: string[] = [];
  const sources: number[] = [];
  const emit = (s: string, from: number) => { for (const c of s) { out.push(c); sources.push(from); } };
  /** What a closing bracket writes instead of `]`, by its offset. */
  const closers = new Map<number, string>();
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') inString = !inString;
    const closer = inString ? undefined : closers.get(i);
    if (closer !== undefined) { emit(closer, i); continue; }
    // M_X(t), the moment generating function of a declared random variable: E[exp(t X)].
    MGF.lastIndex = i;
    const mgf = inString || c !== 'M' || declared.has('M') || (i > 0 && /[\p{L}\p{N}_]/u.test(text[i - 1])) ? null : MGF.exec(text);
    const mgfVariable = mgf?.[1] ?? mgf?.[2];
    if (mgf !== null && mgfVariable !== undefined && variables.has(mgfVariable)) {
      const open = i + mgf[0].length - 1;
      const close = matchingClose(text, open, ')');
      if (close !== undefined && !topLevelComma(text.slice(open + 1, close))) {
        emit(`E(${mgfVariable}, ${variables.get(mgfVariable)}, exp((`, i);
        closers.set(close, `) * ${mgfVariable}))`);
        i = open;
        continue;
      }
    }
    HEAD.lastIndex = i;
    const head = inString || !(c === 'E' || c === 'V' || c === 'P' || c === '\u2119' || c === '\ud835') ? null : HEAD.exec(text);
    const written = head?.[1];
    const indicator = written === 'P' || written === 'Pr' || written === '\u2119';
    // MML's 𝕍[x] (\mathbb{V}_X[x]) is the variance, only before a square bracket: V(x) is no variance.
    const variance = written === 'V' || written === '\u{1d54d}';
    const name = written === '\u{1d53c}' || indicator ? 'E' : variance ? 'Var' : written;
    if (head === null || name === undefined || written === undefined || declared.has(written)) { emit(c, i); continue; }
    if (variance && text[i + head[0].length - 1] !== '[') { emit(c, i); continue; }
    // P(X > mu) only of an event: a comparison inside (P(X) of a name is the user's function or nothing); P(K = 0)'s
    // one = is the event's equality, ==.
    const eventAt = i + head[0].length;
    const eventClose = indicator ? matchingClose(text, eventAt - 1, ')') : undefined;
    const event = eventClose === undefined ? '' : text.slice(eventAt, eventClose);
    if (indicator && !/[<>\u2264\u2265=]/u.test(event)) { emit(c, i); continue; }
    if (indicator) {
      for (let k = eventAt; k < eventClose!; k++) {
        if (text[k] === '=' && !/[=<>!]/.test(text[k - 1]) && text[k + 1] !== '=') closers.set(k, '==');
      }
    }
    const open = i + head[0].length - 1;
    const round = text[open] === '(';
    const close = matchingClose(text, open, round ? ')' : ']');
    if (close === undefined) { emit(c, i); continue; }
    const inside = text.slice(open + 1, close);
    // Var(X) and E(aX + b), as books print them with round brackets: one argument that reads a declared random
    // variable. With commas it is the language's own E(t, D, f).
    if (round && (topLevelComma(inside) || variables.size === 0)) { emit(c, i); continue; }
    let variable: string | undefined = head[2] ?? head[4];
    let distribution: string | undefined = head[3]?.trim();
    if (distribution === undefined) {
      // E[f] or E_X[f]: the one declared random variable the bracket reads (or the one named below).
      const read = variable !== undefined ? [variable] : [...variables.keys()].filter((v) => readsVariable(inside, v, declared, variables));
      const only = read.length === 1 ? read[0] : undefined;
      if (only === undefined || !variables.has(only)) { emit(c, i); continue; }
      variable = only;
      distribution = variables.get(only);
    }
    if (variable === undefined || distribution === undefined) { emit(c, i); continue; }
    emit(`${name}(${variable}, `, i);
    // The distribution as written below, at its own columns where it was written there, else at the head's.
    const at = head[3] !== undefined ? i + head[0].indexOf(head[3]) : i;
    for (let k = 0; k < distribution.length; k++) emit(distribution[k], head[3] !== undefined ? at + k : i);
    emit(indicator ? ', (' : ', ', open);
    closers.set(close, indicator ? '))' : ')');
    i = open;
  }
  return { text: out.join(''), map: map.remap(sources) };
}


/** `M_X(` or `M_{X}(`: the moment generating function's head, its variable. */
const MGF = /M_(?:\{\s*([\p{L}][\p{L}\p{N}_]*)\s*\}|([\p{L}][\p{L}\p{N}_]*))\s*\(/uy;

/**
 * Whether text reads a random variable: as a word of its own, after a number written against it (Var(2X + 3)), or
 * among one-letter declared names written together, as the model reads them (e^{tK}: t times K).
 */
function readsVariable(text: string, v: string, declared: ReadonlySet<string>, variables: ReadonlyMap<string, string>): boolean {
  for (const [word] of text.matchAll(/[\p{L}\p{N}_]+/gu)) {
    const bare = word.replace(/^[0-9]+/, '');
    if (bare === v) return true;
    const letters = [...bare];
    if ([...v].length === 1 && letters.length > 1 && letters.length <= 4 && letters.includes(v) && new Set(letters).size === letters.length
      && letters.every((c) => /\p{L}/u.test(c) && (declared.has(c) || variables.has(c))) && !declared.has(bare)) return true;
  }
  return false;
}

/** Whether a bracket's contents hold a comma outside any inner bracket. */
function topLevelComma(inside: string): boolean {
  let depth = 0;
  for (const c of inside) {
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) return true;
  }
  return false;
}

/** The offset of the `closer` that closes the bracket at `open`, brackets of every kind nested; undefined if none. */
function matchingClose(text: string, open: number, closer: ')' | ']'): number | undefined {
  let depth = 0;
  for (let k = open; k < text.length; k++) {
    const c = text[k];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return c === closer ? k : undefined;
    }
  }
  return undefined;
}

function escaped(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
