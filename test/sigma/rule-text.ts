// Reads and lowers Sigma rules written inline in a test, the way a repository file would be.

import type { RuleDocument } from '../../src/ir/index.js';
import { finishRule } from '../../src/lower/finish-rule.js';
import { lowerSigma } from '../../src/lower/sigma/lower-sigma.js';
import type { Rule } from '../../src/ir/index.js';
import { readRuleText } from '../../src/sources/sigma/read-sigma.js';
import { withReferrers } from '../../src/sources/sigma/rule-referrers.js';
import { sigmaContextOf } from '../../src/sources/sigma/sigma-context.js';
import type { ReadFailure } from '../../src/sources/source-read.js';

export function readDocuments(text: string, file = 'rules/test/rule.yml'): RuleDocument[] {
  return readRuleText(text, file, null).filter(
    (result): result is RuleDocument => !('reason' in result),
  );
}

export function readFailures(text: string, file = 'rules/test/rule.yml'): ReadFailure[] {
  return readRuleText(text, file, null).filter(
    (result): result is ReadFailure => 'reason' in result,
  );
}

/** Every rule document of the text, lowered with the others as its repository. */
export function lowerRules(text: string): Rule[] {
  const read = readDocuments(text);
  const documents = withReferrers(read, sigmaContextOf(read));
  const context = sigmaContextOf(documents);
  return documents.map((doc) => finishRule(doc, lowerSigma(doc, context)));
}

export function lowerRule(text: string): Rule {
  const rules = lowerRules(text);
  if (rules.length !== 1) throw new Error(`expected one rule document, read ${rules.length}`);
  return rules[0];
}

/** Removes the indentation common to all non-blank lines, so YAML can be indented in tests. */
export function dedent(text: string): string {
  const lines = text.split('\n');
  while (lines.length > 0 && lines[0].trim() === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  const indents = lines
    .filter((line) => line.trim() !== '')
    .map((line) => line.length - line.trimStart().length);
  const common = Math.min(...indents);
  return lines.map((line) => line.slice(common)).join('\n') + '\n';
}

/** A detection rule around the given `detection:` body, which may be indented freely. */
export function ruleWithDetection(detection: string, logsource = 'product: windows'): string {
  const body = dedent(detection)
    .trimEnd()
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
  return [
    'title: Test Rule',
    'id: 00000000-0000-4000-8000-00000000aaaa',
    'logsource:',
    `    ${logsource}`,
    'detection:',
    body,
    'level: low',
    '',
  ].join('\n');
}
