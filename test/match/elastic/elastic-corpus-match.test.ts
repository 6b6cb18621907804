// The Elastic evaluators on every rule of the detection-rules snapshot: none throws, on an empty
// event or an ECS-like one, and nearly all rules are decided on a witness event built from their
// own lowered predicates — most of them matched, the lowering and the evaluator agreeing.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { AnalyzedRule, Language } from '../../../src/ir/index.js';
import { lowerElastic } from '../../../src/lower/elastic/lower-elastic.js';
import { finishRule } from '../../../src/lower/finish-rule.js';
import { eqlEvaluator } from '../../../src/match/elastic/eql-evaluator.js';
import { esqlEvaluator } from '../../../src/match/elastic/esql-evaluator.js';
import { kueryEvaluator } from '../../../src/match/elastic/kuery-evaluator.js';
import { isEvaluator, type RuleEvaluator } from '../../../src/match/verdict.js';
import { readElasticRepository } from '../../../src/sources/elastic/read-elastic.js';
import { event } from './elastic-rule.js';
import { witnessFields } from './witness-event.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const corpus = path.resolve(repoRoot, '../shared/corpora/elastic');
const present = existsSync(corpus);
if (!present && process.env.CI === 'true') throw new Error(`Elastic corpus missing at ${corpus}`);

const EVALUATORS = { kuery: kueryEvaluator, eql: eqlEvaluator, esql: esqlEvaluator };
type EvaluatedLanguage = keyof typeof EVALUATORS;

/** An Elastic Defend process event, with the fields rules of most kinds read. */
const ECS_EVENT = event({
  '@timestamp': '2024-05-01T10:00:00.000Z',
  _index: '.ds-logs-endpoint.events.process-default-2024.05.01-000001',
  'event.category': ['process'],
  'event.type': ['start'],
  'event.action': 'exec',
  'event.kind': 'event',
  'event.dataset': 'endpoint.events.process',
  'event.module': 'endpoint',
  'event.outcome': 'success',
  'event.code': 4688,
  'host.os.type': 'windows',
  'host.os.name': 'Windows',
  'host.name': 'WS-01',
  'host.id': 'host-1',
  'user.name': 'alice',
  'user.id': 'S-1-5-21-1',
  'user.domain': 'CORP',
  'process.name': 'powershell.exe',
  'process.executable': 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
  'process.command_line': 'powershell.exe -nop -enc SQBFAFgA',
  'process.args': ['powershell.exe', '-nop', '-enc', 'SQBFAFgA'],
  'process.args_count': 4,
  'process.pid': 4242,
  'process.entity_id': 'proc-1',
  'process.pe.original_file_name': 'PowerShell.EXE',
  'process.code_signature.trusted': true,
  'process.parent.name': 'cmd.exe',
  'process.parent.executable': 'C:\\Windows\\System32\\cmd.exe',
  'process.parent.args': ['cmd.exe', '/c', 'run.bat'],
  'file.path': 'C:\\Users\\alice\\AppData\\Local\\Temp\\run.ps1',
  'file.name': 'run.ps1',
  'file.extension': 'ps1',
  'registry.path': 'HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\x',
  'source.ip': '10.1.2.3',
  'destination.ip': '203.0.113.7',
  'destination.port': 443,
  'dns.question.name': 'example.org',
  'url.full': 'https://example.org/a?b=c',
  message: 'Process powershell.exe started by alice',
  'powershell.file.script_block_text': 'IEX (New-Object Net.WebClient).DownloadString("x")',
  'winlog.event_data.TargetUserName': 'bob',
  'cloud.provider': 'aws',
  'aws.cloudtrail.user_identity.arn': 'arn:aws:iam::1:user/alice',
});

/**
 * Share of rules matching their own witness event, when written: 790/792 KQL, 1,011/1,081 EQL
 * (the others exclude what the witness leaves out, e.g. `not … == null`), 89/212 ES|QL (whose
 * lowered predicates also name EVAL columns, and whose NOT and != reject missing fields). Fewer
 * means the lowering and an evaluator stopped agreeing.
 */
const WITNESS_MATCHED: Record<EvaluatedLanguage, number> = { kuery: 0.99, eql: 0.92, esql: 0.4 };

interface Figures {
  rules: number;
  evaluable: number;
  partial: number;
  matched: number;
  notMatched: number;
  undecided: number;
}

const skip = present ? false : `no corpus at ${corpus}`;

describe('Elastic evaluators on the corpus', { skip }, () => {
  const started = performance.now();
  const read = present ? readElasticRepository(corpus) : null;
  const rules: AnalyzedRule[] = (read?.documents ?? []).map((doc) => ({
    ...finishRule(doc, lowerElastic(doc, read!.context)),
    raw: {},
    attack: [],
    events: [],
    indicators: [],
    neighbors: { broader: [], narrower: [] },
  }));
  const loadSeconds = (performance.now() - started) / 1000;

  const evaluated = rules.flatMap((rule) => {
    if (!Object.hasOwn(EVALUATORS, rule.language)) return [];
    const language = rule.language as EvaluatedLanguage;
    const made = EVALUATORS[language](rule);
    return [{ rule, language, made }];
  });

  it('builds an evaluator for every KQL, EQL and ES|QL rule, or says why not', () => {
    for (const { rule, made } of evaluated) {
      if (isEvaluator(made)) continue;
      assert.ok(made.notEvaluable.length > 0, rule.file);
      if (rule.type !== 'machine_learning') assert.fail(`${rule.file}: ${made.notEvaluable}`);
    }
  });

  it('never throws on an empty event or an ECS-like event', () => {
    const empty = event({});
    for (const { rule, made } of evaluated) {
      if (!isEvaluator(made)) continue;
      for (const sample of [empty, ECS_EVENT]) {
        const verdict = made.evaluate(sample);
        assert.ok(['matched', 'not-matched', 'undecided'].includes(verdict.status), rule.file);
        if (verdict.status !== 'matched') assert.ok(verdict.reason, rule.file);
      }
    }
  });

  it('decides most rules on a witness event of their own simple predicates', () => {
    const figures = new Map<Language, Figures>();
    const evaluateStarted = performance.now();
    let evaluations = 0;
    for (const { rule, language, made } of evaluated) {
      const entry = figures.get(language) ?? {
        rules: 0, evaluable: 0, partial: 0, matched: 0, notMatched: 0, undecided: 0,
      };
      figures.set(language, entry);
      entry.rules++;
      if (!isEvaluator(made)) continue;
      entry.evaluable++;
      if (made.partial) entry.partial++;
      const witness = event(witnessFields(rule, language === 'esql'));
      const verdict = (made as RuleEvaluator).evaluate(witness);
      evaluations++;
      if (verdict.status === 'matched') entry.matched++;
      else if (verdict.status === 'not-matched') entry.notMatched++;
      else entry.undecided++;
    }
    const seconds = (performance.now() - evaluateStarted) / 1000;
    const lines = [...figures].map(([language, entry]) =>
      `  ${language}: ${entry.rules} rules, ${entry.evaluable} evaluable`
        + ` (${entry.partial} partial); on their witness ${entry.matched} matched,`
        + ` ${entry.notMatched} not matched, ${entry.undecided} undecided`);
    console.log(`elastic matcher: load ${loadSeconds.toFixed(2)} s, ${evaluations} witness`
      + ` evaluations in ${seconds.toFixed(2)} s\n${lines.join('\n')}`);

    for (const [language, entry] of figures) {
      const decided = entry.matched + entry.notMatched;
      assert.ok(decided >= 0.97 * entry.evaluable, `${language}: ${decided}/${entry.evaluable}`);
      const floor = WITNESS_MATCHED[language as EvaluatedLanguage] * entry.evaluable;
      assert.ok(entry.matched >= floor, `${language}: ${entry.matched} match their witness`);
    }
  });
});
