import { children, coefficientsIn, inputNames, mapChildren, mul, num, sub, termKey, type Term } from '../model/index.ts';
import { equalExactlyAt } from './exact-tie.ts';
import { polynomialOf, type Polynomial } from './multiple-root.ts';

/**
 * A function's exact value at a root of one of its parts: `1 - cos(cos(x) - x)` is 1 - cos(0) = 0 wherever cos(x) - x
 * is 0, and `exp(y^3 - y - 1) - (y^3 - y)` is exp(0) - 1 = 0 wherever y^3 - y - 1 is, y^3 - y being 1 there. Such a
 * function touches 0 without changing sign, so no bracket of its own shows the root, but one of the part does
 * (probe 88: `1 - cos(cos(x) - x) > 0`, `cosh(y^3 - y - 1) > 1` verified).
 *
 * The part is put to 0 where it stands; what still reads the input must be a polynomial in it with constant
 * coefficients, and the part a polynomial with rational ones, whose remainder modulo the part is then the value at
 * its root. Undefined where the value cannot be read so: a value that still moves with the input, or none (a pole or
 * a log of 0 at the root is a DomainError of the exact engine, and not 0).
 */
export function zeroAtRootOf(t: Term, part: Term, name: string): boolean {
  const key = termKey(part);
  const replaced = (u: Term): Term => (termKey(u) === key ? num(0) : mapChildren(u, replaced));
  const atRoot = replaced(t);
  const value = inputNames(atRoot).has(name) ? remainderAtRoot(atRoot, part, name) : atRoot;
  return value !== undefined && equalExactlyAt(value, num(0), new Map());
}

/** The parts of a function of one input whose roots may be the function's: the sums inside it that read the input. */
export function innerSums(t: Term, name: string, limit: number): Term[] {
  const found = new Map<string, Term>();
  const visit = (u: Term, top: boolean): void => {
    if (found.size >= limit || !inputNames(u).has(name)) return;
    if (!top && u.k === 'add') found.set(termKey(u), u);
    for (const child of children(u)) visit(child, false);
  };
  visit(t, true);
  return [...found.values()];
}

/** The constant a polynomial in the input takes at a root of the part, where its remainder modulo the part is one. */
function remainderAtRoot(t: Term, part: Term, name: string): Term | undefined {
  const divisor = polynomialOf(part, name);
  const coefficients = coefficientsIn(t, name);
  if (divisor === undefined || divisor.length < 2 || coefficients === undefined || coefficients.some((c) => inputNames(c).size > 0)) return undefined;
  const remainder = modulo(coefficients, divisor);
  return remainder.slice(1).every((c) => equalExactlyAt(c, num(0), new Map())) ? remainder[0] : undefined;
}

/** The coefficients' polynomial modulo the divisor, by long division with the divisor made monic: d coefficients. */
function modulo(coefficients: readonly Term[], divisor: Polynomial): Term[] {
  const degree = divisor.length - 1;
  const lead = divisor[degree];
  const monic = divisor.map((c) => num(c.num * lead.den, c.den * lead.num));
  const r = [...coefficients];
  for (let k = r.length - 1; k >= degree; k--) {
    for (let j = 0; j < degree; j++) r[k - degree + j] = sub(r[k - degree + j], mul(r[k], monic[j]));
  }
  return Array.from({ length: degree }, (_, k) => r[k] ?? num(0));
}
