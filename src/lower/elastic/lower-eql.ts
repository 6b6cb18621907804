// Lowers an EQL rule query into stages: an event query is one `query` filter stage; a sequence or
// sample is an aggregate stage followed by one stage per step; pipes follow.

import { and, or, predicate, type Expr, type Span, type Stage } from '../../ir/index.js';
import { parseEql } from '../../languages/eql/eql-parser.js';
import type {
  EqlEventQuery,
  EqlPipe,
  EqlSample,
  EqlSequence,
  EqlStep,
} from '../../languages/eql/eql-syntax.js';
import type { ElasticPipeline } from './elastic-pipeline.js';
import { lowerEqlCondition, type EqlScope } from './lower-eql-condition.js';

/** Pipes that only pick or order results. */
const FORMAT_PIPES: ReadonlySet<string> = new Set(['head', 'tail', 'sort']);
/** Pipes that group results. */
const AGGREGATE_PIPES: ReadonlySet<string> = new Set(['unique', 'unique_count', 'count']);

// LIMITATION: the order of a sequence's steps, its maxspan and its join keys are arguments, not
// predicates — what a sequence matches as a whole is not modelled, only what each event needs.

/**
 * `categoryField` is the field an event's category is read from: `event.category` unless the
 * rule sets `event_category_override`.
 */
export function lowerEql(pipeline: ElasticPipeline, categoryField: string): void {
  const text = pipeline.doc.query;
  const parsed = parseEql(text);
  if (!parsed.ok) {
    const message = `EQL syntax error: ${parsed.error.message}`;
    pipeline.addUnparsableQuery('eql.syntax', message, parsed.error.span);
    return;
  }

  const { body, pipes } = parsed.query;
  const lowering = new EqlLowering(pipeline, text, categoryField);
  if (body.kind === 'event') lowering.eventStage(body);
  else lowering.joinStages(body);
  for (const pipe of pipes) lowering.pipeStage(pipe, body.kind !== 'event');
}

class EqlLowering {
  constructor(
    private readonly pipeline: ElasticPipeline,
    private readonly text: string,
    private readonly categoryField: string,
  ) {}

  eventStage(query: EqlEventQuery): void {
    const scope = this.scope();
    const condition = this.eventCondition(query, scope);
    const text = this.slice(query.span);
    this.pipeline.add({
      command: 'query',
      text,
      effect: 'filter',
      args: {},
      predicate: condition,
      span: query.span,
    });
  }

  /**
   * A sequence or sample: an aggregate stage whose predicate is what one event must satisfy to
   * take part (any step's condition), then a stage per step with that step's condition.
   */
  joinStages(join: EqlSequence | EqlSample): void {
    const index = this.pipeline.nextIndex();
    const stepCount = join.steps.length;
    const firstStepIndex = index + 1;
    const stepConditions = join.steps.map((step, position) =>
      this.eventCondition(step.query, this.scope(firstStepIndex + position)),
    );
    const takingPart = stepConditions.filter((_, position) => !join.steps[position].missing);

    const header = { start: join.span.start, end: join.steps[0].span.start };
    const args: Stage['args'] = { by: this.keys(join.by), steps: stepCount };
    if (join.kind === 'sequence') {
      args.maxspan = join.maxspan?.text ?? null;
      args.until = join.until === null ? null : this.slice(join.until.span);
    }
    this.pipeline.add({
      command: join.kind,
      text: this.slice(header).trim(),
      effect: 'aggregate',
      args,
      predicate: or(takingPart),
      span: header,
    });

    join.steps.forEach((step, position) => {
      this.stepStage(step, position + 1, stepConditions[position]);
    });
    if (join.kind === 'sequence' && join.until !== null) this.untilStage(join.until);
  }

  pipeStage(pipe: EqlPipe, afterJoin: boolean): void {
    const text = this.slice(pipe.span);
    const args = { arguments: pipe.args.map((arg) => this.slice(arg.span)) };
    if (FORMAT_PIPES.has(pipe.name)) {
      this.pipeline.add({ command: pipe.name, text, effect: 'format', args, span: pipe.span });
      return;
    }
    if (AGGREGATE_PIPES.has(pipe.name)) {
      this.pipeline.add({ command: pipe.name, text, effect: 'aggregate', args, span: pipe.span });
      return;
    }
    if (pipe.name === 'filter' && pipe.args.length === 1) {
      const condition = lowerEqlCondition(pipe.args[0], this.scope());
      const effect = afterJoin ? 'filter-aggregated' : 'filter';
      const span = pipe.span;
      this.pipeline.add({ command: 'filter', text, effect, args: {}, predicate: condition, span });
      return;
    }
    const message = `pipe '${pipe.name}' is not lowered`;
    const stage = this.pipeline.nextIndex();
    this.pipeline.report('warning', 'eql.unsupported-pipe', message, stage, pipe.span);
    const span = pipe.span;
    this.pipeline.add({ command: pipe.name, text, effect: 'filter', args, opaque: true, span });
  }

  /** `[ … ]` steps keep their condition; `![ … ]` steps require that no such event occurs. */
  private stepStage(step: EqlStep, position: number, condition: Expr): void {
    const args: Stage['args'] = { step: position, by: this.keys(step.by) };
    if (step.runs !== null) args.runs = step.runs;
    if (step.missing) args.missing = true;
    this.pipeline.add({
      command: 'step',
      text: this.slice(step.span),
      effect: 'filter-aggregated',
      args,
      predicate: step.missing ? { kind: 'not', arg: condition } : condition,
      span: step.span,
    });
  }

  /**
   * An event matching the until step ends the sequences in progress, so a sequence is kept only
   * when no such event came before its last step: like a missing step, the condition is negated.
   */
  private untilStage(until: EqlStep): void {
    const condition = this.eventCondition(until.query, this.scope());
    const args = { by: this.keys(until.by) };
    this.pipeline.add({
      command: 'until',
      text: this.slice(until.span),
      effect: 'filter-aggregated',
      args,
      predicate: { kind: 'not', arg: condition },
      span: until.span,
    });
  }

  /** `category where condition` is `categoryField == category AND condition`, except for `any`. */
  private eventCondition(query: EqlEventQuery, scope: EqlScope): Expr {
    const condition = lowerEqlCondition(query.condition, scope);
    if (query.category.name === 'any') return condition;
    const category = predicate({
      field: this.categoryField,
      op: 'eq',
      values: [query.category.name],
      caseSensitive: true,
      text: this.slice(query.category.span),
      span: query.category.span,
    });
    return and([category, condition]);
  }

  private scope(stage = this.pipeline.nextIndex()): EqlScope {
    return { pipeline: this.pipeline, stage, text: this.text };
  }

  /** Join keys as written. */
  private keys(by: { span: Span }[]): string[] {
    return by.map((key) => this.slice(key.span));
  }

  private slice(span: Span): string {
    return this.text.slice(span.start, span.end);
  }
}
