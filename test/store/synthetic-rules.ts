// Generates many distinct catalog entries of realistic size, for timing the store and the pages.

import type { AnalyzedRule, SourceName } from '../../src/ir/index.js';
import { referenceShapedRule } from './fixtures/rules.js';

const SOURCES: SourceName[] = ['splunk', 'sigma', 'elastic'];
const WORDS = ['process', 'registry', 'network', 'powershell', 'service', 'token', 'driver'];

export function syntheticRules(count: number): AnalyzedRule[] {
  const template = referenceShapedRule();
  return Array.from({ length: count }, (_, i) => {
    const source = SOURCES[i % SOURCES.length];
    const upstreamId = `synthetic-${String(i).padStart(5, '0')}`;
    const word = WORDS[i % WORDS.length];
    return {
      ...template,
      id: `${source}:${upstreamId}`,
      source,
      upstreamId,
      file: `rules/${word}/rule_${i}.yml`,
      title: `Suspicious ${word} activity number ${i}`,
      description: `${template.description} Variant ${i} watches ${word} events. `.repeat(3),
      query: `${template.query} | where count > ${i}`,
      raw: { body: `${word} `.repeat(400), variant: i },
    };
  });
}
