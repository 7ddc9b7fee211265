/**
 * Inequality steps of a chain (`<= E`, `< E`, `>= E`, `> E`).
 *
 * A step `r E` below an expression A claims: wherever A has a value, E has one and
 * A r E. That is an equality the engines already decide, between
 *
 *   0 * A + 1       (1 wherever A has a value: the line above's domain, kept)
 *   (A r E)         (the comparison as a 0/1 value)
 *
 * so an inequality gets every guarantee an equality has: the exact engine proves it
 * where the comparison's sign follows from the inputs' kinds, a tie at an exact point
 * refutes a strict one (`1 + x < exp(x)` at x = 0), a comparison doubles cannot decide
 * goes to 60 digits, and where E has no value but A has one the step is refuted.
 * Only the report is the inequality's own: a counterexample shows A and E, not 1 and 0.
 */
import type { Relation } from '../syntax/index.ts';
import { hasApply, logForm, shownApart, twoValuedClass, type Input, type Model, type ModelClaim, type Term } from '../model/index.ts';
import { compilePreciseSide, compileTerm, evaluatePrecise, IndexSlots, layoutInputs, newState, preciseEvaluator, QUADRATURE_WORK, withQuadratureWork, type Layout } from '../numeric/index.ts';
import { Decimal } from 'decimal.js';
import type { Counterexample, StepResult } from './results.ts';

/** The pair an inequality step is checked as: the line above's domain, and the comparison that must be 1 on it. */
export function relationAsEquality(above: Term, step: Term, relation: Exclude<Relation, '='>): { above: Term; step: Term } {
  // Built by hand, not by mul(): 0 * A must keep A's domain even where A has a value everywhere (it then folds to 1 in the engines).
  const domain: Term = { k: 'add', terms: [{ k: 'mul', factors: [{ k: 'num', value: { num: 0n, den: 1n } }, above] }, { k: 'num', value: { num: 1n, den: 1n } }] };
  return { above: domain, step: { k: 'cmp', op: relation, a: above, b: step } };
}

/** The relation's sense in words, for messages: "at most", "less than", ... */
export function relationWords(relation: Exclude<Relation, '='>): string {
  switch (relation) {
    case '<=': return 'at most';
    case '<': return 'less than';
    case '>=': return 'at least';
    case '>': return 'greater than';
  }
}

/** Whether a relation holds between two doubles. */
function holds(relation: Exclude<Relation, '='>, a: number, b: number): boolean {
  switch (relation) {
    case '<=': return a <= b;
    case '<': return a < b;
    case '>=': return a >= b;
    case '>': return a > b;
  }
}

/** Counterexamples whose lhs and rhs are a high-precision reading of the two expressions a bound compares. */
export const COMPARED_IN_HIGH_PRECISION = new WeakSet<Counterexample>();

/**
 * A refuted inequality's counterexample with the values of the two expressions
 * compared (the line above and the step) in place of the comparison's 1 and 0, and
 * their difference. Where they cannot be evaluated again in doubles (an abstract
 * function, a value past double range), the 0/1 values stay.
 */
export function withComparedValues(result: StepResult, model: Model, claim: ModelClaim, above: Term, step: Term): StepResult {
  const c = result.detail.counterexample;
  if (c === undefined) return withoutExplanation(result);
  const values = valuesAt(model.inputs, claim, [above, step], c);
  const relation = result.relation as Exclude<Relation, '='>;
  // Where doubles would show the bound holding (0.2499999999999996 < 0.25 for diff(sigmoid(x), x) < 1/4 at x = 0,
  // -0.27846454276107379 twice for silu(x) > -0.278464542761073795109358739), the high-precision reading's values of
  // the two expressions stand as read.
  // So do they where the doubles at the point are far from them ((1 - cos x) / x^2 at x = 1e-151 reads 0 in doubles, 0.5
  // in 726 digits: probe 63).
  // (A value shown as the other plus a difference, 0.5 - 7.18928e-303, is read by its first number.)
  const apart = (read: number | string, double: number) => typeof read === 'string' && Number.isFinite(parseFloat(read))
    && Math.abs(parseFloat(read) - double) > 1e-6 * Math.max(Math.abs(parseFloat(read)), Math.abs(double));
  if (COMPARED_IN_HIGH_PRECISION.has(c) && (values === undefined || !Number.isFinite(values[0]) || holds(relation, values[0], values[1])
    || (values[0] === values[1] && c.difference !== '0') || apart(c.lhs, values[0]) || apart(c.rhs, values[1]))) {
    const explanation = `the line above, ${c.lhs}, is not ${relationWords(relation)} the step, ${c.rhs}: ${c.difference === '0' ? 'they are equal there' : `they differ by ${c.difference}`}`;
    return { ...result, detail: { ...withoutExplanation(result).detail, explanation } };
  }
  if (values === undefined || !Number.isFinite(values[0])) {
    // No double for the line above (phi(z) / Phi(z) at z = -1e13, 0 / 0 in doubles): the 60-digit values, where they show
    // the failure, in place of the comparison's 1 and 0.
    const precise = preciseValuesAt(model.inputs, claim, [above, step], c);
    if (precise === undefined || holds(relation, precise[0].cmp(precise[1]), 0)) return withoutExplanation(result);
    return readInSixtyDigits(result, c, precise, relation, 'where doubles have no value for the line above');
  }
  const [a, b] = values;
  // A step past the doubles' range (1 - 1e-17 t^2 at t = 1e300 is -1.02e583, -Infinity in doubles) has a value: its
  // 60 digits are shown, not "no value" (probe 107).
  if (Number.isFinite(a) && !Number.isFinite(b) && !Number.isNaN(b) && c.rhs !== 'undefined') {
    const precise = preciseValuesAt(model.inputs, claim, [above, step], c);
    if (precise !== undefined && !holds(relation, precise[0].cmp(precise[1]), 0)) return readInSixtyDigits(result, c, precise, relation, 'where the step is past the range of doubles');
  }
  // Where the step has no value, it is said so; a 60-digit counterexample keeps its words for why doubles show no difference.
  const noValue = c.rhs === 'undefined' || !Number.isFinite(b);
  const counterexample: Counterexample = noValue
    ? { ...c, lhs: a, rhs: 'undefined', difference: 'undefined', tolerance: undefined }
    : { ...c, lhs: a, rhs: b, difference: a - b, tolerance: undefined };
  const at = [...Object.entries(c.inputs).map(([name, v]) => `${name} = ${Array.isArray(v) ? `[${v.join(', ')}]` : v}`),
    ...Object.entries(c.indices).map(([name, v]) => `${name} = ${v}`)].join(', ');
  // Six digits, or as many as tell the two apart (-0.16990046 against -0.1699, not -0.1699 against -0.1699).
  let digits = 6;
  while (digits < 17 && values[0] !== values[1] && Number(values[0].toPrecision(digits)) === Number(values[1].toPrecision(digits))) digits++;
  const short = (v: number) => String(Number(v.toPrecision(digits)));
  // Refuted where doubles say the bound holds: at an exact point (cos(w) > 0 at w = pi/2 exactly, whose double reads
  // 6.1e-17), or by a margin below their digits. The doubles are shown as what they are, not as the comparison.
  const doublesHold = !noValue && holds(relation, a, b);
  // Doubles that hold where 60 digits refuted (both sides past their range, 1 - Phi(u) and phi(u) / u at u = 1e8, read 0
  // and 0): the 60-digit values are shown, where they settle and show the failure.
  // So where the doubles read the sides equal and the relation strict (exp(-1000) < 5e-435, both 0 in doubles): the
  // report showed 0, 0 and a difference of 0 (probe 86).
  // So where the numbers re-read the point in 60 digits because doubles lost a side, and the doubles are far from those
  // values (1 - cos(1e-9) reads 0 in doubles and 4.99e-19 in 60 digits: "the line above, 0, ..." was shown, probe 90).
  const reread = !noValue && (c.foundBy ?? '').includes('60-digit');
  if (doublesHold || (!noValue && a === b) || reread) {
    const precise = preciseValuesAt(model.inputs, claim, [above, step], c, true);
    const far = (x: Decimal, d: number) => !x.isFinite() || Math.abs(x.toNumber() - d) > 1e-6 * Math.max(Math.abs(x.toNumber()), Math.abs(d));
    // A tie in 60 digits as in doubles (exp(x) > 1 + x at x = 0) is said as the doubles say it.
    if (precise !== undefined && !holds(relation, precise[0].cmp(precise[1]), 0) && (doublesHold || !precise[0].eq(precise[1]))
      && (doublesHold || a === b || far(precise[0], a) || far(precise[1], b))) {
      return readInSixtyDigits(result, c, precise, relation, `below what double precision can see (in doubles they read ${short(a)} and ${short(b)})`);
    }
    // Past the range of 60-digit numbers too (erfc(x) and exp(-x^2) / (x sqrt(pi) + 1e-9) at x = 1e10, e^(-10^20)): their
    // logs, as the numbers compared them (numeric/precise.ts).
    if (precise === undefined && a === b) {
      const logs = preciseValuesAt(model.inputs, claim, [logForm(above), logForm(step)], c);
      if (logs !== undefined && !holds(relation, logs[0].cmp(logs[1]), 0)) {
        const shown = shownApart(logs[0], logs[1]);
        const read = { ...c, lhs: `exp(${shown.lhs})`, rhs: `exp(${shown.rhs})`, difference: `exp(${shown.lhs}) - exp(${shown.rhs})`, tolerance: undefined };
        const words = `the line above, exp(${shown.lhs}), is not ${relationWords(relation)} the step, exp(${shown.rhs}): past the range of every reading (in doubles both read ${short(a)}), their logs differ by ${shown.difference}; read in 60 digits through their logs`;
        return { ...result, detail: { ...withoutExplanation(result).detail, counterexample: read, explanation: words } };
      }
    }
  }
  const explanation = noValue ? `the step has no value ${at === '' ? 'here' : `at ${at}`}, where the line above is ${short(a)}`
    : doublesHold ? `the line above is not ${relationWords(relation)} the step there, by less than double precision can see (in doubles they read ${short(a)} and ${short(b)})`
      : `the line above, ${short(a)}, is not ${relationWords(relation)} the step, ${short(b)}${a === b ? ' (equal in double precision)' : ''}`;
  const detail = { ...withoutExplanation(result).detail, counterexample, explanation };
  return { ...result, detail };
}

/** A counterexample with the two expressions' 60-digit values (`precise`), and why doubles could not show them (`unseen`). */
function readInSixtyDigits(result: StepResult, c: Counterexample, [x, y]: Decimal[], relation: Exclude<Relation, '='>, unseen: string): StepResult {
  const shown = shownApart(x, y);
  const read = { ...c, ...shown, tolerance: undefined };
  const words = `the line above, ${shown.lhs}, is not ${relationWords(relation)} the step, ${shown.rhs}: they differ by ${shown.difference}, ${unseen}; read in 60 digits`;
  return { ...result, detail: { ...withoutExplanation(result).detail, counterexample: read, explanation: words } };
}

/** The exact engine's difference of the 0/1 forms says nothing a reader can use: dropped. */
function withoutExplanation(result: StepResult): StepResult {
  if (result.detail.explanation === undefined) return result;
  const { explanation: _, ...detail } = result.detail;
  return { ...result, detail };
}

/** The terms' values in doubles at a counterexample (NaN or an infinity where doubles give no value), or undefined where they cannot be evaluated here. */
function valuesAt(inputs: readonly Input[], claim: ModelClaim, terms: readonly Term[], c: Counterexample): number[] | undefined {
  return readAt(inputs, claim, terms, c, (compiled, evaluation) => withQuadratureWork(QUADRATURE_WORK, () => compiled.map((f) => f(evaluation))));
}

/**
 * The two expressions in 60 digits at the counterexample (the numbers' own high-precision reading, with its forms
 * that keep the digits of 1 - Phi(u) and log(Phi(u))), as short decimals, where both settle; undefined elsewhere.
 */
export function preciseValuesAt(inputs: readonly Input[], claim: ModelClaim, terms: readonly Term[], c: Counterexample, tiesWithinError = false): Decimal[] | undefined {
  return readAt(inputs, claim, terms, c, (_, evaluation, layout, slots) => {
    const evaluator = preciseEvaluator();
    const values: Decimal[] = [];
    const errors: Decimal[] = [];
    for (const t of terms) {
      const v = evaluatePrecise(compilePreciseSide(t, layout, slots, evaluator), evaluation);
      if (v === undefined || v === 'unsettled' || !v.value.isFinite() || !v.error.isFinite() || v.error.gte(v.value.abs())) return undefined;
      values.push(new Decimal(v.value.toString()));
      errors.push(new Decimal(v.error.toString()));
    }
    // Two readings apart by less than their errors are one value, as read: y^1 against y at y = 1e-20 read 2e-81 apart
    // through the power's rounding, and the report said they differed by that (probe 109).
    if (tiesWithinError && values.length === 2 && values[0].minus(values[1]).abs().lte(errors[0].plus(errors[1]))) return [values[0], values[0]];
    return values;
  });
}

/** The terms compiled at the counterexample's sizes, its inputs and free indices set, and `read` of them; undefined where that fails. */
function readAt<V>(inputs: readonly Input[], claim: ModelClaim, terms: readonly Term[], c: Counterexample,
  read: (compiled: ReturnType<typeof compileTerm>[], evaluation: ReturnType<typeof newState>, layout: Layout, slots: IndexSlots) => V | undefined): V | undefined {
  if (terms.some((t) => hasApply(t))) return undefined;
  const sizes = new Map(Object.entries(c.sizes));
  let layout: Layout;
  try {
    layout = layoutInputs(inputs, sizes);
  } catch {
    return undefined; // a dimension the counterexample does not size
  }
  const slots = new IndexSlots();
  const compiled = terms.map((t) => compileTerm(t, layout, slots));
  const evaluation = newState(layout, slots);
  for (const input of inputs) {
    const slot = layout.slots.get(input.name);
    const shown = c.inputs[input.name];
    if (!slot || shown === undefined) continue;
    // A binary or sign input is shown as its value and held as a label over the classes 1 and 2.
    const two = input.binary;
    const entries = (typeof shown === 'number' ? [shown] : shown).map((v) => (two ? twoValuedClass(two, v) : v));
    if (entries.length !== slot.shape.reduce((x, y) => x * y, 1)) return undefined;
    evaluation.values.set(entries, slot.offset);
  }
  for (const f of claim.freeIndices) {
    const v = c.indices[f.name];
    if (typeof v !== 'number') return undefined;
    evaluation.indices[slots.slot(f.name)] = v;
  }
  // An integral is read by the numbers' own quadrature, within the work one input of a step gets (probe 62: a bound on
  // the Gaussian tail, 0.1394 against 0.1, showed its comparison's 1 and 0).
  try {
    return read(compiled, evaluation, layout, slots);
  } catch {
    return undefined;
  }
}
