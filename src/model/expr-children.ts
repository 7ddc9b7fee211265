/** The sub-expressions of a syntax-tree node: the syntax stage's own walk, shared. */
export { exprChildren } from '../syntax/index.ts';
