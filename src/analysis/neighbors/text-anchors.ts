// Anchor texts of one field and operator, found inside a narrower rule's value in one pass.
//
// Anchors are filed under their first (for `contains` and `startswith`) or last (`endswith`)
// three characters, so finding every anchor that a value contains, starts or ends with takes
// one lookup per position of the value instead of one per position and anchor length.

/** Characters an anchor is filed under; shorter anchors are checked one by one. */
const GRAM = 3;

/**
 * Most anchors checked for one value: anchors such as `aaa`, `aaaa`, … inside a long run of `a`
 * would otherwise cost the value's length times their number.
 */
// LIMITATION: past this many checks the lookup stops — a pathological rule may miss some of the
// neighbors it has.
export const ANCHOR_CHECKS = 100_000;

export type TextOp = 'contains' | 'startswith' | 'endswith';

export class TextAnchors<T> {
  private readonly byText = new Map<string, T[]>();
  private readonly byGram = new Map<string, string[]>();
  private readonly short: string[] = [];

  constructor(private readonly op: TextOp) {}

  add(text: string, item: T): void {
    const items = this.byText.get(text);
    if (items) {
      items.push(item);
      return;
    }
    this.byText.set(text, [item]);
    if (text.length < GRAM) {
      this.short.push(text);
      return;
    }
    const gram = this.op === 'endswith' ? text.slice(-GRAM) : text.slice(0, GRAM);
    const texts = this.byGram.get(gram);
    if (texts) texts.push(text);
    else this.byGram.set(gram, [text]);
  }

  /**
   * Items of every anchor `value` satisfies under the operator: contains, starts or ends with.
   * Each anchor checked uses one of `budget.checks`; when they run out the lookup stops there.
   */
  reachedBy(value: string, budget = { checks: ANCHOR_CHECKS }): T[] {
    const found: T[] = [];
    /** Takes the anchor's items when it holds; false once the checks are used up. */
    const check = (anchor: string, holds: boolean): boolean => {
      if (--budget.checks < 0) return false;
      if (holds) {
        for (const item of this.byText.get(anchor)!) found.push(item);
      }
      return true;
    };

    for (const anchor of this.short) {
      if (!check(anchor, this.holds(value, anchor))) return found;
    }
    if (this.op === 'startswith') {
      for (const anchor of this.byGram.get(value.slice(0, GRAM)) ?? []) {
        if (!check(anchor, value.startsWith(anchor))) return found;
      }
    } else if (this.op === 'endswith') {
      for (const anchor of this.byGram.get(value.slice(-GRAM)) ?? []) {
        if (!check(anchor, value.endsWith(anchor))) return found;
      }
    } else {
      for (let i = 0; i + GRAM <= value.length; i++) {
        for (const anchor of this.byGram.get(value.slice(i, i + GRAM)) ?? []) {
          if (!check(anchor, value.startsWith(anchor, i))) return found;
        }
      }
    }
    return found;
  }

  private holds(value: string, anchor: string): boolean {
    if (this.op === 'startswith') return value.startsWith(anchor);
    if (this.op === 'endswith') return value.endsWith(anchor);
    return value.includes(anchor);
  }
}
