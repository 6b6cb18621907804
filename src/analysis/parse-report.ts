// The parse report: per source, how many rules are fully parsed, and which constructs keep the
// others from it, most frequent first, with example rules.

import type { Rule, SourceName } from '../ir/index.js';

/** Example rule ids listed per construct. */
const EXAMPLES_PER_CONSTRUCT = 5;

export interface ConstructCount {
  /** The diagnostic code naming the construct (`spl.opaque-predicate`, `eql.unsupported`…). */
  construct: string;
  /** Rules not fully parsed that have it. */
  rules: number;
  /** One message of it, to say what it is in words. */
  message: string;
  examples: string[];
}

export interface SourceParseReport {
  rules: number;
  fullyParsed: number;
  notFullyParsed: number;
  /** The same counts for rules that are not deprecated. */
  current: { rules: number; fullyParsed: number; notFullyParsed: number };
  constructs: ConstructCount[];
}

export interface ParseReport {
  sources: Partial<Record<SourceName, SourceParseReport>>;
}

type ReportedRule = Pick<Rule, 'id' | 'source' | 'deprecated' | 'fullyParsed' | 'diagnostics'>;

export function parseReport(rules: Iterable<ReportedRule>): ParseReport {
  const sources: Partial<Record<SourceName, SourceParseReport>> = {};
  const constructs = new Map<SourceName, Map<string, ConstructCount>>();

  for (const rule of rules) {
    const report = (sources[rule.source] ??= emptyReport());
    count(report, rule);
    if (rule.fullyParsed) continue;
    const bySource = constructs.get(rule.source) ?? new Map<string, ConstructCount>();
    constructs.set(rule.source, bySource);
    for (const [construct, message] of constructsOf(rule)) {
      const entry = bySource.get(construct) ?? { construct, rules: 0, message, examples: [] };
      entry.rules += 1;
      if (entry.examples.length < EXAMPLES_PER_CONSTRUCT) entry.examples.push(rule.id);
      bySource.set(construct, entry);
    }
  }

  for (const [source, bySource] of constructs) {
    const report = sources[source];
    if (!report) continue;
    report.constructs = [...bySource.values()]
      .sort((a, b) => b.rules - a.rules || a.construct.localeCompare(b.construct));
  }
  return { sources };
}

function emptyReport(): SourceParseReport {
  return {
    rules: 0,
    fullyParsed: 0,
    notFullyParsed: 0,
    current: { rules: 0, fullyParsed: 0, notFullyParsed: 0 },
    constructs: [],
  };
}

function count(report: SourceParseReport, rule: ReportedRule): void {
  const tallies = rule.deprecated ? [report] : [report, report.current];
  for (const tally of tallies) {
    tally.rules += 1;
    if (rule.fullyParsed) tally.fullyParsed += 1;
    else tally.notFullyParsed += 1;
  }
}

/**
 * What kept a rule from being fully parsed: its warning and error diagnostics, one entry per
 * code. A rule with none is counted under `unexplained`, which should never appear.
 */
function constructsOf(rule: ReportedRule): Map<string, string> {
  const found = new Map<string, string>();
  for (const d of rule.diagnostics) {
    if (d.severity === 'info' || found.has(d.code)) continue;
    found.set(d.code, d.message);
  }
  if (found.size === 0) found.set('unexplained', 'not fully parsed, with no diagnostic saying why');
  return found;
}
