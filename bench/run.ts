/**
 * derivcheck's benchmarks: `npm run bench`, or `npm run bench -- --json FILE`
 * to write the rows as JSON too. Options:
 *   --json FILE          write [{ name, ours_ms, anchor_ms, ratio, ... }] to FILE
 *   --numeric-limit S    time limit in seconds for the n = 1000 numeric check (default 60)
 *   --only NAMES         comma-separated subset: startup, jacobian, crossentropy, dw1, batch, numeric, suite, watch
 *   --cold-runs N        runs of each cold-start row (whole suite, note 002, attention), default 3
 * The table goes to stdout, progress to stderr. See bench/README.md.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ANCHORS } from './anchors.ts';
import { BenchFailure, progress, renderTable, type BenchRow } from './lib.ts';
import { numericRowLimited, numericRows, numericRowsBuiltOnce } from './numeric.ts';
import { startupRows } from './startup.ts';
import { coldRows } from './suite.ts';
import { watchRows } from './watch.ts';
import { batchCrossEntropyRow, crossEntropyRows, softmaxJacobianRows, twoLayerRow } from './symbolic.ts';

interface Options { json?: string; numericLimitMs: number; only?: Set<string>; coldRuns: number }

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { numericLimitMs: 60_000, coldRuns: 3 };
  for (let a = 0; a < argv.length; a++) {
    const value = () => {
      const v = argv[++a];
      if (v === undefined) throw new Error(`${argv[a - 1]} needs a value`);
      return v;
    };
    switch (argv[a]) {
      case '--json': options.json = value(); break;
      case '--numeric-limit': options.numericLimitMs = Number(value()) * 1000; break;
      case '--only': options.only = new Set(value().split(',')); break;
      case '--cold-runs': options.coldRuns = Number(value()); break;
      default: throw new Error(`unknown argument ${argv[a]} (known: --json FILE, --numeric-limit SECONDS, --only startup,jacobian,crossentropy,dw1,batch,numeric,suite,watch, --cold-runs N)`);
    }
  }
  if (!(options.numericLimitMs > 0)) throw new Error('--numeric-limit needs a positive number of seconds');
  if (!Number.isInteger(options.coldRuns) || options.coldRuns < 1) throw new Error('--cold-runs needs a whole number from 1');
  return options;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const wanted = (name: string) => !options.only || options.only.has(name);
  const rows: BenchRow[] = [];
  const started = performance.now();

  if (wanted('startup')) { progress('0. start-up of the command, cold'); rows.push(...startupRows()); }
  if (wanted('jacobian')) { progress('1. softmax Jacobian, exact'); rows.push(...softmaxJacobianRows()); }
  if (wanted('crossentropy')) { progress('2. dL/dx_k = s_k - y_k, exact'); rows.push(...crossEntropyRows()); }
  if (wanted('dw1')) { progress('2a. two-layer net dW1, exact'); rows.push(twoLayerRow()); }
  if (wanted('batch')) { progress('2b. batch cross-entropy with a label per row, exact up to symmetry'); rows.push(batchCrossEntropyRow()); }
  if (wanted('numeric')) {
    progress('3. softmax cross-entropy gradient, numeric');
    rows.push(...numericRows([10, 100]));
    rows.push(...numericRowsBuiltOnce([10, 100]));
    rows.push(await numericRowLimited(1000, options.numericLimitMs));
  }
  if (wanted('suite')) { progress('4. cold starts: whole suite, note 002, attention'); rows.push(...coldRows(options.coldRuns)); }
  if (wanted('watch')) { progress('5. saves under derivcheck check --watch'); rows.push(...await watchRows(options.coldRuns)); }

  process.stdout.write(`${renderTable(rows)}\n\n`);
  process.stdout.write('Anchors (from /work/shared/ANCHORS.md, medians on a 2-core machine):\n');
  for (const a of Object.values(ANCHORS)) process.stdout.write(`- ${a.source}: ${a.row}\n`);
  process.stdout.write('ratio = anchor ms / ours ms and baseline/ours = baseline ms / ours ms: above 1 means we are faster.\n');
  progress(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  if (options.json) {
    const file = resolve(process.env.INIT_CWD ?? process.cwd(), options.json);
    writeFileSync(file, `${JSON.stringify(rows, null, 2)}\n`);
    progress(`wrote ${rows.length} rows to ${file}`);
  }
}

main().catch((error: unknown) => {
  if (error instanceof BenchFailure) process.stderr.write(`\nBENCH FAILED (wrong answer, timing discarded): ${error.message}\n`);
  else process.stderr.write(`\nbench error: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 1;
});
