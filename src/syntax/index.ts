/** The syntax stage: text in, syntax tree with source spans out. Nothing is evaluated. */
export { DerivationSyntaxError, decodeText, parseDerivation, parseDerivationFile } from './parse-file.ts';
export type { ParseOptions } from './parse-file.ts';
export { parseExpression } from './parse-expression.ts';
export { SourceMap } from './source-map.ts';
export { LIMITS } from './limits.ts';
export { INFINITY_NAMES } from './derivation-names.ts';
export type * from './ast.ts';
export { exprChildren, mapDerivationExprs, mapExprChildren } from './expr-children.ts';
export { ANGLE_BRACKETS } from './textbook-notation.ts';
export { markPrimes, primedName } from './primes.ts';
