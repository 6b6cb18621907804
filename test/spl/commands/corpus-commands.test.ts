// The commands the real Splunk snapshot uses: each read by a dedicated reader (a few by the
// shared argument syntax by design), none with a parse problem in a current detection.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { ExpansionBudget, expandMacros } from '../../../src/languages/spl/macros.js';
import { parsePipeline } from '../../../src/languages/spl/pipeline-parser.js';
import type { CommandNode, Pipeline } from '../../../src/languages/spl/syntax.js';
import { macroLibraryOf } from '../../../src/lower/spl/macro-library.js';
import { readSplunkRepository } from '../../../src/sources/splunk/read-splunk.js';
import { corpusPath } from '../../corpus/corpora.js';

const corpus = corpusPath('splunk');
const present = existsSync(corpus);
if (!present && process.env.CI === 'true') throw new Error(`Splunk corpus missing at ${corpus}`);

/** Commands whose arguments stay in the shared syntax: their subsearches are what counts. */
const GENERIC_BY_DESIGN = new Set(['join', 'append', 'appendpipe', 'foreach']);

interface Found {
  command: CommandNode;
  /** True inside a quoted search (`map search="…"`), a template completed when it runs. */
  quoted: boolean;
}

/** Every command of a pipeline, those of the pipelines nested in its arguments included. */
function commandsOf(pipeline: Pipeline, quoted: boolean, found: Found[] = []): Found[] {
  for (const command of pipeline.commands) {
    found.push({ command, quoted });
    visitNested(command.args, quoted, found);
  }
  return found;
}

function visitNested(value: unknown, quoted: boolean, found: Found[]): void {
  if (typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) visitNested(item, quoted, found);
    return;
  }
  const node = value as { kind?: string; pipeline?: Pipeline };
  if (node.pipeline && Array.isArray(node.pipeline.commands)) {
    commandsOf(node.pipeline, quoted || node.kind === 'quoted', found);
    return;
  }
  for (const inner of Object.values(value)) visitNested(inner, quoted, found);
}

const skip = present ? false : `no corpus at ${corpus}`;

describe('commands of the Splunk corpus', { skip }, () => {
  const read = present ? readSplunkRepository(corpus) : null;
  const library = read ? macroLibraryOf(read.context) : null;
  const current = read && library ? read.documents
    .filter((doc) => !doc.deprecated)
    .map((doc) => {
      const expanded = expandMacros(doc.query, library, new ExpansionBudget()).text;
      return { id: doc.upstreamId, found: commandsOf(parsePipeline(expanded), false) };
    }) : [];

  it('reads each command with a reader of its own', () => {
    const generic = new Set<string>();
    for (const rule of current) {
      for (const { command } of rule.found) {
        const name = command.name.toLowerCase();
        assert.notEqual(command.args.kind, 'unknown', `${rule.id}: ${command.name}`);
        if (command.args.kind === 'arguments') generic.add(name);
      }
    }
    assert.deepEqual([...generic].sort(), [...GENERIC_BY_DESIGN].sort());
  });

  it('finds no parse problem in a current detection outside quoted templates', () => {
    const problems = current.flatMap((rule) => rule.found
      .filter(({ quoted }) => !quoted)
      .flatMap(({ command }) => command.issues.map((i) => `${rule.id}: ${i.message}`)));
    assert.deepEqual(problems, []);
  });

  it('uses these commands, in this many current detections each (nested searches counted)', () => {
    const rules = new Map<string, number>();
    for (const rule of current) {
      const names = new Set(rule.found
        .filter(({ command }) => command.args.kind !== 'macro-stage')
        .map(({ command }) => command.name.toLowerCase()));
      for (const name of names) rules.set(name, (rules.get(name) ?? 0) + 1);
    }
    assert.equal(current.length, 1613);
    assert.deepEqual(Object.fromEntries([...rules].sort(([a], [b]) => a.localeCompare(b))), {
      addtotals: 4, anomalydetection: 1, append: 8, appendpipe: 8, apply: 12, bin: 16,
      bucket: 68, convert: 1395, cyberchef: 1, dedup: 18, eval: 281, eventstats: 56,
      extract: 1, fields: 69, fillnull: 45, foreach: 24, from: 4, fromjson: 4, inputlookup: 11,
      iplocation: 15, join: 67, lookup: 82, makemv: 3, map: 7, mstats: 14, multikv: 1,
      mvexpand: 21, outlier: 1, outputlookup: 4, regex: 27, rename: 1254, replace: 4, rex: 76,
      search: 777, sort: 10, spath: 26, stats: 729, streamstats: 1, table: 102, timechart: 2,
      transaction: 8, tstats: 878, where: 350, xmlkv: 8,
    });
  });
});
