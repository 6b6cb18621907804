// The synthetic corpus of the benchmark: the same seed gives the same rules, each copy new ids.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  SeededRandom,
  variedQuery,
  variedValue,
  withNewIds,
  type Variant,
} from '../../scripts/synthetic-corpus-mutations.js';

function variant(seed: string, copy = 2): Variant {
  return { copy, random: new SeededRandom(seed) };
}

test('the same seed gives the same numbers, another seed others', () => {
  const first = [1, 2, 3, 4, 5];
  const a = new SeededRandom('s');
  const b = new SeededRandom('s');
  const c = new SeededRandom('t');
  const fromA = first.map(() => a.next());
  assert.deepEqual(first.map(() => b.next()), fromA);
  assert.notDeepEqual(first.map(() => c.next()), fromA);
  assert.ok(fromA.every((n) => n >= 0 && n < 1));
});

test('every UUID of a file is replaced alike within a copy, differently across copies', () => {
  const id = '0b80e2c8-c746-4ddb-89eb-9efd892220cf';
  const text = `id: ${id}\nrules:\n  - ${id.toUpperCase()}\n`;
  const copy1 = withNewIds(text, 'seed', 1);
  const [newId] = copy1.match(/[0-9a-f]{8}-[0-9a-f-]{27}/)!;
  assert.notEqual(newId, id);
  assert.equal(copy1, `id: ${newId}\nrules:\n  - ${newId}\n`);
  assert.notEqual(withNewIds(text, 'seed', 2), copy1);
  assert.equal(withNewIds(text, 'seed', 1), copy1);
});

test('a varied value is kept, extended before a trailing wildcard, or replaced', () => {
  const seen = new Set<string>();
  for (let i = 0; i < 200; i++) seen.add(variedValue('cmd.exe*', variant(`v${i}`)));
  const values = [...seen];
  assert.ok(values.includes('cmd.exe*'), 'kept');
  assert.ok(values.some((v) => v.startsWith('cmd.exeq2') && v.endsWith('*')), 'extended');
  assert.ok(values.some((v) => v.startsWith('q2') && v.endsWith('exe*')), 'replaced');
});

test('a varied query changes quoted values and renames a compared field outside quotes', () => {
  const query = 'process.name : "cmd.exe" and process.args : "process.name"';
  const outputs = new Set<string>();
  for (let i = 0; i < 100; i++) outputs.add(variedQuery(query, variant(`q${i}`)));
  const renamed = [...outputs].find((q) => q.includes('process.name_v2 :'));
  assert.ok(renamed, 'some variant renames process.name');
  assert.ok(renamed.includes('"process.name'), 'but not inside a quoted value');
  for (const output of outputs) assert.equal(output.split('"').length, 5, 'quotes kept');
});
