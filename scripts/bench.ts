// Benchmark: builds the three public snapshots and prints time per phase and peak memory.
// Usage: npm run bench [-- --corpora DIR] (default ../shared/corpora beside the repo).

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCatalogFile, type SourceDirectory } from '../src/build/build-catalog.js';

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
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
