import { deriveExpression, type Derivative, type DeriveOptions } from '../derive/index.ts';
import { DerivationError, diagnostic } from '../diagnostics/index.ts';
import { DerivationSyntaxError, parseDerivationFile, parseExpression, SourceMap, type Derivation, type Expr } from '../syntax/index.ts';

/** What to derive: the expression on a line of the file, or an expression written in the file's context. */
export type DeriveTarget = { readonly line: number } | { readonly expression: string };

/** A derivative found in a file: where, and its simplest forms. */
export interface DerivedInFile extends Derivative {
  readonly file: string;
  /** The title of the derivation whose names it is written in. */
  readonly derivation: string;
  /** The line of the expression, for a target given by line. */
  readonly line: number | undefined;
}

const TAKES_DERIVATIVE = /\b(diff|grad|jacobian)\s*\(/;

/**
 * Derives, in a file's own terms, what an expression with a derivative equals.
 * `{ line }` names a claim or step line: its expression is used, or, for a step
 * without a derivative, the claim's own expression. `{ expression }` is read in
 * the context of the file's first derivation where it can be resolved.
 * @throws DerivationError (with file:line:col and a hint) when there is nothing to derive.
 */
export function deriveInFile(content: string | Uint8Array, path: string, target: DeriveTarget, options: DeriveOptions = {}): DerivedInFile {
  const file = parseDerivationFile(content, path);
  if ('line' in target) return deriveAtLine(file.derivations, path, target.line, options);
  let expr: Expr;
  try {
    expr = parseExpression(target.expression, SourceMap.single('<expression>', 1, 1));
  } catch (error) {
    if (error instanceof DerivationSyntaxError) throw new DerivationError({ ...error.diagnostic, file: '<expression>' });
    throw error;
  }
  if (!TAKES_DERIVATIVE.test(target.expression)) {
    throw new DerivationError(diagnostic('unsupported', `the expression ${target.expression} takes no derivative`, '<expression>', expr.span,
      'write diff(F, x[k]) or grad(L, W)'));
  }
  for (const derivation of file.derivations) {
    const found = deriveExpression(derivation, expr, target.expression, options);
    if (found) return { ...found, file: path, derivation: derivation.title, line: undefined };
  }
  throw new DerivationError(diagnostic('unsupported', `no derivation of ${path} gives a form of ${target.expression}`, path, undefined,
    'check that its names are declared in the file (given or let) and that it differentiates with respect to an input'));
}

function deriveAtLine(derivations: readonly Derivation[], path: string, line: number, options: DeriveOptions): DerivedInFile {
  for (const derivation of derivations) {
    for (const statement of derivation.statements) {
      if (statement.kind !== 'claim') continue;
      const steps = statement.steps.filter((s) => s.span.line === line);
      const onClaimLine = statement.span.line === line;
      if (!onClaimLine && steps.length === 0) continue;
      const written = onClaimLine ? { expr: statement.expr, text: statement.text } : { expr: steps[0].expr, text: steps[0].text };
      const chosen = TAKES_DERIVATIVE.test(written.text) ? written
        : TAKES_DERIVATIVE.test(statement.text) ? { expr: statement.expr, text: statement.text } : undefined;
      if (!chosen) {
        throw new DerivationError(diagnostic('unsupported', `line ${line} takes no derivative, and neither does its claim`, path, written.expr.span,
          'name a line with diff(...) or grad(...), or give the expression to derive'));
      }
      const found = deriveExpression(derivation, chosen.expr, chosen.text, options);
      if (!found) {
        throw new DerivationError(diagnostic('unsupported', `no simple form of ${chosen.text} was found in the names of "${derivation.title}"`, path,
          chosen.expr.span, 'the derivative may need a name of its own: add a let for a part of it and derive again'));
      }
      return { ...found, file: path, derivation: derivation.title, line: chosen.expr.span.line };
    }
  }
  throw new DerivationError(diagnostic('unsupported', `line ${line} holds no claim or step`, path, { line, col: 1, endLine: line, endCol: 2 },
    'name the line of a claim or of a step (= ...)'));
}
