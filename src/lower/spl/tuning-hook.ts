// A `*_filter` tuning hook: empty by default, but a repository may define one. A definition
// holding a search or where condition becomes the hook stage's predicate; any other content
// is reported, never ignored.

import type { Expr, MacroOrigin, Span, Stage } from '../../ir/index.js';
import {
  BUILTIN,
  expandMacros,
  macroBody,
  type MacroDefinition,
} from '../../languages/spl/macros.js';
import { parsePipeline } from '../../languages/spl/pipeline-parser.js';
import type { MacroCall, SearchNode } from '../../languages/spl/syntax.js';
import { lowerEvalCondition } from './lower-eval-condition.js';
import { lowerSearchExpression } from './lower-search-expression.js';
import type { LoweringScope, SpanMap } from './lowering-scope.js';
import type { SearchMacros } from './macro-library.js';

const PAST_LIMITS = 'a definition past the expansion limits of the search';

/** Where the hook call is written: as a stage of its own (`| `x_filter``) or among terms. */
export type HookPosition = 'stage' | 'term';

/** The tuning-hook stage for `call`, written at `span` of the expanded text. */
export function tuningHookStage(
  call: MacroCall,
  span: Span,
  position: HookPosition,
  scope: LoweringScope,
  macros: SearchMacros,
): Stage {
  const origin = scope.map.originOf(span) ?? {
    macro: call.name,
    args: call.args,
    definedIn: BUILTIN,
  };
  const stage: Stage = {
    index: scope.stage ?? 1,
    command: `\`${call.name}\``,
    text: scope.slice(span),
    effect: 'tuning-hook',
    args: { macro: call.name },
    span: scope.map.originalSpan(span),
    origin,
  };

  const definition = macros.library.find(call.name, call.args.length);
  if (!definition) return stage;
  const place = { span, position, origin, scope, ...macros };
  const predicate = definedCondition(definition, call, place);
  if (predicate) stage.predicate = predicate;
  return stage;
}

interface HookPlace extends SearchMacros {
  span: Span;
  position: HookPosition;
  origin: MacroOrigin;
  scope: LoweringScope;
}

/**
 * The condition a defined hook applies; null when its definition is empty or not one.
 * LIMITATION: a hook defined as several commands or as a command other than search/where
 * (lookup, eval…) is not modelled — its stage has no predicate and a warning says so.
 */
function definedCondition(
  definition: MacroDefinition,
  call: MacroCall,
  place: HookPlace,
): Expr | null {
  const { scope, span } = place;
  const notModelled = (why: string): null => {
    const message =
      `tuning hook \`${call.name}\` is defined in ${definition.definedIn} with ${why}; ` +
      'what it does is not modelled';
    scope.report('warning', 'spl.tuning-hook-defined', message, span);
    return null;
  };

  const { budget } = place;
  const body = macroBody(definition, call.args, budget.remaining);
  if (!budget.charge(body) || body === null) return notModelled(PAST_LIMITS);
  if (body.trim() === '') return null;
  const expansion = expandMacros(body, place.library, budget);
  for (const issue of expansion.issues) {
    scope.report('warning', issue.code, `in tuning hook \`${call.name}\`: ${issue.message}`, span);
  }
  if (expansion.tooLarge) return notModelled(PAST_LIMITS);

  // As a stage the definition follows a `|`; among terms it continues the search.
  const text = place.position === 'stage' ? `|${expansion.text}` : expansion.text;
  const commands = parsePipeline(text).commands;
  if (commands.length === 0) return null;
  const [command] = commands;
  if (commands.length > 1) return notModelled(`more than one command: ${body.trim()}`);
  if (command.issues.length > 0) {
    return notModelled(`a definition that does not parse (${command.issues[0].message})`);
  }

  const { args } = command;
  if (args.kind === 'search' && (!args.expr || matchesEverything(args.expr))) return null;
  const hookScope = scope.within(text, new HookDefinitionMap(place));
  let condition: Expr | null = null;
  if (args.kind === 'search' && args.expr) condition = lowerSearchExpression(args.expr, hookScope);
  if (args.kind === 'where' && args.expr) condition = lowerEvalCondition(args.expr, hookScope);
  if (!condition) {
    return notModelled(`content that is not a search or where condition: ${body.trim()}`);
  }

  const message =
    `tuning hook \`${call.name}\` is defined in ${definition.definedIn}: its condition is ` +
    'shown on the hook stage and is not part of the rule\'s event filter';
  scope.report('info', 'spl.tuning-hook-defined', message, span);
  return condition;
}

/** `search *` (or an empty search): the default, empty, hook definition. */
function matchesEverything(expr: SearchNode): boolean {
  return expr.kind === 'term' && expr.value.pattern === '*';
}

/** Every piece of a hook definition maps to the hook call and carries the hook's origin. */
class HookDefinitionMap implements SpanMap {
  constructor(private readonly place: HookPlace) {}

  originalSpan(): Span {
    return this.place.scope.map.originalSpan(this.place.span);
  }

  lineOf(): number {
    return this.place.scope.map.lineOf(this.place.span.start);
  }

  originOf(): MacroOrigin {
    return this.place.origin;
  }
}
