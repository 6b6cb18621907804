// A backquote that is never closed: Splunk refuses the search ("Missing a closing tick mark"), so
// the command holding it is a syntax error and its stage is not understood.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lower } from './spl-fixture.js';

const UNCLOSED = 'a backquote opens a macro call that is never closed (missing a closing tick mark)';

describe('unclosed backquotes', () => {
  it('make the search an opaque stage with an spl.syntax error at its line', () => {
    const { pipeline, diagnostics } = lower('`unterminated macro index=x');
    assert.deepEqual(diagnostics, [{
      severity: 'error',
      code: 'spl.syntax',
      message: UNCLOSED,
      file: 'detections/endpoint/fixture.yml',
      line: 5,
      stage: 1,
    }]);
    assert.equal(pipeline.length, 1);
    assert.equal(pipeline[0].opaque, true);
    assert.equal(pipeline[0].predicate, undefined);
  });

  it('are reported on the line and stage of the command that holds them', () => {
    const { pipeline, diagnostics } = lower('index=x\n| search a=1 `oops b=2\n| stats count');
    const syntax = diagnostics.filter((d) => d.code === 'spl.syntax');
    assert.deepEqual(syntax.map((d) => [d.line, d.stage, d.message]), [[6, 2, UNCLOSED]]);
    assert.equal(pipeline[1].opaque, true);
    assert.equal(pipeline[0].opaque, undefined);
  });

  it('are not seen inside strings, comments or closed macro calls', () => {
    const { diagnostics } = lower('index=x "a`b" ```a comment``` | eval y="`" | `m` z=1',
      [{ name: 'm', definition: 'c=3' }]);
    assert.deepEqual(diagnostics.filter((d) => d.code === 'spl.syntax'), []);
  });
});
