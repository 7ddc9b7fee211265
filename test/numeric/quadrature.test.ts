/**
 * The double-exponential quadrature: its error bound holds (the true integral is
 * within it) on integrals known in closed form, smooth or with an integrable
 * singularity at an end; a divergent integral or one with no value has none; and
 * where the nodes cannot see the integrand, no value is trusted.
 */
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { integrate, type Integrand } from '../../src/numeric/index.ts';
import { integrandScale, preciseIntegrate } from '../../src/numeric/precise-quadrature.ts';
import { kinkedIntegrate } from '../../src/numeric/precise-kinks.ts';
import { oscillatoryIntegrate } from '../../src/numeric/precise-oscillatory.ts';
import { peakedIntegrate } from '../../src/numeric/precise-peak.ts';
import { claimsOf, deriv } from '../__test-helpers__/derivations.ts';

const plain = (f: (t: number) => number): Integrand => ({ value: f, error: () => 0, lost: () => false });

describe('integrate', () => {
  it.each([
    ['t^2 over [0, 1]', (t: number) => t * t, 0, 1, 1 / 3],
    ['exp(-t^2) over the line', (t: number) => Math.exp(-t * t), -Infinity, Infinity, Math.sqrt(Math.PI)],
    ['1/sqrt(t) over [0, 1], singular at 0', (t: number) => 1 / Math.sqrt(t), 0, 1, 2],
    ['log(t) over [0, 1]', Math.log, 0, 1, -1],
    ['t^-0.9 over [0, 1]', (t: number) => t ** -0.9, 0, 1, 10],
    ['exp(-t) over [0, Infinity)', (t: number) => Math.exp(-t), 0, Infinity, 1],
    ['1/(1 + t^2) over the line, a slow tail', (t: number) => 1 / (1 + t * t), -Infinity, Infinity, Math.PI],
    ['exp(t) over (-Infinity, 0]', Math.exp, -Infinity, 0, 1],
    ['sin over [0, 100], many periods', Math.sin, 0, 100, 1 - Math.cos(100)],
    ['reversed bounds', (t: number) => t, 1, 0, -0.5],
    // A root of the integrand at one of its own nodes near an end (an inner integral at an outer node, probe 34) is no end
    // of the rule; nor is one within 1e-6 of an end (y sin(x y) at y just below pi), whose neighbour grows from it.
    ['t - y over [0, 1], y a node of the rule', (t: number) => t - 0.9987574282286122, 0, 1, 0.5 - 0.9987574282286122],
    ['sin(t - y) over [0, 1], y a node near 0', (t: number) => Math.sin(t - 0.0012425717713878076), 0, 1, Math.cos(0.0012425717713878076) - Math.cos(1 - 0.0012425717713878076)],
    ['y sin(t y) over [1, 2], a root 1e-6 inside', (t: number) => 3.141591404393774 * Math.sin(t * 3.141591404393774), 1, 2, Math.cos(3.141591404393774) - Math.cos(2 * 3.141591404393774)],
  ])('%s: settled, and within its error bound', (_, f, a, b, exact) => {
    const q = integrate(plain(f), a, b);
    expect(q.settled).toBe(true);
    expect(Math.abs(q.value - exact)).toBeLessThanOrEqual(q.error);
    // Tight where the integrand is smooth: the bound is no licence to be vague.
    expect(q.error).toBeLessThan(1e-4 * Math.max(1, Math.abs(exact)));
  });

  it('a range a few doubles wide is its middle times its width, the whole of it the bound', () => {
    const q = integrate(plain(Math.exp), 1 - 4e-15, 1);
    expect(q.settled).toBe(true);
    expect(Math.abs(q.value - (Math.E - Math.exp(1 - 4e-15)))).toBeLessThanOrEqual(q.error);
  });

  it('has no value where the integrand has none at a node, and does not settle a divergent integral', () => {
    expect(Number.isNaN(integrate(plain(Math.sqrt), -1, 1).value)).toBe(true);
    for (const [f, a, b] of [[(t: number) => 1 / t, 0, 1], [(t: number) => t ** -1.01, 1, Infinity]] as const) {
      const q = integrate(plain(f), a, b);
      expect(q.settled && Number.isFinite(q.value)).toBe(false);
    }
  });

  it('trusts no value where the levels do not agree to doubles: a kink inside (the check splits at one affine in t) or a narrow peak, whose trend of levels gave bounds 30 times too small', () => {
    for (const [f, a, b] of [[(t: number) => Math.abs(t - 0.3), 0, 1], [(t: number) => 1 / ((t + 0.128) ** 2 + 9e-8), -1, 1], [(t: number) => (t * t > 0.36 ? 1 : 0), 0, 1]] as const) {
      expect(integrate(plain(f), a, b).settled).toBe(false);
    }
  });

  it('trusts no value where every node lost its value (a peak the nodes missed, underflowed everywhere)', () => {
    const peak = (t: number) => Math.exp(-((t - 500) ** 2) / 2e-6);
    const q = integrate({ value: peak, error: () => Number.MIN_VALUE, lost: () => true }, -Infinity, Infinity);
    expect(q.settled).toBe(false);
  });

  it('settles a normal tail whose far terms fall into the subnormals, beside a sum far above them', () => {
    // t^2 exp(-(t - 2)^2 / 8) at t = -74 is 8e-313: a node there had made the whole integral unsettled.
    for (const [centre, k, exact] of [[2, 2, 8 * Math.sqrt(8 * Math.PI)], [2, 3, 32 * Math.sqrt(8 * Math.PI)], [-3, 1, -3 * Math.sqrt(8 * Math.PI)]] as const) {
      let lost = false;
      const f: Integrand = { value: (t) => { const e = Math.exp(-((t - centre) ** 2) / 8); lost = e < 2 ** -1022; return t ** k * e; }, error: () => 0, lost: () => lost };
      const q = integrate(f, -Infinity, Infinity);
      expect(q.settled).toBe(true);
      expect(Math.abs(q.value - exact)).toBeLessThanOrEqual(q.error);
      expect(q.error).toBeLessThan(1e-10 * Math.abs(exact));
    }
  });

  it('the integral of a polynomial is its antiderivative\'s change, within the bound, for any coefficients and bounds', () => {
    const coefficient = fc.double({ min: -100, max: 100, noNaN: true });
    fc.assert(fc.property(fc.array(coefficient, { minLength: 1, maxLength: 6 }), fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: -10, max: 10, noNaN: true }),
      (c, a, b) => {
        const p = (t: number) => c.reduce((acc, ck, k) => acc + ck * t ** k, 0);
        const antiderivative = (t: number) => c.reduce((acc, ck, k) => acc + (ck * t ** (k + 1)) / (k + 1), 0);
        const q = integrate(plain(p), a, b);
        const exact = antiderivative(b) - antiderivative(a);
        // The closed form has its own rounding: a few ulps of its largest term.
        const slack = 8 * Number.EPSILON * c.reduce((acc, ck, k) => acc + Math.abs(ck) * Math.max(Math.abs(a), Math.abs(b)) ** (k + 1), 0);
        // Where doubles lose the terms (5e-146 over a range of 1e-173 is in the subnormals) no value is trusted;
        // with moderate numbers one always is.
        const moderate = [...c, a, b].every((v) => v === 0 || (Math.abs(v) >= 1e-3 && Math.abs(v) <= 1e3));
        if (!q.settled) return !moderate;
        return Math.abs(q.value - exact) <= q.error + slack;
      }), { seed: 1, numRuns: 300 });
  });
});

describe('integrate: ranges a few ulps to a few million ulps wide', () => {
  it('settles y from 1 - w to 1 for every w, within its error bound', () => {
    for (let k = 4; k <= 15; k++) {
      for (const m of [1, 3]) {
        const w = m * 10 ** -k;
        const q = integrate({ value: (y: number) => y, error: () => 0, lost: () => false }, 1 - w, 1);
        const a = 1 - w;
        expect(q.settled, `w = ${w}`).toBe(true);
        expect(Math.abs(q.value - (1 - a * a) / 2), `w = ${w}`).toBeLessThanOrEqual(q.error);
      }
    }
  });

  it('leaves a narrow range with a singular end unsettled rather than read at its middle', () => {
    const q = integrate({ value: (y: number) => (1 - y) ** -0.9, error: () => 0, lost: () => false }, 1 - 1e-12, 1);
    if (q.settled) expect(Math.abs(q.value - 10 * (1e-12) ** 0.1)).toBeLessThanOrEqual(q.error);
  });
});

describe('a half-line whose finite end is so large that its nodes round onto it (probe 81)', () => {
  it('is unsettled, not the 0 of an integrand read nowhere: the Laplace density past its location -1e300', () => {
    const density = (m: number) => plain((t) => Math.exp(-Math.abs(t - m) / 0.1) / 0.2);
    expect(integrate(density(-1e300), -1e300, Infinity).settled).toBe(false);
    // At a location doubles resolve, the half of the mass is read as it is.
    const q = integrate(density(-3), -3, Infinity);
    expect(q.settled).toBe(true);
    expect(q.value).toBeCloseTo(0.5, 12);
  });

  it('keeps a Laplace entropy bound verified at every seed: its expectation was read 0 at m = -1.01e300 and the true step refuted', () => {
    const text = deriv(`given t, m: real
given s: positive
claim E(t, laplace(m, s), -log(exp(-abs(t - m)/s)/(2*s))) < log(s*sqrt(2)*sqrt(2*pi*exp(1)))
`);
    for (const seed of [1, 3]) expect(claimsOf(text, { seed }).flatMap((c) => c.steps.map((s) => s.verdict))).toEqual(['verified']);
  }, 120_000);
});

const Sixty = Decimal.clone({ precision: 60 });

describe('60-digit quadrature on a half-line: the integrand\'s own scale', () => {
  it('spreads the nodes over the distance the integrand falls off in: exp(-c t) over [0, Infinity) is 1/c, for c from 1e-12 to 1e12', () => {
    // Property: the scale found puts the rule's nodes where the integrand lives, and the levels settle it within their bound.
    fc.assert(fc.property(fc.integer({ min: -12, max: 12 }), fc.double({ min: 1, max: 9.9, noNaN: true }), (k, m) => {
      // The integrand in 60 digits, as the numbers read one, its rounding its error.
      const c = new Sixty(m).times(new Sixty(10).pow(k));
      const f = { value: (t: Decimal) => c.neg().times(t).exp(), error: () => new Sixty('1e-58') };
      const q = preciseIntegrate(f, new Decimal(0), undefined, integrandScale(f, new Decimal(0), 1));
      expect(q).not.toBe('unsettled');
      if (q === 'unsettled') return;
      // Within its error bound of 1/c, and that bound within 1e-30 of it.
      expect(q.value.minus(new Sixty(1).div(c)).abs().lte(q.error)).toBe(true);
      expect(q.error.lte(q.value.abs().times('1e-30'))).toBe(true);
    }), { numRuns: 30, seed: 3 });
  }, 60_000);
});

describe('60-digit quadrature of a peak far narrower than its range (precise-peak.ts)', () => {
  it('splits at the peak and reads outward from it: exp(-c (t - m)^2) over [0, 1] is sqrt(pi / c) inside, half of it at an end, c from 1e6 to 1e16', () => {
    fc.assert(fc.property(fc.integer({ min: 6, max: 16 }), fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: 0.05, max: 0.95, noNaN: true })), (k, m) => {
      const c = new Sixty(10).pow(k);
      const centre = new Sixty(m);
      const f = { value: (t: Decimal) => c.neg().times(new Sixty(t).minus(centre).pow(2)).exp(), error: () => new Sixty('1e-58') };
      const q = peakedIntegrate(f, new Decimal(0), new Decimal(1));
      expect(q).not.toBe('unsettled');
      if (q === 'unsettled') return;
      // erf(sqrt(c) min(m, 1 - m)) is 1 within 1e-1000 inside; at an end the other side's is.
      const exact = Sixty.acos(-1).div(c).sqrt().div(m === 0 || m === 1 ? 2 : 1);
      expect(q.value.minus(exact).abs().lte(q.error)).toBe(true);
      expect(q.error.lte(exact.times('1e-30'))).toBe(true);
    }), { numRuns: 8, seed: 5 });
  }, 120_000);

  it('leaves two peaks unsettled: split at one, the other would lie between the nodes of a part and be lost', () => {
    for (const k of [8, 12]) {
      const c = new Sixty(10).pow(k);
      const bump = (t: Decimal, m: number) => c.neg().times(new Sixty(t).minus(m).pow(2)).exp();
      const f = { value: (t: Decimal) => bump(t, 0.3).plus(bump(t, 0.7).div(2)), error: () => new Sixty('1e-58') };
      // Read as 2/3 of its value before the grid's magnitudes had to fall away from the peak on both sides.
      expect(peakedIntegrate(f, new Decimal(0), new Decimal(1))).toBe('unsettled');
    }
  }, 60_000);
});

describe('60-digit quadrature split at the zeros of arguments not affine in t (precise-kinks.ts)', () => {
  it('cuts where an argument changes sign: |e^t - c| over [0, 2] is 2 c log c + e^2 - 4c + 1, c from 1.1 to e^2 - 0.1', () => {
    fc.assert(fc.property(fc.double({ min: 1.1, max: Math.exp(2) - 0.1, noNaN: true }), (cDouble) => {
      const c = new Sixty(cDouble);
      const g = (t: Decimal) => new Sixty(t).exp().minus(c);
      const f = { value: (t: Decimal) => g(t).abs(), error: () => new Sixty('1e-58') };
      const q = kinkedIntegrate(f, [g], new Decimal(0), new Decimal(2));
      expect(q).not.toBe('unsettled');
      if (q === 'unsettled') return;
      const exact = c.times(2).times(c.ln()).plus(new Sixty(2).exp()).minus(c.times(4)).plus(1);
      expect(q.value.minus(exact).abs().lte(q.error)).toBe(true);
      expect(q.error.lte('1e-40')).toBe(true);
    }), { numRuns: 10, seed: 7 });
  }, 120_000);

  it('leaves a gap around a zero the argument touches: the cardioid sqrt(2 + 2 cos(t - m)) over [0, 2 pi] is 8 wherever its kink is', () => {
    fc.assert(fc.property(fc.double({ min: 0.1 - Math.PI, max: Math.PI - 0.1, noNaN: true }), (m) => {
      const g = (t: Decimal) => new Sixty(t).minus(m).cos().times(2).plus(2);
      const f = { value: (t: Decimal) => { const v = g(t); return v.isNeg() ? undefined : v.sqrt(); }, error: () => new Sixty('1e-58') };
      const q = kinkedIntegrate(f, [g], new Decimal(0), Sixty.acos(-1).times(2));
      expect(q).not.toBe('unsettled');
      if (q === 'unsettled') return;
      expect(q.value.minus(8).abs().lte(q.error)).toBe(true);
      expect(q.error.lte('1e-25')).toBe(true);
    }), { numRuns: 10, seed: 7 });
  }, 120_000);

  it('leaves a spike unsettled: 1 / sqrt(2 + 2 cos t) diverges at pi, and a gap there would have read a finite value', () => {
    const g = (t: Decimal) => new Sixty(t).cos().times(2).plus(2);
    const f = { value: (t: Decimal) => { const v = g(t); return v.isNeg() || v.isZero() ? undefined : new Sixty(1).div(v.sqrt()); }, error: () => new Sixty('1e-58') };
    expect(kinkedIntegrate(f, [g], new Decimal(0), Sixty.acos(-1).times(2))).toBe('unsettled');
  }, 60_000);
});

describe('60-digit quadrature of a half-line whose integrand oscillates as it decays (precise-oscillatory.ts)', () => {
  const pi = Sixty.acos(-1);
  const at = (f: (t: Decimal) => Decimal) => ({ value: (t: Decimal) => (new Sixty(t).isZero() ? undefined : f(new Sixty(t))), error: () => new Sixty('1e-58') });

  it('extrapolates the pieces of sin(t) / t and of (sin(t) / t)^2 over [0, Infinity) to pi / 2, within the bound', () => {
    for (const f of [(t: Decimal) => t.sin().div(t), (t: Decimal) => t.sin().div(t).pow(2)]) {
      const q = oscillatoryIntegrate(at(f), new Decimal(0), 1, pi);
      expect(q).not.toBe('unsettled');
      if (q === 'unsettled') return;
      expect(q.value.minus(pi.div(2)).abs().lte(q.error)).toBe(true);
      expect(q.error.lte('1e-18')).toBe(true);
    }
  }, 120_000);

  it('gives no value where the integral diverges: sin(t), whose pieces are all 2 (Abel would say 1), and sin(t)^2 / t, as 1 / n', () => {
    expect(oscillatoryIntegrate(at((t) => t.sin()), new Decimal(0), 1, pi)).toBe('unsettled');
    expect(oscillatoryIntegrate(at((t) => t.sin().pow(2).div(t)), new Decimal(1), 1, pi)).toBe('unsettled');
  }, 120_000);
});
