// Collects the stages and diagnostics of one Elastic rule as its lowering produces them.

import type { Diagnostic, RuleDocument, Severity, Span, Stage } from '../../ir/index.js';
import type { LoweredQuery } from '../lowered-query.js';

export type NewStage = Omit<Stage, 'index'>;

export class ElasticPipeline {
  private readonly stages: Stage[] = [];
  private readonly diagnostics: Diagnostic[] = [];

  constructor(readonly doc: RuleDocument) {}

  /** Appends a stage and returns its 1-based index. */
  add(stage: NewStage): number {
    const index = this.stages.length + 1;
    this.stages.push({ index, ...stage });
    return index;
  }

  /** The index the next added stage will get, for diagnostics reported while building it. */
  nextIndex(): number {
    return this.stages.length + 1;
  }

  /** Keeps a query that could not be lowered as one opaque stage, with a warning saying why. */
  addOpaqueQuery(code: string, message: string, span?: Span): void {
    this.report('warning', code, message, this.nextIndex(), span);
    this.addUnknownQuery();
  }

  /**
   * Keeps a query that cannot be parsed as one opaque stage. Like a Sigma or SPL syntax error
   * it is an error: the engine would refuse the rule, not just leave part of it unmodelled.
   */
  addUnparsableQuery(code: string, message: string, span?: Span): void {
    this.report('error', code, message, this.nextIndex(), span);
    this.addUnknownQuery();
  }

  /**
   * Adds the rule's query as one opaque stage, for callers that reported why already. `text`
   * stands in for a query that is not a string.
   */
  addUnknownQuery(text = this.doc.query.trim()): void {
    const whole = { start: 0, end: this.doc.query.length };
    this.add({ command: 'query', text, effect: 'filter', args: {}, opaque: true, span: whole });
  }

  /**
   * Records a problem. `span` is an offset range into the rule's query text; without one the
   * diagnostic points at the rule's first line (problems with rule fields rather than the query).
   */
  report(severity: Severity, code: string, message: string, stage?: number, span?: Span): void {
    const position = span === undefined ? { line: this.doc.line } : this.positionOf(span.start);
    const at = stage === undefined ? {} : { stage };
    const file = this.doc.file;
    this.diagnostics.push({ severity, code, message: excerpt(message), file, ...position, ...at });
  }

  result(): LoweredQuery {
    return { pipeline: this.stages, diagnostics: this.diagnostics };
  }

  /**
   * File line (and column, from the query's second line on) of an offset into the query. The
   * query's first line may start after `query = "` in the file, so its column is not known.
   */
  private positionOf(offset: number): { line: number; column?: number } {
    const before = this.doc.query.slice(0, Math.max(0, offset));
    const lineBreaks = before.split('\n').length - 1;
    const line = this.doc.queryLine + lineBreaks;
    if (lineBreaks === 0) return { line };
    return { line, column: before.length - before.lastIndexOf('\n') };
  }
}

/** Diagnostics quote rule text; long quotes are cut so that messages stay readable. */
function excerpt(message: string, limit = 200): string {
  const oneLine = message.replace(/\s+/g, ' ');
  return oneLine.length <= limit ? oneLine : `${oneLine.slice(0, limit - 1)}…`;
}
