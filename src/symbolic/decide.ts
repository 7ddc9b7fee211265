import { Decimal } from 'decimal.js';
import { add, children, coefficientsIn, constantFraction, fractionExponent, writtenOutSizeUpTo, differentiate, eliminateDiff, fn, pow, exactSimplex, expandedSizeUpTo, FUNCTIONS, inputDeterminant, MAX_DETERMINANT_SIZE, hasValueEverywhere, inputNames, insideInterval, isContinuousKind, isSymmetricKind, mapChildren, mul, num, printRef, printTerm, someSubterm, substituteArrayInputs, substituteScalarInputs, termKey, sub, symmetricPart, turningScales, type FreeIndex, type Index, type Input, type InputInterval, type Term } from '../model/index.ts';
import { AtomTable, Canonicalizer, DomainError, inputRange } from './canonical.ts';
import { neverZero } from './atom-ranges.ts';
import { domainRule, failsOnNullSet, unimpliedConditions, type Condition, type Conditions } from './domain.ts';
import { Budget, BudgetExceededError, Polynomial, Rational, RationalFunction, seededRandom } from './exact/index.ts';
import { affineRoot, allowsValue, angleTerms, pointsThroughFunctions, rationalRoots, simpleRoots } from './condition-roots.ts';
import { ExpansionCache, expandAt, IndexOutOfRange, type Instance } from './expand.ts';
import { deltaRanges, eliminateDeltas } from './eliminate-deltas.ts';
import { withLimitsBySeries } from './limit-series.ts';
import { withIntegralsInClosedForm } from './closed-integrals.ts';
import { explainDifference } from './explain.ts';
import { constantText, rationalOfDouble } from './exact-tie.ts';
import { clearlyDifferent, confirmAtPoint, constantSpan, digitsToSeeAbsorbed, DIGITS, evaluateHighPrecision, exponentOf, GuardError, marginsSettled, pointExponent, pointNumber, TieError, withGuard, type Magnitudes, type PointValue, type ReadingNotes } from './high-precision.ts';
import { coordinates, representatives, symmetricDimensions } from './instance-symmetry.ts';
import { affineCriticalPoint } from './affine-critical.ts';
import { rootBetween } from './root-between.ts';
import { newtonCriticalPoints } from './joint-critical.ts';
import { endAt, inEndOrder, intoChainedEnds, outsideChainedEnds, pointFractions, valuesWithinEnds } from './chained-values.ts';

/**
 * Limits of the exact engine for one step. They count work, not time, so the same
 * file, seed and options give the same verdicts on any machine under any load.
 */
export interface SymbolicBudget {
  /**
   * Most polynomial terms the operations of one instance may create. Default 400,000:
   * a term with its BigInt coefficient takes about a kilobyte, and the batch softmax
   * gradient at (N, D, C) = (8, 8, 8) reached 4 GB under a budget of 2,000,000.
   */
  readonly maxTerms: number;
  /**
   * Most polynomial terms all instances of the step may create together.
   * Default 2,000,000: the largest step of derivations/ creates about 450,000
   * (the index calculus has `maxTerms` for its one decision).
   */
  readonly maxWork: number;
  /** Most instances (sizes x index values x cases) to decide. Default 20,000. */
  readonly maxInstances: number;
  /**
   * A last guard against a hang, in wall-clock ms, far above what the work budget
   * allows (a few seconds); reported as such when it fires. Default 120,000.
   */
  readonly guardMs: number;
}

export const DEFAULT_SYMBOLIC_BUDGET: SymbolicBudget = { maxTerms: 400_000, maxWork: 2_000_000, maxInstances: 20_000, guardMs: 120_000 };

/** An instance as plain records, for reports. */
export interface InstanceRecord {
  readonly sizes: Readonly<Record<string, number>>;
  readonly indices: Readonly<Record<string, number>>;
  /** Case of each label (its class) and each one-hot input (the position of its 1). */
  readonly cases: Readonly<Record<string, number>>;
}

export type SymbolicOutcome =
  /**
   * Both sides have the same canonical form at every instance tried, and the step's
   * conditions follow from the line above's. `unconditional`: the line above has no
   * condition at all (it has a value everywhere), so numbers that find no value lost it to overflow.
   */
  | {
      readonly kind: 'equal'; readonly instances: number; readonly unconditional: boolean;
      /**
       * The line above has conditions, but at a point of its inputs each clearly holds (in doubles,
       * away from 0 by a margin): it has a value there, so numbers that find none lost it to their
       * own limits (a fifth derivative of tan, past the 60-digit work budget), not to an empty domain.
       */
      readonly domainWitnessed?: boolean;
      /**
       * In a step about a derivative: a condition of the step the line above does not
       * imply, waived because it fails only on a set of measure zero (`x[1] != 0`).
       */
      readonly removable?: string;
    }
  /**
   * The canonical forms differ at an instance. `confirmed` holds a point where
   * 60-digit arithmetic shows the two sides differ; without it the difference
   * may stem from a relation between atoms the engine does not know.
   */
  | {
      readonly kind: 'different';
      readonly instance: InstanceRecord;
      readonly explanation: string;
      readonly confirmed: Confirmation | undefined;
      /**
       * The difference as a form that is never 0 (a nonzero constant, or of one sign by its atoms' ranges, over
       * the sides' denominators), where it is one: no identity between atoms can make it 0, so wherever both sides
       * have a value they differ, even where no evaluation resolves it (an integral read in doubles only).
       */
      readonly neverZero?: string;
      /**
       * Whether the search for `confirmed` was cut by its wall-clock guard (read after `confirmed`): then no point
       * was found for want of time, not for want of a difference, and the numbers' agreement decides nothing.
       */
      readonly confirmationCut?: boolean;
      /**
       * Where no point was found (read after `confirmed`): the most digits a point's reading would have needed to
       * see a part its sides dropped whole while agreeing (softplus(a) against a at a = 3000 drops e^-3000, which
       * 1,363 digits see), past those allowed. The agreement there says nothing of the difference; undefined where
       * no reading stopped so.
       */
      readonly unseenPart?: number;
      /**
       * A derivative step that differs only where its cases meet, and there the line above is continuous: the forms
       * that drop the comparisons' ties (and the index calculus, which reads those) call it equal, wrongly there.
       */
      readonly atJoin?: boolean;
    }
  /**
   * No decision. `spotCheck`, where exact algebra passed its budget: the sides of
   * the instance it was on, evaluated in 60 digits at points; `confirmed` holds a
   * point where they differ, if one was found (computed when first read).
   */
  | { readonly kind: 'undecided'; readonly reason: string; readonly spotCheck?: { readonly instance: InstanceRecord; readonly confirmed: Confirmation | undefined } }
  /** The line above has no value at any instance (a condition of it is a false constant: 0 != 0). */
  | { readonly kind: 'no-domain'; readonly reason: string };

/** A point where the sides differ, with their values in as many digits as it took to see it. */
export interface Confirmation {
  readonly point: Readonly<Record<string, number | number[]>>;
  readonly lhs: string;
  /** `undefined` when the step has no value there (the line above does). */
  readonly rhs: string;
  readonly difference: string;
  /** The decimal digits of the evaluation that shows the difference. */
  readonly digits: number;
  /** Inputs at an irrational point, exactly (`x = sqrt(2)`): `point` holds their doubles. */
  readonly exactly?: string;
  /** Whether an input read exactly is past double precision, its double (shown) 0 or infinite. */
  readonly pastDoubles?: boolean;
  /**
   * The exact difference is never 0 (a nonzero constant, or of one sign by its atoms'
   * ranges, over the sides' denominators), so the sides differ wherever both have a
   * value: `difference` is that form, which the evaluation's digits need not resolve
   * (tanh(1000) - 1 is about -5e-869).
   */
  readonly nonzeroEverywhere?: boolean;
  /**
   * Where the step is a comparison's 0/1 value (an inequality, check/relation-steps.ts): the two
   * expressions it compares at the point, in the same digits, so that a report shows tan(w) and
   * 1e8 rather than 1 and 0 where doubles cannot read them again there.
   */
  readonly compared?: { readonly above: string; readonly step: string; readonly difference: string };
  /** A derivative step's point where its cases meet and the line above is continuous (differingAtAJoin). */
  readonly atJoin?: boolean;
}

export interface SymbolicStep {
  /** Both sides without `diff` (already differentiated symbolically). */
  readonly lhs: Term;
  readonly rhs: Term;
  readonly inputs: readonly Input[];
  readonly freeIndices: readonly FreeIndex[];
  /** The step is about a derivative: orderings are read almost everywhere (relu' = [a > 0]). */
  readonly almostEverywhere?: boolean;
  /**
   * The step is an inequality checked as its 0/1 comparison (check/relation-steps.ts): a confirmation
   * looks where the bound may be tight (its ties, the critical and least points of its slack, far
   * magnitudes), the simple values and the constants' scales, and past 120 digits at the ties alone, not
   * at random points: a bound broken there by less than doubles see is the numbers' 60-digit reading
   * (random points at 60 to 960 digits took a second a step).
   */
  readonly comparison?: boolean;
}

/**
 * Decides a step exactly at each concrete instance: both sides are expanded,
 * brought to canonical rational functions over shared atoms, and subtracted.
 * A zero numerator means equal; anything else is a real difference as long as
 * the atoms are independent, which a 60-digit evaluation then confirms.
 */
export function decideStep(
  step: SymbolicStep,
  sizes: readonly ReadonlyMap<string, number>[],
  budget: SymbolicBudget = DEFAULT_SYMBOLIC_BUDGET,
  seed = 1,
): SymbolicOutcome {
  // The same term on both sides is equal wherever it has a value, with the same conditions: prod(k, 1, 300, 1 + x / k^2)
  // against itself ran into the wall-clock guard, written out as a polynomial of degree 300 twice.
  // The same term on both sides, ranges of sums included (printed text leaves them out: prod(k, 1, 3000, k) and
  // prod(k, 1, 2999, k) print alike, and the step was proved).
  // Sides with conditions go the whole way, which reads them and looks for a point where they hold (domainWitnessed):
  // diff(tan(x), x, 5) against itself was an error wherever the numbers could not settle it.
  if (termKey(step.lhs) === termKey(step.rhs)) {
    if (hasValueEverywhere(step.lhs)) return { kind: 'equal', instances: 0, unconditional: true };
    // With a value somewhere, shown by its 60 digits at a point of a scalar step, the same term is equal where it has one:
    // a 5th derivative too large to write out against itself was an error, neither engine settling it.
    if (step.freeIndices.length === 0 && step.inputs.every((i) => i.dims.length === 0 && i.kind !== 'label' && i.kind !== 'onehot')) {
      const instance: Instance = { sizes: sizes[0] ?? new Map(), indices: new Map(), labels: new Map(), hot: new Map() };
      if (somePoint(step.inputs, instance, seed, (point) => withGuard(SEARCH_GUARD_MS, () => hasValueAt(step.lhs, point), false))) {
        return { kind: 'equal', instances: 0, unconditional: false, domainWitnessed: true };
      }
    }
  }
  const inputMap = new Map(step.inputs.map((i) => [i.name, i]));
  const deadlineMs = Date.now() + budget.guardMs;
  // A delta picks a term only inside its sum's range, read from the free indices' ranges too (eliminate-deltas.ts).
  const ranges = deltaRanges([step.lhs, step.rhs], inputMap, step.freeIndices);
  // Limits whose Laurent series is read exactly are their values (limit-series.ts): `limit(h, 0, (f(x + h) - f(x)) / h)`
  // is f'(x), and a truncation error's constant is proved or refuted where 60 digits of its quotient cannot settle it.
  // So are integrals with a closed form (closed-integrals.ts): a search for ties reads them exactly, not by quadrature.
  const simplified = {
    lhs: withIntegralsInClosedForm(withLimitsBySeries(eliminateDeltas(step.lhs, inputMap, ranges)), inputMap),
    rhs: withIntegralsInClosedForm(withLimitsBySeries(eliminateDeltas(step.rhs, inputMap, ranges)), inputMap),
  };
  const largest = sizes[sizes.length - 1];
  if (largest !== undefined && !writableAt({ ...step, ...simplified }, largest, MAX_SIMPLIFIED_NODES)) {
    return { kind: 'undecided', reason: `the sides written out pass ${MAX_SIMPLIFIED_NODES.toLocaleString('en-US')} terms at the largest size` };
  }
  // Angles are read ahead (Canonicalizer.noteAngles) only in a step with sin or cos, or a function that may become them:
  // not a walk of every instance of a softmax Jacobian.
  const hasAngles = [simplified.lhs, simplified.rhs].some((t) => someSubterm(t, (x) => x.k === 'apply' || (x.k === 'fn' && (x.name === 'sin' || x.name === 'cos'))));
  // Logs whose argument multiplies two parts that read inputs ((1 - q)(a + b) / b): only these may be products written
  // out that the logs beside them split (Canonicalizer.noteLogs), and only then are those read first.
  const readsInputs = (t: Term) => inputNames(t).size > 0;
  const product = (t: Term): boolean => (t.k === 'mul' && t.factors.filter(readsInputs).length >= 2) || (t.k === 'pow' && t.base.k === 'add' && readsInputs(t.base));
  const hasLogs = [simplified.lhs, simplified.rhs].some((t) => someSubterm(t, (x) => x.k === 'fn' && x.name === 'log' && someSubterm(x.args[0], product)));
  let instances = 0;
  // A label per row multiplies the cases by C^N: count first, and leave a step over too many to the numeric check.
  const planned = countInstances(step, sizes, budget.maxInstances);
  if (planned > budget.maxInstances) {
    return { kind: 'undecided', reason: `more than ${budget.maxInstances} instances to decide (sizes x index values x label cases, up to symmetry), the budget` };
  }
  let exact = new Budget({ maxTerms: budget.maxTerms, deadlineMs });
  let work = 0;
  // Atoms, closed-sum expansions and their canonical forms are shared by the instances of one size.
  let shared: { size: ReadonlyMap<string, number>; atoms: AtomTable; canonical: Canonicalizer; cache: ExpansionCache } | undefined;
  let lhsHasValue = false;
  let lhsNoValue: string | undefined;
  let notImplied: string | undefined;
  let removable: string | undefined;
  let conditional = false;
  let domainWitnessed = false;
  const triedConditions = new Set<string>();
  // The sides of the instance being decided, for a 60-digit spot check should the algebra pass its budget.
  let current: { lhs: Term; rhs: Term; instance: Instance } | undefined;
  // Instances whose forms differ by more than a constant: a difference there may be an identity the engine lacks
  // (no input shows it), while another instance differs for certain. (1 - r)(1 - b) > 0 for b binary and r in (0, 1)
  // differs at b = 0 by [r >= 1], never shown, and at b = 1 by the constant 1: it was verified (probe 52).
  const differing: SymbolicOutcome[] = [];
  let afterDiffering = 0;
  // Of bounds only: an equality wrong at one case is refuted by the numbers there, and reading on tripled the work of
  // probe 43's IRLS step (a binary target), refuted by one random input.
  const casesSplit = step.comparison === true && step.inputs.some((input) => input.binary !== undefined || input.kind === 'label' || input.kind === 'onehot');
  // A bound over sizes reads on to a second size where the first differs unseen: at n = 1 a product of n roundings is one
  // rounding, which no input shows past n u, and at n = 2 its corner does (probe 110).
  const overSizes = step.comparison === true && !casesSplit && sizes.length > 1;
  try {
    for (const instance of enumerateInstances(step, sizes)) {
      if (differing.length > 0 && ++afterDiffering > FURTHER_INSTANCES) return firstShown(differing);
      // The term budget is per instance (a 576-entry Jacobian is 576 small problems); the work budget is per step.
      work += exact.termsUsed;
      if (work > budget.maxWork) {
        if (differing.length > 0) return firstShown(differing);
        return { kind: 'undecided', reason: `exact algebra passed its work budget of ${budget.maxWork} terms for the step` };
      }
      exact = new Budget({ maxTerms: budget.maxTerms, deadlineMs });
      if (shared === undefined || shared.size !== instance.sizes) {
        const atoms = new AtomTable();
        shared = { size: instance.sizes, atoms, canonical: new Canonicalizer(atoms, inputMap, exact, undefined, step.almostEverywhere), cache: new ExpansionCache() };
      }
      shared.canonical.budget = exact;
      if (++instances > budget.maxInstances) {
        if (differing.length > 0) return firstShown(differing);
        return { kind: 'undecided', reason: `more than ${budget.maxInstances} instances to decide` };
      }
      let lhs: Term;
      let rhs: Term | IndexOutOfRange;
      try {
        lhs = expandAt(simplified.lhs, instance, inputMap, shared.cache);
      } catch (error) {
        // The line above reads outside an array here: it has no value, and the step is free.
        if (error instanceof IndexOutOfRange) continue;
        throw error;
      }
      try {
        rhs = expandAt(simplified.rhs, instance, inputMap, shared.cache);
      } catch (error) {
        if (!(error instanceof IndexOutOfRange)) throw error;
        rhs = error;
      }
      const { atoms, canonical } = shared;
      current = rhs instanceof IndexOutOfRange ? undefined : { lhs, rhs, instance };
      if (hasAngles) canonical.noteAngles(lhs, ...(rhs instanceof IndexOutOfRange ? [] : [rhs]));
      if (hasLogs) canonical.noteLogs(lhs, ...(rhs instanceof IndexOutOfRange ? [] : [rhs]));
      const left = canonical.side(lhs);
      if (rhs instanceof IndexOutOfRange) {
        // The step reads outside an array (x[i + j] past the end) where the line above may have a value.
        if (left.conditions.never !== undefined) { lhsNoValue ??= left.conditions.never; continue; }
        lhsHasValue = true;
        const outside = rhs.message.replace(' is outside ', ', outside ');
        if (left.conditions.list.length === 0) {
          const above = lhs;
          return different(toRecord(instance), `this step reads ${outside}, so it has no value here, but the line above has one`,
            () => confirmNoValue(above, instance, step.inputs, seed));
        }
        notImplied ??= `this step reads ${outside}, where the line above may have a value`;
        continue;
      }
      const right = canonical.side(rhs);
      // The domain rule: where the line above has no value, the step is free.
      if (left.conditions.never !== undefined) {
        lhsNoValue ??= left.conditions.never;
        continue;
      }
      lhsHasValue = true;
      if (left.conditions.list.length > 0) conditional = true;
      if (right.conditions.never !== undefined) {
        // The step has no value anywhere; the line above has one wherever it has no condition at all.
        if (left.conditions.list.length === 0) {
          return different(toRecord(instance), `this step has no value anywhere (${right.conditions.never}), but the line above has one`,
            () => confirmNoValue(lhs, instance, step.inputs, seed));
        }
        notImplied ??= `this step has no value anywhere (${right.conditions.never})`;
        continue;
      }
      // A condition of the step the line above does not imply, failing where the line above has a value (t = 0
      // in 1 = t / t): random inputs reach such a point only by luck, so it is looked for here, whatever the forms.
      // In a step about a derivative, a condition failing only on a set of measure zero is waived (domain.ts).
      const waivable = step.almostEverywhere ? (c: Condition) => failsOnNullSet(c, atoms.nullSetFacts(inputMap)) : undefined;
      for (const condition of unimpliedConditions(right.conditions, left.conditions).filter((c) => !waivable?.(c))) {
        // Tried once per condition: a Jacobian's hundreds of instances share their denominators.
        if (triedConditions.has(`${condition.kind}:${condition.key}`)) continue;
        triedConditions.add(`${condition.kind}:${condition.key}`);
        const found = withGuard(SEARCH_GUARD_MS, () => confirmMissingCondition(lhs, rhs, condition, atoms, instance, step.inputs, inputMap, seed, step.almostEverywhere === true), undefined);
        if (found) {
          return different(toRecord(instance), `the step has no value at ${found.where}, where the line above is ${found.confirmation.lhs} (it needs ${condition.text})`,
            () => found.confirmation);
        }
      }
      const difference = left.form.sub(right.form, exact);
      const numerator = atoms.reduce(difference.numerator(exact), exact);
      if (!numerator.isZero()) {
        const record = toRecord(instance);
        const constant = numerator.constantValue();
        // A nonzero constant difference between two sides that have a value everywhere: refuted outright.
        const outright = constant !== undefined && difference.denominatorFactors().length === 0
          && left.conditions.list.length === 0 && right.conditions.list.length === 0
          ? constant.div(difference.denominatorConstant()) : undefined;
        const explanation = explainDifference(left.form, right.form, difference, atoms, exact);
        // A nonzero constant over denominators (tanh(600 + p) - 1 = -2 / (exp(1)^1200 exp(p)^2 + 1)): no identity between
        // atoms can make it 0, and the denominators are not 0 where both sides have a value, so it differs at every such
        // point, however far below any digits it lies. So does a numerator of one sign by its atoms' ranges (erf(E) - 1).
        // Asked only when a confirmation is: most different instances never need one.
        // Read once, for the confirmation (where an outright constant needs no point, so none is asked for) and the verdict.
        let never: { form: string | undefined } | undefined;
        const neverZeroForm = () => (never ??= {
          form: constant !== undefined || neverZero(numerator, atoms, exact) || (difference.denominatorFactors().length === 0 && canonical.signThroughExp(numerator) !== undefined)
            ? shortened(difference.toString((id) => atoms.name(id))) : undefined,
        }).form;
        // The margin's slopes, taken once for the critical and the switch points (a derivative per input).
        let slopesRead: MarginSlope[] | undefined;
        const slopesOf = () => (slopesRead ??= marginSlopes(rhs as Term, step.inputs));
        const critical = step.comparison === true ? () => {
          const slopes = slopesOf();
          const single = criticalPoints(slopes, canonical, atoms, inputMap, exact);
          const affine = affinePoints(slopes, instance.sizes);
          const curve = criticalCurvePoints(slopes);
          // A margin through abs(E) turns where E's branches do: each branch's critical points, read on the margin itself.
          // Each branch's curves of critical points too, solved or read along one input (abs(cos(t) + a sin(t)) < sqrt(1 + a^2)
          // ties at t = atan(a), which only the branch's slope in t read numerically reaches; probe 98).
          const branches = absBranches(rhs as Term).flatMap((branch) => {
            const branchSlopes = marginSlopes(branch, step.inputs);
            const branchCurve = criticalCurvePoints(branchSlopes);
            return [...criticalPoints(branchSlopes, canonical, atoms, inputMap, exact), ...branchCurve, ...(branchCurve.length === 0 ? numericCurvePoints(branchSlopes) : [])];
          });
          return [...single, ...branches, ...affine, ...jointPoints(slopes, single), ...cornerPoints(slopes.map((slope) => slope.input)), ...curve, ...tieCurvePoints(rhs as Term, step.inputs), ...unboundedAffinePoints(rhs as Term, slopes),
            ...uniformPoints(rhs as Term, step.inputs, instance, (restricted, pseudo) => criticalPoints(marginSlopes(restricted, pseudo), canonical, atoms,
              new Map([...inputMap, ...pseudo.filter((input) => !inputMap.has(input.name)).map((input) => [input.name, input] as const)]), exact)),
            // Last: the simpler points above make the simpler counterexample where both show one.
            ...(affine.length === 0 ? newtonPoints(slopes) : []), ...(affine.length === 0 && curve.length === 0 ? numericCurvePoints(slopes) : [])];
        } : () => [];
        const outcome = different(record, explanation,
          // A bound's switch points first: they are exact ties where it turns, and read deep (log(e^x + e^y) < max(x, y) + log 2
          // at x = y = 1001 needs 495 digits, past the first pass's 120).
          (notes) => confirm(lhs, rhs, instance, step.inputs, seed, [...(step.comparison === true ? switchPoints(rhs as Term, slopesOf()) : []),
            ...tiePoints(atoms, numerator, inputMap), ...constantTies([lhs, rhs], inputMap), ...irrationalTiePoints(atoms, numerator, inputMap), ...critical()], outright, step.almostEverywhere === true,
            exactWitness(numerator, difference, left.form, right.form, atoms, exact), outright === undefined ? neverZeroForm() : undefined, step.comparison === true,
            constant !== undefined && difference.denominatorFactors().length === 0 ? constant.div(difference.denominatorConstant()) : undefined, notes),
          step.comparison === true ? () => undefined : neverZeroForm);
        // Only a bound's cases of two-valued and one-hot inputs tie one way and not the other: instances of sizes and
        // indices differ alike, and reading on cost the suite a quarter of its time.
        if (outright !== undefined || constant !== undefined || (!casesSplit && !overSizes)) return outcome;
        if (overSizes) {
          if (!differing.some((o) => o.kind === 'different' && sameSizes(o.instance, instance))) differing.push(outcome);
          if (differing.length >= CONFIRMED_INSTANCES) return firstShown(differing);
          continue;
        }
        if (differing.length < CONFIRMED_INSTANCES) differing.push(outcome);
        continue;
      }
      // A derivative step equal almost everywhere, its cases' conventions aside: where they meet, the line above may still be
      // continuous, so the derivative exists there and the step must take its value (probe 89: ELU's (x > 0) + (x < 0) exp(x)
      // is 0 at 0, where the slope is 1; Huber's derivative with both cases strict, 0 at |r| = 1; both closed, 2 there).
      if (step.almostEverywhere === true && shared.canonical.droppedATie && (someSubterm(lhs, (t) => t.k === 'cmp') || someSubterm(rhs, (t) => t.k === 'cmp'))) {
        const join = differingAtAJoin(lhs, rhs, instance, step.inputs, inputMap, seed, exact);
        if (join !== undefined) return different(toRecord(instance), join.explanation, () => join.confirmation, undefined, true);
      }
      // A point where every condition of the line above clearly holds: it has a value somewhere (see domainWitnessed).
      if (!domainWitnessed && left.conditions.list.length > 0) domainWitnessed = witnessesDomain(left.conditions.list, atoms, step.inputs, instance, seed, lhs);
      // What the types guarantee holds wherever the line above has a value (det A > 0 for an invertible A).
      for (const fact of typeFacts(step.inputs, instance, canonical)) left.conditions.merge(fact);
      const { missing, waived } = domainRule(right.conditions, left.conditions, waivable);
      if (missing) notImplied ??= `the step needs ${missing.text}, which the line above does not imply`;
      else if (waived) removable ??= waived.text;
    }
  } catch (error) {
    if (differing.length > 0 && (error instanceof BudgetExceededError || error instanceof DomainError)) return firstShown(differing);
    if (error instanceof BudgetExceededError) {
      const reason = error.kind === 'time' ? `exact algebra hit the last-resort wall-clock guard of ${budget.guardMs} ms (a hang, not a budget)` : `exact algebra passed its budget of ${budget.maxTerms} terms`;
      // Past the budget the numbers alone would decide, and (1 + x)^1000 against its binomial sum less x^1000 loses
      // every input that shows it to cancellation in doubles: the sides are evaluated in 60 digits at points too.
      if (error.kind !== 'time' && current !== undefined) {
        const { lhs, rhs, instance } = current;
        let read = false;
        let point: Confirmation | undefined;
        const spotCheck = {
          instance: toRecord(instance),
          get confirmed() {
            if (!read) {
              // Sides past exact algebra's budget may be large (inv(P) S inv(P) with its entries written out): confirm
              // gives them a few points at 60 digits, not two dozen at up to 960, which took minutes for a 3x3 step.
              point = withGuard(SEARCH_GUARD_MS, () => confirm(lhs, rhs, instance, step.inputs, seed, [], undefined, step.almostEverywhere === true), undefined);
              read = true;
            }
            return point;
          },
        };
        return { kind: 'undecided', reason, spotCheck };
      }
      return { kind: 'undecided', reason };
    }
    if (error instanceof DomainError) return { kind: 'undecided', reason: `a side has no value on part of the domain (${error.message})` };
    throw error;
  }
  if (differing.length > 0) return firstShown(differing);
  if (!lhsHasValue && lhsNoValue !== undefined) return { kind: 'no-domain', reason: `the line above has no value anywhere (${lhsNoValue})` };
  if (notImplied !== undefined) return { kind: 'undecided', reason: notImplied };
  return { kind: 'equal', instances, unconditional: !conditional, ...(conditional && domainWitnessed ? { domainWitnessed } : {}), ...(removable === undefined ? {} : { removable }) };
}

/** The tie points a derivative step's join is read at, at most. */
const JOIN_POINTS = 12;

/**
 * Where a derivative step equal to the line above almost everywhere differs from it at a point where the line above is
 * continuous, read with every comparison's tie kept (the almost-everywhere forms drop them): the point, and the
 * difference of the exact forms. At a kink of the function, where the line above jumps, the step's value is a
 * convention, and confirm() waives it (jumpsAt).
 */
function differingAtAJoin(lhs: Term, rhs: Term, instance: Instance, inputs: readonly Input[], inputMap: ReadonlyMap<string, Input>, seed: number,
  budget: Budget): { explanation: string; confirmation: Confirmation } | undefined {
  try {
    const atoms = new AtomTable();
    const canonical = new Canonicalizer(atoms, inputMap, budget);
    const [left, right] = [canonical.side(lhs), canonical.side(rhs)];
    if (left.conditions.never !== undefined || right.conditions.never !== undefined) return undefined;
    const difference = left.form.sub(right.form, budget);
    const numerator = atoms.reduce(difference.numerator(budget), budget);
    if (numerator.isZero()) return undefined;
    // Only the ties are read, where the cases meet: a whole confirmation at every relu convention (x >= 0 against x > 0)
    // of the suite took it from 16 s to 25 s.
    const ties = distinctPoints([...tiePoints(atoms, numerator, inputMap), ...constantTies([lhs, rhs], inputMap)]).slice(0, JOIN_POINTS);
    const random = seededRandom(seed ^ 0x4a01c5);
    const confirmation = withGuard(SEARCH_GUARD_MS, () => {
      for (const tie of ties) {
        const point = randomPoint(inputs, instance, random, -1);
        for (const [k, v] of tie) point.set(k, v);
        const values = confirmAtPoint(lhs, rhs, point, 2 * DIGITS);
        // At a kink, where the line above jumps, the step's value is a convention.
        // The almost-everywhere forms are equal, so the sides cannot differ next to the tie: only whether the line above jumps.
        if (values === undefined || conventionAt(lhs, rhs, point, inputs, 2 * DIGITS, values.lhs.minus(values.rhs), true)) continue;
        return { point: byInput(point, inputs, instance), lhs: show(values.lhs), rhs: show(values.rhs), difference: values.lhs.minus(values.rhs).toSignificantDigits(6).toString(), digits: values.digits, atJoin: true };
      }
      return undefined;
    }, undefined);
    return confirmation && { explanation: explainDifference(left.form, right.form, difference, atoms, budget), confirmation };
  } catch (error) {
    if (error instanceof BudgetExceededError || error instanceof DomainError) return undefined;
    throw error;
  }
}

/**
 * Where a bound may be tight: the critical points of its margin B - A in each scalar input, the roots of
 * d(B - A)/dx found exactly as ties are (x log x >= -1/e is tight at x = 1/e, sin x + cos x <= sqrt(2) at
 * pi/4). There a strict bound is refuted by exact evaluation, and a bound off by 1e-12 shows in 60 digits;
 * random inputs land on neither. Nothing where the derivative cannot be brought to an exact form.
 */
function criticalPoints(slopes: readonly MarginSlope[], canonical: Canonicalizer, atoms: AtomTable,
  inputMap: ReadonlyMap<string, Input>, exact: Budget): Array<Map<string, PointValue>> {
  const out: Array<Map<string, PointValue>> = [];
  for (const { derivative } of slopes) {
    try {
      // Solved for the input as a comparison's tie is, where it occurs once (1/e - 1/a = 0 at a = exp(1))...
      out.push(...constantTies([{ k: 'cmp', op: '==', a: derivative, b: num(0) }], inputMap));
      // ... and through the exact forms' roots (log(a) + 1 at a = exp(-1)).
      const slope = canonical.side(derivative);
      if (slope.conditions.never !== undefined) continue;
      const numerator = withoutPositiveFactors(atoms.reduce(slope.form.numerator(exact), exact), atoms);
      if (!numerator.isZero()) out.push(...pointsAround(atoms, numerator, inputMap, false), ...pointsThroughFunctions(numerator, atoms, inputMap));
    } catch (error) {
      if (error instanceof BudgetExceededError || error instanceof DomainError) continue;
      throw error;
    }
  }
  return out;
}

/**
 * The polynomial without the powers of positive inputs that divide all its terms: they have no root in the domain,
 * and each is one variable fewer to solve over. An amplitude F0 / sqrt(m^2 (k/m - w^2)^2 + g^2 w^2) against its peak
 * has F0 in its slope in w, five variables, past what a plane of roots is solved over; without F0 it ties at
 * m = k = g = 1, w = 1/sqrt(2) (probe 98: a strict bound verified).
 */
function withoutPositiveFactors(poly: Polynomial, atoms: AtomTable): Polynomial {
  const { content } = poly.extractMonomialContent();
  const positive = content.filter(([id]) => {
    const atom = atoms.atoms[id];
    return atom?.kind === 'input' && atom.positive === true;
  });
  return positive.length === 0 ? poly : poly.divMonomial(positive);
}

/** A scalar input a bound reads, and its margin's derivative in it. */
interface MarginSlope {
  readonly input: Input;
  readonly derivative: Term;
}

/** Distinct abs(E) a bound's branches are taken for, at most (2^k branches). */
const MAX_ABS_BRANCHES = 2;

/**
 * The bound with every abs(E) it holds written as E and as -E, each combination (none where it holds none, or more
 * than {@link MAX_ABS_BRANCHES}): |t (t - 1/2) (t - 1)| < sqrt(3)/36 is tight where the cubic turns, which the
 * derivative of abs, through sign(E), does not show (probe 53: verified).
 */
function absBranches(comparison: Term): Term[] {
  const inside: Term[] = [];
  const keys = new Set<string>();
  const visit = (t: Term): Term => {
    if (t.k === 'fn' && t.name === 'abs' && !keys.has(termKey(t.args[0])) && inside.length <= MAX_ABS_BRANCHES) {
      keys.add(termKey(t.args[0]));
      inside.push(t.args[0]);
    }
    return mapChildren(t, visit);
  };
  visit(comparison);
  if (inside.length === 0 || inside.length > MAX_ABS_BRANCHES) return [];
  const out: Term[] = [];
  for (let signs = 0; signs < 2 ** inside.length; signs++) {
    const written = (t: Term): Term => {
      if (t.k === 'fn' && t.name === 'abs') {
        const k = inside.findIndex((e) => termKey(e) === termKey(t.args[0]));
        if (k >= 0) return (signs >> k) & 1 ? mul(num(-1), written(t.args[0])) : written(t.args[0]);
      }
      return mapChildren(t, written);
    };
    out.push(written(comparison));
  }
  return out;
}

/** The derivative of a bound's margin in each scalar input it reads, taken once for the critical points of every kind. */
function marginSlopes(comparison: Term, inputs: readonly Input[]): MarginSlope[] {
  const margin = slack(comparison);
  if (margin === undefined) return [];
  const out: MarginSlope[] = [];
  for (const input of scalarInputsOf(margin, inputs)) {
    try {
      out.push({ input, derivative: eliminateDiff(differentiate(margin, { name: input.name, indices: [] })) });
    } catch (error) {
      if (error instanceof BudgetExceededError || error instanceof DomainError) continue;
      throw error;
    }
  }
  return out;
}

/** The scalar inputs of a bound but one, each at its simplest value: as terms to put in, and as a point; undefined where one has none. */
function othersAtSimpleValues(slopes: readonly MarginSlope[], input: Input): { values: Map<string, Term>; point: Map<string, PointValue> } | undefined {
  const values = new Map<string, Term>();
  const point = new Map<string, PointValue>();
  for (const other of slopes) {
    if (other.input === input) continue;
    const v = simpleValuesWithin(other.input)[0];
    if (v === undefined) return undefined;
    values.set(other.input.name, { k: 'num', value: { num: v.num, den: v.den } });
    point.set(other.input.name, { num: v.num, den: v.den });
  }
  return { values, point };
}

/**
 * Where a bound's margin, affine in a scalar input whose range is unbounded on the side where the margin falls, is -1:
 * `C e^{-2000} > -10^{-300}` over a real C fails only for C below -1e568, past every double a search can draw, and was
 * verified (probe 56). The other scalar inputs at their simplest values; the point exact, a term, whatever its size.
 */
function unboundedAffinePoints(comparison: Term, slopes: readonly MarginSlope[]): Map<string, PointValue>[] {
  const margin = slack(comparison);
  if (margin === undefined) return [];
  const out: Map<string, PointValue>[] = [];
  for (const { input, derivative } of slopes) {
    if (someSubterm(derivative, (x) => x.k === 'input' && x.ref.name === input.name)) continue;
    const others = othersAtSimpleValues(slopes, input);
    if (others === undefined) continue;
    const { values, point } = others;
    const slope = substituteScalarInputs(derivative, values);
    const atZero = substituteScalarInputs(margin, new Map([...values, [input.name, num(0)]]));
    // The margin is slope * v + atZero: -1 at v = -(atZero + 1) / slope.
    const tie = mul(num(-1), add(atZero, num(1)), pow(slope, num(-1)));
    let value: number;
    let exponent: number;
    try {
      const read = evaluateHighPrecision(tie, new Map(), DIGITS);
      if (!read.isFinite() || read.isZero()) continue;
      value = read.toNumber();
      exponent = read.e;
    } catch (error) {
      if (error instanceof GuardError) throw error;
      continue;
    }
    // Only past the doubles a search draws, and where the input's range reaches: nearer points are drawn already.
    if (Number.isFinite(value) && Math.abs(value) < 1e300) continue;
    const reaches = value < 0 ? input.kind === 'real' && (input.interval?.lowerValue ?? -Infinity) === -Infinity
      : input.kind !== 'unit' && (input.interval?.upperValue ?? Infinity) === Infinity;
    if (!reaches) continue;
    // A power of ten past the tie, where the margin is below -1 and which a report prints as it is (-10^570).
    const past = mul(num(value < 0 ? -1 : 1), pow(num(10), num(exponent + 2)));
    point.set(input.name, { term: past, approx: value < 0 ? -Infinity : Infinity });
    out.push(point);
  }
  return out;
}

/** Switches of a bound's max, min and abs, and angles of its sines and cosines, read for points on them, at most. */
const MAX_SWITCHES = 8;

/**
 * Points on the switches of a bound's max, min and abs (where two arguments of a max are equal, where an abs's argument
 * is 0), solved for an input the switch is affine in, the other scalar inputs at their simplest values: a bound is
 * often tight where its max turns, `log(e^x + e^y) < max(x, y) + log 2` ties at y = x alone, and with x in an interval
 * no random pair lands there (probe 60: verified).
 */
function switchPoints(comparison: Term, slopes: readonly MarginSlope[]): Map<string, PointValue>[] {
  const switches: Term[] = [];
  const keys = new Set<string>();
  const note = (t: Term) => {
    const key = termKey(t);
    if (!keys.has(key) && switches.length < MAX_SWITCHES) { keys.add(key); switches.push(t); }
  };
  const halfPi = mul(num(1, 2), { k: 'pi' });
  const visit = (t: Term): Term => {
    if (t.k === 'fn' && t.name === 'abs') note(t.args[0]);
    else if (t.k === 'fn' && (t.name === 'max' || t.name === 'min') && t.args.length === 2) note(sub(t.args[0], t.args[1]));
    else if (t.k === 'extremum') for (let i = 1; i < t.terms.length; i++) note(sub(t.terms[0], t.terms[i]));
    // Where a sine or cosine is 1, -1 or 0: sin(sqrt(k / m) t + phi)^2 < 1 ties where the angle is pi/2, and an argument
    // with a root of a quotient in it was no line the exact solver read (probe 60).
    else if (t.k === 'fn' && (t.name === 'sin' || t.name === 'cos')) for (const k of [0, 1, -1, 2]) note(sub(t.args[0], mul(num(k), halfPi)));
    return mapChildren(t, visit);
  };
  visit(comparison);
  const out: Map<string, PointValue>[] = [];
  for (const switched of switches) {
    for (const { input } of slopes) {
      if (!someSubterm(switched, (x) => x.k === 'input' && x.ref.name === input.name)) continue;
      let slope: Term;
      try {
        slope = eliminateDiff(differentiate(switched, { name: input.name, indices: [] }));
      } catch (error) {
        if (error instanceof BudgetExceededError || error instanceof DomainError) continue;
        throw error;
      }
      if (someSubterm(slope, (x) => x.k === 'input' && x.ref.name === input.name)) continue;
      const others = othersAtSimpleValues(slopes, input);
      if (others === undefined) continue;
      const { values, point } = others;
      // switched = slope * v + at0: 0 at v = -at0 / slope.
      const at0 = substituteScalarInputs(switched, new Map([...values, [input.name, num(0)]]));
      const root = mul(num(-1), at0, pow(substituteScalarInputs(slope, values), num(-1)));
      let value: number;
      try {
        value = evaluateHighPrecision(root, new Map(), DIGITS).toNumber();
      } catch (error) {
        if (error instanceof GuardError) throw error;
        continue;
      }
      if (!Number.isFinite(value) || !allowsValue(input.kind, value) || !insideInterval(input, value)) continue;
      // A rational root is the fraction it is (y = 5001, not y = -((5001 - 0) / -1) in a report), another as tidy as its terms.
      const fraction = constantFraction(root);
      point.set(input.name, fraction === undefined ? { term: tidied(root), approx: value } : { num: fraction.num, den: fraction.den });
      out.push(point);
    }
  }
  return out;
}

/**
 * A constant term rebuilt bottom up with its number parts folded: (0 - (1/2) pi) / 1 negated is (1/2) pi. For reports;
 * the value is the same term's.
 */
function tidied(t: Term): Term {
  const inner = mapChildren(t, tidied);
  if (inner.k === 'add') {
    const terms = inner.terms.flatMap((x) => (x.k === 'add' ? x.terms : [x]));
    const numbers = terms.map(constantFraction);
    const sum = numbers.reduce<Rational | undefined>((acc, q) => (q === undefined ? acc : (acc ?? Rational.ZERO).add(Rational.of(q.num, q.den))), undefined);
    const others = terms.filter((_, i) => numbers[i] === undefined);
    return add(...others, ...(sum === undefined ? [] : [num(sum.num, sum.den)]));
  }
  if (inner.k === 'mul') {
    const factors = inner.factors.flatMap((x) => (x.k === 'mul' ? x.factors : [x]));
    const numbers = factors.map(constantFraction);
    const product = numbers.reduce<Rational>((acc, q) => (q === undefined ? acc : acc.mul(Rational.of(q.num, q.den))), Rational.ONE);
    const others = factors.filter((_, i) => numbers[i] === undefined);
    if (product.isZero()) return num(0);
    // -(a + b) as -a - b, so a sum's negation reads as one.
    if (others.length === 1 && others[0].k === 'add') return add(...others[0].terms.map((term) => tidied(mul(num(product.num, product.den), term))));
    return mul(...(product.equals(Rational.ONE) ? [] : [num(product.num, product.den)]), ...others);
  }
  if (inner.k === 'pow') {
    const q = constantFraction(inner);
    if (q !== undefined) return num(q.num, q.den);
  }
  return inner;
}

/** The array inputs' entries a bound's uniform points set, at most (a point is a map of every entry). */
const MAX_UNIFORM_ENTRIES = 256;

/**
 * Points where every entry of each array input a bound reads takes one value, the same for all entries of that
 * input (the scalar inputs with them): a simple value of its kind, or a critical value of the margin with all of an
 * input's entries moved together (the bound read with the array as one scalar). Over vectors, the VAE's KL term
 * sum(j, mu[j]^2 + s[j] - 1 - log(s[j])) ties only at mu = 0 and s = 1 in every entry at once, and
 * sum(j, 9 x[j]^2 - 6 x[j]) > -n at x = 1/3 in every entry (probe 52): random entries never land there, and the
 * scalar inputs' critical and joint points do not read arrays.
 */
function uniformPoints(comparison: Term, inputs: readonly Input[], instance: Instance,
  criticalOf: (restricted: Term, pseudo: readonly Input[]) => Map<string, PointValue>[]): Map<string, PointValue>[] {
  const read = inputs.filter((input) => isContinuousKind(input.kind) && input.kind !== 'simplex' && input.kind !== 'symmetric' && input.kind !== 'spd'
    && input.kind !== 'invertible' && someSubterm(comparison, (x) => x.k === 'input' && x.ref.name === input.name));
  const arrays = read.filter((input) => input.dims.length > 0);
  const shapeOf = (input: Input) => input.dims.map((d) => (d.k === 'fixed' ? d.size : instance.sizes.get(d.name) ?? 0));
  // A simplex at its centre, 1/n in every entry exactly, beside the other arrays' uniform values: cross-entropy against
  // entropy, and logsumexp(x) against p'x + H(p), tie at softmax(z) = q, which uniform z and the centre reach; in
  // doubles 1/3 is not the centre, and the strict bounds were verified at simplex[3] (probe 89).
  const centres = inputs.filter((input) => input.kind === 'simplex' && input.dims.length === 1 && someSubterm(comparison, (x) => x.k === 'input' && x.ref.name === input.name))
    .map((input) => ({ input, size: shapeOf(input)[0] })).filter(({ size }) => size > 0 && size <= MAX_UNIFORM_ENTRIES);
  const withCentres = (points: Map<string, PointValue>[]): Map<string, PointValue>[] => (centres.length === 0 ? points : points.map((point) => {
    for (const { input, size } of centres) for (let k = 1; k <= size; k++) point.set(`${input.name}[${k}]`, { num: 1n, den: BigInt(size) });
    return point;
  }));
  if (arrays.length === 0) return withCentres(centres.length === 0 ? [] : [new Map()]);
  const entries = arrays.reduce((n, input) => n + shapeOf(input).reduce((a, b) => a * b, 1), 0);
  if (entries === 0 || entries > MAX_UNIFORM_ENTRIES) return [];
  // Every entry alike; then, over vectors, one entry apart from the others, at each place in turn: cross-entropy
  // against the entropy of a label-smoothed q (1 - 2 ls/3 at the label, ls/3 elsewhere) ties at softmax(z) = q, where z
  // is log(3/ls - 2) at the label and 0 elsewhere, a critical value of that one entry (probe 89).
  const vectorSize = arrays.every((input) => input.dims.length === 1) ? Math.min(...arrays.map((input) => shapeOf(input)[0])) : 0;
  const places = vectorSize > 1 ? Array.from({ length: Math.min(vectorSize, MAX_APART_PLACES) }, (_, j) => j + 1) : [];
  return withCentres([...arrayPattern(undefined), ...places.flatMap(arrayPattern)]);

  /** The points of one pattern: every entry alike (`apart` undefined), or the entry at `apart` with a value of its own. */
  function arrayPattern(apart: number | undefined): Map<string, PointValue>[] {
    const apartName = (input: Input) => `${input.name}\u2032apart`;
    // The bound with each array as one scalar of its own name (an array's name is no scalar input of the step), and the entry apart as another.
    const pseudo = [...read.map((input) => ({ ...input, dims: [] })), ...(apart === undefined ? [] : arrays.map((input) => ({ ...input, name: apartName(input), dims: [] })))];
    const scalar = (name: string): Term => ({ k: 'input', ref: { name, indices: [] } });
    const restricted = substituteArrayInputs(comparison, new Map(arrays.map((input) => [input.name, {
      at: (indices: readonly Index[]) => scalar(apart !== undefined && indices.length === 1 && indices[0].k === 'lit' && indices[0].value === apart ? apartName(input) : input.name),
    }])));
    // An entry apart read at a symbolic place is no pattern of the instance.
    if (apart !== undefined && someSubterm(restricted, (x) => x.k === 'input' && arrays.some((input) => input.name === x.ref.name) && x.ref.indices.length > 0)) return [];
    let points: Map<string, PointValue>[] = [];
    try {
      if (apart === undefined) {
        // And the corners of the entries' box, every entry at one end together: (1 + u (2 t[i] - 1)) multiplied over i
        // passes n u only as every t[i] nears 1 at once (probe 110).
        points = [...affinePoints(marginSlopes(restricted, pseudo), instance.sizes), ...combinedPoints(pseudo, criticalOf(restricted, pseudo)),
          ...cornerPoints(pseudo.filter((input) => someSubterm(restricted, (x) => x.k === 'input' && x.ref.name === input.name)))];
      } else {
        // The entries apart solved for with the rest at their simplest values (the books' z = 0, ls = 1/2 give z = log 4 at the label).
        const rest = new Map<string, Term>();
        const restPoint = new Map<string, PointValue>();
        for (const input of pseudo.slice(0, read.length)) {
          const v = simpleValuesWithin(input)[0];
          if (v === undefined) return [];
          rest.set(input.name, { k: 'num', value: { num: v.num, den: v.den } });
          restPoint.set(input.name, { num: v.num, den: v.den });
        }
        points = criticalOf(substituteScalarInputs(restricted, rest), pseudo.slice(read.length)).slice(0, MAX_APART_POINTS).map((point) => new Map([...restPoint, ...point]));
      }
    } catch (error) {
      if (!(error instanceof BudgetExceededError || error instanceof DomainError)) throw error;
    }
    // Each array's value written into every entry, under the names a point holds them by (x[1], A[1, 2]).
    return points.map((point) => {
      const out = new Map<string, PointValue>();
      for (const input of read) {
        const v = point.get(input.name);
        if (v === undefined) continue;
        if (input.dims.length === 0) { out.set(input.name, v); continue; }
        const shape = shapeOf(input);
        const count = shape.reduce((a, b) => a * b, 1);
        for (let flat = 0; flat < count; flat++) {
          let rest = flat;
          const at: number[] = [];
          for (let p = shape.length - 1; p >= 0; p--) { at.unshift((rest % shape[p]) + 1); rest = Math.floor(rest / shape[p]); }
          out.set(`${input.name}[${at.join(', ')}]`, apart !== undefined && at[0] === apart ? point.get(apartName(input)) ?? v : v);
        }
      }
      return out;
    });
  }
}

/** The places of a vector's entry apart from the others that are tried, at most (one pattern each). */
const MAX_APART_PLACES = 4;
/** The points of each pattern with an entry apart, at most. */
const MAX_APART_POINTS = 8;

/**
 * The point where the margin's derivatives in all its scalar inputs vanish at once, where each is affine in them (a
 * quadratic margin: `(x - c)^2 + (c - 2)^2 > 0` fails at x = c = 2 alone, which neither one input's critical values nor
 * a curve through simple values reach), solved exactly (affine-critical.ts); none where it lies outside an input's type.
 */
function affinePoints(slopes: readonly MarginSlope[], sizes: ReadonlyMap<string, number>): Map<string, PointValue>[] {
  if (slopes.length < 2) return [];
  const solution = affineCriticalPoint(slopes.map((s) => s.derivative), slopes.map((s) => s.input.name), sizes);
  if (solution === undefined) return [];
  const point = new Map<string, PointValue>();
  for (const [i, { input }] of slopes.entries()) {
    const v = solution[i];
    if (!allowsValue(input.kind, v.toNumber()) || !insideInterval(input, v.toNumber())) return [];
    point.set(input.name, { num: v.num, den: v.den });
  }
  return [point];
}

/**
 * Where Newton's method starts: every input at its simple value moved by each shift. Newton goes to the critical point
 * nearest its start, a maximum as readily as a minimum: from 0 and 1/2 `cos(p) + cos(q) + cos(p + q)` reached only its
 * maximum at 0, and its least value -3/2 at p = q = 2 pi / 3 (probe 69) is reached from 2.
 */
const NEWTON_SHIFTS = [0, 0.5, 2, -2, 1, -1];
// 1 and -1 too: sin(r) sin(w) sin(r + w) on [0, pi]^2 peaks at r = w = pi/3, which Newton reached from none of the
// others (probe 110: <= 0.6495 and < 3 sqrt(3) / 8 verified).
/** Digits the slopes are read with for Newton's method: a double's worth and a margin. */
const NEWTON_DIGITS = 20;

/**
 * Where the margin's derivatives in its 2 to 4 scalar inputs vanish at once, found by Newton's method (joint-critical.ts)
 * from the inputs' simple values and from one step past them, each point as found and, where every input lies within
 * 1e-6 of a constant of the books (p/q, p/q pi, exp(p/q), log(p/q), sqrt(p/q)) or of 0, at those constants: a margin
 * least at one point of its inputs together, and not quadratic there, ties or fails there alone
 * (`(x - c)^2 + (c - 3)^2 + d - 1 - log(d) > 0` at x = c = 3, d = 1).
 */
function newtonPoints(slopes: readonly MarginSlope[]): Map<string, PointValue>[] {
  if (slopes.length < 2) return [];
  const inputs = slopes.map((s) => s.input);
  const names = inputs.map((input) => input.name);
  const byName = new Map(inputs.map((input) => [input.name, input]));
  const allowed = (name: string, v: number) => Number.isFinite(v) && allowsValue(byName.get(name)!.kind, v) && insideInterval(byName.get(name)!, v);
  const simple = inputs.map((input) => simpleValuesWithin(input)[0]?.toNumber());
  if (simple.some((v) => v === undefined)) return [];
  const starts: Map<string, number>[] = [];
  for (const shift of NEWTON_SHIFTS) {
    const start = new Map(names.map((name, i) => {
      const moved = simple[i]! + shift;
      return [name, allowed(name, moved) ? moved : simple[i]!] as const;
    }));
    if (!starts.some((other) => names.every((name) => other.get(name) === start.get(name)))) starts.push(start);
  }
  const readAt = (t: Term, point: ReadonlyMap<string, number>): number => {
    try {
      return evaluateHighPrecision(t, point, NEWTON_DIGITS).toNumber();
    } catch (error) {
      if (error instanceof GuardError) throw error;
      return Number.NaN;
    }
  };
  const found = newtonCriticalPoints(slopes.map((s) => s.derivative), names, starts, readAt, allowed);
  const out: Map<string, PointValue>[] = [];
  for (const point of found) {
    out.push(new Map(point));
    const snapped = new Map<string, PointValue>();
    for (const [name, v] of point) {
      const input = byName.get(name)!;
      if (Math.abs(v) < 1e-9 && allowed(name, 0)) { snapped.set(name, { num: 0n, den: 1n }); continue; }
      const constant = tightConstantsNear(input, v)[0];
      if (constant === undefined) break;
      const fraction = constantFraction(constant.term);
      snapped.set(name, fraction !== undefined ? { num: fraction.num, den: fraction.den } : constant);
    }
    if (snapped.size === point.size) out.unshift(snapped);
  }
  return out;
}

/** Values of each scalar input a bound's joint points combine, and joint points at most. */
const JOINT_VALUES = 3;
const MAX_JOINT_POINTS = 27;

/**
 * Points where every scalar input a bound reads sits at one of its own critical values
 * (where the margin's derivative in it vanishes) or simple values (0, 1, -1; 1 and 2 for a
 * positive one; 1/2 for a unit one), all at once. A margin least where two inputs are at
 * such values together, as the VAE's KL term mu^2 + s - 1 - log(s) at mu = 0, s = 1, or a
 * cross-entropy against the entropy of its target at x = 0, t = 1/2, ties there, and a
 * strict bound fails there alone; the critical points found one input at a time (the
 * others random) and random points miss it (probe 35). Critical values first.
 */
function jointPoints(slopes: readonly MarginSlope[], critical: readonly Map<string, PointValue>[]): Map<string, PointValue>[] {
  if (slopes.length < 2) return [];
  return combinedPoints(slopes.map((s) => s.input), critical).filter((point) => point.size >= 2);
}

/**
 * Every input at one of its own critical values (from `critical`, points of that input alone) or simple values,
 * all at once: up to {@link JOINT_VALUES} values each, {@link MAX_JOINT_POINTS} points in all.
 */
function combinedPoints(inputs: readonly Input[], critical: readonly Map<string, PointValue>[]): Map<string, PointValue>[] {
  let points: Map<string, PointValue>[] = [new Map()];
  for (const input of inEndOrder(inputs)) {
    if (input.relativeEnds !== undefined) {
      // Within its ends at each point of the inputs they read (chained-values.ts), where those are fractions there.
      points = points.flatMap((point) => {
        const values = valuesWithinEnds(input, pointFractions(point));
        return values === undefined ? [point] : values.slice(0, JOINT_VALUES).map((v) => new Map([...point, [input.name, { num: v.num, den: v.den }]]));
      }).slice(0, MAX_JOINT_POINTS);
      continue;
    }
    const own = critical.filter((point) => point.size === 1 && point.has(input.name)).map((point) => point.get(input.name)!)
      .filter((v) => allowsValue(input.kind, pointNumber(v)) && insideInterval(input, pointNumber(v)));
    const values: PointValue[] = [];
    for (const v of [...own, ...simpleValuesWithin(input).map((r): PointValue => ({ num: r.num, den: r.den }))]) {
      if (values.length < JOINT_VALUES && !values.some((w) => pointNumber(w) === pointNumber(v))) values.push(v);
    }
    // Cut as it grows: the first points of the whole product are the first of each partial one, and 3^15 maps of an
    // LSTM cell's 15 inputs exhausted the heap (probe 44).
    if (values.length > 0) points = points.flatMap((point) => values.map((v) => new Map([...point, [input.name, v]]))).slice(0, MAX_JOINT_POINTS);
  }
  return points;
}

/** Corner points at most: 2^8 corners of eight inputs' intervals, or fewer corners each with the other inputs at several values. */
const MAX_CORNER_POINTS = 256;
/** Values each input without a finite end takes at the corners. */
const CORNER_OTHER_VALUES = 2;
/** An open end's corner value: this part of the interval's width inside it. */
const INSIDE_OPEN_END = Rational.of(1n, 1_000_000_000n);

/**
 * The corners of the inputs' intervals, all at once, the other inputs at their simplest values: an included end as it
 * is, an open one a billionth of the width inside it, an end that reads other inputs (d in [-u, u]) at their values
 * there. Higham's error bound of two roundings, |(a (1 + d1) + b) (1 + d2) - (a + b)| <= 2u (|a| + |b|) with d1, d2 in
 * [-u, u], fails by u^2 only at d1 = d2 = u with b = 0 (or b tiny beside a): a margin affine in each rounding is least
 * at a corner of their box, which neither random points nor any input alone reaches (probe 106); so with u an input in
 * (0, 1/1000], with eight inputs (Horner's rule), and (1 + t/1000)(1 + s/1000) <= 1.002 on the open box (0, 1)^2, which
 * fails only near its corner (1, 1) (probe 110). Each input's upper end first, so the first corners are the extreme ones.
 */
function cornerPoints(inputs: readonly Input[]): Map<string, PointValue>[] {
  const endsOf = (input: Input, at: ReadonlyMap<string, Rational>): Rational[] => {
    const interval = input.interval;
    const relative = input.relativeEnds;
    // A unit input is one in (0, 1).
    const exact = interval !== undefined ? exactEnds(interval) : input.kind === 'unit' ? { lower: Rational.ZERO, upper: Rational.ONE } : {};
    const lower = relative?.lower !== undefined ? endAt(relative.lower, at) : exact.lower;
    const upper = relative?.upper !== undefined ? endAt(relative.upper, at) : exact.upper;
    const lowerClosed = relative?.lower !== undefined ? relative.lowerClosed : interval?.lowerClosed ?? false;
    const upperClosed = relative?.upper !== undefined ? relative.upperClosed : interval?.upperClosed ?? false;
    const width = lower !== undefined && upper !== undefined ? upper.sub(lower) : undefined;
    const inside = (v: Rational | undefined, closed: boolean, sign: 1 | -1): Rational | undefined =>
      v === undefined ? undefined : closed ? v : width !== undefined && width.sign() > 0 ? v.add(width.mul(INSIDE_OPEN_END).mul(Rational.of(BigInt(sign)))) : undefined;
    return [inside(upper, upperClosed, -1), inside(lower, lowerClosed, 1)]
      .filter((v): v is Rational => v !== undefined && allowsValue(input.kind, v.toNumber()))
      .filter((v, i, all) => all.findIndex((w) => w.cmp(v) === 0) === i);
  };
  const absolute = inputs.filter((input) => input.relativeEnds === undefined);
  const cornered = absolute.filter((input) => endsOf(input, new Map()).length > 0);
  const relative = inEndOrder(inputs.filter((input) => input.relativeEnds !== undefined));
  if (cornered.length + relative.length === 0 || inputs.length < 2) return [];
  let points: Map<string, PointValue>[] = [new Map()];
  const extend = (valuesAt: (point: Map<string, PointValue>) => Rational[], name: string) => {
    points = points.flatMap((point) => {
      const values = valuesAt(point);
      return values.length === 0 ? [point] : values.map((v) => new Map([...point, [name, { num: v.num, den: v.den }]]));
    }).slice(0, MAX_CORNER_POINTS);
  };
  for (const input of cornered) extend(() => endsOf(input, new Map()), input.name);
  for (const input of absolute.filter((input) => !cornered.includes(input))) extend(() => simpleValuesWithin(input).slice(0, CORNER_OTHER_VALUES), input.name);
  for (const input of relative) extend((point) => endsOf(input, pointFractions(point)), input.name);
  return points.filter((point) => point.size === inputs.length);
}

/** The assignments of the other inputs a curve of critical points is read at, at most (2^14 of an LSTM cell's were minutes). */
const MAX_CURVE_ASSIGNMENTS = 32;

/** Values each other input takes on a curve of critical points, and solutions per input, at most. */
const CURVE_VALUES = 2;
const CURVE_SOLUTIONS = 2;

/**
 * Points on a bound's curve of critical points: where the margin's derivative in one
 * scalar input vanishes, solved for that input as a term in the others (sigmoid(x) = t at
 * x = log(t / (1 - t))), with the others at simple values inside their types and
 * intervals (the simplest fractions there). A margin least along such a curve, and 0 on
 * it, ties at every point of it: the cross-entropy of a soft target t in (0.6, 0.9)
 * against its entropy at x = logit(t), which no input at a simple value alone reaches
 * (probe 35). The tie is then read exactly at t = 2/3, x = log(2).
 */
function criticalCurvePoints(slopes: readonly MarginSlope[]): Map<string, PointValue>[] {
  if (slopes.length < 2) return [];
  const out: Map<string, PointValue>[] = [];
  for (const { input, derivative } of slopes) {
    const free = (t: Term) => !someSubterm(t, (x) => (x.k === 'input' && x.ref.name === input.name) || x.k === 'size' || x.k === 'ival' || x.k === 'sum' || x.k === 'apply');
    const solutions = solveForInput(derivative, num(0), free).filter((s) => s.input.k === 'input' && s.input.ref.name === input.name).slice(0, CURVE_SOLUTIONS);
    if (solutions.length === 0) continue;
    const assignmentsOf = (valuesOf: (other: Input) => Rational[]): Map<string, Term>[] => {
      let assignments: Map<string, Term>[] = [new Map()];
      for (const other of inEndOrder(slopes.map((o) => o.input).filter((o) => o !== input))) {
        const values = valuesOf(other);
        // An input whose ends read others takes values within them at each assignment of those (chained-values.ts).
        const within = (a: Map<string, Term>) => valuesWithinEnds(other, fractionsOf(a))?.slice(0, CURVE_VALUES) ?? values;
        if (values.length === 0 && other.relativeEnds === undefined) return [];
        assignments = assignments.flatMap((a) => within(a).map((v) => new Map([...a, [other.name, num(v.num, v.den)]]))).slice(0, MAX_CURVE_ASSIGNMENTS);
      }
      return assignments;
    };
    const simple = assignmentsOf((other) => simpleValuesWithin(other).slice(0, CURVE_VALUES));
    for (const { value } of solutions) {
      const pointsOn = (assignments: readonly Map<string, Term>[]): Map<string, PointValue>[] => assignments.flatMap((assignment) => {
        const term = substituteScalarInputs(value, assignment);
        let approx: number;
        try {
          approx = evaluateHighPrecision(term, new Map()).toNumber();
        } catch {
          return [];
        }
        if (!Number.isFinite(approx) || !allowsValue(input.kind, approx) || !insideInterval(input, approx)) return [];
        const point = new Map<string, PointValue>([...assignment].map(([name, t]) => [name, constantFraction(t)!]));
        point.set(input.name, { term, approx });
        return [point];
      });
      const found = pointsOn(simple);
      // Where the curve leaves the input's type or interval at every simple value of the others (u = log((1 - p) / p)
      // is 0 at p = 1/2, outside u < 0; probe 53), at more values of theirs: the first few it is inside at.
      out.push(...(found.length > 0 ? found : pointsOn(assignmentsOf((other) => moreValuesWithin(other))).slice(0, CURVE_VALUES)));
    }
  }
  return out;
}

/** The assignment's values that are fractions, as exact rationals. */
function fractionsOf(assignment: ReadonlyMap<string, Term>): Map<string, Rational> {
  const out = new Map<string, Rational>();
  for (const [name, t] of assignment) {
    const fraction = constantFraction(t);
    if (fraction !== undefined) out.set(name, Rational.of(fraction.num, fraction.den));
  }
  return out;
}

/** Values past the simple ones a curve of critical points is read at, simplest first. */
const MORE_VALUES: readonly Rational[] = [[2, 1], [-2, 1], [1, 2], [-1, 2], [3, 1], [-3, 1], [1, 3], [2, 3], [3, 4], [1, 4], [3, 2], [-3, 2], [4, 1], [5, 1],
  [9, 10], [1, 10], [10, 1], [-10, 1], [99, 100], [1, 100]].map(([p, q]) => Rational.of(BigInt(p), BigInt(q)));
/** How many of them, at most: for a probability, 1/3 to 3/4 and 9/10 to 1/100, where a softplus conjugate on c > 2 ties at 9/10 (probe 54). */
const MORE_CURVE_VALUES = 8;

/** An input's values past its simple ones (2, 1/2, 3/4, ...) inside its type and interval, the simplest first. */
function moreValuesWithin(input: Input): Rational[] {
  const simple = simpleValuesWithin(input);
  const inside = (v: Rational) => allowsValue(input.kind, v.toNumber()) && insideInterval(input, v.toNumber());
  return MORE_VALUES.filter((v) => inside(v) && !simple.some((w) => w.cmp(v) === 0)).slice(0, MORE_CURVE_VALUES);
}

/**
 * An input's simple values (0, 1, -1; 1, 2; 1/2) inside its interval, else the simplest fractions inside it, else
 * (an interval far from 1, or narrower than 1/64) the numbers of fewest significant digits inside it: 10^21 and
 * 2 10^21 in (1e20, 1e30), where a fraction's double rounds onto an end. Each inside the interval's exact ends.
 */
function simpleValuesWithin(input: Input): Rational[] {
  const inside = (v: Rational) => insideInterval(input, v.toNumber()) && insideExactly(input, v) && allowsValue(input.kind, v.toNumber());
  const simple = (PLANE_DEFAULTS[input.kind] ?? []).filter(inside);
  if (simple.length > 0 || input.interval === undefined) return simple;
  const out: Rational[] = [];
  for (let den = 1n; den <= 64n && out.length < CURVE_VALUES; den++) {
    const { lowerValue, upperValue } = input.interval;
    const from = Number.isFinite(lowerValue) ? BigInt(Math.floor(lowerValue * Number(den))) : -4n * den;
    const to = Number.isFinite(upperValue) ? BigInt(Math.ceil(upperValue * Number(den))) : from + 8n * den;
    for (let k = from; k <= to && k - from < 200n && out.length < CURVE_VALUES; k++) {
      const v = Rational.of(k, den);
      if (inside(v) && !out.some((w) => w.cmp(v) === 0)) out.push(v);
    }
  }
  if (out.length > 0) return out;
  return fewestDigitsWithin(input.interval).filter(inside).slice(0, CURVE_VALUES);
}

/** The interval's finite ends as exact rationals: a written fraction as it is written (canonical.ts), else the double it was read as. */
function exactEnds(interval: InputInterval): { lower?: Rational; upper?: Rational } {
  const range = inputRange(interval);
  const exact = (fraction: Rational | undefined, value: number): Rational | undefined =>
    (!Number.isFinite(value) ? undefined : fraction ?? rationalOfDouble(value));
  const lower = exact(range?.lo, interval.lowerValue);
  const upper = exact(range?.hi, interval.upperValue);
  return { ...(lower ? { lower } : {}), ...(upper ? { upper } : {}) };
}

/** Whether an exact value lies inside an input's interval by its exact ends: 10^200 is on the end of (1e200, 1e300), though 5.3 10^201 / 53 reads as a double past it. */
function insideExactly(input: Input, v: Rational): boolean {
  const interval = input.interval;
  if (interval === undefined) return true;
  const { lower, upper } = exactEnds(interval);
  const aboveLower = lower === undefined || (interval.lowerClosed ? v.cmp(lower) >= 0 : v.cmp(lower) > 0);
  const belowUpper = upper === undefined || (interval.upperClosed ? v.cmp(upper) <= 0 : v.cmp(upper) < 0);
  return aboveLower && belowUpper;
}

/** Decimal orders searched below an interval's upper end for a number of few significant digits inside it. */
const DECIMAL_ORDERS = 40;

/**
 * The numbers m 10^e of fewest significant digits strictly inside an interval of one sign, the largest order e first, and
 * at each order the first two multiples past the lower end: 10^29 and 2 10^29 in (1e20, 1e30), 10^-201 in (1e-300, 1e-200),
 * -2 10^29 and -10^29 in (-1e30, -1e20).
 */
function fewestDigitsWithin(interval: InputInterval): Rational[] {
  const { lower, upper } = exactEnds(interval);
  if (lower === undefined || upper === undefined || lower.sign() * upper.sign() < 0) return [];
  const negative = upper.sign() <= 0;
  const [low, high] = negative ? [upper.neg(), lower.neg()] : [lower, upper];
  if (high.isZero()) return [];
  const top = Math.floor(Math.log10(high.toNumber() || Number.MIN_VALUE)) + 1;
  const out: Rational[] = [];
  for (let e = top; e > top - DECIMAL_ORDERS && out.length < CURVE_VALUES; e--) {
    const unit = e >= 0 ? Rational.of(10n ** BigInt(e)) : Rational.of(1n, 10n ** BigInt(-e));
    const first = low.div(unit);
    const m = first.num / first.den + 1n;
    for (const k of [m, m + 1n]) {
      const v = Rational.of(k).mul(unit);
      if (v.cmp(low) > 0 && v.cmp(high) < 0 && out.length < CURVE_VALUES) out.push(v);
    }
  }
  return negative ? out.map((v) => v.neg()) : out;
}

/** The slack a bound's comparison needs to be >= 0: E - A for A <= E, A - E for A >= E; undefined for no comparison. */
function slack(comparison: Term): Term | undefined {
  if (comparison.k !== 'cmp') return undefined;
  return comparison.op === '<' || comparison.op === '<=' ? sub(comparison.b, comparison.a) : sub(comparison.a, comparison.b);
}

/**
 * Points where a bound's two sides meet, solved for one input as a term in the others (through abs: |u| = 0 at u = 0),
 * the others at their simple values, as a curve of critical points is read: `|K y0 / (y0 + (K - y0) exp(-r t)) - K/2| > 0`
 * is 0 where the logistic curve crosses K/2, at t = log((K - y0) / y0) / r, which no input at a simple value alone
 * reaches and random inputs never hit exactly (probe 98). Where the margin's least value is 0 at a kink, its slope
 * has no root there.
 */
function tieCurvePoints(comparison: Term, inputs: readonly Input[]): Map<string, PointValue>[] {
  const margin = slack(comparison);
  if (margin === undefined) return [];
  return criticalCurvePoints(scalarInputsOf(margin, inputs).map((input) => ({ input, derivative: margin })));
}

/** The scalar inputs of a continuous kind a term reads: those a bound is searched along. */
function scalarInputsOf(term: Term, inputs: readonly Input[]): Input[] {
  return inputs.filter((input) => input.dims.length === 0 && isContinuousKind(input.kind) && someSubterm(term, (x) => x.k === 'input' && x.ref.name === input.name));
}

/**
 * The magnitudes a bound is tried at, each scalar input alone (see {@link farPoints}): past the random inputs'
 * usual 1e-3 to 1e3, short of those whose digits cost seconds (at 1e-300, atan's series at 360 digits took 4 s a step).
 */
const FAR_MAGNITUDES: readonly number[] = [1e3, 1e6, 1e10, 1e20, 1e40, 1e-10, 1e-20, 1e-40];

/** Points with one scalar input at a far magnitude (both signs for a real one; a unit one near 0 and near 1), the others random. */
function farPoints(comparison: Term, inputs: readonly Input[], instance: Instance, random: () => number): Map<string, PointValue>[] {
  const out: Map<string, PointValue>[] = [];
  const span = closedSpan(comparison);
  for (const input of scalarInputsOf(comparison, inputs)) {
    const values = input.interval ? farInInterval(input.interval).filter((v) => insideInterval(input, v))
      : input.kind === 'unit' ? FAR_MAGNITUDES.filter((m) => m < 1).flatMap((m) => [m, 1 - m]).filter((v) => v > 0 && v < 1)
        : input.kind === 'real' ? FAR_MAGNITUDES.flatMap((m) => [m, -m]) : FAR_MAGNITUDES;
    for (const value of values) {
      const point = randomPoint(inputs, instance, random, -1);
      point.set(input.name, value);
      out.push(point);
    }
    // Past the constants' span, exactly: 3 v / (v + e) <= 3 - 10^-300 fails only for e below 3e-301 v, far below 1e-40
    // (probe 60). Such a point costs digits, so only where the constants span that far already.
    for (const value of beyondSpan(span, input)) {
      const point = randomPoint(inputs, instance, random, -1);
      point.set(input.name, value);
      out.push(point);
    }
  }
  // An array's first entry far out too, the others random: log(sum(j, exp(z[j]))) >= max(z) + 1e-300 fails only where
  // one entry stands some 700 above the rest (probe 105: verified over z: vector[3]; its scalar twin was refuted).
  for (const input of arrayInputsOf(comparison, inputs).slice(0, MAX_FAR_ARRAYS)) {
    const first = `${input.name}[${input.dims.map(() => 1).join(', ')}]`;
    for (const value of input.kind === 'real' ? FAR_MAGNITUDES.flatMap((m) => [m, -m]) : FAR_MAGNITUDES) {
      const point = randomPoint(inputs, instance, random, -1);
      if (!point.has(first)) break;
      point.set(first, value);
      out.push(point);
    }
  }
  return out;
}

/** Array inputs a bound is tried at with an entry far out (see {@link farPoints}), at most. */
const MAX_FAR_ARRAYS = 2;

/** The real and positive array inputs a term reads, without an interval (a matrix of a kind keeps its structure). */
function arrayInputsOf(term: Term, inputs: readonly Input[]): Input[] {
  return inputs.filter((input) => input.dims.length > 0 && (input.kind === 'real' || input.kind === 'positive') && input.interval === undefined
    && someSubterm(term, (x) => x.k === 'input' && x.ref.name === input.name));
}

/** How far apart two inputs are put where a bound reads their difference: 10^-6, 10^-12, 10^-24, 10^-48. */
const MEETING_GAPS: readonly bigint[] = [6n, 12n, 24n, 48n].map((k) => 10n ** k);
/** Pairs of inputs, and simple values of the first, a bound is tried at with the two almost met, at most. */
const MEETING_PAIRS = 3;
const MEETING_VALUES = 2;

/**
 * Points where two inputs whose difference a bound reads almost meet, y = x + 10^-k with x at a simple value: a
 * Lipschitz or mean-value bound |f(a) - f(b)| <= L |a - b| is tight only as b tends to a where |f'| is largest, and
 * |sin a - sin b| <= |a - b| (1 - 1e-13) fails at a = 0, b = 1e-10 alone (probe 69), which random inputs never reach.
 */
function meetingPoints(comparison: Term, inputs: readonly Input[], instance: Instance, random: () => number): Map<string, PointValue>[] {
  const scalars = new Map(scalarInputsOf(comparison, inputs).map((input) => [input.name, input]));
  const pairs: Array<[Input, Input]> = [];
  const scalarName = (t: Term): string | undefined => (t.k === 'input' && t.ref.indices.length === 0 && scalars.has(t.ref.name) ? t.ref.name : undefined);
  const negated = (t: Term): string | undefined =>
    (t.k === 'mul' && t.factors.length === 2 && t.factors[0].k === 'num' && t.factors[0].value.num === -1n && t.factors[0].value.den === 1n ? scalarName(t.factors[1]) : undefined);
  someSubterm(comparison, (t) => {
    if (t.k !== 'add' || t.terms.length !== 2 || pairs.length >= MEETING_PAIRS) return false;
    for (const [a, b] of [[t.terms[0], t.terms[1]], [t.terms[1], t.terms[0]]] as const) {
      const x = scalarName(a);
      const y = negated(b);
      if (x !== undefined && y !== undefined && x !== y && !pairs.some(([p, q]) => (p.name === x && q.name === y) || (p.name === y && q.name === x))) {
        pairs.push([scalars.get(x)!, scalars.get(y)!]);
      }
    }
    return false;
  });
  const out: Map<string, PointValue>[] = [];
  for (const [x, y] of pairs) {
    for (const v of simpleValuesWithin(x).slice(0, MEETING_VALUES)) {
      for (const gap of MEETING_GAPS) {
        const w = v.add(Rational.of(1n, gap));
        if (!allowsValue(y.kind, w.toNumber()) || !insideInterval(y, w.toNumber()) || !insideExactly(y, w)) continue;
        const point = randomPoint(inputs, instance, random, -1);
        point.set(x.name, { num: v.num, den: v.den });
        point.set(y.name, { num: w.num, den: w.den });
        out.push(point);
      }
    }
  }
  return out;
}

/** The least span of the constants, in decimal orders, past which a bound is also tried at 10^-(span + 10) and 10^(span + 10). */
const BEYOND_SPAN = 40;

/** An input's values just past the span of a bound's constants, tiny and huge, exact, within its kind and interval. */
function beyondSpan(span: number, input: Input): PointValue[] {
  if (span <= BEYOND_SPAN || span > MAX_BEYOND_SPAN) return [];
  const power = 10n ** BigInt(span + 10);
  // The huge one a double where it can be (1e307, which a report shows as it is), the tiny one always (1e-310 is one).
  const large = 10n ** BigInt(Math.min(span + 10, 307));
  const tiny = { num: 1n, den: power };
  const candidates: { num: bigint; den: bigint }[] = input.kind === 'unit'
    ? [tiny, { num: power - 1n, den: power }]
    : input.kind === 'real'
      ? [tiny, { num: -1n, den: power }, { num: large, den: 1n }, { num: -large, den: 1n }]
      : [tiny, { num: large, den: 1n }];
  const interval = input.interval;
  return candidates.filter((v) => {
    if (interval === undefined) return true;
    const sign = v.num < 0n ? -1 : 1;
    const huge = v.num > v.den || -v.num > v.den;
    // Only an end it runs past: an interval's ends are numbers, so a value past every double is inside only an open-ended one.
    if (huge) return sign > 0 ? interval.upperValue === Infinity : interval.lowerValue === -Infinity;
    return sign > 0 ? interval.lowerValue <= 0 && interval.upperValue > 0 : interval.lowerValue < 0 && interval.upperValue >= 0;
  });
}

/** How many decimal orders the values of a term's closed parts (those that read no input: 3, 10^(-300)) span; 0 for none. */
function closedSpan(term: Term): number {
  let low = Infinity;
  let high = -Infinity;
  let read = 0;
  // Each closed part and the closed parts inside it (3 - 10^(-300) is 3, and holds 10^(-300)), a few hundred at most.
  const walk = (t: Term): void => {
    if (read >= MAX_CLOSED_READS) return;
    if (t.k !== 'num' && !someSubterm(t, (x) => x.k === 'input' || x.k === 'ival' || x.k === 'size')) {
      read++;
      try {
        const v = evaluateHighPrecision(t, new Map(), 30);
        if (v.isFinite() && !v.isZero()) { low = Math.min(low, v.e); high = Math.max(high, v.e); }
      } catch (error) {
        if (error instanceof GuardError) throw error;
      }
    } else if (t.k === 'num' && t.value.num !== 0n) {
      const e = exponentOf(t.value.num, t.value.den);
      low = Math.min(low, e);
      high = Math.max(high, e);
    }
    for (const child of children(t)) walk(child);
  };
  walk(term);
  return high > low ? high - low : 0;
}

/** Closed parts of a bound read for their magnitude, at most. */
const MAX_CLOSED_READS = 200;

/** Spans past this are not tried beyond (a point at 10^-2010 would cost 2000 digits a reading). */
const MAX_BEYOND_SPAN = 600;

/**
 * Points with a scalar input at an end of its interval that the interval includes, the end exactly (pi/2 read
 * as pi/2 in 60 digits, not as its double 6e-17 below): a strict bound tied there (sin(x) > 2 x / pi on
 * (0, pi/2]) or an identity off its branch by a sliver (asin(sin(x)) = x on [-pi/2, pi/2 + 1e-9]) shows at
 * the end itself, and random inputs draw only its double (probe 26).
 */
function intervalEndPoints(inputs: readonly Input[], instance: Instance, random: () => number, terms: readonly Term[]): Map<string, PointValue>[] {
  const out: Map<string, PointValue>[] = [];
  // The ends of the inputs the sides read: another input's came first and took the few points read deep (a given
  // big before small: log(1 + exp(small)) = exp(small) on (-1e6, -800), off by 1e-348, was verified; probe 37).
  const read = new Set<string>();
  for (const t of terms) inputNames(t, read);
  // The corners of the box the closed ends make, two inputs or more at an end at once: a + b < 6 on [-3, 3] ties only
  // at (3, 3), and Higham's |(1 + d1)(1 + d2) - 1| < 2u + u^2 at (u, u) (probe 42). Each end alone is read below.
  const closedEnds = inputs.flatMap((input) => {
    const interval = input.interval;
    if (interval === undefined || input.dims.length > 0 || !read.has(input.name)) return [];
    const list = [
      ...(interval.lower !== undefined && interval.lowerClosed ? [{ term: interval.lower, approx: interval.lowerValue }] : []),
      ...(interval.upper !== undefined && interval.upperClosed ? [{ term: interval.upper, approx: interval.upperValue }] : []),
    ];
    return list.length === 0 ? [] : [{ name: input.name, list }];
  });
  const corners: Map<string, PointValue>[] = [];
  if (closedEnds.length >= 2) {
    const total = closedEnds.reduce((n, e) => n * e.list.length, 1);
    for (let c = 0; c < Math.min(total, MAX_CORNERS); c++) {
      const point = randomPoint(inputs, instance, random, -1);
      let code = c;
      for (const e of closedEnds) {
        point.set(e.name, e.list[code % e.list.length]);
        code = Math.floor(code / e.list.length);
      }
      corners.push(point);
    }
  }
  for (const input of inputs) {
    // A unit input's type is the open interval (0, 1): a bias correction's (1 - b) / (1 - b^2) > 0.50000000000000001
    // fails only past b = 1 - 4e-17, where no double lies, and b^(1 / (1 - b)) < 0.36787944117 past 1 - 7.8e-12 (probe 99).
    const interval = input.interval ?? (input.kind === 'unit' ? UNIT_INTERVAL : undefined);
    if (interval === undefined || input.dims.length > 0 || !read.has(input.name)) continue;
    const ends = [
      { term: interval.lower, closed: interval.lowerClosed, approx: interval.lowerValue },
      { term: interval.upper, closed: interval.upperClosed, approx: interval.upperValue },
    ];
    for (const end of ends) {
      if (end.term === undefined || !end.closed) continue;
      const point = randomPoint(inputs, instance, random, -1);
      point.set(input.name, { term: end.term, approx: end.approx });
      out.push(point);
    }
    // Just inside each finite end, exactly: where no double lies. A bound next to a pole fails within 1e-17 of an end
    // left out (tan(x) on (pi/2 - 1e-10, pi/2)), and past 2^53 every double is a whole number with x + 1 == x
    // ((1e17, Infinity): floor(x) = x and log(x + 1) - log(x) = 0.5 / x held at every double drawn, probe 27).
    const width = interval.upperValue - interval.lowerValue;
    for (const [offset, den, only] of [...NEAR_END_OFFSETS.map(([o, d]) => [o, d, undefined] as const), ...endSlivers(ends)]) {
      if (!(offset / Number(den) < width / 4)) continue;
      for (const [end, inward] of [[ends[0], 1], [ends[1], -1]] as const) {
        if (end.term === undefined || (only !== undefined && end.term !== only)) continue;
        const point = randomPoint(inputs, instance, random, -1);
        point.set(input.name, { term: add(end.term, num(inward * offset, den)), approx: end.approx + (inward * offset) / Number(den) });
        out.push(point);
      }
    }
  }
  return [...out, ...corners];
}

/** A unit input's type as an interval, both ends left out. */
const UNIT_INTERVAL: InputInterval = { lower: num(0), upper: num(1), lowerValue: 0, upperValue: 1, lowerClosed: false, upperClosed: false, text: '(0, 1)' };

/**
 * Offsets finer than an end's own finest constant, for that end: (-pi/2, pi/2 + 1e-50) holds x in (pi/2, pi/2 + 1e-50),
 * where asin(sin(x)) = x fails, and 1e-20 and 1e-40 inside the end step over it (probe 67: verified).
 */
function endSlivers(ends: ReadonlyArray<{ readonly term?: Term }>): Array<readonly [number, bigint, Term]> {
  const out: Array<readonly [number, bigint, Term]> = [];
  for (const { term } of ends) {
    if (term === undefined) continue;
    let finest = 0;
    someSubterm(term, (x) => {
      // A literal's own size, and its denominator's: 1 + 1e-300 is one number, over 10^300.
      if (x.k === 'num' && x.value.num !== 0n) finest = Math.min(finest, fractionExponent(x.value.num, x.value.den), fractionExponent(1n, x.value.den));
      return false;
    });
    if (finest <= -FINE_END_EXPONENT) out.push([1, 10n ** BigInt(-finest + FINE_END_EXPONENT), term]);
  }
  return out;
}

/** An end's constant this fine (a decimal exponent) or finer gets a near-end point finer still by as much. */
const FINE_END_EXPONENT = 10;

/** Corners of the closed ends' box read at most (see intervalEndPoints): every corner of four inputs. */
const MAX_CORNERS = 16;

/**
 * How far inside an interval's finite ends its exact near-end points lie: 1/2, 1e-20, 1e-40 and 999/1000, where the
 * interval is four times wider. Past 2^53 floor(u + 1/2) = floor(u) ties at u = end + 1/2 (a whole number, whose
 * floor no digits call) and holds at every double, but fails at end + 999/1000, as floor(u + 1/3) does (probe 32).
 */
const NEAR_END_OFFSETS: readonly (readonly [number, bigint])[] = [[1, 2n], [1, 10n ** 20n], [1, 10n ** 40n], [999, 1000n]];

/**
 * The far points of an input with an interval: the far magnitudes past a finite end toward the
 * other, or, between two finite ends, as far from either as a unit input is from 0 or 1.
 */
function farInInterval(interval: InputInterval): number[] {
  const { lowerValue: lo, upperValue: hi } = interval;
  if (Number.isFinite(lo) && Number.isFinite(hi)) return FAR_MAGNITUDES.filter((m) => m < 1).flatMap((m) => [lo + m * (hi - lo), hi - m * (hi - lo)]);
  if (Number.isFinite(lo)) return FAR_MAGNITUDES.map((m) => lo + m);
  if (Number.isFinite(hi)) return FAR_MAGNITUDES.map((m) => hi - m);
  return FAR_MAGNITUDES.flatMap((m) => [m, -m]);
}

/** The grid a bound's margin is read on along an input with an interval: evenly between finite ends, log-spaced from one. */
function intervalGrid(interval: InputInterval): number[] {
  const { lowerValue: lo, upperValue: hi } = interval;
  const logSpaced = Array.from({ length: MARGIN_GRID }, (_, k) => 10 ** (-3 + (6 * k) / (MARGIN_GRID - 1)));
  if (Number.isFinite(lo) && Number.isFinite(hi)) return Array.from({ length: MARGIN_GRID }, (_, k) => lo + ((k + 0.5) / MARGIN_GRID) * (hi - lo));
  if (Number.isFinite(lo)) return logSpaced.map((d) => lo + d);
  if (Number.isFinite(hi)) return logSpaced.map((d) => hi - d).reverse();
  return [...logSpaced.map((d) => -d).reverse(), 0, ...logSpaced];
}

/** The grid a bound's margin is read on along one scalar input: its interval's, (0, 1) for a unit, 1e-3 to 1e3 for a positive one, and both signs besides. */
function marginGrid(input: Input): number[] {
  return input.interval ? intervalGrid(input.interval) : input.kind === 'unit' ? Array.from({ length: MARGIN_GRID }, (_, k) => (k + 0.5) / MARGIN_GRID)
    : input.kind === 'positive' ? Array.from({ length: MARGIN_GRID }, (_, k) => 10 ** (-3 + (6 * k) / (MARGIN_GRID - 1)))
      : [...Array.from({ length: MARGIN_GRID / 2 }, (_, k) => -(10 ** (3 - (6 * k) / (MARGIN_GRID / 2 - 1)))), 0,
        ...Array.from({ length: MARGIN_GRID / 2 }, (_, k) => 10 ** (-3 + (6 * k) / (MARGIN_GRID / 2 - 1)))];
}

/**
 * Scalar inputs of a bound whose curves of critical points are read numerically, at most: an underdamped envelope
 * sqrt(A^2 + B^2) exp(-g t) against exp(-g t) (A cos(mu t) + B sin(mu t)) ties at mu t = atan(B / A), five inputs (probe 98).
 */
const NUMERIC_CURVE_INPUTS = 5;
/**
 * Assignments of the others read per input past three inputs: each slope reading of a wide bound costs more, and six
 * per input of a Gaussian KL's four inputs ran the search into its 15 s guard before its tie at the simple values.
 */
const WIDE_CURVE_ASSIGNMENTS = 2;
/** Slope readings in all past three inputs: a Gaussian KL bound of four inputs took 18 s of CPU with the three-input budget. */
const WIDE_CURVE_READINGS = 250;

/** Assignments of the other inputs a curve of critical points is read at numerically, and readings of slopes in all, at most. */
const NUMERIC_CURVE_ASSIGNMENTS = 6;
const MAX_CURVE_READINGS = 1200;

/**
 * Points on a bound's curve of critical points where no input could be solved for symbolically (criticalCurvePoints):
 * with the others at their simple values and past them, the margin's slope in one input read on its grid, and where it
 * turns from negative to positive (the margin least there) the root found by bisection; each as found and, near a
 * constant of the books, at that constant. `p v - log(1 + exp(v)) < p log(p) + (1 - p) log(1 - p)` on v > 1 ties at
 * p = 3/4, v = log(3) (probe 53: verified), whose v-slope p - sigmoid(v) no rule solves for v.
 */
function numericCurvePoints(slopes: readonly MarginSlope[]): Map<string, PointValue>[] {
  if (slopes.length < 2 || slopes.length > NUMERIC_CURVE_INPUTS) return [];
  const out: Map<string, PointValue>[] = [];
  let readings = 0;
  const maxReadings = slopes.length > 3 ? WIDE_CURVE_READINGS : MAX_CURVE_READINGS;
  for (const { input, derivative } of slopes) {
    let assignments: Map<string, Rational>[] = [new Map()];
    for (const { input: other } of slopes.filter((o) => o.input !== input)) {
      const values = [...simpleValuesWithin(other).slice(0, CURVE_VALUES), ...moreValuesWithin(other)];
      assignments = assignments.flatMap((a) => values.map((v) => new Map([...a, [other.name, v]]))).slice(0, slopes.length > 3 ? WIDE_CURVE_ASSIGNMENTS : NUMERIC_CURVE_ASSIGNMENTS);
    }
    const grid = marginGrid(input);
    for (const assignment of assignments) {
      if (readings + grid.length > maxReadings) return out;
      const point = new Map<string, PointValue>([...assignment].map(([name, v]) => [name, { num: v.num, den: v.den }]));
      const slopeAt = (x: number): number => {
        readings++;
        point.set(input.name, x);
        try {
          return evaluateHighPrecision(derivative, point, NEWTON_DIGITS).toNumber();
        } catch (error) {
          if (error instanceof GuardError) throw error;
          return Number.NaN;
        }
      };
      const values = grid.map(slopeAt);
      for (let k = 0; k + 1 < grid.length; k++) {
        if (!(values[k] < 0 && values[k + 1] > 0)) continue;
        let lo = grid[k];
        let hi = grid[k + 1];
        for (let step = 0; step < 60 && hi - lo > 1e-15 * Math.max(1, Math.abs(lo)) && readings < maxReadings; step++) {
          const mid = (lo + hi) / 2;
          if (slopeAt(mid) < 0) lo = mid; else hi = mid;
        }
        const root = (lo + hi) / 2;
        const at = new Map<string, PointValue>([...assignment].map(([name, v]) => [name, { num: v.num, den: v.den }]));
        const constant = tightConstantsNear(input, root)[0];
        if (constant !== undefined) out.push(new Map([...at, [input.name, constant]]));
        out.push(new Map([...at, [input.name, root]]));
      }
    }
  }
  return out;
}

/** Points of a scalar input's grid where a bound's margin is read, and golden-section steps refining its least one. */
const MARGIN_GRID = 48;
const MARGIN_REFINEMENTS = 40;
/** The grid's local minima refined, least first (besides the one nearest 0). */
const MARGIN_MINIMA = 2;
/** Readings of margins a bound's confirmation may take over all its inputs: some 0.1 s for a scalar bound a reading. */
const MAX_MARGIN_READINGS = 800;

/**
 * Where a bound's margin E - A is least along each scalar input (the others at a random point): read on a grid
 * in 60 digits, its least point refined by golden section. Where the margin dips below 0 only in a window there
 * (silu(x) >= -0.278 fails near x = -1.28, by 5e-4, within 0.02 of it), the refined point shows it; random
 * inputs seldom land in it. A tie (a margin exactly 0 at an irrational point) is not shown this way: that takes
 * the exact critical points (criticalPoints).
 */
function marginMinima(comparison: Term, inputs: readonly Input[], instance: Instance, random: () => number): Map<string, PointValue>[] {
  const margin = slack(comparison);
  if (margin === undefined) return [];
  const out: Map<string, PointValue>[] = [];
  // Counted, not timed, so a seed gives the same points under any load.
  let readings = 0;
  for (const input of scalarInputsOf(margin, inputs)) {
    if (readings + MARGIN_GRID + MARGIN_REFINEMENTS * (MARGIN_MINIMA + 1) > MAX_MARGIN_READINGS) break;
    const base = randomPoint(inputs, instance, random, -1);
    // The margin at v, counted; undefined where it has no value. In 60 digits first: the refinement below compares
    // margins that differ by less than a double's last digit.
    const marginAt = (v: PointValue, digits: number): Decimal | undefined => {
      readings++;
      base.set(input.name, v);
      try {
        const m = evaluateHighPrecision(margin, base, digits);
        return m.isNaN() ? undefined : m;
      } catch (error) {
        if (error instanceof GuardError) throw error;
        return undefined;
      }
    };
    const atPrecisely = (v: number): Decimal | undefined => marginAt(v, DIGITS);
    const at = (v: number): number => atPrecisely(v)?.toNumber() ?? Infinity;
    const below = (a: Decimal | undefined, b: Decimal | undefined): boolean => a !== undefined && (b === undefined || a.lt(b));
    const grid = marginGrid(input);
    const values = grid.map(at);
    // The grid's local minima, least first, and the one nearest 0 (a periodic margin is least at many points; the
    // books' constant is the one near 0, pi/4 rather than pi/4 + 40 pi).
    const minima = grid.map((_, k) => k).filter((k) => Number.isFinite(values[k]) && (k === 0 || values[k] <= values[k - 1]) && (k === grid.length - 1 || values[k] <= values[k + 1]))
      .sort((i, j) => values[i] - values[j]);
    const nearest = [...minima].sort((i, j) => Math.abs(grid[i]) - Math.abs(grid[j]))[0];
    for (const best of [...new Set([...minima.slice(0, MARGIN_MINIMA), ...(nearest === undefined ? [] : [nearest])])]) {
      // Golden section between the least point's neighbours.
      let lo = grid[Math.max(0, best - 1)];
      let hi = grid[Math.min(grid.length - 1, best + 1)];
      const ratio = (Math.sqrt(5) - 1) / 2;
      let c = hi - ratio * (hi - lo);
      let d = lo + ratio * (hi - lo);
      let fc = atPrecisely(c);
      let fd = atPrecisely(d);
      for (let step = 0; step < MARGIN_REFINEMENTS && hi - lo > 1e-12 * Math.max(1, Math.abs(lo)); step++) {
        if (below(fc, fd)) { hi = d; d = c; fd = fc; c = hi - ratio * (hi - lo); fc = atPrecisely(c); } else { lo = c; c = d; fc = fd; d = lo + ratio * (hi - lo); fd = atPrecisely(d); }
      }
      const least = below(fc, fd) ? c : d;
      // The section leaves the least point within some 1e-10: a bound whose margin is below 0 by 2e-29 there alone
      // (silu(x) > -0.278464542761073795109358739) is off by (1e-10)^2 at it. Two parabolas through 60-digit readings
      // bring it to the double nearest the least point.
      const vertex = parabolaVertex(least, fc !== undefined && fd !== undefined ? Math.abs(d - c) : hi - lo, atPrecisely);
      for (const v of [grid[best], least, ...(vertex === undefined ? [] : [vertex])]) {
        const point = new Map(base);
        point.set(input.name, v);
        out.push(point);
      }
      // The double nearest the least point is off by some 1e-17 of it, which moves the margin by 1e-33: a bound below
      // an irrational minimum by 1e-40 (x^2 - sin(x) >= -0.2324...8719, probe 74) held there. Two more parabola steps
      // in 120 digits with steps of 1e-20 and 1e-30 put the point within some 1e-35 of it, as a rational.
      if (vertex !== undefined && readings + 2 * DEEP_VERTEX_STEPS * 3 <= MAX_MARGIN_READINGS) {
        const deep = deepVertex(vertex, (v) => {
          const m = marginAt(v, DEEP_VERTEX_DIGITS);
          return m?.isFinite() ? m : undefined;
        });
        if (deep !== undefined) {
          const point = new Map(base);
          point.set(input.name, deep);
          out.push(point);
        }
      }
      // A least point that is a constant of the books (pi/4, exp(-1), log(2)): there the margin may be exactly 0, which
      // only its exact value shows (sin(x) + cos(x) < sqrt(2) at x = pi/4, x^x > exp(-1/e) at x = 1/e).
      for (const constant of tightConstantsNear(input, least).slice(0, MAX_TIGHT)) {
        const point = new Map(base);
        point.set(input.name, constant);
        out.push(point);
      }
    }
  }
  return out;
}

/**
 * The least point of a smooth margin near x, by two steps of parabolic interpolation through readings at x - h, x and
 * x + h (h shrinking to the first step's move); undefined where a reading fails or the parabola opens downward.
 */
function parabolaVertex(x: number, width: number, read: (v: number) => Decimal | undefined): number | undefined {
  let centre = x;
  let h = Math.max(width, 1e-12 * Math.max(1, Math.abs(x)));
  for (let step = 0; step < 2; step++) {
    const [left, middle, right] = [read(centre - h), read(centre), read(centre + h)];
    if (left === undefined || middle === undefined || right === undefined) return step === 0 ? undefined : centre;
    // With f(-h), f(0), f(h): the vertex is at h (f(-h) - f(h)) / (2 (f(-h) - 2 f(0) + f(h))).
    const curvature = left.minus(middle.times(2)).plus(right);
    if (!curvature.isPositive() || curvature.isZero()) return step === 0 ? undefined : centre;
    const move = left.minus(right).div(curvature.times(2)).times(h).toNumber();
    if (!Number.isFinite(move) || Math.abs(move) > h) return step === 0 ? undefined : centre;
    const next = centre + move;
    h = Math.max(Math.abs(move) * 4, 64 * Number.EPSILON * Math.max(1, Math.abs(next)));
    if (next === centre) break;
    centre = next;
  }
  return centre;
}

/** The digits and the number of steps of the parabola's refinement past doubles (deepVertex). */
const DEEP_VERTEX_DIGITS = 2 * DIGITS;
const DEEP_VERTEX_STEPS = 2;

/**
 * The least point of a smooth margin near the double x, past doubles: parabola steps through readings at x - h, x,
 * x + h with h = 1e-20 and then 1e-30 of |x| (at least of 1), in rationals; undefined where a reading fails or the
 * parabola opens downward or moves by more than its step.
 */
function deepVertex(x: number, read: (v: PointValue) => Decimal | undefined): PointValue | undefined {
  const D = Decimal.clone({ precision: DEEP_VERTEX_DIGITS });
  let centre = new D(x);
  const scale = D.max(1, centre.abs());
  for (let step = 0; step < DEEP_VERTEX_STEPS; step++) {
    const h = scale.times(new D(10).pow(-20 - 10 * step));
    const at = (v: Decimal) => read(exactly(v));
    const [left, middle, right] = [at(centre.minus(h)), at(centre), at(centre.plus(h))];
    if (left === undefined || middle === undefined || right === undefined) return undefined;
    const curvature = left.minus(middle.times(2)).plus(right);
    if (!curvature.isPositive()) return undefined;
    const move = left.minus(right).div(curvature.times(2)).times(h);
    // A move past the step is no parabola of the least point: the double was not near it.
    if (!move.isFinite() || move.abs().gt(h.times(1e4))) return undefined;
    centre = centre.plus(move);
  }
  return exactly(centre);
}

/** A decimal as the exact fraction it is. */
function exactly(v: Decimal): { readonly num: bigint; readonly den: bigint } {
  const [num, den] = v.toFraction().map((part) => BigInt(part.toFixed(0)));
  return { num, den };
}

/** How near a constant a refined least point must lie to be tried as it, relative; and how many constants at most. */
const TIGHT_MATCH = 1e-6;
const MAX_TIGHT = 4;

/** The constants of the books within TIGHT_MATCH of v that the input may take: its kind allows them and they lie in its interval. */
function tightConstantsNear(input: Input, v: number): readonly { readonly term: Term; readonly approx: number }[] {
  return tightConstants().filter((k) => Math.abs(k.approx - v) <= TIGHT_MATCH * Math.max(1, Math.abs(v))
    && allowsValue(input.kind, k.approx) && insideInterval(input, k.approx));
}

let tightTable: readonly { readonly term: Term; readonly approx: number }[] | undefined;

/** The constants a bound is tight at in the books: p/q, p/q pi, exp(+-p/q), log(p/q), sqrt(p/q), atan(p/q), asin(p/q) and asin(sqrt(p/q)), for p <= 24 and q <= 12. */
function tightConstants(): readonly { readonly term: Term; readonly approx: number }[] {
  if (tightTable !== undefined) return tightTable;
  const out: { term: Term; approx: number }[] = [];
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  for (let q = 1; q <= 12; q++) {
    for (let p = 1; p <= 24; p++) {
      if (gcd(p, q) !== 1) continue;
      const r = num(p, q);
      const value = p / q;
      for (const sign of [1, -1]) {
        const signed = (t: Term) => (sign > 0 ? t : mul(num(-1), t));
        out.push({ term: signed(r), approx: sign * value });
        out.push({ term: signed(mul(r, { k: 'pi' })), approx: sign * value * Math.PI });
        out.push({ term: fn('exp', sign > 0 ? r : num(-p, q)), approx: Math.exp(sign * value) });
        if (p !== q) out.push({ term: signed(fn('log', r)), approx: sign * Math.log(value) });
        if (!Number.isInteger(Math.sqrt(value))) out.push({ term: signed(fn('sqrt', r)), approx: sign * Math.sqrt(value) });
        // The angles of the books' maxima: 3 sin(y) + 4 cos(y) at atan(3/4) (probe 53).
        out.push({ term: signed(fn('atan', r)), approx: sign * Math.atan(value) });
        if (p < q) out.push({ term: signed(fn('asin', r)), approx: sign * Math.asin(value) });
        // sin(y) cos(y)^2 is greatest at asin(sqrt(1/3)), sin(y)^2 cos(y) at asin(sqrt(2/3)).
        if (p < q && !Number.isInteger(Math.sqrt(value))) out.push({ term: signed(fn('asin', fn('sqrt', r))), approx: sign * Math.asin(Math.sqrt(value)) });
      }
    }
  }
  tightTable = out;
  return out;
}

/** Random points tried for a witness of the line above's domain, at most. */
const DOMAIN_WITNESS_ATTEMPTS = 8;

/**
 * Whether at one of a few points (the simple values, then random ones) every condition clearly holds. An
 * opaque condition ("x^x has a value") is read through the line above itself: where the others clearly hold
 * and its 60-digit value is finite, it has one (the 5th derivative of x^x against itself had no witness).
 */
function witnessesDomain(conditions: readonly Condition[], atoms: AtomTable, inputs: readonly Input[], instance: Instance, seed: number, above: Term): boolean {
  const opaque = conditions.some((c) => c.kind === 'opaque');
  // A condition doubles cannot tell (|erf(-11)| < 1: erf(-11) is -1 in doubles) is read through the line above's
  // 60 digits, for a small line above: a finite value there is a point where every condition holds.
  const small = expandedSizeUpTo(above, WITNESS_NODES) < WITNESS_NODES;
  return somePoint(inputs, instance, seed, (point) => {
    const inDoubles = conditions.every((c) => c.kind === 'opaque' || clearlyHolds(c, atoms, point));
    if (!inDoubles && !small) return false;
    return (inDoubles && !opaque) || withGuard(SEARCH_GUARD_MS, () => hasValueAt(above, point), false);
  });
}

/** A line above up to this many nodes is read in 60 digits where doubles cannot tell its conditions. */
const WITNESS_NODES = 400;

/** Whether `holds` at one of a few points: the simple values, then random ones. */
function somePoint(inputs: readonly Input[], instance: Instance, seed: number, holds: (point: ReadonlyMap<string, PointValue>) => boolean): boolean {
  const random = seededRandom(seed ^ 0x27d4eb2f);
  for (let attempt = 0; attempt < DOMAIN_WITNESS_ATTEMPTS; attempt++) {
    if (holds(randomPoint(inputs, instance, random, attempt))) return true;
  }
  return false;
}

/** Whether the term's 60-digit value at the point is finite (a tie or a limit of the digits is no answer). */
function hasValueAt(term: Term, point: ReadonlyMap<string, PointValue>): boolean {
  try {
    return evaluateHighPrecision(term, point).isFinite();
  } catch {
    return false;
  }
}

/**
 * The last-resort guard of one search for a point in high precision, in ms of CPU time (see withGuard). 15 s cut the
 * ELBO bound's tie search (24 s of CPU on the machine of 2026-12-07, 8 s on the one before it) and a fine constant's
 * series search (19 s), so both true refutations became verified and errors: a guard that a slower machine reaches
 * changes verdicts. No search of the suite takes a second.
 */
export const SEARCH_GUARD_MS = 45_000;

/** Inputs a scalar step is read at in high precision where the numbers could settle none (see agreesInHighPrecision). */
const AGREEMENT_POINTS = 4;
const AGREEMENT_ATTEMPTS = 10;
/** The digits each of those readings may go up to. */
const AGREEMENT_DIGITS = [60, 120, 240, 480, 920, 960];
/** Digits lost by the sides past which an agreement is read at the most digits (agreementAt). */
const MANY_LOST_DIGITS = 30;
/** The raise that reads a first call of a comparison again. */
const AGREEMENT_RAISE = 40;

/**
 * Where neither doubles nor 60 digits could settle any input of a scalar step (a margin of x^2 / 2 at x = 1e-150, terms
 * of 1e40 cancelling), the sides read at a few inputs at up to 960 digits, each to digits that see the largest term
 * added up: agreement to all but ten of them, past the cancelled ones, at {@link AGREEMENT_POINTS} inputs, and a difference at none, is evidence
 * as random inputs in doubles are. Sides apart there by more than the digits' rounding, by the same at two
 * readings, are a witness of the step wrong; undefined where neither is had.
 */
export function agreesInHighPrecision(step: Pick<SymbolicStep, 'lhs' | 'rhs' | 'inputs' | 'freeIndices' | 'comparison'>, seed: number, minDigits = 0): Agreement | undefined {
  // One guard for the whole search, not one per point: ten points that each ran to the guard took minutes
  // (cos(pi 1e300) beside atan(p) + atan(1 / p), whose reductions decimal.js cannot make).
  return withGuard(SEARCH_GUARD_MS, () => agreementSearch(step, seed, minDigits), undefined);
}

type Agreement = { readonly kind: 'agree'; readonly points: number; readonly digits: number } | { readonly kind: 'differs'; readonly confirmation: Confirmation };

function agreementSearch(step: Pick<SymbolicStep, 'lhs' | 'rhs' | 'inputs' | 'freeIndices' | 'comparison'>, seed: number, minDigits: number): Agreement | undefined {
  if (step.freeIndices.length > 0 || !step.inputs.every((i) => i.dims.length === 0 && i.kind !== 'label' && i.kind !== 'onehot')) return undefined;
  // A reading that must see a constant finer than 60 digits (see fine-constants.ts) starts where it can.
  const start = AGREEMENT_DIGITS.find((d) => d >= minDigits);
  if (start === undefined) return undefined;
  const instance: Instance = { sizes: new Map(), indices: new Map(), labels: new Map(), hot: new Map() };
  const random = seededRandom(seed ^ 0x6a09e667);
  let agreeing = 0;
  let most = 0;
  // Just inside a finite end first: a tail that shrinks away from it is largest there (softplus(r) - r = exp(-r) on
  // (1000, Infinity) is off by 1e-869 at the end, by less than any digits at random points past it: probe 30).
  const ends = intervalEndPoints(step.inputs, instance, random, [step.lhs, step.rhs]).slice(0, DEEP_ENDS);
  for (let attempt = 0; attempt < AGREEMENT_ATTEMPTS + ends.length && agreeing < AGREEMENT_POINTS; attempt++) {
    const point = attempt < ends.length ? ends[attempt] : randomPoint(step.inputs, instance, random, attempt - ends.length);
    const reading = agreementAt(step.lhs, step.rhs, point, start);
    if (reading === undefined) continue;
    if (typeof reading === 'object') {
      // Apart where the digits see the sides, the same at two readings, every comparison's margin settled: a witness.
      return {
        kind: 'differs',
        confirmation: {
          point: byInput(point, step.inputs, instance), lhs: show(reading.lhs), rhs: show(reading.rhs),
          difference: reading.lhs.minus(reading.rhs).toSignificantDigits(6).toString(), digits: reading.digits,
          // A bound's two expressions as read there, for the report (as a confirmation's).
          ...(step.comparison === true ? { compared: comparedAt(step.rhs, point, reading.digits) } : {}),
        },
      };
    }
    agreeing++;
    most = Math.max(most, reading);
  }
  return agreeing >= AGREEMENT_POINTS ? { kind: 'agree', points: agreeing, digits: most } : undefined;
}

/** The digits at which the sides agree at a point; 'differs' where they are apart; undefined where nothing is known. */
function agreementAt(lhs: Term, rhs: Term, point: ReadonlyMap<string, PointValue>, start: number): number | { lhs: Decimal; rhs: Decimal; digits: number } | undefined {
  let before: Magnitudes | undefined;
  let apartBefore: Decimal | undefined;
  let digits = start;
  const top = AGREEMENT_DIGITS[AGREEMENT_DIGITS.length - 1];
  const next = (d: number) => AGREEMENT_DIGITS.find((x) => x > d);
  // The digits of an agreement read again higher up because the sides lost many (below): it stands where a reading
  // higher up has no value at all.
  let agreedBelow: number | undefined;
  while (digits <= top + 2 * AGREEMENT_RAISE) {
    let newlyApart = false;
    const magnitudes: Magnitudes = { largest: -Infinity, lost: 0, margins: new Map() };
    let l: Decimal;
    let r: Decimal;
    try {
      l = evaluateHighPrecision(lhs, point, digits, magnitudes);
      r = evaluateHighPrecision(rhs, point, digits, magnitudes);
    } catch (error) {
      if (error instanceof GuardError) throw error;
      if (!(error instanceof TieError)) return agreedBelow;
      before = undefined;
      const raised = next(digits);
      if (raised === undefined) return undefined;
      digits = raised;
      continue;
    }
    // A comparison's call is taken where its margin stayed put from a reading just before (see marginsSettled):
    // a first call is read again 40 digits up, where decimal.js may not go to twice the digits.
    // A part dropped whole reads the same at every doubling below the digits that keep it (see absorbed-parts.ts):
    // 1 - (1 + r)^-3 is 0 at r = 1e-301 short of 301 digits, and a true bound on it over r was refuted (probe 56).
    const revealing = l.isFinite() && r.isFinite() ? digitsToSeeAbsorbed(magnitudes, l, r) : 0;
    if (revealing > digits) {
      if (revealing > top + 2 * AGREEMENT_RAISE) return undefined;
      before = undefined;
      apartBefore = undefined;
      digits = revealing;
      continue;
    }
    const settled = magnitudes.margins!.size === 0 || (before !== undefined && marginsSettled(magnitudes, before));
    const first = before === undefined;
    before = magnitudes;
    // No value of either side here may be a cancellation to 0 below the digits (log(y + sqrt(y^2 + 1)) at 60 digits
    // and y = -1e40): read with more, and past the most, no evidence either way.
    const valued = l.isFinite() && r.isFinite();
    const scale = valued ? Decimal.max(l.abs(), r.abs()) : new Decimal(0);
    // The digits must see the sides next to the largest term added up (sqrt(x^2 + 1) - x at x = 1e40 cancels 80 digits).
    const order = scale.isZero() ? 0 : scale.e;
    const cancelled = Math.max(magnitudes.largest - order, magnitudes.lost, 0);
    if (valued && settled && cancelled <= digits / 2) {
      // To all but the last ten digits: a difference of 1e-40 at 60 digits is not agreement, whatever the numbers saw.
      const apart = l.minus(r).abs();
      // Where the sides lost digits (a log near 1, a sum that cancelled), agreement to the digits left is read at the
      // most digits: asinh(x) against log(x + sqrt(x^2 + 1)) + x^4 at x = 1e-200, whose log loses 200 of them, agreed at
      // 480 to the 270 left and differs at 960 (probe 75).
      const agreed = apart.isZero() || apart.lte(scale.times(`1e-${digits - 10 - cancelled}`));
      if (agreed && (cancelled < MANY_LOST_DIGITS || next(digits) === undefined)) return digits;
      if (agreed) { agreedBelow = digits; digits = next(digits)!; before = undefined; apartBefore = undefined; continue; }
      // Apart by more than the digits' rounding, and by the same at the reading before: a difference.
      const difference = l.minus(r);
      if (apartBefore !== undefined && difference.minus(apartBefore).abs().lte(difference.abs().times('1e-10'))) return { lhs: l, rhs: r, digits };
      newlyApart = apartBefore === undefined;
      apartBefore = difference;
    } else {
      apartBefore = undefined;
    }
    // A call first made at the top digits is read again past them: tanh(1e-300) < 1e-300, a margin of a relative
    // 3e-601, ties to 920 digits and is called at 960 (probe 44: the true step was an error).
    const reread = valued && !settled && first;
    // So is a difference first seen at the top (sin(1e-300) >= 1e-300, false by a relative 1.7e-601; softplus(-d) <
    // exp(-d) - exp(-2d)/2 at d = 700, by 1e-608): a difference needs two readings that agree, and the second is past them.
    const raised = reread ? digits + AGREEMENT_RAISE : next(digits) ?? (newlyApart ? digits + AGREEMENT_RAISE : undefined);
    if (raised === undefined || raised > (reread ? top + AGREEMENT_RAISE : newlyApart ? top + 2 * AGREEMENT_RAISE : top)) return undefined;
    digits = raised;
  }
  return undefined;
}

/**
 * A `different` outcome whose 60-digit confirmation is computed when first read
 * (and then kept): where random inputs already refute the step, it is never
 * needed, and it is the costly part (two seconds on a 3×3 softmax). The point
 * depends only on the step and the seed, so reading it later changes nothing.
 */
/** Instances read past the first whose forms differ, for one that differs by a constant (see decideStep). */
const FURTHER_INSTANCES = 8;
/** Differing instances whose confirmation is searched, in order, before the step is left to the numbers. */
const CONFIRMED_INSTANCES = 2;

/**
 * The first of some differing instances whose difference an input shows, else the first: its instance, explanation
 * and point, read together (the report's counterexample names the instance the point is at).
 */
function firstShown(outcomes: readonly SymbolicOutcome[]): SymbolicOutcome {
  if (outcomes.length === 1) return outcomes[0];
  let chosen: Extract<SymbolicOutcome, { kind: 'different' }> | undefined;
  const choose = (): Extract<SymbolicOutcome, { kind: 'different' }> => {
    if (chosen === undefined) {
      const all = outcomes as readonly Extract<SymbolicOutcome, { kind: 'different' }>[];
      chosen = all.find((o) => o.confirmed !== undefined) ?? all.find((o) => o.neverZero !== undefined) ?? all[0];
    }
    return chosen;
  };
  return {
    kind: 'different',
    // Read before the confirmation (a refutation by the numbers explains itself), the first's; after it, the chosen's.
    get instance() { return (chosen ?? outcomes[0] as Extract<SymbolicOutcome, { kind: 'different' }>).instance; },
    get explanation() { return (chosen ?? outcomes[0] as Extract<SymbolicOutcome, { kind: 'different' }>).explanation; },
    get neverZero() { return choose().neverZero; },
    get confirmed() { return choose().confirmed; },
    get confirmationCut() { return (outcomes as readonly Extract<SymbolicOutcome, { kind: 'different' }>[]).some((o) => o.confirmationCut === true) && choose().confirmed === undefined; },
    get unseenPart() { return choose().confirmed === undefined ? choose().unseenPart : undefined; },
  };
}

function different(instance: InstanceRecord, explanation: string, confirmation: (notes: ReadingNotes) => Confirmation | undefined, neverZero: () => string | undefined = () => undefined,
  atJoin = false): SymbolicOutcome {
  let read = false;
  let cut = false;
  let point: Confirmation | undefined;
  let unseen: number | undefined;
  return {
    kind: 'different', instance, explanation, ...(atJoin ? { atJoin } : {}),
    get neverZero() { return neverZero(); },
    get confirmed() {
      if (!read) {
        const notes: ReadingNotes = { unseenPart: 0, tiedAtTop: false };
        point = withGuard(SEARCH_GUARD_MS, () => confirmation(notes), undefined, () => { cut = true; });
        unseen = notes.unseenPart > 0 ? notes.unseenPart : undefined;
        read = true;
      }
      return point;
    },
    get confirmationCut() { return cut; },
    get unseenPart() { return this.confirmed === undefined ? unseen : undefined; },
  };
}

/** Entries of a unit array that get a fact each, at most: past them, none (the exact engine then cannot use 1 - q > 0). */
const MAX_FACT_ENTRIES = 4096;

/** Every entry's indices of an input at an instance's sizes ([[]] for a scalar); none past {@link MAX_FACT_ENTRIES} or at an unknown size. */
function entriesAt(input: Input, instance: Instance): number[][] {
  const sizes: number[] = [];
  for (const d of input.dims) {
    const n = d.k === 'fixed' ? d.size : instance.sizes.get(d.name);
    if (n === undefined) return [];
    sizes.push(n);
  }
  if (sizes.reduce((a, n) => a * n, 1) > MAX_FACT_ENTRIES) return [];
  let out: number[][] = [[]];
  for (const n of sizes) out = out.flatMap((prefix) => Array.from({ length: n }, (_, i) => [...prefix, i + 1]));
  return out;
}

/** Facts of the types at an instance: 1 - r > 0 for a `unit` input r, det(A) > 0 for each `invertible` or `spd` input A (written out as the model writes det). */
function typeFacts(inputs: readonly Input[], instance: Instance, canonical: Canonicalizer): Conditions[] {
  const facts: Conditions[] = [];
  for (const input of inputs) {
    // A unit input is below 1: 1 - r > 0 (a geometric series' 1 / (1 - r)), for each entry of a unit array (Bernoulli parameters).
    if (input.kind === 'unit') {
      for (const indices of entriesAt(input, instance)) {
        const ref = { name: input.name, indices: indices.map((value): Index => ({ k: 'lit', value })) };
        facts.push(canonical.knownPositive(sub(num(1), { k: 'input', ref }), `1 - ${printRef(ref)}`));
      }
    }
    // An input in an interval with an end left out lies strictly past it: x - a > 0, b - x > 0 (an end included gives no strict fact).
    if (input.interval && input.dims.length === 0) {
      const x: Term = { k: 'input', ref: { name: input.name, indices: [] } };
      const { lower, upper, lowerClosed, upperClosed } = input.interval;
      if (lower && !lowerClosed) facts.push(canonical.knownPositive(sub(x, lower), `${input.name} - (${printTerm(lower)})`));
      if (upper && !upperClosed) facts.push(canonical.knownPositive(sub(upper, x), `${printTerm(upper)} - ${input.name}`));
    }
    if (input.kind !== 'invertible' && input.kind !== 'spd') continue;
    const d = input.dims[0];
    const n = d.k === 'fixed' ? d.size : instance.sizes.get(d.name);
    if (n === undefined || n > MAX_DETERMINANT_SIZE) continue;
    // Written out as the model writes det (an spd matrix's entries are the symmetric part of the values held).
    facts.push(canonical.knownPositive(inputDeterminant(input, n), `det(${input.name})`));
  }
  return facts;
}

/**
 * Every instance up to symmetry: sizes, then free index values, then the cases of
 * labels and one-hot inputs, leaving out those that are a permutation of another
 * over a dimension the step treats alike (instance-symmetry.ts says when that is
 * sound); with a literal index or an ordering of indices, nothing is left out.
 */
export function* enumerateInstances(step: SymbolicStep, sizes: readonly ReadonlyMap<string, number>[]): Generator<Instance> {
  const discrete = discreteInputs(step);
  const symmetric = symmetricDimensions(step) ?? new Set<string>();
  for (const size of sizes) {
    const sizeOf = (d: Input['dims'][number]) => (d.k === 'fixed' ? d.size : size.get(d.name)!);
    const coords = coordinates(step.freeIndices, discrete, sizeOf);
    for (const values of representatives(coords, symmetric)) {
      const indices = new Map<string, number>();
      const labels = new Map<string, number>();
      const hot = new Map<string, number>();
      coords.forEach((c, i) => (c.kind === 'index' ? indices : c.kind === 'label' ? labels : hot).set(c.name, values[i]));
      yield { sizes: size, indices, labels, hot };
    }
  }
}

/** The one-hot and label inputs a step mentions: only those are split into cases. */
function discreteInputs(step: SymbolicStep): Input[] {
  const used = new Set<string>();
  const seeIndex = (i: Index): void => {
    if (i.k === 'label') { used.add(i.name); i.indices.forEach(seeIndex); }
  };
  const walk = (t: Term): Term => {
    if (t.k === 'input') { used.add(t.ref.name); t.ref.indices.forEach(seeIndex); }
    else if (t.k === 'icmp') { seeIndex(t.a); seeIndex(t.b); }
    else if (t.k === 'ival') seeIndex(t.index);
    else if (t.k === 'diff') { used.add(t.v.name); t.v.indices.forEach(seeIndex); walk(t.f); }
    else mapChildren(t, walk);
    return t;
  };
  walk(step.lhs);
  walk(step.rhs);
  return step.inputs.filter((i) => (i.kind === 'onehot' || i.kind === 'label') && used.has(i.name));
}

/**
 * How many instances {@link enumerateInstances} yields, counted up to `limit`: a
 * label per row multiplies the cases by C^N, so this is checked first and a step
 * over the budget is left to the numeric check. Above `limit`, some number above it.
 */
/**
 * The smallest sizes first, as many as fit `maxInstances` in all: the exact engine
 * re-checks a step the index calculus proved at these only. It is a second
 * opinion, and a bug in either engine shows at small sizes as well as at large.
 */
export function sizesWithin(step: SymbolicStep, sizes: readonly ReadonlyMap<string, number>[], maxInstances: number): ReadonlyMap<string, number>[] {
  const kept: ReadonlyMap<string, number>[] = [];
  for (const size of sizes) {
    if (countInstances(step, [...kept, size], maxInstances) > maxInstances || !writableAt(step, size)) break;
    kept.push(size);
  }
  return kept;
}

/**
 * Nodes the two sides may have written out at a size for the exact engine to expand them there (see writtenOutSizeUpTo):
 * four times the largest step of derivations/ (49,000, a batch softmax at N = D = C = 13). A 4×4 inverse put into a
 * gradient (PRML 3.53) is 250,000 at N = 1, and delta elimination made it 60 million, in minutes.
 */
export const MAX_WRITTEN_OUT_NODES = 200_000;
/** ... and after delta elimination, which distributes products over sums. */
const MAX_SIMPLIFIED_NODES = 4_000_000;

/**
 * The sizes, smallest first, up to the first where the sides are too large to write out; all of them for the same
 * term on both sides, which {@link decideStep} decides without writing it out, however large.
 */
export function writableSizes(step: SymbolicStep, sizes: readonly ReadonlyMap<string, number>[]): readonly ReadonlyMap<string, number>[] {
  if (termKey(step.lhs) === termKey(step.rhs)) return sizes;
  const kept = sizes.findIndex((size) => !writableAt(step, size));
  return kept < 0 ? sizes : sizes.slice(0, kept);
}

/** Whether the sides written out at a size stay within {@link MAX_WRITTEN_OUT_NODES}. */
function writableAt(step: Pick<SymbolicStep, 'lhs' | 'rhs'>, size: ReadonlyMap<string, number>, cap = MAX_WRITTEN_OUT_NODES): boolean {
  const sizeOf = (d: Input['dims'][number]) => (d.k === 'fixed' ? d.size : size.get(d.name) ?? 1);
  return writtenOutSizeUpTo(step.lhs, sizeOf, cap) + writtenOutSizeUpTo(step.rhs, sizeOf, cap) < cap;
}

export function countInstances(step: SymbolicStep, sizes: readonly ReadonlyMap<string, number>[], limit = Number.MAX_SAFE_INTEGER): number {
  const discrete = discreteInputs(step);
  const symmetric = symmetricDimensions(step) ?? new Set<string>();
  let total = 0;
  for (const size of sizes) {
    const sizeOf = (d: Input['dims'][number]) => (d.k === 'fixed' ? d.size : size.get(d.name)!);
    const coords = coordinates(step.freeIndices, discrete, sizeOf);
    // Nothing to leave out: the product, without enumerating (it may be C^N, far too many to walk).
    if (symmetric.size === 0) total += coords.reduce((n, c) => n * c.n, 1);
    else for (const _ of representatives(coords, symmetric)) if (++total > limit) return total;
    if (total > limit) return total;
  }
  return total;
}

/** Whether a differing instance read before is at an instance's sizes. */
function sameSizes(record: InstanceRecord, instance: Instance): boolean {
  return [...instance.sizes].every(([name, n]) => record.sizes[name] === n);
}

function toRecord(instance: Instance): InstanceRecord {
  return {
    sizes: Object.fromEntries(instance.sizes),
    indices: Object.fromEntries(instance.indices),
    cases: { ...Object.fromEntries(instance.labels), ...Object.fromEntries(instance.hot) },
  };
}

/**
 * Inputs where a comparison in the difference switches: for a tie atom [P == 0] or a
 * step atom [P > 0] whose P is affine in one input entry, the entry where P vanishes
 * (t = 1/3 for t > 1/3), exact, and for a step atom points on either side of it
 * (t = 6 for relu(t - 5)), within the input's type. Random points almost never land
 * on a tie, nor outside [-4, 4]; a difference made of such atoms may live only there.
 */
function tiePoints(atoms: AtomTable, numerator: Polynomial, inputs: ReadonlyMap<string, Input>): Array<Map<string, PointValue>> {
  const out: Array<Map<string, PointValue>> = [];
  const candidates = [...atoms.ties].map(([id, { poly }]) => ({ id, poly, sides: false }))
    .concat([...atoms.steps].map(([id, poly]) => ({ id, poly, sides: true })));
  const lines: LineRoots = new Map();
  for (const { id, poly, sides } of candidates) {
    if (!numerator.variables().has(id)) continue;
    out.push(...pointsAround(atoms, poly, inputs, sides, lines));
  }
  // On a jump (atan2(y, x) at y = 0), on the side of Q where it jumps: Q's root and points either side of it. Its root
  // is a switch on its line too (floor(x + 0.3333333333) beside floor(x + 1/3) differ between the two: probe 68).
  const onJumps: Array<Map<string, PointValue>> = [];
  for (const [id, { across, where, whole }] of atoms.jumps) {
    if (!numerator.variables().has(id)) continue;
    const sides = pointsAround(atoms, where, inputs, true);
    // frac(P) jumps wherever P is whole: at the whole numbers nearest 0 (floor(3 x) at x = -1/3).
    for (const k of whole === true ? WHOLE_JUMPS : [0]) {
      for (const on of pointsAround(atoms, across.sub(Polynomial.constant(Rational.of(k))), inputs, false, lines)) {
        onJumps.push(on, ...sides.filter((side) => ![...side.keys()].some((key) => on.has(key))).map((side) => new Map([...on, ...side])));
      }
    }
  }
  // Between two switches on one line every comparison keeps its value: a cell's midpoint stands for the
  // cell, inside it rather than on its edge (a kink, where a derivative's value is a convention).
  return [...midpoints(lines), ...out, ...onJumps];
}

/** The whole values of a fractional part's argument whose jumps are tried. */
const WHOLE_JUMPS = [0, 1, -1, 2, -2];

/**
 * The ties of a step's comparisons at irrational points, exactly: x^2 + y^2 = 3 at
 * x = 0, y = sqrt(3); exp(x) + exp(y) = 3 at x = 0, y = log(2) (condition-roots.ts).
 * After {@link constantTies}, which names such a point by the constant as written.
 */
function irrationalTiePoints(atoms: AtomTable, numerator: Polynomial, inputs: ReadonlyMap<string, Input>): Array<Map<string, PointValue>> {
  // A strict comparison's switch too ([P > 0] alone: (x^2 - 3 x + 1)^2 > 0 is 0 at (3 +- sqrt(5)) / 2, probe 32).
  const compared = [...[...atoms.ties].map(([id, { poly }]) => [id, poly] as const), ...atoms.steps];
  return compared.filter(([id]) => numerator.variables().has(id)).flatMap(([, poly]) => pointsThroughFunctions(poly, atoms, inputs));
}

/**
 * Where a comparison of a scalar input with an irrational constant switches: x = sqrt(2)
 * for (x > sqrt(2)), and ±sqrt(2) for abs(x), each as its exact constant term within the
 * input's type. The difference of a strict and a non-strict comparison lives only there,
 * a point no rational input reaches (tiePoints finds the rational ones).
 */
function constantTies(terms: readonly Term[], inputs: ReadonlyMap<string, Input>): Array<Map<string, PointValue>> {
  const out: Array<Map<string, PointValue>> = [];
  const seen = new Set<string>();
  const scalarInput = (t: Term): string | undefined => {
    if (t.k !== 'input' || t.ref.indices.length > 0) return undefined;
    const kind = inputs.get(t.ref.name)?.kind;
    return kind === 'real' || kind === 'positive' || kind === 'unit' ? t.ref.name : undefined;
  };
  const isConstant = (t: Term): boolean => !someSubterm(t, (x) => x.k === 'input' || x.k === 'size' || x.k === 'ival' || x.k === 'sum' || x.k === 'apply');
  const consider = (variable: Term, constant: Term, signs: readonly number[], solvedFor = false) => {
    if ((constant.k === 'num' && !solvedFor) || !isConstant(constant)) return;
    const name = scalarInput(variable.k === 'fn' && variable.name === 'abs' ? variable.args[0] : variable);
    if (name === undefined) return;
    let approx: number;
    try {
      approx = evaluateHighPrecision(constant, new Map()).toNumber();
    } catch {
      return;
    }
    const kind = inputs.get(name)!.kind;
    for (const sign of signs) {
      const value = sign * approx;
      const term = sign > 0 ? constant : mul(num(-1), constant);
      // A tie whose double is an end of the kind may lie inside it: -log2(1 - p) = 160 at p = 1 - 2^-160 (probe 90).
      if (!Number.isFinite(value) || !(allowsValue(kind, value) || insideKindExactly(kind, term))) continue;
      const key = `${name}=${printTerm(term)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(new Map([[name, { term, approx: value }]]));
    }
  };
  // Through a function of the input (sqrt(p) against sqrt(2), log(p) against 1, exp(x) against 2, cos(x) against 0): the
  // input's value where they tie, as an exact term (p = sqrt(2)^2, p = exp(1), x = log(2), x = pi/2).
  const solved = (variable: Term, constant: Term) => {
    if (!isConstant(constant) || scalarInput(variable) !== undefined) return;
    for (const { input, value } of solveForInput(variable, constant, isConstant)) consider(input, value, [1], true);
  };
  // A strict comparison holds on one side of its tie only, and a window ((x - 7/10)^2 < 1e-18, 2e-9 wide) between
  // two: beside each tie, just past it either way, and between two ties of one input (sixteenth probe).
  const beside = (): void => {
    const ties = out.map((point) => [...point][0]).filter(([, v]) => typeof v === 'object' && 'term' in v) as Array<[string, { term: Term; approx: number }]>;
    for (const [name, { term, approx }] of ties) {
      const kind = inputs.get(name)!.kind;
      // Beside a tie next to an end, nudged by its distance from the end: -log(1 - b) < 100 ties at b = 1 - e^-100 and
      // fails past it, 4e-44 from 1, where a nudge by b's own size lands far off (probe 90: verified).
      const ends = nearEnds(inputs.get(name)!, approx);
      for (const end of ends) {
        for (const sign of [1, -1]) {
          const nudged = add(end.term, mul(sub(term, end.term), num(10n ** 12n + BigInt(sign), 10n ** 12n)));
          if (insideKindExactly(kind, nudged)) out.push(new Map([[name, { term: nudged, approx: end.value + (approx - end.value) * (1 + sign * 1e-12) }]]));
        }
      }
      if (ends.length > 0) continue;
      for (const sign of [1, -1]) {
        const nudged = mul(term, num(10n ** 12n + BigInt(sign), 10n ** 12n));
        const value = approx * (1 + sign * 1e-12);
        if (value === 0 || !allowsValue(kind, value)) continue;
        out.push(new Map([[name, { term: nudged, approx: value }]]));
      }
    }
    for (const name of new Set(ties.map(([n]) => n))) {
      const sorted = ties.filter(([n]) => n === name).sort((a, b) => a[1].approx - b[1].approx);
      for (let i = 0; i + 1 < sorted.length; i++) {
        out.push(new Map([[name, { term: mul(num(1, 2), add(sorted[i][1].term, sorted[i + 1][1].term)), approx: (sorted[i][1].approx + sorted[i + 1][1].approx) / 2 }]]));
      }
    }
  };
  // Without an interval's guard, 0 * (log(b) + log(1 - b)): it reads the input beside the side solved for (probe 90).
  for (const t of terms.map(withoutZeroProducts)) {
    someSubterm(t, (x) => {
      if (x.k === 'cmp') {
        const through = (v: Term) => (v.k === 'fn' && v.name === 'abs' ? [1, -1] : [1]);
        consider(x.a, x.b, through(x.a));
        consider(x.b, x.a, through(x.b));
        solved(x.a, x.b);
        solved(x.b, x.a);
      }
      // sign(u) and the kinks of abs and relu switch where u is 0.
      if (x.k === 'fn' && (x.name === 'sign' || x.name === 'abs' || x.name === 'relu')) solved(x.args[0], num(0));
      return false;
    });
  }
  const exact = out.length;
  beside();
  // The ties themselves first, then the points beside them, each kind up to its share.
  return [...out.slice(0, Math.min(exact, MAX_CONSTANT_TIES)), ...out.slice(exact, exact + MAX_CONSTANT_TIES)];
}

/** The finite ends of an input's range within a relative 1e-6 of x: its interval's, and 0 and 1 of its kind. */
function nearEnds(input: Input, x: number): Array<{ term: Term; value: number }> {
  const ends: Array<{ term: Term; value: number }> = [];
  if (input.kind === 'positive' || input.kind === 'unit') ends.push({ term: num(0), value: 0 });
  if (input.kind === 'unit') ends.push({ term: num(1), value: 1 });
  if (input.interval?.lower !== undefined && Number.isFinite(input.interval.lowerValue)) ends.push({ term: input.interval.lower, value: input.interval.lowerValue });
  if (input.interval?.upper !== undefined && Number.isFinite(input.interval.upperValue)) ends.push({ term: input.interval.upper, value: input.interval.upperValue });
  return ends.filter((end) => Math.abs(x - end.value) <= 1e-6 * Math.max(1, Math.abs(end.value)));
}

/** Whether a constant lies inside its input kind's range exactly (read in END_DIGITS): 1 - 2^-160 is a unit's, though its double is 1. */
function insideKindExactly(kind: string, t: Term): boolean {
  if (kind === 'real') return true;
  try {
    const v = evaluateHighPrecision(t, new Map(), END_DIGITS);
    return v.isFinite() && v.gt(0) && (kind !== 'unit' || v.lt(1));
  } catch (error) {
    if (error instanceof GuardError) throw error;
    return false;
  }
}

/**
 * The values of the one scalar input in `variable` where it equals `target` (a constant term), as exact
 * terms, through sums and products with constants, powers, sqrt, log, exp, sin and cos: each inverted
 * on its principal branch (and both signs of an even power's root). None where the input is not alone.
 */
function solveForInput(variable: Term, target: Term, isConstant: (t: Term) => boolean): Array<{ input: Term; value: Term }> {
  // (p x + q) / (r x + s) = K at x = (K s - q) / (p - K r): atanh(b) = 100 is log((1 + b) / (1 - b)) / 2 = 100, and
  // fails only 2e-87 from 1, past b = tanh(100) (probe 90: verified).
  const ratioOfAffine = (factors: readonly Term[], k: Term): Array<{ input: Term; value: Term }> => {
    const inverse = factors.find((f) => f.k === 'pow' && constantFraction(f.exponent)?.num === -1n && constantFraction(f.exponent)?.den === 1n);
    const above = factors.find((f) => f !== inverse);
    const names = inputNames(mul(...factors));
    if (inverse?.k !== 'pow' || above === undefined || names.size !== 1) return [];
    const input: Term = { k: 'input', ref: { name: [...names][0], indices: [] } };
    const [numerator, denominator] = [coefficientsIn(above, input.ref.name), coefficientsIn(inverse.base, input.ref.name)];
    if (numerator?.length !== 2 || denominator?.length !== 2 || ![...numerator, ...denominator].every(isConstant)) return [];
    const [[q, p], [s, r]] = [numerator, denominator];
    return [{ input, value: mul(sub(mul(k, s), q), pow(sub(p, mul(k, r)), num(-1))) }];
  };
  const go = (t: Term, c: Term, depth: number): Array<{ input: Term; value: Term }> => {
    if (depth > MAX_INVERSION_DEPTH) return [];
    if (t.k === 'input') return t.ref.indices.length === 0 ? [{ input: t, value: c }] : [];
    if (t.k === 'add' || t.k === 'mul') {
      const parts = t.k === 'add' ? t.terms : t.factors;
      const varying = parts.filter((p) => !isConstant(p));
      const rest = parts.filter((p) => isConstant(p));
      if (t.k === 'mul' && varying.length === 2) return ratioOfAffine(varying, rest.length === 0 ? c : mul(c, pow(mul(...rest), num(-1))));
      if (varying.length !== 1) return [];
      if (rest.length === 0) return go(varying[0], c, depth + 1);
      return go(varying[0], t.k === 'add' ? sub(c, add(...rest)) : mul(c, pow(mul(...rest), num(-1))), depth + 1);
    }
    if (t.k === 'pow' && isConstant(t.exponent) && !isConstant(t.base)) {
      const root = pow(c, pow(t.exponent, num(-1)));
      const even = t.exponent.k === 'num' && t.exponent.value.den === 1n && t.exponent.value.num % 2n === 0n;
      return [...go(t.base, root, depth + 1), ...(even ? go(t.base, mul(num(-1), root), depth + 1) : [])];
    }
    if (t.k !== 'fn' || t.args.length !== 1) return [];
    const [u] = t.args;
    switch (t.name) {
      case 'sqrt': return go(u, pow(c, num(2)), depth + 1);
      // |u| = c at u = c and u = -c: a logistic curve's distance from K/2 is 0 where it crosses it (probe 98).
      case 'abs': return [...go(u, c, depth + 1), ...go(u, mul(num(-1), c), depth + 1)];
      case 'log': return go(u, fn('exp', c), depth + 1);
      case 'asinh': return go(u, fn('sinh', c), depth + 1);
      case 'exp': return go(u, fn('log', c), depth + 1);
      case 'log1p': return go(u, sub(fn('exp', c), num(1)), depth + 1);
      case 'sinh': return go(u, fn('asinh', c), depth + 1);
      case 'cosh': {
        // Both branches: cosh(u) = c at u = +-log(c + sqrt((c - 1) (c + 1))), the product not written out: c^2 for
        // c = 1e300 is a term of 1e600, and a confirmation then needs 660 digits to add it up.
        const root = fn('log', add(c, fn('sqrt', mul(sub(c, num(1)), add(c, num(1))))));
        return [...go(u, root, depth + 1), ...go(u, mul(num(-1), root), depth + 1)];
      }
      case 'tanh': return go(u, mul(num(1, 2), fn('log', mul(add(num(1), c), pow(sub(num(1), c), num(-1))))), depth + 1);
      case 'sigmoid': return go(u, fn('log', mul(c, pow(sub(num(1), c), num(-1)))), depth + 1);
      case 'softplus': return go(u, fn('log', sub(fn('exp', c), num(1))), depth + 1);
      case 'sin': case 'cos': {
        const r = constantFraction(c);
        if (r === undefined) return [];
        return angleTerms(t.name, Rational.of(r.num, r.den)).flatMap((angle) => go(u, angle, depth + 1));
      }
      default: return [];
    }
  };
  return go(variable, target, 0);
}

/** Nodes an inversion goes through, at most: a logistic curve K y0 / (y0 + (K - y0) exp(-r t)) is eight deep to t (probe 98). */
const MAX_INVERSION_DEPTH = 12;

/** The irrational tie points a confirmation tries, at most. */
const MAX_CONSTANT_TIES = 8;

/** The most indicators a side's polynomial is split on, each value in turn, beside two inputs or more. */
const MAX_SPLIT_INDICATORS = 3;

/**
 * For P in one entry of a scalar-valued input, the entry's values where P vanishes
 * (exactly for an affine P, to double precision for a polynomial of higher degree when
 * `sides` asks for points either side: its root plus and minus 1, half and twice it),
 * each within the input's type; through an indicator (abs), at each of its values.
 * None for any other P.
 */
function pointsAround(atoms: AtomTable, poly: Polynomial, inputs: ReadonlyMap<string, Input>, sides: boolean, lines?: LineRoots): Array<Map<string, PointValue>> {
  const vars = [...poly.variables()];
  // A side through abs or another indicator (abs(x) - 1e7 is x (2 [x > 0] - 1) - 1e7): each of the
  // indicator's values gives a side in the input alone, whose roots are tried.
  // So with more inputs beside it (abs(r) - d: Huber's joins at r = d and r = -d, probe 89), a few indicators at most.
  const indicators = vars.filter((id) => atoms.steps.has(id) || atoms.ties.has(id));
  const indicator = indicators[0];
  if (indicator !== undefined && (vars.length === 2 || indicators.length <= MAX_SPLIT_INDICATORS)) {
    return [Polynomial.ZERO, Polynomial.ONE].flatMap((value) => pointsAround(atoms, poly.substitute(indicator, value), inputs, sides, lines));
  }
  if (vars.length > 1) return pointsOnPlane(atoms, poly, vars, inputs, sides, lines);
  if (vars.length !== 1) return [];
  const atom = atoms.atoms[vars[0]];
  if (atom.kind !== 'input') return [];
  const kind = inputs.get(atom.name)?.kind;
  const roots = poly.degreeIn(vars[0]) === 1 ? affineRoot(poly, vars[0]) : sides ? approximateRoots(poly, vars[0])
    : [...new Map([...simpleRoots(poly, vars[0]), ...rationalRoots(poly, vars[0])].map((r) => [r.toString(), r])).values()];
  if (kind !== undefined) noteRoots(lines, { text: atom.text, kind }, [], roots);
  // Halfway too: a root at 0 of a gamma's argument has poles at every whole number beside it (gamma(b) with b > 0 missing at b = -1/2).
  const values = roots.flatMap((root) => (sides ? [root, root.add(Rational.ONE), root.sub(Rational.ONE), root.mul(Rational.of(1, 2)), root.mul(Rational.of(2)), root.sub(Rational.of(1, 2))] : [root]));
  return values.filter((v) => kind !== undefined && withinKind(kind, v)).map((v) => new Map([[atom.text, { num: v.num, den: v.den }]]));
}

/** Whether a scalar entry of an input of this kind may take the value v: any for a real, (0, 1) for a unit. */
function withinKind(kind: string, v: Rational): boolean {
  return kind === 'real' || kind === 'symmetric' ? true : kind === 'positive' ? v.sign() > 0 : kind === 'unit' ? v.sign() > 0 && v.cmp(Rational.ONE) < 0 : false;
}


/** A scalar entry's value where it is not the one solved for: one of its type, as simple as can be. */
const PLANE_DEFAULTS: Readonly<Record<string, readonly Rational[]>> = {
  real: [Rational.ZERO, Rational.ONE, Rational.of(-1)], positive: [Rational.ONE, Rational.of(2)], unit: [Rational.of(1, 2)],
};
/** Entries of P at most, for {@link pointsOnPlane}: each is solved for in turn. */
const MAX_PLANE_VARIABLES = 4;

/**
 * For P affine in several entries (S[1, 2] - S[1, 1] - 1.000000001 for a hinge's margin), the
 * points where P vanishes with every entry but one at a simple value of its type, each entry
 * solved for in turn (and points either side, as {@link pointsAround}). A difference of two
 * comparisons whose switches are 1e-9 apart lives only between them: random inputs never land
 * there, and a step atom's own root is inside it.
 */
function pointsOnPlane(atoms: AtomTable, poly: Polynomial, vars: readonly number[], inputs: ReadonlyMap<string, Input>, sides: boolean,
  lines?: LineRoots): Array<Map<string, PointValue>> {
  if (vars.length > MAX_PLANE_VARIABLES) return [];
  const entries = vars.map((id) => {
    const atom = atoms.atoms[id];
    const kind = atom.kind === 'input' ? inputs.get(atom.name)?.kind : undefined;
    return atom.kind === 'input' && kind !== undefined && kind in PLANE_DEFAULTS ? { id, text: atom.text, kind } : undefined;
  });
  if (entries.some((e) => e === undefined)) return [];
  const known = entries as Array<{ id: number; text: string; kind: string }>;
  const out: Array<Map<string, PointValue>> = [];
  const seen = new Set<string>();
  for (const solved of known) {
    const others = known.filter((e) => e !== solved);
    // Every combination of the others' simple values (x y - 1 vanishes nowhere with y = 0, at x = 1 with y = 1).
    let assignments: Array<Array<readonly [{ id: number; text: string; kind: string }, Rational]>> = [[]];
    for (const other of others) assignments = assignments.flatMap((a) => PLANE_DEFAULTS[other.kind].map((v) => [...a, [other, v] as const]));
    for (const assignment of assignments) {
      let restricted = poly;
      for (const [other, v] of assignment) restricted = restricted.substitute(other.id, Polynomial.constant(v));
      const degree = restricted.degreeIn(solved.id);
      if (degree < 1) continue;
      const roots = degree === 1 ? affineRoot(restricted, solved.id) : sides ? [] : simpleRoots(restricted, solved.id);
      noteRoots(lines, solved, assignment.map(([e, v]) => [e.text, v]), roots);
      const values = roots.flatMap((root) => (sides ? [root, root.add(Rational.ONE), root.sub(Rational.ONE)] : [root]));
      for (const v of values) {
        if (!withinKind(solved.kind, v)) continue;
        const key = `${solved.text}=${v.toString()}|${assignment.map(([e, w]) => `${e.text}=${w.toString()}`).join(',')}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(new Map<string, PointValue>([...assignment.map(([e, w]): [string, PointValue] => [e.text, { num: w.num, den: w.den }]), [solved.text, { num: v.num, den: v.den }]]));
      }
    }
  }
  return out;
}

/**
 * Switch points found on each line through the input space (one entry free, the others at
 * fixed values), by the line's key: its free entry and the fixed values.
 */
type LineRoots = Map<string, { readonly free: { readonly text: string; readonly kind: string }; readonly fixed: ReadonlyArray<readonly [string, Rational]>; roots: Rational[] }>;

function noteRoots(lines: LineRoots | undefined, free: { readonly text: string; readonly kind: string }, fixed: ReadonlyArray<readonly [string, Rational]>, roots: readonly Rational[]): void {
  if (lines === undefined || roots.length === 0) return;
  const key = `${free.text}|${fixed.map(([text, v]) => `${text}=${v.toString()}`).sort().join(',')}`;
  let line = lines.get(key);
  if (line === undefined) lines.set(key, line = { free, fixed, roots: [] });
  line.roots.push(...roots);
}

/** Midpoints of consecutive switch points on each line that has two or more, within the free entry's type. */
function midpoints(lines: LineRoots): Array<Map<string, PointValue>> {
  const out: Array<Map<string, PointValue>> = [];
  for (const { free, fixed, roots } of lines.values()) {
    const sorted = [...roots].sort((a, b) => a.cmp(b)).filter((r, i, all) => i === 0 || r.cmp(all[i - 1]) !== 0);
    for (let i = 0; i + 1 < sorted.length; i++) {
      const mid = sorted[i].add(sorted[i + 1]).mul(Rational.of(1, 2));
      if (!withinKind(free.kind, mid)) continue;
      out.push(new Map<string, PointValue>([...fixed.map(([text, v]): [string, PointValue] => [text, { num: v.num, den: v.den }]), [free.text, { num: mid.num, den: mid.den }]]));
    }
  }
  return out.slice(0, MAX_MIDPOINTS);
}

/** Cell midpoints a confirmation tries, at most. */
const MAX_MIDPOINTS = 8;

/** Simple values a root of a polynomial of higher degree is looked for among, exactly (v^3 - 1 at v = 1). */
/** Where a comparison's side may change sign: a log grid from 1e-6 to 1e16 either side of 0. */
const ROOT_GRID = [0, ...Array.from({ length: 191 }, (_, k) => 10 ** (k - 40)).flatMap((x) => [x, -x])].sort((a, b) => a - b);

/**
 * The real roots of a polynomial in one variable, to double precision, found by
 * bisection between points of {@link ROOT_GRID} (0 and +-10^k, k from -40 to 150) where it changes sign: a step
 * atom [x^2 > 1e14] switches at x = 1e7, a point no random input reaches, and gradient clipping's
 * [g^2 > 1e40] at 1e20 (sixteenth probe). Each
 * is a rational near the root; points either side of it show the switch.
 */
function approximateRoots(poly: Polynomial, id: number): Rational[] {
  const at = (x: number) => poly.evaluateFloat(() => x);
  const roots: Rational[] = [];
  for (let g = 0; g + 1 < ROOT_GRID.length; g++) {
    let [lo, hi] = [ROOT_GRID[g], ROOT_GRID[g + 1]];
    let [flo, fhi] = [at(lo), at(hi)];
    if (!Number.isFinite(flo) || !Number.isFinite(fhi)) continue;
    if (flo === 0) { roots.push(rationalOfDouble(lo)); continue; }
    if (Math.sign(flo) === Math.sign(fhi)) continue;
    for (let step = 0; step < 200 && lo < hi; step++) {
      const mid = (lo + hi) / 2;
      if (mid <= lo || mid >= hi) break;
      const fm = at(mid);
      if (Math.sign(fm) === Math.sign(flo)) { lo = mid; flo = fm; } else { hi = mid; fhi = fm; }
    }
    roots.push(rationalOfDouble(lo));
  }
  return roots;
}

/**
 * Random completions of each point where the step's missing condition fails that a confirmation tries;
 * with no such point (det(A) > 0 of a general A), random points alone: det < 0 at half of them, and
 * three missed it one time in four.
 */
const MISSING_CONDITION_ATTEMPTS = 8;

/**
 * A point where the line above has a value and the step has none, for a
 * condition of the step the line above does not imply (`t != 0` for `1 = t / t`):
 * where it fails is a point random inputs reach only by luck (t = 0 among the
 * simple values), so a verdict there must not depend on the seed.
 */
function confirmMissingCondition(lhs: Term, rhs: Term, missing: Condition, atoms: AtomTable, instance: Instance, inputs: readonly Input[],
  inputMap: ReadonlyMap<string, Input>, seed: number, almostEverywhere = false): { confirmation: Confirmation; where: string } | undefined {
  if (missing.kind === 'opaque') return undefined;
  // In a step about a derivative the step may lack a value on a set of measure zero (x / abs(x) at x = 0 for
  // d|x|/dx): a point shows this condition missing only where this condition fails, not where a waived one does.
  // Nor where the step has a value at each point a hair away that the line above has one: its zeros there are a set of
  // measure zero the atoms do not show (a root of a quotient, sqrt(1 - (x / a)^2) at x = a: probe 80).
  const shows = (point: ReadonlyMap<string, PointValue>): boolean => !almostEverywhere
    || (!clearlyHolds(missing, atoms, point) && !(missing.kind === 'nonzero' && valueAllAround(lhs, rhs, point, inputs)));
  const random = seededRandom(seed ^ 0x85ebca6b);
  // A condition not affine in one entry (norm(v) != 0) may still fail where every entry is 0.
  // A pole of the gamma family is where the argument is 0, -1, -2, ...: the first few of them.
  const around = missing.kind === 'notpole'
    ? [0, 1, 2, 3].flatMap((j) => pointsAround(atoms, missing.poly.add(Polynomial.constant(j)), inputMap, false))
    : pointsAround(atoms, missing.poly, inputMap, missing.kind !== 'nonzero');
  // A condition through a root or a function of several inputs is solved for none of them (sqrt(x^2 + y^2) + x
  // vanishes where y = 0 and x <= 0: atan2's half-angle form): the simple values of the scalar inputs where it may fail.
  // The inputs the step reads, not every one declared: five scalars declared, three unused, had switched the grid off.
  const read = inputNames(rhs, inputNames(lhs));
  const grid = around.length > 0 ? [] : simpleGrid(inputs.filter((input) => read.has(input.name))).filter((point) => mayFail(missing, atoms, point));
  // A condition through cos(a x + b) or exp(x / q) fails at an irrational x (1 + cos(x) at x = pi): there its atom
  // is a root of the condition exactly, so the step has no value there however the digits round.
  const exact = missing.kind === 'nonzero' || missing.kind === 'positive' ? pointsThroughFunctions(missing.poly, atoms, inputMap) : [];
  for (const failing of [...exact, ...(around.length > 0 ? around : [...grid, new Map<string, PointValue>()])]) {
    const exactly = exact.includes(failing);
    for (let attempt = 0; attempt < MISSING_CONDITION_ATTEMPTS; attempt++) {
      const point = randomPoint(inputs, instance, random, attempt === 0 ? 0 : -1);
      for (const [k, v] of failing) point.set(k, v);
      const values = confirmAtPoint(lhs, rhs, point, DIGITS, true);
      if (values && values.lhs.isFinite() && (exactly || !values.rhs.isFinite()) && shows(point) && settled(lhs, point, values.lhs, values.digits)) {
        const shown = failing.size > 0 ? failing : point;
        const where = [...shown].map(([entry, v]) => `${entry} = ${typeof v === 'number' ? v : 'term' in v ? printTerm(v.term) : Rational.of(v.num, v.den).toString()}`).join(', ');
        return { where, confirmation: { point: byInput(point, inputs, instance), lhs: show(values.lhs), rhs: 'undefined', difference: 'undefined', digits: values.digits } };
      }
    }
  }
  return undefined;
}

/**
 * Whether the line above's value at a point stays put when the digits double: at a pole that
 * rounding hides (tan(atan2(y, 0)): cos(pi / 2) is 1e-61 in 60 digits), it grows with them, and
 * the line above has no value there to refute the step with.
 */
function settled(lhs: Term, point: ReadonlyMap<string, PointValue>, value: Decimal, digits: number): boolean {
  let again: Decimal;
  try {
    again = evaluateHighPrecision(lhs, point, 2 * digits);
  } catch {
    return false;
  }
  if (!again.isFinite()) return false;
  const scale = Decimal.max(again.abs(), new Decimal('1e-30'));
  return value.minus(again).abs().lte(scale.times('1e-15'));
}

/** Scalar inputs at most for {@link simpleGrid}: 3^4 points. */
const GRID_INPUTS = 4;

/** Every combination of simple values of the step's scalar inputs ({@link PLANE_DEFAULTS}); none where it has none or too many. */
function simpleGrid(inputs: readonly Input[]): Array<Map<string, PointValue>> {
  const scalars = inputs.filter((input) => input.dims.length === 0 && input.kind in PLANE_DEFAULTS);
  if (scalars.length === 0 || scalars.length > GRID_INPUTS) return [];
  let points: Array<Map<string, PointValue>> = [new Map()];
  for (const input of scalars) {
    points = points.flatMap((point) => PLANE_DEFAULTS[input.kind].map((v) => new Map([...point, [input.name, { num: v.num, den: v.den }]])));
  }
  return points;
}

/** A condition's polynomial at a point, in doubles; undefined where a value is missing or it is not finite. */
function conditionValue(c: Exclude<Condition, { kind: 'opaque' }>, atoms: AtomTable, point: ReadonlyMap<string, PointValue>): number | undefined {
  let value: number;
  try {
    value = c.poly.evaluateFloat(atoms.evaluator((entry) => {
      const v = point.get(entry);
      if (v === undefined) throw new Error(`no value for ${entry}`);
      return pointNumber(v);
    }));
  } catch {
    return undefined;
  }
  return Number.isFinite(value) ? value : undefined;
}

/**
 * Whether a condition may fail at a point, read in doubles: its polynomial is 0
 * there up to rounding, or of the wrong sign. False where a value is missing or
 * not finite: the point shows nothing.
 */
function mayFail(c: Exclude<Condition, { kind: 'opaque' }>, atoms: AtomTable, point: ReadonlyMap<string, PointValue>): boolean {
  const value = conditionValue(c, atoms, point);
  if (value === undefined) return false;
  const nearZero = Math.abs(value) <= 1e-9;
  switch (c.kind) {
    case 'nonzero': return nearZero;
    case 'notpole': return nearZero || (Math.abs(value - Math.round(value)) <= 1e-9 && Math.round(value) <= 0);
    case 'positive': return value <= 1e-9;
    case 'nonneg': return value < 1e-9;
  }
}

/**
 * Whether a condition plainly holds at a point, read in doubles: its polynomial is
 * far from 0 (nonzero, no pole) or from the wrong sign (positive, nonneg). Unsure
 * (near the boundary, an atom with no double value): false.
 */
function clearlyHolds(c: Exclude<Condition, { kind: 'opaque' }>, atoms: AtomTable, point: ReadonlyMap<string, PointValue>): boolean {
  const value = conditionValue(c, atoms, point);
  if (value === undefined) return false;
  const margin = 1e-6;
  switch (c.kind) {
    case 'nonzero': return Math.abs(value) > margin;
    case 'notpole': return Math.abs(value - Math.round(value)) > margin || Math.round(value) > 0;
    case 'positive': return value > margin;
    case 'nonneg': return value > margin;
  }
}

/**
 * Functions whose many-digit values come from long series (atan, sin, erf, ...): at 960
 * digits one evaluation of atan takes seconds, and a step they make only verified
 * would spend minutes confirming a difference that is not there.
 */
const SERIES_FUNCTIONS: ReadonlySet<string> = new Set(['sin', 'cos', 'asin', 'atan', 'asinh', 'erf', 'erfc', 'Phi']);
/**
 * The most digits a confirmation may use where a side holds one of them: 480 sees a
 * difference of 1e-130 of the sides (cos(3x) = 4 cos(x)^3 - 3 cos(x) + 1e-130), which
 * must show at two precisions; 240 where an inverse one is there (atan at 480 digits
 * costs a second a step).
 */
const SERIES_DIGITS = 480;
const SLOW_SERIES_DIGITS = 240;
// atan is no longer one: its series runs on arguments within 1e-3 of 0 or of Infinity (1e-4 past 1e4), and at
// most 1 in fixed point between, under 3 ms at 900 digits.
const SLOW_SERIES_FUNCTIONS: ReadonlySet<string> = new Set(['asin', 'asinh']);

/** The most digits the confirmation's deep attempts use for these sides. */
function deepDigits(lhs: Term, rhs: Term): number {
  // A step between constants is read at one point, so it may go deeper: a truncated series written as an equality,
  // softplus(1e-300) = log 2 + x/2 + x^2/8, is off by 1e-1203, below any 960 digits (probe 44).
  const constant = inputNames(rhs, inputNames(lhs)).size === 0;
  // An abstract function is read through its family's sin; a series is summed to the digits kept.
  // A series (sum to Infinity) takes hundreds of terms more with each doubling: it stays at the first pass's digits.
  if (someSubterm(lhs, isSeries) || someSubterm(rhs, isSeries)) return 2 * DIGITS;
  const slow = (t: Term) => (t.k === 'fn' && SLOW_SERIES_FUNCTIONS.has(t.name)) || t.k === 'apply';
  if (someSubterm(lhs, slow) || someSubterm(rhs, slow)) return SLOW_SERIES_DIGITS;
  // A limit's body is read at three to nine points for each value of it, settled to a sixth of the digits: a difference
  // of 1e-13 stays put between readings at 200 and 400 digits, not below (probe 81: 1/6 + 1e-13 was verified).
  if (someSubterm(lhs, isLimit) || someSubterm(rhs, isLimit)) return SERIES_DIGITS;
  const series = (t: Term) => t.k === 'fn' && SERIES_FUNCTIONS.has(t.name);
  if (someSubterm(lhs, series) || someSubterm(rhs, series)) return SERIES_DIGITS;
  return constant && transcendentalsUpTo([lhs, rhs], CONSTANT_FUNCTIONS) < CONSTANT_FUNCTIONS ? CONSTANT_DIGITS : MAX_DIGITS;
}

/** The most digits a step between constants with fewer than {@link CONSTANT_FUNCTIONS} exps and logs is read to. */
const CONSTANT_DIGITS = 2000;
const CONSTANT_FUNCTIONS = 8;

const isSeries = (t: Term): boolean => t.k === 'series';
const isLimit = (t: Term): boolean => t.k === 'limit';
/** The random points past the simple values a confirmation tries where a side holds a series. */
const SERIES_ATTEMPTS = 2;

/** Sides of a spot check this large (nodes written out) get a limited one: {@link LIMITED_POINTS} points, no deep attempts. */
const SPOT_CHECK_NODES = 20_000;
const LIMITED_POINTS = 4;
/** The points past ties and interval ends a confirmation reads a side with a limit at, at 120 and at the deep digits. */
const LIMIT_POINTS = 2;
/** ... and so do sides with this many calls of functions other than the arithmetic ones (exp, log, erf, ...), written out. */
const SPOT_CHECK_FUNCTIONS = 256;
/**
 * ... and so do instances whose inputs hold this many entries in all; past {@link MAX_CONFIRM_ENTRIES} none is read
 * in 60 digits: two matrix[300, 300] inputs took 18 s and 2 GB of 60-digit sums at each point (probe 25), and at
 * 1000 x 1000 ran out of memory. The numbers still check such steps.
 */
const SPOT_CHECK_ENTRIES = 5_000;
const MAX_CONFIRM_ENTRIES = 50_000;
/** Nodes of the two sides written out past which no point is read in 60 digits (see {@link confirm}). */
const MAX_CONFIRM_NODES = 1_000_000;

/** The entries the inputs hold at an instance (a scalar holds one). */
function entriesAtInstance(inputs: readonly Input[], instance: Instance): number {
  return inputs.reduce((total, input) => total + input.dims.reduce((n, d) => n * (d.k === 'fixed' ? d.size : instance.sizes.get(d.name) ?? 1), 1), 0);
}

/** The calls of functions of the inputs in terms written out as trees (a shared subterm counts at each place), counted up to cap. */
function transcendentalsUpTo(terms: readonly Term[], cap: number): number {
  let count = 0;
  const stack = [...terms];
  let visited = 0;
  while (stack.length > 0 && count < cap && visited < SPOT_CHECK_NODES) {
    const t = stack.pop()!;
    visited++;
    // A function of constants (binomial(1000, k) of a sum written out) is evaluated once per digits, not per point.
    if ((t.k === 'fn' || t.k === 'apply') && someSubterm(t, (x) => x.k === 'input')) count++;
    stack.push(...children(t));
  }
  return count;
}

/** How many random points the confirmation tries, and on how many it raises the precision past 120 digits. */
const CONFIRM_ATTEMPTS = 24;
const DEEP_ATTEMPTS = 2;
/** The distinct tie points the confirmation raises the precision at, at most (the first ones). */
const DEEP_TIES = 2;
/** Points whose first reading dropped a part it could not see, read again at the most digits (see confirm). */
const DEEP_UNSEEN = 2;
/** Points just inside an interval's finite ends read at the most digits (see confirm). */
const DEEP_ENDS = 2;

/** A difference's form as a counterexample shows it: its whole text is the explanation's. */
const SHOWN_FORM = 80;

function shortened(form: string): string {
  return form.length <= SHOWN_FORM ? form : `${form.slice(0, SHOWN_FORM - 1)}…`;
}

/** Digits an exact point next to an end left out is read with, and how near the end it must be there to be the end. */
const END_DIGITS = 200;
const ON_END = new Decimal('1e-150');
const ON_END_DEEP = new Decimal('1e-900');

/**
 * Whether a point puts an input exactly on an end of its type or interval that is left out, by an exact value whose
 * double lies just inside (the critical point s = log(1) / a of b (1 - exp(-a s)) / a < b s read 2e-60 in 60 digits,
 * where s > 0, and the bound, true, was refuted there: probe 54). Read in 200 digits where the double is within 1e-30
 * of such an end.
 */
function onAnEndLeftOut(point: ReadonlyMap<string, PointValue>, inputs: ReadonlyMap<string, Input>): boolean {
  for (const [name, v] of point) {
    if (typeof v !== 'object' || !('term' in v)) continue;
    const input = inputs.get(name);
    if (input === undefined) continue;
    const ends: Term[] = [];
    if (input.kind === 'positive' || input.kind === 'unit') ends.push(num(0));
    if (input.kind === 'unit') ends.push(num(1));
    const interval = input.interval;
    if (interval !== undefined && !interval.lowerClosed && interval.lower) ends.push(interval.lower);
    if (interval !== undefined && !interval.upperClosed && interval.upper) ends.push(interval.upper);
    for (const end of ends) {
      const endValue = evaluateHighPrecision(end, new Map()).toNumber();
      // Within 1e-20: a root of what is 0 reads as the root of its rounding (1.7e-30 in 60 digits, probe 111).
      if (!(Math.abs(v.approx - endValue) <= NEAR_AN_END * Math.max(1, Math.abs(endValue)))) continue;
      // A root is 0 where its radicand is, which the digits read without the root's amplification: s = sqrt(log(exp(1/3)) - 1/3)
      // read 1e-100 in 200 digits and was taken for a point inside s > 0, where a true strict bound tied (probe 111).
      const near = isZeroConstant(end) ? radicand(v.term) : v.term;
      try {
        // Within 1e-150 at 200 digits, read again at 960: a point 1e-310 inside an end of 1 + 1e-300 is no end (probe 68).
        if (evaluateHighPrecision(sub(near, end), new Map(), END_DIGITS).abs().lte(ON_END)
          && evaluateHighPrecision(sub(near, end), new Map(), MAX_DIGITS).abs().lte(ON_END_DEEP)) return true;
      } catch (error) {
        if (error instanceof GuardError) throw error;
      }
    }
  }
  return false;
}

/** Points in order, each once: ties found along several lines, or a tie at a simple value, repeat points. */
function distinctPoints(points: readonly Map<string, PointValue>[]): Map<string, PointValue>[] {
  const seen = new Set<string>();
  return points.filter((point) => {
    const key = [...point].map(([name, v]) => `${name}=${typeof v === 'number' ? `d${v}` : 'term' in v ? `t${printTerm(v.term)}` : `r${v.num}/${v.den}`}`).join(';');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
/** How near an end of an input's type or interval a point's double must be for the end to be read deep (onAnEndLeftOut). */
const NEAR_AN_END = 1e-20;

/** The radicand of a root (a square root, a positive fractional power), of a root of one, and so on; the term itself otherwise. */
function radicand(t: Term): Term {
  if (t.k === 'fn' && t.name === 'sqrt') return radicand(t.args[0]);
  if (t.k === 'pow' && t.exponent.k === 'num' && t.exponent.value.num > 0n && t.exponent.value.den > 1n) return radicand(t.base);
  if (t.k === 'pow' && t.exponent.k === 'pow' && t.exponent.base.k === 'num' && t.exponent.exponent.k === 'num'
    && t.exponent.base.value.den === 1n && t.exponent.base.value.num > 1n && t.exponent.exponent.value.num === -1n && t.exponent.exponent.value.den === 1n) return radicand(t.base);
  return t;
}

function isZeroConstant(t: Term): boolean {
  return t.k === 'num' && t.value.num === 0n;
}

/** The most digits a confirmation may use: t + 1e-320 = t needs about 400. */
const MAX_DIGITS = 960;

/**
 * Finds a point where high-precision arithmetic shows the sides differ, raising the
 * precision as far as needed (within {@link MAX_DIGITS}). Points: the ties of the
 * difference first, then points from the same ranges as the random inputs, from a
 * fixed seed. `outright`: the difference is this nonzero constant, so any point shows it.
 */
function confirm(lhs: Term, rhs: Term, instance: Instance, inputs: readonly Input[], seed: number,
  ties: ReadonlyArray<ReadonlyMap<string, PointValue>> = [], outright?: Rational, almostEverywhere = false,
  exactDifference?: ExactWitness, neverZeroForm?: string, bound = false, constantDifference?: Rational,
  notes: ReadingNotes = { unseenPart: 0, tiedAtTop: false }): Confirmation | undefined {
  // Large sides (inv(P) S inv(P), a ridge equation's inverse written out at 4×4) get a few points at 60 digits, and no
  // scale points: reading their constants alone took seconds.
  // So do sides with an inverse function summed by its slow series, whose constants span more orders than the digits
  // (atan(p) and cos(pi 1e300)): every point starts past 360 digits, where atan's series alone takes seconds.
  const slow = (t: Term) => (t.k === 'fn' && SLOW_SERIES_FUNCTIONS.has(t.name)) || t.k === 'apply';
  // So do sides with hundreds of transcendental functions (a log-likelihood over a batch of 400: each point at 960
  // digits was 800 exps and logs, and the search ran into its wall-clock guard).
  const entries = entriesAtInstance(inputs, instance);
  if (entries > MAX_CONFIRM_ENTRIES) return undefined;
  // Sides this large written out (a 4×4 inverse put into a gradient, PRML 3.53) take minutes a point in 60 digits.
  if (expandedSizeUpTo(lhs, MAX_CONFIRM_NODES) + expandedSizeUpTo(rhs, MAX_CONFIRM_NODES) >= MAX_CONFIRM_NODES) return undefined;
  const limited = entries > SPOT_CHECK_ENTRIES || expandedSizeUpTo(lhs, SPOT_CHECK_NODES) + expandedSizeUpTo(rhs, SPOT_CHECK_NODES) >= SPOT_CHECK_NODES
    || transcendentalsUpTo([lhs, rhs], SPOT_CHECK_FUNCTIONS) >= SPOT_CHECK_FUNCTIONS
    || (constantSpan([lhs, rhs]) > 2 * DIGITS && (someSubterm(lhs, slow) || someSubterm(rhs, slow)));
  const random = seededRandom(seed ^ 0x9e3779b9);
  // Each moved within the ends that read other inputs where it lies outside them (chained-values.ts): a tie solved for
  // one input, the others random or simple, may lie outside a chain, where the claim holds by its guard.
  const chained = inputs.some((input) => input.relativeEnds !== undefined);
  const tiePoints = ties.map((tie) => {
    const point = randomPoint(inputs, instance, random, -1);
    for (const [k, v] of tie) point.set(k, v);
    return chained ? intoChainedEnds(point, inputs) : point;
  });
  const drawn: Map<string, PointValue>[] = [];
  for (let attempt = 0; attempt < CONFIRM_ATTEMPTS; attempt++) drawn.push(randomPoint(inputs, instance, random, attempt));
  const simple = drawn.slice(0, TIE_VALUES.length);
  // A series is summed term by term at every point and precision (hundreds of 120-digit powers): a difference
  // it makes shows at the first points as well as at the last, so it is tried at those only.
  const later = bound ? [] : drawn.slice(TIE_VALUES.length, someSubterm(lhs, isSeries) || someSubterm(rhs, isSeries) ? TIE_VALUES.length + SERIES_ATTEMPTS : undefined);
  // Where a steep function turns (tanh(1e8 x) at x = 1e-8): elsewhere it is flat in any precision, and a
  // perturbed constant shows nowhere else. After the ties and the first simple values, before the rest.
  const scaled = limited ? [] : confirmationScales([lhs, rhs]).map((scale) => randomPoint(inputs, instance, random, -1, scale));
  // A bound is read where it may be tight instead of at random points (the numbers read those in 60 digits): each scalar
  // input alone far out (atan(x) <= 1.57 past x = 1256), and where the bound's slack is least along it.
  // Each moved into the chains of ends as a tie point is: an input far out with b in (a, Infinity) drawn below a was no
  // point of the step (probe 98: g(t) < t exp(-a t) (1 - 1e-12) fails for t < 2e-12 / (b - a), seen at some seeds only).
  const tight = bound && !limited ? [...farPoints(rhs, inputs, instance, random), ...marginMinima(rhs, inputs, instance, random),
    ...meetingPoints(rhs, inputs, instance, random)].map((point) => (chained ? intoChainedEnds(point, inputs) : point)) : [];
  const ends = intervalEndPoints(inputs, instance, random, [lhs, rhs]);
  // A limit is read at three to nine points of its body for each value: a difference of its value shows at a few points as at all.
  const readsLimit = someSubterm(lhs, isLimit) || someSubterm(rhs, isLimit);
  const byName = new Map(inputs.map((input) => [input.name, input]));
  const points = distinctPoints([...tiePoints, ...ends, ...simple, ...scaled, ...tight, ...later].filter((point) => !onAnEndLeftOut(point, byName) && !outsideChainedEnds(point, byName)))
    .slice(0, limited ? ties.length + ends.length + LIMITED_POINTS : readsLimit ? ties.length + ends.length + LIMIT_POINTS : undefined);
  // The digits each point's reading would need to see a part its sides dropped, where past those it was read at: a point
  // read deep after resolves its own (the spherical Jacobian at ph = pi - 1e-40 needs 141 digits, past the first pass's
  // 120; unread, the true step was an error).
  const unseenAt = new Map<Map<string, PointValue>, number>();
  const found = (point: Map<string, PointValue>, maxDigits: number): Confirmation | undefined => {
    notes.unseenPart = 0;
    let values: ReturnType<typeof confirmAtPoint>;
    try {
      values = confirmAtPoint(lhs, rhs, point, maxDigits, false, undefined, notes);
    } finally {
      if (notes.unseenPart > 0) unseenAt.set(point, Math.max(unseenAt.get(point) ?? 0, notes.unseenPart));
      else if (maxDigits > 2 * DIGITS) unseenAt.delete(point);
      notes.unseenPart = Math.max(0, ...unseenAt.values());
    }
    // A step about a derivative holds almost everywhere: a difference on a kink alone (the sides of
    // diff(min(x, 6), x) at x = 6, however nested) is a convention, not a refutation.
    // Only where the line above jumps, though: where it is continuous the derivative exists and is its value there, and
    // a step that differs there alone is wrong (relu's derivative against (x > 0) + (x == 5), fifteenth probe).
    if (values && almostEverywhere && conventionAt(lhs, rhs, point, inputs, maxDigits, values.lhs.minus(values.rhs))) return undefined;
    // An irrational tie point is reported by its double; what was evaluated is the constant itself.
    const irrational = [...point].filter((entry): entry is [string, { term: Term; approx: number }] => typeof entry[1] === 'object' && 'term' in entry[1]);
    const exact = irrational.map(([entry, v]) => `${entry} = ${constantText(v.term)}`);
    // A double of 0 or an infinity is no such value (p = exp(-1000) of a unit p reads 0): the report says so.
    const pastDoubles = irrational.some(([, v]) => v.approx === 0 || !Number.isFinite(v.approx));
    const compared = values && bound ? comparedAt(rhs, point, values.digits) : undefined;
    return values && {
      point: byInput(point, inputs, instance), lhs: show(values.lhs), rhs: show(values.rhs),
      difference: values.lhs.minus(values.rhs).toSignificantDigits(6).toString(), digits: values.digits,
      ...(exact.length > 0 ? { exactly: exact.join(', ') } : {}), ...(pastDoubles ? { pastDoubles } : {}), ...(compared ? { compared } : {}),
    };
  };
  // An inverse function summed by its series, among constants spanning more orders than its digits allow
  // (atan(1e300 p) + atan(1e-300 / p)): each point would start past 480 digits (here 660), where one atan takes half a second
  // and its doubling seconds more; the search ran for minutes. The numbers decide such a step alone.
  const searchable = !(constantSpan([lhs, rhs]) + DIGITS > SERIES_DIGITS && (someSubterm(lhs, slow) || someSubterm(rhs, slow)));
  // Most differences show at 60 digits: every point first, cheaply; then more digits at a few points.
  // A bound's points whose comparison was still too close to call at the first pass's digits are read deep as well:
  // (1 - cos x) / x^2 >= 1/2 - x^2/24 + 1e-40 x^2 fails at x = 1e-20 by 1e-80 of 0.5, which 1 - cos x leaves 80 of
  // 120 digits to see (probe 64: verified).
  const tiedAtTop: Map<string, PointValue>[] = [];
  for (const point of searchable ? points : []) {
    notes.tiedAtTop = false;
    const hit = found(point, 2 * DIGITS);
    if (hit) return hit;
    if (bound && notes.tiedAtTop && tiedAtTop.length < DEEP_TIED) tiedAtTop.push(point);
  }
  // Deep attempts cost the most (a log at 960 digits takes tens of ms, and a side may have several): a difference
  // far below 60 digits is a constant or a term that shows at any point, so a few ties and random points suffice.
  // A difference that is never 0 shows the step wrong at the first point where both sides have a value.
  // Sides a constant apart, one of them a comparison no digits call (sides equal by an identity, 1 - cos(d) < 2 sin(d/2)^2,
  // tied at every point): where its operands and the other side have a value, it has the other side's value less the constant.
  const sidesAt = (point: ReadonlyMap<string, PointValue>): { lhs: Decimal; rhs: Decimal; digits: number } | undefined => {
    const values = confirmAtPoint(lhs, rhs, point, DIGITS, true);
    if (values !== undefined || constantDifference === undefined || rhs.k !== 'cmp') return values;
    const left = confirmAtPoint(lhs, lhs, point, DIGITS, true);
    const operands = confirmAtPoint(rhs.a, rhs.b, point, DIGITS, true);
    if (left === undefined || operands === undefined || !left.lhs.isFinite() || !operands.lhs.isFinite() || !operands.rhs.isFinite()) return undefined;
    return { lhs: left.lhs, rhs: left.lhs.minus(decimalOf(constantDifference)), digits: left.digits };
  };
  if (neverZeroForm !== undefined) {
    for (const point of points) {
      const values = sidesAt(point);
      if (values && values.lhs.isFinite() && values.rhs.isFinite()) {
        return {
          point: byInput(point, inputs, instance), lhs: show(values.lhs), rhs: show(values.rhs), difference: neverZeroForm, digits: values.digits,
          nonzeroEverywhere: true,
        };
      }
    }
  }
  // Points just inside an interval's finite end too: a tail that shrinks away from the end (exp(-2 q) on (1000,
  // Infinity), 1e-869 at the end) is below the digits at random points past it (probe 30: softplus(q) = q + exp(-q)).
  // A bound's only on a half-line, where such tails live (tanh(x) <= 1 - 2 exp(-2 x) on (400, Infinity), off by 1e-695):
  // between finite ends its ends are read in the first pass, and -log(1 - q) > q read deep there was 7x slower.
  const read = inputNames(lhs, inputNames(rhs));
  const halfLine = inputs.some((i) => read.has(i.name) && i.interval !== undefined && Number.isFinite(i.interval.lowerValue) !== Number.isFinite(i.interval.upperValue));
  // Elsewhere one point is read deep, an end where there is one: a bound whose margin is a relative 1e-330 at every
  // point (sigmoid(-d) >= exp(-d) on (700, 800), log1p(exp(-800)) >= exp(-800)) was no verdict (probe 43).
  const deepEnds = bound && !halfLine ? [...ends, ...points].slice(0, 1) : ends.slice(0, DEEP_ENDS);
  // Ties at irrational constants (x = y = sqrt(1/2), Newton's point snapped) are decided by exact algebra, at any digits
  // that read the comparison twice: read deep too, wherever they stand among the ties (probe 81: one was the thirteenth).
  const exactTies = distinctPoints(tiePoints).filter((point) => !onAnEndLeftOut(point, byName) && !outsideChainedEnds(point, byName)
    && [...point.values()].some((v) => typeof v === 'object' && 'term' in v && constantFraction(v.term) === undefined)).slice(0, DEEP_TIES);
  const unseen = [...unseenAt].filter(([, needed]) => needed <= MAX_DIGITS).map(([point]) => point).slice(0, DEEP_UNSEEN);
  const deep = distinctPoints([...distinctPoints(tiePoints).filter((point) => !outsideChainedEnds(point, byName)).slice(0, DEEP_TIES), ...exactTies, ...deepEnds, ...tiedAtTop, ...unseen, ...(bound ? [] : scaled), ...later.slice(0, DEEP_ATTEMPTS)])
    .slice(0, readsLimit ? LIMIT_POINTS : undefined);
  const digits = deepDigits(lhs, rhs);
  for (const point of digits > 2 * DIGITS && !limited && searchable ? deep : []) {
    const hit = found(point, digits);
    if (hit) return hit;
  }
  if (outright) {
    for (const point of points) {
      const values = sidesAt(point);
      if (values && values.lhs.isFinite() && values.rhs.isFinite()) {
        return { point: byInput(point, inputs, instance), lhs: show(values.lhs), rhs: show(values.rhs), difference: decimalOf(outright), digits: values.digits };
      }
    }
  }
  // Every atom cancelled but inputs (sin(x) = sin(x) + 1e-250 x): the difference is a rational function of the
  // inputs, exact at any point; no missing identity between atoms can hide in it. Where both sides have a value
  // and it is not 0, the step is refuted, however far below the digits of either side it lies.
  if (exactDifference) {
    for (const point of points) {
      const values = confirmAtPoint(lhs, rhs, point, DIGITS, true);
      if (!values || !values.lhs.isFinite() || !values.rhs.isFinite()) continue;
      const difference = exactDifference(point, values.rhs);
      if (difference === undefined) continue;
      // Where 60 digits resolve it, the evaluation must show the same difference: else the exact form, not the
      // step, would be wrong, and nothing is refuted. Below their resolution the exact form is the witness.
      const scale = values.lhs.abs().gt(values.rhs.abs()) ? values.lhs.abs() : values.rhs.abs();
      const seen = values.lhs.minus(values.rhs);
      if (difference.abs().gt(scale.times(RESOLVED)) && seen.minus(difference).abs().gt(difference.abs().times('1e-10'))) continue;
      return { point: byInput(point, inputs, instance), lhs: show(values.lhs), rhs: show(values.rhs), difference: difference.toSignificantDigits(6).toString(), digits: values.digits };
    }
  }
  // A comparison tied at a root no formula gives, shown by the intermediate value theorem (root-between.ts); not in a
  // step about a derivative, where a tie on a set of measure zero refutes nothing.
  const root = almostEverywhere ? undefined : rootBetween(lhs, rhs, inputs);
  if (root !== undefined) {
    const middle = root.below + (root.above - root.below) / 2;
    return {
      point: byInput(new Map<string, PointValue>([[root.input, middle], ...root.alongside.map(({ input, value }) => [input, value] as const)]), inputs, instance),
      lhs: String(root.lhs), rhs: String(root.rhs), difference: String(root.lhs - root.rhs), digits: DIGITS,
      exactly: `${root.input} = a root of ${root.of} between ${root.below} and ${root.above}${root.alongside.length === 0 ? '' : `, with ${root.alongside.map(({ input, as }) => `${input} = ${as}`).join(', ')}`} (of opposite signs at those two in ${DIGITS} digits, and continuous between: by the intermediate value theorem it has a root there, where ${root.through === undefined ? '' : `${root.through} is exactly 0 and `}the comparison's sides tie)`,
    };
  }
  return undefined;
}

/**
 * Whether the line above may have a kink or a cusp, where a derivative's value is a convention:
 * a comparison, max or min, a function with a kink (relu, abs, sign), a root or a fractional
 * power, a function or series of unknown shape. A line above with none of them (diff(x^2, x))
 * is smooth wherever it has a value, and a step that differs from it at one point is wrong there:
 * `2x + (x == 0.123456)` was verified (eleventh probe, W3).
 */
function mayHaveKink(t: Term): boolean {
  // An interval's guard is a factor 0 (0 * sqrt(w - 1) at an included end): its cusp is no kink of any value (probe 28:
  // diff(w^2, w) > 2 on [1, 2], false at w = 1, was exempted as a convention there).
  return someSubterm(withoutZeroProducts(t), (x) => x.k === 'cmp' || x.k === 'extremum' || x.k === 'apply' || x.k === 'series' || x.k === 'integral' || (x.k === 'reduce' && x.op !== 'prod')
    || (x.k === 'fn' && (FUNCTIONS[x.name].kink !== undefined || x.name === 'sqrt'))
    || (x.k === 'pow' && !isWholeConstant(x.exponent)));
}

/** A comparison's two expressions at a point, in as many digits as showed it false there; undefined where they have none. */
function comparedAt(comparison: Term, point: ReadonlyMap<string, PointValue>, digits: number): Confirmation['compared'] {
  if (comparison.k !== 'cmp') return undefined;
  try {
    const [a, b] = [comparison.a, comparison.b].map((t) => evaluateHighPrecision(t, point, digits));
    if (!a.isFinite() || !b.isFinite()) return undefined;
    // A comparison called at a point is apart by more than its rounding, or tied exactly (by exact algebra): within
    // rounding the two are equal, and a value that is a rounding of 0 (cos(pi/2) reads 2.3e-60) is 0.
    const tiny = (v: Decimal) => v.abs().lt(new Decimal(`1e-${digits - 10}`));
    const tied = !clearlyDifferent(a, b, digits) || (a.isZero() && tiny(b)) || (b.isZero() && tiny(a));
    const rounded = (v: Decimal) => (tied && tiny(v) ? new Decimal(0) : v);
    const [x, y] = [rounded(a), rounded(b)];
    const difference = tied ? new Decimal(0) : x.minus(y);
    // As many digits as tell the two apart, and a few more, within the reading's own.
    const scale = Decimal.max(x.abs(), y.abs());
    const apart = difference.isZero() || scale.isZero() ? 0 : Math.max(0, scale.e - difference.e);
    const shown = (v: Decimal) => (v.isFinite() ? v.toSignificantDigits(Math.min(Math.max(20, apart + 4), digits - 10)).toString() : 'undefined');
    const differenceText = difference.isZero() ? '0' : difference.toSignificantDigits(6).toString();
    // Apart past some thirty digits, each side is a short number near both plus its own offset (0.5 - 7.18928e-303), not
    // 300 nines. Each offset from that number, not the difference: sigmoid(1000) against 1 - 1e-300 is 1 - 5e-435 against
    // 1 - 1e-300, and was shown as 1 + 1e-300 against 1 (probe 106). An offset below the reading's digits is none.
    if (apart > MAX_SHOWN_DIGITS && y.isFinite()) {
      const near = y.toSignificantDigits(20);
      const seen = scale.times(new Decimal(`1e-${digits - 10}`));
      const offset = (v: Decimal) => {
        const d = v.minus(near);
        return d.abs().lte(seen) ? near.toString() : `${near.toString()} ${d.isNegative() ? '-' : '+'} ${d.abs().toSignificantDigits(6).toString()}`;
      };
      return { above: offset(x), step: offset(y), difference: differenceText };
    }
    return { above: shown(x), step: shown(y), difference: differenceText };
  } catch (error) {
    // Past the wall-clock guard the search stops; a side no digits read (a tie inside it) leaves the 0/1 values shown.
    if (error instanceof GuardError) throw error;
    return undefined;
  }
}

/** The term with every product that has a factor exactly 0 written as 0. */
function withoutZeroProducts(t: Term): Term {
  if (t.k === 'mul' && t.factors.some((f) => f.k === 'num' && f.value.num === 0n)) return num(0);
  return mapChildren(t, withoutZeroProducts);
}

/** A number expression of whole value (3 - 1): a power of it is smooth. */
function isWholeConstant(t: Term): boolean {
  const c = constantFraction(t);
  return c !== undefined && c.num % c.den === 0n;
}

/** A bound's points too close to call in the first pass that are read deep, at most (see confirm). */
const DEEP_TIED = 3;

/** The most digits a compared value is shown with; apart further, as the other plus the difference. */
const MAX_SHOWN_DIGITS = 30;

/** The difference of the sides at a point where it is exactly known and not 0; else undefined. */
type ExactWitness = (point: ReadonlyMap<string, PointValue>, rhs: Decimal) => Decimal | undefined;
/** A difference below this part of the sides is below what a 60-digit evaluation resolves. */
const RESOLVED = '1e-40';

/**
 * Where every atom cancels but inputs, the sides' difference is known exactly at
 * any point, however far below the digits of either side it lies: a difference
 * that is a rational function of the inputs (sin(x) = sin(x) + 1e-250 x), or a
 * ratio that is (erf(2x) = erf(2x) (1 + 1e-300)), the difference then being
 * (ratio - 1) rhs at a point where rhs is clearly not 0. No missing identity
 * between atoms can hide in such a form. Undefined where atoms remain.
 */
function exactWitness(numerator: Polynomial, difference: RationalFunction, left: RationalFunction, right: RationalFunction,
  atoms: AtomTable, budget: Budget): ExactWitness | undefined {
  const atPoint = (f: { numerator: Polynomial; constant: Rational; factors: Array<{ factor: Polynomial; exponent: number }> }) => {
    const ids = [...f.numerator.variables(), ...f.factors.flatMap((x) => [...x.factor.variables()])];
    if (!ids.every((id) => atoms.atoms[id].kind === 'input')) return undefined;
    return (point: ReadonlyMap<string, PointValue>): Rational | undefined => {
      let missing = false;
      const values = (id: number): Rational => {
        const atom = atoms.atoms[id];
        const v = atom.kind === 'input' ? point.get(atom.text) : undefined;
        // An irrational tie point has no rational value: the exact difference is not known there.
        if (v === undefined || (typeof v === 'object' && 'term' in v)) { missing = true; return Rational.ZERO; }
        return typeof v === 'number' ? rationalOfDouble(v) : Rational.of(v.num, v.den);
      };
      const top = f.numerator.evaluate(values);
      let bottom = f.constant;
      for (const x of f.factors) bottom = bottom.mul(x.factor.evaluate(values).pow(x.exponent));
      return missing || bottom.isZero() ? undefined : top.div(bottom);
    };
  };
  const exactDifference = atPoint({ numerator, constant: difference.denominatorConstant(), factors: difference.denominatorFactors() });
  if (exactDifference) {
    return (point, rhs) => {
      const d = exactDifference(point);
      // In rhs's own precision (its constructor is the evaluation's).
      return d === undefined || d.isZero() ? undefined : rhs.times(0).plus(d.num.toString()).div(d.den.toString());
    };
  }
  if (right.isZero()) return undefined;
  let quotient: RationalFunction;
  try {
    quotient = left.div(right, budget);
  } catch (error) {
    if (error instanceof BudgetExceededError) return undefined;
    throw error;
  }
  const ratio = atPoint({ numerator: atoms.reduce(quotient.numerator(budget), budget), constant: quotient.denominatorConstant(), factors: quotient.denominatorFactors() });
  if (!ratio) return undefined;
  return (point, rhs) => {
    const r = ratio(point);
    // rhs at 60 digits: clearly not 0 where its value is above what they resolve.
    if (r === undefined || r.equals(Rational.ONE) || !(rhs.abs().gt(RESOLVED))) return undefined;
    const excess = r.sub(Rational.ONE);
    return rhs.times(excess.num.toString()).div(excess.den.toString());
  };
}

/**
 * Whether the sides differ at a point next to this one too: every entry moved by a
 * relative 1e-12 (1e-15 from 0), all up, all down, or alternately. A difference on an
 * open set next to the point shows in one of these; one on a kink alone in none.
 */
function differsNearby(lhs: Term, rhs: Term, point: ReadonlyMap<string, PointValue>, inputs: readonly Input[], maxDigits: number): boolean {
  // At finer hairs too: a threshold moved by 1e-20 (y m < 1 + 1e-20 for the hinge's y m < 1) differs on an interval
  // that narrow, not at a point, and a hair of 1e-12 steps over it (probe 36).
  return NEARBY_SCALES.some((scale) => nearbyPoints(point, inputs, scale).some((moved) => confirmAtPoint(lhs, rhs, moved, maxDigits) !== undefined));
}

/** The hairs a point is moved by, relative to its entries, to tell a difference at a kink alone from one on an interval. */
const NEARBY_SCALES = [12, 30, 45];

/**
 * Whether a derivative step's difference from the line above at a point is a kink's convention: the line above may have
 * a kink, the sides agree just beside the point (known where their almost-everywhere forms are equal: `agreeBeside`),
 * and the line above jumps there (by half the difference or more).
 */
function conventionAt(lhs: Term, rhs: Term, point: ReadonlyMap<string, PointValue>, inputs: readonly Input[], maxDigits: number, difference: Decimal,
  agreeBeside = false): boolean {
  return mayHaveKink(lhs) && (agreeBeside || !differsNearby(lhs, rhs, point, inputs, maxDigits)) && jumpsAt(lhs, point, inputs, maxDigits, difference);
}

/**
 * Whether the term jumps at the point: its value there is not its value at the points a hair away (or it has
 * a value at one and not the other). A term that cannot be evaluated there counts as a jump, so that nothing
 * is refuted on a point the evaluation cannot read.
 */
function jumpsAt(term: Term, point: ReadonlyMap<string, PointValue>, inputs: readonly Input[], maxDigits: number, difference: Decimal): boolean {
  // Digits that see the point's smallest entry beside 0: (x > 0) at x = 1e-300 is too close to call in 120, which read as
  // a jump and waived diff(abs(x), x) = sign(x) + (x == 1e-300), false at 1e-300 alone (probe 67).
  const digits = Math.max(Math.min(maxDigits, 2 * DIGITS), Math.min(MAX_DIGITS, DIGITS - smallestExponent(point)));
  const at = (p: ReadonlyMap<string, PointValue>) => {
    try {
      return evaluateHighPrecision(term, p, digits);
    } catch {
      return undefined;
    }
  };
  const here = at(point);
  if (here === undefined || !here.isFinite()) return true;
  // A jump as large as half the step's difference there is one, however small beside 1: relu's derivative inside a
  // softmax loss jumps by 6.5e-7 at Z1 = 0, below 1e-6, and the convention (Z1 >= 0) was refuted (two seeds in eight).
  const tolerance = Decimal.min(here.abs().plus(1).times(JUMP_TOLERANCE), difference.abs().div(2));
  return nearbyPoints(point, inputs).some((moved) => {
    const there = at(moved);
    return there === undefined || !there.isFinite() || there.minus(here).abs().gt(tolerance);
  });
}

/** The decimal exponent of a point's smallest nonzero entry, or 0 (an entry of a term: its double's). */
function smallestExponent(point: ReadonlyMap<string, PointValue>): number {
  let least = 0;
  for (const v of point.values()) {
    const e = pointExponent(v);
    if (Number.isFinite(e) && e < least) least = Math.floor(e);
  }
  return least;
}

/** How far, relative to 1 + |value|, the line above may move over a hair's step (1e-12 relative) and still be continuous. */
const JUMP_TOLERANCE = 1e-6;

/** Whether the step has a value at every point a hair away where the line above has one, and the line above has one at some. */
function valueAllAround(lhs: Term, rhs: Term, point: ReadonlyMap<string, PointValue>, inputs: readonly Input[]): boolean {
  let read = 0;
  for (const moved of nearbyPoints(point, inputs)) {
    const values = confirmAtPoint(lhs, rhs, moved, DIGITS, true);
    if (values === undefined || !values.lhs.isFinite()) continue;
    if (!values.rhs.isFinite()) return false;
    read++;
  }
  return read > 0;
}

/** The point moved a hair (1e-12 relative, 1e-15 at 0, or finer by `scale`) in each continuous entry, in four patterns of signs. */
function nearbyPoints(point: ReadonlyMap<string, PointValue>, inputs: readonly Input[], scale = 12): Map<string, PointValue>[] {
  const asRational = (v: PointValue) => (typeof v === 'number' ? rationalOfDouble(v) : 'term' in v ? rationalOfDouble(v.approx) : Rational.of(v.num, v.den));
  // Only entries that vary continuously move: a label or a one-hot entry stays what it is.
  const continuous = new Set(inputs.filter((i) => isContinuousKind(i.kind)).map((i) => i.name));
  const shifts = [(_: number) => 1, (_: number) => -1, (p: number) => (p % 2 === 0 ? 1 : -1), (p: number) => (p % 2 === 0 ? -1 : 1)];
  return shifts.map((sign) => {
    const moved = new Map<string, PointValue>();
    let p = 0;
    for (const [entry, v] of point) {
      if (!continuous.has(entry.split('[')[0])) { moved.set(entry, v); continue; }
      const r = asRational(v);
      // Each entry by a hair of its own (1, 2, 3, ... times the step): entries tied at the point part, so a step
      // that differs only where two entries tie (the max of a vector's gradient at x = [0, 0], probe 44) is not
      // read as differing on a neighbourhood of it.
      const step = (r.isZero() ? Rational.of(1n, 10n ** BigInt(scale + 3)) : r.abs().mul(Rational.of(1n, 10n ** BigInt(scale)))).mul(Rational.of(BigInt(p + 1), 1n));
      const next = sign(p++) > 0 ? r.add(step) : r.sub(step);
      moved.set(entry, { num: next.num, den: next.den });
    }
    return moved;
  });
}


function show(v: Decimal): string {
  return v.isFinite() ? v.toSignificantDigits(20).toString() : 'undefined';
}

/** A rational as a short decimal (the exact difference of an outright refutation). */
function decimalOf(q: Rational): string {
  const n = Number(q.num) / Number(q.den);
  if (Number.isFinite(n) && n !== 0) return n.toPrecision(6).replace(/\.?0+(e|$)/, '$1');
  return q.toString();
}

/** A point where the line above has a value and the step has none (it has none anywhere). */
function confirmNoValue(lhs: Term, instance: Instance, inputs: readonly Input[], seed: number): Confirmation | undefined {
  const random = seededRandom(seed ^ 0x9e3779b9);
  const point = randomPoint(inputs, instance, random, 0);
  const values = confirmAtPoint(lhs, lhs, point, DIGITS, true);
  if (!values || !values.lhs.isFinite()) return undefined;
  return { point: byInput(point, inputs, instance), lhs: show(values.lhs), rhs: 'undefined', difference: 'undefined', digits: values.digits };
}

/**
 * The values a confirmation tries beside ties and random points: where a steep function
 * of a constant turns (turningScales: tanh(1e8 x) at 1e-8), and each constant c from 4 to
 * 1e12 itself (log(exp(1e3) + exp(x)) against 1e3 + exp(x - 1e3) differs visibly only
 * near x = 1e3). At most {@link MAX_SCALES}, largest first.
 */
function confirmationScales(terms: readonly Term[]): number[] {
  const constants = new Set<number>();
  for (const t of terms) {
    someSubterm(t, (x) => {
      const c = x.k === 'num' ? Math.abs(Number(x.value.num) / Number(x.value.den)) : 0;
      if (c >= 4 && c <= 1e12) constants.add(c);
      return false;
    });
  }
  return [...new Set([...constants, ...turningScales(terms)])].sort((a, b) => b - a).slice(0, MAX_SCALES);
}

/** Scale points a confirmation tries at most: each costs one evaluation in 60 digits. */
const MAX_SCALES = 8;

/**
 * The values the first confirmation points give every entry of an input: ties, where
 * value tests like (x[i] == x[k]) behave differently from delta(i, k), and 0, where a
 * function with a scale of its own turns (tanh(x / 1e-12) is flat at every other
 * point a 60-digit evaluation sees): places random draws almost never land.
 */
const TIE_VALUES = [0, 0.5, 0.75, 1, 1.25];

/** Where a point's input with an interval is drawn: between its finite ends, else within 5 (or its own size) of its finite end, else [-4, 4]. */
function intervalRange(interval: InputInterval): [number, number] {
  const { lowerValue: lo, upperValue: hi } = interval;
  // Ends left out are never drawn: random() is below 1, and the lower end is moved in by a hair.
  const inward = (v: number, toward: number) => v + (toward - v) * 1e-9;
  if (Number.isFinite(lo) && Number.isFinite(hi)) return [inward(lo, hi), hi];
  // As far as the end is from 0, where that is more than 5: past 2^53 a draw within 5 of 1e40 is the end itself.
  if (Number.isFinite(lo)) return [inward(lo, lo + Math.max(5, Math.abs(lo))), lo + Math.max(5, Math.abs(lo))];
  if (Number.isFinite(hi)) return [hi - Math.max(5, Math.abs(hi)), hi];
  return [-4, 4];
}

/**
 * A point from the ranges of the random inputs; the first attempts put every entry
 * of each input at one value of {@link TIE_VALUES} (one in the input's range).
 */
function randomPoint(inputs: readonly Input[], instance: Instance, random: () => number, attempt: number, scale?: number): Map<string, PointValue> {
  const point = new Map<string, PointValue>();
  const tieValue = scale ?? (attempt >= 0 && attempt < TIE_VALUES.length ? TIE_VALUES[attempt] : undefined);
  for (const input of inputs) {
    // At 0 an abstract function is the zero function: where a step divides by g(x), g = 0 shows it has no value.
    // A tie or scale outside the input's type is no point of the step (t = 1.25 for a unit t refuted
    // abs(t - 1) = 1 - t): the input takes a random value of its range there.
    const inType = tieValue === undefined ? false
      : input.interval ? insideInterval(input, tieValue)
      : input.kind === 'unit' ? tieValue > 0 && tieValue < 1
        : input.kind === 'positive' ? tieValue > 0
          : input.kind === 'real' || input.kind === 'symmetric' || input.kind === 'function' || input.kind === 'count' || input.kind === 'simplex';
    const tie = inType && !(tieValue === 0 && input.kind === 'simplex') ? tieValue : undefined;
    const shape = input.dims.map((d) => (d.k === 'fixed' ? d.size : instance.sizes.get(d.name)!));
    const count = shape.reduce((a, b) => a * b, 1);
    const range = input.interval ? intervalRange(input.interval) : input.kind === 'positive' ? [0.1, 5] : input.kind === 'unit' ? [0.01, 0.99] : input.kind === 'simplex' ? [0.05, 1] : [-4, 4];
    // A point must be of the input's type, or it refutes what the type guarantees (det A > 0 for an
    // invertible A): diagonally dominant with a positive diagonal, as the random inputs are, and no tie.
    const dominant = input.kind === 'invertible' || input.kind === 'spd';
    // A count is a whole number: 0 to 9 (a tie value only where it is one).
    if (input.kind === 'count') {
      const values = Array.from({ length: count }, () => (tie !== undefined && Number.isInteger(tie) ? tie : Math.floor(10 * random())));
      values.forEach((v, flat) => point.set(shape.length === 0 ? input.name : `${input.name}[${flat + 1}]`, v));
      continue;
    }
    const n = shape[0];
    // At a tie attempt, a matrix of its kind where bounds on matrices are tight: a multiple of the identity, and (for an
    // invertible one, every other attempt) a scaled rotation [[a, 1], [-1, a]], where norm(A)^2 = 2 det(A) (probe 42).
    // Where the tie is 0 or below, outside the kind, the identity itself: with the vectors at 0, KL(N(m, S) || N(0, I))
    // is 0 only at m = 0 and S = I together (probe 46).
    const structured = dominant && tieValue !== undefined && scale === undefined;
    const diagonal = tieValue !== undefined && tieValue > 0 ? tieValue : 1;
    const turned = structured && input.kind === 'invertible' && attempt % 2 === 1 && n >= 2;
    let values = Array.from({ length: count }, (_, flat) => {
      const [row, column] = [Math.floor(flat / n), flat % n];
      if (structured) return row === column ? diagonal : turned && row === 0 && column === 1 ? 1 : turned && row === 1 && column === 0 ? -1 : 0;
      return dominant
        ? (row === column ? n + 2 * random() : -1 + 2 * random())
        : tie ?? range[0] + (range[1] - range[0]) * random();
    });
    // Entries that sum to 1 exactly: a 60-digit difference must never come from an input off its simplex by an ulp.
    if (input.kind === 'simplex') values = exactSimplex(values);
    values.forEach((v, flat) => {
      let rest = flat;
      const at: number[] = [];
      for (let p = shape.length - 1; p >= 0; p--) { at.unshift((rest % shape[p]) + 1); rest = Math.floor(rest / shape[p]); }
      point.set(at.length === 0 ? input.name : `${input.name}[${at.join(', ')}]`, v);
    });
  }
  return point;
}

/** The point as the random inputs report theirs: one array of entries per input (a number for a scalar). */
function byInput(point: ReadonlyMap<string, PointValue>, inputs: readonly Input[], instance: Instance): Record<string, number | number[]> {
  const out: Record<string, number | number[]> = {};
  for (const input of inputs) {
    if (input.kind === 'onehot' || input.kind === 'label') {
      const at = (input.kind === 'label' ? instance.labels : instance.hot).get(input.name);
      if (at === undefined) continue;
      const n = input.kind === 'label' ? at : (input.dims[0].k === 'fixed' ? input.dims[0].size : instance.sizes.get(input.dims[0].name)!);
      out[input.name] = input.kind === 'label' ? at : Array.from({ length: n }, (_, i) => (i + 1 === at ? 1 : 0));
      continue;
    }
    if (input.dims.length === 0) {
      const v = point.get(input.name);
      if (v !== undefined) out[input.name] = pointNumber(v);
      continue;
    }
    const values = [...point].filter(([k]) => k.startsWith(`${input.name}[`)).map(([, v]) => pointNumber(v));
    // A symmetric matrix is read as the symmetric part of the values held: that is the matrix to show.
    const shown = isSymmetricKind(input.kind) ? symmetricPart(values) : values;
    if (values.length > 0) out[input.name] = shown;
  }
  return out;
}
