import { describe, expect, it } from 'vitest';
import { verdictsIn } from '../__test-helpers__/derivations.ts';

describe("an integral's variable is its own", () => {
  it('where a given of that name is positive or unit outside it (probe 51: \\int_0^1 a\\,da was an error)', () => {
    expect(verdictsIn(`given a: positive
given u: unit
claim \\int_0^1 a\\, da = 1/2
claim integral(a, -1, 0, a) = -1/2
claim integral(u, 0, 2, u) = 2
claim a + integral(a, 0, 1, a) = a + 1/2
claim integral(t, 0, a, t) = a^2 / 2
claim integral(a, 0, 1, a) = 1   expect wrong
`)).toEqual(['proved', 'proved', 'proved', 'proved', 'proved', 'refuted']);
  });
});

describe("an evaluation bar's variable", () => {
  it('needs no declaration, as an integral\'s does: \\left. \\frac{d}{dt}(t^2 e^{-t}) \\right|_{t=2} (probe 88: refused unless t was declared)', () => {
    expect(verdictsIn(String.raw`claim \left. \frac{d}{dt} \left( t^2 e^{-t} \right) \right|_{t=2} = 0
claim subs(diff(t^3, t), t, 2) = 12
claim subs(diff(t^3, t), t, 2) = 13   expect wrong
`)).toEqual(['proved', 'proved', 'refuted']);
  });
});
