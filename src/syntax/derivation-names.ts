import { randomVariableGiven } from './expectation-brackets.ts';
import { rewritten, SourceMap } from './source-map.ts';
import { fromLatex, GREEK } from './latex-input.ts';

/**
 * What a derivation's own given and let lines declare that changes how its other lines
 * read, gathered in one pass over them before any line is parsed: a `let σ² = ...` name,
 * the square matrices whose bars `|A|` are a determinant, the random variables of
 * `given X ~ D` (for `E[f(X)]`, expectation-brackets.ts) and every declared name.
 */
export interface DerivationNames {
  /** Names a let defines squared or cubed, as written (`σ²`). */
  readonly squared: ReadonlySet<string>;
  /** Square matrices the givens declare (`given S: spd[n, n]`). */
  readonly square: ReadonlySet<string>;
  /** Random variables and their distributions as written (`X` to `N(mu, s^2)`). */
  readonly random: ReadonlyMap<string, string>;
  /** Names the givens and lets declare. */
  readonly declared: ReadonlySet<string>;
  /**
   * Names a given or let declares with a layer's superscript (`given w^{(1)}: matrix[M, D]`, Ng's `W^{[2]}`,
   * `W⁽¹⁾`): the name as written without it and the layer (`w`, `1`), keyed `w|1`, to the one name it is read as.
   */
  readonly layered: ReadonlyMap<string, string>;
  /** Functions the derivation defines (`let f(t) = ...`), declares (`given f: function`) or defines by an equation (`implicit y(x): ...`). */
  readonly functions: ReadonlySet<string>;
  /** Vectors the givens declare (`given y: vector[m]`): `y^{(i)}`, the books' i-th example, is their entry y[i]. */
  readonly vectors: ReadonlySet<string>;
}

/** The names of infinity a bound, a limit's point or a chain's last line is written with (math.js, numpy, sympy; ∞ is read as Infinity): no derivation declares them. */
export const INFINITY_NAMES: ReadonlySet<string> = new Set(['Infinity', 'inf', 'oo']);

/**
 * A let whose name is a name squared or cubed (`let σ² = ...`, Ioffe and Szegedy's σ_B²), or a given (`given σ²: positive`, a variance).
 * The name may carry an accent, as the combining mark LaTeX's \hat{\sigma} is read as: Goodfellow's (5.37) `let \hat{\sigma}^2 = ...`
 * is the name σ̂² (σhatsq), as `let σ² = ...` is σ² (it was an unreadable let, and the whole file refused).
 */
const SQUARED_LET = /^let\s+([\p{L}][\p{L}\p{M}\p{N}_]*?)([\u00b2\u00b3])\s*=(?!=)/u;
const SQUARED_NAME = /^([\p{L}][\p{L}\p{M}\p{N}_]*?)([\u00b2\u00b3])$/u;
/** A declaration's name^2 and name^{3} (after the LaTeX pass) as name² and name³, the form SQUARED_LET and SQUARED_NAME read. */
function withPowersAsSuperscripts(declaration: string): string {
  return declaration.replace(/^(let|given)(\s+[^:=~\u223c]*?[\p{L}\p{M}\p{N}_])\^(?:\{\s*([23])\s*\}|\(\s*([23])\s*\)|([23]))(?=\s*(?:=(?!=)|:|,))/u,
    (_, keyword: string, name: string, braced?: string, bracketed?: string, plain?: string) => `${keyword}${name}${(braced ?? bracketed ?? plain) === '2' ? '\u00b2' : '\u00b3'}`);
}

/** How a squared or cubed name is written for the parser: σ² is the name σsq. */
const POWER_SUFFIX: Readonly<Record<string, string>> = { '\u00b2': 'sq', '\u00b3': 'cube' };
/** A given of a square matrix: `given S: spd[n, n]`, `symmetric[n, n]`, `invertible[3, 3]`, `matrix[n, n]`. */
const SQUARE_GIVEN = /^given\s+([^:]+):\s*(?:(?:spd|symmetric|invertible)\s*\[|matrix\s*\[\s*([\p{L}\p{N}_]+)\s*,\s*\2\s*\])/u;
const GIVEN = /^given\s+([^:~\u223c]+):/u;
/**
 * A name with a layer's superscript as written in a given or let (a LaTeX font command around it allowed):
 * `w^{(1)}`, `W^{[2]}`, `\mathbf{W}^{(1)}`, `W⁽¹⁾`. The layer is a whole number: `^{(2)}` of a function is Lagrange's
 * second derivative elsewhere, and `^{(t)}` a time step's index, neither a name. The name starts a word: tried
 * from inside one, a line of one 300,000-letter name took minutes (probe 58).
 */
const LAYERED_DECLARED = /(?:\\math(?:bf|rm|it|bb|cal)\s*\{\s*|\\boldsymbol\s*\{\s*)?(?<![\p{L}\p{M}\p{N}])([\p{L}][\p{L}\p{M}\p{N}]*)\s*\}?\s*(?:\^\s*\{\s*[([]\s*(\d+)\s*[)\]]|\u207d([\u2070\u00b9\u00b2\u00b3\u2074-\u2079]+)\u207e|\^\s*\{\s*[([]?\s*(\p{L})\s*[)\]]?\s*\}|\^\s*(\p{L})(?![\p{L}\p{N}])|\^\s*\{\s*[([]?\s*(\p{L})\s*([+-])\s*(\d+)\s*[)\]]?\s*\})/gu;
/** Letters that are no layer after a caret: a transpose (`W^T`, `W^⊤`). */
const NOT_A_LAYER = new Set(['T', '\u22a4']);
/** The superscript digits ⁰ to ⁹. */
const SUPERSCRIPT_DIGITS = '\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079';
/** The highest order of Lagrange's f^{(k)}(x) read as k primes. */
const MAX_PRIMES = 12;
/** How a layered name is written for the parser: w^{(1)} is the name wsup1 (typeset w^{(1)} again, report/latex). */
export const LAYER_INFIX = 'sup';
const LET = /^let\s+([\p{L}][\p{L}\p{N}_]*)/u;
/** A given of one dimension as the books declare it, after the LaTeX pass: `given y \in R^{m}`, `given x ∈ ℝ^n` (not `R^{m * n}`). */
const SET_VECTOR = /^given\s+([^:]+?)\s*(?:\\in\b|\u2208)\s*(?:R|\u211d)\s*\^\s*(?:\{[^{}*,]+\}|[\p{L}\p{N}]+)\s*$/u;
/** A let of no argument, or of one index, and its body: `let ŷ = X θ`, `let h[i] = ...` (not `let f(t) = ...`). */
const LET_VALUE = /^let\s+([\p{L}][\p{L}\p{M}\p{N}_]*)\s*(\[\s*[\p{L}\p{N}_]+\s*\])?\s*=(?!=)(.*)$/u;

/** What the derivation whose lines start at line k declares, up to the next `derivation` line. */
export function derivationNames(lines: readonly { readonly text: string }[], k: number): DerivationNames {
  const squared = new Set<string>();
  const square = new Set<string>();
  const random = new Map<string, string>();
  const declared = new Set<string>();
  const layered = new Map<string, string>();
  const functions = new Set<string>();
  const vectors = new Set<string>();
  const names = (list: string) => list.split(',').map((name) => name.trim());
  for (let j = k; j < lines.length && (j === k || !/^derivation\b/.test(lines[j].text)); j++) {
    const text = lines[j].text;
    // A square's name as LaTeX writes it, let \sigma_B^2 = ... (Ioffe and Szegedy) and given \sigma^2: positive, is σ_B², σ².
    const declaration = /^(?:let|given)\b/.test(text) ? withPowersAsSuperscripts(text.includes('\\') ? fromLatex(text, SourceMap.of('', [{ offset: 0, line: 1, col: 1 }])).text : text) : text;
    const power = SQUARED_LET.exec(declaration);
    if (power !== null) squared.add(power[1] + power[2]);
    for (const name of names(GIVEN.exec(declaration)?.[1] ?? '')) {
      const given = SQUARED_NAME.exec(name);
      if (given !== null) squared.add(given[1] + given[2]);
    }
    // As LaTeX writes it too: given \mathbf{A}: invertible[n, n] declares A (the bars of \ln |\mathbf{A}| were an error).
    const matrix = SQUARE_GIVEN.exec(declaration);
    if (matrix !== null) for (const name of names(matrix[1])) square.add(name);
    // A let of square matrices, let \mathbf{A} = \mathbf{P} + x \mathbf{Q}: its bars are a determinant too (probe 82: they
    // were the entrywise absolute value, and d/dx ln|A| = tr(A^{-1} Q) refuted). One that is not square makes det an error.
    const value = LET_VALUE.exec(declaration);
    if (value !== null && value[2] === undefined && [...value[3].matchAll(/[\p{L}][\p{L}\p{M}\p{N}_]*/gu)].some((m) => square.has(m[0]))) square.add(value[1]);
    const variable = randomVariableGiven(text);
    // The distribution as the claims will read it: N(\mu, \sigma^2) in LaTeX is N(μ, σ^2).
    if (variable !== undefined) for (const name of variable.names) random.set(name, fromLatex(variable.distribution, SourceMap.of('', [{ offset: 0, line: 1, col: 1 }])).text);
    const given = GIVEN.exec(text);
    if (given !== null) for (const name of names(given[1])) declared.add(name);
    // A type of one dimension, vector[m] or positive[m] (no comma inside its brackets).
    if (given !== null && /:\s*[\p{L}]+\s*\[[^\],]+\]\s*$/u.test(text)) for (const name of names(given[1])) vectors.add(name);
    const defined = LET.exec(text);
    if (defined !== null) declared.add(defined[1]);
    // given y \in \mathbb{R}^{m}, one dimension, and a let of no argument (let ŷ = X θ, let h[i] = ...): y^{(i)} is an
    // entry of them too. A let that is a number or a matrix is not indexed so: the model says so where it is read.
    const member = SET_VECTOR.exec(declaration) ?? value;
    if (member !== null) for (const name of names(member[1])) vectors.add(name);
    const called = /^(?:let|implicit)\s+([\p{L}][\p{L}\p{N}_]*)\s*\(/u.exec(text);
    if (called !== null) functions.add(called[1]);
    const typed = /^given\s+([^:~\u223c]+):\s*function\b/u.exec(text);
    if (typed !== null) for (const name of names(typed[1])) functions.add(name.replace(/\s*\(.*$/u, ''));
    // The names only: in given x \in \mathbb{R}^{n} the set's power is no layer.
    const head = /^(?:given|let)\s+([^:=]+)/u.exec(text)?.[1].split(/\\in\b|\u2208/u)[0];
    for (const m of head === undefined ? [] : head.matchAll(LAYERED_DECLARED)) {
      // A letter layer (Nielsen's z^L, a^l): the letter itself, with a step (a^{l-1}, δ^{l+1}) as lm1, lp1; a whole number as its value.
      const letter = m[4] ?? m[5] ?? (m[6] === undefined ? undefined : layerStep(m[6], m[7], m[8]));
      if (letter !== undefined && NOT_A_LAYER.has(letter)) continue;
      const layer = letter ?? String(Number(m[2] ?? [...m[3]].map((d) => SUPERSCRIPT_DIGITS.indexOf(d)).join('')));
      // \delta^{l+1} as LaTeX writes it is δ's layer: the claims read δ after the LaTeX pass.
      const base = m[0].startsWith(m[1]) && head?.[m.index - 1] === '\\' && Object.hasOwn(GREEK, m[1]) ? GREEK[m[1]] : m[1];
      const name = `${base}${LAYER_INFIX}${layer}`;
      layered.set(`${base}|${layer}`, name);
      declared.add(name);
    }
  }
  return { squared, square, random, declared, layered, functions, vectors };
}

/** A letter layer a step away, l - 1 or l + 1, as the name's part: lm1, lp1 (typeset l-1, l+1 again, report/latex). */
function layerStep(letter: string, sign: string, steps: string): string {
  return `${letter}${sign === '-' ? 'm' : 'p'}${Number(steps)}`;
}

/** A name with a layer's superscript after the LaTeX pass: `w^{(1)}`, `W^{[2]}`, `W⁽¹⁾`, the superscript's rest kept (`W^{(2)T}`). */
const LAYERED = /([\p{L}][\p{L}\p{M}\p{N}]*)[ \t]*(?:\^[ \t]*\{[ \t]*[([][ \t]*(\d+)[ \t]*[)\]]([^{}]*)\}|\u207d([\u2070\u00b9\u00b2\u00b3\u2074-\u2079]+)\u207e|\^[ \t]*\{[ \t]*[([][ \t]*(\p{L})[ \t]*[)\]]([^{}]*)\}|\^[ \t]*\{[ \t]*(\p{L})[ \t]*\}|\^[ \t]*(\p{L})(?![\p{L}\p{N}])|\^[ \t]*\{[ \t]*[([]?[ \t]*(\p{L})[ \t]*([+-])[ \t]*(\d+)[ \t]*[)\]]?([^{}]*)\})/uy;

/** A name, its subscript, then a whole-number layer: `w_{kj}^{(2)}` (`w_kj^{(2)}` after the LaTeX pass), `w_j^{[1]}`. */
const SUBSCRIPT_THEN_LAYER = /([\p{L}][\p{L}\p{M}\p{N}]*)(_(?:\{[^{}]*\}|[\p{L}\p{N}]+))[ \t]*\^[ \t]*\{[ \t]*[([][ \t]*(\d+)[ \t]*[)\]][ \t]*\}/uy;

/**
 * A name with a layer's superscript (`w^{(1)}_{ji}`, `\mathbf{W}^{[2]}`, `W⁽¹⁾`) read as the one name it stands for:
 * the one a given or let declares with that superscript (see DerivationNames.layered), else the name with the layer
 * written after it where that is declared (`given W1: matrix[H, D]` read in `W^{(1)}`). Of a function the derivation
 * has, `f^{(4)}(x)` is Lagrange's fourth derivative, `f''''(x)`. Anything else is left as it is: `h^{(t)}` of a time
 * step, a superscript of an undeclared name.
 */
export function withLayerNames(text: string, map: SourceMap, names: DerivationNames): { text: string; map: SourceMap } {
  if (!text.includes('^') && !text.includes('\u207d')) return { text, map };
  let inString = false;
  return rewritten(text, map, (i) => {
    if (text[i] === '"') inString = !inString;
    if (inString || (i > 0 && /[\p{L}\p{N}_\\]/u.test(text[i - 1]))) return undefined;
    // w_{kj}^{(2)}, the subscript first (Bishop 5.x prints both orders): the layered name with its subscript after it.
    SUBSCRIPT_THEN_LAYER.lastIndex = i;
    const first = SUBSCRIPT_THEN_LAYER.exec(text);
    const layeredName = first === null ? undefined : names.layered.get(`${first[1]}|${Number(first[3])}`);
    if (first !== null && layeredName !== undefined) {
      const written = `${layeredName}${first[2]}`;
      const subscriptAt = i + first[1].length;
      const from = [...written].map((_, c) => (c < layeredName.length ? i + Math.min(c, first[1].length - 1) : subscriptAt + c - layeredName.length));
      return { text: written, from, length: first[0].length };
    }
    LAYERED.lastIndex = i;
    const m = LAYERED.exec(text);
    if (m === null) return undefined;
    const letter = m[5] ?? m[7] ?? m[8] ?? (m[9] === undefined ? undefined : layerStep(m[9], m[10], m[11]));
    // y^{(i)} of a declared vector, the i-th example as d2l and CS229 write it (y^{(i)} - \hat{y}^{(i)}): its entry y[i].
    if (m[5] !== undefined && !names.layered.has(`${m[1]}|${m[5]}`) && names.vectors.has(m[1]) && (m[6] ?? '').trim() === '' && !names.declared.has(m[5])) {
      const written = `${m[1]}[${m[5]}]`;
      return { text: written, from: [...written].map((_, c) => i + Math.min(c, m[0].length - 1)), length: m[0].length };
    }
    // A letter layer only where a given or let declares it so (z^L of given z^{L}): elsewhere x^n is a power.
    if (letter !== undefined && !names.layered.has(`${m[1]}|${letter}`)) return undefined;
    const layer = letter ?? Number(m[2] ?? [...m[4]].map((d) => SUPERSCRIPT_DIGITS.indexOf(d)).join(''));
    const rest = (m[3] ?? m[6] ?? m[12] ?? '').trim();
    // Lagrange's f^{(4)}(x) of a function the derivation has: its fourth derivative, f''''(x).
    if (typeof layer === 'number' && names.functions.has(m[1]) && rest === '' && layer >= 1 && layer <= MAX_PRIMES && /^[ \t]*\(/u.test(text.slice(i + m[0].length))) {
      const written = m[1] + "'".repeat(layer);
      return { text: written, from: [...written].map((_, c) => i + Math.min(c, m[0].length - 1)), length: m[0].length };
    }
    const name = names.layered.get(`${m[1]}|${layer}`) ?? (names.declared.has(`${m[1]}${layer}`) ? `${m[1]}${layer}` : undefined);
    if (name === undefined) return undefined;
    const written = rest === '' ? name : `${name}^{${rest}}`;
    // Each character of the name is the written name's; the rest of the superscript its own.
    const restText = m[3] ?? m[6] ?? m[12];
    const restAt = restText === undefined ? i : i + m[0].lastIndexOf(restText);
    const from = [...written].map((_, c) => (c < name.length ? i + Math.min(c, m[1].length - 1) : restAt));
    return { text: written, from, length: m[0].length };
  });
}

/**
 * `|A|` and `log|Σ|` of a square matrix declared so: its determinant, as the Matrix Cookbook and Bishop (2.43)
 * write it (bars were the entrywise absolute value, and the step refuted). Only a bare name between single bars.
 */
export function withDeterminantBars(text: string, map: SourceMap, names: ReadonlySet<string>): { text: string; map: SourceMap } {
  if (names.size === 0 || !text.includes('|')) return { text, map };
  const bars = /(?<!\|)\|[ \t]*([\p{L}][\p{L}\p{N}_]*)[ \t]*\|(?!\|)/uy;
  let inString = false;
  return rewritten(text, map, (i) => {
    if (text[i] === '"') inString = !inString;
    if (inString || text[i] !== '|') return undefined;
    bars.lastIndex = i;
    const m = bars.exec(text);
    if (m === null || !names.has(m[1])) return undefined;
    const at = i + m[0].indexOf(m[1]);
    return { text: `det(${m[1]})`, from: [i, i, i, i, ...[...m[1]].map((_, c) => at + c), i + m[0].length - 1], length: m[0].length };
  });
}

/**
 * σ² written as the one name σsq wherever a let defines σ² (see DerivationNames.squared). Where σ itself is no name of
 * the derivation, its even powers as LaTeX writes them are powers of that name too: Bishop's \sigma^2 (σ^2, σ^{2}) is
 * σsq and \sigma^4 is σsq^2 (with `given σ²: positive`, \sigma^2 was σ, the sigmoid, squared; probe 70). Nothing else changes.
 */
export function withSquaredNames(text: string, map: SourceMap, names: ReadonlySet<string>, declared: ReadonlySet<string> = new Set()): { text: string; map: SourceMap } {
  if (names.size === 0) return { text, map };
  return rewritten(text, map, (i) => {
    // After a coefficient too: \frac{1}{2σ²} is 1 / (2 σ²).
    if (i > 0 && /[\p{L}_]/u.test(text[i - 1])) return undefined;
    const name = [...names].find((n) => text.startsWith(n, i) && !/[\p{N}_]/u.test(text[i + n.length] ?? ''));
    if (name !== undefined) {
      const written = name.slice(0, -1) + POWER_SUFFIX[name[name.length - 1]];
      return { text: written, from: [...written].map(() => i), length: name.length };
    }
    for (const squared of names) {
      const base = squared.slice(0, -1);
      if (squared[squared.length - 1] !== '\u00b2' || declared.has(base) || !text.startsWith(base, i)) continue;
      const power = /^\^(?:\{[ \t]*([2468])[ \t]*\}|\([ \t]*([2468])[ \t]*\)|([2468])(?![\p{N}.]))/u.exec(text.slice(i + base.length, i + base.length + 8));
      if (power === null) continue;
      const half = Number(power[1] ?? power[2] ?? power[3]) / 2;
      const written = `${base}sq${half === 1 ? '' : `^${half}`}`;
      return { text: written, from: [...written].map(() => i), length: base.length + power[0].length };
    }
    return undefined;
  });
}

/** ∂f/∂y( and ∂^2f/∂x∂y( at the start of a call: Leibniz's partial derivative of a function, read at a point. */
const PARTIAL_AT_POINT = /\u2202(?:\^([2-9]))?([\p{L}][\p{L}\p{N}_]*)\/((?:\u2202[\p{L}](?:\^[2-9])?)+)\(/uy;

/**
 * Leibniz's partial derivative of a function the derivation has, read at a point: `∂f/∂y(1, 2)` (LaTeX's
 * `\frac{\partial f}{\partial y}(1, 2)`) as `f_y(1, 2)`, `∂^2f/∂x∂y(0, 1)` as `f_yx(0, 1)` (∂/∂x of ∂f/∂y), each
 * variable one letter, the orders adding up to the numerator's. Anything else is left as it is.
 */
export function withPartialsAtPoints(text: string, map: SourceMap, functions: ReadonlySet<string>): { text: string; map: SourceMap } {
  if (functions.size === 0 || !text.includes('\u2202')) return { text, map };
  return rewritten(text, map, (i) => {
    if (text[i] !== '\u2202') return undefined;
    PARTIAL_AT_POINT.lastIndex = i;
    const m = PARTIAL_AT_POINT.exec(text);
    if (m === null || !functions.has(m[2])) return undefined;
    const order = Number(m[1] ?? 1);
    const letters: string[] = [];
    for (const [, v, k] of m[3].matchAll(/\u2202([\p{L}])(?:\^([2-9]))?/gu)) letters.unshift(...Array.from({ length: Number(k ?? 1) }, () => v));
    if (letters.length !== order) return undefined;
    const written = `${m[2]}_${letters.join('')}(`;
    return { text: written, from: [...written].map((_, c) => i + Math.min(c, m[0].length - 1)), length: m[0].length };
  });
}


/** A name spelled with a Greek letter's word, theta or omega_0, and the rest of it. */
const SPELLED_GREEK = /^([A-Za-z]+)((?:_[\p{L}\p{N}]+|\d+)?)$/u;

/**
 * θ'' (LaTeX's \theta'') read as theta'' where the derivation declares the name theta and not the letter: `given theta:
 * function` with `\theta''(t)` in a claim (probe 70: an error, since primes are read here, before the model renames a
 * letter to its spelled twin as it does everywhere else; model/greek-twins.ts). Only a letter standing alone before a
 * prime; quoted text is left as written.
 */
export function withSpelledGreekNames(text: string, map: SourceMap, declared: ReadonlySet<string>): { text: string; map: SourceMap } {
  const letters = new Map<string, string>();
  for (const name of declared) {
    const m = SPELLED_GREEK.exec(name);
    if (m === null || !Object.hasOwn(GREEK, m[1])) continue;
    const letter = GREEK[m[1]] + m[2];
    if (!declared.has(letter)) letters.set(letter, name);
  }
  if (letters.size === 0) return { text, map };
  const written = [...letters.keys()].sort((a, b) => b.length - a.length);
  let inString = false;
  return rewritten(text, map, (i) => {
    if (text[i] === '"') inString = !inString;
    if (inString || (i > 0 && /[\p{L}\p{N}_]/u.test(text[i - 1]))) return undefined;
    const letter = written.find((l) => text.startsWith(l, i) && text[i + l.length] === "'");
    if (letter === undefined) return undefined;
    const name = letters.get(letter)!;
    return { text: name, from: [...name].map((_, c) => i + Math.min(c, letter.length - 1)), length: letter.length };
  });
}
