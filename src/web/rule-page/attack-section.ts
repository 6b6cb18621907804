// "MITRE ATT&CK coverage": tactic → techniques with names, each linked to the technique's page;
// ids missing from the ATT&CK data are kept and visibly marked.

import type { AttackTacticCoverage, AttackTechnique } from '../../ir/index.js';
import { html, type Html } from '../html.js';
import { techniquePath } from '../pages/key-links.js';

export function attackSection(attack: AttackTacticCoverage[]): Html {
  return html`<section id="attack">
<h2>MITRE ATT&amp;CK coverage</h2>
${attack.length === 0
  ? html`<p class="none">This rule names no ATT&amp;CK technique.</p>`
  : html`<table>
<thead><tr><th>Tactic</th><th>Techniques</th></tr></thead>
<tbody>
${attack.map(
  (row) => html`<tr>
  <td>${row.tactic.name} ${row.tactic.id && html`<span class="muted">${row.tactic.id}</span>`}
    ${!row.tactic.known && unknownBadge('tactic')}</td>
  <td><ul class="plain">${row.techniques.map(techniqueItem)}</ul></td>
</tr>`,
)}
</tbody>
</table>`}
</section>`;
}

function techniqueItem(t: AttackTechnique): Html {
  return html`<li><a href="${techniquePath(t.id)}"><code>${t.id}</code></a>
${t.name === null ? html`<span class="unknown-name">name unknown</span>` : t.name}
${!t.known && unknownBadge('technique')}</li>`;
}

function unknownBadge(kind: string): Html {
  return html`<span class="badge unknown" title="This ${kind} is not in the ATT&amp;CK data ruledex
knows, or was revoked or deprecated there.">not in ATT&amp;CK data</span>`;
}
