// The descriptive fields of a Splunk detection, each checked for its type: a field of the
// wrong type is left out and named in a problem, never rendered as `[object Object]`.

import { kindOf } from './yaml-mapping.js';

export interface DetectionMetadata {
  /** The detection's `name`; null when it has none (the reader then shows the id). */
  title: string | null;
  description: string;
  authors: string[];
  status: string | null;
  type: string | null;
  created: string | null;
  references: string[];
  falsePositives: string[];
  /** Analytic stories as they are, plus the asset type and security domain as `key:value`. */
  tags: string[];
  techniques: string[];
  dataSources: string[];
}

/** A metadata field that was left out, and why. */
export interface MetadataProblem {
  field: string;
  reason: string;
}

/**
 * Reads the metadata of a detection mapping. The lowering calls it again on the document's
 * raw fields to report the problems, so the reader and the diagnostics cannot disagree.
 */
export function detectionMetadata(fields: Record<string, unknown>): {
  metadata: DetectionMetadata;
  problems: MetadataProblem[];
} {
  const problems: MetadataProblem[] = [];
  const reader = new FieldReader(problems);
  const tags = reader.mapping(fields.tags, 'tags');
  const title = reader.text(fields.name, 'name');
  // A missing or empty name is allowed: the rule stays in the catalog under its id, and the
  // warning says so instead of showing an empty title.
  if (title === null && !problems.some((problem) => problem.field === 'name')) {
    problems.push({ field: 'name', reason: 'the detection has no `name`; its id is the title' });
  }

  const metadata: DetectionMetadata = {
    title,
    description: reader.text(fields.description, 'description') ?? '',
    authors: reader.list(fields.author, 'author')
      .flatMap((author) => author.split(','))
      .map((author) => author.trim())
      .filter((author) => author.length > 0),
    status: reader.text(fields.status, 'status'),
    type: reader.text(fields.type, 'type'),
    created: reader.date(fields.date, 'date'),
    references: reader.list(fields.references, 'references'),
    falsePositives: reader.list(fields.known_false_positives, 'known_false_positives'),
    tags: reader.list(tags.analytic_story, 'tags.analytic_story'),
    techniques: reader.list(tags.mitre_attack_id, 'tags.mitre_attack_id'),
    dataSources: reader.list(fields.data_source, 'data_source'),
  };
  for (const key of ['asset_type', 'security_domain']) {
    const value = reader.text(tags[key], `tags.${key}`);
    if (value) metadata.tags.push(`${key}:${value}`);
  }
  return { metadata, problems };
}

class FieldReader {
  constructor(private readonly problems: MetadataProblem[]) {}

  /** A text field: a string, or nothing; empty text counts as nothing. */
  text(value: unknown, field: string): string | null {
    if (value === null || value === undefined) return null;
    if (typeof value !== 'string') return this.reject(field, 'text', value);
    return value.trim().length > 0 ? value : null;
  }

  /** A date field: `YYYY-MM-DD` text, or a date when the YAML schema reads one. */
  date(value: unknown, field: string): string | null {
    if (value instanceof Date && !Number.isNaN(value.getTime())) {
      return value.toISOString().slice(0, 10);
    }
    return this.text(value, field);
  }

  /** A list of texts; one text stands for a list of one. Other items are left out. */
  list(value: unknown, field: string): string[] {
    if (value === null || value === undefined) return [];
    if (typeof value === 'string') return value.trim().length > 0 ? [value] : [];
    if (!Array.isArray(value)) {
      this.reject(field, 'a list of text', value);
      return [];
    }
    const texts: string[] = [];
    value.forEach((item, index) => {
      const text = this.text(item, `${field}[${index}]`);
      if (text !== null) texts.push(text);
    });
    return texts;
  }

  mapping(value: unknown, field: string): Record<string, unknown> {
    if (value === null || value === undefined) return {};
    if (typeof value !== 'object' || Array.isArray(value) || value instanceof Date) {
      this.reject(field, 'a mapping', value);
      return {};
    }
    return value as Record<string, unknown>;
  }

  private reject(field: string, expected: string, value: unknown): null {
    const reason = `\`${field}\` should be ${expected} but is ${kindOf(value)}; it is left out`;
    this.problems.push({ field, reason });
    return null;
  }
}
