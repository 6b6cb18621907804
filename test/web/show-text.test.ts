import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleText, showCommand } from '../../src/cli/show.js';
import type { Expr, Predicate, Stage } from '../../src/ir/index.js';
import { elasticRule, rule } from '../store/fixtures/rules.js';

const SPAN = { start: 0, end: 1 };
const MACRO = { macro: 'wineventlog', args: [], definedIn: 'macros/wineventlog.yml' };

function stageWith(predicate: Expr, text = 'where x'): Stage {
  return { index: 1, command: 'where', text, effect: 'filter', args: {}, predicate };
}

function condition(overrides: Partial<Predicate>): Expr {
  const predicate: Predicate = {
    field: 'f',
    op: 'eq',
    values: ['v'],
    caseSensitive: false,
    text: 'f=v',
    span: SPAN,
    ...overrides,
  };
  return { kind: 'predicate', predicate };
}

function linesOf(pipeline: Stage[]): string[] {
  const text = ruleText(rule({ source: 'splunk', upstreamId: 'u1', pipeline }));
  return text.split('\n');
}

test('a computed condition is printed with the fields it reads', () => {
  const computed: Expr = {
    kind: 'computed',
    computed: {
      condition: {
        kind: 'operator',
        operator: '<',
        args: [{ kind: 'field', name: 'first' }, { kind: 'field', name: 'last' }],
      },
      fields: ['first', 'last'],
      caseSensitive: true,
      text: 'first < last',
    },
  };
  const lines = linesOf([stageWith({ kind: 'and', args: [condition({}), computed] })]);
  assert.ok(lines.includes('      [computed] first < last (case-sensitive) — reads first, last'));
});

test('a subsearch condition prints its fields and the stages of the nested search', () => {
  const subsearch: Expr = {
    kind: 'subsearch',
    subsearch: {
      fields: ['user'],
      text: '[ search index=hr ]',
      stages: [
        {
          index: 1,
          command: 'search',
          text: 'search index=hr',
          effect: 'filter',
          args: {},
          predicate: condition({ field: 'index', values: ['hr'], text: 'index=hr' }),
        },
      ],
    },
  };
  const lines = linesOf([stageWith(subsearch, 'join user [ search index=hr ]')]);
  const at = lines.indexOf('    SUBSEARCH: user equal a row returned by the search');
  assert.ok(at > 0, lines.join('\n'));
  assert.deepEqual(lines.slice(at + 1, at + 4), [
    '      1. search  [filter]',
    '          search index=hr',
    '        index eq "hr" (any case)',
  ]);
});

test('a condition from a macro names the macro', () => {
  const lines = linesOf([stageWith(condition({ origin: MACRO }))]);
  assert.ok(lines.includes('    f eq "v" (any case)  (from macro wineventlog)'));
});

test('a condition in the shared vocabulary reads as the page says it', () => {
  const predicate = condition({
    field: 'Image',
    op: 'endswith',
    values: ['\\net.exe'],
    canonicalField: 'process.executable',
    canonical: {
      field: 'process.name',
      op: 'eq',
      values: ['net.exe'],
      caseSensitive: false,
      mapping: 'table',
    },
  });
  const lines = linesOf([stageWith(predicate)]);
  const written = '    Image (process.executable) endswith "\\net.exe" (any case)';
  assert.ok(lines.includes(`${written} — as process.name eq "net.exe"`), lines.join('\n'));
});

test('a condition derived from a log-source term is marked with the term', () => {
  const derived = condition({
    field: 'winlog.channel',
    values: ['Security'],
    text: 'source=WinEventLog:Security',
    span: undefined,
    derivedFrom: 'source=WinEventLog:Security',
  });
  const lines = linesOf([stageWith(derived)]);
  assert.ok(lines.includes(
    '    winlog.channel eq "Security" (any case)  [derived from source=WinEventLog:Security]',
  ));
});

test('a Sigma log-source key is written by the rule, not derived', () => {
  const product = condition({
    field: 'logsource.product',
    values: ['windows'],
    text: 'product: windows',
    span: undefined,
  });
  const lines = linesOf([stageWith(product)]);
  assert.ok(lines.includes('    logsource.product eq "windows" (any case)'), lines.join('\n'));
});

test('an indicator keeps the written field and kind, then the shared ones with the value', () => {
  const text = ruleText(rule({
    source: 'sigma',
    upstreamId: 'u2',
    indicators: [{
      field: 'Image',
      canonicalField: 'process.name',
      op: 'endswith',
      canonicalOp: 'eq',
      negated: false,
      caseSensitive: false,
      values: [{ value: '\\net.exe', canonical: 'net.exe', corpus: { total: 0, bySource: {} } }],
    }],
  }));
  assert.ok(text.includes('\n  Image endswith (any case) — as process.name eq\n' +
    '    "\\net.exe" as "net.exe"\n'), text);
});

test('an Elastic rule has the "Data and setup" section before ATT&CK coverage', () => {
  const text = ruleText({ ...elasticRule(), elastic: { integrations: [
    { package: 'windows', integration: 'sysmon_operational' },
  ], setup: 'Turn on Sysmon.', notes: [] } });
  const at = text.indexOf('\nData and setup\n');
  assert.ok(at > 0 && at < text.indexOf('\nMITRE ATT&CK coverage\n'), text);
  assert.ok(text.includes('\n  Integrations:\n    windows  sysmon_operational\n'));
  assert.ok(text.includes('\n  Setup:\n    Turn on Sysmon.\n'));
});

test('a Splunk rule has no "Data and setup" and names its techniques and data sources', () => {
  const text = ruleText(rule({
    source: 'splunk',
    upstreamId: 'u3',
    techniques: ['T1047'],
    dataSources: ['Sysmon EventID 1'],
  }));
  assert.ok(!text.includes('Data and setup'));
  assert.ok(text.includes('\n  Techniques named: T1047\n  Data sources: Sysmon EventID 1\n'));
});

test('the show command is described in lower case, as the other commands are', () => {
  assert.equal(showCommand().description().split(':')[0], 'show one rule');
});

test('options a macro wrote into a tstats are listed with that macro', () => {
  const origin = { macro: 'summaries', args: [], definedIn: 'macros/summaries.yml' };
  const tstats: Stage = {
    index: 1,
    command: 'tstats',
    text: 'tstats summariesonly=false allow_old_summaries=true count from datamodel=Endpoint',
    effect: 'aggregate',
    args: { optionOrigins: { summariesonly: origin, allow_old_summaries: origin } },
  };
  assert.ok(linesOf([tstats]).includes('    options summariesonly, allow_old_summaries from macro '
    + 'summaries (defined in macros/summaries.yml)'), linesOf([tstats]).join('\n'));
});
