// mathjs exports its factory functions at run time (lib/esm/factoriesAny.js),
// but its type declarations do not list them. These are the ones
// locked-mathjs.ts builds the parser from; this file is not part of the
// published declarations.
import 'mathjs';

declare module 'mathjs' {
  type MathjsFactory = (dependencies: Record<string, unknown>) => unknown;
  export const createTyped: MathjsFactory;
  export const createNumber: MathjsFactory;
  export const createNumeric: MathjsFactory;
  export const createNode: MathjsFactory;
  export const createParse: MathjsFactory;
  export const createAccessorNode: MathjsFactory;
  export const createArrayNode: MathjsFactory;
  export const createAssignmentNode: MathjsFactory;
  export const createBlockNode: MathjsFactory;
  export const createConditionalNode: MathjsFactory;
  export const createConstantNode: MathjsFactory;
  export const createFunctionAssignmentNode: MathjsFactory;
  export const createFunctionNode: MathjsFactory;
  export const createIndexNode: MathjsFactory;
  export const createObjectNode: MathjsFactory;
  export const createOperatorNode: MathjsFactory;
  export const createParenthesisNode: MathjsFactory;
  export const createRangeNode: MathjsFactory;
  export const createRelationalNode: MathjsFactory;
  export const createSymbolNode: MathjsFactory;
}
