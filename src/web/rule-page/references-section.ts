// "Related rules": the rules a Sigma correlation or filter rule refers to, and, on any rule's
// page, the correlations and filters that refer to it — each linked to its page.

import type { AnalyzedRule, RuleReferrer, Stage } from '../../ir/index.js';
import { html, type Html } from '../html.js';
import { rulePath } from '../link.js';
import { ruleName } from '../rule-name.js';

/** A referenced rule as the correlation and filter stages list it in their arguments. */
interface StageReference {
  reference: string;
  id: string | null;
  title: string | null;
  byName?: boolean | null;
}

const HEADINGS: Record<string, string> = {
  correlation: 'Rules this correlation combines',
  filter: 'Rules this filter applies to',
};

/** Nothing at all for a rule that neither refers to rules nor is referred to. */
export function referencesSection(rule: AnalyzedRule): Html {
  const referring = rule.pipeline.find((stage) => Object.hasOwn(HEADINGS, stage.command));
  const references = referring ? stageReferences(referring) : [];
  const referredBy = rule.referredBy ?? [];
  if (!referring && referredBy.length === 0) return html``;

  return html`<section id="references">
<h2>Related rules</h2>
${referring && html`<h3>${HEADINGS[referring.command]}</h3>
${references.length === 0
  ? html`<p class="none">The rule names no rule.</p>`
  : html`<ul class="plain">${references.map(referenceItem)}</ul>`}`}
${referredBy.length > 0 && html`<h3>Correlations and filters that refer to this rule</h3>
<ul class="plain">${referredBy.map(referrerItem)}</ul>`}
</section>`;
}

function referenceItem(reference: StageReference): Html {
  const named = reference.byName
    ? html` <span class="muted">by name <code>${reference.reference}</code></span>`
    : '';
  if (reference.id === null) {
    return html`<li><code>${reference.reference}</code>
<span class="badge opaque">not in this catalog</span></li>`;
  }
  const name = ruleName(reference.title ?? '', reference.id);
  return html`<li><a href="${rulePath(reference.id)}">${name}</a>
<span class="muted">(<code>${reference.id}</code>)</span>${named}</li>`;
}

function referrerItem(referrer: RuleReferrer): Html {
  return html`<li><a href="${rulePath(referrer.id)}">${ruleName(referrer.title, referrer.id)}</a>
<span class="muted">(${referrer.kind}, <code>${referrer.id}</code>)</span></li>`;
}

/** The stage's `rules` argument, keeping only entries of the shape the lowering writes. */
function stageReferences(stage: Stage): StageReference[] {
  const rules = stage.args.rules;
  if (!Array.isArray(rules)) return [];
  return rules.filter((entry): entry is StageReference => {
    if (entry === null || typeof entry !== 'object') return false;
    const { reference, id, title } = entry as Record<string, unknown>;
    return (
      typeof reference === 'string' &&
      (id === null || typeof id === 'string') &&
      (title === null || typeof title === 'string')
    );
  });
}
