import type { Derivation, Expr } from '../syntax/index.ts';
import { exprChildren } from '../syntax/index.ts';
import { LIMIT_NAMES, limitParts } from './written-names.ts';
import { DIVERGENCE_VARIABLE, divergenceIntegrates, expectationOfTable } from './expectations.ts';

/** The calls that bind a scalar variable, and where they name it (SymPy's orders are told as the resolver tells them). */
function boundVariable(e: Extract<Expr, { kind: 'call' }>): Expr | undefined {
  switch (e.name) {
    case 'integral': case 'int': return e.args.length === 4 ? e.args[0] : undefined;
    case 'integrate': return e.args.length === 4 ? e.args[1] : undefined;
    case 'limit': case 'lim': return limitParts(e)?.variable;
    // E_{t ~ D}[f], as the books print it, declares its t as an integral's variable is (docs/syntax.md, Expectations).
    case 'E': case 'expectation': case 'expect': case 'Var': case 'variance': return expectationOfTable(e) ? e.args[0] : undefined;
    // KL(P, Q) of densities integrates in a variable of its own (expectations.ts).
    case 'KL': return divergenceIntegrates(e) ? { kind: 'name', name: DIVERGENCE_VARIABLE, span: e.span } : undefined;
    // The Laplace transform integrates in its t: the one written, or t (\mathcal{L}\{f(t)\}).
    case 'laplace': return e.args.length === 3 ? e.args[1] : e.args.length === 1 ? { kind: 'name', name: 't', span: e.span } : undefined;
    // An evaluation bar's variable, \left. \frac{d}{dt}(t^2 e^{-t}) \right|_{t=2} (probe 88: refused unless t was declared).
    case 'subs': return e.args.length === 3 ? e.args[1] : undefined;
    default: return undefined;
  }
}

/**
 * `limit(n, Infinity, sum(k, 1, n, E))`: a series as the limit of its partial sums, read as the series (resolve.ts),
 * so its n is no variable of the limit: it may be a size in another claim (`sum(k, 1, n, k)`).
 */
function isPartialSumLimit(e: Extract<Expr, { kind: 'call' }>, variable: string): boolean {
  if (!LIMIT_NAMES.has(e.name) || e.args.length !== 3) return false;
  const { body } = limitParts(e)!;
  return body.kind === 'call' && body.name === 'sum' && body.args.length === 4 && body.args[2].kind === 'name' && body.args[2].name === variable;
}

/** Calls whose first argument may be a summation index (sum(k, 1, n, E), prod(j, E)). */
const INDEXING_CALLS: ReadonlySet<string> = new Set(['sum', 'prod', 'product', 'mean']);

/** The names a derivation binds or uses as bounds, read in one walk of its claims and lets. */
interface NamesUsed {
  /** Variables of integration and of limits. */
  readonly variables: Set<string>;
  /** Summation indices and a let's index parameters. */
  readonly indices: Set<string>;
  /** Names of lets. */
  readonly lets: Set<string>;
  /** Names written in a finite sum's or product's bounds (`sum(k, 1, n, E)`). */
  readonly sumBounds: Set<string>;
}

function namesUsed(derivation: Derivation): NamesUsed {
  const used: NamesUsed = { variables: new Set(), indices: new Set(), lets: new Set(), sumBounds: new Set() };
  const walk = (e: Expr): void => {
    if (e.kind === 'call') {
      const variable = boundVariable(e);
      if (variable?.kind === 'name' && !isPartialSumLimit(e, variable.name)) used.variables.add(variable.name);
      const first = e.args[0];
      if (INDEXING_CALLS.has(e.name) && first?.kind === 'name') used.indices.add(first.name);
      if (BOUNDED_CALLS.has(e.name) && e.args.length === 4) {
        for (const bound of [e.args[1], e.args[2]]) {
          const names = new Set<string>();
          if (sizeNames(bound, names)) for (const name of names) used.sumBounds.add(name);
        }
      }
    }
    for (const child of exprChildren(e)) walk(child);
  };
  for (const statement of derivation.statements) {
    if (statement.kind === 'claim') {
      walk(statement.expr);
      for (const step of statement.steps) walk(step.expr);
    } else if (statement.kind === 'let') {
      // A defined function's argument (`let f(t) = ...`) is its own inside its body, and no name outside it.
      used.lets.add(statement.name);
      for (const p of statement.params) used.indices.add(p.name);
      walk(statement.body);
    }
  }
  return used;
}

/**
 * The variables of integration and of limits a derivation names without declaring
 * them (`integral(t, 0, x, exp(-t^2))` with no `given t`): a textbook never declares
 * a dummy variable, so the model declares each as a scalar real input, as
 * `given t: real` would. A name declared otherwise (`declared`), named by a `let`,
 * used as a summation index, or standing for a constant (e, pi) is left to the
 * resolver and its messages.
 */
export function undeclaredBoundVariables(derivation: Derivation, declared: (name: string) => boolean, constant: (name: string) => boolean): string[] {
  const used = namesUsed(derivation);
  return [...used.variables].filter((name) => !declared(name) && !constant(name) && !used.lets.has(name) && !used.indices.has(name));
}

/** Calls whose bounds may be sizes: `sum(k, 1, n, E)`, `prod(j, 1, n, E)`. */
const BOUNDED_CALLS: ReadonlySet<string> = new Set(['sum', 'prod', 'product']);


/** The names of a bound written as a size: `n`, `n - 1`, `2 * n + 1`, `n + m` (an integer combination, as a dimension is). */
function sizeNames(e: Expr, into: Set<string>): boolean {
  switch (e.kind) {
    case 'name': into.add(e.name); return true;
    case 'number': return /^\d+$/.test(e.text);
    case 'unary': return e.op === '-' && sizeNames(e.arg, into);
    case 'binary':
      if (e.op === '+' || e.op === '-') return sizeNames(e.left, into) && sizeNames(e.right, into);
      if (e.op === '*') return (e.left.kind === 'number' && sizeNames(e.right, into)) || (e.right.kind === 'number' && sizeNames(e.left, into));
      return false;
    default: return false;
  }
}

/**
 * The names a derivation uses as the bound of a finite sum or product without
 * declaring them (`sum(k, 1, n, k) = n (n + 1) / 2` with no `given n: size`):
 * a bound is a whole number, so the model declares each as a size, as
 * `given n: size` would, and the claim is checked at every size. A name declared
 * otherwise, named by a `let`, used as an index or variable, or standing for a
 * constant is left to the resolver and its messages.
 */
export function undeclaredSumBounds(derivation: Derivation, declared: (name: string) => boolean, constant: (name: string) => boolean): string[] {
  const used = namesUsed(derivation);
  const excluded = (name: string) => used.variables.has(name) || used.indices.has(name) || used.lets.has(name);
  return [...used.sumBounds].filter((name) => !declared(name) && !constant(name) && !excluded(name));
}
