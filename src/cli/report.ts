// `ruledex report parse --db FILE [--json]`: per source, how many rules are fully parsed and
// which constructs keep the rest from it.

import { Command } from 'commander';
import { parseReport, type ParseReport } from '../analysis/parse-report.js';
import type { AnalyzedRule } from '../ir/index.js';
import { openCatalog, type Catalog } from '../store/catalog.js';
import { eventsReportCommand } from './report-events.js';
import { fieldsReportCommand } from './report-fields.js';
import { UsageError } from './usage-error.js';
import { terminalSafe } from './terminal-safe.js';

/** Rules read from the catalog per query while walking it. */
const WALK_PAGE_SIZE = 500;

interface ReportOptions {
  db: string;
  json?: boolean;
}

export function reportCommand(): Command {
  const report = new Command('report')
    .description('reports over a whole catalog: parse, fields or events')
    // Options given before the report's kind are caught here, to ask for the kind.
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw new UsageError(
        'report needs a kind: parse, fields or events (e.g. `ruledex report parse --db FILE`)',
      );
    });
  report
    .command('parse')
    .description('fully parsed rules per source, and the constructs behind the others')
    .requiredOption('--db <file>', 'catalog file written by `ruledex build`')
    .option('--json', 'print the report as JSON (see docs/json.md)')
    .action((options: ReportOptions) => runParseReport(options));
  report.addCommand(eventsReportCommand());
  report.addCommand(fieldsReportCommand());
  return report;
}

function runParseReport(options: ReportOptions): void {
  const catalog = openCatalog(options.db);
  let report: ParseReport;
  try {
    report = parseReport(everyRule(catalog));
  } finally {
    catalog.close();
  }
  process.stdout.write(options.json ? `${JSON.stringify(report)}\n` : reportText(report));
}

/** Every rule of the catalog, read page by page. */
export function* everyRule(catalog: Catalog): Generator<AnalyzedRule> {
  for (let page = 1; ; page++) {
    const listed = catalog.list({ page, pageSize: WALK_PAGE_SIZE });
    for (const item of listed.items) {
      const rule = catalog.rule(item.id);
      if (rule) yield rule;
    }
    if (page * WALK_PAGE_SIZE >= listed.total) return;
  }
}

function reportText(report: ParseReport): string {
  const lines: string[] = [];
  for (const [source, s] of Object.entries(report.sources)) {
    lines.push(
      `${source}: ${s.fullyParsed}/${s.rules} fully parsed `
        + `(not deprecated: ${s.current.fullyParsed}/${s.current.rules})`,
    );
    for (const c of s.constructs) {
      const example = terminalSafe(c.examples[0] ?? '');
      lines.push(`  ${String(c.rules).padStart(5)}  ${terminalSafe(c.construct)}  e.g. ${example}`);
      lines.push(`         ${terminalSafe(c.message)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
