// "Diagnostics": everything the readers, parsers and analysis could not understand, with where.

import type { Diagnostic } from '../../ir/index.js';
import { html, type Html } from '../html.js';

export function diagnosticsSection(diagnostics: Diagnostic[]): Html {
  return html`<section id="diagnostics">
<h2>Diagnostics</h2>
${diagnostics.length === 0
  ? html`<p class="none">No diagnostics: nothing in this rule was left unexplained.</p>`
  : html`<table>
<thead><tr><th>Severity</th><th>Code</th><th>Where</th><th>Message</th></tr></thead>
<tbody>
${diagnostics.map(
  (d) => html`<tr class="diag-${d.severity}"><td>${d.severity}</td><td><code>${d.code}</code></td>
<td><code>${location(d)}</code>${d.stage !== undefined && html`, stage ${d.stage}`}</td>
<td>${d.message}</td></tr>`,
)}
</tbody>
</table>`}
</section>`;
}

function location(d: Diagnostic): string {
  return d.column === undefined ? `${d.file}:${d.line}` : `${d.file}:${d.line}:${d.column}`;
}
