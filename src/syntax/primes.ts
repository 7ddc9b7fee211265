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
    const primed = primedName(e);
    if (primed !== undefined && names.has(primed.name)) (e as { prime?: true }).prime = true;
    exprChildren(e).forEach(visit);
  };
  visit(expr);
  return expr;
}

/** `y'`, `y''` as the tree holds them (a name transposed once per prime): the name and the primes; undefined for anything else. */
export function primedName(e: Expr): { name: string; primes: number } | undefined {
  let primes = 0;
  let base = e;
  while (base.kind === 'transpose') { base = base.arg; primes++; }
  return primes > 0 && base.kind === 'name' ? { name: base.name, primes } : undefined;
}
