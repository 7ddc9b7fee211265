import { DerivationError, diagnostic } from '../diagnostics/index.ts';
import type { SourceMap } from './source-map.ts';

/**
 * The limits a `.deriv` file is held to. A file is untrusted input: every size
 * it controls that some stage walks (nesting, length, sizes, literals) has a
 * bound here, and passing it is a `limit` diagnostic at the place, never a stack
 * overflow or a hang. docs/security.md lists them; keep the two in step.
 */
export const LIMITS = {
  /** Bytes of one file, checked before it is read. */
  fileBytes: 1_000_000,
  /** Names and numbers in one file: each becomes at least one node every stage walks. */
  fileTerms: 100_000,
  /** Brackets open at once in one expression; mathjs's parser recurses once per level. */
  bracketDepth: 200,
  /** Depth of one expression's syntax tree (brackets, calls, unary signs, powers); the later stages recurse on it. */
  exprDepth: 400,
  /** A fixed dimension written in a type (`vector[1000]`): arrays of that many entries are allocated. */
  fixedSize: 1_000,
  /** Digits of a decimal exponent (`1e400` has 3): 10^exponent is built exactly. */
  exponentDigits: 4,
  /** Digits of an integer literal (`123...`), hexadecimal included. */
  literalDigits: 1_000,
} as const;

export function limitError(message: string, file: string, span: import('./ast.ts').Span | undefined, hint: string): DerivationError {
  return new DerivationError(diagnostic('limit', message, file, span, hint));
}

const OPEN = '([';
const CLOSE = ')]';

/**
 * Checks the brackets of an expression before mathjs reads it: an unclosed or
 * stray bracket is reported at the bracket (mathjs would report a confusing
 * message somewhere else), and nesting past {@link LIMITS.bracketDepth} is
 * refused before mathjs's recursive parser can overflow the stack. `text` has its
 * transpose marks blanked so that a `'` starts a string only where it really does.
 */
export function checkBrackets(text: string, map: SourceMap): void {
  const open: number[] = [];
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote !== undefined) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'") { quote = c; continue; }
    if (OPEN.includes(c)) {
      open.push(i);
      if (open.length > LIMITS.bracketDepth) {
        throw limitError(`brackets nest more than ${LIMITS.bracketDepth} deep`, map.file, map.span(i, i + 1),
          'split the expression with let definitions');
      }
    } else if (CLOSE.includes(c)) {
      const at = open.pop();
      if (at === undefined) {
        throw new DerivationError(diagnostic('syntax', `'${c}' closes no bracket`, map.file, map.span(i, i + 1),
          'remove it, or open the bracket it closes'));
      }
      if (OPEN.indexOf(text[at]) !== CLOSE.indexOf(c)) {
        throw new DerivationError(diagnostic('syntax', `'${c}' closes the '${text[at]}' opened here`, map.file, map.span(at, at + 1),
          `close '${text[at]}' with '${CLOSE[OPEN.indexOf(text[at])]}'`));
      }
    }
  }
  const unclosed = open.pop();
  if (unclosed !== undefined) {
    throw new DerivationError(diagnostic('syntax', `unclosed bracket '${text[unclosed]}'`, map.file, map.span(unclosed, unclosed + 1),
      `close it with '${CLOSE[OPEN.indexOf(text[unclosed])]}'`));
  }
}

/**
 * Refuses a literal whose exact value would be too large to build: `1e99999999`
 * is 10^99999999, a number of 100 million digits. Values within the limits are
 * exact rationals (`1e400` is 10^400, `1e-400` is 1/10^400).
 */
export function checkLiteral(text: string, file: string, span: import('./ast.ts').Span): void {
  const exponent = /[eE][+-]?0*(\d+)$/.exec(text)?.[1];
  if (exponent !== undefined && !/^0[xXbBoO]/.test(text) && exponent.length > LIMITS.exponentDigits) {
    throw limitError(`the exponent of ${text} has more than ${LIMITS.exponentDigits} digits`, file, span,
      `a literal's exponent is at most ${'9'.repeat(LIMITS.exponentDigits)}`);
  }
  const digits = text.replace(/[eE].*$/, '').replace(/^0[xXbBoO]/, '').replace(/\./, '').length;
  if (digits > LIMITS.literalDigits) {
    throw limitError(`the literal has more than ${LIMITS.literalDigits} digits`, file, span,
      `write it with an exponent, e.g. 1.5e${LIMITS.literalDigits}`);
  }
}
