// Overlapping rules: pairs that share a required canonical atom and match at least one common
// event, without either being broader than the other.
//
// Candidates come from an index of required atoms (a positive condition every case of a rule's
// condition has, log-source constraints aside), rarest atoms first; each candidate pair is then
// decided by building one event both rules keep (common-event). Only rules whose condition is
// exactly what they keep (no stage that may drop more events) take part, so the event is sound.

import { predicatesOf, type Rule, type Scalar } from '../../ir/index.js';
import { foldCase } from '../../semantics/value-key.js';
import { MODEL_DIALECT } from '../implication/event-identity.js';
import { isLogSourceConstraint } from '../indicators.js';
import type { Literal } from '../implication/literal.js';
import {
  canonicalCaseTestsOf,
  caseTestsOf,
  commonEvent,
  fieldsMeet,
  type CaseTests,
  type CommonEvent,
} from './common-event.js';
import type { EventScope } from './event-scope.js';
import { firstSharedSource } from './source-overlap.js';

/**
 * Atoms required by more rules than this are not used to find candidates: a value half the
 * corpus requires (`process.name eq powershell.exe`) says little about a pair.
 */
export const ATOM_POSTINGS = 200;

/** Atoms of one rule walked to find its candidates, rarest first. */
export const ATOMS_WALKED = 256;

/** Candidates decided per rule, those sharing the most atoms first. */
// LIMITATION: only these candidates, found through atoms fewer than ATOM_POSTINGS rules require,
// are decided — pages miss overlaps with rules sharing fewer or only very common atoms.
export const CANDIDATES_DECIDED = 20;

/**
 * Pairs of cases (one of each rule, in order) and cases of the first rule tried for a common
 * event; `verify` tries the first 64 pairs in this order.
 */
export const CASE_PAIRS = 48;

/**
 * Canonical fields that say which log an event comes from rather than what happened: thousands
 * of rules require them, so sharing one makes no candidate.
 */
const LOG_SOURCE_FIELDS: ReadonlySet<string> = new Set([
  'event.code',
  'event.category',
  'event.type',
  'event.dataset',
  'event.module',
  'event.provider',
  'winlog.channel',
  'winlog.provider_name',
  'host.os.type',
  'data_stream.dataset',
  '_index',
]);

/** Sigma's log-source pseudo fields. */
const LOG_SOURCE_PREFIX = 'logsource.';

/** Two rules that one event matches; `a` is the rule whose index that event is named after. */
export interface Overlap {
  a: Rule;
  b: Rule;
  /** Required atoms both rules have, and all atoms either has. */
  sharedAtoms: string[];
  allAtoms: number;
  /** `sharedAtoms` over `allAtoms`: what overlapping neighbors are ranked by. */
  closeness: number;
  /**
   * The event, by written field (by canonical field for rules writing different names, see
   * `fields`): a value, or null for a field it must not have.
   */
  event: CommonEvent;
  fields: 'written' | 'canonical';
  /** Per field both rules test beyond their log source: their conditions and the value. */
  links: OverlapLink[];
  /** The case of each rule's condition the event meets: `verify` builds its witness from them. */
  cases: { a: Literal[]; b: Literal[] };
}

export interface OverlapLink {
  field: string;
  value: Scalar | null;
  a: Literal[];
  b: Literal[];
}

/** A scope with its required atoms, for rules that can overlap at all. */
interface Participant {
  /** Position among the participants: pairs are remembered by it. */
  index: number;
  scope: EventScope;
  atoms: Set<string>;
  /** Its Sigma log source (see `logSourceOf`). */
  logSource: string;
  /** The tests of the literals every case has; null when one cannot be decided. */
  required: CaseTests | null;
  /** The same on canonical fields, for rules of other vocabularies. */
  canonicalRequired: CaseTests | null;
}

/**
 * Every overlap among the scopes but pairs `related` (already broader, narrower or equivalent).
 * Work per rule is bounded: `ATOMS_WALKED` atoms of at most `ATOM_POSTINGS` rules each, then
 * `CANDIDATES_DECIDED` candidates of `CASE_PAIRS` case pairs each.
 */
export function overlapsAmong(
  scopes: EventScope[],
  related: (a: Rule, b: Rule) => boolean,
): Overlap[] {
  const participants: Participant[] = [];
  for (const scope of scopes) {
    if (!canOverlap(scope)) continue;
    const participant = participantOf(participants.length, scope);
    if (participant.atoms.size > 0) participants.push(participant);
  }
  const postings = new Map<string, Participant[]>();
  for (const participant of participants) {
    for (const atom of participant.atoms) {
      const list = postings.get(atom);
      if (list) list.push(participant);
      else postings.set(atom, [participant]);
    }
  }

  const overlaps: Overlap[] = [];
  const decided = new Set<number>();
  const count = participants.length;
  for (const participant of participants) {
    for (const other of candidatesOf(participant, postings)) {
      const low = Math.min(participant.index, other.index);
      const pair = low * count + Math.max(participant.index, other.index);
      if (decided.has(pair)) continue;
      decided.add(pair);
      const overlap = decide(participant, other);
      if (overlap && !related(overlap.a, overlap.b)) overlaps.push(overlap);
    }
  }
  return overlaps;
}

/** The overlap of two rules, or null when none is shown (nor looked for: no shared atom). */
export function overlapBetween(x: EventScope, y: EventScope): Overlap | null {
  if (!canOverlap(x) || !canOverlap(y)) return null;
  return decide(participantOf(0, x), participantOf(1, y));
}

/** Only called for scopes that can overlap (bounded cases). */
function participantOf(index: number, scope: EventScope): Participant {
  const literals = requiredLiterals(scope.cases!);
  return {
    index,
    scope,
    atoms: atomsOf(literals, scope.rule),
    logSource: logSourceOf(scope.rule),
    required: caseTestsOf(literals),
    canonicalRequired: canonicalCaseTestsOf(literals),
  };
}

/**
 * A Sigma log source, as its `logsource.*` predicates write it. Each stands for events of the
 * event model (`category: process_creation` for Sysmon 1 and Security 4688) that no predicate
 * shows, so only rules with the same log source are known to read a common event.
 */
// LIMITATION: Sigma rules with different log sources (`category: process_creation` and
// `service: sysmon` with `EventID: 1`) are never listed as overlapping, though they share events.
function logSourceOf(rule: Rule): string {
  if (rule.source !== 'sigma') return '';
  const constraints = new Set<string>();
  for (const stage of rule.pipeline) {
    if (!stage.predicate) continue;
    for (const { predicate, negated } of predicatesOf(stage.predicate)) {
      if (!predicate.field.startsWith(LOG_SOURCE_PREFIX)) continue;
      const values = predicate.values.map((value) => foldCase(String(value))).join('\u0001');
      constraints.add(`${negated}\u0000${predicate.field}\u0000${predicate.op}\u0000${values}`);
    }
  }
  return [...constraints].sort().join('\u0002');
}

/**
 * The rules sharing the most atoms with this one, walking its rarest atoms first and skipping
 * atoms too common to say anything.
 */
function candidatesOf(
  participant: Participant,
  postings: Map<string, Participant[]>,
): Participant[] {
  const lists = [...participant.atoms]
    .map((atom) => postings.get(atom)!)
    .filter((list) => list.length > 1 && list.length <= ATOM_POSTINGS)
    .sort((a, b) => a.length - b.length)
    .slice(0, ATOMS_WALKED);

  const shared = new Map<Participant, number>();
  for (const list of lists) {
    for (const other of list) {
      if (other !== participant) shared.set(other, (shared.get(other) ?? 0) + 1);
    }
  }
  return mostShared(shared, CANDIDATES_DECIDED);
}

/**
 * The `limit` participants sharing the most atoms, then by rule id: only those at or above the
 * limit's count are ordered by id, which is most of the work when many share one atom.
 */
function mostShared(shared: Map<Participant, number>, limit: number): Participant[] {
  const least = countAtLimit(shared, limit);
  const kept: [Participant, number][] = [];
  for (const entry of shared) if (entry[1] >= least) kept.push(entry);
  return kept
    .sort(([a, sa], [b, sb]) => sb - sa || a.scope.rule.id.localeCompare(b.scope.rule.id))
    .slice(0, limit)
    .map(([other]) => other);
}

/** The count of the `limit`-th participant by count (counts are small: atoms walked). */
function countAtLimit(shared: Map<Participant, number>, limit: number): number {
  const byCount: number[] = [];
  for (const count of shared.values()) byCount[count] = (byCount[count] ?? 0) + 1;
  let seen = 0;
  for (let count = byCount.length - 1; count > 0; count--) {
    seen += byCount[count] ?? 0;
    if (seen >= limit) return count;
  }
  return 1;
}

/** The overlap of two participants: comparable scopes, a shared source, then a common event. */
function decide(x: Participant, y: Participant): Overlap | null {
  if (x.scope.vocabulary !== y.scope.vocabulary) return decideAcross(x, y);
  if (x.logSource !== y.logSource) return null;
  const ordered = firstSharedSource(x.scope.source, y.scope.source);
  if (!ordered) return null;
  const [a, b] = ordered === 'as-given' ? [x, y] : [y, x];
  const required = [...new Set([...a.scope.rawGroupBy, ...b.scope.rawGroupBy])];
  return commonCase(a, b, required, 'written');
}

/**
 * Rules writing different field names share an event when one meets both rules' canonical
 * comparisons, log-source terms and the event model's statements among them (a Sigma log
 * source, an index pattern, a Splunk `source`): `verify` renders it in each rule's names.
 */
// LIMITATION: across vendors, rules grouping by a field, `tstats` rules and cases with a
// comparison of their own dialect (SPL `where`, ES|QL, regexes, words of text) are not compared —
// no overlap is listed for them with a rule of another vendor.
function decideAcross(x: Participant, y: Participant): Overlap | null {
  if (x.scope.source.kind === 'datamodel' || y.scope.source.kind === 'datamodel') return null;
  if (x.scope.rawGroupBy.length > 0 || y.scope.rawGroupBy.length > 0) return null;
  // The event is named after an index when one rule reads indices: `verify` renders it there.
  const [a, b] = y.scope.source.kind === 'index' ? [y, x] : [x, y];
  return commonCase(a, b, [], 'canonical');
}

/** The event of the first pair of cases (within `CASE_PAIRS`) that one event meets. */
function commonCase(
  a: Participant,
  b: Participant,
  required: string[],
  fields: 'written' | 'canonical',
): Overlap | null {
  const testsOf = fields === 'written' ? caseTests : canonicalCaseTests;
  const aRequired = fields === 'written' ? a.required : a.canonicalRequired;
  const bRequired = fields === 'written' ? b.required : b.canonicalRequired;
  // Conditions both rules always have that no value meets together rule out every case pair.
  if (aRequired && bRequired && !fieldsMeet(aRequired, bRequired)) return null;

  let tried = 0;
  for (const aCase of a.scope.cases!) {
    const aTests = testsOf(aCase);
    // A case excluded by what the other rule always requires meets none of its cases.
    if (tried++ >= CASE_PAIRS) return null;
    if (!aTests || (bRequired && !fieldsMeet(aTests, bRequired))) continue;
    for (const bCase of b.scope.cases!) {
      if (tried++ >= CASE_PAIRS) return null;
      const bTests = testsOf(bCase);
      if (!bTests) continue;
      const event = commonEvent(aTests, bTests, required);
      if (event) {
        return overlapOf(a, b, { event, fields }, { a: aCase, b: bCase }, [aTests, bTests]);
      }
    }
  }
  return null;
}

/** Each case's tests, made once: a rule's cases are paired with many candidates' cases. */
const testsByCase = new WeakMap<Literal[], CaseTests | null>();

function caseTests(conjunction: Literal[]): CaseTests | null {
  let tests = testsByCase.get(conjunction);
  if (tests === undefined) {
    tests = caseTestsOf(conjunction);
    testsByCase.set(conjunction, tests);
  }
  return tests;
}

const canonicalTestsByCase = new WeakMap<Literal[], CaseTests | null>();

function canonicalCaseTests(conjunction: Literal[]): CaseTests | null {
  let tests = canonicalTestsByCase.get(conjunction);
  if (tests === undefined) {
    tests = canonicalCaseTestsOf(conjunction);
    canonicalTestsByCase.set(conjunction, tests);
  }
  return tests;
}

/**
 * Whether the rule keeps exactly the events its condition and group-by fields describe: a rule
 * with a stage that may drop more (a threshold, a filter on computed fields) is never claimed to
 * share an event.
 */
// LIMITATION: rules with thresholds, filters on computed fields or aggregated rows, and rules
// whose condition has more than 64 cases are never listed as overlapping.
function canOverlap(scope: EventScope): boolean {
  return scope.cases !== null && scope.broaderBlock === null;
}

function overlapOf(
  a: Participant,
  b: Participant,
  { event, fields }: { event: CommonEvent; fields: 'written' | 'canonical' },
  cases: { a: Literal[]; b: Literal[] },
  [aTests, bTests]: [CaseTests, CaseTests],
): Overlap {
  const sharedAtoms = [...a.atoms].filter((atom) => b.atoms.has(atom));
  const allAtoms = a.atoms.size + b.atoms.size - sharedAtoms.length;
  const links: OverlapLink[] = [];
  for (const [field, value] of event) {
    if (!aTests.byField.has(field) || !bTests.byField.has(field)) continue;
    const aLiterals = literalsOn(aTests, field, a.scope.rule);
    const bLiterals = literalsOn(bTests, field, b.scope.rule);
    if (aLiterals.length > 0 && bLiterals.length > 0) {
      links.push({ field, value, a: aLiterals, b: bLiterals });
    }
  }
  return {
    a: a.scope.rule,
    b: b.scope.rule,
    sharedAtoms,
    allAtoms,
    closeness: allAtoms === 0 ? 0 : sharedAtoms.length / allAtoms,
    event,
    fields,
    links,
    cases,
  };
}

/** The literals testing a field, log-source constraints aside: both rules read that log. */
function literalsOn(tests: CaseTests, field: string, rule: Rule): Literal[] {
  const literals: Literal[] = [];
  for (const { literal } of tests.byField.get(field) ?? []) {
    if (!literal || literals.includes(literal) || isLogSource(literal, rule)) continue;
    literals.push(literal);
  }
  return literals;
}

/**
 * The atoms of the literals every case of a rule's condition has: each value of a positive one,
 * on its canonical field and operator, letter case folded, log-source constraints aside.
 */
function atomsOf(required: Literal[], rule: Rule): Set<string> {
  const atoms = new Set<string>();
  for (const literal of required) {
    if (literal.negated || isLogSource(literal, rule)) continue;
    for (const value of literal.values) {
      if (value === null) continue;
      const text = typeof value === 'string' ? foldCase(value) : String(value);
      atoms.add(`${literal.field}\u0000${literal.op}\u0000${text}`);
    }
  }
  return atoms;
}

/** The literals every case has. */
function requiredLiterals(cases: Literal[][]): Literal[] {
  const [first, ...rest] = cases;
  const written = new WeakMap<Literal[], Set<string>>();
  const has = (conjunction: Literal[], literal: Literal): boolean => {
    if (conjunction.includes(literal)) return true;
    let keys = written.get(conjunction);
    if (!keys) written.set(conjunction, (keys = new Set(conjunction.map(sameness))));
    return keys.has(sameness(literal));
  };
  return first.filter((literal) => rest.every((conjunction) => has(conjunction, literal)));
}

/** Each literal's `sameness`, made once. */
const samenessOf = new WeakMap<Literal, string>();

/** Literals written alike in two branches (`(f and g) or (f and h)`) are the same condition. */
function sameness(literal: Literal): string {
  const known = samenessOf.get(literal);
  if (known !== undefined) return known;
  const values = literal.values.map((value) => `${typeof value}:${String(value)}`);
  const { field, op, negated, caseSensitive } = literal;
  const key = [field, op, negated, caseSensitive, ...values].join('\u0000');
  samenessOf.set(literal, key);
  return key;
}

/** Each literal's answer, found once: a literal belongs to one rule, or is a model statement. */
const logSourceLiterals = new WeakMap<Literal, boolean>();

/** Log-source constraints and the event model's statements about where an event was logged. */
function isLogSource(literal: Literal, rule: Rule): boolean {
  let known = logSourceLiterals.get(literal);
  if (known === undefined) {
    known =
      literal.dialect === MODEL_DIALECT ||
      LOG_SOURCE_FIELDS.has(literal.field) ||
      literal.predicates.every((predicate) => isLogSourceConstraint(predicate, rule));
    logSourceLiterals.set(literal, known);
  }
  return known;
}

/** An atom as a reader sees it: `process.name eq "x.exe"`. */
export function atomText(atom: string): string {
  const [field, op, value] = atom.split('\u0000');
  return `${field} ${op} "${value}"`;
}
