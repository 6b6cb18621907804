// The repository layouts ruledex can read: each pairs a reader with the lowering of its rules.

import type { RuleDocument, SourceName } from '../ir/index.js';
import type { LoweredQuery } from '../lower/lowered-query.js';
import { lowerElastic } from '../lower/elastic/lower-elastic.js';
import { lowerSigma } from '../lower/sigma/lower-sigma.js';
import { lowerSpl } from '../lower/spl/lower-spl.js';
import { readElasticRepository } from '../sources/elastic/read-elastic.js';
import { readSigmaRepository } from '../sources/sigma/read-sigma.js';
import type { SourceRead } from '../sources/source-read.js';
import { readSplunkRepository } from '../sources/splunk/read-splunk.js';
import type { SplunkContext } from '../sources/splunk/splunk-context.js';

export interface SourceKind {
  read(root: string, onFile?: (file: string) => void): SourceRead<unknown>;
  lower(doc: RuleDocument, context: unknown): LoweredQuery;
  /** Context files that could not be read (they hold no rule, so they are not failures). */
  contextProblems(context: unknown): ContextProblem[];
}

export interface ContextProblem {
  file: string;
  line: number;
  reason: string;
}

const NO_CONTEXT_FILES = () => [];

export const SOURCE_KINDS: Record<SourceName, SourceKind> = {
  splunk: {
    read: readSplunkRepository,
    lower: (doc, context) => lowerSpl(doc, context as SplunkContext),
    contextProblems: (context) => (context as SplunkContext).problems,
  },
  sigma: {
    read: readSigmaRepository,
    lower: (doc, context) => lowerSigma(doc, context as Parameters<typeof lowerSigma>[1]),
    contextProblems: NO_CONTEXT_FILES,
  },
  elastic: {
    read: readElasticRepository,
    lower: (doc, context) => lowerElastic(doc, context as Parameters<typeof lowerElastic>[1]),
    contextProblems: NO_CONTEXT_FILES,
  },
};

export function isSourceName(name: string): name is SourceName {
  return Object.hasOwn(SOURCE_KINDS, name);
}
