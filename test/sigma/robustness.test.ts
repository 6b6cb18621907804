// Rule text is untrusted: no truncation or corruption of a rule makes reading or lowering throw.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { RuleDocument } from '../../src/ir/index.js';
import { finishRule } from '../../src/lower/finish-rule.js';
import { lowerSigma } from '../../src/lower/sigma/lower-sigma.js';
import { readRuleText } from '../../src/sources/sigma/read-sigma.js';
import { sigmaContextOf } from '../../src/sources/sigma/sigma-context.js';

const fixtures = path.resolve(fileURLToPath(import.meta.url), '../../fixtures/sigma');
const texts = [
  'repository/rules/windows/notepad_spawns_shell.yml',
  'correlation/rules/password_spray_then_logon.yml',
  'correlation/rules/discovery_commands_together.yml',
  'correlation/rules/admin_tools_filter.yml',
].map((file) => readFileSync(path.join(fixtures, file), 'utf8'));

/** Reads and lowers; returns how many rule documents and failures the text gave. */
function readAndLower(text: string): number {
  const results = readRuleText(text, 'rules/fuzz.yml', null);
  const documents = results.filter((result): result is RuleDocument => !('reason' in result));
  const context = sigmaContextOf(documents);
  for (const doc of documents) finishRule(doc, lowerSigma(doc, context));
  return results.length;
}

test('prefixes of a rule file read and lower without throwing', () => {
  for (const text of texts) {
    for (let end = 0; end <= text.length; end += 5) {
      assert.ok(readAndLower(text.slice(0, end)) >= 1, `prefix of ${end} characters`);
    }
  }
});

test('syntax characters inserted anywhere never make it throw', () => {
  const insertions = ['|', '*', '\\', "'", '(', ')', ' not ', '%', '|re', '|windash', '\n- ', '{'];
  for (const text of texts) {
    for (let at = 0; at < text.length; at += 37) {
      for (const insertion of insertions) {
        readAndLower(text.slice(0, at) + insertion + text.slice(at));
      }
    }
  }
});
