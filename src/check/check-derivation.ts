import { diagnostic, type Diagnostic } from '../diagnostics/index.ts';
import { inputNames, type Model, type ModelClaim, type ModelStep, type Term } from '../model/index.ts';
import { checkStepNumerically, ERROR_FACTOR, KINK_MARGIN, type NumericOutcome } from '../numeric/index.ts';
import {
  Budget, decideStep, DEFAULT_SYMBOLIC_BUDGET, eliminateDiff, proveForEveryN,
  type EveryNOutcome, type SymbolicBudget, type SymbolicOutcome,
} from '../symbolic/index.ts';
import { isExpected, type ClaimResult, type Counterexample, type DerivationResult, type ProofScope, type StepDetail, type StepResult } from './results.ts';
import { kinkConvention } from './kink-convention.ts';
import { sizeAssignments } from './sizes.ts';
import { judge } from './verdict.ts';

/** How a derivation is checked. Every field is optional; defaults are stated once, here. */
export interface CheckOptions {
  /** The run's seed; the same seed, trials and sizes replay a run exactly. Default: random. */
  readonly seed?: number;
  /**
   * Random inputs per step. A step an exact engine proved gets this many in all,
   * spread over the sizes (at least 10 per size); any other step gets this many
   * at every size. Default: 100.
   */
  readonly trials?: number;
  /** Sizes tried for each dimension symbol. Default: 1, 2, 3, 4, 5 and 8. */
  readonly sizes?: readonly number[];
  /** Limits of the exact engine per step. Default: {@link DEFAULT_SYMBOLIC_BUDGET}. */
  readonly budget?: Partial<SymbolicBudget>;
  /** Called after each step, for progress displays. */
  readonly onStep?: (done: StepResult) => void;
}

export const DEFAULT_TRIALS = 100;
export const DEFAULT_SIZES: readonly number[] = [1, 2, 3, 4, 5, 8];

export function randomSeed(): number {
  return (Math.random() * 0x7fffffff) | 0;
}

/** Checks every step of every claim of a model. */
export function checkModel(model: Model, options: CheckOptions = {}): DerivationResult {
  const seed = options.seed ?? randomSeed();
  const trials = options.trials ?? DEFAULT_TRIALS;
  const budget = { ...DEFAULT_SYMBOLIC_BUDGET, ...options.budget };
  const claims = model.claims.map((claim, c) => {
    const sizes = sizeAssignments(model.dims, claim.minSizes, options.sizes ?? DEFAULT_SIZES);
    return checkClaim(model, claim, { seed: mix(seed, c), trials, sizes, budget, runSeed: seed, onStep: options.onStep });
  });
  return { title: model.derivation.title, source: model.derivation.source, claims: withCorrections(claims) };
}

/**
 * Links each refuted known mistake to the step the file gives as the right one:
 * a step beside it that holds and is compared with the same expression (a
 * transcription writes the note's wrong step and the correct claim beside it).
 */
function withCorrections(claims: readonly ClaimResult[]): ClaimResult[] {
  const normal = (text: string) => text.replace(/\s+/g, '');
  const steps = claims.flatMap((claim) => claim.steps.map((step, i) => ({ step, above: normal(i === 0 ? claim.text : claim.steps[i - 1].text) })));
  const corrections = new Map<StepResult, { line: number; text: string }>();
  steps.forEach(({ step, above }, at) => {
    if (step.expect !== 'wrong' || step.verdict !== 'refuted') return;
    const fits = (s: (typeof steps)[number]) =>
      s.above === above && s.step.expect === 'holds' && (s.step.verdict === 'proved' || s.step.verdict === 'verified');
    // Beside it: the first such step after it, else the nearest one before it (a right claim, then its wrong variants).
    const right = steps.slice(at + 1).find(fits) ?? steps.slice(0, at).reverse().find(fits);
    if (right) corrections.set(step, { line: right.step.line, text: right.step.text });
  });
  if (corrections.size === 0) return [...claims];
  return claims.map((claim) => ({
    ...claim,
    steps: claim.steps.map((step) => {
      const correction = corrections.get(step);
      return correction ? { ...step, detail: { ...step.detail, correction } } : step;
    }),
  }));
}

interface ClaimContext {
  readonly seed: number;
  readonly runSeed: number;
  readonly trials: number;
  readonly sizes: readonly ReadonlyMap<string, number>[];
  readonly budget: SymbolicBudget;
  readonly onStep?: (done: StepResult) => void;
}

/**
 * A chain: each step is compared with the expression above it. A wrong step
 * does not stop the chain; the next step is still compared with it, as written.
 */
function checkClaim(model: Model, claim: ModelClaim, context: ClaimContext): ClaimResult {
  let above: Term | undefined = claim.head;
  let aboveLine = claim.claim.span.line;
  // The claim's own expression has no step to report its error on: its first step does.
  let aboveError: Diagnostic | undefined = claim.headError;
  const steps: StepResult[] = [];
  claim.steps.forEach((modelStep, s) => {
    const result = guarded(modelStep, () =>
      checkStep(model, claim, modelStep, { term: above, line: aboveLine, error: aboveError }, { ...context, seed: mix(context.seed, s) }), context.runSeed);
    steps.push(result);
    context.onStep?.(result);
    above = modelStep.term;
    aboveLine = modelStep.step.span.line;
    aboveError = undefined;
  });
  return { line: claim.claim.span.line, text: claim.claim.text, ok: steps.every((s) => s.ok), steps };
}

/**
 * A bug in an engine must cost one step, not the run: an unexpected exception
 * becomes an engine fault on that step, with its message, and checking goes on.
 */
function guarded(modelStep: ModelStep, check: () => StepResult, seed: number): StepResult {
  try {
    return check();
  } catch (error) {
    const { step } = modelStep;
    return {
      line: step.span.line, span: step.span, text: step.text, justification: step.justification,
      expect: step.expectWrong ? 'wrong' : 'holds', verdict: 'error', proof: undefined, ok: false, method: 'none',
      detail: {
        trials: 0, sizes: [], seed,
        engineFault: `internal error: ${error instanceof Error ? error.message : String(error)}; a bug in derivcheck, please report it with this file and seed`,
      },
    };
  }
}

/** The expression a step is compared with; `error` is set when it is the claim's own, unreadable, expression. */
interface Above {
  readonly term: Term | undefined;
  readonly line: number;
  readonly error: Diagnostic | undefined;
}

function checkStep(model: Model, claim: ModelClaim, modelStep: ModelStep, aboveExpression: Above, context: ClaimContext): StepResult {
  const { term: above, line: aboveLine } = aboveExpression;
  const { step } = modelStep;
  const expect = step.expectWrong ? 'wrong' as const : 'holds' as const;
  const base = { line: step.span.line, span: step.span, text: step.text, justification: step.justification, expect };
  const emptyDetail: StepDetail = { trials: 0, sizes: [], seed: context.runSeed };
  const errorResult = (detail: StepDetail, method = 'none'): StepResult =>
    ({ ...base, verdict: 'error', proof: undefined, ok: false, method, detail });

  if (modelStep.error || !modelStep.term) {
    return errorResult({ ...emptyDetail, diagnostic: modelStep.error });
  }
  if (!above && aboveExpression.error) return errorResult({ ...emptyDetail, diagnostic: aboveExpression.error });
  if (!above) {
    const why = diagnostic('unsupported', `the expression above this step (line ${aboveLine}) cannot be read, so this step cannot be compared with it`,
      model.derivation.file, step.span, `fix the error on line ${aboveLine} first`);
    return errorResult({ ...emptyDetail, diagnostic: why });
  }

  const numericDetail = { method: 'central differences with Richardson extrapolation', errorFactor: ERROR_FACTOR, kinkMargin: KINK_MARGIN };
  const lhs = eliminateDiff(above);
  const rhs = eliminateDiff(modelStep.term);
  const everyN: EveryNOutcome = proveForEveryN(lhs, rhs, model.inputs, claim.freeIndices,
    new Budget({ maxTerms: context.budget.maxTerms, deadlineMs: Date.now() + context.budget.timeMs }), model.definitions);
  const symbolic: SymbolicOutcome = decideStep(
    { lhs, rhs, inputs: model.inputs, freeIndices: claim.freeIndices }, context.sizes, context.budget, context.seed);
  // The numbers confirm what an exact engine proved: `trials` inputs in all, spread over the sizes, do that.
  // Where nothing is proved they are the only witness, and every size gets `trials` of its own.
  const provedExactly = everyN.kind === 'proved' || symbolic.kind === 'equal';
  const trialsPerSize = provedExactly ? Math.max(10, Math.ceil(context.trials / context.sizes.length)) : context.trials;
  const numeric: NumericOutcome = checkStepNumerically(
    { lhs: above, rhs: modelStep.term, inputs: model.inputs, freeIndices: claim.freeIndices },
    { trials: trialsPerSize, seed: context.seed, sizes: context.sizes });

  const detail: StepDetail = {
    trials: numeric.trials, sizes: numeric.sizes, seed: context.runSeed, numeric: numericDetail,
    ...(symbolic.kind === 'equal' ? { instances: symbolic.instances } : {}),
    ...(symbolic.kind === 'undecided' ? { undecided: symbolic.reason } : {}),
    ...kinkNote(above, modelStep.term, numeric, symbolic),
  };
  const sizesText = describeSizes(context.sizes);
  const at = sizesText === '' ? '' : ` at ${sizesText}`;
  const exactMethod = `exact canonical form${at}`;
  const numericMethod = `${numeric.trials} random input${numeric.trials === 1 ? '' : 's'}${at}, finite differences with Richardson extrapolation`;

  // A counterexample shows the inputs the step mentions, not every input of the derivation.
  const used = inputNames(modelStep.term, inputNames(above));
  const found = numeric.kind === 'counterexample' ? numericCounterexample(numeric, used) : undefined;
  const replay = numeric.kind === 'counterexample' ? { seed: numeric.seed, path: numeric.path } : undefined;
  const worstRelative = numeric.kind === 'agree' ? numeric.worstRelative : undefined;
  const outcome = judge({ everyN, symbolic, numeric, onlyFixedSizes: model.dims.length === 0 });
  const result = (verdict: StepResult['verdict'], proof: ProofScope | undefined, method: string, extra: Partial<StepDetail>): StepResult =>
    ({ ...base, verdict, proof, ok: isExpected(verdict, expect), method, detail: { ...detail, ...extra } });

  switch (outcome.verdict) {
    case 'error':
      if (outcome.why === 'no-domain') {
        return result('error', undefined, numericMethod, {
          diagnostic: diagnostic('no-domain', 'the two sides have no value on any input tried', model.derivation.file, step.span,
            'check the types: log and sqrt need positive arguments (given x: positive), and an index must stay in its range'),
        });
      }
      return result('error', undefined, `index calculus; ${exactMethod}; ${numericMethod}`, {
        counterexample: found, replay,
        engineFault: `${outcome.fault}: a bug in derivcheck, please report it with this file and seed`,
      });
    case 'proved': {
      if (outcome.by === 'exact-form') return result('proved', outcome.proof, `${exactMethod}; confirmed on ${numericMethod}`, { worstRelative });
      const cases = everyN.kind === 'proved' && everyN.cases > 1 ? ` (${everyN.cases} cases of equal indices)` : '';
      // With no dimension symbol there is no n: "for every n" would promise something that is not there.
      const scope = model.dims.length === 0 ? '' : ' for every n';
      return result('proved', outcome.proof, `index calculus${scope}${cases}; ${exactMethod}; confirmed on ${numericMethod}`, { worstRelative });
    }
    case 'refuted': {
      // The index-level explanation reads like the notes ("differ by a factor -1"); the concrete one is the fallback.
      const explanation = everyN.kind === 'not-proved' && everyN.explanation ? everyN.explanation
        : symbolic.kind === 'different' ? symbolic.explanation : undefined;
      const why = explanation === undefined ? {} : { explanation };
      if (outcome.by === 'numbers') return result('refuted', undefined, numericMethod, { counterexample: found, replay, ...why });
      if (symbolic.kind !== 'different' || !symbolic.confirmed) throw new Error('internal: a high-precision refutation without its point');
      const c = symbolic.confirmed;
      return result('refuted', undefined, `${exactMethod}; 60-digit evaluation`, {
        ...why,
        counterexample: {
          sizes: symbolic.instance.sizes, indices: { ...symbolic.instance.indices, ...symbolic.instance.cases },
          inputs: c.point, lhs: c.lhs, rhs: c.rhs, difference: c.difference, tolerance: undefined,
          foundBy: '60-digit evaluation (the difference is below what double precision can see)',
        },
      });
    }
    case 'verified': {
      const unexplained = outcome.unexplainedDifference && symbolic.kind === 'different'
        ? { undecided: `the canonical forms differ (${symbolic.explanation}) but no input shows it: the engine may lack an identity between its atoms` }
        : {};
      return result('verified', undefined, numericMethod, { ...unexplained, worstRelative });
    }
  }
}

/** The kink-convention note of a step that holds: only when neither engine found a difference. */
function kinkNote(lhs: Term, rhs: Term, numeric: NumericOutcome, symbolic: SymbolicOutcome): { kink?: string } {
  if (numeric.kind !== 'agree' || symbolic.kind === 'different') return {};
  const kink = kinkConvention(lhs, rhs);
  return kink ? { kink } : {};
}

function numericCounterexample(numeric: Extract<NumericOutcome, { kind: 'counterexample' }>, used: ReadonlySet<string>): Counterexample {
  const e = numeric.example;
  const inputs: Record<string, readonly number[] | number> = {};
  for (const [name, values] of Object.entries(e.inputs)) if (used.has(name)) inputs[name] = values.length === 1 ? values[0] : values;
  // JSON has no NaN or Infinity: a side with no value is reported in words.
  const shown = (v: number): number | string => (Number.isFinite(v) ? v : Number.isNaN(v) ? 'undefined' : String(v));
  return {
    sizes: e.sizes, indices: e.indices, inputs, lhs: shown(e.lhs), rhs: shown(e.rhs), difference: shown(e.difference),
    tolerance: e.tolerance, foundBy: 'random inputs in double precision, shrunk by fast-check',
  };
}

function describeSizes(sizes: readonly ReadonlyMap<string, number>[]): string {
  // No dimension symbol: every size is fixed, and there is nothing to list.
  if (sizes.length === 0 || sizes[0].size === 0) return '';
  const names = [...sizes[0].keys()];
  if (names.length === 1) return `${names[0]} = ${sizes.map((s) => s.get(names[0])).join(', ')}`;
  return sizes.map((s) => `(${[...s].map(([k, v]) => `${k}=${v}`).join(', ')})`).join(', ');
}

/** A deterministic 32-bit mix of a seed and a position, so each step has its own reproducible seed. */
function mix(seed: number, position: number): number {
  let h = (seed ^ Math.imul(position + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) & 0x7fffffff;
}
