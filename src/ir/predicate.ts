// Predicates and the boolean trees they form: the filter part of every stage.

import type { MacroOrigin, Span } from './span.js';
import type { Stage } from './stage.js';

/**
 * Comparison operators. `wildcard` is used only when a glob pattern cannot be expressed
 * by eq/contains/startswith/endswith. Wildcard patterns use `*` and `?` with `\` escapes.
 */
export type Op =
  | 'eq'
  | 'ne'
  | 'contains'
  | 'startswith'
  | 'endswith'
  | 'wildcard'
  | 'regex'
  | 'lt'
  | 'le'
  | 'gt'
  | 'ge'
  | 'cidr'
  | 'exists'
  | 'in'
  | 'fieldref'
  | 'placeholder';

export type Scalar = string | number | boolean | null;

/** Pseudo field for raw-text terms: SPL bare words, Sigma keywords, KQL free text. */
export const RAW_FIELD = '_raw';

export interface Predicate {
  /** Field as written in the rule (`Processes.process_name`, `Image`, `process.name`). */
  field: string;
  op: Op;
  /**
   * Values compared against. One value for most ops; several for `in` (any of them).
   * `exists` has none. `regex` holds the pattern; `fieldref` holds the other field's name.
   */
  values: Scalar[];
  /** Whether the comparison is case-sensitive under the language's rules. */
  caseSensitive: boolean;
  /** Original text of the predicate in the query. */
  text: string;
  span?: Span;
  origin?: MacroOrigin;
  /** Regex flags for `regex` (e.g. `i`, `m`, `s`). */
  flags?: string;
  /**
   * Canonical (cross-vendor) name of the field as written, filled in by semantics/; the
   * original name when no mapping exists. It is `canonical.field` unless normalization moved
   * the comparison to another field (`Image endswith '\\x.exe'` is on `process.executable`,
   * its canonical comparison on `process.name`).
   */
  canonicalField?: string;
  /** The predicate in the cross-vendor vocabulary, filled in by semantics/ after lowering. */
  canonical?: CanonicalComparison;
  /**
   * Set on a condition no query text wrote, added for what a log-source term implies
   * (docs/event-model.md): the text of that term (`source=XmlWinEventLog:Security`,
   * `product: windows, category: process_creation`).
   */
  derivedFrom?: string;
}

/** How a predicate's field reached its canonical name. */
export type FieldMapping =
  /** Written as an ECS field already (Elastic `process.name`). */
  | 'ecs'
  /** Found in one of the project's mapping tables (Sigma `Image`, Splunk `Processes.process`). */
  | 'table'
  /** A pseudo field of ours (`_raw`, `logsource.category`, `_index`). */
  | 'pseudo'
  /** No mapping: the field as written. */
  | 'unmapped';

/**
 * A predicate in the cross-vendor vocabulary: ECS field, operator and values normalized so
 * that the same condition written by different vendors compares equal (`Image|endswith:
 * '\\x.exe'`, `Processes.process_name="x.exe"` and `process.name : "x.exe"` all become
 * `process.name eq x.exe`).
 */
export interface CanonicalComparison {
  field: string;
  op: Op;
  values: Scalar[];
  /** Under the rule's own language: never changed by normalization. */
  caseSensitive: boolean;
  mapping: FieldMapping;
}

/**
 * A value computed from an event's fields, as the rule's language computes it: SPL `eval`
 * expressions, ES|QL expressions. Operators keep the language's spelling (`+`, `.`, `>=`).
 */
export type Computation =
  | { kind: 'field'; name: string }
  | { kind: 'literal'; value: Scalar }
  | { kind: 'call'; name: string; args: Computation[] }
  | { kind: 'operator'; operator: string; args: Computation[] };

/**
 * A condition no `field op value` predicate can state, because both sides are computed from
 * the event (`count > avg + 3 * stdev`, `lower(a) = lower(b)`). It is parsed, not opaque,
 * but only an identical condition implies it.
 */
export interface ComputedCondition {
  /** The condition itself: a comparison or function call that yields true or false. */
  condition: Computation;
  /** Every field the condition reads. */
  fields: string[];
  caseSensitive: boolean;
  text: string;
  span?: Span;
  origin?: MacroOrigin;
}

/**
 * Holds when the event's `fields` equal those of one row a nested search returns: SPL
 * `[ search … ]` in a search, the subsearch of an inner `join`. The rows are only known when
 * the search runs, so only an identical subsearch condition implies it.
 */
export interface SubsearchCondition {
  /** Fields compared with the returned rows; empty when the subsearch returns raw terms. */
  fields: string[];
  /** The nested search, lowered like any pipeline. */
  stages: Stage[];
  text: string;
  span?: Span;
  origin?: MacroOrigin;
}

export type Expr =
  | { kind: 'and'; args: Expr[] }
  | { kind: 'or'; args: Expr[] }
  | { kind: 'not'; arg: Expr }
  | { kind: 'predicate'; predicate: Predicate }
  | { kind: 'computed'; computed: ComputedCondition }
  | { kind: 'subsearch'; subsearch: SubsearchCondition }
  /** Something the lowering does not understand yet; always paired with a diagnostic. */
  | { kind: 'opaque'; text: string; reason: string; span?: Span; origin?: MacroOrigin };

export function and(args: Expr[]): Expr {
  const flat = args.flatMap((a) => (a.kind === 'and' ? a.args : [a]));
  return flat.length === 1 ? flat[0] : { kind: 'and', args: flat };
}

export function or(args: Expr[]): Expr {
  const flat = args.flatMap((a) => (a.kind === 'or' ? a.args : [a]));
  return flat.length === 1 ? flat[0] : { kind: 'or', args: flat };
}

/** Negation; a double negation cancels out (`NOT isnull(f)` reads as `f exists`). */
export function not(arg: Expr): Expr {
  return arg.kind === 'not' ? arg.arg : { kind: 'not', arg };
}

export function predicate(p: Predicate): Expr {
  return { kind: 'predicate', predicate: p };
}

/** A predicate of a tree, with whether it sits under an odd number of NOTs. */
export interface PredicateOccurrence {
  predicate: Predicate;
  negated: boolean;
}

/** Every predicate in a tree, left to right, with whether it sits under an odd number of NOTs. */
export function predicatesOf(expr: Expr, negated = false): PredicateOccurrence[] {
  // An explicit stack rather than recursion or a generator: this walk runs over every predicate
  // of the catalog several times per build. Nodes and their NOT parity are kept in two arrays
  // (no object per node); children are pushed last-first to keep text order.
  const found: PredicateOccurrence[] = [];
  const nodes: Expr[] = [expr];
  const parities: boolean[] = [negated];
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const under = parities.pop()!;
    switch (node.kind) {
      case 'and':
      case 'or':
        for (let at = node.args.length - 1; at >= 0; at -= 1) {
          nodes.push(node.args[at]);
          parities.push(under);
        }
        break;
      case 'not':
        nodes.push(node.arg);
        parities.push(!under);
        break;
      case 'predicate':
        found.push({ predicate: node.predicate, negated: under });
        break;
      case 'computed':
      case 'subsearch':
      case 'opaque':
        break;
    }
  }
  return found;
}

/** Whether the tree contains anything the lowering did not understand. */
export function hasOpaque(expr: Expr): boolean {
  switch (expr.kind) {
    case 'and':
    case 'or':
      return expr.args.some(hasOpaque);
    case 'not':
      return hasOpaque(expr.arg);
    case 'predicate':
    case 'computed':
      return false;
    case 'subsearch':
      return expr.subsearch.stages.some((stage) => stage.opaque || hasOpaqueIn(stage.predicate));
    case 'opaque':
      return true;
  }
}

function hasOpaqueIn(expr: Expr | undefined): boolean {
  return expr !== undefined && hasOpaque(expr);
}
