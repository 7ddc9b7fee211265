import { beforeAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkFiles, derivation, type CheckReport } from '../../src/index.ts';
import {
  CURVE_STEPS, errorCurve, inlinedKatexCss, katexDistDir, renderDerivationHtml, renderHtmlReport, type ErrorCurve,
} from '../../src/report/html/index.ts';

let report: CheckReport;
let html: string;
beforeAll(() => {
  report = checkFiles(['derivations/'], { seed: 1, trials: 20 });
  html = renderHtmlReport(report);
}, 120_000);

const SOFTMAX = `
given x: vector[n]
let s[i] = exp(x[i]) / sum(j, exp(x[j]))
`;

describe('renderHtmlReport', () => {
  it('is one standalone page: KaTeX CSS and every woff2 font inlined, nothing fetched', () => {
    expect(html).toMatch(/^<!DOCTYPE html>/);
    const fonts = readdirSync(join(katexDistDir(), 'fonts')).filter((f) => f.endsWith('.woff2'));
    expect(fonts.length).toBeGreaterThan(10);
    expect(html.match(/url\(data:font\/woff2;base64,/g)).toHaveLength(fonts.length);
    expect(html).not.toMatch(/url\((?!data:)/);
    expect(html).not.toMatch(/<script|<link|<img|src="/i);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org\/)/);
    expect(inlinedKatexCss()).toContain('@font-face');
  });

  it('typesets every claim and step server-side, with a verdict badge per step', () => {
    const claims = report.files.flatMap((f) => f.derivations.flatMap((d) => d.claims));
    const steps = claims.flatMap((c) => c.steps);
    expect(html.match(/<span class="katex-display">/g)).toHaveLength(claims.length + steps.length);
    expect(html).not.toContain('katex-error');
    const badges = [...html.matchAll(/<span class="dc-badge dc-v-\w+" data-verdict="(\w+)">/g)].map((m) => m[1]);
    expect(badges).toEqual(steps.map((s) => s.verdict));
  });

  it('puts the summary at the top', () => {
    const s = report.summary;
    const header = html.slice(html.indexOf('<header'), html.indexOf('</header>'));
    expect(header).toContain(`data-unexpected="${s.unexpected}"`);
    for (const v of ['proved', 'verified', 'refuted', 'error'] as const) {
      expect(header).toMatch(new RegExp(`dc-count dc-v-${v}"><span class="dc-count-n">${s[v]}</span>`));
    }
  });

  it('shows a refuted step with its counterexample, explanation, seed and error plot', () => {
    const at = html.indexOf('as written in note 000: bottom-right corner');
    const step = html.slice(html.lastIndexOf('<li class="dc-step', at), html.indexOf('</li>', at));
    expect(step).toContain('data-verdict="refuted"');
    expect(step).toContain('a known mistake, kept on purpose');
    expect(step).toMatch(/<th>Left side<\/th><td>[^<]+<\/td>/);
    expect(step).toMatch(/<th>Right side<\/th><td>[^<]+<\/td>/);
    expect(step).toContain('the sides differ by a factor -1 (a sign error)');
    expect(step).toMatch(/--seed 1 \(fast-check seed \d+/);
    expect(step).toContain('<svg class="dc-plot"');
    expect(step).toMatch(/class="dc-curve-gap"/);
    expect(step).toMatch(/class="dc-curve-method"/);
  });

  it('without models, says why there is no plot', () => {
    const page = renderHtmlReport(report, { models: null });
    // KaTeX draws some symbols (a square root) as SVG too: the plot is the svg of class dc-plot.
    expect(page).not.toContain('<svg class="dc-plot"');
    expect(page).toContain('No error plot: the derivation');
  });
});

describe('errorCurve', () => {
  const wrong = derivation`${SOFTMAX}
claim diff(s[n], x[n]) = -s[n] * (1 - s[n])   expect wrong   by "sign error"
claim s[1] = 1 / 2   expect wrong   by "no derivative here"
`;
  const result = wrong.check({ seed: 1, trials: 20 });

  it('is flat at the size of the mistake while the method error draws a V', () => {
    const step = result.claims[0].steps[0];
    expect(step.verdict).toBe('refuted');
    const curve = errorCurve(wrong.model, 0, 0, step.detail.counterexample!) as ErrorCurve;
    expect(curve.points.map((p) => p.h)).toEqual(CURVE_STEPS);
    expect(CURVE_STEPS[0]).toBeCloseTo(1e-1, 15);
    expect(CURVE_STEPS.at(-1)).toBeCloseTo(1e-12, 20);
    const difference = Math.abs(Number(step.detail.counterexample!.difference));
    for (const p of curve.points.filter((q) => q.h <= 1e-3)) expect(p.gap).toBeCloseTo(difference, 3);
    const errors = curve.points.map((p) => p.methodError);
    const bottom = Math.min(...errors);
    expect(bottom).toBeLessThan(1e-8);
    expect(errors[0]).toBeGreaterThan(1e3 * bottom); // truncation at h = 0.1
    expect(errors.at(-1)!).toBeGreaterThan(1e3 * bottom); // round-off at h = 1e-12
    expect(curve.variable).toMatch(/^x\[\d\]$/);
    expect(curve.side).toBe('lhs');
  });

  it('has no curve for a step without a derivative, and the page says so', () => {
    const step = result.claims[1].steps[0];
    expect(step.verdict).toBe('refuted');
    expect(errorCurve(wrong.model, 1, 0, step.detail.counterexample!)).toEqual({ reason: 'no-derivative' });
    const fragment = renderDerivationHtml(result, { model: wrong.model });
    expect(fragment.match(/<svg class="dc-plot"/g)).toHaveLength(1);
    expect(fragment).toContain('No error plot: neither side takes a derivative');
    expect(fragment).toContain('<math'); // notebook fragments use MathML: no fonts needed
  });
});
