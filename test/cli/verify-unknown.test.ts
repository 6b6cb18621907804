// `ruledex verify` names the claims it could not decide: relation, both rules, the kind of
// reason and one line on why, the first ones only, the rest counted.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildCatalogFile } from '../../src/build/build-catalog.js';
import type { AnalyzedRule } from '../../src/ir/index.js';
import {
  UNKNOWN_CLAIMS_LISTED,
  UNKNOWN_WHY_SHOWN,
  VerifyTally,
} from '../../src/verify/verify-report.js';
import { schemaErrors } from '../web/json-schemas.js';
import { sigmaRule, writeRepositories } from '../verify/rule-repository.js';
import { ruledex } from './run-ruledex.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'ruledex-verify-unknown-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
const DB = path.join(scratch, 'catalog.sqlite');

/**
 * A wide rule and a narrower one adding a placeholder (`|expand`) the user fills in: the claim
 * holds whatever the placeholder stands for, but no witness event can be written for it.
 */
const SIGMA_FILES = {
  'rules/wide.yml': sigmaRule('wide', 'process_creation', [
    'selection:',
    "    Image|endswith: '\\certutil.exe'",
    'condition: selection',
  ]),
  'rules/placeholder.yml': sigmaRule('placeholder', 'process_creation', [
    'selection:',
    "    Image|endswith: '\\certutil.exe'",
    "    User|expand: '%AdminUsers%'",
    'condition: selection',
  ]),
};

before(() => {
  buildCatalogFile(writeRepositories(scratch, { sigma: SIGMA_FILES }), DB);
});

describe('ruledex verify on a claim no witness can decide', () => {
  test('--json names the unknown claim, as the schema documents it', () => {
    const run = ruledex(['verify', '--db', DB, '--json']);
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout) as Record<string, unknown>;
    assert.deepEqual(schemaErrors('verify', report), []);
    assert.equal(report.unknown, 1);
    assert.deepEqual(report.unknownClaims, [
      {
        relation: 'broader',
        a: 'sigma:wide',
        b: 'sigma:placeholder',
        kind: 'not-modelled',
        why: 'User: placeholder %AdminUsers%',
      },
    ]);
  });

  test('the text for a terminal gives the unknown claim one line', () => {
    const run = ruledex(['verify', '--db', DB]);
    assert.equal(run.status, 0, run.stderr);
    const lines = run.stdout.trimEnd().split('\n');
    assert.equal(lines[1], '  0 confirmed, 1 unknown (1 not-modelled), 0 failed');
    assert.equal(
      lines[2],
      '  unknown broader: sigma:wide ⊇ sigma:placeholder (not-modelled): '
        + 'User: placeholder %AdminUsers%',
    );
    assert.equal(lines.length, 3);
  });
});

describe('the tally of claim outcomes', () => {
  const rule = (id: string) => ({ id }) as AnalyzedRule;
  const claim = (n: number) => ({
    relation: 'broader' as const,
    a: rule(`a${n}`),
    b: rule(`b${n}`),
  });

  test(`names the first ${UNKNOWN_CLAIMS_LISTED} unknown claims and counts every one`, () => {
    const tally = new VerifyTally(UNKNOWN_CLAIMS_LISTED + 3);
    for (let n = 0; n < UNKNOWN_CLAIMS_LISTED + 3; n++) {
      tally.add(claim(n), { status: 'unknown', kind: 'partial', detail: `why ${n}`, witnesses: 0 });
    }
    const { unknown, unknownClaims, unknownReasons, checked } = tally.report;
    assert.equal(checked, UNKNOWN_CLAIMS_LISTED + 3);
    assert.equal(unknown, UNKNOWN_CLAIMS_LISTED + 3);
    assert.deepEqual(unknownReasons, { partial: UNKNOWN_CLAIMS_LISTED + 3 });
    assert.equal(unknownClaims.length, UNKNOWN_CLAIMS_LISTED);
    assert.deepEqual(unknownClaims.at(-1), {
      relation: 'broader',
      a: `a${UNKNOWN_CLAIMS_LISTED - 1}`,
      b: `b${UNKNOWN_CLAIMS_LISTED - 1}`,
      kind: 'partial',
      why: `why ${UNKNOWN_CLAIMS_LISTED - 1}`,
    });
  });

  test('gives each why on one line, cut to its bound', () => {
    const tally = new VerifyTally(2);
    const long = 'x'.repeat(UNKNOWN_WHY_SHOWN + 10);
    const broken = 'a\n  b\tc';
    tally.add(claim(0), { status: 'unknown', kind: 'undecided', detail: broken, witnesses: 1 });
    tally.add(claim(1), { status: 'unknown', kind: 'undecided', detail: long, witnesses: 1 });
    const [first, second] = tally.report.unknownClaims;
    assert.equal(first.why, 'a b c');
    assert.equal(second.why, `${'x'.repeat(UNKNOWN_WHY_SHOWN)}…`);
  });

  test('names no confirmed or failed claim', () => {
    const tally = new VerifyTally(1);
    tally.add(claim(0), { status: 'confirmed', witnesses: 2 });
    assert.deepEqual(tally.report.unknownClaims, []);
    assert.equal(tally.report.confirmed, 1);
  });
});
