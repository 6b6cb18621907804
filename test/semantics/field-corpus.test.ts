// Canonical fields on the three public snapshots: per source, at least 95% of the predicates of
// the event filters map to ECS or a mapping-table entry.

import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';

import { fieldReport, type FieldReport } from '../../src/analysis/field-report.js';
import { SOURCE_KINDS } from '../../src/build/source-kinds.js';
import type { Rule, SourceName } from '../../src/ir/index.js';
import { finishRule } from '../../src/lower/finish-rule.js';
import { constrainLogSource } from '../../src/semantics/log-source-constraints.js';
import { corpusPath, corpusSkip, type CorpusName } from '../corpus/corpora.js';

const skip = corpusSkip();

/** Every rule of a snapshot as the build stores it: lowered, its log source constrained. */
function lowered(corpus: CorpusName, source: SourceName): Rule[] {
  const kind = SOURCE_KINDS[source];
  const read = kind.read(corpusPath(corpus));
  return read.documents.map((doc) => {
    const rule = finishRule(doc, kind.lower(doc, read.context));
    constrainLogSource(rule, read.context);
    return rule;
  });
}

describe('canonical fields on the corpora', { skip }, () => {
  let report: FieldReport;

  before(() => {
    report = fieldReport([
      ...lowered('splunk', 'splunk'),
      ...lowered('sigma', 'sigma'),
      ...lowered('elastic', 'elastic'),
    ]);
  });

  test('per source, 95% of the predicates on fields the vendor writes map', () => {
    for (const source of ['splunk', 'sigma', 'elastic'] as const) {
      const share = report.sources[source]?.vendorShare ?? 0;
      assert.ok(share >= 0.95, `${source}: ${share}`);
    }
  });

  test('per source, 95% of predicates map, fields rules compute counted as unmapped', () => {
    for (const source of ['splunk', 'sigma', 'elastic'] as const) {
      const share = report.sources[source]?.share ?? 0;
      assert.ok(share >= 0.95, `${source}: ${share}`);
    }
  });

  // Twenty-eight Linux audit searches filter on the `process_exec` their normalization macros
  // rebuild from PROCTITLE or EXECVE records: the command line, not a field of their own.
  test("the command line Splunk's auditd macros compute maps; fields rules compute do not", () => {
    const unmapped = report.sources.splunk?.unmappedFields ?? [];
    assert.equal(unmapped.find((f) => f.field === 'process_exec'), undefined);
    const computed = unmapped.filter((f) => f.computed > 0);
    assert.ok(computed.length > 0, 'fields the rules compute themselves stay unmapped');
  });
});
