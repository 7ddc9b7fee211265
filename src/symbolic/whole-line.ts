import { constantFraction, inputNames, type Term } from '../model/index.ts';

/**
 * Terms of scalar inputs built only of functions defined on the whole real line: what the intermediate value theorem
 * (root-between.ts) asks of a comparison's difference, continuity on every bracket, and what the identity theorem
 * (identity-theorem.ts) asks of two sides, analyticity on all of R^k. One walker, two sets of functions.
 */

/** Functions continuous on the whole line. */
export const CONTINUOUS_ON_THE_LINE: ReadonlySet<string> = new Set(['exp', 'sin', 'cos', 'sinh', 'cosh', 'tanh', 'atan', 'asinh', 'sigmoid', 'softplus', 'erf', 'erfc', 'Phi', 'phi', 'abs', 'relu']);

/**
 * Functions continuous on their domain, with no pole inside it where a sign could change: the log family at 0, the
 * roots and the inverse sines at the ends of theirs. Outside the domain they have no value, which the callers read as
 * none (root-between.ts halves a bracket until a value is had on every point it reads, or none is).
 */
export const CONTINUOUS_ON_THEIR_DOMAIN: ReadonlySet<string> = new Set([...CONTINUOUS_ON_THE_LINE, 'log', 'log1p', 'log2', 'log10', 'sqrt', 'asin', 'acos', 'acosh', 'atanh']);

/** Functions real-analytic on the whole line: the continuous ones without a kink. */
export const ANALYTIC_ON_THE_LINE: ReadonlySet<string> = new Set([...CONTINUOUS_ON_THE_LINE].filter((name) => name !== 'abs' && name !== 'relu'));

/**
 * Whether the term is built of scalar inputs, constants, sums, products, whole powers, powers of a positive constant
 * and the functions of `functions`: so it is continuous (analytic) wherever its inputs are, with those functions.
 * A part that reads no input is a constant (1 / factorial(3)); one with no value leaves no reading, which the callers
 * take as no evidence.
 */
export function builtOnTheLine(t: Term, functions: ReadonlySet<string>): boolean {
  if (inputNames(t).size === 0) return true;
  switch (t.k) {
    case 'input': return t.ref.indices.length === 0;
    case 'add': return t.terms.every((u) => builtOnTheLine(u, functions));
    case 'mul': return t.factors.every((u) => builtOnTheLine(u, functions));
    case 'pow': {
      const [exponent, base] = [constantFraction(t.exponent), constantFraction(t.base)];
      if (exponent !== undefined && exponent.den === 1n && exponent.num >= 0n) return builtOnTheLine(t.base, functions);
      return base !== undefined && base.num > 0n && builtOnTheLine(t.exponent, functions);
    }
    case 'fn': return functions.has(t.name) && t.args.every((u) => builtOnTheLine(u, functions));
    default: return false;
  }
}
