// The matcher's evaluator for EQL rules: the rule's own query, parsed again and evaluated with
// Elasticsearch's EQL semantics. An event query decides a match; a sequence or sample needs
// several events, so it is partial: an event matches when it could take one of its steps.

import { predicatesOf, type AnalyzedRule, type Span } from '../../ir/index.js';
import { parseEql } from '../../languages/eql/eql-parser.js';
import type {
  EqlEventQuery,
  EqlPipe,
  EqlSample,
  EqlSequence,
} from '../../languages/eql/eql-syntax.js';
import type { EventRecord } from '../event-record.js';
import type { NotEvaluable, RuleEvaluator, Verdict } from '../verdict.js';
import { EqlConditions } from './eql-condition.js';
import { keywordText, valuesOf } from './event-values.js';
import { allOf, failed, TRUE, verdictOf, type EventCondition } from './outcome.js';
import { ruleEvaluator, ruleScope } from './rule-scope.js';

const DEFAULT_CATEGORY_FIELD = 'event.category';
/** Pipes that only pick or order results. */
const FORMAT_PIPES: ReadonlySet<string> = new Set(['head', 'tail', 'sort']);
/** Longest step text a verdict quotes. */
const STEP_EXCERPT = 120;

export function eqlEvaluator(rule: AnalyzedRule): RuleEvaluator | NotEvaluable {
  const scope = ruleScope(rule, 'eql');
  if ('notEvaluable' in scope) return scope;

  const parsed = parseEql(rule.query);
  if (!parsed.ok) return { notEvaluable: `EQL syntax error: ${parsed.error.message}` };
  const { body, pipes } = parsed.query;
  const queries = new EventQueries(rule);

  if (body.kind !== 'event') return ruleEvaluator(scope, queries.join(body), true);
  const filters = pipes.filter((pipe) => pipe.name === 'filter');
  const condition = queries.event(body, filters);
  const partial = pipes.some((pipe) => pipe.name !== 'filter' && !FORMAT_PIPES.has(pipe.name));
  return ruleEvaluator(scope, (event) => verdictOf(condition(event)), partial);
}

class EventQueries {
  private readonly conditions: EqlConditions;

  constructor(private readonly rule: AnalyzedRule) {
    this.conditions = new EqlConditions(rule.query);
  }

  /** `category where condition`, then the `| filter` pipes. */
  event(query: EqlEventQuery, filters: EqlPipe[] = []): EventCondition {
    const category = this.category(query);
    const condition = this.conditions.condition(query.condition);
    // LIMITATION: a `| filter` pipe with other than one argument is not evaluated — its events
    // count as passing it.
    const piped = filters.filter((pipe) => pipe.args.length === 1)
      .map((pipe) => this.conditions.condition(pipe.args[0]));
    const parts = [category, condition, ...piped];
    return (event) => allOf(parts.map((part) => () => part(event)));
  }

  /**
   * A sequence or sample: the event matches when it satisfies a step (not a `![ … ]` step that
   * must not happen, nor `until`), join keys included.
   */
  // LIMITATION: a sequence's order, maxspan, until step and `runs` count, and a sample's
  // grouping, need several events — the rule is partial, and an event matches by one step.
  join(join: EqlSequence | EqlSample): (event: EventRecord) => Verdict {
    const steps = join.steps
      .map((step, position) => ({ step, position }))
      .filter(({ step }) => !step.missing)
      .map(({ step, position }) => {
        const keys = this.conditions.keysPresent([...join.by, ...step.by]);
        const query = this.event(step.query);
        const name = `step ${position + 1} of ${join.steps.length}`;
        const condition: EventCondition = (event) =>
          allOf([() => query(event), () => keys(event)]);
        return { name, text: excerpt(this.slice(step.span)), condition };
      });

    return (event) => {
      const outcomes = steps.map((step) => step.condition(event));
      const matched = steps.filter((_, index) => outcomes[index].kind === 'true');
      if (matched.length > 0) {
        const part = matched.map((step) => `${step.name}: ${step.text}`).join('; ');
        return { status: 'matched', reason: null, part };
      }
      const undecided = outcomes.find((outcome) => outcome.kind === 'unknown');
      if (undecided !== undefined) return verdictOf(undecided);
      const reasons = steps.map((step, index) => {
        const outcome = outcomes[index];
        return `${step.name}: ${'failed' in outcome ? outcome.failed : ''}`;
      });
      return { status: 'not-matched', reason: `no step matches — ${reasons.join('; ')}` };
    };
  }

  /** The event category, read from `event.category` or the rule's override; `any` is all. */
  private category(query: EqlEventQuery): EventCondition {
    const { name, span } = query.category;
    if (name === 'any') return () => TRUE;
    const field = this.categoryField(span, name);
    const written = this.slice(span);
    return (event) => {
      const categories = valuesOf(event, field).map(keywordText);
      if (categories.includes(name)) return TRUE;
      const found = categories.length === 0 ? 'missing' : categories.join(', ');
      return failed(`${written} (${field}: ${found})`);
    };
  }

  /**
   * The stored rule keeps `event_category_override` only in its lowered query: the category
   * predicate, which points at the category's span.
   */
  private categoryField(span: Span, name: string): string {
    for (const stage of this.rule.pipeline) {
      if (stage.predicate === undefined) continue;
      for (const { predicate } of predicatesOf(stage.predicate)) {
        const at = predicate.span;
        if (at?.start !== span.start || at.end !== span.end) continue;
        if (predicate.op === 'eq' && predicate.values[0] === name) return predicate.field;
      }
    }
    return DEFAULT_CATEGORY_FIELD;
  }

  private slice(span: Span): string {
    return this.rule.query.slice(span.start, span.end);
  }
}

function excerpt(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length <= STEP_EXCERPT ? oneLine : `${oneLine.slice(0, STEP_EXCERPT - 1)}…`;
}
