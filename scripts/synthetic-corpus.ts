// Writes a synthetic corpus N times the size of the real snapshots, for the benchmark: every
// rule file of Splunk, Sigma and Elastic (hunting queries included) as it is, plus N-1 variants
// of it (synthetic-corpus-mutations); context files (Splunk macros, data sources) once.
// Usage alone: tsx scripts/synthetic-corpus.ts [--corpora DIR] [--copies 10] [--seed S] --out DIR

import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseToml, stringify as stringifyToml } from 'smol-toml';
import { parseAllDocuments, stringify as stringifyYaml } from 'yaml';
import {
  SeededRandom,
  variedField,
  variedQuery,
  variedValue,
  withNewIds,
  type Variant,
} from './synthetic-corpus-mutations.js';

export interface SyntheticCorpusOptions {
  /** How many times the real corpus: each rule file and `copies - 1` variants of it. */
  copies: number;
  seed: string;
}

export interface SyntheticCorpus {
  /** Rule files written (variants included). */
  files: number;
  seconds: number;
}

/** Marks a complete corpus, with the options it was written with, so it can be reused. */
const COMPLETE = 'SYNTHETIC-COMPLETE';

type Mutation = (text: string, variant: Variant) => string;

interface RuleFolders {
  source: 'splunk' | 'sigma' | 'elastic';
  /** Folders (relative to the repository) whose rule files get variants. */
  ruleFolders: string[];
  extension: string;
  mutate: Mutation;
  /** Folders copied as they are (context the rules need). */
  copied: string[];
}

const LAYOUTS: RuleFolders[] = [
  {
    source: 'splunk',
    ruleFolders: ['detections'],
    extension: '.yml',
    mutate: variedSplunkDetection,
    copied: ['macros', 'data_sources'],
  },
  {
    source: 'sigma',
    ruleFolders: ['rules', 'rules-compliance', 'rules-dfir', 'rules-emerging-threats',
      'rules-placeholder', 'rules-threat-hunting', 'deprecated'],
    extension: '.yml',
    mutate: variedSigmaRule,
    copied: [],
  },
  {
    source: 'elastic',
    ruleFolders: ['rules', 'rules_building_block', 'hunting'],
    extension: '.toml',
    mutate: variedElasticRule,
    copied: [],
  },
];

/** Writes the corpus under `target` (one folder per source), unless it is there already. */
export function writeSyntheticCorpus(
  corpora: string,
  target: string,
  options: SyntheticCorpusOptions,
): SyntheticCorpus {
  const started = performance.now();
  const stamp = JSON.stringify(options);
  const marker = path.join(target, COMPLETE);
  if (existsSync(marker) && readFileSync(marker, 'utf8') === stamp) {
    return { files: countFiles(target), seconds: 0 };
  }

  rmSync(target, { recursive: true, force: true });
  let files = 0;
  for (const layout of LAYOUTS) files += writeSource(corpora, target, layout, options);
  writeFileSync(marker, stamp);
  return { files, seconds: (performance.now() - started) / 1000 };
}

function writeSource(
  corpora: string,
  target: string,
  layout: RuleFolders,
  options: SyntheticCorpusOptions,
): number {
  const from = path.join(corpora, layout.source);
  const to = path.join(target, layout.source);
  mkdirSync(to, { recursive: true });
  if (existsSync(path.join(from, 'SNAPSHOT'))) {
    copyFileSync(path.join(from, 'SNAPSHOT'), path.join(to, 'SNAPSHOT'));
  }
  for (const folder of layout.copied) {
    if (existsSync(path.join(from, folder))) {
      cpSync(path.join(from, folder), path.join(to, folder), { recursive: true });
    }
  }

  let written = 0;
  for (const folder of layout.ruleFolders) {
    for (const file of filesUnder(path.join(from, folder), layout.extension)) {
      const relative = path.relative(from, file);
      const text = readFileSync(file, 'utf8');
      mkdirSync(path.dirname(path.join(to, relative)), { recursive: true });
      writeFileSync(path.join(to, relative), text);
      for (let copy = 1; copy < options.copies; copy++) {
        const random = new SeededRandom(`${options.seed}:${layout.source}:${relative}:${copy}`);
        const varied = variedText(text, layout.mutate, { copy, random });
        const renamed = withNewIds(varied, options.seed, copy);
        writeFileSync(path.join(to, variantPath(relative, copy)), renamed);
      }
      written += options.copies;
    }
  }
  return written;
}

/** A file that cannot be parsed is copied with new ids only: its copies fail like it. */
function variedText(text: string, mutate: Mutation, variant: Variant): string {
  try {
    return mutate(text, variant);
  } catch {
    return text;
  }
}

/** `a/b.yml` → `a/b__v3.yml`: same folder, so repository layouts still find it. */
function variantPath(relative: string, copy: number): string {
  const extension = path.extname(relative);
  return `${relative.slice(0, -extension.length)}__v${copy}${extension}`;
}

function variedSplunkDetection(text: string, variant: Variant): string {
  const fields = singleYamlMapping(text);
  if (fields === null || typeof fields.search !== 'string') return text;
  return stringifyYaml({ ...fields, search: variedQuery(fields.search, variant) }, YAML_OUT);
}

/** Sigma selections: field names (before the modifiers) and string values varied. */
function variedSigmaRule(text: string, variant: Variant): string {
  const fields = singleYamlMapping(text);
  const detection = fields?.detection;
  if (fields === null || !isMapping(detection)) return text;
  const varied: Record<string, unknown> = {};
  for (const [name, selection] of Object.entries(detection)) {
    const isLogic = name === 'condition' || name === 'timeframe';
    varied[name] = isLogic ? selection : variedSelection(selection, variant);
  }
  return stringifyYaml({ ...fields, detection: varied }, YAML_OUT);
}

function variedSelection(selection: unknown, variant: Variant): unknown {
  if (typeof selection === 'string') return variedValue(selection, variant);
  if (Array.isArray(selection)) return selection.map((item) => variedSelection(item, variant));
  if (!isMapping(selection)) return selection;
  const varied: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(selection)) {
    const [field, ...modifiers] = key.split('|');
    const name = [variedField(field, variant), ...modifiers].join('|');
    varied[name] = variedSelection(value, variant);
  }
  return varied;
}

/** Elastic rules (`rule.query`) and hunting queries (`hunt.query`, a list). */
function variedElasticRule(text: string, variant: Variant): string {
  const parsed = parseToml(text) as Record<string, unknown>;
  const rule = parsed.rule;
  if (isMapping(rule) && typeof rule.query === 'string') {
    rule.query = variedQuery(rule.query, variant);
  }
  const hunt = parsed.hunt;
  if (isMapping(hunt) && Array.isArray(hunt.query)) {
    hunt.query = hunt.query.map((query) => {
      return typeof query === 'string' ? variedQuery(query, variant) : query;
    });
  }
  return stringifyToml(parsed);
}

const YAML_OUT = { lineWidth: 0 } as const;

function singleYamlMapping(text: string): Record<string, unknown> | null {
  const documents = parseAllDocuments(text, { logLevel: 'silent' });
  if (!Array.isArray(documents) || documents.length !== 1 || documents[0].errors.length > 0) {
    return null;
  }
  const value = documents[0].toJS();
  return isMapping(value) ? value : null;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function filesUnder(folder: string, extension: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(extension))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

function countFiles(target: string): number {
  return LAYOUTS.reduce((sum, layout) => {
    const folders = layout.ruleFolders.map((folder) => path.join(target, layout.source, folder));
    return sum + folders.flatMap((folder) => filesUnder(folder, layout.extension)).length;
  }, 0);
}

function flag(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : fallback;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const corpora = path.resolve(flag('--corpora', path.join(repoRoot, '../shared/corpora')));
  const out = path.resolve(flag('--out', ''));
  const options = { copies: Number(flag('--copies', '10')), seed: flag('--seed', 'ruledex') };
  const written = writeSyntheticCorpus(corpora, out, options);
  console.log(`${written.files} rule files under ${out} in ${written.seconds.toFixed(1)} s`);
}
