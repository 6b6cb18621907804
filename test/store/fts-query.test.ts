import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ftsQuery, MAX_SEARCH_TERMS } from '../../src/store/fts-query.js';

test('each word becomes a quoted term, all of them required', () => {
  assert.equal(ftsQuery('wmi  powershell'), '"wmi" "powershell"');
});

test('FTS5 operators typed by a user are searched as words', () => {
  assert.equal(ftsQuery('a OR b NOT c'), '"a" "OR" "b" "NOT" "c"');
  assert.equal(ftsQuery('NEAR(a b)'), '"NEAR(a" "b)"');
  assert.equal(ftsQuery('title:wmi'), '"title:wmi"');
});

test('a double-quoted span is one phrase', () => {
  assert.equal(ftsQuery('"remote process" wmi'), '"remote process" "wmi"');
});

test('an unclosed quote runs to the end of the text', () => {
  assert.equal(ftsQuery('wmi "remote proc'), '"wmi" "remote proc"');
});

test('a trailing star on a word asks for a prefix match', () => {
  assert.equal(ftsQuery('invoke*'), '"invoke"*');
  assert.equal(ftsQuery('*'), null);
});

test('quotes inside a word are doubled', () => {
  assert.equal(ftsQuery('a"b'), '"a" "b"');
  assert.equal(ftsQuery(`it's`), `"it's"`);
});

test('text without letters or digits searches nothing', () => {
  assert.equal(ftsQuery('   '), null);
  assert.equal(ftsQuery('-- () *'), null);
});

test('only the first terms are kept', () => {
  const words = Array.from({ length: MAX_SEARCH_TERMS + 5 }, (_, i) => `w${i}`);
  const query = ftsQuery(words.join(' '));
  assert.equal(query?.split(' ').length, MAX_SEARCH_TERMS);
});

test('control characters such as NUL separate words instead of reaching FTS5', () => {
  assert.equal(ftsQuery('a\u0000b'), '"a" "b"');
  assert.equal(ftsQuery('\u0000a'), '"a"');
  assert.equal(ftsQuery('"a\u0000b"'), '"a b"');
  assert.equal(ftsQuery('\u0000\u001f\u007f'), null);
});
