// Loads the JSON Schemas of docs/schemas with ajv, for tests that check real outputs against
// the documented contract.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';

export const SCHEMA_FOLDER = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../docs/schemas',
);

export type SchemaName =
  | 'build-summary'
  | 'compare'
  | 'error'
  | 'event'
  | 'event-list'
  | 'event-report'
  | 'failures'
  | 'field'
  | 'field-list'
  | 'field-report'
  | 'field-rules'
  | 'indicator'
  | 'match-line'
  | 'parse-report'
  | 'rule'
  | 'rule-list'
  | 'rule-listing'
  | 'search-results'
  | 'sources'
  | 'technique'
  | 'technique-list'
  | 'verify';

let ajv: Ajv | null = null;

function schemas(): Ajv {
  if (ajv) return ajv;
  ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  for (const file of fs.readdirSync(SCHEMA_FOLDER)) {
    if (!file.endsWith('.schema.json')) continue;
    ajv.addSchema(JSON.parse(fs.readFileSync(path.join(SCHEMA_FOLDER, file), 'utf8')));
  }
  return ajv;
}

export function validatorFor(name: SchemaName): ValidateFunction {
  const validate = schemas().getSchema(`${name}.schema.json`);
  if (!validate) throw new Error(`no schema ${name}.schema.json in ${SCHEMA_FOLDER}`);
  return validate;
}

/** The schema's complaints about `data`, one line each; empty when it conforms. */
export function schemaErrors(name: SchemaName, data: unknown): string[] {
  const validate = validatorFor(name);
  if (validate(data)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}
