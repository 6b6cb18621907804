// The index of events: every Windows event (provider, event id) some rule covers, with its title
// from the event catalog and the rules covering it.

import type { EventSummary, Page } from '../../store/catalog.js';
import { html, type Html } from '../html.js';
import { layout } from '../layout.js';
import { eventPath, eventsPath } from './key-links.js';
import { pager } from './pager.js';
import { bySourceText } from './rule-counts.js';

export function eventsPage(page: Page<EventSummary>): Html {
  return layout({
    title: 'Events',
    body: html`<section class="panel">
<nav class="breadcrumb"><a href="/">Detection rules</a> › Events</nav>
<h1>Events</h1>
<p class="explain">The Windows events the rules look at, by provider and event id: named by an
event-code condition together with what selects the log (a channel, a provider, a Sigma log
source, a Splunk source or data source, an Elastic dataset or index). Titles come from ruledex's
event catalog.</p>
<p class="muted">${page.total.toLocaleString('en-US')} events.</p>
${page.items.length === 0
  ? html`<p class="none">No rule in this catalog names an event.</p>`
  : html`<table>
<thead><tr><th>Provider</th><th class="number">Event ID</th><th>Title</th>
<th class="number">Rules</th><th>By source</th></tr></thead>
<tbody>
${page.items.map(
  (e) => html`<tr><td>${e.provider}</td>
  <td class="number"><a href="${eventPath(e.provider, e.eventId)}">${e.eventId}</a></td>
  <td>${eventTitle(e)}</td>
  <td class="number">${e.rules.total.toLocaleString('en-US')}</td>
  <td>${bySourceText(e.rules)}</td></tr>`,
)}
</tbody>
</table>`}
${pager(page, (n) => eventsPath({ page: n, pageSize: page.pageSize }))}
</section>`,
  });
}

export function eventTitle(event: Pick<EventSummary, 'title'>): Html {
  return html`${event.title ?? html`<span class="unknown-name">no title known</span>`}`;
}
