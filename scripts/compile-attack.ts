// Compiles MITRE ATT&CK Enterprise STIX data into src/attack/attack-data.json: tactics in matrix
// order and techniques with their names, tactics and status, nothing else (no descriptions).
//
// Usage: npx tsx scripts/compile-attack.ts [STIX] [--names TSV] [--out FILE]
//   STIX   a bundle JSON with `objects`, or a folder of such files (one object each, in folders
//          by type); default ../shared/reference/attack relative to the repository root.
//   --names  the v19 top-level name list; default v19-top-level-techniques.tsv beside STIX.
//
// Decisions, from studying ../shared/reference/attack (v18 STIX plus a v19 name list):
// - STIX is the base: every attack-pattern with a `mitre-attack` id, its kill-chain tactics and
//   its status (`revoked`, `x_mitre_deprecated`). Revoked and deprecated techniques are kept with
//   their names so rules that still use them can show what they meant.
// - Sub-techniques take their parent's tactics (in v18 they are always equal).
// - The v19 list applies only to a STIX source older than v19, recognized by lacking the tactics
//   v19 introduced. It has top-level names only, no tactics. From it:
//   - ids it adds (T1682-T1690) become techniques with their v19 name and no tactic;
//   - names it changes replace the STIX name (T1211 "Exploitation for Stealth");
//   - active top-level techniques it omits are retired in v19 (T1562, T1656, T1672): they and
//     their sub-techniques are marked deprecated, as the list's header says T1562 was retired.
// - v19 split Defense Evasion into Stealth and Defense Impairment (said in the list's header).
//   Both are added as tactics in Defense Evasion's place in the matrix, with `splitFrom` naming
//   the v18 tactic so a rule tagged `stealth` matches techniques v18 files under Defense Evasion.
//   Their TA ids are not in the reference data, so they are null. Defense Evasion itself stays:
//   v18 is the only source of technique-to-tactic assignments we have.
// - A newer source that already has these tactics is compiled as it is, without the list.
// Output is sorted (tactics by matrix order, techniques by id) so reruns give identical files.

import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const defaultSource = path.resolve(repoRoot, '../shared/reference/attack');
const defaultOut = path.join(repoRoot, 'src/attack/attack-data.json');
const namesFile = 'v19-top-level-techniques.tsv';

/** Tactics v19 added by splitting a v18 tactic; the name list's header is the source. */
const V19_TACTICS = [
  { shortName: 'stealth', name: 'Stealth', splitFrom: 'defense-evasion' },
  { shortName: 'defense-impairment', name: 'Defense Impairment', splitFrom: 'defense-evasion' },
];

type Status = 'revoked' | 'deprecated';

interface Tactic {
  id: string | null;
  shortName: string;
  name: string;
  order: number;
  splitFrom?: string;
  status?: Status;
}

interface Technique {
  id: string;
  name: string;
  tactics: string[];
  status?: Status;
}

type StixObject = Record<string, unknown>;

interface Options {
  source: string;
  names: string | null;
  out: string;
}

function parseArgs(argv: string[]): Options {
  let source = defaultSource;
  let names: string | null = null;
  let out = defaultOut;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--names') names = path.resolve(argv[++i] ?? '');
    else if (arg === '--out') out = path.resolve(argv[++i] ?? '');
    else source = path.resolve(arg);
  }
  return { source, names, out };
}

/** Every STIX object in a bundle file or in the JSON files under a folder. */
function readStixObjects(source: string): StixObject[] {
  if (!statSync(source).isDirectory()) return objectsOfFile(source);
  const objects: StixObject[] = [];
  for (const entry of readdirSync(source, { recursive: true, encoding: 'utf8' }).sort()) {
    const file = path.join(source, entry);
    if (entry.endsWith('.json') && statSync(file).isFile()) objects.push(...objectsOfFile(file));
  }
  return objects;
}

function objectsOfFile(file: string): StixObject[] {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as StixObject;
  if (Array.isArray(parsed.objects)) return parsed.objects as StixObject[];
  return typeof parsed.type === 'string' ? [parsed] : [];
}

function attackId(object: StixObject): string | null {
  const refs = Array.isArray(object.external_references) ? object.external_references : [];
  for (const ref of refs as StixObject[]) {
    if (ref.source_name === 'mitre-attack' && typeof ref.external_id === 'string') {
      return ref.external_id;
    }
  }
  return null;
}

function statusOf(object: StixObject): Status | undefined {
  if (object.revoked === true) return 'revoked';
  if (object.x_mitre_deprecated === true) return 'deprecated';
  return undefined;
}

/** Prefer the active object, then the most recently modified, when an id appears twice. */
function preferred(a: StixObject, b: StixObject): StixObject {
  const activeA = statusOf(a) === undefined;
  const activeB = statusOf(b) === undefined;
  if (activeA !== activeB) return activeA ? a : b;
  return String(b.modified ?? '') > String(a.modified ?? '') ? b : a;
}

function byAttackId(objects: StixObject[], type: string): Map<string, StixObject> {
  const found = new Map<string, StixObject>();
  for (const object of objects) {
    if (object.type !== type) continue;
    const id = attackId(object);
    if (!id) continue;
    const seen = found.get(id);
    found.set(id, seen ? preferred(seen, object) : object);
  }
  return found;
}

/** Tactics in the Enterprise matrix's order; tactics the matrix does not list follow by id. */
function compileTactics(objects: StixObject[]): Tactic[] {
  const tactics = byAttackId(objects, 'x-mitre-tactic');
  const stixIdToAttackId = new Map<string, string>();
  for (const [id, object] of tactics) stixIdToAttackId.set(String(object.id), id);

  const matrices = [...byAttackId(objects, 'x-mitre-matrix')];
  const enterprise = matrices.find(([id]) => id === 'enterprise-attack') ?? matrices[0];
  const refs = enterprise?.[1].tactic_refs;
  const ordered = (Array.isArray(refs) ? (refs as string[]) : []).flatMap(
    (ref) => stixIdToAttackId.get(ref) ?? [],
  );
  const rest = [...tactics.keys()].filter((id) => !ordered.includes(id)).sort();

  return [...ordered, ...rest].map((id, index) => {
    const object = tactics.get(id) as StixObject;
    const tactic: Tactic = {
      id,
      shortName: String(object.x_mitre_shortname ?? id.toLowerCase()),
      name: String(object.name ?? id),
      order: index + 1,
    };
    const status = statusOf(object);
    if (status) tactic.status = status;
    return tactic;
  });
}

function compileTechniques(objects: StixObject[]): Map<string, Technique> {
  const techniques = new Map<string, Technique>();
  for (const [id, object] of byAttackId(objects, 'attack-pattern')) {
    if (!isTechniqueId(id)) continue;
    const phases = Array.isArray(object.kill_chain_phases) ? object.kill_chain_phases : [];
    const tactics = (phases as StixObject[])
      .filter((phase) => phase.kill_chain_name === 'mitre-attack')
      .map((phase) => String(phase.phase_name));
    const technique: Technique = { id, name: String(object.name ?? id), tactics };
    const status = statusOf(object);
    if (status) technique.status = status;
    techniques.set(id, technique);
  }

  for (const technique of techniques.values()) {
    const parent = techniques.get(parentId(technique.id));
    if (parent && parent !== technique) technique.tactics = [...parent.tactics];
  }
  return techniques;
}

function isTechniqueId(id: string): boolean {
  const [top, sub] = id.split('.');
  const digits = (s: string) => s.length > 0 && [...s].every((c) => c >= '0' && c <= '9');
  if (!top.startsWith('T') || top.length !== 5 || !digits(top.slice(1))) return false;
  return sub === undefined || (sub.length === 3 && digits(sub));
}

function parentId(id: string): string {
  return id.split('.')[0];
}

/** `id<TAB>name` lines; `#` lines are the file's notes. */
function readNames(file: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const [id, name] = line.split('\t').map((part) => part.trim());
    if (id && name && isTechniqueId(id)) names.set(id, name);
  }
  return names;
}

interface SupplementReport {
  added: string[];
  renamed: string[];
  retired: string[];
}

function applyV19Names(
  techniques: Map<string, Technique>,
  tactics: Tactic[],
  names: Map<string, string>,
): SupplementReport {
  const report: SupplementReport = { added: [], renamed: [], retired: [] };
  for (const [id, name] of names) {
    const technique = techniques.get(id);
    if (!technique) {
      techniques.set(id, { id, name, tactics: [] });
      report.added.push(id);
    } else if (technique.name !== name) {
      technique.name = name;
      report.renamed.push(id);
    }
  }

  const retired = [...techniques.values()].filter(
    (t) => !t.id.includes('.') && !t.status && !names.has(t.id),
  );
  for (const top of retired) {
    report.retired.push(top.id);
    for (const technique of techniques.values()) {
      if (parentId(technique.id) === top.id && !technique.status) technique.status = 'deprecated';
    }
  }

  insertV19Tactics(tactics);
  return report;
}

/** Places each v19 tactic right after the tactic it was split from, then renumbers. */
function insertV19Tactics(tactics: Tactic[]): void {
  for (const v19 of [...V19_TACTICS].reverse()) {
    const at = tactics.findIndex((t) => t.shortName === v19.splitFrom);
    const tactic: Tactic = { id: null, shortName: v19.shortName, name: v19.name, order: 0 };
    tactic.splitFrom = v19.splitFrom;
    tactics.splice(at < 0 ? tactics.length : at + 1, 0, tactic);
  }
  tactics.forEach((tactic, index) => (tactic.order = index + 1));
}

/** Where the data came from, without anything that changes between runs. */
function describeSource(source: string, objects: StixObject[]): string {
  const collection = objects.find((o) => o.type === 'x-mitre-collection');
  const version = collection?.x_mitre_version ? ` v${String(collection.x_mitre_version)}` : '';
  const snapshot = path.join(sourceFolder(source), 'SNAPSHOT');
  const commit = existsSync(snapshot) ? readFileSync(snapshot, 'utf8').split(' ')[0].trim() : '';
  return `ATT&CK Enterprise STIX${version}${commit ? ` at ${commit}` : ''}`;
}

function sourceFolder(source: string): string {
  return statSync(source).isDirectory() ? source : path.dirname(source);
}

/** The license must travel with the data; the copy is writable even when the source is not. */
function copyLicense(from: string, to: string): void {
  rmSync(to, { force: true });
  writeFileSync(to, readFileSync(from));
}

/** MITRE's copyright designation, which every copy of ATT&CK data must carry. */
function copyrightOf(licenseFile: string | null): string {
  const fallback = '© The MITRE Corporation. This work is reproduced and distributed with the ' +
    'permission of The MITRE Corporation.';
  if (!licenseFile) return fallback;
  const line = readFileSync(licenseFile, 'utf8')
    .split('\n')
    .find((l) => l.trim().startsWith('"©'));
  return line ? line.trim().slice(1, -1) : fallback;
}

/** One entry per line: small diffs when ATT&CK changes. */
function render(
  header: Record<string, string>,
  tactics: Tactic[],
  techniques: Technique[],
): string {
  const list = (items: unknown[]) => items.map((item) => `    ${JSON.stringify(item)}`).join(',\n');
  const head = Object.entries(header)
    .map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)},`)
    .join('\n');
  return `{\n${head}\n  "tactics": [\n${list(tactics)}\n  ],\n` +
    `  "techniques": [\n${list(techniques)}\n  ]\n}\n`;
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const objects = readStixObjects(options.source);
  const tactics = compileTactics(objects);
  const techniques = compileTechniques(objects);
  if (tactics.length === 0 || techniques.size === 0) {
    console.error(`No ATT&CK tactics or techniques found in ${options.source}`);
    process.exit(1);
  }

  const base = sourceFolder(options.source);
  const namesPath = options.names ?? path.join(base, namesFile);
  const hasV19 = V19_TACTICS.every((v) => tactics.some((t) => t.shortName === v.shortName));
  const header: Record<string, string> = { source: describeSource(options.source, objects) };
  if (!hasV19 && existsSync(namesPath)) {
    const report = applyV19Names(techniques, tactics, readNames(namesPath));
    header.names = `${path.basename(namesPath)}: v19 tactics and top-level names`;
    console.error(
      `v19 names: ${report.added.length} added, ${report.renamed.length} renamed, ` +
        `${report.retired.length} retired (${report.retired.join(', ')})`,
    );
  }

  const licenseFile = path.join(base, 'LICENSE.txt');
  const hasLicense = existsSync(licenseFile);
  header.copyright = copyrightOf(hasLicense ? licenseFile : null);
  const licenseCopy = path.join(path.dirname(options.out), 'ATTACK-LICENSE.txt');
  if (hasLicense) copyLicense(licenseFile, licenseCopy);

  const sorted = [...techniques.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  writeFileSync(options.out, render(header, tactics, sorted));
  const inactive = sorted.filter((t) => t.status).length;
  console.error(
    `${tactics.length} tactics, ${sorted.length} techniques (${inactive} revoked or deprecated) ` +
      `→ ${path.relative(repoRoot, options.out)} in ${Date.now() - started} ms`,
  );
}

main();
