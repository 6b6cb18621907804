// Readers for the machine-learning and statistical commands: `apply` and `fit` (Machine
// Learning Toolkit models), `outlier` and `anomalydetection` (rows unlike the others).

import { type ArgumentList, isWord } from './argument-list.js';
import type { ArgumentItem, CommandArgs } from './syntax.js';

/** `apply <model> [as <field>] [<option>=…]` */
export function readApply(list: ArgumentList): CommandArgs {
  const options = list.otherOptions();
  const { field: model, as } = list.fieldAs();
  list.reportUnread();
  return { kind: 'apply', model, as, options };
}

/**
 * `fit <algorithm> [<target> from] <field>… [by <field>…] [into <model>] [as <name>]
 * [<option>=…]`
 */
export function readFit(list: ArgumentList): CommandArgs {
  const options = list.otherOptions();
  const [algorithmItem, ...rest] = list.positional();
  if (!algorithmItem) {
    list.reportMissing('an algorithm');
    const none = { algorithm: null, target: null, into: null, as: null };
    return { kind: 'fit', ...none, fields: [], by: [], options };
  }
  const algorithm = list.textOf(algorithmItem, 'an algorithm name');
  const into = afterWord(list, rest, 'into');
  const as = afterWord(list, rest, 'as');
  const fromAt = rest.findIndex((item) => isWord(item, 'from'));
  let target: string | null = null;
  if (fromAt >= 0) {
    list.take(rest[fromAt]);
    if (fromAt !== 1) list.report('`from` follows the one target field', rest[fromAt]);
    else target = list.fieldName(rest[0]);
  }
  const remaining = list.positional();
  const byAt = remaining.findIndex((item) => isWord(item, 'by'));
  const fields = list.fieldNames(byAt < 0 ? remaining : remaining.slice(0, byAt));
  const by = byAt < 0 ? [] : list.fieldNames(remaining.slice(byAt + 1));
  if (byAt >= 0) list.take(remaining[byAt]);
  if (fields.length === 0) list.reportMissing('fields to fit on');
  return { kind: 'fit', algorithm, target, fields, by, into, as, options };
}

/** The name after `word` (`into m`, `as x`), both marked as read; null when absent. */
function afterWord(list: ArgumentList, items: ArgumentItem[], word: string): string | null {
  const at = items.findIndex((item) => isWord(item, word));
  if (at < 0) return null;
  list.take(items[at]);
  const name = items[at + 1];
  if (!name) {
    list.report(`\`${word}\` needs a name after it`, items[at]);
    return null;
  }
  return list.textOf(name, 'a name');
}

/** `outlier [action=…] [mark=…] [param=…] [uselower=…] [type=…] [<field>…]` */
export function readOutlier(list: ArgumentList): CommandArgs {
  return readOutlierFinder('outlier', list);
}

/** `anomalydetection [method=…] [action=…] [pthresh=…] [cutoff=…] [<field>…]` */
export function readAnomalydetection(list: ArgumentList): CommandArgs {
  return readOutlierFinder('anomalydetection', list);
}

function readOutlierFinder(kind: 'outlier' | 'anomalydetection', list: ArgumentList): CommandArgs {
  const action = list.text('action');
  const options = list.otherOptions();
  const fields = list.fieldNames(list.positional());
  list.reportUnread();
  return { kind, action, options, fields };
}
