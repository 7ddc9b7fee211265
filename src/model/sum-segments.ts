import { num } from './term-builders.ts';
import { someSubterm } from './term-queries.ts';
import { mapChildren } from './term-traversal.ts';
import { compare } from './compare.ts';
import type { Index, Term } from './term.ts';

/**
 * A sum over 1..n cut into pieces for reading at an n far past what is added up term by term (10^12): where a
 * comparison of indices in its body turns (the model writes sum(k, 2, n, f(k)) as a sum over 1..n whose body picks
 * with k <= n - 1), the range is cut, and each long piece's body has its comparisons put in as the 0 or 1 they are
 * across the piece, and the sizes as numbers, so that it reads the index alone (finite-sum.ts sums it). A short
 * piece may be added up term by term by the caller instead, where its positions fit the evaluator's indices.
 */
export interface SumSegment {
  readonly from: number;
  readonly to: number;
  /** Short enough to add up term by term. */
  readonly short: boolean;
  /** The body across the piece: its comparisons as the 0 or 1 they are there, the sizes as numbers. */
  readonly body: Term;
}

/** Pieces up to this long are added up term by term. */
const SHORT_PIECE = 64;
/** The most places a body's comparisons may turn at: past them it is no sum of a textbook's bound. */
const MAX_TURNS = 16;

/**
 * The pieces of `sum` at the sizes given, or undefined where its body reads something that is not a number at a
 * position of the index (another loop's index, a label, an unsized dimension) or holds a loop of its own.
 */
export function sumSegments(sum: Extract<Term, { k: 'sum' }>, size: number, sizes: ReadonlyMap<string, number>): SumSegment[] | undefined {
  const index = sum.index;
  // A loop, an integral or a limit inside: the piece would not be a function of k alone.
  if (holdsALoop(sum.body)) return undefined;
  // Positions are counted in doubles: past 2^53, n - 1 is n. A whole double past it (2^80) is still read where the body
  // reads its own index alone, with no comparison to cut at: one piece, its end exact (finite-sum.ts counts in decimals).
  if (!Number.isSafeInteger(size) || [...sizes.values()].some((n) => !Number.isSafeInteger(n))) {
    return Number.isInteger(size) && size > 0 && readsOwnIndexAlone(sum.body, index)
      ? [{ from: 1, to: size, short: false, body: atPiece(sum.body, index, 1, sizes) }] : undefined;
  }
  const linear = (i: Index): Linear | undefined => linearIndex(i, index, sizes);
  const cuts = new Set<number>([1, size + 1]);
  let readable = true;
  someSubterm(sum.body, (t) => {
    if (t.k === 'icmp') {
      const [a, b] = [linear(t.a), linear(t.b)];
      if (a === undefined || b === undefined) { readable = false; return true; }
      const slope = a.slope - b.slope;
      if (slope !== 0) {
        const turn = Math.floor((b.offset - a.offset) / slope);
        for (let c = turn - 1; c <= turn + 2; c++) if (c > 1 && c <= size) cuts.add(c);
      }
    }
    if (t.k === 'ival' && linear(t.index) === undefined) { readable = false; return true; }
    if (t.k === 'input' && t.ref.indices.length > 0) { readable = false; return true; }
    return false;
  });
  if (!readable || cuts.size > 2 + 4 * MAX_TURNS) return undefined;
  const starts = [...cuts].sort((x, y) => x - y);
  const out: SumSegment[] = [];
  for (let p = 0; p + 1 < starts.length; p++) {
    const [from, to] = [starts[p], starts[p + 1] - 1];
    // No comparison turns inside a piece: the cuts are where they do.
    out.push({ from, to, short: to - from + 1 <= SHORT_PIECE, body: atPiece(sum.body, index, Math.floor((from + to) / 2), sizes) });
  }
  return out;
}

/** No comparison of indices, no entry, no index but the sum's own (at an offset): what a piece reads past 2^53 (no loop: see holdsALoop). */
function readsOwnIndexAlone(body: Term, index: string): boolean {
  return !someSubterm(body, (t) => t.k === 'icmp' || (t.k === 'input' && t.ref.indices.length > 0)
    || (t.k === 'ival' && !(t.index.k === 'var' && t.index.name === index)));
}

/** A loop, an integral, a limit, a derivative or an unknown function inside a body. */
function holdsALoop(body: Term): boolean {
  return someSubterm(body, (t) => t.k === 'sum' || t.k === 'reduce' || t.k === 'series' || t.k === 'integral' || t.k === 'limit' || t.k === 'diff' || t.k === 'apply');
}

/** An index position as slope * k + offset, k the loop's index, at the sizes given. */
interface Linear {
  readonly slope: number;
  readonly offset: number;
}

function linearIndex(i: Index, index: string, sizes: ReadonlyMap<string, number>): Linear | undefined {
  switch (i.k) {
    case 'var': return i.name === index ? { slope: 1, offset: i.offset } : undefined;
    case 'dim': {
      const n = sizes.get(i.name);
      return n === undefined ? undefined : { slope: 0, offset: n + i.offset };
    }
    case 'lit': return { slope: 0, offset: i.value };
    case 'affine': {
      let slope = 0;
      let offset = i.offset;
      for (const part of i.terms) {
        if (part.dim) {
          const n = sizes.get(part.name);
          if (n === undefined) return undefined;
          offset += part.coef * n;
        } else if (part.name === index) slope += part.coef;
        else return undefined;
      }
      return { slope, offset };
    }
    case 'label': return undefined;
  }
}

/** The body with each comparison of indices put in as its value at k = `at`, and each size and fixed position as a number. */
function atPiece(body: Term, index: string, at: number, sizes: ReadonlyMap<string, number>): Term {
  const go = (t: Term): Term => {
    switch (t.k) {
      case 'icmp': {
        const [a, b] = [linearIndex(t.a, index, sizes)!, linearIndex(t.b, index, sizes)!];
        return num(compare(t.op, a.slope * at + a.offset, b.slope * at + b.offset) ? 1 : 0);
      }
      case 'size': return num(sizes.get(t.name)!);
      case 'ival': {
        const { slope, offset } = linearIndex(t.index, index, sizes)!;
        if (slope === 0) return num(offset);
        return slope === 1 ? { k: 'ival', index: { k: 'var', name: index, offset } }
          : { k: 'add', terms: [{ k: 'mul', factors: [num(slope), { k: 'ival', index: { k: 'var', name: index, offset: 0 } }] }, num(offset)] };
      }
      default: return mapChildren(t, go);
    }
  };
  return go(body);
}
