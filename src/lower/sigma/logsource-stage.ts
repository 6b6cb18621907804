// Stage 1 of every Sigma rule: the log source (product, category, service) as explicit,
// case-insensitive constraints on the events the rule looks at.

import { and, predicate, type Expr, type Stage } from '../../ir/index.js';
import { writtenValue } from './detection-tree.js';
import type { ReportProblem } from './sigma-diagnostics.js';

/** The log-source attributes that select events, in the order they narrow them. */
const CONSTRAINED_ATTRIBUTES = ['product', 'category', 'service'];

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

// LIMITATION: constraints stay on `logsource.*` pseudo fields — which channels, providers and
// event IDs a log source covers under the taxonomy is left to semantics/ and analysis/.
/** The AND of `logsource.<attribute> eq value` for each of product, category and service. */
export function logsourceConstraints(logsource: Record<string, unknown>): Expr | null {
  const constraints: Expr[] = [];
  for (const attribute of CONSTRAINED_ATTRIBUTES) {
    const value = logsource[attribute];
    if (value === undefined || value === null) continue;
    const shown = attributeText(value);
    const field = logsourceField(attribute);
    const text = `${attribute}: ${shown}`;
    constraints.push(predicate({ field, op: 'eq', values: [shown], caseSensitive: false, text }));
  }
  return constraints.length === 0 ? null : and(constraints);
}

function attributeText(value: unknown): string {
  return typeof value === 'string' ? value : writtenValue(value);
}
