/**
 * Benchmark 0: start-up of the command as a user runs it, cold. Each run is a
 * new `node bin/derivcheck.mjs` process on the built package (dist/, rebuilt
 * first so the row measures the sources at hand); the row is the median wall
 * time from spawn to exit. Goals (issue 10): `--version` within 250 ms,
 * `check docs/example.deriv` within 1 s, on the 2-core machine.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BenchFailure, fmtMs, median, progress, type BenchRow } from './lib.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = fileURLToPath(new URL('../bin/derivcheck.mjs', import.meta.url));
const reportCpu = new URL('./report-cpu.mjs', import.meta.url).href;

function build(): void {
  progress('building dist/ (npm run build)');
  const built = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, encoding: 'utf8' });
  if (built.status !== 0) throw new BenchFailure(`npm run build failed:\n${built.stderr}`);
}

/**
 * Median wall time of `runs` fresh processes after one untimed run (which fills
 * the file cache), and their median CPU time (reported by the child itself).
 */
function timeCommand(name: string, args: readonly string[], goalMs: number | null, runs: number, check: (stdout: string) => void): BenchRow {
  const cpu: number[] = [];
  const once = () => {
    const start = process.hrtime.bigint();
    const child = spawnSync(process.execPath, ['--import', reportCpu, ...(args[0] === '-e' ? [] : [bin]), ...args], { cwd: root, encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (child.status !== 0) throw new BenchFailure(`derivcheck ${args.join(' ')} exited with ${child.status}:\n${child.stderr}`);
    check(child.stdout);
    const cpuMs = /derivcheck-bench-cpu-ms ([\d.]+)/.exec(child.stderr);
    if (cpuMs) cpu.push(Number(cpuMs[1]));
    return ms;
  };
  once();
  cpu.length = 0;
  const samples = Array.from({ length: runs }, once);
  const ms = median(samples);
  const cpuMs = cpu.length === runs ? median(cpu) : Number.NaN;
  const met = goalMs === null ? null : ms <= goalMs;
  const goal = goalMs === null ? 'the floor: node itself' : `goal <= ${goalMs} ms: ${met ? 'met' : 'MISSED'}`;
  progress(`${name}: median ${fmtMs(ms)} ms wall, ${fmtMs(cpuMs)} ms CPU over ${runs} processes (${goal})`);
  return {
    name, ours_ms: ms, anchor_ms: null, ratio: null, anchor_source: null, goal_ratio: null, goal_met: met,
    runs, min_ms: Math.min(...samples),
    note: `median wall time of ${runs} new processes (CPU ${fmtMs(cpuMs)} ms); ${goal}`,
    extra: { ...(goalMs === null ? {} : { goal_ms: goalMs }), cpu_ms: cpuMs, command: `${args[0] === '-e' ? 'node' : 'derivcheck'} ${args.join(' ')}` },
  };
}

export function startupRows(): BenchRow[] {
  build();
  const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return [
    // What any Node process costs on this machine now: the floor under the two rows below.
    timeCommand('start-up: node -e 0 (reference)', ['-e', '0'], null, 9, () => {}),
    timeCommand('start-up: derivcheck --version', ['--version'], 250, 9, (out) => {
      if (out !== `derivcheck ${version}\n`) throw new BenchFailure(`--version printed ${JSON.stringify(out)}`);
    }),
    timeCommand('start-up: derivcheck check docs/example.deriv', ['check', 'docs/example.deriv', '--seed', '1'], 1000, 5, (out) => {
      if (!/6 steps: 5 proved, 0 verified, 1 refuted, 0 errors?; all as expected/.test(out)) {
        throw new BenchFailure(`docs/example.deriv did not end as expected:\n${out.split('\n').slice(-3).join('\n')}`);
      }
    }),
  ];
}
