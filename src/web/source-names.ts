// How each rule source is named for people, on pages and in the terminal.

import type { SourceName } from '../ir/index.js';

export const SOURCE_NAMES: Record<SourceName, string> = {
  splunk: 'Splunk',
  sigma: 'Sigma',
  elastic: 'Elastic',
  'elastic-hunting': 'Elastic hunting queries',
};

/** The heading of a source's listing: hunting queries are not called rules. */
export const SOURCE_LISTING_TITLES: Record<SourceName, string> = {
  splunk: 'Splunk rules',
  sigma: 'Sigma rules',
  elastic: 'Elastic rules',
  'elastic-hunting': 'Elastic hunting queries',
};

export function isSourceName(text: string): text is SourceName {
  return Object.hasOwn(SOURCE_NAMES, text);
}
