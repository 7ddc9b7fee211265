/** Benchmark 4: the whole derivations/ suite end to end, as `derivcheck check` runs it (seed 1). */
import { fileURLToPath } from 'node:url';
import { checkFiles, type Summary } from '../src/index.ts';
import { measure, progress, type BenchRow } from './lib.ts';

export function suiteRow(): BenchRow {
  const folder = fileURLToPath(new URL('../derivations/', import.meta.url));
  const name = 'whole suite derivations/ (seed 1)';
  const m = measure(name, () => checkFiles([folder], { seed: 1 }).summary, (s: Summary) => {
    if (s.steps === 0) throw new Error('the suite has no steps');
  });
  const s = m.last;
  const stepsPerSecond = s.steps / (m.medianMs / 1000);
  let note = `${s.steps} steps, ${stepsPerSecond.toFixed(1)} steps/s (${s.proved} proved, ${s.verified} verified, ${s.refuted} refuted, ${s.error} error)`;
  if (s.unexpected > 0) {
    note += `; WARNING: ${s.unexpected} verdict(s) not as the files expect (run \`npm run check\`)`;
    progress(`WARNING: the suite has ${s.unexpected} unexpected verdict(s); its time is still reported`);
  }
  return {
    name, ours_ms: m.medianMs, anchor_ms: null, ratio: null, anchor_source: null, goal_ratio: null, goal_met: null,
    runs: m.runs, min_ms: Math.min(...m.samples), note,
    extra: { steps: s.steps, steps_per_second: stepsPerSecond, proved: s.proved, verified: s.verified, refuted: s.refuted, error: s.error, unexpected: s.unexpected },
  };
}
