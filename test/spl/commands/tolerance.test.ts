// Every dedicated reader takes any argument text without throwing: what it cannot read
// becomes a problem located inside the command.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePipeline } from '../../../src/languages/spl/pipeline-parser.js';

const COMMANDS = [
  'bin', 'bucket', 'mvexpand', 'makemv', 'mvcombine', 'nomv', 'spath', 'fromjson', 'xmlkv',
  'extract', 'kv', 'multikv', 'iplocation', 'addtotals', 'strcat', 'filldown', 'rangemap',
  'delta', 'accum', 'addinfo', 'tojson', 'sort', 'replace', 'transaction', 'inputlookup',
  'outputlookup', 'collect', 'from', 'datamodel', 'makeresults', 'rest', 'union', 'multisearch',
  'apply', 'fit', 'outlier', 'anomalydetection', 'cyberchef', 'map', 'head', 'tail', 'return',
  'format', 'xyseries', 'untable', 'top', 'rare',
];

const HOSTILE = [
  '', '(', ')', '"', '[', ']', '=', 'a=', '=b', ',', 'as', 'AS x', 'by', 'with', 'in',
  'x with', 'where', 'where (', 'search=', 'search="', 'search="| where (" x',
  'startswith=eval(', 'endswith=eval(x>)', 'startswith=(a', 'jsonrecipe="[', 'jsonrecipe="[{"',
  '`m`', '```c```', 'x y z', '- -', '((((', '"\\"', '[search [search', 'limit=-1 count=x',
  'fields', 'filter', 'into', 'from', 'x from', 'low=1-', 'field=', '$', '-str(', '10 d',
];

describe('reader tolerance', () => {
  it('reads hostile arguments of every command without throwing, problems inside the text', () => {
    let problems = 0;
    for (const command of COMMANDS) {
      for (const args of HOSTILE) {
        const text = `| ${command} ${args}`;
        const [node] = parsePipeline(text).commands;
        assert.equal(node.name, command);
        for (const issue of node.issues) {
          const { start, end } = issue.span;
          assert.ok(0 <= start && start <= end && end <= text.length, `${text}: ${issue.message}`);
          problems += 1;
        }
      }
    }
    assert.ok(problems > COMMANDS.length, 'hostile arguments are reported');
  });
});
