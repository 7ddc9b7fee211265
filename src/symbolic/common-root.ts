import { coefficientsIn, constantFraction, inputNames, mapChildren, mul, num, type Input, type Term } from '../model/index.ts';
import { equalExactlyAt } from './exact-tie.ts';
import { repeatedFactor } from './multiple-root.ts';
import { clearlyInside, signChange, valueAt } from './root-bracket.ts';
import { innerSums, zeroAtRootOf } from './value-at-inner-root.ts';
import { builtOnTheLine, CONTINUOUS_ON_THEIR_DOMAIN } from './whole-line.ts';

/**
 * A point where several functions of scalar inputs are all 0, shown without knowing it in closed form: one input's
 * value bracketed where one function changes sign (root-bracket.ts), the others 0 there exactly, and each other input
 * given by a function that reads it linearly: `(p^3 + 4p^2 - 10)^2 + (q - p)^2 > 0` fails at q = p, p the real root of
 * p^3 + 4p^2 - 10 (probe 87: verified). The point is the one input's root and the others' values there.
 */
export interface CommonRoot {
  /** The input whose root is bracketed, the bracket's two ends, and the function whose root it is. */
  readonly input: Input;
  readonly bracket: readonly [number, number];
  readonly of: Term;
  /** Where the root is of a part of a function (value-at-inner-root.ts): that function, exactly 0 there. */
  readonly through?: Term;
  /** The other inputs, each as a function of the bracketed one, and its double at the bracket's middle. */
  readonly alongside: ReadonlyArray<{ readonly input: Input; readonly as: Term; readonly value: number }>;
}

/** The most parts of a function whose roots are tried as its own. */
const MAX_PARTS = 16;

export function commonRoot(functions: readonly Term[], inputs: readonly Input[]): CommonRoot | undefined {
  const scalar = (name: string) => inputs.find((i) => i.name === name && i.dims.length === 0 && (i.kind === 'real' || i.kind === 'positive' || i.kind === 'unit'));
  const names = new Set(functions.flatMap((f) => [...inputNames(f)]));
  if (names.size === 0 || [...names].some((name) => scalar(name) === undefined)) return undefined;
  const eliminated = eliminateLinear(functions, names);
  if (eliminated === undefined) return undefined;
  const open = eliminated.remaining.filter((f) => !equalExactlyAt(f, num(0), new Map()));
  const left = new Set(open.flatMap((f) => [...inputNames(f)]));
  if (open.length === 0 || left.size !== 1) return undefined;
  const input = scalar([...left][0])!;
  const [first, ...rest] = open;
  const own = builtOnTheLine(first, CONTINUOUS_ON_THEIR_DOMAIN) ? rootOf(first, input) : undefined;
  const found = own ?? rootOfAPart(first, input);
  if (found === undefined || !rest.every((f) => zeroAtRootOf(f, found.of, input.name))) return undefined;
  const middle = found.bracket[0] + (found.bracket[1] - found.bracket[0]) / 2;
  // Each other input's value must lie inside its range all across the bracket, which is a double or so wide.
  const alongside = [...eliminated.solved].map(([name, as]) => ({ input: scalar(name)!, as, value: valueAt(as, middle) }));
  const inside = alongside.every(({ input: other, as }) => builtOnTheLine(as, CONTINUOUS_ON_THEIR_DOMAIN)
    && [found.bracket[0], middle, found.bracket[1]].every((x) => clearlyInside(other, valueAt(as, x))));
  if (!inside) return undefined;
  return { input, bracket: found.bracket, of: found.of, ...(own === undefined ? { through: first } : {}), alongside };
}

/**
 * The functions with inputs solved away one by one, each from a function that reads it linearly with a constant
 * coefficient (q - p gives q = p), and put in for it in the rest; the solutions in the inputs left. Undefined where
 * more than one input is left and no function solves for one.
 */
function eliminateLinear(functions: readonly Term[], names: ReadonlySet<string>): { remaining: Term[]; solved: Map<string, Term> } | undefined {
  let remaining = [...functions];
  const solved = new Map<string, Term>();
  const unsolved = new Set(names);
  while (unsolved.size > 1) {
    const solution = solvedFor(remaining, unsolved);
    if (solution === undefined) return undefined;
    const { index, name, as } = solution;
    const put = (t: Term): Term => (t.k === 'input' && t.ref.name === name && t.ref.indices.length === 0 ? as : mapChildren(t, put));
    remaining = remaining.filter((_, k) => k !== index).map(put);
    for (const [other, value] of solved) solved.set(other, withNumbersMultiplied(put(value)));
    solved.set(name, as);
    unsolved.delete(name);
  }
  return { remaining, solved };
}

/** A function that reads one of the names linearly, a constant times it plus terms without it, solved for it. */
function solvedFor(functions: readonly Term[], names: ReadonlySet<string>): { index: number; name: string; as: Term } | undefined {
  for (const [index, f] of functions.entries()) {
    for (const name of names) {
      const coefficients = coefficientsIn(f, name);
      const slope = coefficients?.length === 2 ? constantFraction(coefficients[1]) : undefined;
      if (slope === undefined || slope.num === 0n) continue;
      return { index, name, as: withNumbersMultiplied(mul(num(-slope.den, slope.num), coefficients![0])) };
    }
  }
  return undefined;
}

/** The term with the numbers of each product multiplied into one, for the report: p = c, not p = --c. */
function withNumbersMultiplied(t: Term): Term {
  const mapped = mapChildren(t, withNumbersMultiplied);
  if (mapped.k !== 'mul') return mapped;
  const flat = mul(...mapped.factors);
  const factors = flat.k === 'mul' ? flat.factors : [flat];
  const product = factors.reduce((p, f) => (f.k === 'num' ? { num: p.num * f.value.num, den: p.den * f.value.den } : p), { num: 1n, den: 1n });
  return mul(num(product.num, product.den), ...factors.filter((f) => f.k !== 'num'));
}

/**
 * A bracket of a root of a sum inside the function where the function is exactly 0: `1 - cos(cos(x) - x)` touches 0
 * at the Dottie number, a root of cos(x) - x that changes sign (value-at-inner-root.ts). The part must be continuous
 * on the bracket; the function need only have a value at the root, which its exact reading there shows.
 */
function rootOfAPart(t: Term, input: Input): { of: Term; bracket: [number, number] } | undefined {
  for (const part of innerSums(t, input.name, MAX_PARTS)) {
    const found = builtOnTheLine(part, CONTINUOUS_ON_THEIR_DOMAIN) && zeroAtRootOf(t, part, input.name) ? rootOf(part, input) : undefined;
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * A bracket of a root of a continuous function: a sign change of its own, or of its multiple roots' factor where it
 * is a polynomial that touches 0 without changing sign: y^6 - 2y^4 - 2y^3 + y^2 + 2y + 1 is (y^3 - y - 1)^2 written
 * out, and > 0 was verified (probe 88).
 */
function rootOf(t: Term, input: Input): { of: Term; bracket: [number, number] } | undefined {
  const changed = signChange(t, input);
  if (changed !== undefined) return { of: t, bracket: changed };
  const repeated = repeatedFactor(t, input.name);
  const bracket = repeated && signChange(repeated, input);
  return repeated === undefined || bracket === undefined ? undefined : { of: repeated, bracket };
}
