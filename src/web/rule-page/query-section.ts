// "Original query": the query exactly as written in the rule file.

// LIMITATION: the query is shown whole, uncut, as the one place a page has all of it — a rule
// page is at least about 1.3 times its query's size (a 1.6 MB query gives a 2.5 MB page).

import type { AnalyzedRule } from '../../ir/index.js';
import { html, type Html } from '../html.js';
import { LANGUAGE_NAMES } from '../language-names.js';

export function querySection(rule: AnalyzedRule): Html {
  return html`<section id="query">
<h2>Original query</h2>
<p class="muted">${LANGUAGE_NAMES[rule.language] ?? rule.language}, from <code>${rule.file}</code>
line ${rule.queryLine ?? rule.line}.</p>
${rule.query === ''
  ? html`<p class="none">This rule has no query text.</p>`
  : html`<pre>${rule.query}</pre>`}
</section>`;
}
