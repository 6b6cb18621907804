// A Sigma filter rule: an exclusion applied to the rules it names. It drops no events by itself,
// so its one stage is a tuning hook whose predicate is what it excludes, log source included.

import { and, type Expr, type RuleDocument, type Stage } from '../../ir/index.js';
import { referencesOf, type SigmaContext } from '../../sources/sigma/sigma-context.js';
import { lowerDetectionBlock } from './detection-block.js';
import { detectionTreeOf } from './detection-tree.js';
import { logsourceConstraints } from './logsource-stage.js';
import { referencedRule } from './rule-references.js';
import type { ReportProblem } from './sigma-diagnostics.js';

export function filterStage(
  doc: RuleDocument,
  context: SigmaContext,
  report: ReportProblem,
): Stage {
  const tree = detectionTreeOf(doc.query, 'filter', doc.raw.filter);
  const block = lowerDetectionBlock(tree, ['rules', 'condition'], doc.query, report);
  const filter = doc.raw.filter as Record<string, unknown>;
  const references = referencesOf(filter.rules);
  if (references.length === 0) {
    report('warning', 'sigma.filter-without-rules', 'the filter names no rules to apply to');
  }
  if (block.aggregations.length > 0) {
    report('error', 'sigma.aggregation-in-filter', 'a filter condition cannot aggregate');
  }

  const rules = references.map((reference) => referencedRule(reference, context));
  for (const { reference } of rules.filter((rule) => rule.id === null)) {
    const message = `no rule with id or name '${reference}' in the repository to apply to`;
    report('info', 'sigma.unresolved-rule-reference', message);
  }

  const logsource = doc.raw.logsource;
  const isMap = typeof logsource === 'object' && logsource !== null && !Array.isArray(logsource);
  if (!isMap) {
    const message = 'the filter has no logsource map, which the specification requires';
    report('warning', 'sigma.filter-without-logsource', message);
  }
  const constraints = isMap ? logsourceConstraints(logsource as Record<string, unknown>) : null;
  const excluded: Expr = constraints ? and([constraints, block.predicate]) : block.predicate;
  return {
    index: 1,
    command: 'filter',
    text: doc.query,
    effect: 'tuning-hook',
    args: {
      rules,
      conditions: block.conditions,
      searchIdentifiers: block.searchIdentifiers,
      logsource: logsource ?? null,
      excludes: 'events matching the predicate, from the rules listed',
    },
    predicate: excluded,
    span: { start: 0, end: doc.query.length },
  };
}
