export { toLatex, stepToLatex } from './latex.ts';
export { FUNCTION_RENDERERS, Prec, paren, rendered } from './functions.ts';
export type { FunctionRenderer, RenderContext, Rendered } from './functions.ts';
