// The frame around every page: head, site header with the search box, and the main column.

import { html, type Html, type HtmlValue } from './html.js';
import { MAX_SEARCH_LENGTH } from './request-bounds.js';

export interface PageFrame {
  title: string;
  body: HtmlValue;
  /** Text already in the header search box (on search pages). */
  searchText?: string;
}

export function layout(frame: PageFrame): Html {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${frame.title} · ruledex</title>
<link rel="stylesheet" href="/style.css">
</head>
<body>
<header class="site">
  <a class="brand" href="/">ruledex</a>
  <form action="/search" method="get" role="search">
    <input type="search" name="q" value="${frame.searchText ?? ''}"
      maxlength="${MAX_SEARCH_LENGTH}" aria-label="Search rules"
      placeholder="Search titles, descriptions, queries">
    <button type="submit">Search</button>
  </form>
</header>
<main>
${frame.body}
</main>
<footer class="site">ruledex — a catalog of detection rules</footer>
</body>
</html>
`;
}
