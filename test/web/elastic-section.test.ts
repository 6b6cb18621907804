// The "Data and setup" part of Elastic rule pages and the `elastic` key of the rule JSON: the
// integrations, required fields and setup text of a rule, and what marks a hunting query.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AnalyzedRule } from '../../src/ir/index.js';
import { rulePage } from '../../src/web/rule-page/rule-page.js';
import { ruleJson } from '../../src/web/rule-json.js';
import { lowerEsqlQuery, lowerRule } from '../elastic/elastic-fixture.js';
import { referenceShapedRule, rule } from '../store/fixtures/rules.js';
import { schemaErrors } from './json-schemas.js';

const HOSTILE_SETUP = '## Setup\n</pre><script>alert(1)</script><img src=x onerror="alert(2)">';
const QUERY = 'process.name : "cmd.exe" and vendor.flag : true';

function elasticRule(): AnalyzedRule {
  const index = ['logs-endpoint.events.*'];
  const table = { type: 'query', language: 'kuery', index, query: QUERY };
  return rule({
    source: 'elastic',
    upstreamId: 'rule-1',
    language: 'kuery',
    type: 'query',
    query: QUERY,
    pipeline: lowerRule(table).pipeline,
    elastic: {
      integrations: [
        { package: 'endpoint', integration: null },
        { package: 'windows', integration: 'sysmon_operational' },
      ],
      setup: HOSTILE_SETUP,
      notes: [],
    },
  });
}

function huntingQuery(): AnalyzedRule {
  return rule({
    source: 'elastic-hunting',
    upstreamId: 'hunt#1',
    language: 'kuery',
    type: 'hunting',
    elastic: {
      integrations: [{ package: 'aws', integration: 'cloudtrail' }],
      setup: null,
      notes: ['Pivot on <user.name> to see the sessions.'],
    },
  });
}

/** The page's Data and setup section, or '' when it has none. */
function section(page: AnalyzedRule): string {
  const markup = rulePage(page).markup;
  const start = markup.indexOf('<section id="elastic">');
  return start < 0 ? '' : markup.slice(start, markup.indexOf('</section>', start));
}

describe('Elastic rule pages', () => {
  it('show setup text escaped inside pre, never as markup', () => {
    const shown = section(elasticRule());
    assert.ok(shown.includes(
      '<pre class="setup">## Setup\n&lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt;' +
        '&lt;img src=x onerror=&quot;alert(2)&quot;&gt;</pre>',
    ));
    assert.ok(!shown.includes('<script'));
    assert.ok(!shown.includes('<img'));
  });

  it('list integrations with their data streams', () => {
    const shown = section(elasticRule());
    assert.ok(shown.includes('<td><code>windows</code></td>\n<td><code>sysmon_operational</code>'));
    assert.ok(shown.includes(
      '<td><code>endpoint</code></td>\n<td><span class="muted">any of the package</span>',
    ));
  });

  it('list the fields the query reads with type and ECS membership', () => {
    const shown = section(elasticRule());
    assert.ok(shown.includes('<summary>2 fields read from events</summary>'));
    assert.ok(shown.includes('<td><code>process.name</code></td>\n<td>keyword</td>\n<td>yes</td>'));
    assert.ok(shown.includes(
      '<td><code>vendor.flag</code></td>\n' +
        '<td><span class="unknown-name">not in the schemas</span></td>\n<td>no</td>',
    ));
  });

  it('mark a hunting query and list its notes, escaped', () => {
    const shown = section(huntingQuery());
    assert.ok(shown.includes('<span class="badge">hunting query</span>'));
    assert.ok(shown.includes('<li>Pivot on &lt;user.name&gt; to see the sessions.</li>'));
    assert.ok(!shown.includes('<h3>Setup</h3>'));
  });

  it('are the only pages with the section', () => {
    assert.equal(section(referenceShapedRule()), '');
  });
});

describe('the elastic key of the rule JSON', () => {
  it('holds the facts and the required fields, as the schema says', () => {
    const json = ruleJson(elasticRule());
    assert.deepEqual(json.elastic, {
      integrations: [
        { package: 'endpoint', integration: null },
        { package: 'windows', integration: 'sysmon_operational' },
      ],
      requiredFields: [
        { name: 'process.name', type: 'keyword', ecs: true },
        { name: 'vendor.flag', type: null, ecs: false },
      ],
      setup: HOSTILE_SETUP,
      notes: [],
    });
    assert.deepEqual(schemaErrors('rule', json), []);
  });

  it('names the data streams of an ES|QL FROM where the index setting named none', () => {
    const query = 'from logs-aws.cloudtrail-* | where event.action == "Invoke"';
    const esql = rule({
      source: 'elastic',
      upstreamId: 'esql-1',
      language: 'esql',
      pipeline: lowerEsqlQuery(query).pipeline,
      elastic: { integrations: [{ package: 'aws', integration: null }], setup: null, notes: [] },
    });
    assert.deepEqual(ruleJson(esql).elastic?.integrations, [
      { package: 'aws', integration: 'cloudtrail' },
    ]);
  });

  it('is null for other sources and empty facts for an Elastic rule stored without them', () => {
    assert.equal(ruleJson(referenceShapedRule()).elastic, null);
    const stored = rule({ source: 'elastic-hunting', upstreamId: 'old#1', language: 'esql' });
    const json = ruleJson(stored);
    const empty = { integrations: [], requiredFields: [], setup: null, notes: [] };
    assert.deepEqual(json.elastic, empty);
    assert.deepEqual(schemaErrors('rule', json), []);
  });
});
