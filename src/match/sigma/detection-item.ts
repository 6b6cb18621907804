// Compiles one detection item — `Field|modifiers: value(s)`, or a keyword searched in every
// value of the event — into a check: values OR'ed (AND'ed under `all`), `neq` negating.

import { parseFieldKey } from '../../languages/sigma/field-key.js';
import type { EventView } from './event-view.js';
import { failing, HOLDS, undecided, type Check, type Judgement } from './judgement.js';
import type { LogicNode, LogicScalar } from './logic-block.js';
import { modifierPlan } from './modifier-plan.js';
import { valueCheck, type PlaceholderValues, type ValueCheck } from './value-tests.js';

/** Values listed in a reason before it is cut short. */
const REASON_VALUES = 5;
const REASON_CHARACTERS = 300;

/** `Field|modifiers: value` under a search identifier; `where` names the identifier. */
export function detectionItem(
  where: string,
  keyText: string,
  key: string,
  value: LogicNode,
  placeholders: PlaceholderValues,
): Check {
  const values = value.kind === 'list' ? value.items : [value];
  const text = `${where}: ${itemText(keyText, values)}`;
  const parsed = parseFieldKey(key);
  if (parsed.emptyModifiers.length > 0) return always(undecided(`${text} — an empty modifier`));
  if (value.kind === 'map') return always(undecided(`${text} — the value is a map`));
  if (values.length === 0) return always(undecided(`${text} — the list of values is empty`));

  const scalars: LogicScalar[] = [];
  for (const item of values) {
    if (item.kind !== 'scalar') return always(undecided(`${text} — a value is not a scalar`));
    scalars.push(item);
  }
  const plan = modifierPlan(parsed.modifiers.map((modifier) => modifier.name));
  if ('problem' in plan) return always(undecided(`${text} — ${plan.problem}`));

  const keyword = parsed.field === '';
  const checks = scalars.map((scalar) => valueCheck(scalar.value, plan, keyword, placeholders));
  const field = keyword ? null : parsed.field;
  const failed = failing(text);
  const judge = plan.all ? everyValue(checks, field) : someValue(checks, field);
  const open = (reason: string) => undecided(`${text} — ${reason}`);
  if (!plan.neq) return (event) => judged(judge(event), failed, open);
  return (event) => judged(negated(judge(event)), failed, open);
}

/** A bare string under a search identifier (or in its list): a keyword. */
export function keywordItem(
  where: string,
  values: LogicScalar[],
  placeholders: PlaceholderValues,
): Check {
  const list: LogicNode = { kind: 'list', items: values };
  return detectionItem(where, '', '', list, placeholders);
}

type ValueJudge = (event: EventView) => boolean | string;

/** True, false, or the reason it cannot be decided. */
function valueOutcome(
  check: ValueCheck,
  values: ReturnType<EventView['field']>,
  event: EventView,
): boolean | string {
  for (const test of check.tests) if (test(values, event)) return true;
  return check.open ?? false;
}

function someValue(checks: ValueCheck[], field: string | null): ValueJudge {
  return (event) => {
    const values = field === null ? event.allValues() : event.field(field);
    let open: string | null = null;
    for (const check of checks) {
      const outcome = valueOutcome(check, values, event);
      if (outcome === true) return true;
      if (typeof outcome === 'string') open ??= outcome;
    }
    return open ?? false;
  };
}

function everyValue(checks: ValueCheck[], field: string | null): ValueJudge {
  return (event) => {
    const values = field === null ? event.allValues() : event.field(field);
    let open: string | null = null;
    for (const check of checks) {
      const outcome = valueOutcome(check, values, event);
      if (outcome === false) return false;
      if (typeof outcome === 'string') open ??= outcome;
    }
    return open ?? true;
  };
}

function negated(outcome: boolean | string): boolean | string {
  return typeof outcome === 'string' ? outcome : !outcome;
}

function judged(
  outcome: boolean | string,
  failed: Judgement,
  open: (reason: string) => Judgement,
): Judgement {
  if (outcome === true) return HOLDS;
  if (outcome === false) return failed;
  return open(outcome);
}

function always(judgement: Judgement): Check {
  return () => judgement;
}

/** `Key: value` or `Key: [a, b, …]` as written, for reasons; keywords are just their values. */
export function itemText(keyText: string, values: LogicNode[]): string {
  const shown = values.slice(0, REASON_VALUES).map(nodeText);
  if (values.length > REASON_VALUES) shown.push(`… ${values.length - REASON_VALUES} more`);
  const valueText = values.length === 1 ? shown[0] : `[${shown.join(', ')}]`;
  const text = keyText === '' ? valueText : `${keyText}: ${valueText}`.trimEnd();
  const oneLine = text.split('\n').map((line) => line.trim()).join(' ');
  if (oneLine.length <= REASON_CHARACTERS) return oneLine;
  return `${oneLine.slice(0, REASON_CHARACTERS - 1)}…`;
}

function nodeText(node: LogicNode): string {
  if (node.kind === 'scalar') return node.text;
  if (node.kind === 'list') return '[…]';
  const entries = node.entries.map((entry) => {
    const values = entry.value.kind === 'list' ? entry.value.items : [entry.value];
    return itemText(entry.keyText, values);
  });
  return entries.length === 1 ? entries[0] : `{${entries.join(', ')}}`;
}
