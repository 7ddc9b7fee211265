import { DerivationError, diagnostic, type Diagnostic } from '../diagnostics/index.ts';
import type { Claim, Derivation, Expr, GivenDecl, ImplicitDecl, LetDecl, Span, Step } from '../syntax/index.ts';
import { exprChildren } from '../syntax/index.ts';
import { array, isColumn, isWrittenRow, sameDim, scalar, showDim, showShape, type Value } from './arrays.ts';
import { readsName, RecurrenceDefinition } from './recurrence.ts';
import { isNamedConstant, Resolver, type DefinedFunction, type LetDefinition, type Scope } from './resolve.ts';
import { undeclaredBoundVariables, undeclaredSumBounds } from './bound-variables.ts';
import { indefiniteVariables, integrationConstants, withIndefiniteIntegrals } from './indefinite-integrals.ts';
import { withInfiniteLimits } from './infinite-limits.ts';
import { declareImplicitNames, describeImplicit, ImplicitReadError, readImplicit, readsImplicit, withImplicitDerivatives, type ImplicitFunction } from './implicit-functions.ts';
import { isFunctionName } from './functions.ts';
import { isFunctionForm } from './function-forms.ts';
import type { DerivedDim, Dim, FreeIndex, Input, Term } from './term.ts';
import { IndexRangeConflict } from './index-ranges.ts';
import { InlineBudget } from './term-size.ts';
import { foldedConstant } from './constant-lets.ts';
import { resolveType } from './types.ts';
import { intervalGuard, resolveInterval } from './intervals.ts';
import { add } from './term-builders.ts';
import { freeInputNames, inputNames } from './term-queries.ts';
import { functionParameterCount, MAX_FUNCTION_ARITY } from './abstract-functions.ts';
import { indexNamesOutsideSums } from './condition-sums.ts';
import { withGreekTwins } from './greek-twins.ts';
import { withIntegralVariablesOwn } from './integral-variables.ts';
import { definitionByClaim } from './claim-definitions.ts';

/** A step with its resolved term, or the reason it cannot be checked. */
export interface ModelStep {
  readonly step: Step;
  readonly term: Term | undefined;
  readonly error: Diagnostic | undefined;
  /**
   * Set (with a `shape` error) when the step is well formed but of another shape
   * than its claim (`m×n` for an `n×m` claim): the check compares it with the
   * shape of the line above and refutes it when they differ.
   */
  readonly offShape?: string;
  /**
   * Set (with an `index-range` error) when the step uses a free index of the claim
   * over another dimension than the claim does (`g[j]`, g of length m, where the
   * claim's j runs over n): the check refutes it where the claim's range can be the longer.
   */
  readonly rangeMismatch?: RangeMismatch;
}

/** A free index of a claim used by a step over another dimension. */
export interface RangeMismatch {
  readonly index: string;
  readonly claimDim: Dim;
  readonly usedDim: Dim;
  /**
   * The index is a sum's own, not the claim's: the step uses it over two dimensions
   * (`sum(j, G[i, j] * W[j, d])`, G 3×4 and W 2×4, a transpose slip), `claimDim` the first met.
   */
  readonly summed?: true;
}

function dimKey(d: Dim): string {
  return d.k === 'sym' ? `sym:${d.name}` : `fixed:${d.size}`;
}

export interface ModelClaim {
  readonly claim: Claim;
  readonly head: Term | undefined;
  readonly headError: Diagnostic | undefined;
  /** As {@link ModelStep.offShape}, for the claim's own expression. */
  readonly headOffShape?: string;
  /** The shape every expression of an array claim has, as messages write it (`n×m`); undefined for a scalar claim. */
  readonly shape?: string;
  readonly steps: readonly ModelStep[];
  /** The claim must hold for every value of these. */
  readonly freeIndices: readonly FreeIndex[];
  /** The smallest size each dimension symbol may take in this claim (a literal `x[3]` needs n ≥ 3). */
  readonly minSizes: ReadonlyMap<string, number>;
  /**
   * Set where the claim's lines are checked as others: as their derivatives (an indefinite integral,
   * indefinite-integrals.ts) or through exp (an infinite limit, infinite-limits.ts); how, in words, for the method.
   */
  readonly readAs?: string;
  /**
   * Set where the claim reads a function the derivation defines by an equation (`implicit y(x): ...`):
   * its derivatives are written out, and a step that does not hold for all values is checked on the curve.
   */
  readonly implicit?: ImplicitFunction;
  /**
   * Set where the claim's head is a name the derivation does not declare, which its first step defines
   * (claim-definitions.ts: MML's `H = ∇²f = ...`): that step holds by definition, and the check says so.
   */
  readonly defines?: string;
}

/** A derivation with every name resolved and every index range known. */
export interface Model {
  readonly derivation: Derivation;
  readonly inputs: readonly Input[];
  /** The dimension symbols, in order of declaration. */
  readonly dims: readonly string[];
  /** The derived dimensions (`n - k + 1`), each named by its canonical text; every size assignment holds their sizes too. */
  readonly derivedDims: readonly { readonly name: string; readonly form: DerivedDim }[];
  readonly claims: readonly ModelClaim[];
  /** The `let` definitions, in order: reports use them to speak the derivation's own names. */
  readonly definitions: readonly LetDefinition[];
  /**
   * Set where `det`, `inv` or `logdet` of an n×n matrix (n a dimension symbol) made
   * an expression an error because no size was given (or, in a model built at one
   * size, because that size is too large to write out): the check builds the model
   * again at each size assignment ({@link buildModel}'s `writtenSizes`) for those steps.
   */
  readonly needsWrittenSizes?: true;
}

/**
 * Resolves a parsed derivation. A broken `given` or `let` makes only the
 * expressions that use its names errors (a declaration no expression uses is
 * reported as an error of its own, at its line); a broken step only makes that
 * step an error. Every other claim is still checked. `inlined` bounds the
 * nodes `let` inlining copies, shared by the derivations of one file.
 */
export function buildModel(written: Derivation, inlined: InlineBudget = new InlineBudget(), writtenSizes?: ReadonlyMap<string, number>): Model {
  const derivation = withIntegralVariablesOwn(withGreekTwins(written));
  const file = derivation.file;
  let needsWrittenSizes = false;
  const sized = { onSizeNeeded: () => { needsWrittenSizes = true; }, ...(writtenSizes ? { writtenSizes } : {}) };
  const dims = new Map<string, Dim>();
  const derivedDims = new Map<string, { name: string; form: DerivedDim }>();
  const inputs = new Map<string, Input>();
  const functions = new Map<string, Input>();
  const lets = new Map<string, LetDefinition>();
  const definedFunctions = new Map<string, DefinedFunction>();
  const recurrences = new Map<string, RecurrenceDefinition>();
  const broken = new Map<string, Diagnostic>();
  const usedBroken = new Set<string>();
  /** Each `let` declared so far, in order, and the inputs that stand for one in a derivative with respect to it. */
  const letDecls: LetDecl[] = [];
  const leafInputs = new Map<string, Input>();
  // The last scope made: claims about one let come together, and every scope holds a copy of the lets after its own.
  let lastLeaf: { key: string; scope: Scope | undefined } | undefined;
  const declared = (d: Dim) => d.k !== 'sym' || !d.derived || derivedDims.has(d.name);
  const leafScope = (name: string): Scope | undefined => {
    // Lets declared since a scope was made are read in it too: a scope per let and count of lets.
    const key = `${name}#${letDecls.length}`;
    if (lastLeaf?.key !== key) lastLeaf = { key, scope: scopeWithLetAsInput(name, { file, dims, inputs, lets, broken, usedBroken, inlined, functions, definedFunctions, recurrences, ...sized }, letDecls, declared) };
    const leaf = lastLeaf.scope;
    const input = leaf?.inputs.get(name);
    if (input !== undefined && !leafInputs.has(name)) leafInputs.set(name, input);
    return leaf;
  };
  const implicitStatement = derivation.statements.find((st): st is ImplicitDecl => st.kind === 'implicit');
  const implicitNames = implicitStatement && { implicit: { name: implicitStatement.name, variables: implicitStatement.args.map((a) => a.name) } };
  // Each let's line, for a use above it (a let defined through one below, a cycle): said so, not "unknown name".
  const letLines = new Map(derivation.statements.filter((st): st is LetDecl => st.kind === 'let').map((st) => [st.name, st.span.line] as const));
  const scope: Scope = { file, dims, inputs, lets, broken, usedBroken, inlined, leafScope, functions, definedFunctions, recurrences, letLines, ...sized, ...implicitNames };
  /** Each broken declaration, to report it on its own when no expression uses it. */
  const brokenDeclarations: { names: readonly string[]; statement: GivenDecl | LetDecl | ImplicitDecl; problem: Diagnostic; at: number }[] = [];
  let implicit: ImplicitFunction | undefined;
  /** The implicit line whose names are declared and whose equation is still to be read (at it, or at the first claim). */
  let implicitLine: ImplicitDecl | undefined;
  const reportImplicit = (b: { names: readonly string[]; statement: ImplicitDecl; problem: Diagnostic }) => brokenDeclarations.push({ ...b, at: claimsBefore(b.statement) });
  const readImplicitLine = (): void => {
    const statement = implicitLine;
    if (statement === undefined) return;
    implicitLine = undefined;
    try {
      const read = readImplicit(statement, scope);
      implicit = read;
      if (scope.implicit !== undefined) scope.implicit.withDerivatives = (t) => withImplicitDerivatives(t, read);
    } catch (error) {
      if (!(error instanceof DerivationError)) throw error;
      broken.set(statement.name, error.diagnostic);
      reportImplicit({ names: [statement.name], statement, problem: error.diagnostic });
    }
  };
  const claims: ModelClaim[] = [];
  const taken = (name: string) => inputs.has(name) || functions.has(name) || lets.has(name) || dims.has(name) || broken.has(name) || definedFunctions.has(name)
    || recurrences.has(name);

  // Givens are declarations of the whole derivation, wherever they stand: a transcription may declare an input
  // after the let that uses it (sixteenth probe), as a textbook names a symbol after its first formula. They are
  // declared first, in their order; lets, functions and claims then follow in theirs.
  const claimsBefore = (statement: (typeof derivation.statements)[number]) =>
    derivation.statements.slice(0, derivation.statements.indexOf(statement)).filter((s) => s.kind === 'claim').length;
  const givensFirst = [...givensInOrderOfTheirEnds(derivation.statements.filter((s): s is GivenDecl => s.kind === 'given')),
    ...withSubscriptedFirstCases(derivation.statements.filter((s) => s.kind !== 'given'))];
  const declareLetLine = (statement: LetDecl): void => {
    if (statement.args !== undefined && statement.args.length > 0 && statement.args.every((a) => (inputs.get(a.name)?.dims.length ?? 0) > 0)) {
      // let J(w) = ... of a declared vector or matrix w (PRML's E(w), a loss of the weights): the quantity of those
      // inputs, read with its argument as written, J(w), as a let is; a function of the language takes scalars only.
      const quantity: LetDecl = { ...statement, args: undefined };
      declareLet(quantity, scope, lets, taken, declared);
      letDecls.push(quantity);
    } else if (statement.args !== undefined) declareDefinedFunction(statement, statement.args.map((a) => a.name), scope, definedFunctions, taken);
    else if (recurrences.has(statement.name) || RecurrenceDefinition.countPosition(statement, file) !== undefined) {
      letDecls.push(statement);
      declareRecurrence(statement, scope, recurrences, taken, declared);
    } else {
      const ahead = statement.params.find((p) => p.ahead !== undefined);
      if (ahead !== undefined) {
        throw new DerivationError(diagnostic('syntax', `${ahead.name} + ${ahead.ahead} is the count of a recurrence's step, and ${statement.name} has no first case`, file, ahead.span,
          `write its first case before it, e.g. let ${statement.name}[0] = ..., or index it by a name: let ${statement.name}[${ahead.name}] = ...`));
      }
      declareLet(statement, scope, lets, taken, declared);
      letDecls.push(statement);
    }
  };
  // A claim's head the first step defines (claim-definitions.ts), declared for the claims below as a let.
  const definitionOf = (claim: Claim): LetDecl | undefined => definitionByClaim(claim, {
    taken, known: [...inputs.keys(), ...lets.keys(), ...dims.keys()], isConstant: isNamedConstant, letNames: new Set(letLines.keys()),
    inputDims: (name) => inputs.get(name)?.dims.length,
  });
  // The name is then declared for the claims below, where it reads as in its claim: ∇²f beside a matrix is the Hessian
  // there and the Laplacian in a let, so a definition whose let is another shape than its claim is left undeclared.
  const declareForClaimsBelow = (definition: LetDecl, modelled: ModelClaim): void => {
    try {
      declareLetLine(definition);
    } catch (error) {
      if (!(error instanceof DerivationError)) throw error;
      return;
    }
    const asLet = lets.get(definition.name);
    if (asLet !== undefined && (asLet.isArray === true) !== (modelled.shape !== undefined)) lets.delete(definition.name);
  };
  let boundDeclared = false;
  for (const statement of givensFirst) {
    if (!boundDeclared && statement.kind !== 'given') {
      // After the givens, so that a declared name keeps its declaration.
      boundDeclared = true;
      // The function an equation defines holds for the whole derivation, as a given does: declared before any claim.
      implicitLine = declareImplicitOnce(derivation, scope, inputs, taken, broken, reportImplicit);
      // A sum's bound first: a name that is both (integral(t, 0, n, ...) and sum(k, 1, n, ...)) is a size, and a size is a value too.
      for (const name of undeclaredSumBounds(derivation, taken, isNamedConstant)) dims.set(name, { k: 'sym', name });
      for (const name of undeclaredBoundVariables(derivation, taken, isNamedConstant)) inputs.set(name, { name, kind: 'real', dims: [], typeText: 'real' });
      // An indefinite integral's variable and its constants of integration (C), as the books leave them undeclared.
      const claimStatements = derivation.statements.filter((st): st is Claim => st.kind === 'claim');
      const letBodies = derivation.statements.flatMap((st) => (st.kind === 'let' ? [st.body] : []));
      for (const name of [...indefiniteVariables(claimStatements), ...integrationConstants(claimStatements, letBodies)]) {
        if (!taken(name) && !isNamedConstant(name)) inputs.set(name, { name, kind: 'real', dims: [], typeText: 'real' });
      }
    }
    if (statement.kind === 'claim' || statement.kind === 'implicit') readImplicitLine();
    if (statement.kind === 'claim') {
      // A claim holding an indefinite integral is checked as its lines' derivatives (indefinite-integrals.ts); reports
      // and derived steps keep the lines as written.
      const modelOf = (written: Claim) => {
        const integrated = withIndefiniteIntegrals(written, file);
        const read = integrated !== written ? integrated : withInfiniteLimits(written, file, taken);
        return { integrated, read, modelled: withImplicit(modelClaim(read, scope), implicit, file) };
      };
      let written: Claim = statement;
      let { integrated, read, modelled } = modelOf(written);
      // A head that is an unknown name, defined by the first step: read as that step, in the claim's context (claim-definitions.ts).
      const definition = unknownHead(modelled) ? definitionOf(statement) : undefined;
      if (definition !== undefined) {
        written = { ...statement, expr: statement.steps[0].expr };
        ({ integrated, read, modelled } = modelOf(written));
        modelled = { ...modelled, defines: definition.args === undefined ? definition.name : `${definition.name}(${definition.args.map((a) => a.name).join(', ')})` };
        declareForClaimsBelow(definition, modelled);
      }
      const variable = integrated === written ? undefined : indefiniteVariables([written])[0];
      const readAs = read === written ? undefined : variable !== undefined
        ? `each line read as its derivative in ${variable} (an indefinite integral holds up to a constant), whose values a counterexample shows`
        : 'each line L read as sigmoid(-L) (sigmoid(L) toward -Infinity), a limit with the sigmoid inside it, so that an infinite limit is 0; a counterexample shows those values';
      claims.push(read === statement ? modelled
        : { ...modelled, claim: statement, steps: modelled.steps.map((st, k) => ({ ...st, step: statement.steps[k] })), ...(readAs ? { readAs } : {}) });
      continue;
    }
    if (statement.kind === 'implicit') continue;
    // An error in a declaration breaks only the names it declares: what uses them is an error, the rest is checked.
    try {
      if (statement.kind === 'given' && statement.type.name === 'function') declareFunction(statement, scope, functions, taken);
      else if (statement.kind === 'given') declareGiven(statement, scope, dims, derivedDims, inputs, taken);
      else declareLetLine(statement);
    } catch (error) {
      if (!(error instanceof DerivationError)) throw error;
      const names = statement.kind === 'given' ? statement.names.map((n) => n.name) : [statement.name];
      for (const name of names) if (!broken.has(name)) broken.set(name, error.diagnostic);
      brokenDeclarations.push({ names, statement, problem: error.diagnostic, at: statement.kind === 'given' ? claimsBefore(statement) : claims.length });
    }
  }
  // A broken declaration that no claim uses is still an error: it stands as a claim of its own, at its place.
  const unused = brokenDeclarations.filter((b) => !b.names.some((name) => usedBroken.has(name)));
  const inFileOrder = [...unused].sort((a, b) => a.at - b.at || derivation.statements.indexOf(a.statement) - derivation.statements.indexOf(b.statement));
  for (const b of inFileOrder.reverse()) claims.splice(b.at, 0, declarationErrorClaim(b.statement, b.problem));
  return {
    derivation, inputs: [...inputs.values(), ...leafInputs.values(), ...functions.values()], dims: [...dims.keys()].filter((d) => dims.get(d)!.k === 'sym'), derivedDims: [...derivedDims.values()], claims,
    definitions: [...lets.values()],
    ...(needsWrittenSizes ? { needsWrittenSizes: true as const } : {}),
  };
}

/**
 * The scope in which the `let` `name` is an input of its own (Input.definedBy),
 * for a derivative with respect to it: every `let` declared after it is read
 * again there, so what depends on it depends on that input, and what comes
 * before it (its own definition included) is held. Undefined for a `let` whose
 * entries have no range of their own (a parameter only in sums of indices).
 */
function scopeWithLetAsInput(
  name: string, scope: Scope, letDecls: readonly LetDecl[], declared: (d: Dim) => boolean,
): Scope | undefined {
  const definition = scope.lets.get(name);
  if (definition === undefined || definition.paramDims.some((d) => d === undefined)) return undefined;
  const dims = definition.paramDims as Dim[];
  const typeText = dims.length === 0 ? `the value of ${name}` : `the value of ${name}, ${dims.length === 1 ? 'a vector' : 'an array'} of ${dims.map((d) => (d.k === 'fixed' ? String(d.size) : d.name)).join(' by ')}`;
  const input: Input = { name, kind: 'real', dims, typeText, definedBy: { params: definition.params, body: definition.body } };
  const inputs = new Map(scope.inputs);
  inputs.set(name, input);
  const lets = new Map<string, LetDefinition>();
  // A budget of its own: the lets read again here were inlined once already within the file's, and a file
  // that differentiates with respect to many lets must not spend the file's budget on each again.
  const recurrences = new Map<string, RecurrenceDefinition>();
  const leaf: Scope = { ...scope, inputs, lets, recurrences, leafScope: undefined, inlined: new InlineBudget() };
  // A let written as a book writes it, `let y_k = ...`, defines y: its line is the one that defines the input here.
  const defines = (decl: LetDecl) => {
    const entries = decl.name === name ? undefined : subscriptedEntry(decl);
    return decl.name === name || (entries?.name === name && scope.lets.get(name)?.params.length === entries.params.length);
  };
  const at = letDecls.findIndex(defines);
  let after = false;
  for (const [position, decl] of letDecls.entries()) {
    const letName = scope.lets.has(decl.name) || scope.recurrences?.has(decl.name) ? decl.name : subscriptedEntry(decl)?.name ?? decl.name;
    if (defines(decl)) { after = true; continue; }
    const recurrence = scope.recurrences?.get(letName);
    if (recurrence instanceof RecurrenceDefinition) {
      // Its entries are built in the scope they are read in: one with a line after the let is built again here, every line
      // of it, so that its entries read the let as the input it is (kept, h[2] would hold z's body, and diff(h[2], z) be 0).
      const lastLine = letDecls.reduce((last, d, p) => (d.name === letName ? p : last), -1);
      if (lastLine < at) recurrences.set(letName, recurrence);
      else declareRecurrence(decl, leaf, recurrences, () => false, declared);
      continue;
    }
    const kept = scope.lets.get(letName);
    if (kept === undefined) continue;
    if (!after) lets.set(letName, kept);
    else declareLet(decl, leaf, lets, () => false, declared);
  }
  return leaf;
}

/**
 * `given f: function`: an unknown smooth function of one real argument. The
 * numbers hold it as the parameters of a member of a family (abstract-functions.ts).
 */
function declareFunction(statement: GivenDecl, scope: Scope, functions: Map<string, Input>, taken: (name: string) => boolean): void {
  if (statement.type.dims.length > 0) {
    throw new DerivationError(diagnostic('unknown-type', 'the type function takes no dimensions: an abstract function takes one real argument', scope.file, statement.type.span,
      'write given f: function, and f(x) entry by entry for a vector x'));
  }
  for (const { name, span } of statement.names) {
    if (taken(name)) throw new DerivationError(diagnostic('duplicate-name', `${name} is already declared`, scope.file, span, 'each name is declared once'));
  }
  const params = statement.type.params?.map((p) => p.text);
  const arity = params?.length ?? 1;
  if (arity > MAX_FUNCTION_ARITY || (params !== undefined && new Set(params).size !== params.length)) {
    throw new DerivationError(diagnostic('unknown-type', arity > MAX_FUNCTION_ARITY ? `an abstract function takes at most ${MAX_FUNCTION_ARITY} arguments, got ${arity}`
      : 'the arguments of a function must have different names', scope.file, statement.type.span, 'write function(x, y) with distinct names'));
  }
  const typeText = params ? `function(${params.join(', ')})` : 'function';
  for (const { name } of statement.names) {
    functions.set(name, { name, kind: 'function', dims: [{ k: 'fixed', size: functionParameterCount(arity) }], typeText, signature: { arity, ...(params ? { params } : {}) } });
  }
}

/**
 * The givens with each one whose interval reads another given's name (`given t: real in (-Infinity, l)`) after that
 * given, wherever it stands, as a given declares for the whole derivation; otherwise in their order. A cycle is left
 * in order, and its first end then names an undeclared input.
 */
function givensInOrderOfTheirEnds(givens: readonly GivenDecl[]): GivenDecl[] {
  const declaredBy = new Map(givens.flatMap((g) => g.names.map((n) => [n.name, g] as const)));
  const reads = (g: GivenDecl): Set<GivenDecl> => {
    const out = new Set<GivenDecl>();
    const walk = (e: Expr): void => {
      if (e.kind === 'name') { const by = declaredBy.get(e.name); if (by !== undefined && by !== g) out.add(by); }
      for (const child of exprChildren(e)) walk(child);
    };
    if (g.type.interval) { walk(g.type.interval.lower); walk(g.type.interval.upper); }
    return out;
  };
  const waiting = givens.map((g) => ({ g, needs: reads(g) }));
  if (waiting.every((w) => w.needs.size === 0)) return [...givens];
  const out: GivenDecl[] = [];
  const placed = new Set<GivenDecl>();
  for (let progress = true; progress;) {
    progress = false;
    for (const w of waiting) {
      if (placed.has(w.g) || ![...w.needs].every((n) => placed.has(n))) continue;
      out.push(w.g);
      placed.add(w.g);
      progress = true;
    }
  }
  return [...out, ...givens.filter((g) => !placed.has(g))];
}

function declareGiven(
  statement: GivenDecl, scope: Scope, dims: Map<string, Dim>, derivedDims: Map<string, { name: string; form: DerivedDim }>,
  inputs: Map<string, Input>, taken: (name: string) => boolean,
): void {
  const file = scope.file;
  const ends = statement.type.interval && resolveInterval(statement.type.interval, statement.type.name, statement.type.dims.length, scope);
  const interval = ends?.interval;
  const relativeEnds = ends?.relativeEnds;
  if (statement.type.name === 'size' && statement.type.dims.length === 0) {
    // `given n: size` declares a dimension symbol alone: tried at every size, a value (x^n), a sum's bound (sum(k, 1, n, E)).
    for (const { name, span } of statement.names) {
      if (inputs.has(name) || scope.lets.has(name)) {
        throw new DerivationError(diagnostic('duplicate-name', `${name} is already declared as a value, so it cannot be a size`, file, span, 'use another letter for the size'));
      }
      if (!dims.has(name)) dims.set(name, { k: 'sym', name });
    }
    return;
  }
  const type = resolveType(statement.type, file);
  // A derived dimension declares the symbols it is made of; its own name is no symbol one can write.
  const written = [...type.dims, ...(type.classes ? [type.classes] : [])];
  const symbols: Dim[] = written.flatMap((d): Dim[] => (d.k === 'sym' && d.derived ? d.derived.terms.map((t): Dim => ({ k: 'sym', name: t.name })) : [d]));
  for (const d of symbols) {
    if (d.k !== 'sym') continue;
    if (inputs.has(d.name) || scope.lets.has(d.name)) {
      throw new DerivationError(diagnostic('duplicate-name', `${d.name} is already declared as a value, so it cannot be a dimension`, file,
        statement.type.span, 'use another letter for the dimension'));
    }
  }
  for (const { name, span } of statement.names) {
    if (taken(name)) {
      throw new DerivationError(diagnostic('duplicate-name', `${name} is already declared`, file, span, 'each name is declared once'));
    }
  }
  for (const d of symbols) {
    if (d.k === 'sym' && !dims.has(d.name)) dims.set(d.name, d);
  }
  for (const d of written) if (d.k === 'sym' && d.derived && !derivedDims.has(d.name)) derivedDims.set(d.name, { name: d.name, form: d.derived });
  for (const { name } of statement.names) {
    const written = statement.type.dims.length > 0
      ? `${statement.type.name}[${statement.type.dims.map((d) => d.text).join(', ')}]` : statement.type.name;
    const typeText = statement.type.interval ? `${written} in ${statement.type.interval.text}` : written;
    inputs.set(name, {
      name, kind: type.kind, dims: type.dims, classes: type.classes, typeText, ...(type.oneHotRows ? { oneHotRows: true } : {}), ...(type.binary ? { binary: type.binary } : {}),
      ...(interval ? { interval } : {}), ...(relativeEnds ? { relativeEnds } : {}),
    });
  }
}

/** A line of a recurrence: its first case starts it (see recurrence.ts), each later line adds to it. */
function declareRecurrence(statement: LetDecl, scope: Scope, recurrences: Map<string, RecurrenceDefinition>, taken: (name: string) => boolean,
  declared: (d: Dim) => boolean): void {
  let recurrence = recurrences.get(statement.name);
  if (!recurrence) {
    if (taken(statement.name)) {
      throw new DerivationError(diagnostic('duplicate-name', `${statement.name} is already declared`, scope.file, statement.nameSpan,
        'each name is declared once; pick another name for this definition'));
    }
    const position = RecurrenceDefinition.countPosition(statement, scope.file)!;
    const define = (params: LetDecl['params'], body: LetDecl['body']) => defineLet({ ...statement, params, body }, scope, declared, true);
    recurrence = new RecurrenceDefinition(statement.name, statement.params.length, position, scope.file, define);
    recurrences.set(statement.name, recurrence);
  }
  recurrence.add(statement);
}

function declareLet(statement: LetDecl, scope: Scope, lets: Map<string, LetDefinition>, taken: (name: string) => boolean, declared: (d: Dim) => boolean): void {
  const file = scope.file;
  if (taken(statement.name)) {
    throw new DerivationError(diagnostic('duplicate-name', `${statement.name} is already declared`, file, statement.nameSpan,
      'each name is declared once; pick another name for this definition'));
  }
  if (readsName(statement.body, statement.name)) {
    throw new DerivationError(diagnostic('unsupported', `${statement.name} is read in its own definition`, file, statement.nameSpan,
      `a recurrence starts with its first case on a line before, e.g. let ${statement.name}[0] = 0 and then let ${statement.name}[t] = ... ${statement.name}[t - 1] ...`));
  }
  const entry = subscriptedEntry(statement);
  const definition = defineLet(statement, scope, declared, false, entry !== undefined && !taken(entry.name) ? entry : undefined);
  if (definition.name !== statement.name && lets.has(definition.name)) {
    throw new DerivationError(diagnostic('duplicate-name', `${definition.name} is already declared`, file, statement.nameSpan,
      'each name is declared once; pick another name for this definition'));
  }
  lets.set(definition.name, definition);
}

/**
 * `let x_0 = 1` before `let x_{k+1} = x_k - ...`, Newton's method as a book prints it: the first case x[0] of the
 * recurrence whose step the derivation writes with an index name, not a name x_0 of its own.
 */
function withSubscriptedFirstCases<S extends Derivation['statements'][number]>(statements: readonly S[]): S[] {
  // A step reads its own earlier entries (x_k, x[k - 1]): an entries' definition (let x[i] = a[i] + 1) is no recurrence.
  const readsItself = (s: LetDecl): boolean => {
    const walk = (e: Expr): boolean => (e.kind === 'name' && (e.name === s.name || e.name.startsWith(`${s.name}_`)))
      || (e.kind === 'index' && e.target.kind === 'name' && e.target.name === s.name) || exprChildren(e).some(walk);
    return walk(s.body);
  };
  const steps = new Set(statements.flatMap((s) => (s.kind === 'let' && s.args === undefined && s.params.length === 1 && !/^[0-9]+$/.test(s.params[0].name) && readsItself(s) ? [s.name] : [])));
  if (steps.size === 0) return [...statements];
  return statements.map((s) => {
    if (s.kind !== 'let' || s.params.length > 0 || s.args !== undefined) return s;
    const m = /^(.+)_([0-9]{1,6})$/u.exec(s.name);
    return m !== null && steps.has(m[1]) ? { ...s, name: m[1], params: [{ name: m[2], span: s.nameSpan }] } : s;
  });
}

/**
 * `let z_i = x_i - m` as a book writes it: the definition of the entries z[i], when the name's
 * subscript is made of the index names its body leaves free (decided in defineLet: `let μ_B = mean(x)`
 * leaves no index free and is the name μ_B). One letter per index: `w_ij` is w[i, j].
 */
function subscriptedEntry(statement: LetDecl): Pick<LetDecl, 'name' | 'params' | 'body'> | undefined {
  if (statement.params.length > 0 || statement.args !== undefined) return undefined;
  const m = /^([\p{L}][\p{L}\p{N}]*?)_(\p{Ll}{1,3})$/u.exec(statement.name);
  if (m === null) return undefined;
  const letters = [...m[2]];
  if (new Set(letters).size !== letters.length) return undefined;
  const at = statement.nameSpan;
  return { name: m[1], params: letters.map((name) => ({ name, span: at })), body: statement.body };
}

/**
 * The definition a `let` line gives, resolved in the scope. `allowUnranged`: a parameter
 * nothing in the body gives a range (`let h[0, i] = 0`) takes its range where it is used.
 */
function defineLet(statement: Pick<LetDecl, 'name' | 'params' | 'body'>, scope: Scope, declared: (d: Dim) => boolean, allowUnranged: boolean,
  entry?: Pick<LetDecl, 'name' | 'params' | 'body'>): LetDefinition {
  const file = scope.file;
  const params = statement.params.map((p) => p.name);
  const resolver = new Resolver(scope, new Set(params));
  const value = resolver.resolveValue(statement.body);
  if (value.k === 'array') {
    if (params.length > 0) {
      throw new DerivationError(diagnostic('not-scalar', `${statement.name}[${params.join(', ')}] is defined as ${showShape(value.shape)}, but an indexed definition is one entry`,
        file, statement.body.span, `define the whole array without indices (let ${statement.name} = ...) and index it where it is used, or write one entry`));
    }
    // The entry at internal placeholder indices; using the definition substitutes them.
    const placeholders = value.shape.map((_, p) => `${statement.name}@${p + 1}`);
    const body = resolver.finalize(value.at(placeholders.map((name) => ({ k: 'var', name, offset: 0 }))));
    return { name: statement.name, params: placeholders, paramDims: value.shape, body, minSizes: resolver.minSizes, isArray: true };
  }
  const written = resolver.finalize(value.t);
  const body = (params.length === 0 ? foldedConstant(written) : undefined) ?? written;
  const stray = resolver.freeIndices.find((name) => !params.includes(name));
  if (stray !== undefined && entry !== undefined && resolver.freeIndices.length === entry.params.length
    && entry.params.every((p) => resolver.freeIndices.includes(p.name))) return defineLet(entry, scope, declared, allowUnranged);
  if (stray !== undefined) {
    throw new DerivationError(diagnostic('index-range', `the index ${stray} of ${statement.name} is not one of its parameters`, file,
      indexSpan(statement.body, stray) ?? statement.body.span,
      params.length > 0 ? `index with ${params.join(', ')}, or bind ${stray} in a sum` : `write let ${statement.name}[${stray}] = ... to define an entry, or bind ${stray} in a sum`));
  }
  const paramDims = statement.params.map((p) => {
    const dim = resolver.ranges.dimOf(`var:${p.name}`);
    if (!dim && resolver.affineUses.has(p.name)) {
      // A parameter only in affine positions (y[i] = sum(j, w[j] * x[i + j - 1])) takes the range over which every read
      // stays inside its array (1..n - k + 1), when that is a dimension of the derivation; else its range where y is used.
      const inferred = resolver.inferredRange(p.name);
      return inferred && declared(inferred) ? inferred : undefined;
    }
    if (!dim && allowUnranged) return undefined;
    if (!dim) {
      throw new DerivationError(diagnostic('index-range', `cannot tell which range the index ${p.name} of ${statement.name} runs over`,
        file, p.span, `use ${p.name} to index an input in the definition, e.g. x[${p.name}]`));
    }
    return dim;
  });
  return { name: statement.name, params, paramDims, body, minSizes: resolver.minSizes };
}

/**
 * `let f(t) = E`: a function, read at each call. Its body is resolved once here with
 * its arguments in, so an error in it is reported at the definition.
 */
function declareDefinedFunction(statement: LetDecl, args: readonly string[], scope: Scope, definedFunctions: Map<string, DefinedFunction>, taken: (name: string) => boolean): void {
  if (taken(statement.name)) {
    throw new DerivationError(diagnostic('duplicate-name', `${statement.name} is already declared`, scope.file, statement.nameSpan,
      'each name is declared once; pick another name for this function'));
  }
  if (isFunctionName(statement.name) || isFunctionForm(statement.name)) {
    throw new DerivationError(diagnostic('duplicate-name', `${statement.name} is a function of the language already`, scope.file, statement.nameSpan,
      'pick another name for this function, e.g. f or g'));
  }
  const defined: DefinedFunction = { name: statement.name, args, body: statement.body, earlier: new Map(definedFunctions), givens: scope.inputs };
  new Resolver(scope, new Set()).definedBody(defined);
  definedFunctions.set(statement.name, defined);
}

/** Whether a claim's head is an error for its own name alone: a name or function the derivation does not declare. */
function unknownHead(modelled: ModelClaim): boolean {
  const error = modelled.headError;
  const head = modelled.claim.expr;
  const at = head.kind === 'call' ? head.nameSpan : head.span;
  return error !== undefined && (error.code === 'unknown-name' || error.code === 'unknown-function') && error.span !== undefined
    && error.span.line === at.line && error.span.col === at.col;
}

/** A broken declaration no expression uses, reported as a claim of one step that is that error. */
function declarationErrorClaim(statement: GivenDecl | LetDecl | ImplicitDecl, problem: Diagnostic): ModelClaim {
  const text = statement.kind === 'given' ? `given ${statement.names.map((n) => n.name).join(', ')}`
    : statement.kind === 'implicit' ? `implicit ${statement.name}(${statement.args.map((a) => a.name).join(', ')})` : `let ${statement.name}`;
  const expr: Claim['expr'] = { kind: 'number', text: '0', value: 0, span: statement.span };
  const step: Step = { expr, relation: '=', justification: undefined, expectWrong: false, text, span: statement.span };
  const claim: Claim = { kind: 'claim', expr, text, steps: [step], span: statement.span };
  return { claim, head: undefined, headError: problem, steps: [{ step, term: undefined, error: problem }], freeIndices: [], minSizes: new Map() };
}

/**
 * The derivation's one `implicit` line, its names declared; undefined where it has none. A broken one breaks
 * the name it defines, so that every claim reading it is that error rather than a claim about a free y.
 */
function declareImplicitOnce(derivation: Derivation, scope: Scope, inputs: Map<string, Input>, taken: (name: string) => boolean,
  broken: Map<string, Diagnostic>, onBroken: (b: { names: readonly string[]; statement: ImplicitDecl; problem: Diagnostic }) => void): ImplicitDecl | undefined {
  const statements = derivation.statements.filter((s): s is ImplicitDecl => s.kind === 'implicit');
  let declared: ImplicitDecl | undefined;
  for (const [k, statement] of statements.entries()) {
    try {
      if (k > 0) {
        throw new DerivationError(diagnostic('unsupported', `a derivation defines one function by an equation, and ${statements[0].name} is defined at line ${statements[0].span.line}`, derivation.file, statement.span,
          'start a new derivation for another implicit function'));
      }
      declareImplicitNames(statement, scope, inputs, taken);
      declared = statement;
    } catch (error) {
      if (!(error instanceof DerivationError)) throw error;
      if (k === 0) broken.set(statement.name, error.diagnostic);
      onBroken({ names: k === 0 ? [statement.name] : [], statement, problem: error.diagnostic });
    }
  }
  return declared;
}

/** A claim that reads the implicit function (or its variables) with its derivatives written out, and the function kept for the check. */
function withImplicit(claim: ModelClaim, implicit: ImplicitFunction | undefined, file: string): ModelClaim {
  if (implicit === undefined) return claim;
  const terms = [claim.head, ...claim.steps.map((s) => s.term)].filter((t): t is Term => t !== undefined);
  if (!terms.some((t) => readsImplicit(t, implicit))) return claim;
  // A line that cannot be written out (too many derivatives, a limit along the curve) is an error of its own.
  const rewrite = (t: Term, span: Span): { term?: Term; error?: Diagnostic } => {
    try {
      return { term: withImplicitDerivatives(t, implicit) };
    } catch (error) {
      if (!(error instanceof ImplicitReadError)) throw error;
      return { error: diagnostic('unsupported', error.message, file, span, error.hint) };
    }
  };
  const head = claim.head === undefined ? {} : rewrite(claim.head, claim.claim.expr.span);
  return {
    ...claim, head: head.term, headError: claim.headError ?? head.error,
    steps: claim.steps.map((s) => {
      if (s.term === undefined) return s;
      const read = rewrite(s.term, s.step.expr.span);
      return read.error ? { ...s, term: undefined, error: read.error } : { ...s, term: read.term };
    }),
    implicit,
    readAs: [claim.readAs, `${describeImplicit(implicit)}: a step that needs the equation is read at points of the curve`].filter(Boolean).join('; '),
  };
}

/** The free indices one step may read longer arrays with before it is read as written (see Resolver.widerReads). */
const MAX_WIDER_READS = 8;

function modelClaim(claim: Claim, scope: Scope): ModelClaim {
  if (claim.steps.length === 0) return claimWithoutStep(claim, scope);
  const expressions = [claim.expr, ...claim.steps.map((s) => s.expr)];
  const resolver = new Resolver(scope, new Set(), namesWrittenAsIndices(expressions), indexNamesOutsideSums(expressions));
  // The range each free index of the claim's own expression has: a step that uses one over another dimension is read against it.
  let claimRanges = new Map<string, Dim | undefined>();
  const attempt = (expr: Claim['expr'], isStep = false): { value?: Value; error?: Diagnostic; rangeMismatch?: RangeMismatch } => {
    try {
      for (;;) {
        try {
          return { value: resolver.resolveValue(expr) };
        } catch (error) {
          if (error instanceof IndexRangeConflict) {
            const [known, used] = error.dims;
            const fromClaim = claimRanges.get(error.index);
            if (fromClaim && dimKey(fromClaim) === dimKey(known)) {
              // A read of a longer array (fixed sizes) is inside it: read again past it, for a read that runs out of its array.
              const inside = known.k === 'fixed' && used.k === 'fixed' && used.size > known.size;
              if (inside && !resolver.widerReads.has(error.index) && resolver.widerReads.size < MAX_WIDER_READS) {
                resolver.widerReads.add(error.index);
                continue;
              }
              return { error: error.diagnostic, rangeMismatch: { index: error.index, claimDim: known, usedDim: used } };
            }
            // A step's own summation index over two dimensions reads past the end of the shorter one.
            if (isStep && !claimRanges.has(error.index)) return { error: error.diagnostic, rangeMismatch: { index: error.index, claimDim: known, usedDim: used, summed: true } };
          }
          if (error instanceof DerivationError) return { error: error.diagnostic };
          throw error;
        }
      }
    } finally {
      resolver.widerReads.clear();
    }
  };
  let headValue = attempt(claim.expr);
  claimRanges = new Map(resolver.freeIndices.map((name) => [name, resolver.ranges.dimOf(`var:${name}`)]));
  const headSquare = headValue.value;
  if (headSquare?.k === 'array' && headSquare.shape.length === 2 && sameDim(headSquare.shape[0], headSquare.shape[1])) resolver.claimIdentitySize = headSquare.shape[0];
  if (headSquare?.k === 'array' && headSquare.shape.length === 1) resolver.claimOnesSize = headSquare.shape[0];
  const stepValues = claim.steps.map((step) => ({ step, ...attempt(step.expr, true) }));
  // ∇²f with no variable written, against a matrix written out: the Hessian, as the optimisation and machine-learning
  // books print it (Boyd, Nocedal and Wright), not the Laplacian of the physics books, a scalar (probe 72).
  // So as a step too, beside a claim it does not start (MML 5.15's H = ∇²f = [[2, 2], [2, 6y]] was refuted as the
  // Laplacian broadcast to the matrix: probe 82).
  const matrixWritten = [headValue, ...stepValues].some((r) => r.value?.k === 'array' && r.value.shape.length === 2);
  const asHessian = (expr: Expr, r: { value?: Value; error?: Diagnostic }, isStep: boolean) => {
    if (!matrixWritten || r.value?.k !== 'scalar' || expr.kind !== 'call' || expr.name !== 'laplacian' || expr.args.length !== 1) return r;
    const hessian = attempt({ ...expr, name: 'hessian' }, isStep);
    return hessian.value?.k === 'array' ? hessian : r;
  };
  headValue = asHessian(claim.expr, headValue, false);
  for (const r of stepValues) Object.assign(r, asHessian(r.step.expr, r, true));
  // An array claim (its expressions are arrays) is checked entry by entry: the
  // entry's position becomes fresh free indices, shared by every expression.
  // A claim whose own expression is a scalar that reads an input is about a scalar: a step that is an array is of
  // another shape, never that scalar in every entry (x^2 + 1 = [[x^2 + 1, x^2 + 1], ...] was proved, and ∇²g, the
  // Laplacian, was compared entry by entry with a Hessian written out; probe 70). A constant claim (0 = ∇L) stands for every entry.
  const scalarClaim = headValue.value?.k === 'scalar' && inputNames(headValue.value.t).size > 0;
  const firstArray = scalarClaim ? undefined : [headValue, ...stepValues].find((r) => r.value?.k === 'array')?.value;
  const shape = firstArray?.k === 'array' ? firstArray.shape : undefined;
  const written = new Set([claim.text, ...claim.steps.map((s) => s.text)].flatMap((t) => t.match(/[\p{L}_$][\p{L}\p{N}_$]*/gu) ?? []));
  const entry = shape ? resolver.entryIndices(shape, written) : [];
  const describe = (v: Value) => (v.k === 'scalar' ? 'a scalar' : isWrittenRow(v) ? `1×${showDim(v.shape[0])} (a row)` : showShape(v.shape));
  // A vector is a column and its transpose a row (docs/syntax.md): a step that is a row where the claim is a column is
  // of another shape, as a transposed matrix is (probe 58). Not in a claim about a gradient or a derivative with respect
  // to a vector, which the language lays out as a column and MML, Murphy and Magnus as a row (numerator layout): either is
  // its entries (probe 82: MML's ∂(aᵀx)/∂x = aᵀ and Murphy's (p - y)ᵀ X were refuted on their layout alone).
  const layoutFree = claim.expr.kind === 'call' && (claim.expr.name === 'grad' || claim.expr.name === 'diff');
  const crossed = (v: Value, w: Value) => !layoutFree && ((isWrittenRow(v) && isColumn(w)) || (isColumn(v) && isWrittenRow(w)));
  const toTerm = (r: { value?: Value; error?: Diagnostic }, span: Claim['span'], isHead: boolean): { term?: Term; error?: Diagnostic; offShape?: string } => {
    if (!r.value) return { error: r.error };
    const written = r.value;
    // So is a one-row matrix written out, MML's df/dx = [2 x_1 x_2 + x_2^3, x_1^2 + 3 x_1 x_2^2] set as a bmatrix row.
    const oneRow = layoutFree && shape?.length === 1 && written.k === 'array' && written.shape.length === 2
      && written.shape[0].k === 'fixed' && written.shape[0].size === 1 && sameDim(written.shape[1], shape[0]);
    // And a 1×1 product where the claim is a scalar (MML's row times column, [2 sin t, 2] [cos t; -sin t]): its entry.
    const single = scalarClaim && written.k === 'array' && written.shape.every((d) => d.k === 'fixed' && d.size === 1);
    const v: Value = single && written.k === 'array' ? scalar(written.at(written.shape.map(() => ({ k: 'lit', value: 1 }) as const)))
      : oneRow && written.k === 'array' ? array([written.shape[1]], (ix) => written.at([{ k: 'lit', value: 1 }, ix[0]]), 'row', true) : written;
    if (scalarClaim && v.k !== 'scalar') {
      return {
        error: diagnostic('shape', `this step is ${describe(v)}, but the claim is about a scalar`, scope.file, span,
          `every expression of a claim has the same shape${claim.text.includes('\u2207') || /laplacian/.test(claim.text) ? '; ∇² of a function with no variable written is its Laplacian, a scalar: for the Hessian write hessian(f, [x, y])' : ''}`),
        offShape: describe(v),
      };
    }
    // A scalar in an array claim stands for every entry (`grad(f, x) = 0`: the zero vector), as in broadcasting.
    if (shape && v.k !== 'scalar' && (v.shape.length !== shape.length || !v.shape.every((d, p) => sameDim(d, shape[p])) || crossed(v, firstArray!))) {
      return {
        error: diagnostic('shape', `${isHead ? 'the claim' : 'this step'} is ${describe(v)}, but the claim is about ${describe(firstArray!)}`, scope.file, span,
          'every expression of a claim has the same shape; compare one entry with indices (A[i, j]) when the shapes differ'),
        offShape: describe(v),
      };
    }
    try {
      return { term: v.k === 'scalar' ? v.t : v.at(entry) };
    } catch (error) {
      if (error instanceof DerivationError) return { error: error.diagnostic };
      throw error;
    }
  };
  const head = toTerm(headValue, claim.expr.span, true);
  const steps = stepValues.map((s) => ({ step: s.step, ...toTerm(s, s.step.expr.span, false) }));
  const finalize = (r: { term?: Term; error?: Diagnostic; offShape?: string }) => {
    if (!r.term) return r;
    try {
      return { term: resolver.finalize(r.term) };
    } catch (error) {
      if (error instanceof DerivationError) return { error: error.diagnostic };
      throw error;
    }
  };
  // Inputs with an interval: every expression of the claim has a value only inside it (model/intervals.ts).
  const guard = intervalGuard(scope.inputs, freeInputsOf([head, ...steps]));
  const guarded = (r: { term?: Term; error?: Diagnostic; offShape?: string }) => (r.term && guard ? { ...r, term: add(r.term, guard) } : r);
  const finalHead = finalize(guarded(head));
  const finalSteps = steps.map((s) => ({ step: s.step, ...finalize(guarded(s)) }));
  const freeIndices: FreeIndex[] = [];
  for (const name of resolver.freeIndices) {
    const dim = resolver.ranges.dimOf(`var:${name}`) ?? (resolver.affineUses.has(name) ? undefined : resolver.soleDimension());
    if (!dim) {
      const affine = resolver.affineUses.get(name);
      const error = affine ? resolver.onlyInSumsOfIndices(name, affine).diagnostic
        : diagnostic('index-range', `cannot tell which range the free index ${name} runs over`, scope.file, claim.span,
          `use ${name} to index an input, e.g. x[${name}], so its range is known`);
      const steps = finalSteps.map((s) => ({ step: s.step, term: undefined, error }));
      return { claim, head: undefined, headError: error, steps, freeIndices: [], minSizes: resolver.minSizes };
    }
    freeIndices.push({ name, dim });
  }
  return {
    claim, head: finalHead.term, headError: finalHead.error,
    ...(head.offShape ? { headOffShape: head.offShape } : {}), ...(shape ? { shape: showShape(shape) } : {}),
    steps: finalSteps.map((s, k) => ({
      step: s.step, term: s.term, error: s.error, ...(s.offShape ? { offShape: s.offShape } : {}),
      ...(stepValues[k].rangeMismatch ? { rangeMismatch: stepValues[k].rangeMismatch } : {}),
    })), freeIndices,
    minSizes: resolver.minSizes,
  };
}

/** The inputs read outside any binder of theirs by the terms resolved. */
function freeInputsOf(resolved: readonly { readonly term?: Term }[]): Set<string> {
  const names = new Set<string>();
  for (const r of resolved) if (r.term) freeInputNames(r.term, names);
  return names;
}

/**
 * A claim with no `= ...` step (a forgotten `=`) has nothing to check, and is
 * an error at its line rather than silently skipped; its names are still
 * resolved, so an unknown name in it is reported first.
 */
function claimWithoutStep(claim: Claim, scope: Scope): ModelClaim {
  const step: Step = { expr: claim.expr, relation: '=', justification: undefined, expectWrong: false, text: claim.text, span: claim.span };
  const resolved = modelClaim({ ...claim, steps: [step] }, scope);
  // A top-level comparison would have been read as a bound: this one was in parentheses.
  const inequality = claim.expr.kind === 'binary' && ['<', '<=', '>', '>='].includes(claim.expr.op);
  const error = resolved.headError ?? (inequality
    ? diagnostic('syntax', 'a claim needs at least one `= ...` step (a comparison in parentheses is a 0/1 value)', scope.file, claim.span,
      `for a bound, write it without the parentheses, claim (x^2 + 1) / 2 >= x, or claim the 0/1 value: claim ${claim.text} = 1`)
    : diagnostic('syntax', 'a claim needs at least one `= ...` step', scope.file, claim.span,
      'write = EXPRESSION after the claim, on its line or the next: the claim alone states nothing to check'));
  return { ...resolved, steps: [{ step, term: undefined, error }] };
}

/**
 * The names written in an index position anywhere in the expressions: inside brackets, as
 * an argument of delta, as a bare side of a comparison. Searched without recursion.
 */
function namesWrittenAsIndices(roots: readonly Expr[]): Set<string> {
  const out = new Set<string>();
  const stack: { e: Expr; inIndex: boolean }[] = roots.map((e) => ({ e, inIndex: false }));
  const comparisons = new Set(['<', '<=', '>', '>=', '==', '!=']);
  while (stack.length > 0) {
    const { e, inIndex } = stack.pop()!;
    if (e.kind === 'name') { if (inIndex) out.add(e.name); continue; }
    if (e.kind === 'binary') {
      const side = inIndex || comparisons.has(e.op);
      stack.push({ e: e.left, inIndex: side && (inIndex || e.left.kind === 'name') }, { e: e.right, inIndex: side && (inIndex || e.right.kind === 'name') });
    } else if (e.kind === 'unary' || e.kind === 'transpose') stack.push({ e: e.arg, inIndex });
    else if (e.kind === 'call') stack.push(...e.args.map((a) => ({ e: a, inIndex: inIndex || e.name === 'delta' })));
    else if (e.kind === 'index') stack.push(...e.indices.map((a) => ({ e: a, inIndex: true })));
    else if (e.kind === 'subscript') stack.push({ e: e.target, inIndex }, ...e.indices.map((a) => ({ e: a, inIndex: true })));
    else if (e.kind === 'array') stack.push(...e.items.map((a) => ({ e: a, inIndex })));
    else if (e.kind === 'range') stack.push(...[e.start, e.end].filter((a): a is Expr => a !== undefined).map((a) => ({ e: a, inIndex: true })));
  }
  return out;
}

/** Where a name is first written as an index in an expression (searched without recursion). */
function indexSpan(root: Expr, name: string): Span | undefined {
  const stack: Expr[] = [root];
  while (stack.length > 0) {
    const e = stack.pop()!;
    if (e.kind === 'name' && e.name === name) return e.span;
    if (e.kind === 'binary') stack.push(e.right, e.left);
    else if (e.kind === 'unary' || e.kind === 'transpose') stack.push(e.arg);
    else if (e.kind === 'call') stack.push(...[...e.args].reverse());
    else if (e.kind === 'index') stack.push(...[...e.indices].reverse());
    else if (e.kind === 'array') stack.push(...[...e.items].reverse());
  }
  return undefined;
}
