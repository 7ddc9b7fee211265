import { hasAffineIndex,
  mapChildren, mul, printIndex, substituteIndices, sub, usesIndexVariable, ONE,
  type Dim, type FreeIndex, type Index, type Input, type LetDefinition, type Term,
} from '../model/index.ts';
import { AtomTable, Canonicalizer, DomainError, type IndexNotationRules } from './canonical.ts';
import { domainRule, failsOnNullSet } from './domain.ts';
import { bracketed, Budget, BudgetExceededError, Polynomial, RationalFunction } from './exact/index.ts';
import { deltaRanges, distribute, eliminateDeltas, hasValueFor, pickByDelta, withinRange, withoutDelta, type DeltaRanges } from './eliminate-deltas.ts';
import { explain, plusText } from './explain.ts';
import { refold, refoldText } from './refold.ts';
import { isOneHotRows, labelsAsOneHotRows } from './label-rows.ts';
import { mergedDifference } from './merge-sums.ts';
import { flattenedSum, noteNestedSum, takesSumsIn, nestedSumName } from './nested-sums.ts';

/** The name of the bound index of the sum being read at nesting level `level` (1 = outermost). */
const boundName = (level: number) => `@${level}`;

/**
 * The text of a sum atom over `body`: its own index becomes #0 and the indices
 * of sums inside it shift by one (de Bruijn), so that sum(i, sum(j, f(i, j)))
 * and sum(i, sum(j, f(j, i))) never share a text, while the same closed sum
 * has the same text at any depth.
 */
function sumText(body: string, bound: string): string {
  // A sum's atom text holds its body's: nested sums inside exps (a recurrence's tanh at 13 levels) double it at each
  // level, and built out they ran out of a 4 GB heap. Past this length the step is left to the other engines.
  if (body.length > MAX_SUM_TEXT) throw new BudgetExceededError('terms', MAX_SUM_TEXT);
  const shifted = body.replace(/#(\d+)/g, (_, d: string) => `#${Number(d) + 1}`).replaceAll(bound, '#0');
  return `sum(#0, ${shifted})`;
}

/** The longest body text a sum atom is named by (see sumText). */
const MAX_SUM_TEXT = 100_000;


/** A case where the sides differ, and how to explain it (computed for the one case named). */
interface Failure {
  readonly partition: IndexSymbol[][];
  /** `reads`: whether the text is the same in every case, this case's own, or this case's where it fixes an index to a number. */
  readonly explain: () => { readonly text: string; readonly reads: 'same' | 'case' | 'numbers' };
}

/** Once a case where the sides differ is found, at most this many more cases are read looking for a more general one. */
const MORE_CASES_FOR_AN_EXPLANATION = 64;

/** Raised for a construct the every-n prover does not handle; the step keeps its other verdicts. */
class NotHandled extends Error {
  override readonly name = 'NotHandled';
}

export type EveryNOutcome =
  /** `removable`: as in SymbolicOutcome, a condition waived in a step about a derivative (`x[k] != 0`). */
  | { readonly kind: 'proved'; readonly cases: number; readonly removable?: string }
  | { readonly kind: 'not-proved'; readonly reason: string; readonly explanation?: string };

/** An index symbol of a claim, whose equality with the others is split into cases. */
interface IndexSymbol {
  readonly key: string;
  readonly index: Index;
  /** The dimension it ranges over; undefined for a literal, which fits any. */
  readonly dim: string | undefined;
  /** Preference as a case's representative: a literal beats a dimension beats a label beats a variable. */
  readonly rank: number;
}

/**
 * Proves a step for every size of every dimension, without expanding a sum.
 * The cases are the ways the claim's index symbols (free indices, `n` used as
 * an index, literals, labels) can coincide. In each case, sums are read
 * structurally: deltas on the bound index pick one term
 * (sum(j, delta(j, k) f(j)) = f(k)), factors free of the bound index move out,
 * and what remains becomes a sum atom compared by its canonical body; sum(j, 1)
 * is the size. The facts of the types apply: a simplex or one-hot vector sums
 * to 1, and one-hot entries satisfy y_i^2 = y_i and y_i y_k = 0 for i != k.
 * Equal canonical forms in every case prove the step; anything else leaves the
 * verdict to the concrete sizes.
 */
export function proveForEveryN(
  lhs: Term, rhs: Term, inputs: readonly Input[], freeIndices: readonly FreeIndex[], budget: Budget,
  /** The derivation's definitions, to explain a difference in its own names. */
  definitions: readonly LetDefinition[] = [],
  /** The step is about a derivative: orderings are read almost everywhere (relu' = [a > 0]). */
  almostEverywhere = false,
): EveryNOutcome {
  // An affine index (x[i + j - 1]) breaks what the cases rest on: that an index symbol is a value of
  // its range, and that a delta on it picks a term. The concrete sizes decide such a step.
  if (hasAffineIndex(lhs) || hasAffineIndex(rhs)) return { kind: 'not-proved', reason: 'an index that adds index variables (i + j - 1) is decided at the sizes tried, not for every n' };
  // Deltas inside nested sums (what grad of a matrix expression leaves) pick their terms first.
  const inputMap = new Map(inputs.map((i) => [i.name, i]));
  const ranges = deltaRanges([lhs, rhs], inputMap, freeIndices);
  [lhs, rhs] = [eliminateDeltas(lhs, inputMap, ranges), eliminateDeltas(rhs, inputMap, ranges)];
  // Labels still indexed by a summation index after the deltas picked theirs (the batch cross-entropy's
  // y[i] inside sum(i, ...)) become sums over their classes weighted by one-hot rows (label-rows.ts).
  const rows = [labelsAsOneHotRows(lhs, inputMap), labelsAsOneHotRows(rhs, inputMap)];
  const viaOneHotRows = rows.every((r) => r !== undefined) && rows.some((r) => r!.inputs.length > 0);
  if (viaOneHotRows) {
    for (const r of rows) for (const input of r!.inputs) inputMap.set(input.name, input);
    lhs = eliminateDeltas(rows[0]!.term, inputMap, ranges);
    rhs = eliminateDeltas(rows[1]!.term, inputMap, ranges);
  }
  let symbols: IndexSymbol[];
  try {
    symbols = collectSymbols([lhs, rhs], freeIndices, inputMap);
  } catch (error) {
    if (error instanceof NotHandled) return { kind: 'not-proved', reason: error.message };
    throw error;
  }
  let cases = 0;
  // Where the sides differ: the first case (the most indices equal) and the most general one (the most
  // distinct: "where the indices differ" reads better than "where i = l"), explained once at the end; and
  // whether any case holds. Where some case holds, the case is the point and the general one is named;
  // where none does, the first case's difference says more (a missing term, not "this step is 0").
  let firstFailure: Failure | undefined;
  let failure: Failure | undefined;
  let casesAfterFailure = 0;
  let someCaseHolds = false;
  // The domain rule: a case where the line above has no value is free; a condition of the step the line above does not imply leaves the step unproved.
  let lhsHasValue = false;
  let unproved: string | undefined;
  let removable: string | undefined;
  for (const partition of partitions(symbols)) {
    if (!labelsConsistent(partition)) continue;
    cases++;
    const representative = new Map<string, Index>();
    for (const block of partition) {
      const best = block.reduce((a, b) => (b.rank < a.rank ? b : a));
      for (const s of block) representative.set(s.key, best.index);
    }
    const rename = (i: Index): Index => representative.get(symbolKey(i)) ?? i;
    // A case where the last index n is the literal L is the case n = L: the size is known there.
    const knownSizes = new Map<string, number>();
    for (const block of partition) {
      const literal = block.find((b) => b.index.k === 'lit')?.index;
      if (literal?.k !== 'lit') continue;
      for (const b of block) if (b.index.k === 'dim') knownSizes.set(b.index.name, literal.value);
    }
    const atoms = new AtomTable();
    const canonical = new Canonicalizer(atoms, inputMap, budget, indexNotationRules(inputMap, knownSizes, ranges), almostEverywhere);
    try {
      const leftSide = canonical.side(renameIndices(lhs, rename));
      const rightSide = canonical.side(renameIndices(rhs, rename));
      // Rewritten through one-hot rows, a side asks for a value at every class, not only at the label's:
      // its conditions may be stronger than the step's own, so they excuse nothing. Only a step with a
      // value everywhere is proved that way.
      if (viaOneHotRows && (leftSide.conditions.never !== undefined || rightSide.conditions.never !== undefined || rightSide.conditions.list.length > 0)) {
        return { kind: 'not-proved', reason: 'a label indexed by a summation index, in a step with conditions on its domain' };
      }
      if (leftSide.conditions.never !== undefined) continue;
      lhsHasValue = true;
      if (rightSide.conditions.never !== undefined) {
        unproved ??= `the step has no value (${rightSide.conditions.never})`;
        continue;
      }
      const { missing, waived } = domainRule(rightSide.conditions, leftSide.conditions, almostEverywhere ? (c) => failsOnNullSet(c, atoms.nullSetFacts(inputMap)) : undefined);
      if (missing) unproved ??= `the step needs ${missing.text}, which the line above does not imply`;
      else if (waived) removable ??= readable(waived.text);
      const left = leftSide.form;
      const right = rightSide.form;
      const difference = left.sub(right, budget);
      const numerator = applyOneHotFacts(atoms.reduce(difference.numerator(budget), budget), atoms, inputMap);
      if (failure && ++casesAfterFailure > MORE_CASES_FOR_AN_EXPLANATION && someCaseHolds) break;
      // Sums read one by one may differ only until they are added up: a case the sides agree in
      // term by term of one sum (merge-sums.ts) holds. Tried only where the sides differ.
      const holdsMerged = () => {
        const merged = canonical.of(mergedDifference(renameIndices(lhs, rename), renameIndices(rhs, rename)));
        return applyOneHotFacts(atoms.reduce(merged.numerator(budget), budget), atoms, inputMap).isZero();
      };
      if (!numerator.isZero() && !holdsMerged()) {
        if (failure && failure.partition.length >= partition.length) continue;
        failure = {
          partition,
          explain: () => {
            const missingFact = factThatWouldHold(numerator, atoms, inputMap);
            // A factor or a term in the step's own words first; then a fact the types do not give; then a term or the difference folded into the definitions.
            const plain = explain(left, right, difference, atoms, budget, { rhs: renameIndices(rhs, rename), definitions, canonical });
            const worded = plain.kind === 'constant-factor' || plain.kind === 'factor' || plain.kind === 'term';
            // A raw difference reads better in the derivation's own names, where a definition folds back in.
            const named = plain.kind === 'residual' ? refold(difference, definitions, canonical) : undefined;
            const term = plain.kind === 'residual' ? extraTerm(left, right, definitions, canonical, budget) : undefined;
            const text = worded ? plain.text : missingFact ?? term ?? named ?? plain.text;
            // A factor reads the same in every case; a raw difference is this case's own (Z[r, r] where r = c);
            // an added term is, where the case fixes an index to a number (Z[1, 1] where i = 1).
            const reads = plain.kind === 'constant-factor' || plain.kind === 'factor' || text === missingFact ? 'same' as const
              : text.startsWith('lhs - rhs') ? 'case' as const : 'numbers' as const;
            return { text, reads };
          },
        };
        firstFailure ??= failure;
      } else {
        someCaseHolds = true;
      }
    } catch (error) {
      if (error instanceof NotHandled) return { kind: 'not-proved', reason: error.message };
      if (error instanceof BudgetExceededError) {
        return { kind: 'not-proved', reason: error.kind === 'time' ? 'the last-resort wall-clock guard fired (a hang, not a budget)' : 'budget exceeded' };
      }
      if (error instanceof DomainError) return { kind: 'not-proved', reason: error.message };
      throw error;
    }
  }
  if (failure && firstFailure) {
    const named = someCaseHolds ? failure : firstFailure;
    let explanation: string | undefined;
    try {
      const { text, reads } = named.explain();
      // Where no case holds, the case is named only where the explanation reads differently in it.
      const where = someCaseHolds ? describeCase(named.partition)
        : reads === 'case' ? describeCase(named.partition, { mergedOnly: true })
          : reads === 'numbers' && named.partition.some((b) => b.some((x) => x.index.k === 'lit') && b.some((x) => x.index.k !== 'lit'))
            ? describeCase(named.partition, { mergedOnly: true }) : '';
      explanation = readable(`${where}${text}`);
    } catch (error) {
      // An explanation is a courtesy: a budget spent on it leaves the step unproved, without words.
      if (!(error instanceof BudgetExceededError)) throw error;
    }
    return { kind: 'not-proved', reason: 'the canonical forms differ in some case', ...(explanation === undefined ? {} : { explanation }) };
  }
  if (!lhsHasValue) return { kind: 'not-proved', reason: 'the line above has no value in any case' };
  if (unproved !== undefined) return { kind: 'not-proved', reason: readable(unproved) };
  return { kind: 'proved', cases, ...(removable === undefined ? {} : { removable }) };
}

/**
 * A missing or extra term in the derivation's names: right - left folded into a
 * definition (`s[k] - 1` is "the right side is the left side plus 1 - s[k]"),
 * when it is short enough to read as a term and not a formula.
 */
function extraTerm(left: RationalFunction, right: RationalFunction, definitions: readonly LetDefinition[], canonical: Canonicalizer, budget: Budget): string | undefined {
  let text: string | undefined;
  try {
    text = refoldText(right.sub(left, budget), definitions, canonical);
  } catch {
    return undefined; // a budget ran out: the plainer explanations remain
  }
  if (text === undefined || text.length > 60 || (text.match(/ [+-] /g) ?? []).length > 2) return undefined;
  return plusText(text);
}

/**
 * Bound indices as letters for people: #0, #1, ... (the binders of a sum atom's
 * text by depth, outermost first; the keys stay internal) become letters that no
 * other name of the text uses, so a claim's free j stays j and a sum beside it binds l.
 */
function readable(text: string): string {
  const used = new Set(text.match(/[\p{L}_][\p{L}\p{N}_]*/gu) ?? []);
  const letters = ['j', 'l', 'm', 'p', 'q', 'r', 'u', 'v', 'a', 'b', 'c', 'd'].filter((c) => !used.has(c));
  return withLabelsForRows(text.replace(/#(\d+)/g, (_, d: string) => letters[Number(d)] ?? `j${Number(d) + 2}`));
}

/** One-hot rows (label-rows.ts) as the derivation would write them: ⟨y⟩[j, y[i]] is (y[i] == y[j]). */
function withLabelsForRows(text: string): string {
  let out = '';
  let at = 0;
  for (let open = text.indexOf('⟨', at); open >= 0; open = text.indexOf('⟨', at)) {
    const close = text.indexOf('⟩[', open);
    if (close < 0) break;
    // The entry's brackets, matched, and its last top-level comma: the row before it, the class after.
    let depth = 0;
    let comma = -1;
    let end = -1;
    for (let p = close + 1; p < text.length && end < 0; p++) {
      if (text[p] === '[' || text[p] === '(') depth++;
      else if (text[p] === ']' || text[p] === ')') { depth--; if (depth === 0) end = p; }
      else if (text[p] === ',' && depth === 1) comma = p;
    }
    if (end < 0 || comma < 0) break;
    const label = text.slice(open + 1, close);
    out += `${text.slice(at, open)}(${text.slice(comma + 1, end).trim()} == ${label}[${text.slice(close + 2, comma).trim()}])`;
    at = end + 1;
  }
  return out + text.slice(at);
}

function describeCase(partition: readonly IndexSymbol[][], options: { mergedOnly?: boolean } = {}): string {
  const merged = partition.filter((b) => b.length > 1 && b.some((s) => s.index.k === 'var'));
  const distinct = partition.filter((b) => b.some((s) => s.index.k === 'var'));
  if (merged.length === 0 && (distinct.length < 2 || options.mergedOnly)) return '';
  const parts = merged.map((b) => b.map((s) => printIndex(s.index)).join(' = '));
  return parts.length > 0 ? `where ${parts.join(', ')}: ` : 'where the indices differ: ';
}

function symbolKey(i: Index): string {
  switch (i.k) {
    case 'var': return `var:${i.name}`;
    case 'dim': return `dim:${i.name}`;
    case 'label': return i.indices.length === 0 ? `label:${i.name}` : `label:${printIndex({ ...i, offset: 0 })}`;
    case 'lit': return `lit:${i.value}`;
    case 'affine': return `affine:${printIndex(i)}`;
  }
}

function dimKey(d: Dim): string {
  return d.k === 'sym' ? d.name : `#${d.size}`;
}

/** The index symbols of the terms that are not bound by a sum. */
function collectSymbols(terms: readonly Term[], free: readonly FreeIndex[], inputs: ReadonlyMap<string, Input>): IndexSymbol[] {
  const freeDims = new Map(free.map((f) => [f.name, dimKey(f.dim)]));
  const out = new Map<string, IndexSymbol>();
  const see = (i: Index, bound: ReadonlySet<string>) => {
    if (i.k === 'var' && bound.has(i.name)) {
      if (i.offset !== 0) throw new NotHandled('an offset on a summation index');
      return;
    }
    if ((i.k === 'var' || i.k === 'dim' || i.k === 'label') && i.offset !== 0) throw new NotHandled('an index with an offset');
    if (i.k === 'label' && i.indices.length > 0) {
      // y[i] with i free is one more index symbol over the classes (any value in 1..C, which the
      // cases let coincide with the others); y[j] with j bound varies inside the sum: not handled.
      const inner = (x: Index): boolean => (x.k === 'var' && bound.has(x.name)) || (x.k === 'label' && x.indices.some(inner));
      if (i.indices.some(inner) || i.indices.some((x) => x.k === 'label')) throw new NotHandled('a label indexed by a summation index');
      i.indices.forEach((x) => see(x, bound));
    }
    const key = symbolKey(i);
    if (out.has(key)) return;
    const dim = i.k === 'var' ? freeDims.get(i.name) : i.k === 'dim' ? i.name : i.k === 'label' ? dimKey(inputs.get(i.name)!.classes!) : undefined;
    const rank = i.k === 'lit' ? 0 : i.k === 'dim' ? 1 : i.k === 'label' ? 2 : 3;
    out.set(key, { key, index: i.k === 'lit' ? i : { ...i, offset: 0 } as Index, dim, rank });
  };
  const walk = (t: Term, bound: ReadonlySet<string>): void => {
    switch (t.k) {
      case 'input': t.ref.indices.forEach((i) => see(i, bound)); return;
      case 'icmp': see(t.a, bound); see(t.b, bound); return;
      case 'ival': {
        // A free index as a number (gamma^k) is an unknown of its own, so an identity in it holds at
        // each of its values. A summation index as a number (sum(i, i * x[i])) has no structural form:
        // a sum atom stands for the same sum at every n, and the cases cannot tell i = 1 from i = 2.
        const usesBound = (x: Index): boolean => (x.k === 'var' && bound.has(x.name)) || (x.k === 'label' && x.indices.some(usesBound));
        if (usesBound(t.index)) throw new NotHandled('a summation index used as a number (sums are read by positions only)');
        if (t.index.k === 'label') throw new NotHandled('a label used as a number');
        see(t.index, bound);
        return;
      }
      case 'sum': case 'reduce': case 'series': walk(t.body, new Set([...bound, t.index])); return;
      default: mapChildren(t, (c) => { walk(c, bound); return c; });
    }
  };
  terms.forEach((t) => walk(t, new Set()));
  return [...out.values()];
}

/**
 * Label entries are functions of their indices: where i and m coincide, y[i] and
 * y[m] must too. A case that merges the indices but not the labels is impossible.
 */
function labelsConsistent(partition: readonly IndexSymbol[][]): boolean {
  const blockOf = new Map<string, number>();
  partition.forEach((block, b) => block.forEach((s) => blockOf.set(s.key, b)));
  const labels = partition.flat().filter((s) => s.index.k === 'label' && s.index.indices.length > 0);
  for (let a = 0; a < labels.length; a++) {
    for (let b = a + 1; b < labels.length; b++) {
      const x = labels[a].index as Extract<Index, { k: 'label' }>;
      const y = labels[b].index as Extract<Index, { k: 'label' }>;
      if (x.name !== y.name || blockOf.get(labels[a].key) === blockOf.get(labels[b].key)) continue;
      const sameIndices = x.indices.every((xi, p) => {
        const ki = blockOf.get(symbolKey(xi)) ?? symbolKey(xi);
        const kj = blockOf.get(symbolKey(y.indices[p])) ?? symbolKey(y.indices[p]);
        return ki === kj;
      });
      if (sameIndices) return false;
    }
  }
  return true;
}

/** Set partitions of the symbols in which merged symbols share a dimension and no block has two literals. */
function* partitions(symbols: readonly IndexSymbol[]): Generator<IndexSymbol[][]> {
  const blocks: IndexSymbol[][] = [];
  function* place(i: number): Generator<IndexSymbol[][]> {
    if (i === symbols.length) {
      yield blocks.map((b) => [...b]);
      return;
    }
    const s = symbols[i];
    for (const block of blocks) {
      const dims = new Set(block.map((b) => b.dim).filter((d) => d !== undefined));
      if (s.dim !== undefined && dims.size > 0 && !dims.has(s.dim)) continue;
      if (s.index.k === 'lit' && block.some((b) => b.index.k === 'lit')) continue;
      block.push(s);
      yield* place(i + 1);
      block.pop();
    }
    blocks.push([s]);
    yield* place(i + 1);
    blocks.pop();
  }
  yield* place(0);
}

function renameIndices(term: Term, rename: (i: Index) => Index): Term {
  const go = (t: Term, bound: ReadonlySet<string>): Term => {
    const idx = (i: Index) => (i.k === 'var' && bound.has(i.name) ? i : rename(i));
    switch (t.k) {
      case 'input': return { k: 'input', ref: { name: t.ref.name, indices: t.ref.indices.map(idx) } };
      case 'icmp': return { ...t, a: idx(t.a), b: idx(t.b) };
      case 'ival': return { k: 'ival', index: idx(t.index) };
      case 'sum': case 'reduce': case 'series': return { ...t, body: go(t.body, new Set([...bound, t.index])) };
      default: return mapChildren(t, (c) => go(c, bound));
    }
  };
  return go(term, new Set());
}

function sameIndex(a: Index, b: Index): boolean {
  return printIndex(a) === printIndex(b) && a.k === b.k;
}


function indexNotationRules(inputs: ReadonlyMap<string, Input>, knownSizes: ReadonlyMap<string, number>, ranges: DeltaRanges): IndexNotationRules {
  // Each index variable's range, the bound ones by their level's name: a delta picks only inside its sum's range.
  const indexDims = new Map(ranges.freeIndexDims);
  let level = 0;
  const sizeAtom = (dim: Dim, c: Canonicalizer): RationalFunction => {
    if (dim.k === 'fixed') return RationalFunction.constant(dim.size);
    // Sums over a dimension of known size stay structural: only the size itself becomes a number.
    const known = knownSizes.get(dim.name);
    if (known !== undefined) return RationalFunction.constant(known);
    const id = c.atoms.intern(`size:${dim.name}`, () => ({ kind: 'input', name: dim.name, text: dim.name, positive: true }));
    c.atoms.sizeAtoms.add(id);
    return RationalFunction.variable(id);
  };
  return {
    size: (t, c) => sizeAtom({ k: 'sym', name: t.name }, c),
    ival: (t, c) => {
      // In each case an index is its block's representative: a literal, the last index n (whose value
      // is the size, the same atom as n written as a value), or a free index or a label (where the case
      // merges one with a free index), an unknown >= 1 of its own.
      const i = t.index;
      if (i.k === 'lit') return RationalFunction.constant(i.value);
      if (i.k === 'dim') return sizeAtom({ k: 'sym', name: i.name }, c).add(RationalFunction.constant(i.offset), c.budget);
      if (i.k === 'var' && i.name.startsWith('@')) throw new NotHandled('a summation index used as a number (sums are read by positions only)');
      const text = printIndex({ ...i, offset: 0 });
      // Named apart from every input (# starts no name of the language): no fact of an input's type applies to it.
      const id = c.atoms.intern(`ival:${text}`, () => ({ kind: 'input', name: `#ival:${text}`, text, positive: true }));
      return RationalFunction.variable(id).add(RationalFunction.constant(i.offset), c.budget);
    },
    icmp: (t, c) => {
      const literal = t.a.k === 'lit' && t.b.k === 'lit';
      if (sameIndex(t.a, t.b) || literal) {
        const a = t.a.k === 'lit' ? t.a.value : 0;
        const b = t.b.k === 'lit' ? t.b.value : 0;
        const holds = { '==': a === b, '!=': a !== b, '<': a < b, '<=': a <= b, '>': a > b, '>=': a >= b }[t.op];
        return holds ? RationalFunction.ONE : RationalFunction.ZERO;
      }
      const involvesBound = (i: Index) => i.k === 'var' && i.name.startsWith('@');
      if (!involvesBound(t.a) && !involvesBound(t.b)) {
        // Two different representatives: different indices in this case.
        if (t.op === '==') return RationalFunction.ZERO;
        if (t.op === '!=') return RationalFunction.ONE;
      }
      const text = `(${printIndex(t.a)} ${t.op} ${printIndex(t.b)})`;
      const id = c.atoms.intern(`icmp:${text}`, () => ({ kind: 'opaque', text }));
      c.atoms.stepAtoms.add(id);
      return RationalFunction.variable(id);
    },
    reduce: (t, c) => {
      // An atom for every n, named by its canonical body with the bound index as #0: max(x) on both sides is one atom.
      const bound = boundName(++level);
      try {
        const body = c.of(substituteIndices(t.body, new Map([[t.index, { k: 'var', name: bound, offset: 0 } as Index]])));
        const dimText = t.dim.k === 'sym' ? t.dim.name : String(t.dim.size);
        const text = sumText(body.toString((id) => c.atoms.name(id)), bound).replace(/^sum/, t.op);
        return RationalFunction.variable(c.atoms.intern(`${t.op}:${dimText}:${text}`, () => ({ kind: 'opaque', text })));
      } finally {
        level--;
      }
    },
    sum: (t, c) => {
      const bound = boundName(++level);
      indexDims.set(bound, t.dim);
      try {
        const body = substituteIndices(t.body, new Map([[t.index, { k: 'var', name: bound, offset: 0 } as Index]]));
        let total = RationalFunction.ZERO;
        let rest = RationalFunction.ZERO;
        let restUsed = false;
        // The body as one rational function, where no delta picked a term: a body that is 0 at every j
        // (terms over (1 + e^x[j]) and its square that cancel, a merged difference) makes the sum 0.
        let whole: RationalFunction | undefined = RationalFunction.ZERO;
        for (const product of distributeOrGiveUp(withoutInequality(body, bound))) {
          const { factors, picked } = pickByDelta(product, bound, (other) => withinRange(other, t.dim, indexDims, ranges.entries));
          const value = c.of(mul(...factors));
          whole = picked || whole === undefined ? undefined : whole.add(value, c.budget);
          // The terms the delta zeroes must still have a value: read them for their conditions only.
          if (picked) {
            const dropped = withoutDelta(product, bound);
            if (!hasValueFor(dropped, inputs)) c.of(dropped);
          }
          if (factors.some((f) => usesIndexVariable(f, new Set([bound])))) {
            rest = rest.add(value, c.budget);
            restUsed = true;
          } else {
            // A delta picked a single term, or the term never depended on the index: then it counts n times.
            total = total.add(picked ? value : value.mul(sizeAtom(t.dim, c), c.budget), c.budget);
          }
        }
        if (restUsed && whole !== undefined && c.atoms.reduce(whole.numerator(c.budget), c.budget).isZero()) return RationalFunction.ZERO;
        return restUsed ? total.add(sumOfBody(rest, bound, t.dim, c, inputs, sizeAtom), c.budget) : total;
      } finally {
        level--;
      }
    },
  };
}

function distributeOrGiveUp(t: Term): Term[][] {
  try {
    return distribute(t);
  } catch {
    throw new NotHandled('a sum body too large to distribute');
  }
}

/** `(j != k)` is `1 - delta(j, k)`: written so, a delta can pick the term it cancels. */
function withoutInequality(t: Term, bound: string): Term {
  if (t.k === 'icmp' && t.op === '!=' && usesIndexVariable(t, new Set([bound]))) return sub(ONE, { ...t, op: '==' });
  return mapChildren(t, (c) => withoutInequality(c, bound));
}



/**
 * sum over the bound index of a canonical body: factors free of the index move
 * out; each monomial in bound atoms becomes a sum atom, over the part of the
 * denominator that depends on the index where there is one.
 */
function sumOfBody(
  body: RationalFunction, bound: string, dim: Dim, c: Canonicalizer, inputs: ReadonlyMap<string, Input>,
  sizeAtom: (dim: Dim, c: Canonicalizer) => RationalFunction,
): RationalFunction {
  const atoms = c.atoms;
  const isBound = (id: number) => atoms.name(id).includes(bound);
  const dimText = dim.k === 'sym' ? dim.name : String(dim.size);
  const dependsOnBound = (f: { factor: Polynomial }) => [...f.factor.variables()].some(isBound);
  // A denominator that depends on the index stays inside the sums, one per term of the numerator: by linearity,
  // sum_j (sum_t c_t m_t(j) f_t) / (k F D(j)) is sum_t c_t f_t / (k F) * sum_j m_t(j) / D(j), with f_t and F free
  // of j (a tanh(u_j) = (e^(2u_j) - 1) / (e^(2u_j) + 1) summed over a batch). D's factors are sorted, so two sides
  // that write the same terms over the same denominator meet in the same atoms.
  const denominatorFactors = body.denominatorFactors().filter(dependsOnBound)
    .map((f) => [`(${f.factor.toString((id) => atoms.name(id))})`, f.exponent] as const);
  const boundDenominator = denominatorFactors.map(([text, e]) => (e === 1 ? text : `${text}^${e}`)).sort().join(' * ');
  let numerator = RationalFunction.ZERO;
  for (const term of body.numerator(c.budget).terms()) {
    const freePowers: Array<[number, number]> = [];
    const boundPowers: Array<[number, number]> = [];
    for (let p = 0; p < term.mono.pairs.length; p += 2) {
      const id = term.mono.pairs[p];
      let e = term.mono.pairs[p + 1];
      const atom = atoms.atoms[id];
      if (atom.kind === 'input' && inputs.get(atom.name)?.kind === 'onehot') e = 1;
      (isBound(id) ? boundPowers : freePowers).push([id, e]);
    }
    // A sum in the summand that reads this index is taken in: the sums are then read in any order (nested-sums.ts).
    const inside = takesSumsIn(atoms, boundPowers) ? nestedSumAtom(boundPowers, denominatorFactors, bound, dimText, c)
      : boundDenominator === ''
        ? sumAtom(boundPowers, bound, dim, dimText, c, inputs, sizeAtom)
        : quotientSumAtom(boundPowers, boundDenominator, denominatorFactors, bound, dimText, c);
    const outside = RationalFunction.fromPolynomial(Polynomial.monomial(term.coef, freePowers));
    numerator = numerator.add(outside.mul(inside, c.budget), c.budget);
  }
  let denominator = RationalFunction.constant(body.denominatorConstant());
  for (const f of body.denominatorFactors()) {
    if (!dependsOnBound(f)) denominator = denominator.mul(RationalFunction.fromPolynomial(f.factor).pow(f.exponent, c.budget), c.budget);
  }
  return numerator.div(denominator, c.budget);
}

/** The atom sum_j m(j) / D(j) of a monomial over a denominator that depends on the index (see sumOfBody). */
function quotientSumAtom(
  powers: Array<[number, number]>, denominator: string, denominatorFactors: readonly (readonly [string, number])[], bound: string, dimText: string, c: Canonicalizer,
): RationalFunction {
  // A denominator of several factors in brackets: m / (A) * (B) would read as (m / A) * B.
  const text = sumText(`${powersText(powers, c.atoms) || '1'} / ${denominator.includes(' * ') ? `(${denominator})` : denominator}`, bound);
  const id = c.atoms.intern(`sum:${dimText}:${text}`, () => ({ kind: 'opaque', text }));
  noteNestedSum(c.atoms, id, () => flattenedSum(c.atoms, bound, dimText, powers, denominatorFactors));
  return RationalFunction.variable(id);
}

/** The sum of a summand that holds sums of its index, read as one sum over all their indices (nested-sums.ts). */
function nestedSumAtom(
  powers: Array<[number, number]>, denominatorFactors: readonly (readonly [string, number])[], bound: string, dimText: string, c: Canonicalizer,
): RationalFunction {
  const record = flattenedSum(c.atoms, bound, dimText, powers, denominatorFactors);
  // As sumText: past this length the step is left to the other engines (each order of the indices is a text this long).
  const written = record.factors.reduce((n, [t]) => n + t.length, 0) + record.denominator.reduce((n, [t]) => n + t.length, 0);
  if (written > MAX_SUM_TEXT) throw new BudgetExceededError('terms', MAX_SUM_TEXT);
  const { key, text } = nestedSumName(record);
  const id = c.atoms.intern(key, () => (record.denominator.length === 0 ? { kind: 'input', name: text, text, positive: record.positive } : { kind: 'opaque', text }));
  if (record.nonnegative) c.atoms.nonnegative.add(id);
  noteNestedSum(c.atoms, id, record);
  return RationalFunction.variable(id);
}

/** A monomial's powers as text, sorted: `x[#0] * y[#0]^2`. */
function powersText(powers: Array<[number, number]>, atoms: AtomTable): string {
  return powers.map(([id, e]) => (e === 1 ? bracketed(atoms.name(id)) : `${bracketed(atoms.name(id))}^${e}`)).sort().join(' * ');
}

function sumAtom(
  powers: Array<[number, number]>, bound: string, dim: Dim, dimText: string, c: Canonicalizer, inputs: ReadonlyMap<string, Input>,
  sizeAtom: (dim: Dim, c: Canonicalizer) => RationalFunction,
): RationalFunction {
  const atoms = c.atoms;
  if (powers.length === 0) return sizeAtom(dim, c);
  if (powers.length === 1 && powers[0][1] === 1) {
    const atom = atoms.atoms[powers[0][0]];
    const input = atom.kind === 'input' ? inputs.get(atom.name) : undefined;
    // One-hot rows sum to 1 over their classes (the last index), not over their rows.
    if (isOneHotRows(input)) {
      const entry = rowAndClass(atom.text);
      if (entry.cls === bound && !entry.row.includes(bound)) return RationalFunction.ONE;
    } else if (input?.kind === 'simplex' || input?.kind === 'onehot') return RationalFunction.ONE;
  }
  const text = sumText(powersText(powers, atoms), bound);
  const positive = powers.every(([id]) => atoms.isPositive(id));
  const id = atoms.intern(`sum:${dimText}:${text}`, () => ({ kind: 'input', name: text, text, positive }));
  noteNestedSum(atoms, id, () => flattenedSum(atoms, bound, dimText, powers, []));
  // A sum of squares (or of other non-negative terms) is >= 0: sqrt(sum(j, x[j]^2)) has a value.
  if (powers.every(([p, e]) => atoms.isPositive(p) || atoms.nonnegative.has(p) || e % 2 === 0)) atoms.nonnegative.add(id);
  return RationalFunction.variable(id);
}

/**
 * A step that is right only if a plain vector sums to 1 (s - y with y declared
 * a vector): setting its sum atom to 1 makes the difference vanish. Saying so
 * is the useful explanation: the note relies on a fact its types do not state.
 */
function factThatWouldHold(numerator: Polynomial, atoms: AtomTable, inputs: ReadonlyMap<string, Input>): string | undefined {
  for (const [id, atom] of atoms.atoms.entries()) {
    const m = /^sum\(#0, ([A-Za-z][A-Za-z0-9_]*)\[#0\]\)$/.exec(atom.text);
    if (!m || !numerator.variables().has(id)) continue;
    const input = inputs.get(m[1]);
    if (!input || input.kind === 'simplex' || input.kind === 'onehot') continue;
    if (numerator.substitute(id, Polynomial.constant(1)).isZero()) {
      return `holds only when sum(${m[1]}) = 1, which the type ${input.typeText} of ${m[1]} does not say (declare it simplex or onehot if it sums to 1)`;
    }
  }
  return undefined;
}

/**
 * The entry of a one-hot rows matrix as its atom text reads, `⟨y⟩[i, k]`: the row
 * (every index but the last) and the class (the last), split at the top level.
 */
function rowAndClass(text: string): { row: string; cls: string } {
  let depth = 0;
  let split = -1;
  for (let p = 0; p < text.length; p++) {
    const ch = text[p];
    if (ch === '[' || ch === '(') depth++;
    else if (ch === ']' || ch === ')') depth--;
    else if (ch === ',' && depth === 1) split = p;
  }
  // No comma (never for one-hot rows, which have a row and a class): the whole entry is its own row, with no class.
  if (split < 0) return { row: text, cls: '' };
  return { row: text.slice(0, split), cls: text.slice(split + 1, text.length - 1).trim() };
}

/**
 * One-hot entries are 0 or 1 and at most one is 1: y^2 = y, and y[i] y[k] = 0 for
 * different i, k (different representatives of a case are different indices).
 * One-hot rows, the same within a row: Y[i, c] Y[i, d] = 0 for c != d.
 */
function applyOneHotFacts(p: Polynomial, atoms: AtomTable, inputs: ReadonlyMap<string, Input>): Polynomial {
  const oneHot = new Map<number, string>();
  atoms.atoms.forEach((a, id) => {
    const input = a.kind === 'input' ? inputs.get(a.name) : undefined;
    if (a.kind !== 'input' || input?.kind !== 'onehot') return;
    oneHot.set(id, isOneHotRows(input) ? rowAndClass(a.text).row : a.name);
  });
  if (oneHot.size === 0) return p;
  let reduced = p.reduceIdempotent(new Set(oneHot.keys()));
  const kept: Polynomial[] = [];
  for (const term of reduced.terms()) {
    const seen = new Set<string>();
    let vanishes = false;
    const powers: Array<[number, number]> = [];
    for (let i = 0; i < term.mono.pairs.length; i += 2) {
      const name = oneHot.get(term.mono.pairs[i]);
      if (name !== undefined) {
        if (seen.has(name)) vanishes = true;
        seen.add(name);
      }
      powers.push([term.mono.pairs[i], term.mono.pairs[i + 1]]);
    }
    if (!vanishes) kept.push(Polynomial.monomial(term.coef, powers));
  }
  reduced = Polynomial.sum(kept);
  return reduced;
}

