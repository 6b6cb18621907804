// The shared types every layer speaks.

export * from './diagnostic.js';
export * from './predicate.js';
export * from './rule.js';
export * from './span.js';
export * from './stage.js';
export * from './analysis.js';
export * from './catalog.js';
export * from './computation-text.js';
export * from './computation-fields.js';
