// A condition part with no predicate form: kept as its query text, with a warning saying why.

import type { Expr, Span } from '../../ir/index.js';
import type { ElasticPipeline } from './elastic-pipeline.js';

/** Where a condition's spans point: the query text and the stage it belongs to. */
export interface ConditionSite {
  pipeline: ElasticPipeline;
  stage: number;
  text: string;
}

/** `code` names the language's diagnostic (`eql.unsupported`, `esql.unsupported`). */
export function opaqueCondition(code: string, span: Span, what: string, site: ConditionSite): Expr {
  const text = site.text.slice(span.start, span.end);
  const reason = `${what} is not lowered`;
  site.pipeline.report('warning', code, `${reason}: ${text}`, site.stage, span);
  return { kind: 'opaque', text, reason, span };
}
