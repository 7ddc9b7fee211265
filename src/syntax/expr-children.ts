import type { Derivation, Expr, Statement } from './ast.ts';

/** The sub-expressions of a syntax-tree node, in the order written (an indexed name's indices, not its name). */
export function exprChildren(e: Expr): readonly Expr[] {
  switch (e.kind) {
    case 'number': case 'name': case 'invalid': return [];
    case 'index': return e.indices;
    case 'call': return e.args;
    case 'unary': case 'transpose': return [e.arg];
    case 'binary': return [e.left, e.right];
    case 'subscript': return [e.target, ...e.indices];
    case 'array': return e.items;
    case 'range': return [e.start, e.end].filter((x): x is Expr => x !== undefined);
  }
}

/** The node with `f` applied to each sub-expression, in the order {@link exprChildren} gives them (an indexed name's indices, not its name). */
export function mapExprChildren(e: Expr, f: (child: Expr) => Expr): Expr {
  switch (e.kind) {
    case 'number': case 'name': case 'invalid': return e;
    case 'index': return { ...e, indices: e.indices.map(f) };
    case 'call': return { ...e, args: e.args.map(f) };
    case 'unary': case 'transpose': return { ...e, arg: f(e.arg) };
    case 'binary': return { ...e, left: f(e.left), right: f(e.right) };
    case 'subscript': return { ...e, target: f(e.target), indices: e.indices.map(f) };
    case 'array': return { ...e, items: e.items.map(f) };
    case 'range': return { ...e, ...(e.start ? { start: f(e.start) } : {}), ...(e.end ? { end: f(e.end) } : {}) };
  }
}

/** The derivation with `f` applied to the expression of every let, implicit equation, claim and step (a given's interval too). */
export function mapDerivationExprs(derivation: Derivation, f: (e: Expr) => Expr): Derivation {
  const statements = derivation.statements.map((s): Statement => {
    switch (s.kind) {
      case 'given': return s.type.interval === undefined ? s : { ...s, type: { ...s.type, interval: { ...s.type.interval, lower: f(s.type.interval.lower), upper: f(s.type.interval.upper) } } };
      case 'let': return { ...s, body: f(s.body) };
      case 'implicit': return { ...s, lhs: f(s.lhs), rhs: f(s.rhs) };
      case 'claim': return { ...s, expr: f(s.expr), steps: s.steps.map((step) => ({ ...step, expr: f(step.expr) })) };
    }
  });
  return { ...derivation, statements };
}
