// The demo corpus was written with known broader/narrower pairs (demo/README.md): the neighbors
// found must be exactly those, in both directions, and nothing else.

import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { buildCatalog, type BuiltCatalog } from '../../src/build/build-catalog.js';
import { REPO_ROOT } from '../corpus/corpora.js';

/** [source, narrower rule title, broader rule title] */
const INTENDED_PAIRS: [string, string, string][] = [
  ['splunk', 'WMI Process Creation on Remote Host via PowerShell Script Block',
    'Invoke-WmiMethod Win32_Process Create in Script Block'],
  ['splunk', 'PowerShell Script Block Decodes Compressed Base64 Content',
    'PowerShell Script Block Decodes Base64 Content'],
  ['splunk', 'Rundll32 RunHTMLApplication With JavaScript',
    'Rundll32 With JavaScript in Command Line'],
  ['splunk', 'System32 Rundll32 Dumping Process Memory via Comsvcs',
    'Rundll32 Dumping Process Memory via Comsvcs'],
  ['splunk', 'LSASS Opened With Full Access', 'LSASS Opened With Memory Read Rights'],
  ['splunk', 'WMIC Remote Process Creation With Explicit Credentials',
    'WMIC Process Call Create on Remote Node'],
  ['sigma', 'Rundll32 RunHTMLApplication JavaScript One-Liner',
    'Rundll32 Command Line With JavaScript URL'],
  ['sigma', 'PowerShell Encoded Command With Long Payload',
    'PowerShell Started With Encoded Command Switch'],
  ['sigma', 'WMIC Remote Process Creation With Typed Credentials',
    'WMIC Process Call Create on Remote Node'],
  ['sigma', 'System32 LSASS Opened With All Access Rights',
    'LSASS Handle Requested With Memory Read Rights'],
  ['sigma', 'Remote Process Creation Through Invoke-WmiMethod in Script Block',
    'Process Creation Through Invoke-WmiMethod in Script Block'],
  ['sigma', 'Script Block Decompressing Base64 Payload', 'Script Block Decoding Base64'],
  ['elastic', 'Rundll32 RunHTMLApplication Script Execution',
    'Rundll32 Executing a JavaScript URL'],
  ['elastic', 'Rundll32 Started Through WMI',
    'Script Interpreter or Proxy Binary Started Through WMI'],
  ['elastic', 'LSASS Full Access via Sysmon', 'LSASS Memory Read Access via Sysmon'],
  ['elastic', 'PowerShell Script Block Unpacking Compressed Base64',
    'PowerShell Script Block With Base64 Decoding'],
  ['elastic', 'Office Application Launching Encoded PowerShell',
    'PowerShell Launched With Encoded Command'],
  ['elastic', 'Repeated Encoded PowerShell Launches by One User',
    'Encoded PowerShell Command Line'],
];

let built: BuiltCatalog;

before(() => {
  built = buildCatalog((['splunk', 'sigma', 'elastic'] as const).map((source) => ({
    source,
    root: path.join(REPO_ROOT, 'demo', source),
  })));
});

function pairs(relation: 'broader' | 'narrower'): string[] {
  return built.rules.flatMap((rule) =>
    rule.neighbors[relation].map((n) =>
      relation === 'broader'
        ? `${rule.source} | ${rule.title} | ${n.title}`
        : `${rule.source} | ${n.title} | ${rule.title}`,
    ),
  ).sort();
}

describe('neighbors in the demo corpus', () => {
  const expected = INTENDED_PAIRS.map((p) => p.join(' | ')).sort();

  test('every intended broader rule is found, and no other', () => {
    assert.deepEqual(pairs('broader'), expected);
  });

  test('each broader claim is mirrored by a narrower claim on the other rule', () => {
    assert.deepEqual(pairs('narrower'), expected);
  });

  test('a threshold rule is never broader than its plain counterpart', () => {
    const threshold = built.rules.find((r) => r.title.startsWith('Repeated Encoded PowerShell'));
    assert.deepEqual(threshold?.neighbors.narrower, []);
  });

  test('the EQL sequence and the Sigma correlation have no neighbors', () => {
    const unmodelled = built.rules.filter((r) =>
      r.pipeline.some((s) => s.command === 'sequence' || s.command === 'correlation'));
    assert.ok(unmodelled.length >= 2);
    for (const rule of unmodelled) {
      assert.deepEqual(rule.neighbors, { broader: [], narrower: [] }, rule.id);
    }
  });

  test('every claim gives a reason', () => {
    for (const rule of built.rules) {
      for (const n of [...rule.neighbors.broader, ...rule.neighbors.narrower]) {
        assert.ok(n.reason.length > 20, `${rule.id} → ${n.id}`);
      }
    }
  });
});
