/**
 * Text from a `.deriv` file is untrusted: a title or a `by "..."` text may hold
 * terminal escape sequences (clear the screen, move the cursor, set the window
 * title) that would let a file rewrite what the user sees, verdicts included.
 * Every report writes file text through these helpers.
 */

/**
 * C0 and C1 control characters, DEL, and the Unicode bidirectional overrides and
 * isolates (which reorder what a reader sees, "Trojan source"), plus the line and
 * paragraph separators.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * The text with every control character shown as a visible escape, so it prints
 * as one inert line.
 *
 * @example escapeControl('a\u001b[2Jb') === 'a\\x1b[2Jb'
 */
export function escapeControl(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    if (c === '\n') return '\\n';
    if (c === '\t') return '\\t';
    if (c === '\r') return '\\r';
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** Whether text holds a character {@link escapeControl} would escape. */
export function hasControl(text: string): boolean {
  UNSAFE.lastIndex = 0;
  const found = UNSAFE.test(text);
  UNSAFE.lastIndex = 0;
  return found;
}
