// The real Splunk snapshot: every detection read and lowered, the reference rule exactly.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { finishRule } from '../../src/lower/finish-rule.js';
import { lowerSpl } from '../../src/lower/spl/lower-spl.js';
import { readSplunkRepository } from '../../src/sources/splunk/read-splunk.js';
import { shape } from './spl-fixture.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = path.resolve(repoRoot, '../shared/corpora/splunk');
const present = existsSync(corpus);
if (!present && process.env.CI === 'true') throw new Error(`Splunk corpus missing at ${corpus}`);

describe('Splunk corpus', { skip: present ? false : `no corpus at ${corpus}` }, () => {
  const started = performance.now();
  const read = present ? readSplunkRepository(corpus) : null;
  const rules = read ? read.documents.map((doc) => finishRule(
    doc,
    lowerSpl(doc, read.context),
  )) : [];
  const seconds = (performance.now() - started) / 1000;

  it('reads all 1,711 detection files, each as a document or a failure', () => {
    assert.ok(read);
    assert.equal(read.files, 1711);
    assert.equal(read.documents.length + read.failures.length, read.files);
  });

  it('lowers every non-deprecated detection, nearly all fully parsed', () => {
    const current = rules.filter((rule) => !rule.deprecated);
    const fully = current.filter((rule) => rule.fullyParsed).length;
    const all = rules.filter((rule) => rule.fullyParsed).length;
    console.log(
      `splunk: ${rules.length} rules, ${all} fully parsed;` +
        ` non-deprecated ${fully}/${current.length};` +
        ` ${seconds.toFixed(2)} s`,
    );
    assert.equal(current.length, 1613);
    assert.ok(fully / current.length >= 0.95, `${fully}/${current.length} fully parsed`);
  });

  it('never produces an empty filter stage', () => {
    for (const rule of rules) {
      for (const stage of rule.pipeline) {
        if (stage.effect === 'filter' && !stage.opaque) assert.ok(
          stage.predicate,
          `${rule.file} stage ${stage.index}`,
        );
      }
    }
  });

  it('lowers the reference rule into its five stages', () => {
    const rule = rules.find((r) => r.upstreamId === '2a048c14-4634-11ec-a618-3e22fbd008af');
    assert.ok(rule);
    assert.equal(
      rule.file,
      'detections/endpoint/remote_process_instantiation_via_wmi_and_powershell_script_block.yml',
    );
    assert.deepEqual(rule.diagnostics, []);
    assert.equal(rule.fullyParsed, true);
    assert.deepEqual(
      rule.pipeline.map((s) => [s.index, s.command, s.effect, s.origin?.macro ?? null]),
      [
        [1, 'search', 'filter', null],
        [2, 'stats', 'aggregate', null],
        [3, 'convert', 'format', 'security_content_ctime'],
        [4, 'convert', 'format', 'security_content_ctime'],
        [
          5,
          '`remote_process_instantiation_via_wmi_and_powershell_script_block_filter`',
          'tuning-hook',
          'remote_process_instantiation_via_wmi_and_powershell_script_block_filter'],
      ],
    );
    const [search, stats, firstTime] = rule.pipeline;
    assert.equal(
      shape(search.predicate),
      'and(or(source eq~ "WinEventLog:Microsoft-Windows-PowerShell/Operational", ' +
        'source eq~ "XmlWinEventLog:Microsoft-Windows-PowerShell/Operational"), ' +
        'EventCode eq~ 4104, ' +
        'ScriptBlockText contains~ "Invoke-WmiMethod", ' +
        'or(ScriptBlockText contains~ "-CN", ScriptBlockText contains~ "-ComputerName"), ' +
        'ScriptBlockText contains~ "-Class Win32_Process", ' +
        'ScriptBlockText contains~ "-Name create")',
    );
    const macroPart = search.predicate?.kind === 'and' ? search.predicate.args[0] : undefined;
    const sourceOrigin = macroPart?.kind === 'or' && macroPart.args[0].kind === 'predicate'
      ? macroPart.args[0].predicate.origin
      : undefined;
    assert.deepEqual(
      sourceOrigin,
      { macro: 'powershell', args: [], definedIn: 'macros/powershell.yml' },
    );
    assert.deepEqual(
      stats.groupBy,
      { fields: ['EventCode', 'ScriptBlockText', 'Computer', 'UserID'], filled: [] },
    );
    assert.deepEqual(firstTime.origin?.args, ['firstTime']);
    assert.equal(rule.pipeline[4].predicate, undefined);
  });
});
