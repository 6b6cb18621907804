// The proof on real events: for every folder of the Sigma regression data, the rule it names
// matches at least one of its events, evaluated from the rule's own text. Also measures how
// many other folders each of those rules matches, and what the whole corpus matches there.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test, type TestContext } from 'node:test';
import { parse } from 'yaml';
import type { RuleDocument } from '../../src/ir/index.js';
import type { EventRecord } from '../../src/match/event-record.js';
import { readEvents } from '../../src/match/events/read-events.js';
import { sigmaTextEvaluator } from '../../src/match/sigma/sigma-evaluator.js';
import { isEvaluator, type RuleEvaluator } from '../../src/match/verdict.js';
import { readSigmaRepository } from '../../src/sources/sigma/read-sigma.js';
import { corpusPath, REPO_ROOT } from './corpora.js';

const REGRESSION_ROOT = path.resolve(REPO_ROOT, '../shared/events/sigma-regression');
const FOLDERS = 105;

interface RegressionFolder {
  name: string;
  /** The rule file, relative to the Sigma corpus. */
  rulePath: string;
  /** The rule id info.yml names. */
  ruleId: string;
  events: EventRecord[];
}

function skipReason(): string | false {
  const missing = [REGRESSION_ROOT, corpusPath('sigma')].filter((folder) => !existsSync(folder));
  if (missing.length === 0) return false;
  const message = `missing: ${missing.join(', ')}`;
  if (process.env.CI === 'true') throw new Error(`${message} (required when CI=true)`);
  return message;
}

function regressionFolders(): RegressionFolder[] {
  return readdirSync(REGRESSION_ROOT).sort().map((name) => {
    const folder = path.join(REGRESSION_ROOT, name);
    const info = parse(readFileSync(path.join(folder, 'info.yml'), 'utf8')) as {
      rule_metadata: { id: string }[];
    };
    return {
      name,
      rulePath: readFileSync(path.join(folder, 'rule_path'), 'utf8').trim(),
      ruleId: info.rule_metadata[0].id,
      events: [...readEvents(path.join(folder, 'event.json'))],
    };
  });
}

function evaluatorOf(doc: RuleDocument, ignoreLogsource: boolean): RuleEvaluator {
  const rule = { query: doc.query, type: doc.type, logsource: doc.raw.logsource };
  const evaluator = sigmaTextEvaluator(rule, { ignoreLogsource });
  if (!isEvaluator(evaluator)) throw new Error(`${doc.file}: ${evaluator.notEvaluable}`);
  return evaluator;
}

function matchesAny(evaluator: RuleEvaluator, folder: RegressionFolder): boolean {
  return folder.events.some((event) => evaluator.evaluate(event).status === 'matched');
}

const skip = skipReason();

describe('Sigma regression events', { skip }, () => {
  const read = skip ? null : readSigmaRepository(corpusPath('sigma'));
  const documents = read?.documents ?? [];
  const byFile = new Map(documents.map((doc) => [doc.file, doc]));
  const folders = skip ? [] : regressionFolders();

  test(`each of the ${FOLDERS} folders names a rule of the corpus by file and id`, () => {
    assert.equal(folders.length, FOLDERS);
    const unknown = folders
      .filter((folder) => byFile.get(folder.rulePath)?.upstreamId !== folder.ruleId)
      .map((folder) => `${folder.name}: ${folder.rulePath}`);
    assert.deepEqual(unknown, []);
  });

  for (const ignoreLogsource of [false, true]) {
    const mode = ignoreLogsource ? 'on its detection alone' : 'with its log source';
    test(`every folder's rule matches one of its events, ${mode}`, (t) => {
      const missed: string[] = [];
      const crossMatches: { rule: string; others: string[] }[] = [];
      for (const folder of folders) {
        const evaluator = evaluatorOf(byFile.get(folder.rulePath) as RuleDocument, ignoreLogsource);
        if (!matchesAny(evaluator, folder)) {
          const reasons = folder.events.map((event) => evaluator.evaluate(event).reason);
          missed.push(`${folder.name} ${folder.rulePath}: ${reasons.join(' | ')}`);
        }
        const others = folders.filter((other) => other !== folder && matchesAny(evaluator, other));
        crossMatches.push({ rule: folder.rulePath, others: others.map((other) => other.rulePath) });
      }
      assert.deepEqual(missed, []);
      reportCrossMatches(t, crossMatches, mode);
    });
  }

  test('every rule of the corpus can be evaluated; what the corpus matches there', (t) => {
    const events = folders.flatMap((folder) => folder.events);
    const notEvaluable: string[] = [];
    const matching = new Set<string>();
    let undecided = 0;
    for (const doc of documents) {
      const evaluator = sigmaTextEvaluator({ query: doc.query, type: doc.type,
        logsource: doc.raw.logsource });
      if (!isEvaluator(evaluator)) {
        notEvaluable.push(`${doc.file}: ${evaluator.notEvaluable}`);
        continue;
      }
      for (const event of events) {
        const status = evaluator.evaluate(event).status;
        if (status === 'matched') matching.add(doc.file);
        if (status === 'undecided') undecided += 1;
      }
    }
    assert.deepEqual(notEvaluable, []);
    t.diagnostic(`${documents.length} corpus rules on ${events.length} events: ${matching.size} `
      + `rules match at least one event; ${undecided} verdicts undecided`);
  });
});

function reportCrossMatches(
  t: TestContext,
  crossMatches: { rule: string; others: string[] }[],
  mode: string,
): void {
  const crossing = crossMatches.filter((entry) => entry.others.length > 0)
    .sort((a, b) => b.others.length - a.others.length);
  const total = crossing.reduce((sum, entry) => sum + entry.others.length, 0);
  t.diagnostic(`cross-matches ${mode}: ${crossing.length} of ${crossMatches.length} rules match `
    + `events of other folders, ${total} folder pairs in all`);
  for (const entry of crossing) {
    const others = entry.others.map((other) => path.basename(other, '.yml')).join(', ');
    t.diagnostic(`  ${entry.others.length}  ${path.basename(entry.rule, '.yml')} → ${others}`);
  }
}
