import type { Expr } from './ast.ts';

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
