import type { Span } from './span.ts';

/**
 * What went wrong with an input, where, and what to do about it. Every error a
 * user can cause is one of these, never a stack trace.
 */
export interface Diagnostic {
  /** A stable machine-readable code, e.g. `unknown-name`, `index-arity`. */
  readonly code: DiagnosticCode;
  /** One sentence naming the thing and the rule it breaks. */
  readonly message: string;
  /** What to do about it. */
  readonly hint: string | undefined;
  readonly file: string;
  readonly span: Span | undefined;
}

export type DiagnosticCode =
  | 'not-text'
  | 'empty-file'
  | 'syntax'
  | 'no-derivation'
  | 'duplicate-name'
  | 'unknown-name'
  | 'unknown-function'
  | 'unknown-type'
  | 'arity'
  | 'index-arity'
  | 'index-range'
  | 'bad-index'
  | 'step-without-claim'
  | 'not-scalar'
  | 'shape'
  | 'no-domain'
  | 'unsupported'
  /** The engines' evidence cannot tell the step from another that differs from it (a constant finer than any reading). */
  | 'undecided'
  /** A limit that keeps a hostile file bounded in time and memory (docs/security.md). */
  | 'limit'
  | 'io';

/** An error that carries a {@link Diagnostic}; callers branch on `diagnostic.code`. */
export class DerivationError extends Error {
  override readonly name = 'DerivationError';
  constructor(readonly diagnostic: Diagnostic) {
    super(formatDiagnostic(diagnostic));
  }
}

/** `file:line:col: message (hint)`, the one-line form used by every report. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.span ? `${d.file}:${d.span.line}:${d.span.col}` : d.file;
  return `${where}: ${d.message}${d.hint ? `\n  hint: ${d.hint}` : ''}`;
}

export function diagnostic(
  code: DiagnosticCode,
  message: string,
  file: string,
  span: Span | undefined,
  hint?: string,
): Diagnostic {
  return { code, message, hint, file, span };
}
