import { affineIn, FUNCTIONS, mapChildren, readsVariable, sineSlopes, type AffineForm, type Term } from '../model/index.ts';

/**
 * Where an integrand switches in its variable t: the arguments of its comparisons,
 * relu, abs, sign, max and min that are affine in t (`relu(t - mu)`, `t > x[j]`),
 * each as its slope and offset, terms free of t. The quadrature splits the range at
 * their roots: on each piece the integrand is smooth, and the double-exponential
 * rule converges to doubles again (across a kink it converges as h^2, to some 1e-5).
 */
export type AffineSwitch = AffineForm;

/**
 * The switches of `body` affine in the input `v` (at most {@link MAX_SWITCHES}, the first
 * found). A switch that is not (`(t^2 > a)`) is not split at: the quadrature's levels
 * then rarely agree to doubles, and no value is trusted.
 */
export function integrandSwitches(body: Term, v: string): AffineSwitch[] {
  const out: AffineSwitch[] = [];
  const note = (difference: Term): void => {
    if (!readsVariable(difference, v)) return;
    const form = affineIn(difference, v);
    if (form !== undefined) {
      if (out.length < MAX_SWITCHES) out.push(form);
      return;
    }
    for (const root of evenSwitches(difference, v)) if (out.length < MAX_SWITCHES) out.push(root);
  };
  const walk = (t: Term): Term => {
    if (t.k === 'cmp') note(minus(t.a, t.b));
    else if (t.k === 'fn' && FUNCTIONS[t.name].kink !== undefined && t.args.length === 1) note(t.args[0]);
    else if (t.k === 'fn' && (t.name === 'max' || t.name === 'min')) note(minus(t.args[0], t.args[1]));
    else if (t.k === 'extremum') for (let i = 1; i < t.terms.length; i++) note(minus(t.terms[0], t.terms[i]));
    return mapChildren(t, walk);
  };
  walk(body);
  return out;
}

/**
 * The switches of `k |A| + R` and `k A^2 + R`, A affine in v and k, R free of it, at its two roots in A:
 * `abs(t) >= 2 s` is 0 on (-2s, 2s), and with the range unsplit a wide s left every node of the rule there, where
 * the integrand is 0: a normal tail read as 0 (probe 57). Both are listed; a root with no value is never cut at.
 */
function evenSwitches(difference: Term, v: string): AffineSwitch[] {
  const terms = difference.k === 'add' ? difference.terms : [difference];
  const reading = terms.filter((x) => readsVariable(x, v));
  if (reading.length !== 1) return [];
  const others = terms.filter((x) => x !== reading[0]);
  const rest: Term = others.length === 0 ? ZERO : others.length === 1 ? others[0] : { k: 'add', terms: others };
  const factors = reading[0].k === 'mul' ? reading[0].factors : [reading[0]];
  const inner = factors.filter((f) => readsVariable(f, v));
  if (inner.length !== 1) return [];
  const coefficients = factors.filter((f) => f !== inner[0]);
  const scale: Term = coefficients.length === 0 ? ONE : coefficients.length === 1 ? coefficients[0] : { k: 'mul', factors: coefficients };
  const even = inner[0];
  const argument = even.k === 'fn' && even.name === 'abs' ? even.args[0]
    : even.k === 'pow' && even.exponent.k === 'num' && even.exponent.value.num === 2n && even.exponent.value.den === 1n ? even.base : undefined;
  const form = argument === undefined ? undefined : affineIn(argument, v);
  if (form === undefined) return [];
  // |A| = -R / k, or A^2 = -R / k: A = ±(that), or ±sqrt(that).
  const level: Term = { k: 'mul', factors: [MINUS_ONE, rest, { k: 'pow', base: scale, exponent: MINUS_ONE }] };
  const magnitude: Term = even.k === 'fn' ? level : { k: 'fn', name: 'sqrt', args: [level] };
  return [
    { slope: form.slope, offset: minus(form.offset, magnitude) },
    { slope: form.slope, offset: { k: 'add', terms: [form.offset, magnitude] } },
  ];
}

/**
 * The arguments of the integrand's switches that are not affine in `v`, and of its square roots and fractional
 * powers, at most {@link MAX_SWITCHES}: where one of them is 0 inside the range the integrand may bend or jump
 * there (`abs(exp(t) - 3)` at log 3, the cardioid's `sqrt(2 + 2 cos t)` at pi, where its argument touches 0). The
 * 60-digit quadrature looks for their zeros numerically where the rule alone did not settle (precise-kinks.ts).
 */
export function integrandKinkArguments(body: Term, v: string): Term[] {
  const out: Term[] = [];
  const note = (argument: Term): void => {
    if (out.length < MAX_SWITCHES && readsVariable(argument, v) && affineIn(argument, v) === undefined) out.push(argument);
  };
  const walk = (t: Term): Term => {
    if (t.k === 'cmp') note(minus(t.a, t.b));
    else if (t.k === 'fn' && t.args.length === 1 && (FUNCTIONS[t.name].kink !== undefined || t.name === 'sqrt')) note(t.args[0]);
    else if (t.k === 'fn' && (t.name === 'max' || t.name === 'min')) note(minus(t.args[0], t.args[1]));
    else if (t.k === 'extremum') for (let i = 1; i < t.terms.length; i++) note(minus(t.terms[0], t.terms[i]));
    else if (t.k === 'pow' && !(t.exponent.k === 'num' && t.exponent.value.den === 1n) && !readsVariable(t.exponent, v)) note(t.base);
    return mapChildren(t, walk);
  };
  walk(body);
  return out;
}

/**
 * The slopes in `v` of the arguments of the integrand's sines and cosines that are affine in v (`cos(49 * x)`: 49),
 * at most {@link MAX_SWITCHES}: a range spanning many of their periods is split into pieces of a few periods each,
 * where the double-exponential rule's levels agree again (cos(49 x) / (1 + x^2) over [0, pi] did not, in 60 digits).
 */
export function integrandFrequencies(body: Term, v: string): Term[] {
  return sineSlopes(body, v, MAX_SWITCHES);
}

/** Pieces a range is split into at most: more switches than this are left to the rule's slow convergence. */
const MAX_SWITCHES = 16;

const MINUS_ONE: Term = { k: 'num', value: { num: -1n, den: 1n } };
const ZERO: Term = { k: 'num', value: { num: 0n, den: 1n } };
const ONE: Term = { k: 'num', value: { num: 1n, den: 1n } };

function minus(a: Term, b: Term): Term {
  return { k: 'add', terms: [a, { k: 'mul', factors: [MINUS_ONE, b] }] };
}
