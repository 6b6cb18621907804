// Starts the web application on a catalog file, on loopback unless told otherwise.

import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import { openCatalog } from '../store/catalog.js';
import { createApp } from './app.js';

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8417;

export interface ServerOptions {
  /** Catalog file to serve. */
  db: string;
  /** 0 picks a free port. */
  port?: number;
  host?: string;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Opens and checks the catalog (CatalogError when it cannot, or when its pages are damaged) and
 * resolves once the server listens.
 * LIMITATION: the server keeps the catalog file it opened — after a rebuild replaces the file,
 * pages show the old catalog until the server is restarted.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const catalog = openCatalog(options.db, { verify: true });
  const host = options.host ?? DEFAULT_HOST;
  const server = createAdaptorServer({ fetch: createApp(catalog).fetch }) as Server;

  try {
    await listen(server, options.port ?? DEFAULT_PORT, host);
  } catch (error) {
    catalog.close();
    throw error;
  }

  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          catalog.close();
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}

/** Why the server could not listen, said for the person who chose the port and host. */
export class ListenError extends Error {
  readonly userFacing = true;
  override readonly name = 'ListenError';
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const refuse = (error: NodeJS.ErrnoException) => {
      const why = error.code === 'EADDRINUSE' ? 'the port is in use' : error.message;
      reject(new ListenError(`cannot listen on ${host} port ${port}: ${why}`));
    };
    server.once('error', refuse);
    server.listen(port, host, () => {
      server.off('error', refuse);
      resolve();
    });
  });
}
