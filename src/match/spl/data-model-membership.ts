// Whether an event belongs to the data model a search reads (`tstats … from
// datamodel=Endpoint.Processes`, `from datamodel:…`). A data-model row names its fields
// after the dataset (`Processes.process_name`); for any other event, membership depends on
// the CIM tags Splunk's add-ons give it, which the event does not record — unknown, so a raw
// event that passes the search's conditions is undecided rather than matched.
// LIMITATION: the data models' own constraints (`tag=process tag=report`…) are not
// evaluated, even for an event that has a `tag` field.

import type { SearchNode } from '../../languages/spl/syntax.js';
import { PASS, type EventStep } from './event-step.js';

export interface DataModelRead {
  /** As written: `Endpoint.Processes`. */
  name: string;
  /** Dataset names data-model rows prefix their fields with: `Processes`. */
  prefixes: string[];
}

/** The data model read, with the prefixes of the fields the search names in it. */
export function dataModelRead(name: string, fields: readonly string[]): DataModelRead {
  const prefixes = new Set<string>();
  for (const field of fields) {
    const dot = field.indexOf('.');
    if (dot > 0) prefixes.add(field.slice(0, dot));
  }
  if (prefixes.size === 0) prefixes.add(name.slice(name.lastIndexOf('.') + 1));
  return { name, prefixes: [...prefixes] };
}

export function membershipStep(model: DataModelRead): EventStep {
  const starts = model.prefixes.map((prefix) => `${prefix}.`);
  const reason = `whether the event belongs to data model ${model.name} depends on CIM tags `
    + 'the event does not record';
  return (event) => {
    const row = event.hasName((name) => starts.some((start) => name.startsWith(start)));
    return row ? PASS : { kind: 'unknown', reason };
  };
}

/** The fields a search expression names. */
export function searchFields(node: SearchNode | null, found: string[] = []): string[] {
  if (!node) return found;
  switch (node.kind) {
    case 'and':
    case 'or':
      for (const arg of node.args) searchFields(arg, found);
      break;
    case 'not':
      searchFields(node.arg, found);
      break;
    case 'compare':
    case 'in':
      found.push(node.field);
      break;
    case 'directive':
      if (node.field !== null) found.push(node.field);
      break;
    default:
      break;
  }
  return found;
}
