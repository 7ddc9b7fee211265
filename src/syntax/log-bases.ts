import { rewritten, type SourceMap } from './source-map.ts';

/** A logarithm with its base as a subscript, after the LaTeX pass: `log_a`, `log_{b}`; 2 and 10 are names of their own (log_2), and so are log_softmax, log_sigmoid, log_ndtr. */
const LOG_BASE = /log_(?:\{[ \t]*([\p{L}][\p{L}\p{N}]*|\d+(?:\.\d+)?)[ \t]*\}|(\p{L}(?![\p{L}\p{M}\p{N}_])|\d+(?![\d.])))/uy;
/** The operand of a logarithm written without brackets: a name (with an entry's brackets) or a number. */
const OPERAND = /(?:[\p{L}][\p{L}\p{M}\p{N}_]*(?:\[[^\][]*\])?|\d+(?:\.\d+)?)/uy;

/**
 * `\log_a x` and `log_{b}(x y)`, a logarithm to a base the books subscript (Stewart 3.6): `log(x, a)`, the base
 * as math.js's second argument; `log_e x` is `log(x)`. Bases 2 and 10 stay `log_2`, `log_10`, read as named
 * functions. Anything else after the subscript (a power, an operator) is left to be reported where it stands.
 */
export function withLogBases(text: string, map: SourceMap): { text: string; map: SourceMap } {
  if (!text.includes('log_')) return { text, map };
  let inString = false;
  return rewritten(text, map, (i) => {
    if (text[i] === '"') inString = !inString;
    if (inString || text[i] !== 'l' || (i > 0 && /[\p{L}\p{N}_\\]/u.test(text[i - 1]))) return undefined;
    LOG_BASE.lastIndex = i;
    const base = LOG_BASE.exec(text);
    if (base === null) return undefined;
    const b = base[1] ?? base[2];
    if (b === '2' || b === '10') return undefined;
    let at = i + base[0].length;
    while (text[at] === ' ' || text[at] === '\t') at++;
    let end: number;
    if (text[at] === '(') {
      let depth = 0;
      for (end = at; end < text.length; end++) {
        if (text[end] === '(') depth++;
        else if (text[end] === ')' && --depth === 0) break;
      }
      if (end >= text.length) return undefined;
      end++;
    } else {
      OPERAND.lastIndex = at;
      const operand = OPERAND.exec(text);
      if (operand === null) return undefined;
      end = at + operand[0].length;
    }
    const operand = text.slice(at, end);
    const written = b === 'e' ? `log(${operand})` : `log(${operand}, ${b})`;
    // The operand's characters are its own; the rest stands for the subscripted name.
    const from = [...'log('].map(() => i).concat([...operand].map((_, k) => at + k), [...written.slice(4 + operand.length)].map(() => i + base[0].length - 1));
    return { text: written, from, length: end - i };
  });
}
