// Address blocks in search values: `field=10.0.0.0/8` matches the addresses inside the block.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lower, shape } from './spl-fixture.js';

function searchOf(query: string): string {
  const { pipeline, diagnostics } = lower(query);
  assert.deepEqual(diagnostics, []);
  return shape(pipeline[0].predicate);
}

describe('address blocks in search', () => {
  it('a field equal to an IPv4 block matches the addresses in it, quoted or not', () => {
    assert.equal(
      searchOf('src_ip=10.0.0.0/8 OR src_ip="192.168.0.0/16"'),
      'or(src_ip cidr~ "10.0.0.0/8", src_ip cidr~ "192.168.0.0/16")',
    );
  });

  it('!= keeps the events whose field lies outside the block', () => {
    assert.equal(
      searchOf('dest_ip!=172.16.0.0/12'),
      'and(dest_ip exists~, not(dest_ip cidr~ "172.16.0.0/12"))',
    );
  });

  it('IN lists keep plain values together and test each block on its own', () => {
    assert.equal(
      searchOf('src IN (10.1.2.3, 10.0.0.0/8, "fe80::1")'),
      'or(src in~ "10.1.2.3" "fe80::1", src cidr~ "10.0.0.0/8")',
    );
  });

  it('text that only looks like a block stays a value', () => {
    assert.equal(searchOf('path=1.2.3.4/33'), 'path eq~ "1.2.3.4/33"');
    assert.equal(searchOf('path=300.2.3.4/8'), 'path eq~ "300.2.3.4/8"');
    assert.equal(searchOf('path=10.0.0.0/8*'), 'path startswith~ "10.0.0.0/8"');
  });

  it('tstats where clauses read blocks the same way', () => {
    const { pipeline } = lower(
      '| tstats count from datamodel=Network_Traffic where All_Traffic.dest_ip=10.0.0.0/8 ' +
        'by All_Traffic.src',
    );
    assert.equal(shape(pipeline[0].predicate), 'All_Traffic.dest_ip cidr~ "10.0.0.0/8"');
  });
});
