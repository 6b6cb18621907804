// The answer to a field, indicator, event or technique no rule has: what was asked, why there is
// nothing, and where to look instead.

import { html, type Html, type HtmlValue } from '../html.js';
import { layout } from '../layout.js';

export function notFoundPage(title: string, explanation: HtmlValue, elsewhere: HtmlValue): Html {
  return layout({
    title,
    body: html`<section class="panel">
<nav class="breadcrumb"><a href="/">Detection rules</a></nav>
<h1>${title}</h1>
<p>${explanation}</p>
${elsewhere}
</section>`,
  });
}
