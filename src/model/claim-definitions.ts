import type { Claim, Expr, LetDecl } from '../syntax/index.ts';
import { exprChildren } from '../syntax/index.ts';
import { closest } from './did-you-mean.ts';
import { isFunctionName } from './functions.ts';
import { isFunctionForm } from './function-forms.ts';
import { nearFunctionName } from './resolve.ts';

/** What the derivation declares, as far as a claim's head may define a name beside it. */
export interface DeclaredNames {
  /** Whether a name is declared (a given, let, function, size, recurrence, or a broken declaration of one). */
  readonly taken: (name: string) => boolean;
  /** The names a misspelt head may have meant: inputs, lets and sizes. */
  readonly known: readonly string[];
  /** A constant of the language (pi, e, Infinity). */
  readonly isConstant: (name: string) => boolean;
  /** Names a `let` defines somewhere in the derivation: used above its line, the let's own message says so. */
  readonly letNames: ReadonlySet<string>;
  /** The dimensions of each declared input: a definition's arguments must be inputs. */
  readonly inputDims: (name: string) => number | undefined;
}

/** A name as written by letters, digits and underscores (g' of Lagrange is a derivative, not a name). */
const NAME = /^\p{L}[\p{L}\p{M}\p{N}_]*$/u;

/** Names the resolver reads in a meaning of their own where undeclared (an expectation, the identity, the imaginary unit). */
const RESERVED = new Set(['E', '\u{1d53c}', 'Var', 'I', 'i']);

/**
 * A book introduces a name by the first equation of a chain: MML 5.15's `H = ∇²f = [[2, 2], [2, 6y]]`, a Chebyshev
 * polynomial's `T_4(x) = cos(4 acos x) = 8x^4 - 8x^2 + 1`, `δ ≡ ∂E/∂a`. Where the claim's head is a name the
 * derivation does not declare (or such a name applied to declared inputs) and its first step is an `=`, that step
 * defines it, as `let H = ...` (or `let T_4(x) = ...`) on the claim's line would: the steps after it are checked,
 * and claims below may read it. The let this returns, or undefined where the head is no such name.
 *
 * Not for a name that looks like a slip (near a declared one, or one-letter names side by side, `xy` of x and y),
 * that a let below defines, that the language reads otherwise where undeclared (E, I, i, a function without its
 * bracket, dL of Leibniz), or that the claim uses as an index: those stay the unknown names they were.
 */
export function definitionByClaim(claim: Claim, names: DeclaredNames): LetDecl | undefined {
  const first = claim.steps[0];
  if (first === undefined || first.relation !== '=') return undefined;
  const head = claim.expr;
  const name = head.kind === 'name' ? head.name : head.kind === 'call' ? head.name : undefined;
  if (name === undefined || !definable(name, names, head.kind === 'call')) return undefined;
  if (claim.steps.some((step) => writtenAsIndex(step.expr, name)) || writtenAsIndex(head, name)) return undefined;
  const base = { kind: 'let' as const, name, nameSpan: head.kind === 'call' ? head.nameSpan : head.span, params: [], body: first.expr, text: first.text, span: first.span };
  if (head.kind === 'name') return base;
  if (head.kind !== 'call' || head.args.length === 0) return undefined;
  const args = head.args.map((a) => (a.kind === 'name' ? a : undefined));
  if (args.some((a) => a === undefined || names.inputDims(a.name) === undefined)) return undefined;
  if (new Set(args.map((a) => a!.name)).size !== args.length) return undefined;
  return { ...base, args: args.map((a) => ({ name: a!.name, span: a!.span })) };
}

function definable(name: string, names: DeclaredNames, call: boolean): boolean {
  if (!NAME.test(name) || name in Object.prototype) return false;
  if (names.taken(name) || names.isConstant(name) || names.letNames.has(name) || RESERVED.has(name)) return false;
  if (isFunctionName(name) || isFunctionForm(name) || (call && nearFunctionName(name) !== undefined)) return false;
  // f_x(2, 1) of a declared f is its partial derivative, whatever the subscript: a subscript of a declared name is no new name.
  const base = /^(.+?)_/u.exec(name)?.[1];
  if (base !== undefined && (names.taken(base) || names.letNames.has(base))) return false;
  const leibniz = /^d(\p{L}.*)$/u.exec(name)?.[1];
  if (leibniz !== undefined && (names.known.includes(leibniz) || isFunctionName(leibniz) || isFunctionForm(leibniz))) return false;
  const letters = [...name];
  if (letters.length > 1 && letters.every((c) => names.known.includes(c))) return false;
  return closest(name, names.known) === undefined;
}

function writtenAsIndex(e: Expr, name: string): boolean {
  if (e.kind === 'index' || e.kind === 'subscript') {
    if (e.indices.some((index) => mentions(index, name))) return true;
  }
  return exprChildren(e).some((child) => writtenAsIndex(child, name));
}

function mentions(e: Expr, name: string): boolean {
  return (e.kind === 'name' && e.name === name) || exprChildren(e).some((child) => mentions(child, name));
}
