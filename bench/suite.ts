/**
 * Cold-start rows: `derivcheck check` run as a user runs it, in a new process each
 * time (`node bin/derivcheck.mjs check ... --seed 1 --json`): module loading, the
 * worker threads' start-up and every step included. The goals of issue 11 stand
 * in the anchor columns (goal ms / ours ms: at least 1 means met).
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defaultJobs, type Summary } from '../src/index.ts';
import { anchoredRow, fmtMs, median, progress, type BenchRow } from './lib.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = fileURLToPath(new URL('../bin/derivcheck.mjs', import.meta.url));
const cpuReporter = fileURLToPath(new URL('./report-cpu.mjs', import.meta.url));

interface ColdRun { readonly ms: number; readonly cpuMs: number; readonly summary: Summary }

/** One cold run of the command line; its wall time, its CPU time (all threads) and the report's summary. */
function coldRun(args: readonly string[]): ColdRun {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['--import', cpuReporter, bin, 'check', ...args, '--seed', '1', '--json'], {
    cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.status !== 0 && child.status !== 1) throw new Error(`derivcheck ${args.join(' ')} exited with ${child.status}: ${child.stderr}`);
  const cpu = /derivcheck-bench-cpu-ms ([\d.]+)/.exec(child.stderr);
  return { ms, cpuMs: cpu ? Number(cpu[1]) : NaN, summary: (JSON.parse(child.stdout) as { summary: Summary }).summary };
}

/** A cold-start row: the median wall time of `runs` runs, against a time goal. */
export function coldRow(name: string, args: readonly string[], goalMs: number, runs: number): BenchRow {
  const samples: ColdRun[] = [];
  for (let r = 0; r < runs; r++) {
    samples.push(coldRun(args));
    progress(`${name}: run ${r + 1}/${runs}: ${fmtMs(samples[r].ms)} ms wall, ${fmtMs(samples[r].cpuMs)} ms CPU`);
  }
  const ms = median(samples.map((s) => s.ms));
  const cpuMs = median(samples.map((s) => s.cpuMs));
  const s = samples[samples.length - 1].summary;
  let note = `${s.steps} steps (${s.proved} proved, ${s.verified} verified, ${s.refuted} refuted, ${s.error} error${s.error === 1 ? '' : 's'}), ${fmtMs(cpuMs)} ms CPU over all threads`;
  if (s.unexpected > 0) {
    note += `; WARNING: ${s.unexpected} verdict(s) not as the files expect`;
    progress(`WARNING: ${name}: ${s.unexpected} unexpected verdict(s); the time is still reported`);
  }
  return anchoredRow({
    name, oursMs: ms, anchorMs: goalMs, anchorSource: 'goal, issue 11', goal: 1, runs, minMs: Math.min(...samples.map((x) => x.ms)), note,
    extra: { cpu_ms: cpuMs, steps: s.steps, proved: s.proved, verified: s.verified, refuted: s.refuted, error: s.error, unexpected: s.unexpected },
  });
}

/** The files transcribed from the five notes: the whole suite when issue 11 set its goal of 3 s. */
const NOTE_FILES = [
  'derivations/000-softmax-chain-rule.deriv', 'derivations/001-softmax-log-trick.deriv', 'derivations/002-softmax-cross-entropy-batch.deriv',
  'derivations/003-layers-column-major.deriv', 'derivations/004-softmax-n3.deriv',
];

/** The whole suite with the default threads and the other choice, the five notes' files, note 002 alone, the attention backward file. */
export function coldRows(runs: number): BenchRow[] {
  const cores = availableParallelism();
  // The default thread count, and the other choice: every core where the default is 1, else one thread.
  const other = defaultJobs() === 1 ? cores : 1;
  return [
    coldRow(`whole suite derivations/, cold, --jobs ${defaultJobs()} (the default)`, ['derivations/'], 3_000, runs),
    coldRow(`whole suite derivations/, cold, --jobs ${other}`, ['derivations/', '--jobs', String(other)], 3_000, 1),
    // The suite the goal was set on: the five notes' files, 138 steps (the files since are textbooks').
    coldRow('the five notes (000-004, the 138 steps of issue 11), cold', NOTE_FILES, 3_000, runs),
    coldRow('note 002 alone, cold', ['derivations/002-softmax-cross-entropy-batch.deriv'], 1_000, runs),
    coldRow('attention backward (006), cold', ['derivations/006-attention-backward.deriv'], 10_000, runs),
  ];
}
