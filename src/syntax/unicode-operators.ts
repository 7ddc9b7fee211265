import type { SourceMap } from './source-map.ts';

/**
 * Operators pasted from a PDF or a word processor, read as their ASCII meaning:
 * the minus sign `−` (U+2212) is `-`, the multiplication signs `×` and `·` are
 * `*`, the transpose signs `ᵀ` and `⊤` are `'`, numpy's `@` is `*` (a matrix
 * product) and on the same side of an `=` numpy's `*` is `.*` (its entrywise product),
 * Python's `**` is `^`, `≠` is `!=`, and the Hadamard products `⊙` and `∘` are `.*`. Quoted
 * text (titles, `by "..."`) is left as written.
 */
const SAME_LENGTH: Readonly<Record<string, string>> = {
  '\u2212': '-', '\u00d7': '*', '\u00b7': '*', '\u22c5': '*', '\u1d40': "'", '\u22a4': "'", '@': '*',
};
const TWO_CHARACTERS: Readonly<Record<string, string>> = { '\u2260': '!=', '\u2299': '.*', '\u2218': '.*', '\u221e': 'Infinity' };

export function asciiOperators(text: string, map: SourceMap): { text: string; map: SourceMap } {
  if (!/[\u2212\u00d7\u00b7\u22c5\u2260\u1d40\u22a4@\u2299\u2218\u221e]|\*\*/.test(text)) return { text, map };
  const out: string[] = [];
  // The offset in `text` of each character written: the map keeps the text after a `≠` at its file columns.
  const sources: number[] = [];
  const numpy = numpySides(text);
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') inString = !inString;
    // Python's power x**2 is x^2 (math.js reads ** as no operator at all).
    if (!inString && c === '*' && text[i + 1] === '*') { out.push('^'); sources.push(i); i++; continue; }
    // Beside numpy's @, numpy's * is its entrywise product: .* (A * (dO @ V.T) of two T×T arrays is no matrix product).
    if (!inString && c === '*' && numpy.has(sideAt(text, i)) && text[i - 1] !== '.') { out.push('.', '*'); sources.push(i, i); continue; }
    const written = inString ? c : TWO_CHARACTERS[c] ?? SAME_LENGTH[c] ?? c;
    for (const w of written) { out.push(w); sources.push(i); }
  }
  return { text: out.join(''), map: map.remap(sources) };
}

/** Which `=` side of a line an offset is on: 0 before the first top-level `=` (not `==`, `<=`, `>=`, `!=`), 1 after it, ... */
function sideAt(text: string, at: number): number {
  let side = 0;
  let inString = false;
  for (let i = 0; i < at; i++) {
    const c = text[i];
    if (c === '"') inString = !inString;
    if (!inString && c === '=' && text[i + 1] !== '=' && !'=<>!'.includes(text[i - 1] ?? '')) side++;
  }
  return side;
}

/** The `=` sides of a line written in numpy, where an `@` stands: their `*` is numpy's. */
function numpySides(text: string): Set<number> {
  const sides = new Set<number>();
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') inString = !inString;
    if (!inString && text[i] === '@') sides.add(sideAt(text, i));
  }
  return sides;
}
