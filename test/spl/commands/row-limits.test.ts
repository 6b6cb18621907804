// head and tail: how many rows, or (head) the condition rows must meet.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeArguments } from '../../../src/lower/spl/stage-arguments.js';
import { commandOf, read, readClean } from './command-fixture.js';

describe('head and tail', () => {
  it('head reads a count, or a limit option', () => {
    assert.deepEqual(readClean('head 20'), {
      kind: 'head', count: 20, condition: null, options: {},
    });
    assert.deepEqual(readClean('head limit=5 keeplast=true'), {
      kind: 'head', count: 5, condition: null, options: { keeplast: 'true' },
    });
    assert.deepEqual(readClean('head'), {
      kind: 'head', count: null, condition: null, options: {},
    });
  });

  it('head reads a parenthesised eval condition', () => {
    const query = '| head (action="allowed" AND count > 2) null=true';
    const command = commandOf(query.slice(2));
    assert.deepEqual(command.issues, []);
    assert.deepEqual(describeArguments(command.args, query), {
      count: null,
      condition: 'action="allowed" AND count > 2',
      options: { null: 'true' },
    });
    assert.deepEqual(read('head (x=1').issues, ['`(` is not closed']);
    assert.deepEqual(read('head ()').issues, ['expression expected']);
  });

  it('tail reads a count and nothing else', () => {
    assert.deepEqual(readClean('tail 3'), { kind: 'tail', count: 3, condition: null, options: {} });
    assert.deepEqual(read('tail 3 rows').issues, ['unexpected `tail` argument']);
  });
});
