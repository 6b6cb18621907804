// The field report: per source, how many predicates of the rules' event filters have a canonical
// field from ECS or a mapping table, and which fields fall back to the name as written, most
// frequent first, with example rules.

import { predicatesOf, type Rule, type SourceName } from '../ir/index.js';
import { fieldContextOf } from '../semantics/field-context.js';
import { fieldNameCase, mapField } from '../semantics/field-mapping.js';
import type { NameCase } from '../semantics/field-maps/field-table.js';

/** Example rule ids listed per unmapped field. */
const EXAMPLES_PER_FIELD = 5;

export interface UnmappedField {
  /** The field as rules write it. */
  field: string;
  /** Predicates in event filters on it. */
  predicates: number;
  /** Rules with such a predicate. */
  rules: number;
  /** How many of those predicates read a value the rule computes itself (`eval`, `rex`…). */
  computed: number;
  examples: string[];
}

export interface SourceFieldReport {
  /** How field names are matched to the tables: Sigma ignores case, Splunk and Elastic not. */
  fieldNames: NameCase;
  rules: number;
  /** Predicates in the rules' event filters. */
  predicates: number;
  /**
   * Of those, predicates with no place in the query text: the log-source constraints the
   * lowering derives (`winlog.channel`, `event.code`…), Elastic's Query DSL filters.
   */
  implied: number;
  /** Of those, on a field already written in ECS (or the non-ECS schema). */
  ecs: number;
  /** On a field a mapping table maps (or an integration field the tables map to). */
  table: number;
  /** On a pseudo field: raw text, log-source selectors (`_index`, `sourcetype`). */
  pseudo: number;
  /** On a field left as written. */
  unmapped: number;
  /** Unmapped predicates that read a value the rule computes itself. */
  computed: number;
  /** `ecs + table` over the predicates on fields (pseudo ones left out). */
  share: number;
  /** The same share over fields the vendor writes (computed ones left out too). */
  vendorShare: number;
  /** The share over predicates written in the query text (implied ones left out). */
  writtenShare: number;
  unmappedFields: UnmappedField[];
}

export interface FieldReport {
  sources: Partial<Record<SourceName, SourceFieldReport>>;
}

type ReportedRule = Pick<Rule, 'id' | 'source' | 'pipeline' | 'eventFilter'>;

/** Mapped and unmapped predicates written in the query text. */
interface WrittenTally {
  mapped: number;
  unmapped: number;
}

interface FieldTally {
  predicates: number;
  computed: number;
  rules: Set<string>;
  examples: string[];
}

export function fieldReport(rules: Iterable<ReportedRule>): FieldReport {
  const sources: Partial<Record<SourceName, SourceFieldReport>> = {};
  const unmapped = new Map<SourceName, Map<string, FieldTally>>();
  const written = new Map<SourceName, WrittenTally>();

  for (const rule of rules) {
    const report = (sources[rule.source] ??= emptyReport(rule.source));
    const tallies = unmapped.get(rule.source) ?? new Map<string, FieldTally>();
    unmapped.set(rule.source, tallies);
    const inText = written.get(rule.source) ?? { mapped: 0, unmapped: 0 };
    written.set(rule.source, inText);
    report.rules += 1;
    if (!rule.eventFilter) continue;
    const context = fieldContextOf(rule);

    for (const { predicate } of predicatesOf(rule.eventFilter)) {
      const mapping = predicate.canonical?.mapping ?? mapField(predicate.field, context).mapping;
      report.predicates += 1;
      report[mapping] += 1;
      if (predicate.span === undefined) report.implied += 1;
      else if (mapping === 'unmapped') inText.unmapped += 1;
      else if (mapping !== 'pseudo') inText.mapped += 1;
      if (mapping !== 'unmapped') continue;
      const computed = context.computedFields.includes(predicate.field);
      if (computed) report.computed += 1;
      tally(tallies, predicate.field, rule.id, computed);
    }
  }

  for (const [source, tallies] of unmapped) {
    const report = sources[source];
    const inText = written.get(source);
    if (report && inText) finish(report, tallies, inText);
  }
  return { sources };
}

function emptyReport(source: SourceName): SourceFieldReport {
  return {
    fieldNames: fieldNameCase(source),
    rules: 0,
    predicates: 0,
    ecs: 0,
    table: 0,
    pseudo: 0,
    unmapped: 0,
    computed: 0,
    implied: 0,
    share: 0,
    vendorShare: 0,
    writtenShare: 0,
    unmappedFields: [],
  };
}

function tally(tallies: Map<string, FieldTally>, field: string, id: string, computed: boolean) {
  const entry = tallies.get(field)
    ?? { predicates: 0, computed: 0, rules: new Set<string>(), examples: [] };
  tallies.set(field, entry);
  entry.predicates += 1;
  if (computed) entry.computed += 1;
  if (entry.rules.has(id)) return;
  entry.rules.add(id);
  if (entry.examples.length < EXAMPLES_PER_FIELD) entry.examples.push(id);
}

function finish(
  report: SourceFieldReport,
  tallies: Map<string, FieldTally>,
  inText: WrittenTally,
): void {
  const mapped = report.ecs + report.table;
  const onFields = mapped + report.unmapped;
  report.share = ratio(mapped, onFields);
  report.vendorShare = ratio(mapped, onFields - report.computed);
  report.writtenShare = ratio(inText.mapped, inText.mapped + inText.unmapped);
  report.unmappedFields = [...tallies]
    .map(([field, t]): UnmappedField => ({
      field,
      predicates: t.predicates,
      rules: t.rules.size,
      computed: t.computed,
      examples: t.examples,
    }))
    .sort((a, b) => b.predicates - a.predicates || a.field.localeCompare(b.field));
}

/** A share rounded to four decimals; 1 when there is nothing to share. */
function ratio(part: number, whole: number): number {
  return whole === 0 ? 1 : Math.round((part / whole) * 10_000) / 10_000;
}
