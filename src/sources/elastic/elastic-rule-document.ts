// Turns one parsed detection-rules TOML file into a RuleDocument (or says why it cannot).

import type { Language, RuleDocument } from '../../ir/index.js';
import type { ReadFailure } from '../source-read.js';
import { tacticShortName, type ThreatTactic } from './attack-tactic.js';
import { ruleIntegrations } from './related-integrations.js';
import { findKeyLine } from './toml-key-line.js';

const UPSTREAM = 'https://github.com/elastic/detection-rules';
const LANGUAGES: ReadonlySet<string> = new Set(['kuery', 'eql', 'esql', 'lucene']);

export interface RuleFile {
  /** Repository-relative path with `/` separators. */
  file: string;
  text: string;
  parsed: Record<string, unknown>;
  commit: string | null;
}

export function ruleDocumentOf(ruleFile: RuleFile): RuleDocument | ReadFailure {
  const { file, text, parsed, commit } = ruleFile;
  const rule = tableOf(parsed.rule);
  const metadata = tableOf(parsed.metadata) ?? {};
  if (rule === null) return failure(file, 1, 'no [rule] table');

  const upstreamId = stringOf(rule.rule_id);
  if (upstreamId === null && rule.rule_id !== undefined) {
    const line = findKeyLine(text, 'rule', 'rule_id')?.line ?? lineOfTable(text, 'rule');
    return failure(file, line, `the rule_id is not a string but ${kindOf(rule.rule_id)}`);
  }
  if (upstreamId === null || upstreamId.trim() === '') {
    return failure(file, lineOfTable(text, 'rule'), 'the [rule] table has no rule_id');
  }

  // detection-rules' schema requires a name; a rule listed without one could not be told apart.
  const title = stringOf(rule.name);
  if (title === null && rule.name !== undefined) {
    return failure(file, lineOfTable(text, 'rule'), 'the rule name is not text');
  }
  if (title === null || title.trim() === '') {
    return failure(file, lineOfTable(text, 'rule'), 'the [rule] table has no name');
  }

  const status = stringOf(metadata.maturity);
  const query = stringOf(rule.query) ?? '';
  const threat = threatOf(rule.threat);
  const index = stringsOf(rule.index);
  return {
    source: 'elastic',
    upstreamId,
    file,
    line: 1,
    queryLine: findKeyLine(text, 'rule', 'query')?.valueLine ?? 1,
    url: commit === null ? null : `${UPSTREAM}/blob/${commit}/${file}`,
    title,
    description: stringOf(rule.description) ?? '',
    authors: stringsOf(rule.author),
    status,
    level: stringOf(rule.severity),
    type: stringOf(rule.type),
    created: dateOf(metadata.creation_date),
    modified: dateOf(metadata.updated_date),
    references: stringsOf(rule.references),
    falsePositives: stringsOf(rule.false_positives),
    tags: stringsOf(rule.tags),
    techniques: threat.techniques,
    tactics: threat.tactics,
    deprecated: isDeprecatedPath(file) || status === 'deprecated',
    language: languageOf(rule),
    query,
    raw: parsed,
    dataSources: index,
    elastic: {
      integrations: ruleIntegrations(stringsOf(metadata.integration), index),
      setup: textOf(rule.setup),
      notes: [],
    },
  };
}

function failure(file: string, line: number, reason: string): ReadFailure {
  return { source: 'elastic', file, line, reason };
}

/** Rules retired upstream live under `_deprecated/` (and usually say `maturity = "deprecated"`). */
function isDeprecatedPath(file: string): boolean {
  return file.split('/').includes('_deprecated');
}

/** Machine-learning rules have no query and no language. */
function languageOf(rule: Record<string, unknown>): Language {
  const language = stringOf(rule.language);
  if (language !== null && LANGUAGES.has(language)) return language as Language;
  return 'none';
}

/** Techniques (with sub-techniques) and tactic short names from `[[rule.threat]]`. */
function threatOf(value: unknown): { techniques: string[]; tactics: string[] } {
  const techniques = new Set<string>();
  const tactics = new Set<string>();
  for (const entry of tablesOf(value)) {
    const tactic = tableOf(entry.tactic);
    const shortName = tactic === null ? null : tacticShortName(threatTacticOf(tactic));
    if (shortName !== null) tactics.add(shortName);

    for (const technique of tablesOf(entry.technique)) {
      const id = stringOf(technique.id);
      if (id !== null) techniques.add(id);
      for (const subtechnique of tablesOf(technique.subtechnique)) {
        const subId = stringOf(subtechnique.id);
        if (subId !== null) techniques.add(subId);
      }
    }
  }
  return { techniques: [...techniques], tactics: [...tactics] };
}

function threatTacticOf(table: Record<string, unknown>): ThreatTactic {
  return {
    id: stringOf(table.id) ?? undefined,
    name: stringOf(table.name) ?? undefined,
    reference: stringOf(table.reference) ?? undefined,
  };
}

/** detection-rules writes dates as `2023/01/11`; we store ISO `2023-01-11`. */
function dateOf(value: unknown): string | null {
  const text = stringOf(value);
  if (text === null) return null;
  const parts = text.split('/');
  const isSlashDate =
    parts.length === 3 && parts.every((part) => part !== '' && !Number.isNaN(Number(part)));
  return isSlashDate ? parts.join('-') : text;
}

/** Line of `[name]` in the file text, for failures about a whole table. */
function lineOfTable(text: string, name: string): number {
  const lines = text.split('\n');
  const index = lines.findIndex((line) => line.trim() === `[${name}]`);
  return index === -1 ? 1 : index + 1;
}

function tableOf(value: unknown): Record<string, unknown> | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  return value as Record<string, unknown>;
}

function tablesOf(value: unknown): Record<string, unknown>[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item): Record<string, unknown>[] => {
    const table = tableOf(item);
    return table === null ? [] : [table];
  });
}

/** What a TOML value is, for a reason that says why it is not the string expected. */
function kindOf(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'bigint') return 'a number';
  if (typeof value === 'boolean') return 'a boolean';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Date) return 'a date';
  return 'a table';
}

function stringOf(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** Text with something in it, or null. */
function textOf(value: unknown): string | null {
  const text = stringOf(value);
  return text === null || text.trim() === '' ? null : text;
}

function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is string => typeof item === 'string');
}
