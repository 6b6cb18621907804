// foldCase: ASCII letters lower-cased, every other character left as written.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { foldCase } from '../../src/semantics/value-key.js';

describe('foldCase', () => {
  test('lower-cases ASCII text', () => {
    assert.equal(foldCase('C:\\Windows\\System32\\CMD.EXE'), 'c:\\windows\\system32\\cmd.exe');
  });

  test('returns text without capitals as it is', () => {
    assert.equal(foldCase('powershell.exe -enc'), 'powershell.exe -enc');
    assert.equal(foldCase(''), '');
    assert.equal(foldCase('überwachung'), 'überwachung');
  });

  test('leaves capitals outside ASCII as written, folding the ASCII ones around them', () => {
    assert.equal(foldCase('ÜBER Cmd'), 'Über cmd');
    assert.equal(foldCase('İNDİR.EXE'), 'İndİr.exe');
    assert.equal(foldCase('ΣΥΣΤΗΜΑ'), 'ΣΥΣΤΗΜΑ');
  });
});
