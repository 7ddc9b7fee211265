/**
 * The HTML report: one self-contained file that opens offline. Every claim and
 * step is typeset server-side by KaTeX (no script is needed to view it), with
 * KaTeX's stylesheet and fonts inlined; a verdict badge (with `data-verdict`),
 * the justification, the evidence, and for a refuted step the worst entry of
 * the counterexample with an inline SVG plot of the finite-difference error.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { CheckReport, ClaimResult, DerivationResult, FileResult, StepResult } from '../../check/index.ts';
import { formatDiagnostic } from '../../diagnostics/index.ts';
import type { Model } from '../../model/index.ts';
import { prepareFile } from '../../pipeline/index.ts';
import {
  claimLatex, counterexampleRows, evidence, expectation, formatSizes, formatSmall, primedNames, replayText, reportOf, stepLatex,
  textToLatex, VERDICT_MARK, verdictPhrase, whyOf, inputsLatex, type Why,
} from '../markdown/describe.ts';
import { errorCurve } from './error-curve.ts';
import { escapeHtml } from './escape.ts';
import { inlinedKatexCss } from './katex-assets.ts';
import { katex } from './load-katex.ts';
import { curveShowsSomething, errorCurveSvg } from './plot.ts';
import { REPORT_CSS } from './style.ts';
import { derivedProof } from '../derived-step.ts';
import { almostEverywhereNotes, plural } from '../wording.ts';

export { errorCurve, CURVE_STEPS } from './error-curve.ts';
export type { ErrorCurve, ErrorCurvePoint, NoCurve } from './error-curve.ts';
export { curveShowsSomething, errorCurveSvg } from './plot.ts';
export { inlinedKatexCss, katexDistDir } from './katex-assets.ts';
export { escapeHtml } from './escape.ts';

/** The models of a checked file, in the order of its derivations: they give the plots their terms. */
export type ModelSource = (file: FileResult) => readonly Model[] | undefined;

export interface HtmlOptions {
  /** The page's title. Default "derivcheck report". */
  readonly title?: string;
  /**
   * How equations are typeset: `html` (KaTeX's HTML with its fonts inlined, plus
   * hidden MathML for screen readers; the default) or `mathml` (no fonts needed:
   * small, for notebooks).
   */
  readonly math?: 'html' | 'mathml';
  /**
   * Where the models for the error plots come from. Default: each file is read
   * again from its path, when it exists. `null`: no plots.
   */
  readonly models?: ModelSource | null;
  /** Whether each file gets a heading with its path. Default true. */
  readonly fileHeadings?: boolean;
  /** A one-line summary instead of the title, the count cards and the legend (notebook cells). */
  readonly compact?: boolean;
}

/** Reads each file again from disk (the CLI's case); `undefined` for inline text or a missing file. */
export const modelsFromDisk: ModelSource = (file) => {
  if (file.error || !existsSync(file.path)) return undefined;
  try {
    const prepared = prepareFile(readFileSync(file.path), file.path);
    return prepared.error ? undefined : prepared.models;
  } catch {
    return undefined;
  }
};

/** The whole report as one standalone HTML page. */
export function renderHtmlReport(report: CheckReport, options: HtmlOptions = {}): string {
  const title = options.title ?? 'derivcheck report';
  const math = options.math ?? 'html';
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    math === 'html' ? `<style>${inlinedKatexCss()}</style>` : '',
    '</head>',
    '<body>',
    renderHtmlFragment(report, { ...options, title }),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * The report as an HTML fragment with its own scoped stylesheet (for notebooks
 * and embedding). With `math: 'html'` the page must carry KaTeX's stylesheet.
 */
export function renderHtmlFragment(report: CheckReport, options: HtmlOptions = {}): string {
  const ctx: Context = {
    math: options.math ?? 'html',
    seed: report.seed,
    models: options.models === undefined ? modelsFromDisk : options.models,
    fileHeadings: options.fileHeadings ?? true,
  };
  const out: string[] = [`<div class="dc">`, `<style>${REPORT_CSS}</style>`];
  out.push(options.compact ? compactSummaryHtml(report) : summaryHtml(report, options.title ?? 'derivcheck report'));
  for (const file of report.files) out.push(fileHtml(file, ctx));
  out.push(`<footer class="dc-footer">Made by derivcheck. Replay this run with <code>--seed ${report.seed}</code>.</footer>`);
  out.push('</div>');
  return out.join('\n');
}

/** One derivation's result (a notebook cell) as an HTML fragment; `model` enables the error plots. */
export function renderDerivationHtml(result: DerivationResult, options: HtmlOptions & { readonly model?: Model; readonly seed?: number } = {}): string {
  const report = reportOf(result, options.seed);
  const model = options.model;
  return renderHtmlFragment(report, {
    math: options.math ?? 'mathml',
    title: options.title ?? result.title,
    models: model ? () => [model] : null,
    fileHeadings: false,
    compact: true,
  });
}

interface Context {
  /** Names whose prime is a derivative in the derivation being rendered (`implicit y(x): ...`). */
  readonly primed?: ReadonlySet<string>;
  readonly math: 'html' | 'mathml';
  readonly seed: number;
  readonly models: ModelSource | null;
  readonly fileHeadings: boolean;
}

function tex(latex: string, ctx: Context, displayMode = true): string {
  // KaTeX warns on the console of every character it has no metrics for (a zero-width space, an emoji), whatever
  // `strict` says: the report renders them, and a run's stderr is for what went wrong (probe 58).
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].startsWith('No character metrics')) return;
    warn(...args);
  };
  try {
    return katex().renderToString(latex, {
      displayMode, throwOnError: false, output: ctx.math === 'html' ? 'htmlAndMathml' : 'mathml', strict: 'ignore',
    });
  } finally {
    console.warn = warn;
  }
}

function summaryHtml(report: CheckReport, title: string): string {
  const s = report.summary;
  const ok = s.unexpected === 0;
  const card = (verdict: string, n: number, what: string) =>
    `<div class="dc-count dc-v-${verdict}"><span class="dc-count-n">${n}</span><span class="dc-count-label">${VERDICT_MARK[verdict as keyof typeof VERDICT_MARK]} ${what}</span></div>`;
  const files = report.files.length;
  return [
    '<header class="dc-header">',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="dc-status ${ok ? 'dc-status-ok' : 'dc-status-bad'}" data-unexpected="${s.unexpected}">${ok
      ? `Every verdict is as expected: ${plural(s.steps, 'step')} checked in ${plural(files, 'file')}.`
      : `${s.unexpected} of ${plural(s.steps, 'step')} ${s.unexpected === 1 ? 'is' : 'are'} not as expected.`}</p>`,
    '<div class="dc-counts">',
    card('proved', s.proved, 'proved'), card('verified', s.verified, 'verified'), card('refuted', s.refuted, 'refuted'), card('error', s.error, 'error'),
    '</div>',
    '<p class="dc-legend-text"><b>proved</b>: the exact engine brought both sides to the same form, and random inputs agree. '
      + '<b>verified</b>: both sides agree on every random input, but no exact proof. '
      + '<b>refuted</b>: a counterexample, shrunk to the simplest input that still fails. '
      + '<b>error</b>: the step cannot be checked. '
      + 'A step marked as a <i>known mistake</i> is expected to be refuted.</p>',
    '</header>',
  ].join('\n');
}

function compactSummaryHtml(report: CheckReport): string {
  const s = report.summary;
  const ok = s.unexpected === 0;
  const chips = (['proved', 'verified', 'refuted', 'error'] as const)
    .filter((v) => s[v] > 0)
    .map((v) => `<span class="dc-badge dc-v-${v}">${s[v]} ${v}</span>`).join(' ');
  return `<p class="dc-status dc-status-compact ${ok ? 'dc-status-ok' : 'dc-status-bad'}" data-unexpected="${s.unexpected}">${ok
    ? `${s.steps} step${s.steps === 1 ? '' : 's'}, every verdict as expected`
    : `${s.unexpected} of ${plural(s.steps, 'step')} not as expected`} ${chips}</p>`;
}

function fileHtml(file: FileResult, ctx: Context): string {
  const out: string[] = [`<section class="dc-file">${ctx.fileHeadings ? `<h2 class="dc-path">${escapeHtml(file.path)}</h2>` : ''}`];
  if (file.error) {
    out.push(`<div class="dc-file-error"><span class="dc-badge dc-v-error" data-verdict="error">${VERDICT_MARK.error} cannot read this file</span><pre>${escapeHtml(formatDiagnostic(file.error))}</pre></div>`);
  } else {
    const models = ctx.models?.(file);
    file.derivations.forEach((d, i) => out.push(derivationHtml(d, ctx, models?.[i])));
  }
  out.push('</section>');
  return out.join('\n');
}

function derivationHtml(d: DerivationResult, ctx: Context, model: Model | undefined): string {
  const out: string[] = [`<article class="dc-derivation"><h3>${escapeHtml(d.title)}</h3>`];
  if (d.source) out.push(`<p class="dc-source">from ${escapeHtml(d.source)}</p>`);
  // The model must be the one this result was checked from: same claims on the same lines.
  const usable = model && model.claims.length === d.claims.length
    && model.claims.every((c, i) => c.claim.span.line === d.claims[i].line) ? model : undefined;
  const withPrimes: Context = { ...ctx, primed: primedNames(d) };
  d.claims.forEach((claim, c) => out.push(claimHtml(claim, c, withPrimes, usable)));
  out.push('</article>');
  return out.join('\n');
}

function claimHtml(claim: ClaimResult, c: number, ctx: Context, model: Model | undefined): string {
  const out: string[] = [
    `<div class="dc-claim ${claim.ok ? '' : 'dc-claim-bad'}" data-line="${claim.line}">`,
    `<div class="dc-claim-head"><span class="dc-line" title="line ${claim.line}">${claim.line}</span><span class="dc-kw">claim</span><div class="dc-eq">${tex(claimLatex(claim, ctx.primed), ctx)}</div></div>`,
    '<ol class="dc-steps">',
  ];
  claim.steps.forEach((step, s) => out.push(stepHtml(step, ctx, model, c, s)));
  out.push('</ol></div>');
  return out.join('\n');
}

function stepHtml(step: StepResult, ctx: Context, model: Model | undefined, c: number, s: number): string {
  const d = step.detail;
  const e = expectation(step);
  const why = whyOf(step);
  const out: string[] = [
    `<li class="dc-step dc-v-${step.verdict}${step.ok ? '' : ' dc-unexpected'}" data-verdict="${step.verdict}" data-ok="${step.ok}" data-line="${step.line}">`,
    '<div class="dc-step-head">',
    `<span class="dc-line" title="line ${step.line}">${step.line}</span>`,
    `<div class="dc-eq">${tex(stepLatex(step, ctx.primed), ctx)}</div>`,
    `<span class="dc-badge dc-v-${step.verdict}" data-verdict="${step.verdict}">${VERDICT_MARK[step.verdict]} ${escapeHtml(verdictPhrase(step))}</span>`,
    '</div>',
  ];
  if (step.justification) out.push(`<p class="dc-just">by “${escapeHtml(step.justification)}”</p>`);
  if (e) out.push(`<p class="dc-expect ${e.ok ? 'dc-expect-ok' : 'dc-expect-bad'}">${e.ok ? '✓' : '!'} ${escapeHtml(e.text)}</p>`);
  if (d.diagnostic) out.push(`<pre class="dc-diagnostic">${escapeHtml(formatDiagnostic(d.diagnostic))}</pre>`);
  if (d.engineFault) out.push(`<p class="dc-fault">engine fault: ${escapeHtml(d.engineFault)}</p>`);
  if (d.counterexample) {
    out.push('<div class="dc-counter">');
    out.push('<h4>Counterexample <span class="dc-muted">(the worst entry)</span></h4>');
    out.push('<table class="dc-table">');
    const shapes = model ? inputShapes(model, d.counterexample.sizes) : undefined;
    for (const [label, value] of counterexampleRows(d.counterexample)) {
      // With the model at hand, the inputs are typeset: a matrix as a matrix, not a flat list.
      const cell = label === 'Inputs' && shapes ? tex(inputsLatex(d.counterexample.inputs, shapes), ctx, false) : escapeHtml(value);
      out.push(`<tr><th>${escapeHtml(label)}</th><td>${cell}</td></tr>`);
    }
    if (why) out.push(`<tr class="dc-why"><th>Why</th><td>${whyHtml(why, ctx)}</td></tr>`);
    out.push(`<tr><th>Replay</th><td><code>${escapeHtml(replayText(step, ctx.seed))}</code></td></tr>`);
    out.push('</table>');
    if (step.verdict === 'refuted') out.push(plotHtml(step, model, c, s));
    out.push('</div>');
  } else if (why) {
    out.push(`<p class="dc-why-line"><b>Why:</b> ${whyHtml(why, ctx)}</p>`);
  }
  if (d.derived) {
    out.push(`<p class="dc-correction"><b>A right step</b> (derived, ${derivedProof(d.derived.proof)}): ${tex(textToLatex(d.derived.text, '=', ctx.primed), ctx, false)}</p>`);
  }
  if (d.correction) {
    out.push(`<p class="dc-correction"><b>The right step</b> (line ${d.correction.line}): ${tex(textToLatex(d.correction.text, d.correction.relation, ctx.primed), ctx, false)}</p>`);
  }
  for (const note of almostEverywhereNotes(step)) out.push(`<p class="dc-just">almost everywhere: ${escapeHtml(note)}</p>`);
  out.push(evidenceHtml(step));
  out.push('</li>');
  return out.join('\n');
}

/** Each input's array shape at the given sizes (`matrix[N, D]` at N = 2, D = 3 is [2, 3]). */
function inputShapes(model: Model, sizes: Readonly<Record<string, number>>): Map<string, number[]> {
  const shapes = new Map<string, number[]>();
  for (const input of model.inputs) {
    const shape = input.dims.map((d) => (d.k === 'fixed' ? d.size : sizes[d.name]));
    if (shape.every((n) => typeof n === 'number')) shapes.set(input.name, shape);
  }
  return shapes;
}

/** The why sentence with its formulas typeset inline. */
function whyHtml(why: Why, ctx: Context): string {
  return why.parts.map((p) => ('prose' in p ? escapeHtml(p.prose) : tex(textToLatex(p.math, undefined, ctx.primed), ctx, false))).join('');
}

function plotHtml(step: StepResult, model: Model | undefined, c: number, s: number): string {
  if (!model || !step.detail.counterexample) {
    return '<p class="dc-plot-note">No error plot: the derivation\'s model was not available to this report.</p>';
  }
  const curve = errorCurve(model, c, s, step.detail.counterexample);
  if ('reason' in curve) {
    const why = curve.reason === 'no-derivative'
      ? 'neither side takes a derivative, so the difference does not depend on a step size (it would be a flat line)'
      : curve.reason === 'no-numeric-input' ? 'the counterexample was found in 60-digit arithmetic, beyond double precision'
        : 'the step could not be located in the model';
    return `<p class="dc-plot-note">No error plot: ${escapeHtml(why)}.</p>`;
  }
  if (!curveShowsSomething(curve)) {
    return '<p class="dc-plot-note">No error plot: at this counterexample the finite-difference error is flat or the gap sits at round-off, '
      + 'so the plot would be two flat lines; the values above are the evidence.</p>';
  }
  const caption = `Finite-difference error against step size h at the counterexample${curve.variable ? ` (derivative in ${curve.variable})` : ''}`;
  return [
    '<figure class="dc-figure">',
    errorCurveSvg(curve, caption),
    `<figcaption>${escapeHtml(caption)}. The red gap between the two sides stays flat whatever h is, `
      + 'far above the bottom of the grey V (truncation error falling as h², round-off rising as 1/h): '
      + 'the step is wrong, not the numerics.</figcaption>',
    '</figure>',
  ].join('');
}

function evidenceHtml(step: StepResult): string {
  const d = step.detail;
  const brief = [
    plural(d.trials, 'random input'),
    `at ${formatSizes(d.sizes)}`,
    d.worstRelative !== undefined ? `worst relative difference ${formatSmall(d.worstRelative)}` : undefined,
  ].filter(Boolean).join(', ');
  const rows = evidence(step).map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('');
  return `<details class="dc-evidence"><summary>Evidence: ${escapeHtml(brief)}</summary><dl>${rows}</dl></details>`;
}
