import type { StepResult } from '../check/index.ts';
import { escapeControl } from './safe-text.ts';

/**
 * Wording shared by every report, so the terminal, HTML and Markdown say the same
 * thing the same way.
 */

/** `1 step`, `2 steps`, `1 random input`. @example plural(1, 'step') === '1 step' */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Significant digits up to which a number is shown exactly as it is. */
const EXACT_DIGITS = 12;

/**
 * A number as a person reads it: exactly when it has at most 12 significant digits
 * (a witness at -1.0000000005, between two switches 1e-9 apart, must not read as -1),
 * else to 6 (a random input), in exponent form far from 1. Integers and non-finite
 * values as they are.
 */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v) || Number.isInteger(v)) return String(v);
  const shortest = String(v);
  const mantissa = shortest.replace(/e.*$/, '').replace(/[-.]/g, '').replace(/^0+/, '');
  if (mantissa.length <= EXACT_DIGITS) return shortest;
  const a = Math.abs(v);
  const rounded = a < 1e-4 || a >= 1e6 ? v.toExponential(5).replace(/\.?0+e/, 'e') : Number(v.toPrecision(6)).toString();
  // Rounded to a simpler number than it is (0.999999999999999 to 1, an interval's end left out, where a bound holds):
  // the number as it is, so that the report never shows a value the step was not read at.
  const digits = rounded.replace(/e.*$/, '').replace(/[-.]/g, '').replace(/^0+/, '').replace(/0+$/, '');
  return digits.length <= SIMPLE_DIGITS ? shortest : rounded;
}

/** A rounded number of at most this many significant digits (1, 0.5, 2.25) looks exact: it is shown only where it is. */
const SIMPLE_DIGITS = 3;

/** Entries of a long input a report shows before the last one: the JSON report holds them all. */
const SHOWN_ENTRIES = 12;

/**
 * A value as a person reads it: a number by {@link formatNumber}; an array entrywise, a long
 * one as its first {@link SHOWN_ENTRIES} entries, how many more, and its last (never a
 * matrix[1000, 1000] of a counterexample written out); text with its control characters escaped.
 */
export function formatValue(v: unknown): string {
  if (typeof v === 'number') return formatNumber(v);
  if (Array.isArray(v)) {
    const shown = v.length <= SHOWN_ENTRIES + 2 ? v.map(formatValue)
      : [...v.slice(0, SHOWN_ENTRIES).map(formatValue), `... ${v.length - SHOWN_ENTRIES - 1} more ...`, formatValue(v[v.length - 1])];
    return `[${shown.join(', ')}]`;
  }
  return escapeControl(String(v));
}

/** Whether a step's inputs have a dimension symbol at all: with scalars only, "for every n" means nothing. */
export function hasDimensions(step: StepResult): boolean {
  return step.detail.sizes.some((s) => Object.keys(s).length > 0);
}

/**
 * How far a proof reaches, as a suffix of the verdict: ` for every n`, ` at the
 * sizes tried`, or for a claim of scalars only ` for all values` / ''.
 */
export function scopeText(step: StepResult): string {
  if (step.verdict !== 'proved') return '';
  const dims = hasDimensions(step);
  if (step.proof === 'every-n') return dims ? ' for every n' : ' for all values';
  if (step.proof === 'sizes-tried') return dims ? ' at the sizes tried' : '';
  return '';
}

/** Whether an engine looked at the step: a step the model could not build has the method `none`. */
export function hasMethod(step: StepResult): boolean {
  return step.method !== '' && step.method !== 'none';
}

/**
 * The notes of a step that holds almost everywhere, as every report shows them: a
 * kink convention ("differs only at the kink x = 0 ...") and where the step has no
 * value on a set of measure zero.
 */
export function almostEverywhereNotes(step: StepResult): string[] {
  if (step.verdict !== 'proved' && step.verdict !== 'verified') return [];
  return [step.detail.kink, step.detail.removable].filter((n): n is string => n !== undefined);
}

/**
 * Names as the file wrote them: the parser's wsup1, zsupL and asuplm1 (syntax/derivation-names.ts) are w^(1), z^L and
 * a^(l-1), and a let's σsq and σ_Bsq are σ² and σ_B², in a report read as text; an accented one, Goodfellow's σ̂² (σhatsq), is σhat².
 */
export function namesAsWritten(text: string): string {
  return text.replace(/(?<![\p{L}\p{N}_])(\p{L})sup(?:(\d+)|([A-Za-z])(?:([mp])(\d+))?)(?![\p{L}\p{N}])/gu,
    (_, base: string, number?: string, letter?: string, sign?: string, steps?: string) =>
      number !== undefined ? `${base}^(${number})` : sign === undefined ? `${base}^${letter}` : `${base}^(${letter}${sign === 'm' ? '-' : '+'}${steps})`)
    .replace(/(?<![\p{L}\p{N}_])(\p{L}(?:hat|bar|tilde|ddot|dot|vec)?(?:_[\p{L}\p{N}]+)?)(sq|cube)(?![\p{L}\p{N}])/gu, (_, base: string, power: string) => `${base}${power === 'sq' ? '\u00b2' : '\u00b3'}`);
}
