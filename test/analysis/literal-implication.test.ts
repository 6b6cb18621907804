import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { Op, Scalar } from '../../src/ir/index.js';
import { literalImplies } from '../../src/analysis/implication/literal-implication.js';
import type { Literal } from '../../src/analysis/implication/literal.js';

interface LiteralOptions {
  negated?: boolean;
  caseSensitive?: boolean;
  field?: string;
  dialect?: string;
  shared?: boolean;
  verbatim?: boolean;
  missingIsUnknown?: boolean;
}

function lit(op: Op, values: Scalar[], options: LiteralOptions = {}): Literal {
  return {
    field: options.field ?? 'Image',
    op,
    values,
    caseSensitive: options.caseSensitive ?? false,
    flags: '',
    negated: options.negated ?? false,
    dialect: options.dialect ?? 'sigma:detection',
    shared: options.shared ?? !options.verbatim,
    verbatim: options.verbatim ?? false,
    missingIsUnknown: options.missingIsUnknown ?? false,
    predicates: [],
  };
}
const no = (op: Op, values: Scalar[]) => lit(op, values, { negated: true });

describe('literal implication', () => {
  it('a value list implies a list holding each of its values', () => {
    assert.equal(literalImplies(lit('eq', ['a', 'b']), lit('eq', ['c', 'b', 'a'])), true);
  });

  it('a value list does not imply a list missing one of its values', () => {
    assert.equal(literalImplies(lit('eq', ['a', 'd']), lit('eq', ['a', 'b', 'c'])), false);
  });

  it('each value may imply a different value of the broader list', () => {
    const narrower = lit('endswith', ['\\a.exe', '\\b.dll']);
    assert.equal(literalImplies(narrower, lit('endswith', ['.exe', '.dll'])), true);
  });

  it('a value condition implies that the field exists', () => {
    assert.equal(literalImplies(lit('contains', ['x']), lit('exists', [])), true);
  });

  it('a null value does not imply that the field exists', () => {
    assert.equal(literalImplies(lit('eq', [null]), lit('exists', [])), false);
  });

  it('existence does not imply a value', () => {
    assert.equal(literalImplies(lit('exists', []), lit('eq', ['x'])), false);
  });

  it('an empty value list implies nothing', () => {
    assert.equal(literalImplies(lit('eq', []), lit('eq', ['x'])), false);
  });

  it('NOT implies NOT by contraposition', () => {
    assert.equal(literalImplies(no('contains', ['cmd']), no('eq', ['cmd.exe'])), true);
    assert.equal(literalImplies(no('eq', ['cmd.exe']), no('contains', ['cmd'])), false);
  });

  it('excluding several values implies excluding one of them, not the reverse', () => {
    assert.equal(literalImplies(no('eq', ['a', 'b']), no('eq', ['a'])), true);
    assert.equal(literalImplies(no('eq', ['a']), no('eq', ['a', 'b'])), false);
  });

  it('a missing field implies every value condition on it is false', () => {
    assert.equal(literalImplies(no('exists', []), no('eq', ['x'])), true);
    assert.equal(literalImplies(no('eq', ['x']), no('exists', [])), false);
  });

  it('a missing field does not make NOT true where missing-field comparisons are unknown', () => {
    const unknown = { negated: true, missingIsUnknown: true };
    assert.equal(literalImplies(lit('exists', [], unknown), lit('eq', ['x'], unknown)), false);
    assert.equal(literalImplies(lit('exists', [], unknown), lit('exists', [], unknown)), true);
    assert.equal(
      literalImplies(lit('contains', ['c'], unknown), lit('eq', ['cmd'], unknown)),
      true,
    );
  });

  it('a value never implies excluding another: the field may hold both', () => {
    assert.equal(literalImplies(lit('eq', ['a']), no('eq', ['b'])), false);
  });

  it('literals on different fields imply nothing', () => {
    assert.equal(literalImplies(lit('eq', ['a']), lit('eq', ['a'], { field: 'Other' })), false);
  });

  it('verbatim literals (words of text) imply only equal values', () => {
    const words = (op: Op, values: Scalar[]) => lit(op, values, { verbatim: true });
    assert.equal(literalImplies(words('contains', ['foobar']), words('contains', ['bar'])), false);
    assert.equal(literalImplies(words('contains', ['Bar']), words('contains', ['bar'])), true);
    assert.equal(literalImplies(words('eq', ['a']), words('eq', ['a', 'b'])), true);
    assert.equal(literalImplies(words('contains', ['a']), lit('exists', [])), true);
  });

  it('an unshared literal (SPL where) implies nothing in another dialect, even when equal', () => {
    const where = lit('eq', ['a'], { dialect: 'spl:where', shared: false });
    const search = lit('eq', ['a'], { dialect: 'spl:search' });
    assert.equal(literalImplies(search, where), false);
    assert.equal(literalImplies(where, search), false);
  });
});

describe('literal implication across dialects', () => {
  const sigma = (op: Op, values: Scalar[], options: LiteralOptions = {}) =>
    lit(op, values, { dialect: 'sigma:detection', ...options });
  const eql = (op: Op, values: Scalar[], options: LiteralOptions = {}) =>
    lit(op, values, { dialect: 'eql:query', missingIsUnknown: true, ...options });
  const kuery = (op: Op, values: Scalar[], options: LiteralOptions = {}) =>
    lit(op, values, { dialect: 'kuery:query', caseSensitive: true, ...options });

  it('whole-value literals compare across dialects by their values and letter case', () => {
    assert.equal(literalImplies(sigma('eq', ['x.exe']), eql('endswith', ['.exe'])), true);
    assert.equal(literalImplies(kuery('eq', ['X.exe']), sigma('eq', ['x.exe'])), true);
    // A value matched in any case does not imply the one spelling a keyword field holds.
    assert.equal(literalImplies(sigma('eq', ['x.exe']), kuery('eq', ['x.exe'])), false);
  });

  it('a negation true on a missing field implies only negations that are too', () => {
    const notSigma = sigma('eq', ['x.exe'], { negated: true });
    const notEql = eql('eq', ['x.exe'], { negated: true });
    const notSearch = lit('eq', ['x.exe'], { dialect: 'spl:search', negated: true });
    assert.equal(literalImplies(notSigma, notSearch), true);
    assert.equal(literalImplies(notSigma, notEql), false);
    // EQL's negation holds only where the field has a value: then any negation holds.
    assert.equal(literalImplies(notEql, notSigma), true);
  });

  it('words of analyzed text imply nothing in another dialect, even when equal', () => {
    const words = kuery('eq', ['invoke'], { verbatim: true, caseSensitive: false });
    assert.equal(literalImplies(words, sigma('eq', ['invoke'])), false);
    assert.equal(literalImplies(sigma('eq', ['invoke']), words), false);
  });

  it('regexes, read by each dialect’s own engine, imply only within their dialect', () => {
    const regex = (dialect: string) =>
      lit('regex', ['^a+$'], { dialect, shared: false, caseSensitive: true });
    assert.equal(literalImplies(regex('sigma:detection'), regex('eql:query')), false);
    assert.equal(literalImplies(regex('sigma:detection'), regex('sigma:detection')), true);
  });
});
