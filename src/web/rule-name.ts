// How pages name a rule: its title, or — when the title is blank — its catalog id marked as
// untitled, so every link to a rule has text to click.

import { html, type Html } from './html.js';

export function ruleName(title: string, id: string): Html {
  if (title.trim() !== '') return html`${title}`;
  return html`<span class="untitled">${id} <span class="badge">untitled</span></span>`;
}

/** The same name as plain text, for the window title. */
export function ruleNameText(title: string, id: string): string {
  return title.trim() !== '' ? title : `${id} (untitled)`;
}
