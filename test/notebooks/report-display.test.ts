import { describe, expect, it } from 'vitest';
import { checkFiles, derivation, report, show } from '../../src/index.ts';
import { JUPYTER_DISPLAY } from '../../src/notebook/index.ts';

const corner = derivation`
  derivation "note 000: the bottom-right corner"
  given x: vector[n]
  let sigma[i] = exp(x[i]) / sum(j, exp(x[j]))
  claim diff(sigma[n], x[n])
    = -sigma[n] * (1 - sigma[n])   expect wrong   by "as written in note 000"
  claim diff(sigma[n], x[n])
    = sigma[n] * (1 - sigma[n])    by "corrected"
`;

describe('report(result) in notebooks', () => {
  it('has the method Deno\'s kernel displays, with html, markdown and plain text', () => {
    expect(JUPYTER_DISPLAY).toBe(Symbol.for('Jupyter.display'));
    const r = report(corner, { seed: 1, trials: 20 });
    const bundle = r[Symbol.for('Jupyter.display') as typeof JUPYTER_DISPLAY]();
    expect(Object.keys(bundle).sort()).toEqual(['text/html', 'text/markdown', 'text/plain']);
    expect(bundle['text/html']).toBe(r.toHTML());
    expect(bundle['text/markdown']).toBe(r.toMarkdown());
    expect(bundle['text/plain']).toBe(String(r));
  });

  it('renders a checked inline derivation: MathML equations, badges, the error plot from its model', () => {
    const html = report(corner, { seed: 1, trials: 20 }).toHTML();
    expect(html).toMatch(/^<div class="dc">/);
    expect(html.match(/<math/g)).toHaveLength(6); // two claims, two steps, the right step shown for the mistake, and the counterexample's inputs
    expect(html).toContain("The right step");
    expect(html).not.toContain('katex-error');
    expect([...html.matchAll(/data-verdict="(\w+)">/g)].map((m) => m[1])).toEqual(['refuted', 'proved']);
    expect(html).toContain('<svg class="dc-plot"');
    expect(html).toContain('a known mistake, kept on purpose');
    expect(html).not.toContain('&lt;inline&gt;');
  });

  it('renders a DerivationResult (plots when its inline derivation is passed along) and a whole CheckReport', () => {
    const result = corner.check({ seed: 1, trials: 20 });
    expect(report(result).toHTML()).toContain('No error plot: the derivation');
    expect(report(result, corner).toHTML()).toContain('<svg class="dc-plot"');
    const md = report(result).toMarkdown();
    expect(md).toMatch(/^\*\*2 steps:\*\* ✅ 1 proved/);
    expect(md).toContain('$$\n= -\\sigma_n');
    const whole = report(checkFiles(['derivations/000-softmax-chain-rule.deriv'], { seed: 1, trials: 10 }));
    expect(whole.toHTML()).toContain('derivations/000-softmax-chain-rule.deriv');
    expect(whole.toMarkdown()).toMatch(/^## derivcheck report/);
  }, 60_000); // checks a whole note of the suite: seconds on a loaded machine

  it('show() outside a kernel displays nothing and does not throw', () => {
    expect(() => show(corner, { seed: 1, trials: 5 })).not.toThrow();
  });
});
