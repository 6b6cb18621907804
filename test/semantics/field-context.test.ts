// The field context of a rule: which computed fields are a normalization macro's value.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import type { Stage } from '../../src/ir/index.js';
import { fieldContextOf } from '../../src/semantics/field-context.js';

const EXECVE_MACRO = 'linux_auditd_normalized_execve_process';

function evalStage(index: number, field: string, macro?: string): Stage {
  return {
    index,
    command: 'eval',
    text: `eval ${field}=x`,
    effect: 'enrich',
    args: { assignments: [{ field }] },
    ...(macro ? { origin: { macro, args: [], definedIn: `macros/${macro}.yml` } } : {}),
  };
}

test('a field the auditd normalization macro computes is the command line', () => {
  const context = fieldContextOf({
    source: 'splunk',
    eventFilter: null,
    pipeline: [evalStage(1, 'process_exec', EXECVE_MACRO), evalStage(2, 'other')],
  });
  assert.deepEqual(context.macroFields, { process_exec: 'process.command_line' });
  assert.deepEqual(context.computedFields, ['process_exec', 'other']);
});

test('a field the rule computes again itself is no longer the macro value', () => {
  const context = fieldContextOf({
    source: 'splunk',
    eventFilter: null,
    pipeline: [evalStage(1, 'process_exec', EXECVE_MACRO), evalStage(2, 'process_exec')],
  });
  assert.deepEqual(context.macroFields, {});
});

test('a macro not in the table gives its fields no meaning', () => {
  const context = fieldContextOf({
    source: 'splunk',
    eventFilter: null,
    pipeline: [evalStage(1, 'process_exec', 'my_own_macro'), evalStage(2, 'x', 'constructor')],
  });
  assert.deepEqual(context.macroFields, {});
});
