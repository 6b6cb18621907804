// Parses a `--port` value: a whole number from 0 to 65535 (0 lets the system choose).

import { UsageError } from './usage-error.js';

export function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d{1,5}$/.test(value) || port > 65535) {
    throw new UsageError(`--port takes a whole number from 0 to 65535, got "${value}"`);
  }
  return port;
}
