/**
 * Renders an expression of the `.deriv` language as LaTeX, in the style of the
 * handwritten notes: `x[i]` is `x_i`, `exp(x)` is `e^{x}`, `a / b` is `\frac{a}{b}`,
 * `sum(j, E)` is `\sum_{j} E`, `diff(F, v)` is `\frac{\partial F}{\partial v}`.
 *
 * Parentheses are minimal but never lose meaning: a child is wrapped in `\left( \right)`
 * when its precedence (see {@link Prec}) is below what its place needs, and a rendering
 * that would swallow a following factor (`\log x`, `\sum_{j} ...`) closes itself when
 * one follows. Functions are rendered by the table in `functions.ts`.
 */
import { primedName, type BinaryExpr, type BinaryOp, type Expr, type IndexExpr, type NumberExpr, type Relation } from '../../syntax/index.ts';
import { FUNCTION_RENDERERS, Prec, paren, rendered, type RenderContext, type Rendered } from './functions.ts';

/** Renders `expr` as LaTeX (math mode, without delimiters). */
export function toLatex(expr: Expr): string {
  return new Renderer().render(expr, false).tex;
}

/**
 * One step of a chain: `= rhs`, or `lhs = rhs` when the left-hand side is given
 * (the claim's expression, for the first step).
 */
export function stepToLatex(lhs: Expr | undefined, rhs: Expr, relation: Relation = '='): string {
  const renderer = new Renderer();
  const right = renderer.render(rhs, false).tex;
  const sign = RELATION_TEX[relation];
  return lhs === undefined ? `${sign} ${right}` : `${renderer.render(lhs, false).tex} ${sign} ${right}`;
}

/** A chain's relations as typeset. */
const RELATION_TEX: Readonly<Record<Relation, string>> = { '=': '=', '<': '<', '<=': '\\leq', '>': '>', '>=': '\\geq' };

const GREEK = new Set([
  'alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa',
  'lambda', 'mu', 'nu', 'xi', 'omicron', 'pi', 'rho', 'sigma', 'tau', 'upsilon', 'phi',
  'chi', 'psi', 'omega',
  'varepsilon', 'vartheta', 'varpi', 'varrho', 'varsigma', 'varphi',
  'Gamma', 'Delta', 'Theta', 'Lambda', 'Xi', 'Pi', 'Sigma', 'Upsilon', 'Phi', 'Psi', 'Omega',
]);

/** The LaTeX accent of each accent a name may end with. */
const ACCENT_TEX: Readonly<Record<string, string>> = { hat: 'hat', bar: 'bar', tilde: 'tilde', dot: 'dot', ddot: 'ddot', vec: 'vec' };

/** Greek letters typed as themselves (σ) are the same letters as their names (sigma). */
const GREEK_LETTERS: Readonly<Record<string, string>> = Object.fromEntries(
  [...'αβγδεζηθικλμνξοπρστυφχψω'].map((c, i) => [c, ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta',
    'iota', 'kappa', 'lambda', 'mu', 'nu', 'xi', 'omicron', 'pi', 'rho', 'sigma', 'tau', 'upsilon', 'phi', 'chi', 'psi', 'omega'][i]])
    .concat([...'ΓΔΘΛΞΠΣΥΦΨΩ'].map((c, i) => [c, ['Gamma', 'Delta', 'Theta', 'Lambda', 'Xi', 'Pi', 'Sigma', 'Upsilon', 'Phi', 'Psi', 'Omega'][i]])),
);

const COMPARISON: Partial<Record<BinaryOp, string>> = {
  '<': '<', '<=': '\\leq', '>': '>', '>=': '\\geq', '==': '=', '!=': '\\neq',
};

const HADAMARD: Partial<Record<BinaryOp, string>> = { '.*': '\\odot', './': '\\oslash' };

/** Escapes characters that are special in LaTeX inside `\mathrm{}` / `\operatorname{}`. */
function escapeText(text: string): string {
  return text.replace(/[\\{}_$&#%^~]/g, (c) =>
    c === '\\' ? '\\backslash{}' : c === '^' ? '\\hat{}' : c === '~' ? '\\sim{}' : `\\${c}`,
  );
}

/** A name split into its base and the subscript it was written with (`x_1`: `x`, `1`). */
interface NameParts {
  readonly base: string;
  readonly sub: string | undefined;
  /** The base is a multi-letter `\mathrm{...}`. */
  readonly word: boolean;
}

function nameParts(name: string): NameParts {
  // A series' upper bound, by any of its names.
  if (name === 'Infinity' || name === 'inf' || name === 'oo') return { base: '\\infty', sub: undefined, word: false };
  // Euler's constant, by the names the language reads as it (resolve.ts).
  if (name === 'eulergamma' || name === 'euler_gamma' || name === 'EulerGamma') return { base: '\\gamma', sub: undefined, word: false };
  if (Object.hasOwn(GREEK_LETTERS, name)) return nameParts(GREEK_LETTERS[name]);
  // A let's σ² is the name σsq (syntax/parse-file.ts): typeset as σ² again; σ̂², σhatsq, as \hat{\sigma}^{2}.
  const powered = /^(.+?)(sq|cube)$/.exec(name);
  const letter = powered?.[1].replace(/(?:hat|bar|tilde|ddot|dot|vec)$/, '');
  if (powered !== null && letter !== undefined && (/^[A-Za-z]$/.test(letter) || Object.hasOwn(GREEK_LETTERS, letter) || GREEK.has(letter))) {
    return { base: `${nameParts(powered[1]).base}^{${powered[2] === 'sq' ? 2 : 3}}`, sub: undefined, word: false };
  }
  // A layer's w^{(1)} is the name wsup1 (syntax/derivation-names.ts): typeset as w^{(1)} again.
  // Nielsen's z^L is the name zsupL: typeset as z^{L}.
  // Its l - 1 and l + 1 are zsuplm1 and zsuplp1: typeset as z^{l-1}, z^{l+1}.
  const layer = /^(.+?)sup(\d+|[A-Za-z])(?:([mp])(\d+))?$/.exec(name);
  if (layer !== null && (/^[A-Za-z]$/.test(layer[1]) || Object.hasOwn(GREEK_LETTERS, layer[1]) || GREEK.has(layer[1])) && !(layer[3] !== undefined && /\d/.test(layer[2]))) {
    const step = layer[3] === undefined ? '' : `${layer[3] === 'm' ? '-' : '+'}${layer[4]}`;
    return { base: `${nameParts(layer[1]).base}^{${/\d/.test(layer[2]) ? `(${layer[2]})` : layer[2]}${step}}`, sub: undefined, word: false };
  }
  // x̂, θ̂, x̄ are read as xhat, θhat, xbar (syntax/unicode-operators.ts): typeset with their accent again.
  const accented = /^(.+?)(hat|bar|tilde|ddot|dot|vec)$/.exec(name);
  if (accented !== null && (/^[A-Za-z]$/.test(accented[1]) || Object.hasOwn(GREEK_LETTERS, accented[1]) || GREEK.has(accented[1]))) {
    const base = nameParts(accented[1]).base;
    return { base: `\\${ACCENT_TEX[accented[2]]}{${base}}`, sub: undefined, word: false };
  }
  if (GREEK.has(name)) return { base: `\\${name}`, sub: undefined, word: false };
  const underscore = name.indexOf('_');
  if (underscore > 0 && underscore < name.length - 1) {
    const base = nameParts(name.slice(0, underscore));
    if (base.sub === undefined) {
      return { base: base.base, sub: subscriptName(name.slice(underscore + 1)), word: base.word };
    }
  }
  if (/^[A-Za-z]$/.test(name)) return { base: name, sub: undefined, word: false };
  return { base: `\\mathrm{${escapeText(name)}}`, sub: undefined, word: true };
}

/** The written subscript of a name: `x_1` -> `1`, `W_out` -> `out`, `x_alpha` -> `\alpha`. */
function subscriptName(text: string): string {
  if (GREEK.has(text)) return `\\${text}`;
  if (/^[A-Za-z0-9]+$/.test(text)) return text;
  const parts = nameParts(text);
  return parts.sub === undefined ? parts.base : `${parts.base}_{${parts.sub}}`;
}

/** `base_i` for a one-character subscript, else `base_{...}`. */
function withSubscript(base: string, sub: string): string {
  return sub.length === 1 ? `${base}_${sub}` : `${base}_{${sub}}`;
}

function renderNumber(e: NumberExpr): Rendered {
  const text = e.text === '' ? String(e.value) : e.text;
  const sci = /^([-+]?)(\d*\.?\d*)[eE]([-+]?\d+)$/.exec(text);
  if (sci && /\d/.test(sci[2])) {
    const [, sign, mantissa, exponent] = sci;
    const tex = `${sign}${mantissa} \\times 10^{${exponent.replace(/^\+/, '')}}`;
    return rendered(tex, sign === '' ? Prec.Mul : Prec.Unary);
  }
  if (/^[-+]?[0-9.]+$/.test(text)) return rendered(text, /^[-+]/.test(text) ? Prec.Unary : Prec.Atom);
  return rendered(`\\mathrm{${escapeText(text)}}`, Prec.Atom); // hex, Infinity, ...: as written
}

const startsWithSign = (tex: string): boolean => /^[-+]/.test(tex);
const startsWithDigit = (tex: string): boolean => /^[0-9.]/.test(tex);
/** Ends with a digit that is not a one-character subscript (`x_1` does not). */
const endsWithDigit = (tex: string): boolean => /(?<!_)[0-9.]$/.test(tex);

class Renderer {
  /** Memo per node: [not followed, followed]; keeps re-rendering for parentheses linear. */
  private readonly memo = new WeakMap<Expr, [Rendered | undefined, Rendered | undefined]>();

  /**
   * Renders `e`. `followed`: a factor will be juxtaposed right after it, so a rendering
   * that would swallow it must close itself.
   */
  render(e: Expr, followed: boolean): Rendered {
    let slot = this.memo.get(e);
    if (!slot) {
      slot = [undefined, undefined];
      this.memo.set(e, slot);
    }
    const i = followed ? 1 : 0;
    return (slot[i] ??= this.renderNode(e, followed));
  }

  /**
   * Renders `e` as an operand that needs at least precedence `min`, wrapped otherwise.
   * `signFree`: it must not start with `-`/`+` either (the right of `+`, `-`, a product).
   */
  operand(e: Expr, min: Prec, followed = false, signFree = false): Rendered {
    const alone = this.render(e, false);
    if (alone.prec < min || (signFree && startsWithSign(alone.tex))) return paren(alone.tex);
    return followed ? this.render(e, true) : alone;
  }

  private renderNode(e: Expr, followed: boolean): Rendered {
    switch (e.kind) {
      case 'invalid':
        return rendered('\\text{(cannot be read)}', Prec.Atom);
      case 'array': {
        // A vector as a column, a matrix by its rows.
        const rows = e.items.map((item) => (item.kind === 'array' ? item.items.map((x) => this.render(x, false).tex).join(' & ') : this.render(item, false).tex));
        return rendered(`\\begin{pmatrix} ${rows.join(' \\\\ ')} \\end{pmatrix}`, Prec.Atom);
      }
      case 'number':
        return renderNumber(e);
      case 'name': {
        const parts = nameParts(e.name);
        if (parts.sub === undefined) return rendered(parts.base, Prec.Atom, { startsWord: parts.word, endsWord: parts.word });
        // A written subscript keeps its braces: `x_1` is `x_{1}`.
        return rendered(`${parts.base}_{${parts.sub}}`, Prec.Atom, { startsWord: parts.word });
      }
      case 'index':
        return this.renderIndex(e);
      case 'call': {
        const entry = Object.hasOwn(FUNCTION_RENDERERS, e.name) ? FUNCTION_RENDERERS[e.name] : undefined;
        const ctx = this.context(followed);
        // The sigmoid's derivative in Lagrange's notation, as the backprop texts print it: σ'(z).
        if ((e.name === "sigmoid'" || e.name === "σ'") && e.args.length === 1) {
          return rendered(`\\sigma'\\left(${this.render(e.args[0], false).tex}\\right)`, Prec.App);
        }
        if (entry && e.args.length >= entry.arity[0] && e.args.length <= entry.arity[1]) {
          return entry.render(e.args, ctx);
        }
        return ctx.generic(e.name, e.args);
      }
      case 'unary': {
        const arg = this.operand(e.arg, Prec.Mul, followed, true);
        return rendered(`${e.op}${arg.tex}`, Prec.Unary, { endsWord: arg.endsWord });
      }
      case 'transpose': {
        // y' of an implicit function: its derivative, primed (y'' twice), as the books print it.
        const primed = e.prime ? primedName(e) : undefined;
        if (primed !== undefined) return rendered(`${this.render({ kind: 'name', name: primed.name, span: e.span }, false).tex}${"'".repeat(primed.primes)}`, Prec.Pow);
        return rendered(`${this.operand(e.arg, Prec.Atom).tex}^{\\top}`, Prec.Pow);
      }
      case 'binary':
        return this.renderBinary(e, followed);
      case 'subscript':
        // softmax(x)[i]: the entry as a subscript on the parenthesized array.
        return rendered(`${paren(this.render(e.target, false).tex).tex}_{${this.subscript(e.indices)}}`, Prec.Atom);
      case 'range':
        // X_{i,:}, x_{2:4}: the slice as numpy and the matrix books write it.
        return rendered(`${e.start ? this.render(e.start, false).tex : ''}:${e.end ? this.render(e.end, false).tex : ''}`, Prec.Atom);
    }
  }

  private renderIndex(e: IndexExpr): Rendered {
    const parts = nameParts(e.target.name);
    const word = { startsWord: parts.word };
    if (e.indices.length === 0) {
      return rendered(parts.sub === undefined ? parts.base : withSubscript(parts.base, parts.sub), Prec.Atom, word);
    }
    const sub = this.subscript(e.indices);
    return rendered(withSubscript(parts.base, parts.sub === undefined ? sub : `${parts.sub},${sub}`), Prec.Atom, word);
  }

  /** `ik` when every item renders as one character, else `i,k+1`. */
  subscript(items: readonly Expr[]): string {
    const texs = items.map((item) => this.render(item, false).tex);
    // A slice's ':' keeps its commas: X_{i,:}, not X_{i:}.
    return texs.every((t) => t.length === 1 && t !== ':') ? texs.join('') : texs.join(',');
  }

  private renderBinary(e: BinaryExpr, followed: boolean): Rendered {
    const { op } = e;
    const comparison = COMPARISON[op];
    if (comparison !== undefined) {
      const l = this.render(e.left, false).tex;
      const r = this.render(e.right, false).tex;
      return rendered(`\\mathbb{1}\\left(${l} ${comparison} ${r}\\right)`, Prec.App);
    }
    switch (op) {
      case '+':
      case '-': {
        const l = this.operand(e.left, Prec.Add);
        // The right operand keeps its grouping: `a - (b - c)`, `a + (b - c)`.
        const r = this.operand(e.right, Prec.Hadamard, false, true);
        return rendered(`${l.tex} ${op} ${r.tex}`, Prec.Add, { startsWord: l.startsWord, endsWord: r.endsWord });
      }
      case '.*':
      case './': {
        const l = this.operand(e.left, Prec.Hadamard, true);
        const r = this.operand(e.right, Prec.Mul, followed, true);
        return rendered(`${l.tex} ${HADAMARD[op]} ${r.tex}`, Prec.Hadamard, { startsWord: l.startsWord, endsWord: r.endsWord });
      }
      case '*': {
        const l = this.operand(e.left, Prec.Mul, true);
        const r = this.operand(e.right, Prec.Mul, followed, true);
        return rendered(`${l.tex}${this.juxtapose(l, r)}${r.tex}`, Prec.Mul, { startsWord: l.startsWord, endsWord: r.endsWord });
      }
      case '/':
        return rendered(`\\frac{${this.render(e.left, false).tex}}{${this.render(e.right, false).tex}}`, Prec.App);
      case '^':
      case '.^': {
        const base = this.operand(e.left, Prec.Atom);
        const exponent = this.render(e.right, false).tex;
        const ring = op === '.^' ? '\\circ ' : '';
        return rendered(`${base.tex}^{${ring}${exponent}}`, Prec.Pow, { startsWord: base.startsWord });
      }
      default:
        throw new Error(`toLatex: unknown binary operator ${JSON.stringify(op)}`);
    }
  }

  /**
   * What goes between two factors: `\cdot` before a digit (`2 \cdot 3`, `x \cdot 2`) and
   * between a digit and a fraction (`2 \frac{1}{2}` would read as 2½); `\,` next to a
   * multi-letter name (`\mathrm{dZ}\mathrm{W}` would read as one name); else a space.
   */
  private juxtapose(l: Rendered, r: Rendered): string {
    if (startsWithDigit(r.tex)) return ' \\cdot ';
    if (endsWithDigit(l.tex) && r.tex.startsWith('\\frac')) return ' \\cdot ';
    if (l.endsWord || r.startsWord) return ' \\, ';
    return ' ';
  }

  private context(followed: boolean): RenderContext {
    return {
      followed,
      render: (e) => this.render(e, false),
      operand: (e, min) => this.operand(e, min),
      subscript: (items) => this.subscript(items),
      generic: (name, args) => {
        const list = args.map((a) => this.render(a, false).tex).join(', ');
        // A one-letter function (an abstract f, g) in italics as textbooks set it, its derivatives in Lagrange's
        // notation: f'(x), f''(x), f'''(x), then f^{(4)}(x).
        const letter = /^([A-Za-z])('*)$/.exec(name);
        if (letter) {
          const primes = letter[2].length;
          return rendered(`${letter[1]}${primes <= 3 ? letter[2] : `^{(${primes})}`}\\left(${list}\\right)`, Prec.App);
        }
        // A partial derivative by subscripts: F_xy(a, b).
        const partial = /^([A-Za-z])_([A-Za-z0-9]+)$/.exec(name);
        if (partial) return rendered(`${partial[1]}_{${partial[2]}}\\left(${list}\\right)`, Prec.App);
        return rendered(`\\operatorname{${escapeText(name)}}\\left(${list}\\right)`, Prec.App);
      },
    };
  }
}
