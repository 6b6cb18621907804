// Compiles the field names canonical fields are checked against into
// src/semantics/field-maps/schema-fields.json: every ECS field (with its multi-fields such as
// `process.name.caseless`), the fields of detection-rules' non-ECS schema, and the event-data
// field names of the Windows event catalogs (where Elastic's Windows integration keeps a field
// as `winlog.event_data.<Name>`).
//
// Usage: npx tsx scripts/compile-field-schema.ts [REFERENCE_DIR] [--out FILE]
//   REFERENCE_DIR  a folder holding ecs/ (ecs_flat-<version>.json.gz, non-ecs-schema.json) and
//                  windows-events/windows/; default ../shared/reference.
//
// Decisions:
// - Only names are written: types live in src/lower/elastic/field-types.json.
// - Windows event-data names are the union over every provider and event of the catalogs: the
//   integration puts a named data item under `winlog.event_data` whatever its provider.
// Output is sorted so reruns give identical files.

import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parse } from 'yaml';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const defaultSource = path.resolve(repoRoot, '../shared/reference');
const defaultOut = path.join(repoRoot, 'src/semantics/field-maps/schema-fields.json');

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

interface EcsField {
  multi_fields?: { flat_name: string }[];
}

function readEcs(folder: string): { version: string; names: string[] } {
  const file = readdirSync(folder).find((name) => /^ecs_flat-.*\.json\.gz$/.test(name));
  if (file === undefined) throw new Error(`no ecs_flat-<version>.json.gz in ${folder}`);
  const version = file.slice('ecs_flat-'.length, -'.json.gz'.length);
  const fields: Record<string, EcsField> = JSON.parse(
    gunzipSync(readFileSync(path.join(folder, file))).toString('utf8'),
  );
  const names = new Set<string>();
  for (const [name, field] of Object.entries(fields)) {
    names.add(name);
    for (const multi of field.multi_fields ?? []) names.add(multi.flat_name);
  }
  return { version, names: [...names].sort() };
}

/** The non-ECS schema nests fields by index pattern, then by path segments or dotted keys. */
function readNonEcs(folder: string, ecs: ReadonlySet<string>): string[] {
  const schema = JSON.parse(readFileSync(path.join(folder, 'non-ecs-schema.json'), 'utf8'));
  const names = new Set<string>();
  const visit = (node: Record<string, unknown>, prefix: string): void => {
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'string') names.add(prefix + key);
      else if (typeof value === 'object' && value !== null) {
        visit(value as Record<string, unknown>, `${prefix}${key}.`);
      }
    }
  };
  for (const fields of Object.values(schema)) visit(fields as Record<string, unknown>, '');
  return [...names].filter((name) => !ecs.has(name)).sort();
}

function ymlFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    if (statSync(full).isDirectory()) return ymlFiles(full);
    return name.endsWith('.yml') && name !== 'README.yml' ? [full] : [];
  });
}

function readWindowsEventData(folder: string): string[] {
  const names = new Set<string>();
  for (const file of ymlFiles(folder)) {
    const event = parse(readFileSync(file, 'utf8')) as { event_fields?: { name?: unknown }[] };
    for (const field of event?.event_fields ?? []) {
      if (typeof field.name === 'string' && /^[A-Za-z][A-Za-z0-9_]*$/.test(field.name)) {
        names.add(field.name);
      }
    }
  }
  return [...names].sort();
}

function compile(options: Options): void {
  const ecsFolder = path.join(options.source, 'ecs');
  const ecs = readEcs(ecsFolder);
  const nonEcs = readNonEcs(ecsFolder, new Set(ecs.names));
  const windowsFolder = path.join(options.source, 'windows-events/windows');
  const windowsEventData = readWindowsEventData(windowsFolder);
  const data = { ecsVersion: ecs.version, ecs: ecs.names, nonEcs, windowsEventData };
  writeFileSync(options.out, `${JSON.stringify(data, null, 1)}\n`);
  process.stdout.write(
    `ECS ${ecs.version}: ${ecs.names.length} fields, ${nonEcs.length} non-ECS fields, `
      + `${windowsEventData.length} Windows event-data names written to ${options.out}\n`,
  );
}

compile(parseArgs(process.argv.slice(2)));
