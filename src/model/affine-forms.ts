import type { Term } from './term.ts';
import { num } from './term-builders.ts';
import { someSubterm, usesIndexVariable } from './term-queries.ts';
import { mapChildren } from './term-traversal.ts';

/** A term written as `slope * v + offset`, both free of the variable v. */
export interface AffineForm {
  readonly slope: Term;
  readonly offset: Term;
}

/**
 * The variable a term may be affine in: an input read as a scalar (an integral's variable, the name given
 * as a string) or a summation index read as a number (a series' `k`, or `k + 1`).
 */
export type AffineVariable = string | { readonly index: string };

const ZERO: Term = num(0);
const ONE: Term = num(1);

/** Whether a term reads the variable. */
export function readsVariable(t: Term, v: AffineVariable): boolean {
  return typeof v === 'string' ? someSubterm(t, (x) => x.k === 'input' && x.ref.name === v) : usesIndexVariable(t, new Set([v.index]));
}

/** `slope * v + offset` with both free of v, or undefined where the term is not affine in v. */
export function affineIn(t: Term, v: AffineVariable): AffineForm | undefined {
  if (!readsVariable(t, v)) return { slope: ZERO, offset: t };
  switch (t.k) {
    case 'input': return typeof v === 'string' && t.ref.name === v && t.ref.indices.length === 0 ? { slope: ONE, offset: ZERO } : undefined;
    // k + 1 as a number: the index, its offset a constant.
    case 'ival': return typeof v !== 'string' && t.index.k === 'var' && t.index.name === v.index ? { slope: ONE, offset: num(t.index.offset) } : undefined;
    case 'add': {
      const parts = t.terms.map((x) => affineIn(x, v));
      if (parts.some((p) => p === undefined)) return undefined;
      return { slope: { k: 'add', terms: parts.map((p) => p!.slope) }, offset: { k: 'add', terms: parts.map((p) => p!.offset) } };
    }
    case 'mul': {
      // One factor reads v, affinely; the others are free of it.
      const reading = t.factors.filter((f) => readsVariable(f, v));
      if (reading.length !== 1) return undefined;
      const inner = affineIn(reading[0], v);
      if (inner === undefined) return undefined;
      const others = t.factors.filter((f) => f !== reading[0]);
      return { slope: { k: 'mul', factors: [...others, inner.slope] }, offset: { k: 'mul', factors: [...others, inner.offset] } };
    }
    default: return undefined;
  }
}

/**
 * The slopes in v of the arguments of a term's sines and cosines that are affine in v (`cos(49 * x)`: 49; a series'
 * `cos(k * pi / 500)`: pi / 500), each free of v, the first `most` found: an integral over many of their periods is
 * read in pieces of a few (numeric/precise.ts), a series over one period of the slowest at least (series-convergence.ts).
 */
export function sineSlopes(body: Term, v: AffineVariable, most: number): Term[] {
  const out: Term[] = [];
  const walk = (t: Term): Term => {
    if (t.k === 'fn' && (t.name === 'sin' || t.name === 'cos') && readsVariable(t.args[0], v) && out.length < most) {
      const form = affineIn(t.args[0], v);
      if (form !== undefined) out.push(form.slope);
    }
    return mapChildren(t, walk);
  };
  walk(body);
  return out;
}
