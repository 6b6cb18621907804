// The page of one Windows event (provider and event id): its title and the rules covering it,
// source by source.

import type { SourceName } from '../../ir/index.js';
import type { EventDetail } from '../../store/catalog.js';
import { html, type Html } from '../html.js';
import { layout } from '../layout.js';
import { eventTitle } from './events-page.js';
import { eventPath, eventsPath } from './key-links.js';
import { pager } from './pager.js';
import { rulesBySource } from './rules-by-source.js';
import { rulesText, sourceCountTable } from './rule-counts.js';

export function eventPage({ summary, page }: EventDetail, source: SourceName | undefined): Html {
  const { provider, eventId } = summary;
  const listPath = (place: { source?: SourceName; page?: number }) =>
    eventPath(provider, eventId, { ...place, pageSize: page.pageSize });
  return layout({
    title: `${provider} event ${eventId}`,
    body: html`<section class="panel">
<nav class="breadcrumb"><a href="/">Detection rules</a> ›
  <a href="${eventsPath()}">Events</a> › ${provider} ${eventId}</nav>
<h1>${provider} event ${eventId}</h1>
<dl class="facts">
  <dt>Provider</dt><dd>${provider}</dd>
  <dt>Event ID</dt><dd>${eventId}</dd>
  <dt>Title</dt><dd>${eventTitle(summary)}</dd>
</dl>
<p>${rulesText(summary.rules.total)} cover this event.</p>
${sourceCountTable(summary.rules, (s) => listPath({ source: s }), source)}
<h2>Rules</h2>
${rulesBySource(page.items)}
${pager(page, (n) => listPath({ source, page: n }))}
</section>`,
  });
}
