import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { searchNeighbors } from '../../src/analysis/neighbors/find-neighbors.js';
import type { EventRecord } from '../../src/match/event-record.js';
import { checkClaimsOnEvents } from '../../src/verify/event-claims.js';
import { verifyClaims, verifyRules } from '../../src/verify/verify-claims.js';
import type { ClaimToVerify, VerifiedRelation } from '../../src/verify/verify-report.js';
import { fixtureRule, fixtureRules, SIGMA_FILES } from './claim-fixtures.js';
import { buildRules, sigmaRule, splunkDetection } from './rule-repository.js';

function claim(relation: VerifiedRelation, a: string, b: string): ClaimToVerify {
  return { relation, a: fixtureRule(a), b: fixtureRule(b) };
}

/** A value as `verify --json` prints it. */
function asJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

/** The Sysmon process-creation event a Sigma witness of these rules is rendered as. */
function sysmonWitness(image: string, commandLine: string): object {
  return {
    Event: {
      System: {
        Channel: 'Microsoft-Windows-Sysmon/Operational',
        Provider: { '#attributes': { Name: 'Microsoft-Windows-Sysmon' } },
        EventID: 1,
      },
      // What the event model says of every Sysmon process creation, in each vendor's words.
      EventData: {
        'event.category': 'process',
        'event.dataset': 'windows.sysmon_operational',
        'event.type': 'start',
        'host.os.type': 'windows',
        _index: 'logs-windows.sysmon_operational-',
        source: 'XmlWinEventLog:Microsoft-Windows-Sysmon/Operational',
        sourcetype: 'XmlWinEventLog',
        Image: image,
        CommandLine: commandLine,
      },
    },
  };
}

describe('verify on claims the neighbor search makes', () => {
  test('each broader claim among and across Sigma and Splunk rules is confirmed', () => {
    const report = verifyRules([...fixtureRules().values()]);
    const { broader, equivalent } = report.byRelation;
    // Sigma's wide rule over its narrow one, Splunk's wide search over its narrow one and over
    // both Sigma rules: their Sysmon events are indexed with the sourcetype it asks for.
    assert.deepEqual(
      { broader, equivalent, unknown: report.unknown, failures: report.failures },
      { broader: 4, equivalent: 0, unknown: 0, failures: [] },
    );
    assert.equal(report.confirmed, report.claims);
  });
});

describe('verify on wrong claims', () => {
  test('a Sigma rule claimed broader than a wider one fails on the wider rule’s witness', () => {
    const report = verifyClaims([claim('broader', 'js-narrow', 'js-wide')]);
    assert.deepEqual(asJson(report.failures), [
      {
        relation: 'broader',
        a: 'sigma:js-narrow',
        b: 'sigma:js-wide',
        witness: sysmonWitness('\\rundll32.exe', 'javascript:'),
        reason: "selection: CommandLine|contains|all: ['javascript:', 'RunHTMLApplication']",
      },
    ]);
    assert.equal(report.checked, 1);
  });

  test('a Splunk search claimed broader than a wider one fails on the condition it adds', () => {
    const report = verifyClaims([claim('broader', 'spl-js-narrow', 'spl-js-wide')]);
    assert.deepEqual(asJson(report.failures), [
      {
        relation: 'broader',
        a: 'splunk:spl-js-narrow',
        b: 'splunk:spl-js-wide',
        witness: {
          Event: {
            System: {},
            EventData: {
              sourcetype: 'XmlWinEventLog',
              Image: '\\rundll32.exe',
              CommandLine: 'javascript:',
            },
          },
        },
        reason: 'EventCode=1',
      },
    ]);
  });

  test('an equivalence that holds one way only fails in the other', () => {
    const report = verifyClaims([claim('equivalent', 'js-wide', 'js-narrow')]);
    assert.equal(report.byRelation.equivalent, 1);
    assert.deepEqual(
      report.failures.map(({ relation, a, b }) => ({ relation, a, b })),
      [{ relation: 'equivalent', a: 'sigma:js-narrow', b: 'sigma:js-wide' }],
    );
  });
});

describe('verify across languages', () => {
  test('a Splunk search broader than a Sigma rule matches the witness in its own fields', () => {
    const report = verifyClaims([claim('broader', 'spl-js-wide', 'js-narrow')]);
    assert.equal(report.confirmed, 1);
    assert.equal(report.witnesses, 2);
  });

  test('the Sigma rule claimed broader than the Splunk search fails on the Splunk witness', () => {
    const report = verifyClaims([claim('broader', 'js-narrow', 'spl-js-wide')]);
    assert.deepEqual(report.failures.map((f) => [f.a, f.b, f.reason]), [
      [
        'sigma:js-narrow',
        'splunk:spl-js-wide',
        "selection: CommandLine|contains|all: ['javascript:', 'RunHTMLApplication']",
      ],
    ]);
  });

  test('a Sigma rule is not broader than a search reading every channel’s event code 1', () => {
    // Splunk's EventCode=1 on any Windows log is not Sigma's process_creation log source.
    const [failure] = verifyClaims([claim('broader', 'js-wide', 'spl-js-narrow')]).failures;
    assert.match(failure.reason, /^logsource: product: windows, category: process_creation/);
  });
});

/** A Sigma rule both cross-vendor overlap tests compare Splunk searches with. */
const SIGMA_RUNDLL32_JAVASCRIPT = sigmaRule('sigma-js', 'process_creation', [
  'selection:',
  "    Image|endswith: '\\rundll32.exe'",
  "    CommandLine|contains: 'javascript:'",
  'condition: selection',
]);

describe('verify on overlapping claims', () => {
  test('two rules with a common event are confirmed by one witness both match', () => {
    const report = verifyClaims([claim('overlapping', 'js-wide', 'wmi-child')]);
    assert.equal(report.confirmed, 1);
  });

  test('an overlap met only through a later value of a list is confirmed', () => {
    // The rules meet only through the viewer rule's third image; both command-line lists give
    // more combinations than a witness tries before it changes that image.
    const words = 'alpha bravo charlie delta echo foxtrot golf hotel india'.split(' ');
    const detection = (images: string[]) => [
      'selection:',
      '    Image|endswith:',
      ...images.map((image) => `        - '\\${image}'`),
      '    CommandLine|contains:',
      ...words.map((word) => `        - '${word}'`),
      'condition: selection',
    ];
    const rules = buildRules({
      sigma: {
        'rules/viewer.yml': sigmaRule(
          'viewer',
          'process_creation',
          detection(['less.exe', 'more.exe', 'grep.exe']),
        ),
        'rules/grep.yml': sigmaRule(
          'grep',
          'process_creation',
          detection(['grep.exe', 'egrep.exe']),
        ),
      },
    });
    const report = verifyRules([...rules.values()]);
    assert.deepEqual(
      [report.byRelation.overlapping, report.confirmed, report.unknown, report.failures],
      [1, 1, 0, []],
    );
  });

  test('a Sigma rule and a Splunk search overlap on one event rendered for each', () => {
    const rules = buildRules({
      sigma: {
        'rules/js.yml': SIGMA_RUNDLL32_JAVASCRIPT,
      },
      splunk: {
        'detections/endpoint/hta.yml': splunkDetection(
          'spl-hta',
          'search source="XmlWinEventLog:Microsoft-Windows-Sysmon/Operational" EventCode=1 '
            + 'Image="*\\\\rundll32.exe" CommandLine="*RunHTMLApplication*"',
        ),
      },
    });
    const search = searchNeighbors([...rules.values()]);
    assert.deepEqual(
      search.overlaps.map((overlap) => [overlap.a.source, overlap.b.source, overlap.fields]),
      [['sigma', 'splunk', 'canonical']],
    );
    const report = verifyRules([...rules.values()]);
    assert.deepEqual(
      [report.byRelation.overlapping, report.confirmed, report.unknown, report.failures],
      [1, 1, 0, []],
    );
  });

  test('a search on another collection of the same log shares no event with a Sigma rule', () => {
    // The classic `WinEventLog:` source is not how the event model collects Sysmon for Splunk:
    // a Sigma process-creation event carries the XML source, so one event cannot have both.
    const rules = buildRules({
      sigma: {
        'rules/js.yml': SIGMA_RUNDLL32_JAVASCRIPT,
      },
      splunk: {
        'detections/endpoint/classic.yml': splunkDetection(
          'spl-classic',
          'search source="WinEventLog:Microsoft-Windows-Sysmon/Operational" EventCode=1 '
            + 'Image="*\\\\rundll32.exe" CommandLine="*RunHTMLApplication*"',
        ),
      },
    });
    assert.deepEqual(searchNeighbors([...rules.values()]).overlaps, []);
  });

  test('rules with no common witness are unknown, not failed', () => {
    const report = verifyClaims([claim('overlapping', 'js-wide', 'cmd')]);
    assert.deepEqual(
      [report.checked, report.unknown, report.unknownReasons, report.failures],
      [1, 1, { 'no-common-witness': 1 }, []],
    );
  });
});

describe('claims a witness cannot decide', () => {
  const rules = buildRules({
    sigma: {
      'rules/admin.yml': sigmaRule('admin-js', 'process_creation', [
        'selection:',
        "    Image|endswith: '\\rundll32.exe'",
        "    CommandLine|contains: 'javascript:'",
        "    User|expand: '%AdminUsers%'",
        'condition: selection',
      ]),
      'rules/lookahead.yml': sigmaRule('lookahead-js', 'process_creation', [
        'selection:',
        "    Image|endswith: '\\rundll32.exe'",
        "    CommandLine|re: 'javascript:\\p{Lu}'",
        'condition: selection',
      ]),
      'rules/digits.yml': sigmaRule('digits-js', 'process_creation', [
        'selection:',
        "    Image|endswith: '\\rundll32.exe'",
        "    CommandLine|re: 'javascript:[0-9]+'",
        'condition: selection',
      ]),
      'rules/js_wide.yml': SIGMA_FILES['rules/js_wide.yml'],
    },
  });
  const wide = rules.get('js-wide')!;
  const checked = (narrower: string) =>
    verifyClaims([{ relation: 'broader', a: wide, b: rules.get(narrower)! }]);

  test('a placeholder value is unknown until deployment: checked, counted, not failed', () => {
    const report = checked('admin-js');
    assert.deepEqual(
      [report.checked, report.unknown, report.unknownReasons, report.failures.length],
      [1, 1, { 'not-modelled': 1 }, 0],
    );
  });

  test('a regex with a Unicode class is unknown; a simple one is witnessed', () => {
    assert.deepEqual(checked('lookahead-js').unknownReasons, { 'regex-not-simple': 1 });
    assert.equal(checked('digits-js').confirmed, 1);
  });
});

describe('claims checked on real events', () => {
  const event = (image: string, commandLine: string, index: number): EventRecord => ({
    file: 'events.json',
    index,
    fields: new Map<string, string | number>([
      ['Channel', 'Microsoft-Windows-Sysmon/Operational'],
      ['Provider_Name', 'Microsoft-Windows-Sysmon'],
      ['EventID', 1],
      ['Image', image],
      ['CommandLine', commandLine],
    ]),
    raw: '',
  });
  const events = [
    event('C:\\Windows\\System32\\rundll32.exe', 'rundll32 javascript:alert(1)', 0),
    event('C:\\Windows\\System32\\rundll32.exe', 'javascript: RunHTMLApplication', 1),
  ];

  test('a broader rule matches every event its narrower rule matches', () => {
    const report = checkClaimsOnEvents([claim('broader', 'js-wide', 'js-narrow')], events);
    assert.deepEqual(report, { events: 2, claims: 1, checks: 1, undecided: 0, failures: [] });
  });

  test('a wrong claim fails on the event only the claimed narrower rule matches', () => {
    const report = checkClaimsOnEvents([claim('broader', 'js-narrow', 'js-wide')], events);
    assert.deepEqual(report.failures, [
      {
        relation: 'broader',
        a: 'sigma:js-narrow',
        b: 'sigma:js-wide',
        event: { file: 'events.json', index: 0 },
        reason: "selection: CommandLine|contains|all: ['javascript:', 'RunHTMLApplication']",
      },
    ]);
  });

  test('a Splunk search and a Sigma rule are checked on the same Windows events', () => {
    // The Sigma rule matches the second event; the search reads it with the sourcetype the
    // Windows add-on gives every Windows event and matches it too.
    const report = checkClaimsOnEvents([claim('broader', 'spl-js-wide', 'js-narrow')], events);
    assert.deepEqual(report, { events: 2, claims: 1, checks: 1, undecided: 0, failures: [] });
  });
});
