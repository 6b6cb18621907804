// A stage's filter as a readable nested boolean tree: ALL OF / ANY OF / NOT over
// `field op value` lines, with the case rule shown and parts not understood marked. Trees past
// the page's budget are cut, saying how many conditions are left out.

import {
  computationText,
  type ComputedCondition,
  type Expr,
  type MacroOrigin,
  type Predicate,
  type SubsearchCondition,
} from '../../ir/index.js';
import { html, type Html } from '../html.js';
import { canonicalText, caseText, derivedFrom, operandText } from '../predicate-text.js';
import type { ShownBudget } from './shown-budget.js';

export function predicateTree(expr: Expr, budget: ShownBudget): Html {
  if (!budget.take()) return html`<ul class="tree">${moreItem([expr], budget)}</ul>`;
  return html`<ul class="tree"><li>${node(expr, budget)}</li></ul>`;
}

function node(expr: Expr, budget: ShownBudget): Html {
  switch (expr.kind) {
    case 'and':
      return branch('ALL OF', expr.args, budget);
    case 'or':
      return branch('ANY OF', expr.args, budget);
    case 'not':
      return branch('NOT', [expr.arg], budget);
    case 'predicate':
      return predicateLine(expr.predicate);
    case 'computed':
      return computedLine(expr.computed);
    case 'subsearch':
      return subsearchBranch(expr.subsearch, budget);
    case 'opaque':
      return html`<span class="opaque-part"><span class="badge opaque">not understood</span>
<code>${expr.text}</code> — ${expr.reason}${originNote(expr.origin)}</span>`;
  }
}

function branch(connective: string, args: Expr[], budget: ShownBudget): Html {
  const items: Html[] = [];
  for (let i = 0; i < args.length; i++) {
    if (!budget.take()) {
      items.push(moreItem(args.slice(i), budget));
      break;
    }
    items.push(html`<li class="${args[i].kind}">${node(args[i], budget)}</li>`);
  }
  return html`<span class="connective">${connective}</span>
<ul>${items}</ul>`;
}

function moreItem(left: Expr[], budget: ShownBudget): Html {
  const count = left.reduce((sum, expr) => sum + conditionCount(expr), 0);
  const what = count === 1 ? 'condition' : 'conditions';
  return html`<li class="more">${budget.more(count, what)}</li>`;
}

/** The predicates and parts not understood in a tree: what a reader would call conditions. */
function conditionCount(expr: Expr): number {
  switch (expr.kind) {
    case 'and':
    case 'or':
      return expr.args.reduce((sum, arg) => sum + conditionCount(arg), 0);
    case 'not':
      return conditionCount(expr.arg);
    case 'predicate':
    case 'computed':
    case 'subsearch':
    case 'opaque':
      return 1;
  }
}

function computedLine(c: ComputedCondition): Html {
  const reads = c.fields.length === 1 ? 'field' : 'fields';
  return html`<span class="computed"><span class="badge">computed</span>
<code>${computationText(c.condition)}</code>
${c.fields.length > 0 && html`<span class="muted">reads ${reads} ${c.fields.join(', ')}</span>`}
${caseBadge(c.caseSensitive ? 'case-sensitive' : 'case-insensitive')}\
${originNote(c.origin)}</span>`;
}

/** The fields matched against the subsearch's rows, then the subsearch's own stages. */
function subsearchBranch(s: SubsearchCondition, budget: ShownBudget): Html {
  const target = s.fields.length > 0
    ? html`<code>${s.fields.join(', ')}</code> equal a row returned by`
    : html`the raw text contains the terms returned by`;
  const stages = s.stages.map((stage) => html`<li><code>${stage.command}</code>
<span class="badge effect">${stage.effect}</span>
${stage.opaque && html`<span class="badge opaque">not understood</span>`}
<code class="stage-text">${stage.text}</code>
${stage.predicate && budget.take() && predicateTree(stage.predicate, budget)}</li>`);
  return html`<span class="connective">SUBSEARCH</span> ${target} the search${originNote(s.origin)}
<ol class="subsearch">${stages}</ol>`;
}

function predicateLine(p: Predicate): Html {
  const operand = operandText(p.op, p.values);
  const canonical = p.canonicalField !== undefined && p.canonicalField !== p.field;
  return html`<span class="predicate"><code>${p.field}</code>
${canonical && html`<span class="muted">(${p.canonicalField})</span>`}
<strong class="op">${p.op}</strong>
${operand !== '' && html`<code>${operand}</code>`}
${p.op === 'regex' && p.flags && html`<span class="muted">flags ${p.flags}</span>`}
${caseBadge(caseText(p.caseSensitive, p.op, p.values))}${canonicalNote(p)}\
${derivedNote(p)}${originNote(p.origin)}</span>`;
}

/** A condition the rule does not write, added for what one of its log-source terms implies. */
function derivedNote(p: Predicate): Html {
  const source = derivedFrom(p);
  if (source === null) return html``;
  return html` <span class="badge derived">derived</span> <span class="muted">from \
<code>${source}</code></span>`;
}

/** The comparison in the vocabulary all sources share, where it reads otherwise. */
function canonicalNote(p: Predicate): Html {
  const c = p.canonical;
  if (c === undefined || canonicalText(p) === '') return html``;
  const operand = operandText(c.op, c.values);
  return html` <span class="muted canonical">as <code>${c.field}</code> ${c.op}\
${operand !== '' && html` <code>${operand}</code>`}</span>`;
}

/** The case rule as a badge, or nothing where case cannot matter. */
export function caseBadge(rule: string): Html | '' {
  return rule === '' ? '' : html`<span class="badge">${rule}</span>`;
}

function originNote(origin: MacroOrigin | undefined): Html {
  if (origin === undefined) return html``;
  return html` <span class="muted">from macro <code>${origin.macro}</code></span>`;
}
