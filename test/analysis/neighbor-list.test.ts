import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findNeighbors } from '../../src/analysis/neighbors/find-neighbors.js';
import { and, p, searchRule } from './rule-fixture.js';

const name = p('process_name', 'eq', 'x.exe');
const encoded = p('CommandLine', 'contains', '-enc');

/** A broad rule, two narrower ones written in another order, and one sharing a condition. */
function catalog() {
  return findNeighbors([
    searchRule('broad', name),
    searchRule('narrow', and([name, encoded])),
    searchRule('same', and([encoded, name])),
    searchRule('other', and([encoded, p('user', 'eq', 'admin')])),
  ]);
}

const encodedText = {
  written: 'CommandLine contains -enc',
  canonical: 'CommandLine contains "-enc" (any case)',
};

const ids = (list: { id: string }[] | undefined) => (list ?? []).map((n) => n.id);

test('rules proven broader both ways are listed as equivalent only', () => {
  const narrow = catalog().get('splunk:narrow')!;
  assert.deepEqual(ids(narrow.equivalent), ['splunk:same']);
  assert.deepEqual(ids(narrow.broader), ['splunk:broad']);
  assert.deepEqual(ids(narrow.narrower), []);
  const broad = catalog().get('splunk:broad')!;
  assert.deepEqual(ids(broad.narrower), ['splunk:narrow', 'splunk:same']);
});

test('a narrower neighbor maps each condition of the broader rule to the one implying it', () => {
  const [narrow] = catalog().get('splunk:broad')!.narrower;
  assert.deepEqual(narrow.mapping, [
    {
      a: { written: 'process_name eq x.exe', canonical: 'process.name eq "x.exe" (any case)' },
      b: { written: 'process_name eq x.exe', canonical: 'process.name eq "x.exe" (any case)' },
    },
  ]);
  assert.deepEqual(narrow.closeness, { measure: 'added-conditions', value: 1 });
});

test('an overlapping neighbor names the shared atoms, the common event and its value', () => {
  const overlapping = catalog().get('splunk:other')!.overlapping!;
  assert.deepEqual(ids(overlapping), ['splunk:narrow', 'splunk:same']);
  const [first] = overlapping;
  assert.deepEqual(first.closeness, { measure: 'shared-atoms', value: 0.333 });
  assert.deepEqual(first.mapping, [
    { a: encodedText, b: encodedText, value: '-enc' },
  ]);
  assert.match(first.reason, /^both require CommandLine contains "-enc"; an event with /);
});

test('a rule with no relation lists every relation empty', () => {
  const alone = findNeighbors([searchRule('alone', name)]).get('splunk:alone');
  assert.deepEqual(alone, { broader: [], narrower: [], equivalent: [], overlapping: [] });
});
