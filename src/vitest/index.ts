/**
 * A vitest matcher for derivations: `expect(result).toHold()`.
 *
 * It passes when every step's verdict is what its file expects (a step marked
 * `expect wrong` must be refuted; every other step proved or verified). On
 * failure the message is the report of each failing step: its line, its text,
 * the verdict, the worst entry of the counterexample, the explanation and the
 * seed to replay it.
 *
 * @example
 * import 'derivcheck/vitest';            // registers the matcher
 * import { derivation } from 'derivcheck';
 * it('softmax Jacobian', () => {
 *   expect(derivation`...`).toHold({ seed: 1 });   // an inline derivation is checked here
 *   expect(checkFiles(['derivations/'])).toHold(); // or a whole report
 * });
 */
import { expect } from 'vitest';
import type { CheckOptions, CheckReport, DerivationResult } from '../check/index.ts';
import type { Model } from '../model/index.ts';
import { renderTerminal, reportOf } from '../report/index.ts';

/** What `toHold` accepts. */
export type Checkable = CheckReport | DerivationResult | { readonly model: Model; check(options?: CheckOptions): DerivationResult };

interface MatcherResult {
  pass: boolean;
  message: () => string;
}

function toCheckReport(received: unknown, options: CheckOptions | undefined): CheckReport | string {
  if (received === null || typeof received !== 'object') return `expected a derivcheck result, got ${received === null ? 'null' : typeof received}`;
  const r = received as Partial<CheckReport> & Partial<DerivationResult> & { check?: unknown };
  if (typeof r.check === 'function') {
    const result = (received as { check(options?: CheckOptions): DerivationResult }).check(options);
    return reportOf(result, options?.seed);
  }
  if (Array.isArray(r.files) && r.summary) return received as CheckReport;
  if (Array.isArray(r.claims) && typeof r.title === 'string') return reportOf(received as DerivationResult);
  return 'expected a CheckReport, a DerivationResult or an inline derivation (derivation`...`)';
}

/** The report restricted to the steps (and unreadable files) that are not as expected. */
function failingOnly(report: CheckReport): CheckReport {
  const files = report.files
    .map((f) => ({
      ...f,
      derivations: f.derivations
        .map((d) => ({ ...d, claims: d.claims.map((c) => ({ ...c, steps: c.steps.filter((s) => !s.ok) })).filter((c) => c.steps.length > 0) }))
        .filter((d) => d.claims.length > 0),
    }))
    .filter((f) => f.error || f.derivations.length > 0);
  return { ...report, files };
}

/** The matcher itself, for `expect.extend` in a project that registers matchers its own way. */
export function toHold(received: unknown, options?: CheckOptions): MatcherResult {
  const report = toCheckReport(received, options);
  if (typeof report === 'string') return { pass: false, message: () => report };
  const pass = report.summary.unexpected === 0;
  return {
    pass,
    message: pass
      ? () => `expected some step not to hold, but all ${report.summary.steps} steps are as expected (seed ${report.seed})`
      : () => {
        const s = report.summary;
        return `expected every step to hold, but ${s.unexpected} of ${s.steps} ${s.unexpected === 1 ? 'is' : 'are'} not as expected:\n\n`
          + renderTerminal(failingOnly(report), { color: false });
      },
  };
}

export const derivcheckMatchers = { toHold };

expect.extend(derivcheckMatchers);

interface DerivcheckMatchers<R = unknown> {
  /**
   * Every step of the derivation is as its file expects. An inline derivation is
   * checked here, with `options` (give a `seed` for a reproducible test).
   */
  toHold(options?: CheckOptions): R;
}

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  interface Matchers<T = any> extends DerivcheckMatchers<T> {}
}
