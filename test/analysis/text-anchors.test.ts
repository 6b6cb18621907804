import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { TextAnchors, type TextOp } from '../../src/analysis/neighbors/text-anchors.js';

function anchors(op: TextOp, texts: string[]): TextAnchors<string> {
  const index = new TextAnchors<string>(op);
  for (const text of texts) index.add(text, `${op}:${text}`);
  return index;
}

describe('text anchors', () => {
  it('finds every anchor a value contains, short ones included, each once per filing', () => {
    const index = anchors('contains', ['md', 'cmd.exe', 'exe', 'powershell', '.exe']);
    assert.deepEqual(index.reachedBy('c:\\windows\\cmd.exe').sort(), [
      'contains:.exe',
      'contains:cmd.exe',
      'contains:exe',
      'contains:md',
    ]);
  });

  it('finds the anchors a value starts with', () => {
    const index = anchors('startswith', ['C:', 'C:\\Windows\\', 'C:\\Windows\\Temp', 'D:\\']);
    assert.deepEqual(index.reachedBy('C:\\Windows\\System32\\x.exe').sort(), [
      'startswith:C:',
      'startswith:C:\\Windows\\',
    ]);
  });

  it('finds the anchors a value ends with', () => {
    const index = anchors('endswith', ['.exe', '\\cmd.exe', 'xe', '\\powershell.exe']);
    assert.deepEqual(index.reachedBy('C:\\Windows\\cmd.exe').sort(), [
      'endswith:.exe',
      'endswith:\\cmd.exe',
      'endswith:xe',
    ]);
    assert.deepEqual(index.reachedBy('xe'), ['endswith:xe']);
  });

  it('keeps every item filed under the same text', () => {
    const index = new TextAnchors<number>('contains');
    index.add('vssadmin', 1);
    index.add('vssadmin', 2);
    assert.deepEqual(index.reachedBy('vssadmin delete shadows'), [1, 2]);
  });
});
