/**
 * A `.deriv` file is untrusted input: its title, source, justifications, step
 * text and even its path may hold terminal escape sequences (clear the screen,
 * move the cursor, set the window title) or HTML. No report may pass them on:
 * the terminal shows them escaped, HTML escapes them, Markdown shows them
 * literally, JSON quotes them.
 */
import { describe, expect, it, vi } from 'vitest';
import { checkText, renderHtmlReport, renderMarkdown, renderTerminal, toJsonReport, type CheckReport } from '../../src/index.ts';
import { report as notebookReport } from '../../src/notebook/index.ts';
import { escapeControl, toJsonText } from '../../src/report/index.ts';

const E = '\u001b';
/** Clear screen, cursor home, cursor moves, an OSC window title, a CSI in its one-byte C1 form, a bidi override, and HTML. */
const ATTACK = `${E}[2J${E}[H${E}[5A${E}[10C${E}]0;pwned\u0007\u009b31m\u202e<img src=x onerror=alert(1)><script>alert(2)</script>`;
const HTML_TAG = /<(img|script)\b/i;

/** Every field a file controls: path, title, source, justification, and a refuted step with an explanation and a correction. */
const HOSTILE = `derivation "title ${ATTACK}"
source "source ${ATTACK}"
given x: vector[n]
let s[i] = exp(x[i]) / sum(j, exp(x[j]))
claim diff(s[n], x[n])
  = -s[n] * (1 - s[n])   expect wrong   by "justification ${ATTACK}"
claim diff(s[n], x[n])
  = s[n] * (1 - s[n])   by "right ${ATTACK}"
`;
/** A control sequence inside an expression: the step cannot be read; its text, path and diagnostic still reach every report. */
const BROKEN = `derivation "broken"\ngiven t: real\nclaim t = t + 1${ATTACK}\n`;

const OPTIONS = { seed: 1, trials: 20, sizes: [1, 2, 3] };
const reports: CheckReport[] = [
  checkText(HOSTILE, `path ${ATTACK}.deriv`, OPTIONS),
  checkText(BROKEN, `path ${ATTACK}.deriv`, OPTIONS),
];

/** Any C0/C1 control character except the newlines between lines, or a bidi control. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('output that a file cannot hijack', () => {
  it('the hostile file is really read: every field reaches the report', () => {
    const d = reports[0].files[0].derivations[0];
    expect(d.title).toContain(ATTACK);
    expect(d.source).toContain(ATTACK);
    expect(d.claims[0].steps[0].justification).toContain(ATTACK);
    expect(d.claims[0].steps[0].verdict).toBe('refuted');
    // The expression with an escape sequence in it cannot be read: its step is an error with a diagnostic, and
    // its text (the attack included) reaches every report, rendered as safely as the rest.
    const broken = reports[1].files[0].derivations[0].claims[0].steps[0];
    expect(broken.verdict).toBe('error');
    expect(broken.text).toContain(ATTACK);
    expect(broken.detail.diagnostic).not.toBeNull();
  });

  it.each([false, true])('terminal (verbose %s): no control character but our own colours', (verbose) => {
    for (const r of reports) {
      const plain = renderTerminal(r, { color: false, verbose });
      expect(plain).not.toMatch(RAW_CONTROL);
      expect(plain).toContain('\\x1b[2J');
      // With colour on, the only escape sequences are the report's own SGR colour codes.
      const coloured = renderTerminal(r, { color: true, verbose }).replace(/\u001b\[\d+m/g, '');
      expect(coloured).not.toMatch(RAW_CONTROL);
    }
  });

  it('HTML: no tag from the file and no control character', () => {
    for (const r of reports) {
      const html = renderHtmlReport(r, { models: null });
      expect(html).not.toMatch(HTML_TAG);
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(html).not.toMatch(RAW_CONTROL);
    }
  });

  it('Markdown: the file text shows literally, with no raw HTML and no control character', () => {
    for (const r of reports) {
      const md = renderMarkdown(r);
      // Inside a fenced block text is literal; elsewhere every < must be escaped.
      const outsideFences = md.replace(/^ *(`{3,})\n[\s\S]*?^ *\1$/gm, '');
      expect(outsideFences).not.toMatch(/(^|[^\\])<(img|script)\b/i);
      expect(md).not.toMatch(RAW_CONTROL);
    }
  });

  it('JSON: quoted, so the text comes back exactly as the file had it', () => {
    for (const r of reports) {
      const json = toJsonText(r);
      expect(json).not.toMatch(RAW_CONTROL);
      expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(toJsonReport(r))));
    }
    const back = JSON.parse(toJsonText(reports[0])) as { files: { derivations: { title: string }[] }[] };
    expect(back.files[0].derivations[0].title).toBe(`title ${ATTACK}`);
  });

  it('notebook: every representation is safe', () => {
    const bundle = notebookReport(reports[0]);
    expect(bundle.toString()).not.toMatch(RAW_CONTROL);
    expect(bundle.toHTML()).not.toMatch(HTML_TAG);
    expect(bundle.toHTML()).not.toMatch(RAW_CONTROL);
    expect(bundle.toMarkdown()).not.toMatch(RAW_CONTROL);
  });

  it('escapeControl leaves ordinary text, Greek and maths symbols alone', () => {
    expect(escapeControl('σ(x) · (1 − σ) ≤ ∑ᵢ x_i')).toBe('σ(x) · (1 − σ) ≤ ∑ᵢ x_i');
    expect(escapeControl(`a${E}b\u009bc\u202ed\te`)).toBe('a\\x1bb\\x9bc\\u202ed\\te');
  });
});

describe('characters KaTeX has no metrics for (probe 58)', () => {
  it('are typeset in the HTML report (a zero-width space in a step) without a warning on the console', () => {
    const warn = vi.spyOn(console, 'warn');
    try {
      // A zero-width space after a name in a step, as a copy from a web page leaves it.
      const report = checkText('derivation "t"\ngiven x: real\nclaim x\u200b + 1 = 1 + x\n', 'zwsp.deriv', { seed: 1 });
      expect(renderHtmlReport(report, { models: null })).toContain('katex');
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });
});
