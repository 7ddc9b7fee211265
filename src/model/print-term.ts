import type { Fraction, Index, InputRef, Term } from './term.ts';

/**
 * Prints a term in the language's own syntax, so a printed term can be pasted
 * back into a `.deriv` file and parses to an equal term (test/report/print-round-trip.test.ts).
 * Internal bound-index suffixes (`j#3`) are dropped, unless dropping one would let
 * a bound index capture another index of the same name: then it becomes `j2`.
 *
 * @example printTerm(mul(num(-1), input({ name: 'y', indices: [k] }))) === '-y[k]'
 */
export function printTerm(term: Term): string {
  return print(term, 0, new Map());
}

/** Whether binders print their range: on only while {@link termKey} prints. */
let withRanges = false;

/**
 * A term's text with the range of every sum and product in it (`sum(k in 3000, k)`),
 * for telling terms apart: printTerm leaves a range out, as a textbook does, and
 * prod(k, 1, 3000, k) and prod(k, 1, 2999, k) print alike. Equal keys mean equal
 * terms up to the names of bound indices.
 */
export function termKey(term: Term): string {
  withRanges = true;
  try {
    return print(term, 0, new Map());
  } finally {
    withRanges = false;
  }
}

function range(t: Extract<Term, { k: 'sum' | 'reduce' }>): string {
  return withRanges ? ` in ${JSON.stringify(t.dim)}` : '';
}

/** The printed name of each bound index in scope (`j#3` → `j`, or `j2` when `j` is taken). */
type BoundNames = ReadonlyMap<string, string>;

const PRECEDENCE = { add: 1, mul: 2, unary: 3, pow: 4, atom: 5 } as const;

function cleanName(name: string): string {
  return name.split('#')[0];
}

export function printIndex(i: Index, bound: BoundNames = new Map()): string {
  if (i.k === 'lit') return String(i.value);
  if (i.k === 'affine') {
    const head = i.terms.map((t, p) => {
      const name = bound.get(t.name) ?? cleanName(t.name);
      const size = Math.abs(t.coef);
      const body = size === 1 ? name : `${size}*${name}`;
      return p === 0 ? (t.coef < 0 ? `-${body}` : body) : t.coef < 0 ? ` - ${body}` : ` + ${body}`;
    }).join('');
    return i.offset === 0 ? head : i.offset > 0 ? `${head} + ${i.offset}` : `${head} - ${-i.offset}`;
  }
  const base = i.k === 'label' && i.indices.length > 0 ? `${i.name}[${i.indices.map((j) => printIndex(j, bound)).join(', ')}]`
    : bound.get(i.name) ?? cleanName(i.name);
  return i.offset === 0 ? base : i.offset > 0 ? `${base} + ${i.offset}` : `${base} - ${-i.offset}`;
}

export function printRef(ref: InputRef, bound: BoundNames = new Map()): string {
  return ref.indices.length === 0 ? ref.name : `${ref.name}[${ref.indices.map((i) => printIndex(i, bound)).join(', ')}]`;
}

export function printFraction(f: Fraction): string {
  return f.den === 1n ? f.num.toString() : `${f.num}/${f.den}`;
}

function wrap(text: string, inner: number, outer: number): string {
  return inner < outer ? `(${text})` : text;
}

function isNegative(t: Term): boolean {
  return (t.k === 'num' && t.value.num < 0n) || (t.k === 'mul' && t.factors[0]?.k === 'num' && t.factors[0].value.num < 0n);
}

function print(t: Term, outer: number, bound: BoundNames): string {
  switch (t.k) {
    case 'num': {
      const text = printFraction(t.value);
      // -7/2 reads as (-7)/2: a fraction binds like a division, whatever its sign.
      const p = t.value.den !== 1n ? PRECEDENCE.mul : t.value.num < 0n ? PRECEDENCE.unary : PRECEDENCE.atom;
      return wrap(text, p, outer);
    }
    case 'pi': return 'pi';
    case 'size': return t.name;
    case 'ival': {
      // `k - 1` as a value is a difference: it binds like one where it is an operand.
      const text = printIndex(t.index, bound);
      return wrap(text, /\s/.test(text) ? PRECEDENCE.add : PRECEDENCE.atom, outer);
    }
    case 'input': return printRef(t.ref, bound);
    case 'add': {
      let text = print(t.terms[0], PRECEDENCE.add, bound);
      for (const term of t.terms.slice(1)) {
        text += isNegative(term) ? ` - ${print(negate(term), PRECEDENCE.add + 1, bound)}` : ` + ${print(term, PRECEDENCE.add + 1, bound)}`;
      }
      return wrap(text, PRECEDENCE.add, outer);
    }
    case 'mul': {
      const first = t.factors[0];
      if (first.k === 'num' && first.value.num === -1n && first.value.den === 1n) {
        const rest = t.factors.length === 2 ? t.factors[1] : { k: 'mul' as const, factors: t.factors.slice(1) };
        return wrap(`-${print(rest, PRECEDENCE.unary, bound)}`, PRECEDENCE.unary, outer);
      }
      const numerators: Term[] = [];
      const denominators: Term[] = [];
      for (const f of t.factors) {
        if (f.k === 'pow' && f.exponent.k === 'num' && f.exponent.value.num < 0n) {
          const e = { num: -f.exponent.value.num, den: f.exponent.value.den };
          denominators.push(e.num === 1n && e.den === 1n ? f.base : { k: 'pow', base: f.base, exponent: { k: 'num', value: e } });
        } else numerators.push(f);
      }
      const top = numerators.length === 0 ? '1' : numerators.map((f) => print(f, PRECEDENCE.mul + 1, bound)).join(' * ');
      if (denominators.length === 0) return wrap(top, PRECEDENCE.mul, outer);
      const bottom = denominators.length === 1 ? print(denominators[0], PRECEDENCE.mul + 1, bound)
        : `(${denominators.map((f) => print(f, PRECEDENCE.mul + 1, bound)).join(' * ')})`;
      return wrap(`${top} / ${bottom}`, PRECEDENCE.mul, outer);
    }
    case 'pow': {
      if (t.exponent.k === 'num' && t.exponent.value.num === -1n && t.exponent.value.den === 1n) {
        return wrap(`1 / ${print(t.base, PRECEDENCE.mul + 1, bound)}`, PRECEDENCE.mul, outer);
      }
      return wrap(`${print(t.base, PRECEDENCE.pow + 1, bound)}^${print(t.exponent, PRECEDENCE.pow + 1, bound)}`, PRECEDENCE.pow, outer);
    }
    case 'fn': return `${t.name}(${t.args.map((a) => print(a, 0, bound)).join(', ')})`;
    case 'apply': return `${appliedName(t)}(${t.args.map((a) => print(a, 0, bound)).join(', ')})`;
    case 'sum': {
      const name = boundName(t.index, t.body, bound);
      return `sum(${name}${range(t)}, ${print(t.body, 0, new Map(bound).set(t.index, name))})`;
    }
    case 'reduce': {
      const name = boundName(t.index, t.body, bound);
      return `${t.op}(${name}${range(t)}, ${print(t.body, 0, new Map(bound).set(t.index, name))})`;
    }
    case 'series': {
      const name = boundName(t.index, t.body, bound);
      return `sum(${name}, ${t.lower}, Infinity, ${print(t.body, 0, new Map(bound).set(t.index, name))})`;
    }
    case 'integral': {
      const bound_ = (b: Term | undefined, infinity: string) => (b === undefined ? infinity : print(b, 0, bound));
      return `integral(${t.v}, ${bound_(t.lower, '-Infinity')}, ${bound_(t.upper, 'Infinity')}, ${print(t.body, 0, bound)})`;
    }
    case 'limit': {
      const at = t.at === undefined ? (t.side < 0 ? '-Infinity' : 'Infinity') : print(t.at, 0, bound);
      const side = t.at === undefined || t.side === 0 ? '' : t.side > 0 ? ', right' : ', left';
      return `limit(${t.v}, ${at}, ${print(t.body, 0, bound)}${side})`;
    }
    case 'extremum': return `${t.op}(${t.terms.map((x) => print(x, 0, bound)).join(', ')})`;
    case 'icmp':
      return t.op === '==' ? `delta(${printIndex(t.a, bound)}, ${printIndex(t.b, bound)})` : `(${printIndex(t.a, bound)} ${t.op} ${printIndex(t.b, bound)})`;
    case 'cmp': return `(${print(t.a, 0, bound)} ${t.op} ${print(t.b, 0, bound)})`;
    case 'diff': return `diff(${print(t.f, 0, bound)}, ${printRef(t.v, bound)})`;
  }
}

function negate(t: Term): Term {
  if (t.k === 'num') return { k: 'num', value: { num: -t.value.num, den: t.value.den } };
  if (t.k === 'mul') {
    const [first, ...rest] = t.factors;
    if (first.k === 'num' && first.value.num === -1n && first.value.den === 1n) return rest.length === 1 ? rest[0] : { k: 'mul', factors: rest };
    return { k: 'mul', factors: [negate(first), ...rest] };
  }
  return { k: 'mul', factors: [{ k: 'num', value: { num: -1n, den: 1n } }, t] };
}

/**
 * The name a sum's index is printed with: its own name without the `#n` suffix,
 * unless another name the body uses would then be captured (a nested sum over
 * the same letter that uses the outer index, or a free index of that letter).
 */
function boundName(index: string, body: Term, bound: BoundNames): string {
  const base = cleanName(index);
  const taken = new Set<string>();
  collectNames(body, new Set([index]), bound, taken);
  if (!taken.has(base)) return base;
  for (let k = 2; ; k++) if (!taken.has(`${base}${k}`)) return `${base}${k}`;
}

/** Every printed name in `t` other than the index being bound: indices, inputs, sizes. */
function collectNames(t: Term, skip: ReadonlySet<string>, bound: BoundNames, out: Set<string>): void {
  const index = (i: Index): void => {
    if (i.k === 'lit') return;
    if (i.k === 'label') { out.add(i.name); i.indices.forEach(index); return; }
    if (i.k === 'affine') { for (const t of i.terms) if (!skip.has(t.name)) out.add(bound.get(t.name) ?? cleanName(t.name)); return; }
    if (!skip.has(i.name)) out.add(bound.get(i.name) ?? cleanName(i.name));
  };
  const ref = (r: InputRef): void => { out.add(r.name); r.indices.forEach(index); };
  switch (t.k) {
    case 'num': case 'pi': return;
    case 'size': out.add(t.name); return;
    case 'input': ref(t.ref); return;
    case 'add': t.terms.forEach((x) => collectNames(x, skip, bound, out)); return;
    case 'mul': t.factors.forEach((x) => collectNames(x, skip, bound, out)); return;
    case 'pow': collectNames(t.base, skip, bound, out); collectNames(t.exponent, skip, bound, out); return;
    case 'fn': t.args.forEach((x) => collectNames(x, skip, bound, out)); return;
    // An inner sum's own index is printed by that sum, which avoids capture itself.
    case 'sum': case 'reduce': case 'series': collectNames(t.body, new Set([...skip, t.index]), bound, out); return;
    case 'extremum': t.terms.forEach((x) => collectNames(x, skip, bound, out)); return;
    case 'integral': out.add(t.v); for (const x of [t.lower, t.upper, t.body]) if (x) collectNames(x, skip, bound, out); return;
    case 'limit': out.add(t.v); for (const x of [t.at, t.body]) if (x) collectNames(x, skip, bound, out); return;
    case 'icmp': index(t.a); index(t.b); return;
    case 'ival': index(t.index); return;
    case 'cmp': collectNames(t.a, skip, bound, out); collectNames(t.b, skip, bound, out); return;
    case 'diff': collectNames(t.f, skip, bound, out); ref(t.v); return;
    case 'apply': out.add(t.name); t.args.forEach((a) => collectNames(a, skip, bound, out)); return;
  }
}

/**
 * An abstract function's name with its derivative, as the language reads it back:
 * Lagrange's primes for one argument (f''), subscripts for several (F_xy, by the
 * declared names when each is one letter, else by position: F_12).
 */
export function appliedName(t: Extract<Term, { k: 'apply' }>): string {
  if (t.args.length === 1) return `${t.name}${"'".repeat(t.orders[0])}`;
  if (t.orders.every((o) => o === 0)) return t.name;
  const letters = t.params && t.params.every((p) => /^[A-Za-z]$/.test(p)) ? t.params : t.args.map((_, i) => String(i + 1));
  return `${t.name}_${t.orders.map((o, i) => letters[i].repeat(o)).join('')}`;
}
