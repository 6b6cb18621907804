// A stage's filter as a readable nested boolean tree: ALL OF / ANY OF / NOT over
// `field op value` lines, with the case rule shown and parts not understood marked.

import type { Expr, MacroOrigin, Predicate } from '../../ir/index.js';
import { html, type Html } from '../html.js';
import { caseText, operandText } from '../predicate-text.js';

export function predicateTree(expr: Expr): Html {
  return html`<ul class="tree"><li>${node(expr)}</li></ul>`;
}

function node(expr: Expr): Html {
  switch (expr.kind) {
    case 'and':
      return branch('ALL OF', expr.args);
    case 'or':
      return branch('ANY OF', expr.args);
    case 'not':
      return branch('NOT', [expr.arg]);
    case 'predicate':
      return predicateLine(expr.predicate);
    case 'opaque':
      return html`<span class="opaque-part"><span class="badge opaque">not understood</span>
<code>${expr.text}</code> — ${expr.reason}${originNote(expr.origin)}</span>`;
  }
}

function branch(connective: string, args: Expr[]): Html {
  return html`<span class="connective">${connective}</span>
<ul>${args.map((arg) => html`<li class="${arg.kind}">${node(arg)}</li>`)}</ul>`;
}

function predicateLine(p: Predicate): Html {
  const operand = operandText(p.op, p.values);
  const canonical = p.canonicalField !== undefined && p.canonicalField !== p.field;
  return html`<span class="predicate"><code>${p.field}</code>
${canonical && html`<span class="muted">(${p.canonicalField})</span>`}
<strong class="op">${p.op}</strong>
${operand !== '' && html`<code>${operand}</code>`}
${p.op === 'regex' && p.flags && html`<span class="muted">flags ${p.flags}</span>`}
<span class="badge">${caseText(p.caseSensitive)}</span>${originNote(p.origin)}</span>`;
}

function originNote(origin: MacroOrigin | undefined): Html {
  if (origin === undefined) return html``;
  return html` <span class="muted">from macro <code>${origin.macro}</code></span>`;
}
