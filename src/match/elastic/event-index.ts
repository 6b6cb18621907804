// The index an event is searched through, decided as docs/event-model.md says Elastic collects
// it: the `_index` it names, the data stream its `data_stream.*` or `event.dataset` fields name,
// or for a Windows event the data stream of the dataset that collects its channel.

import { INDEX_FIELD } from '../../lower/elastic/index-constraint.js';
import { datasetOfChannel } from '../../semantics/elastic-log-sources.js';
import type { EventRecord } from '../event-record.js';
import { keywordText, valuesOf } from './event-values.js';

export type EventIndex =
  /** Index names known in full; `written` says where they come from, for explanations. */
  | { kind: 'named'; names: string[]; written: string }
  /** A data stream known up to its namespace: `prefix` is `logs-system.security-`. */
  | { kind: 'data-stream'; prefix: string; written: string }
  | { kind: 'unknown'; reason: string };

/** A data stream's backing index: `.ds-<data stream>-<yyyy.MM.dd>-<generation>`. */
const BACKING_INDEX = /^\.ds-(.+)-\d{4}\.\d{2}\.\d{2}-\d{6}$/;

const NO_INDEX =
  'the event names no index (_index, data_stream.dataset, event.dataset or a Windows channel)';

export function eventIndex(event: EventRecord): EventIndex {
  const indices = textsOf(event, INDEX_FIELD);
  if (indices.length > 0) {
    const written = `_index: ${indices.join(', ')}`;
    return { kind: 'named', names: indices.flatMap(namesOf), written };
  }

  const dataset = oneText(event, 'data_stream.dataset') ?? oneText(event, 'event.dataset');
  if (dataset !== null) return dataStreamOf(event, dataset, `dataset ${dataset}`);

  const channel = oneText(event, 'Channel') ?? oneText(event, 'winlog.channel');
  if (channel === null) return { kind: 'unknown', reason: NO_INDEX };
  const collecting = datasetOfChannel(channel);
  if (collecting === null) {
    const reason = `no Elastic integration of the event model collects the channel ${channel}`;
    return { kind: 'unknown', reason };
  }
  return dataStreamOf(event, collecting, `channel ${channel}`);
}

/**
 * The data stream `<type>-<dataset>-<namespace>`. Elastic Agent writes `data_stream.type` and
 * `data_stream.namespace` beside the dataset; without them the type is `logs`, the namespace
 * unknown.
 */
function dataStreamOf(event: EventRecord, dataset: string, from: string): EventIndex {
  // LIMITATION: a dataset without `data_stream.type` is taken to be a `logs` data stream — a
  // metrics document naming only `event.dataset` is judged against `logs-` index patterns.
  const type = oneText(event, 'data_stream.type') ?? 'logs';
  const prefix = `${type}-${dataset}-`;
  const namespace = oneText(event, 'data_stream.namespace');
  if (namespace !== null) {
    const name = `${prefix}${namespace}`;
    return { kind: 'named', names: [name], written: `data stream ${name}, from ${from}` };
  }
  return { kind: 'data-stream', prefix, written: `data stream ${prefix}*, from ${from}` };
}

function textsOf(event: EventRecord, field: string): string[] {
  return valuesOf(event, field).map(keywordText);
}

/** The field's one value; null when it is missing or holds several different values. */
function oneText(event: EventRecord, field: string): string | null {
  const texts = new Set(textsOf(event, field).map((text) => text.trim()).filter((t) => t !== ''));
  return texts.size === 1 ? [...texts][0] : null;
}

/** An index answers to its own name and, for a backing index, to its data stream's. */
function namesOf(index: string): string[] {
  const backing = BACKING_INDEX.exec(index);
  return backing === null ? [index] : [index, backing[1]];
}
