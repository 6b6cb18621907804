import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { attackCoverage } from '../../src/analysis/attack-coverage.js';
import { attackCatalog } from '../../src/attack/attack-catalog.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpora = path.resolve(repoRoot, '../shared/corpora');
const missing = !existsSync(corpora);
if (missing && process.env.CI === 'true') throw new Error(`corpora missing at ${corpora}`);

const TECHNIQUE = /\bT\d{4}(?:\.\d{3})?\b/gi;

function filesUnder(folder: string, extension: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((entry) => entry.endsWith(extension))
    .map((entry) => path.join(folder, entry));
}

/** Technique ids from rule metadata only: Splunk `mitre_attack_id`, Sigma tags, Elastic threat. */
function corpusTechniqueIds(): Map<string, number> {
  const seen = new Map<string, number>();
  const add = (line: string) => {
    for (const match of line.match(TECHNIQUE) ?? []) {
      const id = match.toUpperCase();
      seen.set(id, (seen.get(id) ?? 0) + 1);
    }
  };

  for (const file of filesUnder(path.join(corpora, 'splunk/detections'), '.yml')) {
    let inList = false;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line.trim().startsWith('mitre_attack_id:')) inList = true;
      else if (inList && line.trim().startsWith('- ')) add(line);
      else inList = false;
    }
  }
  for (const file of filesUnder(path.join(corpora, 'sigma'), '.yml')) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line.trim().startsWith('- attack.t')) add(line.replace('attack.', ''));
    }
  }
  for (const folder of ['rules', 'rules_building_block']) {
    for (const file of filesUnder(path.join(corpora, 'elastic', folder), '.toml')) {
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        if (line.trim().startsWith('id = "T')) add(line);
      }
    }
  }
  return seen;
}

const name = 'every technique id the corpora use resolves or is reported known false';
test(name, { skip: missing }, (t) => {
  const ids = corpusTechniqueIds();
  assert.ok(ids.size > 500, `expected hundreds of technique ids, found ${ids.size}`);

  const unknown: string[] = [];
  for (const id of ids.keys()) {
    const coverage = attackCoverage({ techniques: [id], tactics: [] });
    const shown = coverage.flatMap((group) => group.techniques).filter((entry) => entry.id === id);
    assert.ok(shown.length > 0, `${id} was dropped`);

    const entry = attackCatalog.technique(id);
    for (const technique of shown) {
      assert.equal(technique.known, entry !== undefined && entry.status === undefined, id);
      assert.equal(technique.name, entry?.name ?? null, id);
    }
    if (!shown[0].known) unknown.push(id);
  }

  const uses = unknown.reduce((sum, id) => sum + (ids.get(id) ?? 0), 0);
  t.diagnostic(
    `${ids.size} distinct technique ids in the corpora; ${unknown.length} known false ` +
      `(${uses} uses): ${unknown.sort().join(' ')}`,
  );
});
