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
    const seg = this.segments[Math.max(0, this.lastIndex((s) => s.offset <= offset))];
    return { line: seg.line, col: seg.col + (offset - seg.offset) };
  }

  /**
   * The last segment index where `test` holds, by binary search (segments are in
   * order of offset and of line, and `test` holds on a prefix); -1 if none.
   * A file of many continuation lines must not make every lookup linear.
   */
  private lastIndex(test: (s: Segment) => boolean): number {
    let lo = 0;
    let hi = this.segments.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (test(this.segments[mid])) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return found;
  }

  /**
   * The map of a text rewritten from this one (`≠` read as `!=`, `t²` as `t^2`):
   * `sources[i]` is the offset in this map's text of the character that gave the
   * rewritten text's character i (an inserted character gives the offset of the one
   * it follows). One pass, O(n log segments): a line of 100,000 rewrites is no slower
   * to map than to read.
   */
  remap(sources: ArrayLike<number>): SourceMap {
    const starts = new Set(this.segments.map((seg) => seg.offset));
    const out: Segment[] = [];
    for (let i = 0; i < sources.length; i++) {
      const src = sources[i];
      if (i === 0 || src !== sources[i - 1] + 1 || starts.has(src)) {
        const p = this.position(src);
        out.push({ offset: i, line: p.line, col: p.col });
      }
    }
    if (out.length === 0) out.push({ ...this.segments[0], offset: 0 });
    return new SourceMap(this.file, out);
  }

  span(start: number, end: number): Span {
    const a = this.position(start);
    const b = this.position(Math.max(start, end));
    return { line: a.line, col: a.col, endLine: b.line, endCol: b.col };
  }

  offsetOf(line: number, col: number): number {
    // The run of that line holding the column (a line holds two runs where a `≠` became `!=`).
    const i = this.lastIndex((s) => s.line < line || (s.line === line && s.col <= col));
    const s = this.segments[i]?.line === line ? this.segments[i] : this.segments[i + 1]?.line === line ? this.segments[i + 1] : undefined;
    return s !== undefined ? s.offset + (col - s.col) : 0;
  }
}

/** A line rewritten character by character: `rewrite(i)` gives the text for the characters at i and how many it read, or undefined to keep text[i]. */
export function rewritten(text: string, map: SourceMap, rewrite: (i: number) => { text: string; from: number[]; length: number } | undefined): { text: string; map: SourceMap } {
  const out: string[] = [];
  const sources: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const r = rewrite(i);
    if (r === undefined) { out.push(text[i]); sources.push(i); continue; }
    for (let c = 0; c < r.text.length; c++) { out.push(r.text[c]); sources.push(r.from[c]); }
    i += r.length - 1;
  }
  return { text: out.join(''), map: map.remap(sources) };
}
