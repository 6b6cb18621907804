// The reference rule's Neighbors section lists exactly the claims `ruledex verify` confirms
// involving it: every listed neighbor confirmed, every confirmed one listed unless its relation
// already lists the most a page shows.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { searchNeighbors } from '../../src/analysis/neighbors/find-neighbors.js';
import { NEIGHBOR_LIMIT } from '../../src/analysis/neighbors/neighbor-list.js';
import type { Neighbor, NeighborRelation } from '../../src/ir/index.js';
import { ClaimChecker } from '../../src/verify/claim-check.js';
import { claimsToVerify } from '../../src/verify/verify-claims.js';
import type { ClaimToVerify } from '../../src/verify/verify-report.js';
import { corpusSkip, REPO_ROOT } from './corpora.js';
import { corpusCatalog, type CorpusCatalog } from './corpus-catalog.js';

const skip = corpusSkip();

/** The rule of docs/reference-rule-page.txt: PowerShell script blocks, EventCode 4104. */
const REFERENCE_RULE = 'splunk:2a048c14-4634-11ec-a618-3e22fbd008af';

const RELATIONS: NeighborRelation[] = ['broader', 'narrower', 'equivalent', 'overlapping'];

type ByRelation = Record<NeighborRelation, string[]>;

let listed: ByRelation;
let confirmed: ByRelation;
let undecided: string[];
let catalog: CorpusCatalog | undefined;

after(() => catalog?.remove());

before(() => {
  if (skip) return;
  catalog = corpusCatalog();

  const show = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', 'show', REFERENCE_RULE, '--db', catalog.db, '--json'],
    { cwd: REPO_ROOT, encoding: 'utf8' },
  );
  assert.equal(show.status, 0, show.stderr);
  const page = JSON.parse(show.stdout) as { neighbors: Record<NeighborRelation, Neighbor[]> };
  listed = byRelation((relation) => page.neighbors[relation].map((n) => n.id));

  // As `ruledex verify` does: the claims found again from the rules, each checked.
  const rules = catalog.built.rules;
  const claims = claimsToVerify(searchNeighbors(rules), rules)
    .filter((claim) => claim.a.id === REFERENCE_RULE || claim.b.id === REFERENCE_RULE);
  const checker = new ClaimChecker();
  confirmed = byRelation(() => []);
  undecided = [];
  for (const claim of claims) {
    const outcome = checker.check(claim);
    const [relation, other] = asListed(claim);
    if (outcome.status === 'confirmed') confirmed[relation].push(other);
    else undecided.push(`${relation} ${other}: ${outcome.status}`);
  }
});

function byRelation(ids: (relation: NeighborRelation) => string[]): ByRelation {
  return Object.fromEntries(RELATIONS.map((r) => [r, ids(r)])) as ByRelation;
}

/** The relation the reference rule's page names a claim under, and the other rule. */
function asListed(claim: ClaimToVerify): [NeighborRelation, string] {
  const other = claim.a.id === REFERENCE_RULE ? claim.b.id : claim.a.id;
  if (claim.relation !== 'broader') return [claim.relation, other];
  return [claim.a.id === REFERENCE_RULE ? 'narrower' : 'broader', other];
}

describe('the reference rule\'s neighbors against verify', { skip }, () => {
  // On the snapshots it lists two overlapping Splunk script-block rules and nothing else.
  test('it lists neighbors to check', () => {
    const all = RELATIONS.flatMap((relation) => listed[relation]);
    assert.ok(all.length > 0, 'the reference rule lists neighbors');
  });

  test('every claim involving it is confirmed by its witnesses', () => {
    assert.deepEqual(undecided, []);
  });

  for (const relation of RELATIONS) {
    test(`its ${relation} neighbors are the confirmed ${relation} claims, up to the limit`, () => {
      const shown = [...listed[relation]].sort();
      const proven = [...confirmed[relation]].sort();
      assert.ok(shown.length <= NEIGHBOR_LIMIT, `${shown.length} listed`);
      assert.equal(new Set(shown).size, shown.length, 'each neighbor listed once');
      if (proven.length <= NEIGHBOR_LIMIT) {
        assert.deepEqual(shown, proven);
        return;
      }
      assert.equal(shown.length, NEIGHBOR_LIMIT);
      const notProven = shown.filter((id) => !proven.includes(id));
      assert.deepEqual(notProven, []);
    });
  }
});
