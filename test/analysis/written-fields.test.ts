import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { fieldsWrittenBy } from '../../src/analysis/neighbors/written-fields.js';
import { stage } from './rule-fixture.js';

function written(command: string, args: Record<string, unknown>): string[] | 'all' {
  const fields = fieldsWrittenBy(stage(command, 'enrich', { args }));
  return fields === 'all' ? fields : [...fields].sort();
}

describe('fields a stage writes', () => {
  it('eval writes its assigned fields', () => {
    const assignments = [{ field: 'score', expression: 'len(x)' }, { field: 'a', expression: '1' }];
    assert.deepEqual(written('eval', { assignments }), ['a', 'score']);
  });

  it('rename writes the new name and removes the old one', () => {
    assert.deepEqual(written('rename', { renames: [{ from: 'host', to: 'dest' }] }), [
      'dest',
      'host',
    ]);
  });

  it('a rename pattern may write any field', () => {
    assert.equal(written('rename', { renames: [{ from: 'Processes.*', to: '*' }] }), 'all');
  });

  it('bin writes its field or its as-name, not its options', () => {
    const items = [{ option: 'span', comparator: '=', value: '5m' }, '_time'];
    assert.deepEqual(written('bin', { items }), ['_time']);
    const renamed = ['_time', { option: 'as', comparator: '=', value: 'slot' }];
    assert.deepEqual(written('bucket', { items: renamed }), ['_time', 'slot']);
  });

  it('fillnull without fields fills every field', () => {
    assert.equal(written('fillnull', { value: '0', fields: [] }), 'all');
    assert.deepEqual(written('fillnull', { value: '0', fields: ['count'] }), ['count']);
  });

  it('a stage whose arguments say nothing, or any other command, may write any field', () => {
    assert.equal(written('eval', {}), 'all');
    assert.equal(written('lookup', { table: 'x' }), 'all');
    assert.equal(written('table', {}), 'all');
  });
});
