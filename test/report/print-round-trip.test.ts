/**
 * One printer per notation, checked by round trip: a printed term, and a printed
 * canonical form, parse back through derivcheck's own parser to an equal term.
 * The bug this guards against: `(…) / (exp(z) + 1)*exp(z)` printed for a division
 * by the product, which reads back as (…/(exp(z) + 1))·exp(z).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildModel, fn, input as inputTerm, mul, num, pow, add, printTerm, type Index, type Input, type Term } from '../../src/model/index.ts';
import { parseDerivation } from '../../src/syntax/index.ts';
import { AtomTable, Canonicalizer } from '../../src/symbolic/index.ts';
import { Budget, Rational, RationalFunction } from '../../src/symbolic/exact/index.ts';
import { arbRationalFunction, arbNonzeroRational } from '../symbolic/exact/arbitraries.ts';

const HEADER = 'derivation "round trip"\ngiven p, q: positive\ngiven r, s: real\ngiven x: vector[3]\n';

/** The term a printed expression resolves to, as the head of a claim. */
function parseTerm(text: string): Term {
  const model = buildModel(parseDerivation(`${HEADER}claim ${text}\n  = 0\n`, 'round-trip.deriv'));
  const claim = model.claims[0];
  if (!claim.head) throw new Error(`did not resolve: ${text}: ${claim.headError?.message}`);
  return claim.head;
}

const scalar = (name: string): Term => inputTerm({ name, indices: [] });
const variable = (name: string): Index => ({ k: 'var', name, offset: 0 });
const entry = (i: Index): Term => inputTerm({ name: 'x', indices: [i] });

/**
 * Terms with sums whose bound indices share a letter (`j#1`, `j#2`), so that a
 * printer that drops the suffix carelessly lets one capture the other.
 */
function leafOf(bound: readonly string[]): fc.Arbitrary<Term> {
  const leaves: fc.Arbitrary<Term>[] = [
    fc.constantFrom(scalar('p'), scalar('q'), scalar('r'), scalar('s')),
    fc.tuple(fc.integer({ min: -9, max: 9 }).filter((n) => n !== 0), fc.integer({ min: 1, max: 4 })).map(([n, d]) => num(n, d)),
    fc.integer({ min: 1, max: 3 }).map((k) => entry({ k: 'lit', value: k })),
  ];
  if (bound.length > 0) {
    leaves.push(fc.constantFrom(...bound).map((b) => entry(variable(b))));
    const op = fc.constantFrom('==', '!=', '<', '>=') as fc.Arbitrary<'==' | '!=' | '<' | '>='>;
    leaves.push(fc.tuple(fc.constantFrom(...bound), fc.constantFrom(...bound), op)
      .map(([a, b, o]) => ({ k: 'icmp', op: o, a: variable(a), b: variable(b) }) as Term));
    // An index as a number, with an offset (`(j - 1) * ...` must keep its parentheses).
    leaves.push(fc.tuple(fc.constantFrom(...bound), fc.constantFrom(0, 0, 1, -1, -2))
      .map(([b, offset]) => ({ k: 'ival', index: { k: 'var', name: b, offset } }) as Term));
  }
  return fc.oneof(...leaves);
}

const BOUND = [[], ['j#1'], ['j#1', 'j#2']];
const termAt: fc.Memo<Term>[] = BOUND.map((bound, level) => fc.memo((depth: number): fc.Arbitrary<Term> => {
  if (depth <= 1) return leafOf(bound);
  const sub = termAt[level](depth - 1);
  const options: fc.Arbitrary<Term>[] = [
    leafOf(bound),
    fc.tuple(sub, sub).map(([a, b]) => add(a, b)),
    fc.tuple(sub, sub).map(([a, b]) => add(a, mul(num(-1), b))),
    fc.tuple(sub, sub).map(([a, b]) => mul(a, b)),
    fc.tuple(sub, sub, fc.constantFrom(-3, -2, -1, 2, 3)).map(([a, b, k]) => mul(a, pow(b, num(k)))),
    fc.tuple(sub, fc.integer({ min: -3, max: 3 }), fc.integer({ min: 1, max: 3 })).map(([a, k, d]) => pow(a, num(k, d))),
    sub.map((a) => fn('exp', a)),
    sub.map((a) => fn('tanh', a)),
    fc.tuple(sub, sub).map(([a, b]) => ({ k: 'cmp', op: '>', a, b }) as Term),
  ];
  if (level < 2) {
    const index = `j#${level + 1}`;
    // The language reads a sum's range from where its index is used, so each body indexes x with it.
    options.push(termAt[level + 1](depth - 1).map((body) => ({ k: 'sum', index, dim: { k: 'fixed', size: 3 }, body: add(entry(variable(index)), body) }) as Term));
  }
  return fc.oneof(...options);
}));
const arbTerm = termAt[0](5);

const POINT: Record<string, number> = { p: 0.7, q: 1.9, r: -0.45, s: 1.3 };
const X = [0.35, -1.1, 0.8];

/** A direct evaluation in doubles; indices by name, so each side keeps its own bound names. */
function evaluate(t: Term, env: ReadonlyMap<string, number>): number {
  const index = (i: Index): number => {
    if (i.k === 'lit') return i.value;
    if (i.k === 'affine') throw new Error('no affine indices in these terms');
    const v = env.get(i.name);
    if (v === undefined) throw new Error(`unbound index ${i.name}`);
    return v + i.offset;
  };
  switch (t.k) {
    case 'num': return Number(t.value.num) / Number(t.value.den);
    case 'input': return t.ref.indices.length === 0 ? POINT[t.ref.name] : X[index(t.ref.indices[0]) - 1];
    case 'add': return t.terms.reduce((s, x) => s + evaluate(x, env), 0);
    case 'mul': return t.factors.reduce((s, x) => s * evaluate(x, env), 1);
    case 'pow': return Math.pow(evaluate(t.base, env), evaluate(t.exponent, env));
    case 'fn': return t.name === 'exp' ? Math.exp(evaluate(t.args[0], env)) : Math.tanh(evaluate(t.args[0], env));
    case 'sum': {
      let s = 0;
      for (let k = 1; k <= 3; k++) s += evaluate(t.body, new Map(env).set(t.index, k));
      return s;
    }
    case 'icmp': {
      const [a, b] = [index(t.a), index(t.b)];
      // (j - 1 > j) of two index values reads back as a comparison of indices: every operator.
      return Number(t.op === '==' ? a === b : t.op === '!=' ? a !== b : t.op === '<' ? a < b : t.op === '<=' ? a <= b : t.op === '>' ? a > b : a >= b);
    }
    case 'cmp': return Number(evaluate(t.a, env) > evaluate(t.b, env));
    case 'ival': return index(t.index);
    default: throw new Error(`unexpected ${t.k}`);
  }
}

describe('the plain-text printer of terms', () => {
  it('prints a term that parses back to an equal term', () => {
    fc.assert(
      fc.property(arbTerm, (term) => {
        const expected = evaluate(term, new Map());
        fc.pre(Number.isFinite(expected) && Math.abs(expected) < 1e12);
        const text = printTerm(term);
        const back = parseTerm(text);
        const actual = evaluate(back, new Map());
        expect(Math.abs(actual - expected), text).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
      }),
      { seed: 20261201, numRuns: 500 },
    );
    // 500 parses take a third of a second alone, and ran past vitest's 5 s beside two probes on the 2-core machine.
  }, 30_000);

  it('keeps a nested sum over the same letter apart from the outer one', () => {
    const inner: Term = { k: 'sum', index: 'j#2', dim: { k: 'fixed', size: 3 }, body: mul(entry(variable('j#1')), entry(variable('j#2'))) };
    const outer: Term = { k: 'sum', index: 'j#1', dim: { k: 'fixed', size: 3 }, body: inner };
    expect(printTerm(outer)).toBe('sum(j, sum(j2, x[j] * x[j2]))');
    const separate: Term = { k: 'sum', index: 'j#1', dim: { k: 'fixed', size: 3 }, body: add(entry(variable('j#1')), { ...inner, body: entry(variable('j#2')) }) };
    expect(printTerm(separate)).toBe('sum(j, x[j] + sum(j, x[j]))');
  });
});

describe('the printer of canonical forms', () => {
  const NAMES = ['p', 'q', 'r', 's'];

  it('prints a rational function that parses back to the same function', () => {
    fc.assert(
      fc.property(arbRationalFunction, fc.array(arbNonzeroRational, { minLength: 4, maxLength: 4 }), (form, point) => {
        let expected: Rational;
        try {
          expected = form.evaluate((id) => point[id]);
        } catch {
          fc.pre(false);
          return;
        }
        const text = form.toString((id) => NAMES[id]);
        const atoms = new AtomTable();
        const inputs = new Map(NAMES.map((n) => [n, { name: n, kind: 'real' as const, dims: [], typeText: 'real' }]));
        const back = new Canonicalizer(atoms, inputs, new Budget()).of(parseTerm(text));
        const actual = back.evaluate((id) => point[NAMES.indexOf(atoms.name(id))]);
        expect(actual.equals(expected), `${text}: ${actual} vs ${expected}`).toBe(true);
      }),
      { seed: 20261201, numRuns: 300 },
    );
  });

  it('brackets a denominator of several factors', () => {
    const [p, q, r] = [0, 1, 2].map((id) => RationalFunction.variable(id));
    const form = r.div(q.add(RationalFunction.ONE).mul(p));
    expect(form.toString((id) => NAMES[id])).toMatch(/^r \/ \(.*\*.*\)$/);
  });

  it('prints the atoms of a canonical form (erf through Phi, roots, sums) so that the form parses back to an equal value', () => {
    const names = ['p', 'q', 'r', 's'];
    const inputs = new Map<string, Input>([...names.map((n): [string, Input] => [n, { name: n, kind: n < 'r' ? 'positive' : 'real', dims: [], typeText: 'real' }]),
      ['x', { name: 'x', kind: 'real', dims: [{ k: 'fixed', size: 3 }], typeText: 'vector[3]' }]]);
    const valueOf = (entry: string): number => {
      const at = /^x\[(\d)\]$/.exec(entry);
      return at ? X[Number(at[1]) - 1] : POINT[entry];
    };
    const floatOf = (form: RationalFunction, atoms: AtomTable): number => form.evaluateFloat(atoms.evaluator(valueOf));
    const wrapped = arbTerm.chain((t) => fc.constantFrom<Term>(
      fn('Phi', t), fn('erfc', t), fn('erf', t), mul(t, fn('Phi', add(t, num(1)))), fn('sqrt', add(mul(t, t), num(1))), fn('sin', add(t, num(1, 3))), t,
    ));
    fc.assert(
      fc.property(wrapped, (term) => {
        let form: RationalFunction;
        let expected: number;
        const atoms = new AtomTable();
        try {
          form = new Canonicalizer(atoms, inputs, new Budget()).of(term);
          expected = floatOf(form, atoms);
        } catch {
          fc.pre(false);
          return;
        }
        const text = form.toString((id) => atoms.name(id));
        fc.pre(Number.isFinite(expected) && Math.abs(expected) < 1e12 && !text.includes('…') && !/of \d+ terms/.test(text));
        const again = new AtomTable();
        const actual = floatOf(new Canonicalizer(again, inputs, new Budget()).of(parseTerm(text)), again);
        expect(Math.abs(actual - expected), `${printTerm(term)} printed as ${text}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
      }),
      { seed: 20261203, numRuns: 300 },
    );
  }, 60_000);
});
