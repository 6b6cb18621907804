// The rule documents a build could not read, grouped by source, with file, line and reason.

import type { ReadFailure } from '../../sources/source-read.js';
import { html, type Html } from '../html.js';
import { layout } from '../layout.js';
import { SOURCE_NAMES } from '../source-names.js';

// LIMITATION: every failure is on one page, unpaged — fine for the hundreds the corpora give,
// slow to read past a few thousand.
export function failuresPage(failures: ReadFailure[]): Html {
  return layout({
    title: 'Failed documents',
    body: html`<section class="panel">
<nav class="breadcrumb"><a href="/">Detection rules</a> › Failed documents</nav>
<h1>Failed documents</h1>
<p class="explain">Rule documents the build could not turn into rules. Each still counts in its
source's documents; fix the file upstream or report the reader's mistake.</p>
${failures.length === 0
  ? html`<p class="none">Every document was read.</p>`
  : html`<table>
<thead><tr><th>Source</th><th>File</th><th class="number">Line</th><th>Reason</th></tr></thead>
<tbody>
${failures.map(
  (f) => html`<tr><td>${SOURCE_NAMES[f.source] ?? f.source}</td><td><code>${f.file}</code></td>
  <td class="number">${f.line}</td><td>${f.reason}</td></tr>`,
)}
</tbody>
</table>`}
</section>`,
  });
}
