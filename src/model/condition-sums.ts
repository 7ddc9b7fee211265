import type { Expr, Span } from '../syntax/index.ts';

type CallExpr = Extract<Expr, { kind: 'call' }>;
type BinaryExpr = Extract<Expr, { kind: 'binary' }>;

/** The comparisons a sum's condition may be, with the complement a product's excluded factors are read under. */
const COMPLEMENT: Readonly<Record<string, string>> = { '!=': '==', '<': '>=', '<=': '>', '>': '<=', '>=': '<' };

/** Why a sum's condition names no new index: where, and what to write. */
export interface ConditionSumProblem {
  readonly message: string;
  readonly span: Span;
  readonly hint: string;
}

/** Whether a call is a sum or a product over a condition, `sum(j != i, E)` or `prod(j != i, 1, n, E)`. */
export function isConditionSum(expr: CallExpr): boolean {
  const [condition] = expr.args;
  return (expr.name === 'sum' || expr.name === 'prod') && (expr.args.length === 2 || expr.args.length === 4)
    && condition.kind === 'binary' && Object.hasOwn(COMPLEMENT, condition.op);
}

/**
 * A textbook's sum over the indices that meet a condition, Σ_{j≠i} E, Σ_{i<j} E, ∏_{j≠i} E,
 * as the plain sums the rest of the model reads: `sum(j, (j != i) * E)`, and for a
 * product `prod(j, (j != i) * E + (j == i))`, the excluded factors 1.
 *
 * The index summed is a side of the condition that is a name known nowhere outside the
 * sum (`isOuter` says which names are: indices bound around it, a claim's free indices,
 * inputs, constants). Where both sides are such names, the sum runs over both: Σ_{i<j}
 * x_i x_j is every pair i < j, and Σ_{i≠j} every ordered pair apart. The other side
 * may be any index: Σ_{j≠y_i} (CS231n's multiclass SVM loss), Σ_{j≠1}.
 *
 * The excluded term is multiplied by 0, so it must have a value, as the cases of
 * `c ? a : b` must: ∏_{j≠i} (x - x_j)/(x_i - x_j) (Lagrange's basis) has none at j = i.
 */
export function conditionSum(expr: CallExpr, isOuter: (name: string) => boolean): CallExpr | ConditionSumProblem {
  const condition = expr.args[0] as BinaryExpr;
  const free = (e: Expr): e is Extract<Expr, { kind: 'name' }> => e.kind === 'name' && !isOuter(e.name);
  const [index, other] = free(condition.left) ? [condition.left, condition.right] : free(condition.right) ? [condition.right, condition.left] : [undefined, undefined];
  if (index === undefined || other === undefined) {
    const written = (e: Expr) => (e.kind === 'name' ? e.name : e.kind === 'number' ? e.text : 'the other side');
    return {
      message: `${expr.name}(${written(condition.left)} ${condition.op} ${written(condition.right)}, E) runs over a new index that meets the condition, but ${written(condition.left)} and ${written(condition.right)} both have a meaning here already`,
      span: condition.span,
      hint: `name the index the ${expr.name === 'sum' ? 'sum' : 'product'} runs over with a letter written nowhere else: Σ_{j≠i} is ${expr.name}(j != i, E)`,
    };
  }
  const span = expr.span;
  const grouped = { ...condition, grouped: true as const };
  const summand = expr.args[expr.args.length - 1];
  const masked: BinaryExpr = { kind: 'binary', op: '*', left: grouped, right: summand, span: summand.span };
  const body: Expr = expr.name === 'sum' ? masked
    : { kind: 'binary', op: '+', left: masked, right: { ...grouped, op: COMPLEMENT[condition.op] as BinaryExpr['op'] }, span: summand.span };
  const bounds = expr.args.length === 4 ? expr.args.slice(1, 3) : [];
  const over = (name: Extract<Expr, { kind: 'name' }>, inner: Expr): CallExpr => ({ ...expr, args: [name, ...bounds, inner], span });
  const single = over(index, body);
  return free(other) ? over(other, single) : single;
}

/**
 * The names a claim writes as indices outside every sum that binds them: `i` of
 * `-y_i (1 - s_i) + Σ_{j≠i} y_j s_i`, which makes Σ_{j≠i} a sum over j alone. A sum over
 * a condition binds both its names here, so that Σ_{i<j} x_i x_j leaves neither free.
 * A subscript is read as an index (x_i, W_ij), as the model reads it. Searched without recursion.
 */
export function indexNamesOutsideSums(roots: readonly Expr[]): Set<string> {
  const out = new Set<string>();
  const stack: { e: Expr; inIndex: boolean; bound: ReadonlySet<string> }[] = roots.map((e) => ({ e, inIndex: false, bound: new Set<string>() }));
  const comparisons = new Set(['<', '<=', '>', '>=', '==', '!=']);
  const reductions = new Set(['sum', 'prod', 'max', 'min', 'mean']);
  while (stack.length > 0) {
    const { e, inIndex, bound } = stack.pop()!;
    const push = (x: Expr, index: boolean, names = bound) => stack.push({ e: x, inIndex: index, bound: names });
    if (e.kind === 'name') {
      if (inIndex && !bound.has(e.name)) out.add(e.name);
      const subscript = /_([\p{L}\p{N}]{1,3})$/u.exec(e.name)?.[1];
      if (subscript !== undefined) for (const letter of subscript) if (!bound.has(letter) && /\p{L}/u.test(letter)) out.add(letter);
    } else if (e.kind === 'binary') {
      const side = inIndex || comparisons.has(e.op);
      push(e.left, side && (inIndex || e.left.kind === 'name'));
      push(e.right, side && (inIndex || e.right.kind === 'name'));
    } else if (e.kind === 'unary' || e.kind === 'transpose') push(e.arg, inIndex);
    else if (e.kind === 'call') {
      const [first] = e.args;
      const binds = reductions.has(e.name) && e.args.length >= 2 ? (first.kind === 'name' ? [first.name]
        : isConditionSum(e) ? [(first as BinaryExpr).left, (first as BinaryExpr).right].flatMap((x) => (x.kind === 'name' ? [x.name] : [])) : []) : [];
      const inner = binds.length > 0 ? new Set([...bound, ...binds]) : bound;
      e.args.forEach((a) => push(a, inIndex || e.name === 'delta', inner));
    } else if (e.kind === 'index') e.indices.forEach((a) => push(a, true));
    else if (e.kind === 'subscript') { push(e.target, inIndex); e.indices.forEach((a) => push(a, true)); }
    else if (e.kind === 'array') e.items.forEach((a) => push(a, inIndex));
    else if (e.kind === 'range') [e.start, e.end].forEach((a) => { if (a !== undefined) push(a, true); });
  }
  return out;
}
