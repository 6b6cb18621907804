// Collects the diagnostics of one Sigma rule, turning query offsets into file lines and columns.

import type { Diagnostic, RuleDocument, Severity } from '../../ir/index.js';

export type ReportProblem = (
  severity: Severity,
  code: string,
  message: string,
  offset?: number,
) => void;

export class SigmaDiagnostics {
  readonly list: Diagnostic[] = [];
  private readonly lineStarts: number[] = [0];

  constructor(private readonly doc: RuleDocument) {
    for (let offset = 0; offset < doc.query.length; offset += 1) {
      if (doc.query[offset] === '\n') this.lineStarts.push(offset + 1);
    }
  }

  /** A reporter for problems of one stage; an offset is into the rule's query text. */
  forStage(stage: number): ReportProblem {
    return (severity, code, message, offset) => {
      const diagnostic: Diagnostic = {
        severity,
        code,
        message,
        file: this.doc.file,
        line: this.doc.queryLine,
        stage,
      };
      if (offset !== undefined) Object.assign(diagnostic, this.positionOf(offset));
      this.list.push(diagnostic);
    };
  }

  /** A binary search: a rule may report a problem on each of 100,000 lines. */
  private positionOf(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (this.lineStarts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: this.doc.queryLine + low, column: offset - this.lineStarts[low] + 1 };
  }
}
