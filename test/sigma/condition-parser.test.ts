// The Sigma condition grammar: precedence, quantifiers, spans, aggregations and errors.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseCondition } from '../../src/languages/sigma/condition-parser.js';
import type { ConditionNode } from '../../src/languages/sigma/condition-syntax.js';

function shape(node: ConditionNode | null): string {
  if (!node) return 'null';
  switch (node.kind) {
    case 'identifier':
      return node.name;
    case 'and':
    case 'or':
      return `${node.kind}(${node.args.map(shape).join(', ')})`;
    case 'not':
      return `not(${shape(node.arg)})`;
    case 'quantified': {
      const target = node.target.kind === 'them' ? 'them' : node.target.pattern;
      return `${node.quantifier === 'one' ? '1' : 'all'} of ${target}`;
    }
  }
}

function parsed(text: string): string {
  const result = parseCondition(text);
  assert.deepEqual(result.problems, []);
  return shape(result.expression);
}

describe('precedence', () => {
  test('and binds tighter than or', () => {
    assert.equal(parsed('a or b and c'), 'or(a, and(b, c))');
    assert.equal(parsed('a and b or c'), 'or(and(a, b), c)');
  });

  test('not binds tighter than and', () => {
    assert.equal(parsed('not a and b'), 'and(not(a), b)');
  });

  test('parentheses group', () => {
    assert.equal(parsed('(a or b) and not (c or d)'), 'and(or(a, b), not(or(c, d)))');
  });

  test('chains of the same operator are flat', () => {
    assert.equal(parsed('a and b and c'), 'and(a, b, c)');
  });

  test('not not is kept as written', () => {
    assert.equal(parsed('not not a'), 'not(not(a))');
  });

  test('line breaks are whitespace', () => {
    assert.equal(parsed('a and\n    (b\n    or c)'), 'and(a, or(b, c))');
  });
});

describe('quantifiers', () => {
  test('1 of and all of over patterns and them', () => {
    assert.equal(parsed('1 of selection_*'), '1 of selection_*');
    assert.equal(parsed('all of selection_*'), 'all of selection_*');
    assert.equal(parsed('1 of them'), '1 of them');
    assert.equal(parsed('all of them'), 'all of them');
  });

  test('a quantifier binds tighter than not', () => {
    assert.equal(parsed('sel and not 1 of filter_*'), 'and(sel, not(1 of filter_*))');
  });

  test('other counts are rejected', () => {
    const result = parseCondition('2 of sel*');
    assert.equal(result.expression, null);
    assert.deepEqual(result.problems, [
      { message: "only '1 of' and 'all of' are defined, not '2 of'", span: { start: 0, end: 1 } },
    ]);
  });

  test('any of is not in the specification', () => {
    const result = parseCondition('any of sel*');
    assert.equal(result.expression, null);
    assert.equal(result.problems[0].message, "only '1 of' and 'all of' are defined, not 'any of'");
  });
});

describe('spans', () => {
  test('identifiers and operators carry their offsets', () => {
    const result = parseCondition('sel and not filter');
    assert.deepEqual(result.expression, {
      kind: 'and',
      span: { start: 0, end: 18 },
      args: [
        { kind: 'identifier', name: 'sel', span: { start: 0, end: 3 } },
        {
          kind: 'not',
          span: { start: 8, end: 18 },
          arg: { kind: 'identifier', name: 'filter', span: { start: 12, end: 18 } },
        },
      ],
    });
  });

  test('a parenthesized expression spans its parentheses', () => {
    assert.deepEqual(parseCondition(' (a) ').expression?.span, { start: 1, end: 4 });
  });
});

describe('aggregations (Sigma v1)', () => {
  test('count by field with a threshold', () => {
    const result = parseCondition('selection | count(category) by dst_ip > 30');
    assert.equal(shape(result.expression), 'selection');
    assert.deepEqual(result.aggregation, {
      function: 'count',
      field: 'category',
      groupBy: 'dst_ip',
      operator: '>',
      threshold: 30,
      span: { start: 12, end: 42 },
    });
  });

  test('count without a field or grouping', () => {
    const result = parseCondition('sel | count() >= 5');
    assert.deepEqual(result.problems, []);
    assert.equal(result.aggregation?.field, null);
    assert.equal(result.aggregation?.groupBy, null);
    assert.equal(result.aggregation?.operator, '>=');
  });

  test('near is not supported', () => {
    const result = parseCondition('a | near b');
    assert.equal(result.expression, null);
    assert.match(result.problems[0].message, /expected an aggregation/);
  });
});

describe('errors', () => {
  test('an empty condition', () => {
    assert.deepEqual(parseCondition('   ').problems, [
      { message: 'the condition is empty', span: { start: 3, end: 3 } },
    ]);
  });

  test('a missing closing parenthesis', () => {
    const result = parseCondition('(a or b');
    assert.equal(result.expression, null);
    assert.equal(
      result.problems[0].message,
      "missing ')' for the '(' at offset 0, but the condition ends",
    );
  });

  test('two identifiers side by side', () => {
    assert.deepEqual(parseCondition('a b').problems, [
      { message: "unexpected 'b'", span: { start: 2, end: 3 } },
    ]);
  });

  test('an operator with nothing after it', () => {
    assert.equal(
      parseCondition('a and').problems[0].message,
      'expected a search identifier, found \'\', but the condition ends',
    );
  });

  test('upper-case operators are not operators', () => {
    assert.deepEqual(parseCondition('a AND b').problems, [
      { message: "unexpected 'AND'", span: { start: 2, end: 5 } },
    ]);
  });

  test('very deep nesting is a problem, not a crash', () => {
    const deep = '('.repeat(5000) + 'a' + ')'.repeat(5000);
    const result = parseCondition(deep);
    assert.equal(result.expression, null);
    assert.match(result.problems[0].message, /nesting deeper than/);
  });

  test('a long chain of not is a problem, not a crash', () => {
    const result = parseCondition('not '.repeat(5000) + 'a');
    assert.match(result.problems[0].message, /nesting deeper than/);
  });
});
