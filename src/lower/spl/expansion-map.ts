// Maps positions in the macro-expanded search back to the query as written: spans, file
// lines, and the macro a piece of text came from.

import type { MacroOrigin, Span } from '../../ir/index.js';
import type { Expansion, MacroSegment } from '../../languages/spl/macros.js';
import { skipBlank } from '../../languages/spl/scanner.js';

export class ExpansionMap {
  private readonly written: MacroSegment[];

  constructor(
    private readonly query: string,
    private readonly expansion: Expansion,
    private readonly queryLine: number,
  ) {
    this.written = expansion.segments.filter((segment) => segment.depth === 0);
  }

  /** The span in the query as written; text from a macro maps to the whole call. */
  originalSpan(span: Span): Span {
    return {
      start: this.originalOffset(span.start, false),
      end: this.originalOffset(span.end, true),
    };
  }

  /** 1-based line in the rule file of a position in the expanded text. */
  lineOf(expandedOffset: number): number {
    const offset = this.originalOffset(expandedOffset, false);
    let line = this.queryLine;
    for (let i = 0; i < offset && i < this.query.length; i += 1) {
      if (this.query[i] === '\n') line += 1;
    }
    return line;
  }

  /** 1-based line in the rule file of a position in the query as written. */
  lineOfOriginal(offset: number): number {
    let line = this.queryLine;
    for (let i = 0; i < offset && i < this.query.length; i += 1) {
      if (this.query[i] === '\n') line += 1;
    }
    return line;
  }

  /**
   * The macro the whole span came from: the outermost call containing it, written in the
   * query; undefined when the span is (also) text of the query itself. Blanks and comments
   * written after the call do not count as query text.
   */
  originOf(span: Span): MacroOrigin | undefined {
    let found: MacroSegment | undefined;
    for (const segment of this.expansion.segments) {
      if (segment.start > span.start) continue;
      const text = this.expansion.text;
      if (span.end > segment.end && skipBlank(text, segment.end, span.end) < span.end) continue;
      if (segment.end === segment.start) continue;
      if (!found || segment.depth < found.depth) found = segment;
    }
    return found?.origin;
  }

  private originalOffset(offset: number, isEnd: boolean): number {
    let shift = 0;
    for (const segment of this.written) {
      const inside = isEnd
        ? offset > segment.start && offset <= segment.end
        : offset >= segment.start && offset < segment.end;
      if (inside) return isEnd ? segment.call.end : segment.call.start;
      if (segment.end <= offset) {
        shift += segment.end - segment.start - (segment.call.end - segment.call.start);
      }
    }
    return offset - shift;
  }
}
