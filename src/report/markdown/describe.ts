/**
 * What the typeset reports (Markdown, HTML, notebooks) say about a step, in one
 * place: the LaTeX of claims and steps, verdict labels, the evidence and the
 * counterexample as plain-text facts. Each renderer only marks them up.
 */
import type { CheckReport, ClaimResult, Counterexample, DerivationResult, StepResult, Verdict } from '../../check/index.ts';
import { stepToLatex, toLatex } from '../latex/index.ts';
import { markPrimes, parseExpression, SourceMap, type Relation } from '../../syntax/index.ts';
import { escapeControl } from '../safe-text.ts';
import { formatValue, hasDimensions, hasMethod, plural, scopeText } from '../wording.ts';
import { contrastWithCorrection } from '../contrast.ts';

/**
 * LaTeX of an expression given as source text, as the result model keeps it.
 * Text that cannot be parsed (a step with a syntax error) is shown as written.
 */
export function textToLatex(text: string, relation?: Relation, primed: ReadonlySet<string> = NO_PRIMES): string {
  try {
    const expr = markPrimes(parseExpression(text, SourceMap.single('<report>', 1, 1)), primed);
    return relation === undefined ? toLatex(expr) : stepToLatex(undefined, expr, relation);
  } catch {
    return `${relation === undefined ? '' : `${escapeTexText(relation)} `}\\texttt{${escapeTexText(text)}}`;
  }
}

/** No name's prime is a derivative: every `A'` a transpose. */
const NO_PRIMES: ReadonlySet<string> = new Set();

/** The names a derivation's primes differentiate (`y'` of `implicit y(x): ...`), for {@link textToLatex}. */
export const primedNames = (d: DerivationResult): ReadonlySet<string> => (d.primed === undefined ? NO_PRIMES : new Set(d.primed));

/** The claim's expression: `\frac{\partial l}{\partial \sigma_i}`. */
export const claimLatex = (claim: ClaimResult, primed: ReadonlySet<string> = NO_PRIMES): string => textToLatex(claim.text, undefined, primed);
/** One step of the chain: `= -\frac{t_i}{\sigma_i}`. */
export const stepLatex = (step: StepResult, primed: ReadonlySet<string> = NO_PRIMES): string => textToLatex(step.text, step.relation, primed);

/** Text for `\\texttt{}`: TeX's specials escaped, `<` and `>` spelled out (Markdown would read them as HTML), control characters shown. */
function escapeTexText(text: string): string {
  return escapeControl(text).replace(/[\\{}_$&#%^~<>]/g, (c) =>
    c === '\\' ? '\\textbackslash{}' : c === '^' ? '\\textasciicircum{}' : c === '~' ? '\\textasciitilde{}'
      : c === '<' ? '\\textless{}' : c === '>' ? '\\textgreater{}' : `\\${c}`);
}

export const VERDICT_EMOJI: Readonly<Record<Verdict, string>> = { proved: '✅', verified: '☑️', refuted: '❌', error: '⚠️' };
export const VERDICT_MARK: Readonly<Record<Verdict, string>> = { proved: '✔', verified: '✓', refuted: '✗', error: '⚠' };

/** What the verdict means for the file: as expected, a kept mistake, or a surprise. */
export function expectation(step: StepResult): { readonly text: string; readonly ok: boolean } | undefined {
  if (step.expect === 'wrong') {
    if (step.ok) return { text: 'a known mistake, kept on purpose: refuted, as expected', ok: true };
    return step.verdict === 'error'
      ? { text: 'marked as a known mistake, but it could not be checked', ok: false }
      : { text: 'marked as a known mistake, but it holds', ok: false };
  }
  if (step.verdict === 'refuted') return { text: 'expected to hold, but it is wrong', ok: false };
  if (step.verdict === 'error') return { text: 'this step could not be checked', ok: false };
  return undefined;
}

/** `proved at the sizes tried`, `proved for every n`, `verified`, ... */
export function verdictPhrase(step: StepResult): string {
  return `${step.verdict}${scopeText(step)}`;
}

export const formatSmall = (v: number): string => (v === 0 ? '0' : v.toExponential(1));

/** Sizes tried, compactly: `n = 1, 2, 3, 4, 5, 8`. */
export function formatSizes(sizes: readonly Readonly<Record<string, number>>[]): string {
  if (sizes.length === 0 || Object.keys(sizes[0]).length === 0) return 'fixed sizes';
  const names = Object.keys(sizes[0]).filter(isSymbolName);
  if (names.length === 1) return `${names[0]} = ${sizes.map((s) => s[names[0]]).join(', ')}`;
  return sizes.map((s) => `(${names.map((k) => `${k} = ${s[k]}`).join(', ')})`).join(', ');
}

/** A dimension symbol as written; a derived dimension (`n - k + 1`) follows from the symbols and is not listed. */
export function isSymbolName(name: string): boolean {
  return /^[\p{L}][\p{L}\p{N}_]*$/u.test(name);
}

/** The evidence behind a verdict, as label / value pairs. */
export function evidence(step: StepResult): [string, string][] {
  const d = step.detail;
  const rows: [string, string][] = [];
  if (hasMethod(step)) rows.push(['Method', step.method]);
  if (step.verdict === 'proved') {
    rows.push(['Proof scope', !hasDimensions(step) ? 'all values (no dimension symbol)'
      : step.proof === 'every-n' ? 'every size of every dimension' : 'the sizes tried (exact engine, one instance per size)']);
  }
  if (d.instances !== undefined) rows.push(['Instances decided exactly', String(d.instances)]);
  rows.push(['Random inputs', String(d.trials)]);
  rows.push(['Sizes', formatSizes(d.sizes)]);
  if (d.worstRelative !== undefined) rows.push(['Worst relative difference', formatSmall(d.worstRelative)]);
  if (d.numeric) rows.push(['Numeric method', `${d.numeric.method}; tolerance ${d.numeric.errorFactor}× the propagated error bounds`]);
  if (d.undecided && step.verdict === 'verified') rows.push(['Exact engine undecided', d.undecided]);
  return rows;
}

/** The worst entry of a counterexample (never a whole Jacobian), as label / value pairs. */
export function counterexampleRows(c: Counterexample): [string, string][] {
  const where = [...Object.entries(c.sizes).filter(([k]) => isSymbolName(k)), ...Object.entries(c.indices)].map(([k, v]) => `${k} = ${v}`).join(', ');
  const rows: [string, string][] = [];
  if (where) rows.push(['At', where]);
  rows.push(['Inputs', Object.entries(c.inputs).map(([k, v]) => `${k} = ${formatValue(v)}`).join('; ')]);
  if (c.functions) rows.push(['Functions', Object.entries(c.functions).map(([k, f]) => `${k}(${f.variables.join(', ')}) = ${f.formula}`).join('; ')]);
  rows.push(['Left side', formatValue(c.lhs)]);
  rows.push(['Right side', formatValue(c.rhs)]);
  rows.push(['Difference', `${formatValue(c.difference)}${c.tolerance !== undefined ? ` (allowed from method error: ${formatSmall(c.tolerance)})` : ''}`]);
  rows.push(['Found by', c.foundBy]);
  return rows;
}

/** `--seed 1 (fast-check seed 93, path "0:0")`. */
export function replayText(step: StepResult, seed: number): string {
  const r = step.detail.replay;
  return `--seed ${seed}${r ? ` (fast-check seed ${r.seed}, path "${r.path}")` : ''}`;
}

/** The counts of a list of derivations, as in a report's summary. */
export function summarizeDerivations(derivations: readonly DerivationResult[]): CheckReport['summary'] {
  const counts = { steps: 0, proved: 0, verified: 0, refuted: 0, error: 0, unexpected: 0 };
  for (const d of derivations) for (const c of d.claims) for (const s of c.steps) {
    counts.steps++;
    counts[s.verdict]++;
    if (!s.ok) counts.unexpected++;
  }
  return counts;
}

/** Wraps one derivation result as a report of one file, so every renderer takes one shape. */
export function reportOf(result: DerivationResult, seed?: number, path = '<inline>'): CheckReport {
  const stepSeed = result.claims.flatMap((c) => c.steps).map((s) => s.detail.seed)[0];
  const files = [{ path, error: null, derivations: [result] }];
  return { version: 1, seed: seed ?? stepSeed ?? 0, files, summary: summarizeDerivations([result]) };
}

/** A sentence with formulas in it: prose parts as text, math parts as source text to typeset. */
export type WhyPart = { readonly prose: string } | { readonly math: string };

/** What a report says under "why" for a refuted step, as one line and as parts to typeset. */
export interface Why {
  readonly text: string;
  readonly parts: readonly WhyPart[];
}

/** A raw difference longer than this is cut at a term for the reports; `--json` keeps it whole. */
const WHY_LENGTH = 160;

/**
 * Why a refuted step is wrong, as the reports show it: the engine's explanation
 * when it is a sentence (a factor, a term, a precondition, an index case); when
 * it is a raw difference, the contrast with the right step if the file gives one,
 * else the difference cut at a term boundary. The full difference stays in the
 * JSON report's `explanation`.
 */
export function whyOf(step: StepResult): Why | undefined {
  if (step.verdict !== 'refuted') return undefined;
  const explanation = step.detail.explanation;
  const residual = explanation === undefined || /(^|: )lhs - rhs = /.test(explanation);
  const correction = step.detail.correction;
  // A right step that is a let's name (δ2) is contrasted through its definition ((a2 - y) .* σ'(z2)).
  const contrast = residual && correction
    ? contrastParts(step.text, correction.text) ?? (correction.definition === undefined ? undefined : contrastParts(step.text, correction.definition))
    : undefined;
  if (contrast) return { text: contrast.map((p) => ('prose' in p ? p.prose : p.math)).join(''), parts: contrast };
  if (explanation === undefined) return undefined;
  const text = residual ? cutAtTerm(explanation, WHY_LENGTH) : explanation;
  return { text, parts: sentenceParts(text) };
}

/** The contrast with the right step, split into prose and the two formulas. */
function contrastParts(wrong: string, right: string): WhyPart[] | undefined {
  const sentence = contrastWithCorrection(wrong, right);
  if (!sentence) return undefined;
  const m = /^this step (has|uses) (.+) where the right step (has|uses) (.+?)(: a sign)?$/.exec(sentence);
  if (!m) return [{ prose: sentence }];
  return [
    { prose: `this step ${m[1]} ` }, { math: m[2] }, { prose: ` where the right step ${m[3]} ` }, { math: m[4] },
    ...(m[5] ? [{ prose: m[5] }] : []),
  ];
}

/** The engine's sentences end in a formula: `… divided by p * (1 - p)`, `… a factor 1 / N`, `lhs - rhs = …`. */
function sentenceParts(text: string): WhyPart[] {
  const m = /^((?:where [^:]*: )?(?:the right side is the left side (?:times|divided by|plus|minus) |the sides differ by (?:a factor|the constant) |lhs - rhs = ))(.+?)( \(a sign error\))?$/.exec(text);
  // A plain number (a factor -1, 1/2) reads as well in prose as typeset.
  if (!m || m[2].includes('…') || /^-?\d+(\/\d+)?$/.test(m[2])) return [{ prose: text }];
  return [{ prose: m[1] }, { math: m[2] }, ...(m[3] ? [{ prose: m[3] }] : [])];
}

/**
 * A long formula cut after a whole term, before `max` characters, with a note of
 * where the rest is: `lhs - rhs = a + b … (812 more characters; the full difference is in --json)`.
 */
export function cutAtTerm(text: string, max: number): string {
  if (text.length <= max) return text;
  // After `lhs - rhs = `: its own minus is no term of the formula (a first term longer than max was cut to `lhs …`).
  const start = text.indexOf(' = ') + 3;
  let cut = -1;
  for (const m of text.matchAll(/ [+-] /g)) {
    if (m.index! > max) break;
    if (m.index! >= start) cut = m.index!;
  }
  const head = cut > 0 ? text.slice(0, cut) : text.slice(0, max);
  return `${head} … (${plural(text.length - head.length, 'more character')}; the full difference is in --json)`;
}

/**
 * The inputs of a counterexample as LaTeX: a matrix as a `pmatrix` (entries are
 * laid out row-major), a vector as a row in brackets, a scalar as a number.
 * `shapes` gives each input's array shape at the counterexample's sizes.
 *
 * @example inputsLatex({ X: [0, 1, 2, 3] }, new Map([['X', [2, 2]]])) // 'X = \begin{pmatrix} 0 & 1 \\ 2 & 3 \end{pmatrix}'
 */
export function inputsLatex(inputs: Counterexample['inputs'], shapes: ReadonlyMap<string, readonly number[]>): string {
  return Object.entries(inputs).map(([name, value]) => {
    const lhs = textToLatex(name);
    if (typeof value === 'number') return `${lhs} = ${formatValue(value)}`;
    const shape = shapes.get(name);
    if (shape && shape.length === 2 && shape[0] * shape[1] === value.length) {
      const rows = Array.from({ length: shape[0] }, (_, r) => value.slice(r * shape[1], (r + 1) * shape[1]).map(formatValue).join(' & '));
      return `${lhs} = \\begin{pmatrix} ${rows.join(' \\\\ ')} \\end{pmatrix}`;
    }
    return `${lhs} = \\left[${value.map(formatValue).join(',\\ ')}\\right]`;
  }).join(';\\quad ');
}
