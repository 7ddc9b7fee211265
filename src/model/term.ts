/**
 * The term language: a derivation's expressions after names are resolved, `let`
 * definitions inlined and index ranges known. Scalar-valued, in index notation.
 * The symbolic and numeric checkers both read this and nothing earlier.
 */

/** An exact rational number `num / den`, `den > 0`, in lowest terms. */
export interface Fraction {
  readonly num: bigint;
  readonly den: bigint;
}

/**
 * An index position: `i`, `j + 1` (an index variable), `n` or `n - 1` (a dimension
 * symbol used as its last index), `c` (a given of type `label[n]`), or `3`.
 */
export type Index =
  | { readonly k: 'var'; readonly name: string; readonly offset: number }
  | { readonly k: 'dim'; readonly name: string; readonly offset: number }
  | { readonly k: 'label'; readonly name: string; readonly indices: readonly Index[]; readonly offset: number }
  | { readonly k: 'lit'; readonly value: number }
  /**
   * An integer combination of index variables plus a constant: `i + j - 1`,
   * `m - i + 1`, `2*i + j`. Never a single variable of coefficient 1 (that is
   * `var`). It gives none of its variables a range: each must stand alone
   * somewhere. At a concrete size it is a number like any index, and an entry
   * it reads outside its array has no value.
   */
  | { readonly k: 'affine'; readonly terms: readonly IndexTerm[]; readonly offset: number };

/**
 * One part of an affine index position and its (non-zero) integer coefficient:
 * an index variable, or with `dim` a dimension symbol standing for its size (`n - i + 1`).
 */
export interface IndexTerm {
  readonly name: string;
  readonly coef: number;
  readonly dim?: true;
}

/** Functions of one or more scalar arguments; each has one entry in the function table. */
export type FunctionName =
  | 'exp' | 'log' | 'sqrt' | 'tanh' | 'sigmoid' | 'relu' | 'abs' | 'max' | 'min'
  | 'softplus' | 'sin' | 'cos' | 'sinh' | 'cosh' | 'sech' | 'asinh' | 'asin' | 'atan' | 'atan2' | 'sign' | 'log1p' | 'expm1'
  | 'erf' | 'erfc' | 'erfinv' | 'Phi' | 'phi' | 'factorial' | 'binomial' | 'gamma' | 'lgamma' | 'digamma' | 'polygamma'
  | 'floor' | 'ceil';

/** The reductions of an array other than sum. */
export type ReduceOp = 'max' | 'min' | 'prod';

export type Comparison = '<' | '<=' | '>' | '>=' | '==' | '!=';

/** A reference to one scalar entry of a given: `x[k]`, `t`, `W[i, j]`. */
export interface InputRef {
  readonly name: string;
  readonly indices: readonly Index[];
}

export type Term =
  /** An exact rational constant. */
  | { readonly k: 'num'; readonly value: Fraction }
  /** pi; `e` is written `exp(1)`. */
  | { readonly k: 'pi' }
  /** One entry of a given. */
  | { readonly k: 'input'; readonly ref: InputRef }
  /** A dimension symbol used as a value (`eps / n`). */
  | { readonly k: 'size'; readonly name: string }
  /**
   * An index used as a number (`gamma^t`, `i * x[i]`): the position it stands
   * for, offset included. Its range comes from where it indexes an array.
   */
  | { readonly k: 'ival'; readonly index: Index }
  | { readonly k: 'add'; readonly terms: readonly Term[] }
  | { readonly k: 'mul'; readonly factors: readonly Term[] }
  | { readonly k: 'pow'; readonly base: Term; readonly exponent: Term }
  | { readonly k: 'fn'; readonly name: FunctionName; readonly args: readonly Term[] }
  /** `sum(j, body)`: j runs over 1..size of `dim`. */
  | { readonly k: 'sum'; readonly index: string; readonly dim: Dim; readonly body: Term }
  /**
   * `max(x)`, `min(x)`, `prod(x)` of a whole array: the body's largest value,
   * smallest value or product as `index` runs over 1..size of `dim`. Sums have
   * a kind of their own; these reductions are rarer and have no delta rule.
   */
  | { readonly k: 'reduce'; readonly op: ReduceOp; readonly index: string; readonly dim: Dim; readonly body: Term }
  /**
   * The largest or smallest of a list of terms: a `reduce` max or min written
   * out at a concrete size (the exact engine keeps it as one atom).
   */
  | { readonly k: 'extremum'; readonly op: 'max' | 'min'; readonly terms: readonly Term[] }
  /**
   * `sum(k, lower, Infinity, body)`: the series, k = lower, lower + 1, ... read
   * as a number only (`ival` of `index`, whose value is k itself, never a
   * position). Its value is the limit of the partial sums where they converge,
   * and it has none where they do not.
   */
  | { readonly k: 'series'; readonly index: string; readonly lower: number; readonly body: Term }
  /**
   * `integral(t, a, b, E)`: the definite integral of E over t from a to b. t is a
   * scalar `real` input, bound here: E reads it as the input t, and outside the
   * integral t is the input itself. A bound left out is infinite (`lower` -Infinity,
   * `upper` Infinity). Its value is the limit where the integral converges, and it
   * has none where it does not. An atom to the exact engines, evaluated by
   * double-exponential quadrature by the numbers (numeric/quadrature.ts).
   */
  | { readonly k: 'integral'; readonly v: string; readonly lower?: Term; readonly upper?: Term; readonly body: Term }
  /**
   * `limit(h, a, E)`: the limit of E as the scalar real input h tends to `at`, from both
   * sides (`side` 0), from above (1) or from below (-1); with `at` left out, h tends to
   * Infinity (side 1) or -Infinity (side -1). h is bound in E, as an integral's variable.
   * Its value is the limit where it exists and is finite, and it has none elsewhere. An
   * atom to the exact engines, evaluated in 60 digits by the numbers (model/precise-limit.ts).
   */
  | { readonly k: 'limit'; readonly v: string; readonly at?: Term; readonly side: -1 | 0 | 1; readonly body: Term }
  /** A comparison of two indices as a 0/1 value; `delta(i, k)` is `==`. */
  | { readonly k: 'icmp'; readonly op: Comparison; readonly a: Index; readonly b: Index }
  /** A comparison of two values as a 0/1 value: `(x[k] > 0)`. */
  | { readonly k: 'cmp'; readonly op: Comparison; readonly a: Term; readonly b: Term }
  /** `diff(f, v)`: the partial derivative of f with respect to the scalar input v. */
  | { readonly k: 'diff'; readonly f: Term; readonly v: InputRef }
  /**
   * An abstract function (`given f: function`, `given F: function(x, y)`) or one
   * of its partial derivatives, at `args`: `orders` holds how often it is
   * differentiated in each argument (`f'(E)` is [1], `F_xy(A, B)` is [1, 1]);
   * `params` names the arguments as declared, for printing. An atom to the exact
   * engines, a member of a family to the numbers (abstract-functions.ts).
   */
  | { readonly k: 'apply'; readonly name: string; readonly orders: readonly number[]; readonly args: readonly Term[]; readonly params?: readonly string[] };

/** The kinds of values a given can hold; each drives its random inputs and its algebraic facts. */
export type InputKind =
  | 'real'       // any real number
  | 'positive'   // > 0
  | 'unit'       // strictly between 0 and 1
  | 'simplex'    // entries > 0 summing to 1 (a vector)
  | 'onehot'     // one entry 1, the others 0 (a vector)
  | 'label'      // an integer class index 1..n (a scalar)
  | 'invertible' // a square matrix with a positive determinant (drawn diagonally dominant, not symmetric)
  | 'symmetric'  // a square matrix equal to its transpose: entry [a, b] is (M[a, b] + M[b, a]) / 2 of the values held
  | 'spd'        // symmetric positive definite: as symmetric, the values held diagonally dominant with a positive diagonal
  | 'function'   // an abstract function of one argument, held as the parameters of a smooth function (abstract-functions.ts)
  | 'count';     // a whole number >= 0 (count data: Poisson's y, whose y! a likelihood holds); never differentiated by

/** A declared input: `given x: vector[n]` is `{ name: 'x', kind: 'real', dims: ['n'] }`. */
export interface Input {
  readonly name: string;
  readonly kind: InputKind;
  /**
   * The array dimensions, each a dimension symbol or a fixed size. `[]` for a scalar.
   * For `label[n]` the dims are `[]` and `classes` names the range; for
   * `label[N, C]` (one label per row) the dims are `[N]`.
   */
  readonly dims: readonly Dim[];
  /** For `label[n]`: the dimension its value ranges over. */
  readonly classes?: Dim;
  /**
   * `onehot[N, C]` (one-hot rows) is held as N labels, one class per row: its
   * kind is `label`, its dims `[N]`, its classes C, and entry [i, c] reads as
   * (c == label of row i). Only the model looks at this flag.
   */
  readonly oneHotRows?: boolean;
  /**
   * `binary` (0 or 1), `sign` (-1 or 1), and their arrays `binary[N]`, `sign[N]`
   * are held as labels over 2 classes: the value is `low + (high - low) * (class == 2)`,
   * so the exact engine splits them into their 2 cases like any label.
   * Counterexamples show the value (see {@link twoValued}).
   */
  readonly binary?: TwoValues;
  /** The type as written, for messages (`vector[n]`). */
  readonly typeText: string;
  /**
   * Set on the input that stands for a `let` inside a derivative with respect to
   * it (`grad(C, z2)` with `let z2 = W2 * a1 + b2`, backprop's dC/dz): the
   * derivative is taken with z2 a variable of its own, everything upstream held,
   * and then read at z2's value, its definition's `body` at the entry `params`.
   * Never drawn: the numbers compute it, the exact engines substitute it.
   */
  readonly definedBy?: { readonly params: readonly string[]; readonly body: Term };
  /** For an abstract function (kind `function`): how many arguments it takes, and their names if declared (`function(x, y)`). */
  readonly signature?: { readonly arity: number; readonly params?: readonly string[] };
  /** `given x: real in (0, pi/2)`: the interval a scalar real input lies in (model/intervals.ts). */
  readonly interval?: InputInterval;
  /**
   * Ends of its interval that read other inputs (`given t: real in (-Infinity, l)`, an MGF's t < λ): each a term in
   * them, kept out of {@link interval} (which holds numbers to draw between; an end of another input's is infinite
   * there) and read as the claim's guard only (model/intervals.ts), so a step holds where t lies within them.
   */
  readonly relativeEnds?: { readonly lower?: Term; readonly upper?: Term; readonly lowerClosed: boolean; readonly upperClosed: boolean };
}

/** The interval of a scalar input: its ends, each included or not; an infinite end has no term. */
export interface InputInterval {
  /** The lower end as a constant term (`-pi/2`); absent for -Infinity. */
  readonly lower?: Term;
  /** The upper end as a constant term; absent for Infinity. */
  readonly upper?: Term;
  /** The ends in doubles (±Infinity where absent), to draw inputs between. */
  readonly lowerValue: number;
  readonly upperValue: number;
  readonly lowerClosed: boolean;
  readonly upperClosed: boolean;
  /** As written: `(0, pi/2]`. */
  readonly text: string;
}

/**
 * A dimension: a symbol tried at several sizes, or a fixed size. A derived
 * dimension (`n - k + 1`) is a symbol too, named by its canonical text, so two
 * dimensions with equal affine forms are the same dimension; every size
 * assignment holds its size, computed from the symbols it is made of.
 */
export type Dim = { readonly k: 'sym'; readonly name: string; readonly derived?: DerivedDim } | { readonly k: 'fixed'; readonly size: number };

/** An integer combination of dimension symbols plus a constant: `n - k + 1`. */
export interface DerivedDim {
  readonly terms: readonly { readonly name: string; readonly coef: number }[];
  readonly constant: number;
}

/** A free index of a claim and the dimension it ranges over. */
export interface FreeIndex {
  readonly name: string;
  readonly dim: Dim;
}

/** The two values a two-valued input (`binary`, `sign`) takes, at its classes 1 and 2. */
export interface TwoValues {
  readonly low: number;
  readonly high: number;
}

