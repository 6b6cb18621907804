import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Expr } from '../../src/ir/index.js';
import { decodeEntry, encodeEntry } from '../../src/store/catalog-entry.js';
import { referenceShapedRule, sigmaRule } from './fixtures/rules.js';

test('the parsed source document is not kept, and comes back empty', () => {
  const rule = { ...sigmaRule(), raw: { detection: { selection: 'x' } } };
  const stored = JSON.parse(encodeEntry(rule)) as Record<string, unknown>;
  assert.equal('raw' in stored, false);
  assert.deepEqual(decodeEntry(encodeEntry(rule)).raw, {});
});

test('an event filter derived from the pipeline is not stored, yet reads back equal', () => {
  const rule = referenceShapedRule();
  const stored = JSON.parse(encodeEntry(rule)) as Record<string, unknown>;
  assert.equal('eventFilter' in stored, false);
  assert.deepEqual(decodeEntry(encodeEntry(rule)), rule);
});

test('an event filter that is not the derived one is stored as it is', () => {
  const own: Expr = { kind: 'opaque', text: 'x', reason: 'set by hand' };
  const rule = { ...referenceShapedRule(), eventFilter: own };
  const stored = JSON.parse(encodeEntry(rule)) as Record<string, unknown>;
  assert.deepEqual(stored.eventFilter, own);
  assert.deepEqual(decodeEntry(encodeEntry(rule)).eventFilter, own);
});

test('a rule without any filter reads back with a null event filter', () => {
  const rule = { ...sigmaRule(), pipeline: [], eventFilter: null };
  assert.equal(decodeEntry(encodeEntry(rule)).eventFilter, null);
});
