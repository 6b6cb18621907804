// `ruledex build`: reads rule repositories and writes the SQLite catalog.

import { Command } from 'commander';
import path from 'node:path';
import {
  buildCatalogFile,
  type BuiltCatalog,
  type SourceDirectory,
} from '../build/build-catalog.js';
import type { ReadFailure } from '../sources/source-read.js';
import { checkCatalogTarget } from './catalog-target.js';
import { parseSourceOption } from './source-option.js';
import { terminalProgress } from './terminal-progress.js';
import { terminalSafe } from './terminal-safe.js';

/** Failures listed per source unless --verbose; the rest are counted. */
const FAILURES_SHOWN = 20;

interface BuildOptions {
  source: SourceDirectory[];
  db: string;
  json?: boolean;
  verbose?: boolean;
}

export function buildCommand(): Command {
  return new Command('build')
    .description('read rule repositories and write the catalog (a SQLite file)')
    .requiredOption(
      '--source <name=dir>',
      'a repository to read: splunk=DIR, sigma=DIR or elastic=DIR (repeatable); an Elastic '
        + "repository's hunting/ folder is read as source elastic-hunting",
      parseSourceOption,
    )
    .requiredOption('--db <file>', 'catalog file to write (replaced only when the build completes)')
    .option('--json', 'print only the build summary as JSON on stdout')
    .option('--verbose', 'list every failure and the diagnostics by kind')
    .action((options: BuildOptions) => runBuild(options));
}

function runBuild(options: BuildOptions): void {
  const dbPath = path.resolve(options.db);
  checkCatalogTarget(dbPath);
  const progress = terminalProgress();
  let built: BuiltCatalog;
  try {
    built = buildCatalogFile(options.source, dbPath, progress);
  } finally {
    progress.done();
  }

  reportFailures(built.failures, options.verbose === true);
  for (const warning of built.warnings) process.stderr.write(`ruledex: warning: ${warning}\n`);
  if (options.verbose) reportDiagnostics(built);
  if (options.json) {
    process.stdout.write(`${JSON.stringify(built.summary)}\n`);
    return;
  }
  printSummary(built, options.db);
}

function reportFailures(failures: ReadFailure[], verbose: boolean): void {
  if (failures.length === 0) return;
  const bySource = new Map<string, ReadFailure[]>();
  for (const f of failures) bySource.set(f.source, [...(bySource.get(f.source) ?? []), f]);
  for (const [source, list] of bySource) {
    process.stderr.write(`ruledex: ${list.length} ${source} rule document(s) not stored:\n`);
    const shown = verbose ? list : list.slice(0, FAILURES_SHOWN);
    for (const f of shown) {
      process.stderr.write(`  ${terminalSafe(f.file)}:${f.line}: ${terminalSafe(f.reason)}\n`);
    }
    if (shown.length < list.length) {
      process.stderr.write(`  … and ${list.length - shown.length} more (--verbose lists all)\n`);
    }
  }
}

function reportDiagnostics(built: BuiltCatalog): void {
  const byCode = new Map<string, number>();
  for (const rule of built.rules) {
    for (const d of rule.diagnostics) byCode.set(d.code, (byCode.get(d.code) ?? 0) + 1);
  }
  const sorted = [...byCode].sort((a, b) => b[1] - a[1]);
  process.stderr.write('ruledex: diagnostics by kind:\n');
  for (const [code, count] of sorted) {
    process.stderr.write(`  ${String(count).padStart(6)} ${code}\n`);
  }
}

function printSummary(built: BuiltCatalog, db: string): void {
  const rows = Object.entries(built.summary.sources).map(([source, s]) =>
    [source, s.files, s.documents, s.rules, s.failed, s.withDiagnostics, s.fullyParsed],
  );
  const header = [
    'source', 'files', 'documents', 'rules', 'failed', 'withDiagnostics', 'fullyParsed',
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells: unknown[]) =>
    cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i])))
      .join('  ');
  process.stdout.write(`${line(header)}\n`);
  for (const row of rows) process.stdout.write(`${line(row)}\n`);
  process.stdout.write(
    `${built.summary.rules} rules stored in ${db} in ${built.summary.seconds.toFixed(1)}s\n`,
  );
}
