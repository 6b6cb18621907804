// What the Elastic lowering receives besides each rule document: facts about the repository read.

export interface ElasticContext {
  /** Commit of the detection-rules snapshot, when known. */
  commit: string | null;
}
