import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { attackCatalog } from '../../src/attack/attack-catalog.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const reference = path.resolve(repoRoot, '../shared/reference/attack');
const skipReference = !existsSync(reference) && process.env.CI !== 'true';
const scratch = mkdtempSync(path.join(tmpdir(), 'ruledex-attack-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

function compile(args: string[]): Record<string, unknown> {
  const out = path.join(scratch, `attack-${args.length}-${Date.now()}.json`);
  execFileSync(
    process.execPath,
    ['--import', 'tsx', path.join(repoRoot, 'scripts/compile-attack.ts'), ...args, '--out', out],
    { stdio: 'pipe' },
  );
  return JSON.parse(readFileSync(out, 'utf8'));
}

describe('compiled ATT&CK data', () => {
  test('T1047 is Windows Management Instrumentation under Execution', () => {
    assert.deepEqual(attackCatalog.technique('T1047'), {
      id: 'T1047',
      name: 'Windows Management Instrumentation',
      tactics: ['execution'],
    });
    assert.equal(attackCatalog.tactic('execution')?.id, 'TA0002');
  });

  test("v19's Stealth and Defense Impairment follow Defense Evasion in the matrix", () => {
    const order = attackCatalog.tactics.map((t) => t.shortName);
    const at = order.indexOf('defense-evasion');
    assert.deepEqual(order.slice(at, at + 3), ['defense-evasion', 'stealth', 'defense-impairment']);
    assert.deepEqual(attackCatalog.tactic('stealth'), {
      id: null,
      shortName: 'stealth',
      name: 'Stealth',
      order: at + 2,
      splitFrom: 'defense-evasion',
    });
    assert.equal(attackCatalog.tactics.length, 16);
  });

  test('a revoked technique keeps its name and its status', () => {
    assert.deepEqual(attackCatalog.technique('T1086'), {
      id: 'T1086',
      name: 'PowerShell',
      tactics: ['execution'],
      status: 'revoked',
    });
  });

  test('v19 names: added, renamed and retired techniques', () => {
    assert.deepEqual(attackCatalog.technique('T1685'), {
      id: 'T1685',
      name: 'Disable or Modify Tools',
      tactics: [],
    });
    assert.equal(attackCatalog.technique('T1211')?.name, 'Exploitation for Stealth');
    assert.equal(attackCatalog.technique('T1562')?.status, 'deprecated');
    assert.equal(attackCatalog.technique('T1562.001')?.status, 'deprecated');
    assert.equal(attackCatalog.technique('T1059.001')?.status, undefined);
  });

  const fresh = { skip: skipReference };
  test('the committed file is what the script makes from the reference data', fresh, () => {
    const committedFile = path.join(repoRoot, 'src/attack/attack-data.json');
    assert.deepEqual(compile([reference]), JSON.parse(readFileSync(committedFile, 'utf8')));
  });
});

describe('compiling a newer single-bundle STIX source', () => {
  const tactic = (id: string, shortName: string, name: string) => ({
    type: 'x-mitre-tactic',
    id: `x-mitre-tactic--${shortName}`,
    name,
    x_mitre_shortname: shortName,
    external_references: [{ source_name: 'mitre-attack', external_id: id }],
  });
  const technique = (id: string, name: string, phases: string[], extra: object = {}) => ({
    type: 'attack-pattern',
    id: `attack-pattern--${id}`,
    name,
    kill_chain_phases: phases.map((phase) => ({
      kill_chain_name: 'mitre-attack',
      phase_name: phase,
    })),
    external_references: [{ source_name: 'mitre-attack', external_id: id }],
    ...extra,
  });
  const matrix = (refs: string[]) => ({
    type: 'x-mitre-matrix',
    id: 'x-mitre-matrix--enterprise',
    tactic_refs: refs.map((r) => `x-mitre-tactic--${r}`),
    external_references: [{ source_name: 'mitre-attack', external_id: 'enterprise-attack' }],
  });

  function writeBundle(name: string, objects: object[]): string {
    const file = path.join(scratch, name);
    writeFileSync(file, JSON.stringify({ type: 'bundle', objects }));
    return file;
  }

  test('tactics follow the matrix; sub-techniques take their parent tactics; ids sort', () => {
    const bundle = writeBundle('older.json', [
      tactic('TA0003', 'persistence', 'Persistence'),
      tactic('TA0002', 'execution', 'Execution'),
      matrix(['execution', 'persistence']),
      technique('T1200', 'Second', ['persistence']),
      technique('T1100.001', 'Child', []),
      technique('T1100', 'Parent', ['execution', 'persistence']),
      technique('T1300', 'Gone', ['execution'], { revoked: true }),
    ]);
    const data = compile([bundle]);
    assert.deepEqual(data.tactics, [
      { id: 'TA0002', shortName: 'execution', name: 'Execution', order: 1 },
      { id: 'TA0003', shortName: 'persistence', name: 'Persistence', order: 2 },
    ]);
    assert.deepEqual(data.techniques, [
      { id: 'T1100', name: 'Parent', tactics: ['execution', 'persistence'] },
      { id: 'T1100.001', name: 'Child', tactics: ['execution', 'persistence'] },
      { id: 'T1200', name: 'Second', tactics: ['persistence'] },
      { id: 'T1300', name: 'Gone', tactics: ['execution'], status: 'revoked' },
    ]);
  });

  test('the v19 name list applies to a source without v19 tactics, not to one with them', () => {
    const names = path.join(scratch, 'names.tsv');
    writeFileSync(names, '# notes\nT1100\tRenamed\nT1400\tAdded\n');
    const objects = [
      tactic('TA0005', 'defense-evasion', 'Defense Evasion'),
      technique('T1100', 'Parent', ['defense-evasion']),
      technique('T1200', 'Retired', ['defense-evasion']),
    ];

    const older = compile([writeBundle('v18.json', objects), '--names', names]);
    assert.deepEqual(
      (older.tactics as { shortName: string }[]).map((t) => t.shortName),
      ['defense-evasion', 'stealth', 'defense-impairment'],
    );
    assert.deepEqual(older.techniques, [
      { id: 'T1100', name: 'Renamed', tactics: ['defense-evasion'] },
      { id: 'T1200', name: 'Retired', tactics: ['defense-evasion'], status: 'deprecated' },
      { id: 'T1400', name: 'Added', tactics: [] },
    ]);

    const v19 = [
      tactic('TA0005', 'stealth', 'Stealth'),
      tactic('TA0112', 'defense-impairment', 'Defense Impairment'),
      technique('T1100', 'Parent', ['stealth']),
      technique('T1200', 'Impairing', ['defense-impairment']),
    ];
    const newer = compile([writeBundle('v19.json', v19), '--names', names]);
    assert.equal(newer.names, undefined);
    assert.deepEqual(newer.techniques, [
      { id: 'T1100', name: 'Parent', tactics: ['stealth'] },
      { id: 'T1200', name: 'Impairing', tactics: ['defense-impairment'] },
    ]);
  });
});
