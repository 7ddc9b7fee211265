import { mapChildren } from './term-traversal.ts';
import type { Index, Term } from './term.ts';

/** Whether `test` holds for some child of a term (the walk stops at the first). */
export function someChild(term: Term, test: (child: Term) => boolean): boolean {
  let found = false;
  mapChildren(term, (c) => {
    if (!found && test(c)) found = true;
    return c;
  });
  return found;
}

/** Nodes a walk visits as a tree before it visits each distinct node once instead. */
const TREE_WALK = 4096;

/**
 * Whether `test` holds for a term or for some term inside it (the walk stops at the
 * first). Past {@link TREE_WALK} visits, each distinct node is visited once: a side
 * written out at a size shares its subterms, and as a tree it has millions of paths
 * (PRML's ridge equation with inv at 4×4 hung here). `test` may be called twice
 * for a node then, so it must not count visits.
 */
export function someSubterm(term: Term, test: (t: Term) => boolean): boolean {
  let visits = 0;
  const walk = (t: Term): boolean => ++visits <= TREE_WALK && (test(t) || someChild(t, walk));
  if (walk(term)) return true;
  if (visits <= TREE_WALK) return false;
  const seen = new Set<Term>();
  const stack: Term[] = [term];
  while (stack.length > 0) {
    const t = stack.pop()!;
    if (seen.has(t)) continue;
    seen.add(t);
    if (test(t)) return true;
    mapChildren(t, (c) => { if (!seen.has(c)) stack.push(c); return c; });
  }
  return false;
}

/** Whether a term mentions `diff` anywhere. */
export function hasDiff(term: Term): boolean {
  return someSubterm(term, (t) => t.k === 'diff');
}

/** The largest whole power {@link constantFraction} takes of any constant, and the most digits a larger one may have. */
const MAX_CONSTANT_POWER = 64n;
const MAX_CONSTANT_POWER_DIGITS = 2000;

/** Whether a term is built of literals and pi alone (no input, index or size): its value is one exact number. */
export function isLiteralConstant(t: Term): boolean {
  return !someSubterm(t, (x) => !LITERAL_KINDS.has(x.k));
}

const LITERAL_KINDS: ReadonlySet<Term['k']> = new Set(['num', 'pi', 'fn', 'add', 'mul', 'pow', 'cmp']);

/**
 * Whether a term's double is its value exactly (while it stays below 2^53): whole numbers, sizes and index values,
 * added, multiplied and raised to whole powers. A comparison of such sides is a tie where their doubles tie; of any
 * other sides that do not move with the inputs (exp(1) - sum(k, 0, 17, 1/k!), Stirling's bound in a size n) it is a
 * guess within their rounding, and both were refuted by a cancellation in doubles (probe 92).
 */
export function isWholeArithmetic(term: Term): boolean {
  const whole = (v: { readonly den: bigint }) => v.den === 1n;
  return !someSubterm(term, (t) => !(t.k === 'size' || t.k === 'ival' || t.k === 'add' || t.k === 'mul' || t.k === 'sum'
    || (t.k === 'num' && whole(t.value)) || (t.k === 'pow' && t.exponent.k === 'num' && whole(t.exponent.value) && t.exponent.value.num >= 0n)));
}

/**
 * Whether a term's value moves with the inputs: it reads one, an unknown
 * function or a derivative. A comparison of terms that do not (of indices'
 * values, sizes, constants) is no kink: its sides never cross as inputs move.
 */
export function movesWithInputs(term: Term): boolean {
  return someSubterm(term, (t) => t.k === 'input' || t.k === 'apply' || t.k === 'diff');
}

/** Whether a term uses an index as a number anywhere (`gamma^t`, `i * x[i]`). */
export function hasIndexValue(term: Term): boolean {
  return someSubterm(term, (t) => t.k === 'ival');
}

/**
 * Whether a term uses any of the given index variables. Bound indices have names
 * of their own (the model renames them), so no sum can shadow one of these.
 */
export function usesIndexVariable(t: Term, names: ReadonlySet<string>): boolean {
  if (names.size === 0) return false;
  const uses = (i: Index): boolean => (i.k === 'var' && names.has(i.name)) || (i.k === 'label' && i.indices.some(uses))
    || (i.k === 'affine' && i.terms.some((x) => !x.dim && names.has(x.name)));
  switch (t.k) {
    case 'input': return t.ref.indices.some(uses);
    case 'icmp': return uses(t.a) || uses(t.b);
    case 'ival': return uses(t.index);
    case 'diff': return t.v.indices.some(uses) || usesIndexVariable(t.f, names);
    default: return someChild(t, (c) => usesIndexVariable(c, names));
  }
}

/** The names of the inputs a term mentions (a label used as an index included). */
export function inputNames(t: Term, into: Set<string> = new Set()): Set<string> {
  const seeIndex = (i: Index): void => {
    if (i.k === 'label') {
      into.add(i.name);
      i.indices.forEach(seeIndex);
    }
  };
  if (t.k === 'input') {
    into.add(t.ref.name);
    t.ref.indices.forEach(seeIndex);
  } else if (t.k === 'icmp') {
    seeIndex(t.a);
    seeIndex(t.b);
  } else if (t.k === 'ival') {
    seeIndex(t.index);
  } else if (t.k === 'diff') {
    into.add(t.v.name);
    t.v.indices.forEach(seeIndex);
    inputNames(t.f, into);
  } else if (t.k === 'apply') {
    // The numbers read an abstract function through the input that holds its parameters.
    into.add(t.name);
    t.args.forEach((a) => inputNames(a, into));
  } else {
    mapChildren(t, (c) => {
      inputNames(c, into);
      return c;
    });
  }
  return into;
}

/**
 * The inputs a term's value depends on: {@link inputNames} without an integral's or a
 * limit's own variable inside it (the integral of t over t from 0 to x depends on x alone). What
 * a counterexample shows; the numbers' caches read every input a term touches.
 */
export function freeInputNames(t: Term, into: Set<string> = new Set()): Set<string> {
  if (!someSubterm(t, (x) => x.k === 'integral' || x.k === 'limit')) return inputNames(t, into);
  if (t.k === 'integral' || t.k === 'limit') {
    for (const bound of t.k === 'integral' ? [t.lower, t.upper] : [t.at]) if (bound) freeInputNames(bound, into);
    const inside = freeInputNames(t.body);
    inside.delete(t.v);
    for (const name of inside) into.add(name);
    return into;
  }
  if (t.k === 'diff') into.add(t.v.name);
  if (t.k === 'apply') into.add(t.name);
  mapChildren(t, (c) => { freeInputNames(c, into); return c; });
  return into;
}

/** Whether a term has an affine index position (`x[i + j - 1]`) anywhere, a label's row included. */
export function hasAffineIndex(t: Term): boolean {
  const affine = (i: Index): boolean => i.k === 'affine' || (i.k === 'label' && i.indices.some(affine));
  switch (t.k) {
    case 'input': return t.ref.indices.some(affine);
    case 'icmp': return affine(t.a) || affine(t.b);
    case 'diff': return t.v.indices.some(affine) || hasAffineIndex(t.f);
    default: return someChild(t, hasAffineIndex);
  }
}

/**
 * Where a steep function of a term's constants turns, as positive input values: 1/c and
 * 1/sqrt(c) for each constant c of magnitude at least 4 (tanh(1e8 x) turns at 1e-8,
 * exp(-1e16 x^2) at 1e-8), c and sqrt(c) for each of at most 1/4 (tanh(x / 1e-12)),
 * none below 1e-300, largest first. Random inputs and random points never land there.
 */
export function turningScales(terms: readonly Term[]): number[] {
  const scales = new Set<number>();
  for (const t of terms) {
    someSubterm(t, (x) => {
      if (x.k !== 'num') return false;
      const c = Math.abs(Number(x.value.num) / Number(x.value.den));
      if (c >= 4 && Number.isFinite(c)) { scales.add(1 / c); scales.add(1 / Math.sqrt(c)); }
      else if (c > 0 && c <= 0.25) { scales.add(c); scales.add(Math.sqrt(c)); }
      return false;
    });
  }
  return [...scales].filter((v) => v >= 1e-300).sort((a, b) => b - a);
}

/**
 * The exact value of a number expression (2 - 1 - 1, an exponent the power rule wrote twice, 1 / (1/1000000)),
 * as a fraction not reduced, its denominator positive; undefined for anything with an input, size or index in
 * it, a power that is no whole number (or past 64), or a power of 0 that is not positive.
 * Exact: 1 + 1e-17 - 1 is not 0, though doubles say so.
 */
export function constantFraction(t: Term): { readonly num: bigint; readonly den: bigint } | undefined {
  if (t.k === 'num') return t.value;
  if (t.k === 'pow') {
    const base = constantFraction(t.base);
    const e = constantFraction(t.exponent);
    if (base === undefined || e === undefined || e.num % e.den !== 0n) return undefined;
    const k = e.num / e.den;
    const m = k < 0n ? -k : k;
    // Past 64, a power as short as a literal: 10^(-70) is 1e-70, 2^(-100) a fraction of 31 digits.
    const digits = Math.max(String(base.num).length, String(base.den).length) * Number(m);
    if ((m > MAX_CONSTANT_POWER && !(digits <= MAX_CONSTANT_POWER_DIGITS)) || (k <= 0n && base.num === 0n)) return undefined;
    const [num, den] = k < 0n ? [base.den ** m, base.num ** m] : [base.num ** m, base.den ** m];
    return den < 0n ? { num: -num, den: -den } : { num, den };
  }
  if (t.k !== 'add' && t.k !== 'mul') return undefined;
  let acc: { num: bigint; den: bigint } | undefined = t.k === 'add' ? { num: 0n, den: 1n } : { num: 1n, den: 1n };
  for (const x of t.k === 'add' ? t.terms : t.factors) {
    const v = constantFraction(x);
    if (v === undefined || acc === undefined) return undefined;
    acc = t.k === 'add' ? { num: acc.num * v.den + v.num * acc.den, den: acc.den * v.den } : { num: acc.num * v.num, den: acc.den * v.den };
  }
  return acc;
}
