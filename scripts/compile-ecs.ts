// Compiles the Elasticsearch field types Elastic rules are matched by into
// src/lower/elastic/field-types.json: from the ECS flat schema (with its multi-fields such as
// `user.name.text`) and detection-rules' non-ECS schema (fields of its indices ECS lacks).
//
// Usage: npx tsx scripts/compile-ecs.ts [ECS_DIR] [--out FILE]
//   ECS_DIR  a folder with ecs_flat-<version>.json.gz and non-ecs-schema.json; default
//            ../shared/reference/ecs relative to the repository root.
//
// Decisions:
// - Only fields whose type is not `keyword` are written: a field missing from the file matches
//   as a keyword, which is what ECS says of its other 1,959 fields and what integrations map
//   strings to. The file stays small (about 800 fields) and is still the whole schema.
// - `constant_keyword` and `wildcard` match as keywords do (exact, case-sensitive) and are
//   written with their own names; the lowering reads them as keywords.
// - The non-ECS schema lists fields per index pattern; a field typed differently by two
//   patterns, or differently from ECS, is reported and ECS wins (none did in 9.5.0).
// Output is sorted (types, then fields) so reruns give identical files.

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const defaultSource = path.resolve(repoRoot, '../shared/reference/ecs');
const defaultOut = path.join(repoRoot, 'src/lower/elastic/field-types.json');

/** Types that match as keywords do; conflicts between them are no conflicts. */
const KEYWORD_FAMILY: ReadonlySet<string> = new Set(['keyword', 'constant_keyword', 'wildcard']);

interface EcsField {
  type: string;
  multi_fields?: { flat_name: string; type: string }[];
}

interface Options {
  source: string;
  out: string;
}

function parseArgs(argv: string[]): Options {
  let source = defaultSource;
  let out = defaultOut;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--out') out = path.resolve(argv[++i] ?? '');
    else source = path.resolve(arg);
  }
  return { source, out };
}

/** `ecs_flat-9.5.0.json.gz` → its version and fields. */
function readEcs(folder: string): { version: string; fields: Record<string, EcsField> } {
  const name = readdirSync(folder).find((file) => /^ecs_flat-.*\.json\.gz$/.test(file));
  if (name === undefined) throw new Error(`no ecs_flat-<version>.json.gz in ${folder}`);
  const version = name.slice('ecs_flat-'.length, -'.json.gz'.length);
  const fields = JSON.parse(gunzipSync(readFileSync(path.join(folder, name))).toString('utf8'));
  return { version, fields };
}

/** Every `field: type` of the non-ECS schema, whose tables nest by index pattern and path. */
function nonEcsTypes(folder: string): Map<string, Map<string, string>> {
  const schema = JSON.parse(readFileSync(path.join(folder, 'non-ecs-schema.json'), 'utf8'));
  const types = new Map<string, Map<string, string>>();
  const visit = (node: Record<string, unknown>, prefix: string, index: string): void => {
    for (const [key, value] of Object.entries(node)) {
      const field = prefix + key;
      if (typeof value === 'string') {
        const byIndex = types.get(field) ?? new Map<string, string>();
        byIndex.set(index, value);
        types.set(field, byIndex);
      } else if (typeof value === 'object' && value !== null) {
        visit(value as Record<string, unknown>, `${field}.`, index);
      }
    }
  };
  for (const [index, fields] of Object.entries(schema)) {
    visit(fields as Record<string, unknown>, '', index);
  }
  return types;
}

function sameFamily(a: string, b: string): boolean {
  return a === b || (KEYWORD_FAMILY.has(a) && KEYWORD_FAMILY.has(b));
}

function compile(options: Options): void {
  const ecs = readEcs(options.source);
  const types = new Map<string, string>();
  for (const [name, field] of Object.entries(ecs.fields)) {
    types.set(name, field.type);
    for (const multi of field.multi_fields ?? []) types.set(multi.flat_name, multi.type);
  }

  const conflicts: string[] = [];
  for (const [field, byIndex] of nonEcsTypes(options.source)) {
    const distinct = [...new Set(byIndex.values())];
    const known = types.get(field);
    const differing = distinct.filter((type) => known !== undefined && !sameFamily(type, known));
    if (distinct.length > 1 && !distinct.every((type) => sameFamily(type, distinct[0]))) {
      conflicts.push(`${field}: ${[...byIndex].map(([index, type]) => `${index} ${type}`)}`);
    }
    if (differing.length > 0) conflicts.push(`${field}: ECS ${known}, non-ECS ${differing}`);
    if (known === undefined) types.set(field, distinct[0]);
  }

  const byType: Record<string, string[]> = {};
  for (const [field, type] of types) {
    if (type === 'keyword') continue;
    (byType[type] ??= []).push(field);
  }
  const sorted = Object.fromEntries(
    Object.keys(byType).sort().map((type) => [type, byType[type].sort()]),
  );
  const data = { ecsVersion: ecs.version, types: sorted };
  writeFileSync(options.out, `${JSON.stringify(data, null, 1)}\n`);

  const written = Object.values(sorted).reduce((sum, fields) => sum + fields.length, 0);
  process.stdout.write(
    `ECS ${ecs.version}: ${types.size} fields, ${written} not keyword written to ${options.out}\n`,
  );
  for (const conflict of conflicts) process.stdout.write(`type conflict (ECS kept): ${conflict}\n`);
}

compile(parseArgs(process.argv.slice(2)));
