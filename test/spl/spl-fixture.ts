// Builds rule documents and Splunk contexts from small queries written in the tests.

import {
  computationText,
  type Expr,
  type Predicate,
  type RuleDocument,
} from '../../src/ir/index.js';
import type { LoweredQuery } from '../../src/lower/lowered-query.js';
import { lowerSpl } from '../../src/lower/spl/lower-spl.js';
import { macroKey, type SplunkContext } from '../../src/sources/splunk/splunk-context.js';
import { ruleDocument } from '../fixtures/rule-document.js';

export interface MacroFixture {
  name: string;
  definition: string;
  arguments?: string[];
}

export function contextWith(macros: MacroFixture[] = []): SplunkContext {
  const context: SplunkContext = {
    macros: new Map(),
    unreadableMacros: new Map(),
    dataSources: new Map(),
    problems: [],
  };
  for (const macro of macros) {
    const args = macro.arguments ?? [];
    context.macros.set(macroKey(macro.name, args.length), {
      name: macro.name,
      arguments: args,
      definition: macro.definition,
      definedIn: `macros/${macro.name}.yml`,
    });
  }
  return context;
}

export function documentOf(query: string, queryLine = 5): RuleDocument {
  return ruleDocument({
    source: 'splunk',
    file: 'detections/endpoint/fixture.yml',
    queryLine,
    title: 'Fixture',
    language: 'spl',
    query,
    raw: { name: 'Fixture' },
  });
}

export function lower(query: string, macros: MacroFixture[] = []): LoweredQuery {
  return lowerSpl(documentOf(query), contextWith(macros));
}

/** A predicate tree written compactly: `and(…)`, `or(…)`, `not(…)`, `field op value`. */
export function shape(expr: Expr | undefined): string {
  if (!expr) return '(none)';
  switch (expr.kind) {
    case 'and':
    case 'or':
      return `${expr.kind}(${expr.args.map(shape).join(', ')})`;
    case 'not':
      return `not(${shape(expr.arg)})`;
    case 'predicate':
      return atom(expr.predicate);
    case 'computed':
      return `computed(${computationText(expr.computed.condition)})`;
    case 'subsearch':
      return `subsearch(${expr.subsearch.fields.join(' ')})`;
    case 'opaque':
      return `opaque(${expr.text})`;
  }
}

function atom(predicate: Predicate): string {
  const values = predicate.values.map((value) => JSON.stringify(value)).join(' ');
  const cased = predicate.caseSensitive ? '' : '~';
  return `${predicate.field} ${predicate.op}${cased}${values ? ` ${values}` : ''}`;
}
