// Hand-made rules for event-coverage tests: predicates and log-source metadata, nothing else.

import type {
  DataSourceDefinition,
  Expr,
  Op,
  Rule,
  Scalar,
  SourceName,
  Stage,
} from '../../src/ir/index.js';
import { ruleDocument } from '../fixtures/rule-document.js';

/** A positive predicate tree leaf; `in` when given several values. */
export function field(name: string, ...values: Scalar[]): Expr {
  const op: Op = values.length > 1 ? 'in' : 'eq';
  return fieldOp(name, op, ...values);
}

export function fieldOp(name: string, op: Op, ...values: Scalar[]): Expr {
  const text = `${name} ${op} ${values.join(',')}`;
  return {
    kind: 'predicate',
    predicate: { field: name, op, values, caseSensitive: false, text },
  };
}

export function all(...args: Expr[]): Expr {
  return { kind: 'and', args };
}

export function any(...args: Expr[]): Expr {
  return { kind: 'or', args };
}

export function none(arg: Expr): Expr {
  return { kind: 'not', arg };
}

interface RuleShape {
  source: SourceName;
  eventFilter?: Expr | null;
  dataSources?: string[];
  dataSourceDefinitions?: DataSourceDefinition[];
  pipeline?: Stage[];
}

export function ruleWith(shape: RuleShape): Rule {
  const language = shape.source === 'splunk' ? 'spl' : shape.source === 'sigma' ? 'sigma' : 'kuery';
  const rule: Rule = {
    ...ruleDocument({ source: shape.source, language }),
    dataSources: shape.dataSources ?? [],
    id: `${shape.source}:fixture`,
    pipeline: shape.pipeline ?? [],
    eventFilter: shape.eventFilter ?? null,
    fullyParsed: true,
    diagnostics: [],
  };
  if (shape.dataSourceDefinitions) rule.dataSourceDefinitions = shape.dataSourceDefinitions;
  return rule;
}

/** An Elastic index pattern as the lowering states it: the pattern is the predicate's text. */
export function indexPattern(pattern: string): Expr {
  const prefix = pattern.endsWith('*') ? pattern.slice(0, -1) : pattern;
  const op: Op = pattern.endsWith('*') ? 'startswith' : 'eq';
  return {
    kind: 'predicate',
    predicate: { field: '_index', op, values: [prefix], caseSensitive: true, text: pattern },
  };
}
