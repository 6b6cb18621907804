import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findNeighbors } from '../../src/analysis/neighbors/find-neighbors.js';
import type { Rule } from '../../src/ir/index.js';
import { buildRules, sigmaRule, splunkDetection } from '../verify/rule-repository.js';
import { and, not, or, p, searchRule } from './rule-fixture.js';

const name = p('process_name', 'eq', 'x.exe');
const encoded = p('CommandLine', 'contains', '-enc');

/** A broad rule, two narrower ones written in another order, and one sharing a condition. */
function catalog() {
  return findNeighbors([
    searchRule('broad', name),
    searchRule('narrow', and([name, encoded])),
    searchRule('same', and([encoded, name])),
    searchRule('other', and([encoded, p('user', 'eq', 'admin')])),
  ]);
}

const encodedText = {
  written: 'CommandLine contains -enc',
  canonical: 'CommandLine contains "-enc" (any case)',
};

const ids = (list: { id: string }[] | undefined) => (list ?? []).map((n) => n.id);

test('rules proven broader both ways are listed as equivalent only', () => {
  const narrow = catalog().get('splunk:narrow')!;
  assert.deepEqual(ids(narrow.equivalent), ['splunk:same']);
  assert.deepEqual(ids(narrow.broader), ['splunk:broad']);
  assert.deepEqual(ids(narrow.narrower), []);
  const broad = catalog().get('splunk:broad')!;
  assert.deepEqual(ids(broad.narrower), ['splunk:narrow', 'splunk:same']);
});

test('a narrower neighbor maps each condition of the broader rule to the one implying it', () => {
  const [narrow] = catalog().get('splunk:broad')!.narrower;
  assert.deepEqual(narrow.mapping, [
    {
      a: { written: 'process_name eq x.exe', canonical: 'process.name eq "x.exe" (any case)' },
      b: { written: 'process_name eq x.exe', canonical: 'process.name eq "x.exe" (any case)' },
    },
  ]);
  assert.deepEqual(narrow.closeness, { measure: 'added-conditions', value: 1 });
});

test('an overlapping neighbor names the shared atoms, the common event and its value', () => {
  const overlapping = catalog().get('splunk:other')!.overlapping!;
  assert.deepEqual(ids(overlapping), ['splunk:narrow', 'splunk:same']);
  const [first] = overlapping;
  assert.deepEqual(first.closeness, { measure: 'shared-atoms', value: 0.333 });
  assert.deepEqual(first.mapping, [
    { a: encodedText, b: encodedText, value: '-enc' },
  ]);
  assert.match(first.reason, /^both require CommandLine contains "-enc"; an event with /);
});

test('a rule with no relation lists every relation empty', () => {
  const alone = findNeighbors([searchRule('alone', name)]).get('splunk:alone');
  assert.deepEqual(alone, { broader: [], narrower: [], equivalent: [], overlapping: [] });
});

/** `(group and not /add) or (accounts and /do)`: two cases, each with its own extra condition. */
const groupOrAccounts = or([
  and([p('CommandLine', 'contains', ' group '), not(p('CommandLine', 'contains', ' /add'))]),
  and([p('CommandLine', 'contains', ' accounts '), p('CommandLine', 'contains', ' /do')]),
]);
const eitherWord = p('CommandLine', 'contains', [' group ', ' accounts ']);

/** The reason the broader rule's page gives for its narrower neighbor. */
function narrowerReasonOf(broader: Rule, narrower: Rule): string {
  const listed = findNeighbors([broader, narrower]).get(broader.id)?.narrower ?? [];
  assert.deepEqual(listed.map((n) => n.id), [narrower.id]);
  return listed[0].reason;
}

test("a narrower rule's conditions from different cases are named by case, not ANDed", () => {
  const reason = narrowerReasonOf(
    searchRule('broad', eitherWord),
    searchRule('narrow', groupOrAccounts),
  );
  assert.equal(
    reason,
    "every event it matches satisfies this rule's CommandLine contains one of ' group ', " +
      "' accounts ' (it: CommandLine contains ' group ' in one of its cases, CommandLine " +
      "contains ' accounts ' in another); it adds NOT (CommandLine contains ' /add') in one " +
      "of its cases, CommandLine contains ' /do' in another; this rule adds no aggregation " +
      'or threshold',
  );
});

test('conditions in every case are joined by AND, the others named by case', () => {
  const user = p('user', 'eq', 'admin');
  const reason = narrowerReasonOf(
    searchRule('broad', name),
    searchRule('narrow', and([name, user, groupOrAccounts])),
  );
  assert.equal(
    addedPart(reason),
    "user = 'admin', and CommandLine contains ' group ' AND NOT (CommandLine contains ' /add') " +
      "in one of its cases, CommandLine contains ' accounts ' AND CommandLine contains ' /do' " +
      'in another',
  );
});

test('a condition only some cases have is said to be in some of its cases', () => {
  const reason = narrowerReasonOf(
    searchRule('broad', name),
    searchRule('narrow', and([name, or([encoded, and([encoded, p('user', 'eq', 'admin')])])])),
  );
  assert.equal(
    addedPart(reason),
    "CommandLine contains '-enc', and user = 'admin' in some of its cases",
  );
});

test('a narrower rule with one case adds its conditions joined by AND', () => {
  const reason = narrowerReasonOf(
    searchRule('broad', name),
    searchRule('narrow', and([name, encoded, p('user', 'eq', 'admin')])),
  );
  assert.equal(addedPart(reason), "CommandLine contains '-enc' AND user = 'admin'");
});

test("the event model's statements are summed up, the rule's log source named last", () => {
  const rules = buildRules({
    sigma: {
      'rules/net.yml': sigmaRule('net', 'process_creation', [
        'selection:',
        "    Image|endswith: '\\net.exe'",
        'condition: selection',
      ]),
    },
    splunk: {
      'detections/endpoint/net_domain.yml': splunkDetection(
        'net-domain',
        'search CommandLine="*/do*" source="XmlWinEventLog:Microsoft-Windows-Sysmon/Operational" '
          + 'EventCode=1 Image="*\\\\net.exe"',
      ),
    },
  });
  const [narrower] = rules.get('net')?.neighbors.narrower ?? [];
  assert.equal(narrower?.id, 'splunk:net-domain');
  const added = addedPart(narrower.reason);
  assert.match(added, /^CommandLine contains '\/do' AND /);
  const logSource = "source = 'XmlWinEventLog:Microsoft-Windows-Sysmon/Operational'";
  const model = 'besides what the event model says of where its events are logged';
  assert.ok(added.endsWith(` AND ${logSource}, ${model}`), added);
  assert.doesNotMatch(added, /event\.dataset|winlog\.channel|host\.os\.type/);
});

/** What a narrower reason says the narrower rule adds: between `it adds` and the stages. */
function addedPart(reason: string): string {
  const start = reason.indexOf('; it adds ');
  const end = reason.indexOf('; this rule ');
  assert.ok(start >= 0 && end > start, reason);
  return reason.slice(start + '; it adds '.length, end);
}
