// transaction: the fields that group events, the time limits, and the boundary conditions
// parsed as searches or eval expressions.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { commandOf, read } from './command-fixture.js';
import { describeArguments } from '../../../src/lower/spl/stage-arguments.js';

function described(text: string): Record<string, unknown> {
  const command = commandOf(text);
  assert.deepEqual(command.issues, []);
  return describeArguments(command.args, `| ${text}`);
}

describe('transaction', () => {
  it('reads fields, limits and parenthesised boundary searches', () => {
    assert.deepEqual(
      described('transaction ObjectDN startswith=(EventCode=5137) endswith=(EventCode=5141) '
        + 'maxspan=5m maxpause=30s maxevents=10 connected=false'),
      {
        fields: ['ObjectDN'],
        maxspan: '5m',
        maxpause: '30s',
        maxevents: 10,
        options: { connected: 'false' },
        startswith: { search: 'EventCode=5137' },
        endswith: { search: 'EventCode=5141' },
      },
    );
  });

  it('parses the boundaries: a search tree, a quoted search, an eval condition', () => {
    const search = commandOf('transaction user startsWith=(a=1 OR b=2) endswith="logout"');
    assert.deepEqual(search.issues, []);
    assert.equal(search.args.kind, 'transaction');
    if (search.args.kind !== 'transaction') return;
    assert.equal(search.args.startswith?.expr?.kind, 'or');
    assert.equal(search.args.endswith?.kind, 'quoted-search');
    assert.deepEqual(search.args.endswith.expr?.span, { start: 0, end: 'logout'.length });

    const text = 'transaction user maxspan=1h '
      + 'startswith=eval(count > 1 AND x="a b") endswith=(y=2)';
    assert.deepEqual(described(text), {
      fields: ['user'],
      maxspan: '1h',
      maxpause: null,
      maxevents: null,
      options: {},
      startswith: { eval: 'count > 1 AND x="a b"' },
      endswith: { search: 'y=2' },
    });
  });

  it('reports a bad boundary inside the quotes on the quoted argument', () => {
    const command = commandOf('transaction user endswith="a=(1"');
    assert.deepEqual(command.issues, [
      {
        message: 'in the quoted search (characters 0–2): `a=` has no value',
        span: { start: 28, end: 34 },
      },
      {
        message: 'in the quoted search (characters 2–3): `(` is not closed',
        span: { start: 28, end: 34 },
      },
    ]);
    assert.deepEqual(read('transaction user maxevents=-1').issues, [
      '`maxevents` needs a whole number of at least 1',
    ]);
  });
});
