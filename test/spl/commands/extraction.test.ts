// spath, fromjson, xmlkv, extract/kv and multikv: which text is read and what is extracted.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { read, readClean } from './command-fixture.js';

describe('extraction commands', () => {
  it('spath reads input, output and the path, named or written alone', () => {
    assert.deepEqual(readClean('spath input=policy output=actions path=Statement{}.Action'), {
      kind: 'spath', input: 'policy', output: 'actions', path: 'Statement{}.Action',
    });
    assert.deepEqual(readClean('spath output=user userIdentity.arn'), {
      kind: 'spath', input: null, output: 'user', path: 'userIdentity.arn',
    });
    assert.deepEqual(readClean('spath "answers{}"'), {
      kind: 'spath', input: null, output: null, path: 'answers{}',
    });
    assert.deepEqual(readClean('spath'), { kind: 'spath', input: null, output: null, path: null });
  });

  it('fromjson reads its field and prefix', () => {
    assert.deepEqual(readClean('fromjson Data prefix=d_'), {
      kind: 'fromjson', field: 'Data', prefix: 'd_',
    });
  });

  it('xmlkv reads an optional field', () => {
    assert.deepEqual(readClean('xmlkv Message maxinputs=100'), {
      kind: 'xmlkv', field: 'Message', maxinputs: 100,
    });
    assert.deepEqual(readClean('xmlkv'), { kind: 'xmlkv', field: null, maxinputs: null });
  });

  it('extract and kv read delimiters and extraction names', () => {
    assert.deepEqual(readClean('extract pairdelim=";" kvdelim=":"'), {
      kind: 'extract', options: { pairdelim: ';', kvdelim: ':' }, extractors: [],
    });
    assert.deepEqual(readClean('kv reload=true access-extractions'), {
      kind: 'extract', options: { reload: 'true' }, extractors: ['access-extractions'],
    });
  });

  it('multikv reads the columns kept and the row filter', () => {
    assert.deepEqual(readClean('multikv noheader=true fields pid cmd filter sshd'), {
      kind: 'multikv', options: { noheader: 'true' }, fields: ['pid', 'cmd'], filter: ['sshd'],
    });
    assert.deepEqual(read('multikv stray').issues, ['unexpected `multikv` argument']);
  });
});
