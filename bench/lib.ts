/** Shared pieces of the benchmark harness: timing, rows, and the table. */

/** One row of the table and of `--json FILE`. ratio = anchor / ours (bigger is better). */
export interface BenchRow {
  readonly name: string;
  /** Our median time in ms; with `timed_out`, the time limit (a lower bound). */
  readonly ours_ms: number;
  /** The anchor's figure in ms (from /work/shared/ANCHORS.md), or null when there is none. */
  readonly anchor_ms: number | null;
  /** anchor_ms / ours_ms; with `timed_out`, an upper bound. Null without an anchor. */
  readonly ratio: number | null;
  /** What the anchor is (tool and ANCHORS.md row). */
  readonly anchor_source: string | null;
  /** The ratio we aim for, or null. */
  readonly goal_ratio: number | null;
  readonly goal_met: boolean | null;
  /** A hand-written JS function doing the same job, timed in the same run. */
  readonly baseline_ms?: number;
  /** baseline_ms / ours_ms (bigger is better, like ratio). */
  readonly baseline_ratio?: number;
  /** How many timed runs the median is taken over (after one warm-up unless said otherwise). */
  readonly runs: number;
  /** The fastest timed run (less sensitive to other load on the machine than the median). */
  readonly min_ms?: number;
  readonly timed_out?: boolean;
  readonly note?: string;
  /** Extra figures of a row (steps per second, projections, ...). */
  readonly extra?: Readonly<Record<string, number | string | boolean>>;
}

/** Progress goes to stderr, so stdout holds only the table. */
export function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Wall-clock ms of one call, with process.hrtime.bigint. */
export function timeOnce<T>(fn: () => T): { ms: number; value: T } {
  const start = process.hrtime.bigint();
  const value = fn();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { ms, value };
}

export interface Measurement<T> {
  readonly medianMs: number;
  readonly runs: number;
  readonly samples: readonly number[];
  readonly last: T;
}

/**
 * A warm-up, then timed calls: 5 normally, 3 when the warm-up took over 2 s, 1
 * when it took over 10 s. A call under 100 ms is warmed up by repeating it until
 * V8's optimizing compiler has settled (1 s or 200 calls): one call leaves most
 * of it interpreted, which is not what a user checking steps all day sees.
 * `check` runs on every result (warm-up included) and must throw when the answer
 * is wrong: a timing of a wrong answer is worthless.
 */
export function measure<T>(label: string, fn: () => T, check: (value: T) => void, runs = 5): Measurement<T> {
  const warm = timeOnce(fn);
  check(warm.value);
  if (warm.ms < 100) {
    let spent = warm.ms;
    for (let i = 0; i < 200 && spent < 1_000; i++) {
      const t = timeOnce(fn);
      check(t.value);
      spent += t.ms;
    }
  }
  const count = warm.ms > 10_000 ? 1 : warm.ms > 2_000 ? Math.min(3, runs) : runs;
  const samples: number[] = [];
  let last = warm.value;
  for (let r = 0; r < count; r++) {
    const t = timeOnce(fn);
    check(t.value);
    samples.push(t.ms);
    last = t.value;
  }
  const medianMs = median(samples);
  progress(`${label}: warm-up ${fmtMs(warm.ms)} ms, median ${fmtMs(medianMs)} ms over ${count} run(s)`);
  return { medianMs, runs: count, samples, last };
}

export class BenchFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BenchFailure';
  }
}

export function fmtMs(ms: number): string {
  if (ms >= 100) return ms.toFixed(0);
  if (ms >= 10) return ms.toFixed(1);
  if (ms >= 1) return ms.toFixed(2);
  return ms.toFixed(3);
}

export function fmtRatio(r: number): string {
  if (r >= 100) return r.toFixed(0);
  if (r >= 10) return r.toFixed(1);
  if (r >= 0.1) return r.toFixed(2);
  return r.toPrecision(2);
}

/** A row against an anchor. */
export function anchoredRow(fields: {
  name: string; oursMs: number; anchorMs: number; anchorSource: string; goal: number; runs: number;
  minMs?: number; baselineMs?: number; timedOut?: boolean; note?: string; extra?: Record<string, number | string | boolean>;
}): BenchRow {
  const ratio = fields.anchorMs / fields.oursMs;
  return {
    name: fields.name,
    ours_ms: fields.oursMs,
    anchor_ms: fields.anchorMs,
    ratio,
    anchor_source: fields.anchorSource,
    goal_ratio: fields.goal,
    goal_met: ratio >= fields.goal,
    ...(fields.baselineMs !== undefined ? { baseline_ms: fields.baselineMs, baseline_ratio: fields.baselineMs / fields.oursMs } : {}),
    runs: fields.runs,
    ...(fields.minMs !== undefined ? { min_ms: fields.minMs } : {}),
    ...(fields.timedOut ? { timed_out: true } : {}),
    ...(fields.note ? { note: fields.note } : {}),
    ...(fields.extra ? { extra: fields.extra } : {}),
  };
}

/** The table, in Markdown, one line per row, notes below. */
export function renderTable(rows: readonly BenchRow[]): string {
  const header = ['benchmark', 'ours ms', 'anchor ms', 'ratio anchor/ours', 'goal', 'baseline ms', 'baseline/ours'];
  const lines = rows.map((r) => {
    const lower = r.timed_out ? '> ' : '';
    const upper = r.timed_out ? '< ' : '';
    return [
      r.name,
      `${lower}${fmtMs(r.ours_ms)}${r.runs > 1 ? '' : ' (1 run)'}`,
      r.anchor_ms === null ? '-' : `${fmtMs(r.anchor_ms)} [${r.anchor_source}]`,
      r.ratio === null ? '-' : `${upper}${fmtRatio(r.ratio)}x`,
      r.goal_ratio === null ? '-' : `${r.goal_ratio}x ${r.goal_met ? 'met' : 'MISSED'}`,
      r.baseline_ms === undefined ? '-' : fmtMs(r.baseline_ms),
      r.baseline_ratio === undefined ? '-' : `${upper}${fmtRatio(r.baseline_ratio)}x`,
    ];
  });
  const widths = header.map((h, c) => Math.max(h.length, ...lines.map((l) => l[c].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
  const out = [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(line)];
  const notes = rows.filter((r) => r.note).map((r) => `- ${r.name}: ${r.note}`);
  if (notes.length > 0) out.push('', 'Notes:', ...notes);
  return out.join('\n');
}

/** A small seeded PRNG (mulberry32), so the baseline's input is the same every run. */
export { seededRandom as mulberry32 } from '../src/symbolic/exact/index.ts';
