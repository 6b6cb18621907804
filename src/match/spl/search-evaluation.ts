// The `search` command's conditions on one event, with Splunk's semantics: field values
// match case-insensitively with `*` wildcards, `f!=x` needs f present (unlike `NOT f=x`),
// numbers compare as numbers, `f=10.0.0.0/8` matches addresses in the range, bare terms
// match the raw text, and a multivalue field matches when any of its values does.

import { isTuningHook } from '../../languages/spl/macros.js';
import { patternText } from '../../languages/spl/search-pattern.js';
import type { SearchComparator, SearchNode, SearchValue } from '../../languages/spl/syntax.js';
import {
  isUnknown,
  numberOf,
  textOf,
  valuesOf,
  type FieldReading,
  type FieldScalar,
} from './field-value.js';
import { globMatches, searchGlob, type Glob } from './glob-pattern.js';
import { cidrOf, inRange, type IpRange } from './ip-range.js';
import { rawTermMatches } from './raw-term.js';
import { RAW, type SplEvent } from './spl-event.js';
import { termText } from './term-text.js';
import {
  allOf,
  anyOf,
  failedAt,
  negation,
  TRUE,
  unknownTruth,
  type Truth,
} from './truth.js';

/**
 * Time bounds written in a search. They select the time range searched, which an event file
 * does not have.
 * LIMITATION: `earliest`/`latest` (and their index-time forms) hold for every event — an
 * event outside the rule's time window still matches.
 */
const TIME_BOUNDS = new Set(['earliest', 'latest', '_index_earliest', '_index_latest']);

/** How a field name in the search is read from the event. */
export type FieldLookup = (event: SplEvent, field: string) => FieldReading;

const readField: FieldLookup = (event, field) => event.get(field);

/** A search value compiled once: its glob, and what it means as a number or a range. */
interface CompiledValue {
  glob: Glob;
  cased: Glob;
  text: string;
  number: number | null;
  range: IpRange | null;
}

export class SearchEvaluation {
  private readonly values = new WeakMap<SearchValue, CompiledValue>();

  constructor(
    /** The text the nodes' spans point into. */
    private readonly text: string,
    private readonly lookup: FieldLookup = readField,
  ) {}

  truth(node: SearchNode, event: SplEvent): Truth {
    switch (node.kind) {
      case 'and':
        return allOf(node.args, (arg) => this.truth(arg, event));
      case 'or':
        return anyOf(node.args, (arg) => this.truth(arg, event), node.span);
      case 'not':
        return negation(this.truth(node.arg, event), node.span);
      case 'compare':
        return this.compare(node, node.field, node.comparator, node.value, false, event);
      case 'in':
        return this.inList(node, event);
      case 'term':
        return this.rawTerm(node, node.value, false, false, event);
      case 'directive':
        return this.directive(node, event);
      case 'macro':
        // Tuning hooks are empty unless a deployment defines them (see tuning-hook.ts).
        if (isTuningHook(node.call.name)) return TRUE;
        return this.unknown(node, `macro \`${node.call.name}\` did not expand`);
      case 'subsearch':
        return this.unknown(node, 'a subsearch returns its rows only when the search runs');
    }
  }

  private compare(
    node: SearchNode,
    field: string,
    comparator: SearchComparator,
    value: SearchValue,
    caseSensitive: boolean,
    event: SplEvent,
  ): Truth {
    if (TIME_BOUNDS.has(field)) return TRUE;
    const values = this.valuesAt(node, field, event);
    if (!Array.isArray(values)) return values;
    const compiled = this.compiled(value);
    const holds = comparator === '='
      ? values.some((item) => this.equals(compiled, item, caseSensitive))
      : comparator === '!='
        ? values.some((item) => !this.equals(compiled, item, caseSensitive))
        : values.some((item) => ordered(comparator, item, compiled));
    return holds ? TRUE : failedAt(node.span);
  }

  private inList(node: Extract<SearchNode, { kind: 'in' }>, event: SplEvent): Truth {
    const values = this.valuesAt(node, node.field, event);
    if (!Array.isArray(values)) return values;
    const compiled = node.values.map((value) => this.compiled(value));
    const holds = values.some((item) => compiled.some((value) => this.equals(value, item, false)));
    return holds ? TRUE : failedAt(node.span);
  }

  /**
   * The field's values, or the truth when it is absent (false) or unknown — except that
   * `field=*` holds for a field known to have some value.
   */
  private valuesAt(node: SearchNode, field: string, event: SplEvent): FieldScalar[] | Truth {
    const reading = this.lookup(event, field);
    if (isUnknown(reading) && reading.present && isPresence(node)) return TRUE;
    if (isUnknown(reading)) return this.unknown(node, reading.unknown);
    if (reading === null) return failedAt(node.span);
    return valuesOf(reading);
  }

  private equals(value: CompiledValue, item: FieldScalar, caseSensitive: boolean): boolean {
    const text = textOf(item);
    if (value.range && inRange(value.range, text)) return true;
    if (value.number !== null && value.glob.pieces.length === 1) {
      const number = plainNumber(text);
      if (number !== null) return number === value.number;
    }
    if (caseSensitive) return globMatches(value.cased, text);
    return globMatches(value.glob, text.toLowerCase());
  }

  private rawTerm(
    node: SearchNode,
    value: SearchValue,
    caseSensitive: boolean,
    wholeTerm: boolean,
    event: SplEvent,
  ): Truth {
    const raw = event.get(RAW);
    if (isUnknown(raw)) return this.unknown(node, raw.unknown);
    if (raw === null) return failedAt(node.span);
    const options = { caseSensitive, wholeTerm };
    const texts = valuesOf(raw).map(textOf);
    const holds = texts.some((text) => rawTermMatches(text, value.pattern, options));
    return holds ? TRUE : failedAt(node.span);
  }

  private directive(node: Extract<SearchNode, { kind: 'directive' }>, event: SplEvent): Truth {
    if (!node.value) {
      return this.unknown(node, `${node.directive}() holding anything but one term`);
    }
    const cased = node.directive === 'CASE';
    if (node.field === null) {
      return this.rawTerm(node, node.value, cased, node.directive === 'TERM', event);
    }
    return this.compare(node, node.field, '=', node.value, cased, event);
  }

  private compiled(value: SearchValue): CompiledValue {
    let compiled = this.values.get(value);
    if (!compiled) {
      const text = patternText(value.pattern);
      compiled = {
        glob: searchGlob(value.pattern, false),
        cased: searchGlob(value.pattern, true),
        text,
        number: plainNumber(text),
        range: cidrOf(text),
      };
      this.values.set(value, compiled);
    }
    return compiled;
  }

  private unknown(node: SearchNode, why: string): Truth {
    return unknownTruth(`${termText(this.text, node.span)}: ${why}`);
  }
}

/**
 * `<`, `<=`, `>`, `>=`: numerically when both sides are numbers, otherwise as text
 * (lower-cased, by character code).
 */
function ordered(comparator: SearchComparator, item: FieldScalar, value: CompiledValue): boolean {
  const number = numberOf(item);
  const bound = numberOf(value.text);
  const order = number !== null && bound !== null
    ? Math.sign(number - bound)
    : textOrder(textOf(item).toLowerCase(), value.text.toLowerCase());
  switch (comparator) {
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    default:
      return order >= 0;
  }
}

function isPresence(node: SearchNode): boolean {
  return node.kind === 'compare' && node.comparator === '=' && node.value.pattern === '*';
}

function textOrder(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/**
 * The number a value stands for when written plainly: `01` or `+1` stay text, so that
 * `x=01` matches only `01` while `x=1` matches `1.0`.
 */
function plainNumber(text: string): number | null {
  const number = numberOf(text);
  if (number === null) return null;
  const digits = text.startsWith('-') ? text.slice(1) : text;
  if (digits.startsWith('+')) return null;
  if (digits.length > 1 && digits[0] === '0' && digits[1] !== '.') return null;
  return number;
}
