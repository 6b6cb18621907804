// Commands that add fields from outside the event — lookups, joins, extractions, geo-IP,
// asset data. The matcher does not have those tables, so what they add is unknown: a later
// condition on such a field is undecided, never guessed.

import type { FieldAlias } from '../../languages/spl/syntax.js';
import { PASS, type EventStep } from './event-step.js';
import { isUnknown } from './field-value.js';

/** `lookup table in AS f OUTPUT out AS g`: outputs are unknown (OUTPUTNEW keeps set ones). */
export function lookupStep(
  table: string,
  inputs: readonly FieldAlias[],
  outputMode: 'OUTPUT' | 'OUTPUTNEW' | null,
  outputs: readonly FieldAlias[],
): EventStep {
  const reason = `may come from lookup table ${table}`;
  if (outputs.length === 0) {
    // LIMITATION: a lookup without an output list may also overwrite fields the event
    // already has — those keep their values for the matcher.
    const matchFields = new Set(inputs.map((input) => input.as ?? input.field));
    return addingStep((field) => !matchFields.has(field), reason);
  }
  return (event) => {
    for (const output of outputs) {
      const target = output.as ?? output.field;
      const current = event.get(target);
      if (outputMode === 'OUTPUTNEW' && current !== null && !isUnknown(current)) continue;
      event.set(target, { unknown: `\`${target}\` ${reason}` });
    }
    return PASS;
  };
}

/** A command that may add any field it `covers` which the event does not have yet. */
export function addingStep(covers: (field: string) => boolean, reason: string): EventStep {
  return (event) => {
    event.addUnknown({ covers, reason });
    return PASS;
  };
}

/** Geo-IP fields `iplocation` adds, each after its prefix. */
const GEO_FIELDS = [
  'City', 'Continent', 'Country', 'MetroCode', 'Region', 'Timezone', 'lat', 'lon',
];

export function iplocationStep(prefix: string): EventStep {
  const names = new Set(GEO_FIELDS.map((name) => `${prefix}${name}`));
  return (event) => {
    event.forget((field) => names.has(field), 'comes from the geo-IP database of iplocation');
    return PASS;
  };
}

/** The built-in `get_asset(field)`: asset fields named `<field>_…`. */
export function assetStep(field: string): EventStep {
  const prefix = `${field}_`;
  return addingStep((name) => name.startsWith(prefix), 'may come from the asset lookup');
}
