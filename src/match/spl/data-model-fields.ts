// Field names in `tstats … where/by`: data-model fields such as `Processes.process_name`. An
// event that is a data-model row has them as written; a raw event (a Sysmon event, a JSON
// document) has the CIM name without the dataset prefix, `process_name`, when it has it at
// all — so the prefixed name is read first, then the plain one.

import { isUnknown, type FieldReading } from './field-value.js';
import type { SplEvent } from './spl-event.js';

export function dataModelField(event: SplEvent, field: string): FieldReading {
  const written = event.get(field);
  const dot = field.indexOf('.');
  if (dot < 0 || (written !== null && !isUnknown(written))) return written;
  const plain = event.get(field.slice(dot + 1));
  if (plain !== null && !isUnknown(plain)) return plain;
  return isUnknown(written) ? written : plain;
}
