import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { attackCoverage } from '../../src/analysis/attack-coverage.js';

const tacticsOf = (coverage: ReturnType<typeof attackCoverage>) =>
  coverage.map((group) => {
    const ids = group.techniques.map((t) => t.id);
    return `${group.tactic.shortName}: ${ids.join(' ')}`;
  });

describe('attack coverage', () => {
  test('T1047 sits under Execution with its name', () => {
    assert.deepEqual(attackCoverage({ techniques: ['T1047'], tactics: [] }), [
      {
        tactic: { id: 'TA0002', name: 'Execution', shortName: 'execution', known: true },
        techniques: [{ id: 'T1047', name: 'Windows Management Instrumentation', known: true }],
      },
    ]);
  });

  test('without tactic tags a technique goes under every tactic of it, in matrix order', () => {
    const coverage = attackCoverage({ techniques: ['T1053.005', 'T1003.001'], tactics: [] });
    assert.deepEqual(tacticsOf(coverage), [
      'execution: T1053.005',
      'persistence: T1053.005',
      'privilege-escalation: T1053.005',
      'credential-access: T1003.001',
    ]);
  });

  test("the rule's own tactic tags decide where a technique goes", () => {
    const coverage = attackCoverage({ techniques: ['T1053.005'], tactics: ['persistence'] });
    assert.deepEqual(tacticsOf(coverage), ['persistence: T1053.005']);
  });

  test('a technique under none of the tagged tactics goes to the tactic nobody claimed', () => {
    const coverage = attackCoverage({
      techniques: ['T1059.001', 'T1105'],
      tactics: ['execution', 'defense-impairment'],
    });
    assert.deepEqual(tacticsOf(coverage), [
      'execution: T1059.001',
      'defense-impairment: T1105',
    ]);
  });

  test('a v19 stealth tag takes a Defense Evasion technique; the tactic is not known', () => {
    const coverage = attackCoverage({ techniques: ['T1027'], tactics: ['stealth'] });
    assert.deepEqual(coverage, [
      {
        tactic: { id: null, name: 'Stealth', shortName: 'stealth', known: false },
        techniques: [{ id: 'T1027', name: 'Obfuscated Files or Information', known: true }],
      },
    ]);
  });

  test('tactic spellings from the three formats resolve to one tactic', () => {
    for (const spelling of ['lateral-movement', 'lateral_movement', 'Lateral Movement', 'TA0008']) {
      const [group] = attackCoverage({ techniques: ['T1021.002'], tactics: [spelling] });
      assert.deepEqual(group.tactic, {
        id: 'TA0008',
        name: 'Lateral Movement',
        shortName: 'lateral-movement',
        known: true,
      });
    }
  });

  test('a tactic missing from the data is kept with known false and no id', () => {
    const coverage = attackCoverage({ techniques: [], tactics: ['inhibit-response-function'] });
    assert.deepEqual(coverage, [
      {
        tactic: {
          id: null,
          name: 'Inhibit Response Function',
          shortName: 'inhibit-response-function',
          known: false,
        },
        techniques: [],
      },
    ]);
  });

  test('a revoked technique is shown with its name and known false', () => {
    const [group] = attackCoverage({ techniques: ['T1086'], tactics: [] });
    assert.equal(group.tactic.shortName, 'execution');
    assert.deepEqual(group.techniques, [{ id: 'T1086', name: 'PowerShell', known: false }]);
  });

  test('a technique v19 retired keeps its v18 name and tactic, known false', () => {
    const [group] = attackCoverage({ techniques: ['T1562.001'], tactics: [] });
    assert.equal(group.tactic.shortName, 'defense-evasion');
    assert.deepEqual(group.techniques, [
      { id: 'T1562.001', name: 'Disable or Modify Tools', known: false },
    ]);
  });

  test("a sub-technique missing from the data keeps its parent's tactics", () => {
    const [group] = attackCoverage({ techniques: ['t1059.999'], tactics: [] });
    assert.equal(group.tactic.shortName, 'execution');
    assert.deepEqual(group.techniques, [{ id: 'T1059.999', name: null, known: false }]);
  });

  test('a technique with no tactic anywhere goes under the unknown tactic, last', () => {
    const coverage = attackCoverage({ techniques: ['T9999', 'T1685', 'T1047'], tactics: [] });
    assert.deepEqual(tacticsOf(coverage), ['execution: T1047', 'unknown: T1685 T9999']);
    assert.deepEqual(coverage[1].tactic, {
      id: null,
      name: 'Unknown tactic',
      shortName: 'unknown',
      known: false,
    });
    assert.deepEqual(coverage[1].techniques[0], {
      id: 'T1685',
      name: 'Disable or Modify Tools',
      known: true,
    });
  });

  test('techniques are sorted by id and listed once', () => {
    const techniques = ['T1059.003', 'T1047', 'T1059.003'];
    const coverage = attackCoverage({ techniques, tactics: [] });
    assert.deepEqual(tacticsOf(coverage), ['execution: T1047 T1059.003']);
  });
});
