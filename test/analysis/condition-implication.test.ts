import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { Expr, Predicate } from '../../src/ir/index.js';
import { disjunctsOf } from '../../src/analysis/implication/disjuncts.js';
import { formulaOf } from '../../src/analysis/implication/formula.js';
import { withModelStatements } from '../../src/analysis/implication/event-identity.js';
import { casesImply } from '../../src/analysis/implication/implies.js';
import { and, cs, not, opaque, or, p } from './rule-fixture.js';

const context = {
  dialect: 'sigma:detection',
  comparisonOf: ({ field, op, values, caseSensitive }: Predicate) =>
    ({ field, op, values, caseSensitive, mapping: 'table' as const }),
  isVerbatim: () => false,
  shared: true,
  missingIsUnknown: false,
};

function formula(expr: Expr) {
  return formulaOf(expr, context);
}

/** Whether every event of `narrower` is shown to satisfy `broader`. */
function implies(narrower: Expr, broader: Expr): boolean {
  const cases = disjunctsOf(formula(narrower), 64);
  assert.ok(cases, 'the narrower condition has a bounded normal form');
  return casesImply(cases, formula(broader)) !== null;
}

const a = p('A', 'eq', 'a');
const b = p('B', 'eq', 'b');
const c = p('C', 'eq', 'c');

describe('condition implication', () => {
  it('more conditions imply fewer', () => {
    assert.equal(implies(and([a, b, c]), and([a, b])), true);
    assert.equal(implies(and([a, b]), and([a, b, c])), false);
  });

  it('a condition implies an OR holding it', () => {
    assert.equal(implies(a, or([a, p('X', 'eq', 'x')])), true);
  });

  it('an OR implies a condition only if every branch does', () => {
    assert.equal(implies(or([a, b]), a), false);
    assert.equal(implies(or([a, b]), or([c, b, a])), true);
  });

  it('an in list implies an OR of equalities holding its values', () => {
    const list = p('F', 'in', ['x', 'y']);
    const alternatives = or([p('F', 'eq', 'x'), p('F', 'eq', 'y'), p('F', 'eq', 'z')]);
    assert.equal(implies(list, alternatives), true);
    assert.equal(implies(list, or([p('F', 'eq', 'x'), p('G', 'eq', 'y')])), false);
  });

  it('an in list is split into cases when the broader OR spans fields', () => {
    const narrower = and([p('F', 'in', ['x', 'y']), p('G', 'eq', 'g')]);
    const broader = or([and([p('F', 'eq', 'x'), p('G', 'eq', 'g')]), p('F', 'eq', 'y')]);
    assert.equal(implies(narrower, broader), true);
  });

  it('NOT of a broader value implies NOT of a narrower one', () => {
    const narrower = and([a, not(p('G', 'contains', 'x'))]);
    assert.equal(implies(narrower, not(p('G', 'eq', 'xy'))), true);
    assert.equal(implies(and([a, not(p('G', 'eq', 'xy'))]), not(p('G', 'contains', 'x'))), false);
  });

  it('NOT over OR is NOT of each branch (De Morgan)', () => {
    assert.equal(implies(and([not(a), not(b), c]), not(or([a, b]))), true);
    assert.equal(implies(not(or([a, b])), not(a)), true);
  });

  it('NOT over AND does not imply NOT of one part', () => {
    assert.equal(implies(not(and([a, b])), not(a)), false);
  });

  it('a bounded range implies a wider bound', () => {
    assert.equal(implies(and([p('N', 'ge', 60), p('N', 'le', 80)]), p('N', 'gt', 50)), true);
    assert.equal(implies(p('N', 'ge', 60), p('N', 'le', 80)), false);
  });

  it('a bound is not claimed when numbers and text order disagree', () => {
    assert.equal(implies(p('N', 'ge', 10), p('N', 'gt', 5)), false);
  });

  it('case-insensitive text does not imply case-sensitive text, the reverse holds', () => {
    const insensitive = p('CommandLine', 'contains', 'Invoke');
    const sensitive = cs('CommandLine', 'contains', 'Invoke');
    assert.equal(implies(insensitive, sensitive), false);
    assert.equal(implies(sensitive, insensitive), true);
  });

  it('nothing implies an opaque part', () => {
    assert.equal(implies(a, and([a, opaque('???')])), false);
  });

  it('an opaque part may sit in an OR branch that is not needed', () => {
    assert.equal(implies(a, or([a, opaque('???')])), true);
  });

  it('maps each broader condition to the narrower literal implying it', () => {
    const cases = disjunctsOf(formula(p('Image', 'endswith', '\\cmd.exe')), 64)!;
    const mapping = casesImply(cases, formula(p('Image', 'contains', 'cmd')))!;
    assert.deepEqual(
      mapping.map((m) => [m.condition.values, m.impliedBy.values]),
      [[['cmd'], ['\\cmd.exe']]],
    );
  });
});

describe('normal form bounds', () => {
  it('a condition with more cases than the bound has no normal form', () => {
    const pairs = [1, 2, 3, 4, 5, 6, 7].map((n) => or([p(`X${n}`, 'eq', 1), p(`Y${n}`, 'eq', 1)]));
    assert.equal(disjunctsOf(formula(and(pairs)), 64), null);
    assert.equal(disjunctsOf(formula(and(pairs.slice(0, 6))), 64)?.length, 64);
  });

  it('same-field alternatives stay one literal and do not multiply cases', () => {
    const values = Array.from({ length: 100 }, (_, i) => p('CommandLine', 'contains', `v${i}`));
    const cases = disjunctsOf(formula(and([or(values), or(values.slice(0, 50))])), 64);
    assert.equal(cases?.length, 1);
    assert.equal(cases?.[0].length, 2);
  });

  it('an opaque part or an empty OR gives no normal form', () => {
    assert.equal(disjunctsOf(formula(and([a, opaque('x')])), 64), null);
    assert.equal(disjunctsOf(formula({ kind: 'or', args: [] }), 64), null);
  });
});

describe('what the event model states of a case naming where its event was logged', () => {
  const [identity] = disjunctsOf(
    formula(and([
      p('winlog.channel', 'eq', 'security'),
      p('event.code', 'eq', '4688'),
      p('CommandLine', 'contains', 'x'),
    ])),
    64,
  )!;
  const stated = (conjunction: typeof identity) =>
    conjunction
      .filter((literal) => literal.dialect === 'model')
      .map(({ field, op, values }) => `${field} ${op} ${values.join(',')}`);

  it('a Security 4688 event: each vendor’s name for its log and its ECS categorization', () => {
    assert.deepEqual(stated(withModelStatements(identity)), [
      'host.os.type eq windows',
      'source eq XmlWinEventLog:Security',
      'sourcetype eq XmlWinEventLog',
      'event.dataset eq system.security',
      '_index startswith logs-system.security-',
      'logsource.product eq windows',
      'logsource.category eq process_creation',
      'logsource.service eq security',
      'event.category eq process',
      'event.type eq start',
    ]);
  });

  it('a case stating its own Splunk source gets no other one', () => {
    const [source] = disjunctsOf(formula(p('source', 'eq', 'WinEventLog:Security')), 1)!;
    const own = [...identity, ...source];
    const fields = stated(withModelStatements(own)).map((statement) => statement.split(' ')[0]);
    assert.equal(fields.includes('source') || fields.includes('sourcetype'), false);
    assert.equal(fields.includes('_index'), true);
  });

  it('a case naming two channels keeps no event and gets no statement', () => {
    const [twoChannels] = disjunctsOf(
      formula(and([p('winlog.channel', 'eq', 'Security'), p('winlog.channel', 'eq', 'System')])),
      64,
    )!;
    assert.deepEqual(stated(withModelStatements(twoChannels)), []);
  });
});
