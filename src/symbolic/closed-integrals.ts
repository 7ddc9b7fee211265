import { closedFormIntegral, closedPolynomialIntegral, mapChildren, someSubterm, type Input, type Term } from '../model/index.ts';
import { AtomTable, Canonicalizer } from './canonical.ts';
import { Budget } from './exact/index.ts';

/**
 * The term with each integral that has a closed form (a polynomial integrand, or the Gaussian, exponential, Gamma and
 * Beta forms of model/integral-closed-forms.ts, whose convergence the signs the exact engine knows decide) replaced by
 * it, inner integrals first. The canonical forms read them so anyway; the searches for ties and critical points then
 * read the closed form too, exactly and fast, where quadrature in 60 digits at each point ran out of time:
 * `KL(N(m1, s1^2) || N(m2, s2^2)) > 0` ties at m1 = m2, s1 = s2 and was verified (probe 99). Both forms have a value
 * at the same inputs (the closed forms add and lose no condition), so the step is the same step.
 */
export function withIntegralsInClosedForm(t: Term, inputs: ReadonlyMap<string, Input>): Term {
  if (!someSubterm(t, (x) => x.k === 'integral')) return t;
  // A budget of terms, not of time, so that the verdict does not depend on the machine's load.
  const canonical = () => new Canonicalizer(new AtomTable(), inputs, new Budget({ maxTerms: SIGN_TERMS }));
  const signOf = (x: Term): 1 | -1 | 0 | undefined => {
    try {
      return canonical().knownTermSign(x);
    } catch {
      return undefined;
    }
  };
  // A closed form with no value anywhere (log(t - 1) of 1 / (t - 1) over (0, 3)) stays the integral: the canonical
  // forms say why it has none, a pole inside its range.
  const valued = (closed: Term): boolean => {
    try {
      return canonical().side(closed).conditions.never === undefined;
    } catch {
      return false;
    }
  };
  const go = (x: Term): Term => {
    if (x.k !== 'integral') return mapChildren(x, go);
    const inner = mapChildren(x, go) as Extract<Term, { k: 'integral' }>;
    const closed = closedPolynomialIntegral(inner) ?? closedFormIntegral(inner, signOf);
    return closed !== undefined && valued(closed) ? closed : inner;
  };
  return go(t);
}

/** Terms one sign or closed form's canonical form may take. */
const SIGN_TERMS = 50_000;
