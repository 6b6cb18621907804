// iplocation, addtotals, strcat, filldown, rangemap, delta, accum, addinfo and tojson: the
// fields they read and the fields they add.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { read, readClean } from './command-fixture.js';

describe('commands that add computed fields', () => {
  it('iplocation reads the address field, prefix and switches', () => {
    assert.deepEqual(readClean('iplocation prefix=src_ allfields=true src'), {
      kind: 'iplocation', field: 'src', prefix: 'src_', allfields: true, lang: null,
    });
    assert.deepEqual(read('iplocation allfields=maybe ip').issues, [
      '`allfields` needs true or false',
    ]);
  });

  it('addtotals reads the total field and the fields summed, commas or not', () => {
    assert.deepEqual(readClean('addtotals fieldname=Score, a, b c'), {
      kind: 'addtotals', fieldname: 'Score', options: {}, fields: ['a', 'b', 'c'],
    });
  });

  it('strcat reads fields and quoted text, the target last', () => {
    assert.deepEqual(readClean('strcat allrequired=t host "::" port target'), {
      kind: 'strcat',
      sources: [
        { kind: 'field', value: 'host' },
        { kind: 'string', value: '::' },
        { kind: 'field', value: 'port' },
      ],
      target: 'target',
      allrequired: true,
    });
    assert.deepEqual(read('strcat alone').issues, [
      '`strcat` needs the parts to join and a target field',
    ]);
  });

  it('filldown reads the fields filled, or none for all', () => {
    assert.deepEqual(readClean('filldown user host'), {
      kind: 'filldown', fields: ['user', 'host'],
    });
    assert.deepEqual(readClean('filldown'), { kind: 'filldown', fields: [] });
  });

  it('rangemap reads named numeric ranges and the default', () => {
    assert.deepEqual(readClean('rangemap field=count low=0-10 high=10.5-100 default=none'), {
      kind: 'rangemap',
      field: 'count',
      ranges: [{ name: 'low', low: 0, high: 10 }, { name: 'high', low: 10.5, high: 100 }],
      default: 'none',
    });
    assert.deepEqual(read('rangemap field=x odd=a-b').issues, [
      '`odd` needs a range such as `1-100`',
    ]);
  });

  it('delta and accum read the field and its new name', () => {
    assert.deepEqual(readClean('delta count AS change p=2'), {
      kind: 'delta', field: 'count', as: 'change', p: 2,
    });
    assert.deepEqual(readClean('accum bytes as total'), {
      kind: 'accum', field: 'bytes', as: 'total',
    });
    assert.deepEqual(read('accum bytes as').issues, ['`AS` needs a field name after it']);
  });

  it('addinfo takes nothing', () => {
    assert.deepEqual(readClean('addinfo'), { kind: 'addinfo' });
    assert.deepEqual(read('addinfo x').issues, ['unexpected `addinfo` argument']);
  });

  it('tojson reads typed and plain fields and its options', () => {
    assert.deepEqual(readClean('tojson str(user) count output_field=doc'), {
      kind: 'tojson',
      fields: [{ field: 'user', type: 'str' }, { field: 'count', type: null }],
      options: { output_field: 'doc' },
    });
  });
});
