// Pages that answer with a message instead of content: not found, bad request, server error,
// and an ambiguous rule reference with its candidates.

import type { RuleListing } from '../../store/catalog.js';
import { html, type Html } from '../html.js';
import { layout } from '../layout.js';
import { ruleTable } from './rule-table.js';

export function messagePage(title: string, message: string): Html {
  return layout({
    title,
    body: html`<section class="panel">
<nav class="breadcrumb"><a href="/">Detection rules</a></nav>
<h1>${title}</h1>
<p>${message}</p>
</section>`,
  });
}

export function candidatesPage(ref: string, candidates: RuleListing[]): Html {
  return layout({
    title: 'Several rules have this id',
    body: html`<section class="panel">
<nav class="breadcrumb"><a href="/">Detection rules</a></nav>
<h1>Several rules have this id</h1>
<p>The upstream id <code>${ref}</code> is used by more than one source. Pick one:</p>
${ruleTable(candidates)}
</section>`,
  });
}
