// The three public snapshots built into one catalog: counts add up against the files on disk,
// no rule is shown with an empty stage, and the reference rule carries every section.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parseReport } from '../../src/analysis/parse-report.js';
import type { AnalyzedRule } from '../../src/ir/index.js';
import { predicatesOf } from '../../src/ir/index.js';
import { openCatalog, type Catalog } from '../../src/store/catalog.js';
import { ruleJson } from '../../src/web/rule-json.js';
import { startServer } from '../../src/web/start-server.js';
import { browserSkipReason, launchChromium } from '../web/browser.js';
import { schemaErrors } from '../web/json-schemas.js';
import { corpusPath, corpusSkip, REPO_ROOT } from './corpora.js';
import { corpusCatalog, type CorpusCatalog } from './corpus-catalog.js';

const skip = corpusSkip();
const REFERENCE_ID = 'splunk:2a048c14-4634-11ec-a618-3e22fbd008af';

let corpus: CorpusCatalog;
let catalog: Catalog;
let reference: AnalyzedRule;

before(() => {
  if (skip) return;
  corpus = corpusCatalog();
  catalog = openCatalog(corpus.db);
  const found = catalog.rule(REFERENCE_ID);
  assert.ok(found, `${REFERENCE_ID} is in the catalog`);
  reference = found;
});

after(() => {
  catalog?.close();
  corpus?.remove();
});

/** Files under `root/sub` whose names end with `extension`, counted straight from the disk. */
function countFiles(root: string, sub: string, extension: string): number {
  const entries = readdirSync(path.join(root, sub), { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith(extension)).length;
}

function rulesFolders(root: string): string[] {
  const folders = readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory() && (e.name.startsWith('rules') || e.name === 'deprecated'));
  return folders.map((e) => e.name);
}

describe('building the three public snapshots', { skip }, () => {
  test('every rule file is read: the snapshot counts taken from disk', () => {
    const { sources } = corpus.built.summary;
    const splunkFiles = countFiles(corpusPath('splunk'), 'detections', '.yml');
    const sigmaRoot = corpusPath('sigma');
    const sigmaFiles = rulesFolders(sigmaRoot)
      .reduce((sum, folder) => sum + countFiles(sigmaRoot, folder, '.yml'), 0);
    const elasticFiles = countFiles(corpusPath('elastic'), 'rules', '.toml')
      + countFiles(corpusPath('elastic'), 'rules_building_block', '.toml');

    assert.deepEqual(
      [splunkFiles, sigmaFiles, elasticFiles],
      [1711, 3952, 2192],
      'the snapshots hold the expected numbers of rule files',
    );
    assert.equal(sources.splunk?.files, splunkFiles);
    assert.equal(sources.sigma?.files, sigmaFiles);
    assert.equal(sources.elastic?.files, elasticFiles);
  });

  test('documents = rules + failed for every source, and the rules add up', () => {
    const { summary } = corpus.built;
    let rules = 0;
    for (const [source, s] of Object.entries(summary.sources)) {
      assert.equal(s.documents, s.rules + s.failed, source);
      assert.ok(s.fullyParsed <= s.rules, source);
      rules += s.rules;
    }
    assert.equal(summary.rules, rules);
    assert.equal(catalog.summary().rules, rules);
    assert.deepEqual(schemaErrors('build-summary', summary), []);
  });

  test('every failure names its file, line and reason, and the file exists', () => {
    for (const failure of corpus.built.failures) {
      assert.ok(failure.line >= 1, `${failure.file}: line`);
      assert.ok(failure.reason.length > 0, `${failure.file}: reason`);
      const root = corpusPath(failure.source as 'splunk' | 'sigma' | 'elastic');
      const listed = readdirSync(path.dirname(path.join(root, failure.file)));
      assert.ok(listed.includes(path.basename(failure.file)), failure.file);
    }
  });

  test('no stage is an empty filter: each filter has a predicate or is marked opaque', () => {
    const empty = corpus.built.rules.flatMap((rule) =>
      rule.pipeline
        .filter((s) => s.effect === 'filter' && !s.predicate && !s.opaque)
        .filter((s) => !isModelledStage(s.command))
        .map((s) => `${rule.id} stage ${s.index} ${s.command}`),
    );
    assert.deepEqual(empty.slice(0, 10), []);
  });

  test('rules not fully parsed say why in a diagnostic', () => {
    const silent = corpus.built.rules
      .filter((r) => !r.fullyParsed && r.diagnostics.length === 0)
      .map((r) => r.id);
    assert.deepEqual(silent.slice(0, 10), []);
  });

  test('the parse report agrees with the summary and explains every rule not fully parsed', () => {
    const report = parseReport(corpus.built.rules);
    for (const [source, s] of Object.entries(corpus.built.summary.sources)) {
      const reported = report.sources[source as keyof typeof report.sources];
      assert.equal(reported?.fullyParsed, s.fullyParsed, source);
      assert.equal(reported?.rules, s.rules, source);
      const constructs = reported?.constructs.map((c) => c.construct) ?? [];
      assert.ok(!constructs.includes('unexplained'), source);
    }
    assert.deepEqual(schemaErrors('parse-report', report), []);
  });

  test('more than 95% of the rules of each source are fully parsed', () => {
    for (const [source, s] of Object.entries(corpus.built.summary.sources)) {
      // A quarter of the hunting queries are osquery SQL, which ruledex does not parse.
      if (source === 'elastic-hunting') continue;
      assert.ok(s.fullyParsed / s.rules > 0.95, `${source}: ${s.fullyParsed}/${s.rules}`);
    }
  });
});

/** Stages whose whole meaning is in their arguments (rule types without a query predicate). */
function isModelledStage(command: string): boolean {
  return ['machine_learning', 'threat_match'].includes(command);
}

describe('the reference rule (Splunk 2a048c14…)', { skip }, () => {
  test('its stages: powershell macro expanded, stats, two time formats, the tuning hook', () => {
    const stages = reference.pipeline.map((s) => [s.index, s.command, s.effect, s.origin?.macro]);
    assert.deepEqual(stages, [
      [1, 'search', 'filter', undefined],
      [2, 'stats', 'aggregate', undefined],
      [3, 'convert', 'format', 'security_content_ctime'],
      [4, 'convert', 'format', 'security_content_ctime'],
      [
        5,
        '`remote_process_instantiation_via_wmi_and_powershell_script_block_filter`',
        'tuning-hook',
        'remote_process_instantiation_via_wmi_and_powershell_script_block_filter',
      ],
    ]);
    const search = reference.pipeline[0].predicate;
    assert.ok(search);
    const fromMacro = [...predicatesOf(search)]
      .filter(({ predicate }) => predicate.origin?.macro === 'powershell')
      .map(({ predicate }) => `${predicate.field} ${predicate.op} ${predicate.values[0]}`);
    assert.deepEqual(fromMacro, [
      'source eq WinEventLog:Microsoft-Windows-PowerShell/Operational',
      'source eq XmlWinEventLog:Microsoft-Windows-PowerShell/Operational',
    ]);
    assert.deepEqual(reference.pipeline[1].groupBy?.fields,
      ['EventCode', 'ScriptBlockText', 'Computer', 'UserID']);
    assert.equal(reference.fullyParsed, true);
  });

  test('its indicators include EventCode 4104, shared by more than 50 other rules', () => {
    const eventCode = reference.indicators.find((i) => i.field === 'EventCode');
    assert.ok(eventCode);
    assert.equal(eventCode.op, 'eq');
    assert.equal(eventCode.values.length, 1);
    assert.equal(eventCode.values[0].value, 4104);
    assert.ok(eventCode.values[0].corpus.total > 50, `corpus ${eventCode.values[0].corpus.total}`);
    assert.equal(eventCode.values[0].corpus.total,
      Object.values(eventCode.values[0].corpus.bySource).reduce((a, b) => a + (b ?? 0), 0));
    const script = reference.indicators.find((i) => i.field === 'ScriptBlockText');
    assert.deepEqual(script?.values.map((v) => v.value),
      ['Invoke-WmiMethod', '-CN', '-ComputerName', '-Class Win32_Process', '-Name create']);
  });

  test('its ATT&CK coverage: T1047 under Execution, with names', () => {
    assert.deepEqual(reference.attack, [
      {
        tactic: { id: 'TA0002', name: 'Execution', shortName: 'execution', known: true },
        techniques: [{ id: 'T1047', name: 'Windows Management Instrumentation', known: true }],
      },
    ]);
  });

  test('its event coverage: the PowerShell 4104 event with a title', () => {
    assert.equal(reference.events.length, 1);
    const [event] = reference.events;
    assert.equal(event.provider, 'Microsoft-Windows-PowerShell');
    assert.equal(event.eventId, 4104);
    assert.ok(event.title && event.title.length > 0);
  });

  test('show --json prints it with every section, valid against the schema', () => {
    const output = execFileSync(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'show', REFERENCE_ID, '--db', corpus.db, '--json'],
      { cwd: REPO_ROOT, encoding: 'utf8' },
    );
    const shown = JSON.parse(output);
    assert.deepEqual(schemaErrors('rule', shown), []);
    assert.deepEqual(shown, JSON.parse(JSON.stringify(ruleJson(reference))));
    for (const key of ['stages', 'indicators', 'attack', 'events', 'neighbors']) {
      assert.ok(key in shown, key);
    }
    assert.equal(shown.url,
      'https://github.com/splunk/security_content/blob/b13b314aed0e1778335a55620474e7d27289a20a/'
      + 'detections/endpoint/remote_process_instantiation_via_wmi_and_powershell_script_block.yml');
  });

  test('a bare upstream id shared by two sources is ambiguous and lists both', () => {
    const bySource = new Map<string, Set<string>>();
    for (const rule of corpus.built.rules) {
      const sources = bySource.get(rule.upstreamId) ?? new Set<string>();
      sources.add(rule.source);
      bySource.set(rule.upstreamId, sources);
    }
    const shared = [...bySource].find(([, sources]) => sources.size > 1);
    assert.ok(shared, 'the snapshots repeat an upstream id across sources');
    const resolution = catalog.resolve(shared[0]);
    assert.equal(resolution.kind, 'ambiguous');
    assert.equal(resolution.kind === 'ambiguous' && resolution.candidates.length, shared[1].size);
  });
});

const browserSkip = skip || browserSkipReason() || false;

describe('the reference rule page in headless Chromium', { skip: browserSkip }, () => {
  test('shows every section of the reference page with the rule\'s content', async () => {
    const server = await startServer({ db: corpus.db, port: 0 });
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const response = await page.goto(`${server.url}rules/${encodeURIComponent(REFERENCE_ID)}`);
      assert.equal(response?.status(), 200);

      const section = async (heading: string) => {
        const found = page.locator('section', { has: page.locator('h2', { hasText: heading }) });
        assert.equal(await found.count(), 1, `one section headed ${heading}`);
        return found.innerText();
      };
      assert.equal(await page.locator('nav.breadcrumb').innerText(), 'Detection rules › Splunk');
      assert.equal(await page.locator('h1').innerText(),
        'Remote Process Instantiation via WMI and PowerShell Script Block');
      assert.match(await page.locator('article > dl.facts').innerText(),
        /Authors\s+Mauricio Velazco, Splunk/);
      assert.equal(
        await page.locator('a', { hasText: 'upstream file' }).getAttribute('href'),
        reference.url,
      );
      assert.match(await page.locator('div.description').innerText(), /Invoke-WmiMethod/);
      assert.match(await section('MITRE ATT&CK coverage'),
        /Execution\s+TA0002\s+T1047\s+Windows Management Instrumentation/);
      assert.match(await section('Event coverage'), /Microsoft-Windows-PowerShell\s+4104\s+\S/);

      const stages = await section('Stages and Predicates');
      for (const stage of ['1: search', '2: stats', '3: convert', '4: convert', '5: `remote']) {
        assert.ok(stages.includes(`Stage ${stage}`), stage);
      }
      assert.match(stages, /from macro powershell/);
      assert.match(stages, /from macro security_content_ctime\(firstTime\)/);
      // Each predicate shows its written field, then its canonical (ECS) field.
      assert.match(stages, /EventCode\s+\(event\.code\)\s+eq\s+4104/);
      assert.match(
        stages,
        /ANY OF\s+ScriptBlockText\s+\(powershell\.file\.script_block_text\)\s+contains\s+"-CN"/,
      );

      assert.match(await section('Indicators'), /EventCode[\s\S]*4104\s*corpus \d{2,}/);
      const neighbors = await section('Neighbors');
      assert.match(neighbors, /Broader alternatives/);
      assert.match(neighbors, /Narrower variants/);
      assert.match(await section('Original query'), /`powershell` EventCode=4104/);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
