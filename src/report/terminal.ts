import type { CheckReport, Counterexample, StepResult } from '../check/index.ts';
import { formatDiagnostic } from '../diagnostics/index.ts';
import { derivedProof } from './derived-step.ts';

/** Whether to colour output; the terminal report is plain text either way. */
export interface TerminalStyle {
  readonly color: boolean;
}

const CODES = { red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36, gray: 90, bold: 1 } as const;

/**
 * The terminal report: a mark per step, the method, and for a refuted step the
 * counterexample, both sides, the difference and the seed to replay it. Never a
 * whole Jacobian: the worst entry only.
 */
export function renderTerminal(report: CheckReport, style: TerminalStyle = { color: false }): string {
  const paint = (code: keyof typeof CODES, text: string) => (style.color ? `\u001b[${CODES[code]}m${text}\u001b[0m` : text);
  const lines: string[] = [];
  for (const file of report.files) {
    lines.push(paint('bold', file.path));
    if (file.error) {
      lines.push(`  ${paint('red', '✗ cannot read this file')}`);
      for (const line of formatDiagnostic(file.error).split('\n')) lines.push(`    ${line}`);
      continue;
    }
    for (const d of file.derivations) {
      lines.push(`  ${paint('bold', d.title)}${d.source ? paint('gray', `  (from ${d.source})`) : ''}`);
      for (const claim of d.claims) {
        lines.push(`    ${paint('gray', `${claim.line}:`)} claim ${claim.text}`);
        for (const step of claim.steps) lines.push(...renderStep(step, report.seed, paint));
      }
    }
  }
  const s = report.summary;
  lines.push('');
  const parts = [
    paint('green', `${s.proved} proved`), paint('cyan', `${s.verified} verified`),
    paint('yellow', `${s.refuted} refuted`), paint(s.error > 0 ? 'red' : 'gray', `${s.error} error`),
  ];
  lines.push(`${s.steps} steps: ${parts.join(', ')}; ${s.unexpected === 0 ? paint('green', 'all as expected') : paint('red', `${s.unexpected} not as expected`)} (seed ${report.seed})`);
  return lines.join('\n') + '\n';
}

type Paint = (code: keyof typeof CODES, text: string) => string;

function mark(step: StepResult, paint: Paint): string {
  const expectedWrong = step.expect === 'wrong';
  switch (step.verdict) {
    case 'proved': return expectedWrong ? paint('red', '✗ proved  ') : paint('green', '✔ proved  ');
    case 'verified': return expectedWrong ? paint('red', '✗ verified') : paint('cyan', '✓ verified');
    case 'refuted': return expectedWrong ? paint('yellow', '✗ refuted ') : paint('red', '✗ refuted ');
    case 'error': return paint('red', '⚠ error   ');
  }
}

function renderStep(step: StepResult, seed: number, paint: Paint): string[] {
  const out: string[] = [];
  const scope = step.proof === 'every-n' ? ' for every n' : step.proof === 'sizes-tried' ? ' at the sizes tried' : '';
  const expectation = step.expect === 'wrong'
    ? (step.ok ? paint('gray', ' (expected: a known mistake)') : paint('red', ' (expected wrong, but it holds)'))
    : step.verdict === 'refuted' ? paint('red', ' (expected to hold)') : '';
  out.push(`    ${paint('gray', `${step.line}:`)} ${mark(step, paint)} = ${step.text}${expectation}`);
  const indent = '        ';
  if (step.justification) out.push(`${indent}${paint('gray', `by "${step.justification}"`)}`);
  out.push(`${indent}${paint('gray', `${step.verdict === 'error' ? '' : step.verdict + scope + ': '}${step.method}`)}`);
  const d = step.detail;
  if (d.diagnostic) for (const line of formatDiagnostic(d.diagnostic).split('\n')) out.push(`${indent}${line}`);
  if (d.engineFault) out.push(`${indent}${paint('magenta', `engine fault: ${d.engineFault}`)}`);
  if (d.counterexample) out.push(...renderCounterexample(d.counterexample, indent));
  if (d.explanation && step.verdict === 'refuted') out.push(`${indent}why: ${d.explanation}`);
  if (d.correction) out.push(`${indent}the right step (line ${d.correction.line}): = ${d.correction.text}`);
  if (d.derived) out.push(`${indent}a right step: = ${d.derived.text}  (derived; ${derivedProof(d.derived.proof)})`);
  if (d.kink && (step.verdict === 'proved' || step.verdict === 'verified')) out.push(`${indent}almost everywhere: ${d.kink}`);
  if (d.undecided && step.verdict === 'verified') out.push(`${indent}${paint('gray', `exact engine undecided: ${d.undecided}`)}`);
  if (step.verdict === 'verified' && d.worstRelative !== undefined) out.push(`${indent}${paint('gray', `worst relative difference ${d.worstRelative.toExponential(1)}`)}`);
  if (d.counterexample) {
    const replay = d.replay ? ` (fast-check seed ${d.replay.seed}, path "${d.replay.path}")` : '';
    out.push(`${indent}${paint('gray', `replay: --seed ${seed}${replay}`)}`);
  }
  return out;
}

function renderCounterexample(c: Counterexample, indent: string): string[] {
  const where = [...Object.entries(c.sizes), ...Object.entries(c.indices)].map(([k, v]) => `${k} = ${v}`).join(', ');
  const inputs = Object.entries(c.inputs).map(([k, v]) => `${k} = ${formatValue(v)}`).join('; ');
  const lines = [`${indent}counterexample${where ? ` at ${where}` : ''}: ${inputs}`];
  const tolerance = c.tolerance !== undefined ? ` (allowed ${c.tolerance.toExponential(1)})` : '';
  lines.push(`${indent}lhs = ${formatValue(c.lhs)}, rhs = ${formatValue(c.rhs)}, difference = ${formatValue(c.difference)}${tolerance}`);
  lines.push(`${indent}found by ${c.foundBy}`);
  return lines;
}

function formatValue(v: unknown): string {
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : Number(v.toPrecision(6)).toString();
  if (Array.isArray(v)) return `[${v.map(formatValue).join(', ')}]`;
  return String(v);
}

