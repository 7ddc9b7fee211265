import { printIndex, printTerm, type Index, type LetDefinition, type Term } from '../model/index.ts';
import type { AtomTable, Canonicalizer } from './canonical.ts';
import { Budget, Rational, RationalFunction } from './exact/index.ts';

/**
 * How the two sides of a wrong step differ, the way a teacher would say it. The
 * kinds are tried in this order, and each is stated in the derivation's own
 * names where the step's own terms allow:
 * - `zero`: one side is 0 and the other is not;
 * - `constant-factor`: "the sides differ by a factor -1 (a sign error)", "a factor 1/N";
 * - `factor`: "the right side is the left side divided by p * (1 - p)";
 * - `term`: "the right side is the left side plus 2 * s[k]";
 * - `residual`: `lhs - rhs = …`, the last resort.
 */
export type ExplanationKind = 'zero' | 'constant-factor' | 'factor' | 'term' | 'residual';

export interface Explanation {
  readonly kind: ExplanationKind;
  readonly text: string;
}

/** What lets an explanation speak the derivation's names: the sides as terms, the definitions, the canonicalizer of the sides. */
export interface NamingContext {
  readonly rhs: Term;
  readonly definitions: readonly LetDefinition[];
  readonly canonical: Canonicalizer;
}

/** The shortest true sentence about how the sides differ: a factor, a constant, or the difference itself. */
export function explainDifference(left: RationalFunction, right: RationalFunction, difference: RationalFunction, atoms: AtomTable, budget: Budget): string {
  return explain(left, right, difference, atoms, budget).text;
}

/** A term this long is no longer a phrase a reader takes in at once. */
const PHRASE_LENGTH = 60;
/** Candidate subterms tried as a factor or an extra term: the step's own, a few dozen at most. */
const MAX_CANDIDATES = 40;
/** Beyond this many characters the right side is searched for no factor or term (the suite's longest step is 180). */
const MAX_STEP_TEXT = 600;

/**
 * {@link explainDifference} with its kind, and with `context` the factor and term
 * kinds in the step's own words: a subterm of the right side that the sides
 * differ by (as a factor or as an added term), printed with `let` names folded back.
 */
export function explain(
  left: RationalFunction, right: RationalFunction, difference: RationalFunction, atoms: AtomTable, budget: Budget, context?: NamingContext,
): Explanation {
  const name = (id: number) => atoms.name(id);
  const constant = (f: RationalFunction): Rational | undefined => {
    if (f.denominatorFactors().length > 0) return undefined;
    const c = f.numerator(budget).constantValue();
    return c?.div(f.denominatorConstant());
  };
  if (left.isZero()) return { kind: 'zero', text: 'the expression above is 0, but this step is not' };
  if (right.isZero()) return { kind: 'zero', text: 'this step is 0, but the expression above is not' };
  const quotient = left.div(right, budget);
  const ratio = constant(quotient);
  if (ratio !== undefined) {
    // A factor that only rounds to a number (10^400 + 1 against 10^400: "about 1.00000e0") says less than the constant
    // the sides differ by, where that one is written exactly (probe 58).
    const shift = readable(ratio).startsWith('about') ? constant(difference) : undefined;
    if (shift !== undefined && !readable(shift).startsWith('about')) return { kind: 'term', text: `the sides differ by the constant ${readable(shift)}` };
    return { kind: 'constant-factor', text: ratio.equals(Rational.of(-1)) ? 'the sides differ by a factor -1 (a sign error)' : `the sides differ by a factor ${readable(ratio)}` };
  }
  // A factor made of sizes alone (1/N, a batch size divided twice) is still a factor.
  if ([...quotient.variables()].every((id) => atoms.sizeAtoms.has(id))) return { kind: 'constant-factor', text: `the sides differ by a factor ${quotient.toString(name)}` };
  if (context) {
    let found: Explanation | undefined;
    try {
      found = ownWords(left, right, context, budget);
    } catch {
      // A budget ran out while looking for words: the plainer kinds below still hold.
    }
    if (found) return found;
  }
  const c = constant(difference);
  if (c !== undefined) return { kind: 'term', text: `the sides differ by the constant ${readable(c)}` };
  const shift = right.sub(left, budget);
  if (shift.denominatorFactors().length === 0 && shift.numerator(budget).termCount() <= 2) {
    const text = shift.toString(name);
    if (text.length <= PHRASE_LENGTH) return { kind: 'term', text: plusText(text) };
  }
  return { kind: 'residual', text: `lhs - rhs = ${difference.toString(name)}` };
}

/** Digits past which a fraction in a message is shown in scientific notation. */
const READABLE_DIGITS = 24;

/**
 * A rational as a message shows it: exact while short (`-1/2`), else in scientific
 * notation, exact where it is (`1e-1000`) and to six digits where not (`1 + 1e-300` is
 * `about 1.00000e0`), so a 1000-digit denominator is not a paragraph.
 *
 * @example readable(Rational.of(1n, 10n ** 1000n)) === '1e-1000'
 */
export function readable(r: Rational): string {
  const digits = (x: bigint) => (x < 0n ? -x : x).toString().length;
  if (digits(r.num) <= READABLE_DIGITS && digits(r.den) <= READABLE_DIGITS) return r.toString();
  const negative = r.num < 0n;
  const num = negative ? -r.num : r.num;
  // 10^exponent <= |r| < 10^(exponent + 1), then |r| / 10^(exponent - 5) rounded: six significant digits.
  let exponent = digits(num) - digits(r.den);
  const below = (e: number): boolean => (e >= 0 ? num < r.den * 10n ** BigInt(e) : num * 10n ** BigInt(-e) < r.den);
  if (below(exponent)) exponent--;
  const rounded = (e: number): { six: bigint; exact: boolean } => {
    const top = e >= 0 ? num : num * 10n ** BigInt(-e);
    const bottom = e >= 0 ? r.den * 10n ** BigInt(e) : r.den;
    return { six: (2n * top + bottom) / (2n * bottom), exact: top % bottom === 0n };
  };
  let { six, exact } = rounded(exponent - 5);
  if (six >= 1_000_000n) ({ six, exact } = rounded(++exponent - 5));
  const text = exact ? six.toString().replace(/0+$/, '') : six.toString();
  const mantissa = text.length === 1 ? text : `${text[0]}.${text.slice(1)}`;
  return `${exact ? '' : 'about '}${negative ? '-' : ''}${mantissa}e${exponent}`;
}

/**
 * `the right side is the left side plus 2*t[n] - 2*t[n]*s[n]` for right - left
 * printed as a sum: positive terms first, and `minus …` when every term is negative.
 *
 * @example plusText('-s[k] + 1') === 'the right side is the left side plus 1 - s[k]'
 */
export function plusText(text: string): string {
  const terms = signedTerms(text);
  if (terms.every((t) => t.negative)) return `the right side is the left side minus ${joinTerms(terms.map((t) => ({ ...t, negative: false })))}`;
  return `the right side is the left side plus ${joinTerms([...terms.filter((t) => !t.negative), ...terms.filter((t) => t.negative)])}`;
}

/** The top-level terms of a printed sum, each with its sign. */
function signedTerms(text: string): Array<{ negative: boolean; body: string }> {
  const out: Array<{ negative: boolean; body: string }> = [];
  let depth = 0;
  let start = 0;
  let negative = false;
  if (text.startsWith('-')) { negative = true; start = 1; }
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (depth === 0 && (text.startsWith(' + ', i) || text.startsWith(' - ', i))) {
      out.push({ negative, body: text.slice(start, i) });
      negative = text[i + 1] === '-';
      start = i + 3;
      i += 2;
    }
  }
  out.push({ negative, body: text.slice(start) });
  return out;
}

function joinTerms(terms: ReadonlyArray<{ negative: boolean; body: string }>): string {
  return terms.map((t, n) => (n === 0 ? (t.negative ? `-${t.body}` : t.body) : `${t.negative ? ' - ' : ' + '}${t.body}`)).join('');
}

/**
 * A subterm S of the right side such that right = left * S, right = left / S or
 * right = left + S (or left - S), printed in the derivation's names.
 */
function ownWords(left: RationalFunction, right: RationalFunction, context: NamingContext, budget: Budget): Explanation | undefined {
  // A step too long to read has no subterm a reader would take as "the" factor.
  if (printTerm(context.rhs).length > MAX_STEP_TEXT) return undefined;
  const candidates = subterms(context.rhs).slice(0, MAX_CANDIDATES);
  const forms: Array<{ term: Term; form: RationalFunction }> = [];
  for (const term of candidates) {
    try {
      const form = context.canonical.of(term);
      if (form.variables().size > 0) forms.push({ term, form });
    } catch {
      // A subterm the canonical form cannot take alone (a sum's body, with its index unbound): not a candidate.
    }
  }
  const text = (t: Term) => printTerm(foldDefinitions(t, context.definitions));
  const fits = (t: Term) => text(t).length <= PHRASE_LENGTH;
  const inverse = (t: Term) => t.k === 'pow' && t.exponent.k === 'num' && t.exponent.value.num === -1n && t.exponent.value.den === 1n;
  for (const { term, form } of forms) {
    // `times 1 / B` reads as `divided by B`, and B is a candidate of its own.
    if (!fits(term) || inverse(term)) continue;
    if (left.mul(form, budget).sub(right, budget).isZero()) return { kind: 'factor', text: `the right side is the left side times ${text(term)}` };
    if (right.mul(form, budget).sub(left, budget).isZero()) return { kind: 'factor', text: `the right side is the left side divided by ${text(term)}` };
  }
  for (const { term, form } of forms) {
    if (!fits(term)) continue;
    if (left.add(form, budget).sub(right, budget).isZero()) return { kind: 'term', text: `the right side is the left side plus ${text(term)}` };
    if (left.sub(form, budget).sub(right, budget).isZero()) return { kind: 'term', text: `the right side is the left side minus ${text(term)}` };
  }
  return undefined;
}

/** The proper subterms of a term worth naming, largest first (a whole product before its factors). */
function subterms(t: Term): Term[] {
  const out: Term[] = [];
  const seen = new Set<string>();
  const visit = (u: Term, top: boolean): void => {
    if (u.k === 'num' || u.k === 'pi') return;
    const key = printTerm(u);
    if (!top && !seen.has(key)) {
      seen.add(key);
      out.push(u);
      // The inverse of a denominator is its base: `/ (p * (1 - p))` offers p * (1 - p) too.
      if (u.k === 'pow' && u.exponent.k === 'num' && u.exponent.value.num === -1n && u.exponent.value.den === 1n) visit(u.base, false);
    }
    switch (u.k) {
      case 'add': u.terms.forEach((x) => visit(x, false)); break;
      case 'mul': u.factors.forEach((x) => visit(x, false)); break;
      case 'pow': visit(u.base, false); break;
      default: break;
    }
  };
  visit(t, true);
  return out;
}

/**
 * The term with each instance of a `let` body written as the let's name again:
 * `sigmoid(z) * (1 - sigmoid(z))` is `p * (1 - p)` after `let p = sigmoid(z)`,
 * and `exp(x[k]) / sum(j, exp(x[j]))` is `s[k]` after `let s[i] = …`.
 *
 * @example printTerm(foldDefinitions(term, model.definitions))
 */
export function foldDefinitions(t: Term, definitions: readonly LetDefinition[]): Term {
  for (const d of definitions) {
    if (d.isArray || d.body.k === 'input' || d.body.k === 'num') continue;
    const params = new Map<string, Index>();
    if (matches(d.body, t, new Set(d.params), params, new Map())) {
      return { k: 'input', ref: { name: d.name, indices: d.params.map((p) => params.get(p) ?? { k: 'var', name: p, offset: 0 }) } };
    }
  }
  switch (t.k) {
    case 'add': return { k: 'add', terms: t.terms.map((x) => foldDefinitions(x, definitions)) };
    case 'mul': {
      const folded = foldFactors(t.factors, definitions);
      return folded.length === 1 ? folded[0] : { k: 'mul', factors: folded.map((x) => foldDefinitions(x, definitions)) };
    }
    case 'pow': return { k: 'pow', base: foldDefinitions(t.base, definitions), exponent: foldDefinitions(t.exponent, definitions) };
    case 'fn': return { k: 'fn', name: t.name, args: t.args.map((x) => foldDefinitions(x, definitions)) };
    case 'sum': case 'reduce': return { ...t, body: foldDefinitions(t.body, definitions) };
    case 'extremum': return { ...t, terms: t.terms.map((x) => foldDefinitions(x, definitions)) };
    case 'cmp': return { ...t, a: foldDefinitions(t.a, definitions), b: foldDefinitions(t.b, definitions) };
    case 'apply': return { ...t, args: t.args.map((x) => foldDefinitions(x, definitions)) };
    default: return t;
  }
}

/**
 * A product's factors with each definition whose body is a product (`exp(x[i]) / sum(…)`)
 * found among them, in any order, replaced by the definition's name: `2 * exp(x[k]) * (…)^-1` is `2 * s[k]`.
 */
function foldFactors(factors: readonly Term[], definitions: readonly LetDefinition[]): Term[] {
  let rest = [...factors];
  for (const d of definitions) {
    if (d.isArray || d.body.k !== 'mul') continue;
    const body = d.body;
    for (;;) {
      const params = new Map<string, Index>();
      const used = new Set<number>();
      const ok = body.factors.every((p) => {
        const n = rest.findIndex((f, k) => {
          if (used.has(k)) return false;
          // A failed try must not leave its bindings behind.
          const trial = new Map(params);
          if (!matches(p, f, new Set(d.params), trial, new Map())) return false;
          for (const [key, value] of trial) params.set(key, value);
          return true;
        });
        if (n >= 0) used.add(n);
        return n >= 0;
      });
      if (!ok) break;
      const ref: Term = { k: 'input', ref: { name: d.name, indices: d.params.map((p) => params.get(p) ?? { k: 'var', name: p, offset: 0 }) } };
      rest = [...rest.filter((_, k) => !used.has(k)), ref];
    }
  }
  // Numbers lead, as a person writes them: 2 * s[k].
  return [...rest.filter((f) => f.k === 'num'), ...rest.filter((f) => f.k !== 'num')];
}

/**
 * Whether `t` is an instance of `pattern`: the definition's parameters match any
 * index (the same one at each use), its bound sum indices match the instance's
 * bound indices, everything else must be equal.
 */
function matches(pattern: Term, t: Term, params: ReadonlySet<string>, bindings: Map<string, Index>, bound: ReadonlyMap<string, string>): boolean {
  const index = (p: Index, i: Index): boolean => {
    if (p.k === 'var' && params.has(p.name)) {
      const prior = bindings.get(p.name);
      if (prior === undefined) {
        if (p.offset !== 0) return false;
        bindings.set(p.name, i);
        return true;
      }
      return sameIndex(prior, i);
    }
    if (p.k === 'var' && bound.has(p.name)) return i.k === 'var' && i.name === bound.get(p.name) && i.offset === p.offset;
    // A sum of indices over parameters or bound indices is not matched (it would need solving for them).
    if (p.k === 'affine' && p.terms.some((x) => params.has(x.name) || bound.has(x.name))) return false;
    if (p.k === 'label' && i.k === 'label') return p.name === i.name && p.offset === i.offset && p.indices.length === i.indices.length && p.indices.every((q, n) => index(q, i.indices[n]));
    return sameIndex(p, i);
  };
  const all = (ps: readonly Term[], ts: readonly Term[]) => ps.length === ts.length && ps.every((p, n) => matches(p, ts[n], params, bindings, bound));
  switch (pattern.k) {
    case 'num': return t.k === 'num' && t.value.num === pattern.value.num && t.value.den === pattern.value.den;
    case 'pi': return t.k === 'pi';
    case 'size': return t.k === 'size' && t.name === pattern.name;
    case 'input': return t.k === 'input' && t.ref.name === pattern.ref.name && t.ref.indices.length === pattern.ref.indices.length
      && pattern.ref.indices.every((p, n) => index(p, t.ref.indices[n]));
    case 'add': return t.k === 'add' && all(pattern.terms, t.terms);
    case 'mul': return t.k === 'mul' && all(pattern.factors, t.factors);
    case 'pow': return t.k === 'pow' && matches(pattern.base, t.base, params, bindings, bound) && matches(pattern.exponent, t.exponent, params, bindings, bound);
    case 'fn': return t.k === 'fn' && t.name === pattern.name && all(pattern.args, t.args);
    case 'sum': return t.k === 'sum' && matches(pattern.body, t.body, params, bindings, new Map(bound).set(pattern.index, t.index));
    case 'icmp': return t.k === 'icmp' && t.op === pattern.op && index(pattern.a, t.a) && index(pattern.b, t.b);
    case 'ival': return t.k === 'ival' && index(pattern.index, t.index);
    case 'cmp': return t.k === 'cmp' && t.op === pattern.op && matches(pattern.a, t.a, params, bindings, bound) && matches(pattern.b, t.b, params, bindings, bound);
    case 'reduce': return t.k === 'reduce' && t.op === pattern.op && matches(pattern.body, t.body, params, bindings, new Map(bound).set(pattern.index, t.index));
    case 'series': return t.k === 'series' && t.lower === pattern.lower && matches(pattern.body, t.body, params, bindings, new Map(bound).set(pattern.index, t.index));
    case 'extremum': return t.k === 'extremum' && t.op === pattern.op && all(pattern.terms, t.terms);
    case 'integral': return t.k === 'integral' && t.v === pattern.v && (pattern.lower === undefined) === (t.lower === undefined) && (pattern.upper === undefined) === (t.upper === undefined)
      && all([pattern.lower, pattern.upper, pattern.body].filter((x) => x !== undefined), [t.lower, t.upper, t.body].filter((x) => x !== undefined));
    case 'limit': return t.k === 'limit' && t.v === pattern.v && t.side === pattern.side && (pattern.at === undefined) === (t.at === undefined)
      && all([pattern.at, pattern.body].filter((x) => x !== undefined), [t.at, t.body].filter((x) => x !== undefined));
    case 'apply': return t.k === 'apply' && t.name === pattern.name && t.orders.join() === pattern.orders.join() && all(pattern.args, t.args);
    case 'diff': return false;
  }
}

function sameIndex(a: Index, b: Index): boolean {
  if (a.k !== b.k) return false;
  if (a.k === 'lit' || b.k === 'lit') return a.k === 'lit' && b.k === 'lit' && a.value === b.value;
  if (a.k === 'affine' || b.k === 'affine') return printIndex(a) === printIndex(b);
  if (a.name !== b.name || a.offset !== b.offset) return false;
  return a.k !== 'label' || (b.k === 'label' && a.indices.length === b.indices.length && a.indices.every((x, n) => sameIndex(x, b.indices[n])));
}
