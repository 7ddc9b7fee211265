import { rewritten, type SourceMap } from './source-map.ts';

/** KL, D_KL, D_{KL} (LaTeX's D_{\mathrm{KL}}, \mathrm{KL}) before its bracket. */
const DIVERGENCE = /(?<![\p{L}\p{N}_])(?:KL|D_KL|D_\{[ \t]*KL[ \t]*\}|DKL)[ \t]*(?=[([])/uy;

/**
 * The Kullback-Leibler divergence as the books print it, `KL(q ‖ p)`, `D_{KL}(P || Q)`, `KL[q ‖ p]`: the call
 * `KL(q, p)`, its bar a comma (it was read as a norm's bar, and the bracket never closed). Anything else is left
 * as written, a bracket with no bar or two bars included.
 */
export function withDivergenceBars(text: string, map: SourceMap): { text: string; map: SourceMap } {
  if (!text.includes('KL')) return { text, map };
  const replacements = new Map<number, { text: string; length: number }>();
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    // Quoted text (a step's justification) is left as written.
    if (text[i] === '"') inString = !inString;
    if (inString) continue;
    DIVERGENCE.lastIndex = i;
    const head = DIVERGENCE.exec(text);
    if (head === null) continue;
    const open = i + head[0].length;
    const close = closingBracket(text, open);
    if (close === undefined) continue;
    const bars = barsAtTop(text, open + 1, close);
    if (bars.length !== 1) continue;
    replacements.set(i, { text: 'KL(', length: head[0].length + 1 });
    replacements.set(bars[0].at, { text: ',', length: bars[0].length });
    replacements.set(close, { text: ')', length: 1 });
  }
  if (replacements.size === 0) return { text, map };
  return rewritten(text, map, (i) => {
    const r = replacements.get(i);
    return r === undefined ? undefined : { text: r.text, from: [...r.text].map(() => i), length: r.length };
  });
}

/** The offset of the bracket that closes the one at `open`, any kind nested inside; undefined where none does. */
function closingBracket(text: string, open: number): number | undefined {
  let depth = 0;
  for (let k = open; k < text.length; k++) {
    if ('([{'.includes(text[k])) depth++;
    else if (')]}'.includes(text[k]) && --depth === 0) return k;
  }
  return undefined;
}

/** The divergence's bars, ‖ or ||, outside any bracket between from and to. */
function barsAtTop(text: string, from: number, to: number): { at: number; length: number }[] {
  const bars: { at: number; length: number }[] = [];
  let depth = 0;
  for (let k = from; k < to; k++) {
    const c = text[k];
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (depth === 0 && c === '\u2016') bars.push({ at: k, length: 1 });
    else if (depth === 0 && c === '|' && text[k + 1] === '|') { bars.push({ at: k, length: 2 }); k++; }
  }
  return bars;
}
