/**
 * Derives every derivative claim of derivations/ and compares the derived form
 * with the file's own final step: is it proved, and is it as short? Prints one
 * line per claim and a summary (the README's "Deriving" figures come from here).
 *
 *   npx tsx scripts/derive-notes.ts [folder]
 */
import { readFileSync } from 'node:fs';
import { collectDerivationFiles, derive, parseDerivationFile } from '../src/index.ts';
import { formSize } from '../src/derive/index.ts';

const folder = process.argv[2] ?? 'derivations/';
let claims = 0;
let proved = 0;
let asShort = 0;
const longer: string[] = [];
for (const path of collectDerivationFiles([folder])) {
  const text = readFileSync(path, 'utf8');
  for (const derivation of parseDerivationFile(text, path).derivations) {
    for (const statement of derivation.statements) {
      if (statement.kind !== 'claim' || !/\b(diff|grad)\s*\(/.test(statement.text)) continue;
      if (statement.steps.some((s) => s.expectWrong)) continue;
      const last = statement.steps[statement.steps.length - 1];
      if (!last || /\b(diff|grad)\s*\(/.test(last.text)) continue;
      claims++;
      const started = performance.now();
      let derived = '(none)';
      let proof = '-';
      let size = Infinity;
      try {
        const found = derive(text, { line: statement.span.line }, { path });
        derived = found.text;
        proof = found.best.proof;
        size = found.best.size;
      } catch (error) {
        derived = `(${(error as Error).message.split('\n')[0]})`;
      }
      if (proof === 'every-n' || proof === 'sizes-tried') proved++;
      const own = formSize(last.text);
      if (size <= own) asShort++;
      else longer.push(`${path}:${statement.span.line} ${statement.text}: derived ${derived} (${size}) vs the file's ${last.text} (${own})`);
      console.log(`${path}:${statement.span.line}  ${statement.text}  =>  ${derived}  [${proof}, size ${size} vs ${own}, ${(performance.now() - started).toFixed(0)} ms]`);
    }
  }
}
console.log(`\n${claims} derivative claims: ${proved} derived forms proved, ${asShort} as short as the file's own final step (${((100 * asShort) / Math.max(1, claims)).toFixed(0)} %)`);
if (longer.length > 0) console.log(`longer than the file's:\n  ${longer.join('\n  ')}`);
