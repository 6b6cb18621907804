// mvexpand, makemv, mvcombine and nomv: the multivalue field and how values are split or joined.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { read, readClean } from './command-fixture.js';

describe('multivalue commands', () => {
  it('mvexpand reads its field and limit', () => {
    assert.deepEqual(readClean('mvexpand grantees limit=50'), {
      kind: 'mvexpand', field: 'grantees', limit: 50,
    });
    assert.deepEqual(read('mvexpand').issues, ['`mvexpand` needs a field']);
  });

  it('makemv reads a delimiter or a tokenizer, and its switches', () => {
    assert.deepEqual(readClean('makemv delim=" " allowempty=true Scope'), {
      kind: 'makemv', field: 'Scope', delim: ' ', tokenizer: null, allowempty: true, setsv: null,
    });
    assert.deepEqual(readClean('makemv tokenizer="(\\w+)," process'), {
      kind: 'makemv', field: 'process', delim: null, tokenizer: '(\\w+),', allowempty: null,
      setsv: null,
    });
    assert.deepEqual(read('makemv delim="," tokenizer="(x)" f').issues, [
      '`makemv` takes `delim` or `tokenizer`, not both',
    ]);
  });

  it('mvcombine and nomv read the one field they join', () => {
    assert.deepEqual(readClean('mvcombine delim=";" dest'), {
      kind: 'mvcombine', field: 'dest', delim: ';',
    });
    assert.deepEqual(readClean('nomv dest'), { kind: 'nomv', field: 'dest' });
  });
});
