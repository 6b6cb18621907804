// Verify on the three public snapshots: every neighbor claim is checked and none fails, the
// claims hold on the Sigma regression events, and a wrong field mapping makes claims fail.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { searchNeighbors } from '../../src/analysis/neighbors/find-neighbors.js';
import { buildCatalog } from '../../src/build/build-catalog.js';
import type { AnalyzedRule } from '../../src/ir/index.js';
import { readEvents } from '../../src/match/events/read-events.js';
import { checkClaimsOnEvents } from '../../src/verify/event-claims.js';
import { claimsToVerify, verifyClaims, verifyRules } from '../../src/verify/verify-claims.js';
import type { ClaimToVerify } from '../../src/verify/verify-report.js';
import { corpusPath, corpusSkip, REPO_ROOT } from '../corpus/corpora.js';
import { withWrongMapping } from './wrong-mapping.js';

const REGRESSION_ROOT = path.resolve(REPO_ROOT, '../shared/events/sigma-regression');

function skipReason(): string | false {
  const corpora = corpusSkip();
  if (corpora || existsSync(REGRESSION_ROOT)) return corpora;
  const message = `missing: ${REGRESSION_ROOT}`;
  if (process.env.CI === 'true') throw new Error(`${message} (required when CI=true)`);
  return message;
}

const skip = skipReason();
let rules: AnalyzedRule[];
let claims: ClaimToVerify[];

before(() => {
  if (skip) return;
  const sources = (['splunk', 'sigma', 'elastic'] as const)
    .map((source) => ({ source, root: corpusPath(source) }));
  rules = buildCatalog(sources).rules;
  claims = claimsToVerify(searchNeighbors(rules), rules);
});

describe('verify on the three public snapshots', { skip }, () => {
  test('every claim is checked, and no witness fails one', () => {
    const report = verifyClaims(claims);
    assert.ok(report.claims >= 250, `${report.claims} claims`);
    assert.equal(report.checked, report.claims);
    assert.deepEqual(report.failures, []);
    // Unknown claims are few: Sigma placeholders, whose values come at deployment, and fields
    // some evaluator cannot decide. Every overlap gets a common witness: the one it was found by.
    const proven = report.byRelation.broader + report.byRelation.equivalent;
    assert.ok(report.unknown <= proven / 20, JSON.stringify(report.unknownReasons));
    assert.equal(report.unknownReasons['no-common-witness'], undefined);
    assert.equal(report.confirmed + report.unknown, report.claims);
  });

  test('a rule claimed broader matches every Sigma regression event its narrower rule matches',
    () => {
      const report = checkClaimsOnEvents(claims, [...readEvents(REGRESSION_ROOT)]);
      assert.ok(report.checks >= 10, `${report.checks} events matched by a narrower rule`);
      assert.deepEqual(report.failures, []);
    });

  test('read backwards, most claims fail: the witnesses tell the rules apart', () => {
    const reversed = claims
      .filter((claim) => claim.relation === 'broader')
      .map((claim): ClaimToVerify => ({ relation: 'broader', a: claim.b, b: claim.a }));
    const report = verifyClaims(reversed);
    assert.ok(report.failures.length >= reversed.length * 0.8,
      `${report.failures.length} of ${reversed.length} reversed claims failed`);
  });

  test('reading ParentImage as Image claims wrong neighbors, and their witnesses fail them', () => {
    const sigma = rules.filter((rule) => rule.source === 'sigma');
    const report = verifyRules(withWrongMapping(sigma, 'ParentImage', 'Image'));
    assert.ok(report.failures.length >= 5, `${report.failures.length} failures`);
    // Each failure is a claim the right mapping does not make (it may relate the pair otherwise:
    // two rules that only overlap are claimed broader when ParentImage reads as Image).
    const right = new Set(claims.map((claim) => `${claim.relation} ${claim.a.id} ${claim.b.id}`));
    const failed = report.failures.map((f) => `${f.relation} ${f.a} ${f.b}`);
    assert.deepEqual(failed.filter((pair) => right.has(pair)), []);
  });
});
