export { DerivationError, diagnostic, formatDiagnostic } from './diagnostic.ts';
export type { Diagnostic, DiagnosticCode } from './diagnostic.ts';
export type { Span } from './span.ts';
