// Lowers a Splunk search into pipeline stages: macros expanded, each command one stage with
// its effect, search and where conditions as predicate trees.

import type { RuleDocument, Stage } from '../../ir/index.js';
import {
  ExpansionBudget,
  expandMacros,
  type Expansion,
  type MacroDefinition,
  type MacroLibrary,
} from '../../languages/spl/macros.js';
import { parsePipeline } from '../../languages/spl/pipeline-parser.js';
import { detectionMetadata } from '../../sources/splunk/detection-metadata.js';
import type { SplunkContext } from '../../sources/splunk/splunk-context.js';
import type { LoweredQuery } from '../lowered-query.js';
import { ExpansionMap } from './expansion-map.js';
import { LoweringScope } from './lowering-scope.js';
import { macroLibraryOf, type SearchMacros } from './macro-library.js';
import { lowerPipeline } from './pipeline-lowering.js';

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
  reportLenientMacros(expansion, macros.library, map, scope);
  if (expansion.tooLarge) {
    return { pipeline: [unexpandedSearch(doc)], diagnostics: scope.diagnostics };
  }

  const reported = scope.diagnostics.length;
  try {
    const pipeline = lowerPipeline(parsePipeline(expansion.text), scope, macros);
    const lowered: LoweredQuery = { pipeline, diagnostics: scope.diagnostics };
    if (expansion.text !== doc.query) lowered.expandedQuery = expansion.text;
    return lowered;
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

/** Macros whose files were read leniently (see yaml-mapping), once each, as notes. */
function reportLenientMacros(
  expansion: Expansion,
  library: MacroLibrary,
  map: ExpansionMap,
  scope: LoweringScope,
): void {
  const noted = new Set<MacroDefinition>();
  for (const segment of expansion.segments) {
    const origin = segment.origin;
    if (segment.kept || !origin) continue;
    const macro = library.find(origin.macro, origin.args.length);
    if (!macro?.lenience || noted.has(macro)) continue;
    noted.add(macro);
    const message = `macro \`${macro.name}\` (${macro.definedIn}:${macro.lenience.line}): `
      + macro.lenience.reason;
    const line = map.lineOfOriginal(segment.call.start);
    scope.diagnostics.push(
      { severity: 'info', code: 'splunk.lenient-yaml', message, file: scope.doc.file, line },
    );
  }
}
