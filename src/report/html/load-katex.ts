/**
 * KaTeX, loaded on first use. Only a typeset report (HTML, a notebook display)
 * needs it, and loading it at start-up would slow every other command: a
 * synchronous `require` keeps the report functions synchronous. KaTeX keeps no
 * state between calls, so this copy and one a caller imports behave the same.
 */
import { createRequire } from 'node:module';
import type Katex from 'katex';

let loaded: typeof Katex | undefined;

export function katex(): typeof Katex {
  loaded ??= createRequire(import.meta.url)('katex') as typeof Katex;
  return loaded;
}
