// xyseries and untable: the fields of a table and of its rows.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { read, readClean } from './command-fixture.js';

describe('reshaping commands', () => {
  it('xyseries reads the x field, the y-name field and the y-data fields', () => {
    assert.deepEqual(readClean('xyseries grouped=true _time host count bytes sep=_'), {
      kind: 'xyseries', x: '_time', yName: 'host', yData: ['count', 'bytes'],
      options: { grouped: 'true', sep: '_' },
    });
    assert.deepEqual(read('xyseries _time host').issues, [
      '`xyseries` needs an x field, a y-name field and y-data fields',
    ]);
  });

  it('untable reads exactly three fields', () => {
    assert.deepEqual(readClean('untable _time host count'), {
      kind: 'untable', x: '_time', yName: 'host', yData: 'count',
    });
    assert.deepEqual(read('untable _time').issues, [
      '`untable` needs an x field, a y-name field and a y-data field',
    ]);
  });
});
