// where and eval on one event: precedence, case-sensitive comparisons, null, functions,
// arithmetic, and eval assignments seen by later commands.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { matched, notMatched, statusOf, verdictOf } from './spl-match-fixture.js';

function where(condition: string, fields: Record<string, string | number | string[]>) {
  return statusOf(`a=* | where ${condition}`, { a: 1, ...fields });
}

describe('where precedence and case', () => {
  it('AND binds tighter than OR', () => {
    const condition = 'x="1" OR y="2" AND z="3"';
    assert.equal(where(condition, { x: '1' }), 'matched');
    assert.equal(where(condition, { y: '2' }), 'not-matched');
    assert.equal(where(condition, { y: '2', z: '3' }), 'matched');
  });

  it('NOT applies to the comparison after it, before AND', () => {
    assert.equal(where('NOT x="1" AND y="2"', { x: '0', y: '2' }), 'matched');
    assert.equal(where('NOT x="1" AND y="2"', { x: '1', y: '2' }), 'not-matched');
  });

  it('= is case-sensitive in where, unlike search', () => {
    assert.equal(where('user="Admin"', { user: 'Admin' }), 'matched');
    assert.equal(where('user="Admin"', { user: 'admin' }), 'not-matched');
    assert.equal(statusOf('user=Admin', { user: 'admin' }), 'matched');
  });

  it('a bare word on the right is a field, so two fields compare', () => {
    assert.equal(where('user=src_user', { user: 'bob', src_user: 'bob' }), 'matched');
    assert.equal(where('user=src_user', { user: 'bob', src_user: 'eve' }), 'not-matched');
  });

  it('a comparison with an absent field is false: x!="a" drops, NOT x="a" keeps', () => {
    assert.equal(where('x="a"', {}), 'not-matched');
    assert.equal(where('x!="a"', {}), 'not-matched');
    assert.equal(where('NOT x="a"', {}), 'matched');
    assert.equal(where('NOT like(x, "a%")', {}), 'matched');
    assert.equal(where('isnull(x) OR x!="a"', {}), 'matched');
  });

  it('and, or, not are keywords in lower case too', () => {
    const condition = 'not d="corp.com" and e="corp.com"';
    assert.equal(where(condition, { d: 'evil.com', e: 'corp.com' }), 'matched');
    assert.equal(where(condition, { d: 'corp.com', e: 'corp.com' }), 'not-matched');
  });

  it('numbers compare as numbers, texts as texts', () => {
    assert.equal(where('count > 9', { count: '10' }), 'matched');
    assert.equal(where('name > "m"', { name: 'Zed' }), 'not-matched');
    assert.equal(where('count = 10', { count: '10.0' }), 'matched');
  });

  it('the reason names the first failed conjunct', () => {
    const verdict = verdictOf('a=* | where len(x) > 3 AND like(x, "ab%")', { a: 1, x: 'zzzz' });
    assert.deepEqual(verdict, notMatched('like(x, "ab%")'));
  });
});

describe('where functions', () => {
  it('like takes % for any run and _ for one character, case-sensitively', () => {
    assert.equal(where('like(p, "%\\\\cmd.exe")', { p: 'C:\\x\\cmd.exe' }), 'matched');
    assert.equal(where('p LIKE "c_d%"', { p: 'cmd.exe' }), 'matched');
    assert.equal(where('p LIKE "c_d%"', { p: 'CMD.exe' }), 'not-matched');
    assert.equal(where('p LIKE "c_d"', { p: 'cmd.exe' }), 'not-matched');
  });

  it('a backslash in a like pattern is an ordinary character', () => {
    const condition = 'like(p, "%\\\\windows\\\\system32\\\\%")';
    assert.equal(where(condition, { p: 'C:\\Windows\\System32\\x.exe' }), 'not-matched');
    assert.equal(where(condition, { p: 'c:\\windows\\system32\\x.exe' }), 'matched');
    assert.equal(where(condition, { p: 'c:\\windows\\system32' }), 'not-matched');
  });

  it('match finds a regular expression anywhere, through RE2', () => {
    assert.equal(where('match(p, "-e(nc|ncodedcommand)\\\\s")', { p: 'ps -enc AAA' }), 'matched');
    assert.equal(where('match(p, "^ps$")', { p: 'ps -enc' }), 'not-matched');
    assert.equal(where('match(p, "(?i)PS")', { p: 'ps' }), 'matched');
  });

  it('a regex RE2 cannot run is undecided, with the reason', () => {
    const verdict = verdictOf('a=* | where match(p, "(?=x)x")', { a: 1, p: 'x' });
    assert.equal(verdict.status, 'undecided');
    assert.match(verdict.reason ?? '', /RE2 cannot run/);
  });

  it('a malformed regex is undecided, with its syntax error', () => {
    const verdict = verdictOf('a=* | where match(p, "x[")', { a: 1, p: 'x' });
    assert.equal(verdict.status, 'undecided');
    assert.match(verdict.reason ?? '', /"x\[" has a syntax error \(.*missing closing \]/);
  });

  it('cidrmatch, in, isnull, isnotnull, coalesce', () => {
    assert.equal(where('cidrmatch("10.0.0.0/8", ip)', { ip: '10.1.2.3' }), 'matched');
    assert.equal(where('cidrmatch("10.0.0.0/8", ip)', { ip: '172.16.0.1' }), 'not-matched');
    assert.equal(where('in(p, "a", "b")', { p: 'b' }), 'matched');
    assert.equal(where('p IN ("a", "b")', { p: 'B' }), 'not-matched');
    assert.equal(where('isnotnull(p) AND isnull(q)', { p: 'x' }), 'matched');
    assert.equal(where('coalesce(q, p) = "x"', { p: 'x' }), 'matched');
  });

  it('text functions: len, lower, upper, trim, substr, replace, split, urldecode', () => {
    assert.equal(where('len(p) = 7', { p: 'cmd.exe' }), 'matched');
    assert.equal(where('lower(p) = "cmd.exe"', { p: 'CMD.EXE' }), 'matched');
    assert.equal(where('upper(p) = "CMD.EXE"', { p: 'cmd.exe' }), 'matched');
    assert.equal(where('trim(p) = "x"', { p: '  x\t' }), 'matched');
    assert.equal(where('substr(p, 2, 3) = "md."', { p: 'cmd.exe' }), 'matched');
    assert.equal(where('substr(p, -3) = "exe"', { p: 'cmd.exe' }), 'matched');
    assert.equal(where('replace(p, "(\\\\w+)@(\\\\w+)", "\\\\2/\\\\1") = "corp/bob"',
      { p: 'bob@corp' }), 'matched');
    assert.equal(where('mvcount(split(p, ",")) = 3', { p: 'a,b,c' }), 'matched');
    assert.equal(where('urldecode(p) = "a b/é"', { p: 'a%20b%2F%C3%A9' }), 'matched');
  });

  it('conversions and multivalue functions', () => {
    assert.equal(where('tonumber(p) + 1 = 43', { p: '42' }), 'matched');
    assert.equal(where('tonumber(p, 16) = 255', { p: 'ff' }), 'matched');
    assert.equal(where('tostring(n) . "x" = "5x"', { n: 5 }), 'matched');
    assert.equal(where('mvindex(m, -1) = "c"', { m: ['a', 'b', 'c'] }), 'matched');
    assert.equal(where('mvindex(m, 0, 1) = "b"', { m: ['a', 'b', 'c'] }), 'matched');
    assert.equal(where('mvfind(m, "^b") = 1', { m: ['a', 'b', 'c'] }), 'matched');
    assert.equal(where('mvjoin(m, "+") = "a+b"', { m: ['a', 'b'] }), 'matched');
  });

  it('if and case choose by their first true condition', () => {
    assert.equal(where('if(n > 3, "big", "small") = "big"', { n: 4 }), 'matched');
    assert.equal(where('case(n = 1, "one", n = 2, "two") = "two"', { n: 2 }), 'matched');
    assert.equal(where('isnull(case(n = 1, "one"))', { n: 2 }), 'matched');
  });

  it('an unknown function is undecided, naming it', () => {
    assert.deepEqual(verdictOf('a=* | where frobnicate(x) = 1', { a: 1, x: 1 }), {
      status: 'undecided',
      reason: 'frobnicate(x) = 1: the eval function `frobnicate()` is not evaluated by the matcher',
    });
  });

  it('functions of the clock are undecided', () => {
    assert.equal(where('_time > relative_time(now(), "-1d")', { _time: 1 }), 'undecided');
  });
});

describe('eval', () => {
  it('assigns fields that later where and search commands see', () => {
    const search = 'a=* | eval name=lower(process_name), n=len(name) | where n = 7'
      + ' | search name=cmd.exe';
    assert.deepEqual(verdictOf(search, { a: 1, process_name: 'CMD.EXE' }), matched());
  });

  it('does arithmetic, joins texts with . and + and gives null for text arithmetic', () => {
    assert.equal(where('x * 2 + 1 = 7', { x: '3' }), 'matched');
    assert.equal(where('x % 4 = 3', { x: 7 }), 'matched');
    assert.equal(where('p . "-" . q = "a-b"', { p: 'a', q: 'b' }), 'matched');
    assert.equal(where('p + q = "ab"', { p: 'a', q: 'b' }), 'matched');
    assert.equal(where('isnull(p - 1)', { p: 'a' }), 'matched');
    assert.equal(where('isnull(x / 0)', { x: 1 }), 'matched');
  });

  it('{name} as a target writes the field named by name\'s value', () => {
    const search = 'a=* | eval {key}=value | where Color="red"';
    assert.equal(statusOf(search, { a: 1, key: 'Color', value: 'red' }), 'matched');
    assert.equal(statusOf(search, { a: 1, key: 'Size', value: 'red' }), 'not-matched');
  });

  it('searchmatch evaluates search syntax; mvfilter and mvzip work per value', () => {
    assert.equal(where('searchmatch("user=adm* NOT host=dc*")', { user: 'Admin', host: 'x' }),
      'matched');
    assert.equal(where('mvcount(mvfilter(like(m, "a%"))) = 2', { m: ['ab', 'b', 'ac'] }),
      'matched');
    assert.equal(where('mvindex(mvzip(k, v, "="), 1) = "y=2"', { k: ['x', 'y'], v: ['1', '2'] }),
      'matched');
  });

  it('assigning null removes a field', () => {
    assert.equal(statusOf('a=* | eval a=null() | search a=*', { a: 1 }), 'not-matched');
  });
});
