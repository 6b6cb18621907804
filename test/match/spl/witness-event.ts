// A witness event for an SPL rule: field values that satisfy its lowered event filter (the
// first alternative of each OR), plus every by-field of its first aggregation (a data-model
// row's fields keep their dataset prefix, `Processes.dest`). The SPL
// evaluator then judges the rule's own text on it — lowering and evaluator must agree.

import type { Expr, Predicate, Rule, Scalar } from '../../../src/ir/index.js';
import { RAW_FIELD } from '../../../src/ir/index.js';
import type { EventRecord, EventValue } from '../../../src/match/event-record.js';

interface FieldNeeds {
  equal: Scalar | null;
  /** Wildcard patterns the value must match whole. */
  patterns: string[];
  starts: string[];
  contains: string[];
  ends: string[];
  present: boolean;
  /** Predicates the value must not satisfy. */
  avoid: Predicate[];
}

/** The witness event, or null when the filter holds something no plain value satisfies. */
export function witnessOf(rule: Rule): EventRecord | null {
  const needs = new Map<string, FieldNeeds>();
  if (rule.eventFilter && !require(rule.eventFilter, false, needs)) return null;

  const fields: Record<string, EventValue> = {};
  const terms: string[] = [];
  for (const [field, need] of needs) {
    const value = valueFor(need);
    if (value === undefined) return null;
    if (value === null) continue;
    if (field === RAW_FIELD) terms.push(String(value), ...need.contains);
    else fields[field] = value;
  }
  for (const field of byFields(rule)) {
    if (field !== RAW_FIELD) fields[field] ??= 'x';
  }
  const raw = `${JSON.stringify(fields)} ${terms.join(' ')}`;
  return { file: 'witness.json', index: 0, fields: new Map(Object.entries(fields)), raw };
}

/** Whether the rule's per-event part is filters only (no eval, lookup, rex before them). */
export function filtersOnly(rule: Rule): boolean {
  for (const stage of rule.pipeline) {
    if (stage.effect === 'aggregate') return !stage.opaque;
    if (stage.opaque || stage.effect === 'enrich' || stage.effect === 'filter-aggregated') {
      return false;
    }
  }
  return true;
}

/** The first aggregation's by-fields, filled or not: the event has every field named. */
function byFields(rule: Rule): string[] {
  const aggregate = rule.pipeline.find((stage) => stage.effect === 'aggregate');
  return aggregate?.groupBy?.fields ?? [];
}

function require(expr: Expr, negated: boolean, needs: Map<string, FieldNeeds>): boolean {
  switch (expr.kind) {
    case 'and':
      return negated
        ? require(expr.args[0], true, needs)
        : expr.args.every((arg) => require(arg, false, needs));
    case 'or':
      return negated
        ? expr.args.every((arg) => require(arg, true, needs))
        : require(expr.args[0], false, needs);
    case 'not':
      return require(expr.arg, !negated, needs);
    case 'predicate':
      return negated ? avoid(expr.predicate, needs) : need(expr.predicate, needs);
    default:
      return false;
  }
}

function needsOf(field: string, needs: Map<string, FieldNeeds>): FieldNeeds {
  let found = needs.get(field);
  if (!found) {
    found = {
      equal: null,
      patterns: [],
      starts: [],
      contains: [],
      ends: [],
      present: false,
      avoid: [],
    };
    needs.set(field, found);
  }
  return found;
}

function need(predicate: Predicate, needs: Map<string, FieldNeeds>): boolean {
  const field = needsOf(predicate.field, needs);
  const [value] = predicate.values;
  field.present = true;
  switch (predicate.op) {
    case 'eq':
    case 'in':
      if (field.equal !== null && field.equal !== value) return false;
      field.equal = value;
      return true;
    case 'contains':
      field.contains.push(String(value));
      return true;
    case 'startswith':
      field.starts.push(String(value));
      return true;
    case 'endswith':
      field.ends.push(String(value));
      return true;
    case 'wildcard':
      field.patterns.push(String(value));
      return true;
    case 'exists':
      return true;
    case 'gt':
    case 'ge':
    case 'lt':
    case 'le': {
      const bound = Number(value);
      if (!Number.isFinite(bound)) return false;
      const step = predicate.op === 'gt' ? 1 : predicate.op === 'lt' ? -1 : 0;
      field.equal = bound + step;
      return true;
    }
    case 'cidr':
      field.equal = String(value).split('/')[0];
      return true;
    case 'ne':
      field.avoid.push({ ...predicate, op: 'eq' });
      return true;
    default:
      return false;
  }
}

function avoid(predicate: Predicate, needs: Map<string, FieldNeeds>): boolean {
  if (predicate.op === 'exists') return !needsOf(predicate.field, needs).present;
  needsOf(predicate.field, needs).avoid.push(predicate);
  return true;
}

/** A value meeting the needs; null for an absent field; undefined when none does. */
function valueFor(need: FieldNeeds): Scalar | undefined {
  if (!need.present) return null;
  const longest = (texts: string[]) => texts.reduce((a, b) => (b.length > a.length ? b : a), '');
  const [pattern, ...others] = need.patterns;
  const anchored = pattern === undefined ? null : literalOf(pattern);
  const shaped = need.equal !== null || need.starts.length + need.ends.length > 0;
  if (anchored !== null && (others.length > 0 || shaped || need.contains.length > 0)) {
    return undefined;
  }
  const value = need.equal ?? anchored
    ?? (`${longest(need.starts)}${need.contains.join('')}${longest(need.ends)}` || 'x');
  const text = String(value).toLowerCase();
  const holds = need.starts.every((start) => text.startsWith(start.toLowerCase()))
    && need.contains.every((part) => text.includes(part.toLowerCase()))
    && need.ends.every((end) => text.endsWith(end.toLowerCase()));
  if (!holds) return undefined;
  const avoided = need.avoid.every((predicate) => !satisfies(predicate, text));
  return avoided ? value : undefined;
}

function satisfies(predicate: Predicate, text: string): boolean {
  const value = String(predicate.values[0] ?? '').toLowerCase();
  switch (predicate.op) {
    case 'eq':
      return text === value;
    case 'in':
      return predicate.values.some((item) => String(item).toLowerCase() === text);
    case 'contains':
      return text.includes(value);
    case 'startswith':
      return text.startsWith(value);
    case 'endswith':
      return text.endsWith(value);
    default:
      return true;
  }
}

/** A wildcard pattern's literal text, wildcards matching nothing (`?` one `x`). */
function literalOf(pattern: string): string {
  let text = '';
  for (let i = 0; i < pattern.length; i += 1) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) {
      text += pattern[i + 1];
      i += 1;
    } else if (c === '?') text += 'x';
    else if (c !== '*') text += c;
  }
  return text;
}
