// `ruledex report events --db FILE [--json]`: per source, how many rules resolve to at least one
// known Windows event, the events most used, and why the other rules resolve to none.

import { Command } from 'commander';
import { eventReport, type EventReport } from '../analysis/event-report.js';
import { openCatalog } from '../store/catalog.js';
import { everyRule } from './report.js';
import { terminalSafe } from './terminal-safe.js';

interface EventsOptions {
  db: string;
  json?: boolean;
}

/** Events listed per source in the text report. */
const TEXT_EVENTS = 10;

export function eventsReportCommand(): Command {
  return new Command('events')
    .description('rules resolving to known Windows events per source, and why the others do not')
    .requiredOption('--db <file>', 'catalog file written by `ruledex build`')
    .option('--json', 'print the report as JSON (see docs/json.md)')
    .action((options: EventsOptions) => runEventsReport(options));
}

function runEventsReport(options: EventsOptions): void {
  const catalog = openCatalog(options.db);
  let report: EventReport;
  try {
    report = eventReport(everyRule(catalog));
  } finally {
    catalog.close();
  }
  process.stdout.write(options.json ? `${JSON.stringify(report)}\n` : reportText(report));
}

function reportText(report: EventReport): string {
  const lines: string[] = [];
  for (const [source, s] of Object.entries(report.sources)) {
    const percent = (s.share * 100).toFixed(1);
    lines.push(
      `${source}: ${s.withEvents}/${s.rules} rules resolve to a known event (${percent}%), `
        + `${s.distinctEvents} distinct events`,
    );
    for (const e of s.events.slice(0, TEXT_EVENTS)) {
      const title = e.title ? ` ${terminalSafe(e.title)}` : '';
      const event = terminalSafe(`${e.provider} ${e.eventId}`);
      lines.push(`  ${String(e.rules).padStart(5)}  ${event}${title}`);
    }
    for (const r of s.withoutEvents) {
      const example = terminalSafe(r.examples[0] ?? '');
      const reason = terminalSafe(r.reason);
      lines.push(`  ${String(r.rules).padStart(5)}  without events: ${reason}, e.g. ${example}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
