// How Sigma values compare with event fields: case, wildcards and their escapes, null versus
// the empty string, numbers, lists and maps, keywords, and how field names are found.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { detectionRule, evaluatorOf, event, status } from './sigma-fixture.js';

describe('strings', () => {
  test('values compare case-insensitively by default', () => {
    const selection = String.raw`Image: 'C:\Windows\System32\CMD.exe'`;
    assert.equal(status(selection, { Image: String.raw`c:\windows\system32\cmd.exe` }), 'matched');
    assert.equal(status(selection, { Image: String.raw`c:\windows\system32\cmd.exe ` }),
      'not-matched');
  });

  test('* stands for any characters and ? for exactly one', () => {
    assert.equal(status(`Image: 'prog?.exe'`, { Image: 'progA.exe' }), 'matched');
    assert.equal(status(`Image: 'prog?.exe'`, { Image: 'prog.exe' }), 'not-matched');
    assert.equal(status(`Image: 'a*b*c'`, { Image: 'a--b--b--c' }), 'matched');
    assert.equal(status(`Image: 'a*b*c'`, { Image: 'a--c--b' }), 'not-matched');
  });

  test('escaped wildcards are plain characters', () => {
    assert.equal(status(String.raw`Value: 'a\*b'`, { Value: 'a*b' }), 'matched');
    assert.equal(status(String.raw`Value: 'a\*b'`, { Value: 'axb' }), 'not-matched');
    assert.equal(status(String.raw`Value: 'why\?'`, { Value: 'why?' }), 'matched');
    assert.equal(status(String.raw`Value: 'why\?'`, { Value: 'whyz' }), 'not-matched');
  });

  test('a doubled backslash before a wildcard is one backslash, and the wildcard stays', () => {
    const selection = String.raw`Path: 'C:\\*'`;
    assert.equal(status(selection, { Path: String.raw`C:\Users\x` }), 'matched');
    assert.equal(status(selection, { Path: 'C:/Users/x' }), 'not-matched');
  });

  test('a plain backslash not before a wildcard is itself', () => {
    assert.equal(status(String.raw`Path: 'C:\Temp'`, { Path: String.raw`c:\temp` }), 'matched');
  });
});

describe('null and the empty string', () => {
  test('null matches an absent field or a null value, not an empty one', () => {
    assert.equal(status('Field: null', { Other: 'x' }), 'matched');
    assert.equal(status('Field: null', { Field: null }), 'matched');
    assert.equal(status('Field: null', { Field: '' }), 'not-matched');
  });

  test("'' matches an empty value, not an absent field", () => {
    assert.equal(status(`Field: ''`, { Field: '' }), 'matched');
    assert.equal(status(`Field: ''`, { Other: 'x' }), 'not-matched');
    assert.equal(status(`Field: ''`, { Field: null }), 'not-matched');
  });

  test('a value never matches an absent field', () => {
    assert.equal(status(`Field|contains: 'x'`, { Other: 'x' }), 'not-matched');
  });
});

describe('numbers and booleans', () => {
  test('a number matches the number or its text', () => {
    assert.equal(status('EventID: 4688', { EventID: 4688 }), 'matched');
    assert.equal(status('EventID: 4688', { EventID: '4688' }), 'matched');
    assert.equal(status('EventID: 4688', { EventID: 4689 }), 'not-matched');
  });

  test('a number matches a hexadecimal text of the same value', () => {
    assert.equal(status('Status: 0x10', { Status: '0x10' }), 'matched');
    assert.equal(status('Status: 0x10', { Status: 16 }), 'matched');
  });

  test('a quoted number is text and matches the number field by its text', () => {
    assert.equal(status(`EventID: '1'`, { EventID: 1 }), 'matched');
    assert.equal(status(`EventID: '1'`, { EventID: 11 }), 'not-matched');
  });

  test('true and false match booleans and their text', () => {
    assert.equal(status('Enabled: true', { Enabled: true }), 'matched');
    assert.equal(status('Enabled: true', { Enabled: 'True' }), 'matched');
    assert.equal(status('Enabled: true', { Enabled: false }), 'not-matched');
  });
});

describe('lists and maps', () => {
  test('a list of values means any of them', () => {
    const selection = `Image|endswith:\n    - '\\a.exe'\n    - '\\b.exe'`;
    assert.equal(status(selection, { Image: 'C:\\b.exe' }), 'matched');
    assert.equal(status(selection, { Image: 'C:\\c.exe' }), 'not-matched');
  });

  test('a map means all of its items', () => {
    const selection = `Image|endswith: '\\net.exe'\nCommandLine|contains: ' user '`;
    assert.equal(status(selection, { Image: 'C:\\net.exe', CommandLine: 'net user x' }), 'matched');
    assert.equal(status(selection, { Image: 'C:\\net.exe', CommandLine: 'net group' }),
      'not-matched');
  });

  test('a list of maps means any of the maps', () => {
    const selection = `- Image|endswith: '\\a.exe'\n- OriginalFileName: 'a.exe'`;
    assert.equal(status(selection, { OriginalFileName: 'A.EXE' }), 'matched');
    assert.equal(status(selection, { Image: 'C:\\b.exe' }), 'not-matched');
  });

  test('a multi-valued field matches when one of its values does', () => {
    assert.equal(status(`Tags: 'beta'`, { Tags: ['alpha', 'beta'] }), 'matched');
    assert.equal(status(`Tags: 'gamma'`, { Tags: ['alpha', 'beta'] }), 'not-matched');
  });
});

describe('keywords', () => {
  const keywords = (body: string) => evaluatorOf(detectionRule(`${body}\ncondition: keywords`));

  test('a keyword list matches any value of any field that contains one of them', () => {
    const rule = keywords(`keywords:\n    - 'sekurlsa'\n    - 'lsadump'`);
    assert.equal(rule.evaluate(event({ CommandLine: 'x LSADUMP::sam' })).status, 'matched');
    assert.equal(rule.evaluate(event({ CommandLine: 'x lsa dump' })).status, 'not-matched');
  });

  test("'|all' keywords must all occur", () => {
    const rule = keywords(`keywords:\n    '|all':\n        - 'Oab'\n        - ' -ExternalUrl '`);
    const both = event({ A: 'Set-OabVirtualDirectory', B: 'x -ExternalUrl y' });
    assert.equal(rule.evaluate(both).status, 'matched');
    assert.equal(rule.evaluate(event({ A: 'Set-OabVirtualDirectory' })).status, 'not-matched');
  });

  test('keywords search values, not field names', () => {
    const rule = keywords(`keywords: 'CommandLine'`);
    assert.equal(rule.evaluate(event({ CommandLine: 'whoami' })).status, 'not-matched');
  });
});

describe('field names', () => {
  test('a field is found in any letter case when no field has the exact name', () => {
    assert.equal(status(`image|endswith: '\\cmd.exe'`, { Image: 'C:\\cmd.exe' }), 'matched');
  });

  test('the exact name wins over a name differing in case', () => {
    const fields = { image: 'C:\\other.exe', Image: 'C:\\cmd.exe' };
    assert.equal(status(`Image|endswith: '\\cmd.exe'`, fields), 'matched');
    assert.equal(status(`image|endswith: '\\cmd.exe'`, fields), 'not-matched');
  });
});
