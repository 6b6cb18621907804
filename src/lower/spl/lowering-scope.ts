// What lowering one Splunk search shares across its stages: the expanded text, the map back to
// the query as written, and the diagnostics collected so far.

import type {
  Computation,
  ComputedCondition,
  Diagnostic,
  Expr,
  MacroOrigin,
  Predicate,
  RuleDocument,
  Severity,
  Span,
  Stage,
  SubsearchCondition,
} from '../../ir/index.js';
import type { Pipeline } from '../../languages/spl/syntax.js';

/** How offsets in the lowered text map back to the query as written (see ExpansionMap). */
export interface SpanMap {
  originalSpan(span: Span): Span;
  /** 1-based line in the rule file of an offset in the lowered text. */
  lineOf(offset: number): number;
  originOf(span: Span): MacroOrigin | undefined;
}

/** Lowers the pipeline of a subsearch into stages of its own. */
export type SubsearchLowering = (pipeline: Pipeline, scope: LoweringScope) => Stage[];

export class LoweringScope {
  /** Index of the stage being lowered, for diagnostics. */
  stage: number | undefined;
  /** Set by the pipeline lowering, which knows how to lower nested searches. */
  lowerSubsearch: SubsearchLowering = () => [];

  constructor(
    readonly doc: RuleDocument,
    /** The search after macro expansion; every span below points into it. */
    readonly text: string,
    readonly map: SpanMap,
    readonly diagnostics: Diagnostic[] = [],
  ) {}

  /** A scope for other text (a macro definition) reporting into the same diagnostics. */
  within(text: string, map: SpanMap): LoweringScope {
    const scope = new LoweringScope(this.doc, text, map, this.diagnostics);
    scope.stage = this.stage;
    scope.lowerSubsearch = this.lowerSubsearch;
    return scope;
  }

  report(severity: Severity, code: string, message: string, span: Span): void {
    const diagnostic: Diagnostic = {
      severity,
      code,
      message,
      file: this.doc.file,
      line: this.map.lineOf(span.start),
    };
    if (this.stage !== undefined) diagnostic.stage = this.stage;
    this.diagnostics.push(diagnostic);
  }

  /** Something not understood: an opaque node with its text, and a warning saying why. */
  opaque(span: Span, reason: string): Expr {
    const text = this.slice(span);
    this.report('warning', 'spl.opaque-predicate', `${reason}: ${text}`, span);
    const expr: Expr = { kind: 'opaque', text, reason, span: this.map.originalSpan(span) };
    const origin = this.map.originOf(span);
    if (origin) expr.origin = origin;
    return expr;
  }

  /** A predicate on `span` of the expanded text, with its span and macro origin filled in. */
  predicate(fields: Omit<Predicate, 'text' | 'span' | 'origin'>, span: Span): Expr {
    const predicate: Predicate = {
      ...fields,
      text: this.slice(span),
      span: this.map.originalSpan(span),
    };
    const origin = this.map.originOf(span);
    if (origin) predicate.origin = origin;
    return { kind: 'predicate', predicate };
  }

  /** A condition on computed values, read from `span` of the expanded text. */
  computed(condition: Computation, fields: string[], span: Span): Expr {
    const computed: ComputedCondition = {
      condition,
      fields,
      caseSensitive: true,
      text: this.slice(span),
      span: this.map.originalSpan(span),
    };
    const origin = this.map.originOf(span);
    if (origin) computed.origin = origin;
    return { kind: 'computed', computed };
  }

  /** The event's `fields` equal a row the nested search on `span` returns. */
  subsearch(fields: string[], pipeline: Pipeline, span: Span): Expr {
    const subsearch: SubsearchCondition = {
      fields,
      stages: this.lowerSubsearch(pipeline, this),
      text: this.slice(span),
      span: this.map.originalSpan(span),
    };
    const origin = this.map.originOf(span);
    if (origin) subsearch.origin = origin;
    return { kind: 'subsearch', subsearch };
  }

  slice(span: Span): string {
    return this.text.slice(span.start, span.end);
  }
}
