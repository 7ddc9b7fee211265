import type { AtomTable } from './canonical.ts';
import { Budget, Rational, RationalFunction } from './exact/index.ts';

/** The shortest true sentence about how the sides differ: a factor, a constant, or the difference itself. */
export function explainDifference(left: RationalFunction, right: RationalFunction, difference: RationalFunction, atoms: AtomTable, budget: Budget): string {
  const name = (id: number) => atoms.name(id);
  const constant = (f: RationalFunction): Rational | undefined => {
    if (f.denominatorFactors().length > 0) return undefined;
    const c = f.numerator(budget).constantValue();
    return c?.div(f.denominatorConstant());
  };
  if (left.isZero()) return 'the expression above is 0, but this step is not';
  if (right.isZero()) return 'this step is 0, but the expression above is not';
  const quotient = left.div(right, budget);
  const ratio = constant(quotient);
  if (ratio !== undefined) {
    return ratio.equals(Rational.of(-1)) ? 'the sides differ by a factor -1 (a sign error)' : `the sides differ by a factor ${ratio.toString()}`;
  }
  // A factor made of sizes alone (1/N, a batch size divided twice) is still a factor.
  if ([...quotient.variables()].every((id) => atoms.sizeAtoms.has(id))) return `the sides differ by a factor ${quotient.toString(name)}`;
  const c = constant(difference);
  if (c !== undefined) return `the sides differ by the constant ${c.toString()}`;
  const text = difference.toString(name);
  return `lhs - rhs = ${text.length > 400 ? `${text.slice(0, 400)}...` : text}`;
}

