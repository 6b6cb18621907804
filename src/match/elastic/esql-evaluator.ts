// The matcher's evaluator for ES|QL rules: the rule's own query, parsed again and run on the
// event as a one-row table, command by command, until STATS (or INLINE STATS) aggregates — the
// per-event part; a rule that aggregates is partial. The event matches when a row survives.

import type { AnalyzedRule } from '../../ir/index.js';
import { parseEsql } from '../../languages/esql/esql-parser.js';
import type { EsqlCommand, EsqlName } from '../../languages/esql/esql-syntax.js';
import type { EventRecord } from '../event-record.js';
import type { NotEvaluable, RuleEvaluator, Verdict } from '../verdict.js';
import { dissectPattern } from './dissect-pattern.js';
import { EsqlExpressions, type RowCondition } from './esql-expressions.js';
import { columnOf, copyRow, eventRow, type EsqlRow } from './esql-row.js';
import { isUnknown, listOfValue, type Computed } from './esql-values.js';
import { grokPattern } from './grok-pattern.js';
import { indexCondition } from './index-patterns.js';
import { ruleEvaluator, ruleScope } from './rule-scope.js';
import { writtenPattern } from './wildcard-match.js';

/** The rows left after a command, and why the first dropped row was dropped. */
interface Rows {
  rows: EsqlRow[];
  failed: string | null;
}

type Step = (rows: Rows) => Rows;

/** What DISSECT and GROK patterns give: columns, and their values in one text. */
interface ExtractionPattern {
  columns: string[];
  match(text: string): Map<string, Computed> | null;
}

/** Commands that aggregate rows: what follows them is not about one event. */
const AGGREGATIONS: ReadonlySet<string> = new Set(['stats', 'inline stats', 'inlinestats']);

export function esqlEvaluator(rule: AnalyzedRule): RuleEvaluator | NotEvaluable {
  const scope = ruleScope(rule, 'esql');
  if ('notEvaluable' in scope) return scope;

  const parsed = parseEsql(rule.query);
  if (!parsed.ok) return { notEvaluable: `ES|QL syntax error: ${parsed.error.message}` };
  const { commands, errors } = parsed.query;
  if (commands.length === 0) return { notEvaluable: 'the ES|QL query has no command' };

  const aggregation = commands.findIndex((command) => AGGREGATIONS.has(command.name));
  const perEvent = aggregation < 0 ? commands : commands.slice(0, aggregation);
  const expressions = new EsqlExpressions(rule.query);
  const steps = perEvent.map((command, position) => {
    const error = errors.find((entry) => entry.command === position)?.error;
    if (error !== undefined) {
      return uncertainStep(`${command.name.toUpperCase()} cannot be read: ${error.message}`);
    }
    return stepOf(command, expressions);
  });
  return ruleEvaluator(scope, (event) => run(steps, event), aggregation >= 0);
}

function run(steps: Step[], event: EventRecord): Verdict {
  let rows: Rows = { rows: [eventRow(event)], failed: null };
  for (const step of steps) rows = step(rows);

  if (rows.rows.some((row) => row.uncertain === null)) return { status: 'matched', reason: null };
  const uncertain = rows.rows.find((row) => row.uncertain !== null);
  if (uncertain !== undefined) return { status: 'undecided', reason: uncertain.uncertain };
  return { status: 'not-matched', reason: rows.failed ?? 'no row is left' };
}

function stepOf(command: EsqlCommand, expressions: EsqlExpressions): Step {
  const body = command.body;
  switch (body.kind) {
    case 'from': {
      const patterns = body.sources.map((source) => source.name);
      const condition = indexCondition(patterns, `FROM ${patterns.join(', ')}`);
      return filterStep((row) => condition(row.event));
    }
    case 'where': {
      const condition = expressions.condition(body.condition);
      return filterStep(condition);
    }
    case 'eval': {
      const assignments = body.assignments.map((assignment) => ({
        name: assignment.name ?? commandText(command, assignment.expr.span),
        value: expressions.value(assignment.expr),
      }));
      return mapStep((row) => {
        for (const { name, value } of assignments) row.columns.set(name, value(row));
      });
    }
    case 'rename':
      return mapStep((row) => {
        for (const { from, to } of body.pairs) {
          const value = columnOf(row, from.name);
          row.columns.delete(from.name);
          row.columns.set(to.name, value);
        }
      });
    case 'keep':
    case 'drop': {
      const matches = namesMatcher(body.fields);
      const keep = body.kind === 'keep';
      return mapStep((row) => {
        for (const name of [...row.columns.keys()]) {
          if (matches(name) !== keep) row.columns.delete(name);
        }
      });
    }
    case 'dissect':
    case 'grok': {
      const pattern =
        body.kind === 'dissect' ? dissectPattern(body.pattern) : grokPattern(body.pattern);
      return extractStep(body.pattern, pattern, expressions.value(body.input));
    }
    case 'mv_expand':
      return expandStep(body.field.name);
    case 'lookup join':
    case 'enrich': {
      const what = command.text.replace(/\s+/g, ' ');
      const reason = `${what} adds columns from data outside the event`;
      return mapStep((row) => {
        row.open = reason;
      });
    }
    case 'completion': {
      const name = body.prompt.name ?? 'completion';
      return mapStep((row) => {
        row.columns.set(name, { unknown: 'COMPLETION asks a language model' });
      });
    }
    case 'sort':
    case 'limit':
      // LIMITATION: LIMIT and SORT are ignored — on one event they change nothing unless the
      // limit is 0.
      return (rows) => rows;
    default:
      return uncertainStep(`${command.name.toUpperCase()} is not evaluated`);
  }
}

/** Keeps the rows the condition holds for; an undecided condition keeps the row as uncertain. */
function filterStep(condition: RowCondition): Step {
  return ({ rows, failed }) => {
    const kept: EsqlRow[] = [];
    let firstFailure = failed;
    for (const row of rows) {
      const outcome = condition(row);
      if (outcome.kind === 'true') kept.push(row);
      else if (outcome.kind !== 'unknown') firstFailure ??= outcome.failed;
      else kept.push({ ...row, uncertain: row.uncertain ?? outcome.reason });
    }
    return { rows: kept, failed: firstFailure };
  };
}

/** Changes each row (on a copy, so that rows of other events are never shared). */
function mapStep(change: (row: EsqlRow) => void): Step {
  return ({ rows, failed }) => ({
    rows: rows.map((row) => {
      const copy = copyRow(row);
      change(copy);
      return copy;
    }),
    failed,
  });
}

function uncertainStep(reason: string): Step {
  return ({ rows, failed }) => ({
    rows: rows.map((row) => ({ ...row, uncertain: row.uncertain ?? reason })),
    failed,
  });
}

/** One row per value of a multi-valued column; a null column keeps its row. */
function expandStep(name: string): Step {
  return ({ rows, failed }) => ({
    rows: rows.flatMap((row) => {
      const value = columnOf(row, name);
      if (isUnknown(value)) return [{ ...row, uncertain: row.uncertain ?? value.unknown }];
      const values = listOfValue(value);
      if (values.length <= 1) return [row];
      return values.map((item) => {
        const copy = copyRow(row);
        copy.columns.set(name, item);
        return copy;
      });
    }),
    failed,
  });
}

/**
 * DISSECT and GROK: the pattern's columns from the input text; null when it does not fit (or
 * the input is not one text), unknown when the pattern cannot be evaluated.
 */
function extractStep(
  written: string,
  pattern: ExtractionPattern | { unsupported: string },
  input: (row: EsqlRow) => Computed,
): Step {
  if ('unsupported' in pattern) {
    const reason = { unknown: pattern.unsupported };
    const names = patternColumns(written);
    return mapStep((row) => names.forEach((name) => row.columns.set(name, reason)));
  }
  return mapStep((row) => {
    const value = input(row);
    const parts = typeof value === 'string' ? pattern.match(value) : null;
    for (const column of pattern.columns) {
      row.columns.set(column, isUnknown(value) ? value : (parts?.get(column) ?? null));
    }
  });
}

/**
 * The columns a GROK or DISSECT pattern writes: `%{SYNTAX:name}`, `%{SYNTAX:name:type}`,
 * `%{name}` (DISSECT) and `(?<name>…)`, read by scanning, never by regex.
 */
function patternColumns(pattern: string): string[] {
  const names = new Set<string>();
  for (let at = pattern.indexOf('%{'); at >= 0; at = pattern.indexOf('%{', at + 2)) {
    const close = pattern.indexOf('}', at);
    if (close < 0) break;
    const parts = pattern.slice(at + 2, close).split(':');
    const written = parts.length === 1 ? parts[0] : parts[1];
    const name = written.replace(/^[+*&?]/, '').replace(/->$/, '');
    if (name !== '') names.add(name);
  }
  for (let at = pattern.indexOf('(?<'); at >= 0; at = pattern.indexOf('(?<', at + 3)) {
    const close = pattern.indexOf('>', at);
    if (close > at + 3) names.add(pattern.slice(at + 3, close));
  }
  return [...names];
}

/** KEEP and DROP names, with `*` wildcards. */
function namesMatcher(names: EsqlName[]): (name: string) => boolean {
  const patterns = names.map((name) =>
    writtenPattern(name.name, { caseInsensitive: false, escapes: false }));
  return (name) => patterns.some((pattern) => pattern.test(name));
}

function commandText(command: EsqlCommand, span: { start: number; end: number }): string {
  const offset = command.span.start;
  return command.text.slice(span.start - offset, span.end - offset);
}
