// Every value modifier of the Sigma specification, each with an event that must match and a
// near miss that must not.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { EventValue } from '../../../src/match/event-record.js';
import { selectionVerdict, status } from './sigma-fixture.js';

interface ModifierPair {
  modifier: string;
  selection: string;
  matches: Record<string, EventValue>;
  nearMiss: Record<string, EventValue>;
}

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const base64Wide = (text: string) => Buffer.from(text, 'utf16le').toString('base64');

const PAIRS: ModifierPair[] = [
  {
    modifier: 'contains',
    selection: `CommandLine|contains: 'sekurlsa'`,
    matches: { CommandLine: 'mimikatz.exe SEKURLSA::logonpasswords' },
    nearMiss: { CommandLine: 'mimikatz.exe sekur lsa::logonpasswords' },
  },
  {
    modifier: 'startswith',
    selection: `CommandLine|startswith: 'net user'`,
    matches: { CommandLine: 'net user admin /add' },
    nearMiss: { CommandLine: 'cmd /c net user admin /add' },
  },
  {
    modifier: 'endswith',
    selection: String.raw`Image|endswith: '\cmd.exe'`,
    matches: { Image: String.raw`C:\Windows\System32\cmd.exe` },
    nearMiss: { Image: String.raw`C:\Windows\System32\cmd.exe.bak` },
  },
  {
    modifier: 'all',
    selection: `CommandLine|contains|all:\n    - ' -w hidden'\n    - ' -enc '`,
    matches: { CommandLine: 'powershell -enc AAAA -w hidden' },
    nearMiss: { CommandLine: 'powershell -enc AAAA' },
  },
  {
    modifier: 're',
    selection: String.raw`CommandLine|re: '-e(nc)?\s+[A-Za-z0-9+/=]{8,}'`,
    matches: { CommandLine: 'powershell -enc SQBFAFgAIAA=' },
    nearMiss: { CommandLine: 'powershell -ENC SQBFAFgAIAA=' },
  },
  {
    modifier: 're|i',
    selection: String.raw`CommandLine|re|i: '-e(nc)?\s'`,
    matches: { CommandLine: 'powershell -ENC SQBFAFgAIAA=' },
    nearMiss: { CommandLine: 'powershell -EXEC bypass' },
  },
  {
    modifier: 're|m',
    selection: `Payload|re|m: '^run$'`,
    matches: { Payload: 'first\nrun\nlast' },
    nearMiss: { Payload: 'first\nrunning\nlast' },
  },
  {
    modifier: 're|s',
    selection: `Payload|re|s: 'begin.+end'`,
    matches: { Payload: 'begin\nend' },
    nearMiss: { Payload: 'begin\n' },
  },
  {
    modifier: 'base64',
    selection: `Payload|base64: 'evil'`,
    matches: { Payload: base64('evil') },
    nearMiss: { Payload: 'evil' },
  },
  {
    modifier: 'base64offset',
    selection: `CommandLine|base64offset|contains: 'http://'`,
    matches: { CommandLine: `powershell -e ${base64('iwr http://10.0.0.1/a')}` },
    nearMiss: { CommandLine: `powershell -e ${base64('iwr https://10.0.0.1/a')}` },
  },
  {
    modifier: 'utf16le',
    selection: `Data|utf16le|contains: 'cmd'`,
    matches: { Data: 'x c\0m\0d\0 y' },
    nearMiss: { Data: 'x cmd y' },
  },
  {
    modifier: 'utf16be',
    selection: `Data|utf16be|contains: 'cmd'`,
    matches: { Data: 'x \0c\0m\0d y' },
    nearMiss: { Data: 'x c\0m\0d\0 y' },
  },
  {
    modifier: 'utf16',
    selection: `Data|utf16|startswith: 'cmd'`,
    matches: { Data: '\u00ff\u00fec\0m\0d\0 \0' },
    nearMiss: { Data: 'c\0m\0d\0 \0' },
  },
  {
    modifier: 'wide',
    selection: `CommandLine|wide|base64offset|contains: 'ping '`,
    matches: { CommandLine: `powershell -enc ${base64Wide('cmd /c ping 10.0.0.1')}` },
    nearMiss: { CommandLine: `powershell -enc ${base64('cmd /c ping 10.0.0.1')}` },
  },
  {
    modifier: 'windash',
    selection: `CommandLine|windash|contains: ' -decode '`,
    matches: { CommandLine: 'certutil \u2013decode a.b64 a.exe' },
    nearMiss: { CommandLine: 'certutil decode a.b64 a.exe' },
  },
  {
    modifier: 'cidr',
    selection: `DestinationIp|cidr: '10.0.0.0/8'`,
    matches: { DestinationIp: '10.20.30.40' },
    nearMiss: { DestinationIp: '11.0.0.1' },
  },
  {
    modifier: 'cidr (IPv6)',
    selection: `DestinationIp|cidr: '2001:db8::/32'`,
    matches: { DestinationIp: '2001:db8:1::5' },
    nearMiss: { DestinationIp: '2001:db9::5' },
  },
  {
    modifier: 'lt',
    selection: 'LogonType|lt: 3',
    matches: { LogonType: 2 },
    nearMiss: { LogonType: 3 },
  },
  {
    modifier: 'lte',
    selection: 'LogonType|lte: 3',
    matches: { LogonType: '3' },
    nearMiss: { LogonType: 4 },
  },
  {
    modifier: 'gt',
    selection: 'Size|gt: 1000',
    matches: { Size: 1001 },
    nearMiss: { Size: 1000 },
  },
  {
    modifier: 'gte',
    selection: 'Size|gte: 1000',
    matches: { Size: 1000 },
    nearMiss: { Size: 999.5 },
  },
  {
    modifier: 'exists',
    selection: 'PasswordLastSet|exists: true',
    matches: { PasswordLastSet: '' },
    nearMiss: { Other: 'x' },
  },
  {
    modifier: 'exists (false)',
    selection: 'PasswordLastSet|exists: false',
    matches: { Other: 'x' },
    nearMiss: { PasswordLastSet: null },
  },
  {
    modifier: 'fieldref',
    selection: 'TargetFilename|fieldref: Image',
    matches: { TargetFilename: String.raw`C:\Temp\A.exe`, Image: String.raw`c:\temp\a.exe` },
    nearMiss: { TargetFilename: String.raw`C:\Temp\b.exe`, Image: String.raw`C:\Temp\a.exe` },
  },
  {
    modifier: 'cased',
    selection: String.raw`Image|cased|endswith: '\PsExec.exe'`,
    matches: { Image: String.raw`C:\Tools\PsExec.exe` },
    nearMiss: { Image: String.raw`C:\Tools\psexec.exe` },
  },
  {
    modifier: 'neq',
    selection: `User|neq: 'NT AUTHORITY\\SYSTEM'`,
    matches: { User: 'CORP\\alice' },
    nearMiss: { User: 'nt authority\\system' },
  },
  {
    modifier: 'minute',
    selection: 'UtcTime|minute: 21',
    matches: { UtcTime: '2025-10-25 13:21:33.111' },
    nearMiss: { UtcTime: '2025-10-25 13:22:33.111' },
  },
  {
    modifier: 'hour',
    selection: 'UtcTime|hour: 3',
    matches: { UtcTime: '2025-10-25T03:21:33Z' },
    nearMiss: { UtcTime: '2025-10-25T13:21:33Z' },
  },
  {
    modifier: 'day',
    selection: 'UtcTime|day: 25',
    matches: { UtcTime: '2025-10-25 13:21:33' },
    nearMiss: { UtcTime: '2025-10-24 13:21:33' },
  },
  {
    modifier: 'week',
    selection: 'UtcTime|week: 1',
    matches: { UtcTime: '2024-12-30 08:00:00' },
    nearMiss: { UtcTime: '2024-12-29 08:00:00' },
  },
  {
    modifier: 'month',
    selection: 'UtcTime|month: 10',
    matches: { UtcTime: '2025-10-25' },
    nearMiss: { UtcTime: '2025-11-25' },
  },
  {
    modifier: 'year',
    selection: 'UtcTime|year: 2025',
    matches: { UtcTime: '2025-10-25' },
    nearMiss: { UtcTime: '2024-10-25' },
  },
];

describe('each Sigma modifier matches its event and rejects a near miss', () => {
  for (const pair of PAIRS) {
    test(pair.modifier, () => {
      assert.equal(status(pair.selection, pair.matches), 'matched');
      assert.equal(status(pair.selection, pair.nearMiss), 'not-matched');
    });
  }
});

describe('expand', () => {
  const selection = `Computer|expand: '%Servers%'`;
  const servers = { placeholders: new Map([['Servers', ['srv-*', 'dc01']]]) };

  test('a placeholder given values matches any of them, as patterns', () => {
    assert.equal(selectionVerdict(selection, { Computer: 'SRV-db' }, servers).status, 'matched');
    assert.equal(selectionVerdict(selection, { Computer: 'dc01' }, servers).status, 'matched');
    assert.equal(selectionVerdict(selection, { Computer: 'ws01' }, servers).status, 'not-matched');
  });

  test('a placeholder without a value is undecided, naming it', () => {
    const verdict = selectionVerdict(selection, { Computer: 'srv-db' });
    assert.equal(verdict.status, 'undecided');
    assert.match(verdict.reason ?? '', /%Servers% has no value/);
  });

  test('without expand, percent signs are plain text', () => {
    assert.equal(status(`Path: '%TEMP%\\x.exe'`, { Path: '%temp%\\x.exe' }), 'matched');
  });
});

describe('modifier chains apply in the order written', () => {
  test('base64offset then contains finds the encoded text inside a longer value', () => {
    const selection = `CommandLine|base64offset|contains: 'whoami'`;
    assert.equal(status(selection, { CommandLine: `-e ${base64('ab whoami /all')}` }), 'matched');
  });

  test('contains then base64 cannot encode a wildcard: undecided, with the reason', () => {
    const verdict = selectionVerdict(`CommandLine|contains|base64: 'whoami'`, { CommandLine: 'x' });
    assert.equal(verdict.status, 'undecided');
    assert.match(verdict.reason ?? '', /cannot encode a value with wildcards/);
  });

  test('a type modifier after a transformation is undecided', () => {
    const verdict = selectionVerdict(`Ip|contains|cidr: '10.0.0.0/8'`, { Ip: '10.0.0.1' });
    assert.equal(verdict.status, 'undecided');
    assert.match(verdict.reason ?? '', /'cidr' cannot follow 'contains'/);
  });

  test('an unknown modifier is undecided, never guessed', () => {
    const verdict = selectionVerdict(`Image|endwith: 'x.exe'`, { Image: 'x.exe' });
    assert.equal(verdict.status, 'undecided');
    assert.match(verdict.reason ?? '', /'endwith' is not a Sigma modifier/);
  });

  test('windash before an encoding spells out every dash', () => {
    const selection = `CommandLine|windash|base64offset|contains: '-nop'`;
    assert.equal(status(selection, { CommandLine: base64('powershell /nop') }), 'matched');
    assert.equal(status(selection, { CommandLine: base64('powershell nop') }), 'not-matched');
  });

  test('neq with all holds unless every value matches', () => {
    const selection = `CommandLine|contains|all|neq:\n    - 'a'\n    - 'b'`;
    assert.equal(status(selection, { CommandLine: 'a only' }), 'matched');
    assert.equal(status(selection, { CommandLine: 'a and b' }), 'not-matched');
  });
});

describe('regular expressions run in RE2', () => {
  test('a pattern RE2 cannot run is undecided with the reason', () => {
    const verdict = selectionVerdict(`CommandLine|re: '(?<=a)b'`, { CommandLine: 'ab' });
    assert.equal(verdict.status, 'undecided');
    assert.match(verdict.reason ?? '', /RE2 cannot run the pattern/);
  });

  test('a malformed pattern is undecided with its syntax error, not as one RE2 cannot run', () => {
    const verdict = selectionVerdict(`Image|re: '(unclosed'`, { Image: '(unclosed' });
    assert.equal(verdict.status, 'undecided');
    assert.equal(
      verdict.reason,
      "selection: Image|re: '(unclosed' — the pattern has a syntax error: " +
        'error parsing regexp: missing closing ): `(unclosed`',
    );
  });

  test('another value that matches still decides the item', () => {
    const selection = `CommandLine|re:\n    - '(?<=a)b'\n    - 'xy+z'`;
    assert.equal(status(selection, { CommandLine: 'xyyz' }), 'matched');
    assert.equal(status(selection, { CommandLine: 'nothing' }), 'undecided');
  });

  test('a regex is case-sensitive unless i is given', () => {
    assert.equal(status(`Image|re: 'CMD'`, { Image: 'cmd.exe' }), 'not-matched');
  });
});
