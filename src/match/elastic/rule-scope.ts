// What an Elastic rule adds around its query, for the evaluators: whether its type makes a match
// depend on several events, and the conditions its settings put on each event (index patterns,
// `[[rule.filters]]`), read from the stages the rule was stored with.

import { parse } from 'smol-toml';
import type { AnalyzedRule, Language, Stage } from '../../ir/index.js';
import type { EventRecord } from '../event-record.js';
import type { NotEvaluable, RuleEvaluator, Verdict } from '../verdict.js';
import { indexCondition } from './index-patterns.js';
import { allOf, unknown, verdictOf, type EventCondition } from './outcome.js';
import { filtersCondition } from './query-dsl-condition.js';

/** Rule types whose query is the whole detection. */
const QUERY_TYPES: ReadonlySet<string> = new Set(['query', 'eql', 'esql']);

/** Rule types that run the query, then need several events or outside data to alert. */
const MULTI_EVENT_TYPES: Record<string, string> = {
  threshold: 'a threshold counts matching events',
  new_terms: 'new terms compare with the values seen in a history window',
  threat_match: 'indicator matches compare with threat intelligence indices',
};

export interface RuleScope {
  /** Why the rule's match depends on more than one event, or null when it does not. */
  multiEvent: string | null;
  /** Conditions of the rule's settings, checked before its query. */
  settings: EventCondition[];
}

/** The rule's scope, or why it cannot be evaluated as a rule of `language`. */
export function ruleScope(rule: AnalyzedRule, language: Language): RuleScope | NotEvaluable {
  const type = rule.type ?? '';
  if (type === 'machine_learning') {
    const jobs = rule.pipeline.find((stage) => stage.command === 'machine_learning');
    const ids = (jobs?.args.jobIds as string[] | undefined) ?? [];
    const named = ids.length === 0 ? '' : ` (${ids.join(', ')})`;
    const what = `it alerts on anomaly scores of jobs${named}`;
    return { notEvaluable: `a machine learning rule has no query: ${what}` };
  }
  if (rule.language !== language) {
    return { notEvaluable: `the rule's language is ${rule.language}, not ${language}` };
  }
  if (!QUERY_TYPES.has(type) && !Object.hasOwn(MULTI_EVENT_TYPES, type)) {
    return { notEvaluable: `rule type '${type}' is not modelled` };
  }
  const multiEvent = Object.hasOwn(MULTI_EVENT_TYPES, type) ? MULTI_EVENT_TYPES[type] : null;
  return { multiEvent, settings: rule.pipeline.flatMap(settingCondition) };
}

/** The rule-level index patterns (`index = [...]`) and filters; other stages add nothing. */
function settingCondition(stage: Stage): EventCondition[] {
  if (stage.command === 'from' && stage.text.startsWith('index =')) {
    const patterns = (stage.args.index as string[] | undefined) ?? [];
    if (stage.opaque || patterns.length === 0) return [];
    return [indexCondition(patterns, stage.text)];
  }
  if (stage.command === 'filters') {
    const filters = filtersOf(stage.text);
    if (filters === undefined) {
      return [() => unknown(`the rule filters cannot be read: ${stage.text}`)];
    }
    return [filtersCondition(filters)];
  }
  return [];
}

/** Stages keep the filters as the TOML they were written in (`filters = [ … ]`). */
function filtersOf(text: string): unknown {
  try {
    return parse(text).filters;
  } catch {
    return undefined;
  }
}

/**
 * The evaluator of a rule whose query gives `query`: the settings, then the query, must hold.
 * `partial` says why the query alone does not decide a match (a sequence, an aggregation).
 */
export function ruleEvaluator(
  scope: RuleScope,
  query: (event: EventRecord) => Verdict,
  partial = false,
): RuleEvaluator {
  const settings = scope.settings;
  return {
    partial: partial || scope.multiEvent !== null,
    evaluate: (event) => {
      const before = allOf(settings.map((setting) => () => setting(event)));
      if (before.kind === 'true') return query(event);
      if (before.kind === 'unknown') {
        const verdict = query(event);
        return verdict.status === 'not-matched' ? verdict : verdictOf(before);
      }
      return verdictOf(before);
    },
  };
}
