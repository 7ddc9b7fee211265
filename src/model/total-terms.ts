import type { FunctionName, Input, Term } from './term.ts';
import { rangeAbove, valueRange } from './value-ranges.ts';

/**
 * Whether a term has a value at every point of its inputs' types: a sufficient
 * test, by the signs it can read off the term's form (1 + x^2 > 0, exp > 0), so
 * false means "not shown", never "has none somewhere". A conditional's branches
 * must pass it, since the language writes `where(c, a, b)` as c a + (1 - c) b,
 * which has a value only where both branches have one.
 */
export function hasValueAtEveryPoint(term: Term, inputs: readonly Input[]): boolean {
  return new TotalTerms(inputs).total(term);
}

/** Functions with a value at every real argument. */
const TOTAL: ReadonlySet<FunctionName> = new Set<FunctionName>([
  'exp', 'tanh', 'sigmoid', 'softplus', 'relu', 'abs', 'max', 'min', 'sin', 'cos', 'sinh', 'cosh', 'sech', 'asinh', 'atan',
  'sign', 'floor', 'ceil', 'expm1', 'erf', 'erfc', 'Phi', 'phi',
]);

/** Functions whose value is > 0 at every real argument. */
const POSITIVE: ReadonlySet<FunctionName> = new Set<FunctionName>(['exp', 'sigmoid', 'softplus', 'cosh', 'sech', 'erfc', 'Phi', 'phi']);

/** Functions whose value is >= 0 at every real argument. */
const NON_NEGATIVE: ReadonlySet<FunctionName> = new Set<FunctionName>(['relu', 'abs']);

class TotalTerms {
  private readonly inputs: ReadonlyMap<string, Input>;
  /**
   * Each answer once per subterm: positive, nonNegative and total ask each other of the same subterm, so a chain of
   * square roots asked all three at each level, 3^depth (Nesterov's a_{k+1} = (1 + sqrt(1 + 4 a_k^2)) / 2 took 12 s at
   * a_16 and ran past 15 minutes at a_20; probe 103).
   */
  private readonly known = { total: new Map<Term, boolean>(), positive: new Map<Term, boolean>(), nonNegative: new Map<Term, boolean>() };

  constructor(inputs: readonly Input[]) {
    this.inputs = new Map(inputs.map((i) => [i.name, i]));
  }

  total(t: Term): boolean {
    return this.remembered(this.known.total, t, () => this.totalOf(t));
  }

  positive(t: Term): boolean {
    return this.remembered(this.known.positive, t, () => this.positiveOf(t));
  }

  nonNegative(t: Term): boolean {
    return this.remembered(this.known.nonNegative, t, () => this.nonNegativeOf(t));
  }

  private remembered(memo: Map<Term, boolean>, t: Term, answer: () => boolean): boolean {
    let known = memo.get(t);
    if (known === undefined) {
      known = answer();
      memo.set(t, known);
    }
    return known;
  }

  private totalOf(t: Term): boolean {
    switch (t.k) {
      case 'num': case 'pi': case 'input': case 'size': case 'ival': case 'icmp':
        return true;
      case 'cmp':
        return this.total(t.a) && this.total(t.b);
      case 'add':
        return t.terms.every((x) => this.total(x));
      case 'mul':
        return t.factors.every((x) => this.total(x));
      case 'sum': case 'reduce':
        return this.total(t.body);
      case 'extremum':
        return t.terms.every((x) => this.total(x));
      case 'pow':
        return this.totalPower(t.base, t.exponent);
      case 'fn':
        if (!t.args.every((a) => this.total(a))) return false;
        if (TOTAL.has(t.name)) return true;
        if (t.name === 'log') return this.positive(t.args[0]) || rangeAbove(valueRange(t.args[0], this.inputs), 0, true);
        if (t.name === 'sqrt') return this.nonNegative(t.args[0]) || rangeAbove(valueRange(t.args[0], this.inputs), 0, false);
        if (t.name === 'log1p') return this.nonNegative(t.args[0]) || rangeAbove(valueRange(t.args[0], this.inputs), -1, true);
        return false;
      case 'apply':
        // An abstract function is held as a smooth function with a value everywhere.
        return t.args.every((a) => this.total(a));
      // A series converges only somewhere; a derivative exists only where its function is differentiable.
      case 'series': case 'diff': case 'integral': case 'limit':
        return false;
    }
  }

  private totalPower(base: Term, exponent: Term): boolean {
    if (!this.total(base) || !this.total(exponent)) return false;
    if (this.positive(base) || rangeAbove(valueRange(base, this.inputs), 0, true)) return true;
    if (exponent.k !== 'num') return false;
    const { num, den } = exponent.value;
    if (den === 1n && num >= 0n) return true;
    if (den === 1n) return this.nonZero(base);
    // A fractional power: a root of a non-negative base (a negative one needs a positive base, above).
    return num > 0n && (this.nonNegative(base) || rangeAbove(valueRange(base, this.inputs), 0, false));
  }

  private nonZero(t: Term): boolean {
    return this.positive(t) || (t.k === 'num' && t.value.num !== 0n) || (t.k === 'mul' && t.factors.every((f) => this.nonZero(f)));
  }

  private positiveOf(t: Term): boolean {
    switch (t.k) {
      case 'num': return t.value.num > 0n;
      case 'pi': case 'size': case 'ival': return true;
      case 'input': {
        const kind = this.inputs.get(t.ref.name)?.kind;
        return kind === 'positive' || kind === 'unit' || kind === 'simplex';
      }
      case 'add': return t.terms.every((x) => this.nonNegative(x)) && t.terms.some((x) => this.positive(x));
      case 'mul': return t.factors.every((x) => this.positive(x));
      case 'pow': return this.positive(t.base) && this.total(t.exponent);
      case 'fn': return POSITIVE.has(t.name) && t.args.every((a) => this.total(a));
      case 'sum': return this.positive(t.body);
      default: return false;
    }
  }

  private nonNegativeOf(t: Term): boolean {
    if (this.positive(t)) return true;
    switch (t.k) {
      case 'num': return t.value.num >= 0n;
      case 'input': { const kind = this.inputs.get(t.ref.name)?.kind; return kind === 'count' || kind === 'onehot'; }
      case 'icmp': return true;
      case 'cmp': return this.total(t.a) && this.total(t.b);
      case 'add': return t.terms.every((x) => this.nonNegative(x));
      case 'mul': return t.factors.every((x) => this.nonNegative(x));
      case 'pow':
        // An even whole power, or a power of a non-negative base, with a value.
        if (!this.totalPower(t.base, t.exponent)) return false;
        if (this.nonNegative(t.base)) return true;
        return t.exponent.k === 'num' && t.exponent.value.den === 1n && t.exponent.value.num % 2n === 0n;
      case 'fn':
        if (!t.args.every((a) => this.total(a))) return false;
        if (NON_NEGATIVE.has(t.name)) return true;
        return t.name === 'sqrt' && this.nonNegative(t.args[0]);
      case 'sum': return this.nonNegative(t.body);
      default: return false;
    }
  }
}
