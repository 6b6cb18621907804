import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/web/start-server.js';
import { temporaryFolder, writeFixtureCatalog } from '../store/fixtures/catalog-file.js';
import { REFERENCE_SHAPED_ID, SHARED_UPSTREAM_ID } from '../store/fixtures/rules.js';
import { browserSkipReason, launchChromium, type TestBrowser } from './browser.js';

const skip = browserSkipReason() ?? false;
const folder = temporaryFolder();
let server: RunningServer;
let browser: TestBrowser;
let page: Page;

before(async () => {
  if (skip) return;
  server = await startServer({ db: writeFixtureCatalog(folder), port: 0 });
  browser = await launchChromium();
  page = await browser.newPage();
});

after(async () => {
  await browser?.close();
  await server?.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

/** The visible text of the section headed `heading` (an h2), up to the next h2. */
async function sectionText(heading: string): Promise<string> {
  const section = page.locator('section', { has: page.locator('h2', { hasText: heading }) });
  assert.equal(await section.count(), 1, `one section headed ${heading}`);
  return section.innerText();
}

test('the rule page shows every section of the reference page in a browser', { skip }, async () => {
  const response = await page.goto(`${server.url}rules/${encodeURIComponent(REFERENCE_SHAPED_ID)}`);
  assert.equal(response?.status(), 200);

  assert.equal(await page.locator('nav.breadcrumb').innerText(), 'Detection rules › Splunk');
  assert.equal(
    await page.locator('h1').innerText(),
    'Remote process start through WMI in a PowerShell script block',
  );
  const facts = await page.locator('article > dl.facts').innerText();
  assert.match(facts, /Authors\s+Fixture Author, Detection Team/);
  assert.equal(
    await page.locator('a', { hasText: 'upstream file' }).getAttribute('href'),
    'https://example.org/detections/endpoint/wmi_remote_start_from_script_block.yml',
  );
  assert.match(await page.locator('div.description').innerText(), /Invoke-WmiMethod/);

  assert.match(
    await sectionText('MITRE ATT&CK coverage'),
    /Execution TA0002\s+T1047 Windows Management Instrumentation/,
  );
  assert.match(
    await sectionText('Event coverage'),
    /Microsoft-Windows-PowerShell\s+4104\s+Script block logged/,
  );
  const stages = await sectionText('Stages and Predicates');
  for (const stage of ['1: search', '2: stats', '3: convert', '4: search']) {
    assert.ok(stages.includes(`Stage ${stage}`), stage);
  }
  assert.match(stages, /EventCode\s+eq\s+4104\s+ScriptBlockText/);
  assert.match(stages, /ANY OF\s+ScriptBlockText\s+contains\s+"-CN"/);
  assert.match(stages, /from macro powershell/);
  const indicators = await sectionText('Indicators');
  assert.match(indicators, /EventCode\s+event\.code\s+eq\s+4104\s*corpus 108/);
  assert.match(indicators, /"-ComputerName"\s*corpus 3 \(Splunk 3\)/);
  const neighbors = await sectionText('Neighbors');
  assert.match(neighbors, /Broader alternatives[\s\S]*Invoke-WmiMethod in a script block/);
  assert.match(neighbors, /Narrower variants[\s\S]*No narrower rule was found in this catalog\./);
  assert.match(await sectionText('Original query'), /`powershell` EventCode=4104/);
  assert.match(await sectionText('Diagnostics'), /No diagnostics/);
  assert.match(await sectionText('Metadata'), /Status\s+production/);
});

test('a neighbor link leads to the neighbor page', { skip }, async () => {
  await page.goto(`${server.url}rules/${encodeURIComponent(REFERENCE_SHAPED_ID)}`);
  await page.locator('#neighbors a', { hasText: 'Invoke-WmiMethod in a script block' }).click();
  await page.waitForURL(`**/rules/sigma%3A${SHARED_UPSTREAM_ID}`);
  assert.equal(await page.locator('h1').innerText(), 'Invoke-WmiMethod in a script block');
});

test('the search box finds rules', { skip }, async () => {
  await page.goto(server.url);
  await page.locator('main input[name=q]').fill('shell');
  await page.locator('main button[type=submit]').click();
  await page.waitForURL('**/search?q=shell');
  assert.ok((await page.locator('table.rules').innerText()).includes('WMI spawning a shell'));
});

test('a hostile title is shown as text, not run', { skip }, async () => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(`${server.url}rules/sigma%3Ahostile-1`);
  assert.equal(await page.locator('h1').innerText(), '<script>alert("title")</script>');
  assert.equal(await page.locator('img').count(), 0);
  assert.deepEqual(dialogs, []);
});
