import { affineIn, readsVariable } from './affine-forms.ts';
import { mul, num } from './term-builders.ts';
import { termKey } from './print-term.ts';
import type { Term } from './term.ts';

/**
 * A series whose term is `coefficient * (slope * k + offset)^power`, each part free of k: the p-series and Hurwitz
 * zeta values of a Bose or Fermi gas (sum of 1 / k^(3/2) is zeta(3/2)), which shrink too slowly to add up and are not
 * rational in k. Summed by Euler-Maclaurin where the power is below -1 (numeric/power-series-sum.ts).
 */
export interface PowerSeriesForm {
  readonly coefficient: Term;
  readonly slope: Term;
  readonly offset: Term;
  readonly power: Term;
}

/** The series' term as a {@link PowerSeriesForm}, or undefined where it is not one. */
export function powerSeriesForm(t: Extract<Term, { k: 'series' }>): PowerSeriesForm | undefined {
  const index = { index: t.index };
  const factors = t.body.k === 'mul' ? t.body.factors : [t.body];
  const constant: Term[] = [];
  let base: Term | undefined;
  const powers: Term[] = [];
  for (const f of factors) {
    if (!readsVariable(f, index)) { constant.push(f); continue; }
    const p = asPower(f);
    if (base !== undefined && termKey(base) !== termKey(p.base)) return undefined;
    base = p.base;
    powers.push(p.exponent);
  }
  if (base === undefined || powers.some((e) => readsVariable(e, index))) return undefined;
  const form = affineIn(base, index);
  if (form === undefined) return undefined;
  return { coefficient: mul(...constant), slope: form.slope, offset: form.offset, power: powers.length === 1 ? powers[0] : { k: 'add', terms: powers } };
}

/** A factor as a base to an exponent: b^e as it is, sqrt(b) as b^(1/2), (b^e)^f as b^(e f), others to the power 1. */
function asPower(f: Term): { base: Term; exponent: Term } {
  if (f.k === 'pow') {
    const inner = asPower(f.base);
    return { base: inner.base, exponent: mul(inner.exponent, f.exponent) };
  }
  if (f.k === 'fn' && f.name === 'sqrt' && f.args.length === 1) {
    const inner = asPower(f.args[0]);
    return { base: inner.base, exponent: mul(inner.exponent, num(1, 2)) };
  }
  return { base: f, exponent: num(1) };
}
