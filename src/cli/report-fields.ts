// `ruledex report fields --db FILE [--json]`: per source, how many predicates of the event filters
// have a canonical field from ECS or a mapping table, and the fields left as written.

import { Command } from 'commander';
import { fieldReport, type FieldReport } from '../analysis/field-report.js';
import { openCatalog } from '../store/catalog.js';
import { everyRule } from './report.js';
import { terminalSafe } from './terminal-safe.js';

interface FieldsOptions {
  db: string;
  json?: boolean;
}

/** Unmapped fields listed per source in the text report. */
const TEXT_FIELDS = 15;

export function fieldsReportCommand(): Command {
  return new Command('fields')
    .description('predicates with a canonical field per source, and the unmapped fields')
    .requiredOption('--db <file>', 'catalog file written by `ruledex build`')
    .option('--json', 'print the report as JSON (see docs/json.md)')
    .action((options: FieldsOptions) => runFieldsReport(options));
}

function runFieldsReport(options: FieldsOptions): void {
  const catalog = openCatalog(options.db);
  let report: FieldReport;
  try {
    report = fieldReport(everyRule(catalog));
  } finally {
    catalog.close();
  }
  process.stdout.write(options.json ? `${JSON.stringify(report)}\n` : reportText(report));
}

function reportText(report: FieldReport): string {
  const lines: string[] = [];
  for (const [source, s] of Object.entries(report.sources)) {
    const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
    lines.push(
      `${source}: ${s.ecs + s.table}/${s.ecs + s.table + s.unmapped} predicates on fields mapped `
        + `(${percent(s.share)}): ${s.ecs} ECS, ${s.table} table, ${s.unmapped} unmapped; `
        + `field names matched ${s.fieldNames}`,
    );
    if (s.computed > 0) {
      lines.push(`  ${percent(s.vendorShare)} mapped leaving out the ${s.computed} on fields `
        + 'the rules compute themselves');
    }
    lines.push(`  ${s.pseudo} more on pseudo fields, not counted: raw text and log-source `
      + 'selectors (_raw, _index, sourcetype, logsource.*)');
    for (const f of s.unmappedFields.slice(0, TEXT_FIELDS)) {
      const computed = f.computed > 0 ? ` (${f.computed} computed)` : '';
      const count = String(f.predicates).padStart(5);
      const example = terminalSafe(f.examples[0] ?? '');
      lines.push(`  ${count}  ${terminalSafe(f.field)}${computed}  e.g. ${example}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
