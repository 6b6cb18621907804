// What a lowering returns for one rule document: its pipeline and what it could not understand.

import type { Diagnostic, Stage } from '../ir/index.js';

export interface LoweredQuery {
  pipeline: Stage[];
  diagnostics: Diagnostic[];
  /** The query after macro expansion, when expansion changed it (SPL). */
  expandedQuery?: string;
}
