import { DerivationError, diagnostic } from '../diagnostics/index.ts';
import type { Expr, Span } from '../syntax/index.ts';
import { FUNCTIONS, isFunctionName } from './functions.ts';
import { IndexRanges } from './index-ranges.ts';
import { add, delta, div, fn, input, mul, neg, num, parseDecimal, pow, sub } from './term-builders.ts';
import type { Comparison, Dim, Index, Input, InputRef, Term } from './term.ts';

const PENDING = '\u0000pending:';

/** A `let` definition after resolution: its body with its index parameters left as variables. */
export interface LetDefinition {
  readonly name: string;
  readonly params: readonly string[];
  readonly paramDims: readonly Dim[];
  readonly body: Term;
  /** Smallest sizes the body's literal indices need; a claim that uses the definition inherits them. */
  readonly minSizes: ReadonlyMap<string, number>;
}

/** What names mean inside a derivation. */
export interface Scope {
  readonly file: string;
  readonly dims: ReadonlyMap<string, Dim>;
  readonly inputs: ReadonlyMap<string, Input>;
  readonly lets: ReadonlyMap<string, LetDefinition>;
}

/**
 * Resolves expressions of one claim (or one let body) to terms. Index variables
 * of all the expressions share one {@link IndexRanges}, since a free `i` in the
 * claim and in its steps is the same `i`. Bound indices (of `sum`) are renamed
 * to fresh names on the way in, so no substitution can ever capture them.
 */
export class Resolver {
  readonly ranges = new IndexRanges();
  /** Index variables seen free, in order of appearance. */
  readonly freeIndices: string[] = [];
  /** Smallest size each dimension symbol may take, from literal indices such as `x[3]`. */
  readonly minSizes = new Map<string, number>();
  private fresh = 0;
  private readonly pendingSums = new Map<string, { written: string; span: Span }>();

  constructor(private readonly scope: Scope, private readonly params: ReadonlySet<string> = new Set()) {}

  resolve(expr: Expr): Term {
    return this.value(expr, new Map());
  }

  private error(code: Parameters<typeof diagnostic>[0], message: string, span: Span, hint?: string): DerivationError {
    return new DerivationError(diagnostic(code, message, this.scope.file, span, hint));
  }

  private value(expr: Expr, bound: Map<string, string>): Term {
    switch (expr.kind) {
      case 'number':
        return { k: 'num', value: parseDecimal(expr.text) };
      case 'name':
        return this.name(expr.name, expr.span, bound);
      case 'index':
        return this.indexed(expr.target.name, expr.target.span, expr.indices, expr.span, bound);
      case 'unary':
        return expr.op === '-' ? neg(this.value(expr.arg, bound)) : this.value(expr.arg, bound);
      case 'transpose':
        throw this.error('unsupported', 'a transpose applies to matrices, which this version does not check yet',
          expr.span, 'write the entries with indices instead, e.g. A[j, i] for the transpose of A');
      case 'call':
        return this.call(expr.name, expr, bound);
      case 'binary': {
        const { op } = expr;
        if (op === '<' || op === '<=' || op === '>' || op === '>=' || op === '==' || op === '!=') {
          return this.comparison(op, expr.left, expr.right, bound);
        }
        if (op === '^' || op === '.^') {
          if (expr.left.kind === 'name' && expr.left.name === 'e' && !this.isDeclared('e')) {
            return fn('exp', this.value(expr.right, bound));
          }
          return pow(this.value(expr.left, bound), this.value(expr.right, bound));
        }
        const a = this.value(expr.left, bound);
        const b = this.value(expr.right, bound);
        if (op === '+') return add(a, b);
        if (op === '-') return sub(a, b);
        if (op === '*' || op === '.*') return mul(a, b);
        return div(a, b);
      }
    }
  }

  private isDeclared(name: string): boolean {
    return this.scope.inputs.has(name) || this.scope.lets.has(name) || this.scope.dims.has(name);
  }

  private name(name: string, span: Span, bound: Map<string, string>): Term {
    const given = this.scope.inputs.get(name);
    if (given) {
      if (given.dims.length > 0) {
        throw this.error('not-scalar', `${name} is a ${given.typeText}: write one entry, e.g. ${name}[i]`, span,
          `a step is a scalar equation; for the sum of the entries write sum(${name})`);
      }
      if (given.kind === 'label') {
        throw this.error('bad-index', `${name} is a label (a class index): use it as an index, e.g. x[${name}] or delta(i, ${name})`, span);
      }
      return input({ name, indices: [] });
    }
    const definition = this.scope.lets.get(name);
    if (definition) {
      if (definition.params.length > 0) {
        throw this.error('index-arity', `${name} is defined with ${definition.params.length} index${definition.params.length > 1 ? 'es' : ''}: write ${name}[${definition.params.join(', ')}]`, span);
      }
      return this.instantiate(definition, []);
    }
    if (this.scope.dims.has(name)) return { k: 'size', name };
    if (name === 'e') return fn('exp', num(1));
    if (name === 'pi') return { k: 'pi' };
    if (bound.has(name) || this.params.has(name)) {
      throw this.error('unsupported', `the index ${name} is used as a value`, span,
        'an index only selects entries (x[i]) or is compared (delta(i, k), (i != k))');
    }
    throw this.unknownName(name, span);
  }

  private unknownName(name: string, span: Span): DerivationError {
    const known = [...this.scope.inputs.keys(), ...this.scope.lets.keys(), ...this.scope.dims.keys()];
    const near = closest(name, known);
    return this.error('unknown-name', `unknown name '${name}'`, span,
      near ? `did you mean '${near}'? Otherwise declare it: given ${name}: real` : `declare it first: given ${name}: real, or let ${name} = ...`);
  }

  private indexed(name: string, nameSpan: Span, indexExprs: readonly Expr[], span: Span, bound: Map<string, string>): Term {
    const given = this.scope.inputs.get(name);
    const definition = this.scope.lets.get(name);
    if (!given && !definition) {
      if (this.scope.dims.has(name)) throw this.error('bad-index', `${name} is a dimension, not an array`, nameSpan);
      throw this.unknownName(name, nameSpan);
    }
    const dims = given ? given.dims : definition!.paramDims;
    if (dims.length !== indexExprs.length) {
      const what = given ? `${name} is a ${given.typeText}` : `${name} is defined with ${dims.length} index${dims.length === 1 ? '' : 'es'}`;
      throw this.error('index-arity', `${what}: it takes ${dims.length} index${dims.length === 1 ? '' : 'es'}, got ${indexExprs.length}`, span,
        dims.length === 0 ? `write ${name} without brackets` : `write ${name}[${dims.map((_, i) => 'ijkl'[i] ?? 'i').join(', ')}]`);
    }
    const indices = indexExprs.map((e, position) => this.index(e, dims[position], bound));
    if (given) return input({ name, indices });
    return this.instantiate(definition!, indices);
  }

  /** Reads an index expression and records which dimension it ranges over. */
  private index(expr: Expr, dim: Dim | undefined, bound: Map<string, string>): Index {
    const { base, offset } = this.indexParts(expr, bound);
    if (base.k === 'lit') {
      const value = base.value + offset;
      if (value < 1) throw this.error('index-range', `index ${value} is out of range: indices start at 1`, expr.span);
      if (dim?.k === 'fixed' && value > dim.size) {
        throw this.error('index-range', `index ${value} is out of range 1..${dim.size}`, expr.span);
      }
      if (dim?.k === 'sym') this.minSizes.set(dim.name, Math.max(this.minSizes.get(dim.name) ?? 1, value));
      return { k: 'lit', value };
    }
    if (dim) this.unify(base, dim, expr.span);
    if (base.k === 'dim') {
      if (offset > 0) throw this.error('index-range', `${base.name} + ${offset} is past the last index ${base.name}`, expr.span);
      if (offset < 0) this.minSizes.set(base.name, Math.max(this.minSizes.get(base.name) ?? 1, 1 - offset));
    }
    return { ...base, offset } as Index;
  }

  private indexParts(expr: Expr, bound: Map<string, string>): { base: Index; offset: number } {
    if (expr.kind === 'number') {
      if (!/^\d+$/.test(expr.text)) throw this.error('bad-index', `an index must be a whole number, got ${expr.text}`, expr.span);
      return { base: { k: 'lit', value: Number(expr.text) }, offset: 0 };
    }
    if (expr.kind === 'binary' && (expr.op === '+' || expr.op === '-') && expr.right.kind === 'number' && /^\d+$/.test(expr.right.text)) {
      const inner = this.indexParts(expr.left, bound);
      const step = Number(expr.right.text) * (expr.op === '+' ? 1 : -1);
      return { base: inner.base, offset: inner.offset + step };
    }
    if (expr.kind === 'name') {
      const name = expr.name;
      const renamed = bound.get(name);
      if (renamed) return { base: { k: 'var', name: renamed, offset: 0 }, offset: 0 };
      if (this.scope.dims.has(name)) {
        const dim = this.scope.dims.get(name)!;
        if (dim.k === 'fixed') return { base: { k: 'lit', value: dim.size }, offset: 0 };
        return { base: { k: 'dim', name, offset: 0 }, offset: 0 };
      }
      const given = this.scope.inputs.get(name);
      if (given) {
        if (given.kind !== 'label') {
          throw this.error('bad-index', `${name} is a ${given.typeText}, not an index`, expr.span,
            'an index is an index variable (i, j, k), a dimension (n), a label or a whole number');
        }
        return { base: { k: 'label', name, indices: [], offset: 0 }, offset: 0 };
      }
      if (this.scope.lets.has(name)) throw this.error('bad-index', `${name} is a definition, not an index`, expr.span);
      if (name === 'e' || name === 'pi') throw this.error('bad-index', `${name} is a constant, not an index`, expr.span);
      if (!this.params.has(name) && !this.freeIndices.includes(name)) this.freeIndices.push(name);
      return { base: { k: 'var', name, offset: 0 }, offset: 0 };
    }
    throw this.error('bad-index', 'an index is an index variable, a dimension, a label or a whole number, optionally plus or minus a whole number',
      expr.span, 'write x[i], x[n], x[1] or x[i + 1]');
  }

  private unify(base: Index, dim: Dim, span: Span): void {
    if (base.k === 'lit') return;
    const node = base.k === 'var' ? `var:${base.name}` : base.k === 'dim' ? `dim:${base.name}`
      : IndexRanges.dimNode(this.scope.inputs.get(base.name)!.classes!);
    this.ranges.union(node, IndexRanges.dimNode(dim), span, this.scope.file, base.name);
  }

  private instantiate(definition: LetDefinition, indices: readonly Index[]): Term {
    for (const [d, m] of definition.minSizes) this.minSizes.set(d, Math.max(this.minSizes.get(d) ?? 1, m));
    const substitution = new Map<string, Index>();
    definition.params.forEach((p, i) => substitution.set(p, indices[i]));
    // Freshen first: the definition's bound indices get names no index of the caller has.
    return substituteIndices(this.freshen(definition.body, new Map()), substitution);
  }

  /** Renames every bound index of a term to a fresh name, so inlined bodies never share one. */
  private freshen(term: Term, renames: Map<string, string>): Term {
    const idx = (i: Index): Index => (i.k === 'var' && renames.has(i.name) ? { ...i, name: renames.get(i.name)! } : i);
    const go = (t: Term): Term => this.freshen(t, renames);
    switch (term.k) {
      case 'sum': {
        const fresh = this.freshName(term.index);
        const inner = new Map(renames);
        inner.set(term.index, fresh);
        this.ranges.union(`var:${fresh}`, IndexRanges.dimNode(term.dim), undefined, this.scope.file, fresh);
        return { ...term, index: fresh, body: this.freshen(term.body, inner) };
      }
      case 'input':
        return { k: 'input', ref: { name: term.ref.name, indices: term.ref.indices.map(idx) } };
      case 'icmp':
        return { ...term, a: idx(term.a), b: idx(term.b) };
      case 'diff':
        return { k: 'diff', f: go(term.f), v: { name: term.v.name, indices: term.v.indices.map(idx) } };
      default:
        return mapChildren(term, go);
    }
  }

  private freshName(name: string): string {
    const base = name.split('#')[0];
    return `${base}#${++this.fresh}`;
  }

  private call(name: string, expr: Extract<Expr, { kind: 'call' }>, bound: Map<string, string>): Term {
    const args = expr.args;
    if (name === 'sum') return this.sum(expr, bound);
    if (name === 'delta') {
      this.expectArity(expr, 2, 'delta(i, k)');
      const a = this.index(args[0], undefined, bound);
      const b = this.index(args[1], undefined, bound);
      this.linkIndices(a, b, expr.span);
      return delta(a, b);
    }
    if (name === 'diff') {
      this.expectArity(expr, 2, 'diff(F, x[k])');
      const f = this.value(args[0], bound);
      return { k: 'diff', f, v: this.differentiationVariable(args[1], bound) };
    }
    if (isFunctionName(name)) {
      const rule = FUNCTIONS[name];
      this.expectArity(expr, rule.arity, `${name}(${['a', 'b', 'c'].slice(0, rule.arity).join(', ')})`);
      return fn(name, ...args.map((a) => this.value(a, bound)));
    }
    if (this.scope.inputs.has(name) || this.scope.lets.has(name)) {
      throw this.error('unknown-function', `${name} is not a function: write ${name}[i] for an entry`, expr.nameSpan);
    }
    const near = closest(name, [...Object.keys(FUNCTIONS), 'sum', 'delta', 'diff']);
    throw this.error('unknown-function', `unknown function '${name}'`, expr.nameSpan,
      near ? `did you mean '${near}'? The functions are listed in docs/syntax.md` : 'the functions are listed in docs/syntax.md');
  }

  private expectArity(expr: Extract<Expr, { kind: 'call' }>, arity: number, form: string): void {
    if (expr.args.length !== arity) {
      throw this.error('arity', `${expr.name} takes ${arity} argument${arity === 1 ? '' : 's'}, got ${expr.args.length}`, expr.span, `write ${form}`);
    }
  }

  private sum(expr: Extract<Expr, { kind: 'call' }>, bound: Map<string, string>): Term {
    const args = expr.args;
    if (args.length === 1 && args[0].kind === 'name' && (this.scope.inputs.get(args[0].name)?.dims.length ?? 0) === 1) {
      const given = this.scope.inputs.get(args[0].name)!;
      const fresh = this.freshName('j');
      this.ranges.union(`var:${fresh}`, IndexRanges.dimNode(given.dims[0]), expr.span, this.scope.file, fresh);
      return { k: 'sum', index: fresh, dim: given.dims[0], body: input({ name: given.name, indices: [{ k: 'var', name: fresh, offset: 0 }] }) };
    }
    if (args.length !== 2 || args[0].kind !== 'name') {
      throw this.error('arity', 'sum takes an index and an expression: sum(j, E), or one vector: sum(x)', expr.span,
        'write sum(j, exp(x[j]))');
    }
    const indexName = args[0].name;
    if (this.isDeclared(indexName)) {
      throw this.error('bad-index', `${indexName} is declared as a value, so it cannot be a summation index`, args[0].span,
        'pick an index name that is not declared, e.g. j');
    }
    const fresh = this.freshName(indexName);
    const inner = new Map(bound);
    inner.set(indexName, fresh);
    const body = this.value(args[1], inner);
    this.pendingSums.set(fresh, { written: indexName, span: args[0].span });
    // The range may only become known later in the claim; finalize() fills it in.
    return { k: 'sum', index: fresh, dim: { k: 'sym', name: PENDING + fresh }, body };
  }

  /** Fills in the ranges of sums once every expression of the claim is resolved. */
  finalize(term: Term): Term {
    const go = (t: Term): Term => {
      if (t.k === 'sum' && t.dim.k === 'sym' && t.dim.name.startsWith(PENDING)) {
        const dim = this.ranges.dimOf(`var:${t.index}`);
        if (!dim) {
          const pending = this.pendingSums.get(t.index)!;
          throw this.error('index-range', `cannot tell which range the summation index ${pending.written} runs over`, pending.span,
            `use ${pending.written} to index an input inside the sum, e.g. x[${pending.written}]`);
        }
        return { ...t, dim, body: go(t.body) };
      }
      return mapChildren(t, go);
    };
    return go(term);
  }

  private linkIndices(a: Index, b: Index, span: Span): void {
    const nodeOf = (i: Index): string | undefined => {
      if (i.k === 'var') return `var:${i.name}`;
      if (i.k === 'dim') return `dim:${i.name}`;
      if (i.k === 'label') return IndexRanges.dimNode(this.scope.inputs.get(i.name)!.classes!);
      return undefined;
    };
    const na = nodeOf(a);
    const nb = nodeOf(b);
    if (na && nb) this.ranges.union(na, nb, span, this.scope.file, a.k === 'var' ? a.name : nb);
  }

  private differentiationVariable(expr: Expr, bound: Map<string, string>): InputRef {
    const name = expr.kind === 'name' ? expr.name : expr.kind === 'index' ? expr.target.name : undefined;
    const given = name === undefined ? undefined : this.scope.inputs.get(name);
    if (name === undefined || !given) {
      const isLet = name !== undefined && this.scope.lets.has(name);
      throw this.error('unsupported', isLet
        ? `diff differentiates with respect to an input; ${name} is defined by let`
        : 'diff differentiates with respect to an input entry such as x[k] or t', expr.span,
      'differentiate with respect to a given, e.g. diff(L, x[k]); for a chain rule through a definition, write the chain explicitly');
    }
    if (given.kind === 'label' || given.kind === 'onehot') {
      throw this.error('unsupported', `${name} is a ${given.typeText}: its values are discrete, so it has no derivative`, expr.span);
    }
    const term = this.value(expr, bound);
    if (term.k !== 'input') throw this.error('unsupported', 'diff needs one input entry as its second argument', expr.span);
    return term.ref;
  }

  private comparison(op: Comparison, left: Expr, right: Expr, bound: Map<string, string>): Term {
    const isIndexVariable = (e: Expr): boolean => e.kind === 'name' && !this.scope.dims.has(e.name) ||
      (e.kind === 'binary' && isIndexVariable(e.left));
    if (this.looksLikeIndex(left, bound) && this.looksLikeIndex(right, bound) && (isIndexVariable(left) || isIndexVariable(right))) {
      const a = this.index(left, undefined, bound);
      const b = this.index(right, undefined, bound);
      this.linkIndices(a, b, left.span);
      return { k: 'icmp', op, a, b };
    }
    return { k: 'cmp', op, a: this.value(left, bound), b: this.value(right, bound) };
  }

  private looksLikeIndex(expr: Expr, bound: Map<string, string>): boolean {
    if (expr.kind === 'number') return /^\d+$/.test(expr.text);
    if (expr.kind === 'binary' && (expr.op === '+' || expr.op === '-')) return this.looksLikeIndex(expr.left, bound) && expr.right.kind === 'number';
    if (expr.kind !== 'name') return false;
    if (bound.has(expr.name) || this.params.has(expr.name)) return true;
    const given = this.scope.inputs.get(expr.name);
    if (given) return given.kind === 'label';
    // A dimension symbol is index-like too: `(i != n)` compares an index with the last one.
    return !this.scope.lets.has(expr.name) && expr.name !== 'e' && expr.name !== 'pi';
  }
}

/** Replaces free index variables by indices; offsets add up (`i + 1` with i := k - 1 is k). */
export function substituteIndices(term: Term, substitution: ReadonlyMap<string, Index>): Term {
  if (substitution.size === 0) return term;
  const idx = (i: Index): Index => {
    if (i.k === 'var' && substitution.has(i.name)) {
      const s = substitution.get(i.name)!;
      if (s.k === 'lit') return { k: 'lit', value: s.value + i.offset };
      return { ...s, offset: s.offset + i.offset } as Index;
    }
    if (i.k === 'label') return { ...i, indices: i.indices.map(idx) };
    return i;
  };
  const go = (t: Term): Term => {
    switch (t.k) {
      case 'input':
        return { k: 'input', ref: { name: t.ref.name, indices: t.ref.indices.map(idx) } };
      case 'icmp':
        return { ...t, a: idx(t.a), b: idx(t.b) };
      case 'diff':
        return { k: 'diff', f: go(t.f), v: { name: t.v.name, indices: t.v.indices.map(idx) } };
      case 'sum': {
        if (!substitution.has(t.index)) return { ...t, body: go(t.body) };
        const inner = new Map(substitution);
        inner.delete(t.index);
        return { ...t, body: substituteIndices(t.body, inner) };
      }
      default:
        return mapChildren(t, go);
    }
  };
  return go(term);
}

/** Rebuilds a term with `f` applied to each direct child term (indices untouched). */
export function mapChildren(t: Term, f: (child: Term) => Term): Term {
  switch (t.k) {
    case 'add': return { k: 'add', terms: t.terms.map(f) };
    case 'mul': return { k: 'mul', factors: t.factors.map(f) };
    case 'pow': return { k: 'pow', base: f(t.base), exponent: f(t.exponent) };
    case 'fn': return { k: 'fn', name: t.name, args: t.args.map(f) };
    case 'sum': return { ...t, body: f(t.body) };
    case 'cmp': return { ...t, a: f(t.a), b: f(t.b) };
    case 'diff': return { ...t, f: f(t.f) };
    default: return t;
  }
}

/** The known name nearest to a misspelt one, if any is close (edit distance ≤ 2). */
function closest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    const d = editDistance(name, candidate);
    if (d < bestDistance) { best = candidate; bestDistance = d; }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}
