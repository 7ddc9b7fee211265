import type { CheckReport, StepResult } from '../check/index.ts';
import type { Diagnostic } from '../diagnostics/index.ts';
import { whyOf } from './markdown/describe.ts';

/**
 * The stable JSON report (`--json`), in the shape of docs/json-report.md:
 * version, files, derivations, claims, steps, summary. What is not part of that
 * shape (the justification, the column) lives in a step's `detail`.
 */
export function toJsonReport(report: CheckReport): object {
  return {
    version: report.version,
    files: report.files.map((f) => ({
      path: f.path,
      error: f.error ? diagnosticJson(f.error) : null,
      derivations: f.derivations.map((d) => ({
        title: d.title,
        source: d.source ?? null,
        claims: d.claims.map((c) => ({ line: c.line, text: c.text, ok: c.ok, steps: c.steps.map(stepJson) })),
      })),
    })),
    summary: report.summary,
  };
}

/** One step as the JSON report holds it (also for a run cut short by --timeout, step by step). */
export function stepJson(s: StepResult): object {
  const { diagnostic, ...detail } = s.detail;
  return {
    line: s.line,
    text: s.text,
    relation: s.relation,
    verdict: s.verdict,
    proof: s.proof ?? null,
    expect: s.expect,
    method: s.method,
    detail: {
      ...detail,
      col: s.span.col,
      justification: s.justification ?? null,
      // What the reports show under "why" (the explanation may be a long raw difference, kept whole above).
      ...(whyOf(s) ? { why: whyOf(s)!.text } : {}),
      ...(diagnostic ? { error: diagnosticJson(diagnostic) } : {}),
    },
  };
}

/**
 * The JSON report as text. JSON.stringify escapes C0 controls but leaves C1
 * controls (U+009B is a one-byte CSI), bidi overrides and line separators raw;
 * they are escaped too, so the text is inert when printed and parses to the same value.
 */
export function toJsonText(report: CheckReport): string {
  return JSON.stringify(toJsonReport(report), null, 2)
    .replace(/[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function diagnosticJson(d: Diagnostic): object {
  return { code: d.code, message: d.message, hint: d.hint ?? null, line: d.span?.line ?? null, col: d.span?.col ?? null };
}
