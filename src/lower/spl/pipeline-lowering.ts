// Lowers the commands of one SPL pipeline, in order, into stages: each command's effect, its
// filter as a predicate tree, aggregations with their by-fields, and nested subsearches.

import {
  and,
  type Effect,
  type Expr,
  type GroupBy,
  type Span,
  type Stage,
  type SubsearchCondition,
} from '../../ir/index.js';
import { isKnownCommand } from '../../languages/spl/commands.js';
import { isBuiltinStage, isTuningHook } from '../../languages/spl/macros.js';
import { nestedSubsearches, type Subsearch } from '../../languages/spl/nested-searches.js';
import type { CommandNode, MacroCall, Pipeline, SearchNode } from '../../languages/spl/syntax.js';
import { AGGREGATING, effectOf, FILTERING, selectsRows } from './command-effects.js';
import { joinOf, type JoinArguments } from './join-arguments.js';
import { lowerEvalCondition } from './lower-eval-condition.js';
import { lowerSearchExpression } from './lower-search-expression.js';
import type { LoweringScope } from './lowering-scope.js';
import type { SearchMacros } from './macro-library.js';
import { optionOrigins } from './option-origins.js';
import { describeArguments } from './stage-arguments.js';
import { returnedFields } from './subsearch-fields.js';
import { tuningHookStage, type HookPosition } from './tuning-hook.js';

/** The stages of `pipeline`; nested searches are lowered the same way, through the scope. */
export function lowerPipeline(
  pipeline: Pipeline,
  scope: LoweringScope,
  macros: SearchMacros,
): Stage[] {
  scope.lowerSubsearch = (nested, nestedScope) => {
    const lowering = new PipelineLowering(nestedScope, macros, true);
    for (const command of nested.commands) lowering.lower(command);
    return lowering.stages;
  };
  const lowering = new PipelineLowering(scope, macros, false);
  for (const command of pipeline.commands) lowering.lower(command);
  return lowering.stages;
}

class PipelineLowering {
  readonly stages: Stage[] = [];
  private aggregated = false;
  /** Fields a `fillnull` filled since the last aggregation. */
  private filled: string[] | 'all' = [];

  constructor(
    private readonly scope: LoweringScope,
    private readonly macros: SearchMacros,
    /** A subsearch's stages: diagnostics keep pointing at the stage that holds it. */
    private readonly nested: boolean,
  ) {}

  lower(command: CommandNode): void {
    if (!this.nested) this.scope.stage = this.stages.length + 1;
    for (const issue of command.issues) {
      this.scope.report('error', 'spl.syntax', issue.message, issue.span);
    }
    // Splunk refuses a command it cannot parse: what the parser recovered is a guess, so the
    // stage is not understood (the syntax errors above say why) and claims no condition.
    if (command.issues.length > 0 && command.name !== '') {
      this.pushUnparsed(command);
      return;
    }

    const { args } = command;
    if (args.kind === 'macro-stage') {
      this.lowerMacroStage(command, args.call);
      return;
    }
    if (args.kind === 'unknown') {
      this.lowerUnknown(command);
      return;
    }
    if (args.kind === 'search' && args.expr) {
      this.lowerSearch(command, args.expr);
      return;
    }

    const name = command.name.toLowerCase();
    if (FILTERING.has(name)) {
      const predicate = this.filterOf(command);
      if (predicate) this.push(command, this.filterEffect(), { predicate });
      else this.opaqueStage(command, `\`${command.name}\` without a condition`);
      return;
    }
    if (AGGREGATING.has(name)) {
      this.lowerAggregation(command);
      return;
    }
    if (selectsRows(args)) {
      this.lowerRowLimit(command);
      return;
    }
    if (name === 'join' && args.kind === 'arguments') {
      this.lowerJoin(command, joinOf(args.items));
      return;
    }
    if (args.kind === 'fillnull') {
      this.filled = fillAfter(this.filled, args.fields);
    }
    const subsearches = this.subsearchesOf(nestedSubsearches(args));
    this.push(command, effectOf(name, args), subsearches.length > 0 ? { subsearches } : {});
  }

  /**
   * An inner join (the default) keeps only events or rows whose join fields equal a row of its
   * subsearch: a filter on a subsearch condition. An outer or left join only adds fields.
   */
  private lowerJoin(command: CommandNode, join: JoinArguments): void {
    const subsearches = this.subsearchesOf(nestedSubsearches(command.args), join.fields);
    if (subsearches.length !== 1) {
      this.opaqueStage(command, '`join` needs exactly one subsearch');
      return;
    }
    if (!join.inner) {
      this.push(command, 'enrich', { subsearches });
      return;
    }
    const predicate: Expr = { kind: 'subsearch', subsearch: subsearches[0] };
    this.push(command, this.filterEffect(), { subsearches, predicate });
  }

  /** The subsearches among a command's arguments, each lowered into stages of its own. */
  private subsearchesOf(nested: Subsearch[], joinFields?: string[]): SubsearchCondition[] {
    const subsearches: SubsearchCondition[] = [];
    for (const item of nested) {
      const fields = joinFields ?? returnedFields(item.pipeline);
      const expr = this.scope.subsearch(fields, item.pipeline, item.span);
      if (expr.kind === 'subsearch') subsearches.push(expr.subsearch);
    }
    return subsearches;
  }

  private filterEffect(): Effect {
    return this.aggregated ? 'filter-aggregated' : 'filter';
  }

  private filterOf(command: CommandNode): Expr | null {
    const { args } = command;
    if (args.kind === 'where') return args.expr ? lowerEvalCondition(args.expr, this.scope) : null;
    if (args.kind !== 'regex' || args.pattern === null) return null;
    const regex = this.scope.predicate(
      { field: args.field, op: 'regex', values: [args.pattern], caseSensitive: true },
      command.argsSpan,
    );
    return args.negated ? { kind: 'not', arg: regex } : regex;
  }

  /** A search stage; tuning hooks written among its terms become stages of their own after it. */
  private lowerSearch(command: CommandNode, expr: SearchNode): void {
    const terms = expr.kind === 'and' ? expr.args : [expr];
    const hooks = terms.filter(isHookTerm);
    const rest = terms.filter((term) => !isHookTerm(term));
    if (rest.length > 0) {
      const predicate = and(rest.map((term) => lowerSearchExpression(term, this.scope)));
      this.push(command, this.filterEffect(), { predicate });
    }
    for (const hook of hooks) {
      if (hook.kind === 'macro') this.pushHook(hook.call, hook.span, 'term');
    }
  }

  private lowerAggregation(command: CommandNode): void {
    const { args } = command;
    // LIMITATION: a transaction's fields are taken as by-fields that events must have; with
    // `connected=false` Splunk may also join events lacking some of them.
    const by = args.kind === 'stats' || args.kind === 'tstats'
      ? args.by
      : args.kind === 'dedup' || args.kind === 'transaction' ? args.fields : [];
    let filled = this.filled;
    if (args.kind === 'tstats' && args.options.fillnull_value !== undefined) filled = 'all';
    if (args.kind === 'dedup' && isTrue(args.options.keepempty)) filled = 'all';
    const groupBy: GroupBy = { fields: by, filled };

    const extra: Partial<Stage> = { groupBy };
    if (args.kind === 'tstats' && args.where) {
      extra.predicate = lowerSearchExpression(args.where, this.scope);
    }
    this.push(command, 'aggregate', extra);
    this.aggregated = true;
    this.filled = [];
  }

  /**
   * `head`/`tail` keep the first or last rows in result order. After an aggregation that
   * drops result rows (filter-aggregated); before one it selects events by position, which no
   * predicate expresses, so the stage stays opaque.
   */
  private lowerRowLimit(command: CommandNode): void {
    if (this.aggregated) this.push(command, 'filter-aggregated', {});
    else this.opaqueStage(
      command,
      `\`${command.name}\` before an aggregation keeps events by position`,
    );
  }

  private lowerMacroStage(command: CommandNode, call: MacroCall): void {
    if (isTuningHook(call.name)) {
      this.pushHook(call, command.span, 'stage');
      return;
    }
    if (isBuiltinStage(call)) {
      this.push(command, 'enrich', { command: `\`${call.name}\``, args: { field: call.args[0] } });
      return;
    }
    this.opaqueStage(command, `macro \`${call.name}\` did not expand`);
  }

  private pushHook(call: MacroCall, span: Span, position: HookPosition): void {
    if (!this.nested) this.scope.stage = this.stages.length + 1;
    const stage = tuningHookStage(call, span, position, this.scope, this.macros);
    this.stages.push({ ...stage, index: this.stages.length + 1 });
  }

  private lowerUnknown(command: CommandNode): void {
    if (command.name === '') return;
    const known = isKnownCommand(command.name);
    this.opaqueStage(
      command,
      known ? `\`${command.name}\` is not parsed` : `unknown command \`${command.name}\``,
    );
  }

  private opaqueStage(command: CommandNode, reason: string): void {
    this.scope.report('warning', 'spl.opaque-stage', reason, command.span);
    this.push(command, this.effectOfOpaque(command), { opaque: true });
  }

  private pushUnparsed(command: CommandNode): void {
    this.push(command, this.effectOfOpaque(command), { opaque: true });
    if (AGGREGATING.has(command.name.toLowerCase())) this.aggregated = true;
  }

  /** What a stage not understood still does: a `where` filters whether or not it is read. */
  private effectOfOpaque(command: CommandNode): Effect {
    if (FILTERING.has(command.name.toLowerCase())) return this.filterEffect();
    return effectOf(command.name, command.args);
  }

  private push(command: CommandNode, effect: Effect, extra: Partial<Stage>): void {
    const stage: Stage = {
      index: this.stages.length + 1,
      command: command.name,
      text: this.scope.slice(command.span),
      effect,
      args: describeArguments(command.args, this.scope.text),
      span: this.scope.map.originalSpan(command.span),
      ...extra,
    };
    const origin = this.scope.map.originOf(command.span);
    if (origin) stage.origin = origin;
    const fromMacros = optionOrigins(command.args, (span) => this.scope.map.originOf(span), origin);
    if (fromMacros) stage.args.optionOrigins = fromMacros;
    this.stages.push(stage);
  }
}

function isHookTerm(node: SearchNode): boolean {
  return node.kind === 'macro' && isTuningHook(node.call.name);
}

function fillAfter(filled: string[] | 'all', fields: string[]): string[] | 'all' {
  if (filled === 'all' || fields.length === 0) return 'all';
  return [...new Set([...filled, ...fields])];
}

function isTrue(value: string | undefined): boolean {
  return value !== undefined && ['true', 't', '1'].includes(value.toLowerCase());
}
