// Each Sigma value modifier and value form, and exactly what it lowers to.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Rule } from '../../src/ir/index.js';
import { notation } from './expr-notation.js';
import { lowerRule, ruleWithDetection } from './rule-text.js';

/** The detection stage of a rule whose only search identifier is `selection`. */
function detectionOf(selection: string): { lowered: string; rule: Rule } {
  const body = `selection:\n${indent(selection)}\ncondition: selection`;
  const rule = lowerRule(ruleWithDetection(body));
  const stage = rule.pipeline.find((candidate) => candidate.command === 'detection');
  assert.ok(stage?.predicate, 'the rule has a detection predicate');
  return { lowered: notation(stage.predicate), rule };
}

function lowered(selection: string): string {
  const { lowered, rule } = detectionOf(selection);
  assert.deepEqual(rule.diagnostics, [], 'no diagnostics');
  return lowered;
}

/** The lowering of a selection the rule cannot express, and the diagnostic codes it raised. */
function rejected(selection: string): { lowered: string; codes: string[] } {
  const { lowered, rule } = detectionOf(selection);
  assert.equal(rule.fullyParsed, false);
  return { lowered, codes: rule.diagnostics.map((diagnostic) => diagnostic.code) };
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}

describe('plain values and wildcards', () => {
  test('a value without wildcards is a case-insensitive equality', () => {
    assert.equal(
      lowered(String.raw`Image: 'C:\Windows\x.exe'`),
      String.raw`Image eq "C:\\Windows\\x.exe"`,
    );
  });

  test('a leading * is endswith, a trailing * startswith, both contains', () => {
    assert.equal(lowered(String.raw`Image: '*\cmd.exe'`), String.raw`Image endswith "\\cmd.exe"`);
    assert.equal(lowered(`Image: 'cmd*'`), `Image startswith "cmd"`);
    assert.equal(lowered(`Image: '*cmd*'`), `Image contains "cmd"`);
  });

  test('? and inner * stay a wildcard pattern', () => {
    assert.equal(lowered(`Image: 'c?d.exe'`), `Image wildcard "c?d.exe"`);
    assert.equal(lowered(`Image: '*a*b*'`), `Image wildcard "*a*b*"`);
  });

  test('* alone matches any value of the field: the field exists', () => {
    assert.equal(lowered(`Image: '*'`), `Image exists`);
  });

  test('an escaped wildcard is a plain character', () => {
    assert.equal(lowered(String.raw`Image: 'a\*b'`), `Image eq "a*b"`);
    assert.equal(lowered(String.raw`Image: 'a\?'`), `Image eq "a?"`);
  });

  test('an escaped backslash before * leaves the * a wildcard', () => {
    assert.equal(lowered(String.raw`Image: 'C:\\*'`), String.raw`Image startswith "C:\\"`);
  });

  test('three backslashes before * are a backslash and a plain *', () => {
    assert.equal(lowered(String.raw`Image: 'a\\\*'`), String.raw`Image eq "a\\*"`);
  });

  test('a backslash before any other character is kept as written', () => {
    assert.equal(
      lowered(String.raw`Image: '\\server\share'`),
      String.raw`Image eq "\\server\\share"`,
    );
  });

  test('literal * ? and \\ inside a wildcard pattern are written escaped', () => {
    assert.equal(lowered(String.raw`Image: 'a\*b?c'`), String.raw`Image wildcard "a\\*b?c"`);
  });

  test('numbers stay numbers and quoted numbers stay strings', () => {
    assert.equal(lowered(`EventID: 4104`), `EventID eq 4104`);
    assert.equal(lowered(`EventID: '4104'`), `EventID eq "4104"`);
  });

  test('booleans compare as booleans', () => {
    assert.equal(lowered(`Enabled: true`), `Enabled eq true`);
  });
});

describe('null and the empty string', () => {
  test('null means the field is absent', () => {
    assert.equal(lowered(`CommandLine: null`), `not(CommandLine exists)`);
  });

  test('a key with no value is null too', () => {
    assert.equal(lowered(`CommandLine:`), `not(CommandLine exists)`);
  });

  test("'' is an equality with the empty string, not absence", () => {
    assert.equal(lowered(`CommandLine: ''`), `CommandLine eq ""`);
  });
});

describe('lists and maps', () => {
  test('a list of values is an OR', () => {
    assert.equal(
      lowered(`Image|endswith:\n    - '\\a.exe'\n    - '\\b.exe'`),
      String.raw`or(Image endswith "\\a.exe", Image endswith "\\b.exe")`,
    );
  });

  test('all turns the list into an AND', () => {
    assert.equal(
      lowered(`CommandLine|contains|all:\n    - 'a'\n    - 'b'`),
      `and(CommandLine contains "a", CommandLine contains "b")`,
    );
  });

  test('the items of a map are joined with AND', () => {
    assert.equal(lowered(`EventID: 1\nUser: 'x'`), `and(EventID eq 1, User eq "x")`);
  });
});

describe('string modifiers', () => {
  test('contains, startswith and endswith', () => {
    assert.equal(lowered(`CommandLine|contains: 'whoami'`), `CommandLine contains "whoami"`);
    assert.equal(lowered(`CommandLine|startswith: 'cmd'`), `CommandLine startswith "cmd"`);
    assert.equal(lowered(`CommandLine|endswith: '.ps1'`), `CommandLine endswith ".ps1"`);
  });

  test('wildcards inside contains still count', () => {
    assert.equal(lowered(`CommandLine|contains: 'a*b'`), `CommandLine wildcard "*a*b*"`);
    assert.equal(lowered(`CommandLine|contains: '*ab*'`), `CommandLine contains "ab"`);
  });

  test('contains applies to numbers as text', () => {
    assert.equal(lowered(`Port|contains: 44`), `Port contains "44"`);
  });

  test('cased makes the comparison case-sensitive', () => {
    assert.equal(lowered(`CommandLine|contains|cased: 'Foo'`), `CommandLine contains cased "Foo"`);
  });

  test('windash tries every dash the specification lists', () => {
    assert.equal(
      lowered(`CommandLine|contains|windash: ' -f '`),
      'or(CommandLine contains " -f ", CommandLine contains " /f ", ' +
        'CommandLine contains " \u2013f ", CommandLine contains " \u2014f ", ' +
        'CommandLine contains " \u2015f ")',
    );
  });

  test('windash over two dashes spells out 25 values', () => {
    const { lowered: result } = detectionOf(`CommandLine|windash: '-a -b'`);
    assert.equal(result.split('CommandLine eq').length - 1, 25);
  });

  test('windash over too many dashes is not spelled out', () => {
    const { lowered: result, codes } = rejected(`CommandLine|windash: '-a -b -c -d -e'`);
    assert.equal(result, `opaque("CommandLine|windash: '-a -b -c -d -e'")`);
    assert.deepEqual(codes, ['sigma.windash-too-many']);
  });
});

describe('regular expressions', () => {
  test('re is case-sensitive and keeps * as regex syntax', () => {
    assert.equal(lowered(`CommandLine|re: '^a.*b$'`), `CommandLine regex cased "^a.*b$"`);
  });

  test('i makes it case-insensitive; m and s become flags', () => {
    assert.equal(lowered(`CommandLine|re|i: 'x'`), `CommandLine regex/i "x"`);
    assert.equal(lowered(`CommandLine|re|m|s: 'x'`), `CommandLine regex/ms cased "x"`);
  });

  test('a regex flag without re is rejected', () => {
    const { codes } = rejected(`CommandLine|i: 'x'`);
    assert.deepEqual(codes, ['sigma.invalid-modifier-chain']);
  });

  test('a transformation after re is rejected', () => {
    const { lowered: result, codes } = rejected(`CommandLine|re|contains: 'x'`);
    assert.equal(result, `opaque("CommandLine|re|contains: 'x'")`);
    assert.deepEqual(codes, ['sigma.invalid-modifier-chain']);
  });
});

describe('encodings', () => {
  test('base64 encodes the value', () => {
    assert.equal(lowered(`CommandLine|base64: 'cmd'`), `CommandLine eq "Y21k"`);
    assert.equal(lowered(`CommandLine|base64|contains: 'cmd'`), `CommandLine contains "Y21k"`);
  });

  test('base64offset gives the three forms of the value at each offset', () => {
    assert.equal(
      lowered(`CommandLine|base64offset|contains: 'ping'`),
      'or(CommandLine contains "cGluZ", CommandLine contains "Bpbm", ' +
        'CommandLine contains "waW5n")',
    );
  });

  test('base64offset forms of several values are OR-ed per value, even under all', () => {
    assert.equal(
      lowered(`CommandLine|base64offset|contains|all:\n    - 'cmd'\n    - 'ping'`),
      'and(or(CommandLine contains "Y21k", CommandLine contains "NtZ", ' +
        'CommandLine contains "jbW"), or(CommandLine contains "cGluZ", ' +
        'CommandLine contains "Bpbm", CommandLine contains "waW5n"))',
    );
  });

  test('utf16le, utf16be, utf16 and wide encode before base64', () => {
    assert.equal(lowered(`CommandLine|utf16le|base64: 'cmd'`), `CommandLine eq "YwBtAGQA"`);
    assert.equal(lowered(`CommandLine|wide|base64: 'cmd'`), `CommandLine eq "YwBtAGQA"`);
    assert.equal(lowered(`CommandLine|utf16be|base64: 'cmd'`), `CommandLine eq "AGMAbQBk"`);
    assert.equal(lowered(`CommandLine|utf16|base64: 'cmd'`), `CommandLine eq "//5jAG0AZAA="`);
  });

  test('utf16le alone compares against the encoded bytes', () => {
    assert.equal(lowered(`Payload|utf16le: 'cmd'`), `Payload eq "c\\u0000m\\u0000d\\u0000"`);
  });

  test('base64 of a value with wildcards is rejected', () => {
    const { codes } = rejected(`CommandLine|base64: 'cm*'`);
    assert.deepEqual(codes, ['sigma.invalid-value']);
  });
});

describe('type modifiers', () => {
  test('cidr takes IPv4 and IPv6 networks', () => {
    assert.equal(lowered(`DestinationIp|cidr: '10.0.0.0/8'`), `DestinationIp cidr "10.0.0.0/8"`);
    assert.equal(
      lowered(`DestinationIp|cidr: '2001:db8::/32'`),
      `DestinationIp cidr "2001:db8::/32"`,
    );
  });

  test('cidr rejects a prefix longer than the address', () => {
    const { codes } = rejected(`DestinationIp|cidr: '10.0.0.0/33'`);
    assert.deepEqual(codes, ['sigma.invalid-value']);
  });

  test('lt, lte, gt and gte compare numbers', () => {
    assert.equal(lowered(`Count|lt: 5`), `Count lt 5`);
    assert.equal(lowered(`Count|lte: 5`), `Count le 5`);
    assert.equal(lowered(`Count|gt: 5`), `Count gt 5`);
    assert.equal(lowered(`Count|gte: 5`), `Count ge 5`);
  });

  test('a numeric comparison with a string is rejected', () => {
    const { codes } = rejected(`Count|gt: 'five'`);
    assert.deepEqual(codes, ['sigma.invalid-value']);
  });

  test('exists true and false', () => {
    assert.equal(lowered(`Signature|exists: true`), `Signature exists`);
    assert.equal(lowered(`Signature|exists: false`), `not(Signature exists)`);
  });

  test('fieldref compares with another field', () => {
    assert.equal(lowered(`TargetFilename|fieldref: Image`), `TargetFilename fieldref "Image"`);
  });

  test('neq negates the values, alone or with fieldref', () => {
    assert.equal(lowered(`User|neq: 'SYSTEM'`), `not(User eq "SYSTEM")`);
    assert.equal(lowered(`User|neq:\n    - 'a'\n    - 'b'`), `not(or(User eq "a", User eq "b"))`);
    assert.equal(
      lowered(`SourceUser|fieldref|neq: TargetUser`),
      `not(SourceUser fieldref "TargetUser")`,
    );
  });

  test('a time modifier compares a part of the date, named as a derived field', () => {
    assert.equal(lowered(`EventTime|hour: 3`), `hour(EventTime) eq 3`);
    assert.equal(
      lowered(`EventTime|month:\n    - 1\n    - 12`),
      `or(month(EventTime) eq 1, month(EventTime) eq 12)`,
    );
    assert.equal(lowered(`EventTime|hour|gte: 22`), `hour(EventTime) ge 22`);
    assert.equal(lowered(`EventTime|minute|neq: 0`), `not(minute(EventTime) eq 0)`);
  });

  test('a time modifier needs numbers and cannot follow a transformation', () => {
    assert.deepEqual(rejected(`EventTime|hour: 'three'`).codes, ['sigma.invalid-value']);
    const invalidChain = ['sigma.invalid-modifier-chain'];
    assert.deepEqual(rejected(`EventTime|contains|hour: 3`).codes, invalidChain);
    assert.deepEqual(rejected(`EventTime|hour|contains: 3`).codes, invalidChain);
  });
});

describe('placeholders', () => {
  test('expand makes %name% a placeholder', () => {
    assert.equal(lowered(`User|expand: '%Administrators%'`), `User placeholder "%Administrators%"`);
  });

  test('placeholders keep the wildcards around them', () => {
    assert.equal(lowered(`User|contains|expand: '%admins%'`), `User placeholder "*%admins%*"`);
  });

  test('without expand %name% is literal text', () => {
    assert.equal(lowered(`CommandLine|contains: '%APPDATA%'`), `CommandLine contains "%APPDATA%"`);
  });

  test('an escaped percent sign under expand is literal', () => {
    assert.equal(
      lowered(String.raw`User|expand: '\%plain%name%'`),
      String.raw`User placeholder "\\%plain%name%"`,
    );
  });
});

describe('keywords', () => {
  test('a list of strings matches anywhere in the raw event', () => {
    assert.equal(
      lowered(`- 'event::clear'\n- 'event::drop'`),
      `or(_raw contains "event::clear", _raw contains "event::drop")`,
    );
  });

  test("'|all' joins keywords with AND", () => {
    assert.equal(
      lowered(`'|all':\n    - 'alpha'\n    - 'beta'`),
      `and(_raw contains "alpha", _raw contains "beta")`,
    );
  });

  test('a keyword with an inner wildcard is a wildcard pattern anywhere in the event', () => {
    assert.equal(lowered(`- 'a*b'`), `_raw wildcard "*a*b*"`);
  });

  test('a numeric keyword is text', () => {
    assert.equal(lowered(`- 4625`), `_raw contains "4625"`);
  });

  test('a list of maps is an OR of ANDs', () => {
    assert.equal(
      lowered(`- Image: 'a'\n  User: 'b'\n- Image: 'c'`),
      `or(and(Image eq "a", User eq "b"), Image eq "c")`,
    );
  });
});

describe('malformed items', () => {
  test('an unknown modifier is opaque, with its column', () => {
    const { rule } = detectionOf(`Image|sortof: 'x'`);
    assert.deepEqual(
      rule.diagnostics.map(({ code, line, column }) => ({ code, line, column })),
      [{ code: 'sigma.unknown-modifier', line: 7, column: 15 }],
    );
  });

  test('an empty list of values is opaque', () => {
    const { codes } = rejected(`Image: []`);
    assert.deepEqual(codes, ['sigma.invalid-value']);
  });

  test('a map as a value is opaque', () => {
    const { codes } = rejected(`Image:\n    nested: 'x'`);
    assert.deepEqual(codes, ['sigma.invalid-value']);
  });
});
