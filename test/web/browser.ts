// Launches Debian's Chromium through playwright-core for page tests: headless, sandbox off,
// no network chatter, and a fresh profile folder removed on close.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface TestBrowser {
  context: BrowserContext;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export function chromiumInstalled(): boolean {
  return fs.existsSync(CHROMIUM_PATH);
}

/**
 * Why a browser test cannot run here, or null when it can. Outside CI a missing Chromium
 * skips the test; in CI (`CI=true`) it must fail instead, so the caller gets null there.
 */
export function browserSkipReason(): string | null {
  if (chromiumInstalled() || process.env.CI === 'true') return null;
  return `${CHROMIUM_PATH} is not installed (apt-get install chromium)`;
}

export async function launchChromium(): Promise<TestBrowser> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'ruledex-chromium-'));
  // A persistent context is how playwright accepts a profile folder of our choosing.
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_FLAGS,
    });
  } catch (error) {
    fs.rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  return {
    context,
    newPage: () => context.newPage(),
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
