import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AnalyzedRule, Stage } from '../../src/ir/index.js';
import { ruleText } from '../../src/cli/show.js';
import { rulePage } from '../../src/web/rule-page/rule-page.js';
import { rule } from '../store/fixtures/rules.js';

const stages: Stage[] = [
  {
    index: 1,
    command: 'stats',
    text: 'stats count',
    effect: 'aggregate',
    args: {},
    groupBy: { fields: [], filled: [] },
    origin: { macro: 'security_content_summariesonly', args: [], definedIn: 'builtin' },
  },
  {
    index: 2,
    command: 'where',
    text: 'where count > 5',
    effect: 'filter-aggregated',
    args: {},
    predicate: {
      kind: 'predicate',
      predicate: { field: 'count', op: 'gt', values: [5], caseSensitive: false, text: 'count > 5' },
    },
  },
  { index: 3, command: 'limit', text: 'LIMIT 10', effect: 'filter-aggregated', args: {} },
];
const counted: AnalyzedRule = { ...rule({ source: 'elastic', upstreamId: 'c' }), pipeline: stages };

function stageMarkup(index: number): string {
  const markup = rulePage(counted).markup;
  const start = markup.indexOf(`<h3>Stage ${index}:`);
  return markup.slice(start, markup.indexOf('</section>', start));
}

test('an aggregation without by-fields says it makes one group, never an empty list', () => {
  assert.ok(stageMarkup(1).includes('<p>One group: no by-fields, every row counts together.</p>'));
  assert.ok(!stageMarkup(1).includes('Groups by'));
  assert.ok(ruleText(counted).includes('\n    one group: no by-fields\n'));
  assert.ok(!ruleText(counted).includes('groups by \n'));
});

test('a macro defined by the engine itself reads "built in"', () => {
  assert.ok(stageMarkup(1).includes('<code>security_content_summariesonly</code>\n(built in)'));
  assert.ok(ruleText(counted).includes('from macro security_content_summariesonly (built in)\n'));
  assert.ok(!ruleText(counted).includes('defined in builtin'));
});

test('a row filter with a condition and a row limit without one read differently', () => {
  assert.ok(stageMarkup(2).includes('drops result rows that do not match'));
  const limit = 'keeps only some result rows, by position, not by a condition';
  assert.ok(stageMarkup(3).includes(limit));
  assert.ok(!stageMarkup(3).includes('do not match'));
  const text = ruleText(counted);
  assert.ok(text.includes('Stage 2: where  [filter-aggregated — drops result rows that do not'));
  assert.ok(text.includes(`Stage 3: limit  [filter-aggregated — ${limit}]`));
});
