import type { SourceMap } from './source-map.ts';

/**
 * Notation pasted from a textbook or a PDF that has an ASCII form in the
 * language: superscript exponents (`t²` is `t^2`, `x⁻¹` is `x^-1`, `eⁿ` is
 * `e^n`), square roots (`√t` is `sqrt(t)`, `√(1 - u)` is `sqrt(1 - u)`,
 * `√x[i]` is `sqrt(x[i])`: a root without brackets takes one name or number,
 * so `√t²` is `sqrt(t)^2`), `π` (`pi`), absolute-value bars (`|t|` is
 * `abs(t)`) and norm bars (`‖x‖` and `||x||` are `norm(x)`), and numpy's and torch's
 * calls (`np.exp(x)` is `exp(x)`, `np.maximum(x, 0)` is `max(x, 0)`, `axis=0` is the axis
 * 1 of `sum(A, 1)`, torch's `dim=1` the axis 2, also as a method's argument, `X.sum(axis=0)`), and Leibniz's `d/dx(E)`, `∂/∂x[k](E)`,
 * `d²/dx²(E)` and `∂L/∂W[i, j]` (`diff`), `∑(j, E)` and `∏(j, E)`, a subscript
 * after a bracket (`softmax(z)_i` is `softmax(z)[i]`), a power or inverse on a
 * function's name (`sin^2(x)` is `sin(x)^2`, `tan^-1(x)` and `tan⁻¹(x)` are `atan(x)`),
 * a function before a name or number without brackets (`sin x`, `ln 2`), LaTeX's braces
 * after ^ and _ (`e^{-x}`, `x_{i+1}`), subscript and fraction characters (`x₁`, `½`), a
 * summation, max or gradient sign with its index below (`Σ_j exp(z_j)`, `∇_w L`), norms
 * with their subscript (`‖x‖₂`), `⟨y, v⟩` and the indicator `1{...}`. A bar closes the
 * innermost open bar of its kind where it follows an operand, and opens one
 * elsewhere. Quoted text is left as written, and the source map keeps every
 * character at its file column, so errors still point into the line as written.
 */

const SUPERSCRIPTS: Readonly<Record<string, string>> = {
  '\u2070': '0', '\u00b9': '1', '\u00b2': '2', '\u00b3': '3', '\u2074': '4', '\u2075': '5', '\u2076': '6', '\u2077': '7',
  '\u2078': '8', '\u2079': '9', '\u207b': '-', '\u207a': '+', '\u207f': 'n', '\u2071': 'i', '\u1d4f': 'k', '\u02b2': 'j',
  '\u02e3': 'x', '\u02b8': 'y', '\u1d57': 't', '\u1d43': 'a', '\u1d47': 'b', '\u1dbb': 'z', '\u1d50': 'm', '\u1d48': 'd',
};

/**
 * The call ⟨a, b, ...⟩ is read as: the inner product of two vectors, or the vector of scalars
 * Stewart writes so (the resolver tells them apart by the types).
 */
export const ANGLE_BRACKETS = 'angle_brackets';

/** The trigonometric and hyperbolic functions a textbook writes a power or an inverse on: `sin^2(x)`, `tan^-1(x)`, `sin²(x)`. */
const POWERED = 'sin|cos|tan|sec|csc|cot|sinh|cosh|tanh|sech|csch|coth';

/** The inverse functions, which books write before a bare argument as they do sin: `\\arcsin u`, `arctan x`. */
const INVERSES = 'asin|acos|atan|arcsin|arccos|arctan|asinh|acosh|atanh|arsinh|arcosh|artanh';

/**
 * A power or inverse written on the function's name, before its bracket: `sin^2(x)` is
 * `sin(x)^2`, `sin^-1(x)` and `sin⁻¹(x)` are `asin(x)` (Stewart's notation for the
 * inverse functions, never 1 / sin(x)).
 */
/** A power or inverse on a function's name, `^2`, `^(2)`, `^{-1}`, `²`, `⁻¹`: its digits in one of three groups. */
const NAME_POWER = `(?:\\^(?:[({](-1|[2-9])[)}]|(-1|[2-9]))|(\u207b\u00b9|[\u00b2\u00b3\u2074-\u2079]))`;
const FUNCTION_POWER = new RegExp(`^(${POWERED})${NAME_POWER}[ \\t]*\\(`, 'u');

/**
 * The sigmoid's inverse as printed, `σ⁻¹(p)`, `sigmoid⁻¹(p)` or LaTeX's `\sigma^{-1}(p)`: the log-odds, `logit(p)`;
 * Goodfellow's softplus ζ's, `ζ⁻¹(q)` or `softplus^{-1}(q)`: `softplus_inverse(q)`. The Greek letter only where the
 * derivation declares no such name: with `given σ: positive`, `σ^{-1}(x - μ)` is (x - μ)/σ.
 */
const INVERSE_FUNCTION = /^(\u03c3|sigmoid|\u03b6|softplus)(?:\u207b\u00b9|\^\(-1\)|\^\{-1\}|\^-1)(?=[ \t]*\()/u;
const INVERSE_NAME: Readonly<Record<string, string>> = { '\u03c3': 'logit', sigmoid: 'logit', '\u03b6': 'softplus_inverse', softplus: 'softplus_inverse' };

/**
 * A function of the tables written before a name, a number or a call without brackets: `sin x`,
 * `ln 2`, `log x[i]`, `2 sin x cos x`, `log σ(x)` (Goodfellow's log σ(x) + log σ(-x)). Only where the operand ends the factor: before an
 * operator, a closing bracket or bar (`|sin a - sin b|`, probe 57), the end, `by`, `expect` or another such function. A number
 * written against a name is one operand, `sin 2x` is sin(2x), as in every book; `sin x^2`,
 * `sin 2 x` and `ln x y` stay errors rather than a guess (sin(x^2) or sin(x)^2, sin(2x)).
 */
const BARE_FUNCTIONS = `${POWERED}|${INVERSES}|ln|log(?:_?2|_?10|\u2082|\u2081\u2080)|log|exp|sqrt|det`;
const BARE_OPERAND = `[\\p{L}_][\\p{L}\\p{N}_]*\\((?:[^()\u2080-\u209c]|\\([^()\u2080-\u209c]*\\))*\\)(?:_[\\p{L}\\p{N}]+|\\[[^\\][()]*\\])?|[\\p{L}_][\\p{L}\\p{N}_]*(?:\\[[^\\][()]*\\])?|[0-9]+(?:\\.[0-9]+)?(?:[\\p{L}_][\\p{L}\\p{N}_]*)?`;
// ... or a powered function after it: `sin^2 x cos^2 x` (Stewart 7.2).
// ... or a bracket, a call or a ∂ fraction set apart by a space: `\sin\theta \frac{\partial V}{\partial \theta}` (Griffiths'
// Laplacian), `sin θ (1 + cos θ)`, `sin x f(x)`, where no book means sin(θ (1 + cos θ)).
const BARE_OPERAND_END = `(?=[ \\t]*(?:$|[-+*/=,;)\\]}<>!|\u2016]|d[\\p{L}](?![\\p{L}\\p{N}_(\\[])|(?:by|expect|${BARE_FUNCTIONS})[ \\t]|(?:${POWERED})(?:\\^|[\u00b2\u00b3\u2074-\u2079\u207b]))|[ \\t]+(?:[(\u2202]|[\\p{L}_][\\p{L}\\p{N}_]*\\())`;
/**
 * Letters side by side after such a function, one of them Greek, as physics prints a phase: `cos ω t` is cos(ω t),
 * `sin n π x` is sin(n π x) (Taylor, Boas, probe 50). Latin letters alone stay an error, as above.
 */
const LETTERS_SIDE_BY_SIDE = `(?:[0-9]+|\\p{L}(?:_[\\p{L}\\p{N}]+)?)(?:[ \\t]+\\p{L}(?:_[\\p{L}\\p{N}]+)?)+`;
const FUNCTION_BEFORE_LETTERS = new RegExp(`^(${BARE_FUNCTIONS})[ \\t]+(${LETTERS_SIDE_BY_SIDE})${BARE_OPERAND_END}`, 'u');
const FUNCTION_WITHOUT_BRACKETS = new RegExp(`^(${BARE_FUNCTIONS})[ \\t]+(${BARE_OPERAND})${BARE_OPERAND_END}`, 'u');
/** A function of the tables before a name and, against it, a bracket: `sin t(cos t - 1)`; read within this many characters. */
const FUNCTION_BEFORE_INPUT_BRACKET = new RegExp(`^(${BARE_FUNCTIONS})[ \\t]+([\\p{L}_][\\p{L}\\p{N}_]*)(?=\\()`, 'u');
const MAX_BARE_CALL = 80;
/**
 * A logarithm before a power of a name, a number or bars, `log σ^2`, `log 2^n`, `\log \sigma_j^2`, `ln x²` (Kingma and Welling's KL term),
 * `log ‖x‖^2`, `log |x|^2`: the log of the power, as every book that prints it means (the square of a log is printed
 * log² x). Other functions stay an error.
 */
const LOG_OF_POWER = new RegExp(`^(ln|log(?:_?2|_?10|\u2082|\u2081\u2080)?)[ \\t]+((?:[\\p{L}_][\\p{L}\\p{N}_]*(?:_\\{[^{}]*\\})?(?:\\[[^\\][()]*\\])?|\u2016[^\u2016]+\u2016(?:_(?:\\{[^{}]*\\}|[\\p{L}\\p{N}]))?|\\|[^|]+\\||[0-9]+(?:\\.[0-9]+)?)(?:\\^(?:[0-9]+|\\p{L}(?![\\p{L}\\p{N}])|\\{[^{}]*\\}|\\([^()]*\\))|[\u00b2\u00b3\u2074-\u2079]))${BARE_OPERAND_END}`, 'u');

/** Such a function right before another, `log cosh x` (the second read as above): the first's name. */
const CHAINED_FUNCTIONS = new RegExp(`^(${BARE_FUNCTIONS})[ \\t]+(?=(?:${BARE_FUNCTIONS})[ \\t]+[\\p{L}\\p{N}])`, 'u');

/**
 * A power or inverse on the name of such a function without brackets: `sin^2 x + cos^2 x`,
 * `sin² θ` (also `sin²θ`, a superscript ends the name), `tan^-1 x` and `sin⁻¹ x`, read as `sin^2(x)` and `sin^-1(x)` are (FUNCTION_POWER).
 */
const FUNCTION_POWER_WITHOUT_BRACKETS = new RegExp(`^(${POWERED})${NAME_POWER}(?:[ \\t]+|(?<=[\u00b9\u00b2\u00b3\u2074-\u2079]))(${BARE_OPERAND})${BARE_OPERAND_END}`, 'u');

/**
 * A function of the tables before a sum without brackets: `log Σ_j exp(z_j)` is the log of the
 * whole sum, up to where the sum's summand ends (`log Σ_j exp(z_j) - z_y`).
 */
const FUNCTION_OF_SUM = new RegExp(`^(${BARE_FUNCTIONS})[ \\t]+(?=\u2211|\u03a3|\u220f|sum_|prod_)`, 'u');

/** Subscript characters, as PDFs set x₁ and log₂: the first of a run writes `_` (x₁ is x_1, an entry where x is an array). */
const SUBSCRIPTS: Readonly<Record<string, string>> = {
  '\u2080': '0', '\u2081': '1', '\u2082': '2', '\u2083': '3', '\u2084': '4', '\u2085': '5', '\u2086': '6', '\u2087': '7', '\u2088': '8', '\u2089': '9',
  '\u1d62': 'i', '\u2c7c': 'j', '\u2096': 'k', '\u2099': 'n', '\u2098': 'm', '\u209c': 't',
};

/** Fractions of one character, as PDFs set ½ x²: each is its quotient in brackets. */
const VULGAR_FRACTIONS: Readonly<Record<string, string>> = {
  '\u00bd': '(1/2)', '\u2153': '(1/3)', '\u2154': '(2/3)', '\u00bc': '(1/4)', '\u00be': '(3/4)', '\u2155': '(1/5)', '\u215b': '(1/8)',
};

const NOTATION = /\b(?:div|curl|grad)[ \t]+[\p{L}(\u27e8]|\u222b|\u2207|(?:\u03c3|\bsigmoid|\u03b6|\bsoftplus)\^|\blim_\{|\^\{|_\{|(?:\u2211|\u03a3|\u220f|\bsum|\bprod|\bmax|\bmin|\u2207)_|[\u27e8\u27e9\u02e3\u02b8\u1d57\u1d43\u1d47\u1dbb\u1d50\u1d48]|(?<![\p{L}\p{N}_.])1\{|[\u2080-\u2089\u1d62\u2c7c\u2096\u2099\u2098\u209c]|[\u00bd\u2153\u2154\u00bc\u00be\u2155\u215b]|[\u2070\u00b9\u00b2\u00b3\u2074-\u2079\u207b\u207a\u207f\u2071\u1d4f\u02b2\u221a\u03c0|\u2016\u2202]|\b(np|numpy|torch|F|scipy)\.|\b(axis|dim|keepdims)\s*=|\bd(\^[2-8a-z])?\s*\/\s*d|[\u2211\u220f]|\)_[\p{L}\d]|\b(sin|cos|tan|sec|csc|cot|sinh|cosh|tanh|sech|csch|coth)(\^|\u207b|[\u00b2\u00b3\u2074-\u2079])|\b(sin|cos|tan|sec|csc|cot|sinh|cosh|tanh|sech|csch|coth|asin|acos|atan|arcsin|arccos|arctan|asinh|acosh|atanh|arsinh|arcosh|artanh|ln|log_?2|log_?10|log|exp|sqrt|det)[ \t]+[\p{L}\p{N}_]/u;

/**
 * An integral sign with its bounds, as books print it: `∫_0^1 x^2 dx`, `∫_{a}^{b} f(t) dt`,
 * `∫_0^∞ e^{-x} dx` (∞ is Infinity by now), or without bounds, `∫ x sin x dx`, an antiderivative.
 * The integrand runs to the differential `dx` of its variable, at its own bracket depth.
 */
const INTEGRAL_SIGN = /^\u222b(?:_(?:\{([^{}]*)\}|(-?[\p{L}\p{N}.]+))\^(?:\{([^{}]*)\}|(-?[\p{L}\p{N}.]+))|([\u208b]?[\u2080-\u2089]+)(?:([\u207b]?[\u2070\u00b9\u00b2\u00b3\u2074-\u2079\u207f]+)|\^(?:\{([^{}]*)\}|(-?[\p{L}\p{N}.]+))))?[ \t]*/u;

/**
 * A limit with its variable and point as a subscript: `lim_{x→0} sin(x)/x`, `lim_{h -> 0} ...`,
 * `lim_{x→0^+}` (or `0+`, `0⁺`) from above, `lim_{n→∞}`; the limit of the rest of the term, as a sum's summand.
 */
const LIMIT_SUBSCRIPT = /^lim_\{[ \t]*([\p{L}][\p{L}\p{N}_]*)[ \t]*(?:\u2192|->)[ \t]*([^{}\s][^{}]*?)(?:\^\{?([+-])\}?|([+-])|([\u207a\u207b]))?[ \t]*\}[ \t]*/u;

/** Where an integrand that starts at `from` ends: at `d` of its differential `dx` (its offset, and the variable), at depth 0. */
function differentialAt(text: string, from: number): { at: number; variable: string; length: number } | undefined {
  let depth = 0;
  // An iterated integral, ∫_0^{2π} ∫_0^R r dr dθ: each integral sign inside takes the first differential after it,
  // so this one's is the one past theirs.
  let inner = 0;
  for (let k = from; k < text.length; k++) {
    const c = text[k];
    if (c === '"') return undefined;
    if (c === '\u222b' && depth === 0) { inner++; continue; }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') { if (depth === 0) return undefined; depth--; }
    else if (depth === 0 && (c === '=' || c === '<' || c === '>' || c === ',')) return undefined;
    else if (depth === 0 && c === 'd' && (k === from || !/[\p{L}_]/u.test(text[k - 1]))) {
      const m = /^d([\p{L}])(?![\p{L}\p{N}_(\[])/u.exec(text.slice(k, k + 3));
      if (m !== null && inner > 0) { inner--; k += m[0].length - 1; continue; }
      if (m !== null) return { at: k, variable: m[1], length: m[0].length };
    }
  }
  return undefined;
}

/** A subscript after a bracket: `softmax(z)_i` is `softmax(z)[i]`. */
const BRACKET_SUBSCRIPT = /^_([\p{L}]{1,2}|\d+)(?![\p{L}\p{N}_])/u;

/**
 * Leibniz's operator before a bracket: `d/dx(E)`, `d/dx [E]`, `∂/∂x[k](E)`, `d²/dx²(E)` (or
 * `d^2/dx^2(E)`): the derivative of E. The variable is a name, with an entry's
 * indices if it has them.
 */
const LEIBNIZ_HEAD = '^(d|\u2202)(\\^[2-8a-z]|[\u00b2\u00b3\u2074-\u2078\u207f])?[ \\t]*\\/[ \\t]*(?:d|\u2202)([\\p{L}_](?:(?!\u207f)[\\p{L}\\p{Nd}_])*(?:\\[[^\\][()]*\\])?)(\\^[2-8a-z]|[\u00b2\u00b3\u2074-\u2078\u207f])?';
const LEIBNIZ_OPERATOR = new RegExp(`${LEIBNIZ_HEAD}(?:[ \\t]*\u2202([\\p{L}_][\\p{L}\\p{Nd}_]*(?:\\[[^\\][()]*\\])?))?[ \\t]*[([]`, 'u');

/**
 * The same operator before an operand that is not its own bracket (a name, a call, a number, a sum
 * sign, a fraction): it differentiates the rest of the product term (LEIBNIZ_OPERATOR reads a bracket).
 */
const LEIBNIZ_BEFORE_TERM = new RegExp(`${LEIBNIZ_HEAD}[ \\t]+(?=[\\p{L}\\p{N}\u2211\u03a3\u220f\u221a\u2202\u2207\u222b|\u2016-])`, 'u');

/** The mixed second order before a term, `∂²/∂a_i∂a_j log Σ_k e^{a_k}`: ∂/∂a_i of ∂/∂a_j of the term, as ∂²/∂x∂y (E) is. */
const LEIBNIZ_MIXED_BEFORE_TERM = new RegExp(`${LEIBNIZ_HEAD}[ \\t]*\u2202([\\p{L}_][\\p{L}\\p{Nd}_]*(?:\\[[^\\][()]*\\])?)[ \\t]+(?=[\\p{L}\\p{N}\u2211\u03a3\u220f\u221a\u2202\u2207|\u2016-])`, 'u');

/** What follows a factor when the product goes on: another factor written beside it. */
const CONTINUES_PRODUCT = /^[ \t]*[\p{L}\p{N}(\u2211\u03a3\u220f\u221a\u2202\u2207\u2016]/u;

/** What closes Leibniz's derivatives of an order once their term ends: `, x)` per order, or `, x, n)` for a size's order. */
function derivativeCloser(variable: string, order: number | string): string {
  return typeof order === 'number' ? `, ${variable})`.repeat(order) : `, ${variable}, ${order})`;
}

/** The order a Leibniz operator writes as `d^3/dx^3`, `d³/dx³` or `dⁿ/dxⁿ`: a number, or a size's name (`n`). */
function leibnizOrder(upper: string | undefined, lower: string | undefined): number | string | undefined {
  if (upper === undefined && lower === undefined) return 1;
  const read = (s: string | undefined) => (s === undefined ? undefined : s.startsWith('^') ? s.slice(1) : s === '\u207f' ? 'n' : SUPERSCRIPTS[s]);
  const [u, l] = [read(upper), read(lower)];
  if (u === undefined || u !== l) return undefined;
  return /^\d$/.test(u) ? Number(u) : u;
}

/** Leibniz's fraction with ∂ (`∂L/∂W[i, j]`, `∂²f/∂x²`, the Lagrangian's `∂L/∂q'(t)` and `∂L/∂q(t)`): the derivative of a name. ASCII `dy/dx` is read by the model, which knows whether `dy` is a name (model/resolve.ts). */
const LEIBNIZ_FRACTION = /^\u2202(\u00b2|\^2)?[ \t]*([\p{L}_][\p{L}\p{Nd}_]*(?:\[[^\][()]*\])?)[ \t]*\/[ \t]*\u2202([\p{L}_][\p{L}\p{Nd}_]*(?:\[[^\][()]*\]|'+\([^()]*\)|\([\p{L}_][\p{L}\p{Nd}_]*\))?)(\u00b2|\^2)?(?:[ \t]*\u2202([\p{L}_][\p{L}\p{Nd}_]*(?:\[[^\][()]*\])?))?/u;

/**
 * A ∂ fraction's match without the second variable of its denominator where its numerator has
 * no order (`∂ℓ/∂σ ∂σ/∂x` is two fractions, not ∂ℓ/∂σ∂σ): the match ends at its first variable.
 * `upper`: the order written on a bracket's ∂, for a denominator (LEIBNIZ_DENOMINATOR).
 */
function firstOrderAlone(m: RegExpExecArray | null, upper?: string): RegExpExecArray | null {
  if (m === null) return m;
  const [order, secondAt] = m.length === 6 ? [m[1], 5] : [upper, 3];
  if (order !== undefined || m[secondAt] === undefined) return m;
  let cut = m[0].lastIndexOf(m[secondAt]) - 1;
  while (cut > 0 && (m[0][cut - 1] === ' ' || m[0][cut - 1] === '\t')) cut--;
  const trimmed = m.slice() as RegExpExecArray;
  trimmed[0] = m[0].slice(0, cut);
  trimmed.length = secondAt;
  return trimmed;
}

/** A ∂ fraction of order 3 or more, `∂³f/∂y³`, `∂^3 f/∂x∂y^2` (MML 5.7, Stewart 14.3): its order, name and denominator. */
const HIGHER_ORDER_HEAD = /^\u2202(?:\^[({]?([3-9])[)}]?|([\u00b3\u2074-\u2079]))[ \t]*([\p{L}_][\p{L}\p{Nd}_]*(?:\[[^\][()]*\])?)[ \t]*\/[ \t]*/u;
/** One variable of its denominator with its power: `∂x`, `∂y^2`, `∂y²`. */
const HIGHER_ORDER_VARIABLE = /^\u2202([\p{L}_][\p{L}\p{Nd}_]*(?:\[[^\][()]*\])?)(?:\^[({]?([1-9])[)}]?|([\u00b2\u00b3\u2074-\u2079]))?[ \t]*/u;

/**
 * A ∂ fraction of order 3 or more: its whole text, the name differentiated, and its variables innermost first (the
 * rightmost is taken first, as ∂²f/∂x∂y is ∂/∂x (∂f/∂y)), or undefined where the denominator's powers do not add up
 * to the order. The denominator ends where they do: `∂³f/∂x³ ∂x/∂t` is two fractions.
 */
function higherOrderFraction(text: string): { whole: string; name: string; variables: string[] } | undefined {
  const head = HIGHER_ORDER_HEAD.exec(text);
  if (head === null) return undefined;
  const order = Number(head[1] ?? SUPERSCRIPTS[head[2]]);
  const written: string[] = [];
  let at = head[0].length;
  while (written.length < order) {
    const piece = HIGHER_ORDER_VARIABLE.exec(text.slice(at));
    if (piece === null) return undefined;
    const power = Number(piece[2] ?? (piece[3] !== undefined ? SUPERSCRIPTS[piece[3]] : 1));
    for (let k = 0; k < power; k++) written.push(piece[1]);
    at += piece[0].length;
  }
  if (written.length !== order) return undefined;
  return { whole: text.slice(0, at).trimEnd(), name: head[3], variables: written.reverse() };
}

/** The same fraction of a bracket, `∂(x^2 y)/∂x` and `∂²(x^2 y^3)/∂x∂y`: its numerator ... */
const LEIBNIZ_BRACKET = /^\u2202(\u00b2|\^2)?[ \t]*\(/u;
/** ... and its denominator after the bracket. */
const LEIBNIZ_DENOMINATOR = /^[ \t]*\/[ \t]*\u2202([\p{L}_][\p{L}\p{Nd}_]*(?:\[[^\][()]*\]|'+\([^()]*\)|\([\p{L}_][\p{L}\p{Nd}_]*\))?)(\u00b2|\^2)?(?:[ \t]*\u2202([\p{L}_][\p{L}\p{Nd}_]*(?:\[[^\][()]*\])?))?/u;

/**
 * The variables of a ∂ fraction, innermost first, or undefined where its orders do not match:
 * ∂f/∂x is [x]; ∂²f/∂x² is [x, x]; ∂²f/∂x∂y is ∂/∂x (∂f/∂y), [y, x].
 */
function fractionVariables(upper: string | undefined, first: string, lower: string | undefined, second: string | undefined): string[] | undefined {
  if (upper === undefined) return lower === undefined && second === undefined ? [first] : undefined;
  if (second !== undefined) return lower === undefined ? [second, first] : undefined;
  return lower === undefined ? undefined : [first, first];
}

/** A power right after a Leibniz operator's bracket (`d/dx(x^2 + 1)^3`, `d/dx(f(x))²`): it belongs inside the derivative. */
const POWER_AFTER = /^(\^(?:-?[0-9]+|\([^()]*\)|\{[^{}]*\}|[\p{L}_][\p{L}\p{N}_]*)|[\u00b2\u00b3\u2074-\u2079]+)/u;

/** Leibniz's forms are read only up to this many characters ahead. */
const MAX_LEIBNIZ = 200;

/**
 * A summation sign with its index as a subscript and no bracket, as books write
 * Σ_j exp(z_j) and ∑_{i=1}^{n} x_i (also `sum_j`): the sum of the rest of the
 * product term, up to a `+` or `-`, `=`, `,` or a closing bracket, as the sign
 * binds in print. Bounds in LaTeX's braces make it `sum(i, 1, n, E)`.
 */
const SUM_SUBSCRIPT = /^(\u2211|\u03a3|\u220f|sum|prod|max|min)_(?:\{([\p{L}])(?:[ \t]*=[ \t]*([^{}=]+?))?[ \t]*\}|([\p{L}]))(?:\^(?:\{([^{}]+)\}|([\p{L}\p{N}]+)))?(?:[ \t]+(?=[\p{L}\p{N}(\u2211\u03a3\u221a\u2202-])|(?=[(\u2211\u03a3\u221a\u2202])|(?<=\})(?=[\p{L}\p{N}]))/u;

/**
 * A summation or product sign whose subscript is a condition, as books write Σ_{j≠i}, ∏_{j≠i},
 * Σ_{i<j} and Σ_{j=1, j≠k}^{C} (≠ and ≤ are ASCII by now): `sum(j != i, E)`, `sum(j != k, 1, C, E)`,
 * read by the model (model/condition-sums.ts). The condition's other side may be an entry, Σ_{j≠y_i}.
 */
const CONDITION_SUBSCRIPT = /^(\u2211|\u03a3|\u220f|sum|prod)_\{[ \t]*(?:([\p{L}])[ \t]*=[ \t]*([^{},=<>!]+?)[ \t]*,[ \t]*)?([\p{L}])[ \t]*(!=|<=|>=|<|>)[ \t]*((?:[^{}=<>!,]|\{[\p{L}\p{N}]+\})+?)[ \t]*\}(?:\^(?:\{([^{}]+)\}|([\p{L}\p{N}]+)))?(?:[ \t]+(?=[\p{L}\p{N}(\u2211\u03a3\u221a\u2202-])|(?=[(\u2211\u03a3\u221a\u2202]))/u;

/** Σ_{k,l}: one sign over two indices, `sum(k, sum(l, E))`. */
const TWO_INDEX_SUBSCRIPT = /^(\u2211|\u03a3|\u220f|sum|prod)_\{[ \t]*([\p{L}])[ \t]*,[ \t]*([\p{L}])[ \t]*\}(?:[ \t]+(?=[\p{L}\p{N}(\u2211\u03a3\u221a\u2202-])|(?=[(\u2211\u03a3\u221a\u2202]))/u;

/** Σ_{1 ≤ i < j ≤ n}: the pairs of indices in order, `sum(i < j, 1, n, E)`. */
const CHAINED_SUBSCRIPT = /^(\u2211|\u03a3|\u220f|sum|prod)_\{[ \t]*(\d+)[ \t]*<=[ \t]*([\p{L}])[ \t]*(<|<=|!=)[ \t]*([\p{L}])[ \t]*<=[ \t]*([^{}=<>!,]+?)[ \t]*\}(?:[ \t]+(?=[\p{L}\p{N}(\u2211\u03a3\u221a\u2202-])|(?=[(\u2211\u03a3\u221a\u2202]))/u;

/** A norm's subscript after its closing bar: 2 (the Euclidean norm) or F (Frobenius), as a character, after _ or in braces. */
const NORM_SUBSCRIPT = /^(?:\u2082|_2(?![\p{L}\p{N}])|_F(?![\p{L}\p{N}])|_\{2\}|_\{F\}|\u2081|_1(?![\p{L}\p{N}])|_\{1\}|_\u221e|_\{\u221e\}|_\\infty|_\{\\infty\}|_inf(?![\p{L}\p{N}])|_Infinity(?![\p{L}\p{N}])|_\{Infinity\}|_oo(?![\p{L}\p{N}]))/u;

/** The order a norm's subscript names, as norm's second argument: `, 2` for ‖x‖₂, none for ‖A‖_F (the Frobenius norm is norm(A)). */
function normOrder(subscript: string): string {
  if (/F/.test(subscript)) return '';
  if (/2|\u2082/.test(subscript)) return ', 2';
  if (/1|\u2081/.test(subscript)) return ', 1';
  return ', Infinity';
}

/**
 * The gradient as books write it, ∇_w L and ∇_{w} L: grad(L, w) of the rest of the product term, as a sum without brackets;
 * squared before or after the subscript, ∇²_z f, ∇^2_{z} f, ∇_z^2 f (Boyd and Vandenberghe, d2l), the Hessian hessian(f, z).
 */
const NABLA_SUBSCRIPT = /^\u2207(\^2|\^\{2\}|\^\(2\)|\u00b2)?_(?:\{([\p{L}][\p{L}\p{N}_]*)\}|([\p{L}][\p{L}\p{N}]*))(\^2|\^\{2\}|\^\(2\)|\u00b2)?[ \t]*(?=[\p{L}\p{N}([\u2211\u03a3\u221a\u2016|-])/u;

/**
 * The partial derivative as physics and PDE books write it, ∂_x u and ∂_{t} u: diff(u, x) of the rest of the product
 * term, as ∇_w L is grad(L, w); ∂_x ∂_y u is ∂/∂x of ∂u/∂y.
 */
const PARTIAL_SUBSCRIPT = /^\u2202_(?:\{([\p{L}][\p{L}\p{N}_]*)\}|([\p{L}][\p{L}\p{N}]*))[ \t]*(?=[\p{L}\p{N}(\u2211\u03a3\u221a\u2016\u2202\u222b|-])/u;

/**
 * The gradient of a quantity written with its argument, ∇E(w) and ∇f(x) (PRML 4.91, Boyd and Vandenberghe), where
 * the argument names the variable: grad(E(w), w); ∇²f(x), ∇^2 f(x) and ∇∇E(w) are the Hessian, hessian(f(x), x).
 */
/** ∇ ·, ∇ ×, ∇² before a field (the operator as group 1), or ∇ right before a bare name (no group). */
const FIELD_OPERATOR = /^\u2207(?:[ \t]*([\u00b7\u22c5\u00d7])[ \t]*|(\^2|\u00b2)[ \t]*|(?=[\p{L}])|[ \t]*(?=[(\u27e8]))/u;

/**
 * Where the operand of a field operator that starts at `from` ends: after a bracket, a call's bracket, or a name not
 * followed by one of its own (a call, a subscript: those are read otherwise); undefined for anything else.
 */
function operandEnd(text: string, from: number): number | undefined {
  const close = (open: number): number | undefined => {
    const end = matchingBracket(text, open);
    return end === undefined ? undefined : end + 1;
  };
  if (text[from] === '(' || text[from] === '[') return close(from);
  // A field written out, ∇ · ⟨xz, xyz, -y^2⟩ (Stewart 16.5): to its closing angle bracket.
  if (text[from] === '\u27e8') {
    let depth = 0;
    for (let k = from; k < text.length; k++) {
      if (text[k] === '\u27e8') depth++;
      else if (text[k] === '\u27e9' && --depth === 0) return k + 1;
    }
    return undefined;
  }
  // ∇ × ∇f: a field operator's operand may be another's (the curl of a gradient).
  if (text[from] === '\u2207') {
    const inner = FIELD_OPERATOR.exec(text.slice(from, from + 8));
    return inner === null ? undefined : operandEnd(text, from + inner[0].length);
  }
  const name = /^[\p{L}][\p{L}\p{N}]*/u.exec(text.slice(from))?.[0];
  if (name === undefined) return undefined;
  const after = from + name.length;
  if (text[after] === '(') return close(after);
  return /^[_'\[^]/.test(text[after] ?? '') ? undefined : after;
}

/** ∇f(x, y): the gradient of a function written with two or more variables, each a name. */
const NABLA_OF_VARIABLES = /^\u2207[ \t]*([\p{L}][\p{L}\p{N}_]*)\([ \t]*((?:[\p{L}][\p{L}\p{N}_]*[ \t]*,[ \t]*)+[\p{L}][\p{L}\p{N}_]*)[ \t]*\)/u;
const NABLA_OF_CALL = /^\u2207(\^2|\^\(2\)|\u00b2|[ \t]*\u2207)?[ \t]*([\p{L}][\p{L}\p{N}_]*)\([ \t]*([\p{L}][\p{L}\p{N}_]*)[ \t]*\)/u;

/**
 * Where a sum without brackets over `index` ends: its summand, and the terms after it that read the index as a
 * subscript. CS229's ℓ(θ) = Σ_{i=1}^{m} y_i log h_i + (1 − y_i) log(1 − h_i) sums both terms, as its i says; read as
 * the first term alone, the second's i was free and the let an error (probe 86).
 */
function sumEnd(text: string, from: number, index: string): number {
  // The index is one letter (SUM_SUBSCRIPT): y_i, y_{i}, x^{(i)}, x[i].
  const reads = new RegExp(`(?:_\\{?|\\^\\{?\\(|\\[)[ \\t]*${index}(?![\\p{L}\\p{N}_])`, 'u');
  let end = summandEnd(text, from);
  while (text[end] === '+' || text[end] === '-') {
    const next = summandEnd(text, end + 1);
    const term = text.slice(end + 1, next);
    // A term with a sum of its own (Σ_i a_i + Σ_i b_i) binds its index itself.
    if (next <= end + 1 || !reads.test(term) || /[\u2211\u03a3\u220f]|(?:sum|prod)[_(]/u.test(term)) break;
    end = next;
  }
  return end;
}

/** Where the summand of a sum without brackets that starts at `from` ends: the offset of the character that ends it. */
function summandEnd(text: string, from: number): number {
  let depth = 0;
  let previous = '';
  // Bars enclose as brackets do, each pair opened and closed by the same sign: ‖Xw - y‖, ||x||, |x - 1|.
  let norm = false;
  /** The depths of the open single bars, innermost last: a bar closes the one opened at its own depth. */
  const bars: number[] = [];
  for (let k = from; k < text.length; k++) {
    const c = text[k];
    if (c === '"') return k;
    if (c === '\u2016' || (c === '|' && text[k + 1] === '|')) { norm = !norm; if (c === '|') k++; previous = c; continue; }
    if (c === '|') { if (bars.at(-1) === depth) bars.pop(); else bars.push(depth); previous = c; continue; }
    if (norm) continue;
    if (bars.length > 0) {
      // Within bars only brackets count. A bar still open where the bracket around it closes was a condition's, not an
      // absolute value's: in ∂/∂μ log N(u | μ, s²) = (u - μ)/s² (Bishop 1.54) it ran the operand on past the = to the end.
      if (c === '(' || c === '[' || c === '{') depth++;
      else if ((c === ')' || c === ']' || c === '}') && depth > 0) { while (bars.length > 0 && bars[bars.length - 1] >= depth) bars.pop(); depth--; }
      if (c !== ' ' && c !== '\t') previous = c;
      continue;
    }
    // An integral in the term runs to its differential, whatever signs its integrand holds (d/dt ∫_0^t s + 1 ds).
    const sign = c === '\u222b' && depth === 0 ? INTEGRAL_SIGN.exec(text.slice(k, k + 80)) : null;
    const differential = sign ? differentialAt(text, k + sign[0].length) : undefined;
    if (differential !== undefined) { k = differential.at + differential.length - 1; previous = 'd'; continue; }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') { if (depth === 0) return k; depth--; }
    else if (depth === 0) {
      if (c === '=' || c === ',' || c === '<' || c === '>' || c === '!') return k;
      // A sign ends the term, except as the sign of an exponent or of the summand itself (Σ_j -x_j, x^-1, 1e-3).
      if ((c === '+' || c === '-') && previous !== '' && !/[(^*/eE]/.test(previous)) return k;
      if (/^[ \t]+(?:by|expect)[ \t]/.test(text.slice(k))) return k;
    }
    if (c !== ' ' && c !== '\t') previous = c;
  }
  return text.length;
}

/**
 * numpy's, torch's and SciPy's `np.exp(x)`, `torch.sigmoid(z)`, `F.gelu(x)` (torch.nn.functional as F),
 * `scipy.special.expit(x)`: the function by its own name, `maximum` and `minimum` as `max` and `min`.
 */
const LIBRARY_CALL = /^(torch\.nn\.functional|scipy\.special|np|numpy|torch|F)\.([A-Za-z_][A-Za-z0-9_]*)(?=\s*\()/;
const LIBRARY_NAMES: Readonly<Record<string, string>> = { maximum: 'max', minimum: 'min', dot: 'matmul' };
/** numpy's `axis=0` (down the rows) and `axis=1` (along a row): the language's axes 1 and 2, `sum(A, 1)`. */
const AXIS = /^,\s*(axis|dim)\s*=\s*(-?[012])(?![0-9])/;
/** numpy's `keepdims=True`: the language's reductions keep the axis already (a row or a column, by orientation). */
const KEEPDIMS = /^,\s*keepdims\s*=\s*True(?![\p{L}\p{N}_])/u;
/** The same as a method's only argument: numpy's `X.sum(axis=0)` is `X.sum(0)`, numpy's own positional axis, which the parser reads as `sum(X, 1)`. */
const AXIS_FIRST = /^\(\s*(axis|dim)\s*=\s*(-?[012])(?![0-9])/;

/** numpy's axis as the language's: 0 and 1 are 1 and 2 (MATLAB's, from 1); a negative axis counts from the last, as in numpy. */
const languageAxis = (numpy: string): string => (numpy.startsWith('-') ? numpy : String(Number(numpy) + 1));

/** A character that ends an operand: a bar after it closes. */
const ENDS_OPERAND = /[\p{L}\p{N}_)\]'.]/u;

/** A function written before its argument in bars without brackets: `ln|t|`, `log|x - 1|`. */
const PREFIX_FUNCTION = /(^|[^\p{L}\p{N}_])(ln|log|log2|log10|exp|sqrt|sin|cos|tan|sinh|cosh|tanh)[ \t]*$/u;

/** The operand of a root written without brackets: a name (with its index brackets) or a number. */
const MAX_ROOT_OPERAND = 200;

const ROOT_OPERAND = /^([\p{L}_][\p{L}0-9_]*(\[[^\][]*\])?|[0-9]+(\.[0-9]+)?)/u;

/** A normal density with its conditioning bar, `N(x | mu, sigma^2)` (also `𝒩`, LaTeX's `\mathcal{N}`): its name. */
const CONDITIONED_DENSITY = /(?<![\p{L}\p{N}_'.])(?:N|\u{1D4A9})\(/gu;

/**
 * PRML's and Murphy's normal density, `N(x | mu, sigma^2)`: where N's bracket holds a bar before its first comma, the
 * bar is the conditioning one, not an absolute value's, and the call is `normal_density(x, mu, sigma^2)`. Each such
 * call as [offset of its name, length of the name and bracket, offset of the bar].
 */
function conditionedDensities(text: string): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (const m of text.matchAll(CONDITIONED_DENSITY)) {
    let depth = 0;
    for (let i = m.index + m[0].length; i < text.length; i++) {
      const c = text[i];
      if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === ')' || c === ']' || c === '}') { if (depth-- === 0) break; }
      else if (depth === 0 && c === ',') break;
      else if (depth === 0 && c === '|') {
        // Something before it, and no norm's double bar: N(|x|) is an absolute value's.
        if (text.slice(m.index + m[0].length, i).trim() !== '' && text[i + 1] !== '|' && text[i - 1] !== '|') out.push([m.index, m[0].length, i]);
        break;
      }
    }
  }
  return out;
}

/** `declared`: the names the derivation's givens and lets declare (a σ of theirs is no sigmoid). */
export function textbookNotation(text: string, map: SourceMap, declared: ReadonlySet<string> = new Set(), functions: ReadonlySet<string> = new Set()): { text: string; map: SourceMap } {
  if (!NOTATION.test(text)) return { text, map };
  const out: string[] = [];
  // The offset in `text` of each character written (see SourceMap.remap), and the last one not a space.
  const sources: number[] = [];
  let last = '';
  let inString = false;
  /** Open bars, innermost last; `call`: written right after a function's name, `ln|t|`, so read as its argument. */
  const bars: { kind: 'abs' | 'norm'; call: boolean }[] = [];
  /** Writes `s` for the character of `text` at `from`. */
  const emit = (s: string, from: number) => {
    for (const c of s) {
      out.push(c);
      sources.push(from);
      if (c !== ' ') last = c;
    }
  };
  /** A function's name at `from`, log₂ written as log_2, as the name is read everywhere else. */
  const emitFunctionName = (name: string, from: number) => {
    for (let k = 0; k < name.length; k++) emit(SUBSCRIPTS[name[k]] === undefined ? name[k] : `${k > 0 && SUBSCRIPTS[name[k - 1]] !== undefined ? '' : '_'}${SUBSCRIPTS[name[k]]}`, from + k);
  };
  /** What a Leibniz operator's closing bracket writes, by its offset: `, x)` (twice for a second derivative). */
  // `then`: further variables, outward (∂²(E)/∂x∂y); `skip`: the text after the bracket that is read already (its denominator).
  const closers = new Map<number, { variable: string; at: number; order: number | string; power?: { text: string; length: number };
    then?: readonly { variable: string; at: number }[]; skip?: number }>();
  /** What a powered function's closing bracket writes after it, by its offset: `sin^2(x)` is `sin(x)^2`. */
  const powersAfter = new Map<number, string>();
  /** What LaTeX's closing brace of an exponent or subscript writes, by its offset: `e^{-x}` is `e^(-x)`, `x_{i+1}` is `x[i+1]`. */
  const braceClosers = new Map<number, string>();
  /** The single = signs inside an indicator's braces: comparisons there. */
  const singleEquals = new Set<number>();
  /** What the sums and gradients without brackets that end before the character at an offset write there: `)`, `, w)`. */
  const termEnds = new Map<number, string>();
  /** Text read already (an integral's differential `dx`), by its offset: what it writes instead, and its length. */
  const replacements = new Map<number, { text: string; length: number }>();
  for (const [at, length, bar] of conditionedDensities(text)) {
    replacements.set(at, { text: 'normal_density(', length });
    replacements.set(bar, { text: ',', length: 1 });
  }
  /** An operand, bound or point as written, π read as everywhere else. */
  const emitWritten = (written: string, from: number) => {
    for (let k = 0; k < written.length; k++) emit(written[k] === '\u03c0' ? 'pi' : written[k], from + k);
  };
  /** Writes `closer` where a term that starts at `start` and ends at `end` ends: right after it, before the spaces that end it; an inner term's first. */
  const closeTermAt = (end: number, start: number, closer: string) => {
    while (end > start && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
    termEnds.set(end, closer + (termEnds.get(end) ?? ''));
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') inString = !inString;
    if (inString) { emit(c, i); continue; }
    const closer = closers.get(i);
    if (closer !== undefined) {
      // A sum without brackets that ends at this bracket (d/dμ(Σ_i (x_i - μ)²)) closes first, inside it.
      const inner = termEnds.get(i);
      if (inner !== undefined) { emit(inner, i); termEnds.delete(i); }
      if (closer.power !== undefined) {
        // d/dx(x^2 + 1)^3 is the derivative of the cube: the power goes inside, at its own columns.
        emit(')', i);
        emit('^', i + 1);
        for (let k = 0; k < closer.power.text.length; k++) emit(closer.power.text[k], i + 1 + Math.min(k, closer.power.length - 1));
      }
      // A symbolic order (dⁿ/dxⁿ) is diff(E, x, n), the n-th derivative at each size of n.
      for (let k = 0; k < (typeof closer.order === 'number' ? closer.order : 1); k++) {
        emit(', ', i);
        for (let v = 0; v < closer.variable.length; v++) emit(closer.variable[v], closer.at + v);
        if (typeof closer.order === 'string') { emit(', ', i); for (const ch of closer.order) emit(ch, i); }
        emit(')', i);
      }
      for (const next of closer.then ?? []) {
        emit(', ', i);
        for (let v = 0; v < next.variable.length; v++) emit(next.variable[v], next.at + v);
        emit(')', i);
      }
      if (closer.power !== undefined) i += closer.power.length;
      if (closer.skip !== undefined) i += closer.skip;
      continue;
    }
    const ending = termEnds.get(i);
    if (ending !== undefined) emit(ending, i);
    const replaced = replacements.get(i);
    if (replaced !== undefined) {
      emit(replaced.text, i);
      i += replaced.length - 1;
      continue;
    }
    const integral = c === '\u222b' ? INTEGRAL_SIGN.exec(text.slice(i, i + 80)) : null;
    // The differential as a fraction's numerator, ∫_0^1 \frac{dx}{1 + x^2}: the integrand is that fraction with 1 on top.
    const over = integral ? /^\(\(d([\p{L}])\)\/\(/u.exec(text.slice(i + integral[0].length)) : null;
    const overEnd = over ? matchingBracket(text, i + integral![0].length) : undefined;
    const differential = over && overEnd !== undefined
      ? { at: overEnd + 1, variable: over[1], length: 0, numerator: i + integral![0].length + 2 }
      : integral ? differentialAt(text, i + integral[0].length) : undefined;
    if (integral && differential) {
      const [whole, lowerBraced, lowerPlain, upperBraced, upperPlain, lowerSubscript, upperSuperscript, upperScriptBraced, upperScriptPlain] = integral;
      // ∫₀¹ and ∫₀^π, as Unicode sets the bounds: the digits below and above the sign.
      const plain = (written: string, table: Readonly<Record<string, string>>) => [...written].map((ch) => (ch === '\u208b' || ch === '\u207b' ? '-' : table[ch] ?? ch)).join('');
      const lower = lowerBraced ?? lowerPlain ?? (lowerSubscript === undefined ? undefined : plain(lowerSubscript, SUBSCRIPTS));
      const upper = upperBraced ?? upperPlain ?? upperScriptBraced ?? upperScriptPlain ?? (upperSuperscript === undefined ? undefined : plain(upperSuperscript, SUPERSCRIPTS));
      if (lower === undefined || upper === undefined) emit('integral(', i);
      else if (lowerSubscript !== undefined) {
        emit(`integral(${differential.variable}, ${lower}, `, i);
        if (upperSuperscript !== undefined) emit(upper, i + 1);
        else emitWritten(upper, i + whole.lastIndexOf(upper));
        emit(', ', i);
      } else {
        emit(`integral(${differential.variable}, `, i);
        emitWritten(lower, i + whole.indexOf(lower));
        emit(', ', i);
        emitWritten(upper, i + whole.lastIndexOf(upper));
        emit(', ', i);
      }
      // No integrand before the differential, ∫_0^R dr: the integrand is 1.
      const one = text.slice(i + whole.length, differential.at).trim() === '' ? '1' : '';
      closeTermAt(differential.at, i + whole.length, lower === undefined ? `${one}, ${differential.variable})` : `${one})`);
      if ('numerator' in differential) replacements.set(differential.numerator, { text: '1', length: 2 });
      else replacements.set(differential.at, { text: '', length: differential.length });
      i += whole.length - 1;
      continue;
    }
    const limit = c === 'l' && (i === 0 || !/[\p{L}\p{N}_.]/u.test(text[i - 1])) ? LIMIT_SUBSCRIPT.exec(text.slice(i, i + 80)) : null;
    if (limit) {
      const [whole, variable, point, braced, plain, superscript] = limit;
      const side = braced ?? plain ?? (superscript === undefined ? undefined : superscript === '\u207a' ? '+' : '-');
      emit(`limit(${variable}, `, i);
      emitWritten(point, i + whole.indexOf(point, 4 + variable.length));
      emit(', ', i);
      closeTermAt(summandEnd(text, i + whole.length), i + whole.length, side === undefined ? ')' : side === '+' ? ', right)' : ', left)');
      i += whole.length - 1;
      continue;
    }
    const signed = c === '\u2211' || c === '\u03a3' || c === '\u220f' || ((c === 's' || c === 'm' || c === 'p') && (i === 0 || !/[\p{L}\p{N}_.]/u.test(text[i - 1])));
    const two = signed ? TWO_INDEX_SUBSCRIPT.exec(text.slice(i, i + 40)) : null;
    if (two) {
      const op = two[1] === '\u220f' || two[1] === 'prod' ? 'prod' : 'sum';
      emit(`${op}(${two[2]}, ${op}(${two[3]}, `, i);
      closeTermAt(summandEnd(text, i + two[0].length), i + two[0].length, '))');
      i += two[0].length - 1;
      continue;
    }
    const conditioned = signed ? CONDITION_SUBSCRIPT.exec(text.slice(i, i + 80)) ?? CHAINED_SUBSCRIPT.exec(text.slice(i, i + 80)) : null;
    if (conditioned) {
      const chained = conditioned.length === 7;
      const [whole, sign] = conditioned;
      const [index, op, other, lower, upper] = chained
        ? [conditioned[3], conditioned[4], conditioned[5], conditioned[2], conditioned[6]]
        : [conditioned[4], conditioned[5], conditioned[6], conditioned[3], conditioned[7] ?? conditioned[8]];
      const bounds = lower !== undefined && upper !== undefined ? `, ${lower.trim()}, ${upper.trim()}` : '';
      // Σ_{k ≥ 1} 1/k^2, Σ_{n > 0}: an index from a whole number up, with no other bound, is a series to infinity.
      const from = /^\d+$/.test(other.trim()) && (op === '>=' || op === '>') && lower === undefined && upper === undefined
        ? Number(other.trim()) + (op === '>' ? 1 : 0) : undefined;
      if (from !== undefined) {
        emit(`${sign === '\u220f' || sign === 'prod' ? 'prod' : 'sum'}(${index}, ${from}, Infinity, `, i);
        closeTermAt(summandEnd(text, i + whole.length), i + whole.length, ')');
        i += whole.length - 1;
        continue;
      }
      // y_{i} in a subscript is the entry y_i, as it is everywhere else.
      emit(`${sign === '\u220f' || sign === 'prod' ? 'prod' : 'sum'}(${index} ${op} ${other.trim().replace(/_\{([\p{L}\p{N}]+)\}/gu, '_$1')}${bounds}, `, i);
      closeTermAt(summandEnd(text, i + whole.length), i + whole.length, ')');
      i += whole.length - 1;
      continue;
    }
    const summation = signed ? SUM_SUBSCRIPT.exec(text.slice(i, i + 80)) : null;
    const [, sign, , lowerBound, , upperBraced, upperPlain] = summation ?? [];
    // A power without a lower bound is a power of a name: Σ_k^{-1} is a covariance's inverse. max_i and min_i take no bounds.
    const reduction = sign === 'max' || sign === 'min' ? sign : sign === '\u220f' || sign === 'prod' ? 'prod' : 'sum';
    if (summation && !(lowerBound === undefined && (upperBraced ?? upperPlain) !== undefined) && !((reduction === 'max' || reduction === 'min') && lowerBound !== undefined)) {
      const [whole, , braced, lower, plain] = summation;
      const index = braced ?? plain;
      const upper = upperBraced ?? upperPlain;
      emit(`${reduction}(${index}, ${lower !== undefined && upper !== undefined ? `${lower.trim()}, ${upper.trim()}, ` : ''}`, i);
      closeTermAt(reduction === 'sum' ? sumEnd(text, i + whole.length, index) : summandEnd(text, i + whole.length), i + whole.length, ')');
      i += whole.length - 1;
      continue;
    }
    // ∇_w L and ∂_x u: grad and diff of the rest of the product term in the subscript's variable.
    const nablaSubscripted = c === '\u2207' ? NABLA_SUBSCRIPT.exec(text.slice(i, i + 40)) : null;
    const subscripted = nablaSubscripted !== null
      ? [nablaSubscripted[0], nablaSubscripted[2], nablaSubscripted[3]] as const
      : c === '\u2202' ? PARTIAL_SUBSCRIPT.exec(text.slice(i, i + 40)) : null;
    if (subscripted) {
      const [whole, braced, plain] = subscripted;
      const squared = nablaSubscripted !== null && (nablaSubscripted[1] ?? nablaSubscripted[4]) !== undefined;
      emit(c === '\u2202' ? 'diff(' : squared ? 'hessian(' : 'grad(', i);
      closeTermAt(summandEnd(text, i + whole.length), i + whole.length, `, ${braced ?? plain})`);
      i += whole.length - 1;
      continue;
    }
    // ∇ · F, ∇ × F, ∇²φ and ∇φ of a field with no variables written (Stewart 16.5, Griffiths): div, curl, laplacian
    // and grad of it, the model taking the coordinates x, y, z the derivation declares. The operand is a name, a call or
    // a bracket, read on from its start, so ∇ · (∇ × F) nests.
    // div F, curl F, grad φ written as words without brackets (\operatorname{div} F): the same.
    const worded = (c === 'd' || c === 'c' || c === 'g') && !/[\p{L}\p{N}_]/u.test(text[i - 1] ?? ' ') ? /^(div|curl|grad)[ \t]+(?=[\p{L}(\u27e8])/u.exec(text.slice(i, i + 8)) : null;
    const wordedEnd = worded === null ? undefined : operandEnd(text, i + worded[0].length);
    if (worded !== null && wordedEnd !== undefined) {
      emit(`${worded[1]}(`, i);
      closeTermAt(wordedEnd, i + worded[0].length, ')');
      i += worded[0].length - 1;
      continue;
    }
    const field = c === '\u2207' ? FIELD_OPERATOR.exec(text.slice(i, i + 8)) : null;
    const fieldAt = field === null ? -1 : i + field[0].length;
    const fieldEnd = field === null ? undefined : operandEnd(text, fieldAt);
    const fieldOperator = field === null ? undefined : field[1] !== undefined ? (field[1] === '\u00d7' ? 'curl' : 'div') : field[2] !== undefined ? 'laplacian' : 'grad';
    // ∇E(w) and ∇²f(x) of a call are the gradient and Hessian in its argument (below), not fields.
    // Only where those read it (∇sqrt(x^2 + y^2) is the gradient of the root in the coordinates, a field).
    const ofCallAhead = (fieldOperator === 'grad' || fieldOperator === 'laplacian') && /^[\p{L}][\p{L}\p{N}]*\(/u.test(text.slice(fieldAt))
      && (NABLA_OF_CALL.test(text.slice(i, i + 80)) || NABLA_OF_VARIABLES.test(text.slice(i, i + 120)));
    if (field !== null && fieldEnd !== undefined && fieldOperator !== undefined && !ofCallAhead) {
      emit(`${fieldOperator}(`, i);
      closeTermAt(fieldEnd, fieldAt, ')');
      i = fieldAt - 1;
      continue;
    }
    // ∇f(x, y) of several variables (Stewart 14.6): the vector of its partial derivatives, [diff(f(x, y), x), ...].
    const ofVariables = c === '\u2207' ? NABLA_OF_VARIABLES.exec(text.slice(i, i + 120)) : null;
    const gradientVariables = ofVariables?.[2].split(',').map((v) => v.trim());
    if (ofVariables && gradientVariables !== undefined && new Set(gradientVariables).size === gradientVariables.length) {
      const call = ofVariables[0].slice(1).trimStart();
      const callAt = i + ofVariables[0].indexOf(call);
      emit('[', i);
      gradientVariables.forEach((v, k) => {
        emit(k === 0 ? 'diff(' : ', diff(', i);
        emitWritten(call, callAt);
        emit(`, ${v})`, i + ofVariables[0].length - 1);
      });
      emit(']', i + ofVariables[0].length - 1);
      i += ofVariables[0].length - 1;
      continue;
    }
    const ofCall = c === '\u2207' ? NABLA_OF_CALL.exec(text.slice(i, i + 80)) : null;
    if (ofCall) {
      const [whole, second, name, variable] = ofCall;
      const callAt = i + whole.indexOf(name, second === undefined ? 1 : 1 + second.length);
      emit(second === undefined ? 'grad(' : 'hessian(', i);
      emitWritten(text.slice(callAt, i + whole.length), callAt);
      emit(`, ${variable})`, i + whole.length - 1);
      i += whole.length - 1;
      continue;
    }
    const braceCloser = braceClosers.get(i);
    if (braceCloser !== undefined) { emit(braceCloser, i); continue; }
    const brace = (c === '^' || c === '_') && text[i + 1] === '{' ? matchingBrace(text, i + 1) : undefined;
    if (brace !== undefined) {
      // LaTeX's braces group an exponent or a subscript: e^{-x} is e^(-x); x_{ij} is x_ij, x_{i+1} and softmax(z)_{i} entries.
      const inner = text.slice(i + 2, brace);
      if (c === '^') { emit('^(', i); braceClosers.set(brace, ')'); } else if (/^[\p{L}\p{N}]+$/u.test(inner) && text[i - 1] !== ')') {
        emit('_', i);
        braceClosers.set(brace, '');
      } else { emit('[', i); braceClosers.set(brace, ']'); }
      i++;
      continue;
    }
    if (c === '\u27e8') { emit(`${ANGLE_BRACKETS}(`, i); continue; }
    if (c === '\u27e9') { emit(')', i); continue; }
    // 1{v[k] = max(v)}: the indicator of a condition, a single = in it a comparison.
    const indicator = c === '1' && text[i + 1] === '{' && (i === 0 || !/[\p{L}\p{N}_.]/u.test(text[i - 1])) ? matchingBrace(text, i + 1) : undefined;
    if (indicator !== undefined) {
      emit('(', i);
      braceClosers.set(indicator, ')');
      for (let k = i + 2; k < indicator; k++) if (text[k] === '=' && !/[=<>!]/.test(text[k - 1]) && text[k + 1] !== '=') singleEquals.add(k);
      i++;
      continue;
    }
    if (c === '=' && singleEquals.has(i)) { emit('==', i); continue; }
    const sub = SUBSCRIPTS[c];
    if (sub !== undefined) { emit(i > 0 && SUBSCRIPTS[text[i - 1]] !== undefined ? sub : `_${sub}`, i); continue; }
    const fraction1 = VULGAR_FRACTIONS[c];
    if (fraction1 !== undefined) {
      // After a whole number, a mixed number: 1½ is one and a half, (1+1/2), not 1 times a half.
      let k = out.length;
      while (k > 0 && /[0-9]/.test(out[k - 1])) k--;
      if (k < out.length && (k === 0 || !/[\p{L}\p{N}_.]/u.test(out[k - 1]))) {
        out.splice(k, 0, '(');
        sources.splice(k, 0, sources[k]);
        emit(`+${fraction1.slice(1)}`, i);
      } else emit(fraction1, i);
      continue;
    }
    const startsName = i === 0 || !/[\p{L}\p{N}_.]/u.test(text[i - 1]);
    const powered = startsName && /[a-z]/.test(c) ? FUNCTION_POWER.exec(text.slice(i, i + 24)) : null;
    const poweredClose = powered ? matchingBracket(text, i + powered[0].length - 1) : undefined;
    if (powered && poweredClose !== undefined) {
      const [whole, name, bracketed, plain, superscript] = powered;
      const power = bracketed ?? plain ?? (superscript === '\u207b\u00b9' ? '-1' : SUPERSCRIPTS[superscript]);
      if (power === '-1') emit('a', i);
      emitFunctionName(name, i);
      if (power !== '-1') powersAfter.set(poweredClose, power);
      // The bracket itself is written by the loop, as any other character.
      i += whole.length - 2;
      continue;
    }
    const inverse = startsName && (c === '\u03c3' || c === '\u03b6' || c === 's') ? INVERSE_FUNCTION.exec(text.slice(i, i + 16)) : null;
    if (inverse && !declared.has(inverse[1])) {
      emit(INVERSE_NAME[inverse[1]], i);
      i += inverse[0].length - 1;
      continue;
    }
    const ofSum = startsName && /[a-z]/.test(c) ? FUNCTION_OF_SUM.exec(text.slice(i, i + 16)) : null;
    if (ofSum && SUM_SUBSCRIPT.test(text.slice(i + ofSum[0].length, i + ofSum[0].length + 80))) {
      const [whole, name] = ofSum;
      emitFunctionName(name, i);
      emit('(', i + whole.length);
      // Closed where the sum's own summand ends, after the sum's bracket (registered later, written first).
      closeTermAt(summandEnd(text, i + whole.length), i + whole.length, ')');
      i += whole.length - 1;
      continue;
    }
    const poweredBare = startsName && /[a-z]/.test(c) ? FUNCTION_POWER_WITHOUT_BRACKETS.exec(text.slice(i)) : null;
    if (poweredBare) {
      const [whole, name, bracketed, plain, superscript, operand] = poweredBare;
      const power = bracketed ?? plain ?? (superscript === '\u207b\u00b9' ? '-1' : SUPERSCRIPTS[superscript]);
      const at = i + whole.length - operand.length;
      if (power === '-1') emit('a', i);
      emitFunctionName(name, i);
      emit('(', at);
      emitWritten(operand, at);
      emit(power === '-1' ? ')' : `)^${power}`, at + operand.length - 1);
      i += whole.length - 1;
      continue;
    }
    // log cosh x, ln sin x: a function before another without brackets takes it, and its operand, as its argument.
    const chained = startsName && /[a-z]/.test(c) ? CHAINED_FUNCTIONS.exec(text.slice(i)) : null;
    const inner = chained === null ? null : FUNCTION_WITHOUT_BRACKETS.exec(text.slice(i + chained[0].length));
    if (chained !== null && inner !== null) {
      const at = i + chained[0].length;
      emitFunctionName(chained[1], i);
      emit('(', at);
      closeTermAt(at + inner[0].length, at, ')');
      i = at - 1;
      continue;
    }
    // MML's 2 sin t(cos t - 1): a declared input before a bracket is no call, so the operand is the name and the bracket
    // multiplies the call, as `sin t (cos t - 1)` does (it was sin(t (cos t - 1)), and a true step refuted: probe 82). A
    // function the derivation has keeps its call: sin θ(t) is sin(θ(t)).
    const inputBeforeBracket = startsName && /[a-z]/.test(c) ? FUNCTION_BEFORE_INPUT_BRACKET.exec(text.slice(i, i + MAX_BARE_CALL)) : null;
    if (inputBeforeBracket !== null && declared.has(inputBeforeBracket[2]) && !functions.has(inputBeforeBracket[2])) {
      const [whole, name, operand] = inputBeforeBracket;
      const at = i + whole.length - operand.length;
      emitFunctionName(name, i);
      emit('(', at);
      for (let k = 0; k < operand.length; k++) emit(operand[k], at + k);
      emit(') ', at + operand.length - 1);
      i = at + operand.length - 1;
      continue;
    }
    // Letters side by side are read only where one operand alone does not end the factor (cos ω t).
    const single = startsName && /[a-z]/.test(c) ? FUNCTION_WITHOUT_BRACKETS.exec(text.slice(i)) : null;
    const letters = single === null && startsName && /[a-z]/.test(c) ? FUNCTION_BEFORE_LETTERS.exec(text.slice(i)) : null;
    const logOfPower = single === null && startsName && c === 'l' ? LOG_OF_POWER.exec(text.slice(i)) : null;
    const bare = single ?? logOfPower ?? (letters !== null && /\p{Script=Greek}/u.test(letters[2]) ? letters : null);
    if (bare) {
      const [whole, name, operand] = bare;
      const at = i + whole.length - operand.length;
      emitFunctionName(name, i);
      emit('(', at);
      // The operand is read on as any text is (ln N(t | μ, σ²) is the log of PRML's density), and closed where it ends.
      closeTermAt(at + operand.length, at, ')');
      i = at - 1;
      continue;
    }
    const power = powersAfter.get(i);
    if (power !== undefined) {
      emit(')', i);
      emit(`^${power.length > 1 ? `(${power})` : power}`, i);
      continue;
    }
    const operator = startsName && (c === 'd' || c === '\u2202') ? LEIBNIZ_OPERATOR.exec(text.slice(i, i + MAX_LEIBNIZ)) : null;
    const close = operator ? matchingBracket(text, i + operator[0].length - 1) : undefined;
    // ∂²/∂x∂y (E) is ∂/∂x of ∂E/∂y, as the fraction ∂²f/∂x∂y is.
    const mixed = operator?.[5] !== undefined && operator[1] === '\u2202' && (operator[2] === '^2' || operator[2] === '\u00b2') && operator[4] === undefined;
    const order = operator ? (mixed ? 1 : operator[5] === undefined ? leibnizOrder(operator[2], operator[4]) : undefined) : undefined;
    if (operator && close !== undefined && order !== undefined) {
      const [whole, , , outer, , inner] = operator;
      const variable = mixed ? inner : outer;
      const raised = POWER_AFTER.exec(text.slice(close + 1, close + 1 + MAX_LEIBNIZ));
      const power = raised === null ? undefined
        // LaTeX's braced exponent, \left( 1 + e^{-x} \right)^{-1} (the sigmoid's first step, probe 47), and ^-1 are bracketed.
        : { text: raised[0].startsWith('^{') || raised[0].startsWith('^-') ? `(${raised[0].replace(/^\^\{?|\}$/g, '')})` : raised[0].startsWith('^') ? raised[0].slice(1)
          : [...raised[0]].map((ch) => SUPERSCRIPTS[ch]).join(''), length: raised[0].length };
      const after = text.slice(close + 1 + (raised?.[0].length ?? 0));
      // A transpose on the bracket keeps the product going: ∂/∂s (x - A s)^T W (x - A s) (probe 82: it took the bracket alone).
      const afterMark = after.replace(/^'+/, '');
      if (CONTINUES_PRODUCT.test(afterMark) && !/^[ \t]+(?:by|expect)[ \t]/.test(afterMark)) {
        // d/dx (1/2) x^2, d/dx (x + 1)(x - 1): the bracket is the first factor of the term the operator differentiates.
        emit('diff('.repeat((typeof order === 'number' ? order : 1) + (mixed ? 1 : 0)), i);
        closeTermAt(summandEnd(text, i + whole.length - 1), i + whole.length - 1, derivativeCloser(variable, order) + (mixed ? `, ${outer})` : ''));
        i += whole.length - 2;
        continue;
      }
      emit('diff('.repeat((typeof order === 'number' ? order : 1) + (mixed ? 1 : 0)) + (power ? '(' : ''), i);
      closers.set(close, { variable, at: i + whole.lastIndexOf(variable), order, power, ...(mixed ? { then: [{ variable: outer, at: i + whole.indexOf(outer, 2) }] } : {}) });
      i += whole.length - 1;
      continue;
    }
    // d/dz σ(z), ∂/∂x_i y_k, d/dx x^2, ∂/∂w Σ_i (w x_i - y_i)^2, \frac{d}{dx} \frac{1}{2} x^2: Leibniz's operator before
    // anything but a bracket of its own differentiates the rest of the product term, as a sum sign sums it.
    const mixedTerm = startsName && c === '\u2202' ? LEIBNIZ_MIXED_BEFORE_TERM.exec(text.slice(i, i + MAX_LEIBNIZ)) : null;
    if (mixedTerm && (mixedTerm[2] === '^2' || mixedTerm[2] === '\u00b2') && mixedTerm[4] === undefined) {
      const [whole, , , outer, , inner] = mixedTerm;
      emit('diff(diff(', i);
      closeTermAt(summandEnd(text, i + whole.length), i + whole.length, `, ${inner}), ${outer})`);
      i += whole.length - 1;
      continue;
    }
    const onTerm = startsName && (c === 'd' || c === '\u2202') ? LEIBNIZ_BEFORE_TERM.exec(text.slice(i, i + MAX_LEIBNIZ)) : null;
    const termOrder = onTerm ? leibnizOrder(onTerm[2], onTerm[4]) : undefined;
    if (onTerm && termOrder !== undefined) {
      const [whole, , , variable] = onTerm;
      emit('diff('.repeat(typeof termOrder === 'number' ? termOrder : 1), i);
      closeTermAt(summandEnd(text, i + whole.length), i + whole.length, derivativeCloser(variable, termOrder));
      i += whole.length - 1;
      continue;
    }
    const bracket = startsName && c === '\u2202' ? LEIBNIZ_BRACKET.exec(text.slice(i, i + 8)) : null;
    const bracketClose = bracket ? matchingBracket(text, i + bracket[0].length - 1) : undefined;
    const denominator = bracketClose === undefined ? null : firstOrderAlone(LEIBNIZ_DENOMINATOR.exec(text.slice(bracketClose + 1, bracketClose + 1 + MAX_LEIBNIZ)), bracket?.[1]);
    const bracketVariables = bracket && denominator ? fractionVariables(bracket[1], denominator[1], denominator[2], denominator[3]) : undefined;
    if (bracket && bracketClose !== undefined && denominator && bracketVariables) {
      // ∂(E)/∂x: the bracket's contents are read as any text; at its close, the variables, and the denominator is skipped.
      emit('diff('.repeat(bracketVariables.length), i);
      const at = (name: string) => bracketClose + 1 + denominator[0].lastIndexOf(name);
      closers.set(bracketClose, { variable: bracketVariables[0], at: at(bracketVariables[0]), order: 1,
        then: bracketVariables.slice(1).map((name) => ({ variable: name, at: at(name) })), skip: denominator[0].length });
      i += bracket[0].length - 1;
      continue;
    }
    // ∂ℓ/∂σ ∂σ/∂x, the chain rule's product: a first-order fraction takes no second variable (the next factor's ∂σ).
    const higher = startsName && c === '\u2202' ? higherOrderFraction(text.slice(i, i + MAX_LEIBNIZ)) : undefined;
    const fraction = higher !== undefined ? null : startsName && c === '\u2202' ? firstOrderAlone(LEIBNIZ_FRACTION.exec(text.slice(i, i + MAX_LEIBNIZ))) : null;
    const variables = higher?.variables ?? (fraction ? fractionVariables(fraction[1], fraction[3], fraction[4], fraction[5]) : undefined);
    if ((fraction || higher) && variables) {
      const [whole, f] = higher !== undefined ? [higher.whole, higher.name] : [fraction![0], fraction![2]];
      const fAt = i + whole.indexOf(f);
      emit('diff('.repeat(variables.length), i);
      for (let k = 0; k < f.length; k++) emit(f[k], fAt + k);
      for (const variable of variables) {
        const vAt = i + whole.lastIndexOf(variable);
        emit(', ', vAt);
        for (let k = 0; k < variable.length; k++) emit(variable[k], vAt + k);
        emit(')', vAt + variable.length - 1);
      }
      i += whole.length - 1;
      continue;
    }
    const sup = SUPERSCRIPTS[c];
    if (sup !== undefined) {
      // The first of a run of superscripts opens the exponent.
      emit(i > 0 && SUPERSCRIPTS[text[i - 1]] !== undefined ? sup : `^${sup}`, i);
      continue;
    }
    if (c === '\u03c0') { emit('pi', i); continue; }
    // The summation and product signs before their bracket: ∑(j, x[j]) is sum(j, x[j]).
    if (c === '\u2211') { emit('sum', i); continue; }
    if (c === '\u220f') { emit('prod', i); continue; }
    const subscript = c === '_' && text[i - 1] === ')' ? BRACKET_SUBSCRIPT.exec(text.slice(i, i + 12)) : null;
    if (subscript) {
      // (X W)_{ij}, an entry of a product's matrix: one letter an index, (W_2)_ij two.
      emit('[', i);
      const letters = /^\p{L}{2}$/u.test(subscript[1]);
      for (let k = 1; k < subscript[0].length; k++) emit(letters && k === 2 ? `, ${text[i + k]}` : text[i + k], i + k);
      emit(']', i + subscript[0].length - 1);
      i += subscript[0].length - 1;
      continue;
    }
    const library = (i === 0 || !/[\p{L}\p{N}_.]/u.test(text[i - 1])) && (c === 'n' || c === 't' || c === 'F' || c === 's') ? LIBRARY_CALL.exec(text.slice(i, i + 60)) : null;
    if (library) {
      // The prefix is dropped: its characters write nothing, and the name keeps its columns.
      const [, prefix, name] = library;
      const at = i + prefix.length + 1;
      if (Object.hasOwn(LIBRARY_NAMES, name)) emit(LIBRARY_NAMES[name], at);
      else for (let k = 0; k < name.length; k++) emit(name[k], at + k);
      i += prefix.length + name.length;
      continue;
    }
    if (c === '\u221a') {
      // A root of a root (√√x) is one nest of roots around the operand.
      let roots = 1;
      while (text[i + roots] === '\u221a') roots++;
      const at = i + roots - 1;
      // A superscript ends the operand: √t² is sqrt(t)^2.
      const operand = text[at + 1] === '(' ? undefined : ROOT_OPERAND.exec(text.slice(at + 1, at + 1 + MAX_ROOT_OPERAND))?.[0].split(/[\u207f\u2071\u1d4f\u02b2]/)[0];
      // A bracket follows: sqrt(...) as written (a root of a root of a bracket is written sqrt(sqrt(...))).
      if (operand === undefined) { emit('sqrt', i); continue; }
      for (let k = 0; k < roots; k++) emit('sqrt(', i + k);
      // The operand as written, then the closing brackets, at its last character.
      // π in the operand is pi, as everywhere (3 √π / 4, Boas 11.3, probe 49).
      for (let k = 1; k <= operand.length; k++) emit(text[at + k] === '\u03c0' ? 'pi' : text[at + k], at + k);
      i = at + operand.length;
      emit(')'.repeat(roots), i);
      continue;
    }
    if (c === '\u2016' || c === '|') {
      // `||` is one norm bar: its second character becomes a space, so every later column stays.
      const double = c === '|' && text[i + 1] === '|';
      const kind = c === '\u2016' || double ? 'norm' : 'abs';
      const open = bars[bars.length - 1];
      const closes = open !== undefined && open.kind === kind && ENDS_OPERAND.test(last);
      if (closes) {
        bars.pop();
        // ‖x‖₂, ‖x‖_1, ‖x‖_∞, ‖A‖_F: the subscript is the norm's order, norm(x, 2), norm(x, 1), norm(x, Infinity);
        // of a matrix the model reads each as numpy does (‖A‖_F, the Frobenius norm, is norm(A)).
        const after = i + (double ? 2 : 1);
        const named = kind === 'norm' ? NORM_SUBSCRIPT.exec(text.slice(after, i + 16)) : null;
        // ‖x‖^2_2, ‖x‖²₂: the power written before the norm's subscript (d2l, CS229) is the power of the 2-norm.
        const powerFirst = kind === 'norm' && named === null ? /^(?:\^\{?(\d+)\}?|([\u00b2\u00b3]))/u.exec(text.slice(after, after + 6)) : null;
        const namedAfterPower = powerFirst === null ? null : NORM_SUBSCRIPT.exec(text.slice(after + powerFirst[0].length, after + powerFirst[0].length + 16));
        if (powerFirst !== null && namedAfterPower !== null) {
          emit(`${normOrder(namedAfterPower[0])}${open.call ? '))' : ')'}^${powerFirst[1] ?? (powerFirst[2] === '\u00b2' ? '2' : '3')}`, i);
          i += powerFirst[0].length + namedAfterPower[0].length + (double ? 1 : 0);
          continue;
        }
        emit(`${named ? normOrder(named[0]) : ''}${open.call ? '))' : ')'}`, i);
        if (named) { i += named[0].length + (double ? 1 : 0); continue; }
      } else {
        const call = PREFIX_FUNCTION.test(out.slice(-8).join(''));
        bars.push({ kind, call });
        // After an operand (2|x|, t|z|) the bars multiply it, as juxtaposition does.
        emit(call ? `(${kind}(` : ENDS_OPERAND.test(out[out.length - 1] ?? '') ? ` ${kind}(` : `${kind}(`, i);
      }
      if (double) { i++; emit(' ', i); }
      continue;
    }
    const axisFirst = c === '(' ? AXIS_FIRST.exec(text.slice(i, i + 16)) : null;
    if (axisFirst) {
      emit('(', i);
      emit(axisFirst[2], i + axisFirst[0].length - 1);
      i += axisFirst[0].length - 1;
      continue;
    }
    const axis = c === ',' ? AXIS.exec(text.slice(i, i + 16)) : null;
    // max(A, 2) is the entrywise maximum of A and 2: an axis of max or min stays written, for the parser to refuse.
    if (axis && !/^(max|min|amax|amin)$/.test(enclosingCall(out))) {
      emit(', ', i);
      emit(languageAxis(axis[2]), i + axis[0].length - 1);
      i += axis[0].length - 1;
      continue;
    }
    const keepdims = c === ',' ? KEEPDIMS.exec(text.slice(i, i + 24)) : null;
    if (keepdims) { i += keepdims[0].length - 1; continue; }
    emit(c, i);
  }
  const endingAtEnd = termEnds.get(text.length);
  if (endingAtEnd !== undefined) emit(endingAtEnd, Math.max(0, text.length - 1));
  return { text: out.join(''), map: map.remap(sources) };
}

/** The name of the call whose bracket is the innermost one open at the end of what was written (`sum` in `np.sum(X, `). */
function enclosingCall(written: readonly string[]): string {
  let depth = 0;
  for (let k = written.length - 1; k >= 0; k--) {
    const c = written[k];
    if (c === ')' || c === ']') depth++;
    else if (c === '(' || c === '[') {
      if (depth === 0) {
        let name = '';
        for (let j = k - 1; j >= 0 && /[\p{L}\p{N}_]/u.test(written[j]); j--) name = written[j] + name;
        return name;
      }
      depth--;
    }
  }
  return '';
}

/** The offset of the brace that closes the one at `open`, or undefined where none does on the line. */
function matchingBrace(text: string, open: number): number | undefined {
  let depth = 0;
  for (let k = open; k < text.length; k++) {
    const c = text[k];
    if (c === '"') return undefined;
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return k;
  }
  return undefined;
}

/** The offset of the bracket that closes the one at `open` (a `)` for `(`, a `]` for `[`), or undefined where none does (an unclosed bracket is reported as written). */
function matchingBracket(text: string, open: number): number | undefined {
  let depth = 0;
  for (let k = open; k < text.length; k++) {
    const c = text[k];
    if (c === '"') return undefined;
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') {
      depth--;
      if (depth === 0) return c === (text[open] === '[' ? ']' : ')') ? k : undefined;
    }
  }
  return undefined;
}
