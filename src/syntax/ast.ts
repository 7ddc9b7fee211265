/**
 * The syntax tree of a `.deriv` file: what the text says, with a source span on
 * every node, before any name is resolved. Nothing here is ever evaluated.
 */

/** A place in the source text; defined with the diagnostics that point at it. */
export type { Span } from '../diagnostics/index.ts';
import type { Diagnostic, Span } from '../diagnostics/index.ts';

/** Binary operators of the expression language, as written. */
export type BinaryOp =
  | '+' | '-' | '*' | '/' | '^'
  | '.*' | './' | '.^'
  | '<' | '<=' | '>' | '>=' | '==' | '!=';

export type UnaryOp = '-' | '+';

/**
 * An expression as written. Parentheses are not nodes; their extent is part of
 * the span of the expression they enclose.
 *
 * @example `exp(x[i]) / 2` is
 *   `{ kind: 'binary', op: '/', left: { kind: 'call', name: 'exp', ... }, right: { kind: 'number', text: '2' } }`
 */
export type Expr =
  | NumberExpr
  | NameExpr
  | IndexExpr
  | CallExpr
  | UnaryExpr
  | BinaryExpr
  | TransposeExpr
  | SubscriptExpr
  | ArrayLiteralExpr
  | RangeExpr
  | InvalidExpr;

/**
 * `:` or `a:b` at an index position, numpy's and MATLAB's slice: `X[i, :]` is
 * row i, `X[:, j]` column j, `x[2:4]` entries 2 to 4. No bound is the whole
 * axis (`:`, or `a:end` for the end); only an index position holds one.
 */
export interface RangeExpr {
  readonly kind: 'range';
  readonly start: Expr | undefined;
  readonly end: Expr | undefined;
  readonly span: Span;
}

/**
 * `[a, b, c]`, a vector written out, and `[[a, b], [c, d]]`, a matrix by rows:
 * Stewart's gradient `grad(f, [x, y]) = [2 * x * y, x^2]`.
 */
export interface ArrayLiteralExpr {
  readonly kind: 'array';
  readonly items: readonly Expr[];
  readonly span: Span;
}

/**
 * An expression that could not be read (a syntax error in one step): it stands
 * in the step's place with its diagnostic, so the step is an error and every
 * other step of the file is still checked.
 */
export interface InvalidExpr {
  readonly kind: 'invalid';
  readonly diagnostic: Diagnostic;
  readonly span: Span;
}

/** A numeric literal. `text` is kept so the exact value (`1e-7` as 1/10^7) is never rounded. */
export interface NumberExpr {
  readonly kind: 'number';
  readonly text: string;
  readonly value: number;
  readonly span: Span;
}

export interface NameExpr {
  readonly kind: 'name';
  readonly name: string;
  readonly span: Span;
}

/** `x[i]`, `A[i, j]`: an indexed name. */
export interface IndexExpr {
  readonly kind: 'index';
  readonly target: NameExpr;
  readonly indices: readonly Expr[];
  readonly span: Span;
}

/** `softmax(x)[i]`, `(A * B)[i, j]`: an entry of an array that is not a name. */
export interface SubscriptExpr {
  readonly kind: 'subscript';
  readonly target: Expr;
  readonly indices: readonly Expr[];
  readonly span: Span;
}

/** `exp(x)`, `sum(j, e)`, `diff(f, x[k])`: a call of a function of the language. */
export interface CallExpr {
  readonly kind: 'call';
  readonly name: string;
  readonly nameSpan: Span;
  readonly args: readonly Expr[];
  readonly span: Span;
  /** Written inside brackets of its own, `(b (u - w))^2`: a product of the name and the bracket, kept whole under a power. */
  readonly grouped?: true;
}

export interface UnaryExpr {
  readonly kind: 'unary';
  readonly op: UnaryOp;
  readonly arg: Expr;
  readonly span: Span;
  /** Written inside brackets of its own: `e^(-b (u - w))` (see CallExpr.grouped). */
  readonly grouped?: true;
}

export interface BinaryExpr {
  readonly kind: 'binary';
  readonly op: BinaryOp;
  readonly left: Expr;
  readonly right: Expr;
  readonly span: Span;
  /** Where the operator itself is written (for an implied `*`, the gap between the operands); messages about the operation point here. */
  readonly opSpan?: Span;
  /** A product written without `*`, side by side (`2 x`, `σ(z)(1 - σ(z))`). */
  readonly implicit?: true;
  /** Written inside brackets of its own: `e^(x (1 - x)^2)` (see CallExpr.grouped). */
  readonly grouped?: true;
}

/** `A'`: the transpose of an array. */
export interface TransposeExpr {
  readonly kind: 'transpose';
  readonly arg: Expr;
  readonly span: Span;
  /** Set on `y'` of a function an equation defines (`implicit y(x): ...`): a derivative, typeset as a prime. */
  readonly prime?: true;
}

/** A type as written after `given NAME:`, e.g. `vector[n]`, `matrix[N, D]`. */
export interface TypeExpr {
  readonly name: string;
  /** Dimension arguments, each a dimension symbol (`n`) or a positive integer literal (`3`). */
  readonly dims: readonly { readonly text: string; readonly span: Span }[];
  /** The names of the arguments of `function(x, y)`. */
  readonly params?: readonly { readonly text: string; readonly span: Span }[];
  /** `real in (0, pi/2)`: the interval the values lie in (see {@link IntervalExpr}). */
  readonly interval?: IntervalExpr;
  readonly span: Span;
}

/**
 * `in (a, b)`, `in [a, b]`, `in (a, b]`, `in [a, Infinity)` after a type: the values lie
 * between the ends, each included where its bracket is square. An end may be an
 * infinity (`-Infinity` below, `Infinity` above; also `inf`, `oo`, `∞`): the model reads it.
 */
export interface IntervalExpr {
  readonly lower: Expr;
  readonly upper: Expr;
  readonly lowerClosed: boolean;
  readonly upperClosed: boolean;
  /** As written, from the bracket to the bracket. */
  readonly text: string;
  readonly span: Span;
}

export interface GivenDecl {
  readonly kind: 'given';
  readonly names: readonly { readonly name: string; readonly span: Span }[];
  readonly type: TypeExpr;
  readonly span: Span;
}

/** `let s[i] = ...`, `let L = ...` or `let f(t) = ...`. */
export interface LetDecl {
  readonly kind: 'let';
  readonly name: string;
  readonly nameSpan: Span;
  /**
   * Index parameters, e.g. `i` in `let s[i] = ...`. A recurrence's step may write its count ahead by a whole number,
   * `let x_{k+1} = x_k - ...` (Newton's method as printed): `k` with `ahead` 1.
   */
  readonly params: readonly { readonly name: string; readonly span: Span; readonly ahead?: number }[];
  /**
   * A function's arguments, `t` in `let f(t) = t^2 + 1`: the definition is then a
   * function, read at each call (`f(2 x)`, `f'(x)`); undefined for a value.
   */
  readonly args?: readonly { readonly name: string; readonly span: Span }[];
  readonly body: Expr;
  /** The body as written (after the ASCII forms of pasted notation), for reports. */
  readonly text: string;
  readonly span: Span;
}

/**
 * How a step relates to the expression above it: `=`, or an inequality of a chain
 * (`<= E`: the line above is at most E; `> E`: it is greater than E).
 */
export type Relation = '=' | '<' | '<=' | '>' | '>=';

/** One `= E` (or `<= E`, ...) line of a claim: E equals (or bounds) the expression above it. */
export interface Step {
  readonly expr: Expr;
  /** How E relates to the expression above: `=` for an equality step. */
  readonly relation: Relation;
  /** The justification written after `by`, if any. */
  readonly justification: string | undefined;
  /** `expect wrong`: a mistake kept on purpose; the suite passes only when it is refuted. */
  readonly expectWrong: boolean;
  /** The exact source text of the expression, as written. */
  readonly text: string;
  readonly span: Span;
}

/** `claim E` followed by its steps. */
export interface Claim {
  readonly kind: 'claim';
  readonly expr: Expr;
  readonly text: string;
  readonly steps: readonly Step[];
  readonly span: Span;
}

/**
 * `implicit y(x): x^2 + y^2 = 25`: y is a function of x, defined near each point of the
 * curve by the equation (where its derivative in y is not 0). `implicit z(x, y): ...` for a
 * surface. The derivation's claims then hold on the curve, with diff(y, x) its slope.
 */
export interface ImplicitDecl {
  readonly kind: 'implicit';
  /** The function the equation defines, `y`. */
  readonly name: string;
  readonly nameSpan: Span;
  /** The variables it is a function of, `x`. */
  readonly args: readonly { readonly name: string; readonly span: Span }[];
  readonly lhs: Expr;
  readonly rhs: Expr;
  /** The equation as written, for reports. */
  readonly text: string;
  readonly span: Span;
}

export type Statement = GivenDecl | LetDecl | ImplicitDecl | Claim;

/** One `derivation "title"` block of a file. */
export interface Derivation {
  readonly title: string;
  readonly source: string | undefined;
  readonly statements: readonly Statement[];
  /** The file the derivation came from, for messages (`<inline>` for inline text). */
  readonly file: string;
  readonly span: Span;
}

/** A parsed `.deriv` file. */
export interface DerivationFile {
  readonly file: string;
  readonly derivations: readonly Derivation[];
}
