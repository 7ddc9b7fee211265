import type { FunctionName, Input, Term } from './term.ts';

/**
 * An interval that holds every value a term takes over its inputs' types: `lo` and
 * `hi` (±Infinity where unbounded), each end reached or not. Bounds computed in
 * doubles are widened by a few ulps and then count as reached, so an end is open only
 * where it is exact (0 for a positive input, -1 for expm1 of a negative value): the
 * range never claims more than holds. total-terms.ts reads it where the form alone
 * does not show a sign: `log(-expm1(-x))` and `log1p(-exp(-x))` for a positive x
 * (Mächler's stable log(1 - e^-x), probe 46), `log(1 - p)` for a unit p.
 */
export interface ValueRange {
  readonly lo: number;
  readonly hi: number;
  readonly loOpen: boolean;
  readonly hiOpen: boolean;
}

const EVERYTHING: ValueRange = { lo: -Infinity, hi: Infinity, loOpen: true, hiOpen: true };

/** Strictly increasing on the whole line (expm1, tanh, ...): the image of an interval is the interval of its ends' images. */
const INCREASING: Partial<Record<FunctionName, (x: number) => number>> = {
  exp: Math.exp, expm1: Math.expm1, tanh: Math.tanh, sinh: Math.sinh, atan: Math.atan, asinh: Math.asinh,
  sigmoid: (x) => 1 / (1 + Math.exp(-x)), softplus: (x) => (x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x))),
};

/** The range of a term over its inputs' types; undefined where it may have no value (log of a negative, 1/0). */
export function valueRange(t: Term, inputs: ReadonlyMap<string, Input>): ValueRange | undefined {
  return new Ranges(inputs).of(t);
}

/** Whether every value in the range is > 0 (`strictly`) or >= 0. */
export function rangeAbove(range: ValueRange | undefined, bound: number, strictly: boolean): boolean {
  if (range === undefined) return false;
  return range.lo > bound || (range.lo === bound && (!strictly || range.loOpen));
}

class Ranges {
  constructor(private readonly inputs: ReadonlyMap<string, Input>) {}

  of(t: Term): ValueRange | undefined {
    switch (t.k) {
      case 'num': {
        const v = Number(t.value.num) / Number(t.value.den);
        return Number.isNaN(v) ? EVERYTHING : t.value.den === 1n && Math.abs(v) < 2 ** 53 ? exact(v) : widen(exact(v));
      }
      // Math.PI is below pi by 1.2e-16: widened, as any double that stands for a number it is not.
      case 'pi': return widen(exact(Math.PI));
      case 'icmp': case 'cmp': return { lo: 0, hi: 1, loOpen: false, hiOpen: false };
      case 'input': return this.input(t.ref.name);
      case 'add': return t.terms.reduce<ValueRange | undefined>((acc, x) => (acc === undefined ? undefined : plus(acc, this.of(x))), exact(0));
      case 'mul': return t.factors.reduce<ValueRange | undefined>((acc, x) => (acc === undefined ? undefined : times(acc, this.of(x))), exact(1));
      case 'pow': return this.power(t.base, t.exponent);
      case 'fn': return this.fn(t.name, t.args);
      default: return undefined;
    }
  }

  private input(name: string): ValueRange {
    const input = this.inputs.get(name);
    if (input === undefined) return EVERYTHING;
    if (input.interval) {
      const i = input.interval;
      return widen({ lo: i.lowerValue, hi: i.upperValue, loOpen: !i.lowerClosed, hiOpen: !i.upperClosed });
    }
    switch (input.kind) {
      case 'positive': return { lo: 0, hi: Infinity, loOpen: true, hiOpen: true };
      case 'unit': return { lo: 0, hi: 1, loOpen: true, hiOpen: true };
      case 'simplex': return { lo: 0, hi: 1, loOpen: true, hiOpen: false };
      case 'count': return { lo: 0, hi: Infinity, loOpen: false, hiOpen: true };
      case 'onehot': return { lo: 0, hi: 1, loOpen: false, hiOpen: false };
      default: return EVERYTHING;
    }
  }

  private power(base: Term, exponent: Term): ValueRange | undefined {
    const b = this.of(base);
    if (b === undefined || exponent.k !== 'num') return undefined;
    const { num, den } = exponent.value;
    if (den !== 1n) return rangeAbove(b, 0, true) ? { lo: 0, hi: Infinity, loOpen: true, hiOpen: true } : undefined;
    const p = Number(num);
    if (p < 0 && !(rangeAbove(b, 0, true) || below(b, 0))) return undefined;
    if (p === 0) return exact(1);
    if (p === 1) return b;
    // Even powers are >= 0 (> 0 away from 0); odd ones keep the sign; negative ones of a one-signed base keep it too.
    if (p % 2 === 0 && p > 0) {
      // |b| at most m: b^p at most m^p (sin(t)^2 <= 1), and above 0 where b keeps off it.
      const m = Math.max(Math.abs(b.lo), Math.abs(b.hi));
      const apart = rangeAbove(b, 0, true) || below(b, 0);
      return rounded({ lo: 0, hi: m ** p, loOpen: apart, hiOpen: false }, true, Number.isInteger(m) && m ** p <= 2 ** 53);
    }
    if (p % 2 === 0) return rangeAbove(b, 0, true) || below(b, 0) ? { lo: 0, hi: Infinity, loOpen: true, hiOpen: true } : undefined;
    if (rangeAbove(b, 0, true)) return { lo: 0, hi: Infinity, loOpen: true, hiOpen: true };
    if (below(b, 0)) return { lo: -Infinity, hi: 0, loOpen: true, hiOpen: true };
    return EVERYTHING;
  }

  private fn(name: FunctionName, args: readonly Term[]): ValueRange | undefined {
    const ranges = args.map((a) => this.of(a));
    if (ranges.some((r) => r === undefined)) return undefined;
    const [a] = ranges as ValueRange[];
    const increasing = INCREASING[name];
    if (increasing !== undefined && args.length === 1) return widen({ lo: increasing(a.lo), hi: increasing(a.hi), loOpen: a.loOpen, hiOpen: a.hiOpen });
    switch (name) {
      case 'log': return rangeAbove(a, 0, true) ? widen({ lo: Math.log(a.lo), hi: Math.log(a.hi), loOpen: a.loOpen, hiOpen: a.hiOpen }) : undefined;
      case 'log1p': return rangeAbove(a, -1, true) ? widen({ lo: Math.log1p(a.lo), hi: Math.log1p(a.hi), loOpen: a.loOpen, hiOpen: a.hiOpen }) : undefined;
      case 'sqrt': return rangeAbove(a, 0, false) ? widen({ lo: Math.sqrt(a.lo), hi: Math.sqrt(a.hi), loOpen: a.loOpen, hiOpen: a.hiOpen }) : undefined;
      case 'abs': case 'relu': case 'cosh': return { lo: name === 'cosh' ? 1 : 0, hi: Infinity, loOpen: false, hiOpen: true };
      case 'sin': case 'cos': case 'erf': case 'sign': return { lo: -1, hi: 1, loOpen: false, hiOpen: false };
      default: return undefined;
    }
  }
}

function exact(v: number): ValueRange {
  return { lo: v, hi: v, loOpen: false, hiOpen: false };
}

/** Whether every value in the range is < bound. */
function below(r: ValueRange, bound: number): boolean {
  return r.hi < bound || (r.hi === bound && r.hiOpen);
}

/**
 * Ends computed in doubles, widened outward by 4 ulps and reached, except an end that is
 * exact: an infinity, or 0 and ±1, which the functions above return exactly at exact ends.
 */
function widen(r: ValueRange): ValueRange {
  const out = (v: number, down: boolean): [number, boolean] => {
    if (!Number.isFinite(v) || v === 0 || Math.abs(v) === 1) return [v, true];
    const step = 4 * Number.EPSILON * Math.abs(v);
    return [down ? v - step : v + step, false];
  };
  const [lo, loExact] = out(r.lo, true);
  const [hi, hiExact] = out(r.hi, false);
  return { lo, hi, loOpen: loExact && r.loOpen, hiOpen: hiExact && r.hiOpen };
}

/** A sum of two doubles that rounding did not change (Knuth's TwoSum leaves no error). */
function exactSum(a: number, b: number): boolean {
  const s = a + b;
  if (!Number.isFinite(s)) return !Number.isNaN(s);
  const bb = s - a;
  return a - (s - bb) + (b - bb) === 0;
}

/** A product of two doubles that rounding did not change: whole numbers within 2^53. */
function exactProduct(a: number, b: number): boolean {
  const p = a * b;
  return !Number.isFinite(p) || p === 0 ? !Number.isNaN(p) && (p !== 0 || a === 0 || b === 0) : Number.isInteger(a) && Number.isInteger(b) && Math.abs(p) <= 2 ** 53;
}

/** An end computed exactly stays as it is; any other is widened as {@link widen} does. */
function rounded(r: ValueRange, loExact: boolean, hiExact: boolean): ValueRange {
  const w = widen(r);
  return { lo: loExact ? r.lo : w.lo, hi: hiExact ? r.hi : w.hi, loOpen: loExact ? r.loOpen : w.loOpen, hiOpen: hiExact ? r.hiOpen : w.hiOpen };
}

function plus(a: ValueRange, b: ValueRange | undefined): ValueRange | undefined {
  if (b === undefined) return undefined;
  return rounded({ lo: a.lo + b.lo, hi: a.hi + b.hi, loOpen: a.loOpen || b.loOpen, hiOpen: a.hiOpen || b.hiOpen }, exactSum(a.lo, b.lo), exactSum(a.hi, b.hi));
}

function times(a: ValueRange, b: ValueRange | undefined): ValueRange | undefined {
  if (b === undefined) return undefined;
  // A product of ends where 0 meets an infinity says nothing: the whole line, every end reached.
  const ends = [[a.lo, a.loOpen], [a.hi, a.hiOpen]] as const;
  const others = [[b.lo, b.loOpen], [b.hi, b.hiOpen]] as const;
  let lo = Infinity;
  let hi = -Infinity;
  let loOpen = false;
  let hiOpen = false;
  let loExact = true;
  let hiExact = true;
  for (const [x, xOpen] of ends) {
    for (const [y, yOpen] of others) {
      const v = x * y;
      // 0 from two nonzero ends is an underflow, its sign lost.
      if (Number.isNaN(v) || (v === 0 && x !== 0 && y !== 0)) return EVERYTHING;
      const open = xOpen || yOpen;
      const exact = exactProduct(x, y);
      if (v < lo) { lo = v; loOpen = open; loExact = exact; } else if (v === lo) { loOpen = loOpen && open; loExact = loExact && exact; }
      if (v > hi) { hi = v; hiOpen = open; hiExact = exact; } else if (v === hi) { hiOpen = hiOpen && open; hiExact = hiExact && exact; }
    }
  }
  return rounded({ lo, hi, loOpen, hiOpen }, loExact, hiExact);
}
