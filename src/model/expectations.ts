/**
 * Expectations over the distributions of the probability books, written as the
 * books write them, `E(t, normal(mu, s), t^2)`: E[t^2] for t ~ N(mu, s^2). Each is
 * read as what it is, an integral of the body times the density, or a sum over the
 * support times the probability mass, built as the expression a user would write
 * (`integral(t, -Infinity, Infinity, t^2 * exp(-(t - mu)^2 / (2 s^2)) / sqrt(2 pi s^2))`)
 * and resolved like it: the integrals' closed forms prove the moments, the numbers check
 * them by quadrature and series. Nothing here computes a value.
 */
import { DerivationError, diagnostic } from '../diagnostics/index.ts';
import type { CallExpr, Expr, Span } from '../syntax/index.ts';
import { PI_CONSTANT } from './written-names.ts';

/** The names of an expectation: `E(t, D, f)`, `expectation(t, D, f)`, `expect(t, D, f)`; and of a variance, `Var(t, D, f)`. */
export const EXPECTATION_NAMES: ReadonlySet<string> = new Set(['E', 'expectation', 'expect', 'Var', 'variance']);
const VARIANCE_NAMES: ReadonlySet<string> = new Set(['Var', 'variance']);

type Build = (variable: string, body: Expr, params: readonly Expr[], at: Builders) => Expr;

interface Distribution {
  /** Its parameters, as the message names them. */
  readonly params: readonly string[];
  /** What it is, for the docs and messages. */
  readonly reads: string;
  /** A density, integrated (else a probability mass, summed). */
  readonly continuous?: true;
  readonly build: Build;
}

/** Builders of syntax nodes, all at the span of the expectation written. */
interface Builders {
  num(text: string): Expr;
  name(n: string): Expr;
  call(n: string, ...args: Expr[]): Expr;
  bin(op: '+' | '-' | '*' | '/' | '^', l: Expr, r: Expr): Expr;
  neg(x: Expr): Expr;
  /** The entry of an array at an index: p[k], softmax(z)[k]. */
  entry(array: Expr, index: Expr): Expr;
  /** The body with the variable read as another expression (a number, a sum's index). */
  at(body: Expr, variable: string, value: Expr): Expr;
  /** A name for a sum's index that the body does not use. */
  fresh(body: Expr): string;
}

const integral = (b: Builders, v: string, lower: Expr, upper: Expr, integrand: Expr) => b.call('integral', b.name(v), lower, upper, integrand);
const infinity = (b: Builders) => b.name('Infinity');

/** The distributions, by the names scipy.stats and the books use. */
export const DISTRIBUTIONS: Readonly<Record<string, Distribution>> = {
  normal: {
    continuous: true,
    params: ['mu', 'sigma'], reads: 'the normal with mean mu and standard deviation sigma (numpy\'s scale), N(mu, sigma^2)',
    build: (v, f, [mu, s], b) => integral(b, v, b.neg(infinity(b)), infinity(b), b.bin('*', f,
      b.bin('/', b.call('exp', b.neg(b.bin('/', b.bin('^', b.bin('-', b.name(v), mu), b.num('2')), b.bin('*', b.num('2'), b.bin('^', s, b.num('2')))))),
        b.call('sqrt', b.bin('*', b.bin('*', b.num('2'), b.name(PI_CONSTANT)), b.bin('^', s, b.num('2'))))))),
  },
  N: {
    continuous: true,
    params: ['mu', 'sigma^2'], reads: 'the normal N(mu, sigma^2) as the books write it, by its variance (normal(mu, sigma) takes the standard deviation)',
    build: (v, f, [mu, variance], b) => DISTRIBUTIONS.normal.build(v, f, [mu, b.call('sqrt', variance)], b),
  },
  exponential: {
    continuous: true,
    params: ['lambda'], reads: 'the exponential with rate lambda, on t >= 0',
    build: (v, f, [l], b) => integral(b, v, b.num('0'), infinity(b), b.bin('*', f, b.bin('*', l, b.call('exp', b.neg(b.bin('*', l, b.name(v))))))),
  },
  uniform: {
    continuous: true,
    params: ['a', 'b'], reads: 'the uniform on [a, b]',
    build: (v, f, [lo, hi], b) => integral(b, v, lo, hi, b.bin('/', f, b.bin('-', hi, lo))),
  },
  laplace: {
    continuous: true,
    params: ['mu', 'b'], reads: 'the Laplace with location mu and scale b',
    build: (v, f, [mu, s], b) => integral(b, v, b.neg(infinity(b)), infinity(b), b.bin('*', f,
      b.bin('/', b.call('exp', b.neg(b.bin('/', b.call('abs', b.bin('-', b.name(v), mu)), s))), b.bin('*', b.num('2'), s)))),
  },
  gamma: {
    continuous: true,
    params: ['a', 'b'], reads: 'the gamma with shape a and rate b (Bishop\'s Gam(t | a, b)), on t >= 0',
    build: (v, f, [a, r], b) => integral(b, v, b.num('0'), infinity(b), b.bin('*', f, b.bin('/',
      b.bin('*', b.bin('*', b.bin('^', r, a), b.bin('^', b.name(v), b.bin('-', a, b.num('1')))), b.call('exp', b.neg(b.bin('*', r, b.name(v))))),
      b.call('gamma', a)))),
  },
  chi2: {
    continuous: true,
    params: ['k'], reads: 'the chi-squared with k degrees of freedom, the gamma with shape k/2 and rate 1/2, on t >= 0',
    build: (v, f, [k], b) => DISTRIBUTIONS.gamma.build(v, f, [b.bin('/', k, b.num('2')), b.bin('/', b.num('1'), b.num('2'))], b),
  },
  studentt: {
    continuous: true,
    params: ['nu'], reads: 'Student\'s t with nu degrees of freedom',
    build: (v, f, [nu], b) => integral(b, v, b.neg(infinity(b)), infinity(b), b.bin('*', f, b.bin('/',
      b.bin('*', b.call('gamma', b.bin('/', b.bin('+', nu, b.num('1')), b.num('2'))),
        b.bin('^', b.bin('+', b.num('1'), b.bin('/', b.bin('^', b.name(v), b.num('2')), nu)), b.neg(b.bin('/', b.bin('+', nu, b.num('1')), b.num('2'))))),
      b.bin('*', b.call('sqrt', b.bin('*', nu, b.name(PI_CONSTANT))), b.call('gamma', b.bin('/', nu, b.num('2'))))))),
  },
  lognormal: {
    continuous: true,
    params: ['mu', 'sigma'], reads: 'the log-normal whose log is normal with mean mu and standard deviation sigma, on t > 0',
    build: (v, f, [mu, s], b) => integral(b, v, b.num('0'), infinity(b), b.bin('*', f,
      b.bin('/', b.call('exp', b.neg(b.bin('/', b.bin('^', b.bin('-', b.call('log', b.name(v)), mu), b.num('2')), b.bin('*', b.num('2'), b.bin('^', s, b.num('2')))))),
        b.bin('*', b.name(v), b.bin('*', s, b.call('sqrt', b.bin('*', b.num('2'), b.name(PI_CONSTANT)))))))),
  },
  beta: {
    continuous: true,
    params: ['a', 'b'], reads: 'the beta with shapes a and b, on [0, 1]',
    build: (v, f, [a, c], b) => integral(b, v, b.num('0'), b.num('1'), b.bin('*', f, b.bin('/',
      b.bin('*', b.bin('^', b.name(v), b.bin('-', a, b.num('1'))), b.bin('^', b.bin('-', b.num('1'), b.name(v)), b.bin('-', c, b.num('1')))),
      b.call('beta', a, c)))),
  },
  bernoulli: {
    params: ['p'], reads: 'the Bernoulli with P(t = 1) = p',
    build: (v, f, [p], b) => b.bin('+', b.bin('*', b.bin('-', b.num('1'), p), b.at(f, v, b.num('0'))), b.bin('*', p, b.at(f, v, b.num('1')))),
  },
  binomial: {
    params: ['n', 'p'], reads: 'the binomial of n trials (a size or a whole number) of probability p',
    build: (v, f, [n, p], b) => {
      const k = b.fresh(f);
      return b.call('sum', b.name(k), b.num('0'), n, b.bin('*', b.at(f, v, b.name(k)),
        b.bin('*', b.call('binomial', n, b.name(k)), b.bin('*', b.bin('^', p, b.name(k)), b.bin('^', b.bin('-', b.num('1'), p), b.bin('-', n, b.name(k)))))));
    },
  },
  poisson: {
    params: ['lambda'], reads: 'the Poisson of mean lambda',
    build: (v, f, [l], b) => {
      const k = b.fresh(f);
      return b.call('sum', b.name(k), b.num('0'), infinity(b), b.bin('*', b.at(f, v, b.name(k)),
        b.bin('/', b.bin('*', b.call('exp', b.neg(l)), b.bin('^', l, b.name(k))), b.call('factorial', b.name(k)))));
    },
  },
  negbinomial: {
    params: ['r', 'p'], reads: 'the negative binomial of the failures before the r-th success, t = 0, 1, ..., of probability p (scipy\'s nbinom(r, p))',
    build: (v, f, [r, p], b) => {
      const k = b.fresh(f);
      return b.call('sum', b.name(k), b.num('0'), infinity(b), b.bin('*', b.at(f, v, b.name(k)),
        b.bin('*', b.bin('/', b.call('gamma', b.bin('+', b.name(k), r)), b.bin('*', b.call('gamma', r), b.call('factorial', b.name(k)))),
          b.bin('*', b.bin('^', p, r), b.bin('^', b.bin('-', b.num('1'), p), b.name(k))))));
    },
  },
  categorical: {
    params: ['p'], reads: 'the categorical over the positions of a probability vector p (softmax(z), a one-hot y): t = j with probability p[j]',
    build: (v, f, [p], b) => {
      const k = b.fresh(f);
      return b.call('sum', b.name(k), b.bin('*', b.entry(p, b.name(k)), b.at(f, v, b.name(k))));
    },
  },
  geometric: {
    params: ['p'], reads: 'the geometric of the trial of the first success, t = 1, 2, ..., of probability p',
    build: (v, f, [p], b) => {
      const k = b.fresh(f);
      return b.call('sum', b.name(k), b.num('1'), infinity(b), b.bin('*', b.at(f, v, b.name(k)),
        b.bin('*', p, b.bin('^', b.bin('-', b.num('1'), p), b.bin('-', b.name(k), b.num('1'))))));
    },
  },
};

/** Other names of the distributions (scipy.stats', the books'). */
const ALIASES: Readonly<Record<string, string>> = {
  gaussian: 'normal', Gaussian: 'normal', norm: 'normal', Normal: 'N', expon: 'exponential', Exp: 'exponential', Exponential: 'exponential', Expo: 'exponential',
  Bernoulli: 'bernoulli', Bern: 'bernoulli', Ber: 'bernoulli', Poisson: 'poisson', Pois: 'poisson', Poi: 'poisson',
  Uniform: 'uniform', Unif: 'uniform', U: 'uniform', binom: 'binomial', Binomial: 'binomial', Binom: 'binomial', Bin: 'binomial',
  Cat: 'categorical', Categorical: 'categorical', Multinoulli: 'categorical', multinoulli: 'categorical',
  chisquare: 'chi2', chisq: 'chi2', ChiSq: 'chi2', Chi2: 'chi2', t: 'studentt', StudentT: 'studentt', student_t: 'studentt',
  nbinom: 'negbinomial', NegBin: 'negbinomial', NB: 'negbinomial', negative_binomial: 'negbinomial', lognorm: 'lognormal', LogNormal: 'lognormal', Lognormal: 'lognormal',
  geom: 'geometric', Geom: 'geometric', Geometric: 'geometric', Geo: 'geometric', Beta: 'beta', Gamma: 'gamma', Gam: 'gamma', Laplace: 'laplace',
};

/**
 * `E(t, D(params), f)` as the integral or sum it is, built from syntax nodes at the
 * call's span. `isDeclared` tells a user's own name from a distribution's.
 * @throws DerivationError for a distribution not in the table, a wrong count of
 * parameters or arguments, or a variable that is not a name.
 */
export function expectationExpr(call: CallExpr, file: string, realScalar: (name: string) => boolean, isVector: (e: Expr) => boolean): Expr {
  const form = `${call.name}(t, normal(mu, sigma), f(t))`;
  const what = VARIANCE_NAMES.has(call.name) ? 'variance' : 'expectation';
  if (call.args.length !== 3) {
    throw new DerivationError(diagnostic('arity', `${call.name} takes a variable, its distribution and an expression, got ${call.args.length} argument${call.args.length === 1 ? '' : 's'}`, file, call.span,
      `write ${form}: the ${what} of f(t) for t drawn from the distribution`));
  }
  const [variable, dist, body] = call.args;
  if (variable.kind !== 'name') {
    throw new DerivationError(diagnostic('unsupported', `the first argument of ${call.name} is the random variable's name`, file, variable.span, `write ${form}`));
  }
  const named = dist.kind === 'call' ? ALIASES[dist.name] ?? dist.name : undefined;
  // A probability vector where the distribution stands (E_{j ~ softmax(z)}[z_j], E_{k ~ p}[f_k]): the categorical over its positions.
  const vector = (named === undefined || !Object.hasOwn(DISTRIBUTIONS, named)) && isVector(dist);
  const name = vector ? 'categorical' : named;
  const known = name === undefined ? undefined : Object.hasOwn(DISTRIBUTIONS, name) ? DISTRIBUTIONS[name] : undefined;
  const params = vector ? [dist] : dist.kind === 'call' ? dist.args : [];
  if ((dist.kind !== 'call' && !vector) || known === undefined) {
    throw new DerivationError(diagnostic('unsupported', `${dist.kind === 'call' ? `${dist.name} is not a distribution ${call.name} knows` : 'the second argument is the distribution, a call or a probability vector'}`, file, dist.span,
      `one of ${Object.keys(DISTRIBUTIONS).map((d) => `${d}(${DISTRIBUTIONS[d].params.join(', ')})`).join(', ')}, or a vector of probabilities`));
  }
  if (params.length !== known.params.length) {
    throw new DerivationError(diagnostic('arity', `${name} takes ${known.params.length} parameter${known.params.length === 1 ? '' : 's'} (${known.params.join(', ')}), got ${params.length}`, file, dist.span,
      `${name}(${known.params.join(', ')}) is ${known.reads}`));
  }
  // A density is integrated over its variable, which is a real input as an integral's is; a sum renames it to its index.
  if (known.continuous && !realScalar(variable.name)) {
    throw new DerivationError(diagnostic('unsupported', `${call.name} integrates ${name}'s density over its random variable, so ${variable.name} must be declared a scalar real input`, file, variable.span,
      `declare it with given ${variable.name}: real (the expectation integrates over it)`));
  }
  const b = builders(call.span, realScalar(variable.name));
  // Var[f] = E[(f - E[f])^2], as the books define it (not E[f^2] - E[f]^2, which cancels in doubles).
  const summand = VARIANCE_NAMES.has(call.name) ? b.bin('^', b.bin('-', body, known.build(variable.name, body, params, b)), b.num('2')) : body;
  return known.build(variable.name, summand, params, b);
}

/**
 * The log of each distribution's density or mass at t, as the books write it, for the Kullback-Leibler divergence.
 * Written as logs, not the log of the density, so that the closed forms of the moments meet a polynomial in t.
 * The uniform has none: its density is 0 off its interval, which a log of a constant would hide.
 */
const LOG_DENSITIES: Readonly<Record<string, (t: Expr, params: readonly Expr[], b: Builders) => Expr>> = {
  normal: (t, [mu, s], b) => b.bin('-', b.neg(b.bin('/', b.bin('^', b.bin('-', t, mu), b.num('2')), b.bin('*', b.num('2'), b.bin('^', s, b.num('2'))))),
    b.bin('/', b.call('log', b.bin('*', b.bin('*', b.num('2'), b.name(PI_CONSTANT)), b.bin('^', s, b.num('2')))), b.num('2'))),
  N: (t, [mu, variance], b) => b.bin('-', b.neg(b.bin('/', b.bin('^', b.bin('-', t, mu), b.num('2')), b.bin('*', b.num('2'), variance))),
    b.bin('/', b.call('log', b.bin('*', b.bin('*', b.num('2'), b.name(PI_CONSTANT)), variance)), b.num('2'))),
  exponential: (t, [l], b) => b.bin('-', b.call('log', l), b.bin('*', l, t)),
  laplace: (t, [mu, s], b) => b.bin('-', b.neg(b.bin('/', b.call('abs', b.bin('-', t, mu)), s)), b.call('log', b.bin('*', b.num('2'), s))),
  gamma: (t, [a, r], b) => b.bin('-', b.bin('+', b.bin('*', a, b.call('log', r)), b.bin('-', b.bin('*', b.bin('-', a, b.num('1')), b.call('log', t)), b.bin('*', r, t))), b.call('lgamma', a)),
  beta: (t, [a, c], b) => b.bin('-', b.bin('+', b.bin('*', b.bin('-', a, b.num('1')), b.call('log', t)), b.bin('*', b.bin('-', c, b.num('1')), b.call('log', b.bin('-', b.num('1'), t)))),
    b.call('log', b.call('beta', a, c))),
  bernoulli: (t, [p], b) => b.bin('+', b.bin('*', t, b.call('log', p)), b.bin('*', b.bin('-', b.num('1'), t), b.call('log', b.bin('-', b.num('1'), p)))),
  binomial: (t, [n, p], b) => b.bin('+', b.call('log', b.call('binomial', n, t)), b.bin('+', b.bin('*', t, b.call('log', p)), b.bin('*', b.bin('-', n, t), b.call('log', b.bin('-', b.num('1'), p))))),
  poisson: (t, [l], b) => b.bin('-', b.bin('-', b.bin('*', t, b.call('log', l)), l), b.call('log', b.call('factorial', t))),
  geometric: (t, [p], b) => b.bin('+', b.call('log', p), b.bin('*', b.bin('-', t, b.num('1')), b.call('log', b.bin('-', b.num('1'), p)))),
};

/** The uniform's log density on [a, b], read only as the first distribution of a divergence (under it, t lies in [a, b]). */
const UNIFORM_LOG_DENSITY = (_t: Expr, [lo, hi]: readonly Expr[], b: Builders): Expr => b.neg(b.call('log', b.bin('-', hi, lo)));

/**
 * Where each continuous family's density is positive, up to its ends (a set of measure zero): a divergence KL(P ‖ Q)
 * of densities is finite only where P's support lies in Q's. A uniform's is its interval where both ends are numbers.
 */
const SUPPORTS: Readonly<Record<string, readonly [number, number]>> = {
  normal: [-Infinity, Infinity], N: [-Infinity, Infinity], laplace: [-Infinity, Infinity], studentt: [-Infinity, Infinity],
  exponential: [0, Infinity], gamma: [0, Infinity], chi2: [0, Infinity], lognormal: [0, Infinity],
  beta: [0, 1],
};

/** A number written as one (`2`, `-1`, `1/2`), for a uniform's ends. */
function writtenNumber(e: Expr): number | undefined {
  if (e.kind === 'number') return e.value;
  if (e.kind === 'unary' && e.op === '-') { const x = writtenNumber(e.arg); return x === undefined ? undefined : -x; }
  if (e.kind === 'binary' && e.op === '/') {
    const [a, b] = [writtenNumber(e.left), writtenNumber(e.right)];
    return a === undefined || b === undefined || b === 0 ? undefined : a / b;
  }
  return undefined;
}

/** The interval a continuous distribution's density is positive on, where it is known. */
function supportOf(name: string, params: readonly Expr[]): readonly [number, number] | undefined {
  if (name !== 'uniform') return SUPPORTS[name];
  const [lo, hi] = params.map(writtenNumber);
  return lo === undefined || hi === undefined || !(lo < hi) ? undefined : [lo, hi];
}

/** Of discrete families, whose mass is positive where a Poisson's is: on 0 and 1, on 0..n, on 1, 2, ... */
const DISCRETE_WITHIN: Readonly<Record<string, ReadonlySet<string>>> = {
  poisson: new Set(['bernoulli', 'binomial', 'geometric']),
};

/** The variable a divergence of densities integrates over: a name no file writes, declared real as an integral's is. */
export const DIVERGENCE_VARIABLE = 't\u02b9';

/** The distribution a divergence's argument names, by its name in the table (aliases read). */
function distributionName(e: Expr): string | undefined {
  if (e.kind !== 'call') return undefined;
  const name = ALIASES[e.name] ?? e.name;
  return Object.hasOwn(DISTRIBUTIONS, name) ? name : undefined;
}

/**
 * Whether `E(t, D, f)` reads its t as a number of a distribution of the table (declared as an integral's variable is,
 * bound-variables.ts), not as a position of a probability vector (E_{j ~ softmax(z)}[z_j], whose j is a sum's index).
 */
export function expectationOfTable(call: CallExpr): boolean {
  const name = call.args.length === 3 ? distributionName(call.args[1]) : undefined;
  return name !== undefined && name !== 'categorical';
}

/** Whether `KL(P, Q)` integrates (its P a density), so that its variable is declared (bound-variables.ts). */
export function divergenceIntegrates(call: CallExpr): boolean {
  const name = call.args.length === 2 ? distributionName(call.args[0]) : undefined;
  return name !== undefined && DISTRIBUTIONS[name].continuous === true;
}

/**
 * `KL(P, Q)`, the books' KL(P ‖ Q) (divergence-bars.ts reads the bar): the expectation under P of log p - log q, as
 * `E(t, P, ...)` (expectationExpr), or over two probability vectors the sum of p[k] (log p[k] - log q[k]). Q's
 * density is positive wherever P's is: the same family (of the same support), or a density on the whole line.
 * @throws DerivationError for anything else, saying what it takes.
 */
export function divergenceExpr(call: CallExpr, file: string, realScalar: (name: string) => boolean, isVector: (e: Expr) => boolean): Expr {
  const form = 'KL(P ‖ Q), KL(normal(mu1, s1), normal(mu2, s2)) or KL(p ‖ q) of two probability vectors';
  if (call.args.length !== 2) {
    throw new DerivationError(diagnostic('arity', `KL takes two distributions, got ${call.args.length} argument${call.args.length === 1 ? '' : 's'}`, file, call.span, `write ${form}`));
  }
  const [first, second] = call.args;
  const b = builders(call.span, false);
  const [p, q] = [distributionName(first), distributionName(second)];
  // A categorical written as one (Cat(p)) is its probability vector.
  const vectorOf = (d: Expr, name: string | undefined) => (name === 'categorical' && d.kind === 'call' && d.args.length === 1 ? d.args[0] : name === undefined && isVector(d) ? d : undefined);
  const [pVector, qVector] = [vectorOf(first, p), vectorOf(second, q)];
  if (pVector !== undefined && qVector !== undefined) {
    const k = b.fresh(b.call('f', pVector, qVector));
    const [pk, qk] = [b.entry(pVector, b.name(k)), b.entry(qVector, b.name(k))];
    return b.call('sum', b.name(k), b.bin('*', pk, b.bin('-', b.call('log', pk), b.call('log', qk))));
  }
  const unknown = p === undefined ? first : q === undefined ? second : undefined;
  if (unknown !== undefined || p === undefined || q === undefined) {
    throw new DerivationError(diagnostic('unsupported', `KL reads two distributions of the table, or two probability vectors: ${unknown?.kind === 'call' ? `${unknown.name} is none` : 'this argument is neither'}`, file, (unknown ?? call).span,
      `write ${form}; a divergence of densities written out is E(t, P, log(p(t) / q(t)))`));
  }
  const [pParams, qParams] = [first, second].map((d) => (d as CallExpr).args);
  for (const [name, params, at] of [[p, pParams, first], [q, qParams, second]] as const) {
    if (params.length !== DISTRIBUTIONS[name].params.length) {
      throw new DerivationError(diagnostic('arity', `${name} takes ${DISTRIBUTIONS[name].params.length} parameter${DISTRIBUTIONS[name].params.length === 1 ? '' : 's'} (${DISTRIBUTIONS[name].params.join(', ')}), got ${params.length}`, file, at.span,
        `${name}(${DISTRIBUTIONS[name].params.join(', ')}) is ${DISTRIBUTIONS[name].reads}`));
    }
  }
  // A uniform's log density is a constant on its interval, where an expectation under it reads it: as P it is read, as Q
  // (0 off its interval, which a constant would hide) it is not.
  const [logP, logQ] = [LOG_DENSITIES[p] ?? (p === 'uniform' ? UNIFORM_LOG_DENSITY : undefined), LOG_DENSITIES[q]];
  // A Poisson's mass is positive on every whole number from 0, a Bernoulli's and a binomial's support among them.
  // Of densities, P's support within Q's (KL(U(0, 1) ‖ Exp(a)) = a/2 - log a, KL(Gam(a, b) ‖ Exp(c))).
  const [pSupport, qSupport] = [supportOf(p, pParams), supportOf(q, qParams)];
  const within = qSupport !== undefined && ((qSupport[0] === -Infinity && qSupport[1] === Infinity)
    || (pSupport !== undefined && qSupport[0] <= pSupport[0] && pSupport[1] <= qSupport[1]));
  const sameSupport = p === q || (DISTRIBUTIONS[p].continuous === true && DISTRIBUTIONS[q].continuous === true && within)
    || (DISCRETE_WITHIN[q]?.has(p) ?? false);
  if (logP === undefined || logQ === undefined || !sameSupport) {
    throw new DerivationError(diagnostic('unsupported', logP === undefined || logQ === undefined ? `KL(${p} ‖ ${q}) is not read${q === 'uniform' ? `: the uniform's density is 0 off its interval, so the divergence is infinite wherever ${p}'s is not` : ''}`
      : `KL(${p} ‖ ${q}) may be infinite: ${q}'s density is not positive wherever ${p}'s is`, file, call.span,
    'a divergence is read of two distributions of one family, or of a density against a normal or a Laplace; write E(t, P, log(p(t) / q(t))) otherwise'));
  }
  const t = b.name(DIVERGENCE_VARIABLE);
  const variable: Expr = DISTRIBUTIONS[p].continuous === true ? t : b.name(b.fresh(b.call('f', first, second)));
  const logRatio = b.bin('-', logP(variable, pParams, b), logQ(variable, qParams, b));
  const expectation: CallExpr = { kind: 'call', name: 'E', nameSpan: call.nameSpan, args: [variable, first, logRatio], span: call.span };
  return expectationExpr(expectation, file, (name) => name === DIVERGENCE_VARIABLE || realScalar(name), isVector);
}

/**
 * `declared`: the random variable is a declared input, which a `let` of the body may read (`let score = t / p - ...`,
 * then E(t, bernoulli(p), score)): a value is then put in with subs, which reaches into definitions, where renaming
 * the variable written in the body left a let's t the outer input t (a false refutation).
 */
function builders(span: Span, declared: boolean): Builders {
  const self: Builders = {
    num: (text) => ({ kind: 'number', text, value: Number(text), span }),
    name: (n) => ({ kind: 'name', name: n, span }),
    call: (n, ...args) => ({ kind: 'call', name: n, nameSpan: span, args, span }),
    bin: (op, left, right) => ({ kind: 'binary', op, left, right, span }),
    neg: (arg) => ({ kind: 'unary', op: '-', arg, span }),
    entry: (target, index) => (target.kind === 'name' ? { kind: 'index', target, indices: [index], span } : { kind: 'subscript', target, indices: [index], span }),
    // subs alone where declared: renaming first reached the variable of a nested expectation's own subs (Var's E[f] inside).
    at: (body, variable, value) => (declared ? self.call('subs', body, self.name(variable), value) : renamed(body, variable, value)),
    fresh: (body) => {
      const used = namesIn(body);
      for (let n = 0; ; n++) if (!used.has(`k${n}`)) return `k${n}`;
    },
  };
  return self;
}

/** The body with each use of a name as a value replaced (not a call's name, not an index's target). */
function renamed(e: Expr, variable: string, value: Expr): Expr {
  const go = (x: Expr): Expr => renamed(x, variable, value);
  switch (e.kind) {
    case 'name': return e.name === variable ? value : subscriptRenamed(e, variable, value) ?? e;
    case 'number': case 'invalid': return e;
    case 'index': return { ...e, indices: e.indices.map(go) };
    case 'subscript': return { ...e, target: go(e.target), indices: e.indices.map(go) };
    case 'call': return { ...e, args: e.args.map(go) };
    case 'unary': return { ...e, arg: go(e.arg) };
    case 'binary': return { ...e, left: go(e.left), right: go(e.right) };
    case 'transpose': return { ...e, arg: go(e.arg) };
    case 'array': return { ...e, items: e.items.map(go) };
    case 'range': return { ...e, ...(e.start ? { start: go(e.start) } : {}), ...(e.end ? { end: go(e.end) } : {}) };
    default: return e;
  }
}

/**
 * z_j, W_jk as the books subscript an entry, with j the variable: the entry at the value (z[k0], W[k0, k]). The resolver
 * reads such a name as an entry only later, so renaming the name alone left j free (E_{j ~ softmax(z)}[z_j] was refuted).
 */
function subscriptRenamed(e: Extract<Expr, { kind: 'name' }>, variable: string, value: Expr): Expr | undefined {
  const parts = /^([\p{L}][\p{L}\p{N}]*)_([\p{L}\p{N}]+)$/u.exec(e.name);
  if (parts === null) return undefined;
  const [, base, sub] = parts;
  const letters = sub === variable ? [sub] : [...variable].length === 1 && [...sub].length === 2 && [...sub].includes(variable) ? [...sub] : undefined;
  if (letters === undefined) return undefined;
  const indices = letters.map((l): Expr => (l === variable ? value : /^\d$/.test(l) ? { kind: 'number', text: l, value: Number(l), span: e.span } : { kind: 'name', name: l, span: e.span }));
  return { kind: 'index', target: { kind: 'name', name: base, span: e.span }, indices, span: e.span };
}

function namesIn(e: Expr, into = new Set<string>()): Set<string> {
  const go = (x: Expr | undefined) => { if (x) namesIn(x, into); };
  switch (e.kind) {
    case 'name': into.add(e.name); break;
    case 'index': into.add(e.target.name); e.indices.forEach(go); break;
    case 'subscript': go(e.target); e.indices.forEach(go); break;
    case 'call': into.add(e.name); e.args.forEach(go); break;
    case 'unary': case 'transpose': go(e.arg); break;
    case 'binary': go(e.left); go(e.right); break;
    case 'array': e.items.forEach(go); break;
    case 'range': go(e.start); go(e.end); break;
    default: break;
  }
  return into;
}
