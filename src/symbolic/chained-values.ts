import { constantFraction, inputNames, num, substituteScalarInputs, type Input, type Term } from '../model/index.ts';
import type { PointValue } from './high-precision.ts';
import { Rational } from './exact/index.ts';
import { rationalOfDouble } from './exact-tie.ts';

/**
 * Simple values of an input whose interval's ends read other inputs (`given c: real in [m, L]`), at a point of those
 * inputs: its ends where they are included, their midpoint and quarter points, or, past one open end a, a + 1, 4a and
 * a + 1/2. The exact engine's critical and joint points take each input at simple values of its own, and 0, 1 or 2 for
 * L in (m, oo) at m = 1 lies outside the chain, where the claim holds by its guard: `m/c + c/L > 2 sqrt(m/L)` ties at
 * c = 2 for m = 1, L = 4 = 4m, and `(c - m)(L - d) < (L - m)^2 / 4` for d in [c, L] at c = d = 3/2 for m = 1, L = 2,
 * the midpoint and an included end (probe 95: both verified). Undefined where the input's ends read no input, or do not
 * read as fractions at the point.
 */
export function valuesWithinEnds(input: Input, at: ReadonlyMap<string, Rational>): Rational[] | undefined {
  const ends = input.relativeEnds;
  if (ends === undefined) return undefined;
  const read = (end: Term | undefined, value: number | undefined): Rational | undefined | 'none' =>
    (end !== undefined ? endAt(end, at) : value !== undefined && Number.isFinite(value) ? rationalOfDouble(value) : 'none');
  const lower = read(ends.lower, input.interval?.lowerValue);
  const upper = read(ends.upper, input.interval?.upperValue);
  if (lower === undefined || upper === undefined) return undefined;
  const lowerClosed = ends.lower !== undefined ? ends.lowerClosed : input.interval?.lowerClosed ?? false;
  const upperClosed = ends.upper !== undefined ? ends.upperClosed : input.interval?.upperClosed ?? false;
  const out: Rational[] = [];
  const push = (v: Rational) => { if (!out.some((w) => w.cmp(v) === 0)) out.push(v); };
  if (lower !== 'none' && upper !== 'none') {
    const width = upper.sub(lower);
    if (width.sign() < 0 || (width.sign() === 0 && !(lowerClosed && upperClosed))) return [];
    if (lowerClosed) push(lower);
    if (upperClosed) push(upper);
    for (const [p, q] of [[1n, 2n], [1n, 4n], [3n, 4n]] as const) push(lower.add(width.mul(Rational.of(p, q))));
    return out.filter((v) => (v.cmp(lower) > 0 || lowerClosed) && (v.cmp(upper) < 0 || upperClosed));
  }
  if (lower !== 'none') {
    if (lowerClosed) push(lower);
    push(lower.add(Rational.of(1n, 1n)));
    push(lower.sign() > 0 ? lower.mul(Rational.of(4n, 1n)) : lower.add(Rational.of(4n, 1n)));
    push(lower.add(Rational.of(1n, 2n)));
    return out;
  }
  if (upper !== 'none') {
    if (upperClosed) push(upper);
    push(upper.sub(Rational.of(1n, 1n)));
    push(upper.sign() < 0 ? upper.mul(Rational.of(4n, 1n)) : upper.sub(Rational.of(4n, 1n)));
    push(upper.sub(Rational.of(1n, 2n)));
    return out;
  }
  return undefined;
}

/**
 * The inputs in an order where each comes after the inputs its interval's ends read (as far as they are among them),
 * so that a point can be built one input at a time; the order given where ends read in a cycle.
 */
export function inEndOrder(inputs: readonly Input[]): Input[] {
  const names = new Set(inputs.map((input) => input.name));
  const reads = (input: Input) => [input.relativeEnds?.lower, input.relativeEnds?.upper]
    .flatMap((end) => (end === undefined ? [] : [...inputNames(end)])).filter((name) => names.has(name) && name !== input.name);
  const placed = new Set<string>();
  const out: Input[] = [];
  let rest = [...inputs];
  while (rest.length > 0) {
    const ready = rest.filter((input) => reads(input).every((name) => placed.has(name)));
    if (ready.length === 0) return [...out, ...rest];
    for (const input of ready) { out.push(input); placed.add(input.name); }
    rest = rest.filter((input) => !placed.has(input.name));
  }
  return out;
}

/**
 * Whether a point lies outside the ends of an input whose ends read other inputs, as far as exact fractions tell: the
 * claim holds there by its guard, so reading it there can refute nothing, and such points (m = L = 1 for L in (m, oo))
 * took the few deep readings a bound's ties get before the one inside the chain that refutes it (probe 95).
 */
export function outsideChainedEnds(point: ReadonlyMap<string, PointValue>, inputs: ReadonlyMap<string, Input>): boolean {
  const fractions = pointFractions(point);
  for (const [name, value] of fractions) {
    const ends = inputs.get(name)?.relativeEnds;
    if (ends === undefined) continue;
    const [lower, upper] = [ends.lower && endAt(ends.lower, fractions), ends.upper && endAt(ends.upper, fractions)];
    if (lower !== undefined && (ends.lowerClosed ? value.cmp(lower) < 0 : value.cmp(lower) <= 0)) return true;
    if (upper !== undefined && (ends.upperClosed ? value.cmp(upper) > 0 : value.cmp(upper) >= 0)) return true;
  }
  return false;
}

/**
 * The point with each input whose ends read other inputs moved within them where it lies outside (its other values as
 * they are): to its first simple value there ({@link valuesWithinEnds}, an included end first), or, where the ends are no
 * fractions at the point, onto an included end that is another input's value (d in [c, L] at c = sqrt(m L) takes c's).
 * A tie point solved for c alone, with d at a value of its own below c, lies outside the chain, where the claim holds by
 * its guard (probe 95: `(c - m)(L - c) < (L - m)^2 / 4` beside d in [c, L] was verified at the tie c = 3/2).
 */
export function intoChainedEnds(point: ReadonlyMap<string, PointValue>, inputs: readonly Input[]): Map<string, PointValue> {
  const out = new Map(point);
  for (const input of inEndOrder(inputs.filter((i) => i.relativeEnds !== undefined && i.dims.length === 0 && out.has(i.name)))) {
    if (!outsideChainedEnds(out, new Map([[input.name, input]]))) continue;
    const values = valuesWithinEnds(input, pointFractions(out));
    if (values !== undefined && values.length > 0) { out.set(input.name, { num: values[0].num, den: values[0].den }); continue; }
    const ends = input.relativeEnds!;
    const onto = [ends.lowerClosed ? ends.lower : undefined, ends.upperClosed ? ends.upper : undefined]
      .find((end) => end?.k === 'input' && end.ref.indices.length === 0 && out.has(end.ref.name));
    if (onto?.k === 'input') out.set(input.name, out.get(onto.ref.name)!);
  }
  return out;
}

/** An end's value at the inputs' fractions; undefined where it reads another input or is no fraction there. */
export function endAt(end: Term, at: ReadonlyMap<string, Rational>): Rational | undefined {
  if (![...inputNames(end)].every((name) => at.has(name))) return undefined;
  const fraction = constantFraction(substituteScalarInputs(end, new Map([...at].map(([name, v]) => [name, num(v.num, v.den)]))));
  return fraction === undefined ? undefined : Rational.of(fraction.num, fraction.den);
}

/** The point's values that are exact fractions (a double is one), by name. */
export function pointFractions(point: ReadonlyMap<string, PointValue>): Map<string, Rational> {
  const fractions = new Map<string, Rational>();
  for (const [name, v] of point) {
    const fraction = typeof v === 'number' ? (Number.isFinite(v) ? rationalOfDouble(v) : undefined) : 'num' in v ? Rational.of(v.num, v.den) : constantFraction(v.term);
    if (fraction !== undefined) fractions.set(name, fraction instanceof Rational ? fraction : Rational.of(fraction.num, fraction.den));
  }
  return fractions;
}
