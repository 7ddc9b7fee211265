#!/usr/bin/env node
/**
 * The README's Library section, run verbatim: its first ```js block is written
 * to readme-library.mjs, its second to readme-library.cjs (in PROJECT). With
 * --compare, the output of each (readme-library.{mjs,cjs} run with stdout to
 * readme-{esm,cjs}.out) must be what the block's `console.log(...); // VALUE`
 * comments say, line by line.
 *
 * usage: node readme-library.mjs [--compare] README.md PROJECT
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const compare = args[0] === '--compare';
const [readme, project] = compare ? args.slice(1) : args;

const text = readFileSync(readme, 'utf8');
const start = text.indexOf('\n## Library\n');
if (start < 0) fail('README.md has no "## Library" section');
const end = text.indexOf('\n## ', start + 1);
const section = text.slice(start, end < 0 ? undefined : end);
const blocks = [...section.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);
if (blocks.length !== 2) fail(`the Library section has ${blocks.length} js blocks, not 2 (ES module, then CommonJS)`);

const runs = [
  { block: blocks[0], file: 'readme-library.mjs', out: 'readme-esm.out', what: 'ES module' },
  { block: blocks[1], file: 'readme-library.cjs', out: 'readme-cjs.out', what: 'CommonJS' },
];
for (const run of runs) {
  if (!compare) {
    writeFileSync(join(project, run.file), run.block);
    continue;
  }
  const expected = [...run.block.matchAll(/console\.log\(.*\);\s*\/\/ (.*)$/gm)].map((m) => m[1].trim());
  if (expected.length === 0) fail(`the ${run.what} block has no console.log(...); // VALUE line to check`);
  const actual = readFileSync(join(project, run.out), 'utf8').trimEnd().split('\n');
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    fail(`the README's ${run.what} example printed\n  ${actual.join('\n  ')}\nbut its comments say\n  ${expected.join('\n  ')}`);
  }
  console.log(`README Library, ${run.what}: ${expected.join(', ')}`);
}

function fail(message) {
  console.error(`readme-library: ${message}`);
  process.exit(1);
}
