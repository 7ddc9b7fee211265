import { add, fn, mul, num, sub } from './term-builders.ts';
import { mapChildren } from './term-traversal.ts';
import type { Term } from './term.ts';

/**
 * log(t) as a sum of logs of t's parts, for reading a positive side far past every evaluation's reach in log space:
 * binomial(2n, n) at n = 10^6 has 600,000 digits, its log fourteen. A product is the sum of its factors' logs, a power
 * its exponent times its base's log, sqrt half its argument's, exp its argument; factorial and gamma stay as their logs
 * (read as lgamma where the argument is positive, numeric/precise.ts), a binomial of whole numbers is three of them, and
 * a product over k is the sum over k of its factor's log (read in closed form, model/finite-sum.ts).
 *
 * Sound for comparisons: each log has a value only where its argument is positive, so where the whole form has one,
 * every part is positive and the form is log(t), log being increasing. Where a part is not, it has none, and nothing is read.
 */
export function logForm(t: Term): Term {
  switch (t.k) {
    case 'add': {
      // A domain's guard, 0 * log(y - 1e8) beside a side over y in (1e8, Infinity), is kept beside the log, not in it:
      // log(A + 0 g) = log(A) + 0 g where g has a value, and so A's own log form is read (probe 114: a tail bound over
      // (1e8, Infinity) had no log, and a false one was verified).
      const guards = t.terms.filter(isGuard);
      const rest = t.terms.filter((x) => !isGuard(x));
      return guards.length === 0 || rest.length === 0 ? fn('log', t) : add(logForm(add(...rest)), ...guards);
    }
    case 'mul': return add(...t.factors.map(logForm));
    case 'pow': return scaled(t.exponent, logForm(t.base));
    case 'reduce': {
      if (t.op !== 'prod') return fn('log', t);
      // A sum over k for each part of the factor's log, each read in closed form on its own (log(2k - 1) - log 2 - log k).
      const body = logForm(t.body);
      const parts = body.k === 'add' ? body.terms : [body];
      return add(...parts.map((part): Term => ({ k: 'sum', index: t.index, dim: t.dim, body: part })));
    }
    case 'fn':
      if (t.args.length === 1 && t.name === 'exp') return t.args[0];
      if (t.args.length === 1 && t.name === 'sqrt') return scaled(num(1, 2), logForm(t.args[0]));
      if (t.args.length === 2 && t.name === 'binomial' && wholeValued(t.args[0]) && wholeValued(t.args[1])) {
        const [n, k] = t.args;
        return sub(fn('log', fn('factorial', n)), add(fn('log', fn('factorial', k)), fn('log', fn('factorial', sub(n, k)))));
      }
      return fn('log', t);
    default:
      return fn('log', t);
  }
}

/** A term that is 0 wherever it has a value: 0 times something, carried for its domain. */
function isGuard(t: Term): boolean {
  return t.k === 'mul' && t.factors.some((f) => f.k === 'num' && f.value.num === 0n);
}

/** c times a form, spread over its terms, so that a sum over k of it splits into sums that each read alone. */
function scaled(c: Term, form: Term): Term {
  return form.k === 'add' ? add(...form.terms.map((part) => mul(c, part))) : mul(c, form);
}

/**
 * Built of sizes, whole constants, sums' indices, + and *: a whole number wherever it has a value, so that the binomial
 * coefficient of it is a ratio of factorials (the binomial series' binomial(1/2, k) is not).
 */
function wholeValued(t: Term): boolean {
  switch (t.k) {
    case 'num': return t.value.den === 1n;
    case 'size': return true;
    case 'ival': return true;
    case 'add': return t.terms.every(wholeValued);
    case 'mul': return t.factors.every(wholeValued);
    default: return false;
  }
}

/**
 * {@link logForm} for double precision, where log(factorial(x)) and log(gamma(x)) are lgamma (the double of 171! is
 * Infinity), each guarded by a square root that has no value where the argument leaves the range lgamma reads as the
 * log (a factorial's x > -1, a gamma's x >= 0). So a series' term exp(-l) l^k / k! that overflows its doubles past k = 170
 * is exp(-l + k log(l) - lgamma(k + 1)), its value where every factor is positive (numeric/compile.ts).
 */
export function logFormInDoubles(t: Term): Term {
  const lgammaOf = (x: Term): Term => {
    if (x.k === 'fn' && x.name === 'log' && x.args.length === 1 && x.args[0].k === 'fn' && x.args[0].args.length === 1) {
      const [inner] = x.args;
      const [a] = inner.args;
      if (inner.name === 'factorial') return add(fn('lgamma', add(a, num(1))), mul(num(0), fn('sqrt', add(a, num(1)))));
      if (inner.name === 'gamma') return add(fn('lgamma', a), mul(num(0), fn('sqrt', a)));
    }
    return mapChildren(x, lgammaOf);
  };
  return lgammaOf(logForm(t));
}

/**
 * A sum's terms as magnitudes with signs, for reading the sum's log through its terms' logs: a term led by a negative
 * constant (the -1 of a difference, -3/2 x) is that constant's magnitude times the rest, negated. A term whose sign is not
 * written so reads as positive: where it is not, its log has no value, and neither has the reading.
 */
export function signedTerms(terms: readonly Term[]): { readonly magnitude: Term; readonly negative: boolean }[] {
  return terms.map((t) => {
    if (t.k === 'num') return { magnitude: { k: 'num', value: { num: t.value.num < 0n ? -t.value.num : t.value.num, den: t.value.den } }, negative: t.value.num < 0n };
    if (t.k === 'mul') {
      const at = t.factors.findIndex((f) => f.k === 'num' && f.value.num < 0n);
      if (at >= 0) {
        const c = t.factors[at] as Extract<Term, { k: 'num' }>;
        const magnitude = mul(...t.factors.map((f, i): Term => (i === at ? { k: 'num', value: { num: -c.value.num, den: c.value.den } } : f)));
        return { magnitude, negative: true };
      }
    }
    return { magnitude: t, negative: false };
  });
}
