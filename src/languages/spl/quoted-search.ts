// A search expression written inside a quoted argument (`startswith="…"`): parsed from the
// string's value, so its spans are offsets into that value. Its problems are reported on the
// quoted argument, where the user finds them in the command.

import type { Span } from '../../ir/index.js';
import { parseSearch } from './search-parser.js';
import type { ParseIssue, SearchNode } from './syntax.js';

export function parseQuotedSearch(
  value: string,
  span: Span,
  issues: ParseIssue[],
): SearchNode | null {
  const inner: ParseIssue[] = [];
  const expr = parseSearch(value, 0, value.length, inner);
  reportInside(inner, span, issues);
  return expr;
}

function reportInside(inner: ParseIssue[], span: Span, issues: ParseIssue[]): void {
  for (const issue of inner) {
    const at = `${issue.span.start}–${issue.span.end}`;
    issues.push({ message: `in the quoted search (characters ${at}): ${issue.message}`, span });
  }
}
