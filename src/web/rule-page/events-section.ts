// "Event coverage": the Windows events (provider, event id, title) the rule looks at, each
// linked to the event's page.

import type { EventCoverage } from '../../ir/index.js';
import { html, type Html } from '../html.js';
import { eventPath } from '../pages/key-links.js';

export function eventsSection(events: EventCoverage[]): Html {
  return html`<section id="events">
<h2>Event coverage</h2>
${events.length === 0
  ? html`<p class="none">No specific event is named by this rule's predicates or log source.</p>`
  : html`<table>
<thead><tr><th>Provider</th><th class="number">Event ID</th><th>Title</th></tr></thead>
<tbody>
${events.map(
  (e) => html`<tr><td>${e.provider}</td>
<td class="number"><a href="${eventPath(e.provider, e.eventId)}">${e.eventId}</a></td>
<td>${e.title ?? html`<span class="unknown-name">no title known</span>`}</td></tr>`,
)}
</tbody>
</table>`}
</section>`;
}
