import type { Span } from './ast.ts';

/** One run of an expression's text that lies on one line of the file. */
interface Segment {
  /** Offset in the expression text where the run starts. */
  readonly offset: number;
  readonly line: number;
  /** Column of the run's first character in the file (1-based). */
  readonly col: number;
}

/**
 * Maps offsets in a piece of text cut from a file (an expression, possibly
 * joined from continuation lines) back to file lines and columns.
 */
export class SourceMap {
  private constructor(
    readonly file: string,
    private readonly segments: readonly Segment[],
  ) {}

  static single(file: string, line: number, col: number): SourceMap {
    return new SourceMap(file, [{ offset: 0, line, col }]);
  }

  static of(file: string, segments: readonly Segment[]): SourceMap {
    return new SourceMap(file, segments);
  }

  /** The map of a slice `[start, ...)` of this map's text. */
  slice(start: number): SourceMap {
    const out: Segment[] = [];
    for (let i = 0; i < this.segments.length; i++) {
      const s = this.segments[i];
      const next = this.segments[i + 1];
      if (next !== undefined && next.offset <= start) continue;
      if (s.offset <= start) out.push({ offset: 0, line: s.line, col: s.col + (start - s.offset) });
      else out.push({ offset: s.offset - start, line: s.line, col: s.col });
    }
    return new SourceMap(this.file, out);
  }

  position(offset: number): { line: number; col: number } {
    let seg = this.segments[0];
    for (const s of this.segments) if (s.offset <= offset) seg = s;
    return { line: seg.line, col: seg.col + (offset - seg.offset) };
  }

  span(start: number, end: number): Span {
    const a = this.position(start);
    const b = this.position(Math.max(start, end));
    return { line: a.line, col: a.col, endLine: b.line, endCol: b.col };
  }

  offsetOf(line: number, col: number): number {
    let best = 0;
    for (const s of this.segments) if (s.line === line) best = s.offset + (col - s.col);
    return best;
  }
}
