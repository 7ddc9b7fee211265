/**
 * `npm run fuzz [-- COUNT [SEED]]`: runs COUNT (default 100,000) hostile .deriv
 * inputs through the library and prints one summary line: inputs, problems,
 * time and peak memory. Exits 1 if any input raised an exception, ended in an
 * internal error, gave a diagnostic without a place, or ran past the budget;
 * each such input is printed, with the seed to replay it.
 */
import fc from 'fast-check';
import { hostileFile } from '../test/fuzz/deriv-arbitrary.ts';
import { runHostile } from '../test/fuzz/run-input.ts';

const count = Number(process.argv[2] ?? 100_000);
const seed = Number(process.argv[3] ?? 14);
const started = Date.now();
const problems: { input: string | Uint8Array; kind: string; detail: string }[] = [];
const kinds = new Map<string, number>();
const tally = new Map<string, number>();
let done = 0;
// In chunks, so the inputs are never all in memory at once.
for (let chunk = 0; done < count; chunk++) {
  for (const input of fc.sample(hostileFile, { numRuns: Math.min(1000, count - done), seed: seed * 100_003 + chunk })) {
    const problem = runHostile(input, tally);
    if (problem) {
      problems.push({ input, ...problem });
      kinds.set(problem.kind, (kinds.get(problem.kind) ?? 0) + 1);
    }
    if (++done % 5000 === 0) process.stderr.write(`  ${done} inputs, ${problems.length} problems, ${Math.round((Date.now() - started) / 1000)} s\n`);
  }
}
for (const p of problems.slice(0, 20)) {
  console.log(`--- ${p.kind}: ${p.detail.split('\n').slice(0, 6).join('\n')}\n${JSON.stringify(typeof p.input === 'string' ? p.input : [...p.input]).slice(0, 2000)}`);
}
const seconds = Math.round((Date.now() - started) / 1000);
const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
const byKind = [...kinds].map(([k, n]) => `${n} ${k}`).join(', ');
const outcomes = ['files read', 'files refused', 'proved', 'verified', 'refuted', 'error'].map((k) => `${tally.get(k) ?? 0} ${k}`).join(', ');
console.log(`  outcomes: ${outcomes}`);
console.log(`fuzz: ${count} inputs (seed ${seed}), ${problems.length} problems${byKind ? ` (${byKind})` : ''}, ${seconds} s, peak RSS ${peakMb} MB`);
process.exitCode = problems.length === 0 && peakMb < 1024 ? 0 : 1;
