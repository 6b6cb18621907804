// `ruledex serve --db FILE [--port N] [--host H]`: serves a catalog's pages and JSON API,
// on loopback unless told otherwise, until interrupted.

import { Command } from 'commander';
import { DEFAULT_HOST, DEFAULT_PORT, startServer } from '../web/start-server.js';
import { parsePort } from './port-option.js';

interface ServeOptions {
  db: string;
  port: number;
  host: string;
}

export function serveCommand(): Command {
  return new Command('serve')
    .description('serve a catalog as web pages and a JSON API under /api/')
    .requiredOption('--db <file>', 'catalog file written by `ruledex build`')
    .option('--port <n>', 'port to listen on (0 picks a free one)', parsePort, DEFAULT_PORT)
    .option('--host <address>', 'address to listen on', DEFAULT_HOST)
    .action((options: ServeOptions) => serve(options));
}

/** Loopback addresses: anything else exposes the catalog to the network. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);

async function serve(options: ServeOptions): Promise<void> {
  if (!LOOPBACK_HOSTS.has(options.host) && !options.host.startsWith('127.')) {
    process.stderr.write(
      `ruledex: warning: listening on ${options.host}, not loopback: other machines can read `
        + 'this catalog\n',
    );
  }
  const server = await startServer(options);
  process.stdout.write(`ruledex serving ${options.db} at ${server.url}\n`);

  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
