/**
 * Rows of `derivcheck check --watch`: the five notes' files copied to a temporary
 * folder and watched by one process, then a file saved again and again; each
 * row times a save until the report of the run it caused is written (the watch's
 * wait for the save to end, 150 ms, included). The goal is note 002's, issue 11's
 * "fast enough to run on every save".
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { anchoredRow, BenchFailure, fmtMs, median, progress, type BenchRow } from './lib.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = fileURLToPath(new URL('../bin/derivcheck.mjs', import.meta.url));
const NOTES = ['000-softmax-chain-rule', '001-softmax-log-trick', '002-softmax-cross-entropy-batch', '003-layers-column-major', '004-softmax-n3'];

/** A save and what it should cause: the text to write, and how many derivations the run should check. */
interface Save { readonly text: string; readonly checked: number }

export async function watchRows(runs: number): Promise<BenchRow[]> {
  const folder = mkdtempSync(join(tmpdir(), 'derivcheck-bench-watch-'));
  for (const note of NOTES) cpSync(join(root, 'derivations', `${note}.deriv`), join(folder, `${note}.deriv`));
  const file = join(folder, '002-softmax-cross-entropy-batch.deriv');
  const original = readFileSync(file, 'utf8');
  const slip = 'claim grad(L, b2) = mean(dZ2, 1)             expect wrong';
  if (!original.includes(slip)) throw new BenchFailure('bench/watch.ts: note 002 no longer holds the line it edits');
  const child = spawn(process.execPath, [bin, 'check', folder, '--watch', '--seed', '1'], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => { err += d; });
  const lines = () => err.split('\n').filter((l) => l.startsWith('watching'));
  const nextRun = async (count: number): Promise<string> => {
    for (const started = Date.now(); Date.now() - started < 120_000;) {
      const all = lines();
      if (all.length >= count) return all[count - 1];
      await new Promise((r) => setTimeout(r, 2));
    }
    throw new BenchFailure(`derivcheck --watch wrote no report after a save: ${err}`);
  };
  try {
    await nextRun(1);
    let seen = 1;
    const timeSaves = async (name: string, saves: readonly Save[]): Promise<BenchRow> => {
      const samples: number[] = [];
      for (const save of saves) {
        // A pause, so that each save is one burst of its own.
        await new Promise((r) => setTimeout(r, 300));
        const started = performance.now();
        writeFileSync(file, save.text);
        const line = await nextRun(++seen);
        samples.push(performance.now() - started);
        const checked = /: (\d+) derivations? /.exec(line)?.[1];
        if (Number(checked) !== save.checked) throw new BenchFailure(`${name}: the run checked ${checked} derivations, expected ${save.checked}: ${line}`);
        progress(`${name}: ${fmtMs(samples[samples.length - 1])} ms`);
      }
      return anchoredRow({
        name, oursMs: median(samples), anchorMs: 1_000, anchorSource: 'goal, issue 11 (note 002)', goal: 1, runs: samples.length,
        minMs: Math.min(...samples), note: 'derivcheck check --watch on the five notes: a save of note 002 until its report is written (the 150 ms wait for the save to end included)',
      });
    };
    // The slip edited and back: each save changes the two-layer network's derivation (9 steps), the heaviest of note 002.
    const edits = Array.from({ length: runs * 2 }, (_, i): Save => ({ text: i % 2 === 0 ? original.replace(slip, 'claim grad(L, b2) = mean(dZ2, 1) * 1         expect wrong') : original, checked: 1 }));
    const comments = Array.from({ length: runs }, (_, i): Save => ({ text: `${original}\n# saved ${i}\n`, checked: 0 }));
    return [
      await timeSaves('note 002 saved under --watch, its heaviest derivation edited (9 steps re-checked)', edits),
      await timeSaves('note 002 saved under --watch, a comment edited (nothing re-checked)', comments),
    ];
  } finally {
    child.kill('SIGINT');
    rmSync(folder, { recursive: true, force: true });
  }
}
