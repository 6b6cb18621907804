// Anchor texts of one field and operator, found inside a narrower rule's value in one pass.
//
// Anchors are filed under their first (for `contains` and `startswith`) or last (`endswith`)
// three characters, so finding every anchor that a value contains, starts or ends with takes
// one lookup per position of the value instead of one per position and anchor length.

/** Characters an anchor is filed under; shorter anchors are checked one by one. */
const GRAM = 3;

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

  /** Items of every anchor `value` satisfies under the operator: contains, starts or ends with. */
  reachedBy(value: string): T[] {
    const found: T[] = [];
    const take = (anchor: string) => {
      for (const item of this.byText.get(anchor)!) found.push(item);
    };

    for (const anchor of this.short) {
      if (this.holds(value, anchor)) take(anchor);
    }
    if (this.op === 'startswith') {
      for (const anchor of this.byGram.get(value.slice(0, GRAM)) ?? []) {
        if (value.startsWith(anchor)) take(anchor);
      }
    } else if (this.op === 'endswith') {
      for (const anchor of this.byGram.get(value.slice(-GRAM)) ?? []) {
        if (value.endsWith(anchor)) take(anchor);
      }
    } else {
      for (let i = 0; i + GRAM <= value.length; i++) {
        for (const anchor of this.byGram.get(value.slice(i, i + GRAM)) ?? []) {
          if (value.startsWith(anchor, i)) take(anchor);
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
