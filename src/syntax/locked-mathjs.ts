import { create, parseDependencies, type MathNode } from 'mathjs';

/**
 * The mathjs instance that reads untrusted text. It is built from the parser's
 * factories only (`parseDependencies`): no arithmetic, no `evaluate`, no
 * `simplify` exist in it, and a bundler keeps only the parser (importing all of
 * mathjs costs over a second at start-up). Following mathjs's own security
 * guidance, every name that could reach code or mutate the instance is also
 * bound to a function that throws, so that even a future change that evaluated
 * a parsed node could not reach `import`, `evaluate`, `parse`, `createUnit`,
 * `simplify` or `derivative`. derivcheck itself never evaluates a parsed node:
 * nodes are converted to its own syntax tree and mathjs is done.
 */
const instance = create({ parseDependencies });
const parseWithMathjs = instance.parse;

const disabled = (name: string) => () => {
  throw new Error(`derivcheck: the function ${name} is disabled in derivation files`);
};
instance.import(
  {
    import: disabled('import'),
    createUnit: disabled('createUnit'),
    evaluate: disabled('evaluate'),
    parse: disabled('parse'),
    simplify: disabled('simplify'),
    simplifyConstant: disabled('simplifyConstant'),
    simplifyCore: disabled('simplifyCore'),
    derivative: disabled('derivative'),
    resolve: disabled('resolve'),
    compile: disabled('compile'),
    rationalize: disabled('rationalize'),
    reviver: disabled('reviver'),
  },
  { override: true },
);

/** Names an expression can never use: they are mathjs's code-reaching functions. */
export const FORBIDDEN_NAMES: ReadonlySet<string> = new Set([
  'import', 'createUnit', 'evaluate', 'parse', 'simplify', 'simplifyConstant', 'simplifyCore',
  'derivative', 'resolve', 'compile', 'rationalize', 'reviver', 'config', 'typed',
  'constructor', '__proto__', 'prototype',
]);

/** Parses one expression with the locked instance; throws mathjs's SyntaxError on bad text. */
export function parseMathjs(text: string): MathNode {
  return parseWithMathjs(text);
}

/** The locked instance, exported only so tests can assert the lock-down holds. */
export const lockedMathjs = instance;
