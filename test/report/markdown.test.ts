import { beforeAll, describe, expect, it } from 'vitest';
import katex from 'katex';
import { checkFiles, derivation, type CheckReport } from '../../src/index.ts';
import { escapeMarkdown, renderDerivationMarkdown, renderMarkdown } from '../../src/report/markdown/index.ts';

let report: CheckReport;
let md: string;
beforeAll(() => {
  report = checkFiles(['derivations/'], { seed: 1, trials: 20 });
  md = renderMarkdown(report);
}, 120_000);

const displayMath = (text: string): string[] => [...text.matchAll(/\$\$\n([\s\S]*?)\n\$\$/g)].map((m) => m[1]);

describe('renderMarkdown', () => {
  it('typesets every claim and every step as $$ ... $$ that KaTeX accepts', () => {
    const claims = report.files.flatMap((f) => f.derivations.flatMap((d) => d.claims));
    const steps = claims.flatMap((c) => c.steps);
    const blocks = displayMath(md);
    expect(blocks).toHaveLength(claims.length + steps.length);
    for (const tex of blocks) expect(() => katex.renderToString(tex, { throwOnError: true })).not.toThrow();
    // Each step starts with its relation: = for most, \leq, <, \geq or > in an inequality chain.
    expect(blocks.filter((b) => /^(=|<|>|\\leq|\\geq) /.test(b))).toHaveLength(steps.length);
    expect(blocks.filter((b) => b.startsWith('\\leq '))).toHaveLength(steps.filter((s) => s.relation === '<=').length);
  });

  it('opens with the summary and gives every step a verdict emoji', () => {
    const s = report.summary;
    expect(md).toMatch(new RegExp(`^# derivcheck report\\n\\n\\*\\*${s.steps} steps:\\*\\* ✅ ${s.proved} proved · ☑️ ${s.verified} verified · ❌ ${s.refuted} refuted · ⚠️ ${s.error} error`));
    expect(md).toContain('(seed 1)');
    const verdicts = md.match(/^(✅|☑️|❌|⚠️) \*\*(proved|verified|refuted|error)/gmu) ?? [];
    expect(verdicts).toHaveLength(s.steps);
  });

  it('shows a refuted step with its worst entry, both sides, the difference, the explanation and the seed', () => {
    const start = md.indexOf('as written in note 000: bottom-right corner');
    expect(start).toBeGreaterThan(0);
    const section = md.slice(md.lastIndexOf('$$\n= ', start), md.indexOf('\n\n$$', start));
    expect(section).toContain('= -\\sigma_n');
    expect(section).toMatch(/❌ \*\*refuted\*\* \(line \d+\) — a known mistake, kept on purpose: refuted, as expected/);
    expect(section).toMatch(/- at: n = \d/);
    expect(section).toMatch(/- inputs: x = \\\[/);
    expect(section).toMatch(/- left side: /);
    expect(section).toMatch(/- right side: /);
    expect(section).toMatch(/- difference: .*allowed from method error/);
    expect(section).toContain('**why:** the sides differ by a factor -1 \\(a sign error\\)');
    expect(section).toMatch(/- replay: `--seed 1 \(fast-check seed \d+, path "[\d:]*"\)`/);
  });

  it('escapes what Markdown would read as markup in justifications', () => {
    expect(escapeMarkdown('d/dsigma_i of *x* $y$ [z]')).toBe('d/dsigma\\_i of \\*x\\* \\$y\\$ \\[z\\]');
    expect(md).not.toMatch(/by “[^”\n]*(?<!\\)_[^”\n]*”/); // every underscore in a justification is escaped
  });

  it('renders one inline derivation without a top heading', () => {
    const d = derivation`
given x: vector[n]
let s[i] = exp(x[i]) / sum(j, exp(x[j]))
claim diff(log(s[i]), x[k]) = delta(i, k) - s[k]   by "log trick"
`;
    const one = renderDerivationMarkdown(d.check({ seed: 1, trials: 10 }), 1);
    expect(one).toMatch(/^\*\*1 step:\*\*/);
    expect(one).toContain('### inline');
    expect(displayMath(one)).toEqual(['\\frac{\\partial \\log s_i}{\\partial x_k}', '= \\delta_{ik} - s_k']);
  });

  it("typesets y' of an implicit function as a prime, and a matrix's A' still as a transpose", () => {
    const implicit = derivation`
implicit y(x): x^2 + y^2 = 25
claim y'' = -(y - x y') / y^2
`;
    expect(displayMath(renderDerivationMarkdown(implicit.check({ seed: 1, trials: 10 }), 1))).toEqual(["y''", "= \\frac{-\\left(y - x y'\\right)}{y^{2}}"]);
    const matrix = derivation`
given A: matrix[n, n]
claim A' = A'
`;
    expect(displayMath(renderDerivationMarkdown(matrix.check({ seed: 1, trials: 10 }), 1))).toEqual(['A^{\\top}', '= A^{\\top}']);
  });
});
