// The SigmaHQ snapshot end to end: every file read, every document a rule or a reported failure,
// no exception, and every non-deprecated rule fully parsed. Prints the figures and what is left.

import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { predicatesOf, type Expr, type Rule } from '../../src/ir/index.js';
import { finishRule } from '../../src/lower/finish-rule.js';
import { lowerSigma } from '../../src/lower/sigma/lower-sigma.js';
import { readSigmaRepository } from '../../src/sources/sigma/read-sigma.js';

const repoRoot = path.resolve(fileURLToPath(import.meta.url), '../../..');
const corpus = path.resolve(repoRoot, '../shared/corpora/sigma');
const missing = !existsSync(corpus);
if (missing && process.env.CI === 'true') throw new Error(`the Sigma corpus is missing: ${corpus}`);

/** Counted straight from disk, independently of the reader. */
function ruleFilesOnDisk(): number {
  return readdirSync(corpus, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .filter((entry) => entry.name.startsWith('rules') || entry.name === 'deprecated')
    .flatMap((entry) => readdirSync(path.join(corpus, entry.name), { recursive: true }) as string[])
    .filter((name) => name.endsWith('.yml')).length;
}

function opaqueTexts(expr: Expr): string[] {
  switch (expr.kind) {
    case 'and':
    case 'or':
      return expr.args.flatMap(opaqueTexts);
    case 'not':
      return opaqueTexts(expr.arg);
    case 'opaque':
      return [expr.reason];
    case 'predicate':
    case 'computed':
    case 'subsearch':
      return [];
  }
}

function countBy(items: string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]);
}

/** The events the rule's log source covers, as its log-source stage states them, or null. */
function coveredEventsOf(rule: Rule): Expr | null {
  const stage = rule.pipeline.find((candidate) => candidate.command === 'logsource');
  if (!stage?.predicate) return null;
  const found = [...predicatesOf(stage.predicate)].some(
    ({ predicate }) => !predicate.field.startsWith('logsource.'),
  );
  return found ? stage.predicate : null;
}

/** A Windows rule with a category or service whose events the taxonomy table does not know. */
function isWindowsLogSourceWithoutEvents(rule: Rule): boolean {
  const logsource = rule.raw.logsource as Record<string, unknown> | undefined;
  if (logsource?.product !== 'windows') return false;
  const named = logsource.category !== undefined || logsource.service !== undefined;
  return named && coveredEventsOf(rule) === null;
}

const skip = missing && 'no Sigma corpus';

test('the Sigma snapshot reads and lowers completely', { skip }, (t) => {
  const started = performance.now();
  const read = readSigmaRepository(corpus);
  const readSeconds = (performance.now() - started) / 1000;

  assert.equal(read.files, ruleFilesOnDisk());
  const filesSeen = new Set([...read.documents, ...read.failures].map((entry) => entry.file));
  assert.equal(filesSeen.size, read.files, 'every file gave a document or a failure');

  const rules: Rule[] = read.documents.map((doc) => finishRule(doc, lowerSigma(doc, read.context)));
  const lowerSeconds = (performance.now() - started) / 1000 - readSeconds;

  const active = rules.filter((rule) => !rule.deprecated);
  const notFullyParsed = active.filter((rule) => !rule.fullyParsed);
  assert.deepEqual(
    notFullyParsed.map((rule) => `${rule.file}: ${rule.diagnostics.map((d) => d.message)}`),
    [],
  );

  for (const rule of rules) {
    for (const stage of rule.pipeline) {
      if (!stage.predicate) continue;
      for (const { predicate } of predicatesOf(stage.predicate)) {
        if (!predicate.span) continue;
        const written = rule.query.slice(predicate.span.start, predicate.span.end);
        const where = `${rule.file}: '${predicate.text}' at its span`;
        assert.ok(predicate.text.endsWith(written), where);
      }
    }
  }

  const uncovered = active.filter((rule) => isWindowsLogSourceWithoutEvents(rule));
  assert.deepEqual(
    countBy(uncovered.map((rule) => JSON.stringify(rule.raw.logsource))),
    [],
    'every Windows category and service of the snapshot covers events of the taxonomy',
  );
  const covering = active.filter((rule) => coveredEventsOf(rule) !== null).length;

  const diagnostics = countBy(rules.flatMap((rule) => rule.diagnostics.map((d) => d.code)));
  const predicates = rules.flatMap((rule) => rule.pipeline.flatMap((s) => s.predicate ?? []));
  const opaque = countBy(predicates.flatMap(opaqueTexts));
  const ops = countBy(
    predicates.flatMap((expr) => [...predicatesOf(expr)].map(({ predicate }) => predicate.op)),
  );
  t.diagnostic(
    `files ${read.files}, documents ${read.documents.length + read.failures.length}, ` +
      `rules ${rules.length}, failures ${read.failures.length}, ` +
      `fully parsed ${rules.filter((r) => r.fullyParsed).length} ` +
      `(non-deprecated ${active.length - notFullyParsed.length}/${active.length})`,
  );
  t.diagnostic(`read ${readSeconds.toFixed(2)} s, lowered ${lowerSeconds.toFixed(2)} s`);
  t.diagnostic(`non-deprecated rules whose log source implies events: ${covering}`);
  t.diagnostic(`diagnostics by code: ${JSON.stringify(diagnostics.slice(0, 10))}`);
  t.diagnostic(`opaque parts by reason: ${JSON.stringify(opaque.slice(0, 10))}`);
  t.diagnostic(`predicates by op: ${JSON.stringify(ops)}`);
});
