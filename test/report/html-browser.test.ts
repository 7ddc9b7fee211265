/**
 * Opens the HTML report in a real browser (Debian's chromium, through
 * playwright-core) with the network cut off, and checks what a reader sees.
 * Skips only when /usr/bin/chromium is absent (CI installs it: apt-get install chromium).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { checkFiles, renderHtmlReport, toJsonReport, type CheckReport } from '../../src/index.ts';
import { whyOf } from '../../src/report/markdown/index.ts';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`html-browser.test.ts skipped: ${CHROMIUM} is absent (apt-get install -y chromium)`);

interface JsonStep { verdict: string }
interface JsonReport { files: { derivations: { claims: { steps: JsonStep[] }[] }[] }[] }

// In CI a missing browser is a broken setup, not a reason to skip (.ci/run installs it).
it.runIf(process.env.CI === 'true')('CI has Debian chromium for the browser test', () => {
  expect(haveChromium, `${CHROMIUM} is absent: .ci/run must apt-get install chromium`).toBe(true);
});

describe.skipIf(!haveChromium)('the HTML report in chromium', () => {
  let dir: string;
  let report: CheckReport;
  let context: BrowserContext;
  let page: Page;
  const consoleErrors: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'derivcheck-html-'));
    report = checkFiles(['derivations/'], { seed: 1, trials: 20 });
    const file = join(dir, 'report.html');
    writeFileSync(file, renderHtmlReport(report));
    const { chromium } = await import('playwright-core');
    const profile = join(dir, 'profile');
    mkdirSync(profile);
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--no-first-run', '--disable-quic',
      ],
      viewport: { width: 1100, height: 1400 },
    });
    page = context.pages()[0] ?? await context.newPage();
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    context.on('request', (r) => { if (!/^(file|data|about):/.test(r.url())) requests.push(r.url()); });
    await page.goto(`file://${file}`, { waitUntil: 'load' });
    // Browser-side code is passed as text: the project's TypeScript has no DOM types.
    await page.evaluate('document.fonts.ready.then(() => undefined)');
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('typesets every claim and step with KaTeX, and leaves no LaTeX source in sight', async () => {
    const claims = report.files.flatMap((f) => f.derivations.flatMap((d) => d.claims));
    const steps = claims.flatMap((c) => c.steps);
    const corrections = steps.filter((s) => s.detail.correction).length;
    expect(corrections).toBeGreaterThan(0);
    // The formulas inside the "why" sentences are typeset too.
    const whyFormulas = steps.flatMap((s) => whyOf(s)?.parts ?? []).filter((p) => 'math' in p).length;
    expect(whyFormulas).toBeGreaterThan(0);
    // So are a counterexample's inputs (a matrix as a matrix).
    const counterexamples = steps.filter((s) => s.detail.counterexample).length;
    const derived = steps.filter((s) => s.detail.derived).length;
    expect(await page.locator('.katex').count()).toBe(claims.length + steps.length + corrections + derived + whyFormulas + counterexamples);
    expect(await page.locator('.katex-error').count()).toBe(0);
    const outside = await page.evaluate(`(() => {
      const body = document.body.cloneNode(true);
      body.querySelectorAll('.katex, style').forEach((n) => n.remove());
      return body.textContent ?? '';
    })()`) as string;
    expect(outside).not.toContain('\\frac');
    expect(outside).not.toContain('\\partial');
    expect(outside).not.toContain('$$');
  });

  it('uses the inlined KaTeX fonts', async () => {
    const loaded = await page.evaluate(`[...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family)`) as string[];
    expect(loaded.some((f) => /KaTeX_Main/.test(f))).toBe(true);
    expect(loaded.some((f) => /KaTeX_Math/.test(f))).toBe(true);
  });

  it('shows the verdicts of the JSON report, in order', async () => {
    const json = toJsonReport(report) as JsonReport;
    const expected = json.files.flatMap((f) => f.derivations.flatMap((d) => d.claims.flatMap((c) => c.steps.map((s) => s.verdict))));
    const shown = await page.locator('.dc-badge[data-verdict]').evaluateAll((els) => els.map((e) => e.getAttribute('data-verdict')));
    expect(shown).toEqual(expected);
    expect(await page.locator('svg.dc-plot').count()).toBeGreaterThan(0);
  });

  it('logs no console error and makes no network request', () => {
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([]);
  });

  it('saves screenshots (test-artifacts/, and docs/report-screenshot.png for the README)', async () => {
    mkdirSync('test-artifacts', { recursive: true });
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: 'test-artifacts/report.png' });
    const refuted = page.locator('.dc-step[data-verdict="refuted"]').first();
    await refuted.scrollIntoViewIfNeeded();
    await refuted.screenshot({ path: 'test-artifacts/report-refuted-step.png' });
    // The README's picture is taken here, so it cannot go stale: it is retaken whenever the
    // report's text differs from the text it was taken of (docs/report-screenshot.sha256), and
    // left byte for byte alone otherwise (a retake differs by a few bytes of PNG every run).
    const text = await page.evaluate('document.body.innerText') as string;
    const digest = createHash('sha256').update(text).digest('hex');
    const stamp = 'docs/report-screenshot.sha256';
    const stale = !existsSync('docs/report-screenshot.png') || !existsSync(stamp) || readFileSync(stamp, 'utf8').trim() !== digest
      || process.env.DERIVCHECK_UPDATE_SCREENSHOTS === '1';
    if (stale) {
      await page.evaluate('window.scrollTo(0, 0)');
      await page.screenshot({ path: 'docs/report-screenshot.png' });
      writeFileSync(stamp, `${digest}\n`);
    }
    expect(existsSync('test-artifacts/report.png')).toBe(true);
    expect(readFileSync(stamp, 'utf8').trim()).toBe(digest);
  });
});
