// How much of a very large rule its page draws (a 540 KB query can hold 50,000 conditions):
// past a budget, parts are counted instead of drawn, pointing to the rule's JSON, which is
// always complete.

import { html, type Html } from '../html.js';

/** Predicate tree nodes drawn per rule page, over all stages. */
export const MAX_SHOWN_TREE_NODES = 2000;
/** Indicator values drawn per rule page, over all indicators. */
export const MAX_SHOWN_INDICATOR_VALUES = 300;

export class ShownBudget {
  constructor(
    private left: number,
    /** Where the whole rule is: its `/api/rules/:id` address. */
    private readonly jsonHref: string,
  ) {}

  /** Whether one more part may be drawn; if so, it is counted against the budget. */
  take(): boolean {
    if (this.left <= 0) return false;
    this.left--;
    return true;
  }

  /** How many of `wanted` parts may be drawn, counted against the budget. */
  takeUpTo(wanted: number): number {
    const granted = Math.min(wanted, Math.max(0, this.left));
    this.left -= granted;
    return granted;
  }

  /** `… N more <what> (see the JSON)` for the parts not drawn. */
  more(count: number, what: string): Html {
    const json = html`<a href="${this.jsonHref}">see the JSON</a>`;
    return html`… ${count.toLocaleString('en-US')} more ${what} (${json})`;
  }
}
