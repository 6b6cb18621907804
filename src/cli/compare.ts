// `ruledex compare A B --db FILE [--json]`: two rules' relation computed for the pair, with the
// reason and the condition mapping, as text for a terminal or as the JSON of /api/compare.

import { Command } from 'commander';
import type { Neighbor } from '../ir/index.js';
import { CatalogError } from '../store/catalog-error.js';
import { openCatalog, type Catalog } from '../store/catalog.js';
import { apiError } from '../web/api/api-error.js';
import { compareJson, type CompareJson } from '../web/compare/compare-json.js';
import { scalarText } from '../web/predicate-text.js';
import {
  EXIT_BAD_CATALOG,
  EXIT_NO_SINGLE_RULE,
  failedOutcome,
  type ShowOutcome,
} from './show.js';
import { terminalSafe } from './terminal-safe.js';

export interface CompareOptions {
  db: string;
  json?: boolean;
}

export function compareCommand(): Command {
  return new Command('compare')
    .description('compare two rules: broader, narrower, equivalent or overlapping, and why')
    .argument('<a>', 'catalog id <source>:<upstream id>, or a bare upstream id when unique')
    .argument('<b>', 'the other rule, named the same way')
    .requiredOption('--db <file>', 'catalog file written by `ruledex build`')
    .option('--json', 'print the comparison as JSON (see docs/json.md)')
    .action((a: string, b: string, options: CompareOptions) => {
      const outcome = compareRules(a, b, options);
      process.stdout.write(outcome.stdout);
      process.stderr.write(outcome.stderr);
      process.exitCode = outcome.status;
    });
}

export function compareRules(a: string, b: string, options: CompareOptions): ShowOutcome {
  let catalog: Catalog;
  try {
    catalog = openCatalog(options.db);
  } catch (error) {
    if (!(error instanceof CatalogError)) throw error;
    const problem = apiError('not-found', error.message);
    return failedOutcome('compare', options.json, EXIT_BAD_CATALOG, problem);
  }

  try {
    const rules = [];
    for (const ref of [a, b]) {
      const resolution = catalog.resolve(ref);
      if (resolution.kind === 'found') {
        rules.push(resolution.rule);
        continue;
      }
      const message = resolution.kind === 'unknown'
        ? `no rule ${ref} in ${options.db}`
        : `${ref} is the upstream id of several rules; give a catalog id`;
      const code = resolution.kind === 'unknown' ? 'not-found' : 'ambiguous';
      return failedOutcome('compare', options.json, EXIT_NO_SINGLE_RULE, apiError(code, message));
    }
    const compared = compareJson(rules[0], rules[1]);
    const json = `${JSON.stringify(compared, null, 2)}\n`;
    return { stdout: options.json ? json : comparisonText(compared), stderr: '', status: 0 };
  } catch (error) {
    if (!(error instanceof CatalogError)) throw error;
    const problem = apiError('internal', error.message);
    return failedOutcome('compare', options.json, EXIT_BAD_CATALOG, problem);
  } finally {
    catalog.close();
  }
}

const RELATION_TEXT: Record<CompareJson['relation'], string> = {
  equivalent: 'A and B are equivalent: they match exactly the same events.',
  broader: 'A is broader than B: it matches every event B matches, and more.',
  narrower: 'A is narrower than B: B matches every event A matches, and more.',
  overlapping: 'A and B overlap: some event matches both, and neither is broader.',
  none: 'No relation was shown between A and B.',
};

function comparisonText(compared: CompareJson): string {
  const lines = [
    `A  ${compared.a.id}  ${compared.a.title}`,
    `B  ${compared.b.id}  ${compared.b.title}`,
    '',
    RELATION_TEXT[compared.relation],
  ];
  if (compared.notCompared.a) lines.push(`A cannot be compared: ${compared.notCompared.a}`);
  if (compared.notCompared.b) lines.push(`B cannot be compared: ${compared.notCompared.b}`);
  const proofs: [string, Neighbor | null][] = [
    ['A is broader than B', compared.aBroader],
    ['B is broader than A', compared.bBroader],
    ['A and B share an event', compared.overlap],
  ];
  for (const [heading, proof] of proofs) {
    if (!proof) continue;
    lines.push('', `${heading}: ${proof.reason}`);
    // Implications read "broader condition <= narrower condition"; overlaps name the value.
    for (const link of proof.mapping ?? []) {
      lines.push(link.value === undefined
        ? `  ${link.a.written}  <=  ${link.b.written}`
        : `  ${link.a.written}  and  ${link.b.written}  both hold for ${scalarText(link.value)}`);
    }
  }
  return `${lines.map((line) => terminalSafe(line, true)).join('\n')}\n`;
}
