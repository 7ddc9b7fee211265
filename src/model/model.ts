import { DerivationError, diagnostic, type Diagnostic } from '../diagnostics/index.ts';
import type { Claim, Derivation, Step } from '../syntax/index.ts';
import { Resolver, type LetDefinition, type Scope } from './resolve.ts';
import type { Dim, FreeIndex, Input, Term } from './term.ts';
import { resolveType } from './types.ts';

/** A step with its resolved term, or the reason it cannot be checked. */
export interface ModelStep {
  readonly step: Step;
  readonly term: Term | undefined;
  readonly error: Diagnostic | undefined;
}

export interface ModelClaim {
  readonly claim: Claim;
  readonly head: Term | undefined;
  readonly headError: Diagnostic | undefined;
  readonly steps: readonly ModelStep[];
  /** The claim must hold for every value of these. */
  readonly freeIndices: readonly FreeIndex[];
  /** The smallest size each dimension symbol may take in this claim (a literal `x[3]` needs n ≥ 3). */
  readonly minSizes: ReadonlyMap<string, number>;
}

/** A derivation with every name resolved and every index range known. */
export interface Model {
  readonly derivation: Derivation;
  readonly inputs: readonly Input[];
  /** The dimension symbols, in order of declaration. */
  readonly dims: readonly string[];
  readonly claims: readonly ModelClaim[];
}

/**
 * Resolves a parsed derivation. A broken `given` or `let` makes the whole
 * derivation unusable and throws; a broken step only makes that step an error.
 */
export function buildModel(derivation: Derivation): Model {
  const file = derivation.file;
  const dims = new Map<string, Dim>();
  const inputs = new Map<string, Input>();
  const lets = new Map<string, LetDefinition>();
  const scope: Scope = { file, dims, inputs, lets };
  const claims: ModelClaim[] = [];
  const taken = (name: string) => inputs.has(name) || lets.has(name) || dims.has(name) || name === 'e' || name === 'pi';

  for (const statement of derivation.statements) {
    if (statement.kind === 'given') {
      const type = resolveType(statement.type, file);
      for (const d of [...type.dims, ...(type.classes ? [type.classes] : [])]) {
        if (d.k !== 'sym') continue;
        if (inputs.has(d.name) || lets.has(d.name)) {
          throw new DerivationError(diagnostic('duplicate-name', `${d.name} is already declared as a value, so it cannot be a dimension`, file,
            statement.type.span, 'use another letter for the dimension'));
        }
        if (!dims.has(d.name)) dims.set(d.name, d);
      }
      for (const { name, span } of statement.names) {
        if (taken(name)) {
          throw new DerivationError(diagnostic('duplicate-name', `${name} is already declared`, file, span, 'each name is declared once'));
        }
        const typeText = statement.type.dims.length > 0
          ? `${statement.type.name}[${statement.type.dims.map((d) => d.text).join(', ')}]` : statement.type.name;
        inputs.set(name, { name, kind: type.kind, dims: type.dims, classes: type.classes, typeText });
      }
    } else if (statement.kind === 'let') {
      if (taken(statement.name)) {
        throw new DerivationError(diagnostic('duplicate-name', `${statement.name} is already declared`, file, statement.nameSpan,
          'each name is declared once; pick another name for this definition'));
      }
      const params = statement.params.map((p) => p.name);
      const resolver = new Resolver(scope, new Set(params));
      const body = resolver.finalize(resolver.resolve(statement.body));
      const paramDims = statement.params.map((p) => {
        const dim = resolver.ranges.dimOf(`var:${p.name}`);
        if (!dim) {
          throw new DerivationError(diagnostic('index-range', `cannot tell which range the index ${p.name} of ${statement.name} runs over`,
            file, p.span, `use ${p.name} to index an input in the definition, e.g. x[${p.name}]`));
        }
        return dim;
      });
      lets.set(statement.name, { name: statement.name, params, paramDims, body, minSizes: resolver.minSizes });
    } else {
      claims.push(modelClaim(statement, scope));
    }
  }
  return { derivation, inputs: [...inputs.values()], dims: [...dims.keys()].filter((d) => dims.get(d)!.k === 'sym'), claims };
}

function modelClaim(claim: Claim, scope: Scope): ModelClaim {
  const resolver = new Resolver(scope);
  const attempt = (expr: Claim['expr']): { term?: Term; error?: Diagnostic } => {
    try {
      return { term: resolver.resolve(expr) };
    } catch (error) {
      if (error instanceof DerivationError) return { error: error.diagnostic };
      throw error;
    }
  };
  const head = attempt(claim.expr);
  const steps = claim.steps.map((step) => ({ step, ...attempt(step.expr) }));
  const finalize = (r: { term?: Term; error?: Diagnostic }) => {
    if (!r.term) return r;
    try {
      return { term: resolver.finalize(r.term) };
    } catch (error) {
      if (error instanceof DerivationError) return { error: error.diagnostic };
      throw error;
    }
  };
  const finalHead = finalize(head);
  const finalSteps = steps.map((s) => ({ step: s.step, ...finalize(s) }));
  const freeIndices: FreeIndex[] = [];
  for (const name of resolver.freeIndices) {
    const dim = resolver.ranges.dimOf(`var:${name}`);
    if (!dim) {
      const error = diagnostic('index-range', `cannot tell which range the free index ${name} runs over`, scope.file, claim.span,
        `use ${name} to index an input, e.g. x[${name}], so its range is known`);
      const steps = finalSteps.map((s) => ({ step: s.step, term: undefined, error }));
      return { claim, head: undefined, headError: error, steps, freeIndices: [], minSizes: resolver.minSizes };
    }
    freeIndices.push({ name, dim });
  }
  return {
    claim, head: finalHead.term, headError: finalHead.error,
    steps: finalSteps.map((s) => ({ step: s.step, term: s.term, error: s.error })), freeIndices,
    minSizes: resolver.minSizes,
  };
}
