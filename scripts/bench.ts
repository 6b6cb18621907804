// Benchmark: builds the three public snapshots and prints time per phase and peak memory.
// Usage: npm run bench [-- --corpora DIR] (default ../shared/corpora beside the repo).

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCatalogFile, type SourceDirectory } from '../src/build/build-catalog.js';
import type { AnalyzedRule } from '../src/ir/index.js';
import type { EventRecord } from '../src/match/event-record.js';
import { matchLines } from '../src/cli/match.js';
import { evaluatorFor } from '../src/match/evaluator-registry.js';
import { readEvents } from '../src/match/events/read-events.js';
import { isEvaluator } from '../src/match/verdict.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corporaFlag = process.argv.indexOf('--corpora');
const corpora = corporaFlag > 0
  ? path.resolve(process.argv[corporaFlag + 1])
  : path.resolve(repoRoot, '../shared/corpora');

const sources: SourceDirectory[] = (['splunk', 'sigma', 'elastic'] as const).map((source) => ({
  source,
  root: path.join(corpora, source),
}));

const scratch = mkdtempSync(path.join(os.tmpdir(), 'ruledex-bench-'));
try {
  const built = buildCatalogFile(sources, path.join(scratch, 'catalog.sqlite'));
  // maxRSS is the process's peak resident set, in KiB; the build is synchronous, so no sampling.
  const peakRss = process.resourceUsage().maxRSS * 1024;

  console.log(`corpora: ${corpora}`);
  for (const [source, s] of Object.entries(built.summary.sources)) {
    const counts = `${s.rules} rules, ${s.failed} failed, ${s.fullyParsed} fully parsed`;
    console.log(`  ${source.padEnd(8)} ${counts}`);
  }
  console.log('phase seconds:');
  for (const [phase, seconds] of Object.entries(built.phaseSeconds)) {
    console.log(`  ${phase.padEnd(10)} ${seconds.toFixed(3)}`);
  }
  const peakMiB = (peakRss / 2 ** 20).toFixed(0);
  console.log(`total ${built.summary.seconds.toFixed(3)} s, peak RSS ${peakMiB} MiB`);
  benchMatcher(built.rules, path.join(corpora, '../events/sigma-regression'));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

/**
 * Matcher throughput on one core, as `ruledex match` runs: every Sigma rule of the catalog
 * evaluated on the Sysmon process-creation events of the Sigma regression data, repeated (as
 * new event objects, so no per-event work is reused) to a few thousand events.
 */
function benchMatcher(rules: AnalyzedRule[], eventsRoot: string): void {
  const leastEvents = 3000;
  let started = performance.now();
  const compiled = rules
    .filter((rule) => rule.language === 'sigma')
    .map((rule) => ({ id: rule.id, evaluator: evaluatorFor(rule) }));
  const evaluators = compiled.flatMap(({ id, evaluator }) => {
    return isEvaluator(evaluator) ? [{ id, evaluator }] : [];
  });
  const compileSeconds = (performance.now() - started) / 1000;

  const processEvents: EventRecord[] = [...readEvents(eventsRoot)].filter((event) => {
    const provider = event.fields.get('Provider_Name');
    return provider === 'Microsoft-Windows-Sysmon' && event.fields.get('EventID') === 1;
  });
  const events: EventRecord[] = [];
  while (events.length < leastEvents) {
    for (const event of processEvents) events.push({ ...event });
  }

  started = performance.now();
  let matches = 0;
  for (const line of matchLines(events, evaluators, false)) matches += line.matched.length;
  const seconds = (performance.now() - started) / 1000;
  console.log('matcher (Sigma, one core):');
  console.log(`  ${evaluators.length} rules compiled in ${compileSeconds.toFixed(3)} s`);
  const distinct = `${processEvents.length} distinct`;
  const rate = Math.round(events.length / seconds);
  console.log(`  ${events.length} Sysmon process-creation events (${distinct}) in `
    + `${seconds.toFixed(3)} s: ${rate} events/s, ${matches} matches`);
}
