// The pages of correlation and filter rules link the rules they refer to, and the pages of the
// rules referred to link back, over a catalog built from our correlation fixtures.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { buildCatalogFile } from '../../src/build/build-catalog.js';
import { openCatalog } from '../../src/store/catalog.js';
import { createApp } from '../../src/web/app.js';
import { rulePage } from '../../src/web/rule-page/rule-page.js';
import { temporaryFolder } from '../store/fixtures/catalog-file.js';
import { lowerRule, ruleWithDetection } from './rule-text.js';

const root = path.resolve(fileURLToPath(import.meta.url), '../../fixtures/sigma/correlation');
const folder = temporaryFolder();
const db = path.join(folder, 'correlations.db');
buildCatalogFile([{ source: 'sigma', root }], db);
const catalog = openCatalog(db);
const app = createApp(catalog);
after(() => {
  catalog.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

const id = (suffix: string) => `sigma:7d2a0000-0000-4000-8000-0000000000${suffix}`;
const href = (suffix: string) => `/rules/${encodeURIComponent(id(suffix))}`;

/** The "Related rules" section of a rule's page, or '' when the page has none. */
async function relatedRules(suffix: string): Promise<string> {
  const response = await app.request(href(suffix));
  assert.equal(response.status, 200);
  const body = await response.text();
  const start = body.indexOf('<section id="references">');
  if (start < 0) return '';
  return body.slice(start, body.indexOf('</section>', start));
}

/** The rules a section links to, in order, as the suffixes of their ids. */
function linkedRules(section: string): string[] {
  const prefix = `href="/rules/${encodeURIComponent(id(''))}`;
  return section
    .split(prefix)
    .slice(1)
    .map((rest) => rest.slice(0, rest.indexOf('"')));
}

describe('the page of a correlation', () => {
  test('links each rule it combines, saying which are named by name', async () => {
    const section = await relatedRules('10');
    assert.ok(section.includes('<h3>Rules this correlation combines</h3>'));
    assert.deepEqual(linkedRules(section), ['11', '13']);
    assert.ok(section.includes('>Burst Of Rejected Passwords</a>'));
    assert.ok(section.includes('by name <code>rejected_password_burst</code>'));
  });

  test('marks a reference to no rule of the catalog', async () => {
    const section = await relatedRules('20');
    assert.deepEqual(linkedRules(section), ['13']);
    assert.ok(
      section.includes(
        '<code>a-rule-nobody-wrote</code>\n<span class="badge opaque">not in this catalog</span>',
      ),
    );
  });

  test('that another correlation refers to links back to it as well', async () => {
    const section = await relatedRules('11');
    assert.deepEqual(linkedRules(section), ['12', '10']);
    assert.ok(section.includes('<h3>Correlations and filters that refer to this rule</h3>'));
  });
});

describe('the page of a filter', () => {
  test('links the rules it applies to', async () => {
    const section = await relatedRules('40');
    assert.ok(section.includes('<h3>Rules this filter applies to</h3>'));
    assert.deepEqual(linkedRules(section), ['13', '13']);
  });
});

describe('the page of a rule others refer to', () => {
  test('lists the filters and correlations that name it, linked', async () => {
    const section = await relatedRules('13');
    assert.ok(!section.includes('Rules this'));
    assert.deepEqual(linkedRules(section), ['40', '20', '10']);
    assert.ok(section.includes('>Exclude The Admin Jump Host</a>'));
    assert.ok(section.includes(`(filter, <code>${id('40')}</code>)`));
    assert.ok(section.includes(`(correlation, <code>${id('10')}</code>)`));
  });

  test('of each correlation type', async () => {
    assert.deepEqual(linkedRules(await relatedRules('53')), ['50']);
    assert.deepEqual(linkedRules(await relatedRules('62')), ['60', '61']);
    assert.deepEqual(linkedRules(await relatedRules('71')), ['70']);
  });
});

test('a rule that neither refers to rules nor is referred to has no such section', () => {
  const rule = lowerRule(ruleWithDetection('sel:\n    A: 1\ncondition: sel'));
  const page = rulePage({
    ...rule,
    attack: [],
    events: [],
    indicators: [],
    neighbors: { broader: [], narrower: [] },
  }).markup;
  assert.ok(page.includes('<section id="stages">'));
  assert.ok(!page.includes('<section id="references">'));
});
