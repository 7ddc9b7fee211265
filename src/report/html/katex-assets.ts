/**
 * KaTeX's stylesheet with its fonts inlined as data: URLs (woff2 only, which
 * every current browser reads), so a report opens offline as one file.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

let cached: string | undefined;

/** The folder of katex's dist files (katex.min.css, fonts/). */
export function katexDistDir(): string {
  return dirname(createRequire(import.meta.url).resolve('katex'));
}

/** katex.min.css with every `@font-face` pointing at an inlined woff2. */
export function inlinedKatexCss(): string {
  if (cached !== undefined) return cached;
  const dist = katexDistDir();
  const css = readFileSync(join(dist, 'katex.min.css'), 'utf8');
  cached = css.replace(/src:([^;}]*)/g, (whole, sources: string) => {
    const woff2 = /url\(([^)]+\.woff2)\)/.exec(sources);
    if (!woff2) return whole;
    const data = readFileSync(join(dist, woff2[1].replace(/^["']|["']$/g, ''))).toString('base64');
    return `src:url(data:font/woff2;base64,${data}) format("woff2")`;
  });
  return cached;
}
