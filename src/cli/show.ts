// `ruledex show RULE --db FILE [--json]`: one rule with every section of its page, as text for
// a terminal or as the JSON of docs/json.md.

import { Command } from 'commander';
import {
  computationText,
  type AnalyzedRule,
  type ComputedCondition,
  type CorpusCount,
  type Expr,
  type Indicator,
  type MacroOrigin,
  type Neighbor,
  type Predicate,
  type SourceName,
  type SubsearchCondition,
} from '../ir/index.js';
import { CatalogError } from '../store/catalog-error.js';
import { openCatalog, type Catalog, type RuleListing } from '../store/catalog.js';
import { apiError, type ApiError } from '../web/api/api-error.js';
import {
  RULE_JSON_CHARACTERS,
  RULE_JSON_TOO_LARGE,
  ruleJsonText,
} from '../web/api/rule-json-text.js';
import { LANGUAGE_NAMES } from '../web/language-names.js';
import {
  canonicalText,
  caseText,
  derivedFrom,
  predicateText,
  scalarText,
} from '../web/predicate-text.js';
import { elasticJson, ruleJson } from '../web/rule-json.js';
import { ruleNameText } from '../web/rule-name.js';
import { isSourceName, SOURCE_NAMES } from '../web/source-names.js';
import { optionsFromMacros } from '../web/option-origins.js';
import { effectText, isBuiltIn, macroCall } from '../web/stage-text.js';
import { terminalSafe } from './terminal-safe.js';

/** Exit status when the reference names no single rule (unknown or ambiguous). */
export const EXIT_NO_SINGLE_RULE = 1;
/** Exit status when the catalog file cannot be read. */
export const EXIT_BAD_CATALOG = 2;
/** Exit status when the rule's JSON is too large to print. */
export const EXIT_TOO_LARGE = 2;

export interface ShowOptions {
  db: string;
  json?: boolean;
}

/** What `show` prints and how it exits, computed without touching the process. */
export interface ShowOutcome {
  stdout: string;
  stderr: string;
  status: number;
}

export function showCommand(): Command {
  return new Command('show')
    .description('show one rule: stages, predicates, indicators, coverage and neighbors')
    .argument(
      '<rule>',
      'catalog id <source>:<upstream id> (a hunting query: <uuid>#<n>), or a bare upstream id '
        + 'when unique',
    )
    .requiredOption('--db <file>', 'catalog file written by `ruledex build`')
    .option('--json', 'print the rule as JSON (see docs/json.md)')
    .action((ref: string, options: ShowOptions) => {
      const outcome = showRule(ref, options);
      process.stdout.write(outcome.stdout);
      process.stderr.write(outcome.stderr);
      process.exitCode = outcome.status;
    });
}

/** `ruleJsonCharacters` bounds the rule's JSON (tests lower it). */
export function showRule(
  ref: string,
  options: ShowOptions,
  ruleJsonCharacters = RULE_JSON_CHARACTERS,
): ShowOutcome {
  let catalog;
  try {
    catalog = openCatalog(options.db);
  } catch (error) {
    if (!(error instanceof CatalogError)) throw error;
    return failure(options, EXIT_BAD_CATALOG, apiError('not-found', error.message));
  }

  try {
    return ruleOutcome(catalog, ref, options, ruleJsonCharacters);
  } catch (error) {
    // Damage the open could not see shows up while the rule is read.
    if (!(error instanceof CatalogError)) throw error;
    return failure(options, EXIT_BAD_CATALOG, apiError('internal', error.message));
  } finally {
    catalog.close();
  }
}

function ruleOutcome(
  catalog: Catalog,
  ref: string,
  options: ShowOptions,
  ruleJsonCharacters: number,
): ShowOutcome {
  const resolution = catalog.resolve(ref);
  if (resolution.kind === 'unknown') {
    const message = unknownRuleMessage(catalog, ref, options.db);
    return failure(options, EXIT_NO_SINGLE_RULE, apiError('not-found', message));
  }
  if (resolution.kind === 'ambiguous') {
    const message = `${ref} is the upstream id of several rules; give a catalog id`;
    const error = apiError('ambiguous', message, resolution.candidates);
    return failure(options, EXIT_NO_SINGLE_RULE, error, candidateLines(resolution.candidates));
  }
  if (!options.json) return { stdout: ruleText(resolution.rule), stderr: '', status: 0 };
  const text = ruleJsonText(ruleJson(resolution.rule), 2, ruleJsonCharacters);
  if (text === null) {
    return failure(options, EXIT_TOO_LARGE, apiError('too-large', RULE_JSON_TOO_LARGE));
  }
  return { stdout: `${text}\n`, stderr: '', status: 0 };
}

/** Why nothing was found, with the way out when the reference is almost right. */
function unknownRuleMessage(catalog: Catalog, ref: string, db: string): string {
  const colon = ref.indexOf(':');
  const source = colon > 0 ? ref.slice(0, colon) : null;
  if (source !== null && !isSourceName(source)) {
    const known = Object.keys(SOURCE_NAMES).join(', ');
    return `unknown source "${source}" in ${ref}: catalog ids start with ${known}`;
  }
  // A hunting query file holds several queries: their ids end in #1, #2, …
  const first = `${ref}#1`;
  if (!ref.includes('#') && catalog.resolve(first).kind !== 'unknown') {
    return `no rule ${ref} in ${db}; hunting queries are numbered within their file: ` +
      `try ${first}`;
  }
  return `no rule ${ref} in ${db}`;
}

function failure(
  options: ShowOptions,
  status: number,
  error: ApiError,
  detail = '',
): ShowOutcome {
  return failedOutcome('show', options.json, status, error, detail);
}

/**
 * How a command reading the catalog (`show`, `compare`) fails: the API's error object on stdout
 * with --json, the message (and any detail lines) on stderr, and the exit status.
 */
export function failedOutcome(
  command: string,
  json: boolean | undefined,
  status: number,
  error: ApiError,
  detail = '',
): ShowOutcome {
  return {
    stdout: json ? `${JSON.stringify(error, null, 2)}\n` : '',
    stderr: `ruledex ${command}: ${terminalSafe(error.error.message)}\n${detail}`,
    status,
  };
}

function candidateLines(candidates: RuleListing[]): string {
  return candidates.map((c) => `  ${terminalSafe(c.id)}  ${terminalSafe(c.title)}\n`).join('');
}

/** The rule as text, section by section in the order of its page. */
export function ruleText(rule: AnalyzedRule): string {
  const out = new Lines();
  const sourceName = SOURCE_NAMES[rule.source] ?? rule.source;

  out.line(`Detection rules › ${sourceName}`);
  out.blank();
  out.heading(ruleNameText(rule.title, rule.id), '=');
  if (rule.deprecated) out.line('DEPRECATED: the upstream repository marks this rule deprecated.');
  out.line(`${rule.authors.length > 1 ? 'Authors' : 'Author'}: ${listOrDash(rule.authors)}`);
  out.line(`Source: ${sourceName} · ${rule.file}:${rule.line}`);
  if (rule.url) out.line(`Upstream: ${rule.url}`);
  out.line(`Catalog id: ${rule.id}`);
  out.line(`Parsed: ${rule.fullyParsed ? 'fully' : 'partly (see marked parts and diagnostics)'}`);
  out.blank();
  out.wrapped(rule.description === '' ? '(no description)' : rule.description, '');
  elasticLines(out, rule);

  out.section('MITRE ATT&CK coverage');
  if (rule.attack.length === 0) out.line('  This rule names no ATT&CK technique.');
  for (const { tactic, techniques } of rule.attack) {
    const id = tactic.id ? ` (${tactic.id})` : '';
    out.line(`  ${tactic.name}${id}${tactic.known ? '' : '  [not in ATT&CK data]'}`);
    for (const t of techniques) {
      const name = t.name ?? '(name unknown)';
      out.line(`    ${t.id} ${name}${t.known ? '' : '  [not in ATT&CK data]'}`);
    }
  }

  out.section('Event coverage');
  if (rule.events.length === 0) out.line('  No specific event is named by this rule.');
  for (const e of rule.events) {
    out.line(`  ${e.provider}  ${e.eventId}  ${e.title ?? '(no title)'}`);
  }

  out.section('Stages and Predicates');
  if (rule.pipeline.length === 0) out.line('  No stages.');
  for (const stage of rule.pipeline) {
    out.blank();
    const marks = [stage.effect, effectText(stage), stage.opaque && 'NOT UNDERSTOOD'];
    out.line(`  Stage ${stage.index}: ${stage.command}  [${marks.filter(Boolean).join(' — ')}]`);
    if (stage.origin) {
      const origin = stage.origin;
      const where = isBuiltIn(origin) ? 'built in' : `defined in ${origin.definedIn}`;
      out.line(`    from macro ${macroCall(origin)} (${where})`);
    }
    for (const { options, origin } of optionsFromMacros(stage)) {
      const where = isBuiltIn(origin) ? 'built in' : `defined in ${origin.definedIn}`;
      out.line(`    options ${options.join(', ')} from macro ${macroCall(origin)} (${where})`);
    }
    out.verbatim(stage.text, '      ');
    if (stage.groupBy) out.line(`    ${groupByText(stage.groupBy.fields)}`);
    if (stage.predicate) treeLines(out, stage.predicate, '    ');
  }

  out.section('Indicators');
  out.line('  The corpus figure counts other rules in the catalog with the same field, kind and');
  out.line('  value; no figure means the value is particular to this rule. Values without letters');
  out.line('  (event codes, address ranges) carry no case mark: letter case cannot change them.');
  if (rule.indicators.length === 0) out.line('  No field comparison was found.');
  for (const i of rule.indicators) indicatorLines(out, i);

  out.section('Neighbors');
  const { broader, narrower, equivalent = [], overlapping = [] } = rule.neighbors;
  neighborLines(out, 'Equivalent rules (match exactly the same events)', equivalent);
  neighborLines(out, 'Broader alternatives (match everything this rule does, and more)', broader);
  neighborLines(out, 'Narrower variants (match part of what this rule does)', narrower);
  neighborLines(out, 'Overlapping rules (share a required condition and some events)',
    overlapping);

  out.section(`Original query (${LANGUAGE_NAMES[rule.language] ?? rule.language})`);
  out.verbatim(rule.query === '' ? '(no query text)' : rule.query, '    ');

  out.section('Diagnostics');
  if (rule.diagnostics.length === 0) out.line('  None.');
  for (const d of rule.diagnostics) {
    const where = `${d.file}:${d.line}${d.column === undefined ? '' : `:${d.column}`}`;
    const stage = d.stage === undefined ? '' : ` stage ${d.stage}`;
    out.line(`  ${d.severity} ${d.code} at ${where}${stage}: ${d.message}`);
  }

  out.section('Metadata');
  out.line(`  Upstream id: ${rule.upstreamId}`);
  out.line(`  Status: ${rule.status ?? '—'}   Level: ${rule.level ?? '—'}`);
  out.line(`  Type: ${rule.type ?? '—'}`);
  out.line(`  Created: ${rule.created ?? '—'}   Modified: ${rule.modified ?? '—'}`);
  out.line(`  Tags: ${listOrDash(rule.tags)}`);
  out.line(`  Techniques named: ${listOrDash(rule.techniques)}`);
  out.line(`  Data sources: ${listOrDash(rule.dataSources)}`);
  out.line('  References:');
  for (const r of rule.references) out.line(`    ${r}`);
  if (rule.references.length === 0) out.line('    —');
  out.line('  False positives:');
  for (const f of rule.falsePositives) out.wrapped(f, '    ');
  if (rule.falsePositives.length === 0) out.line('    —');
  return out.text();
}

// LIMITATION: the terminal text draws every condition, uncut — a rule with 50,000 ORs prints
// 50,000 lines (the web page cuts trees at 2,000 nodes).
function treeLines(out: Lines, expr: Expr, indent: string): void {
  switch (expr.kind) {
    case 'and':
    case 'or':
      out.line(`${indent}${expr.kind === 'and' ? 'ALL OF' : 'ANY OF'}`);
      for (const arg of expr.args) treeLines(out, arg, `${indent}  `);
      return;
    case 'not':
      out.line(`${indent}NOT`);
      treeLines(out, expr.arg, `${indent}  `);
      return;
    case 'predicate':
      out.line(`${indent}${conditionText(expr.predicate)}`);
      return;
    case 'computed':
      out.line(`${indent}${computedText(expr.computed)}`);
      return;
    case 'subsearch':
      subsearchLines(out, expr.subsearch, indent);
      return;
    case 'opaque':
      out.line(`${indent}[NOT UNDERSTOOD] ${expr.text} — ${expr.reason}` +
        originText(expr.origin));
      return;
  }
}

/** As the page draws it: the written comparison, then the shared vocabulary where it differs. */
function conditionText(p: Predicate): string {
  const canonical = canonicalText(p);
  const source = derivedFrom(p);
  const derived = source === null ? '' : `  [derived from ${source}]`;
  return `${predicateText(p)}${canonical === '' ? '' : ` — ${canonical}`}${derived}` +
    originText(p.origin);
}

function computedText(c: ComputedCondition): string {
  const reads = c.fields.length === 0 ? '' : ` — reads ${c.fields.join(', ')}`;
  const rule = c.caseSensitive ? 'case-sensitive' : 'any case';
  return `[computed] ${computationText(c.condition)} (${rule})${reads}${originText(c.origin)}`;
}

/** The fields matched against the subsearch's rows, then the subsearch's own stages. */
function subsearchLines(out: Lines, s: SubsearchCondition, indent: string): void {
  const target = s.fields.length > 0
    ? `${s.fields.join(', ')} equal a row returned by`
    : 'the raw text contains the terms returned by';
  out.line(`${indent}SUBSEARCH: ${target} the search${originText(s.origin)}`);
  for (const [i, stage] of s.stages.entries()) {
    const marks = [stage.effect, stage.opaque && 'NOT UNDERSTOOD'].filter(Boolean).join(' — ');
    out.line(`${indent}  ${i + 1}. ${stage.command}  [${marks}]`);
    out.verbatim(stage.text, `${indent}      `);
    if (stage.predicate) treeLines(out, stage.predicate, `${indent}    `);
  }
}

function originText(origin: MacroOrigin | undefined): string {
  return origin === undefined ? '' : `  (from macro ${origin.macro})`;
}

/** "Data and setup", for Elastic rules and hunting queries only, as on the page. */
function elasticLines(out: Lines, rule: AnalyzedRule): void {
  const facts = elasticJson(rule);
  if (facts === null) return;
  const hunting = rule.source === 'elastic-hunting';

  out.section('Data and setup');
  if (hunting) {
    out.line('  Hunting query: run by hand to look for leads; it raises no alerts.');
    out.line('  Notes:');
    if (facts.notes.length === 0) out.line('    None given.');
    for (const note of facts.notes) out.wrapped(note, '    ');
  }
  out.line('  Integrations:');
  if (facts.integrations.length === 0) out.line('    None named.');
  for (const entry of facts.integrations) {
    out.line(`    ${entry.package}  ${entry.integration ?? '(any data stream of the package)'}`);
  }
  out.line(`  Required fields (${facts.requiredFields.length} read from events):`);
  for (const field of facts.requiredFields) {
    const type = field.type ?? 'not in the schemas';
    out.line(`    ${field.name}  ${type}${field.ecs ? '  ECS' : ''}`);
  }
  if (hunting) return;
  out.line('  Setup:');
  out.verbatim(facts.setup ?? 'None given.', '    ');
}

/** As the page has it: the written field and kind, then the shared ones where they differ. */
function indicatorLines(out: Lines, i: Indicator): void {
  const rule = caseText(i.caseSensitive, i.op, i.values.map((v) => v.value));
  const written = [i.field, i.op, rule && `(${rule})`, i.negated && 'excluded'];
  const shared = i.canonicalField !== i.field || i.canonicalOp !== undefined
    ? ` — as ${i.canonicalField} ${i.canonicalOp ?? i.op}`
    : '';
  out.line(`  ${written.filter(Boolean).join(' ')}${shared}`);
  for (const v of i.values) {
    const canonical = v.canonical === undefined ? '' : ` as ${scalarText(v.canonical)}`;
    out.line(`    ${scalarText(v.value)}${canonical}${corpusText(v.corpus)}`);
  }
}

function groupByText(fields: string[]): string {
  return fields.length === 0 ? 'one group: no by-fields' : `groups by ${fields.join(', ')}`;
}

function neighborLines(out: Lines, heading: string, neighbors: Neighbor[]): void {
  out.line(`  ${heading}:`);
  if (neighbors.length === 0) out.line('    none found in this catalog');
  for (const n of neighbors) {
    out.line(`    ${n.id}  ${n.title}`);
    out.wrapped(n.reason, '      ');
    // The written forms only: the reason already names the conditions canonically.
    for (const link of n.mapping ?? []) {
      const text = link.value === undefined
        ? `${link.a.written}  <=  ${link.b.written}`
        : `${link.a.written}  and  ${link.b.written}  both hold for ${scalarText(link.value)}`;
      out.wrapped(text, '        ');
    }
    if (n.mappingOmitted) out.line(`        … and ${n.mappingOmitted} more condition pairs`);
  }
}

function corpusText(corpus: CorpusCount): string {
  if (corpus.total === 0) return '';
  const bySource = (Object.entries(corpus.bySource) as [SourceName, number][])
    .filter(([, n]) => n > 0)
    .map(([source, n]) => `${SOURCE_NAMES[source] ?? source} ${n}`);
  return `   corpus ${corpus.total}${bySource.length > 0 ? ` (${bySource.join(', ')})` : ''}`;
}

function listOrDash(items: string[]): string {
  return items.length > 0 ? items.join(', ') : '—';
}

const WIDTH = 100;

/** Output lines; every piece of rule text goes through terminalSafe on the way in. */
class Lines {
  private readonly lines: string[] = [];

  line(text: string): void {
    this.lines.push(terminalSafe(text, true));
  }

  blank(): void {
    this.lines.push('');
  }

  heading(text: string, underline: string): void {
    this.line(text);
    this.lines.push(underline.repeat(Math.min(WIDTH, Math.max(3, text.length))));
  }

  section(title: string): void {
    this.blank();
    this.heading(title, '-');
  }

  /** Text broken into lines of at most WIDTH columns after the prefix, keeping its own breaks. */
  wrapped(text: string, prefix: string): void {
    for (const paragraph of text.split('\n')) {
      let current = '';
      for (const word of paragraph.split(' ')) {
        if (current !== '' && prefix.length + current.length + 1 + word.length > WIDTH) {
          this.line(`${prefix}${current}`);
          current = word;
        } else {
          current = current === '' ? word : `${current} ${word}`;
        }
      }
      this.line(`${prefix}${current}`);
    }
  }

  /** Code as written, line by line: wrapping it would change how it reads. */
  verbatim(text: string, prefix: string): void {
    for (const line of text.split('\n')) this.line(`${prefix}${line}`);
  }

  text(): string {
    return `${this.lines.join('\n')}\n`;
  }
}
