import { DerivationError, diagnostic } from '../diagnostics/index.ts';
import type { Claim, Expr, Span, Step } from '../syntax/index.ts';
import { INFINITY_NAMES, LIMIT_NAMES, limitParts } from './written-names.ts';

/**
 * Limits that are infinite, as the books write them: `limit(x, Infinity, exp(x) / x^2) = Infinity`
 * (Stewart 4.4, l'Hospital's rule for infinity over infinity), with the chain of limits before
 * it. A limit that grows without bound has no value (docs/syntax.md, Limits), so a claim
 * that ends in `= Infinity` (or `-Infinity`) is read through `sigmoid(-L)` (`sigmoid(L)` for
 * `-Infinity`): each line L is that, a limit's sigmoid taken inside it, and the infinity is 0.
 * sigmoid(-L) is one to one on the reals with both infinities added, and tends to 0 exactly
 * where L tends to +Infinity (as fast as exp(-L): log(x) -> Infinity reads as 1 / (1 + x)), so the
 * lines are equal, or the limit infinite, exactly where the lines read so are: a limit said
 * infinite that tends to 5 is refuted (sigmoid(-5) is not 0), and so is one of the other sign
 * (1 / x^2 -> -Infinity reads 1). Past 2e16, exp overflows even 60 digits' range: a finite
 * limit that large is not told from an infinite one.
 */


/** The sign of a written infinity (`Infinity`, `-oo`), or undefined. */
function infinitySign(e: Expr, declared: (name: string) => boolean): 1 | -1 | undefined {
  const negated = e.kind === 'unary' && e.op === '-';
  const name = negated ? e.arg : e;
  if (name.kind !== 'name' || !INFINITY_NAMES.has(name.name) || declared(name.name)) return undefined;
  return negated ? -1 : 1;
}

const number = (value: number, span: Span): Expr => ({ kind: 'number', text: String(value), value, span });

/** sigmoid(-E) (sign 1) or sigmoid(E) (sign -1). */
function squashed(e: Expr, sign: 1 | -1): Expr {
  const arg: Expr = sign > 0 ? { kind: 'unary', op: '-', arg: e, span: e.span } : e;
  return { kind: 'call', name: 'sigmoid', nameSpan: e.span, args: [arg], span: e.span };
}

/** A line read through sigmoid: a limit's inside it, so that a limit that grows without bound has a value (0). */
function readLine(e: Expr, sign: 1 | -1, declared: (name: string) => boolean): Expr {
  if (infinitySign(e, declared) === sign) return number(0, e.span);
  const parts = e.kind === 'call' && LIMIT_NAMES.has(e.name) ? limitParts(e) : undefined;
  if (e.kind === 'call' && parts !== undefined) {
    return { ...e, args: e.args.map((a) => (a === parts.body ? squashed(a, sign) : a)) };
  }
  return squashed(e, sign);
}

/**
 * A claim whose last step is a written infinity, read through sigmoid (see the top of this
 * file); any other claim as it is. Where a line before is another infinity, or a step is a
 * bound, the steps are errors that say why.
 */
export function withInfiniteLimits(claim: Claim, file: string, declared: (name: string) => boolean): Claim {
  const last = claim.steps[claim.steps.length - 1];
  const sign = last === undefined || last.relation !== '=' ? undefined : infinitySign(last.expr, declared);
  if (sign === undefined) return claim;
  const problem = claim.steps.find((s) => s.relation !== '=') ?? claim.steps.slice(0, -1).find((s) => infinitySign(s.expr, declared) !== undefined);
  if (problem !== undefined) {
    const error = new DerivationError(diagnostic('unsupported', problem.relation !== '='
      ? 'a chain that ends in an infinite limit holds equalities only'
      : 'an infinity is a line of a chain only as its last line, the value of the limits above it', file, problem.span,
    'write the chain of limits, then = Infinity (or -Infinity) as its last line'));
    const invalid = (s: Step): Step => ({ ...s, expr: { kind: 'invalid', diagnostic: error.diagnostic, span: s.span } });
    return { ...claim, steps: claim.steps.map(invalid) };
  }
  return {
    ...claim,
    expr: readLine(claim.expr, sign, declared),
    steps: claim.steps.map((s) => ({ ...s, expr: readLine(s.expr, sign, declared) })),
  };
}
