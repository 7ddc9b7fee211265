import { affineIn, readsVariable, type AffineForm } from './affine-forms.ts';
import { FUNCTIONS } from './functions.ts';
import { add, fn, mul, sub } from './term-builders.ts';
import { mapChildren } from './term-traversal.ts';
import type { PreciseNumber } from './functions.ts';
import type { Term } from './term.ts';

/** A switch of a limit's body as `slope * w + offset`, with w the limit's variable or, `inLog`, its log. */
export interface LimitCrossing {
  readonly form: AffineForm;
  readonly inLog: boolean;
}

/**
 * Steps that turn smoothly from one level to another around 0, and so change a limit's body where their argument
 * crosses 0 as a comparison or a kink does.
 */
const SOFT_STEPS: ReadonlySet<string> = new Set(['Phi', 'erf', 'erfc', 'tanh', 'sigmoid', 'atan', 'softplus']);

/** Crossings listed at most, the first found. */
const MAX_CROSSINGS = 16;

/**
 * Where a limit's body turns: the arguments of its comparisons, kinked functions and soft steps (Phi, erf, tanh, ...)
 * that are affine in the limit's variable v, or in log(v) (log(v / K) is log(v) - log(K)), each as a slope and an
 * offset free of v. At an input, -offset / slope is where the body turns, v or log(v) there, and the readings of the
 * limit must be made past it (numeric/precise.ts): Black-Scholes' call less its underlying as S tends to infinity, at
 * sigma = 100 and T = 0.1, turns at log S = 500, and its readings at 1e8 to 1e80 settled to 0, which is not its limit
 * (probe 111: a true step refuted).
 */
export function limitCrossings(body: Term, v: string): LimitCrossing[] {
  const logName = `${v}'log`;
  const out: LimitCrossing[] = [];
  const note = (argument: Term): void => {
    if (out.length >= MAX_CROSSINGS || !readsVariable(argument, v)) return;
    const direct = affineIn(argument, v);
    if (direct !== undefined) { out.push({ form: direct, inLog: false }); return; }
    const inLogs = logsOf(argument, v, logName);
    if (inLogs === undefined || readsVariable(inLogs, v)) return;
    const form = affineIn(inLogs, logName);
    if (form !== undefined) out.push({ form, inLog: true });
  };
  const walk = (t: Term): Term => {
    if (t.k === 'cmp') note(sub(t.a, t.b));
    else if (t.k === 'fn' && t.args.length === 1 && (FUNCTIONS[t.name].kink !== undefined || SOFT_STEPS.has(t.name))) note(t.args[0]);
    else if (t.k === 'fn' && (t.name === 'max' || t.name === 'min')) note(sub(t.args[0], t.args[1]));
    else if (t.k === 'extremum') for (let i = 1; i < t.terms.length; i++) note(sub(t.terms[0], t.terms[i]));
    // A bound variable of its own (an integral's, an inner limit's) is not this limit's.
    if ((t.k === 'integral' || t.k === 'limit') && t.v === v) return t;
    return mapChildren(t, walk);
  };
  walk(body);
  return out;
}

/**
 * The term with each log of a product of v^c and factors free of v written c * L + the others' logs, L the input
 * `logName`; undefined where nothing was so written.
 */
function logsOf(t: Term, v: string, logName: string): Term | undefined {
  let written = false;
  const L: Term = { k: 'input', ref: { name: logName, indices: [] } };
  const power = (f: Term): Term | undefined => {
    if (f.k === 'input' && f.ref.name === v && f.ref.indices.length === 0) return L;
    if (f.k === 'pow' && f.base.k === 'input' && f.base.ref.name === v && f.base.ref.indices.length === 0 && !readsVariable(f.exponent, v)) return mul(f.exponent, L);
    return undefined;
  };
  const rewrite = (x: Term): Term => {
    if (x.k === 'fn' && x.name === 'log' && x.args.length === 1 && readsVariable(x.args[0], v)) {
      const factors = x.args[0].k === 'mul' ? x.args[0].factors : [x.args[0]];
      const reading = factors.filter((f) => readsVariable(f, v));
      const inL = reading.length === 1 ? power(reading[0]) : undefined;
      if (inL !== undefined) {
        written = true;
        return add(inL, ...factors.filter((f) => f !== reading[0]).map((f) => fn('log', f)));
      }
    }
    return mapChildren(x, rewrite);
  };
  const out = rewrite(t);
  return written ? out : undefined;
}

/**
 * The decimal exponents of where the crossings lie on the way to a limit's point `at` (undefined: an infinity, on
 * `side`), each crossing's slope and offset read at the input by `read`; none where the point is not 0 or an infinity.
 */
export function crossingExponents(crossings: readonly LimitCrossing[], at: PreciseNumber | undefined, side: -1 | 0 | 1,
  read: (crossing: LimitCrossing, index: number) => { slope: PreciseNumber; offset: PreciseNumber }): number[] {
  if (at !== undefined && !at.isZero()) return [];
  const toward = at === undefined ? (side === -1 ? -1 : 1) : 0;
  return crossings.flatMap((c, i) => {
    const { slope, offset } = read(c, i);
    const exponent = slope.isZero() ? undefined : crossingExponent(offset.neg().div(slope), c.inLog, toward);
    return exponent === undefined ? [] : [exponent];
  });
}

/**
 * The decimal exponent of where a crossing at `w` (v = w, or log(v) = w `inLog`) lies on the way to the limit's
 * point: toward +-infinity (`toward` 1 or -1) or 0 (`toward` 0); undefined where it lies elsewhere, behind the readings.
 */
function crossingExponent(w: PreciseNumber, inLog: boolean, toward: -1 | 0 | 1): number | undefined {
  if (!w.isFinite()) return undefined;
  // Where log(v) is w, v = e^w: beyond 1 toward an infinity, below it toward 0 (no log of v toward -infinity).
  if (inLog) return (toward === 1 && w.isPositive()) || (toward === 0 && w.isNegative()) ? w.toNumber() / Math.LN10 : undefined;
  if (w.isZero() || (toward !== 0 && w.isPositive() !== (toward === 1))) return undefined;
  return w.abs().log(10).toNumber();
}

/** The farthest scale a limit is read at, in decimal exponents: decimal.js's numbers end near 10^(9e15). */
export const MAX_LIMIT_SCALE = 1e15;
