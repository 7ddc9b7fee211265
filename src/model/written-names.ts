import type { Expr } from '../syntax/index.ts';

export { INFINITY_NAMES } from '../syntax/index.ts';

/** The names of a limit. */
/**
 * The constant pi in expressions the model builds (an expectation's density, a Gaussian's normaliser): a name no file
 * can declare ('#' starts a comment), so a `let π = ...` (Sutton and Barto's policy) does not capture it (probe 99).
 */
export const PI_CONSTANT = '#pi';

export const LIMIT_NAMES: ReadonlySet<string> = new Set(['limit', 'lim']);

/**
 * A limit's parts as written, in our order `limit(h, a, E)` or SymPy's `limit(E, h, a)` (told by
 * its expression first: our order starts with the variable's bare name); undefined for a call with
 * neither 3 nor 4 arguments.
 */
export function limitParts(e: Extract<Expr, { kind: 'call' }>): { variable: Expr; point: Expr; body: Expr; side: Expr | undefined; sympyOrder: boolean } | undefined {
  if (e.args.length !== 3 && e.args.length !== 4) return undefined;
  const sympyOrder = e.args[0].kind !== 'name' && e.args[1].kind === 'name';
  const [body, variable, point] = sympyOrder ? e.args : [e.args[2], e.args[0], e.args[1]];
  return { variable, point, body, side: e.args[3], sympyOrder };
}
