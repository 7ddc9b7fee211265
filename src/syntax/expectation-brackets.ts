import type { SourceMap } from './source-map.ts';

/**
 * Expectations as the probability books print them, read as the language's
 * `E(t, D, f)`:
 *
 * - `E_{t ~ N(mu, s^2)}[f(t)]` (also `𝔼`, `Var`, `∼`, LaTeX's `\mathbb{E}_{x \sim p}[...]`):
 *   the distribution below, the expression in the square brackets;
 * - `E[f(X)]` where the derivation declares `given X ~ N(mu, s^2)`: the distribution of the
 *   one random variable the bracket reads. A bracket that reads none or several of them is
 *   left as written, and the model says what `E` is.
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

/** The head of a bracketed expectation: its name, and a subscript `_{t ~ D}` (or `_{t \sim D}`). */
const HEAD = /(?<![\p{L}\p{N}_])(E|\u{1d53c}|Var)(?:_\{\s*([\p{L}][\p{L}\p{N}_]*)\s*[~\u223c]\s*([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}|_\{?\s*([\p{L}][\p{L}\p{N}_]*)\s*\}?)?\s*[[(]/uy;

/**
 * The text with each bracketed expectation written as a call: `E_{t ~ D}[f]` and `E[f]` (of a declared random
 * variable) as `E(t, D, f)`. `variables`: the derivation's random variables and their distributions; `declared`:
 * names its givens and lets declare, which keep their own meaning (`E` a given is the user's).
 */
export function withExpectationBrackets(text: string, map: SourceMap, variables: ReadonlyMap<string, string>, declared: ReadonlySet<string>): { text: string; map: SourceMap } {
  if (!/(?:E|\u{1d53c}|Var)(?:_[^[(]*)?[[(]/u.test(text)) return { text, map };
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
    HEAD.lastIndex = i;
    const head = inString || !(c === 'E' || c === 'V' || c === '\ud835') ? null : HEAD.exec(text);
    const name = head?.[1] === '\u{1d53c}' ? 'E' : head?.[1];
    if (head === null || name === undefined || declared.has(name)) { emit(c, i); continue; }
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
      const read = variable !== undefined ? [variable] : [...variables.keys()].filter((v) => new RegExp(`(?<![\\p{L}\\p{N}_])${escaped(v)}(?![\\p{L}\\p{N}_])`, 'u').test(inside));
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
    emit(', ', open);
    closers.set(close, ')');
    i = open;
  }
  return { text: out.join(''), map: map.remap(sources) };
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
