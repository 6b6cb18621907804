// Compiles src/match/elastic/field-types.json: the Elasticsearch type of every ECS field (and of
// the non-ECS fields detection-rules declares) whose matching differs from a keyword's.
//
// Usage: npx tsx test/match/elastic/compile-field-types.ts [ECS_DIR] [--write]
//   ECS_DIR  holds ecs_flat-*.json.gz and non-ecs-schema.json; default ../shared/reference/ecs.
//   Without --write it only says whether the committed table is current.
//
// Decisions:
// - Keyword-like types (keyword, constant_keyword, wildcard) are left out: keyword is what a field
//   missing from the table is taken to be, so the table stays small.
// - Numbers of every width (long, float, scaled_float…) are one kind, `number`: the matcher only
//   compares values, it never stores them.
// - Multi-fields count as fields of their own (`process.command_line.text` is text).
// - The non-ECS schema is per index pattern; a field declared with several types keeps the first
//   non-keyword one, and ECS wins over it.

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const defaultEcsDir = path.resolve(repoRoot, '../shared/reference/ecs');
export const fieldTypesFile = path.join(repoRoot, 'src/match/elastic/field-types.json');

const KINDS: Record<string, string> = {
  text: 'text',
  match_only_text: 'text',
  ip: 'ip',
  long: 'number',
  integer: 'number',
  short: 'number',
  byte: 'number',
  unsigned_long: 'number',
  float: 'number',
  half_float: 'number',
  double: 'number',
  scaled_float: 'number',
  boolean: 'boolean',
  date: 'date',
  date_nanos: 'date',
  nested: 'nested',
  object: 'object',
  flattened: 'flattened',
  geo_point: 'geo',
};

interface EcsField {
  type: string;
  multi_fields?: { flat_name: string; type: string }[];
}

/** Field name → kind, sorted by name so that reruns give identical files. */
export function compileFieldTypes(ecsDir: string): Record<string, string> {
  const types = new Map<string, string>();
  const ecsFile = readdirSync(ecsDir).find((name) => /^ecs_flat-.*\.json\.gz$/.test(name));
  if (ecsFile === undefined) throw new Error(`no ecs_flat-*.json.gz in ${ecsDir}`);
  const ecs = JSON.parse(gunzipSync(readFileSync(path.join(ecsDir, ecsFile))).toString('utf8'));

  for (const [name, field] of Object.entries(ecs as Record<string, EcsField>)) {
    note(types, name, field.type);
    for (const multi of field.multi_fields ?? []) note(types, multi.flat_name, multi.type);
  }
  const nonEcs = JSON.parse(readFileSync(path.join(ecsDir, 'non-ecs-schema.json'), 'utf8'));
  for (const fields of Object.values(nonEcs as Record<string, unknown>)) {
    for (const [name, type] of flatten(fields, '')) {
      if (!types.has(name)) note(types, name, type);
    }
  }
  return Object.fromEntries([...types].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function note(types: Map<string, string>, name: string, type: string): void {
  const kind = KINDS[type];
  if (kind !== undefined) types.set(name, kind);
}

/** `{ a: { b: "keyword" } }` and `{ "a.b": "keyword" }` both give `a.b`. */
function* flatten(value: unknown, prefix: string): Generator<[string, string]> {
  if (typeof value !== 'object' || value === null) return;
  for (const [key, item] of Object.entries(value)) {
    if (typeof item === 'string') yield [prefix + key, item];
    else yield* flatten(item, `${prefix}${key}.`);
  }
}

function main(): void {
  const args = process.argv.slice(2);
  const ecsDir = args.find((arg) => !arg.startsWith('--')) ?? defaultEcsDir;
  const text = `${JSON.stringify(compileFieldTypes(ecsDir), null, 1)}\n`;
  if (args.includes('--write')) {
    writeFileSync(fieldTypesFile, text);
    console.log(`wrote ${fieldTypesFile}`);
    return;
  }
  const current = readFileSync(fieldTypesFile, 'utf8') === text;
  console.log(current ? 'field-types.json is current' : 'field-types.json differs; use --write');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
