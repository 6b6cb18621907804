// One golden case: a real rule or hunting query of the Elastic corpus, with the stages and the
// warnings a reading of its query by hand says the lowering must give.

export interface ElasticGoldenCase {
  /** Hunting queries only: the `<uuid>#<n>` upstream id. */
  hunt?: string;
  /** Repository-relative file of the rule or hunt. */
  file: string;
  /** The language constructs and rule types the case shows. */
  covers: string[];
  /** Each stage as `index command effect args | predicate` (see stageLines). */
  stages: string[];
  /** `severity code` of each warning or error, in order. */
  diagnostics: string[];
}
