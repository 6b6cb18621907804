// Reads the custom command `cyberchef infield=<field> outfield=<field> jsonrecipe=<json>
// [<option>=…]`. Recipes are JSON lists of operations; searches often quote them with `"`
// without escaping the quotes inside, so the JSON list is found by its brackets.

import type { Span } from '../../ir/index.js';
import { ArgumentList } from './argument-list.js';
import type { CommandArgs, CyberchefRecipe, ParseIssue } from './syntax.js';

const RECIPE_OPTION = 'jsonrecipe';

export function readCyberchef(
  text: string,
  start: number,
  end: number,
  issues: ParseIssue[],
): CommandArgs {
  // LIMITATION: only `jsonrecipe` is read as a recipe; other ways of naming operations stay
  // options as text — pages show them as written.
  const recipe = findRecipe(text, start, end);
  if (!recipe) return readOptions(ArgumentList.of('cyberchef', text, start, end, issues), null);

  const list = ArgumentList.around('cyberchef', text, { start, end }, [recipe.option], issues);
  const operations = recipeOperations(recipe.json);
  if (operations === null) {
    issues.push({ message: '`jsonrecipe` is not a JSON list of operations', span: recipe.option });
  }
  return readOptions(list, { text: recipe.json, operations: operations ?? [] });
}

function readOptions(list: ArgumentList, recipe: CyberchefRecipe | null): CommandArgs {
  const infield = list.text('infield');
  const outfield = list.text('outfield');
  const written = list.option(RECIPE_OPTION);
  const options = list.otherOptions();
  list.reportUnread();
  if (!recipe && written) list.report('`jsonrecipe` needs a JSON list of operations', written);
  return { kind: 'cyberchef', infield, outfield, recipe, options };
}

/**
 * `jsonrecipe=` followed by a quote and `[`: the option runs to the `]` closing that list and
 * the quote after it. Null when the text has no such option.
 */
function findRecipe(
  text: string,
  start: number,
  end: number,
): { option: Span; json: string } | null {
  const at = text.toLowerCase().indexOf(`${RECIPE_OPTION}=`, start);
  if (at < 0 || at >= end) return null;
  const quote = text[at + RECIPE_OPTION.length + 1];
  const open = at + RECIPE_OPTION.length + 2;
  if ((quote !== '"' && quote !== "'") || text[open] !== '[') return null;
  const close = jsonListEnd(text, open, end);
  if (close < 0 || text[close] !== quote) return null;
  return { option: { start: at, end: close + 1 }, json: text.slice(open, close) };
}

/** Offset just past the JSON list opening at `open` (strings skipped), or -1. */
function jsonListEnd(text: string, open: number, end: number): number {
  let depth = 0;
  let inString = false;
  for (let i = open; i < end; i += 1) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i += 1;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') depth += 1;
    else if (c === ']' || c === '}') {
      depth -= 1;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/** The `op` names of a recipe, or null when it is not a JSON list of `{op, args}` objects. */
function recipeOperations(json: string): string[] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed)) return null;
  const operations: string[] = [];
  for (const step of parsed) {
    const op = typeof step === 'object' && step !== null ? (step as { op?: unknown }).op : null;
    if (typeof op !== 'string') return null;
    operations.push(op);
  }
  return operations;
}
