// Stage 1 of every Sigma rule: the log source (product, category, service) as explicit,
// case-insensitive constraints on the events the rule looks at — the attributes as written,
// and the channels, providers, event codes or datasets the taxonomy says they cover.

import { and, or, predicate, type Expr, type Stage } from '../../ir/index.js';
import {
  COVERED_EVENT_FIELDS,
  eventsOfLogSource,
  type LogSourceAttributes,
} from '../../semantics/sigma-log-sources.js';
import { writtenValue } from './detection-tree.js';
import type { ReportProblem } from './sigma-diagnostics.js';

/** The log-source attributes that select events, in the order they narrow them. */
const CONSTRAINED_ATTRIBUTES: (keyof LogSourceAttributes)[] = ['product', 'category', 'service'];

/** Pseudo field for a log-source attribute: `logsource.product`. */
export function logsourceField(attribute: string): string {
  return `logsource.${attribute}`;
}

export function logsourceStage(logsource: unknown, index: number, report: ReportProblem): Stage {
  const stage: Stage = {
    index,
    command: 'logsource',
    text: 'logsource:',
    effect: 'filter',
    args: {},
  };
  if (logsource === undefined || logsource === null) {
    report('warning', 'sigma.missing-logsource', 'the rule has no logsource');
    return stage;
  }
  if (typeof logsource !== 'object' || Array.isArray(logsource)) {
    report('warning', 'sigma.invalid-logsource', 'logsource is not a map of attributes');
    return { ...stage, text: `logsource: ${writtenValue(logsource)}` };
  }

  const attributes = Object.entries(logsource);
  const constraints = logsourceConstraints(logsource as Record<string, unknown>);
  const lines = attributes.map(([name, value]) => `    ${name}: ${attributeText(value)}`);
  const text = ['logsource:', ...lines].join('\n');
  const withArgs: Stage = { ...stage, text, args: Object.fromEntries(attributes) };
  return constraints ? { ...withArgs, predicate: constraints } : withArgs;
}

/**
 * The AND of `logsource.<attribute> eq value` for each of product, category and service as
 * written, then the events the taxonomy says they cover, on ECS fields.
 */
export function logsourceConstraints(logsource: Record<string, unknown>): Expr | null {
  const constraints: Expr[] = [];
  const written: string[] = [];
  for (const attribute of CONSTRAINED_ATTRIBUTES) {
    const value = logsource[attribute];
    if (value === undefined || value === null) continue;
    const shown = attributeText(value);
    const field = logsourceField(attribute);
    const text = `${attribute}: ${shown}`;
    written.push(text);
    constraints.push(predicate({ field, op: 'eq', values: [shown], caseSensitive: false, text }));
  }
  const covered = coveredEvents(logsource, written.join(', '));
  if (covered) constraints.push(covered);
  return constraints.length === 0 ? null : and(constraints);
}

/**
 * The OR of the kinds of events the log source covers under the taxonomy; null when it implies
 * nothing more than its attributes. Event codes are strings, as ECS keeps `event.code`.
 */
function coveredEvents(logsource: Record<string, unknown>, text: string): Expr | null {
  const attributes: LogSourceAttributes = {};
  for (const attribute of CONSTRAINED_ATTRIBUTES) {
    const value = logsource[attribute];
    if (typeof value === 'string') attributes[attribute] = value;
  }
  const covered = eventsOfLogSource(attributes);
  // LIMITATION: a category and a service that describe no common event (none in the snapshot)
  // keep only their written attributes — the rule is not shown as matching nothing.
  if (!covered || covered.length === 0) return null;

  const make = (field: string, op: 'eq' | 'in', values: string[]): Expr => {
    return predicate({ field, op, values, caseSensitive: false, text, derivedFrom: text });
  };
  const fields = COVERED_EVENT_FIELDS;
  return or(
    covered.map((events) => {
      const parts: Expr[] = [];
      if (events.channel) parts.push(make(fields.channel, 'eq', [events.channel]));
      if (events.provider) parts.push(make(fields.provider, 'eq', [events.provider]));
      if (events.dataset) parts.push(make(fields.dataset, 'eq', [events.dataset]));
      const codes = (events.codes ?? []).map(String);
      if (codes.length > 0) {
        parts.push(make(fields.codes, codes.length > 1 ? 'in' : 'eq', codes));
      }
      return and(parts);
    }),
  );
}

function attributeText(value: unknown): string {
  return typeof value === 'string' ? value : writtenValue(value);
}
