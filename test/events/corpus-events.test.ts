// Every Windows event a rule of the corpora reads, as the build reads it, has a title in the
// event catalog; and each source keeps at least the rules-with-events measured when written.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { eventResolution } from '../../src/analysis/event-coverage.js';
import { SOURCE_KINDS } from '../../src/build/source-kinds.js';
import { finishRule } from '../../src/lower/finish-rule.js';
import { canonicalize } from '../../src/semantics/canonicalize.js';
import { constrainLogSource } from '../../src/semantics/log-source-constraints.js';
import { corpusPath, corpusSkip, type CorpusName } from '../corpus/corpora.js';

/** Rules resolving to at least one event, per source, a little under the figures measured. */
const FLOORS: Record<CorpusName, number> = { splunk: 1100, sigma: 3100, elastic: 450 };

interface SourceEvents {
  rules: number;
  withEvents: number;
  /** `provider id` of every untitled event read, with one rule reading it. */
  untitled: Map<string, string>;
  /** `provider id` of every event read. */
  distinct: Set<string>;
}

const read = new Map<CorpusName, SourceEvents>();

/** Each corpus read once for all the tests. */
function eventsOf(source: CorpusName): SourceEvents {
  const known = read.get(source);
  if (known) return known;
  const found = readEvents(source);
  read.set(source, found);
  return found;
}

/** Reads, lowers and constrains every rule of a corpus the way the build does. */
function readEvents(source: CorpusName): SourceEvents {
  const kind = SOURCE_KINDS[source];
  const repository = kind.read(corpusPath(source));
  const found: SourceEvents = { rules: 0, withEvents: 0, untitled: new Map(), distinct: new Set() };
  for (const doc of repository.documents) {
    const rule = finishRule(doc, kind.lower(doc, repository.context));
    constrainLogSource(rule, repository.context);
    canonicalize(rule);
    const { events } = eventResolution(rule);
    found.rules += 1;
    if (events.length > 0) found.withEvents += 1;
    for (const event of events) {
      const key = `${event.provider} ${event.eventId}`;
      found.distinct.add(key);
      if (event.title === null) found.untitled.set(key, rule.id);
    }
  }
  return found;
}

const SOURCES: CorpusName[] = ['splunk', 'sigma', 'elastic'];

describe('events of the corpora', { skip: corpusSkip() }, () => {
  for (const source of SOURCES) {
    test(`every event ${source} rules read has a title`, () => {
      const found = eventsOf(source);
      assert.deepEqual([...found.untitled].map(([key, id]) => `${key} (${id})`), []);
      assert.ok(
        found.withEvents >= FLOORS[source],
        `${found.withEvents}/${found.rules} rules with events, expected ${FLOORS[source]} or more`,
      );
    });
  }

  test('the corpora read a few hundred distinct events', () => {
    const all = new Set(SOURCES.flatMap((source) => [...eventsOf(source).distinct]));
    assert.ok(all.size >= 300, `${all.size} distinct events`);
  });
});
