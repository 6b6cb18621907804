// Lowers an Elastic hunting query: its query stages alone, since a hunt has no rule type, index
// setting or filters around its query. osquery SQL queries stay opaque.

import type { RuleDocument } from '../../ir/index.js';
import type { ElasticContext } from '../../sources/elastic/elastic-context.js';
import type { LoweredQuery } from '../lowered-query.js';
import { ElasticPipeline } from './elastic-pipeline.js';
import { lowerQueryStages } from './lower-elastic.js';

/** The context is the repository's, as for detection rules; a hunt needs only itself. */
export function lowerElasticHunting(doc: RuleDocument, _context: ElasticContext): LoweredQuery {
  const pipeline = new ElasticPipeline(doc);
  const language = doc.raw.queryLanguage;
  // LIMITATION: osquery SQL is not parsed — such a hunting query is one opaque stage.
  if (language === 'osquery') {
    pipeline.addOpaqueQuery('elastic-hunting.osquery', 'osquery SQL queries are not parsed');
  } else if (doc.language === 'none') {
    const message = "the query's language is not one its file declares";
    pipeline.addOpaqueQuery('elastic-hunting.language', message);
  } else {
    lowerQueryStages(pipeline, {});
  }
  return pipeline.result();
}
