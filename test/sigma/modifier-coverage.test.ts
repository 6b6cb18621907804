// Every value modifier the Sigma specification names has a lowering stated here as an exact
// predicate tree, and every chain the specification rules out a diagnostic naming the modifier.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MODIFIER_KINDS } from '../../src/languages/sigma/modifiers.js';
import { notation } from './expr-notation.js';
import { lowerRule, ruleWithDetection } from './rule-text.js';

/** Lowers `selection` (one detection item per line) and returns its tree and diagnostics. */
function lowering(selection: string): { tree: string; diagnostics: string[] } {
  const body = `selection:\n${selection
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n')}\ncondition: selection`;
  const rule = lowerRule(ruleWithDetection(body));
  const stage = rule.pipeline.find((candidate) => candidate.command === 'detection');
  assert.ok(stage?.predicate, 'the rule has a detection predicate');
  const diagnostics = rule.diagnostics.map(
    (d) => `${d.severity} ${d.code} ${d.file}:${d.line}:${d.column} ${d.message}`,
  );
  return { tree: notation(stage.predicate), diagnostics };
}

/** One example per modifier: the selection as written and the tree it must lower to. */
const EXAMPLES: Record<keyof typeof MODIFIER_KINDS, [selection: string, tree: string]> = {
  contains: [`CommandLine|contains: 'whoami'`, `CommandLine contains "whoami"`],
  startswith: [`Image|startswith: 'C:\\Temp\\'`, `Image startswith "C:\\\\Temp\\\\"`],
  endswith: [`Image|endswith: '\\cmd.exe'`, `Image endswith "\\\\cmd.exe"`],
  windash: [
    `CommandLine|windash: '/s'`,
    'or(CommandLine eq "/s", CommandLine eq "-s", CommandLine eq "\u2013s", ' +
      'CommandLine eq "\u2014s", CommandLine eq "\u2015s")',
  ],
  base64: [`CommandLine|base64: 'calc'`, `CommandLine eq "Y2FsYw=="`],
  base64offset: [
    `CommandLine|base64offset|contains: 'calc'`,
    'or(CommandLine contains "Y2FsY", CommandLine contains "NhbG", ' +
      'CommandLine contains "jYWxj")',
  ],
  utf16le: [`Payload|utf16le: 'ab'`, `Payload eq "a\\u0000b\\u0000"`],
  utf16be: [`Payload|utf16be: 'ab'`, `Payload eq "\\u0000a\\u0000b"`],
  utf16: [`Payload|utf16: 'ab'`, `Payload eq "\u00ff\u00fea\\u0000b\\u0000"`],
  wide: [`Payload|wide|base64: 'ab'`, `Payload eq "YQBiAA=="`],
  expand: [`Workstation|expand: '%JumpServers%'`, `Workstation placeholder "%JumpServers%"`],
  all: [
    `CommandLine|contains|all:\n    - ' -enc '\n    - ' -nop '`,
    `and(CommandLine contains " -enc ", CommandLine contains " -nop ")`,
  ],
  cased: [`CommandLine|cased: 'RunDLL32'`, `CommandLine eq cased "RunDLL32"`],
  neq: [`User|neq: 'SYSTEM'`, `not(User eq "SYSTEM")`],
  re: [`CommandLine|re: '\\s-e(nc)?\\s'`, `CommandLine regex cased "\\\\s-e(nc)?\\\\s"`],
  i: [`CommandLine|re|i: 'invoke-\\w+'`, `CommandLine regex/i "invoke-\\\\w+"`],
  m: [`ScriptBlockText|re|m: '^iex'`, `ScriptBlockText regex/m cased "^iex"`],
  s: [`ScriptBlockText|re|s: 'a.+b'`, `ScriptBlockText regex/s cased "a.+b"`],
  cidr: [`DestinationIp|cidr: '192.168.0.0/16'`, `DestinationIp cidr "192.168.0.0/16"`],
  lt: [`Size|lt: 100`, `Size lt 100`],
  lte: [`Size|lte: 100`, `Size le 100`],
  gt: [`Size|gt: 100`, `Size gt 100`],
  gte: [`Size|gte: 100`, `Size ge 100`],
  exists: [`ParentImage|exists: false`, `not(ParentImage exists)`],
  fieldref: [`TargetUser|fieldref: SubjectUser`, `TargetUser fieldref "SubjectUser"`],
  minute: [`LogonTime|minute: 30`, `minute(LogonTime) eq 30`],
  hour: [`LogonTime|hour|lt: 6`, `hour(LogonTime) lt 6`],
  day: [`LogonTime|day: 1`, `day(LogonTime) eq 1`],
  week: [`LogonTime|week: 52`, `week(LogonTime) eq 52`],
  month: [`LogonTime|month: 12`, `month(LogonTime) eq 12`],
  year: [`LogonTime|year|gte: 2024`, `year(LogonTime) ge 2024`],
};

describe('every modifier of the specification', () => {
  for (const [name, [selection, tree]] of Object.entries(EXAMPLES)) {
    test(`'${name}' lowers to its exact predicate tree`, () => {
      assert.deepEqual(lowering(selection), { tree, diagnostics: [] });
    });
  }

  test('the examples name exactly the modifiers the specification defines', () => {
    assert.deepEqual(Object.keys(EXAMPLES).sort(), Object.keys(MODIFIER_KINDS).sort());
  });
});

describe('modifier chains', () => {
  test('modifiers apply in the order written: UTF-16 first, then base64', () => {
    assert.equal(lowering(`P|utf16le|base64: 'ab'`).tree, `P eq "YQBiAA=="`);
    const utf16OfBase64 = `P eq "Y\\u0000W\\u0000I\\u0000=\\u0000"`;
    assert.equal(lowering(`P|base64|utf16le: 'ab'`).tree, utf16OfBase64);
  });

  test('wide, base64offset and contains: the UTF-16 text at each of the three offsets', () => {
    assert.equal(
      lowering(`CommandLine|wide|base64offset|contains: 'ab'`).tree,
      'or(CommandLine contains "YQBiA", CommandLine contains "EAYg", ' +
        'CommandLine contains "hAGIA")',
    );
  });

  test('regex flags read the same in any order', () => {
    assert.equal(lowering(`C|re|s|m|i: 'x'`).tree, `C regex/ims "x"`);
  });

  test('neq over a regex, a network and a field reference', () => {
    assert.equal(lowering(`C|re|neq: 'x'`).tree, `not(C regex cased "x")`);
    assert.equal(lowering(`Ip|cidr|neq: '10.0.0.0/8'`).tree, `not(Ip cidr "10.0.0.0/8")`);
    assert.equal(lowering(`A|fieldref|neq: B`).tree, `not(A fieldref "B")`);
  });

  test('windash within contains, on each dash the value holds', () => {
    assert.equal(
      lowering(`CommandLine|contains|windash: '-w h'`).tree,
      'or(CommandLine contains "-w h", CommandLine contains "/w h", ' +
        'CommandLine contains "\u2013w h", CommandLine contains "\u2014w h", ' +
        'CommandLine contains "\u2015w h")',
    );
  });

  test('placeholders keep the wildcards of contains around them', () => {
    const placeholder = `User placeholder "*%Admins%*"`;
    assert.equal(lowering(`User|contains|expand: '%Admins%'`).tree, placeholder);
  });
});

describe('values the specification treats specially', () => {
  test("null is an absent field, '' an empty one", () => {
    assert.equal(lowering(`PasswordLastSet: null`).tree, `not(PasswordLastSet exists)`);
    assert.equal(lowering(`PasswordLastSet: ''`).tree, `PasswordLastSet eq ""`);
  });

  test('null among other values is lowered as read, with a warning', () => {
    assert.deepEqual(lowering(`Field:\n    - ''\n    - null`), {
      tree: `or(Field eq "", not(Field exists))`,
      diagnostics: [
        'warning sigma.null-in-list rules/test/rule.yml:9:15 ' +
          "null in the list of 'Field': the specification wants its own selection",
      ],
    });
  });

  test('all over a single value is lowered as read, with a warning', () => {
    assert.deepEqual(lowering(`CommandLine|contains|all: 'x'`), {
      tree: `CommandLine contains "x"`,
      diagnostics: [
        'warning sigma.all-with-one-value rules/test/rule.yml:7:30 ' +
          "'all' over a single value of 'CommandLine|contains|all': the specification forbids it",
      ],
    });
  });

  test('keywords match anywhere in the event, and take modifiers', () => {
    assert.equal(lowering(`- 'mimikatz'`).tree, `_raw contains "mimikatz"`);
    assert.equal(lowering(`'|re': 'sekurlsa::\\w+'`).tree, `_raw regex cased "sekurlsa::\\\\w+"`);
    assert.equal(lowering(`'|cased': 'Mimikatz'`).tree, `_raw contains cased "Mimikatz"`);
  });
});

describe('chains the specification rules out', () => {
  /** The item is opaque; the diagnostic points at `modifier` (items are indented 8 columns). */
  const invalid = (selection: string, modifier: string, message: string) => {
    const column = 8 + selection.indexOf(`|${modifier}`) + 2;
    assert.deepEqual(lowering(selection), {
      tree: `opaque(${JSON.stringify(selection)})`,
      diagnostics: [
        `error sigma.invalid-modifier-chain rules/test/rule.yml:7:${column} ${message}`,
      ],
    });
  };

  test('base64offset without contains', () => {
    const message = `'base64offset' needs 'contains' after it`;
    invalid(`C|base64offset: 'calc'`, 'base64offset', message);
    invalid(`C|base64offset|endswith: 'calc'`, 'base64offset', message);
  });

  test('a transformation after a type modifier', () => {
    invalid(`C|re|contains: 'x'`, 'contains', `'contains' cannot follow 're'`);
    invalid(`C|fieldref|endswith: 'x'`, 'endswith', `'endswith' cannot follow 'fieldref'`);
  });

  test('a type modifier after a transformation, or after another type modifier', () => {
    invalid(`C|contains|re: 'x'`, 're', `'re' cannot follow 'contains'`);
    invalid(`C|lt|gt: 1`, 'gt', `'gt' cannot follow 'lt'`);
  });

  test('a regex flag without re', () => {
    invalid(`C|contains|i: 'x'`, 'i', `the regex flag 'i' needs 're' before it`);
  });

  test('expand with a type modifier, before or after it', () => {
    invalid(`C|expand|re: '%x%'`, 'expand', `'expand' cannot be combined with 're'`);
    invalid(`C|cidr|expand: '%x%'`, 'expand', `'expand' cannot be combined with 'cidr'`);
  });

  test('an unknown modifier', () => {
    assert.deepEqual(lowering(`C|contains|upper: 'x'`).diagnostics, [
      `error sigma.unknown-modifier rules/test/rule.yml:7:20 'upper' is not a Sigma modifier`,
    ]);
  });

  test('a regex RE2 cannot run in linear time is opaque', () => {
    assert.deepEqual(lowering(`C|re: '(a)\\1'`), {
      tree: `opaque("C|re: '(a)\\\\1'")`,
      diagnostics: [
        'error sigma.unsupported-regex rules/test/rule.yml:7:9 the regular expression cannot ' +
          'be run in linear time: error parsing regexp: invalid escape sequence: `\\1`',
      ],
    });
  });

  test('an unclosed group in a regex is a syntax error, not a pattern RE2 cannot run', () => {
    assert.deepEqual(lowering(`Image|re: '(unclosed'`), {
      tree: `opaque("Image|re: '(unclosed'")`,
      diagnostics: [
        'error sigma.invalid-regex rules/test/rule.yml:7:9 the regular expression has a ' +
          'syntax error: error parsing regexp: missing closing ): `(unclosed`',
      ],
    });
  });
});
