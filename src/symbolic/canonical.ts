import { FUNCTIONS, printRef, printTerm, type Input, type Term } from '../model/index.ts';
import { Budget, Polynomial, Rational, RationalFunction } from './exact/index.ts';

/**
 * What a variable of the canonical form stands for. The canonical form of a
 * term is a rational function of these atoms with exact rational coefficients.
 */
export type Atom =
  /** An entry of an input, e.g. x[2]. */
  | { readonly kind: 'input'; readonly name: string; readonly text: string; readonly positive: boolean }
  /** exp(m / q) for a monomial m of other atoms (q = 1 usually): exp(x[1]), exp(1). */
  | { readonly kind: 'exp'; readonly text: string; readonly powers: ReadonlyArray<readonly [number, number]>; readonly den: bigint }
  /** log(P) of a positive primitive polynomial, a positive atom, or a prime. */
  | { readonly kind: 'log'; readonly text: string }
  | { readonly kind: 'pi'; readonly text: string }
  /** 1 where P > 0, else 0 (P = 0 has measure zero): the building block of relu, abs, max, < and >. */
  | { readonly kind: 'step'; readonly text: string }
  /** Anything else, kept whole and compared by its printed canonical argument: sin(x), x^(1/2). */
  | { readonly kind: 'opaque'; readonly text: string };

/**
 * How an atom's value follows from the values of the inputs and of other atoms:
 * what lets a canonical form be evaluated as a number, so that tests (and a
 * curious user) can check the canonical form against the expression it came from.
 */
export type AtomValue = (atom: (id: number) => number, input: (entry: string) => number) => number;

/**
 * Interns atoms: one id per distinct atom across both sides of a step, so that
 * `exp(x[1])` on the left and on the right are the same variable.
 */
export class AtomTable {
  readonly atoms: Atom[] = [];
  private readonly ids = new Map<string, number>();
  /** For each `log` atom, the polynomial it is the log of, so exp(log P) can be P again. */
  readonly logArgument = new Map<number, RationalFunction>();
  /** The step atoms: idempotent (h^2 = h). */
  readonly stepAtoms = new Set<number>();
  /** Atoms that stand for the size of a dimension (the every-n prover's n). */
  readonly sizeAtoms = new Set<number>();

  private readonly values: (AtomValue | undefined)[] = [];

  intern(key: string, make: () => Atom, value?: AtomValue): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.atoms.length;
      this.atoms.push(make());
      this.values.push(value);
      this.ids.set(key, id);
    }
    return id;
  }

  /**
   * The value of every atom at a point, given the inputs' entries by name (`x[1]`).
   * Throws for an atom with no numeric meaning (the every-n prover's sum atoms).
   */
  evaluator(input: (entry: string) => number): (id: number) => number {
    const memo = new Map<number, number>();
    const atom = (id: number): number => {
      let v = memo.get(id);
      if (v === undefined) {
        const f = this.values[id];
        if (!f) throw new Error(`the atom ${this.atoms[id].text} has no numeric value`);
        v = f(atom, input);
        memo.set(id, v);
      }
      return v;
    };
    return atom;
  }

  isPositive(id: number): boolean {
    const a = this.atoms[id];
    return a.kind === 'exp' || a.kind === 'pi' || (a.kind === 'input' && a.positive);
  }

  name(id: number): string {
    return this.atoms[id].text;
  }
}

/** Input kinds whose entries are positive, so that log of them splits and they may divide. */
const POSITIVE_KINDS = new Set(['positive', 'unit', 'simplex']);

/**
 * Brings an expanded term (no sums, no free indices, no diff) to its canonical
 * rational function. Applies the real-domain laws only where they hold:
 * `log(a b) = log a + log b` and `log(a / b)` only when every factor is known
 * positive (an exp, a positive input, a polynomial with positive coefficients
 * in positive atoms); otherwise the log is kept whole as an opaque atom.
 */
export class Canonicalizer {
  constructor(
    readonly atoms: AtomTable,
    private readonly inputs: ReadonlyMap<string, Input>,
    public budget: Budget,
    /** How to read what only index notation has (sums, index comparisons, sizes); absent at concrete sizes. */
    private readonly indexNotation?: IndexNotationRules,
  ) {}

  /** Canonical forms of large sums by identity: an expansion shared across instances is read once. */
  private readonly cache = new WeakMap<Term, RationalFunction>();

  of(t: Term): RationalFunction {
    if (t.k === 'add' && t.terms.length > 4) {
      const hit = this.cache.get(t);
      if (hit) return hit;
      const value = this.read(t);
      this.cache.set(t, value);
      return value;
    }
    return this.read(t);
  }

  private read(t: Term): RationalFunction {
    const b = this.budget;
    switch (t.k) {
      case 'num':
        return RationalFunction.constant(Rational.of(t.value.num, t.value.den));
      case 'pi':
        return RationalFunction.variable(this.atoms.intern('pi', () => ({ kind: 'pi', text: 'pi' }), () => Math.PI));
      case 'input': {
        const text = printRef(t.ref);
        const input = this.inputs.get(t.ref.name);
        const positive = input !== undefined && POSITIVE_KINDS.has(input.kind);
        return RationalFunction.variable(this.atoms.intern(`in:${text}`, () => ({ kind: 'input', name: t.ref.name, text, positive }), (_, input) => input(text)));
      }
      case 'add': {
        let acc = RationalFunction.ZERO;
        for (const term of t.terms) acc = acc.add(this.of(term), b);
        return acc;
      }
      case 'mul': {
        let acc = RationalFunction.ONE;
        for (const factor of t.factors) {
          acc = acc.mul(this.of(factor), b);
          if (acc.isZero()) return acc;
        }
        return acc;
      }
      case 'pow':
        return this.power(this.of(t.base), this.of(t.exponent), t);
      case 'fn':
        return this.func(t);
      case 'cmp':
        return this.comparison(t.op, this.of(t.a).sub(this.of(t.b), b));
      case 'size': case 'sum': case 'icmp':
        if (this.indexNotation) return this.indexNotation[t.k](t as never, this);
        throw new Error(`internal: canonical form of an unexpanded term (${t.k})`);
      case 'diff':
        throw new Error('internal: canonical form of a term with diff; differentiate first');
    }
  }

  private power(base: RationalFunction, exponent: RationalFunction, t: Term): RationalFunction {
    const c = constantOf(exponent);
    if (c !== undefined && c.isInteger()) {
      const k = Number(c.num);
      if (k < 0 && base.isZero()) throw new DomainError('division by zero');
      return base.pow(k, this.budget);
    }
    const baseConstant = constantOf(base);
    if (c !== undefined && baseConstant !== undefined && baseConstant.sign() > 0) {
      // A rational power of a positive constant: exp(c log b).
      return this.exp(exponent.mul(this.log(base), this.budget));
    }
    if (this.isPositive(base)) return this.exp(exponent.mul(this.log(base), this.budget));
    return this.opaque(`pow(${this.key(base)}, ${this.key(exponent)})`, printTerm(t),
      (atom) => Math.pow(base.evaluateFloat(atom), exponent.evaluateFloat(atom)));
  }

  private func(t: Extract<Term, { k: 'fn' }>): RationalFunction {
    const b = this.budget;
    const arg = (i: number) => this.of(t.args[i]);
    const one = RationalFunction.ONE;
    switch (t.name) {
      case 'exp': return this.exp(arg(0));
      case 'log': return this.log(arg(0));
      case 'sqrt': return this.power(arg(0), RationalFunction.constant(Rational.of(1, 2)), t);
      case 'sigmoid': return one.div(one.add(this.exp(arg(0).neg()), b), b);
      case 'tanh': {
        const e2 = this.exp(arg(0).mul(RationalFunction.constant(2), b));
        return e2.sub(one, b).div(e2.add(one, b), b);
      }
      case 'softplus': return this.log(one.add(this.exp(arg(0)), b));
      case 'relu': {
        const a = arg(0);
        return a.mul(this.comparison('>', a), b);
      }
      case 'abs': {
        const a = arg(0);
        return a.mul(this.comparison('>', a).sub(this.comparison('<', a), b), b);
      }
      case 'max': case 'min': {
        const a = arg(0);
        const c = arg(1);
        const aWins = this.comparison(t.name === 'max' ? '>' : '<', a.sub(c, b));
        return c.add(a.sub(c, b).mul(aWins, b), b);
      }
      case 'sinh': case 'cosh': case 'sech': {
        // Through exp, so sinh^2 - cosh^2 = -1 and 2 sinh cosh = sinh(2x) are proved, not only verified.
        const e = this.exp(arg(0));
        const eInverse = one.div(e, b);
        const half = RationalFunction.constant(Rational.of(1, 2));
        if (t.name === 'sinh') return e.sub(eInverse, b).mul(half, b);
        const cosh = e.add(eInverse, b).mul(half, b);
        return t.name === 'cosh' ? cosh : one.div(cosh, b);
      }
      case 'log1p': return this.log(one.add(arg(0), b));
      case 'expm1': return this.exp(arg(0)).sub(one, b);
      case 'sign': {
        const a = arg(0);
        return this.comparison('>', a).sub(this.comparison('<', a), b);
      }
      case 'asinh': case 'atan':
      case 'sin': case 'cos':
      {
        const a = arg(0);
        const f = FUNCTIONS[t.name].value;
        return this.opaque(`${t.name}(${this.key(a)})`, printTerm(t), (atom) => f(a.evaluateFloat(atom)));
      }
    }
  }

  /** exp of a sum is a product of exps; exp(k m) is exp(m)^k; exp(log P) is P. */
  exp(a: RationalFunction): RationalFunction {
    const b = this.budget;
    if (a.denominatorFactors().length > 0 || !a.denominatorConstant().equals(Rational.ONE)) {
      const constant = a.denominatorConstant();
      if (a.denominatorFactors().length === 0) {
        // exp(P / c): scale each term; handled by the per-term rule below with rational coefficients.
        return this.expOfPolynomial(a.numerator(b), constant.inv());
      }
      return this.opaque(`exp(${this.key(a)})`, `exp(${a.toString((id) => this.atoms.name(id))})`, (atom) => Math.exp(a.evaluateFloat(atom)));
    }
    return this.expOfPolynomial(a.numerator(b), Rational.ONE);
  }

  private expOfPolynomial(p: Polynomial, scale: Rational): RationalFunction {
    const b = this.budget;
    let acc = RationalFunction.ONE;
    for (const term of p.terms()) {
      const coef = term.coef.mul(scale);
      const powers = powersOf(term.mono);
      if (powers.length === 1 && powers[0][1] === 1 && this.atoms.logArgument.has(powers[0][0]) && coef.isInteger()) {
        acc = acc.mul(this.atoms.logArgument.get(powers[0][0])!.pow(Number(coef.num), b), b);
        continue;
      }
      // exp(coef * m) = exp(m / den)^(num): the atom is exp(m / den).
      const den = coef.den;
      const monoText = powers.length === 0 ? '1' : Polynomial.monomial(1, powers).toString((id) => this.atoms.name(id));
      const text = expAtomText(monoText, den);
      const monomial = Polynomial.monomial(1, powers);
      const id = this.atoms.intern(`exp:${monoKey(powers)}/${den}`, () => ({ kind: 'exp', text, powers, den }),
        (atom) => Math.exp(monomial.evaluateFloat(atom) / Number(den)));
      acc = acc.mul(RationalFunction.variable(id).pow(Number(coef.num), b), b);
    }
    return acc;
  }

  /**
   * log of a rational function whose every factor is known positive splits into
   * a sum of logs; a factor of unknown sign makes the whole log one opaque atom.
   */
  log(a: RationalFunction): RationalFunction {
    const b = this.budget;
    if (a.isZero()) throw new DomainError('log(0)');
    const whole = () => this.opaque(`log(${this.key(a)})`, `log(${a.toString((id) => this.atoms.name(id))})`, (atom) => Math.log(a.evaluateFloat(atom)));
    const numerator = a.numerator(b);
    const { content, cofactor } = numerator.extractMonomialContent();
    const { unit, primitive } = cofactor.normalizeFactor();
    const constant = unit.div(a.denominatorConstant());
    if (constant.sign() < 0) return whole();
    const factors: Array<{ poly: Polynomial; exp: number }> = [];
    for (const [id, e] of content) {
      if (!this.atoms.isPositive(id)) return whole();
      factors.push({ poly: Polynomial.variable(id), exp: e });
    }
    if (!primitive.isConstant()) {
      if (!this.positivePolynomial(primitive)) return whole();
      factors.push({ poly: primitive, exp: 1 });
    }
    for (const f of a.denominatorFactors()) {
      if (!this.positivePolynomial(f.factor)) return whole();
      factors.push({ poly: f.factor, exp: -f.exponent });
    }
    let acc = this.logOfConstant(constant);
    for (const f of factors) acc = acc.add(this.logOfPositive(f.poly).mul(RationalFunction.constant(f.exp), b), b);
    return acc;
  }

  private logOfPositive(p: Polynomial): RationalFunction {
    const powers = p.isConstant() ? [] : powersOf([...p.terms()][0].mono);
    if (p.termCount() === 1 && powers.length === 1 && powers[0][1] === 1) {
      const id = powers[0][0];
      const atom = this.atoms.atoms[id];
      if (atom.kind === 'exp') return this.logOfExpAtom(atom);
    }
    const text = `log(${p.toString((id) => this.atoms.name(id))})`;
    const id = this.atoms.intern(`log:${p.key()}`, () => ({ kind: 'log', text }), (atom) => Math.log(p.evaluateFloat(atom)));
    if (!this.atoms.logArgument.has(id)) this.atoms.logArgument.set(id, RationalFunction.fromPolynomial(p));
    return RationalFunction.variable(id);
  }

  /** log(exp(m / q)) = m / q. */
  private logOfExpAtom(atom: Extract<Atom, { kind: 'exp' }>): RationalFunction {
    const m = RationalFunction.fromPolynomial(Polynomial.monomial(1, atom.powers.map(([id, e]) => [id, e] as [number, number])));
    return m.div(RationalFunction.constant(Rational.of(atom.den)), this.budget);
  }

  /** log of a positive rational: a sum of logs of primes (log 4 = 2 log 2), so constants compare exactly. */
  private logOfConstant(c: Rational): RationalFunction {
    if (c.equals(Rational.ONE)) return RationalFunction.ZERO;
    let acc = RationalFunction.ZERO;
    const addPrimes = (n: bigint, sign: number) => {
      for (const [prime, e] of factorize(n)) {
        const text = `log(${prime})`;
        const id = this.atoms.intern(`logc:${prime}`, () => ({ kind: 'log', text }), () => Math.log(Number(prime)));
        if (!this.atoms.logArgument.has(id)) this.atoms.logArgument.set(id, RationalFunction.constant(Rational.of(prime)));
        acc = acc.add(RationalFunction.variable(id).mul(RationalFunction.constant(sign * e), this.budget), this.budget);
      }
    };
    addPrimes(c.num, 1);
    addPrimes(c.den, -1);
    return acc;
  }

  private positivePolynomial(p: Polynomial): boolean {
    for (const term of p.terms()) {
      if (term.coef.sign() <= 0) return false;
      for (const [id] of powersOf(term.mono)) if (!this.atoms.isPositive(id)) return false;
    }
    return true;
  }

  private isPositive(a: RationalFunction): boolean {
    const c = constantOf(a);
    if (c !== undefined) return c.sign() > 0;
    if (a.denominatorConstant().sign() < 0) return false;
    if (!this.positivePolynomial(a.numerator(this.budget))) return false;
    return a.denominatorFactors().every((f) => this.positivePolynomial(f.factor));
  }

  /**
   * [d op 0] as a 0/1 value. Orderings are taken almost everywhere ([d < 0] = 1 - [d > 0]),
   * which is the semantics of the derivatives of relu, abs and max; equality is kept exact.
   */
  private comparison(op: '<' | '<=' | '>' | '>=' | '==' | '!=', d: RationalFunction): RationalFunction {
    const one = RationalFunction.ONE;
    const c = constantOf(d);
    if (c !== undefined) {
      const s = c.sign();
      const holds = op === '<' ? s < 0 : op === '<=' ? s <= 0 : op === '>' ? s > 0 : op === '>=' ? s >= 0 : op === '==' ? s === 0 : s !== 0;
      return holds ? one : RationalFunction.ZERO;
    }
    if (op === '==' || op === '!=') {
      // Not "0 almost everywhere": x[i] == x[k] is a claim about every input, ties included,
      // and a tie is an ordinary input (fast-check draws them). Kept whole: undecidable here.
      const { primitive } = d.numerator(this.budget).normalizeFactor();
      const text = `(${primitive.toString((id) => this.atoms.name(id))} == 0)`;
      const tie = RationalFunction.variable(this.atoms.intern(`tie:${primitive.key()}`, () => ({ kind: 'opaque', text }),
        (atom) => (primitive.evaluateFloat(atom) === 0 ? 1 : 0)));
      return op === '==' ? tie : one.sub(tie, this.budget);
    }
    // The sign of d is the sign of its numerator times its denominator; use the product's primitive part.
    const numerator = d.numerator(this.budget);
    let signed = numerator;
    for (const f of d.denominatorFactors()) if (f.exponent % 2 === 1) signed = signed.mul(f.factor, this.budget);
    const { unit, primitive } = signed.normalizeFactor();
    const sign = unit.sign() * d.denominatorConstant().sign();
    const text = `(${primitive.toString((id) => this.atoms.name(id))} > 0)`;
    const id = this.atoms.intern(`step:${primitive.key()}`, () => ({ kind: 'step', text }), (atom) => (primitive.evaluateFloat(atom) > 0 ? 1 : 0));
    this.atoms.stepAtoms.add(id);
    const positive = RationalFunction.variable(id);
    const greater = sign > 0 ? positive : one.sub(positive, this.budget);
    return op === '>' || op === '>=' ? greater : one.sub(greater, this.budget);
  }

  private opaque(key: string, text: string, value: AtomValue): RationalFunction {
    return RationalFunction.variable(this.atoms.intern(`opaque:${key}`, () => ({ kind: 'opaque', text }), value));
  }

  private key(a: RationalFunction): string {
    const num = a.numerator(this.budget).key();
    const den = a.denominatorFactors().map((f) => `${f.factor.key()}^${f.exponent}`).sort().join('*');
    return `${num}/${a.denominatorConstant().toString()}*${den}`;
  }
}

/** The canonical forms of the index-notation nodes, supplied by the every-n prover. */
export interface IndexNotationRules {
  readonly size: (t: Extract<Term, { k: 'size' }>, c: Canonicalizer) => RationalFunction;
  readonly sum: (t: Extract<Term, { k: 'sum' }>, c: Canonicalizer) => RationalFunction;
  readonly icmp: (t: Extract<Term, { k: 'icmp' }>, c: Canonicalizer) => RationalFunction;
}

/** A term that has no value at a point of the domain (log 0, 1/0). */
export class DomainError extends Error {
  override readonly name = 'DomainError';
}

function constantOf(a: RationalFunction): Rational | undefined {
  if (a.denominatorFactors().length > 0) return undefined;
  const c = a.numerator().constantValue();
  return c === undefined ? undefined : c.div(a.denominatorConstant());
}

function powersOf(mono: { readonly pairs: readonly number[] }): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 0; i < mono.pairs.length; i += 2) out.push([mono.pairs[i], mono.pairs[i + 1]]);
  return out;
}

function monoKey(powers: ReadonlyArray<readonly [number, number]>): string {
  return powers.map(([id, e]) => `${id}^${e}`).join(',');
}

/** Prime factors of |n| by trial division (the constants of derivations are small). */
function factorize(n: bigint): Array<[bigint, number]> {
  if (n < 0n) n = -n;
  const out: Array<[bigint, number]> = [];
  if (n > 10n ** 12n) return [[n, 1]];
  for (let p = 2n; p * p <= n; p += p === 2n ? 1n : 2n) {
    let e = 0;
    while (n % p === 0n) { n /= p; e++; }
    if (e > 0) out.push([p, e]);
  }
  if (n > 1n) out.push([n, 1]);
  return out;
}

/**
 * How an exp atom reads to people: exp(log(D)/2) is sqrt(D) and exp(log(D)/q) is
 * D^(1/q), since the engine writes a root of a positive D through exp and log.
 * Text only: atoms are interned by key, never by this text.
 */
function expAtomText(monoText: string, den: bigint): string {
  if (den === 1n) return `exp(${monoText})`;
  const root = /^log\((.*)\)$/.exec(monoText);
  if (root && balanced(root[1])) return den === 2n ? `sqrt(${root[1]})` : `(${root[1]})^(1/${den})`;
  return `exp(${monoText}/${den})`;
}

/** Whether brackets in `text` close in order, so that `log(a)*log(b)` is not read as log of `a)*log(b`. */
function balanced(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    depth += c === '(' ? 1 : c === ')' ? -1 : 0;
    if (depth < 0) return false;
  }
  return depth === 0;
}
