import { create, parseDependencies, type MathJsInstance, type MathNode } from 'mathjs';

/**
 * The mathjs instance that reads untrusted text. It is built from the parser's
 * factories only (`parseDependencies`): no `evaluate`, `simplify` or `exp` exist
 * in it, and a bundler keeps only the parser (importing all of mathjs costs over
 * a second at start-up). It is built on the first parse, since building its
 * typed functions costs start-up time that `--version` or a report need not pay.
 *
 * Following mathjs's own security guidance, every name that could reach code or
 * mutate the instance is also bound to a function that throws, so that even a
 * future change that evaluated a parsed node could not reach `import`,
 * `evaluate`, `parse`, `createUnit`, `simplify` or `derivative`. derivcheck
 * itself never evaluates a parsed node: nodes are converted to its own syntax
 * tree and mathjs is done.
 */
function createLockedInstance(): { instance: MathJsInstance; parse: MathJsInstance['parse'] } {
  const instance = create({ parseDependencies });
  const parse = instance.parse;
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
  return { instance, parse };
}

let locked: ReturnType<typeof createLockedInstance> | undefined;

/** Names an expression can never use: they are mathjs's code-reaching functions. */
export const FORBIDDEN_NAMES: ReadonlySet<string> = new Set([
  'import', 'createUnit', 'evaluate', 'parse', 'simplify', 'simplifyConstant', 'simplifyCore',
  'derivative', 'resolve', 'compile', 'rationalize', 'reviver', 'config', 'typed',
  'constructor', '__proto__', 'prototype',
]);

/** Parses one expression with the locked instance; throws mathjs's SyntaxError on bad text. */
export function parseMathjs(text: string): MathNode {
  locked ??= createLockedInstance();
  return locked.parse(text);
}

/** The locked instance, exported only so tests can assert the lock-down holds. */
export function lockedMathjs(): MathJsInstance {
  locked ??= createLockedInstance();
  return locked.instance;
}
