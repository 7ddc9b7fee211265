import { add, constantFraction, eliminateDiff, log10Abs, mapChildren, someChild, mul, num, printFraction, someSubterm, type Fraction, type InputRef, type Term } from '../model/index.ts';
import { Decimal } from 'decimal.js';
import { evaluateHighPrecision, type PointValue } from './high-precision.ts';

/**
 * A constant of a step written finer than the numbers resolve: `pi + 1e-300`, `1.(39 zeros)1 / e`,
 * `-1/6 + 1e-300`. Random inputs read in doubles and 60 digits agree with such a step exactly as
 * they agree with the step that has the constant's simple neighbour in its place (pi, 1 / e, -1/6),
 * and at most one of the two holds: their agreement is no evidence either way. A constant is fine
 * where a fraction of denominator at most {@link SIMPLE_DENOMINATOR} lies within a relative
 * {@link FINE} of it, without being it.
 */
export interface FineConstant {
  /** The constant as written, as a decimal to a few digits (`1e-300`). */
  readonly constant: string;
  /** Its simple neighbour (`0`, `1`, `-1/6`). */
  readonly neighbour: string;
  /** log10 of how much the step's sides move, relative to them, between the constant and its neighbour. */
  readonly log10Effect: number;
  /** The digits a reading must have to see that move (a limit is read to a sixth of its digits). */
  readonly digits: number;
}

/** The relative distance from a simple fraction within which a constant is finer than doubles read. */
const FINE = 1e-15;
/** The largest denominator of a simple neighbour. */
const SIMPLE_DENOMINATOR = 1_000_000n;
/** What the numbers resolve of a limit, relative to the sides at best: it is read to a sixth of its digits. */
const RESOLVED_WITH_LIMIT = 1e-9;
const VARIABLE: InputRef = { name: '\u03ba@fine', indices: [] };

/**
 * The finest constant of a step whose move to its neighbour the numbers could not have seen, with the
 * effect of that move; undefined where every fine constant is seen or cancels (`I + 1e-300 = pi + 1e-300`)
 * or where the move cannot be read here. `point`: an input where the sides agreed, `scale`: their size there,
 * `resolved`: the relative difference the numbers' readings resolve (some 1e-40 where they read 60 digits, the
 * tolerance of doubles where they did not).
 */
export function fineConstantUnseen(lhs: Term, rhs: Term, point: ReadonlyMap<string, PointValue>, scale: number, resolved: number): FineConstant | undefined {
  const fine = new Map<string, { value: Fraction; neighbour: Fraction }>();
  for (const side of [lhs, rhs]) {
    someSubterm(side, (t) => {
      const value = literalValue(t);
      if (value === undefined) return false;
      const neighbour = simpleNeighbour(value) ?? roundedNeighbour(value);
      if (neighbour !== undefined) fine.set(printFraction(value), { value, neighbour });
      return false;
    });
  }
  if (fine.size === 0) return undefined;
  const readsLimit = someSubterm(lhs, (t) => t.k === 'limit') || someSubterm(rhs, (t) => t.k === 'limit');
  const resolution = readsLimit ? Math.max(resolved, RESOLVED_WITH_LIMIT) : resolved;
  let unseen: FineConstant | undefined;
  for (const [key, { value, neighbour }] of fine) {
    // The sides' move from the neighbour to the constant, to first order: (c - a) times the derivative of
    // lhs - rhs in the constant, read where the sides agreed.
    const withVariable = (t: Term): Term => {
      const literal = literalValue(t);
      return literal !== undefined && printFraction(literal) === key ? { k: 'input', ref: VARIABLE } : mapChildren(t, withVariable);
    };
    let slope: number;
    try {
      const difference = eliminateDiff({ k: 'diff', f: add(withVariable(lhs), mul(num(-1), withVariable(rhs))), v: VARIABLE });
      if (difference.k === 'num' && difference.value.num === 0n) continue;
      const at = new Map(point);
      at.set(VARIABLE.name, { num: value.num, den: value.den });
      slope = evaluateHighPrecision(difference, at, 60).abs().toNumber();
      // A slope that is 0 by algebra reads as rounding, which shrinks when the digits double: the constant cancels
      // (1e-15 in integral(t, 1, 1 + 1e-15, log(t)) = (1 + 1e-15) log(1 + 1e-15) - 1e-15, a true step left undecided, probe 86).
      if (slope !== 0 && evaluateHighPrecision(difference, at, 120).abs().toNumber() < slope * 1e-20) continue;
    } catch {
      // A move that cannot be read. Inside a series or an integrand (1/(k^2 + 1e-70)), it is taken as the sides' own
      // size, as such a constant moves a sum: no doubt was raised, and sum(k, 1, Infinity, 1/(k^2 + 1e-70)) = pi^2/6
      // was verified, as was its bound >= pi^2/6 (probe 86). Elsewhere (a limit's body, where 1e-300 x^2 sets the
      // order at an infinity) no doubt is raised.
      if (!summedOrIntegrated(lhs, key) && !summedOrIntegrated(rhs, key)) continue;
      slope = scale > 0 && Number.isFinite(scale) ? scale : 1;
    }
    if (!Number.isFinite(slope) || slope === 0) continue;
    // log10 of the move relative to the sides (a constant of 1e-400 is no double).
    const effect = log10Abs(subtract(value, neighbour)) + Math.log10(slope) - Math.log10(scale > 0 && Number.isFinite(scale) ? scale : 1);
    if (!(effect < Math.log10(resolution))) continue;
    const needed = Math.ceil(-effect) + 12;
    if (unseen === undefined || effect < unseen.log10Effect) {
      unseen = { constant: decimalText(value), neighbour: printFraction(neighbour), log10Effect: effect, digits: readsLimit ? 6 * needed : needed };
    }
  }
  return unseen;
}

/**
 * A literal's value, and a whole power of one as the literal it stands for: 10^{-70} is 1e-70, a constant as fine
 * (an integrand's 1 + 10^{-70} t integrated to 1 was verified where 1 + 1e-70 t was undecided, probe 86).
 */
function literalValue(t: Term): Fraction | undefined {
  if (t.k === 'num') return t.value;
  return t.k === 'pow' && t.base.k === 'num' && t.base.value.num !== 0n ? constantFraction(t) : undefined;
}

/** Whether the constant printed `key` stands in the body of a series or an integral of the term, outside any limit. */
function summedOrIntegrated(term: Term, key: string): boolean {
  const isKey = (t: Term) => { const literal = literalValue(t); return literal !== undefined && printFraction(literal) === key; };
  const inside = (t: Term): boolean => t.k !== 'limit' && (isKey(t) || someChild(t, inside));
  return someSubterm(term, (t) => (t.k === 'series' || t.k === 'integral') && inside(t.body));
}

/** The best fraction of denominator at most SIMPLE_DENOMINATOR, where it is within FINE of f and not f. */
function simpleNeighbour(f: Fraction): Fraction | undefined {
  if (f.den <= SIMPLE_DENOMINATOR) return undefined;
  // The last convergent of f's continued fraction whose denominator is small enough.
  let [p0, q0, p1, q1] = [0n, 1n, 1n, 0n];
  let [a, b] = [f.num, f.den];
  let best: Fraction = { num: 0n, den: 1n };
  while (b !== 0n) {
    let quotient = a / b;
    if (a < 0n && quotient * b !== a) quotient -= 1n;
    [a, b] = [b, a - quotient * b];
    const [p2, q2] = [quotient * p1 + p0, quotient * q1 + q0];
    if (q2 > SIMPLE_DENOMINATOR) break;
    best = { num: p2, den: q2 };
    [p0, q0, p1, q1] = [p1, q1, p2, q2];
  }
  // 1e-300 is fine against 0; so is 1.(39 zeros)1 against 1.
  const size = best.num === 0n ? 0 : log10Abs(best);
  return log10Abs(subtract(f, best)) <= Math.log10(FINE) + size ? best : undefined;
}

/**
 * A decimal literal of more significant digits than doubles hold (e to 105 digits, 2.718...746): the literal without
 * its last digit, rounded. The step's truth may turn on that digit, which readings of fewer digits cannot tell from
 * the rounding: where the 105th digit is wrong the step is false, and 60-digit readings agreed (probe 67: verified).
 */
function roundedNeighbour(f: Fraction): Fraction | undefined {
  // Only a decimal: its (reduced) denominator 2^a 5^b, written over 10^max(a, b).
  let [twos, fives, rest] = [0, 0, f.den];
  while (rest % 2n === 0n) { rest /= 2n; twos++; }
  while (rest % 5n === 0n) { rest /= 5n; fives++; }
  if (rest !== 1n || f.num === 0n) return undefined;
  const den = 10n ** BigInt(Math.max(twos, fives));
  const size = (f.num < 0n ? -f.num : f.num) * (den / f.den);
  // Its significant digits: 1e40 is one, not 41.
  if (size.toString().replace(/0+$/, '').length <= DOUBLE_DIGITS) return undefined;
  const rounded = (size + 5n) / 10n * 10n;
  if (rounded === size) return undefined;
  return { num: f.num < 0n ? -rounded : rounded, den };
}

/** The significant digits a double holds: a literal with more is read to its last digit only in high precision. */
const DOUBLE_DIGITS = 17;

function subtract(a: Fraction, b: Fraction): Fraction {
  return { num: a.num * b.den - b.num * a.den, den: a.den * b.den };
}

/** A fine constant as a short decimal: 1e-300, 1.0000000000000000000000000000000000000001. */
function decimalText(f: Fraction): string {
  const exponent = Math.floor(log10Abs(f));
  if (f.den.toString().length + f.num.toString().length < 60) return new Decimal(f.num.toString()).div(f.den.toString()).toString();
  const mantissa = 10 ** (log10Abs(f) - exponent) * (f.num < 0n ? -1 : 1);
  return `${Number(mantissa.toPrecision(6))}e${exponent}`;
}
