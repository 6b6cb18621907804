// Lowers a Splunk search into pipeline stages: macros expanded, each command one stage with
// its effect, search and where conditions as predicate trees.

import {
  and,
  type Effect,
  type Expr,
  type GroupBy,
  type RuleDocument,
  type Span,
  type Stage,
} from '../../ir/index.js';
import { isKnownCommand } from '../../languages/spl/commands.js';
import {
  ExpansionBudget,
  expandMacros,
  isBuiltinStage,
  isTuningHook,
} from '../../languages/spl/macros.js';
import { parsePipeline } from '../../languages/spl/pipeline-parser.js';
import type { CommandNode, MacroCall, SearchNode } from '../../languages/spl/syntax.js';
import { detectionMetadata } from '../../sources/splunk/detection-metadata.js';
import type { SplunkContext } from '../../sources/splunk/splunk-context.js';
import type { LoweredQuery } from '../lowered-query.js';
import { AGGREGATING, effectOf, FILTERING } from './command-effects.js';
import { ExpansionMap } from './expansion-map.js';
import { lowerEvalCondition } from './lower-eval-condition.js';
import { lowerSearchExpression } from './lower-search-expression.js';
import { LoweringScope } from './lowering-scope.js';
import { macroLibraryOf, type SearchMacros } from './macro-library.js';
import { describeArguments } from './stage-arguments.js';
import { tuningHookStage, type HookPosition } from './tuning-hook.js';

export function lowerSpl(doc: RuleDocument, context: SplunkContext): LoweredQuery {
  const macros: SearchMacros = { library: macroLibraryOf(context), budget: new ExpansionBudget() };
  const expansion = expandMacros(doc.query, macros.library, macros.budget);
  const map = new ExpansionMap(doc.query, expansion, doc.queryLine);
  const scope = new LoweringScope(doc, expansion.text, map);

  reportMetadata(doc, scope);
  for (const issue of expansion.issues) {
    const line = map.lineOfOriginal(issue.span.start);
    scope.diagnostics.push(
      { severity: 'error', code: issue.code, message: issue.message, file: doc.file, line },
    );
  }
  if (expansion.tooLarge) {
    return { pipeline: [unexpandedSearch(doc)], diagnostics: scope.diagnostics };
  }

  const reported = scope.diagnostics.length;
  try {
    const pipeline = parsePipeline(expansion.text);
    const lowering = new PipelineLowering(scope, macros);
    for (const command of pipeline.commands) lowering.lower(command);
    return { pipeline: lowering.stages, diagnostics: scope.diagnostics };
  } catch (error) {
    // The parsers recurse once per nesting level: thousands of nested brackets or NOTs
    // exhaust the stack, which is the input's fault and must not stop the build.
    if (!(error instanceof RangeError)) throw error;
    const message = `the search nests too deeply to be read: ${error.message}`;
    const diagnostics = scope.diagnostics.slice(0, reported);
    diagnostics.push(
      { severity: 'error', code: 'spl.too-deep', message, file: doc.file, line: doc.queryLine },
    );
    return { pipeline: [unexpandedSearch(doc)], diagnostics };
  }
}

/** Metadata fields the reader left out for their type, as warnings on the rule's first line. */
function reportMetadata(doc: RuleDocument, scope: LoweringScope): void {
  for (const problem of detectionMetadata(doc.raw).problems) {
    scope.diagnostics.push({
      severity: 'warning',
      code: 'splunk.metadata',
      message: problem.reason,
      file: doc.file,
      line: doc.line,
    });
  }
}

/** A search that cannot be lowered: one opaque stage holding the query as written. */
function unexpandedSearch(doc: RuleDocument): Stage {
  return {
    index: 1,
    command: 'search',
    text: doc.query,
    effect: 'filter',
    args: {},
    span: { start: 0, end: doc.query.length },
    opaque: true,
  };
}

class PipelineLowering {
  readonly stages: Stage[] = [];
  private aggregated = false;
  /** Fields a `fillnull` filled since the last aggregation. */
  private filled: string[] | 'all' = [];

  constructor(
    private readonly scope: LoweringScope,
    private readonly macros: SearchMacros,
  ) {}

  lower(command: CommandNode): void {
    this.scope.stage = this.stages.length + 1;
    for (const issue of command.issues) {
      this.scope.report('error', 'spl.syntax', issue.message, issue.span);
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
    if (name === 'head' || name === 'tail') {
      this.lowerRowLimit(command);
      return;
    }
    if (args.kind === 'fillnull') {
      this.filled = fillAfter(this.filled, args.fields);
    }
    if (name === 'join') this.reportJoin(command);
    this.push(command, effectOf(name), {});
  }

  /**
   * LIMITATION: a join's subsearch is kept as text, not lowered — the info diagnostic makes sure
   * a reader sees that its conditions (and, for an inner join, the events it drops) are not in
   * the predicate trees.
   */
  private reportJoin(command: CommandNode): void {
    const message = 'join: the subsearch\'s conditions are shown as text only; an inner join '
      + 'also drops events that match no row of the subsearch';
    this.scope.report('info', 'spl.join-subsearch', message, command.span);
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
    const grouped = args.kind === 'stats' || args.kind === 'tstats';
    const by = grouped ? args.by : args.kind === 'dedup' ? args.fields : [];
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
    this.scope.stage = this.stages.length + 1;
    this.stages.push(tuningHookStage(call, span, position, this.scope, this.macros));
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
    this.push(command, effectOf(command.name), { opaque: true });
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
