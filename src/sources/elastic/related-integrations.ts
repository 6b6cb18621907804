// The Elastic integration packages a rule reads, and their data streams where the rule names them:
// what Kibana lists as a rule's related integrations.

import type { RelatedIntegration } from '../../ir/index.js';

// LIMITATION: package versions are not known — detection-rules adds them from Elastic's package
// manifests when it builds a release, and rule files do not state them; pages show none.
/**
 * A detection rule's integrations: each package of `[metadata] integration`, with every data
 * stream its index patterns name (`logs-aws.cloudtrail-*` → `aws` / `cloudtrail`), or none.
 */
export function ruleIntegrations(
  packages: string[],
  indexPatterns: string[],
): RelatedIntegration[] {
  const open = [...new Set(packages)].map((name) => ({ package: name, integration: null }));
  return withStreams(open, indexPatterns);
}

/**
 * The integrations with each package that names no data stream given those the index patterns
 * name, if any: an ES|QL query's `FROM` names them where the rule has no index setting.
 */
export function withStreams(
  integrations: RelatedIntegration[],
  indexPatterns: string[],
): RelatedIntegration[] {
  return integrations.flatMap((entry) => {
    if (entry.integration !== null) return [entry];
    const named = indexPatterns.flatMap((pattern) => streamOf(pattern, entry.package) ?? []);
    const streams = new Set(named);
    if (streams.size === 0) return [entry];
    return [...streams].map((stream) => ({ package: entry.package, integration: stream }));
  });
}

/** A hunt's integrations, written as `package` or `package.stream` (`aws.cloudtrail`). */
export function huntIntegrations(names: string[]): RelatedIntegration[] {
  const seen = new Set<string>();
  return names.flatMap((name): RelatedIntegration[] => {
    if (seen.has(name)) return [];
    seen.add(name);
    const dot = name.indexOf('.');
    if (dot <= 0 || dot === name.length - 1) return [{ package: name, integration: null }];
    return [{ package: name.slice(0, dot), integration: name.slice(dot + 1) }];
  });
}

/**
 * The data stream an index pattern names for a package: what follows `logs-<package>.` up to the
 * namespace (`-`) or a wildcard. A pattern that leaves the stream open (`logs-endpoint.events.*`)
 * names none.
 */
function streamOf(pattern: string, name: string): string | null {
  const prefix = `logs-${name}.`;
  if (!pattern.startsWith(prefix)) return null;
  const rest = pattern.slice(prefix.length);
  const ends = [rest.indexOf('-'), rest.indexOf('*'), rest.indexOf('?')].filter((i) => i >= 0);
  const stream = rest.slice(0, ends.length === 0 ? rest.length : Math.min(...ends));
  return stream === '' || stream.endsWith('.') ? null : stream;
}
