/** The error-vs-h plot is drawn only where it shows something, on axes that fit its data. */
import { describe, expect, it } from 'vitest';
import { CURVE_STEPS, curveShowsSomething, errorCurveSvg, type ErrorCurve } from '../../src/report/html/index.ts';

const curve = (gap: (h: number) => number, methodError: (h: number) => number): ErrorCurve => ({
  points: CURVE_STEPS.map((h) => ({ h, gap: gap(h), methodError: methodError(h) })),
  variable: 'x[1]', side: 'lhs', tolerance: 1e-10,
});
/** Truncation falling as h², round-off rising as eps/h: the V of a central difference. */
const vShape = (h: number) => h * h + 1e-16 / h;

describe('the error plot', () => {
  it('is drawn for a mistake far above the bottom of the V', () => {
    expect(curveShowsSomething(curve(() => 0.5, vShape))).toBe(true);
  });

  it('is not drawn when finite differences are exact (two flat lines)', () => {
    expect(curveShowsSomething(curve(() => 0.5, () => 0))).toBe(false);
  });

  it('is not drawn when the gap sits at round-off', () => {
    expect(curveShowsSomething(curve(() => 1e-15, vShape))).toBe(false);
  });

  it('has a vertical axis from the lowest to the highest decade of the data, not a fixed range', () => {
    const svg = errorCurveSvg(curve(() => 0.5, vShape), 'c');
    const exponents = [...svg.matchAll(/class="dc-tick">10<tspan dy="-6" font-size="9">(-?\d+)<\/tspan>/g)].map((m) => Number(m[1]));
    expect(Math.max(...exponents)).toBeLessThanOrEqual(1);
    expect(Math.min(...exponents)).toBeGreaterThanOrEqual(-12);
  });
});
