// One reading of wildcard values for every language: the shared normalizer, then each lowering
// that uses it, on the points where the three used to differ.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { shapeOfGlob, shapeOfPattern } from '../../src/lower/spl/value-shape.js';
import {
  comparisonOfGlob,
  globText,
  IR_GLOB,
  readGlob,
  type GlobSyntax,
} from '../../src/semantics/value-pattern.js';
import { lowerEqlQuery, lowerEsqlQuery, lowerKql, stageLines } from '../elastic/elastic-fixture.js';
import { notation } from '../sigma/expr-notation.js';
import { lowerRule, ruleWithDetection } from '../sigma/rule-text.js';
import { lower as lowerSplSearch } from '../spl/spl-fixture.js';

const SPL_SEARCH: GlobSyntax = { single: false, escapes: true };
const EQL_MATCH: GlobSyntax = { single: true, escapes: false };

function comparison(pattern: string, syntax: GlobSyntax = IR_GLOB): string {
  const { op, values } = comparisonOfGlob(readGlob(pattern, syntax));
  return [op, ...values.map((value) => JSON.stringify(value))].join(' ');
}

/** The predicates of an SPL search, in the compact notation. */
function spl(search: string): string {
  const [stage] = lowerSplSearch(`search ${search}`).pipeline;
  return stage.predicate ? notation(stage.predicate) : '(none)';
}

function sigma(selection: string): string {
  const rule = lowerRule(ruleWithDetection(`selection:\n  ${selection}\ncondition: selection`));
  const stage = rule.pipeline.find((candidate) => candidate.command === 'detection');
  return stage?.predicate ? notation(stage.predicate) : '(none)';
}

/** One stage of an Elastic rule (the query, unless told), without its stage header. */
function elastic(lowered: ReturnType<typeof lowerKql>, stage = 0): string {
  const line = stageLines(lowered.pipeline)[stage];
  return line.slice(line.indexOf(' | ') + 3);
}

describe('the shared glob normalizer', () => {
  it('reads one literal run around stars as eq, startswith, endswith or contains', () => {
    assert.equal(comparison('abc'), 'eq "abc"');
    assert.equal(comparison('abc*'), 'startswith "abc"');
    assert.equal(comparison('*abc'), 'endswith "abc"');
    assert.equal(comparison('*abc*'), 'contains "abc"');
    assert.equal(comparison(''), 'eq ""');
  });

  it('reads a run of stars as one star', () => {
    assert.equal(comparison('**abc**'), 'contains "abc"');
    assert.equal(comparison('abc***'), 'startswith "abc"');
    assert.equal(comparison('a**b'), 'wildcard "a*b"');
  });

  it('reads stars alone as a test that the field has a value', () => {
    assert.equal(comparison('*'), 'exists');
    assert.equal(comparison('***'), 'exists');
  });

  it('keeps ? and several literal runs as a wildcard pattern in the IR notation', () => {
    assert.equal(comparison('a?c*'), 'wildcard "a?c*"');
    assert.equal(comparison('?'), 'wildcard "?"');
    assert.equal(comparison('*a*b*'), 'wildcard "*a*b*"');
  });

  it('reads ? as a literal character where the language has no one-character wildcard', () => {
    assert.equal(comparison('a?c*', SPL_SEARCH), 'startswith "a?c"');
    assert.equal(comparison('a?c*', IR_GLOB), 'wildcard "a?c*"');
  });

  it('reads a backslash as an escape only where the language escapes', () => {
    assert.equal(comparison('a\\*b', SPL_SEARCH), 'eq "a*b"');
    assert.equal(comparison('C:\\x*', EQL_MATCH), 'startswith "C:\\\\x"');
    assert.equal(comparison('trailing\\', IR_GLOB), 'eq "trailing\\\\"');
  });

  it('escapes literal *, ? and \\ in the wildcard text it writes', () => {
    const parts = readGlob('a\\*b*c?d\\\\e*f', IR_GLOB);
    assert.equal(globText(parts), 'a\\*b*c?d\\\\e*f');
    const path = comparison('C:\\Win\\*\\x*y', EQL_MATCH);
    assert.equal(path, 'wildcard "C:\\\\\\\\Win\\\\\\\\*\\\\\\\\x*y"');
  });
});

describe('SPL search values', () => {
  it('collapse runs of stars, as the other languages do', () => {
    assert.equal(spl('a="**k**"'), 'a contains "k"');
    assert.equal(shapeOfPattern('x**').op, 'startswith');
  });

  it('keep a star-only pattern that reaches the normalizer as the IR pattern *', () => {
    assert.deepEqual(shapeOfPattern('**'), { op: 'wildcard', value: '*' });
    assert.equal(spl('a=*'), 'a exists');
  });

  it('read ? as a literal character', () => {
    assert.equal(spl('a="x?y*"'), 'a startswith "x?y"');
    assert.equal(spl('a="x?y*z"'), 'a wildcard "x\\\\?y*z"');
  });

  it('give numbers for plain numeric values, text for LIKE patterns', () => {
    assert.equal(spl('EventCode=4104'), 'EventCode eq 4104');
    assert.deepEqual(shapeOfGlob('4104'), { op: 'eq', value: '4104' });
    assert.deepEqual(shapeOfGlob('a?b*'), { op: 'wildcard', value: 'a?b*' });
  });
});

describe('Sigma values', () => {
  it('read * alone as a field that exists', () => {
    assert.equal(sigma(`Image: '*'`), 'Image exists');
  });

  it('read ? as a one-character wildcard unless escaped', () => {
    assert.equal(sigma(`Image: 'a?c*'`), 'Image wildcard "a?c*"');
    assert.equal(sigma(`Image: 'a\\?c*'`), 'Image startswith "a?c"');
  });

  it('collapse runs of stars', () => {
    assert.equal(sigma(`Image: '**\\x.exe'`), 'Image endswith "\\\\x.exe"');
  });
});

describe('Elastic values', () => {
  it('KQL reads ? as a literal character and * alone as exists', () => {
    assert.equal(elastic(lowerKql('process.name : x?y*')), 'process.name startswith cased "x?y"');
    assert.equal(elastic(lowerKql('process.name : *')), 'process.name exists cased');
  });

  it('EQL : reads ? as a one-character wildcard and collapses runs of stars', () => {
    const eql = (condition: string) => elastic(lowerEqlQuery(`process where ${condition}`));
    assert.equal(
      eql('process.name : "x?y*"'),
      'and(event.category eq cased "process", process.name wildcard "x?y*")',
    );
    assert.equal(
      eql('process.name : "**a**"'),
      'and(event.category eq cased "process", process.name contains "a")',
    );
  });

  it('ES|QL LIKE reads ? as a one-character wildcard and \\ as an escape', () => {
    const like = (pattern: string) =>
      elastic(lowerEsqlQuery(`from logs-* | where process.name like "${pattern}"`), 1);
    assert.equal(like('a\\\\*b*'), 'process.name startswith cased "a*b"');
    assert.equal(like('a\\\\*b?*'), 'process.name wildcard cased "a\\\\*b?*"');
  });
});
