// map: the search run per row, parsed as a pipeline whose spans point into the quoted text.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeArguments } from '../../../src/lower/spl/stage-arguments.js';
import { commandOf, read } from './command-fixture.js';

describe('map', () => {
  it('parses the quoted search as a pipeline, spans relative to the string value', () => {
    const command = commandOf('map maxsearches=5 search="search EventCode=4624 '
      + 'LogonId=$id$ | stats count by \\"user\\""');
    assert.deepEqual(command.issues, []);
    assert.equal(command.args.kind, 'map');
    if (command.args.kind !== 'map' || command.args.search?.kind !== 'quoted') return;
    const { text, pipeline } = command.args.search;
    assert.equal(text, 'search EventCode=4624 LogonId=$id$ | stats count by "user"');
    assert.deepEqual(pipeline.commands.map((c) => text.slice(c.span.start, c.span.end)), [
      'search EventCode=4624 LogonId=$id$',
      'stats count by "user"',
    ]);
    const [search] = pipeline.commands;
    assert.equal(search.args.kind, 'search');
    assert.equal(search.args.kind === 'search' && search.args.expr?.kind, 'and');
    assert.deepEqual(command.args.options, { maxsearches: '5' });
  });

  it('describes the inner commands, with what their parse found', () => {
    const query = '| map search="| stats count by | eval x=1"';
    const described = describeArguments(commandOf(query.slice(2)).args, query);
    assert.deepEqual(described, {
      search: {
        search: '| stats count by | eval x=1',
        commands: [
          {
            command: 'stats',
            text: 'stats count by',
            args: {
              options: {},
              aggregations: [{ function: 'count', field: null, as: null }],
              by: [],
            },
            issues: [{ message: '`by` without fields after it', span: { start: 14, end: 16 } }],
          },
          {
            command: 'eval',
            text: 'eval x=1',
            args: { assignments: [{ field: 'x', expression: '1' }] },
          },
        ],
      },
      savedSearch: null,
      options: {},
    });
  });

  it('reads a subsearch or a saved search name instead', () => {
    const command = commandOf('map [search host=$host$]');
    assert.equal(command.args.kind === 'map' && command.args.search?.kind, 'subsearch');
    assert.deepEqual(read('map nightly_check maxsearches=2').args, {
      kind: 'map', search: null, savedSearch: 'nightly_check', options: { maxsearches: '2' },
    });
    assert.deepEqual(read('map search=x').issues, ['`search=` needs the search in quotes']);
    assert.deepEqual(read('map maxsearches=2').issues, [
      '`map` needs `search="…"`, a subsearch or a saved search',
    ]);
  });
});
