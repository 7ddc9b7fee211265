/**
 * The vocabulary shared by the LaTeX renderer, and THE table of function renderers.
 *
 * Every function of the expression language (`exp`, `log`, `sum`, `diff`, ...) is one
 * entry of {@link FUNCTION_RENDERERS}, keyed by its name: adding or restyling a function
 * touches exactly one entry. A call whose name is not in the table, or whose number of
 * arguments the entry does not accept, is rendered generically as
 * `\operatorname{name}\left(a, b\right)` by the renderer in `latex.ts`.
 */
import type { Expr } from '../../syntax/index.ts';

/**
 * How tightly a rendered piece of LaTeX binds, as a reader of the formula sees it.
 * A piece is wrapped in `\left( \right)` where a context needs a higher level.
 *
 * Juxtaposition (`a b`) binds tighter than the explicit Hadamard operators
 * (`\odot`, `\oslash`), which bind tighter than `+`/`-`.
 */
export const Prec = {
  /** `a + b`, `a - b` */
  Add: 1,
  /** `a \odot b`, `a \oslash b` */
  Hadamard: 2,
  /** `a b`, `a \cdot 2`, and `1 \times 10^{-7}` */
  Mul: 3,
  /** `-a`, `+a` */
  Unary: 4,
  /** `a^{b}`, `e^{x}`, `A^{\top}`: carries a superscript, so it cannot take another */
  Pow: 5,
  /** `\frac{a}{b}`, `\sqrt{x}`, `\log x`, `\sum_{j} x_j`, `\operatorname{f}\left(x\right)`, indicators */
  App: 6,
  /** names, `x_i`, plain numbers, `\delta_{ik}`, `\left|x\right|`, anything in `\left( \right)` */
  Atom: 7,
} as const;
export type Prec = (typeof Prec)[keyof typeof Prec];

/** A rendered piece of LaTeX and what its surroundings need to know about it. */
export interface Rendered {
  readonly tex: string;
  readonly prec: Prec;
  /** It begins with a multi-letter `\mathrm{...}` name (juxtaposition then needs `\,`). */
  readonly startsWord?: boolean;
  /** It ends with a multi-letter `\mathrm{...}` name. */
  readonly endsWord?: boolean;
}

export function rendered(tex: string, prec: Prec, flags: { startsWord?: boolean; endsWord?: boolean } = {}): Rendered {
  return { tex, prec, ...flags };
}

/** `\left(tex\right)`: an atom. */
export function paren(tex: string): Rendered {
  return rendered(`\\left(${tex}\\right)`, Prec.Atom);
}

/** What a function renderer can ask of the renderer that called it. */
export interface RenderContext {
  /**
   * True when a factor will be juxtaposed (or `\odot`-ed) right after this call, so a
   * rendering that would swallow it (`\log x`, `\sum_{j} x_j`) must close itself.
   */
  readonly followed: boolean;
  /** Renders a sub-expression standing alone (in braces, a subscript, a parenthesis). */
  render(e: Expr): Rendered;
  /** Renders `e`, parenthesized unless its precedence is at least `min`. */
  operand(e: Expr, min: Prec): Rendered;
  /** A subscript list: `ik` when every entry renders as one character, else `i,k+1`. */
  subscript(items: readonly Expr[]): string;
  /** The generic rendering `\operatorname{name}\left(a, b\right)`. */
  generic(name: string, args: readonly Expr[]): Rendered;
}

export interface FunctionRenderer {
  /** The numbers of arguments this entry renders, inclusive; other calls render generically. */
  readonly arity: readonly [min: number, max: number];
  render(args: readonly Expr[], ctx: RenderContext): Rendered;
}

/** `\log x` for a bare atom (not followed by a factor), else `\log\left(E\right)`. */
function operatorStyle(command: string): FunctionRenderer {
  return {
    arity: [1, 1],
    render([arg], ctx) {
      const r = ctx.render(arg);
      if (r.prec === Prec.Atom && !ctx.followed) return rendered(`${command} ${r.tex}`, Prec.App);
      return rendered(`${command}\\left(${r.tex}\\right)`, Prec.App);
    },
  };
}

/** `\sigma\left(E\right)`, `\max\left(a, b\right)`: always with parentheses. */
function parenStyle(command: string, arity: readonly [number, number] = [1, 1]): FunctionRenderer {
  return {
    arity,
    render(args, ctx) {
      return rendered(`${command}\\left(${args.map((a) => ctx.render(a).tex).join(', ')}\\right)`, Prec.App);
    },
  };
}

/**
 * `sum(A, 1)` / `mean(A, 2)` reduce an array along an axis (docs/syntax.md): axis 1
 * runs over the rows (one value per column), axis 2 over the columns. The syntax
 * tree does not say whether the first argument is an array or an index, so the
 * reading is the one the language allows: an axis is the literal 1 or 2 after a
 * name that is not a one-letter index (`sum(j, 1)` is the size, a sum over j).
 */
function axisReduction(args: readonly Expr[]): { array: Expr; axis: 'rows' | 'columns' } | undefined {
  if (args.length !== 2) return undefined;
  const [array, axis] = args;
  if (axis.kind !== 'number' || (axis.value !== 1 && axis.value !== 2)) return undefined;
  if (array.kind !== 'name' || /^[a-z]$/.test(array.name)) return undefined;
  return { array, axis: axis.value === 1 ? 'rows' : 'columns' };
}

/** `\operatorname{sum}_{\text{rows}}\left(dZ_2\right)`: the reduction named, the axis under it. */
function axisRenderer(name: 'sum' | 'mean'): FunctionRenderer {
  return {
    arity: [1, 2],
    render(args, ctx) {
      const reduction = axisReduction(args);
      if (!reduction) return ctx.generic(name, args);
      return rendered(`\\operatorname{${name}}_{\\text{${reduction.axis}}}\\left(${ctx.render(reduction.array).tex}\\right)`, Prec.App);
    },
  };
}

/**
 * `sum(j, E)`: `\sum_{j} E`, with E parenthesized when it is a sum or difference; `sum(k, 0, n - 1, E)`:
 * `\sum_{k=0}^{n-1} E`; `sum(A)`, `sum(A, 1)` as reductions.
 */
const sumRenderer: FunctionRenderer = {
  arity: [1, 4],
  render(args, ctx) {
    if (args.length === 1 || axisReduction(args)) return axisRenderer('sum').render(args, ctx);
    const index = args[0];
    const body = args[args.length - 1];
    const b = ctx.render(body);
    const bodyTex = b.prec < Prec.Mul || /^[-+]/.test(b.tex) ? paren(b.tex).tex : b.tex;
    const bounds = args.length === 4 ? `=${ctx.render(args[1]).tex}}^{${ctx.render(args[2]).tex}` : '';
    const tex = `\\sum_{${ctx.render(index).tex}${bounds}} ${bodyTex}`;
    // Followed by a factor, `\sum_{j} x_j y` would read as the sum of `x_j y`.
    return ctx.followed ? paren(tex) : rendered(tex, Prec.App);
  },
};

/**
 * `integral(t, a, b, E)` (`int`): `\int_{a}^{b} E \, dt`; `integrate(E, t, a, b)`, SymPy's order, alike; the
 * indefinite `integral(E, x)`: `\int E \, dx`.
 * An infinite bound is `\infty` (or `-\infty`), as the names of infinity render everywhere.
 */
function integralRenderer(sympyOrder: boolean): FunctionRenderer {
  return {
    arity: [2, 4],
    render(args, ctx) {
      if (args.length === 3) return ctx.generic(sympyOrder ? 'integrate' : 'integral', args);
      // Two arguments: the indefinite integral, integral(E, x) (or integral(x, E) where only x is a bare name).
      const indefinite = args.length === 2;
      const [body, variable, lower, upper] = indefinite ? (args[1].kind === 'name' ? [args[0], args[1]] : [args[1], args[0]])
        : sympyOrder ? args : [args[3], args[0], args[1], args[2]];
      const b = ctx.render(body);
      const bodyTex = b.prec < Prec.Mul || /^[-+]/.test(b.tex) ? paren(b.tex).tex : b.tex;
      const limits = lower === undefined || upper === undefined ? '' : `_{${ctx.render(lower).tex}}^{${ctx.render(upper).tex}}`;
      const tex = `\\int${limits} ${bodyTex} \\, d${ctx.operand(variable, Prec.Atom).tex}`;
      return ctx.followed ? paren(tex) : rendered(tex, Prec.App);
    },
  };
}

/**
 * `E(t, normal(mu, s), f)`: `\mathbb{E}_{t \sim \mathcal{N}(\mu, s^{2})}\left[f\right]`, the
 * distribution as the books print it (the normal with its variance, the others by their
 * short names: Exp, U, Gam, Beta, Bern, Bin, Pois, Geom, Lap).
 */
const expectationRenderer = (operator: string): FunctionRenderer => ({
  arity: [3, 3],
  render(args, ctx) {
    const [variable, dist, body] = args;
    let law: string;
    if (dist.kind === 'call') {
      const name = DISTRIBUTION_TEX[dist.name] ?? `\\operatorname{${dist.name.replace(/_/g, '\\_')}}`;
      // normal(mu, s) takes the standard deviation, printed squared; N(mu, v) the variance, printed as written.
      const params = dist.args.map((a, i) => (name === '\\mathcal{N}' && i === 1 && dist.name !== 'N' ? ctx.operand(a, Prec.Pow).tex + '^{2}' : ctx.render(a).tex));
      law = `${name}\\left(${params.join(', ')}\\right)`;
    } else law = ctx.render(dist).tex;
    return rendered(`${operator}_{${ctx.operand(variable, Prec.Atom).tex} \\sim ${law}}\\left[${ctx.render(body).tex}\\right]`, Prec.Atom);
  },
});

const DISTRIBUTION_TEX: Readonly<Record<string, string>> = {
  normal: '\\mathcal{N}', gaussian: '\\mathcal{N}', norm: '\\mathcal{N}', N: '\\mathcal{N}',
  exponential: '\\operatorname{Exp}', expon: '\\operatorname{Exp}', Exp: '\\operatorname{Exp}',
  uniform: '\\mathcal{U}', Uniform: '\\mathcal{U}', U: '\\mathcal{U}', laplace: '\\operatorname{Laplace}',
  gamma: '\\operatorname{Gam}', beta: '\\operatorname{Beta}', bernoulli: '\\operatorname{Bern}', Bernoulli: '\\operatorname{Bern}',
  binomial: '\\operatorname{Bin}', binom: '\\operatorname{Bin}', poisson: '\\operatorname{Pois}', Poisson: '\\operatorname{Pois}',
  geometric: '\\operatorname{Geom}', geom: '\\operatorname{Geom}',
};

/**
 * `limit(h, a, E)` (`lim`): `\lim_{h \to a} E`, one-sided `\lim_{h \to a^{+}} E` with a
 * fourth argument `right` (`left`: `a^{-}`); SymPy's `limit(E, h, a)` alike, told by its
 * expression first (a bare name first is our order).
 */
const limitRenderer: FunctionRenderer = {
  arity: [3, 4],
  render(args, ctx) {
    const sympyOrder = args[0].kind !== 'name' && args[1].kind === 'name';
    const [body, variable, point] = sympyOrder ? args : [args[2], args[0], args[1]];
    const side = args[3]?.kind === 'name' ? ({ right: '+', above: '+', plus: '+', left: '-', below: '-', minus: '-' } as Record<string, string>)[args[3].name] : undefined;
    const b = ctx.render(body);
    const bodyTex = b.prec < Prec.Mul || /^[-+]/.test(b.tex) ? paren(b.tex).tex : b.tex;
    const to = `${ctx.render(point).tex}${side ? `^{${side}}` : ''}`;
    const tex = `\\lim_{${ctx.operand(variable, Prec.Atom).tex} \\to ${to}} ${bodyTex}`;
    return ctx.followed ? paren(tex) : rendered(tex, Prec.App);
  },
};

/**
 * `diff(F, v)`: `\frac{\partial F}{\partial v}`, or `\frac{\partial}{\partial v}\left(F\right)`
 * when F is not compact. Nested diffs are one higher derivative, variables listed outermost
 * first: `diff(diff(F, v), w)` is `\frac{\partial^{2} F}{\partial w \partial v}`, and
 * `diff(diff(F, v), v)` is `\frac{\partial^{2} F}{\partial v^{2}}`.
 */
const diffRenderer: FunctionRenderer = {
  arity: [2, 9],
  render(args, ctx) {
    // diff(F, x, y) is diff(diff(F, x), y): the variables, outermost first.
    const vars: Expr[] = withOrders(args.slice(1)).reverse();
    let f = args[0];
    while (f.kind === 'call' && f.name === 'diff' && f.args.length >= 2) {
      vars.push(...withOrders(f.args.slice(1)).reverse());
      f = f.args[0];
    }
    if (vars.length === 0) return ctx.render(f);
    // `vars` is outermost first, the order the denominator lists them in.
    const groups: { tex: string; count: number }[] = [];
    for (const v of vars) {
      const tex = ctx.operand(v, Prec.Atom).tex;
      const last = groups[groups.length - 1];
      if (last && last.tex === tex) last.count++;
      else groups.push({ tex, count: 1 });
    }
    const den = groups.map((g) => (g.count === 1 ? `\\partial ${g.tex}` : `\\partial ${g.tex}^{${g.count}}`)).join(' ');
    const order = vars.length === 1 ? '\\partial' : `\\partial^{${vars.length}}`;
    const r = ctx.render(f);
    const compact = r.prec >= Prec.Pow && !(f.kind === 'binary' && f.op === '/');
    const tex = compact
      ? `\\frac{${order} ${r.tex}}{${den}}`
      : `\\frac{${order}}{${den}}\\left(${r.tex}\\right)`;
    return rendered(tex, Prec.App);
  },
};

/** SymPy's orders written out, as the model reads them: [x, 2, y] is [x, x, y], [x, 0] is []. */
function withOrders(vars: readonly Expr[]): Expr[] {
  const out: Expr[] = [];
  for (const v of vars) {
    const previous = out[out.length - 1];
    if (v.kind === 'number' && Number.isInteger(v.value) && v.value >= 0 && v.value <= 8 && previous !== undefined && previous.kind !== 'number') {
      if (v.value === 0) out.pop();
      for (let k = 1; k < v.value; k++) out.push(previous);
    } else out.push(v);
  }
  return out;
}

const naturalLog = operatorStyle('\\log');

/**
 * The function renderers, keyed by the function's name in the expression language.
 * One entry per function.
 */
/** An expression at a point as books set it: a bar with the point below, f'(x)|_{x = 2}. */
const atPointRenderer: FunctionRenderer = {
  arity: [3, 17],
  render: ([body, ...pairs], ctx) => {
    const point: string[] = [];
    for (let p = 0; p + 1 < pairs.length; p += 2) point.push(`${ctx.render(pairs[p]).tex} = ${ctx.render(pairs[p + 1]).tex}`);
    return rendered(`\\left.${ctx.render(body).tex}\\right|_{${point.join(', ')}}`, Prec.Atom);
  },
};

/** The binomial coefficient as books set it, n over k in brackets. */
const binomialRenderer: FunctionRenderer = {
  arity: [2, 2], render: ([n, k], ctx) => rendered(`\\binom{${ctx.render(n).tex}}{${ctx.render(k).tex}}`, Prec.Atom),
};

/** The rising factorial as the books write it, (a)_k. */
const pochhammerRenderer: FunctionRenderer = {
  arity: [2, 2],
  render: ([a, k], ctx) => rendered(`\\left(${ctx.render(a).tex}\\right)_{${ctx.render(k).tex}}`, Prec.Atom),
};

/** A definition by cases, where(c, a, b) and c ? a : b, as books set it: a brace over the two cases. */
const casesRenderer: FunctionRenderer = {
  arity: [3, 3],
  render: ([condition, then, otherwise], ctx) => {
    // The condition is read as a statement, not as the 0/1 value a comparison elsewhere is: x > 0, not 1(x > 0).
    const tex = ctx.render(condition).tex;
    const single = condition.kind === 'binary' && ['<', '<=', '>', '>=', '==', '!='].includes(condition.op);
    const test = !single ? tex : tex.replace(/^\\mathbb\{1\}\\left\((.*)\\right\)$/s, '$1');
    return rendered(`\\begin{cases} ${ctx.render(then).tex} & \\text{if } ${test} \\\\ ${ctx.render(otherwise).tex} & \\text{otherwise} \\end{cases}`, Prec.Atom);
  },
};

export const FUNCTION_RENDERERS: Readonly<Record<string, FunctionRenderer>> = {
  where: casesRenderer,
  matmul: { arity: [2, 2], render: ([a, b], ctx) => rendered(`${paren(ctx.render(a).tex).tex} ${paren(ctx.render(b).tex).tex}`, Prec.Mul) },
  exp: {
    arity: [1, 1],
    render: ([x], ctx) => rendered(`e^{${ctx.render(x).tex}}`, Prec.Pow),
  },
  log: {
    arity: [1, 2],
    render(args, ctx) {
      if (args.length === 1) return naturalLog.render(args, ctx);
      // math.js `log(x, base)`
      return operatorStyle(`\\log_{${ctx.render(args[1]).tex}}`).render([args[0]], ctx);
    },
  },
  sqrt: {
    arity: [1, 1],
    render: ([x], ctx) => rendered(`\\sqrt{${ctx.render(x).tex}}`, Prec.App),
  },
  tanh: operatorStyle('\\tanh'),
  sin: operatorStyle('\\sin'),
  cos: operatorStyle('\\cos'),
  sigmoid: parenStyle('\\sigma'),
  softplus: parenStyle('\\operatorname{softplus}'),
  relu: parenStyle('\\operatorname{relu}'),
  abs: {
    arity: [1, 1],
    render: ([x], ctx) => rendered(`\\left|${ctx.render(x).tex}\\right|`, Prec.Atom),
  },
  floor: {
    arity: [1, 1],
    render: ([x], ctx) => rendered(`\\left\\lfloor ${ctx.render(x).tex}\\right\\rfloor`, Prec.Atom),
  },
  ceil: {
    arity: [1, 1],
    render: ([x], ctx) => rendered(`\\left\\lceil ${ctx.render(x).tex}\\right\\rceil`, Prec.Atom),
  },
  max: parenStyle('\\max', [1, Infinity]),
  min: parenStyle('\\min', [1, Infinity]),
  sinh: operatorStyle('\\sinh'),
  cosh: operatorStyle('\\cosh'),
  sech: operatorStyle('\\operatorname{sech}'),
  asinh: operatorStyle('\\operatorname{arsinh}'),
  atan: operatorStyle('\\arctan'),
  asin: operatorStyle('\\arcsin'),
  arcsin: operatorStyle('\\arcsin'),
  acos: operatorStyle('\\arccos'),
  arccos: operatorStyle('\\arccos'),
  arctan: operatorStyle('\\arctan'),
  tan: operatorStyle('\\tan'),
  cot: operatorStyle('\\cot'),
  sec: operatorStyle('\\sec'),
  csc: operatorStyle('\\csc'),
  coth: operatorStyle('\\coth'),
  csch: operatorStyle('\\operatorname{csch}'),
  arsinh: operatorStyle('\\operatorname{arsinh}'),
  arcsinh: operatorStyle('\\operatorname{arsinh}'),
  atanh: operatorStyle('\\operatorname{artanh}'),
  artanh: operatorStyle('\\operatorname{artanh}'),
  arctanh: operatorStyle('\\operatorname{artanh}'),
  acosh: operatorStyle('\\operatorname{arcosh}'),
  arcosh: operatorStyle('\\operatorname{arcosh}'),
  arccosh: operatorStyle('\\operatorname{arcosh}'),
  ln: operatorStyle('\\ln'),
  gelu: parenStyle('\\operatorname{GELU}'),
  silu: parenStyle('\\operatorname{SiLU}'),
  swish: parenStyle('\\operatorname{swish}'),
  mish: parenStyle('\\operatorname{mish}'),
  elu: parenStyle('\\operatorname{ELU}'),
  leaky_relu: parenStyle('\\operatorname{LeakyReLU}', [2, 2]),
  softsign: parenStyle('\\operatorname{softsign}'),
  logit: parenStyle('\\operatorname{logit}'),
  softplus_inverse: parenStyle('\\operatorname{softplus}^{-1}'),
  asec: operatorStyle('\\operatorname{arcsec}'),
  arcsec: operatorStyle('\\operatorname{arcsec}'),
  acsc: operatorStyle('\\operatorname{arccsc}'),
  arccsc: operatorStyle('\\operatorname{arccsc}'),
  acot: operatorStyle('\\operatorname{arccot}'),
  arccot: operatorStyle('\\operatorname{arccot}'),
  asech: operatorStyle('\\operatorname{arsech}'),
  arsech: operatorStyle('\\operatorname{arsech}'),
  acsch: operatorStyle('\\operatorname{arcsch}'),
  arcsch: operatorStyle('\\operatorname{arcsch}'),
  acoth: operatorStyle('\\operatorname{arcoth}'),
  arcoth: operatorStyle('\\operatorname{arcoth}'),
  relu6: parenStyle('\\operatorname{ReLU6}'),
  hardtanh: parenStyle('\\operatorname{hardtanh}'),
  hardsigmoid: parenStyle('\\operatorname{hardsigmoid}'),
  hardswish: parenStyle('\\operatorname{hardswish}'),
  clamp: parenStyle('\\operatorname{clamp}', [3, 3]),
  clip: parenStyle('\\operatorname{clip}', [3, 3]),
  selu: parenStyle('\\operatorname{SELU}'),
  logsigmoid: parenStyle('\\log\\sigma'),
  log_sigmoid: parenStyle('\\log\\sigma'),
  expit: parenStyle('\\operatorname{expit}'),
  sgn: parenStyle('\\operatorname{sgn}'),
  mod: {
    arity: [2, 2],
    render: ([x, y], ctx) => rendered(`${ctx.operand(x, Prec.Mul).tex} \\bmod ${ctx.operand(y, Prec.Mul).tex}`, Prec.Add),
  },
  round: {
    arity: [1, 1],
    render: ([x], ctx) => rendered(`\\left\\lfloor ${ctx.render(x).tex}\\right\\rceil`, Prec.Atom),
  },
  heaviside: parenStyle('H'),
  log_softmax: parenStyle('\\log\\operatorname{softmax}'),
  logsoftmax: parenStyle('\\log\\operatorname{softmax}'),
  σ: parenStyle('\\sigma'),
  Φ: parenStyle('\\Phi'),
  φ: parenStyle('\\phi'),
  ζ: parenStyle('\\zeta'),
  log2: operatorStyle('\\log_2'),
  log10: operatorStyle('\\log_{10}'),
  log_2: operatorStyle('\\log_2'),
  log_10: operatorStyle('\\log_{10}'),
  pow: { arity: [2, 2], render: ([x, y], ctx) => rendered(`${ctx.operand(x, Prec.Atom).tex}^{${ctx.render(y).tex}}`, Prec.Pow) },
  cbrt: { arity: [1, 1], render: ([x], ctx) => rendered(`\\sqrt[3]{${ctx.render(x).tex}}`, Prec.App) },
  sign: parenStyle('\\operatorname{sign}'),
  log1p: {
    arity: [1, 1],
    render([x], ctx) {
      // 1 + (-a + b) is 1 - a + b: a leading minus joins the 1, never "1 + -a"; a leading plus is the 1's own.
      const tex = ctx.render(x).tex;
      const joined = tex.startsWith('-') ? `- ${tex.slice(1).trimStart()}` : tex.startsWith('+') ? `+ ${tex.slice(1).trimStart()}` : `+ ${tex}`;
      return rendered(`\\log\\left(1 ${joined}\\right)`, Prec.App);
    },
  },
  expm1: { arity: [1, 1], render: ([x], ctx) => rendered(`e^{${ctx.render(x).tex}} - 1`, Prec.Add) },
  erf: operatorStyle('\\operatorname{erf}'),
  erfc: operatorStyle('\\operatorname{erfc}'),
  erfinv: operatorStyle('\\operatorname{erf}^{-1}'),
  Phi: parenStyle('\\Phi'),
  factorial: { arity: [1, 1], render: ([n], ctx) => rendered(`${ctx.operand(n, Prec.Atom).tex}!`, Prec.Pow) },
  binomial: binomialRenderer,
  nchoosek: binomialRenderer,
  choose: binomialRenderer,
  combinations: binomialRenderer,
  phi: parenStyle('\\varphi'),
  subs: atPointRenderer,
  at: atPointRenderer,
  gamma: parenStyle('\\Gamma'),
  Γ: parenStyle('\\Gamma'),
  lgamma: parenStyle('\\ln\\Gamma'),
  gammaln: parenStyle('\\ln\\Gamma'),
  loggamma: parenStyle('\\ln\\Gamma'),
  lngamma: parenStyle('\\ln\\Gamma'),
  digamma: parenStyle('\\psi'),
  psi: parenStyle('\\psi'),
  ψ: parenStyle('\\psi'),
  trigamma: parenStyle('\\psi_1'),
  zeta: parenStyle('\\zeta'),
  probit: parenStyle('\\Phi^{-1}'),
  ndtri: parenStyle('\\Phi^{-1}'),
  norminv: parenStyle('\\Phi^{-1}'),
  polygamma: { arity: [2, 2], render: ([n, x], ctx) => rendered(`\\psi^{(${ctx.render(n).tex})}\\left(${ctx.render(x).tex}\\right)`, Prec.App) },
  beta: parenStyle('\\mathrm{B}', [2, 2]),
  betaln: parenStyle('\\ln\\mathrm{B}', [2, 2]),
  lbeta: parenStyle('\\ln\\mathrm{B}', [2, 2]),
  pochhammer: pochhammerRenderer,
  poch: pochhammerRenderer,
  rf: pochhammerRenderer,
  rising_factorial: pochhammerRenderer,
  ff: parenStyle('\\operatorname{ff}', [2, 2]),
  falling_factorial: parenStyle('\\operatorname{ff}', [2, 2]),
  hypot: parenStyle('\\operatorname{hypot}', [2, 2]),
  // PRML's N(x | mu, sigma^2), as it was written.
  normal_density: {
    arity: [3, 3],
    render: ([x, m, v], ctx) => rendered(`\\mathcal{N}\\left(${ctx.render(x).tex} \\mid ${ctx.render(m).tex}, ${ctx.render(v).tex}\\right)`, Prec.App),
  },
  normpdf: parenStyle('\\operatorname{normpdf}', [3, 3]),
  atan2: parenStyle('\\operatorname{atan2}', [2, 2]),
  logaddexp: parenStyle('\\operatorname{logaddexp}', [2, 2]),
  logaddexp2: parenStyle('\\operatorname{logaddexp2}', [2, 2]),
  log1pexp: parenStyle('\\operatorname{log1pexp}'),
  erfcx: operatorStyle('\\operatorname{erfcx}'),
  ndtr: parenStyle('\\Phi'),
  log_ndtr: parenStyle('\\log\\Phi'),
  norm: {
    arity: [1, 2],
    render: (args, ctx) => rendered(`\\left\\|${ctx.render(args[0]).tex}\\right\\|${args.length === 2 ? `_{${ctx.render(args[1]).tex}}` : ''}`, Prec.Atom),
  },
  logsumexp: parenStyle('\\operatorname{logsumexp}', [1, 2]),
  prod: parenStyle('\\operatorname{prod}', [1, 2]),
  eye: { arity: [1, 1], render: ([n], ctx) => rendered(`I_{${ctx.render(n).tex}}`, Prec.Atom) },
  diag: parenStyle('\\operatorname{diag}'),
  tr: operatorStyle('\\operatorname{tr}'),
  det: operatorStyle('\\det'),
  logdet: operatorStyle('\\log\\det'),
  adj: operatorStyle('\\operatorname{adj}'),
  adjugate: operatorStyle('\\operatorname{adj}'),
  inv: { arity: [1, 1], render: ([x], ctx) => rendered(`${ctx.operand(x, Prec.Atom).tex}^{-1}`, Prec.Pow) },
  delta: {
    arity: [2, 2],
    render: (args, ctx) => rendered(`\\delta_{${ctx.subscript(args)}}`, Prec.Atom),
  },
  sum: sumRenderer,
  integral: integralRenderer(false),
  limit: limitRenderer,
  E: expectationRenderer('\\mathbb{E}'),
  expectation: expectationRenderer('\\mathbb{E}'),
  expect: expectationRenderer('\\mathbb{E}'),
  Var: expectationRenderer('\\operatorname{Var}'),
  variance: expectationRenderer('\\operatorname{Var}'),
  lim: limitRenderer,
  int: integralRenderer(false),
  integrate: integralRenderer(true),
  mean: axisRenderer('mean'),
  diff: diffRenderer,
  // The Jacobian in numerator layout, written as the derivative of a vector by a vector.
  jacobian: diffRenderer,
  dot: { arity: [2, 2], render: ([a, b], ctx) => rendered(`${ctx.operand(a, Prec.Mul).tex} \\cdot ${ctx.operand(b, Prec.Unary).tex}`, Prec.Mul) },
};
