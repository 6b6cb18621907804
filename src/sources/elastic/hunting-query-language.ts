// Which language one query of a hunting file is written in. A file lists its languages for all
// its queries together (`language = ["ES|QL", "SQL"]`), so each query is told apart by how it
// starts: ES|QL with its `from` source command, osquery SQL with `select` or `with`.

import type { Language } from '../../ir/index.js';

/** A hunting language: ours, or osquery's SQL, which ruledex does not parse. */
export type HuntingLanguage = Exclude<Language, 'spl' | 'sigma' | 'lucene' | 'none'> | 'osquery';

/** How hunting files name their languages. */
const DECLARED: Record<string, HuntingLanguage> = {
  'ES|QL': 'esql',
  EQL: 'eql',
  KQL: 'kuery',
  SQL: 'osquery',
};

/** The words each language's queries may start with. */
const FIRST_WORDS: Partial<Record<HuntingLanguage, readonly string[]>> = {
  esql: ['from'],
  osquery: ['select', 'with'],
};

/** A first line holding only this word labels the query after it (a Markdown fence's name). */
const LABEL = 'sql';

export interface QueryLanguage {
  /** Null when the query's start fits none of the declared languages, or several. */
  language: HuntingLanguage | null;
  /** Characters before the query proper: a label line such as `sql`, read as no part of it. */
  labelLength: number;
}

/** Declared names ruledex does not know are left out; the caller reports them. */
export function declaredLanguages(names: string[]): HuntingLanguage[] {
  return names.flatMap((name) => (Object.hasOwn(DECLARED, name) ? [DECLARED[name]] : []));
}

export function queryLanguageOf(query: string, declared: HuntingLanguage[]): QueryLanguage {
  const labelLength = labelLengthOf(query);
  const first = firstWord(query.slice(labelLength));
  const fitting = declared.filter((language) => FIRST_WORDS[language]?.includes(first) ?? false);
  if (fitting.length === 1) return { language: fitting[0], labelLength };

  const unsigned = declared.filter((language) => FIRST_WORDS[language] === undefined);
  if (fitting.length === 0 && unsigned.length === 1 && labelLength === 0) {
    return { language: unsigned[0], labelLength };
  }
  return { language: null, labelLength: 0 };
}

/** Length of a first line holding only the label, when the query goes on after it. */
function labelLengthOf(query: string): number {
  const lineEnd = query.indexOf('\n');
  if (lineEnd === -1 || query.slice(0, lineEnd).trim().toLowerCase() !== LABEL) return 0;
  return firstWord(query.slice(lineEnd + 1)) === '' ? 0 : lineEnd + 1;
}

/** The query's first word in lower case, after spaces and `//` comment lines. */
function firstWord(query: string): string {
  const lines = query.split('\n').map((line) => line.trim());
  const first = lines.find((line) => line !== '' && !line.startsWith('//')) ?? '';
  let end = 0;
  while (end < first.length && /[A-Za-z_]/.test(first[end])) end++;
  return first.slice(0, end).toLowerCase();
}
