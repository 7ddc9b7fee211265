import { DerivationError, diagnostic } from '../diagnostics/index.ts';
import type { Claim, Expr, Span } from '../syntax/index.ts';
import { exprChildren } from '../syntax/index.ts';
import { readsName } from './recurrence.ts';

/**
 * Indefinite integrals, as the books write them: `integral(x * sin(x), x) = -x cos(x) + sin(x) + C`
 * (Stewart 7.1), and a chain of integration by parts whose lines each hold one. An
 * antiderivative is known up to a constant only, so a claim that holds one is a claim
 * about derivatives: each line is read as its derivative in the variable of integration,
 * where an indefinite integral is its integrand, and two lines are equal where their
 * derivatives are, up to a constant. A constant of integration (`C`, `C1`, ...) is then
 * any constant, and a wrong antiderivative is refuted by its derivative.
 *
 * Each integral must stand where a constant multiple of it is added (`x sin(x) - integral(sin(x), x)`,
 * `integral(f, x) / 2`): the rule that its derivative is the integrand holds there. Inside
 * another function, or times a factor that reads the variable, it is an error that says so.
 */

const NAMES: ReadonlySet<string> = new Set(['integral', 'int', 'integrate']);

type Call = Extract<Expr, { kind: 'call' }>;

/** Whether the expression is an indefinite integral: one of the integral names with two arguments. */
function isIndefinite(e: Expr): boolean {
  return e.kind === 'call' && NAMES.has(e.name) && e.args.length === 2;
}

/** The integrand and the variable: SymPy's `integrate(E, x)`, or `integral(x, E)` where only the first is a bare name. */
function integralParts(e: Call): { body: Expr; variable: string } | undefined {
  const [a, b] = e.args;
  if (b.kind === 'name') return { body: a, variable: b.name };
  if (a.kind === 'name') return { body: b, variable: a.name };
  return undefined;
}

function someIndefinite(e: Expr): boolean {
  return isIndefinite(e) || exprChildren(e).some(someIndefinite);
}

/** A claim's expression and its steps', in order. */
const linesOf = (claim: Claim): Expr[] => [claim.expr, ...claim.steps.map((s) => s.expr)];

const holdsIndefinite = (claim: Claim): boolean => linesOf(claim).some(someIndefinite);

/** The variable of integration of a claim's indefinite integrals, if it holds any; an error if they differ. */
function claimVariable(claim: Claim, file: string): string | undefined {
  let variable: string | undefined;
  const visit = (e: Expr): void => {
    if (isIndefinite(e)) {
      const parts = integralParts(e as Call);
      if (parts === undefined) {
        throw new DerivationError(diagnostic('unsupported', 'the variable of an indefinite integral is a name', file, e.span,
          'write integral(E, x): the integrand, then the variable'));
      }
      if (variable !== undefined && variable !== parts.variable) {
        throw new DerivationError(diagnostic('unsupported', `the indefinite integrals of a claim are in one variable: ${variable} and ${parts.variable} here`, file, e.span,
          'write each variable\'s antiderivative in a claim of its own'));
      }
      variable = parts.variable;
    }
    for (const child of exprChildren(e)) visit(child);
  };
  linesOf(claim).forEach(visit);
  return variable;
}

/** The variables of integration of a derivation's indefinite integrals (declared `real` by their use). */
export function indefiniteVariables(claims: readonly Claim[]): string[] {
  const names = new Set<string>();
  const visit = (e: Expr): void => {
    if (isIndefinite(e)) {
      const parts = integralParts(e as Call);
      if (parts !== undefined) names.add(parts.variable);
    }
    for (const child of exprChildren(e)) visit(child);
  };
  for (const claim of claims) linesOf(claim).forEach(visit);
  return [...names];
}

/** A constant of integration, as the books name it: C, C1, C_2, K. */
export function isIntegrationConstant(name: string): boolean {
  return /^(C|K)(_?\d)?$/.test(name);
}

/**
 * The names of constants of integration in the claims that hold an indefinite integral, or in every claim where a
 * `let` holds one (`let F = integral(x^2, x)`, whose own message then says what to write): declared `real` by their use.
 */
export function integrationConstants(claims: readonly Claim[], letBodies: readonly Expr[] = []): string[] {
  const names = new Set<string>();
  const visit = (e: Expr): void => {
    if (e.kind === 'name' && isIntegrationConstant(e.name)) names.add(e.name);
    for (const child of exprChildren(e)) visit(child);
  };
  const inLets = letBodies.some(someIndefinite);
  for (const claim of claims) if (inLets || holdsIndefinite(claim)) linesOf(claim).forEach(visit);
  return [...names];
}

const binary = (op: '+' | '-' | '*' | '/', left: Expr, right: Expr, span: Span): Expr => ({ kind: 'binary', op, left, right, span, opSpan: span });
const call = (name: string, args: Expr[], span: Span): Expr => ({ kind: 'call', name, nameSpan: span, args, span });

/**
 * The derivative in `x` of an expression, written as an expression: `diff(rest, x)` plus each
 * indefinite integral's integrand times its constant factor. An integral anywhere else is an error.
 */
function derivativeForm(e: Expr, x: string, file: string): Expr {
  const nameX: Expr = { kind: 'name', name: x, span: e.span };
  const terms: Expr[] = [];
  const rest: Expr[] = [];
  // e as a sum of signed parts: each part an integral times a factor free of x, or anything else without one.
  const add = (part: Expr, negative: boolean, factor: Expr | undefined): void => {
    const signed = (t: Expr) => (negative ? { kind: 'unary' as const, op: '-' as const, arg: t, span: t.span } : t);
    if (part.kind === 'binary' && (part.op === '+' || part.op === '-')) {
      add(part.left, negative, factor);
      add(part.right, part.op === '-' ? !negative : negative, factor);
      return;
    }
    if (part.kind === 'unary' && part.op === '-') {
      add(part.arg, !negative, factor);
      return;
    }
    if (part.kind === 'unary' && part.op === '+') {
      add(part.arg, negative, factor);
      return;
    }
    if (isIndefinite(part)) {
      const { body } = integralParts(part as Call)!;
      terms.push(signed(factor === undefined ? body : binary('*', factor, body, part.span)));
      return;
    }
    if (part.kind === 'binary' && (part.op === '*' || part.op === '/') && someIndefinite(part)) {
      const [inner, other] = part.op === '*' && !someIndefinite(part.left) ? [part.right, part.left] : [part.left, part.right];
      const scale = part.op === '*' ? other : binary('/', { kind: 'number', text: '1', value: 1, span: other.span }, other, other.span);
      if (!someIndefinite(other) && !readsName(other, x)) {
        add(inner, negative, factor === undefined ? scale : binary('*', factor, scale, part.span));
        return;
      }
    }
    if (someIndefinite(part)) {
      throw new DerivationError(diagnostic('unsupported', `an indefinite integral is read where a constant multiple of it is added: here it is inside ${part.kind === 'call' ? `${part.name}(...)` : 'a product with a factor that reads ' + x}`, file, part.span,
        'an antiderivative is known up to a constant only: write the integral added to the rest (x sin(x) - integral(sin(x), x)), or give it bounds'));
    }
    rest.push(signed(factor === undefined ? part : binary('*', factor, part, part.span)));
  };
  add(e, false, undefined);
  // A line that jumps (x floor(x)) has the derivative of an antiderivative almost everywhere and differs from one by a
  // step, not a constant: no derivative says whether it is one (probe 32: integral(floor(x), x) = x floor(x) + C).
  const jump = rest.map((part) => jumpIn(part)).find((found) => found !== undefined);
  if (jump !== undefined) {
    throw new DerivationError(diagnostic('unsupported', `a line beside an indefinite integral jumps (${jump}): its derivative cannot tell an antiderivative from one off by a step`, file, e.span,
      'give the integral bounds (integral(t, 0, x, E)), which the numbers integrate across the jumps'));
  }
  const parts: Expr[] = [...terms];
  if (rest.length > 0) parts.unshift(call('diff', [rest.reduce((a, b) => binary('+', a, b, e.span)), nameX], e.span));
  return parts.reduce((a, b) => binary('+', a, b, e.span));
}

/** Functions with jumps, whose derivative is 0 almost everywhere. */
const JUMPS: ReadonlySet<string> = new Set(['floor', 'ceil', 'round', 'sign', 'sgn', 'mod', 'heaviside']);

/** The first function with a jump or comparison in an expression, by name; undefined where there is none. */
function jumpIn(e: Expr): string | undefined {
  if (e.kind === 'call' && JUMPS.has(e.name)) return `${e.name}(...)`;
  if (e.kind === 'binary' && ['<', '<=', '>', '>=', '==', '!='].includes(e.op)) return `a comparison ${e.op}`;
  for (const child of exprChildren(e)) {
    const found = jumpIn(child);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * A claim that holds an indefinite integral, as the claim of its lines' derivatives in
 * the variable of integration (see the top of this file); any other claim as it is.
 * Where it cannot be so read (an integral inside a function, a bound), its lines are
 * errors that say why.
 */
export function withIndefiniteIntegrals(claim: Claim, file: string): Claim {
  if (!holdsIndefinite(claim)) return claim;
  const invalid = (error: DerivationError, span: Span): Expr => ({ kind: 'invalid', diagnostic: error.diagnostic, span });
  let variable: string;
  try {
    variable = claimVariable(claim, file)!;
  } catch (error) {
    if (!(error instanceof DerivationError)) throw error;
    return { ...claim, expr: invalid(error, claim.span), steps: claim.steps.map((s) => ({ ...s, expr: invalid(error, s.span) })) };
  }
  const read = (e: Expr): Expr => {
    if (e.kind === 'invalid') return e;
    try {
      return derivativeForm(e, variable, file);
    } catch (error) {
      if (!(error instanceof DerivationError)) throw error;
      return invalid(error, e.span);
    }
  };
  return {
    ...claim,
    expr: read(claim.expr),
    steps: claim.steps.map((step) => {
      if (step.relation !== '=') {
        const error = new DerivationError(diagnostic('unsupported', 'a bound on an indefinite integral has no meaning: it is known up to a constant', file, step.span,
          'give the integral bounds (integral(t, a, x, E)) to bound it'));
        return { ...step, expr: invalid(error, step.span) };
      }
      return { ...step, expr: read(step.expr) };
    }),
  };
}
