// Event coverage stays bounded in time and memory whatever the shape of a rule's condition.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { eventCoverage } from '../../src/analysis/event-coverage.js';
import { lowerRule } from '../sigma/rule-text.js';


/** A process-creation rule whose condition is `all of s*` over the given selection bodies. */
function allOfSelections(bodies: string[]): string {
  const selections = bodies.map((body, i) => `    s${i}:\n${body}`);
  return [
    'title: Many selections',
    'id: 00000000-0000-4000-8000-000000000002',
    'logsource:',
    '    product: windows',
    '    category: process_creation',
    'detection:',
    ...selections,
    '    condition: all of s*',
    'level: low',
    '',
  ].join('\n');
}

/** `provider id` of the process-creation events the catalog knows. */
const PROCESS_CREATION = ['Microsoft-Windows-Security-Auditing 4688', 'Microsoft-Windows-Sysmon 1'];

describe('event coverage of conditions with many ways to match', () => {
  test('16 selections of four values each, all required, give the log source events', () => {
    const bodies = Array.from({ length: 16 }, (_, i) => `        a${i}: [0, 1, 2, 3]`);
    const rule = lowerRule(allOfSelections(bodies));
    const events = eventCoverage(rule).map((e) => `${e.provider} ${e.eventId}`);
    assert.deepEqual(events, PROCESS_CREATION);
  });

  test('2,000 selections of event, channel and provider alternatives take under a second', () => {
    const bodies = Array.from({ length: 2000 }, (_, i) =>
      [
        `        - EventID: ${4600 + i}`,
        `        - Channel: Channel${i}`,
        `        - Provider_Name: Provider${i}`,
        `        - Image: tool${i}.exe`,
      ].join('\n'),
    );
    const rule = lowerRule(allOfSelections(bodies));
    const events = eventCoverage(rule).map((e) => `${e.provider} ${e.eventId}`);
    assert.deepEqual(events, PROCESS_CREATION);
  });
});
