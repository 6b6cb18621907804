// The SPL evaluator on the real Splunk corpus: every search compiles or says why not, none
// throws on an empty event or a real Sysmon event, and every rule made of filters matches a
// witness event built from its lowered filter — the lowering and the evaluator agree.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Rule } from '../../../src/ir/index.js';
import { finishRule } from '../../../src/lower/finish-rule.js';
import { lowerSpl } from '../../../src/lower/spl/lower-spl.js';
import type { EventRecord } from '../../../src/match/event-record.js';
import { readEvents } from '../../../src/match/events/read-events.js';
import { MATCHER_FAILURE, splEvaluator } from '../../../src/match/spl/spl-evaluator.js';
import { isEvaluator, type RuleEvaluator, type Verdict } from '../../../src/match/verdict.js';
import { readSplunkRepository } from '../../../src/sources/splunk/read-splunk.js';
import { filtersOnly, witnessOf } from './witness-event.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const corpus = path.resolve(repoRoot, '../shared/corpora/splunk');
const sysmonFile = path.resolve(
  repoRoot,
  '../shared/events/sigma-regression/07f8bdc2-c9b3-472a-9817-5a670b872f53/event.json',
);
const present = existsSync(corpus) && existsSync(sysmonFile);
if (!present && process.env.CI === 'true') {
  throw new Error(`Splunk corpus or Sysmon event missing at ${corpus}, ${sysmonFile}`);
}

const EMPTY: EventRecord = { file: 'empty.json', index: 0, fields: new Map(), raw: '{}' };

describe('SPL evaluator on the Splunk corpus', { skip: present ? false : 'no corpus' }, () => {
  const read = present ? readSplunkRepository(corpus) : null;
  const rules: Rule[] = read
    ? read.documents.map((doc) => finishRule(doc, lowerSpl(doc, read.context)))
    : [];
  const sysmon = present ? [...readEvents(sysmonFile)] : [];

  it('compiles every search or says why it reads no events, and never throws', () => {
    const tally = new Map<string, number>();
    const count = (key: string) => tally.set(key, (tally.get(key) ?? 0) + 1);
    for (const rule of rules) {
      const evaluator = splEvaluator(rule);
      if (!isEvaluator(evaluator)) {
        count('not evaluable');
        assert.match(evaluator.notEvaluable, /reads no events|no search/, rule.file);
        continue;
      }
      count(evaluator.partial ? 'partial' : 'whole');
      for (const event of [EMPTY, ...sysmon]) {
        const verdict = evaluator.evaluate(event);
        assert.ok(!verdict.reason?.startsWith(MATCHER_FAILURE), `${rule.file}: ${verdict.reason}`);
        count(`${event === EMPTY ? 'empty' : 'sysmon'} ${verdict.status}`);
      }
    }
    console.log(`spl matcher on ${rules.length} searches:`, Object.fromEntries(tally));
    assert.equal(rules.length, 1711);
    assert.equal(tally.get('empty matched'), undefined);
  });

  it('matches every rule made of filters on a witness event of its lowered filter', () => {
    const current = rules.filter((rule) => !rule.deprecated);
    const tally = { rules: 0, witnessed: 0, matched: 0, undecided: 0, 'not-matched': 0 };
    const failures: string[] = [];
    for (const rule of current.filter(filtersOnly)) {
      tally.rules += 1;
      const evaluator = splEvaluator(rule);
      const witness = witnessOf(rule);
      if (!isEvaluator(evaluator) || !witness) continue;
      tally.witnessed += 1;
      const verdict = evaluator.evaluate(witness);
      tally[verdict.status] += 1;
      if (verdict.status !== 'matched') failures.push(`${rule.file}: ${verdict.reason}`);
    }
    console.log('spl matcher on witness events of filter-only rules:', tally);
    assert.deepEqual(failures, []);
    assert.ok(tally.witnessed >= 1200, `${tally.witnessed} witnessed rules`);
  });

  it('decides nearly every rule on a witness event naming all its fields', () => {
    const decided = (verdict: Verdict) => verdict.status !== 'undecided';
    let witnessed = 0;
    let undecided = 0;
    for (const rule of rules.filter((each) => !each.deprecated)) {
      const evaluator = splEvaluator(rule);
      const witness = witnessOf(rule);
      if (!isEvaluator(evaluator) || !witness) continue;
      witnessed += 1;
      if (!decided((evaluator as RuleEvaluator).evaluate(witness))) undecided += 1;
    }
    console.log(`spl matcher: ${witnessed - undecided}/${witnessed} witnessed rules decided`);
    assert.ok(undecided / witnessed < 0.03, `${undecided}/${witnessed} undecided`);
  });
});
