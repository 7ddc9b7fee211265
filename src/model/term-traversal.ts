import type { Index, IndexTerm, Term } from './term.ts';
import { children } from './term-size.ts';

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
    if (i.k === 'affine' && i.terms.some((t) => !t.dim && substitution.has(t.name))) return substituteAffine(i, substitution);
    return i;
  };
  const go = (t: Term): Term => {
    switch (t.k) {
      case 'input':
        return { k: 'input', ref: { name: t.ref.name, indices: t.ref.indices.map(idx) } };
      case 'icmp':
        return { ...t, a: idx(t.a), b: idx(t.b) };
      case 'ival':
        return { k: 'ival', index: idx(t.index) };
      case 'diff':
        return { k: 'diff', f: go(t.f), v: { name: t.v.name, indices: t.v.indices.map(idx) } };
      case 'sum': case 'reduce': case 'series': {
        if (substitution.has(t.index)) {
          const inner = new Map(substitution);
          inner.delete(t.index);
          return { ...t, body: substituteIndices(t.body, inner) };
        }
        // A bound index named like an index put in would capture it (a let's own sum over j, put
        // where the claim's j stands): the bound index is renamed first.
        if (!inserted().has(t.index)) return { ...t, body: go(t.body) };
        const fresh = freshIndexName(t.index, t.body, new Set([...inserted(), ...substitution.keys()]));
        return { ...t, index: fresh, body: go(substituteIndices(t.body, new Map([[t.index, { k: 'var', name: fresh, offset: 0 }]]))) };
      }
      default:
        return mapChildren(t, go);
    }
  };
  let names: Set<string> | undefined;
  const inserted = () => (names ??= new Set([...substitution.values()].flatMap(indexVariables)));
  return go(term);
}

/** The index variables an index position reads. */
function indexVariables(i: Index): string[] {
  switch (i.k) {
    case 'var': return [i.name];
    case 'affine': return i.terms.filter((t) => !t.dim).map((t) => t.name);
    case 'label': return i.indices.flatMap(indexVariables);
    default: return [];
  }
}

/** `base` followed by the first number that makes a name neither in `avoid` nor used in `body`. */
function freshIndexName(base: string, body: Term, avoid: ReadonlySet<string>): string {
  const used = new Set(avoid);
  const visit = (t: Term): Term => {
    if (isBinder(t)) used.add(t.index);
    const indices = t.k === 'input' ? t.ref.indices : t.k === 'icmp' ? [t.a, t.b] : t.k === 'ival' ? [t.index] : t.k === 'diff' ? t.v.indices : [];
    for (const i of indices) for (const name of indexVariables(i)) used.add(name);
    return mapChildren(t, visit);
  };
  visit(body);
  for (let n = 2; ; n++) if (!used.has(`${base}${n}`)) return `${base}${n}`;
}

/** Whether a term binds an index of its own: a sum, a reduction or a series. */
export function isBinder(t: Term): t is Extract<Term, { k: 'sum' | 'reduce' | 'series' }> {
  return t.k === 'sum' || t.k === 'reduce' || t.k === 'series';
}

/**
 * A term with scalar inputs read as the given terms, where they are free: an
 * integral over t binds t in its body, and t is left there. For a term free of
 * derivatives (a value put in under diff would move its variable).
 */
export function substituteScalarInputs(t: Term, values: ReadonlyMap<string, Term>): Term {
  if (t.k === 'input' && t.ref.indices.length === 0) return values.get(t.ref.name) ?? t;
  if (t.k === 'integral' || t.k === 'limit') refuseCapture(t, values);
  if (t.k === 'integral' && values.has(t.v)) {
    const inner = new Map(values);
    inner.delete(t.v);
    const lower = t.lower === undefined ? undefined : substituteScalarInputs(t.lower, values);
    const upper = t.upper === undefined ? undefined : substituteScalarInputs(t.upper, values);
    return { k: 'integral', v: t.v, ...(lower ? { lower } : {}), ...(upper ? { upper } : {}), body: inner.size === 0 ? t.body : substituteScalarInputs(t.body, inner) };
  }
  if (t.k === 'limit' && values.has(t.v)) {
    const inner = new Map(values);
    inner.delete(t.v);
    const at = t.at === undefined ? undefined : substituteScalarInputs(t.at, values);
    return { k: 'limit', v: t.v, ...(at ? { at } : {}), side: t.side, body: inner.size === 0 ? t.body : substituteScalarInputs(t.body, inner) };
  }
  return mapChildren(t, (c) => substituteScalarInputs(c, values));
}

/**
 * A value put in for an input read inside an integral or a limit over t must not read t itself: there it would
 * be the variable, not the input (f(u) = integral(s, 0, 1, s u) at u = s is s/2, not 1/3).
 */
function refuseCapture(t: Extract<Term, { k: 'integral' | 'limit' }>, values: ReadonlyMap<string, Term>): void {
  for (const [name, value] of values) {
    if (name !== t.v && reads(t.body, name) && reads(value, t.v)) throw new CapturedVariable(name, t.v, t.k);
  }
}

/** Whether a term reads the input `name` anywhere (a scalar input: the names substituted here). */
function reads(t: Term, name: string): boolean {
  if (t.k === 'input') return t.ref.name === name;
  if (t.k === 'diff' && t.v.name === name) return true;
  return children(t).some((c) => reads(c, name));
}

/** A substitution that would put a value reading an integral's or a limit's variable inside it (see {@link substituteScalarInputs}). */
export class CapturedVariable extends Error {
  constructor(readonly argument: string, readonly variable: string, readonly binder: 'integral' | 'limit') {
    super(`a value put in for ${argument} reads ${variable}, the variable of a ${binder} it would be put inside`);
  }
}

/**
 * A term with array inputs read as given arrays: each entry `w[i]` is `entries.get('w')`
 * at i. For a diff-free term (a value put in under diff would move its variable).
 */
export function substituteArrayInputs(t: Term, entries: ReadonlyMap<string, { readonly at: (indices: readonly Index[]) => Term }>): Term {
  if (t.k === 'input') {
    const value = entries.get(t.ref.name);
    return value === undefined || t.ref.indices.length === 0 ? t : value.at(t.ref.indices);
  }
  return mapChildren(t, (c) => substituteArrayInputs(c, entries));
}

/** Rebuilds a term with `f` applied to each direct child term (indices untouched). */
export function mapChildren(t: Term, f: (child: Term) => Term): Term {
  switch (t.k) {
    case 'add': return { k: 'add', terms: t.terms.map(f) };
    case 'mul': return { k: 'mul', factors: t.factors.map(f) };
    case 'pow': return { k: 'pow', base: f(t.base), exponent: f(t.exponent) };
    case 'fn': return { k: 'fn', name: t.name, args: t.args.map(f) };
    case 'sum': return { ...t, body: f(t.body) };
    case 'reduce': return { ...t, body: f(t.body) };
    case 'series': return { ...t, body: f(t.body) };
    case 'integral': {
      const lower = t.lower === undefined ? undefined : f(t.lower);
      const upper = t.upper === undefined ? undefined : f(t.upper);
      return { k: 'integral', v: t.v, ...(lower ? { lower } : {}), ...(upper ? { upper } : {}), body: f(t.body) };
    }
    case 'limit': {
      const at = t.at === undefined ? undefined : f(t.at);
      return { k: 'limit', v: t.v, ...(at ? { at } : {}), side: t.side, body: f(t.body) };
    }
    case 'extremum': return { ...t, terms: t.terms.map(f) };
    case 'cmp': return { ...t, a: f(t.a), b: f(t.b) };
    case 'diff': return { ...t, f: f(t.f) };
    case 'apply': return { ...t, args: t.args.map(f) };
    default: return t;
  }
}

/**
 * An affine position after substitution, normalised: a literal when nothing
 * variable is left, a plain variable or dimension when one part of coefficient 1 is.
 */
function substituteAffine(i: Extract<Index, { k: 'affine' }>, substitution: ReadonlyMap<string, Index>): Index {
  const parts = new Map<string, IndexTerm>();
  let offset = i.offset;
  const addPart = (name: string, coef: number, dim: boolean) => {
    const key = `${dim ? 'dim' : 'var'}:${name}`;
    const next = (parts.get(key)?.coef ?? 0) + coef;
    parts.set(key, { name, coef: next, ...(dim ? { dim: true as const } : {}) });
  };
  for (const t of i.terms) {
    const s = t.dim ? undefined : substitution.get(t.name);
    if (s === undefined) { addPart(t.name, t.coef, t.dim === true); continue; }
    switch (s.k) {
      case 'lit': offset += t.coef * s.value; break;
      case 'var': addPart(s.name, t.coef, false); offset += t.coef * s.offset; break;
      case 'dim': addPart(s.name, t.coef, true); offset += t.coef * s.offset; break;
      case 'affine': for (const u of s.terms) addPart(u.name, t.coef * u.coef, u.dim === true); offset += t.coef * s.offset; break;
      case 'label': throw new LabelInSumOfIndices(s.name);
    }
  }
  return indexPosition([...parts.values()], offset);
}

/**
 * The index position of parts and a whole offset, normalised: a literal when no part is left, a plain
 * variable or dimension when one part of coefficient 1 is, else affine.
 */
export function indexPosition(parts: readonly IndexTerm[], offset: number): Index {
  const terms = parts.filter((t) => t.coef !== 0);
  if (terms.length === 0) return { k: 'lit', value: offset };
  if (terms.length === 1 && terms[0].coef === 1) return { k: terms[0].dim ? 'dim' : 'var', name: terms[0].name, offset };
  return { k: 'affine', terms, offset };
}

/** A label put where an affine position holds a variable (y[c] for y[i] = x[i + j - 1]): the term language cannot hold c + j - 1. */
export class LabelInSumOfIndices extends Error {
  override readonly name = 'LabelInSumOfIndices';
  constructor(readonly label: string) {
    super(`the label ${label} cannot stand in a sum of indices`);
  }
}

/**
 * Reads the inputs that stand for a `let` (Input.definedBy) as their definitions:
 * once a derivative with respect to one is taken, `z2[k]` is `(W2 * a1 + b2)[k]`
 * again. The exact engines compare the sides in the inputs that are drawn.
 */
export function withDefinedInputs(term: Term, inputs: readonly { readonly name: string; readonly definedBy?: { readonly params: readonly string[]; readonly body: Term } }[]): Term {
  const defined = new Map(inputs.filter((i) => i.definedBy !== undefined).map((i) => [i.name, i.definedBy!]));
  if (defined.size === 0) return term;
  // The let was resolved apart from the claim: its sum over k#1 may land inside the claim's own sum over k#1.
  // Substitution never lets it capture an index; the shadowing that is left, withUniqueBinders undoes where it matters.
  const go = (t: Term): Term => {
    if (t.k === 'input') {
      const definition = defined.get(t.ref.name);
      if (definition === undefined) return t;
      return substituteIndices(definition.body, new Map(definition.params.map((p, i) => [p, t.ref.indices[i]])));
    }
    return mapChildren(t, go);
  };
  return go(term);
}

/**
 * The term with no bound index shadowing an enclosing one (a sum over k#1 inside another
 * sum over k#1): the numeric engines keep one slot per index name, and an inner loop would
 * overwrite the outer one's value. The same term where nothing shadows (the usual case:
 * the resolver names every sum afresh).
 */
export function withUniqueBinders(term: Term): Term {
  if (!shadows(term, new Set())) return term;
  let count = 0;
  const go = (t: Term, enclosing: ReadonlySet<string>): Term => {
    if (!isBinder(t)) return mapChildren(t, (c) => go(c, enclosing));
    if (!enclosing.has(t.index)) return { ...t, body: go(t.body, new Set([...enclosing, t.index])) };
    const name = `${t.index.split('#')[0]}#u${++count}`;
    const body = substituteIndices(t.body, new Map([[t.index, { k: 'var', name, offset: 0 }]]));
    return { ...t, index: name, body: go(body, new Set([...enclosing, name])) };
  };
  return go(term, new Set());
}

function shadows(t: Term, enclosing: ReadonlySet<string>): boolean {
  if (!hasBinder(t)) return false;
  if (isBinder(t)) return enclosing.has(t.index) || shadows(t.body, new Set([...enclosing, t.index]));
  return children(t).some((c) => shadows(c, enclosing));
}

const binderInside = new WeakMap<Term, boolean>();

/**
 * Whether a sum (or another binder) is somewhere in the term; remembered by
 * identity, so a side that shares its subterms (a derivative does) is walked
 * once per distinct node, not once per place it appears.
 */
function hasBinder(t: Term): boolean {
  let known = binderInside.get(t);
  if (known === undefined) {
    known = isBinder(t) || children(t).some(hasBinder);
    binderInside.set(t, known);
  }
  return known;
}
