/**
 * The Markdown report: every claim and step typeset as `$$ ... $$` (GitHub,
 * Jupyter, VS Code and pandoc render it), a verdict emoji, the justification,
 * the evidence, and for a refuted step the worst entry of the counterexample,
 * both sides, the difference, the explanation and the seed to replay it.
 */
import type { CheckReport, DerivationResult, StepResult } from '../../check/index.ts';
import { formatDiagnostic, type Diagnostic } from '../../diagnostics/index.ts';
import { derivedProof } from '../derived-step.ts';
import { escapeControl } from '../safe-text.ts';
import { almostEverywhereNotes, hasMethod, plural } from '../wording.ts';
import {
  claimLatex, counterexampleRows, expectation, formatSmall, primedNames, replayText, reportOf, stepLatex, textToLatex, VERDICT_EMOJI, verdictPhrase, whyOf,
} from './describe.ts';

export {
  claimLatex, counterexampleRows, evidence, expectation, formatSizes, primedNames, replayText, reportOf, stepLatex,
  summarizeDerivations, textToLatex, VERDICT_EMOJI, VERDICT_MARK, verdictPhrase, whyOf,
} from './describe.ts';
export { formatValue } from '../wording.ts';
export type { Why, WhyPart } from './describe.ts';

export interface MarkdownOptions {
  /** The top heading; default "derivcheck report". `null` for none (a notebook cell). */
  readonly title?: string | null;
  /** Heading level of a file (derivations one below). Default 2. */
  readonly headingLevel?: number;
}

/**
 * Escapes text so Markdown shows it literally (justifications hold `*`, `_`, `$`;
 * a hostile one `<script>`): every character Markdown or its inline HTML gives a
 * meaning is backslash-escaped, and control characters are shown as escapes.
 */
export function escapeMarkdown(text: string): string {
  return escapeControl(text).replace(/[\\`*_{}[\]()<>#+!|$~&]/g, (c) => `\\${c}`);
}

/** A diagnostic as a fenced block whose fence is longer than any run of backticks inside, so it cannot be closed early. */
function diagnosticBlock(d: Diagnostic, indent = ''): string {
  const text = formatDiagnostic(d).split('\n').map(escapeControl);
  const longest = Math.max(0, ...text.map((l) => Math.max(0, ...(l.match(/`+/g) ?? []).map((run) => run.length))));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return [fence, ...text, fence].map((l) => `${indent}${l}`).join('\n');
}

/** The summary line: `✅ 10 proved · ☑️ 0 verified · ❌ 2 refuted · ⚠️ 0 error`. */
export function summaryMarkdown(report: CheckReport): string {
  const s = report.summary;
  const counts = `${VERDICT_EMOJI.proved} ${s.proved} proved · ${VERDICT_EMOJI.verified} ${s.verified} verified · `
    + `${VERDICT_EMOJI.refuted} ${s.refuted} refuted · ${VERDICT_EMOJI.error} ${s.error} error`;
  const verdict = s.unexpected === 0 ? '**all as expected**' : `**${s.unexpected} not as expected**`;
  return `**${plural(s.steps, 'step')}:** ${counts} — ${verdict} (seed ${report.seed})`;
}

/** The whole report as Markdown with LaTeX. */
export function renderMarkdown(report: CheckReport, options: MarkdownOptions = {}): string {
  const level = options.headingLevel ?? 2;
  const h = (n: number) => '#'.repeat(Math.min(6, n));
  const out: string[] = [];
  const title = options.title === undefined ? 'derivcheck report' : options.title;
  if (title !== null) out.push(`${h(level - 1)} ${escapeMarkdown(title)}`, '');
  out.push(summaryMarkdown(report), '');
  for (const file of report.files) {
    out.push(`${h(level)} ${escapeMarkdown(file.path)}`, '');
    if (file.error) {
      out.push(`${VERDICT_EMOJI.error} **cannot read this file**`, '', diagnosticBlock(file.error), '');
      continue;
    }
    for (const d of file.derivations) out.push(...derivationLines(d, report.seed, level + 1));
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

/** One derivation (a notebook cell's result) as Markdown. */
export function renderDerivationMarkdown(result: DerivationResult, seed?: number): string {
  const report = reportOf(result, seed);
  return [summaryMarkdown(report), '', ...derivationLines(result, report.seed, 3)].join('\n').trimEnd() + '\n';
}

function derivationLines(d: DerivationResult, seed: number, level: number): string[] {
  const out: string[] = [`${'#'.repeat(Math.min(6, level))} ${escapeMarkdown(d.title)}`, ''];
  if (d.source) out.push(`_from ${escapeMarkdown(d.source)}_`, '');
  const primed = primedNames(d);
  for (const claim of d.claims) {
    out.push(`**Claim** (line ${claim.line})`, '', '$$', claimLatex(claim, primed), '$$', '');
    for (const step of claim.steps) out.push(...stepLines(step, seed, primed));
  }
  return out;
}

function stepLines(step: StepResult, seed: number, primed: ReadonlySet<string>): string[] {
  const out: string[] = ['$$', stepLatex(step, primed), '$$', ''];
  const e = expectation(step);
  out.push(`${VERDICT_EMOJI[step.verdict]} **${verdictPhrase(step)}** (line ${step.line})${e ? ` — ${e.ok ? e.text : `**${e.text}**`}` : ''}`, '');
  const items: string[] = [];
  if (step.justification) items.push(`by “${escapeMarkdown(step.justification)}”`);
  const d = step.detail;
  if (d.diagnostic) items.push(`problem:\n\n${diagnosticBlock(d.diagnostic, '  ')}`);
  if (d.engineFault) items.push(`**engine fault:** ${escapeMarkdown(d.engineFault)}`);
  if (d.counterexample) {
    for (const [label, value] of counterexampleRows(d.counterexample)) items.push(`${label.toLowerCase()}: ${escapeMarkdown(value)}`);
  }
  const why = whyOf(step);
  if (why) items.push(`**why:** ${why.parts.map((p) => ('prose' in p ? escapeMarkdown(p.prose) : `$${textToLatex(p.math, undefined, primed)}$`)).join('')}`);
  if (d.correction) items.push(`**the right step** (line ${d.correction.line}): $${textToLatex(d.correction.text, d.correction.relation, primed)}$`);
  if (d.derived) items.push(`**a right step** (derived, ${derivedProof(d.derived.proof)}): $${textToLatex(d.derived.text, '=', primed)}$`);
  if (d.counterexample) items.push(`replay: \`${escapeControl(replayText(step, seed)).replace(/`/g, "'")}\``);
  if (hasMethod(step)) items.push(`evidence: ${escapeMarkdown(step.method)}`);
  if (d.worstRelative !== undefined) items.push(`worst relative difference: ${formatSmall(d.worstRelative)}`);
  if (d.undecided && step.verdict === 'verified') items.push(`exact engine undecided: ${escapeMarkdown(d.undecided)}`);
  for (const note of almostEverywhereNotes(step)) items.push(`almost everywhere: ${escapeMarkdown(note)}`);
  out.push(...items.map((i) => `- ${i}`), '');
  return out;
}
