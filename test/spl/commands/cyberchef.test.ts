// cyberchef: the fields read and written and the recipe's operations.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { read, readClean } from './command-fixture.js';

describe('cyberchef', () => {
  it('reads a JSON recipe whose inner quotes are not escaped', () => {
    const text = 'cyberchef infield="domain" outfield="decoded" '
      + 'jsonrecipe="[{"op":"From Punycode","args":[true]},{"op":"To Upper case","args":[]}]"';
    assert.deepEqual(readClean(text), {
      kind: 'cyberchef',
      infield: 'domain',
      outfield: 'decoded',
      recipe: {
        text: '[{"op":"From Punycode","args":[true]},{"op":"To Upper case","args":[]}]',
        operations: ['From Punycode', 'To Upper case'],
      },
      options: {},
    });
  });

  it('keeps other options, and reports a recipe that is not a list of operations', () => {
    assert.deepEqual(readClean('cyberchef infield=a operation=ToBase64'), {
      kind: 'cyberchef', infield: 'a', outfield: null, recipe: null,
      options: { operation: 'ToBase64' },
    });
    assert.deepEqual(read('cyberchef infield=a jsonrecipe="[1, 2]"').issues, [
      '`jsonrecipe` is not a JSON list of operations',
    ]);
    assert.deepEqual(read('cyberchef infield=a jsonrecipe=x').issues, [
      '`jsonrecipe` needs a JSON list of operations',
    ]);
  });
});
