// How each query language is named for people.

import type { Language } from '../ir/index.js';

export const LANGUAGE_NAMES: Record<Language, string> = {
  spl: 'Splunk SPL',
  sigma: 'Sigma detection',
  kuery: 'Elastic KQL',
  eql: 'Elastic EQL',
  esql: 'Elastic ES|QL',
  lucene: 'Lucene',
  none: 'no query language',
};
