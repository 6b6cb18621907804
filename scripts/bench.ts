// Benchmark: builds the three public snapshots and a synthetic corpus ten times their size, and
// prints time and peak memory per phase, the floor (reading and parsing the rule files alone)
// and the ratios; then the matcher's throughput. Each measurement runs in its own process, so
// that peak memory is its own.
// Usage: npm run bench [-- --corpora DIR] [--runs N] [--copies N] [--no-synthetic]
//   --runs N: each measurement N times, the fastest reported (default 1).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCatalogFile, type SourceDirectory } from '../src/build/build-catalog.js';
import { BUILD_NODE_FLAGS } from '../src/cli/build-node-flags.js';
import type { BuildPhase, BuildProgress } from '../src/build/build-progress.js';
import { SOURCE_KINDS } from '../src/build/source-kinds.js';
import type { AnalyzedRule, SourceName } from '../src/ir/index.js';
import type { EventRecord } from '../src/match/event-record.js';
import { matchLines } from '../src/cli/match.js';
import { evaluatorFor } from '../src/match/evaluator-registry.js';
import { readEvents } from '../src/match/events/read-events.js';
import { isEvaluator } from '../src/match/verdict.js';
import { writeSyntheticCorpus } from './synthetic-corpus.js';

const PHASES: BuildPhase[] = ['read', 'parse', 'analyze', 'neighbors', 'store'];
const SEED = 'ruledex-bench';
/**
 * The synthetic corpus's build peaks near Node's default heap limit (about 4 GiB): it gets more
 * room, so that a few more rules or another machine's default do not end it.
 */
const LARGE_HEAP = '--max-old-space-size=16384';

interface PhaseFigures {
  seconds: number;
  /**
   * Processor time of the process (all its threads: the collector's helpers too), which another
   * user of a shared machine disturbs less than the wall-clock seconds.
   */
  cpuSeconds: number;
  /** Highest resident memory seen during the phase. */
  peakMiB: number;
}

interface Measurement {
  kind: 'build' | 'floor';
  seconds: number;
  cpuSeconds: number;
  peakMiB: number;
  phases: Partial<Record<BuildPhase, PhaseFigures>>;
  rules: number;
  /** Per source: rules read or built. */
  sources: Partial<Record<SourceName, number>>;
}

const scriptPath = fileURLToPath(import.meta.url);
const repoRoot = path.resolve(path.dirname(scriptPath), '..');

function flag(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
}

const corpora = path.resolve(flag('--corpora') ?? path.join(repoRoot, '../shared/corpora'));

function runBenchmark(): void {
  const runs = Number(flag('--runs') ?? '1');
  const copies = Number(flag('--copies') ?? '10');
  console.log(`corpora: ${corpora}; fastest of ${runs} run(s) per measurement`);
  // Measured as `ruledex build` runs: under the Node.js settings it gives itself.
  console.log(`node settings of a build (as ruledex build runs): ${BUILD_NODE_FLAGS.join(' ')}`);

  const floor = fastest(runs, () => measureInChild('floor', corpora, [...BUILD_NODE_FLAGS]));
  let matcherReport = '';
  const build = fastest(runs, (run) => {
    const measured = measureInChild('build', corpora, [...BUILD_NODE_FLAGS], run === 0);
    if (run === 0) matcherReport = measured.output;
    return measured;
  });
  printBuild('three snapshots', build);
  const ratio = (build.seconds / floor.seconds).toFixed(1);
  console.log(`floor (read and parse the rule files only): ${seconds(floor.seconds)} s `
    + `(cpu ${seconds(floor.cpuSeconds)} s), peak ${floor.peakMiB} MiB; `
    + `full build / floor = ${ratio}`);

  if (!process.argv.includes('--no-synthetic')) {
    const target = path.join(os.tmpdir(), `ruledex-synthetic-${SEED}-${copies}`);
    const written = writeSyntheticCorpus(corpora, target, { copies, seed: SEED });
    const made = written.seconds > 0 ? `written in ${seconds(written.seconds)} s` : 'reused';
    console.log(`\nsynthetic corpus: ${written.files} rule files (${copies} x), ${made}`);
    console.log(`  ${target}`);
    const large = fastest(runs, () => {
      return measureInChild('build', target, [LARGE_HEAP, ...BUILD_NODE_FLAGS]);
    });
    printBuild(`synthetic corpus, ${copies} x (node ${LARGE_HEAP})`, large);
    const growth = large.seconds / build.seconds;
    const cpuGrowth = large.cpuSeconds / build.cpuSeconds;
    console.log(`growth: ${(large.rules / build.rules).toFixed(1)} x the rules took `
      + `${growth.toFixed(1)} x the time (${cpuGrowth.toFixed(1)} x the cpu time)`);
  }

  console.log(`\n${matcherReport.trimEnd()}`);
}

function fastest<M extends Measurement>(runs: number, run: (index: number) => M): M {
  const all = Array.from({ length: runs }, (_, index) => run(index));
  return all.reduce((best, next) => (next.seconds < best.seconds ? next : best));
}

/** A measurement in a new process; `output` is what it printed (the matcher's report). */
function measureInChild(
  kind: 'build' | 'floor',
  root: string,
  nodeOptions: string[] = [],
  matcher = false,
): Measurement & { output: string } {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'ruledex-bench-'));
  try {
    const result = path.join(scratch, 'result.json');
    const args = [
      ...nodeOptions,
      ...process.execArgv,
      scriptPath,
      '--measure', kind,
      '--corpora', root,
      '--result', result,
      ...(matcher ? ['--matcher'] : []),
    ];
    const child = spawnSync(process.execPath, args, {
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
      maxBuffer: 64 * 2 ** 20,
    });
    if (child.status !== 0) throw new Error(`the ${kind} measurement failed (${child.status})`);
    const measured = JSON.parse(readFileSync(result, 'utf8')) as Measurement;
    return { ...measured, output: child.stdout };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function printBuild(label: string, build: Measurement): void {
  const counts = Object.entries(build.sources).map(([source, n]) => `${source} ${n}`).join(', ');
  console.log(`\n${label}: ${build.rules} rules (${counts})`);
  const header = ['seconds', 'cpu s', 'peak MiB'].map((title) => title.padStart(9)).join('');
  console.log(`  ${'phase'.padEnd(10)}${header}`);
  for (const phase of PHASES) {
    const figures = build.phases[phase];
    if (!figures) continue;
    const figureColumns = columns(figures.seconds, figures.cpuSeconds, figures.peakMiB);
    console.log(`  ${phase.padEnd(10)}${figureColumns}`);
  }
  console.log(`  ${'total'.padEnd(10)}${columns(build.seconds, build.cpuSeconds, build.peakMiB)}`);
}

function columns(wall: number, cpu: number, peakMiB: number): string {
  return [seconds(wall), seconds(cpu), String(peakMiB)].map((text) => text.padStart(9)).join('');
}

function seconds(value: number): string {
  return value.toFixed(2);
}

/** One measurement, in this (child) process; the figures go to `resultFile` as JSON. */
function runMeasurement(
  kind: 'build' | 'floor',
  root: string,
  resultFile: string,
  matcher: boolean,
): void {
  const sources: SourceDirectory[] = (['splunk', 'sigma', 'elastic'] as const).map((source) => ({
    source,
    root: path.join(root, source),
  }));
  const measurement = kind === 'floor' ? measureFloor(sources) : measureBuild(sources, matcher);
  writeFileSync(resultFile, JSON.stringify(measurement));
}

/** Reading and parsing the rule files of every source (companions too), nothing else. */
function measureFloor(directories: SourceDirectory[]): Measurement {
  const started = performance.now();
  const cpuStarted = cpuSecondsNow();
  const counts: Partial<Record<SourceName, number>> = {};
  for (const { source, root } of directories) {
    for (const name of [source, ...(SOURCE_KINDS[source].companions ?? [])]) {
      counts[name] = SOURCE_KINDS[name].read(root).documents.length;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const cpuSeconds = cpuSecondsNow() - cpuStarted;
  const peakMiB = maxRssMiB();
  const rules = Object.values(counts).reduce((sum, n) => sum + n, 0);
  return { kind: 'floor', seconds, cpuSeconds, peakMiB, phases: {}, rules, sources: counts };
}

function measureBuild(directories: SourceDirectory[], matcher: boolean): Measurement {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'ruledex-bench-'));
  try {
    const meter = new PhaseMeter();
    const started = performance.now();
    const cpuStarted = cpuSecondsNow();
    const built = buildCatalogFile(directories, path.join(scratch, 'catalog.sqlite'), meter);
    meter.done();
    const seconds = (performance.now() - started) / 1000;
    const cpuSeconds = cpuSecondsNow() - cpuStarted;
    const sources: Partial<Record<SourceName, number>> = {};
    for (const [source, summary] of Object.entries(built.summary.sources)) {
      sources[source as SourceName] = summary.rules;
    }
    const peakMiB = maxRssMiB();
    if (matcher) benchMatcher(built.rules, path.join(corpora, '../events/sigma-regression'));
    const rules = built.rules.length;
    return { kind: 'build', seconds, cpuSeconds, peakMiB, phases: meter.phases, rules, sources };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Time and peak memory per phase, from the build's progress calls. The build is synchronous,
 * so memory is sampled at its steps; the process's own peak (maxRSS) is exact whenever it rose
 * during the phase, which covers the phases without steps (neighbors, store).
 */
class PhaseMeter implements BuildProgress {
  readonly phases: Partial<Record<BuildPhase, PhaseFigures>> = {};
  private current: BuildPhase | null = null;
  private started = 0;
  private cpuStarted = 0;
  private peakAtStart = 0;
  private sampled = 0;
  private steps = 0;

  phase(phase: BuildPhase): void {
    this.close();
    this.current = phase;
    this.started = performance.now();
    this.cpuStarted = cpuSecondsNow();
    this.peakAtStart = maxRssMiB();
    this.sampled = rssMiB();
  }

  step(): void {
    if (++this.steps % 256 === 0) this.sampled = Math.max(this.sampled, rssMiB());
  }

  done(): void {
    this.close();
    this.current = null;
  }

  private close(): void {
    if (this.current === null) return;
    const peak = maxRssMiB();
    const sampled = Math.max(this.sampled, rssMiB());
    const peakMiB = peak > this.peakAtStart ? peak : sampled;
    const seconds = (performance.now() - this.started) / 1000;
    const cpuSeconds = cpuSecondsNow() - this.cpuStarted;
    const earlier = this.phases[this.current];
    this.phases[this.current] = {
      seconds: (earlier?.seconds ?? 0) + seconds,
      cpuSeconds: (earlier?.cpuSeconds ?? 0) + cpuSeconds,
      peakMiB: Math.max(earlier?.peakMiB ?? 0, peakMiB),
    };
  }
}

/** Processor seconds the process has used, in user and system mode. */
function cpuSecondsNow(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

function rssMiB(): number {
  return Math.round(process.memoryUsage.rss() / 2 ** 20);
}

/** The process's peak resident set so far (maxRSS is in KiB). */
function maxRssMiB(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
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

const measure = flag('--measure');
if (measure === 'build' || measure === 'floor') {
  runMeasurement(measure, corpora, flag('--result')!, process.argv.includes('--matcher'));
} else {
  runBenchmark();
}
