import { mapDerivationExprs, mapExprChildren, type Derivation, type Expr } from '../syntax/index.ts';

/**
 * An integral's variable is its own, whatever a given of that name says outside it: `\int_0^1 a\,da` in a derivation
 * with `given a: positive` (probe 51: four printed steps) integrates over a real a from 0 to 1, which the positive
 * given's facts (a > 0) must not reach. Such a variable, a scalar given of a kind other than real, is renamed inside
 * its integral to a name no file writes (aʹ), which the model then declares real as any undeclared integral variable.
 */
export function withIntegralVariablesOwn(derivation: Derivation): Derivation {
  const other = new Set<string>();
  for (const s of derivation.statements) {
    if (s.kind === 'given' && s.type.dims.length === 0 && s.type.name !== 'real' && s.type.name !== 'function') for (const n of s.names) other.add(n.name);
  }
  if (other.size === 0) return derivation;
  let renamed = false;
  const rename = (e: Expr, from: string, to: string): Expr => (e.kind === 'name' ? (e.name === from ? { ...e, name: to } : e) : mapExprChildren(e, (x) => rename(x, from, to)));
  const visit = (e: Expr): Expr => {
    if (e.kind !== 'call') return mapExprChildren(e, visit);
    const args = e.args.map(visit);
    // integral(t, a, b, E) and int(...): the variable first, the integrand last; integrate(E, t, a, b): SymPy's order.
    const at = (e.name === 'integral' || e.name === 'int') && args.length === 4 ? { variable: 0, body: 3 }
      : e.name === 'integrate' && args.length === 4 ? { variable: 1, body: 0 } : undefined;
    const variable = at === undefined ? undefined : args[at.variable];
    if (at === undefined || variable?.kind !== 'name' || !other.has(variable.name)) return { ...e, args };
    renamed = true;
    const own = `${variable.name}\u02b9`;
    return { ...e, args: args.map((x, k) => (k === at.variable ? { ...variable, name: own } : k === at.body ? rename(x, variable.name, own) : x)) };
  };
  const mapped = mapDerivationExprs(derivation, visit);
  return renamed ? mapped : derivation;
}
