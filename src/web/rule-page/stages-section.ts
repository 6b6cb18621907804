// "Stages and Predicates": every pipeline stage with its command, effect, macro origin, text,
// grouping and predicate tree, and the diagnostics that belong to it.

import type { AnalyzedRule, Diagnostic, MacroOrigin, Stage } from '../../ir/index.js';
import { html, type Html } from '../html.js';
import { effectText, isBuiltIn, macroCall } from '../stage-text.js';
import { ruleJsonPath } from '../link.js';
import { optionsFromMacros } from '../option-origins.js';
import { predicateTree } from './predicate-tree.js';
import { MAX_SHOWN_TREE_NODES, ShownBudget } from './shown-budget.js';

export function stagesSection(rule: AnalyzedRule): Html {
  const budget = new ShownBudget(MAX_SHOWN_TREE_NODES, ruleJsonPath(rule.id));
  return html`<section id="stages">
<h2>Stages and Predicates</h2>
${rule.pipeline.length === 0
  ? html`<p class="none">No stages: this rule's query was not split into stages.</p>`
  : rule.pipeline.map((stage) => stageBlock(stage, diagnosticsOf(rule, stage), budget))}
</section>`;
}

function stageBlock(stage: Stage, diagnostics: Diagnostic[], budget: ShownBudget): Html {
  const effect = effectText(stage);
  return html`<section class="stage${stage.opaque ? ' opaque' : ''}">
<h3>Stage ${stage.index}: ${stage.command}</h3>
<p>
  <span class="badge effect" title="${effect}">${stage.effect}</span>
  <span class="muted">${effect}</span>
  ${stage.opaque && html`<span class="badge opaque">not understood</span>`}
  ${stage.origin && originLine(stage.origin)}
  ${optionsFromMacros(stage).map(({ options, origin }) => html`<br><span class="origin">options
<code>${options.join(', ')}</code> ${originLine(origin)}</span>`)}
</p>
${stageText(stage.text)}
${stage.groupBy && groupByLine(stage.groupBy.fields, stage.groupBy.filled)}
${stage.predicate && (isEventGrouping(stage)
  ? groupingLine(stage)
  : predicateTree(stage.predicate, budget))}
${!stage.predicate && stage.subsearches?.map((subsearch) => predicateTree(
  { kind: 'subsearch', subsearch },
  budget,
))}
${diagnostics.length > 0 &&
html`<ul class="plain">${diagnostics.map(
  (d) => html`<li class="diag-${d.severity}">${d.severity}: ${d.message}</li>`,
)}</ul>`}
</section>`;
}

/** Characters of a stage's text drawn; the original query section has the whole query. */
const MAX_SHOWN_STAGE_TEXT = 10_000;

function stageText(text: string): Html {
  if (text.length <= MAX_SHOWN_STAGE_TEXT) return html`<pre>${text}</pre>`;
  let shown = text.slice(0, MAX_SHOWN_STAGE_TEXT);
  // Never end on half of a surrogate pair.
  if (/[\uD800-\uDBFF]$/.test(shown)) shown = shown.slice(0, -1);
  const left = (text.length - shown.length).toLocaleString('en-US');
  const whole = html`the whole query is under <a href="#query">Original query</a>`;
  return html`<pre>${shown}</pre>
<p class="more">… ${left} more characters (${whole})</p>`;
}

/**
 * EQL sequences and samples carry the OR of their steps as what one event needs to take part;
 * each step shows its own tree below, so the stage says how the steps combine instead.
 */
function isEventGrouping(stage: Stage): boolean {
  return stage.command === 'sequence' || stage.command === 'sample';
}

function groupingLine(stage: Stage): Html {
  const { by, steps, maxspan } = stage.args as { by?: unknown; steps?: unknown; maxspan?: unknown };
  const keys = Array.isArray(by) ? by.filter((k): k is string => typeof k === 'string') : [];
  const count = typeof steps === 'number' ? steps : 'its';
  return html`<p>An event takes part when it matches one of the ${count} steps below
${stage.command === 'sequence' ? 'in order' : 'in any order'}${keys.length > 0 &&
  html`, joined on ${codeList(keys)}`}${typeof maxspan === 'string' && html`, within ${maxspan}`}.
The rule alerts on a group that completes every step.</p>`;
}

function originLine(origin: MacroOrigin): Html {
  const where = isBuiltIn(origin)
    ? html`(built in)`
    : html`(defined in <code>${origin.definedIn}</code>)`;
  return html`<span class="origin">from macro <code>${macroCall(origin)}</code>
${where}</span>`;
}

function groupByLine(fields: string[], filled: string[] | 'all'): Html {
  if (fields.length === 0) return html`<p>One group: no by-fields, every row counts together.</p>`;
  // Every event has a time, so grouping by `_time` drops none.
  const unfilled = filled === 'all'
    ? []
    : fields.filter((f) => !filled.includes(f) && f !== '_time');
  const filledText = filled === 'all' ? 'every field' : filled.join(', ');
  return html`<p>Groups by ${codeList(fields)}.
${filledText !== '' && html`Filled first: ${filledText}.`}
${unfilled.length > 0 &&
html`<span class="muted">Events lacking ${codeList(unfilled)} are dropped here.</span>`}
</p>`;
}

function codeList(fields: string[]): Html {
  return html`${fields.map((f, i) => html`${i > 0 && ', '}<code>${f}</code>`)}`;
}

function diagnosticsOf(rule: AnalyzedRule, stage: Stage): Diagnostic[] {
  return rule.diagnostics.filter((d) => d.stage === stage.index);
}
