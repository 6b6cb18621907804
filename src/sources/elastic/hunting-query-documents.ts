// Turns one parsed hunting file (`hunting/<area>/queries/*.toml`, a `[hunt]` table) into a rule
// document per query, numbered `<uuid>#<n>`, or says why a query cannot be read.

import type { Diagnostic, Language, RuleDocument } from '../../ir/index.js';
import type { ReadFailure } from '../source-read.js';
import {
  declaredLanguages,
  queryLanguageOf,
  type HuntingLanguage,
} from './hunting-query-language.js';
import { huntIntegrations } from './related-integrations.js';
import { findArrayItemLines, findKeyLine } from './toml-key-line.js';

const UPSTREAM = 'https://github.com/elastic/detection-rules';

/** The rule type hunting queries get: they are run by hand, never as alerting rules. */
export const HUNTING_TYPE = 'hunting';

export interface HuntingFile {
  /** Repository-relative path with `/` separators. */
  file: string;
  text: string;
  parsed: Record<string, unknown>;
  commit: string | null;
}

/**
 * How many queries each uuid has numbered so far. Several files may share a uuid; their queries
 * are numbered on in path order so that every id stays unique.
 */
export type QueryNumbering = Map<string, { count: number; file: string }>;

export function huntingDocumentsOf(
  hunting: HuntingFile,
  numbering: QueryNumbering,
): (RuleDocument | ReadFailure)[] {
  const { file, text, parsed } = hunting;
  const hunt = tableOf(parsed.hunt);
  const huntLine = lineOfTable(text);
  if (hunt === null) return [failure(file, 1, 'no [hunt] table')];

  const uuid = typeof hunt.uuid === 'string' ? hunt.uuid.trim() : '';
  if (uuid === '') return [failure(file, huntLine, 'the [hunt] table has no uuid')];
  const name = typeof hunt.name === 'string' ? hunt.name : '';
  if (name.trim() === '') return [failure(file, huntLine, 'the [hunt] table has no name')];
  const queries = hunt.query;
  const queryLine = findKeyLine(text, 'hunt', 'query')?.line ?? huntLine;
  if (!Array.isArray(queries) || queries.length === 0) {
    return [failure(file, queryLine, 'the [hunt] table has no list of queries')];
  }

  const earlier = numbering.get(uuid);
  const first = (earlier?.count ?? 0) + 1;
  numbering.set(uuid, { count: (earlier?.count ?? 0) + queries.length, file });
  const shared = earlier === undefined ? null : earlier.file;
  const itemLines = findArrayItemLines(text, 'hunt', 'query');

  return queries.map((query, position) => {
    const line = itemLines[position] ?? queryLine;
    if (typeof query !== 'string') return failure(file, line, `query ${position + 1} is not text`);
    const number = first + position;
    const count = queries.length;
    const title = count === 1 ? name : `${name} (query ${position + 1} of ${count})`;
    const place = { file, line, uuid, number, title, shared };
    return queryDocument(hunting, hunt, query, place);
  });
}

interface QueryPlace {
  file: string;
  line: number;
  uuid: string;
  number: number;
  title: string;
  /** The file that numbered this uuid's first queries, when it is another one. */
  shared: string | null;
}

function queryDocument(
  hunting: HuntingFile,
  hunt: Record<string, unknown>,
  written: string,
  place: QueryPlace,
): RuleDocument {
  const names = stringsOf(hunt.language);
  const mitre = stringsOf(hunt.mitre);
  const declared = declaredLanguages(names);
  const { language, labelLength } = queryLanguageOf(written, declared);
  const labelLines = written.slice(0, labelLength).split('\n').length - 1;
  const notes: Diagnostic[] = [];
  const note = (code: string, message: string) =>
    notes.push({ severity: 'info', code, message, file: place.file, line: place.line });

  if (labelLength > 0) {
    const label = written.slice(0, labelLength).trim();
    note('elastic-hunting.label', `the line '${label}' before the query labels it; not read`);
  }
  if (place.shared !== null) {
    const message = `uuid ${place.uuid} is also used by ${place.shared}; queries numbered on`;
    note('elastic-hunting.shared-uuid', message);
  }
  const unknown = names.filter((name) => declaredLanguages([name]).length === 0);
  if (unknown.length > 0) note('elastic-hunting.language', `unknown languages: ${unknown}`);
  if (language === null) {
    const message = `cannot tell which of the languages ${JSON.stringify(names)} the query is in`;
    note('elastic-hunting.language', message);
  }

  return {
    source: 'elastic-hunting',
    upstreamId: `${place.uuid}#${place.number}`,
    file: place.file,
    line: place.line,
    queryLine: place.line + labelLines,
    url: hunting.commit === null ? null : `${UPSTREAM}/blob/${hunting.commit}/${place.file}`,
    title: place.title,
    description: typeof hunt.description === 'string' ? hunt.description.trim() : '',
    authors: stringsOf(hunt.author),
    status: null,
    level: null,
    type: HUNTING_TYPE,
    created: null,
    modified: null,
    references: stringsOf(hunt.references),
    falsePositives: [],
    // MITRE ATLAS ids (`AML.T0051`) are no ATT&CK techniques; they are kept as tags.
    tags: mitre.filter((id) => !isTechnique(id)),
    techniques: mitre.filter(isTechnique),
    tactics: [],
    deprecated: false,
    language: ruleLanguage(language),
    query: written.slice(labelLength),
    raw: { ...hunting.parsed, queryLanguage: language },
    // Data sources are index patterns for Elastic; a hunt names none outside its query.
    dataSources: [],
    readingNotes: notes,
    elastic: {
      integrations: huntIntegrations(stringsOf(hunt.integration)),
      setup: null,
      notes: stringsOf(hunt.notes),
    },
  };
}

/** osquery SQL, and a query whose language is unknown, have no language of ours. */
function ruleLanguage(language: HuntingLanguage | null): Language {
  return language === null || language === 'osquery' ? 'none' : language;
}

/** An ATT&CK technique or sub-technique id: `T1059`, `T1059.001`. */
function isTechnique(id: string): boolean {
  return /^T\d{4}(\.\d{3})?$/.test(id);
}

function failure(file: string, line: number, reason: string): ReadFailure {
  return { source: 'elastic-hunting', file, line, reason };
}

/** Line of `[hunt]`, for failures about the whole table. */
function lineOfTable(text: string): number {
  const index = text.split('\n').findIndex((line) => line.trim() === '[hunt]');
  return index === -1 ? 1 : index + 1;
}

function tableOf(value: unknown): Record<string, unknown> | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  return value as Record<string, unknown>;
}

function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is string => typeof item === 'string');
}
