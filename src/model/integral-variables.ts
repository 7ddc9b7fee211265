import type { Derivation, Expr, Statement } from '../syntax/index.ts';

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
  const rename = (e: Expr, from: string, to: string): Expr => {
    switch (e.kind) {
      case 'number': case 'invalid': return e;
      case 'name': return e.name === from ? { ...e, name: to } : e;
      case 'index': return { ...e, indices: e.indices.map((x) => rename(x, from, to)) };
      case 'call': return { ...e, args: e.args.map((x) => rename(x, from, to)) };
      case 'unary': case 'transpose': return { ...e, arg: rename(e.arg, from, to) };
      case 'binary': return { ...e, left: rename(e.left, from, to), right: rename(e.right, from, to) };
      case 'subscript': return { ...e, target: rename(e.target, from, to), indices: e.indices.map((x) => rename(x, from, to)) };
      case 'array': return { ...e, items: e.items.map((x) => rename(x, from, to)) };
      case 'range': return { ...e, ...(e.start ? { start: rename(e.start, from, to) } : {}), ...(e.end ? { end: rename(e.end, from, to) } : {}) };
    }
  };
  const visit = (e: Expr): Expr => {
    switch (e.kind) {
      case 'number': case 'invalid': case 'name': return e;
      case 'call': {
        const args = e.args.map(visit);
        // integral(t, a, b, E) and int(...): the variable first, the integrand last; integrate(E, t, a, b): SymPy's order.
        const at = (e.name === 'integral' || e.name === 'int') && args.length === 4 ? { variable: 0, body: 3 }
          : e.name === 'integrate' && args.length === 4 ? { variable: 1, body: 0 } : undefined;
        const variable = at === undefined ? undefined : args[at.variable];
        if (at === undefined || variable?.kind !== 'name' || !other.has(variable.name)) return { ...e, args };
        renamed = true;
        const own = `${variable.name}\u02b9`;
        return { ...e, args: args.map((x, k) => (k === at.variable ? { ...variable, name: own } : k === at.body ? rename(x, variable.name, own) : x)) };
      }
      case 'index': return { ...e, indices: e.indices.map(visit) };
      case 'unary': case 'transpose': return { ...e, arg: visit(e.arg) };
      case 'binary': return { ...e, left: visit(e.left), right: visit(e.right) };
      case 'subscript': return { ...e, target: visit(e.target), indices: e.indices.map(visit) };
      case 'array': return { ...e, items: e.items.map(visit) };
      case 'range': return { ...e, ...(e.start ? { start: visit(e.start) } : {}), ...(e.end ? { end: visit(e.end) } : {}) };
    }
  };
  const statements = derivation.statements.map((s): Statement => {
    switch (s.kind) {
      case 'given': return s;
      case 'let': return { ...s, body: visit(s.body) };
      case 'implicit': return { ...s, lhs: visit(s.lhs), rhs: visit(s.rhs) };
      case 'claim': return { ...s, expr: visit(s.expr), steps: s.steps.map((step) => ({ ...step, expr: visit(step.expr) })) };
    }
  });
  return renamed ? { ...derivation, statements } : derivation;
}
