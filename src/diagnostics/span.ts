/** A place in a file's text. Lines and columns are 1-based; `end*` is exclusive. */
export interface Span {
  readonly line: number;
  readonly col: number;
  readonly endLine: number;
  readonly endCol: number;
}
