// `ruledex report` without its kind: the user is asked for one, whatever else was given.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruledex } from './run-ruledex.js';

const ASK = 'ruledex: report needs a kind: parse, fields or events ' +
  '(e.g. `ruledex report parse --db FILE`)\n';

test('report with options but no kind asks for parse, fields or events', () => {
  const run = ruledex(['report', '--db', 'catalog.sqlite']);
  assert.equal(run.status, 2);
  assert.equal(run.stderr, ASK);
});

test('report with an unknown kind asks for one of the three', () => {
  const run = ruledex(['report', 'rules', '--db', 'catalog.sqlite']);
  assert.equal(run.status, 2);
  assert.equal(run.stderr, ASK);
});
