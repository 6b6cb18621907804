// The repository layouts ruledex can read: each pairs a reader with the lowering of its rules.

import type { RuleDocument, SourceName } from '../ir/index.js';
import type { LoweredQuery } from '../lower/lowered-query.js';
import { lowerElastic } from '../lower/elastic/lower-elastic.js';
import { lowerElasticHunting } from '../lower/elastic/lower-elastic-hunting.js';
import { lowerSigma } from '../lower/sigma/lower-sigma.js';
import { lowerSpl } from '../lower/spl/lower-spl.js';
import { readElasticHunting } from '../sources/elastic/read-elastic-hunting.js';
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
  /** Sources read from the same repository whenever this one is: Elastic's hunting queries. */
  companions?: SourceName[];
  /** A companion is read only with the source it accompanies, never named on its own. */
  accompanies?: SourceName;
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
    companions: ['elastic-hunting'],
  },
  'elastic-hunting': {
    read: readElasticHunting,
    lower: (doc, context) =>
      lowerElasticHunting(doc, context as Parameters<typeof lowerElasticHunting>[1]),
    contextProblems: NO_CONTEXT_FILES,
    accompanies: 'elastic',
  },
};

/** Whether `name` is a source that can be named on the command line (no companion). */
export function isSourceName(name: string): name is SourceName {
  if (!Object.hasOwn(SOURCE_KINDS, name)) return false;
  return SOURCE_KINDS[name as SourceName].accompanies === undefined;
}
