// `ruledex verify --db FILE [--events PATH] [--json]`: checks every neighbor claim of a catalog
// with witness events evaluated by the rules' own evaluators (docs/json.md, "verify").

import { Command } from 'commander';
import { searchNeighbors } from '../analysis/neighbors/find-neighbors.js';
import type { AnalyzedRule } from '../ir/index.js';
import { readEvents } from '../match/events/read-events.js';
import { openCatalog, type Catalog } from '../store/catalog.js';
import { checkClaimsOnEvents, type EventCheckReport } from '../verify/event-claims.js';
import { ClaimChecker } from '../verify/claim-check.js';
import { claimsToVerify } from '../verify/verify-claims.js';
import { VerifyTally, type ClaimToVerify, type VerifyReport } from '../verify/verify-report.js';
import { terminalSafe } from './terminal-safe.js';

/** Exit status when a claim failed: a witness or event one rule matched and the other did not. */
export const EXIT_FAILURES = 1;

/** Rules read from the catalog per query while walking it. */
const WALK_PAGE_SIZE = 500;

/** Failures listed on a terminal; --json lists them all. */
const FAILURES_SHOWN = 20;

interface VerifyOptions {
  db: string;
  events?: string;
  json?: boolean;
}

/** The JSON `verify --json` prints: the claims' report, its time, and the events check. */
export interface VerifyOutput extends Required<VerifyReport> {
  seconds: number;
  events?: EventCheckReport;
}

export function verifyCommand(): Command {
  return new Command('verify')
    .description('check every neighbor claim with witness events the rules must match')
    .requiredOption('--db <file>', 'catalog file written by `ruledex build`')
    .option('--events <path>', 'also check claims on these events (file or folder): a broader '
      + 'rule must match every event its narrower rule matches')
    .option('--json', 'print the report as JSON (see docs/json.md)')
    .action((options: VerifyOptions) => runVerify(options));
}

function runVerify(options: VerifyOptions): void {
  const started = performance.now();
  const catalog = openCatalog(options.db);
  let rules: AnalyzedRule[];
  try {
    rules = catalogRules(catalog);
  } finally {
    catalog.close();
  }

  const claims = claimsToVerify(searchNeighbors(rules), rules);
  const output: VerifyOutput = { ...checkedClaims(claims), seconds: 0 };
  if (options.events !== undefined) {
    output.events = checkClaimsOnEvents(claims, [...readEvents(options.events)]);
  }
  output.seconds = Math.round((performance.now() - started) / 100) / 10;

  process.stdout.write(options.json ? `${JSON.stringify(output)}\n` : outputText(output));
  const failed = output.failures.length + (output.events?.failures.length ?? 0);
  if (failed > 0) process.exitCode = EXIT_FAILURES;
}

/** Every claim checked, the first unknown ones named. */
function checkedClaims(claims: ClaimToVerify[]): Required<VerifyReport> {
  const checker = new ClaimChecker();
  const tally = new VerifyTally(claims.length);
  for (const claim of claims) tally.add(claim, checker.check(claim));
  return tally.report;
}

/**
 * Every rule of the catalog: the claims are found again from them, since the catalog keeps each
 * rule's listed neighbors (at most 20 per relation), not every claim.
 */
function catalogRules(catalog: Catalog): AnalyzedRule[] {
  const rules: AnalyzedRule[] = [];
  for (let page = 1; ; page += 1) {
    const listed = catalog.list({ page, pageSize: WALK_PAGE_SIZE });
    for (const item of listed.items) {
      const rule = catalog.rule(item.id);
      if (rule) rules.push(rule);
    }
    if (page * WALK_PAGE_SIZE >= listed.total) return rules;
  }
}

function outputText(output: VerifyOutput): string {
  const relations = Object.entries(output.byRelation).map(([r, n]) => `${n} ${r}`).join(', ');
  const reasons = Object.entries(output.unknownReasons).map(([r, n]) => `${n} ${r}`).join(', ');
  const lines = [
    `${output.claims} claims (${relations}), ${output.checked} checked with `
      + `${output.witnesses} witnesses in ${output.seconds.toFixed(1)} s`,
    `  ${output.confirmed} confirmed, ${output.unknown} unknown${reasons ? ` (${reasons})` : ''}, `
      + `${output.failures.length} failed`,
  ];
  for (const failure of output.failures.slice(0, FAILURES_SHOWN)) {
    lines.push(`  failed ${failure.relation}: ${failure.a} does not match the witness of `
      + `${failure.b}: ${terminalSafe(failure.reason)}`);
    lines.push(`    witness ${terminalSafe(JSON.stringify(failure.witness))}`);
  }
  lines.push(...moreLine(output.failures.length));
  lines.push(...unknownLines(output));
  if (output.events) lines.push(...eventLines(output.events));
  return `${lines.join('\n')}\n`;
}

/** The unknown claims the report names, one line each, and how many it left out. */
function unknownLines(output: VerifyOutput): string[] {
  const lines = output.unknownClaims.map(
    (claim) => `  unknown ${claim.relation}: ${claim.a} ${RELATION_SIGNS[claim.relation]} `
      + `${claim.b} (${claim.kind}): ${terminalSafe(claim.why)}`,
  );
  const omitted = output.unknown - output.unknownClaims.length;
  if (omitted > 0) lines.push(`  … and ${omitted} more unknown claims`);
  return lines;
}

/** How a claim's pair reads: `a ⊇ b` for a broader claim. */
const RELATION_SIGNS: Record<ClaimToVerify['relation'], string> = {
  broader: '⊇',
  equivalent: '=',
  overlapping: '∩',
};

function eventLines(events: EventCheckReport): string[] {
  const lines = [
    `events: ${events.events} events, ${events.claims} claims, ${events.checks} checks `
      + `(${events.undecided} undecided), ${events.failures.length} failed`,
  ];
  for (const failure of events.failures.slice(0, FAILURES_SHOWN)) {
    lines.push(`  failed ${failure.relation}: ${failure.a} does not match `
      + `${terminalSafe(failure.event.file)}#${failure.event.index}, which ${failure.b} matches: `
      + terminalSafe(failure.reason));
  }
  return [...lines, ...moreLine(events.failures.length)];
}

function moreLine(failures: number): string[] {
  if (failures <= FAILURES_SHOWN) return [];
  return [`  … and ${failures - FAILURES_SHOWN} more failures (--json lists all)`];
}
