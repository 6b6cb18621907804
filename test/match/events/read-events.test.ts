// Reading events files: the layouts a file may have, how events are numbered, the bounds on
// input, and the errors that name file and position.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import type { EventLimits } from '../../../src/match/events/event-limits.js';
import { EVENT_LIMITS } from '../../../src/match/events/event-limits.js';
import { readEvents } from '../../../src/match/events/read-events.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'ruledex-events-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

let files = 0;
function fileWith(text: string, name = `events-${(files += 1)}.json`): string {
  const file = path.join(scratch, name);
  writeFileSync(file, text);
  return file;
}

/** Each event as `index:name`, where name is the event's `name` field. */
function read(text: string, limits: EventLimits = EVENT_LIMITS): string[] {
  const events = [...readEvents(fileWith(text), limits)];
  return events.map((event) => `${event.index}:${String(event.fields.get('name'))}`);
}

function failure(text: string, limits: EventLimits = EVENT_LIMITS): string {
  const file = fileWith(text);
  try {
    [...readEvents(file, limits)];
  } catch (error) {
    return (error as Error).message.replace(`${file}:`, 'FILE:');
  }
  return 'no error';
}

describe('layouts of an events file', () => {
  test('one object', () => {
    assert.deepEqual(read('{"name": "a"}\n'), ['0:a']);
  });

  test('an array of objects, numbered by element', () => {
    assert.deepEqual(read('[{"name": "a"},\n {"name": "b"}]'), ['0:a', '1:b']);
  });

  test('an empty array holds no event', () => {
    assert.deepEqual(read(' [ ] '), []);
  });

  test('JSON lines, with blank lines and CRLF', () => {
    assert.deepEqual(read('{"name": "a"}\r\n\r\n{"name": "b"}\r\n'), ['0:a', '1:b']);
  });

  test('pretty-printed objects written back to back', () => {
    assert.deepEqual(read('{\n  "name": "a"\n}\n{\n  "name": "b"\n}{"name": "c"}'),
      ['0:a', '1:b', '2:c']);
  });

  test('braces and escaped quotes inside strings do not end an object', () => {
    assert.deepEqual(read('{"name": "a\\"}{[", "x": "\\\\"}{"name": "b"}'),
      ['0:a"}{[', '1:b']);
  });

  test('a byte order mark at the start is skipped', () => {
    assert.deepEqual(read('\ufeff{"name": "a"}'), ['0:a']);
  });

  test('raw is the event exactly as written', () => {
    const [event] = readEvents(fileWith('  {"name":  "a"}  '));
    assert.equal(event.raw, '{"name":  "a"}');
  });
});

describe('errors name the file and where in it', () => {
  test('an object not closed before the end', () => {
    assert.equal(failure('{"name": "a"}\n{"name": "b"'),
      'FILE:2:1: the JSON value starting here is not closed before the file ends');
  });

  test('an event that is not valid JSON, with its number', () => {
    assert.match(failure('{"name": "a"}\n{"name": b}'), /^FILE:2:1: event 1 is not valid JSON/);
  });

  test('a value that is not an object', () => {
    assert.equal(failure('{"name": "a"}\n42\n'), 'FILE:2:1: event 1 is not a JSON object');
    assert.equal(failure('[{"name": "a"}, "x"]'), 'FILE:1:17: event 1 is not a JSON object');
  });

  test('a missing comma in the top-level array', () => {
    assert.equal(failure('[{"name": "a"} {"name": "b"}]'),
      "FILE:1:16: expected ',' or ']' after an element of the top-level array");
  });

  test('text after the top-level array', () => {
    assert.equal(failure('[{"name": "a"}] {"name": "b"}'),
      'FILE:1:17: text after the top-level array');
  });

  test('an event longer than the limit', () => {
    const limits = { ...EVENT_LIMITS, eventCharacters: 20 };
    assert.deepEqual(read('{"name": "short"}', limits), ['0:short']);
    assert.equal(failure('{"name": "a"}\n{"name": "much too long"}', limits),
      'FILE:2:1: an event is longer than 20 characters');
  });

  test('an event nested deeper than the limit', () => {
    const limits = { ...EVENT_LIMITS, depth: 3 };
    assert.deepEqual(read('{"name": "a", "x": [[1]]}', limits), ['0:a']);
    assert.equal(failure('{"name": "a", "x": [[[1]]]}', limits),
      'FILE:1:22: an event nests deeper than 3 levels');
  });

  test('a file larger than the limit is refused before it is read', () => {
    const limits = { ...EVENT_LIMITS, fileBytes: 10 };
    assert.match(failure('{"name": "abcdefgh"}', limits),
      /^FILE: the file has 20 bytes; up to 10 are read/);
  });

  test('invalid UTF-8 is refused with the line that holds it', () => {
    const file = path.join(scratch, 'latin1.json');
    writeFileSync(file, Buffer.concat([
      Buffer.from('{"name": "a"}\n{"name": "'), Buffer.from([0xe9]), Buffer.from('"}\n'),
    ]));
    assert.throws(() => [...readEvents(file)],
      { message: `${file}:2: the file is not valid UTF-8` });
  });

  test('a path that does not exist', () => {
    const missing = path.join(scratch, 'missing.json');
    const message = `no events file or folder at ${missing}`;
    assert.throws(() => [...readEvents(missing)], { message });
  });
});

describe('folders', () => {
  test('events files are read recursively in name order, named relative to the folder', () => {
    const folder = path.join(scratch, 'tree');
    mkdirSync(path.join(folder, 'b'), { recursive: true });
    writeFileSync(path.join(folder, 'b', 'two.jsonl'), '{"name": "b1"}\n{"name": "b2"}\n');
    writeFileSync(path.join(folder, 'a.ndjson'), '{"name": "a"}\n');
    writeFileSync(path.join(folder, 'c.JSON'), '[{"name": "c"}]');
    writeFileSync(path.join(folder, 'notes.txt'), 'not events');

    const events = [...readEvents(folder)].map((event) => `${event.file}#${event.index}`);
    assert.deepEqual(events, ['a.ndjson#0', 'b/two.jsonl#0', 'b/two.jsonl#1', 'c.JSON#0']);
  });
});

describe('only regular files are read', () => {
  const hasMkfifo = spawnSync('mkfifo', ['--version']).error === undefined;

  test('a device named directly is refused without reading it', () => {
    assert.throws(() => [...readEvents('/dev/zero')],
      { message: /^\/dev\/zero: not a regular file/ });
  });

  test('a FIFO named directly is refused', { skip: !hasMkfifo && 'mkfifo is missing' }, () => {
    const fifo = path.join(scratch, 'direct.jsonl');
    spawnSync('mkfifo', [fifo]);
    assert.throws(() => [...readEvents(fifo)], { message: new RegExp('not a regular file') });
  });

  test('a FIFO in a folder is reported, not skipped', { skip: !hasMkfifo && 'mkfifo is missing' },
    () => {
      const folder = path.join(scratch, 'with-fifo');
      mkdirSync(folder);
      writeFileSync(path.join(folder, 'a.json'), '{"name": "a"}');
      spawnSync('mkfifo', [path.join(folder, 'b.jsonl')]);
      assert.throws(() => [...readEvents(folder)], { message: /^b\.jsonl: not a regular file/ });
    });

  test('a link to a device in a folder is reported', () => {
    const folder = path.join(scratch, 'with-device-link');
    mkdirSync(folder);
    symlinkSync('/dev/zero', path.join(folder, 'zero.json'));
    assert.throws(() => [...readEvents(folder)], { message: /^zero\.json: not a regular file/ });
  });
});
