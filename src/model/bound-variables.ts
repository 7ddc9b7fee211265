import type { Derivation, Expr } from '../syntax/index.ts';
import { exprChildren } from './expr-children.ts';

/** The calls that bind a scalar variable, and where they name it (SymPy's orders are told as the resolver tells them). */
function boundVariable(e: Extract<Expr, { kind: 'call' }>): Expr | undefined {
  switch (e.name) {
    case 'integral': case 'int': return e.args.length === 4 ? e.args[0] : undefined;
    case 'integrate': return e.args.length === 4 ? e.args[1] : undefined;
    case 'limit': case 'lim': {
      if (e.args.length !== 3 && e.args.length !== 4) return undefined;
      const sympyOrder = e.args[0]?.kind !== 'name' && e.args[1]?.kind === 'name';
      return sympyOrder ? e.args[1] : e.args[0];
    }
    default: return undefined;
  }
}

/** Calls whose first argument may be a summation index (sum(k, 1, n, E), prod(j, E)). */
const INDEXING_CALLS: ReadonlySet<string> = new Set(['sum', 'prod', 'product', 'mean']);

/**
 * The variables of integration and of limits a derivation names without declaring
 * them (`integral(t, 0, x, exp(-t^2))` with no `given t`): a textbook never declares
 * a dummy variable, so the model declares each as a scalar real input, as
 * `given t: real` would. A name declared otherwise (`declared`), named by a `let`,
 * used as a summation index, or standing for a constant (e, pi) is left to the
 * resolver and its messages.
 */
export function undeclaredBoundVariables(derivation: Derivation, declared: (name: string) => boolean, constant: (name: string) => boolean): string[] {
  const variables = new Set<string>();
  const indices = new Set<string>();
  const lets = new Set<string>();
  const walk = (e: Expr): void => {
    if (e.kind === 'call') {
      const variable = boundVariable(e);
      if (variable?.kind === 'name') variables.add(variable.name);
      const first = e.args[0];
      if (INDEXING_CALLS.has(e.name) && first?.kind === 'name') indices.add(first.name);
    }
    for (const child of exprChildren(e)) walk(child);
  };
  for (const statement of derivation.statements) {
    if (statement.kind === 'claim') {
      walk(statement.expr);
      for (const step of statement.steps) walk(step.expr);
    } else if (statement.kind === 'let') {
      lets.add(statement.name);
      for (const p of statement.params) indices.add(p.name);
      for (const a of statement.args ?? []) lets.add(a.name);
      walk(statement.body);
    }
  }
  return [...variables].filter((name) => !declared(name) && !constant(name) && !lets.has(name) && !indices.has(name));
}
