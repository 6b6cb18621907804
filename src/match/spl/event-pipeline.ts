// Turns a parsed SPL pipeline into the steps one event goes through: every command up to
// the first aggregation (or other command whose result depends on several events), then
// that command's own filter and by-field check. Whether commands after it filter rows
// makes the rule partial.

import { isBuiltinStage, isTuningHook } from '../../languages/spl/macros.js';
import type {
  CommandNode,
  MacroCall,
  Pipeline,
  SearchNode,
} from '../../languages/spl/syntax.js';
import { joinOf } from '../../lower/spl/join-arguments.js';
import type { NotEvaluable } from '../verdict.js';
import { aggregationStep, type Aggregation } from './aggregation-step.js';
import { dataModelField } from './data-model-fields.js';
import { dataModelRead, searchFields } from './data-model-membership.js';
import { commandStep } from './command-steps.js';
import { assetStep } from './enrichment-steps.js';
import { foreachStep } from './foreach-step.js';
import { EvalEvaluation } from './eval-evaluation.js';
import { outcomeOf, PASS, type EventStep } from './event-step.js';
import { regexStep, rexStep } from './regex-steps.js';
import { RuleRegexes } from './rule-regexes.js';
import { SearchEvaluation } from './search-evaluation.js';
import { termText } from './term-text.js';

export interface EventPipeline {
  steps: EventStep[];
  /** True when commands after the first aggregation may drop its rows. */
  partial: boolean;
}

/** Commands that start a search from something other than events. */
const NOT_EVENTS = new Set([
  'inputlookup', 'inputcsv', 'rest', 'makeresults', 'metadata', 'dbinspect', 'eventcount',
  'loadjob',
]);

/** Commands whose result for one event depends on the other events. */
const MULTI_EVENT = new Set([
  'stats', 'tstats', 'mstats', 'chart', 'timechart', 'top', 'rare', 'geostats', 'sistats',
  'eventstats', 'streamstats', 'transaction', 'dedup', 'mvcombine', 'head', 'tail', 'uniq',
  'outlier', 'anomalydetection', 'anomalies', 'delta', 'accum', 'autoregress', 'trendline',
  'cluster', 'associate', 'xyseries', 'untable', 'transpose',
]);

/** Aggregations that drop an event lacking a by-field (chart and timechart keep it as NULL). */
const DROPPING = new Set(['stats', 'sistats', 'tstats', 'mstats', 'top', 'rare', 'dedup']);

/** Commands after an aggregation that only reshape, enrich or show rows. */
const ROW_KEEPING = new Set([
  'eval', 'rename', 'table', 'fields', 'convert', 'sort', 'reverse', 'fillnull', 'lookup',
  'rex', 'bin', 'bucket', 'makemv', 'mvexpand', 'mvcombine', 'nomv', 'spath', 'iplocation',
  'foreach', 'fieldformat', 'outputlookup', 'collect', 'append', 'appendpipe', 'appendcols',
  'addtotals', 'addcoltotals', 'addinfo', 'xyseries', 'untable', 'transpose', 'strcat',
  'stats', 'eventstats', 'streamstats', 'chart', 'timechart', 'format', 'xmlkv', 'fromjson',
  'replace', 'filldown', 'rangemap', 'tojson', 'extract', 'kv',
]);

export function compileEventPipeline(
  pipeline: Pipeline,
  text: string,
): EventPipeline | NotEvaluable {
  const [first] = pipeline.commands;
  if (first && !first.implicit && NOT_EVENTS.has(first.name.toLowerCase())) {
    return { notEvaluable: `the search starts with \`${first.name}\`, which reads no events` };
  }
  return new PipelineCompiler(text).compile(pipeline.commands);
}

class PipelineCompiler {
  private readonly steps: EventStep[] = [];
  private readonly regexes = new RuleRegexes();
  private readonly search: SearchEvaluation;
  private readonly eval: EvalEvaluation;
  private filled: Set<string> | 'all' = new Set();

  constructor(private readonly text: string) {
    this.search = new SearchEvaluation(text);
    this.eval = new EvalEvaluation(text, this.regexes);
  }

  compile(commands: CommandNode[]): EventPipeline {
    for (let i = 0; i < commands.length; i += 1) {
      const command = commands[i];
      if (MULTI_EVENT.has(command.name.toLowerCase())) {
        this.ending(command);
        const partial = commands.slice(i + 1).some(mayDropRows);
        return { steps: this.steps, partial };
      }
      this.steps.push(this.stepOf(command));
    }
    return { steps: this.steps, partial: false };
  }

  /** The step of a command before the first aggregation. */
  private stepOf(command: CommandNode): EventStep {
    const words = termText(this.text, command.span);
    if (command.issues.length > 0) {
      return this.unmodelled(`\`${words}\` does not parse: ${command.issues[0].message}`);
    }
    const { args } = command;
    switch (args.kind) {
      case 'search': {
        const { expr } = args;
        if (!expr) return () => PASS;
        return (event) => outcomeOf(this.search.truth(expr, event), this.text);
      }
      case 'where': {
        const { expr } = args;
        if (!expr) return this.unmodelled(`\`${words}\` has no condition`);
        return (event) => outcomeOf(this.eval.condition(expr, event), this.text);
      }
      case 'eval':
        return (event) => {
          this.eval.assign(args.assignments, event);
          return PASS;
        };
      case 'rex':
        if (args.pattern === null) return this.unmodelled(`\`${words}\` has no pattern`);
        return rexStep({ ...args, pattern: args.pattern }, this.regexes);
      case 'regex':
        if (args.pattern === null) return this.unmodelled(`\`${words}\` has no pattern`);
        return regexStep(args.field, args.pattern, args.negated, words, this.regexes);
      case 'macro-stage':
        if (isTuningHook(args.call.name)) return () => PASS;
        if (isBuiltinStage(args.call)) return assetStep(args.call.args[0]);
        return this.unmodelled(`macro \`${args.call.name}\` did not expand`);
      case 'arguments':
        if (command.name.toLowerCase() !== 'foreach') break;
        return foreachStep(args.items, this.text, this.regexes);
      case 'fillnull':
        this.filled = this.filled === 'all' || args.fields.length === 0
          ? 'all'
          : new Set([...this.filled, ...args.fields]);
        break;
      default:
        break;
    }
    const step = commandStep(command, this.steps.length === 0);
    if (step) return step;
    if (command.name === '') return this.unmodelled('an empty command between two `|`');
    return this.unmodelled(`\`${command.name}\` is not evaluated by the matcher`);
  }

  /**
   * A command the matcher does not model: it may drop the event, and may set any field the
   * event lacks.
   */
  private unmodelled(reason: string): EventStep {
    return (event) => {
      event.addUnknown({ covers: () => true, reason: `may be set by a command: ${reason}` });
      return { kind: 'unknown', reason };
    };
  }

  /** The step of the command that ends the per-event part. */
  private ending(command: CommandNode): void {
    const words = termText(this.text, command.span);
    if (command.issues.length > 0) {
      this.steps.push(this.unmodelled(`\`${words}\` does not parse: ${command.issues[0].message}`));
      return;
    }
    const aggregation = this.aggregationOf(command);
    if (!aggregation) return;
    const lookup = dataModelField;
    const search = aggregation.where ? new SearchEvaluation(this.text, lookup) : this.search;
    this.steps.push(aggregationStep(aggregation, search, lookup, this.text));
  }

  private aggregationOf(command: CommandNode): Aggregation | null {
    const { args } = command;
    const name = command.name.toLowerCase();
    const drops = DROPPING.has(name);
    const filled = this.filled;
    const plain = { command: name, where: null, dataModel: null, filled };
    if (args.kind === 'tstats') {
      const fillsAll = args.options.fillnull_value !== undefined;
      const named = [...searchFields(args.where), ...args.by, ...aggregatedFields(args)];
      const dataModel = args.datamodel === null ? null : dataModelRead(args.datamodel, named);
      const by = drops ? args.by : [];
      return { ...plain, where: args.where, dataModel, by, filled: fillsAll ? 'all' : filled };
    }
    if (args.kind === 'stats') return { ...plain, by: drops ? args.by : [] };
    if (args.kind === 'dedup') {
      const keepEmpty = ['true', 't', '1'].includes(args.options.keepempty?.toLowerCase() ?? '');
      return { ...plain, by: keepEmpty ? [] : args.fields };
    }
    return null;
  }
}

function aggregatedFields(args: { aggregations: { field: string | null }[] }): string[] {
  return args.aggregations.flatMap((aggregation) => aggregation.field ?? []);
}

/** Whether a command after the aggregation may drop aggregated rows. */
function mayDropRows(command: CommandNode): boolean {
  const { args } = command;
  if (args.kind === 'macro-stage') return !isHook(args.call);
  if (args.kind === 'unknown') return command.name !== '';
  if (args.kind === 'search') return args.expr !== null && !onlyHooks(args.expr);
  const name = command.name.toLowerCase();
  if (name === 'join' && args.kind === 'arguments') return joinOf(args.items).inner;
  return !ROW_KEEPING.has(name);
}

function isHook(call: MacroCall): boolean {
  return isTuningHook(call.name) || isBuiltinStage(call);
}

/** A search made of tuning hooks only (`search `x_filter``), empty by default. */
function onlyHooks(expr: SearchNode): boolean {
  if (expr.kind === 'and') return expr.args.every(onlyHooks);
  return expr.kind === 'macro' && isTuningHook(expr.call.name);
}
