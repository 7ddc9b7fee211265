import type { Expr } from './ast.ts';
import { exprChildren } from './expr-children.ts';

/**
 * Marks `y'` (and `y''`) of the names given as primes, not transposes: a function an equation
 * defines (`implicit y(x): ...`) is differentiated by a prime, and reports typeset it so. The
 * tree must be one just parsed, not yet shared: the marks are written into it.
 */
export function markPrimes(expr: Expr, names: ReadonlySet<string>): Expr {
  if (names.size === 0) return expr;
  const visit = (e: Expr): void => {
    if (e.kind === 'transpose') {
      let base: Expr = e.arg;
      while (base.kind === 'transpose') base = base.arg;
      if (base.kind === 'name' && names.has(base.name)) (e as { prime?: true }).prime = true;
    }
    exprChildren(e).forEach(visit);
  };
  visit(expr);
  return expr;
}
