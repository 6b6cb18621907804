import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, test } from 'node:test';
import type { Indicator } from '../../src/ir/index.js';
import { openCatalog } from '../../src/store/catalog.js';
import { writeCatalog } from '../../src/store/write-catalog.js';
import { temporaryFolder, writeFixtureCatalog } from './fixtures/catalog-file.js';
import { REFERENCE_SHAPED_ID, rule, SHARED_UPSTREAM_ID } from './fixtures/rules.js';

// The indexes of rules by canonical field, indicator, event and technique, on the fixture rules.
const folder = temporaryFolder();
const catalog = openCatalog(writeFixtureCatalog(folder));
after(() => {
  catalog.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

const all = { page: 1, pageSize: 50 };
const SIGMA_ID = `sigma:${SHARED_UPSTREAM_ID}`;
const idsOf = (items: { id: string }[]) => items.map((r) => r.id);

test('a canonical field counts the rules comparing it, per source', () => {
  assert.deepEqual(catalog.field('event.code'), {
    field: 'event.code',
    rules: { total: 2, bySource: { splunk: 1, sigma: 1 } },
    indicators: 1,
  });
  assert.equal(catalog.field('EventCode'), null);
});

test('canonical fields are listed the most used first, then by name', () => {
  const fields = catalog.fields(all).items.map((f) => [f.field, f.rules.total]);
  assert.deepEqual(fields.slice(0, 2), [
    ['event.code', 2],
    ['powershell.file.script_block_text', 2],
  ]);
  assert.equal(catalog.fields(all).total, 6);
});

test('a canonical field lists the names each source writes it with', () => {
  assert.deepEqual(catalog.writtenFields('event.code'), [
    { source: 'sigma', field: 'EventID', rules: 1 },
    { source: 'splunk', field: 'EventCode', rules: 1 },
  ]);
});

test('a written name leads to the canonical fields it is filed under', () => {
  assert.deepEqual(catalog.fieldsNamedLike('EventCode'), ['event.code']);
  assert.deepEqual(catalog.fieldsNamedLike('EVENT.CODE'), ['event.code']);
  assert.deepEqual(catalog.fieldsNamedLike('nothing'), []);
});

test('a number and the same number written as text are one indicator of a field', () => {
  const page = catalog.fieldIndicators('event.code', all);
  assert.equal(page.total, 1);
  assert.equal(page.items.length, 1);
  assert.equal(page.items[0].op, 'eq');
  assert.equal(Number(page.items[0].value), 4104);
  assert.deepEqual(page.items[0].rules, { total: 2, bySource: { splunk: 1, sigma: 1 } });
});

test('values that differ only in letter case are one indicator, most used first', () => {
  const page = catalog.fieldIndicators('powershell.file.script_block_text', all);
  assert.deepEqual(
    page.items.map((i) => [i.value, i.rules.total]),
    [
      ['invoke-wmimethod', 2],
      ['-CN', 1],
      ['-ComputerName', 1],
    ],
  );
});

test('an indicator without a value is listed without one', () => {
  const page = catalog.fieldIndicators('process.parent.name', all);
  assert.deepEqual(page.items, [{ op: 'exists', rules: { total: 1, bySource: { elastic: 1 } } }]);
});

test('an indicator lists its rules with how each writes it', () => {
  const key = {
    canonicalField: 'powershell.file.script_block_text',
    op: 'contains' as const,
    value: 'INVOKE-WMIMETHOD',
  };
  const detail = catalog.indicator(key, all);
  assert.ok(detail);
  assert.deepEqual(detail.rules, { total: 2, bySource: { splunk: 1, sigma: 1 } });
  assert.equal(detail.requiring, 2);
  assert.equal(detail.excluding, 0);
  assert.deepEqual(
    detail.page.items.map(({ rule, uses }) => [rule.id, uses]),
    [
      [
        REFERENCE_SHAPED_ID,
        [
          {
            field: 'ScriptBlockText',
            op: 'contains',
            value: 'Invoke-WmiMethod',
            negated: false,
            caseSensitive: false,
            text: 'ScriptBlockText="*Wmi*"',
          },
        ],
      ],
      [
        SIGMA_ID,
        [
          {
            field: 'ScriptBlockText',
            op: 'contains',
            value: 'invoke-wmimethod',
            negated: false,
            caseSensitive: false,
            text: 'ScriptBlockText|contains',
          },
        ],
      ],
    ],
  );
});

test('an indicator taken from a number as text finds the rule that wrote a number', () => {
  const detail = catalog.indicator({ canonicalField: 'event.code', op: 'eq', value: '4104' }, all);
  assert.ok(detail);
  assert.deepEqual(idsOf(detail.page.items.map((i) => i.rule)), [REFERENCE_SHAPED_ID, SIGMA_ID]);
  const sigmaUse = detail.page.items[1].uses[0];
  assert.equal(sigmaUse.text, null, 'from the log source: no predicate wrote it');
});

test('a rule that excludes an indicator is counted apart, with its case rule', () => {
  const detail = catalog.indicator(
    { canonicalField: 'file.path', op: 'endswith', value: '\\Trusted\\admin.ps1' },
    all,
  );
  assert.ok(detail);
  assert.equal(detail.requiring, 0);
  assert.equal(detail.excluding, 1);
  assert.deepEqual(detail.page.items[0].uses[0], {
    field: 'Path',
    op: 'endswith',
    value: '\\Trusted\\admin.ps1',
    negated: true,
    caseSensitive: true,
    text: 'Path|endswith|cased',
  });
});

test('an in list counts as eq for each of its values', () => {
  const file = `${temporaryFolder()}/in.db`;
  const listed = rule({
    source: 'splunk',
    upstreamId: 'in-list',
    indicators: [
      {
        field: 'process_name',
        canonicalField: 'process.name',
        op: 'in',
        negated: false,
        caseSensitive: false,
        values: [
          { value: 'a.exe', corpus: { total: 0, bySource: {} } },
          { value: 'cmd.exe', corpus: { total: 0, bySource: {} } },
        ],
      },
    ],
  });
  writeCatalog(file, {
    rules: [listed],
    failures: [],
    summary: { sources: {}, rules: 1, seconds: 0 },
    sources: [],
  });
  const own = openCatalog(file);
  try {
    const key = { canonicalField: 'process.name', op: 'eq' as const, value: 'CMD.EXE' };
    const detail = own.indicator(key, all);
    assert.deepEqual(detail && idsOf(detail.page.items.map((i) => i.rule)), ['splunk:in-list']);
    assert.equal(detail?.key.op, 'eq');
    assert.equal(detail?.page.items[0].uses[0].op, 'in');
  } finally {
    own.close();
  }
});

test('an indicator no rule has is null', () => {
  const unknown = (op: 'eq' | 'ne', value: number) =>
    catalog.indicator({ canonicalField: 'event.code', op, value }, all);
  assert.equal(unknown('eq', 1), null);
  assert.equal(unknown('ne', 4104), null);
});

test('an indicator keeps to one source when asked, its counts still covering all', () => {
  const key = { canonicalField: 'event.code', op: 'eq' as const, value: 4104 };
  const detail = catalog.indicator(key, { ...all, source: 'sigma' });
  assert.deepEqual(idsOf(detail?.page.items.map((i) => i.rule) ?? []), [SIGMA_ID]);
  assert.equal(detail?.page.total, 1);
  assert.equal(detail?.rules.total, 2);
});

test('the rules comparing a field are grouped by source, then by title', () => {
  const page = catalog.rulesWithField('event.code', all);
  assert.deepEqual(idsOf(page.items), [REFERENCE_SHAPED_ID, SIGMA_ID]);
  const elastic = catalog.rulesWithField('event.code', { ...all, source: 'elastic' });
  assert.deepEqual(idsOf(elastic.items), []);
});

test('an event lists the rules covering it, its provider in any letter case', () => {
  const detail = catalog.event('microsoft-windows-powershell', 4104, all);
  assert.ok(detail);
  assert.deepEqual(detail.summary, {
    provider: 'Microsoft-Windows-PowerShell',
    eventId: 4104,
    title: 'Script block logged',
    rules: { total: 2, bySource: { splunk: 1, sigma: 1 } },
  });
  assert.deepEqual(idsOf(detail.page.items), [REFERENCE_SHAPED_ID, SIGMA_ID]);
  assert.equal(catalog.event('Microsoft-Windows-PowerShell', 4103, all), null);
});

test('events are listed by provider, and found by id across providers', () => {
  const events = catalog.events(all).items.map((e) => `${e.provider} ${e.eventId}`);
  assert.deepEqual(events, [
    '<script>alert("provider")</script> 7',
    'Microsoft-Windows-PowerShell 4104',
  ]);
  const sameId = catalog.eventsWithId(4104).map((e) => e.provider);
  assert.deepEqual(sameId, ['Microsoft-Windows-PowerShell']);
});

test('techniques are listed by id, each sub-technique after its parent, only with rules', () => {
  const rows = catalog
    .techniques(all)
    .items.map((t) => [t.id, t.rules.total, t.withSubtechniques.total]);
  assert.deepEqual(rows, [
    ['T1047', 2, 2],
    ['T1059', 0, 1],
    ['T1059.003', 1, 1],
    ['T9999', 1, 1],
    ['T<SCRIPT>"1', 1, 1],
  ]);
});

test('a technique has its name and tactics from the ATT&CK data and its rules', () => {
  const detail = catalog.technique('t1047', all);
  assert.ok(detail);
  assert.equal(detail.summary.name, 'Windows Management Instrumentation');
  assert.equal(detail.summary.known, true);
  assert.deepEqual(detail.summary.tactics, [
    { id: 'TA0002', name: 'Execution', shortName: 'execution' },
  ]);
  assert.deepEqual(idsOf(detail.page.items), [REFERENCE_SHAPED_ID, SIGMA_ID]);
});

test('a parent technique lists the sub-techniques rules name', () => {
  const detail = catalog.technique('T1059', all);
  assert.ok(detail);
  assert.equal(detail.summary.parent, null);
  assert.deepEqual(detail.subtechniques.map((t) => [t.id, t.parent, t.rules]), [
    ['T1059.003', 'T1059', { total: 1, bySource: { elastic: 1 } }],
  ]);
  assert.deepEqual(detail.page.items, []);
  assert.deepEqual(detail.summary.withSubtechniques, { total: 1, bySource: { elastic: 1 } });
});

test('a technique no rule names is known by its ATT&CK name, an unknown id is null', () => {
  const unused = catalog.technique('T1003', all);
  assert.equal(unused?.summary.name, 'OS Credential Dumping');
  assert.equal(unused?.summary.withSubtechniques.total, 0);
  assert.equal(catalog.technique('T0000', all), null);
  const named = catalog.technique('T9999', all);
  assert.deepEqual([named?.summary.name, named?.summary.known], [null, false]);
});

test('three vendors writing one condition their own way share one indicator page', () => {
  const counted = { total: 0, bySource: {} };
  const vendorRule = (source: 'splunk' | 'sigma' | 'elastic', indicator: Indicator) =>
    rule({ source, upstreamId: `cmd-${source}`, indicators: [indicator] });
  const rules = [
    vendorRule('sigma', {
      field: 'Image',
      canonicalField: 'process.name',
      op: 'endswith',
      canonicalOp: 'eq',
      negated: false,
      caseSensitive: false,
      values: [{ value: '\\cmd.exe', canonical: 'cmd.exe', corpus: counted }],
    }),
    vendorRule('splunk', {
      field: 'Processes.process_name',
      canonicalField: 'process.name',
      op: 'eq',
      negated: false,
      caseSensitive: false,
      values: [{ value: 'CMD.EXE', corpus: counted }],
    }),
    vendorRule('elastic', {
      field: 'process.name',
      canonicalField: 'process.name',
      op: 'eq',
      negated: false,
      caseSensitive: true,
      values: [{ value: 'cmd.exe', corpus: counted }],
    }),
  ];
  const file = `${temporaryFolder()}/vendors.db`;
  const summary = { sources: {}, rules: rules.length, seconds: 0 };
  writeCatalog(file, { rules, failures: [], summary, sources: [] });
  const own = openCatalog(file);
  try {
    const key = { canonicalField: 'process.name', op: 'eq' as const, value: 'cmd.exe' };
    const detail = own.indicator(key, all);
    assert.deepEqual(detail?.rules, { total: 3, bySource: { splunk: 1, sigma: 1, elastic: 1 } });
    const written = detail?.page.items.map(({ uses: [use] }) => [use.field, use.op, use.value]);
    assert.deepEqual(written, [
      ['Processes.process_name', 'eq', 'CMD.EXE'],
      ['Image', 'endswith', '\\cmd.exe'],
      ['process.name', 'eq', 'cmd.exe'],
    ]);
    const everyVendor = { total: 3, bySource: { splunk: 1, sigma: 1, elastic: 1 } };
    assert.deepEqual(own.fieldIndicators('process.name', all).items, [
      { op: 'eq', value: 'cmd.exe', rules: everyVendor },
    ]);
  } finally {
    own.close();
  }
});
