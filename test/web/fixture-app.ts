// The web application over the fixture catalog, for tests that send it requests in-process.

import fs from 'node:fs';
import path from 'node:path';
import type { Hono } from 'hono';
import { openCatalog, type Catalog } from '../../src/store/catalog.js';
import { createApp } from '../../src/web/app.js';
import { writeFixtureCatalog } from '../store/fixtures/catalog-file.js';

export interface FixtureApp {
  app: Hono;
  catalog: Catalog;
  file: string;
  close(): void;
}

export function fixtureApp(): FixtureApp {
  const file = writeFixtureCatalog();
  const catalog = openCatalog(file);
  return {
    app: createApp(catalog),
    catalog,
    file,
    close: () => {
      catalog.close();
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    },
  };
}
