/**
 * Rich display of derivcheck results in Jupyter notebooks with a TypeScript kernel.
 *
 * - Deno's kernel shows any value with a `[Symbol.for("Jupyter.display")]()` method
 *   by the MIME bundle it returns: make `report(result)` the last expression of a cell.
 * - tslab shows what `tslab.display.html(...)` is given: `show(result)` does that
 *   (with text/markdown and text/plain alongside when tslab allows it), or write
 *   `tslab.display.html(report(result).toHTML())` yourself.
 *
 * @example
 * const d = derivation`
 *   given x: vector[n]
 *   let s[i] = exp(x[i]) / sum(j, exp(x[j]))
 *   claim diff(s[i], x[k]) = s[i] * (delta(i, k) - s[k])
 * `;
 * show(d, { seed: 1 });            // tslab: checks it and displays the typeset report
 * report(d.check({ seed: 1 }), d);  // Deno: the last expression of a cell
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { CheckOptions, CheckReport, DerivationResult } from '../check/index.ts';
import type { Model } from '../model/index.ts';
import {
  renderDerivationHtml, renderDerivationMarkdown, renderHtmlFragment, renderMarkdown, renderTerminal, reportOf,
} from '../report/index.ts';

/** What can be displayed: a checked derivation, a whole report, or an inline derivation (checked on display). */
export type Displayable = DerivationResult | CheckReport | { readonly model: Model; check(options?: CheckOptions): DerivationResult };

/** The key Deno's Jupyter kernel looks for (`Deno.jupyter.$display`). */
export const JUPYTER_DISPLAY: unique symbol = Symbol.for('Jupyter.display');

/** A MIME bundle: what a Jupyter frontend chooses from. */
export type MimeBundle = { readonly 'text/html': string; readonly 'text/markdown': string; readonly 'text/plain': string };

export interface NotebookReport {
  /** The report as an HTML fragment (equations as MathML: no fonts or scripts needed). */
  toHTML(): string;
  /** The report as Markdown with `$$ ... $$` equations. */
  toMarkdown(): string;
  /** The terminal report, as plain text. */
  toString(): string;
  /** Deno's kernel displays the value of a cell through this. */
  [JUPYTER_DISPLAY](): MimeBundle;
}

export interface ReportOptions extends CheckOptions {
  /** The model the result was checked from, for the error plots of refuted steps. */
  readonly model?: Model;
}

const isReport = (x: Displayable): x is CheckReport => 'files' in x && 'summary' in x;
const isInline = (x: Displayable): x is Extract<Displayable, { check: unknown }> => typeof (x as { check?: unknown }).check === 'function';

/**
 * A displayable report of a result. Given an inline derivation, checks it first
 * (with `options`); its model then draws the error plots. The second argument may
 * also be the inline derivation the result came from, for the plots.
 */
export function report(input: Displayable, options: ReportOptions | { readonly model: Model } = {}): NotebookReport {
  const opts = options as ReportOptions;
  let result: DerivationResult | CheckReport;
  let model = opts.model;
  if (isInline(input)) {
    result = input.check(opts);
    model ??= input.model;
  } else {
    result = input;
  }
  const full: CheckReport = isReport(result) ? result : reportOf(result, opts.seed);
  const html = () => isReport(result)
    ? renderHtmlFragment(result, { math: 'mathml' })
    : renderDerivationHtml(result, { model, seed: full.seed, math: 'mathml' });
  const markdown = () => isReport(result) ? renderMarkdown(result, { headingLevel: 3 }) : renderDerivationMarkdown(result, full.seed);
  const text = () => renderTerminal(full, { color: false });
  return {
    toHTML: html,
    toMarkdown: markdown,
    toString: text,
    [JUPYTER_DISPLAY]: () => ({ 'text/html': html(), 'text/markdown': markdown(), 'text/plain': text() }),
  };
}

interface TslabDisplay { html(s: string): void }
interface DenoJupyter { display(bundle: Record<string, string>, options: { raw: boolean }): Promise<void> }

/** tslab's modules, when this runs inside a tslab kernel. */
function tslab(): { display: TslabDisplay; writeDisplayData?: (data: unknown, update: boolean) => void } | undefined {
  for (const base of [import.meta.url, join(process.cwd(), 'index.js')]) {
    try {
      const require = createRequire(base);
      const pub = require('tslab') as { display: TslabDisplay };
      let writeDisplayData: ((data: unknown, update: boolean) => void) | undefined;
      try {
        const internal = require('tslab/dist/jupyter') as { lastWriteDisplayData?: (data: unknown, update: boolean) => void };
        if (typeof internal.lastWriteDisplayData === 'function') writeDisplayData = internal.lastWriteDisplayData;
      } catch { /* older or newer tslab: the public API is enough */ }
      return { display: pub.display, writeDisplayData };
    } catch { /* not here */ }
  }
  return undefined;
}

/**
 * Displays a result in the running notebook: through Deno.jupyter in Deno, through
 * tslab in tslab; outside a kernel it does nothing. It returns nothing, so that
 * tslab does not print the value of the cell as well: use {@link report} for the object.
 */
export function show(input: Displayable, options: ReportOptions = {}): void {
  const r = report(input, options);
  const deno = (globalThis as { Deno?: { jupyter?: DenoJupyter } }).Deno?.jupyter;
  if (deno) {
    void deno.display(r[JUPYTER_DISPLAY](), { raw: true });
    return;
  }
  const kernel = tslab();
  if (kernel?.writeDisplayData) {
    // One display with every representation: JupyterLab shows the HTML, nbconvert --to markdown the Markdown.
    kernel.writeDisplayData({ data: r[JUPYTER_DISPLAY](), metadata: {}, transient: {} }, false);
  } else if (kernel) {
    try {
      kernel.display.html(r.toHTML());
    } catch { /* tslab is installed but this is not a kernel ("Not ready") */ }
  }
}
