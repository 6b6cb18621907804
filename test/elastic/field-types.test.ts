// Field types from the compiled ECS and non-ECS schemas, and how they change what KQL and query
// DSL values lower to: keywords exactly, text by analyzed words, addresses without case.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Expr } from '../../src/ir/index.js';
import {
  comparesCase,
  ECS_VERSION,
  fieldFamilyOf,
  fieldTypeOf,
} from '../../src/lower/elastic/field-types.js';
import { notation } from '../sigma/expr-notation.js';
import { lowerKql, lowerRule } from './elastic-fixture.js';

function kql(query: string): string {
  return notation(lowerKql(query).pipeline[0].predicate as Expr);
}

describe('Elastic field types', () => {
  it('reads the family of ECS fields from the compiled schema', () => {
    assert.equal(ECS_VERSION, '9.5.0');
    assert.deepEqual(
      ['process.name', 'message', 'user.name.text', 'source.ip', 'event.duration', '@timestamp',
        'dll.code_signature.trusted', 'process.command_line', 'labels'].map(fieldFamilyOf),
      ['keyword', 'text', 'text', 'ip', 'number', 'date', 'boolean', 'keyword', 'other'],
    );
  });

  it('reads fields ECS lacks from detection-rules\' non-ECS schema', () => {
    assert.equal(fieldFamilyOf('powershell.file.script_block_text'), 'text');
    assert.equal(fieldFamilyOf('winlog.event_data.CallTrace'), 'keyword');
    assert.equal(fieldFamilyOf('problemchild.prediction'), 'number');
  });

  it('types other fields by their names, keywords by default', () => {
    assert.deepEqual(
      ['okta.debug.text', 'process.name.caseless', 'aws.source_ip', 'okta.client.ip', 'x.y'].map(
        fieldFamilyOf,
      ),
      ['text', 'caseless', 'ip', 'ip', 'keyword'],
    );
  });

  it('keeps four matching categories in fieldTypeOf: numbers and dates match as keywords', () => {
    assert.deepEqual(
      ['event.duration', 'message', 'source.ip', 'process.name.caseless'].map(fieldTypeOf),
      ['keyword', 'text', 'ip', 'caseless'],
    );
  });

  it('compares case for all but caseless keywords, text and addresses', () => {
    assert.deepEqual(
      (['keyword', 'number', 'other', 'caseless', 'text', 'ip'] as const).map(comparesCase),
      [true, true, true, false, false, false],
    );
  });

  it('matches a KQL value on a text field by its analyzed words', () => {
    assert.equal(
      kql('message: svchost.exe,Started'),
      'or(message contains "svchost.exe", message contains "Started")',
    );
    assert.equal(kql('event.duration: 5'), 'event.duration eq cased 5');
    assert.equal(kql('process.name.caseless: cmd.exe'), 'process.name.caseless eq "cmd.exe"');
  });

  it('matches query DSL `match` by words and `match_phrase` as a phrase on text fields', () => {
    const filters = [
      { query: { match: { message: { query: 'access denied' } } } },
      { query: { match_phrase: { message: 'access denied' } } },
      { query: { match: { 'process.name': 'cmd.exe' } } },
    ];
    const { pipeline } = lowerRule({ type: 'query', language: 'kuery', query: '', filters });
    assert.equal(
      notation(pipeline[0].predicate as Expr),
      'and(or(message contains "access", message contains "denied"), ' +
        'message contains "access denied", process.name eq cased "cmd.exe")',
    );
  });
});
