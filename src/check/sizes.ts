import { someSubterm, withDerivedSizes, type Dim, type DerivedDim, type FreeIndex, type Index, type Input, type InputRef, type Term } from '../model/index.ts';

/**
 * The size assignments a derivation is checked at: for each size s of the list,
 * every dimension symbol at s (raised to the smallest size its literal indices
 * allow, so `x[3]` is never checked at n = 2), plus, with several symbols, the
 * list rotated across them so that unequal sizes are tried too.
 *
 * With derived dimensions (`n - k + 1`) each assignment also holds their sizes,
 * and one where a derived dimension would be below 1 is not an assignment: the
 * symbols with a positive coefficient in it are raised until it is 1 (n = 2,
 * k = 3 becomes n = 3, k = 3), and where that cannot be done it is dropped. So
 * that a convolution is also tried with more than one output, each size s adds
 * the assignment with the symbols subtracted somewhere at about s / 2 (n = 5, k = 3).
 */
export function sizeAssignments(
  dims: readonly string[], minSizes: ReadonlyMap<string, number>, sizes: readonly number[],
  derived: readonly { readonly name: string; readonly form: DerivedDim }[] = [],
): ReadonlyMap<string, number>[] {
  const seen = new Set<string>();
  const out: Map<string, number>[] = [];
  const push = (base: Map<string, number>) => {
    const assignment = derived.length === 0 ? base : repaired(base, derived, minSizes);
    if (assignment === undefined) return;
    const key = [...assignment].map(([k, v]) => `${k}=${v}`).join(',');
    if (!seen.has(key)) { seen.add(key); out.push(assignment); }
  };
  const sorted = [...sizes].sort((a, b) => a - b);
  if (dims.length === 0) return [new Map()];
  const subtracted = new Set(derived.flatMap((d) => d.form.terms.filter((t) => t.coef < 0).map((t) => t.name)));
  sorted.forEach((_, i) => {
    push(new Map(dims.map((d) => [d, Math.max(sorted[i], minSizes.get(d) ?? 1)])));
    if (dims.length > 1) push(new Map(dims.map((d, p) => [d, Math.max(sorted[(i + p) % sorted.length], minSizes.get(d) ?? 1)])));
    if (subtracted.size > 0 && sorted[i] >= 3) {
      push(new Map(dims.map((d) => [d, Math.max(subtracted.has(d) ? Math.ceil(sorted[i] / 2) : sorted[i], minSizes.get(d) ?? 1)])));
    }
  });
  return out;
}

/** Raises symbols with a positive coefficient until every derived dimension is at least 1; undefined if that fails. */
function repaired(
  base: Map<string, number>, derived: readonly { readonly name: string; readonly form: DerivedDim }[], minSizes: ReadonlyMap<string, number>,
): Map<string, number> | undefined {
  const sizes = new Map(base);
  // A literal index into a derived dimension (g[3] with g: vector[n - k + 1]) raises its least size as it does a symbol's.
  const least = (d: { name: string }) => Math.max(1, minSizes.get(d.name) ?? 1);
  const value = (d: { form: DerivedDim }) => d.form.terms.reduce((n, t) => n + t.coef * (sizes.get(t.name) ?? NaN), d.form.constant);
  for (let round = 0; round < 4 * derived.length + 4; round++) {
    const short = derived.find((d) => !(value(d) >= least(d)));
    if (!short) return withDerivedSizes(sizes, derived);
    const lift = short.form.terms.find((t) => t.coef > 0);
    if (!lift || !sizes.has(lift.name)) return undefined;
    sizes.set(lift.name, sizes.get(lift.name)! + Math.ceil((least(short) - value(short)) / lift.coef));
  }
  return undefined;
}

/**
 * The dimension symbols a step reads: those of the inputs it mentions (and of the
 * lets it reads as inputs, through their definitions), of its sums, of the sizes
 * it uses as numbers and of the claim's free indices. A step that reads none of a
 * derivation's symbols has the same value at every size of them: the sizes tried
 * are projected onto those it reads (a Poisson score's mean, in a derivation with
 * a sample of n counts, was checked 16 times over, once per n). Undefined where a
 * derived dimension is involved: its size depends on others.
 */
export function dimensionsRead(terms: readonly (Term | undefined)[], inputs: readonly Input[], free: readonly FreeIndex[]): ReadonlySet<string> | undefined {
  const byName = new Map(inputs.map((i) => [i.name, i]));
  const out = new Set<string>();
  let derived = false;
  const dim = (d: Dim | undefined): void => {
    if (d?.k !== 'sym') return;
    if (d.derived) derived = true;
    out.add(d.name);
  };
  const index = (i: Index): void => {
    if (i.k === 'dim') out.add(i.name);
    else if (i.k === 'affine') { for (const part of i.terms) if (part.dim) out.add(part.name); }
    else if (i.k === 'label') {
      // A label read as an index (y[i] == p[i], delta(s, t)) reads its class count, as its input does.
      i.indices.forEach(index);
      const input = byName.get(i.name);
      if (input !== undefined) { input.dims.forEach(dim); dim(input.classes); }
    }
  };
  const definitions = new Set<string>();
  const walk = (t: Term): void => {
    someSubterm(t, (x) => {
      if (x.k === 'input') ref(x.ref);
      else if (x.k === 'diff') ref(x.v);
      else if (x.k === 'size') out.add(x.name);
      else if (x.k === 'ival') index(x.index);
      else if (x.k === 'icmp') { index(x.a); index(x.b); }
      else if (x.k === 'sum' || x.k === 'reduce') dim(x.dim);
      return false;
    });
  };
  // A name no input has (an integral's or a limit's variable) reads no dimension.
  const ref = (r: InputRef): void => {
    r.indices.forEach(index);
    const input = byName.get(r.name);
    if (input === undefined) return;
    input.dims.forEach(dim);
    dim(input.classes);
    if (input.interval?.lower) walk(input.interval.lower);
    if (input.interval?.upper) walk(input.interval.upper);
    if (input.definedBy && !definitions.has(input.name)) {
      definitions.add(input.name);
      walk(input.definedBy.body);
    }
  };
  for (const f of free) dim(f.dim);
  for (const t of terms) if (t !== undefined) walk(t);
  return derived ? undefined : out;
}

/**
 * Size assignments that vary only the dimensions in `read`, each kept once, in their order: the
 * others keep their size in `at` (every input is still laid out, so each dimension needs one).
 */
export function projectedSizes(
  sizes: readonly ReadonlyMap<string, number>[], read: ReadonlySet<string>, at: ReadonlyMap<string, number>,
): ReadonlyMap<string, number>[] {
  return distinct(sizes.map((assignment) => new Map([...assignment].map(([name, size]) => [name, read.has(name) ? size : at.get(name) ?? size] as const))));
}

/** Size assignments with only the dimensions in `read`, each kept once: what a method names. */
export function sizesRead(sizes: readonly ReadonlyMap<string, number>[], read: ReadonlySet<string>): ReadonlyMap<string, number>[] {
  return distinct(sizes.map((assignment) => new Map([...assignment].filter(([name]) => read.has(name)))));
}

function distinct(sizes: readonly ReadonlyMap<string, number>[]): ReadonlyMap<string, number>[] {
  const seen = new Set<string>();
  return sizes.filter((assignment) => {
    const key = [...assignment].map(([k, v]) => `${k}=${v}`).join(',');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The largest size a threshold adds: a vector of it is still cheap to read in doubles. */
const MAX_THRESHOLD_SIZE = 1000;
/** The most constants read as thresholds in one step (three sizes each). */
const MAX_THRESHOLDS = 4;
/** Functions whose value turns at a point: a size inside one may be compared with the constants beside it. */
const TURNING = new Set(['abs', 'sign', 'relu', 'floor', 'ceil', 'max', 'min', 'binomial', 'factorial']);

/**
 * The sizes a step that compares a size with a constant turns at: `delta(m, 7)`, `(n > 100)`, `max(n - 60, 0)`
 * hold or fail at n = 7, 101, 61 alone, past every size of a fixed list. Each integer constant in a comparison
 * (or a function that turns at a point) that reads a size gives it, one below and one above, up to
 * {@link MAX_THRESHOLD_SIZE}; the others of the list are not repeated.
 */
export function thresholdSizes(terms: readonly Term[]): number[] {
  const constants = new Set<number>();
  const readsSize = (t: Term): boolean => someSubterm(t, (x) => x.k === 'size' || (x.k === 'icmp' && (indexReadsSize(x.a) || indexReadsSize(x.b))) || (x.k === 'ival' && indexReadsSize(x.index)));
  const integer = (x: Term): number | undefined => (x.k === 'num' && x.value.den === 1n ? Math.abs(Number(x.value.num)) : undefined);
  const constantsOf = (t: Term): void => {
    someSubterm(t, (x) => {
      const k = integer(x);
      if (k !== undefined && k >= 1) constants.add(k);
      if (x.k === 'icmp') for (const [a, b] of [[x.a, x.b], [x.b, x.a]] as const) if (a.k === 'dim' && b.k === 'lit') constants.add(b.value - a.offset);
      return false;
    });
  };
  for (const t of terms) {
    someSubterm(t, (x) => {
      const turns = x.k === 'cmp' || x.k === 'icmp' || x.k === 'extremum' || (x.k === 'fn' && TURNING.has(x.name));
      if (turns && readsSize(x)) constantsOf(x);
      return false;
    });
  }
  const out = new Set<number>();
  for (const c of [...constants].sort((a, b) => a - b).slice(0, MAX_THRESHOLDS)) {
    for (const size of [c - 1, c, c + 1]) if (size >= 1 && size <= MAX_THRESHOLD_SIZE) out.add(size);
  }
  return [...out];
}

function indexReadsSize(i: Index): boolean {
  return i.k === 'dim' || (i.k === 'affine' && i.terms.some((t) => t.dim === true)) || (i.k === 'label' && i.indices.some(indexReadsSize));
}
