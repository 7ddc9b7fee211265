import { mapDerivationExprs, mapExprChildren, type Derivation, type Expr } from '../syntax/index.ts';
import { isFunctionForm } from './function-forms.ts';
import { isFunctionName } from './functions.ts';

/**
 * A Greek letter and its name spelled out are one name, as a reader takes them: a file that declares
 * `given mu: real` and writes `\frac{\partial}{\partial \mu}` in a LaTeX line (read as μ), or declares
 * `given \sigma: positive` and writes `sigma^2` in a plain one, means one input. A name written is
 * renamed to its twin only where the twin is declared and the name itself is not, so a derivation that
 * declares both keeps two names. A call is renamed to a function the derivation declares, or to a value where its
 * name is no function of the language: `λ(e^t - 1)` beside `given lambda` is lambda's, `σ(z)` stays the sigmoid. `pi` and π stay the constant.
 */
export function withGreekTwins(derivation: Derivation): Derivation {
  const declared = new Set<string>();
  const functions = new Set<string>();
  for (const statement of derivation.statements) {
    if (statement.kind === 'given') {
      for (const n of statement.names) (statement.type.name === 'function' ? functions : declared).add(n.name);
      for (const d of statement.type.dims) declared.add(d.text);
    } else if (statement.kind === 'let') {
      (statement.args !== undefined ? functions : declared).add(statement.name);
    } else if (statement.kind === 'implicit') {
      functions.add(statement.name);
      declared.add(statement.name);
    }
  }
  const twinOf = (name: string, among: ReadonlySet<string>): string | undefined => {
    if (among.has(name) || declared.has(name) || functions.has(name)) return undefined;
    const cut = name.indexOf('_');
    const head = cut < 0 ? name : name.slice(0, cut);
    // θ_i of a declared theta (an entry), and ω_0 of a declared omega_0 (a name with its subscript; probe 70); θ_0 of a
    // declared theta0, the subscript joined as resolve.ts joins x_1 to a declared x1.
    const rest = name.slice(head.length);
    const joined = (t: string) => (rest.startsWith('_') && !among.has(t) && !among.has(t + rest) && among.has(t + rest.slice(1)) ? t + rest.slice(1) : undefined);
    const twin = TWINS.get(head)?.find((t) => among.has(t) || among.has(t + rest) || joined(t) !== undefined);
    return twin === undefined ? undefined : joined(twin) ?? twin + rest;
  };
  if (![...declared, ...functions].some((n) => TWINS.has(n.split('_')[0].replace(/\d+$/, '')))) return derivation;
  let renamed = false;
  const rename = (e: Expr): Expr => {
    if (e.kind === 'name') {
      // θ and θ̇ (θdot, θddot) beside a declared function theta: the mechanics books' coordinate and its velocity (probe 107).
      const dotted = /^(.+?)(ddot|dot)$/u.exec(e.name);
      const twin = twinOf(e.name, declared) ?? twinOf(e.name, functions) ?? (dotted !== null && !declared.has(e.name) ? withSuffix(twinOf(dotted[1], functions), dotted[2]) : undefined);
      if (twin === undefined) return e;
      renamed = true;
      return { ...e, name: twin };
    }
    if (e.kind === 'index') {
      const target = rename(e.target);
      return { ...e, target: target.kind === 'name' ? target : e.target, indices: e.indices.map(rename) };
    }
    if (e.kind === 'call') {
      // λ(e^t - 1) beside a declared lambda: the value's name (a product, where the bracket holds a sum); σ(z) stays the sigmoid.
      const twin = twinOf(e.name, functions) ?? (isFunctionName(e.name) || isFunctionForm(e.name) ? undefined : twinOf(e.name, declared));
      if (twin !== undefined) renamed = true;
      return { ...e, ...(twin !== undefined ? { name: twin } : {}), args: e.args.map(rename) };
    }
    return mapExprChildren(e, rename);
  };
  const mapped = mapDerivationExprs(derivation, rename);
  return renamed ? mapped : derivation;
}

function withSuffix(name: string | undefined, suffix: string): string | undefined {
  return name === undefined ? undefined : name + suffix;
}

const LETTERS: readonly (readonly [string, string])[] = [
  ['alpha', '\u03b1'], ['beta', '\u03b2'], ['gamma', '\u03b3'], ['delta', '\u03b4'], ['epsilon', '\u03b5'], ['zeta', '\u03b6'],
  ['eta', '\u03b7'], ['theta', '\u03b8'], ['iota', '\u03b9'], ['kappa', '\u03ba'], ['lambda', '\u03bb'], ['mu', '\u03bc'],
  ['nu', '\u03bd'], ['xi', '\u03be'], ['rho', '\u03c1'], ['sigma', '\u03c3'], ['tau', '\u03c4'], ['upsilon', '\u03c5'],
  ['phi', '\u03c6'], ['chi', '\u03c7'], ['psi', '\u03c8'], ['omega', '\u03c9'],
  ['Gamma', '\u0393'], ['Delta', '\u0394'], ['Theta', '\u0398'], ['Lambda', '\u039b'], ['Xi', '\u039e'], ['Sigma', '\u03a3'],
  ['Upsilon', '\u03a5'], ['Phi', '\u03a6'], ['Psi', '\u03a8'], ['Omega', '\u03a9'],
];

/** The short names a file gives a letter (`given eps`, `given lam`, as code names them: lambda is Python's keyword). */
const SHORT_NAMES: readonly (readonly [string, string])[] = [['eps', '\u03b5'], ['lam', '\u03bb']];

/**
 * Each Greek letter's names and the letter, both ways (ϵ, ϕ, ϑ and ς, the variants, as their letters): a LaTeX line's
 * `\epsilon` beside `given eps` was an unknown name (probe 84).
 */
const TWINS: ReadonlyMap<string, readonly string[]> = (() => {
  const twins = new Map<string, string[]>();
  const pair = (a: string, b: string) => { twins.set(a, [...(twins.get(a) ?? []), b]); };
  for (const [name, letter] of [...LETTERS, ...SHORT_NAMES]) { pair(name, letter); pair(letter, name); }
  for (const [variant, name] of [['\u03f5', 'epsilon'], ['\u03d5', 'phi'], ['\u03d1', 'theta'], ['\u03c2', 'sigma']]) { pair(variant, name); pair(variant, LETTERS.find(([n]) => n === name)![1]); }
  return twins;
})();
