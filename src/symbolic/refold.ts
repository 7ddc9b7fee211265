import { substituteIndices, type LetDefinition } from '../model/index.ts';
import type { AtomTable, Canonicalizer } from './canonical.ts';
import { Polynomial, type RationalFunction } from './exact/index.ts';

/** A name no index of a derivation can have: it stands for the definition's parameter. */
const PARAMETER = '§';

/**
 * Writes a difference back in the derivation's own names. A definition such as
 * s[i] = exp(x[i]) / sum(j, exp(x[j])) has the canonical form E(i) / T: one atom
 * in its index over one atom free of it. A difference N / (c T^d) whose numerator
 * is homogeneous of degree d in the atoms E(a) and T is, with E(a) = s[a] T, a
 * polynomial in s: `(2 t[n] exp(x[n]) - 2 t[n] S) / S` becomes `2*t[n]*s[n] - 2*t[n]`.
 * Returns undefined when no definition fits.
 */
export function refold(difference: RationalFunction, definitions: readonly LetDefinition[], canonical: Canonicalizer): string | undefined {
  const text = refoldText(difference, definitions, canonical);
  return text === undefined ? undefined : `lhs - rhs = ${text}`;
}

/** A rational function written as a polynomial in a definition's name (`2*t[n]*s[n] - 2*t[n]`), or undefined when no definition fits. */
export function refoldText(form: RationalFunction, definitions: readonly LetDefinition[], canonical: Canonicalizer): string | undefined {
  const difference = form;
  const atoms = canonical.atoms;
  for (const definition of definitions) {
    if (definition.params.length !== 1 || definition.isArray) continue;
    const shape = quotientShape(definition, canonical);
    if (!shape) continue;
    const folded = foldInto(difference, shape, definition.name, atoms);
    if (folded !== undefined) return folded;
  }
  return undefined;
}

interface QuotientShape {
  /** The numerator atom's text with the parameter as `§`, e.g. `exp(x[§])`. */
  readonly numeratorPattern: RegExp;
  /** The denominator atom. */
  readonly denominator: number;
}

function quotientShape(definition: LetDefinition, canonical: Canonicalizer): QuotientShape | undefined {
  let form: RationalFunction;
  try {
    form = canonical.of(substituteIndices(definition.body, new Map([[definition.params[0], { k: 'var', name: PARAMETER, offset: 0 }]])));
  } catch {
    return undefined;
  }
  const factors = form.denominatorFactors();
  if (factors.length !== 1 || factors[0].exponent !== 1) return undefined;
  const denominatorVariables = [...factors[0].factor.variables()];
  if (denominatorVariables.length !== 1 || factors[0].factor.termCount() !== 1) return undefined;
  const numerator = form.numerator();
  if (numerator.termCount() !== 1 || !numerator.variables().size) return undefined;
  const [term] = [...numerator.terms()];
  if (term.mono.pairs.length !== 2 || term.mono.pairs[1] !== 1) return undefined;
  const text = canonical.atoms.name(term.mono.pairs[0]);
  if (!text.includes(PARAMETER)) return undefined;
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(PARAMETER, '([^\\[\\]]+)');
  return { numeratorPattern: new RegExp(`^${escaped}$`), denominator: denominatorVariables[0] };
}

function foldInto(difference: RationalFunction, shape: QuotientShape, name: string, atoms: AtomTable): string | undefined {
  const factors = difference.denominatorFactors();
  if (factors.length !== 1 || factors[0].factor.termCount() !== 1 || !factors[0].factor.variables().has(shape.denominator)) return undefined;
  const degree = factors[0].exponent;
  const folded = new Map<number, string>();
  for (const [id, atom] of atoms.atoms.entries()) {
    const m = shape.numeratorPattern.exec(atom.text);
    if (m && m[1] !== PARAMETER) folded.set(id, `${name}[${m[1]}]`);
  }
  if (folded.size === 0) return undefined;
  // Each monomial E^a T^b (others free) must have a + b = degree: then it is s^a times others.
  const terms: Polynomial[] = [];
  const names = new Map<number, string>();
  for (const term of difference.numerator().terms()) {
    let total = 0;
    const powers: Array<[number, number]> = [];
    for (let p = 0; p < term.mono.pairs.length; p += 2) {
      const id = term.mono.pairs[p];
      const e = term.mono.pairs[p + 1];
      if (id === shape.denominator) total += e;
      else {
        if (folded.has(id)) {
          total += e;
          names.set(id, folded.get(id)!);
        }
        powers.push([id, e]);
      }
    }
    if (total !== degree) return undefined;
    terms.push(Polynomial.monomial(term.coef.div(difference.denominatorConstant()), powers));
  }
  const polynomial = Polynomial.sum(terms);
  return polynomial.toString((id) => names.get(id) ?? atoms.name(id));
}
