import type { Fraction, Index, InputRef, Term } from './term.ts';

/**
 * Prints a term in the language's own syntax, so a printed term can be pasted
 * back into a `.deriv` file. Internal bound-index suffixes (`j#3`) are dropped.
 *
 * @example printTerm(mul(num(-1), input({ name: 'y', indices: [k] }))) === '-y[k]'
 */
export function printTerm(term: Term): string {
  return print(term, 0);
}

const PRECEDENCE = { add: 1, mul: 2, unary: 3, pow: 4, atom: 5 } as const;

function cleanName(name: string): string {
  return name.split('#')[0];
}

export function printIndex(i: Index): string {
  if (i.k === 'lit') return String(i.value);
  const base = i.k === 'label' && i.indices.length > 0 ? `${i.name}[${i.indices.map(printIndex).join(', ')}]` : cleanName(i.name);
  return i.offset === 0 ? base : i.offset > 0 ? `${base} + ${i.offset}` : `${base} - ${-i.offset}`;
}

export function printRef(ref: InputRef): string {
  return ref.indices.length === 0 ? ref.name : `${ref.name}[${ref.indices.map(printIndex).join(', ')}]`;
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

function print(t: Term, outer: number): string {
  switch (t.k) {
    case 'num': {
      const text = printFraction(t.value);
      const p = t.value.num < 0n ? PRECEDENCE.unary : t.value.den !== 1n ? PRECEDENCE.mul : PRECEDENCE.atom;
      return wrap(text, p, outer);
    }
    case 'pi': return 'pi';
    case 'size': return t.name;
    case 'input': return printRef(t.ref);
    case 'add': {
      let text = print(t.terms[0], PRECEDENCE.add);
      for (const term of t.terms.slice(1)) {
        text += isNegative(term) ? ` - ${print(negate(term), PRECEDENCE.add + 1)}` : ` + ${print(term, PRECEDENCE.add + 1)}`;
      }
      return wrap(text, PRECEDENCE.add, outer);
    }
    case 'mul': {
      const first = t.factors[0];
      if (first.k === 'num' && first.value.num === -1n && first.value.den === 1n) {
        const rest = t.factors.length === 2 ? t.factors[1] : { k: 'mul' as const, factors: t.factors.slice(1) };
        return wrap(`-${print(rest, PRECEDENCE.unary)}`, PRECEDENCE.unary, outer);
      }
      const numerators: Term[] = [];
      const denominators: Term[] = [];
      for (const f of t.factors) {
        if (f.k === 'pow' && f.exponent.k === 'num' && f.exponent.value.num < 0n) {
          const e = { num: -f.exponent.value.num, den: f.exponent.value.den };
          denominators.push(e.num === 1n && e.den === 1n ? f.base : { k: 'pow', base: f.base, exponent: { k: 'num', value: e } });
        } else numerators.push(f);
      }
      const top = numerators.length === 0 ? '1' : numerators.map((f) => print(f, PRECEDENCE.mul + 1)).join(' * ');
      if (denominators.length === 0) return wrap(top, PRECEDENCE.mul, outer);
      const bottom = denominators.length === 1 ? print(denominators[0], PRECEDENCE.mul + 1)
        : `(${denominators.map((f) => print(f, PRECEDENCE.mul + 1)).join(' * ')})`;
      return wrap(`${top} / ${bottom}`, PRECEDENCE.mul, outer);
    }
    case 'pow': {
      if (t.exponent.k === 'num' && t.exponent.value.num === -1n && t.exponent.value.den === 1n) {
        return wrap(`1 / ${print(t.base, PRECEDENCE.mul + 1)}`, PRECEDENCE.mul, outer);
      }
      return wrap(`${print(t.base, PRECEDENCE.pow + 1)}^${print(t.exponent, PRECEDENCE.pow + 1)}`, PRECEDENCE.pow, outer);
    }
    case 'fn': return `${t.name}(${t.args.map((a) => print(a, 0)).join(', ')})`;
    case 'sum': return `sum(${cleanName(t.index)}, ${print(t.body, 0)})`;
    case 'reduce': return `${t.op}(${cleanName(t.index)}, ${print(t.body, 0)})`;
    case 'extremum': return `${t.op}(${t.terms.map((x) => print(x, 0)).join(', ')})`;
    case 'icmp':
      return t.op === '==' ? `delta(${printIndex(t.a)}, ${printIndex(t.b)})` : `(${printIndex(t.a)} ${t.op} ${printIndex(t.b)})`;
    case 'cmp': return `(${print(t.a, 0)} ${t.op} ${print(t.b, 0)})`;
    case 'diff': return `diff(${print(t.f, 0)}, ${printRef(t.v)})`;
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
