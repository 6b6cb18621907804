// Lowers an ES|QL query into one stage per command. WHERE conditions become predicates; EVAL
// and RENAME columns that merely rename or case-fold a field are followed back to the field.

import type { Effect, Stage } from '../../ir/index.js';
import { parseEsql } from '../../languages/esql/esql-parser.js';
import type { EsqlAssignment, EsqlCommand, EsqlName } from '../../languages/esql/esql-syntax.js';
import type { ElasticPipeline } from './elastic-pipeline.js';
import { columnOf, lowerEsqlCondition, type ColumnSource } from './lower-esql-condition.js';

/** What each command does to the rows, by name. WHERE depends on whether rows are aggregated. */
const EFFECTS: Record<string, Effect> = {
  from: 'filter',
  eval: 'enrich',
  stats: 'aggregate',
  'inline stats': 'aggregate',
  inlinestats: 'aggregate',
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
    const stage = pipeline.nextIndex();
    pipeline.report('warning', 'esql.syntax', `ES|QL syntax error: ${parsed.error.message}`, stage, parsed.error.span);
    pipeline.add({ command: 'query', text: text.trim(), effect: 'filter', args: {}, opaque: true, span: { start: 0, end: text.length } });
    return;
  }

  const columns = new Map<string, ColumnSource>();
  let aggregated = false;
  parsed.query.commands.forEach((command, position) => {
    const error = parsed.query.errors.find((entry) => entry.command === position)?.error;
    const stage = pipeline.nextIndex();
    if (error !== undefined) {
      pipeline.report('warning', 'esql.unparsed-command', `${command.name.toUpperCase()}: ${error.message}`, stage, error.span);
      const effect = EFFECTS[command.name] ?? 'filter';
      pipeline.add({ command: command.name, text: command.text, effect, args: {}, opaque: true, span: command.span });
      return;
    }
    pipeline.add(stageOf(command, { pipeline, stage, text, columns }, aggregated));
    if (command.body.kind === 'stats') aggregated = true;
    followColumns(command, columns);
  });
}

function stageOf(
  command: EsqlCommand,
  scope: { pipeline: ElasticPipeline; stage: number; text: string; columns: Map<string, ColumnSource> },
  aggregated: boolean,
): Omit<Stage, 'index'> {
  const base = { command: command.name, text: command.text, span: command.span };
  const body = command.body;
  switch (body.kind) {
    case 'from':
      return { ...base, effect: 'filter', args: { index: names(body.sources), metadata: names(body.metadata) } };
    case 'where': {
      const predicate = lowerEsqlCondition(body.condition, scope);
      return { ...base, effect: aggregated ? 'filter-aggregated' : 'filter', args: {}, predicate };
    }
    case 'eval':
      return { ...base, effect: 'enrich', args: { columns: assignments(body.assignments, scope.text) } };
    case 'stats': {
      const by = assignments(body.by, scope.text);
      const args = { aggregations: assignments(body.aggregations, scope.text), by };
      // ES|QL keeps rows whose BY fields are null, in a null group: nothing is dropped.
      return { ...base, effect: 'aggregate', args, groupBy: { fields: by.map((key) => key.name), filled: 'all' } };
    }
    case 'keep':
    case 'drop':
      return { ...base, effect: 'format', args: { fields: names(body.fields) } };
    case 'rename':
      return { ...base, effect: 'format', args: { pairs: body.pairs.map((pair) => ({ from: pair.from.name, to: pair.to.name })) } };
    case 'sort':
      return { ...base, effect: 'format', args: { keys: body.keys.map((key) => ({ key: scope.text.slice(key.expr.span.start, key.expr.span.end), order: key.order })) } };
    case 'limit':
      return { ...base, effect: 'format', args: { count: body.count } };
    case 'dissect':
    case 'grok':
      return { ...base, effect: 'enrich', args: { input: scope.text.slice(body.input.span.start, body.input.span.end), pattern: body.pattern } };
    case 'mv_expand':
      return { ...base, effect: 'enrich', args: { field: body.field.name } };
    case 'lookup join':
      return { ...base, effect: 'enrich', args: { index: body.index.name, on: names(body.on) } };
    case 'enrich':
      return { ...base, effect: 'enrich', args: { policy: body.policy.name, on: body.on?.name ?? null } };
    case 'completion':
      return { ...base, effect: 'enrich', args: { column: body.prompt.name } };
    case 'unparsed':
      return { ...base, effect: EFFECTS[command.name] ?? 'filter', args: {}, opaque: true };
  }
}

/**
 * Keeps track of columns that stand for a rule field: `EVAL x = to_lower(field)`,
 * `EVAL x = field`, `RENAME field AS x`. Any other assignment hides an earlier meaning.
 */
function followColumns(command: EsqlCommand, columns: Map<string, ColumnSource>): void {
  const body = command.body;
  if (body.kind === 'stats') {
    // After STATS only the aggregations and the BY keys remain; BY keys keep their meaning.
    const keys = new Set(body.by.map((key) => key.name ?? ''));
    for (const name of [...columns.keys()]) if (!keys.has(name)) columns.delete(name);
  }
  if (body.kind === 'eval') {
    for (const assignment of body.assignments) {
      if (assignment.name === null) continue;
      const source = columnOf(assignment.expr, { columns });
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

function names(list: EsqlName[]): string[] {
  return list.map((entry) => entry.name);
}

function assignments(list: EsqlAssignment[], text: string): { name: string; expression: string }[] {
  return list.map((assignment) => {
    const expression = text.slice(assignment.expr.span.start, (assignment.where ?? assignment.expr).span.end);
    return { name: assignment.name ?? expression, expression };
  });
}
