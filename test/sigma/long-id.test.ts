// A rule whose catalog id is longer than the web accepts is a build failure: stored, it would be
// listed but could never be opened.

import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { buildCatalog } from '../../src/build/build-catalog.js';
import { MAX_CATALOG_ID_LENGTH } from '../../src/lower/finish-rule.js';
import { TemporaryRepository } from '../elastic/temporary-repository.js';

const repository = new TemporaryRepository();
after(() => repository.remove());

const rule = (id: string) =>
  `title: T\nid: ${id}\nlogsource:\n    product: windows\n` +
  'detection:\n    s:\n        A: 1\n    condition: s\n';
const longest = 'k'.repeat(MAX_CATALOG_ID_LENGTH - 'sigma:'.length);
repository.write('rules/a_fits.yml', rule(longest));
repository.write('rules/b_thousand.yml', rule('x'.repeat(1000)));
repository.write('rules/c_one_over.yml', rule(`${longest}k`));
const built = buildCatalog([{ source: 'sigma', root: repository.root }]);

test('ids up to the web limit with their source prefix are stored', () => {
  assert.deepEqual(built.rules.map((stored) => stored.id), [`sigma:${longest}`]);
});

test('a 1,000-character id, and one a character over, are failures that say so', () => {
  const tooLong = (length: number) =>
    `id longer than 300 characters (with its source, sigma:…, it has ${length})`;
  assert.deepEqual(
    built.failures.map(({ file, line, reason }) => `${file}:${line} ${reason}`),
    [`rules/b_thousand.yml:1 ${tooLong(1006)}`, `rules/c_one_over.yml:1 ${tooLong(301)}`],
  );
  assert.equal(built.summary.sources.sigma?.documents, 3);
  assert.equal(built.summary.sources.sigma?.failed, 2);
});
