// A Sigma file of many `---` documents: every rule and failure keeps the line it starts on.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readRuleText } from '../../src/sources/sigma/read-sigma.js';

const DOCUMENTS = 3000;
/** Every hundredth document has no title, so failures are among the rules. */
function documentText(index: number): string {
  const title = index % 100 === 0 ? '' : `title: Rule ${index}\n`;
  return `${title}id: rule-${index}\nlogsource:\n    product: windows\n` +
    `detection:\n    s:\n        A: ${index}\n    condition: s\n`;
}

test('each of 3,000 documents is reported at its own first line and logic line', () => {
  const texts = Array.from({ length: DOCUMENTS }, (_, index) => documentText(index));
  const expected: string[] = [];
  let line = 1;
  texts.forEach((text, index) => {
    const titled = index % 100 !== 0;
    const detectionLine = line + (titled ? 4 : 3);
    expected.push(titled ? `rule-${index} ${line} ${detectionLine}` : `failure ${line}`);
    line += text.split('\n').length; // its lines plus the `---` line after it
  });

  const read = readRuleText(texts.join('---\n'), 'rules/many.yml', null);
  const found = read.map((result) =>
    'reason' in result
      ? `failure ${result.line}`
      : `${result.upstreamId} ${result.line} ${result.queryLine}`,
  );
  assert.deepEqual(found, expected);
});
