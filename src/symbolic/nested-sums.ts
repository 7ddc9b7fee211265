import { bracketed } from './exact/index.ts';
import type { AtomTable } from './canonical.ts';

/**
 * Nested sums read for every n, in any order of summation.
 *
 * The every-n prover names a sum by the text of its canonical body, its bound
 * index as #0 (every-n.ts, sumText). A sum inside a sum's body was an atom of its
 * own there, so sum(i, u[i] * sum(j, A[i, j] * v[j])) and
 * sum(j, v[j] * sum(i, A[i, j] * u[i])), one value summed in two orders, had two
 * texts: backpropagation through two layers (sum over the outputs, then the hidden
 * units, or the other way) was never proved for every n. Here a sum whose body
 * holds sums of its own bound index is read as one sum over all their indices
 * (finite sums over sizes that do not depend on each other may be taken in any
 * order), named by the text that is least over every order of its indices. Exact:
 * two sums with the same text sum the same product over the same ranges.
 */

/** One sum, flattened: its bound indices (placeholders and ranges) and the factors of its summand. */
export interface NestedSum {
  readonly bounds: readonly { readonly placeholder: string; readonly dim: string }[];
  /** Factor texts (atom names, the bound indices written as their placeholders) with their exponents. */
  readonly factors: readonly (readonly [string, number])[];
  /** Denominator factors, as texts in brackets, with their exponents; empty for a polynomial summand. */
  readonly denominator: readonly (readonly [string, number])[];
  readonly positive: boolean;
  readonly nonnegative: boolean;
}

/** More indices than this are left in the order they were written: every order is tried (7! = 5,040). */
const MAX_REORDERED_INDICES = 6;

/** Each sum atom's record, built the first time a sum around it takes it in (most never are). */
const records = new WeakMap<AtomTable, Map<number, NestedSum | (() => NestedSum)>>();
let placeholders = 0;

function recordsOf(atoms: AtomTable): Map<number, NestedSum | (() => NestedSum)> {
  let map = records.get(atoms);
  if (!map) records.set(atoms, (map = new Map()));
  return map;
}

/** The sum an atom stands for, flattened, where it is one. */
export function nestedSumOf(atoms: AtomTable, id: number): NestedSum | undefined {
  const map = records.get(atoms);
  const record = map?.get(id);
  if (typeof record !== 'function') return record;
  const built = record();
  map!.set(id, built);
  return built;
}

/** Notes that atom `id` is the sum `record` (or will be, when asked), so that a sum around it can take its indices in. */
export function noteNestedSum(atoms: AtomTable, id: number, record: NestedSum | (() => NestedSum)): void {
  recordsOf(atoms).set(id, record);
}

const freshPlaceholder = () => `%${++placeholders}%`;

/** `@3` in a text, not `@31`. */
const levelPattern = (bound: string) => new RegExp(`${bound.replace(/[$]/g, '\\$&')}(?!\\d)`, 'g');

/**
 * The sum over `bound` (the every-n prover's name of the index at this level) of
 * a product: `powers` are the factors that read the index, `denominator` the
 * bracketed denominator factors that do. Sums among the factors that read the
 * index are taken in, their indices beside this one.
 */
export function flattenedSum(
  atoms: AtomTable, bound: string, dim: string,
  powers: readonly (readonly [number, number])[], denominator: readonly (readonly [string, number])[],
): NestedSum {
  const own = freshPlaceholder();
  const bounds: { placeholder: string; dim: string }[] = [{ placeholder: own, dim }];
  const factors: [string, number][] = [];
  const dens: [string, number][] = [];
  let positive = denominator.length === 0;
  let nonnegative = denominator.length === 0;
  for (const [id, exponent] of powers) {
    const inner = nestedSumOf(atoms, id);
    if (!inner) {
      factors.push([atoms.name(id), exponent]);
      positive &&= atoms.isPositive(id);
      nonnegative &&= atoms.isPositive(id) || atoms.nonnegative.has(id) || exponent % 2 === 0;
      continue;
    }
    positive &&= inner.positive;
    nonnegative &&= inner.nonnegative || exponent % 2 === 0;
    // A power of a sum is a product of copies, each over indices of its own.
    for (let copy = 0; copy < exponent; copy++) {
      const renamed = new Map(inner.bounds.map((b) => [b.placeholder, freshPlaceholder()]));
      const rename = (text: string) => text.replace(/%\d+%/g, (p) => renamed.get(p) ?? p);
      for (const b of inner.bounds) bounds.push({ placeholder: renamed.get(b.placeholder)!, dim: b.dim });
      for (const [text, e] of inner.factors) factors.push([rename(text), e]);
      for (const [text, e] of inner.denominator) dens.push([rename(text), e]);
    }
  }
  for (const [text, e] of denominator) dens.push([text, e]);
  const level = levelPattern(bound);
  const mine = (text: string) => text.replace(level, own);
  return {
    bounds,
    factors: factors.map(([t, e]) => [mine(t), e] as const),
    denominator: dens.map(([t, e]) => [mine(t), e] as const),
    positive, nonnegative,
  };
}

/** Whether a sum over `bound` with these factors takes a sum in (else it is named as before). */
export function takesSumsIn(atoms: AtomTable, powers: readonly (readonly [number, number])[]): boolean {
  const map = records.get(atoms);
  return map !== undefined && powers.some(([id]) => map.has(id));
}

/**
 * The interning key and the text of a flattened sum: nested sums, `sum(#0,
 * sum(#1, ...))`, in the order of its indices whose key is least. The indices
 * of sums inside its factors (not taken in: inside an exp) shift past its own,
 * as sumText shifts them.
 */
export function nestedSumName(record: NestedSum): { key: string; text: string } {
  const m = record.bounds.length;
  const shifted = (text: string) => text.replace(/#(\d+)/g, (_, d: string) => `#${Number(d) + m}`);
  const factors = record.factors.map(([t, e]) => [shifted(t), e] as const);
  const denominator = record.denominator.map(([t, e]) => [shifted(t), e] as const);
  let best: { key: string; text: string } | undefined;
  const render = (order: readonly number[]) => {
    const depth = new Map(order.map((b, p) => [record.bounds[b].placeholder, `#${p}`]));
    const name = (text: string) => text.replace(/%\d+%/g, (p) => depth.get(p) ?? p);
    const numerator = factors.map(([t, e]) => (e === 1 ? bracketed(name(t)) : `${bracketed(name(t))}^${e}`)).sort().join(' * ') || '1';
    const below = denominator.map(([t, e]) => (e === 1 ? name(t) : `${name(t)}^${e}`)).sort().join(' * ');
    let text = below === '' ? numerator : `${numerator} / ${below.includes(' * ') ? `(${below})` : below}`;
    for (let p = m - 1; p >= 0; p--) text = `sum(#${p}, ${text})`;
    const key = `sum:${order.map((b) => record.bounds[b].dim).join(',')}:${text}`;
    if (best === undefined || key < best.key) best = { key, text };
  };
  const identity = record.bounds.map((_, i) => i);
  if (m > MAX_REORDERED_INDICES) render(identity);
  else for (const order of permutations(identity)) render(order);
  return best!;
}

function* permutations(items: readonly number[]): Generator<number[]> {
  if (items.length <= 1) {
    yield [...items];
    return;
  }
  for (let i = 0; i < items.length; i++) {
    const rest = [...items.slice(0, i), ...items.slice(i + 1)];
    for (const tail of permutations(rest)) yield [items[i], ...tail];
  }
}
