import type { SourceMap } from './source-map.ts';

/**
 * Operators pasted from a PDF or a word processor, read as their ASCII meaning:
 * the minus sign `−` (U+2212) is `-`, the multiplication signs `×` and `·` are
 * `*`, the transpose signs `ᵀ` and `⊤` are `'`, numpy's `@` is `*` (a matrix
 * product) and on the same side of an `=` (as on a side that calls np., numpy. or torch.) numpy's `*` is `.*` (its entrywise product),
 * Python's `**` is `^`, `≠` is `!=`, `≤` and `≥` are `<=` and `>=`, `≡` and `≜` are `=`, and the Hadamard products `⊙` and `∘` are `.*`. Quoted
 * text (titles, `by "..."`) is left as written.
 */
const SAME_LENGTH: Readonly<Record<string, string>> = {
  '\u2212': '-', '\u00d7': '*', '\u00b7': '*', '\u22c5': '*', '\u1d40': "'", '\u22a4': "'", '@': '*',
  // The prime of a typeset page (y′, f′(x)) is the apostrophe of Lagrange's notation.
  '\u2032': "'",
  // Identically equal, or equal by definition (≡, ≜): a step like =.
  '\u2261': '=', '\u225c': '=',
};
/** The double and triple primes (y″, y‴): two and three apostrophes. */
const PRIMES: Readonly<Record<string, string>> = { '\u2033': "''", '\u2034': "'''" };
const TWO_CHARACTERS: Readonly<Record<string, string>> = { ...PRIMES, '\u2260': '!=', '\u2264': '<=', '\u2265': '>=', '\u2299': '.*', '\u2218': '.*', '\u221e': 'Infinity' };

/**
 * The accents a letter of a name may carry (x̂, θ̂, x̄, ỹ, ẋ, ẍ, v⃗), as a combining mark after it or
 * precomposed (ŷ, ȳ): the letter and the accent's name, `xhat`, `thetahat`, so both ways of typing
 * one name are one name, and the report typesets it with its accent again (`\hat{x}`).
 */
const ACCENTS: Readonly<Record<string, string>> = {
  '\u0302': 'hat', '\u0304': 'bar', '\u0305': 'bar', '\u0303': 'tilde', '\u0307': 'dot', '\u0308': 'ddot', '\u20d7': 'vec',
};
const ACCENTED = /[\u0302-\u0305\u0307\u0308\u20d7]|[\u00c0-\u024f\u1e00-\u1eff]/;

/** The letter at i with its accents written as names (`x̂` is `xhat`), and how many characters it took; undefined for any other character. */
function accentedLetter(text: string, i: number): { written: string; length: number } | undefined {
  const c = text[i];
  if (!/\p{L}/u.test(c)) return undefined;
  const decomposed = c.normalize('NFD');
  let base = decomposed[0];
  let accents = [...decomposed.slice(1)];
  let length = 1;
  while (i + length < text.length && ACCENTS[text[i + length]] !== undefined) accents.push(text[i + length++]);
  if (accents.length === 0 || accents.some((a) => ACCENTS[a] === undefined)) return undefined;
  // A base that is itself a letter with another accent (é) stays as typed.
  if (!/\p{L}/u.test(base)) return undefined;
  base = base.normalize('NFC');
  return { written: base + accents.map((a) => ACCENTS[a]).join(''), length };
}

export function asciiOperators(text: string, map: SourceMap): { text: string; map: SourceMap } {
  if (!/[\u2212\u00d7\u00b7\u22c5\u2260\u2264\u2265\u1d40\u22a4@\u2299\u2218\u221e\u2032-\u2034\u2261\u225c]|\*\*|\b(?:np|numpy|torch)\./.test(text) && !ACCENTED.test(text)) return { text, map };
  const out: string[] = [];
  // The offset in `text` of each character written: the map keeps the text after a `≠` at its file columns.
  const sources: number[] = [];
  const sides = sidesOf(text);
  // A side written in numpy (its @, or a call np.sum(...), torch.exp(...)) is numpy's: its * is entry by entry, as CS231n's
  // batch norm backward, np.sum(dout * (x - mu), axis=0), writes it (probe 44).
  const numpy = new Set(sides.filter((_, i) => text[i] === '@' || (/^(?:np|numpy|torch)\.[A-Za-z]/.test(text.slice(i, i + 8)) && !/[\p{L}\p{N}_.]/u.test(text[i - 1] ?? ' '))));
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') inString = !inString;
    // Python's power x**2 is x^2 (math.js reads ** as no operator at all).
    // On a side written in numpy, its power is of each entry: (x - mu) ** 2 is (x - mu) .^ 2.
    if (!inString && c === '*' && text[i + 1] === '*') {
      if (numpy.has(sides[i])) { out.push('.', '^'); sources.push(i, i); } else { out.push('^'); sources.push(i); }
      i++;
      continue;
    }
    // Beside numpy's @, numpy's * is its entrywise product: .* (A * (dO @ V.T) of two T×T arrays is no matrix product).
    if (!inString && c === '*' && numpy.has(sides[i]) && text[i - 1] !== '.') { out.push('.', '*'); sources.push(i, i); continue; }
    // And its / divides entry by entry (1 / np.sqrt(var + eps) of a vector); after Python's 1. a space keeps the number whole.
    if (!inString && c === '/' && numpy.has(sides[i]) && text[i + 1] !== '/' && !(text[i - 1] === '.' && !/[0-9]/.test(text[i - 2] ?? ''))) {
      const spaced = text[i - 1] === '.' ? [' ', '.', '/'] : ['.', '/'];
      for (const w of spaced) { out.push(w); sources.push(i); }
      continue;
    }
    const accented = inString ? undefined : accentedLetter(text, i);
    if (accented !== undefined) {
      for (const w of accented.written) { out.push(w); sources.push(i); }
      i += accented.length - 1;
      continue;
    }
    // ∇ · F and ∇ × F are the divergence and the curl (textbook-notation.ts), no products.
    if (!inString && (c === '\u00b7' || c === '\u22c5' || c === '\u00d7') && /\u2207[ \t]*$/u.test(text.slice(Math.max(0, i - 4), i))) {
      out.push(c);
      sources.push(i);
      continue;
    }
    const written = inString ? c : TWO_CHARACTERS[c] ?? SAME_LENGTH[c] ?? c;
    for (const w of written) { out.push(w); sources.push(i); }
  }
  return { text: out.join(''), map: map.remap(sources) };
}

/**
 * Which `=` side of a line each offset is on: 0 before the first top-level `=` (not
 * `==`, `<=`, `>=`, `!=`), 1 after it, ...; quoted text counts for nothing (an `@` in a
 * title is no numpy).
 */
function sidesOf(text: string): number[] {
  const sides: number[] = [];
  let side = 0;
  let inString = false;
  // An = inside brackets is a keyword argument (axis=0), no side.
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') inString = !inString;
    if (!inString && '([{'.includes(c)) depth++;
    if (!inString && ')]}'.includes(c)) depth = Math.max(0, depth - 1);
    if (!inString && depth === 0 && c === '=' && text[i + 1] !== '=' && !'=<>!'.includes(text[i - 1] ?? '')) side++;
    sides.push(inString ? -1 : side);
  }
  return sides;
}
