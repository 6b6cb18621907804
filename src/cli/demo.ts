// `ruledex demo` (what `npm start` runs): builds the embedded demo corpus and serves it.

import { Command } from 'commander';
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { buildCatalogFile, type SourceDirectory } from '../build/build-catalog.js';
import type { SourceName } from '../ir/index.js';
import { startServer } from '../web/start-server.js';
import { checkCatalogTarget } from './catalog-target.js';
import { DEMO_ROOT, PACKAGE_ROOT } from './package-root.js';
import { parsePort } from './port-option.js';
import { terminalProgress } from './terminal-progress.js';

const DEMO_SOURCES: SourceName[] = ['splunk', 'sigma', 'elastic'];

const DEFAULT_DEMO_CATALOG = path.join(PACKAGE_ROOT, '.ruledex', 'demo.sqlite');

interface DemoOptions {
  db: string;
  port: number;
  host: string;
}

export function demoCommand(): Command {
  return new Command('demo')
    .description('build the embedded demo corpus and serve it (what `npm start` runs)')
    .option('--db <file>', 'catalog file to write', DEFAULT_DEMO_CATALOG)
    .option('--port <n>', 'port to listen on (0 picks a free one)', parsePort, 8417)
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .action((options: DemoOptions) => runDemo(options));
}

export function demoSources(): SourceDirectory[] {
  return DEMO_SOURCES.map((source) => ({ source, root: path.join(DEMO_ROOT, source) }));
}

async function runDemo(options: DemoOptions): Promise<void> {
  mkdirSync(path.dirname(options.db), { recursive: true });
  checkCatalogTarget(options.db);
  const progress = terminalProgress();
  let rules: number;
  try {
    rules = buildCatalogFile(demoSources(), options.db, progress).summary.rules;
  } finally {
    progress.done();
  }
  process.stderr.write(`ruledex: demo catalog of ${rules} rules in ${options.db}\n`);
  const server = await startServer({ db: options.db, port: options.port, host: options.host });
  process.stdout.write(`ruledex demo catalog: ${server.url}\n`);
}
