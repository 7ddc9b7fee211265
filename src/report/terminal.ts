import type { CheckReport, Counterexample, StepResult } from '../check/index.ts';
import { formatDiagnostic, type Diagnostic } from '../diagnostics/index.ts';
import { almostEverywhereNotes, formatValue, hasMethod, namesAsWritten, plural, scopeText } from './wording.ts';
import { escapeControl } from './safe-text.ts';
import { isSymbolName, whyOf } from './markdown/describe.ts';
import { derivedProof } from './derived-step.ts';

/** Text from the file or the engines, printable and with layers' names as written. */
const safe = (text: string) => escapeControl(namesAsWritten(text));

/** How to render: colour, and whether a step that holds shows its evidence too. */
export interface TerminalStyle {
  /** ANSI colours; the text is the same either way. Default false. */
  readonly color: boolean;
  /**
   * Every step with its method, scope and numbers (the `--verbose` output). By
   * default a step that holds is one line (mark, line, step, justification) and
   * only refuted and error steps show their evidence. Default false.
   */
  readonly verbose?: boolean;
}

const CODES = { red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36, gray: 90, bold: 1 } as const;

/**
 * The terminal report: a mark per step and, for a refuted or error step, the
 * evidence: the counterexample, both sides, the difference, why the sides
 * differ and the seed to replay it. Never a whole Jacobian: the worst entry only.
 * Every text that comes from a file is written with its control characters
 * escaped, so a file cannot move the cursor or rewrite a verdict.
 *
 * @example renderTerminal(checkText(text, 'a.deriv'), { color: false, verbose: true })
 */
export function renderTerminal(report: CheckReport, style: TerminalStyle = { color: false }): string {
  const paint: Paint = (code, text) => (style.color ? `\u001b[${CODES[code]}m${text}\u001b[0m` : text);
  const verbose = style.verbose === true;
  const lines: string[] = [];
  for (const file of report.files) {
    lines.push(paint('bold', escapeControl(file.path)));
    if (file.error) {
      lines.push(`  ${paint('red', '✗ cannot read this file')}`);
      lines.push(...diagnosticLines(file.error, '    '));
      continue;
    }
    for (const d of file.derivations) {
      lines.push(`  ${paint('bold', safe(d.title))}${d.source ? paint('gray', `  (from ${safe(d.source)})`) : ''}`);
      for (const claim of d.claims) {
        lines.push(`    ${paint('gray', `${claim.line}:`)} claim ${safe(claim.text)}`);
        for (const step of claim.steps) lines.push(...renderStep(step, report.seed, paint, verbose));
      }
    }
  }
  const s = report.summary;
  lines.push('');
  const parts = [
    paint('green', `${s.proved} proved`), paint('cyan', `${s.verified} verified`),
    paint('yellow', `${s.refuted} refuted`), paint(s.error > 0 ? 'red' : 'gray', `${s.error} error${s.error === 1 ? '' : 's'}`),
  ];
  lines.push(`${plural(s.steps, 'step')}: ${parts.join(', ')}; ${s.unexpected === 0 ? paint('green', 'all as expected') : paint('red', `${s.unexpected} not as expected`)} (seed ${report.seed})`);
  return lines.join('\n') + '\n';
}

type Paint = (code: keyof typeof CODES, text: string) => string;

function diagnosticLines(d: Diagnostic, indent: string): string[] {
  return formatDiagnostic(d).split('\n').map((line) => `${indent}${safe(line)}`);
}

function mark(step: StepResult, paint: Paint): string {
  const expectedWrong = step.expect === 'wrong';
  switch (step.verdict) {
    case 'proved': return expectedWrong ? paint('red', '✗ proved  ') : paint('green', '✔ proved  ');
    case 'verified': return expectedWrong ? paint('red', '✗ verified') : paint('cyan', '✓ verified');
    case 'refuted': return expectedWrong ? paint('yellow', '✗ refuted ') : paint('red', '✗ refuted ');
    case 'error': return paint('red', '⚠ error   ');
  }
}

/** What the verdict means against what the file expects, or '' when there is nothing to add. */
function expectation(step: StepResult, paint: Paint): string {
  if (step.expect === 'wrong') {
    if (step.verdict === 'refuted') return paint('gray', ' (expected: a known mistake)');
    if (step.verdict === 'error') return paint('red', ' (expected wrong, but it could not be checked)');
    return paint('red', ' (expected wrong, but it holds)');
  }
  return step.verdict === 'refuted' ? paint('red', ' (expected to hold)') : '';
}

function renderStep(step: StepResult, seed: number, paint: Paint, verbose: boolean): string[] {
  const out: string[] = [];
  const head = `    ${paint('gray', `${step.line}:`)} ${mark(step, paint)} ${step.relation} ${safe(step.text)}${expectation(step, paint)}`;
  const holds = step.verdict === 'proved' || step.verdict === 'verified';
  if (holds && !verbose && step.ok) {
    // One line: what a reader scanning for mistakes needs to see and skip.
    const by = step.justification ? `  ${paint('gray', `by "${safe(step.justification)}"`)}` : '';
    const notes = almostEverywhereNotes(step);
    const kink = notes.length > 0 ? `  ${paint('gray', `(almost everywhere: ${safe(notes.join('; '))})`)}` : '';
    out.push(`${head}${by}${kink}`);
    return out;
  }
  out.push(head);
  const indent = '        ';
  if (step.justification) out.push(`${indent}${paint('gray', `by "${safe(step.justification)}"`)}`);
  const scope = scopeText(step);
  // An error step that no engine looked at has the method 'none': nothing to print.
  if (hasMethod(step)) out.push(`${indent}${paint('gray', `${step.verdict === 'error' ? '' : `${step.verdict}${scope}: `}${safe(step.method)}`)}`);
  const d = step.detail;
  if (d.diagnostic) out.push(...diagnosticLines(d.diagnostic, indent));
  if (d.engineFault) out.push(`${indent}${paint('magenta', `engine fault: ${safe(d.engineFault)}`)}`);
  if (d.counterexample) out.push(...renderCounterexample(d.counterexample, indent));
  const why = whyOf(step);
  if (why) out.push(`${indent}why: ${safe(why.text)}`);
  if (d.correction) out.push(`${indent}the right step (line ${d.correction.line}): ${d.correction.relation} ${safe(d.correction.text)}`);
  if (d.derived) out.push(`${indent}a right step: = ${safe(d.derived.text)}  (derived; ${derivedProof(d.derived.proof)})`);
  for (const note of almostEverywhereNotes(step)) out.push(`${indent}almost everywhere: ${safe(note)}`);
  if (d.undecided && step.verdict === 'verified') out.push(`${indent}${paint('gray', `exact engine undecided: ${safe(d.undecided)}`)}`);
  if (step.verdict === 'verified' && d.worstRelative !== undefined) out.push(`${indent}${paint('gray', `worst relative difference ${d.worstRelative.toExponential(1)}`)}`);
  if (d.counterexample) {
    const replay = d.replay ? ` (fast-check seed ${d.replay.seed}, path "${safe(d.replay.path)}")` : '';
    out.push(`${indent}${paint('gray', `replay: --seed ${seed}${replay}`)}`);
  }
  return out;
}

function renderCounterexample(c: Counterexample, indent: string): string[] {
  const where = [...Object.entries(c.sizes).filter(([k]) => isSymbolName(k)), ...Object.entries(c.indices)].map(([k, v]) => `${safe(k)} = ${v}`).join(', ');
  const inputs = [...Object.entries(c.inputs).map(([k, v]) => `${safe(k)} = ${formatValue(v)}`),
    ...Object.entries(c.functions ?? {}).map(([k, f]) => `${safe(k)}(${f.variables.join(', ')}) = ${safe(f.formula)}`)].join('; ');
  const lines = [`${indent}counterexample${where ? ` at ${where}` : ''}${inputs ? `: ${inputs}` : ''}`];
  const tolerance = c.tolerance !== undefined ? ` (allowed ${c.tolerance.toExponential(1)})` : '';
  lines.push(`${indent}lhs = ${formatValue(c.lhs)}, rhs = ${formatValue(c.rhs)}, difference = ${formatValue(c.difference)}${tolerance}`);
  lines.push(`${indent}found by ${c.foundBy}`);
  return lines;
}


