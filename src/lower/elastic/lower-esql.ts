// Lowers an ES|QL query into one stage per command. WHERE conditions become predicates; EVAL
// and RENAME columns that merely rename or case-fold a field are followed back to the field.

import type { Effect, Span } from '../../ir/index.js';
import { parseEsql } from '../../languages/esql/esql-parser.js';
import type {
  EsqlAssignment,
  EsqlCommand,
  EsqlName,
} from '../../languages/esql/esql-syntax.js';
import type { ElasticPipeline, NewStage } from './elastic-pipeline.js';
import { columnOf, type ColumnSource } from './esql-columns.js';
import { lowerEsqlCondition, type EsqlScope } from './lower-esql-condition.js';
import { indexConstraint } from './index-constraint.js';

/** What each command does to the rows, by name. WHERE depends on whether rows are aggregated. */
const EFFECTS: Record<string, Effect> = {
  from: 'filter',
  eval: 'enrich',
  stats: 'aggregate',
  // INLINE STATS keeps every row and adds its group's aggregates to it.
  'inline stats': 'enrich',
  inlinestats: 'enrich',
  keep: 'format',
  drop: 'format',
  rename: 'format',
  sort: 'format',
  // LIMIT caps how many rows become alerts; it does not choose rows by content.
  limit: 'format',
  dissect: 'enrich',
  grok: 'enrich',
  mv_expand: 'enrich',
  'lookup join': 'enrich',
  enrich: 'enrich',
  completion: 'enrich',
};

export function lowerEsql(pipeline: ElasticPipeline): void {
  const text = pipeline.doc.query;
  const parsed = parseEsql(text);
  if (!parsed.ok) {
    const message = `ES|QL syntax error: ${parsed.error.message}`;
    pipeline.addUnparsableQuery('esql.syntax', message, parsed.error.span);
    return;
  }

  const columns = new Map<string, ColumnSource>();
  let aggregated = false;
  parsed.query.commands.forEach((command, position) => {
    const error = parsed.query.errors.find((entry) => entry.command === position)?.error;
    const stage = pipeline.nextIndex();
    if (error !== undefined) {
      const message = `${command.name.toUpperCase()}: ${error.message}`;
      pipeline.report('error', 'esql.unparsed-command', message, stage, error.span);
      pipeline.add({ ...commandStage(command, EFFECTS[command.name] ?? 'filter'), opaque: true });
      return;
    }
    pipeline.add(stageOf(command, { pipeline, stage, text, columns }, aggregated));
    if (command.body.kind === 'stats') aggregated = true;
    followColumns(command, columns);
  });
}

function stageOf(command: EsqlCommand, scope: EsqlScope, aggregated: boolean): NewStage {
  const body = command.body;
  const stage = (effect: Effect, args: NewStage['args'] = {}) =>
    commandStage(command, effect, args);
  const text = (span: Span) => scope.text.slice(span.start, span.end);

  switch (body.kind) {
    case 'from': {
      const index = names(body.sources);
      const predicate = indexConstraint(index);
      return { ...stage('filter', { index, metadata: names(body.metadata) }), predicate };
    }
    case 'where': {
      const predicate = lowerEsqlCondition(body.condition, scope);
      return { ...stage(aggregated ? 'filter-aggregated' : 'filter'), predicate };
    }
    case 'eval':
      return stage('enrich', { columns: assignments(body.assignments, scope.text) });
    case 'stats': {
      const by = assignments(body.by, scope.text);
      const args = { aggregations: assignments(body.aggregations, scope.text), by };
      if (isInline(command)) return stage('enrich', args);
      // ES|QL keeps rows whose BY fields are null, in a null group: nothing is dropped.
      const groupBy = { fields: by.map((key) => key.name), filled: 'all' as const };
      return { ...stage('aggregate', args), groupBy };
    }
    case 'keep':
    case 'drop':
      return stage('format', { fields: names(body.fields) });
    case 'rename': {
      const pairs = body.pairs.map((pair) => ({ from: pair.from.name, to: pair.to.name }));
      return stage('format', { pairs });
    }
    case 'sort':
      return stage('format', {
        keys: body.keys.map((key) => ({ key: text(key.expr.span), order: key.order })),
      });
    case 'limit':
      // Keeps the first rows only: rows are dropped by position, not by a condition.
      return stage('filter-aggregated', { count: body.count });
    case 'dissect':
    case 'grok':
      return stage('enrich', { input: text(body.input.span), pattern: body.pattern });
    case 'mv_expand':
      return stage('enrich', { field: body.field.name });
    case 'lookup join':
      return stage('enrich', { index: body.index.name, on: names(body.on) });
    case 'enrich':
      return stage('enrich', { policy: body.policy.name, on: body.on?.name ?? null });
    case 'completion':
      return stage('enrich', { column: body.prompt.name });
    case 'unparsed':
      return { ...stage(EFFECTS[command.name] ?? 'filter'), opaque: true };
  }
}

function commandStage(command: EsqlCommand, effect: Effect, args: NewStage['args'] = {}): NewStage {
  return { command: command.name, text: command.text, effect, args, span: command.span };
}

/**
 * Keeps track of columns that stand for a rule field: `EVAL x = to_lower(field)`,
 * `EVAL x = field`, `RENAME field AS x`. Any other assignment hides an earlier meaning.
 */
// LIMITATION: a column computed otherwise (`EVAL x = replace(f, "a", "")`) is compared as a
// column of its own name — its predicates name `x`, not the expression that defines it.
function followColumns(command: EsqlCommand, columns: Map<string, ColumnSource>): void {
  const body = command.body;
  if (body.kind === 'stats' && !isInline(command)) {
    // After STATS only the aggregations and the BY keys remain; BY keys keep their meaning.
    const keys = new Set(body.by.map((key) => key.name ?? ''));
    for (const name of [...columns.keys()]) if (!keys.has(name)) columns.delete(name);
  }
  if (body.kind === 'eval') {
    for (const assignment of body.assignments) {
      if (assignment.name === null) continue;
      const source = columnOf(assignment.expr, columns);
      if (source === null) columns.delete(assignment.name);
      else columns.set(assignment.name, source);
    }
  }
  if (body.kind === 'rename') {
    for (const { from, to } of body.pairs) {
      columns.set(to.name, columns.get(from.name) ?? { field: from.name, caseInsensitive: false });
      columns.delete(from.name);
    }
  }
}

/** INLINE STATS adds aggregates to the rows; later conditions may still read them. */
function isInline(command: EsqlCommand): boolean {
  return command.name === 'inline stats' || command.name === 'inlinestats';
}

function names(list: EsqlName[]): string[] {
  return list.map((entry) => entry.name);
}

/** Each assignment's column name (its text when unnamed) and expression as written. */
function assignments(list: EsqlAssignment[], text: string): { name: string; expression: string }[] {
  return list.map((assignment) => {
    const end = (assignment.where ?? assignment.expr).span.end;
    const expression = text.slice(assignment.expr.span.start, end);
    return { name: assignment.name ?? expression, expression };
  });
}
