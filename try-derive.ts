import { parseDerivationFile, parseExpression, SourceMap } from './src/syntax/index.ts';
import { deriveExpression } from './src/derive/index.ts';
import { readFileSync } from 'node:fs';
const [file, title, target] = process.argv.slice(2);
const parsed = parseDerivationFile(readFileSync(file, 'utf8'), file);
for (const d of parsed.derivations) {
  if (!d.title.includes(title)) continue;
  const t0 = performance.now();
  const r = deriveExpression(d, parseExpression(target, SourceMap.single('<x>', 1, 1)), target);
  console.log(d.title, '|', target, '=>', r?.best.text, r?.best.proof, `${(performance.now() - t0).toFixed(0)} ms`);
  break;
}
