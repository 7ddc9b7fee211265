/**
 * The relations between the exact engine's atoms that let a polynomial be reduced
 * without changing its value: r^q = R for a root, Z(P) P = 0 for a tie. Each is
 * an identity at every point, so a polynomial that reduces to zero is zero.
 */
import { Polynomial, type Budget } from './exact/index.ts';

/** p = without + x * coefficient, for an atom x of exponent at most 1 in p. */
export function splitBy(p: Polynomial, x: number): { without: Polynomial; coefficient: Polynomial } {
  const without: Polynomial[] = [];
  const coefficient: Polynomial[] = [];
  for (const term of p.terms()) {
    const powers = powersOf(term.mono);
    const has = powers.some(([id]) => id === x);
    (has ? coefficient : without).push(Polynomial.monomial(term.coef, powers.filter(([id]) => id !== x)));
  }
  return { without: Polynomial.sum(without), coefficient: Polynomial.sum(coefficient) };
}

/** An atom v in which P = a v + rest with a constant a != 0: P = 0 means v = -rest / a. */
export function linearVariable(P: Polynomial): { id: number; solution: Polynomial } | undefined {
  for (const id of P.variables()) {
    if (P.degreeIn(id) !== 1) continue;
    const { without, coefficient } = splitBy(P, id);
    const a = coefficient.constantValue();
    if (a === undefined || a.isZero()) continue;
    return { id, solution: without.scale(a.inv().neg()) };
  }
  return undefined;
}

/** r^e for e >= q becomes r^(e mod q) R^(e div q). */
export function reduceRoot(p: Polynomial, id: number, q: number, radicand: Polynomial, budget: Budget): Polynomial {
  if (p.degreeIn(id) < q) return p;
  const parts: Polynomial[] = [];
  for (const term of p.terms()) {
    const powers = powersOf(term.mono);
    const e = powers.find(([x]) => x === id)?.[1] ?? 0;
    if (e < q) { parts.push(Polynomial.monomial(term.coef, powers)); continue; }
    const rest = powers.filter(([x]) => x !== id);
    if (e % q !== 0) rest.push([id, e % q]);
    parts.push(Polynomial.monomial(term.coef, rest).mul(radicand.pow(Math.floor(e / q), budget), budget));
  }
  return Polynomial.sum(parts, budget);
}

function powersOf(mono: { readonly pairs: readonly number[] }): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 0; i < mono.pairs.length; i += 2) out.push([mono.pairs[i], mono.pairs[i + 1]]);
  return out;
}
