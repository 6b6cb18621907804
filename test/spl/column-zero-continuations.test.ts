// Splunk files written for PyYAML: quoted values continued in column 0 are read as PyYAML
// reads them, with a note; anything else that YAML 1.2 rejects stays an error.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  indentColumnZeroContinuations,
} from '../../src/sources/splunk/column-zero-continuations.js';
import { isYamlProblem, readYamlMapping } from '../../src/sources/splunk/yaml-mapping.js';

describe('quoted values continued in column 0', () => {
  it('are read with the lines folded as PyYAML folds them, and a note on the opening line', () => {
    const text = "name: x\ndefinition: 'eval a=1 \n| eval b=''two''\n| fields a'\nkind: m\n";
    const read = readYamlMapping(text, 'the file');
    assert.ok(!isYamlProblem(read));
    assert.equal(read.fields.definition, "eval a=1 | eval b='two' | fields a");
    assert.equal(read.fields.kind, 'm');
    assert.equal(read.lenience?.line, 2);
  });

  it('keep double-quoted escapes and stop at the closing quote', () => {
    const text = 'a: "x \\" y\nz"\nb: 1\n';
    assert.equal(indentColumnZeroContinuations(text), 'a: "x \\" y\n z"\nb: 1\n');
  });

  it('leave files that need no repair untouched', () => {
    assert.equal(indentColumnZeroContinuations("a: 'one line'\nb: 2\n"), null);
    const read = readYamlMapping("a: 'one line'\nb: 2\n", 'the file');
    assert.ok(!isYamlProblem(read));
    assert.equal(read.lenience, undefined);
  });

  it('still fail, on the last line, when the value never closes', () => {
    const read = readYamlMapping("id: x\nsearch: 'EventCode=1\n| stats count\n", 'the detection');
    assert.ok(isYamlProblem(read));
    assert.equal(read.line, 3);
    assert.match(read.reason, /^invalid YAML: Missing closing/);
  });
});
