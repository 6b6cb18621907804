// How a Sigma rule becomes stages: the log source, the detection under its condition, and the
// obsolete v1 aggregation; with the text and spans every predicate keeps.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { predicatesOf, type Stage } from '../../src/ir/index.js';
import { notation } from './expr-notation.js';
import { dedent, lowerRule, ruleWithDetection } from './rule-text.js';

function stage(rule: ReturnType<typeof lowerRule>, command: string): Stage {
  const found = rule.pipeline.find((candidate) => candidate.command === command);
  assert.ok(found, `a ${command} stage`);
  return found;
}

function detection(body: string): string {
  const rule = lowerRule(ruleWithDetection(body));
  assert.deepEqual(rule.diagnostics, []);
  return notation(stage(rule, 'detection').predicate!);
}

const THREE_SELECTIONS = dedent(`
  selection_a:
      A: 1
  selection_b:
      B: 2
  _hidden:
      H: 3
  filter_x:
      X: 4`).trimEnd();

describe('conditions over search identifiers', () => {
  test('and, or, not and parentheses', () => {
    assert.equal(
      detection(`${THREE_SELECTIONS}\ncondition: (selection_a or selection_b) and not filter_x`),
      'and(or(A eq 1, B eq 2), not(X eq 4))',
    );
  });

  test('1 of a pattern is the OR of the matching identifiers', () => {
    assert.equal(
      detection(`${THREE_SELECTIONS}\ncondition: 1 of selection_*`),
      'or(A eq 1, B eq 2)',
    );
  });

  test('all of a pattern is their AND', () => {
    assert.equal(
      detection(`${THREE_SELECTIONS}\ncondition: all of selection_*`),
      'and(A eq 1, B eq 2)',
    );
  });

  test('them leaves out identifiers starting with an underscore', () => {
    assert.equal(
      detection(`${THREE_SELECTIONS}\ncondition: 1 of them`),
      'or(A eq 1, B eq 2, X eq 4)',
    );
    assert.equal(
      detection(`${THREE_SELECTIONS}\ncondition: all of them`),
      'and(A eq 1, B eq 2, X eq 4)',
    );
  });

  test('an explicit pattern may name an underscore identifier', () => {
    assert.equal(detection(`${THREE_SELECTIONS}\ncondition: 1 of _hid*`), 'H eq 3');
  });

  test('a list of conditions means any of them', () => {
    assert.equal(
      detection(`${THREE_SELECTIONS}\ncondition:\n    - selection_a\n    - selection_b`),
      'or(A eq 1, B eq 2)',
    );
  });

  test('a condition over several lines', () => {
    assert.equal(
      detection(`${THREE_SELECTIONS}\ncondition:\n    selection_a and\n    not filter_x`),
      'and(A eq 1, not(X eq 4))',
    );
  });
});

describe('conditions that do not resolve', () => {
  test('an undefined identifier is opaque with a diagnostic at its column', () => {
    const rule = lowerRule(ruleWithDetection('sel:\n    A: 1\ncondition: sel and missing'));
    assert.equal(notation(stage(rule, 'detection').predicate!), 'and(A eq 1, opaque("missing"))');
    assert.deepEqual(
      rule.diagnostics.map(({ code, line, column, stage }) => ({ code, line, column, stage })),
      [{ code: 'sigma.unknown-search-identifier', line: 8, column: 24, stage: 2 }],
    );
    assert.equal(rule.fullyParsed, false);
  });

  test('a pattern matching nothing is opaque', () => {
    const rule = lowerRule(
      ruleWithDetection('sel:\n    A: 1\ncondition: sel and not 1 of filter_*'),
    );
    assert.equal(
      notation(stage(rule, 'detection').predicate!),
      'and(A eq 1, not(opaque("1 of filter_*")))',
    );
    assert.deepEqual(rule.diagnostics.map((d) => d.code), ['sigma.no-matching-search-identifier']);
  });

  test('a syntax error keeps the condition text, opaque', () => {
    const rule = lowerRule(ruleWithDetection('sel:\n    A: 1\ncondition: sel and'));
    assert.equal(notation(stage(rule, 'detection').predicate!), 'opaque("sel and")');
    assert.deepEqual(rule.diagnostics.map((d) => d.code), ['sigma.condition-syntax']);
  });

  test('an empty list of conditions is opaque', () => {
    const rule = lowerRule(ruleWithDetection('sel:\n    A: 1\ncondition: []'));
    assert.equal(notation(stage(rule, 'detection').predicate!), 'opaque("[]")');
    assert.deepEqual(rule.diagnostics.map((d) => d.code), ['sigma.condition-syntax']);
  });

  test('a detection without a condition', () => {
    const rule = lowerRule(ruleWithDetection('sel:\n    A: 1'));
    assert.equal(stage(rule, 'detection').predicate?.kind, 'opaque');
    assert.deepEqual(rule.diagnostics.map((d) => d.code), ['sigma.missing-condition']);
  });
});

describe('predicate text and spans', () => {
  const rule = lowerRule(
    ruleWithDetection(String.raw`
      selection:
          Image|endswith: '\x.exe'
          User:
              - 'a'
              - 'b'
      keywords:
          - 'evil'
      condition: selection or keywords`),
  );
  const predicates = [...predicatesOf(stage(rule, 'detection').predicate!)].map((p) => p.predicate);

  test('each predicate keeps the text it was written as', () => {
    assert.deepEqual(
      predicates.map((p) => p.text),
      [String.raw`Image|endswith: '\x.exe'`, `User: 'a'`, `User: 'b'`, `'evil'`],
    );
  });

  test('spans point into the query text', () => {
    assert.deepEqual(
      predicates.map((p) => rule.query.slice(p.span!.start, p.span!.end)),
      [String.raw`Image|endswith: '\x.exe'`, `'a'`, `'b'`, `'evil'`],
    );
  });

  test('the query is the detection block and the stage spans all of it', () => {
    assert.equal(rule.query.split('\n')[0], 'detection:');
    assert.deepEqual(stage(rule, 'detection').span, { start: 0, end: rule.query.length });
    assert.equal(stage(rule, 'detection').text, rule.query);
  });

  test('the detection stage lists its condition and search identifiers', () => {
    assert.deepEqual(stage(rule, 'detection').args, {
      condition: 'selection or keywords',
      searchIdentifiers: ['selection', 'keywords'],
    });
  });
});

describe('rules whose detection cannot be re-read on its own', () => {
  test('a flow-style document is lowered from its value, without spans', () => {
    const detectionBlock = "detection: {sel: {A: 'b'}, condition: sel}";
    const rule = lowerRule(`{title: T, id: x, logsource: {product: windows}, ${detectionBlock}}`);
    const predicate = stage(rule, 'detection').predicate!;
    assert.equal(notation(predicate), 'A eq "b"');
    const [only] = [...predicatesOf(predicate)];
    assert.deepEqual([only.predicate.text, only.predicate.span], ["A: 'b'", undefined]);
    assert.equal(rule.fullyParsed, true);
  });

  test('an anchor defined outside the detection is resolved', () => {
    const rule = lowerRule(
      dedent(`
        title: T
        id: x
        x-shared: &tool 'psexec.exe'
        logsource:
            product: windows
        detection:
            sel:
                Image|endswith: *tool
            condition: sel`),
    );
    assert.equal(notation(stage(rule, 'detection').predicate!), 'Image endswith "psexec.exe"');
  });
});

describe('the log source stage', () => {
  test('product, category and service become constraints, with the events they cover', () => {
    const logsource = [
      'category: process_creation',
      '    product: windows',
      '    service: sysmon',
      '    definition: needs Sysmon',
    ].join('\n');
    const rule = lowerRule(ruleWithDetection('sel:\n    A: 1\ncondition: sel', logsource));
    const first = rule.pipeline[0];
    assert.equal(first.command, 'logsource');
    assert.equal(first.effect, 'filter');
    assert.equal(
      notation(first.predicate!),
      'and(logsource.product eq "windows", logsource.category eq "process_creation", ' +
        'logsource.service eq "sysmon", ' +
        'winlog.channel eq "Microsoft-Windows-Sysmon/Operational", ' +
        'event.provider eq "Microsoft-Windows-Sysmon", event.code eq "1")',
    );
    assert.deepEqual(first.args, {
      category: 'process_creation',
      product: 'windows',
      service: 'sysmon',
      definition: 'needs Sysmon',
    });
  });

  test('the event filter is the log source AND the detection', () => {
    const rule = lowerRule(ruleWithDetection('sel:\n    A: 1\ncondition: sel'));
    assert.equal(notation(rule.eventFilter!), 'and(logsource.product eq "windows", A eq 1)');
    assert.equal(rule.fullyParsed, true);
  });

  test('a rule without a log source is flagged', () => {
    const rule = lowerRule(
      dedent(`
        title: No Log Source
        id: 00000000-0000-4000-8000-00000000bbbb
        detection:
            sel:
                A: 1
            condition: sel`),
    );
    assert.equal(rule.pipeline[0].predicate, undefined);
    assert.deepEqual(rule.diagnostics.map((d) => d.code), ['sigma.missing-logsource']);
  });
});

describe('Sigma v1 aggregations', () => {
  const rule = lowerRule(
    ruleWithDetection(
      'sel:\n    action: failure\ntimeframe: 10m\ncondition: sel | count(user) by src_ip > 30',
    ),
  );

  test('become a grouping stage and a threshold on it', () => {
    assert.deepEqual(
      rule.pipeline.map((s) => [s.index, s.command, s.effect]),
      [
        [1, 'logsource', 'filter'],
        [2, 'detection', 'filter'],
        [3, 'aggregation', 'aggregate'],
        [4, 'threshold', 'filter-aggregated'],
      ],
    );
    assert.deepEqual(rule.pipeline[2].groupBy, { fields: ['src_ip'], filled: [] });
    assert.deepEqual(rule.pipeline[2].args, { function: 'count', field: 'user', timeframe: '10m' });
    assert.equal(notation(rule.pipeline[3].predicate!), 'count(user) gt 30');
  });

  test('are flagged as obsolete syntax', () => {
    assert.deepEqual(
      rule.diagnostics.map((d) => [d.code, d.stage]),
      [['sigma.obsolete-aggregation', 3]],
    );
    assert.equal(rule.fullyParsed, false);
  });

  test('the detection itself is unaffected', () => {
    assert.equal(notation(rule.pipeline[1].predicate!), 'action eq "failure"');
  });

  test('a timeframe with no aggregation is a visible, opaque stage', () => {
    const alone = lowerRule(ruleWithDetection('sel:\n    A: 1\ntimeframe: 1h\ncondition: sel'));
    assert.deepEqual(alone.pipeline[2], {
      index: 3,
      command: 'timeframe',
      text: 'timeframe: 1h',
      effect: 'filter',
      args: { timeframe: '1h' },
      opaque: true,
    });
    assert.deepEqual(alone.diagnostics.map((d) => d.code), ['sigma.timeframe-without-aggregation']);
  });
});
