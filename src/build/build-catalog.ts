// Builds a catalog from rule repositories: read → lower → analyse → neighbors, then store.

import { attackCoverage } from '../analysis/attack-coverage.js';
import { withCorpusCounts } from '../analysis/corpus-index.js';
import { eventCoverage } from '../analysis/event-coverage.js';
import { indicatorsOf } from '../analysis/indicators.js';
import { findNeighbors } from '../analysis/neighbors/find-neighbors.js';
import type {
  AnalyzedRule,
  BuildSummary,
  CatalogSource,
  Indicator,
  Neighbors,
  Rule,
  RuleDocument,
  SourceName,
  SourceSummary,
} from '../ir/index.js';
import { catalogId, finishRule, MAX_CATALOG_ID_LENGTH } from '../lower/finish-rule.js';
import { canonicalize } from '../semantics/canonicalize.js';
import { constrainLogSource } from '../semantics/log-source-constraints.js';
import type { LoweredQuery } from '../lower/lowered-query.js';
import type { ReadFailure } from '../sources/source-read.js';
import { writeCatalog } from '../store/write-catalog.js';
import type { BuildPhase, BuildProgress } from './build-progress.js';
import { SILENT_PROGRESS } from './build-progress.js';
import { SOURCE_KINDS, type SourceKind } from './source-kinds.js';

export interface SourceDirectory {
  source: SourceName;
  root: string;
}

export interface BuiltCatalog {
  rules: AnalyzedRule[];
  failures: ReadFailure[];
  summary: BuildSummary;
  sources: CatalogSource[];
  /** Seconds spent in each phase, for benchmarks. */
  phaseSeconds: Partial<Record<BuildPhase, number>>;
  /** Problems that lost no rule but the user should know of (unreadable context files…). */
  warnings: string[];
}

/** Reads, parses and analyses every rule of the given repositories, in memory. */
export function buildCatalog(
  directories: SourceDirectory[],
  progress: BuildProgress = SILENT_PROGRESS,
): BuiltCatalog {
  const started = performance.now();
  const clock = new PhaseClock();
  const rules: Rule[] = [];
  const failures: ReadFailure[] = [];
  const sources: CatalogSource[] = [];
  const summaries: Partial<Record<SourceName, SourceSummary>> = {};
  const warnings: string[] = [];

  for (const { source, root } of withCompanions(directories)) {
    const kind = SOURCE_KINDS[source];
    clock.start('read');
    progress.phase('read', `reading ${source}`);
    const read = kind.read(root, (file) => progress.step(file));
    clock.stop('read');

    // A companion's folder is optional: a repository may have rules and no hunting queries.
    const companion = kind.accompanies !== undefined;
    if (companion && read.files === 0) continue;

    clock.start('parse');
    progress.phase('parse', `parsing ${source}`, read.documents.length);
    const stored = lowerAll(kind, read.documents, read.context, failures, progress);
    clock.stop('parse');

    for (const failure of read.failures) failures.push(failure);
    for (const rule of stored) rules.push(rule);
    if (read.files === 0) warnings.push(`no ${source} rule files found under ${root}`);
    for (const problem of kind.contextProblems(read.context)) {
      warnings.push(`${source} ${problem.file}:${problem.line}: ${problem.reason}`);
    }
    sources.push({ source, root, commit: read.commit });
    summaries[source] = summarize(read.files, stored, failures, source);
  }

  clock.start('analyze');
  progress.phase('analyze', 'analysing', rules.length);
  const analyzed = analyze(rules, progress);
  clock.stop('analyze');

  clock.start('neighbors');
  progress.phase('neighbors', 'finding neighbors');
  const neighbors = neighborsOrNone(rules, warnings);
  for (const rule of analyzed) {
    rule.neighbors = neighbors.get(rule.id) ?? { broader: [], narrower: [] };
  }
  clock.stop('neighbors');

  const seconds = round((performance.now() - started) / 1000);
  return {
    rules: analyzed,
    failures,
    summary: { sources: summaries, rules: analyzed.length, seconds },
    sources,
    phaseSeconds: clock.seconds,
    warnings,
  };
}

/** Builds the catalog and writes it to `dbPath`, replacing the old file only when complete. */
export function buildCatalogFile(
  directories: SourceDirectory[],
  dbPath: string,
  progress: BuildProgress = SILENT_PROGRESS,
): BuiltCatalog {
  const built = buildCatalog(directories, progress);
  const started = performance.now();
  progress.phase('store', `writing ${dbPath}`);
  built.summary.seconds = round(built.summary.seconds);
  writeCatalog(dbPath, built);
  built.phaseSeconds.store = round((performance.now() - started) / 1000);
  built.summary.seconds = round(built.summary.seconds + built.phaseSeconds.store);
  return built;
}

/** Each directory, followed by the companion sources read from the same folder. */
function withCompanions(directories: SourceDirectory[]): SourceDirectory[] {
  return directories.flatMap((directory) => [
    directory,
    ...(SOURCE_KINDS[directory.source].companions ?? []).map((source) => ({
      source,
      root: directory.root,
    })),
  ]);
}

function lowerAll(
  kind: SourceKind,
  documents: RuleDocument[],
  context: unknown,
  failures: ReadFailure[],
  progress: BuildProgress,
): Rule[] {
  const seen = new Map<string, string>();
  const rules: Rule[] = [];
  for (const doc of documents) {
    progress.step(doc.file);
    const id = catalogId(doc);
    // The web refuses longer ids, so such a rule could be listed but never opened.
    if (id.length > MAX_CATALOG_ID_LENGTH) {
      failures.push({
        source: doc.source,
        file: doc.file,
        line: doc.line,
        reason: `id longer than ${MAX_CATALOG_ID_LENGTH} characters ` +
          `(with its source, ${doc.source}:…, it has ${id.length})`,
      });
      continue;
    }
    const earlier = seen.get(id);
    if (earlier !== undefined) {
      failures.push({
        source: doc.source,
        file: doc.file,
        line: doc.line,
        reason: `duplicate id ${doc.upstreamId}: already used by ${earlier}`,
      });
      continue;
    }
    seen.set(id, `${doc.file}:${doc.line}`);
    const rule = finishRule(doc, lowerSafely(kind, doc, context));
    constrainLogSource(rule, context);
    canonicalize(rule);
    rules.push(rule);
  }
  return rules;
}

/** A lowering bug must not lose the rule: it is stored with the failure as a diagnostic. */
function lowerSafely(kind: SourceKind, doc: RuleDocument, context: unknown): LoweredQuery {
  try {
    return kind.lower(doc, context);
  } catch (error) {
    const message = messageOf(error);
    return {
      pipeline: [
        {
          index: 1,
          command: 'query',
          text: doc.query,
          effect: 'filter',
          args: {},
          opaque: true,
        },
      ],
      diagnostics: [
        {
          severity: 'error',
          code: 'internal.lowering-failed',
          message: `ruledex could not lower this rule: ${message}`,
          file: doc.file,
          line: doc.queryLine,
        },
      ],
    };
  }
}

function analyze(rules: Rule[], progress: BuildProgress): AnalyzedRule[] {
  const indicators = new Map<string, Indicator[]>();
  for (const rule of rules) {
    indicators.set(rule.id, analysedSafely(rule, 'indicators', () => indicatorsOf(rule), []));
  }
  const counted = withCorpusCounts(rules, indicators);

  return rules.map((rule) => {
    progress.step(rule.id);
    return {
      ...rule,
      attack: analysedSafely(rule, 'ATT&CK coverage', () => attackCoverage(rule), []),
      events: analysedSafely(rule, 'event coverage', () => eventCoverage(rule), []),
      indicators: counted.get(rule.id) ?? [],
      neighbors: { broader: [], narrower: [] },
    };
  });
}

/**
 * An analysis bug on one rule must not stop the build: the rule keeps an empty section and a
 * diagnostic saying which analysis failed.
 */
function analysedSafely<T>(rule: Rule, analysis: string, run: () => T, empty: T): T {
  try {
    return run();
  } catch (error) {
    rule.diagnostics.push({
      severity: 'error',
      code: 'internal.analysis-failed',
      message: `ruledex could not compute the ${analysis} of this rule: ${messageOf(error)}`,
      file: rule.file,
      line: rule.line,
    });
    rule.fullyParsed = false;
    return empty;
  }
}

/** Neighbors are a corpus-wide step: if it fails, the catalog is still built, without them. */
function neighborsOrNone(rules: Rule[], warnings: string[]): Map<string, Neighbors> {
  try {
    return findNeighbors(rules);
  } catch (error) {
    warnings.push(`neighbors could not be computed, the catalog lists none: ${messageOf(error)}`);
    return new Map();
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function summarize(
  files: number,
  rules: Rule[],
  failures: ReadFailure[],
  source: SourceName,
): SourceSummary {
  const failed = failures.filter((f) => f.source === source).length;
  return {
    files,
    documents: rules.length + failed,
    rules: rules.length,
    failed,
    withDiagnostics: rules.filter((r) => r.diagnostics.length > 0).length,
    fullyParsed: rules.filter((r) => r.fullyParsed).length,
  };
}

class PhaseClock {
  readonly seconds: Partial<Record<BuildPhase, number>> = {};
  private readonly started = new Map<BuildPhase, number>();

  start(phase: BuildPhase): void {
    this.started.set(phase, performance.now());
  }

  stop(phase: BuildPhase): void {
    const elapsed = (performance.now() - (this.started.get(phase) ?? performance.now())) / 1000;
    this.seconds[phase] = round((this.seconds[phase] ?? 0) + elapsed);
  }
}

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
