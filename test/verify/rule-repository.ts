// Small rule repositories written by the tests into a temporary folder and built like real ones,
// so that the rules carry their own text for the evaluators: a Sigma rule from its detection, a
// Splunk detection from its search, an Elastic rule from its query.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildCatalog, type SourceDirectory } from '../../src/build/build-catalog.js';
import type { AnalyzedRule, SourceName } from '../../src/ir/index.js';

/** Rule files by source, each a path inside its repository and the file's text. */
export type Repositories = Partial<Record<'splunk' | 'sigma' | 'elastic', Record<string, string>>>;

/** The analysed rules of the repositories, by upstream id. */
export function buildRules(repositories: Repositories): Map<string, AnalyzedRule> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'ruledex-verify-'));
  try {
    const built = buildCatalog(writeRepositories(folder, repositories));
    return new Map(built.rules.map((rule) => [rule.upstreamId, rule]));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Writes each repository into `folder/<source>`, for a build to read. */
export function writeRepositories(folder: string, repositories: Repositories): SourceDirectory[] {
  return Object.entries(repositories).map(([source, files]) => {
    const root = path.join(folder, source);
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    }
    return { source: source as SourceName, root };
  });
}

/** A Sigma rule file on a Windows log source, with the given detection lines. */
export function sigmaRule(id: string, category: string, detection: string[]): string {
  return [
    `title: Fixture ${id}`,
    `id: ${id}`,
    'status: test',
    'logsource:',
    '    product: windows',
    `    category: ${category}`,
    'detection:',
    ...detection.map((line) => `    ${line}`),
    'level: medium',
    '',
  ].join('\n');
}

/** A Splunk detection file whose search is the given text. */
export function splunkDetection(id: string, search: string): string {
  return [
    `name: Fixture ${id}`,
    `id: ${id}`,
    'version: 1',
    'type: TTP',
    'description: fixture',
    `search: ${JSON.stringify(search)}`,
    '',
  ].join('\n');
}

/** How an Elastic fixture rule reads its events: index patterns and query language. */
export interface ElasticReading {
  index: string[];
  language: 'kuery' | 'eql';
}

const DEFEND_PROCESS_EVENTS: ElasticReading = {
  index: ['logs-endpoint.events.process-*'],
  language: 'kuery',
};

/** An Elastic rule file with the given query, by default KQL over Elastic Defend process events. */
export function elasticRule(
  id: string,
  query: string,
  reading: ElasticReading = DEFEND_PROCESS_EVENTS,
): string {
  const type = reading.language === 'eql' ? 'eql' : 'query';
  return [
    '[metadata]',
    'creation_date = "2026/01/01"',
    'maturity = "production"',
    'updated_date = "2026/01/01"',
    '',
    '[rule]',
    'author = ["fixture"]',
    'description = "fixture"',
    `index = ${JSON.stringify(reading.index)}`,
    `language = "${reading.language}"`,
    `name = "Fixture ${id}"`,
    'risk_score = 21',
    `rule_id = "${id}"`,
    'severity = "low"',
    `type = "${type}"`,
    `query = '''\n${query}\n'''`,
    '',
  ].join('\n');
}
