import { DerivationError, diagnostic } from '../diagnostics/index.ts';
import type { ImplicitDecl } from '../syntax/index.ts';
import { differentiate, domainGuards, eliminateDiff } from './differentiate.ts';
import { isNamedConstant, Resolver, type Scope } from './resolve.ts';
import { isFunctionName } from './functions.ts';
import { isFunctionForm } from './function-forms.ts';
import { add, div, mul, neg, sub } from './term-builders.ts';
import { inputNames, someSubterm } from './term-queries.ts';
import { mapChildren } from './term-traversal.ts';
import type { Input, InputRef, Term } from './term.ts';

/**
 * Implicit differentiation, as the books do it (Stewart 3.5): `implicit y(x): x^2 + y^2 = 25`
 * says that y is a function of x defined near each point of the curve by the equation, where
 * the equation's derivative in y is not 0 (the implicit function theorem). Then, in the
 * derivation's claims:
 *
 * - a derivative in x holds y as moving with x: diff(E, x) = E_x + E_y dy/dx, with
 *   dy/dx = -H_x / H_y for H = lhs - rhs; a second derivative differentiates that again;
 * - every step holds on the curve: a step that holds for all x and y (as `diff(y, x) = -x / y`
 *   above, once dy/dx is written out) is proved by the engines as any step; one that needs the
 *   equation (`y'' = -25 / y^3`) is checked at points of the curve (check/on-curve.ts).
 *
 * With several variables (`implicit z(x, y): ...`) each derivative is a partial one, the
 * other variables held: dz/dx = -H_x / H_z. With none (`implicit x: x^3 = 8`) the equation
 * defines a number, and the steps that solve for it hold at its solutions.
 */
export interface ImplicitFunction {
  /** The function the equation defines (y), an input of its own. */
  readonly name: string;
  /** What it is a function of (x), each an input. */
  readonly variables: readonly string[];
  /** lhs - rhs: 0 on the curve. */
  readonly level: Term;
  /** The slope of the function in each variable: -H_v / H_y. */
  readonly slopes: ReadonlyMap<string, Term>;
  /** The equation as written, for reports. */
  readonly text: string;
}

/** Calls the resolver reads by name before any input: a variable so named could never be read. */
const RESERVED: ReadonlySet<string> = new Set(['sum', 'prod', 'diff', 'grad', 'delta', 'integral', 'int', 'integrate', 'limit', 'lim', 'subs', 'at']);

/** What an equation may be made of: numbers, scalar inputs, arithmetic, functions of the table and comparisons. */
const EQUATION_KINDS: ReadonlySet<Term['k']> = new Set(['num', 'pi', 'input', 'add', 'mul', 'pow', 'fn', 'cmp']);

/** Derivatives of an implicit function, at most, in one term: each order multiplies the terms (y^(8) ran for minutes). */
export const MAX_IMPLICIT_ORDER = 4;

/** A term that reads an implicit function where it cannot be written out: too high a derivative, or a limit or integral along the curve. */
export class ImplicitReadError extends Error {
  override readonly name = 'ImplicitReadError';
  constructor(message: string, readonly hint: string) {
    super(message);
  }
}

/** The kinds of input an implicit function and its variables may be: real numbers. */
const REAL_KINDS: ReadonlySet<string> = new Set(['real', 'positive', 'unit']);

/**
 * Reads an `implicit` line: its names become real inputs where they are not declared (as the books
 * leave x and y undeclared), and the equation is resolved in the scope.
 */
export function declareImplicitNames(statement: ImplicitDecl, scope: Scope, inputs: Map<string, Input>, taken: (name: string) => boolean): void {
  const file = scope.file;
  // The variables first: reports list the inputs in their order, x before y.
  for (const { name, span } of [...statement.args, { name: statement.name, span: statement.nameSpan }]) {
    const declared = inputs.get(name);
    if (declared === undefined) {
      // e, pi, exp, sum: names the language reads already; a given may take one over, not an implicit line by the way.
      if (isNamedConstant(name) || isFunctionName(name) || isFunctionForm(name) || RESERVED.has(name)) {
        throw new DerivationError(diagnostic('duplicate-name', `${name} is a name the language reads (a constant or a function), and cannot be an implicit function or its variable`, file, span,
          'pick another letter (implicit y(x): ...)'));
      }
      if (taken(name)) {
        throw new DerivationError(diagnostic('duplicate-name', `${name} is already declared, and not as a real number`, file, span,
          `an implicit function and its variables are real numbers: declare ${name} with given ${name}: real, or leave it undeclared`));
      }
      inputs.set(name, { name, kind: 'real', dims: [], typeText: 'real' });
    } else if (declared.dims.length > 0 || !REAL_KINDS.has(declared.kind)) {
      throw new DerivationError(diagnostic('unsupported', `${name} is declared as ${declared.typeText}, and an implicit function and its variables are real numbers`, file, span,
        `declare given ${name}: real (or positive, or real in an interval)`));
    }
  }
}

/**
 * Reads an `implicit` line's equation, its names declared ({@link declareImplicitNames}): where it stands
 * or at the first claim, whichever comes first, so that a `let` above it may be read in it (let r = 5,
 * then x^2 + y^2 = r^2).
 */
export function readImplicit(statement: ImplicitDecl, scope: Scope): ImplicitFunction {
  const file = scope.file;
  const resolver = new Resolver(scope);
  const level = eliminateDiff(sub(resolver.resolve(statement.lhs), resolver.resolve(statement.rhs)));
  const read = inputNames(level);
  if (!read.has(statement.name)) {
    throw new DerivationError(diagnostic('unsupported', `the equation does not hold ${statement.name}, so it defines no function ${statement.name}`, file, statement.lhs.span,
      `write the equation that ${statement.name} satisfies: implicit ${statement.name}(${statement.args.map((a) => a.name).join(', ')}): x^2 + ${statement.name}^2 = 25`));
  }
  const other = [...read].find((name) => name !== statement.name && !statement.args.some((a) => a.name === name) && scope.inputs.get(name)?.dims.length);
  if (other !== undefined) {
    throw new DerivationError(diagnostic('unsupported', `the equation reads the array ${other}; an implicit function is defined by an equation in numbers`, file, statement.lhs.span,
      'write the equation in scalar inputs (an entry of an array may be named by a given of its own)'));
  }
  if (someSubterm(level, (t) => !EQUATION_KINDS.has(t.k) || (t.k === 'input' && t.ref.indices.length > 0))) {
    throw new DerivationError(diagnostic('unsupported', 'the equation of an implicit function is read with numbers and functions of the table only (no index, sum, integral, limit or unknown function)', file, statement.lhs.span,
      'write the equation with +, -, *, /, powers and functions such as exp, log, sin'));
  }
  const dependent: InputRef = { name: statement.name, indices: [] };
  const across = differentiate(level, dependent);
  const slopes = new Map(statement.args.map(({ name }) => [name, neg(div(differentiate(level, { name, indices: [] }), across))] as const));
  return { name: statement.name, variables: statement.args.map((a) => a.name), level, slopes, text: statement.text };
}

/**
 * A claim's term with every derivative in a variable of the implicit function written out, the
 * function moving with it: diff(E, x) is E_x + E_y dy/dx, innermost first (diff(diff(y, x), x) is
 * y''). A derivative in anything else stays as written, a partial one.
 */
export function withImplicitDerivatives(term: Term, implicit: ImplicitFunction): Term {
  const order = implicitOrder(term, implicit);
  if (order > MAX_IMPLICIT_ORDER) {
    throw new ImplicitReadError(`${implicit.name} is differentiated ${order} times here; an implicit function is written out up to ${MAX_IMPLICIT_ORDER} derivatives, as each order multiplies its terms`,
      `take at most ${MAX_IMPLICIT_ORDER} derivatives of ${implicit.name} in one step`);
  }
  const go = (t: Term): Term => {
    // A limit or an integral in a variable of the curve would hold y fixed as the variable moves: not the books' meaning.
    if ((t.k === 'limit' || t.k === 'integral') && (implicit.variables.includes(t.v) || t.v === implicit.name) && inputNames(t.body).has(implicit.name)) {
      throw new ImplicitReadError(`a ${t.k} in ${t.v} of an expression that reads ${implicit.name} would hold ${implicit.name} fixed as ${t.v} moves, not move it along the curve`,
        `write the ${t.k} of an expression in ${t.v} alone (solve for ${implicit.name} first where you can)`);
    }
    if (t.k !== 'diff') return mapChildren(t, go);
    const f = go(t.f);
    const slope = t.v.indices.length === 0 ? implicit.slopes.get(t.v.name) : undefined;
    if (slope === undefined) return { ...t, f };
    const inner = eliminateDiff(f);
    const total = add(differentiate(inner, t.v), mul(differentiate(inner, { name: implicit.name, indices: [] }), slope));
    // As for any derivative: it has a value only where what is differentiated has one.
    const guards = domainGuards(inner);
    return guards.length === 0 ? total : mul(total, ...guards);
  };
  return go(term);
}

/** The most derivatives in the curve's variables nested in a term (y'' is 2). */
function implicitOrder(t: Term, implicit: ImplicitFunction): number {
  if (t.k === 'diff' && t.v.indices.length === 0 && implicit.slopes.has(t.v.name)) return 1 + implicitOrder(t.f, implicit);
  let most = 0;
  mapChildren(t, (c) => { most = Math.max(most, implicitOrder(c, implicit)); return c; });
  return most;
}

/** Whether a term reads the implicit function or one of its variables: a step about neither needs no curve. */
export function readsImplicit(term: Term, implicit: ImplicitFunction): boolean {
  const read = inputNames(term);
  return read.has(implicit.name) || implicit.variables.some((v) => read.has(v));
}

/** `y = y(x) on x^2 + y^2 = 25` (`x a solution of x^3 = 8` for a number), for a method's words. */
export function describeImplicit(implicit: ImplicitFunction): string {
  return implicit.variables.length === 0 ? `${implicit.name} a solution of ${implicit.text}`
    : `${implicit.name} = ${implicit.name}(${implicit.variables.join(', ')}) on ${implicit.text}`;
}
