import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { Op, Scalar } from '../../src/ir/index.js';
import { atomImplies, type Atom } from '../../src/analysis/implication/atom.js';

function atom(op: Op, value: Scalar, caseSensitive = false, flags = ''): Atom {
  return { op, value, caseSensitive, flags };
}
const ci = (op: Op, value: Scalar) => atom(op, value);
const cs = (op: Op, value: Scalar) => atom(op, value, true);

/** [narrower atom, broader atom, implied?, what the row shows] */
const TABLE: [Atom, Atom, boolean, string][] = [
  [ci('eq', 'cmd.exe'), ci('eq', 'cmd.exe'), true, 'a value implies itself'],
  [ci('eq', 'cmd.exe'), ci('contains', 'md.e'), true, 'eq implies contains of a substring'],
  [ci('eq', 'cmd.exe'), ci('startswith', 'cmd'), true, 'eq implies startswith of a prefix'],
  [ci('eq', 'cmd.exe'), ci('endswith', '.exe'), true, 'eq implies endswith of a suffix'],
  [ci('eq', 'cmd.exe'), ci('contains', 'x.e'), false, 'eq does not imply a non-substring'],
  [ci('eq', 'cmd.exe'), ci('startswith', 'md'), false, 'a substring is not a prefix'],
  [ci('contains', 'abc'), ci('contains', 'b'), true, 'contains implies a shorter contains'],
  [ci('contains', 'b'), ci('contains', 'abc'), false, 'contains does not imply a longer one'],
  [ci('contains', 'abc'), ci('startswith', 'a'), false, 'contains says nothing of the start'],
  [ci('contains', 'abc'), ci('eq', 'abc'), false, 'contains does not imply eq'],
  [ci('startswith', 'C:\\Windows\\'), ci('startswith', 'C:\\Win'), true, 'prefix of a prefix'],
  [ci('startswith', 'C:\\Windows\\'), ci('contains', 'Windows'), true, 'startswith → contains'],
  [ci('startswith', 'abc'), ci('endswith', 'c'), false, 'startswith says nothing of the end'],
  [ci('endswith', '\\cmd.exe'), ci('endswith', 'cmd.exe'), true, 'suffix of a suffix'],
  [ci('endswith', '\\cmd.exe'), ci('contains', 'cmd'), true, 'endswith → contains'],
  [ci('endswith', 'cmd.exe'), ci('endswith', '\\cmd.exe'), false, 'a longer suffix is not implied'],
  [cs('eq', 'Cmd.exe'), ci('eq', 'cmd.exe'), true, 'case-sensitive eq → insensitive eq'],
  [ci('eq', 'cmd.exe'), cs('eq', 'cmd.exe'), false, 'insensitive eq ↛ case-sensitive eq'],
  [ci('contains', '4104'), cs('contains', '10'), true, 'insensitive → sensitive without letters'],
  [cs('eq', 'CMD'), cs('eq', 'cmd'), false, 'case-sensitive values differing in case'],
  [cs('contains', 'Invoke'), ci('contains', 'INVOKE'), true, 'sensitive → insensitive, folded'],
  [ci('eq', 'É'), ci('eq', 'é'), false, 'only ASCII letters are folded'],
  [ci('eq', 4104), ci('eq', '4104'), true, 'a number equals its numeric string'],
  [ci('eq', '04104'), ci('eq', 4104), false, 'a zero-padded string is not the number'],
  [ci('eq', 4104), ci('contains', '41'), false, 'numbers are not matched as text'],
  [ci('eq', 5), ci('gt', 4), true, 'a point inside a range'],
  [ci('eq', 4), ci('gt', 4), false, 'a point on an open bound'],
  [ci('ge', 5), ci('gt', 4), true, 'a narrower lower bound'],
  [ci('gt', 4), ci('ge', 4), true, 'an open bound inside the closed one'],
  [ci('ge', 4), ci('gt', 4), false, 'a closed bound outside the open one'],
  [ci('lt', 3), ci('le', 3), true, 'an open upper bound inside the closed one'],
  [ci('lt', 5), ci('gt', 1), false, 'an upper bound says nothing of the lower'],
  [ci('ge', 5000), ci('ge', 4000), true, 'ranges agreeing as numbers and as text'],
  [ci('eq', 10000), ci('ge', 4000), false, 'numeric and text order disagree: no claim'],
  [ci('eq', 'high'), ci('gt', 4), false, 'text is not in a numeric range'],
  [ci('wildcard', 'a*b'), ci('wildcard', 'a*b'), true, 'a wildcard implies itself'],
  [ci('wildcard', 'A*B'), ci('wildcard', 'a*b'), true, 'insensitive wildcards fold case'],
  [ci('wildcard', 'a*b'), ci('startswith', 'a'), false, 'wildcards are compared only as equal'],
  [ci('eq', 'ab'), ci('wildcard', 'a*b'), false, 'wildcard matching is not decided'],
  [atom('regex', 'a.+b'), atom('regex', 'a.+b'), true, 'a regex implies itself'],
  [atom('regex', 'A'), atom('regex', 'a'), false, 'regex patterns are never folded'],
  [atom('regex', 'a', false, 'i'), atom('regex', 'a'), false, 'regex flags must agree'],
  [ci('ne', 'x'), ci('ne', 'x'), true, 'ne implies itself'],
  [ci('eq', 'y'), ci('ne', 'x'), false, 'eq does not imply ne: fields may hold several values'],
  [ci('cidr', '10.0.0.0/8'), ci('cidr', '10.0.0.0/8'), true, 'a CIDR range implies itself'],
  [ci('cidr', '10.1.0.0/16'), ci('cidr', '10.0.0.0/8'), false, 'CIDR containment not decided'],
];

describe('atom implication', () => {
  for (const [narrower, broader, expected, shows] of TABLE) {
    it(shows, () => {
      assert.equal(atomImplies(narrower, broader), expected);
    });
  }
});
