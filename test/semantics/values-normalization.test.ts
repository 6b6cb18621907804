// Canonical comparisons: the same condition written by different vendors normalizes to one
// comparison — path suffixes on the file name, values typed as the field stores them — and the
// case rule always stays the rule's own.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { CanonicalComparison, FieldMapping, Op, Scalar } from '../../src/ir/index.js';
import { normalizeComparison } from '../../src/semantics/comparison-normalization.js';

function normalized(
  field: string,
  op: Op,
  values: Scalar[],
  mapping: FieldMapping = 'table',
  caseSensitive = false,
): CanonicalComparison {
  return normalizeComparison({ field, op, values, caseSensitive, mapping });
}

/** `field op values` of a normalized comparison. */
function written(comparison: CanonicalComparison): string {
  const values = comparison.values.map((value) => JSON.stringify(value));
  return [comparison.field, comparison.op, ...values].join(' ');
}

describe('path suffixes', () => {
  it('compare a suffix starting with a separator on the file-name field', () => {
    assert.equal(
      written(normalized('process.executable', 'endswith', ['\\x.exe'])),
      'process.name eq "x.exe"',
    );
    assert.equal(
      written(normalized('process.parent.executable', 'endswith', ['\\y.exe'])),
      'process.parent.name eq "y.exe"',
    );
    assert.equal(
      written(normalized('file.path', 'endswith', ['/passwd'])),
      'file.name eq "passwd"',
    );
    assert.equal(written(normalized('dll.path', 'endswith', ['\\a.dll'])), 'dll.name eq "a.dll"');
  });

  it('move every value of a list, or none', () => {
    assert.equal(
      written(normalized('process.executable', 'endswith', ['\\a.exe', '/b'])),
      'process.name eq "a.exe" "b"',
    );
    assert.equal(
      written(normalized('process.executable', 'endswith', ['\\a.exe', 'b.exe'])),
      'process.executable endswith "\\\\a.exe" "b.exe"',
    );
  });

  it('leave suffixes that are not a whole last segment on the path', () => {
    const kept = (suffix: string) =>
      written(normalized('process.executable', 'endswith', [suffix]));
    assert.equal(kept('x.exe'), 'process.executable endswith "x.exe"');
    assert.equal(kept('\\system32\\x.exe'), 'process.executable endswith "\\\\system32\\\\x.exe"');
    assert.equal(kept('\\'), 'process.executable endswith "\\\\"');
    assert.equal(kept('\\x*.exe'), 'process.executable endswith "\\\\x*.exe"');
  });

  it('leave other operators and other fields alone', () => {
    assert.equal(
      written(normalized('process.executable', 'contains', ['\\x.exe'])),
      'process.executable contains "\\\\x.exe"',
    );
    assert.equal(
      written(normalized('process.command_line', 'endswith', ['\\x.exe'])),
      'process.command_line endswith "\\\\x.exe"',
    );
  });

  it('keep the case rule and the mapping', () => {
    const cased = normalized('process.executable', 'endswith', ['\\X.exe'], 'ecs', true);
    assert.deepEqual(cased, {
      field: 'process.name',
      op: 'eq',
      values: ['X.exe'],
      caseSensitive: true,
      mapping: 'ecs',
    });
  });
});

describe('typed values', () => {
  it('write event codes as the keyword text ECS stores, whichever way the rule wrote them', () => {
    assert.equal(written(normalized('event.code', 'eq', [4104])), 'event.code eq "4104"');
    assert.equal(written(normalized('event.code', 'eq', ['4104'], 'ecs')), 'event.code eq "4104"');
    assert.equal(
      written(normalized('event.code', 'in', [4103, 4104])),
      'event.code in "4103" "4104"',
    );
  });

  it('keep numbers in ranges on keyword fields', () => {
    assert.equal(written(normalized('event.code', 'ge', [4000])), 'event.code ge 4000');
  });

  it('compare numeric text as numbers on numeric fields', () => {
    assert.equal(
      written(normalized('destination.port', 'eq', ['445'], 'ecs')),
      'destination.port eq 445',
    );
    assert.equal(written(normalized('process.pid', 'gt', ['4'])), 'process.pid gt 4');
    assert.equal(
      written(normalized('destination.port', 'eq', ['0445'])),
      'destination.port eq "0445"',
    );
  });

  it('leave values of fields without a mapping as written', () => {
    assert.equal(written(normalized('EventCode', 'eq', [4104], 'unmapped')), 'EventCode eq 4104');
    assert.equal(written(normalized('_raw', 'eq', [4104], 'pseudo')), '_raw eq 4104');
  });
});

describe('patterns', () => {
  it('narrow a wildcard pattern the lowering kept', () => {
    assert.equal(written(normalized('process.name', 'wildcard', ['*'])), 'process.name exists');
    assert.equal(
      written(normalized('process.name', 'wildcard', ['*x.exe'])),
      'process.name endswith "x.exe"',
    );
    assert.equal(
      written(normalized('process.name', 'wildcard', ['a?b*'])),
      'process.name wildcard "a?b*"',
    );
  });
});
