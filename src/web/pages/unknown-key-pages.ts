// The 404 pages of fields, indicators, events and techniques no rule has, each saying what the
// catalog does have nearby: the same name in another case, the same event of another provider,
// the technique's name in ATT&CK.

import type { EventSummary, IndicatorKey, TechniqueSummary } from '../../store/catalog.js';
import { html, type Html } from '../html.js';
import { operandText } from '../predicate-text.js';
import {
  eventPath,
  eventsPath,
  fieldPath,
  fieldsPath,
  techniquePath,
  techniquesPath,
} from './key-links.js';
import { notFoundPage } from './not-found-page.js';

/** `namedLike`: canonical fields rules writing the name (or it in another case) are filed under. */
export function unknownFieldPage(name: string, namedLike: string[]): Html {
  return notFoundPage(
    'No such field',
    html`No rule in this catalog compares the canonical field <code>${name}</code>.`,
    html`${namedLike.length > 0 &&
    html`<p>Rules that write <code>${name}</code> are filed under:</p>
${fieldList(namedLike)}`}
<p><a href="${fieldsPath()}">Every canonical field</a>, the most used first.</p>`,
  );
}

/** `fieldKnown`: whether some rule compares the indicator's field at all. */
export function unknownIndicatorPage(key: IndicatorKey, fieldKnown: boolean): Html {
  const operand = key.value === undefined ? '' : operandText(key.op, [key.value]);
  return notFoundPage(
    'No such indicator',
    html`No rule in this catalog compares <code>${key.canonicalField}</code> ${key.op}
${operand !== '' && html`<code>${operand}</code>`}.`,
    fieldKnown
      ? html`<p>The indicators rules do have on this field are listed on
<a href="${fieldPath(key.canonicalField)}">its page</a>.</p>`
      : html`<p>No rule compares <code>${key.canonicalField}</code> at all:
<a href="${fieldsPath()}">every canonical field</a>.</p>`,
  );
}

/** `sameId`: covered events with the same id from other providers. */
export function unknownEventPage(provider: string, eventId: number, sameId: EventSummary[]): Html {
  return notFoundPage(
    'No such event',
    html`No rule in this catalog covers event ${eventId} of <code>${provider}</code>.`,
    html`${sameId.length > 0 &&
    html`<p>Rules do cover event ${eventId} of:</p>
<ul class="plain">${sameId.map(
      (e) => html`<li><a href="${eventPath(e.provider, e.eventId)}">${e.provider}</a></li>`,
    )}</ul>`}
<p><a href="${eventsPath()}">Every covered event</a>, by provider.</p>`,
  );
}

/** `known`: the technique when the ATT&CK data has it, though no rule names it. */
export function unknownTechniquePage(id: string, known: TechniqueSummary | null): Html {
  const explanation = known
    ? html`<code>${id}</code> ${known.name ?? ''} is in the ATT&amp;CK data, but no rule in this
catalog names it${known.parent === null ? ' or one of its sub-techniques' : ''}.`
    : html`<code>${id}</code> is not a technique of the ATT&amp;CK data ruledex knows, and no rule
in this catalog names it.`;
  return notFoundPage(
    'No rules for this technique',
    explanation,
    html`${known?.parent &&
    html`<p>Its parent: <a href="${techniquePath(known.parent)}">${known.parent}</a>.</p>`}
<p><a href="${techniquesPath()}">Every technique the rules name</a>.</p>`,
  );
}

function fieldList(fields: string[]): Html {
  return html`<ul class="plain">${fields.map(
    (f) => html`<li><a href="${fieldPath(f)}"><code>${f}</code></a></li>`,
  )}</ul>`;
}
