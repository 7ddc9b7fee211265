import { DerivationError, diagnostic, type Span } from '../diagnostics/index.ts';
import type { Index, Term } from './term.ts';

/**
 * The most term nodes the `let`s of one derivation may copy in all (each use of a
 * definition copies its body, so this bounds the memory a derivation's terms take). Inlining copies a definition at each use, so doubling lets
 * (`let a2 = a1 + a1`, 20 levels: a "billion laughs" file of 22 lines) would
 * grow as 2^depth; past this bound the use is refused with a `limit` diagnostic.
 * Real derivations stay far below (a softmax Jacobian entry is a few hundred nodes).
 */
export const MAX_INLINED_NODES = 250_000;

/**
 * The most term nodes all derivations of one file may copy: many derivations must not multiply the memory. Each has
 * its own {@link MAX_INLINED_NODES}, so a derivation's verdicts do not depend on those before it in its file: Heron's
 * iteration was refused after a Newton derivation that spent a budget shared by the file (probe 93).
 */
export const MAX_INLINED_NODES_PER_FILE = 2_000_000;

/** Sizes of already measured terms, by identity: a let body is measured once, however often it is used. */
const sizes = new WeakMap<Term, number>();

/**
 * The number of nodes of a term written out as a tree (a shared subterm counts
 * at each place it appears), computed without recursion in time proportional
 * to the distinct nodes; it stops counting past `cap`.
 */
export function expandedSize(root: Term, cap = Number.MAX_SAFE_INTEGER): number {
  const known = sizes.get(root);
  if (known !== undefined) return Math.min(known, cap);
  // A count stopped at the cap is this call's alone: kept with the exact sizes, it answered a later call with a larger
  // cap (constant-lets.ts measured a let's body to 17, and the inlining budget then read 17 for a billion laughs).
  const stopped = new Map<Term, number>();
  const sizeOf = (t: Term): number | undefined => sizes.get(t) ?? stopped.get(t);
  const stack: { t: Term; done: boolean }[] = [{ t: root, done: false }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (sizeOf(top.t) !== undefined) { stack.pop(); continue; }
    const kids = children(top.t);
    if (!top.done) {
      top.done = true;
      for (const k of kids) if (sizeOf(k) === undefined) stack.push({ t: k, done: false });
      continue;
    }
    stack.pop();
    let n = 1;
    for (const k of kids) n = Math.min(cap, n + (sizeOf(k) ?? 0));
    if (n < cap) sizes.set(top.t, n);
    else stopped.set(top.t, n);
  }
  return sizeOf(root)!;
}

/**
 * min(expandedSize(root), cap), in time proportional to cap rather than to the
 * distinct nodes: each node counted is one step, and the count stops at cap. For
 * a question of the kind "is this side large?" about a side written out at a size
 * (inv of a 4×4 sum of products has millions of distinct nodes, and measuring them
 * all took most of a minute).
 */
export function expandedSizeUpTo(root: Term, cap: number): number {
  let count = 0;
  const stack: Term[] = [root];
  while (stack.length > 0) {
    if (count + stack.length >= cap) return cap;
    const t = stack.pop()!;
    const known = sizes.get(t);
    if (known !== undefined) { count += known; continue; }
    count++;
    for (const k of children(t)) stack.push(k);
  }
  return Math.min(count, cap);
}

/**
 * About how many nodes a term has written out at a size assignment: every sum over a
 * dimension as its terms (what the exact engine expands at an instance), capped at `cap`.
 * An inverse of a 4×4 sum put into a gradient (PRML 3.53) is some 40 million at N = 8,
 * and expanding it took the exact engine past five minutes before any budget saw a term.
 */
export function writtenOutSizeUpTo(root: Term, sizeOf: (dim: Extract<Term, { k: 'sum' }>['dim']) => number, cap: number): number {
  const known = new Map<Term, number>();
  const measure = (t: Term): number => {
    const seen = known.get(t);
    if (seen !== undefined) return seen;
    let n = 1;
    const factor = t.k === 'sum' || t.k === 'reduce' ? sizeOf(t.dim) : 1;
    for (const k of children(t)) {
      n += factor * measure(k);
      if (n >= cap) break;
    }
    n = Math.min(n, cap);
    known.set(t, n);
    return n;
  };
  return measure(root);
}

/**
 * About how many node evaluations one evaluation of the terms takes when every distinct node is
 * evaluated once per value of the summation indices it reads (the numbers' caches do so: a sum's body
 * that does not read its index is read once, a recurrence's entry h[59, j] once per j): the sum over
 * distinct nodes of the product of the sizes of the bound indices each reads. Three sums over 1,000 whose
 * innermost product reads all three indices are 10^9; h[60, i] of a vector recurrence is 60 n^2.
 */
export function cachedEvaluationWork(roots: readonly Term[], sizeOf: (dim: Extract<Term, { k: 'sum' }>['dim']) => number): number {
  const bound = new Map<string, number>();
  const free = new Map<Term, ReadonlySet<string>>();
  let work = 0;
  const freeOf = (t: Term): ReadonlySet<string> => {
    const known = free.get(t);
    if (known !== undefined) return known;
    const out = new Set<string>();
    const noteIndex = (i: Index): void => {
      if (i.k === 'var') out.add(i.name);
      else if (i.k === 'affine') { for (const part of i.terms) if (!part.dim) out.add(part.name); }
      else if (i.k === 'label') i.indices.forEach(noteIndex);
    };
    switch (t.k) {
      case 'input': t.ref.indices.forEach(noteIndex); break;
      case 'icmp': noteIndex(t.a); noteIndex(t.b); break;
      case 'ival': noteIndex(t.index); break;
      case 'sum': case 'reduce':
        bound.set(t.index, sizeOf(t.dim));
        for (const name of freeOf(t.body)) if (name !== t.index) out.add(name);
        break;
      case 'series':
        for (const name of freeOf(t.body)) if (name !== t.index) out.add(name);
        break;
      default:
        for (const c of children(t)) for (const name of freeOf(c)) out.add(name);
    }
    free.set(t, out);
    let evaluations = 1;
    for (const name of out) evaluations *= bound.get(name) ?? 1;
    work += evaluations;
    return out;
  };
  for (const root of roots) freeOf(root);
  return work;
}

/** A term's direct subterms, without copying the node (mapChildren builds a new one). */
export function children(t: Term): readonly Term[] {
  switch (t.k) {
    case 'add': return t.terms;
    case 'mul': return t.factors;
    case 'pow': return [t.base, t.exponent];
    case 'fn': return t.args;
    case 'sum': case 'reduce': case 'series': return [t.body];
    case 'integral': return [...t.lower ? [t.lower] : [], ...t.upper ? [t.upper] : [], t.body];
    case 'limit': return [...t.at ? [t.at] : [], t.body];
    case 'extremum': return t.terms;
    case 'cmp': return [t.a, t.b];
    case 'diff': return [t.f];
    case 'apply': return t.args;
    default: return [];
  }
}

/**
 * Counts the nodes inlined for one derivation and refuses past {@link MAX_INLINED_NODES}, and past
 * {@link MAX_INLINED_NODES_PER_FILE} for the file whose budget (`file`) it shares.
 */
export class InlineBudget {
  private used = 0;
  constructor(private readonly file?: InlineBudget) {}

  /** A budget of its own for one derivation of this file. */
  forDerivation(): InlineBudget {
    return new InlineBudget(this);
  }

  charge(name: string, body: Term, file: string, span: Span | undefined): void {
    const size = expandedSize(body, MAX_INLINED_NODES_PER_FILE + 1);
    // A refused inlining spends nothing: the claim after a Fibonacci F[30] past the budget (F[12]^2 - F[11] F[13] = -1)
    // was refused too, the budget spent by the one refused (probe 102).
    if (this.used + size > MAX_INLINED_NODES) {
      throw new DerivationError(diagnostic('limit', `inlining ${name} here passes ${MAX_INLINED_NODES} term nodes for the derivation`, file, span,
        'definitions that use each other twice double at each level; write the expression in a simpler form'));
    }
    if (this.file !== undefined) this.file.chargeFile(name, size, file, span);
    this.used += size;
  }

  private chargeFile(name: string, size: number, file: string, span: Span | undefined): void {
    if (this.used + size > MAX_INLINED_NODES_PER_FILE) {
      throw new DerivationError(diagnostic('limit', `inlining ${name} here passes ${MAX_INLINED_NODES_PER_FILE} term nodes for the file`, file, span,
        'the file\'s derivations copy too much between them; split it into several files, or write the expressions in a simpler form'));
    }
    this.used += size;
  }
}
