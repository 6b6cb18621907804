// How events become fields: Windows events flattened to the names Sigma rules use, other
// documents (ECS) by dotted path.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fieldsOf } from '../../../src/match/events/read-events.js';

const SYSTEM = {
  Provider: { '#attributes': { Name: 'Microsoft-Windows-Security-Auditing', Guid: '{5484}' } },
  EventID: { '#attributes': { Qualifiers: 16384 }, '#text': 4688 },
  Level: 0,
  TimeCreated: { '#attributes': { SystemTime: '2025-10-25T13:21:33.116889Z' } },
  Execution: { '#attributes': { ProcessID: 4, ThreadID: 8 } },
  Channel: 'Security',
  Computer: 'dc01.corp.local',
  Security: { '#attributes': { UserID: 'S-1-5-18' } },
};

describe('Windows events', () => {
  test('System elements by name, attributes as <element>_<attribute>', () => {
    const fields = fieldsOf({ Event: { System: SYSTEM, EventData: {} } });
    assert.deepEqual(Object.fromEntries(fields), {
      Provider_Name: 'Microsoft-Windows-Security-Auditing',
      Provider_Guid: '{5484}',
      EventID: 4688,
      EventID_Qualifiers: 16384,
      Level: 0,
      TimeCreated_SystemTime: '2025-10-25T13:21:33.116889Z',
      TimeCreated: '2025-10-25T13:21:33.116889Z',
      Execution_ProcessID: 4,
      Execution_ThreadID: 8,
      Channel: 'Security',
      Computer: 'dc01.corp.local',
      Security_UserID: 'S-1-5-18',
    });
  });

  test('EventData fields by name, also without spaces', () => {
    const eventData = { NewProcessName: 'C:\\x.exe', 'Threat Name': 'EICAR', '#attributes': {} };
    const fields = fieldsOf({ Event: { System: { Channel: 'Security' }, EventData: eventData } });
    assert.equal(fields.get('NewProcessName'), 'C:\\x.exe');
    assert.equal(fields.get('Threat Name'), 'EICAR');
    assert.equal(fields.get('ThreatName'), 'EICAR');
    assert.equal(fields.has('#attributes'), false);
  });

  test('EventData written as named Data elements', () => {
    const eventData = { Data: [
      { '#attributes': { Name: 'TargetUserName' }, '#text': 'alice' },
      { '#attributes': { Name: 'LogonType' }, '#text': 3 },
    ] };
    const fields = fieldsOf({ Event: { System: { EventID: 4624 }, EventData: eventData } });
    assert.equal(fields.get('TargetUserName'), 'alice');
    assert.equal(fields.get('LogonType'), 3);
  });

  test('UserData children by name', () => {
    const userData = { LogFileCleared: { '#attributes': { xmlns: 'x' }, SubjectUserName: 'bob' } };
    const fields = fieldsOf({ Event: { System: { EventID: 1102 }, UserData: userData } });
    assert.equal(fields.get('SubjectUserName'), 'bob');
  });

  test('the System header keeps its value when EventData has the same name', () => {
    const fields = fieldsOf({ Event: { System: { EventID: 1 }, EventData: { EventID: 99 } } });
    assert.equal(fields.get('EventID'), 1);
  });

  test('an event without the Event wrapper is read the same way', () => {
    const fields = fieldsOf({ System: { EventID: 1 }, EventData: { Image: 'a.exe' } });
    assert.equal(fields.get('EventID'), 1);
    assert.equal(fields.get('Image'), 'a.exe');
  });
});

describe('other documents', () => {
  test('nested objects and literal dotted keys both give dotted paths', () => {
    const document = { process: { name: 'cmd.exe', parent: { pid: 4 } }, 'host.name': 'h1' };
    const fields = fieldsOf(document);
    assert.deepEqual(Object.fromEntries(fields), {
      'process.name': 'cmd.exe',
      'process.parent.pid': 4,
      'host.name': 'h1',
    });
  });

  test('arrays are multi-valued fields; objects in arrays add to the same paths', () => {
    const fields = fieldsOf({
      tags: ['a', 'b'],
      threat: { technique: [{ id: 'T1059' }, { id: 'T1003' }] },
    });
    assert.deepEqual(fields.get('tags'), ['a', 'b']);
    assert.deepEqual(fields.get('threat.technique.id'), ['T1059', 'T1003']);
  });

  test('a path given both nested and dotted holds both values', () => {
    const fields = fieldsOf({ process: { name: 'a' }, 'process.name': 'b' });
    assert.deepEqual(fields.get('process.name'), ['a', 'b']);
  });
});
