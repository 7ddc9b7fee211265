/**
 * What a wrong step has where the right step has something else, read from the
 * two steps' source text: "this step has (…)^(-2) where the right step has (…)^2".
 * It is the teacher's comparison of two lines on the board, and needs no algebra:
 * it is shown when the engine's own explanation is a raw difference.
 */
import { exprChildren, parseExpression, SourceMap, type Expr } from '../syntax/index.ts';

/** Parts longer than this are not a contrast a reader takes in. */
const MAX_PART = 80;

/**
 * The smallest part of `wrong` that differs from `right`, as a sentence, or
 * undefined when the steps differ everywhere (nothing smaller than the whole) or
 * either does not parse.
 *
 * @example contrastWithCorrection('dZ2 * W2', 'dZ2 * W2\'') === "this step has W2 where the right step has W2'"
 */
export function contrastWithCorrection(wrong: string, right: string): string | undefined {
  const a = parse(wrong);
  const b = parse(right);
  if (!a || !b) return undefined;
  if (key(transpose(a)) === key(b)) return 'this step is the transpose of the right step: (A B)\' = B\' A\' reverses the order';
  // The right step is this one with a factor more: `dS * K` against `dS * K / sqrtD`.
  if (b.kind === 'binary' && (b.op === '/' || b.op === '*') && key(b.left) === key(a)) {
    return `the right step ${b.op === '/' ? 'divides' : 'multiplies'} this one by ${source(right, b.right)}`;
  }
  if (b.kind === 'binary' && b.op === '*' && key(b.right) === key(a)) return `the right step multiplies this one by ${source(right, b.left)}`;
  if (b.kind === 'binary' && b.op === '.*' && (key(b.left) === key(a) || key(b.right) === key(a))) {
    return `the right step multiplies this one entry by entry by ${source(right, key(b.left) === key(a) ? b.right : b.left)}`;
  }
  const renamed = sameRenaming(a, b);
  if (renamed) return `this step uses ${source(wrong, renamed[0])} where the right step uses ${source(right, renamed[1])}`;
  const pair = differingPart(a, b);
  if (!pair || (pair[0] === a && pair[1] === b)) return nameSwap(a, b);
  const [x, y, inExponent] = pair;
  // An exponent alone (`(-2)` against `2`) says little: it is shown as the power it is.
  const shownX = `${inExponent ? '^' : ''}${source(wrong, x)}`;
  const shownY = `${inExponent ? '^' : ''}${source(right, y)}`;
  if (shownX.length > MAX_PART || shownY.length > MAX_PART) return undefined;
  if (x.kind === 'unary' && x.op === '-' && key(x.arg) === key(y)) return `this step has ${shownX} where the right step has ${shownY}: a sign`;
  if (y.kind === 'unary' && y.op === '-' && key(y.arg) === key(x)) return `this step has ${shownX} where the right step has ${shownY}: a sign`;
  return `this step has ${shownX} where the right step has ${shownY}`;
}

function parse(text: string): Expr | undefined {
  try {
    return parseExpression(text, SourceMap.single('<report>', 1, 1));
  } catch {
    return undefined;
  }
}

/**
 * Steps of different shapes that still differ in one name only: this step's
 * names are the right step's with one exchanged (`p1_first * (1 - p1_first)`
 * against `-p1^2 + p1`).
 */
function nameSwap(a: Expr, b: Expr): string | undefined {
  const na = names(a);
  const nb = names(b);
  const onlyA = [...na].filter((n) => !nb.has(n));
  const onlyB = [...nb].filter((n) => !na.has(n));
  return onlyA.length === 1 && onlyB.length === 1 ? `this step uses ${onlyA[0]} where the right step uses ${onlyB[0]}` : undefined;
}

function names(e: Expr, out = new Set<string>()): Set<string> {
  if (e.kind === 'name') out.add(e.name);
  if (e.kind === 'index') out.add(e.target.name);
  for (const c of exprChildren(e)) names(c, out);
  return out;
}

/** The pair of smallest subtrees where the two trees part (and whether it is an exponent), or undefined when they are the same. */
function differingPart(a: Expr, b: Expr): [Expr, Expr, boolean] | undefined {
  let inExponent = false;
  for (;;) {
    if (key(a) === key(b)) return undefined;
    const ca = exprChildren(a);
    const cb = exprChildren(b);
    if (head(a) !== head(b) || ca.length !== cb.length) return [a, b, inExponent];
    const differing = ca.map((c, i) => [c, cb[i], i] as [Expr, Expr, number]).filter(([x, y]) => key(x) !== key(y));
    if (differing.length !== 1) return [a, b, inExponent];
    inExponent = a.kind === 'binary' && a.op === '^' && differing[0][2] === 1;
    [a, b] = differing[0];
  }
}

/**
 * When the trees have one shape and differ only by one name used for another
 * (`p1_first` for `p1`, at every place), that pair of names.
 */
function sameRenaming(a: Expr, b: Expr): [Expr, Expr] | undefined {
  let found: [Expr, Expr] | undefined;
  const walk = (x: Expr, y: Expr): boolean => {
    if (key(x) === key(y)) return true;
    if ((x.kind === 'name' && y.kind === 'name') || (x.kind === 'index' && y.kind === 'index' && key({ ...x, target: y.target }) === key(y))) {
      const nx = x.kind === 'name' ? x : x.target;
      const ny = y.kind === 'name' ? y : y.target;
      if (found && (key(found[0]) !== key(nx) || key(found[1]) !== key(ny))) return false;
      found = [nx, ny];
      return true;
    }
    const cx = exprChildren(x);
    const cy = exprChildren(y);
    return head(x) === head(y) && cx.length === cy.length && cx.every((c, i) => walk(c, cy[i]));
  };
  return walk(a, b) && found ? found : undefined;
}

function head(e: Expr): string {
  switch (e.kind) {
    case 'number': return `n:${e.text}`;
    case 'name': return `v:${e.name}`;
    case 'index': return `i:${e.target.name}`;
    case 'call': return `c:${e.name}`;
    case 'unary': return `u:${e.op}`;
    case 'binary': return `b:${e.op}`;
    case 'transpose': return 't';
    case 'subscript': return 's';
    case 'invalid': return 'x';
    case 'array': return 'a';
    case 'range': return 'r';
  }
}


/** A canonical text of a tree: equal keys, equal trees (spacing and brackets aside). */
function key(e: Expr): string {
  const c = exprChildren(e);
  return c.length === 0 ? head(e) : `${head(e)}(${c.map(key).join(',')})`;
}

/** The transpose of a matrix expression, pushed inward: (A B)' = B' A', (A')' = A. */
function transpose(e: Expr): Expr {
  if (e.kind === 'transpose') return e.arg;
  if (e.kind === 'binary' && e.op === '*') return { ...e, left: transpose(e.right), right: transpose(e.left) };
  if (e.kind === 'binary' && (e.op === '+' || e.op === '-' || e.op === '.*')) return { ...e, left: transpose(e.left), right: transpose(e.right) };
  if (e.kind === 'unary') return { ...e, arg: transpose(e.arg) };
  if (e.kind === 'number') return e;
  return { kind: 'transpose', arg: e, span: e.span };
}

/** The text of a subtree as written (brackets included). */
function source(text: string, e: Expr): string {
  const lines = text.split('\n');
  const offset = (line: number, col: number) => lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + col - 1;
  return text.slice(offset(e.span.line, e.span.col), offset(e.span.endLine, e.span.endCol)).replace(/\s+/g, ' ').trim();
}
