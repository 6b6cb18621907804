import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { renderedFields } from '../../src/verify/canonical-rendering.js';
import { buildRules, sigmaRule } from './rule-repository.js';

const rules = buildRules({
  sigma: {
    'rules/tools.yml': sigmaRule('tools-x', 'process_creation', [
      'selection:',
      "    Image|startswith: 'C:\\Tools\\'",
      "    Image|endswith: '\\x.exe'",
      'filter:',
      "    CommandLine|contains: ' /quiet'",
      'condition: selection and not filter',
    ]),
  },
});
const tools = rules.get('tools-x')!;

describe('canonical values under a rule’s own field names', () => {
  test('a path and a file name known apart become one path that agrees with both', () => {
    const rendered = renderedFields(tools, new Map([
      ['process.executable', 'C:\\Tools\\'],
      ['process.name', 'x.exe'],
      ['process.command_line', 'x.exe /install'],
    ]));
    assert.equal(rendered.get('Image'), 'C:\\Tools\\x.exe');
    assert.equal(rendered.get('CommandLine'), 'x.exe /install');
  });

  test('a file name the rule does not look for gives a path without its suffix', () => {
    const rendered = renderedFields(tools, new Map([['process.name', 'y.exe']]));
    assert.equal(rendered.get('Image'), 'ruledex-witness');
  });

  test('canonical fields the rule does not read keep their canonical names', () => {
    const rendered = renderedFields(tools, new Map([
      ['process.name', 'x.exe'],
      ['event.dataset', 'endpoint.events.process'],
    ]));
    assert.equal(rendered.get('event.dataset'), 'endpoint.events.process');
  });
});
