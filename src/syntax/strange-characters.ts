/**
 * Characters that look like the language's own but are not: an invisible one a copy from a web page leaves (a
 * zero-width space), a full-width digit or letter, a Cyrillic letter drawn as a Latin one. The parser's message for
 * them ("syntax error in part "а"") names a character the reader cannot tell from the one they meant (probe 58).
 */

const INVISIBLE: Readonly<Record<string, string>> = {
  '\u00ad': 'a soft hyphen',
  '\u200b': 'a zero-width space',
  '\u200c': 'a zero-width non-joiner',
  '\u200d': 'a zero-width joiner',
  '\u2060': 'a word joiner',
  '\ufeff': 'a zero-width no-break space (a byte-order mark)',
};

/** Cyrillic letters drawn as Latin ones, and the Latin letter each looks like. */
const CYRILLIC_LOOKALIKES: Readonly<Record<string, string>> = {
  '\u0430': 'a', '\u0435': 'e', '\u043e': 'o', '\u0440': 'p', '\u0441': 'c', '\u0443': 'y', '\u0445': 'x',
  '\u0456': 'i', '\u0458': 'j', '\u0455': 's', '\u0410': 'A', '\u0412': 'B', '\u0415': 'E', '\u041a': 'K',
  '\u041c': 'M', '\u041d': 'H', '\u041e': 'O', '\u0420': 'P', '\u0421': 'C', '\u0422': 'T', '\u0425': 'X',
};

const codePoint = (c: string): string => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** What is wrong with one character and what to write instead, or undefined for a character of the language. */
export function strangeCharacter(c: string): string | undefined {
  const invisible = INVISIBLE[c];
  if (invisible !== undefined) return `${invisible} (${codePoint(c)}), invisible: delete it`;
  const code = c.codePointAt(0)!;
  // Full-width forms of ASCII (２, ｘ, ＋): each is its ASCII character 0xFEE0 above.
  if (code >= 0xff01 && code <= 0xff5e) return `a full-width '${c}' (${codePoint(c)}): write '${String.fromCodePoint(code - 0xfee0)}'`;
  const latin = CYRILLIC_LOOKALIKES[c];
  if (latin !== undefined) return `the Cyrillic '${c}' (${codePoint(c)}), drawn as the Latin '${latin}': retype it as '${latin}'`;
  if (code >= 0x0400 && code <= 0x04ff) return `a Cyrillic letter '${c}' (${codePoint(c)}): names are Latin or Greek letters`;
  return undefined;
}

/** The first such character of `text` from `from` on, within `within` characters, with its offset. */
export function firstStrangeCharacter(text: string, from = 0, within = Infinity): { readonly offset: number; readonly what: string } | undefined {
  const end = Math.min(text.length, from + within);
  for (let i = Math.max(0, from); i < end; i++) {
    const what = strangeCharacter(text[i]);
    if (what !== undefined) return { offset: i, what };
  }
  return undefined;
}
