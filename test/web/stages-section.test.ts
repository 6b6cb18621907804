// How special stages read on the rule page: sequences say how their steps combine.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Expr, Stage } from '../../src/ir/index.js';
import { stagesSection } from '../../src/web/rule-page/stages-section.js';
import { rule } from '../store/fixtures/rules.js';

const step = (value: string): Expr => ({
  kind: 'predicate',
  predicate: {
    field: 'process.name',
    op: 'eq',
    values: [value],
    caseSensitive: false,
    text: `process.name == "${value}"`,
  },
});

test('a sequence stage explains its steps instead of repeating their OR', () => {
  const sequence: Stage = {
    index: 1,
    command: 'sequence',
    text: 'sequence by host.id with maxspan=1m [process where …] [process where …]',
    effect: 'aggregate',
    args: { by: ['host.id'], steps: 2, maxspan: '1m' },
    predicate: { kind: 'or', args: [step('a.exe'), step('b.exe')] },
  };
  const page = stagesSection(rule({ source: 'elastic', upstreamId: 'seq', pipeline: [sequence] }))
    .markup;
  assert.match(
    page,
    /matches one of the 2 steps below\s+in order, joined on <code>host\.id<\/code>, within 1m\./,
  );
  assert.ok(!page.includes('ANY OF'), 'the OR of the steps is not drawn again');
});

test('grouping by _time drops no event', () => {
  const stats: Stage = {
    index: 1,
    command: 'stats',
    text: 'stats count by _time host',
    effect: 'aggregate',
    args: {},
    groupBy: { fields: ['_time', 'host'], filled: [] },
  };
  const page = stagesSection(rule({ source: 'splunk', upstreamId: 'by-time', pipeline: [stats] }))
    .markup;
  assert.match(page, /Events lacking <code>host<\/code> are dropped here/);
});

test('a condition derived from a log-source term is marked derived, naming the term', () => {
  const channel: Expr = {
    kind: 'predicate',
    predicate: {
      field: 'winlog.channel',
      op: 'eq',
      values: ['Security'],
      caseSensitive: false,
      text: 'source=WinEventLog:Security',
      derivedFrom: 'source=WinEventLog:Security',
    },
  };
  const written: Expr = {
    kind: 'predicate',
    predicate: {
      field: 'source',
      op: 'eq',
      values: ['WinEventLog:Security'],
      caseSensitive: false,
      text: 'source=WinEventLog:Security',
      span: { start: 0, end: 27 },
    },
  };
  const search: Stage = {
    index: 1,
    command: 'search',
    text: 'search source=WinEventLog:Security',
    effect: 'filter',
    args: {},
    predicate: { kind: 'and', args: [written, channel] },
  };
  const splunkRule = rule({ source: 'splunk', upstreamId: 'd', pipeline: [search] });
  const page = stagesSection(splunkRule).markup;
  const marks = page.match(/<span class="badge derived">derived<\/span>/g) ?? [];
  assert.equal(marks.length, 1);
  assert.ok(page.includes('from <code>source=WinEventLog:Security</code>'));
});

test('new terms and alert suppression are described by what they do', () => {
  const settings: Stage[] = [
    {
      index: 1,
      command: 'new_terms',
      text: 'new_terms = { field = "new_terms_fields", value = ["user.name"] }',
      effect: 'aggregate',
      args: { fields: ['user.name'], historyWindowStart: 'now-7d' },
    },
    {
      index: 2,
      command: 'alert_suppression',
      text: 'alert_suppression = { group_by = ["user.name"] }',
      effect: 'format',
      args: { groupBy: ['user.name'] },
    },
  ];
  const page = stagesSection(rule({ source: 'elastic', upstreamId: 'nt', pipeline: settings }))
    .markup;
  assert.ok(page.includes(
    'keeps events whose values of the fields were not seen in the history window',
  ));
  assert.ok(page.includes(
    'raises one alert per group and period; the events matched do not change',
  ));
  assert.ok(!page.includes('groups events into rows'));
  assert.ok(!page.includes('changes presentation only'));
});

test('options a macro wrote are marked with that macro on the page', () => {
  const origin = { macro: 'summaries', args: [], definedIn: 'macros/<b>summaries</b>.yml' };
  const tstats: Stage = {
    index: 1,
    command: 'tstats',
    text: 'tstats summariesonly=false count from datamodel=Endpoint',
    effect: 'aggregate',
    args: { optionOrigins: { summariesonly: origin, bogus: { macro: 1 } } },
  };
  const page = stagesSection(rule({ source: 'splunk', upstreamId: 'opt', pipeline: [tstats] }))
    .markup;
  assert.match(page, /options\s+<code>summariesonly<\/code>/);
  assert.match(page, /macros\/&lt;b&gt;summaries&lt;\/b&gt;\.yml/);
  assert.doesNotMatch(page, /bogus/);
});
