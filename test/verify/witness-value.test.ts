import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Op, Scalar } from '../../src/ir/index.js';
import type { FieldCondition } from '../../src/verify/field-condition.js';
import { regexInstances } from '../../src/verify/regex-instance.js';
import { chooseValue, type ValueChoice } from '../../src/verify/witness-value.js';

function met(op: Op, values: Scalar[], caseSensitive = false): FieldCondition {
  return { op, values, caseSensitive, flags: '', negated: false, missingIsUnknown: false };
}

function avoided(op: Op, values: Scalar[], caseSensitive = false): FieldCondition {
  return { ...met(op, values, caseSensitive), negated: true };
}

function value(choice: ValueChoice): Scalar | string {
  return choice.kind === 'value' ? choice.value : choice.kind;
}

describe('the value a witness field takes', () => {
  test('an equality gives its value as written', () => {
    assert.equal(value(chooseValue([met('eq', [4104])])), 4104);
  });

  test('a prefix, a substring and a suffix are joined, sharing a path separator', () => {
    const choice = chooseValue([
      met('startswith', ['C:\\Windows\\']),
      met('contains', ['System32']),
      met('endswith', ['\\cmd.exe']),
    ]);
    assert.equal(value(choice), 'C:\\Windows\\System32\\cmd.exe');
  });

  test('an equality must also meet the other conditions, or another value is tried', () => {
    const choice = chooseValue([met('eq', ['a.exe', 'b.exe']), met('startswith', ['b'])]);
    assert.equal(value(choice), 'b.exe');
  });

  test('a variant tries the next value of a list first', () => {
    assert.equal(value(chooseValue([met('eq', ['a', 'b', 'c'])], 1)), 'b');
    assert.equal(value(chooseValue([met('eq', ['a', 'b', 'c'])], 5)), 'c');
  });

  test('numeric ranges give a whole number inside all of them', () => {
    assert.equal(value(chooseValue([met('gt', [5]), met('le', [10])])), 6);
    assert.equal(value(chooseValue([met('lt', [3])])), 2);
    assert.equal(value(chooseValue([met('gt', [5]), met('lt', [6])])), 'unknown');
  });

  test('a CIDR block gives the address after its network address', () => {
    assert.equal(value(chooseValue([met('cidr', ['10.0.0.0/8'])])), '10.0.0.1');
    assert.equal(value(chooseValue([met('cidr', ['fe80::/10'])])), 'fe80::1');
  });

  test('a wildcard pattern gives an instance of it', () => {
    // Backslash escapes the next character: `\\` is one backslash, `\*` a star.
    assert.equal(value(chooseValue([met('wildcard', ['C:\\\\*\\\\a?.exe'])])), 'C:\\\\ax.exe');
    assert.equal(value(chooseValue([met('wildcard', ['a\\*b*'])])), 'a*b');
  });

  test('a field that must only exist gets a placeholder value', () => {
    assert.equal(value(chooseValue([met('exists', [])])), 'ruledex-witness');
  });

  test('a field that must only avoid values is left out where a missing field avoids them', () => {
    assert.equal(value(chooseValue([avoided('eq', ['x'])])), 'absent');
  });

  test('where a missing field makes the comparison unknown, it gets a value avoiding them', () => {
    const condition = { ...avoided('eq', ['ruledex-witness']), missingIsUnknown: true };
    assert.equal(value(chooseValue([condition])), 'x');
  });

  test('a value avoiding a case-sensitive spelling is spelled in another case', () => {
    const choice = chooseValue([met('contains', ['cmd']), avoided('contains', ['cmd'], true)]);
    assert.equal(value(choice), 'CMD');
  });

  test('a value is chosen around an avoided suffix', () => {
    const choice = chooseValue([met('contains', ['use ']), avoided('endswith', [' '])]);
    assert.equal(value(choice), 'use x');
  });

  test('a case that asks for a substring and its absence keeps no event', () => {
    const choice = chooseValue([met('contains', ['%AppData%']), avoided('contains', ['appdata'])]);
    assert.equal(choice.kind, 'empty');
  });

  test('a case-insensitive substring is not contradicted by a case-sensitive absence', () => {
    const conditions = [met('contains', ['AppData']), avoided('contains', ['AppData'], true)];
    const choice = chooseValue(conditions);
    assert.equal(value(choice), 'APPDATA');
  });

  test('a case that asks for a value and for the field to be absent keeps no event', () => {
    assert.equal(chooseValue([met('contains', ['x']), avoided('exists', [])]).kind, 'empty');
    assert.equal(value(chooseValue([met('eq', [null]), avoided('exists', [])])), 'absent');
  });

  test('an equality with null asks for the field to be absent', () => {
    assert.equal(value(chooseValue([met('eq', [null])])), 'absent');
    assert.equal(value(chooseValue([avoided('eq', [null])])), 'ruledex-witness');
  });

  test('a simple regex gives an instance a real engine accepts', () => {
    assert.equal(value(chooseValue([met('regex', ['://\\d{1,3}\\.\\d+'], true)])), '://0.0');
  });

  test('a regex with lookaround cannot be witnessed', () => {
    const choice = chooseValue([met('regex', ['a(?=b)'], true)]);
    assert.deepEqual(choice, { kind: 'unknown', reason: 'regex-not-simple', detail: 'a(?=b)' });
  });

  test('placeholders and field references cannot be witnessed', () => {
    const choice = chooseValue([met('placeholder', ['%Admins%'])]);
    assert.deepEqual(choice, {
      kind: 'unknown',
      reason: 'not-modelled',
      detail: 'placeholder %Admins%',
    });
    assert.equal(chooseValue([met('fieldref', ['ParentImage'])]).kind, 'unknown');
  });

  test('conditions no single value meets are unknown, not empty', () => {
    const choice = chooseValue([met('eq', ['a']), met('eq', ['b'])]);
    assert.equal(choice.kind, 'unknown');
  });
});

describe('instances of simple regular expressions', () => {
  test('classes, escapes and counted repetition take their first or least reading', () => {
    assert.deepEqual(regexInstances('^C:\\\\Users\\\\[^\\\\]+\\\\NTUSER\\.DAT$'), [
      'C:\\Users\\x\\NTUSER.DAT',
    ]);
    assert.deepEqual(regexInstances('[0-9]{3}-\\w+\\s?x'), ['000-ax']);
  });

  test('alternatives give one instance each, inline flags and named groups are read', () => {
    assert.deepEqual(regexInstances('(?i)foo(bar|baz)'), ['foobar', 'foobaz']);
    assert.deepEqual(regexInstances('(?P<name>ab)(?:c|d)'), ['abc', 'abd']);
  });

  test('lookaround, backreferences and Unicode classes give no instance', () => {
    assert.equal(regexInstances('a(?!b)'), null);
    assert.equal(regexInstances('(a)\\1'), null);
    assert.equal(regexInstances('\\p{L}'), null);
    assert.equal(regexInstances('(unclosed'), null);
  });
});
