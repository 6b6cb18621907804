// Checks one neighbor claim with witnesses. For "A is broader than B" each case of B's condition
// gives a witness event; B must match it (else the witness is wrong: unknown) and A, evaluated by
// its own language's evaluator on its own syntax tree, must match it too (else: a failure).
// Rules of one vocabulary are evaluated on the very same event; across vocabularies the witness's
// canonical values are rendered under each rule's own field names.

import {
  eventScopeOf,
  vocabularyOf,
  type ScopeOrExclusion,
} from '../analysis/neighbors/event-scope.js';
import { eventSourceOf } from '../analysis/neighbors/event-source.js';
import { overlapBetween } from '../analysis/neighbors/overlaps.js';
import { RAW_FIELD, type AnalyzedRule, type Scalar } from '../ir/index.js';
import { evaluatorFor } from '../match/evaluator-registry.js';
import type { EventRecord } from '../match/event-record.js';
import {
  isEvaluator,
  type NotEvaluable,
  type RuleEvaluator,
  type Verdict,
} from '../match/verdict.js';
import { canonicalNameOf, renderedFields } from './canonical-rendering.js';
import { documentOf, eventOf, shapeOf } from './event-shape.js';
import type { ClaimOutcome, ClaimToVerify, UnknownKind } from './verify-report.js';
import { variantsOf, witnessOf, type RequiredField, type Witness } from './witness.js';

/** Witnesses per case at most: one per value of its longest list of alternatives. */
const VALUE_VARIANTS = 16;

/** Pairs of cases tried for a common witness of two overlapping rules. */
const CASE_PAIRS_TRIED = 64;

/** The index an Elastic witness names: a pattern of the rule with `*` filled. */
const INDEX_FIELD = '_index';

/** A witness rendered for one rule: the document and the event read from it. */
interface Rendered {
  document: object;
  event: EventRecord;
}

type Step =
  | { kind: 'matched' }
  | { kind: 'unknown'; unknown: UnknownKind; detail: string }
  | { kind: 'failed'; rule: AnalyzedRule; witness: object; reason: string };

export class ClaimChecker {
  private readonly evaluators = new Map<string, RuleEvaluator | NotEvaluable>();
  /** Each rule's event scope, modelled once: a rule takes part in many claims. */
  private readonly scopes = new Map<string, ScopeOrExclusion>();

  check(claim: ClaimToVerify): ClaimOutcome {
    switch (claim.relation) {
      case 'broader':
        return this.outcome(claim, this.broader(claim.a, claim.b));
      case 'equivalent':
        return this.outcome(claim, [
          ...this.broader(claim.a, claim.b),
          ...this.broader(claim.b, claim.a),
        ]);
      case 'overlapping':
        return this.outcome(claim, [this.overlapping(claim.a, claim.b)]);
    }
  }

  /** Every witness of `narrower`'s cases, judged by `broader`. */
  private broader(broader: AnalyzedRule, narrower: AnalyzedRule): Step[] {
    const scope = this.scopeOf(narrower);
    if (!('scope' in scope) || !scope.scope.cases) {
      const why = 'scope' in scope ? 'too many cases' : scope.excluded;
      return [{ kind: 'unknown', unknown: 'no-cases', detail: why }];
    }
    const required = requiredFields(narrower, scope.scope.rawGroupBy);
    const evaluator = this.evaluator(broader);
    if (isEvaluator(evaluator) && evaluator.partial) {
      const why = 'its match needs several events; a witness shows only its per-event part';
      return [{ kind: 'unknown', unknown: 'partial', detail: `${broader.id}: ${why}` }];
    }

    const specs = scope.scope.cases.flatMap((literals) =>
      Array.from({ length: variantsOf(literals, VALUE_VARIANTS) }, (_, variant) => ({
        literals,
        variant,
      })),
    );
    const indices = indexInstances(narrower);
    const count = Math.max(specs.length, indices.length);

    const steps: Step[] = [];
    for (let k = 0; k < count; k++) {
      const { literals, variant } = specs[k % specs.length];
      const built = witnessOf(literals, required, variant);
      // A case that contradicts itself keeps no event: there is nothing to witness.
      if ('empty' in built) continue;
      if ('unknown' in built) {
        steps.push({ kind: 'unknown', unknown: built.unknown, detail: built.detail });
        continue;
      }
      const index = indices.length > 0 ? indices[k % indices.length] : undefined;
      const step = this.judged(built.witness, narrower, [broader], index);
      steps.push(step);
      if (step.kind === 'failed') break;
    }
    if (steps.length === 0) {
      return [{ kind: 'unknown', unknown: 'no-cases', detail: 'every case contradicts itself' }];
    }
    return steps;
  }

  /**
   * A witness of a case of each rule at once, which both must match: first the cases and event
   * the overlap was found with (the witness takes the event's values where they fit), then other
   * pairs of cases.
   */
  private overlapping(a: AnalyzedRule, b: AnalyzedRule): Step {
    const aScope = this.scopeOf(a);
    const bScope = this.scopeOf(b);
    if (!('scope' in aScope) || !('scope' in bScope)) {
      return { kind: 'unknown', unknown: 'no-cases', detail: 'a rule' };
    }
    const aCases = aScope.scope.cases;
    const bCases = bScope.scope.cases;
    if (!aCases || !bCases) return { kind: 'unknown', unknown: 'no-cases', detail: 'a rule' };

    const required = [
      ...requiredFields(a, aScope.scope.rawGroupBy),
      ...requiredFields(b, bScope.scope.rawGroupBy),
    ];
    const found = overlapBetween(aScope.scope, bScope.scope);
    if (found) {
      const { cases } = found;
      const literals = found.a.id === a.id ? [...cases.a, ...cases.b] : [...cases.b, ...cases.a];
      const built = witnessOf(literals, required, 0, { values: found.event, fields: found.fields });
      if ('witness' in built) {
        const step = this.judged(built.witness, a, [b], indexInstances(a)[0]);
        // A witness the rules cannot judge leaves the other pairs of cases to try.
        if (step.kind !== 'unknown') return step;
      }
    }
    const pairs = aCases.flatMap((aCase) => bCases.map((bCase) => [...aCase, ...bCase]));
    for (const literals of pairs.slice(0, CASE_PAIRS_TRIED)) {
      const built = witnessOf(literals, required);
      if ('witness' in built) return this.judged(built.witness, a, [b], indexInstances(a)[0]);
    }
    return { kind: 'unknown', unknown: 'no-common-witness', detail: `${a.id} and ${b.id}` };
  }

  /**
   * The witness rendered for `own` must match `own`, and each of `others` must match it too:
   * rules of `own`'s vocabulary the very same event; other rules the witness's canonical values
   * under their own field names, which `own` must then match under its own names as well.
   */
  private judged(
    witness: Witness,
    own: AnalyzedRule,
    others: AnalyzedRule[],
    index: string | undefined,
  ): Step {
    const native = renderingOf(own, withIndex(witness.written, index));
    const ownStep = this.ownStep(own, native);
    if (ownStep) return ownStep;

    let canonicalChecked = false;
    for (const other of others) {
      let rendering = native;
      if (vocabularyOf(other) !== vocabularyOf(own)) {
        const { canonical } = witness;
        if (!(canonical instanceof Map)) {
          return { kind: 'unknown', unknown: canonical.unknown, detail: canonical.detail };
        }
        if (!canonicalChecked) {
          const step = this.ownStep(own, renderingOf(own, renderedFields(own, canonical)));
          if (step) return step;
          canonicalChecked = true;
        }
        rendering = renderingOf(other, renderedFields(other, canonical));
      }

      const verdict = this.verdict(other, rendering.event);
      if ('notEvaluable' in verdict) return unknownStep('not-evaluable', other, verdict);
      if (verdict.status === 'matched') continue;
      if (verdict.status === 'undecided') return unknownStep('undecided', other, verdict);
      const reason = reasonOf(verdict);
      return { kind: 'failed', rule: other, witness: rendering.document, reason };
    }
    return { kind: 'matched' };
  }

  /** Null when `own` matches its witness; else why the witness cannot decide the claim. */
  private ownStep(own: AnalyzedRule, rendering: Rendered): Step | null {
    const verdict = this.verdict(own, rendering.event);
    if ('notEvaluable' in verdict) return unknownStep('not-evaluable', own, verdict);
    if (verdict.status === 'matched') return null;
    return unknownStep('own-witness', own, verdict);
  }

  private verdict(rule: AnalyzedRule, event: EventRecord): Verdict | NotEvaluable {
    const evaluator = this.evaluator(rule);
    return isEvaluator(evaluator) ? evaluator.evaluate(event) : evaluator;
  }

  private scopeOf(rule: AnalyzedRule): ScopeOrExclusion {
    let scope = this.scopes.get(rule.id);
    if (!scope) {
      scope = eventScopeOf(rule);
      this.scopes.set(rule.id, scope);
    }
    return scope;
  }

  private evaluator(rule: AnalyzedRule): RuleEvaluator | NotEvaluable {
    let evaluator = this.evaluators.get(rule.id);
    if (!evaluator) {
      evaluator = evaluatorFor(rule);
      this.evaluators.set(rule.id, evaluator);
    }
    return evaluator;
  }

  private outcome(claim: ClaimToVerify, steps: Step[]): ClaimOutcome {
    const witnesses = steps.filter((step) => step.kind !== 'unknown').length;
    const failed = steps.find((step) => step.kind === 'failed');
    if (failed?.kind === 'failed') {
      const other = failed.rule.id === claim.a.id ? claim.b : claim.a;
      const failure = {
        relation: claim.relation,
        a: failed.rule.id,
        b: other.id,
        witness: failed.witness,
        reason: failed.reason,
      };
      return { status: 'failed', failure, witnesses };
    }
    const unknown = steps.find((step) => step.kind === 'unknown');
    if (unknown?.kind === 'unknown') {
      return { status: 'unknown', kind: unknown.unknown, detail: unknown.detail, witnesses };
    }
    return { status: 'confirmed', witnesses };
  }
}

/** Group-by fields: every event a rule keeps has them, so its witnesses do too. */
function requiredFields(rule: AnalyzedRule, fields: string[]): RequiredField[] {
  return fields.map((field) => ({ written: field, canonical: canonicalNameOf(rule, field) }));
}

/**
 * An index name for each index pattern an Elastic rule reads (`logs-endpoint.events.*` gives
 * `logs-endpoint.events.witness`), so that witnesses also test which indices rules read.
 */
function indexInstances(rule: AnalyzedRule): string[] {
  const read = eventSourceOf(rule);
  if (read?.source.kind !== 'index') return [];
  return read.source.patterns
    .filter((pattern) => !pattern.startsWith('-'))
    .map((pattern) => pattern.slice(pattern.indexOf(':') + 1).replaceAll('*', 'witness'));
}

function renderingOf(rule: AnalyzedRule, fields: Map<string, Scalar>): Rendered {
  const document = documentOf(shapeOf(rule), fields);
  return { document, event: eventOf(document, fields.get(RAW_FIELD)) };
}

function withIndex(written: Map<string, Scalar>, index: string | undefined): Map<string, Scalar> {
  const fields = new Map(written);
  if (index !== undefined && !fields.has(INDEX_FIELD)) fields.set(INDEX_FIELD, index);
  return fields;
}

function unknownStep(kind: UnknownKind, rule: AnalyzedRule, verdict: Verdict | NotEvaluable): Step {
  return { kind: 'unknown', unknown: kind, detail: `${rule.id}: ${reasonOf(verdict)}` };
}

function reasonOf(verdict: Verdict | NotEvaluable): string {
  if ('notEvaluable' in verdict) return verdict.notEvaluable;
  return verdict.reason ?? verdict.status;
}
