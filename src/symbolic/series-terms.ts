import { mapChildren, num, substituteIndices, type Term } from '../model/index.ts';
import { Rational } from './exact/index.ts';

/** Readings of a series' terms shared by the tables of sums (known-series.ts, rational-series.ts). */

/** The series' term at index value k. */
export function termAt(series: Extract<Term, { k: 'series' }>, k: number): Term {
  return withIndexNumbers(substituteIndices(series.body, new Map([[series.index, { k: 'lit', value: k }]])));
}

/** An index that is a number (the first term's k) as the number it is. */
function withIndexNumbers(t: Term): Term {
  if (t.k === 'ival' && t.index.k === 'lit') return num(t.index.value);
  return mapChildren(t, withIndexNumbers);
}

/** a k + b with a and b rational, if the term is one (the index k used as a number). */
export function affineIn(t: Term, index: string): { a: Rational; b: Rational } | undefined {
  switch (t.k) {
    case 'ival': {
      const i = t.index;
      if (i.k === 'var' && i.name === index) return { a: Rational.ONE, b: Rational.of(i.offset) };
      if (i.k === 'lit') return { a: Rational.ZERO, b: Rational.of(i.value) };
      if (i.k === 'affine' && i.terms.length === 1 && i.terms[0].name === index && !i.terms[0].dim) {
        return { a: Rational.of(i.terms[0].coef), b: Rational.of(i.offset) };
      }
      return undefined;
    }
    case 'add': {
      let a = Rational.ZERO;
      let b = Rational.ZERO;
      for (const part of t.terms) {
        const p = affineIn(part, index);
        if (p === undefined) return undefined;
        a = a.add(p.a);
        b = b.add(p.b);
      }
      return { a, b };
    }
    case 'mul': {
      let scale = Rational.ONE;
      let moving: { a: Rational; b: Rational } | undefined;
      for (const f of t.factors) {
        const c = rationalValue(f);
        if (c !== undefined) { scale = scale.mul(c); continue; }
        if (moving !== undefined) return undefined;
        moving = affineIn(f, index);
        if (moving === undefined) return undefined;
      }
      return moving === undefined ? { a: Rational.ZERO, b: scale } : { a: moving.a.mul(scale), b: moving.b.mul(scale) };
    }
    default: {
      const c = rationalValue(t);
      return c === undefined ? undefined : { a: Rational.ZERO, b: c };
    }
  }
}

/** The exact value of a constant made of numbers, sums, products and whole powers. */
export function rationalValue(t: Term): Rational | undefined {
  switch (t.k) {
    case 'num': return Rational.of(t.value.num, t.value.den);
    case 'add': {
      let acc = Rational.ZERO;
      for (const part of t.terms) {
        const v = rationalValue(part);
        if (v === undefined) return undefined;
        acc = acc.add(v);
      }
      return acc;
    }
    case 'mul': {
      let acc = Rational.ONE;
      for (const f of t.factors) {
        const v = rationalValue(f);
        if (v === undefined) return undefined;
        acc = acc.mul(v);
      }
      return acc;
    }
    case 'pow': {
      const base = rationalValue(t.base);
      const exponent = rationalValue(t.exponent);
      if (base === undefined || exponent === undefined || !exponent.isInteger() || (base.isZero() && exponent.sign() < 0)) return undefined;
      const e = Number(exponent.num);
      return Math.abs(e) > 64 ? undefined : base.pow(e);
    }
    default: return undefined;
  }
}
