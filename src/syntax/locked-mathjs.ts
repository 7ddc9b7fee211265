import {
  createAccessorNode, createArrayNode, createAssignmentNode, createBlockNode, createConditionalNode, createConstantNode,
  createFunctionAssignmentNode, createFunctionNode, createIndexNode, createNode, createNumber, createNumeric,
  createObjectNode, createOperatorNode, createParenthesisNode, createParse, createRangeNode, createRelationalNode,
  createSymbolNode, createTyped, type MathNode,
} from 'mathjs';

/**
 * mathjs's parser, and nothing that could evaluate what it parses.
 *
 * The parser is assembled from mathjs's own factory functions (`createParse`
 * and the node classes), not from an instance: an instance, even one built from
 * `parseDependencies` only, compiles dozens of typed functions (arithmetic,
 * matrices) that a parser never calls, which costs a third of a second at
 * start-up, and importing all of mathjs over a second. A bundler keeps only
 * these factories.
 *
 * Following mathjs's own security guidance, nothing reachable from a parsed
 * node can reach code: the namespace the nodes would compile against holds no
 * function but ones that throw (`import`, `evaluate`, `parse`, `createUnit`,
 * `simplify`, `derivative`, ...), and every other evaluation dependency of the
 * nodes (`subset`, `matrix`, `size`, ...) throws too. derivcheck itself never
 * evaluates a parsed node: nodes are converted to its own syntax tree and
 * mathjs is done.
 */

/** Names an expression can never use: they are mathjs's code-reaching functions. */
export const FORBIDDEN_NAMES: ReadonlySet<string> = new Set([
  'import', 'createUnit', 'evaluate', 'parse', 'simplify', 'simplifyConstant', 'simplifyCore',
  'derivative', 'resolve', 'compile', 'rationalize', 'reviver', 'config', 'typed',
  'constructor', '__proto__', 'prototype',
]);

const CODE_REACHING = [
  'import', 'createUnit', 'evaluate', 'parse', 'simplify', 'simplifyConstant', 'simplifyCore',
  'derivative', 'resolve', 'compile', 'rationalize', 'reviver',
] as const;

type Refused = (...args: unknown[]) => never;
/** What a parsed node would be evaluated against: only functions that throw. */
export type LockedNamespace = Readonly<Record<(typeof CODE_REACHING)[number], Refused>>;

const refuse = (name: string): Refused => () => {
  throw new Error(`derivcheck: the function ${name} is disabled in derivation files`);
};

interface Locked {
  readonly parse: (text: string) => MathNode;
  readonly namespace: LockedNamespace;
}

function createLockedParser(): Locked {
  const namespace = Object.freeze(Object.assign(Object.create(null) as object,
    Object.fromEntries(CODE_REACHING.map((name) => [name, refuse(name)])))) as LockedNamespace;
  const typed = createTyped({});
  // Number literals are read as doubles, as a default mathjs instance reads them (config.number: 'number').
  const numeric = createNumeric({ number: createNumber({ typed }) });
  const Node = createNode({ mathWithTransform: namespace });
  const dependencies: Record<string, unknown> = {
    Node, typed, math: namespace,
    subset: refuse('subset'), matrix: refuse('matrix'), size: refuse('size'), ResultSet: refuse('ResultSet'),
    isBounded: refuse('isBounded'),
  };
  // Each factory by name, so that a bundler keeps only these.
  const SymbolNode = createSymbolNode(dependencies);
  const nodes = {
    AccessorNode: createAccessorNode(dependencies), ArrayNode: createArrayNode(dependencies),
    AssignmentNode: createAssignmentNode(dependencies), BlockNode: createBlockNode(dependencies),
    ConditionalNode: createConditionalNode(dependencies), ConstantNode: createConstantNode(dependencies),
    FunctionAssignmentNode: createFunctionAssignmentNode(dependencies),
    FunctionNode: createFunctionNode({ ...dependencies, SymbolNode }), IndexNode: createIndexNode(dependencies),
    ObjectNode: createObjectNode(dependencies), OperatorNode: createOperatorNode(dependencies),
    ParenthesisNode: createParenthesisNode(dependencies), RangeNode: createRangeNode(dependencies),
    RelationalNode: createRelationalNode(dependencies), SymbolNode,
  };
  const parse = createParse({ typed, numeric, config: { number: 'number', numberFallback: 'number' }, ...nodes }) as Locked['parse'];
  return { parse, namespace };
}

let locked: Locked | undefined;

/** Parses one expression; throws mathjs's SyntaxError on bad text. The parser is built on the first call. */
export function parseMathjs(text: string): MathNode {
  locked ??= createLockedParser();
  return locked.parse(text);
}

/** The namespace parsed nodes would be evaluated against, exported only so tests can assert the lock-down holds. */
export function lockedMathjs(): LockedNamespace {
  locked ??= createLockedParser();
  return locked.namespace;
}
