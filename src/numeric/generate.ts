import { FUNCTIONS, instantiateFunctions, isLiteralConstant, isWholeArithmetic, movesWithInputs, termKey, usesIndexVariable, withUniqueBinders, type Comparison, type FunctionName, type Index, type InputRef, type Term } from '../model/index.ts';
import {
  argumentError, argumentsError, compileClosures, FIRST_ORDER_SHARE, powerError, finiteDifference, freeIndexNames, inputsRead, literalError, literalValue, MAX_CACHED_ENTRIES, NEVER_ZERO, outOfRange,
  UNDERFLOW, UNIT_ROUNDOFF, type Compiled, type IndexSlots,
} from './compile.ts';
import { dimSize, type Layout } from './layout.ts';
import { selectorFactors } from './selector-products.ts';
import { clampedRoot, rootClamping } from './nonnegative-roots.ts';

/**
 * Generated numeric code: a term at one size assignment becomes the source of
 * one JavaScript function, straight-line arithmetic and `for` loops over
 * `state.values` (Float64Array) and `state.indices` (Int32Array), compiled once
 * with `new Function` and reused for every input, finite-difference point and
 * trial. It computes exactly what the closures of compile.ts compute, in the
 * same order of floating-point operations: the value, the running error bound,
 * the kink distance and the precision flag are bit-identical (a property test
 * holds it to that). compile.ts stays as the oracle, as the fallback for a term
 * whose source would exceed {@link MAX_SOURCE}, and for terms too cheap to be
 * worth generating (see {@link compileTerm}).
 *
 * Security invariant: the source contains only the generator's own identifiers
 * and operators, and numbers it serialises itself ({@link numberLiteral}: a
 * finite double's shortest round-trip form, or `Infinity` / `NaN` by name). No
 * name, string or other text of a derivation file reaches it: inputs are
 * offsets into `values`, index variables slots of `indices`, functions an index
 * into the table passed in as the argument `R`, comparisons one of six operators
 * from a fixed table. {@link assertSafeSource} checks the finished source against
 * that alphabet before it is compiled.
 */


/** Past this many characters of source a term is evaluated by closures instead (a written-out max over thousands of terms). */
export const MAX_SOURCE = 200_000;

/** A number as JavaScript source: only digits, `.`, `e`, signs, or `Infinity` / `NaN` by name. */
export function numberLiteral(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '(-Infinity)';
  if (Object.is(x, -0)) return '(-0)';
  const text = String(x);
  if (!/^-?[0-9]+(\.[0-9]+)?(e[+-][0-9]+)?$/.test(text)) throw new Error(`internal: ${text} is not a number literal`);
  return x < 0 ? `(${text})` : text;
}

/** The JavaScript operator of each comparison: the only operators a comparison emits. */
const OPERATORS: Readonly<Record<Comparison, string>> = { '<': '<', '<=': '<=', '>': '>', '>=': '>=', '==': '===', '!=': '!==' };

/** Every function of the table, by position: generated code names a function only by its number. */
const FUNCTION_NAMES = Object.keys(FUNCTIONS) as FunctionName[];

/** What the generated code receives as its one argument `R`: the runtime, never text. */
const RUNTIME = {
  argumentError, argumentsError, finiteDifference, powerError, clampedRoot,
  values: FUNCTION_NAMES.map((n) => FUNCTIONS[n].value),
  slopes: FUNCTION_NAMES.map((n) => FUNCTIONS[n].slopes),
  kinks: FUNCTION_NAMES.map((n) => FUNCTIONS[n].kink),
  absoluteErrors: FUNCTION_NAMES.map((n) => FUNCTIONS[n].absoluteError),
};

/**
 * The characters generated source may contain outside number literals: the
 * generator's identifiers are ASCII letters, digits and `_`; no quote, backtick,
 * backslash or non-ASCII character can appear, so no string or template can.
 */
const SAFE_SOURCE = /^[A-Za-z0-9_ \n;:,.(){}[\]=<>!?&|+\-*\/%]*$/;

/** Throws unless the source is made of the generator's alphabet alone (see the invariant above). */
export function assertSafeSource(source: string): void {
  if (!SAFE_SOURCE.test(source)) throw new Error('internal: generated numeric code holds a character outside its alphabet');
}

const U = numberLiteral(UNIT_ROUNDOFF);
const ETA = numberLiteral(UNDERFLOW);

interface Result {
  /** An identifier or literal holding the value, valid in the block where it was emitted. */
  readonly v: string;
  /** The same for its running error bound. */
  readonly e: string;
}

class Generator {
  private counter = 0;
  /** Declarations at the factory's level: function constants, caches, sub-functions. */
  readonly prologue: string[] = [];
  private readonly functionsUsed = new Set<number>();
  /**
   * The numbers that depend on the size assignment (sizes, offsets, strides),
   * passed in as the argument `K`: the source depends on the term alone, so one
   * compiled function serves every size (and V8 optimizes it once).
   */
  readonly constants: number[] = [];
  size = 0;

  /** The range 1..n of each index of an enclosing loop, while its body is generated. */
  private readonly boundSizes = new Map<string, number>();

  constructor(private readonly layout: Layout, private readonly slots: IndexSlots,
    private readonly clampsRoot: (name: string, args: readonly Term[]) => boolean) {}

  private fresh(prefix: string): string {
    return `${prefix}${this.counter++}`;
  }

  /** A size-dependent integer as a factory constant `k0`, `k1`, ... */
  private k(x: number): string {
    if (!Number.isInteger(x)) throw new Error('internal: a layout number that is not an integer');
    this.constants.push(x);
    return `k${this.constants.length - 1}`;
  }

  private emit(out: string[], line: string): void {
    this.size += line.length + 1;
    if (this.size > MAX_SOURCE) throw new SourceTooLarge();
    out.push(line);
  }

  /** The function's number in the runtime table, with its value, slopes and kink as factory constants. */
  private fn(name: FunctionName): number {
    const k = FUNCTION_NAMES.indexOf(name);
    if (k < 0) throw new Error('internal: a function outside the table');
    if (!this.functionsUsed.has(k)) {
      this.functionsUsed.add(k);
      this.prologue.push(`const F${k} = R.values[${k}], S${k} = R.slopes[${k}], K${k} = R.kinks[${k}], A${k} = R.absoluteErrors[${k}];`);
    }
    return k;
  }

  /**
   * compile.ts's carry(slope, error), inline: a call per use would box its double
   * arguments once V8's inlining budget for a large function is spent. `t` is
   * each function's scratch variable.
   */
  private carry(slope: string, error: string): string {
    return `((${error}) === 0 || (${slope}) === 0 ? 0 : (t = Math.abs(${slope}) * (${error}), t !== t ? Infinity : t))`;
  }

  /** compile.ts's outOfRange(x), inline. */
  private outOfRange(x: string): string {
    return `(t = Math.abs(${x}), t < ${numberLiteral(2 ** -1022)} ? t !== 0 : t === Infinity)`;
  }

  /** compile.ts's noteKink(s, distance), inline. */
  private noteKink(out: string[], distance: string): void {
    this.emit(out, `if (s.differentiating !== 0) { t = Math.abs(${distance}); if (t < s.kinkDistance) s.kinkDistance = t; }`);
  }

  /** A function body (`function name(s) {...}`) evaluating t, setting s.error. */
  func(name: string, t: Term, bound: ReadonlySet<string>): string {
    const out: string[] = ['let t = 0;'];
    const r = this.term(t, bound, out);
    this.emit(out, `s.error = ${r.e};`);
    this.emit(out, `return ${r.v};`);
    return `function ${name}(s) {\n${out.join('\n')}\n}`;
  }

  /** An index position as an identifier or literal (statements emitted first where needed). */
  private index(i: Index, out: string[]): string {
    switch (i.k) {
      case 'lit': return numberLiteral(i.value);
      case 'var': return `(s.indices[${this.slots.slot(i.name)}] + ${numberLiteral(i.offset)})`;
      case 'dim': return this.k(this.layout.sizes.get(i.name)! + i.offset);
      case 'affine': {
        // Only serialised numbers and index slots: the variables' names never reach the source.
        let constant = i.offset;
        const parts: string[] = [];
        for (const t of i.terms) {
          if (t.dim) constant += t.coef * this.layout.sizes.get(t.name)!;
          else parts.push(`${numberLiteral(t.coef)} * s.indices[${this.slots.slot(t.name)}]`);
        }
        return `(${[...parts, this.k(constant)].join(' + ')})`;
      }
      case 'label': {
        const o = numberLiteral(i.offset);
        const c = this.fresh('c');
        if (i.indices.length > 0) {
          const at = this.position({ name: i.name, indices: i.indices }, out);
          this.emit(out, `const ${c} = ${at} < 0 ? NaN : Math.round(s.values[${at}]) + ${o};`);
        } else {
          this.emit(out, `const ${c} = Math.round(s.values[${this.k(this.layout.slots.get(i.name)!.offset)}]) + ${o};`);
        }
        return c;
      }
    }
  }

  /** Where an input entry lives in values, as an identifier; -1 when an index is out of range (as compilePosition). */
  private position(ref: InputRef, out: string[]): string {
    const slot = this.layout.slots.get(ref.name)!;
    const offset = this.k(slot.offset);
    if (ref.indices.length === 0) return offset;
    const p = this.fresh('p');
    const at = ref.indices.map((i) => {
      const x = this.index(i, out);
      if (/^[a-z][0-9]+$/.test(x) || /^[0-9]+$/.test(x)) return x;
      const name = this.fresh('i');
      this.emit(out, `const ${name} = ${x};`);
      return name;
    });
    if (at.length === 1) {
      this.emit(out, `const ${p} = ${at[0]} >= 1 && ${at[0]} <= ${this.k(slot.shape[0])} ? ${offset} + ${at[0]} - 1 : -1;`);
      return p;
    }
    const outside = at.map((x, d) => `${x} < 1 || ${x} > ${this.k(slot.shape[d])}`).join(' || ');
    const sum = at.map((x, d) => ` + (${x} - 1) * ${this.k(slot.strides[d])}`).join('');
    this.emit(out, `const ${p} = ${outside} ? -1 : ${offset}${sum};`);
    return p;
  }

  private term(t: Term, bound: ReadonlySet<string>, out: string[]): Result {
    switch (t.k) {
      case 'num': {
        const v = literalValue(t.value);
        const e = literalError(t.value, v);
        if (outOfRange(v) || (v === 0 && t.value.num !== 0n)) this.emit(out, 's.needsPrecision = true;');
        return { v: numberLiteral(v), e: numberLiteral(e) };
      }
      case 'pi': return { v: numberLiteral(Math.PI), e: numberLiteral(UNIT_ROUNDOFF * Math.PI) };
      case 'size': return { v: this.k(this.layout.sizes.get(t.name)!), e: '0' };
      case 'ival': {
        const i = this.index(t.index, out);
        const v = this.fresh('v');
        this.emit(out, `const ${v} = ${i};`);
        return { v, e: '0' };
      }
      case 'input': {
        const p = this.position(t.ref, out);
        const v = this.fresh('v');
        this.emit(out, `const ${v} = ${p} < 0 ? NaN : s.values[${p}];`);
        return { v, e: '0' };
      }
      case 'add': {
        const acc = this.fresh('a');
        const err = this.fresh('e');
        this.emit(out, `let ${acc} = 0, ${err} = 0;`);
        for (const part of t.terms) {
          const r = this.term(part, bound, out);
          this.emit(out, `${acc} += ${r.v}; ${err} += ${r.e} + ${U} * Math.abs(${acc});`);
        }
        this.emit(out, `if (${acc} === Infinity || ${acc} === -Infinity) s.needsPrecision = true;`);
        this.emit(out, `${err} = ${err} === ${err} ? ${err} : Infinity;`);
        return { v: acc, e: err };
      }
      case 'mul': {
        const product = this.fresh('m');
        const err = this.fresh('e');
        const next = this.fresh('n');
        this.emit(out, `let ${product} = 1, ${err} = 0, ${next} = 0;`);
        // As compile.ts: index comparisons first where one at 0 makes the product exactly 0 (selector-products.ts).
        const selectors = selectorFactors(t, this.layout);
        const read = new Map<number, Result>();
        if (selectors !== undefined) {
          for (const i of selectors) read.set(i, this.term(t.factors[i], bound, out));
          this.emit(out, `if (${selectors.map((i) => `${read.get(i)!.v} === 0`).join(' || ')}) { ${product} = 0; ${err} = ${ETA}; } else {`);
        }
        for (const [i, factor] of t.factors.entries()) {
          const { v, e } = read.get(i) ?? this.term(factor, bound, out);
          this.emit(out, `${next} = ${product} * ${v};`);
          this.emit(out, `if (${next} === 0 ? ${product} !== 0 && ${v} !== 0 : ${this.outOfRange(next)} && Number.isFinite(${product}) && Number.isFinite(${v})) s.needsPrecision = true;`);
          // The product of the errors too: where both values were lost (0 +- 2e-8 times 0 +- 4e-16), it is all there is.
          this.emit(out, `${err} = ${this.carry(v, err)} + ${this.carry(product, e)} + ${this.carry(err, e)} + ${U} * Math.abs(${next}) + ${ETA}; ${product} = ${next};`);
        }
        if (selectors !== undefined) this.emit(out, '}');
        this.emit(out, `${err} = ${err} === ${err} ? ${err} : Infinity;`);
        return { v: product, e: err };
      }
      case 'pow': {
        const base = this.term(t.base, bound, out);
        const exponent = this.term(t.exponent, bound, out);
        const [b, eb, x, ex] = [this.fresh('b'), this.fresh('e'), this.fresh('x'), this.fresh('e')];
        const v = this.fresh('v');
        const e = this.fresh('e');
        this.emit(out, `const ${b} = ${base.v}, ${eb} = ${base.e}, ${x} = ${exponent.v}, ${ex} = ${exponent.e};`);
        this.emit(out, `if (!Number.isInteger(${x})) {`);
        this.noteKink(out, b);
        this.emit(out, '}');
        // As compile.ts: no value in, none out, and 0 to a negative power is a pole.
        this.emit(out, `if (${b} === 0 && ${x} < 0 && ${eb} > 0) s.needsPrecision = true;`);
        this.emit(out, `const ${v} = ${b} !== ${b} || (${b} === 0 && ${x} < 0) ? NaN : Math.pow(${b}, ${x});`);
        this.emit(out, `if (${b} !== 0 && Number.isFinite(${b}) && Number.isFinite(${x}) && (${v} === 0 || ${this.outOfRange(v)})) s.needsPrecision = true;`);
        // As compile.ts: a negative base's sign is the parity of an exponent known to within 1/2 or past 2^53.
        this.emit(out, `if (${b} < 0 && ${ex} > 0 && (${ex} >= 0.5 || Math.abs(${x}) >= 9007199254740992)) s.needsPrecision = true;`);
        // As compile.ts: a base known to less than half its size has no first-order bound for a negative or fractional power.
        const loose = this.fresh('l');
        this.emit(out, `const ${loose} = ${eb} > 0.5 * Math.abs(${b}) && (${x} < 0 || !Number.isInteger(${x}));`);
        this.emit(out, `if (${loose}) s.needsPrecision = true;`);
        this.emit(out, `let ${e} = R.powerError(${b}, ${eb}, ${x}, ${v}, ${loose})` +
          ` + (${v} === 0 ? 0 : ${this.carry(`${v} * Math.log(Math.abs(${b}))`, ex)}) + 2 * ${U} * Math.abs(${v}) + ${ETA};`);
        this.emit(out, `${e} = ${e} === ${e} ? ${e} : Infinity;`);
        // No value, as in the closures: no error bound to carry either.
        this.emit(out, `if (${b} !== ${b} || (${b} === 0 && ${x} < 0)) ${e} = 0;`);
        return { v, e };
      }
      case 'fn': return this.call(t.name, t.args, bound, out);
      // An abstract function is the member of its family its parameters (an input) pick.
      case 'apply': return this.term(instantiateFunctions(t), bound, out);
      case 'sum': {
        const slot = this.slots.slot(t.index);
        const n = dimSize(t.dim, this.layout.sizes);
        const inner = new Set([...bound, t.index]);
        return this.cachedWhenClosed(t, bound, out, (body) => {
          const acc = this.fresh('a');
          const err = this.fresh('e');
          const j = this.fresh('j');
          this.emit(body, `let ${acc} = 0, ${err} = 0;`);
          this.emit(body, `for (let ${j} = 1; ${j} <= ${this.k(n)}; ${j}++) {`);
          this.emit(body, `s.indices[${slot}] = ${j};`);
          const r = this.withBoundSize(t.index, n, () => this.term(t.body, inner, body));
          this.emit(body, `${acc} += ${r.v}; ${err} += ${r.e} + ${U} * Math.abs(${acc});`);
          this.emit(body, '}');
          this.emit(body, `${err} = ${err} === ${err} ? ${err} : Infinity;`);
          return { v: acc, e: err };
        });
      }
      // A series stops where its terms say (series.ts): the closures sum it, and the whole term stays with them.
      case 'series': throw new NotGenerated();
      // A quadrature stops where its levels agree (quadrature.ts): the closures take it, as a series.
      case 'integral': case 'limit': throw new NotGenerated();
      case 'reduce': {
        const slot = this.slots.slot(t.index);
        const n = dimSize(t.dim, this.layout.sizes);
        const inner = new Set([...bound, t.index]);
        if (t.op === 'prod') {
          const [product, err, next, j] = [this.fresh('m'), this.fresh('e'), this.fresh('n'), this.fresh('j')];
          this.emit(out, `let ${product} = 1, ${err} = 0;`);
          this.emit(out, `for (let ${j} = 1; ${j} <= ${this.k(n)}; ${j}++) {`);
          this.emit(out, `s.indices[${slot}] = ${j};`);
          const { v, e } = this.term(t.body, inner, out);
          this.emit(out, `const ${next} = ${product} * ${v};`);
          this.emit(out, `${err} = ${err} * Math.abs(${v}) + ${this.carry(product, e)} + ${U} * Math.abs(${next}) + ${ETA};`);
          this.emit(out, `if (Number.isFinite(${product}) && Number.isFinite(${v}) && (${this.outOfRange(next)} || (${next} === 0 && ${product} !== 0 && ${v} !== 0))) s.needsPrecision = true;`);
          this.emit(out, `${product} = ${next};`);
          this.emit(out, '}');
          this.emit(out, `${err} = ${err} === ${err} ? ${err} : Infinity;`);
          return { v: product, e: err };
        }
        return this.cachedWhenClosed(t, bound, out, (body) => {
          const j = this.fresh('j');
          return this.extremum(t.op === 'max' ? 1 : -1, body, (each) => {
            this.emit(body, `for (let ${j} = 1; ${j} <= ${this.k(n)}; ${j}++) {`);
            this.emit(body, `s.indices[${slot}] = ${j};`);
            each(this.withBoundSize(t.index, n, () => this.term(t.body, inner, body)), 'break');
            this.emit(body, '}');
          });
        });
      }
      case 'extremum': {
        const label = this.fresh('L');
        return this.extremum(t.op === 'max' ? 1 : -1, out, (each) => {
          this.emit(out, `${label}: {`);
          for (const part of t.terms) each(this.term(part, bound, out), `break ${label}`);
          this.emit(out, '}');
        });
      }
      case 'icmp': {
        const a = this.index(t.a, out);
        const b = this.index(t.b, out);
        const v = this.fresh('v');
        this.emit(out, `const ${v} = ${a} ${OPERATORS[t.op]} ${b} ? 1 : 0;`);
        return { v, e: '0' };
      }
      case 'cmp': {
        const a = this.term(t.a, bound, out);
        const x = this.fresh('x');
        const ex = this.fresh('e');
        this.emit(out, `const ${x} = ${a.v}, ${ex} = ${a.e};`);
        const b = this.term(t.b, bound, out);
        const [y, bd, v] = [this.fresh('y'), this.fresh('d'), this.fresh('v')];
        const identical = termKey(t.a) === termKey(t.b);
        this.emit(out, `const ${y} = ${b.v}, ${bd} = ${ex} + ${b.e};`);
        const moves = movesWithInputs(t.a) || movesWithInputs(t.b);
        if (moves) this.noteKink(out, `${x} - ${y}`);
        if (!identical) {
          // As compile.ts: a tie of whole-number sides is a tie; of any others, a guess within their rounding.
          if (moves || (isLiteralConstant(t.a) && isLiteralConstant(t.b)) || !(isWholeArithmetic(t.a) && isWholeArithmetic(t.b))) {
            this.emit(out, `if (${bd} > 0 && s.differentiating === 0 && !(Math.abs(${x} - ${y}) > ${bd})) s.needsPrecision = true;`);
          }
          this.emit(out, `if (!Number.isFinite(${x}) || !Number.isFinite(${y})) s.needsPrecision = true;`);
        }
        this.emit(out, `const ${v} = ${x} !== ${x} || ${y} !== ${y} ? NaN : ${x} ${OPERATORS[t.op]} ${y} ? 1 : 0;`);
        return { v, e: '0' };
      }
      case 'diff': {
        const name = this.fresh('D');
        this.prologue.push(this.func(name, t.f, bound));
        const p = this.position(t.v, out);
        const [v, e] = [this.fresh('v'), this.fresh('e')];
        this.emit(out, `const ${v} = R.finiteDifference(s, ${name}, ${p}), ${e} = s.error;`);
        return { v, e };
      }
    }
  }

  /** A function of the table applied to its arguments, as compile.ts's `fn` case. */
  private call(name: FunctionName, argTerms: readonly Term[], bound: ReadonlySet<string>, out: string[]): Result {
    const rule = FUNCTIONS[name];
    const k = this.fn(name);
    const args = argTerms.map((a) => this.term(a, bound, out));
    const roundoff = numberLiteral((rule.roundoff ?? 2) * UNIT_ROUNDOFF);
    const o = this.fresh('o');
    const e = this.fresh('e');
    if (args.length === 1) {
      const [v, ea] = [this.fresh('v'), this.fresh('e')];
      // The value as compile.ts reads it: a root of what cannot be below 0 clamped at its edge (nonnegative-roots.ts).
      const f = this.clampsRoot(name, argTerms) ? 'R.clampedRoot' : `F${k}`;
      this.emit(out, `const ${v} = ${args[0].v}, ${ea} = ${args[0].e};`);
      if (rule.kink) this.noteKink(out, `K${k}(${v})`);
      else if (name === 'sqrt') this.noteKink(out, v);
      this.emit(out, `const ${o} = ${f}(${v});`);
      const zero = NEVER_ZERO.has(name) ? ` || ${o} === 0` : '';
      this.emit(out, `if (Number.isFinite(${v}) && (${this.outOfRange(o)}${zero})) s.needsPrecision = true;`);
      if (rule.jumpDistance && rule.kink) this.emit(out, `if (${ea} > 0 && Math.abs(K${k}(${v})) <= ${ea} && s.differentiating === 0) s.needsPrecision = true;`);
      const absolute = rule.absoluteError ? ` + A${k}(${v})` : '';
      this.emit(out, `let ${e} = (${ea} === 0 ? 0 : R.argumentError(${f}, ${v}, ${o}, S${k}(${v})[0], ${ea})) + ${roundoff} * Math.abs(${o})${absolute} + ${ETA};`);
      this.emit(out, `${e} = ${e} === ${e} ? ${e} : Infinity;`);
      return { v: o, e };
    }
    const vs = args.map(() => this.fresh('v'));
    const es = args.map(() => this.fresh('e'));
    this.emit(out, `const ${args.map((a, i) => `${vs[i]} = ${a.v}, ${es[i]} = ${a.e}`).join(', ')};`);
    const list = vs.join(', ');
    this.emit(out, `const ${o} = F${k}(${list});`);
    if (rule.kink) this.noteKink(out, `K${k}(${list})`);
    this.emit(out, `if (${vs.map((v) => `Number.isFinite(${v})`).join(' && ')} && ${this.outOfRange(o)}) s.needsPrecision = true;`);
    this.emit(out, `let ${e} = ${roundoff} * Math.abs(${o})${rule.absoluteError ? ` + A${k}(${list})` : ''} + ${ETA};`);
    const [slopes, first] = [this.fresh('g'), this.fresh('f')];
    // As the closures: the first-order part summed, and past its share of the value the change over the errors (compile.ts's argumentsError).
    this.emit(out, `if (${es.map((x) => `${x} !== 0`).join(' || ')}) { const ${slopes} = S${k}(${list}); let ${first} = 0; ${es.map((x, i) => `${first} += ${this.carry(`${slopes}[${i}]`, x)};`).join(' ')} `
      + `${e} += ${first} <= ${numberLiteral(FIRST_ORDER_SHARE)} * Math.max(Math.abs(${o}), 1) ? ${first} : R.argumentsError(F${k}, [${list}], [${es.join(', ')}], ${o}, ${first}); }`);
    this.emit(out, `${e} = ${e} === ${e} ? ${e} : Infinity;`);
    return { v: o, e };
  }

  /**
   * The largest (sign 1) or smallest (sign -1) of the values `loop` produces,
   * as compile.ts's `extremum`: a NaN stops the scan (through `exit`) with NaN
   * and error 0; the gap to the runner-up is a kink distance.
   */
  private extremum(sign: 1 | -1, out: string[], loop: (each: (r: Result, exit: string) => void) => void): Result {
    const [best, second, be, se, nan] = [this.fresh('b'), this.fresh('c'), this.fresh('e'), this.fresh('e'), this.fresh('q')];
    const s = numberLiteral(sign);
    this.emit(out, `let ${best} = -Infinity, ${second} = -Infinity, ${be} = 0, ${se} = 0, ${nan} = false;`);
    loop((r, exit) => {
      const v = this.fresh('v');
      this.emit(out, `const ${v} = ${s} * ${r.v};`);
      this.emit(out, `if (Number.isNaN(${v})) { ${nan} = true; ${exit}; }`);
      this.emit(out, `if (${v} > ${best}) { ${second} = ${best}; ${se} = ${be}; ${best} = ${v}; ${be} = ${r.e}; } else if (${v} > ${second}) { ${second} = ${v}; ${se} = ${r.e}; }`);
    });
    const [v, e] = [this.fresh('v'), this.fresh('e')];
    this.emit(out, `let ${v} = NaN, ${e} = 0;`);
    this.emit(out, `if (!${nan}) {`);
    this.emit(out, `if (${second} > -Infinity) {`);
    this.noteKink(out, `${best} - ${second}`);
    this.emit(out, `}`);
    this.emit(out, `${e} = Math.max(${be}, ${se}); ${v} = ${s} * ${best};`);
    this.emit(out, `}`);
    return { v, e };
  }

  /**
   * compile.ts's cachedWhenClosed: a sum or reduction free of every enclosing
   * summation index is computed once per epoch and per value of its free indices,
   * keeping its precision flag.
   */
  /** Generates with the index `name` of an enclosing loop known to run over 1..n. */
  private withBoundSize<T>(name: string, n: number, generate: () => T): T {
    const outer = this.boundSizes.get(name);
    this.boundSizes.set(name, n);
    try {
      return generate();
    } finally {
      if (outer === undefined) this.boundSizes.delete(name);
      else this.boundSizes.set(name, outer);
    }
  }

  /**
   * A sum that reads the index of an enclosing loop (h2[j] = tanh(sum(l, W[j, l] * h1[l]))
   * inside h3's sum over j, a let inlined in a let): computed once per value of those
   * indices and input, in a table, not once per iteration of every loop around it. A
   * deep chain of lets costs n^2 per layer instead of n^depth. The value, error bound and
   * precision flag are those the loop computes; they are read back as computed.
   */
  private cachedPerIndex(t: Term, bound: ReadonlySet<string>, out: string[], loop: (body: string[]) => Result): Result {
    const names = freeIndexNames(t);
    const outer = names.filter((name) => bound.has(name));
    const sizes = outer.map((name) => this.boundSizes.get(name));
    const entries = sizes.reduce<number>((a, b) => a * (b ?? Infinity), 1);
    // Only an enclosing loop's index makes it vary: a name bound inside t as well (a shadowed index) is t's own.
    // And only where an enclosing loop does not change it is the sum met again with the same key: where every
    // enclosing loop's index is in the key (softmax's sum inside the loop over k), a table costs and saves nothing.
    const repeated = [...bound].some((name) => !outer.includes(name));
    if (outer.length === 0 || !repeated || sizes.some((n) => n === undefined) || entries > MAX_CACHED_ENTRIES) return loop(out);
    const outerSlots = outer.map((name) => this.slots.slot(name));
    const freeSlots = names.filter((name) => !bound.has(name)).map((name) => this.slots.slot(name));
    const c = this.fresh('T');
    // Per entry: the stamp it was computed at, its value and error; a stamp per input (epoch, generation, version
    // of the inputs read) and values of the free indices.
    this.prologue.push(`const ${c}d = new Float64Array(${3 * entries}), ${c}p = new Uint8Array(${entries}), ${c}s = new Float64Array(3), ${c}k = new Int32Array(${freeSlots.length}); ${c}s[0] = -1; ${c}s[1] = 1; ${c}s[2] = -1; ${c}d.fill(0);`);
    const [fresh, o, before, version] = [this.fresh('f'), this.fresh('o'), this.fresh('w'), this.fresh('u')];
    this.emit(out, `const ${version} = ${this.versionOf(t)};`);
    this.emit(out, `let ${fresh} = s.epoch === ${c}s[0] && ${version} === ${c}s[2];`);
    freeSlots.forEach((slot, q) => this.emit(out, `${fresh} = ${fresh} && ${c}k[${q}] === s.indices[${slot}];`));
    this.emit(out, `if (!${fresh}) { ${c}s[0] = s.epoch; ${c}s[1]++; ${c}s[2] = ${version}; ${freeSlots.map((slot, q) => `${c}k[${q}] = s.indices[${slot}];`).join(' ')} }`);
    let stride = 1;
    const offset = outerSlots.map((slot, q) => { const part = `(s.indices[${slot}] - 1) * ${stride}`; stride *= sizes[q]!; return part; }).join(' + ');
    this.emit(out, `const ${o} = ${offset};`);
    this.emit(out, `if (${c}d[3 * ${o}] !== ${c}s[1]) {`);
    this.emit(out, `const ${before} = s.needsPrecision; s.needsPrecision = false;`);
    const r = loop(out);
    this.emit(out, `${c}d[3 * ${o}] = ${c}s[1]; ${c}d[3 * ${o} + 1] = ${r.v}; ${c}d[3 * ${o} + 2] = ${r.e}; ${c}p[${o}] = s.needsPrecision ? 1 : 0; s.needsPrecision = ${before} || s.needsPrecision;`);
    this.emit(out, '}');
    this.emit(out, `if (${c}p[${o}] === 1) s.needsPrecision = true;`);
    const [v, e] = [this.fresh('v'), this.fresh('e')];
    this.emit(out, `const ${v} = ${c}d[3 * ${o} + 1], ${e} = ${c}d[3 * ${o} + 2];`);
    return { v, e };
  }

  /** compile.ts's versionOf, written out: the sum of the versions of the inputs t reads. */
  private versionOf(t: Term): string {
    const read = inputsRead(t, this.layout);
    return read.length === 0 ? '0' : `(${read.map((q) => `s.versions[${q}]`).join(' + ')})`;
  }

  private cachedWhenClosed(t: Term, bound: ReadonlySet<string>, out: string[], loop: (body: string[]) => Result): Result {
    if (usesIndexVariable(t, bound)) return this.cachedPerIndex(t, bound, out, loop);
    const keySlots = freeIndexNames(t).map((name) => this.slots.slot(name));
    const c = this.fresh('C');
    // Epoch, value, error and version in a Float64Array: a double written to a variable of the factory's scope would be boxed anew each time.
    this.prologue.push(`const ${c}d = new Float64Array(4), ${c}k = new Int32Array(${keySlots.length}); ${c}d[0] = -1; ${c}d[3] = -1; let ${c}l = false;`);
    const fresh = this.fresh('f');
    const before = this.fresh('w');
    const version = this.versionOf(t);
    this.emit(out, `let ${fresh} = s.epoch === ${c}d[0] && ${version} === ${c}d[3];`);
    keySlots.forEach((slot, q) => this.emit(out, `${fresh} = ${fresh} && ${c}k[${q}] === s.indices[${slot}];`));
    this.emit(out, `if (!${fresh}) {`);
    this.emit(out, `const ${before} = s.needsPrecision; s.needsPrecision = false;`);
    const r = loop(out);
    this.emit(out, `${c}d[1] = ${r.v}; ${c}d[2] = ${r.e}; ${c}l = s.needsPrecision; s.needsPrecision = ${before} || ${c}l; ${c}d[0] = s.epoch; ${c}d[3] = ${version};`);
    keySlots.forEach((slot, q) => this.emit(out, `${c}k[${q}] = s.indices[${slot}];`));
    this.emit(out, '}');
    this.emit(out, `if (${c}l) s.needsPrecision = true;`);
    const [v, e] = [this.fresh('v'), this.fresh('e')];
    this.emit(out, `const ${v} = ${c}d[1], ${e} = ${c}d[2];`);
    return { v, e };
  }
}

class SourceTooLarge extends Error {}
/** A term the generated code does not write (a series): the closures evaluate it. */
class NotGenerated extends Error {}

/** Generated code: the source of a factory `(R, K) => evaluator` and the size-dependent constants `K` it takes. */
export interface GeneratedCode {
  readonly source: string;
  readonly constants: readonly number[];
}

/** The generated code of a term at one size assignment; undefined past {@link MAX_SOURCE}. */
export function generateSource(term: Term, layout: Layout, slots: IndexSlots): GeneratedCode | undefined {
  const g = new Generator(layout, slots, rootClamping(term, layout));
  try {
    const main = g.func('evaluate', term, new Set());
    const constants = g.constants.length === 0 ? '' : `const ${g.constants.map((_, i) => `k${i} = K[${i}]`).join(', ')};\n`;
    const source = `'use strict';\n${constants}${g.prologue.join('\n')}\nreturn ${main};`;
    if (source.length > MAX_SOURCE) return undefined;
    return { source, constants: g.constants };
  } catch (e) {
    if (e instanceof SourceTooLarge || e instanceof NotGenerated) return undefined;
    throw e;
  }
}

type Factory = (runtime: typeof RUNTIME, constants: readonly number[]) => Compiled;

/**
 * Compiled factories by source. The source depends on the term, not on the
 * sizes, so a step's term compiles once for all its sizes, and again never: a
 * second check of the same step (the bench, a watch mode) reuses V8's optimized
 * code. Cleared when full, so a long session cannot grow it without bound.
 */
const factories = new Map<string, Factory>();
const MAX_FACTORIES = 4096;

/** The evaluator of generated code, after checking its source against the invariant. */
export function compileGenerated(code: GeneratedCode): Compiled {
  let factory = factories.get(code.source);
  if (factory === undefined) {
    // 'use strict' is the one quoted text: the directive, added here, never from a term.
    assertSafeSource(code.source.replace(/^'use strict';\n/, ''));
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    factory = new Function('R', 'K', code.source) as Factory;
    if (factories.size >= MAX_FACTORIES) factories.clear();
    factories.set(code.source, factory);
  }
  return factory(RUNTIME, code.constants);
}

/**
 * Node evaluations (see {@link estimatedWork}) past which a term is worth
 * generating code for. Generating and compiling a term's source costs about a
 * millisecond, and V8 optimizes a new function only after it has run a while,
 * while the closures of compile.ts run code V8 optimized long ago for every term:
 * generating every term made the suite 1.4x slower (it compiles some 500 terms
 * per note, most evaluated a few hundred times at sizes up to 8). Generated code
 * evaluates 1.5x to 2.5x faster (softmax cross-entropy at n = 100 and 1000).
 * So a term whose one evaluation is this much work is generated at once ...
 */
export const GENERATE_AT_ONCE = 20_000;
/** ... and any other once its evaluations so far add up to this much work (some 10 ms of closures). */
export const GENERATE_AFTER = 1_000_000;

/** Terms a series usually takes, for the work estimate (x^k / k! at x = 5 takes about 40). */
const SERIES_TERMS_ESTIMATE = 40;

/** Nodes a quadrature usually takes (a smooth integrand settles at the fourth level, some 200). */
const QUADRATURE_NODES_ESTIMATE = 200;

/** Points a limit's body is read at: three on each side (model/precise-limit.ts). */
const LIMIT_POINTS = 6;

/** Evaluations a finite difference takes of its function, about: the tableau's rows, two each, and a retry. */
const DIFFERENCE_EVALUATIONS = 40;

/** About how many nodes one evaluation of a term visits at a size assignment (cached sums counted in full). */
export function estimatedWork(t: Term, layout: Layout): number {
  switch (t.k) {
    case 'num': case 'pi': case 'size': case 'input': case 'icmp': case 'ival': return 1;
    case 'add': return t.terms.reduce((w, c) => w + estimatedWork(c, layout), 1);
    case 'mul': return t.factors.reduce((w, c) => w + estimatedWork(c, layout), 1);
    case 'extremum': return t.terms.reduce((w, c) => w + estimatedWork(c, layout), 1);
    case 'fn': return t.args.reduce((w, c) => w + estimatedWork(c, layout), 1);
    case 'apply': return estimatedWork(instantiateFunctions(t), layout);
    case 'pow': return 1 + estimatedWork(t.base, layout) + estimatedWork(t.exponent, layout);
    case 'cmp': return 1 + estimatedWork(t.a, layout) + estimatedWork(t.b, layout);
    case 'sum': case 'reduce': return 1 + dimSize(t.dim, layout.sizes) * estimatedWork(t.body, layout);
    // About the terms a power series takes to converge.
    case 'series': return 1 + SERIES_TERMS_ESTIMATE * estimatedWork(t.body, layout);
    case 'diff': return 1 + DIFFERENCE_EVALUATIONS * estimatedWork(t.f, layout);
    case 'limit': return 1 + LIMIT_POINTS * estimatedWork(t.body, layout) + (t.at ? estimatedWork(t.at, layout) : 0);
    case 'integral': return 1 + QUADRATURE_NODES_ESTIMATE * estimatedWork(t.body, layout)
      + (t.lower ? estimatedWork(t.lower, layout) : 0) + (t.upper ? estimatedWork(t.upper, layout) : 0);
  }
}

/**
 * Compiles a term once, at one size assignment, into a function over the flat
 * input array: generated code (see the top of this file) when it pays (see
 * {@link GENERATE_AT_ONCE}), else closures (compile.ts) that hand over to
 * generated code once the evaluations add up to {@link GENERATE_AFTER}. Both
 * compute the same bits, and the hand-over happens only at a new input (the
 * `epoch` moved since the last call ended), where every sum the closures cached
 * is stale: results do not depend on when it happens. `diff` nodes become
 * central differences with Richardson extrapolation, of a generated
 * sub-function in generated code.
 */
export function compileTerm(written: Term, layout: Layout, slots: IndexSlots): Compiled {
  // One slot per index name: a sum that shadows an enclosing one would overwrite its index.
  const term = withUniqueBinders(written);
  const work = estimatedWork(term, layout);
  if (work >= GENERATE_AT_ONCE) {
    const code = generateSource(term, layout, slots);
    return code === undefined ? compileClosures(term, layout, slots) : compileGenerated(code);
  }
  let current = compileClosures(term, layout, slots);
  let done = 0;
  let lastEpoch = NaN;
  let settled = false;
  return (s) => {
    if (!settled) {
      done += work;
      if (done >= GENERATE_AFTER && s.epoch !== lastEpoch) {
        settled = true;
        const code = generateSource(term, layout, slots);
        if (code !== undefined) current = compileGenerated(code);
      }
    }
    const value = current(s);
    lastEpoch = s.epoch;
    return value;
  };
}
