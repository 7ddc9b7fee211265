import { DerivationError } from '../diagnostics/index.ts';
import { buildModel, expandedSize, hasDiff, hasIndexValue, substituteIndices, withDefinedInputs, type Dim, type FreeIndex, type Index, type Model, type Term } from '../model/index.ts';
import { checkStepNumerically } from '../numeric/index.ts';
import { Budget, decideStep, DEFAULT_SYMBOLIC_BUDGET, eliminateDiff, proveForEveryN } from '../symbolic/index.ts';
import { DerivationSyntaxError, parseExpression, SourceMap, type Claim, type Derivation, type Expr, type Statement } from '../syntax/index.ts';
import { fixedIndices, formSize, indexCandidates, matrixCandidates, vocabularyOf } from './candidates.ts';
import { Fingerprint } from './fingerprint.ts';

/** One correct form of a derivative, in the derivation's own names. */
export interface DerivedForm {
  /** In `.deriv` syntax: it parses back, and it is what was proved. */
  readonly text: string;
  /** `index` for an entry (`s[k] - y[k]`), `matrix` for a whole array (`A1' * dZ2`). */
  readonly notation: 'index' | 'matrix';
  /**
   * `every-n`: proved equal to the derivative for every size (by the index calculus,
   * or exactly at the only sizes there are); `sizes-tried`: proved exactly at sizes
   * 1, 2 and 3 of each dimension; `numeric`: it only agrees in double precision
   * (no proof was found), and is labelled so wherever it is shown.
   */
  readonly proof: 'every-n' | 'sizes-tried' | 'numeric';
  /** Names, numbers and operators, each counted once: smaller reads simpler. */
  readonly size: number;
}

/** The simplest correct forms of the derivative an expression asks for. */
export interface Derivative {
  /** The expression that was differentiated, as written (`diff(L, x[k])`). */
  readonly target: string;
  /** The simplest form; a proved one whenever one was found. */
  readonly best: DerivedForm;
  /** The simplest form of each notation that applies, best first. */
  readonly forms: readonly DerivedForm[];
}

/** Limits of one derivation; the defaults keep a derive under a second or two on the notes. */
export interface DeriveOptions {
  /** Most candidates that agree numerically and are handed to the provers before giving up. Default: 4. */
  readonly maxProofs?: number;
  /** Polynomial terms the prover may create per candidate. Default: 200,000. */
  readonly maxTerms?: number;
  /** Further candidate texts (the file's own steps, say), tried beside the generated ones. */
  readonly extra?: readonly string[];
  /**
   * Term nodes of the candidates evaluated, in all, before giving up: each is compiled and
   * evaluated at the fingerprint's points, and a candidate that inlines a deep chain of lets
   * (a three-step RNN's h3) costs as much as hundreds of small ones. Default: 100,000 (the
   * notes' largest derive, a Gaussian's grad(L, S), evaluates about 33,000).
   */
  readonly maxWork?: number;
}

/**
 * Targets larger than this (term nodes, lets inlined) are not derived: the
 * largest derivative of the notes (a two-layer network's grad(L, W1)) is a few
 * hundred nodes, and a 12-layer composition of 4,096 leaves would cost minutes.
 */
const MAX_TARGET_NODES = 5_000;

/** See {@link DeriveOptions.maxWork}. */
const DEFAULT_MAX_WORK = 100_000;

/** Candidates are parsed and resolved this many at a time, smallest first, until one is proved. */
const BATCH = 150;

/**
 * Derives what an expression with `diff` or `grad` equals, in the derivation's
 * own terms: candidate forms built from its names (`s[k] - y[k]`,
 * `A1' * dZ2`, `(A - Y) / N`) are tried from the shortest up, filtered by
 * their values at a few inputs, and the first that the index calculus proves
 * equal to the derivative for every n is the answer. Returns undefined when the
 * expression has no derivative in it or cannot be read.
 *
 * @example deriveExpression(derivation, parsedExpr, 'diff(L, x[k])')?.best.text === 's[k] - y[k]'
 */
export function deriveExpression(derivation: Derivation, target: Expr, targetText: string, options: DeriveOptions = {}): Derivative | undefined {
  const declarations = derivation.statements.filter((s) => s.kind !== 'claim');
  const model = tryModel(derivation, [...declarations, claimOf(target, targetText)]);
  const claim = model?.claims[0];
  if (!model || !claim?.head || !hasDiff(claim.head)) return undefined;
  // Candidates are written in positions only (the index calculus proves them): a claim that uses an
  // index as a number (gamma^t) has no candidate to find.
  if (hasIndexValue(claim.head)) return undefined;
  // Every candidate is resolved beside the target: a target of this size makes deriving cost more than checking.
  if (expandedSize(claim.head, MAX_TARGET_NODES + 1) > MAX_TARGET_NODES) return undefined;
  // With respect to a let (grad(C, z2)), the derivative is read at the let's value, in the drawn inputs.
  const derivative = withDefinedInputs(eliminateDiff(claim.head), model.inputs);
  const written = new Set(targetText.match(/[\p{L}_][\p{L}\p{N}_]*/gu) ?? []);
  // Entry indices of an array claim are the ones the text does not name: they give the array's shape.
  const entry = claim.freeIndices.filter((f) => !written.has(f.name));
  const shape: Dim[] = entry.map((f) => f.dim);
  // The function a Jacobian differentiates (s in jacobian(s, x)) is the answer's own word (diag(s) - s * s'): not excluded.
  const differentiated = new Set([...targetText.matchAll(/(?:diff|grad)\(\s*([\p{L}_][\p{L}\p{N}_]*)\s*,/gu)].map((m) => m[1]));
  const vocabulary = vocabularyOf(model.inputs, model.definitions, model.dims, differentiated);
  const generated = shape.length > 0 ? matrixCandidates(vocabulary, shape) : indexCandidates(vocabulary, claim.freeIndices, fixedIndices(targetText, claim.freeIndices));
  const notation = shape.length > 0 ? 'matrix' as const : 'index' as const;
  const candidates = [...new Set([...(options.extra ?? []).filter((t) => !/\b(diff|grad|jacobian)\s*\(/.test(t)), ...generated])]
    .map((text) => ({ text, size: formSize(text) }))
    .sort((a, b) => a.size - b.size || a.text.localeCompare(b.text));

  const sizes = distinctSizes(model.dims, claim.minSizes, 3);
  let fingerprint: Fingerprint;
  try {
    fingerprint = new Fingerprint(model.inputs, sizes, claim.freeIndices, derivative);
  } catch {
    return undefined;
  }
  const maxProofs = options.maxProofs ?? 4;
  const maxWork = options.maxWork ?? DEFAULT_MAX_WORK;
  let work = 0;
  let proofs = 0;
  let numericOnly: DerivedForm | undefined;
  for (let start = 0; start < candidates.length && proofs < maxProofs && work < maxWork; start += BATCH) {
    const batch = candidates.slice(start, start + BATCH);
    const claims: Statement[] = [];
    const kept: typeof batch = [];
    for (const candidate of batch) {
      const expr = tryParse(candidate.text);
      if (!expr) continue;
      // In index notation the target rides along as a step, so that a candidate like delta(i, k), which
      // indexes nothing, learns the ranges of its indices from it. An array's entry indices come from its shape.
      claims.push(shape.length > 0 ? claimOf(expr, candidate.text) : { ...claimOf(expr, candidate.text), steps: [stepOf(target, targetText)] });
      kept.push(candidate);
    }
    const resolved = tryModel(derivation, [...declarations, ...claims]);
    if (!resolved) continue;
    for (let c = 0; c < kept.length && proofs < maxProofs && work < maxWork; c++) {
      const candidateClaim = resolved.claims[c];
      if (!candidateClaim?.head || hasDiff(candidateClaim.head)) continue;
      const term = alignIndices(candidateClaim.head, candidateClaim.freeIndices, claim.freeIndices, entry.length);
      if (!term) continue;
      work += expandedSize(term);
      let matches: boolean;
      try {
        matches = fingerprint.matches(term, claim.freeIndices.map((f) => f.name));
      } catch {
        continue;
      }
      if (!matches) continue;
      proofs++;
      const form = { text: kept[c].text, notation, size: kept[c].size };
      const proof = prove(derivative, term, model, claim.freeIndices, claim.minSizes, options.maxTerms ?? 200_000);
      if (proof) return { target: targetText, best: { ...form, proof }, forms: [{ ...form, proof }] };
      // Two fingerprint points are a filter, not evidence: a form offered unproved must pass the numbers a step would.
      if (!numericOnly && agreesOnRandomInputs(claim.head, derivative, term, model, claim.freeIndices, claim.minSizes)) numericOnly = { ...form, proof: 'numeric' };
    }
  }
  return numericOnly ? { target: targetText, best: numericOnly, forms: [numericOnly] } : undefined;
}

/**
 * The index calculus first (every n); then exact canonical forms at sizes 1 to 3,
 * which for a derivation of fixed sizes is every size there is.
 */
function prove(derivative: Term, candidate: Term, model: Model, free: readonly FreeIndex[], minSizes: ReadonlyMap<string, number>, maxTerms: number):
  'every-n' | 'sizes-tried' | undefined {
  // Fixed sizes only: the exact forms at those sizes are the proof, and the index calculus would only repeat them.
  if (model.dims.length > 0) {
    const everyN = proveForEveryN(derivative, candidate, model.inputs, free, new Budget({ maxTerms, deadlineMs: Date.now() + PROOF_MS }), model.definitions);
    if (everyN.kind === 'proved') return 'every-n';
  }
  const sizes = [1, 2, 3].map((n) => distinctSizes(model.dims, minSizes, n));
  const unique = model.dims.length === 0 ? [new Map<string, number>()] : sizes;
  const exact = decideStep({ lhs: derivative, rhs: candidate, inputs: model.inputs, freeIndices: free }, unique,
    { ...DEFAULT_SYMBOLIC_BUDGET, maxTerms });
  if (exact.kind !== 'equal') return undefined;
  return model.dims.length === 0 ? 'every-n' : 'sizes-tried';
}

/**
 * Whether a form the engines could not prove agrees with the derivative on the
 * random inputs an unproved step gets (finite differences of the target itself,
 * {@link NUMERIC_TRIALS} at each of sizes 1 to 3): the fingerprint's two points
 * may both miss where they differ (a clipped Huber gradient against r).
 */
function agreesOnRandomInputs(target: Term, derivative: Term, candidate: Term, model: Model, free: readonly FreeIndex[], minSizes: ReadonlyMap<string, number>): boolean {
  const sizes = model.dims.length === 0 ? [new Map<string, number>()] : [1, 2, 3].map((n) => distinctSizes(model.dims, minSizes, n));
  const outcome = checkStepNumerically({ lhs: target, rhs: candidate, inputs: model.inputs, freeIndices: free, preciseLhs: derivative, preciseRhs: candidate },
    { trials: NUMERIC_TRIALS, seed: 1, sizes });
  return outcome.kind === 'agree';
}

/** Random inputs per size for a form offered unproved: as many as a step that no engine proved gets. */
const NUMERIC_TRIALS = 100;

/**
 * Sizes from `first` up, a different one for each dimension: were N and C both 3,
 * `/ N` and `/ C` would agree and a wrong form could pass for the right one.
 */
function distinctSizes(dims: readonly string[], minSizes: ReadonlyMap<string, number>, first: number): Map<string, number> {
  return new Map(dims.map((d, p) => [d, Math.max(first + p, minSizes.get(d) ?? 0)]));
}

/** A last guard per proof attempt; the term budget is what normally ends a hopeless one. */
const PROOF_MS = 10_000;

/**
 * A candidate's free indices renamed to the derivative's: by name for the ones
 * written (`k`), by position for the entry indices of an array (`r`, `c`).
 */
function alignIndices(term: Term, own: readonly FreeIndex[], wanted: readonly FreeIndex[], entries: number): Term | undefined {
  if (own.length !== wanted.length) return undefined;
  const written = wanted.slice(0, wanted.length - entries);
  const ownEntries = own.filter((f) => !written.some((w) => w.name === f.name));
  if (ownEntries.length !== entries) return undefined;
  const renaming = new Map<string, Index>();
  ownEntries.forEach((f, p) => {
    const target = wanted[written.length + p];
    if (f.name !== target.name) renaming.set(f.name, { k: 'var', name: target.name, offset: 0 });
  });
  return renaming.size === 0 ? term : substituteIndices(term, renaming);
}

function claimOf(expr: Expr, text: string): Claim {
  return { kind: 'claim', expr, text, steps: [], span: expr.span };
}

function stepOf(expr: Expr, text: string): Claim['steps'][number] {
  return { expr, relation: '=', text, justification: undefined, expectWrong: false, span: expr.span };
}

function tryParse(text: string): Expr | undefined {
  try {
    return parseExpression(text, SourceMap.single('<derive>', 1, 1));
  } catch (error) {
    if (error instanceof DerivationSyntaxError || error instanceof DerivationError) return undefined;
    throw error;
  }
}

function tryModel(derivation: Derivation, statements: readonly Statement[]): Model | undefined {
  try {
    return buildModel({ ...derivation, statements });
  } catch (error) {
    if (error instanceof DerivationError || error instanceof DerivationSyntaxError) return undefined;
    throw error;
  }
}
