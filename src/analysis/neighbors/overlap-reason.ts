// The sentence shown with an overlapping neighbor: what both rules require and an event both match.

import type { Scalar } from '../../ir/index.js';
import { atomText, type Overlap } from './overlaps.js';

/** Shared atoms and event fields named before the rest are only counted. */
const SHOWN = 4;
/** Characters of a value shown; a longer one is cut with `…`. */
const TEXT_SHOWN = 80;

/**
 * Names the atoms both require and the values the common event gives the fields both test (its
 * log-source fields, which both read alike, are left out when others are named).
 */
export function overlapReason(overlap: Overlap): string {
  let reason = reasons.get(overlap);
  if (reason === undefined) reasons.set(overlap, (reason = reasonOf(overlap)));
  return reason;
}

/** Each overlap's reason, made once: it is shown on both rules' pages. */
const reasons = new WeakMap<Overlap, string>();

function reasonOf(overlap: Overlap): string {
  const shared = overlap.sharedAtoms.map(atomText);
  const tested = overlap.links.map((link) => fieldText(link.field, link.value));
  const fields = tested.length > 0 ? tested : [...overlap.event].map(([f, v]) => fieldText(f, v));
  const required = shared.length > 0 ? `both require ${listed(shared)}; ` : '';
  return (
    `${required}an event with ${listed(fields)} matches both, ` +
    'and neither rule is shown to be broader than the other'
  );
}

function fieldText(field: string, value: Scalar | null): string {
  if (value === null) return `no ${field}`;
  const text = typeof value === 'string' ? `"${shortened(value)}"` : String(value);
  return `${field} = ${text}`;
}

function listed(texts: string[]): string {
  const named = texts.slice(0, SHOWN).join(', ');
  const hidden = texts.length - SHOWN;
  return hidden > 0 ? `${named} and ${hidden} more` : named;
}

function shortened(text: string): string {
  return text.length > TEXT_SHOWN ? `${text.slice(0, TEXT_SHOWN)}…` : text;
}
