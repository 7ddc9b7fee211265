/**
 * Generated numeric code against the closures it replaces: for random terms
 * and random inputs both give the same bits (value, error bound, kink distance,
 * precision flag), and no text of a derivation file reaches the generated source.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildModel, parseDerivation } from '../../src/index.ts';
import { FUNCTIONS, withUniqueBinders, type Comparison, type FunctionName, type Index, type Input, type Term } from '../../src/model/index.ts';
import { compileClosures, freeIndexNames, IndexSlots, newState, type Compiled, type EvaluationState } from '../../src/numeric/compile.ts';
import { assertSafeSource, compileGenerated, compileTerm, estimatedWork, GENERATE_AFTER, generateSource, numberLiteral } from '../../src/numeric/generate.ts';
import { layoutInputs, type Layout } from '../../src/numeric/layout.ts';
import { checkStepNumerically } from '../../src/numeric/index.ts';

const n: Input = { name: 'x', kind: 'real', dims: [{ k: 'sym', name: 'n' }], typeText: 'vector[n]' };
const INPUTS: readonly Input[] = [
  n,
  { name: 't', kind: 'real', dims: [], typeText: 'real' },
  { name: 'W', kind: 'real', dims: [{ k: 'sym', name: 'n' }, { k: 'fixed', size: 2 }], typeText: 'matrix[n, 2]' },
  { name: 'c', kind: 'label', dims: [], classes: { k: 'sym', name: 'n' }, typeText: 'label[n]' },
  { name: 'r', kind: 'label', dims: [{ k: 'sym', name: 'n' }], classes: { k: 'fixed', size: 2 }, typeText: 'label[n, 2]' },
];
const N = { k: 'sym', name: 'n' } as const;
const NAMES = Object.keys(FUNCTIONS) as FunctionName[];
const COMPARISONS: readonly Comparison[] = ['<', '<=', '>', '>=', '==', '!='];

/** Index positions with the index variables in scope (k is free; sums bind i and j). */
function indexArb(vars: readonly string[]): fc.Arbitrary<Index> {
  return fc.oneof(
    fc.tuple(fc.constantFrom(...vars), fc.constantFrom(0, 0, 0, 1, -1)).map(([name, offset]): Index => ({ k: 'var', name, offset })),
    fc.constantFrom<Index>({ k: 'lit', value: 1 }, { k: 'lit', value: 2 }, { k: 'dim', name: 'n', offset: 0 }, { k: 'dim', name: 'n', offset: -1 },
      { k: 'label', name: 'c', indices: [], offset: 0 }),
    fc.constantFrom(...vars).map((v): Index => ({ k: 'label', name: 'r', indices: [{ k: 'var', name: v, offset: 0 }], offset: 0 })),
    // Sums of indices (x[i + k - 1], x[2*k], x[n - k + 1]): in range or not, both must read the same entry or none.
    fc.tuple(fc.constantFrom(...vars), fc.constantFrom(...vars), fc.constantFrom(1, -1, 2), fc.constantFrom(0, -1, 1))
      .map(([a, b, coef, offset]): Index => (a === b
        ? { k: 'affine', terms: [{ name: a, coef: coef + 1 === 0 ? 3 : coef + 1 }], offset }
        : { k: 'affine', terms: [{ name: a, coef: 1 }, { name: b, coef }], offset })),
    fc.constantFrom(...vars).map((v): Index => ({ k: 'affine', terms: [{ name: 'n', coef: 1, dim: true }, { name: v, coef: -1 }], offset: 1 })),
  );
}

const FRACTIONS: readonly [bigint, bigint][] = [[0n, 1n], [1n, 1n], [-1n, 1n], [2n, 1n], [1n, 2n], [-1n, 2n], [1n, 3n], [7n, 10n],
  [1n, 10n ** 400n], [10n ** 400n, 1n], [3n, 1n], [-2n, 1n]];

function termArb(depth: number, vars: readonly string[], diffs: number): fc.Arbitrary<Term> {
  const leaf: fc.Arbitrary<Term> = fc.oneof(
    fc.constantFrom(...FRACTIONS).map(([num, den]): Term => ({ k: 'num', value: { num, den } })),
    fc.constant<Term>({ k: 'pi' }),
    fc.constant<Term>({ k: 'size', name: 'n' }),
    fc.constant<Term>({ k: 'input', ref: { name: 't', indices: [] } }),
    indexArb(vars).map((i): Term => ({ k: 'input', ref: { name: 'x', indices: [i] } })),
    fc.tuple(indexArb(vars), fc.constantFrom<Index>({ k: 'lit', value: 1 }, { k: 'lit', value: 2 }, { k: 'lit', value: 3 }))
      .map(([i, j]): Term => ({ k: 'input', ref: { name: 'W', indices: [i, j] } })),
    fc.tuple(fc.constantFrom(...COMPARISONS), indexArb(vars), indexArb(vars)).map(([op, a, b]): Term => ({ k: 'icmp', op, a, b })),
    indexArb(vars).map((index): Term => ({ k: 'ival', index })),
  );
  if (depth === 0) return leaf;
  const sub = termArb(depth - 1, vars, diffs);
  const fresh = vars.includes('i') ? 'j' : 'i';
  const body = termArb(depth - 1, [...vars, fresh], diffs);
  const options: fc.Arbitrary<Term>[] = [
    leaf,
    fc.array(sub, { minLength: 2, maxLength: 3 }).map((terms): Term => ({ k: 'add', terms })),
    fc.array(sub, { minLength: 2, maxLength: 3 }).map((factors): Term => ({ k: 'mul', factors })),
    fc.tuple(sub, fc.oneof(sub, fc.constantFrom(...FRACTIONS).map(([num, den]): Term => ({ k: 'num', value: { num, den } }))))
      .map(([base, exponent]): Term => ({ k: 'pow', base, exponent })),
    // An index as the exponent (gamma^t, x^(k - 1)): integer powers of any base, negative ones included.
    fc.tuple(sub, indexArb(vars), fc.constantFrom(0, -1, -2))
      .map(([base, index, shift]): Term => ({ k: 'pow', base, exponent: { k: 'add', terms: [{ k: 'ival', index }, { k: 'num', value: { num: BigInt(shift), den: 1n } }] } })),
    fc.tuple(fc.constantFrom(...NAMES), sub, sub).map(([name, a, b]): Term => ({ k: 'fn', name, args: FUNCTIONS[name].arity === 2 ? [a, b] : [a] })),
    body.map((b): Term => ({ k: 'sum', index: fresh, dim: N, body: b })),
    fc.tuple(fc.constantFrom('max', 'min', 'prod') as fc.Arbitrary<'max' | 'min' | 'prod'>, body)
      .map(([op, b]): Term => ({ k: 'reduce', op, index: fresh, dim: N, body: b })),
    fc.tuple(fc.constantFrom('max', 'min') as fc.Arbitrary<'max' | 'min'>, fc.array(sub, { minLength: 1, maxLength: 3 }))
      .map(([op, terms]): Term => ({ k: 'extremum', op, terms })),
    fc.tuple(fc.constantFrom(...COMPARISONS), sub, sub).map(([op, a, b]): Term => ({ k: 'cmp', op, a, b })),
    sub.map((a): Term => ({ k: 'cmp', op: '>', a, b: a })),
  ];
  if (diffs > 0) {
    const inner = termArb(depth - 1, vars, diffs - 1);
    options.push(fc.tuple(inner, fc.oneof(
      fc.constant({ name: 't', indices: [] as Index[] }),
      indexArb(vars).map((i) => ({ name: 'x', indices: [i] })),
    )).map(([f, v]): Term => ({ k: 'diff', f, v })));
  }
  return fc.oneof(...options);
}

const VALUE = fc.oneof(
  { arbitrary: fc.double({ min: -3, max: 3, noNaN: true }), weight: 4 },
  { arbitrary: fc.constantFrom(0, -0, 1, -1, 0.5, 1e-300, 5e-324, 1e300, -1e300, 709, 800), weight: 2 },
  { arbitrary: fc.double({ noNaN: true }), weight: 1 },
);

interface Observed { value: number; error: number; kink: number; precision: boolean }

/** Evaluates at k = 0..n+1 in turn without a new epoch, as the checker does for the entries of one input (the sums' caches in play). */
function observe(compiled: Compiled, state: EvaluationState, slots: IndexSlots, size: number, differentiating: number): Observed[] {
  const out: Observed[] = [];
  const k = slots.slot('k');
  state.epoch++;
  for (let v = 0; v <= size + 1; v++) {
    state.indices[k] = v;
    state.kinkDistance = Infinity;
    state.needsPrecision = false;
    state.differentiating = differentiating;
    const value = compiled(state);
    out.push({ value, error: state.error, kink: state.kinkDistance, precision: state.needsPrecision });
  }
  return out;
}

/** The term compiled as closures and as generated code, each observed twice (the second time the caches of the first input are stale): the same bits. */
function expectSameBits(term: Term, size: number, values: readonly number[], classes: readonly number[], differentiating: number): void {
  const layout = layoutInputs(INPUTS, new Map([['n', size]]));
  const results = [0, 1].map((generated) => {
    const slots = new IndexSlots();
    const compiled = generated ? compileGenerated(generateSource(term, layout, slots)!) : compileClosures(term, layout, slots);
    const state = newState(layout, slots);
    fill(layout, values, classes, state, size);
    return [...observe(compiled, state, slots, size, differentiating), ...observe(compiled, state, slots, size, differentiating)];
  });
  expect(sameBits(results[0], results[1]), JSON.stringify({ closures: results[0], generated: results[1] })).toBe(true);
}

function sameBits(a: Observed[], b: Observed[]): boolean {
  return a.length === b.length && a.every((x, i) =>
    Object.is(x.value, b[i].value) && Object.is(x.error, b[i].error) && Object.is(x.kink, b[i].kink) && x.precision === b[i].precision);
}

function fill(layout: Layout, values: readonly number[], classes: readonly number[], state: EvaluationState, size: number): void {
  for (let p = 0; p < layout.length; p++) state.values[p] = values[p % values.length];
  state.values[layout.slots.get('c')!.offset] = 1 + (classes[0] % size);
  const r = layout.slots.get('r')!;
  for (let e = 0; e < size; e++) state.values[r.offset + e] = 1 + (classes[(e + 1) % classes.length] % 2);
}

describe('generated numeric code', () => {
  it('gives the closures\' bits for random terms and inputs: value, error bound, kink distance, precision flag', () => {
    fc.assert(fc.property(
      termArb(3, ['k'], 2), fc.constantFrom(1, 2, 3), fc.array(VALUE, { minLength: 1, maxLength: 12 }),
      fc.array(fc.nat(7), { minLength: 1, maxLength: 4 }), fc.constantFrom(0, 0, 1),
      (term, size, values, classes, differentiating) => {
        expectSameBits(term, size, values, classes, differentiating);
      },
    ), { numRuns: 1000, seed: 11 });
  });

  it('gives the same bits where a closed subterm repeats: closures compute it once per input, generated code at each use', () => {
    const closed = termArb(2, ['k'], 1).filter((t) => freeIndexNames(t).length === 0);
    const at = (name: string, index: string): Term => ({ k: 'input', ref: { name, indices: [{ k: 'var', name: index, offset: 0 }] } });
    fc.assert(fc.property(
      closed, closed, fc.constantFrom(1, 2, 3), fc.array(VALUE, { minLength: 1, maxLength: 12 }),
      fc.array(fc.nat(7), { minLength: 1, maxLength: 4 }), fc.constantFrom(0, 0, 1),
      (a, b, size, values, classes, differentiating) => {
        // Large enough to be shared (where nothing in it notes a kink), met in a product, in a sum's body, under exp and in a derivative.
        const u: Term = { k: 'add', terms: [a, { k: 'mul', factors: [b, { k: 'fn', name: 'cosh', args: [a] }] }, { k: 'fn', name: 'sin', args: [b] }, { k: 'pi' }] };
        // As compileTerm gives it: no sum shadowing another (a and b's sums over i inside the sum over i).
        const term = withUniqueBinders({ k: 'add', terms: [
          { k: 'mul', factors: [u, at('x', 'k')] },
          { k: 'sum', index: 'i', dim: N, body: { k: 'mul', factors: [u, at('x', 'i')] } },
          { k: 'fn', name: 'exp', args: [u] },
          // Inside a derivative: each step of the difference moves t, and what is shared must be computed again.
          { k: 'diff', f: { k: 'mul', factors: [u, u, { k: 'input', ref: { name: 't', indices: [] } }] }, v: { name: 't', indices: [] } },
        ] });
        expectSameBits(term, size, values, classes, differentiating);
      },
    ), { numRuns: 300, seed: 12 });
    // 300 runs take some 2 s alone, past 5 s beside other work (a CI run beside probes).
  }, 30_000);

  it('bounds a product of two values both lost to rounding by the product of their errors, in closures and generated code alike', () => {
    // The focal loss at t = 50: (1 - sigmoid(t))^(1/2) is 0 +- 2e-8 in doubles and the bracket 0 +- 4e-16, while both
    // are nonzero (the product is -4e-33). A first-order bound without e1 * e2 said 0 exactly.
    const s = (x: Term): Term => ({ k: 'fn', name: 'sigmoid', args: [x] });
    const t: Term = { k: 'input', ref: { name: 't', indices: [] } };
    const oneMinus = (x: Term): Term => ({ k: 'add', terms: [{ k: 'num', value: { num: 1n, den: 1n } }, { k: 'mul', factors: [{ k: 'num', value: { num: -1n, den: 1n } }, x] }] });
    const term: Term = { k: 'mul', factors: [
      { k: 'pow', base: oneMinus(s(t)), exponent: { k: 'num', value: { num: 1n, den: 2n } } },
      { k: 'add', terms: [{ k: 'mul', factors: [s(t), { k: 'fn', name: 'log', args: [s(t)] }] }, { k: 'num', value: { num: -1n, den: 1n } }, s(t)] },
    ] };
    const layout = layoutInputs(INPUTS, new Map([['n', 1]]));
    for (const generated of [false, true]) {
      const slots = new IndexSlots();
      const compiled = generated ? compileGenerated(generateSource(term, layout, slots)!) : compileClosures(term, layout, slots);
      const state = newState(layout, slots);
      state.values[layout.slots.get('t')!.offset] = 50;
      state.epoch++;
      expect(compiled(state)).toBe(0);
      expect(state.error).toBeGreaterThan(4e-33);
    }
  });

  it('hands over from closures to generated code after GENERATE_AFTER work with the same bits', () => {
    const term: Term = { k: 'sum', index: 'i', dim: N, body: { k: 'fn', name: 'exp', args: [{ k: 'input', ref: { name: 'x', indices: [{ k: 'var', name: 'i', offset: 0 }] } }] } };
    const layout = layoutInputs(INPUTS, new Map([['n', 3]]));
    const runs = [compileTerm, compileClosures].map((compile) => {
      const slots = new IndexSlots();
      const compiled = compile(term, layout, slots);
      const state = newState(layout, slots);
      const out: Observed[] = [];
      for (let r = 0; r < GENERATE_AFTER / estimatedWork(term, layout) / 5 + 500; r++) {
        state.values[0] = Math.sin(r);
        out.push(...observe(compiled, state, slots, 3, 0));
      }
      return out;
    });
    expect(sameBits(runs[0], runs[1])).toBe(true);
  });

  it('reads an index comparison first where a 0 makes the product exactly 0, and only where the rest always has a value', () => {
    const i = { k: 'var', name: 'i', offset: 0 } as const;
    const k = { k: 'var', name: 'k', offset: 0 } as const;
    const picked: Term = { k: 'sum', index: 'i', dim: N, body: { k: 'mul', factors: [{ k: 'icmp', op: '==', a: i, b: k }, { k: 'input', ref: { name: 'x', indices: [i] } }] } };
    // x[i + 1] has no value at i = n: 0 times no value is none, so nothing is skipped there.
    const beyond: Term = { k: 'sum', index: 'i', dim: N, body: { k: 'mul', factors: [{ k: 'icmp', op: '==', a: i, b: k }, { k: 'input', ref: { name: 'x', indices: [{ ...i, offset: 1 }] } }] } };
    const layout = layoutInputs(INPUTS, new Map([['n', 3]]));
    for (const generated of [false, true]) {
      const at = (term: Term) => {
        const slots = new IndexSlots();
        const compiled = generated ? compileGenerated(generateSource(term, layout, slots)!) : compileClosures(term, layout, slots);
        const state = newState(layout, slots);
        fill(layout, [0.5, -2, 3], [1], state, 3);
        state.indices[slots.slot('k')] = 2;
        state.epoch++;
        return { value: compiled(state), error: state.error };
      };
      expect(at(picked).value).toBe(-2);
      expect(Number.isNaN(at(beyond).value)).toBe(true);
    }
  });

  it('serialises numbers only as digits or Infinity / NaN, each the same double again', () => {
    fc.assert(fc.property(fc.double(), (x) => {
      const text = numberLiteral(x);
      expect(text).toMatch(/^\(?-?([0-9.e+-]+|Infinity|NaN)\)?$/);
      expect(Object.is(Function(`return ${text}`)(), x)).toBe(true);
    }));
  });

  it('rejects source outside its alphabet: no quote, backslash, backtick or non-ASCII character', () => {
    for (const bad of ['"', "'", '`', '\\', '\u2028', 'é', '$']) expect(() => assertSafeSource(`return ${bad}`)).toThrow(/alphabet/);
  });

  it('takes no text of a derivation file into the source: names that try to inject code are offsets and slots', () => {
    // Names that mean something to JavaScript or to the generated code itself (R, s, K, k0, F0, D0), as far as
    // the parser lets them through: a name is a letter, then letters, digits and _ (no `__proto__`, no
    // `x\u2028y`, no `);`), and it rejects constructor, prototype, evaluate, import. The title's text goes nowhere.
    const file = (x: string, t: string, u: string, w: string, s: string, l: string, i: string, j: string) => `derivation "injection \`\${process.exit(1)}\` \\u2028 */ '); R.x = 1; //"
given ${x}: vector[n]
given ${t}, ${u}: real
given ${w}: positive
let ${s}[${i}] = exp(${x}[${i}]) / sum(${j}, exp(${x}[${j}]))
let ${l} = sum(${i}, ${s}[${i}] * log(${s}[${i}]))
claim diff(${l} * ${t} + ${u}, ${x}[k]) = ${t} * diff(${l}, ${x}[k])
claim diff(${u} * ${w}, ${u}) = ${w}
claim diff(sum(${i}, ${i} * ${w}^(${i} - 1) * ${x}[${i}]), ${x}[k]) = k * ${w}^(k - 1)
`;
    const hostile = buildModel(parseDerivation(file('Function', 'R', 'eval', 'this', 's', 'K', 'k0', 'F0')));
    const plain = buildModel(parseDerivation(file('x', 'a', 'b', 'c', 'p', 'q', 'i', 'j')));
    hostile.claims.forEach((claim, c) => {
      const terms = [claim.head!, ...claim.steps.map((st) => st.term!)];
      const plainTerms = [plain.claims[c].head!, ...plain.claims[c].steps.map((st) => st.term!)];
      terms.forEach((term, t) => {
        const layout = layoutInputs(hostile.inputs, new Map([['n', 3]]));
        const code = generateSource(term, layout, new IndexSlots())!;
        const same = generateSource(plainTerms[t], layoutInputs(plain.inputs, new Map([['n', 3]])), new IndexSlots())!;
        // The source does not depend on the names at all, only on the structure of the term.
        expect(code.source).toBe(same.source);
        expect(code.constants).toEqual(same.constants);
        for (const word of ['Function', 'eval', 'this', 'process', 'exit', 'injection']) expect(code.source).not.toMatch(new RegExp(`\\b${word}\\b`));
        expect(code.source).not.toContain('R.x');
        expect(code.source.replace(/^'use strict';\n/, '')).not.toMatch(/["'`\\\u2028]/);
      });
      const outcome = checkStepNumerically(
        { lhs: claim.head!, rhs: claim.steps[0].term!, inputs: hostile.inputs, freeIndices: claim.freeIndices },
        { trials: 20, seed: 1, sizes: [new Map([['n', 3]])] },
      );
      expect(outcome.kind).toBe('agree');
    });
  });
});

describe('a root of what cannot be below 0 (nonnegative-roots.ts)', () => {
  it('is read alike by the closures and the generated code: sqrt(2 - 2 cos t) at t = 1e-9, 0 up to its rounding, has a finite error in both', () => {
    const t: Term = { k: 'input', ref: { name: 't', indices: [] } };
    const radicand: Term = { k: 'add', terms: [{ k: 'num', value: { num: 2n, den: 1n } }, { k: 'mul', factors: [{ k: 'num', value: { num: -2n, den: 1n } }, { k: 'fn', name: 'cos', args: [t] }] }] };
    const root: Term = { k: 'fn', name: 'sqrt', args: [radicand] };
    for (const value of [1e-9, 1e-4, 0.5]) expectSameBits(root, 2, [value], [0], 0);
    const layout = layoutInputs(INPUTS, new Map([['n', 2]]));
    const slots = new IndexSlots();
    const state = newState(layout, slots);
    state.values.fill(1e-9);
    compileGenerated(generateSource(root, layout, slots)!)(state);
    expect(Number.isFinite(state.error)).toBe(true);
  });
});
