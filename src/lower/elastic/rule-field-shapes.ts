// The shapes detection-rules gives the rule fields ruledex reads: the metadata shown on a rule's
// page, and the settings each rule type acts on.

import {
  COUNT,
  listOf,
  NUMBER,
  STRING,
  STRINGS,
  table,
  type FieldShape,
} from './field-shape.js';

/** `[rule]` and `[metadata]` fields the reader puts on the rule document. */
export const DOCUMENT_FIELDS: FieldShape = table({
  rule: table({
    description: STRING,
    author: STRINGS,
    severity: STRING,
    type: STRING,
    language: STRING,
    references: STRINGS,
    false_positives: STRINGS,
    tags: STRINGS,
    setup: STRING,
    threat: listOf(
      table({
        tactic: table({ id: STRING, name: STRING, reference: STRING }),
        technique: listOf(
          table({ id: STRING, subtechnique: listOf(table({ id: STRING })) }),
        ),
      }),
    ),
  }),
  metadata: table({
    maturity: STRING,
    creation_date: STRING,
    updated_date: STRING,
    integration: STRINGS,
  }),
});

/** An indicator-match pair: an event field and the indicator field it must equal. */
const MAPPING_ENTRY = table({ field: STRING, type: STRING, value: STRING }, ['field', 'value']);

/** Settings of the rule types with a stage of their own, each a shape of the `[rule]` table. */
export const RULE_TYPE_FIELDS: Readonly<Record<string, FieldShape>> = {
  threshold: table(
    {
      threshold: table(
        {
          field: STRINGS,
          value: COUNT,
          cardinality: listOf(table({ field: STRING, value: COUNT }, ['field', 'value'])),
        },
        ['value'],
      ),
    },
    ['threshold'],
  ),
  new_terms: table(
    {
      new_terms: table(
        {
          field: STRING,
          value: STRINGS,
          history_window_start: listOf(table({ field: STRING, value: STRING }, ['value'])),
        },
        ['value'],
      ),
    },
    ['new_terms'],
  ),
  threat_match: table(
    {
      threat_index: STRINGS,
      threat_query: STRING,
      threat_language: STRING,
      threat_filters: listOf(table({})),
      threat_indicator_path: STRING,
      threat_mapping: listOf(table({ entries: listOf(MAPPING_ENTRY) }, ['entries'])),
    },
    ['threat_index', 'threat_mapping'],
  ),
  machine_learning: table(
    { machine_learning_job_id: STRINGS, anomaly_threshold: NUMBER },
    ['machine_learning_job_id'],
  ),
};

export const INDEX_FIELD: FieldShape = STRINGS;

export const EXCEPTIONS_FIELD: FieldShape = listOf(
  table({ id: STRING, list_id: STRING, namespace_type: STRING, type: STRING }),
);

export const ALERT_SUPPRESSION_FIELD: FieldShape = table({
  group_by: STRINGS,
  duration: table({ value: COUNT, unit: STRING }, ['value', 'unit']),
  missing_fields_strategy: STRING,
});

export const CATEGORY_OVERRIDE_FIELD: FieldShape = STRING;
