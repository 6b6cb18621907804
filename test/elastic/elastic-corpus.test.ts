// The real detection-rules snapshot: every rule file read and lowered, with the parse figures.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Rule, RuleDocument } from '../../src/ir/index.js';
import { lowerElastic } from '../../src/lower/elastic/lower-elastic.js';
import { finishRule } from '../../src/lower/finish-rule.js';
import { lowerElasticHunting } from '../../src/lower/elastic/lower-elastic-hunting.js';
import { readElasticHunting } from '../../src/sources/elastic/read-elastic-hunting.js';
import { readElasticRepository } from '../../src/sources/elastic/read-elastic.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = path.resolve(repoRoot, '../shared/corpora/elastic');
const present = existsSync(corpus);
const CONTEXT = { commit: null };
if (!present && process.env.CI === 'true') throw new Error(`Elastic corpus missing at ${corpus}`);

describe('Elastic corpus', { skip: present ? false : `no corpus at ${corpus}` }, () => {
  const started = performance.now();
  const read = present ? readElasticRepository(corpus) : null;
  const readSeconds = (performance.now() - started) / 1000;
  const lower = (doc: RuleDocument) => finishRule(doc, lowerElastic(doc, read?.context ?? CONTEXT));
  const rules: Rule[] = read ? read.documents.map(lower) : [];
  const seconds = (performance.now() - started) / 1000;

  it('reads all 2,192 rule files, each as a document or a failure', () => {
    assert.ok(read);
    assert.equal(read.files, 2192);
    assert.equal(read.documents.length + read.failures.length, read.files);
    assert.deepEqual(read.failures, []);
    assert.equal(new Set(rules.map((rule) => rule.id)).size, rules.length);
  });

  it('fully parses nearly every non-deprecated rule, in every language', () => {
    const figures = new Map<string, { rules: number; fully: number }>();
    for (const rule of rules) {
      const key = `${rule.language}/${rule.type}`;
      const entry = figures.get(key) ?? { rules: 0, fully: 0 };
      entry.rules++;
      if (rule.fullyParsed) entry.fully++;
      figures.set(key, entry);
    }
    const current = rules.filter((rule) => !rule.deprecated);
    const fully = current.filter((rule) => rule.fullyParsed).length;
    const lines = [...figures].map(([key, entry]) => `  ${key}: ${entry.fully}/${entry.rules}`);
    const allFully = rules.filter((rule) => rule.fullyParsed).length;
    console.log(
      `elastic: ${rules.length} rules, ${allFully} fully parsed;` +
        ` non-deprecated ${fully}/${current.length}; read ${readSeconds.toFixed(2)} s,` +
        ` total ${seconds.toFixed(2)} s\n${lines.join('\n')}`,
    );
    assert.equal(current.length, 2068);
    // 2,066 of 2,068 when written; fewer means a construct stopped being lowered.
    assert.ok(fully >= 2066, `${fully}/${current.length} fully parsed`);
    assert.ok((figures.get('kuery/query')?.fully ?? 0) >= 507);
  });

  it('names every construct it leaves unparsed in a located diagnostic', () => {
    const constructs = new Map<string, number>();
    for (const rule of rules) {
      for (const diagnostic of rule.diagnostics) {
        assert.ok(diagnostic.line >= 1, `${rule.file}: ${diagnostic.message}`);
        if (diagnostic.severity === 'info') continue;
        const construct = `${diagnostic.code}: ${diagnostic.message.split(' is not lowered')[0]}`;
        constructs.set(construct, (constructs.get(construct) ?? 0) + 1);
      }
      const warned = rule.diagnostics.some((d) => d.severity !== 'info');
      if (!rule.fullyParsed) assert.ok(warned, rule.file);
    }
    const top = [...constructs].sort((a, b) => b[1] - a[1]).slice(0, 12);
    const lines = top.map(([construct, count]) => `  ${count} ${construct}`);
    console.log(`elastic, most frequent remaining constructs:\n${lines.join('\n')}`);
  });

  it('reads all 239 hunting queries of the 140 hunting files, each with its own id', () => {
    const hunts = readElasticHunting(corpus);
    assert.equal(hunts.files, 140);
    assert.deepEqual(hunts.failures, []);
    assert.equal(hunts.documents.length, 239);
    assert.equal(new Set(hunts.documents.map((doc) => doc.upstreamId)).size, 239);

    const lowered = hunts.documents.map((doc) =>
      finishRule(doc, lowerElasticHunting(doc, hunts.context)),
    );
    const byLanguage = new Map<string, { rules: number; fully: number }>();
    for (const rule of lowered) {
      const key = String(rule.raw.queryLanguage);
      const entry = byLanguage.get(key) ?? { rules: 0, fully: 0 };
      entry.rules++;
      if (rule.fullyParsed) entry.fully++;
      byLanguage.set(key, entry);
    }
    const lines = [...byLanguage].map(([key, entry]) => `  ${key}: ${entry.fully}/${entry.rules}`);
    console.log(`elastic-hunting: 239 queries\n${lines.join('\n')}`);
    assert.deepEqual(byLanguage.get('osquery'), { rules: 61, fully: 0 });
    // 159 of 165 ES|QL queries when written: the other six are not valid ES|QL upstream.
    assert.ok((byLanguage.get('esql')?.fully ?? 0) >= 159);
    assert.deepEqual(byLanguage.get('eql'), { rules: 13, fully: 13 });
  });

  it('gives every filter stage a predicate, except index patterns and indicator matches', () => {
    for (const rule of rules) {
      for (const stage of rule.pipeline) {
        if (stage.effect !== 'filter' || stage.opaque) continue;
        if (stage.command === 'from' || stage.command === 'threat_match') continue;
        assert.ok(stage.predicate, `${rule.file} stage ${stage.index} ${stage.command}`);
      }
    }
  });

});
