/**
 * derivcheck's library API: everything a program, a notebook or a test needs.
 *
 * @example
 * import { derivation } from 'derivcheck';
 * const result = derivation`
 *   derivation "log trick"
 *   given x: vector[n]
 *   let s[i] = exp(x[i]) / sum(j, exp(x[j]))
 *   claim log(s[i]) = x[i] - log(sum(j, exp(x[j])))
 * `.check({ seed: 1 });
 * result.claims[0].steps[0].verdict; // 'proved'
 */
import { assertCheckOptions, checkModel, randomSeed, summarize, type CheckOptions, type CheckReport, type DerivationResult, type FileResult, type StepResult } from './check/index.ts';
import { buildModel, type Model } from './model/index.ts';
import { checkInParallel, checkPrepared, checkReusing, collectDerivationFiles, deriveInFile, prepareFile, prepareFileAt, type CheckedDerivations, type DerivedInFile, type DeriveTarget, type StepPlace } from './pipeline/index.ts';
import type { DeriveOptions } from './derive/index.ts';
import { textToLatex } from './report/index.ts';
import { parseDerivation } from './syntax/index.ts';

export { DerivationError, formatDiagnostic } from './diagnostics/index.ts';
export type { Diagnostic, DiagnosticCode } from './diagnostics/index.ts';
export { DerivationSyntaxError, parseDerivation, parseDerivationFile } from './syntax/index.ts';
export type { Claim, Derivation, DerivationFile, Expr, Span, Step } from './syntax/index.ts';
export { buildModel } from './model/index.ts';
export type { Model } from './model/index.ts';
export { checkModel, countStep, DEFAULT_SIZES, DEFAULT_TRIALS, emptySummary, isExpected, OPTION_RANGES, summarize } from './check/index.ts';
export type {
  CheckOptions, CheckReport, ClaimResult, Counterexample, DerivationResult, FileResult, ProofScope, StepDetail,
  StepResult, Summary, Verdict,
} from './check/index.ts';
export { CheckedDerivations, collectDerivationFiles, defaultJobs, PathError } from './pipeline/index.ts';
export type { DerivedInFile, DeriveTarget, ReuseCounts, StepPlace } from './pipeline/index.ts';
export type { Derivative, DerivedForm, DeriveOptions } from './derive/index.ts';
export { renderTerminal, stepToLatex, toJsonReport, toLatex } from './report/index.ts';
export {
  modelsFromDisk, renderDerivationHtml, renderDerivationMarkdown, renderHtmlFragment, renderHtmlReport, renderMarkdown,
} from './report/index.ts';
export type { HtmlOptions, MarkdownOptions, ModelSource } from './report/index.ts';
export { report, show } from './notebook/index.ts';
export type { NotebookReport } from './notebook/index.ts';

/** Options of {@link checkFiles}: those of {@link CheckOptions}, plus progress per file. */
export interface CheckFilesOptions extends CheckOptions {
  /** Called when the first checked step of a file comes in (threads may overlap files), with the total of steps of all files. */
  readonly onFile?: (path: string, stepsInAllFiles: number) => void;
  /** Called after each step with where it stands (its file, derivation, claim and place), in the order steps finish. */
  readonly onStepPlaced?: (done: StepResult, place: StepPlace) => void;
  /**
   * Threads checking steps at once (worker_threads); the result is the same for
   * any number. Default: 1. The command line's `--jobs` defaults to {@link defaultJobs}: the cores less one.
   */
  readonly jobs?: number;
  /**
   * Results of an earlier run to reuse: a derivation whose text, path and options
   * are those of one in the store is not checked again, and the store then holds
   * this run's derivations (see {@link CheckedDerivations}; `derivcheck check
   * --watch` uses one). Without a seed, the store's own is used: random once,
   * then kept. Default: none, every derivation is checked.
   */
  readonly reuse?: CheckedDerivations;
}

/**
 * Checks files and folders of `.deriv` files (folders recursively).
 * @throws PathError for a path that does not exist or a folder without derivations.
 */
export function checkFiles(paths: readonly string[], options: CheckFilesOptions = {}): CheckReport {
  // A string would be walked letter by letter, '/' first: the whole file system (probe 67).
  if (!Array.isArray(paths) || !paths.every((p) => typeof p === 'string')) {
    throw new TypeError(`paths must be an array of file or folder paths, got ${typeof paths === 'string' ? `a string: write checkFiles([${JSON.stringify(paths)}])` : paths === null ? 'null' : typeof paths}`);
  }
  assertCheckOptions(options);
  const { reuse } = options;
  const seed = options.seed ?? (reuse ? (reuse.seed ??= randomSeed()) : randomSeed());
  const prepared = collectDerivationFiles(paths).map(prepareFileAt);
  const files: FileResult[] = reuse ? checkReusing(prepared, reuse, { ...options, seed }) : checkInParallel(prepared, { ...options, seed });
  return { version: 1, seed, files, summary: summarize(files) };
}


/** Checks the text of a `.deriv` file given as a string; `path` names it in messages. */
export function checkText(text: string, path = '<inline>', options: CheckOptions = {}): CheckReport {
  assertCheckOptions(options);
  const seed = options.seed ?? randomSeed();
  const files = [checkPrepared(prepareFile(text, path), { ...options, seed })];
  return { version: 1, seed, files, summary: summarize(files) };
}

/** A derivation written inline, resolved and ready to check. */
export interface InlineDerivation {
  readonly model: Model;
  check(options?: CheckOptions): DerivationResult;
}

/**
 * A tagged template for derivations written inline (notebooks, tests). The text
 * holds one `derivation "TITLE"` block; a missing header is added, titled "inline".
 * @throws DerivationError (with file:line:col) for text that cannot be read.
 */
export function derivation(strings: TemplateStringsArray, ...values: unknown[]): InlineDerivation {
  const text = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  // A missing header is added as line 0, so the user's lines keep their numbers.
  const model = /^\s*(#.*\n\s*)*derivation\s/.test(text)
    ? buildModel(parseDerivation(text, '<inline>'))
    : buildModel(parseDerivation(`derivation "inline"\n${text}`, '<inline>', { firstLine: 0 }));
  return { model, check: (options: CheckOptions = {}) => checkModel(model, options) };
}

/** A derived right form, with its LaTeX for notebooks and reports. */
export interface DeriveResult extends DerivedInFile {
  /** The best form's text in `.deriv` syntax (it parses back). */
  readonly text: string;
  /** The best form typeset, as the right side of an equation (`= ...`). */
  readonly latex: string;
}

/**
 * What a derivative should be, derived and simplified in a derivation's own
 * names and proved equal to it: the answer to "what should this step have been?".
 * `source` is the text of a `.deriv` file; `target` is a line of it
 * (`{ line: 12 }`) or an expression in its context (`{ expression: 'grad(L, W2)' }`).
 * @throws DerivationError (file:line:col and a hint) when there is nothing to derive.
 * @example derive(text, { expression: 'diff(L, x[k])' }).text === 's[k] - y[k]'
 */
export function derive(source: string, target: DeriveTarget, options: DeriveOptions & { readonly path?: string } = {}): DeriveResult {
  const line = (target as { line?: unknown } | null)?.line;
  const expression = (target as { expression?: unknown } | null)?.expression;
  if (!(typeof expression === 'string' && expression.trim() !== '') && !(Number.isInteger(line) && (line as number) >= 1)) {
    throw new TypeError(`target must be { line: N } (a whole number from 1) or { expression: 'grad(L, W2)' }, got ${JSON.stringify(target)}`);
  }
  const found = deriveInFile(source, options.path ?? '<inline>', target, options);
  return { ...found, text: found.best.text, latex: textToLatex(found.best.text, '=') };
}
