// The block YAML reader reads rule files exactly as the yaml library does, or declines them.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { isMap, isSeq, parseDocument, Scalar, type Node } from 'yaml';
import { detectionTreeFromLibrary, detectionTreeOf } from '../../src/lower/sigma/detection-tree.js';
import { readSigmaRepository } from '../../src/sources/sigma/read-sigma.js';
import { readBlockYaml, type YamlNode } from '../../src/sources/yaml/block-yaml.js';
import { ruleYamlOfDocument, type RuleYaml } from '../../src/sources/yaml/rule-yaml.js';
import { OutsideSubset } from '../../src/sources/yaml/yaml-scalars.js';
import { corpusPath, corpusSkip } from '../corpus/corpora.js';

function read(text: string): RuleYaml {
  const result = readBlockYaml(text);
  if (result instanceof OutsideSubset) assert.fail(`declined: ${result.reason}`);
  return result;
}

function declined(text: string): string {
  const result = readBlockYaml(text);
  assert.ok(result instanceof OutsideSubset, 'the reader should decline');
  return result.reason;
}

/** The library's reading, in the same shape; null when it reports an error. */
function libraryReading(text: string): RuleYaml | null {
  const doc = parseDocument(text, { uniqueKeys: false, logLevel: 'silent' });
  if (doc.errors.length > 0) return null;
  const fields = doc.toJS() as Record<string, unknown>;
  return ruleYamlOfDocument(doc, fields);
}

/** Entries compare whole, except where an empty value starts (no rule reader looks there). */
function assertSameAsLibrary(text: string, label = JSON.stringify(text)): void {
  const block = readBlockYaml(text);
  if (block instanceof OutsideSubset) return;
  const library = libraryReading(text);
  assert.ok(library, `${label}: read, but the library reports an error`);
  assert.deepEqual(block.fields, library.fields, `${label}: values`);
  assert.equal(block.start, library.start, `${label}: start`);
  const comparable = (yaml: RuleYaml) => yaml.entries.map((entry) => {
    return entry.form === 'empty' ? { ...entry, valueStart: null } : entry;
  });
  assert.deepEqual(comparable(block), comparable(library), `${label}: entries`);
}

/** The library's source tree in the reader's shape: each node's range[0] and range[1]. */
function libraryTree(node: Node): YamlNode {
  const [start, end] = node.range!;
  if (isMap(node)) {
    const entries = node.items.map((pair) => {
      const key = pair.key as Scalar;
      const [keyStart, keyEnd] = key.range!;
      return { key: String(key.value), keyStart, keyEnd, value: libraryTree(pair.value as Node) };
    });
    return { kind: 'mapping', entries, start, end };
  }
  if (isSeq(node)) {
    return { kind: 'list', items: node.items.map((item) => libraryTree(item as Node)), start, end };
  }
  const scalar = node as Scalar;
  return { kind: 'scalar', value: scalar.value, plain: scalar.type === Scalar.PLAIN, start, end };
}

/** With a tree, the spans of every node are the library's too. */
function assertSameTreeAsLibrary(text: string): void {
  const block = readBlockYaml(text, { tree: true });
  if (block instanceof OutsideSubset) return;
  const doc = parseDocument(text, { uniqueKeys: false, logLevel: 'silent' });
  assert.ok(isMap(doc.contents) && doc.errors.length === 0, JSON.stringify(text));
  assert.deepEqual(block.tree, libraryTree(doc.contents), JSON.stringify(text));
}

test('plain values resolve as the YAML 1.2 core schema says', () => {
  const text = 'a: 12\nb: 0x1F\nc: true\nd: ~\ne: 1.5\nf: .inf\ng: -7\nh: 2024-01-02\ni: yes\n';
  assert.deepEqual(read(text).fields, {
    a: 12, b: 31, c: true, d: null, e: 1.5, f: Infinity, g: -7, h: '2024-01-02', i: 'yes',
  });
});

test('numbers JavaScript cannot hold stay as written when asked', () => {
  const result = readBlockYaml('a: .inf\nb: 123456789012345678901\nc: 4104\n', {
    numbersAsWritten: true,
  });
  assert.ok(!(result instanceof OutsideSubset));
  assert.deepEqual(result.fields, { a: '.inf', b: '123456789012345678901', c: 4104 });
});

test('quoted values keep their text: doubled single quotes and escapes resolve', () => {
  const text = "a: 'it''s'\nb: \"tab\\there \\\\ \\u00e9\"\nc: '42'\nd: \"\"\n";
  assert.deepEqual(read(text).fields, { a: "it's", b: 'tab\there \\ é', c: '42', d: '' });
});

test('plain and single-quoted values over several lines are folded', () => {
  const text = "a: one\n  two\n\n  three\nb: 'x\n  y  \n\n\n  z '\n";
  assert.deepEqual(read(text).fields, { a: 'one two\nthree', b: 'x y\n\nz ' });
});

test('literal block scalars keep their lines; `|-` drops the final line feed', () => {
  const text = 'a: |\n  line one\n    indented\n\n  last\nb: |-\n  only\n\nc: 1\n';
  assert.deepEqual(read(text).fields, { a: 'line one\n  indented\n\nlast\n', b: 'only', c: 1 });
});

test('nested mappings and lists, indented or not, and lists of mappings', () => {
  const text = [
    'detection:',
    '    sel:',
    '        Image|endswith:',
    '            - \\a.exe',
    '            - \\b.exe',
    '    condition: sel',
    'tags:',
    '- attack.t1059',
    'tests:',
    '- name: first',
    '  data: []',
    '- name: second',
    '',
  ].join('\n');
  assert.deepEqual(read(text).fields, {
    detection: { sel: { 'Image|endswith': ['\\a.exe', '\\b.exe'] }, condition: 'sel' },
    tags: ['attack.t1059'],
    tests: [{ name: 'first', data: [] }, { name: 'second' }],
  });
});

test('comments and blank lines are skipped wherever they stand', () => {
  const text = '# head\nid: x # trailing\n\nsel:\n# at column 0\n    a: 1\n'
    + '    # indented\n    b: 2\n';
  assert.deepEqual(read(text).fields, { id: 'x', sel: { a: 1, b: 2 } });
});

test('a value may start on the line below its key', () => {
  const text = "description:\n  'quoted on\n  two lines'\n"
    + 'condition:\n    sel and\n    not filter\n';
  assert.deepEqual(read(text).fields, {
    description: 'quoted on two lines',
    condition: 'sel and not filter',
  });
});

test('top-level entries tell where each key and value stand and how the value is written', () => {
  const text = '# c\nid: x\nsearch: |\n  a\nlist:\n- 1\nmap:\n  k: v\nnone:\n';
  const yaml = read(text);
  assert.equal(yaml.start, 4);
  assert.deepEqual(yaml.entries, [
    { key: 'id', keyStart: 4, valueStart: 8, form: 'scalar' },
    { key: 'search', keyStart: 10, valueStart: 18, form: 'block-scalar' },
    { key: 'list', keyStart: 24, valueStart: 30, form: 'list' },
    { key: 'map', keyStart: 34, valueStart: 41, form: 'mapping' },
    { key: 'none', keyStart: 46, valueStart: null, form: 'empty' },
  ]);
});

test('what lies outside the subset is declined, with the reason', () => {
  assert.equal(declined('a: &x 1\nb: *x\n'), 'a value starting with &');
  assert.equal(declined('a: !!str 1\n'), 'a value starting with !');
  assert.equal(declined('a: [1, 2]\n'), 'a flow collection');
  assert.equal(declined('a: >\n  folded\n'), 'a value starting with >');
  assert.equal(declined('a:\n\t- 1\n'), 'a tab');
  assert.equal(declined('a: 1\na: 2\n'), 'the key a appears twice');
  assert.equal(declined('a: 1\n---\nb: 2\n'), 'a line starting ---');
  assert.equal(declined('a: b: c\n'), 'a key inside a plain value');
  assert.equal(declined('a: "one\n  two"\n'), 'a double-quoted scalar over several lines');
  assert.equal(declined("a: 'open\nb: 'x'\n"), 'a quoted line not indented');
  assert.equal(declined("a: 'open\n"), 'an unclosed quote');
  assert.equal(declined('- a\n- b\n'), 'the document is a list');
  assert.equal(declined('1: one\n'), 'the key 1');
  assert.equal(declined('__proto__: x\n'), 'the key __proto__');
  assert.equal(declined('a: 1\n  b: 2\n'), 'a key inside a plain value');
  assert.equal(declined('# only a comment\n'), 'the document is not a mapping');
});

test('tricky layouts read as the library reads them, or are declined', () => {
  const texts = [
    'a: x\n  # c\n',
    'a: 1\nb:\n  c: 1\n    # c\n# d\n  # e\n',
    'a: |\n\n  x\n\n',
    'a: |\n  x\n   \n  y\n',
    'a: |\n  x\n    \n',
    'a: |\n   \n  x\n',
    'a:\n  - b: 1\n    c:\n    - 2\n  - d\n',
    'a:\n-   b: 1\n    c: 2\n',
    "a: '' \nb: 'x''\n  y'\n",
    'a: -1\nb: -x\n',
    'c: - x\n',
    'a: x:y\nb: http://h/p#f\nc: x #c\nd: x#y\n',
    'a: "x" # c\nb: "y"z\n',
    '"q": 1\n\'r\' : 2\n',
    'a: 1\nb: \n  x\n   y\n',
    'a:\n  b:\n  c: 1\n',
    'a: {}\nb: [] # c\n',
    'c: [ ]\n',
    'a: \\x\nb: \\\\server\\share\n',
    'k: v\n  w\n -z\n',
    'k: one\n - two\n',
    'k: |-\n  a\nl: |\n  b',
    'true: 1\n',
    'k: "\\x4"\n',
  ];
  for (const text of texts) assertSameAsLibrary(text);
});

test('source trees carry the spans the library gives, comments and blank lines around', () => {
  const texts = [
    'd:\n  sel:\n    a: x  # c\n    b: \'y\'   \n  condition: sel\n',
    'd:\n  sel:\n    a:\n      - x\n      # c\n      - \'y\' # c\n\n  e: s   \n',
    'd:\n  sel:\n    a: x\n      # deeper\n   # less\n    b: y\n  e: s\n',
    'd:\n  sel:\n    a: x\n\n      # deeper after a blank line\n    b: y\n  e: s',
    'd:\n  sel:\n    - a: x\n        # deep\n      b: y\n       # deep\n    - z\n  e: s\n',
    'd:\n  sel:\n    a: one\n      two\n       # c\n    b: |\n      x\n  e: s\n',
    'd:\n  k:\n  - x\n  - "y"\n  e: k\n',
    'd:\n  a: []\n  b: x\n',
  ];
  for (const text of texts) assertSameTreeAsLibrary(text);
  const afterLast = 'd:\n  a:\n    - x\n    # after the last item\n  b: y\n';
  const declined = readBlockYaml(afterLast, { tree: true });
  assert.ok(declined instanceof OutsideSubset);
  assert.equal(declined.reason, 'a comment after a last item');
});

test('every Sigma and Splunk YAML file it reads, it reads as the library does', (t) => {
  const skip = corpusSkip();
  if (skip) {
    t.skip(skip);
    return;
  }
  const files = [
    ...yamlFilesUnder(corpusPath('sigma')),
    ...yamlFilesUnder(corpusPath('splunk')),
  ];
  let read = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    assertSameAsLibrary(text, file);
    if (!(readBlockYaml(text) instanceof OutsideSubset)) read++;
  }
  // Nearly all rule files are in the subset; the rest are read by the library, more slowly.
  assert.ok(read > files.length * 0.99, `${read} of ${files.length} read`);
});

test('the detection tree of every Sigma rule is the one the library gives', (t) => {
  const skip = corpusSkip();
  if (skip) {
    t.skip(skip);
    return;
  }
  const read = readSigmaRepository(corpusPath('sigma'));
  let fromReader = 0;
  for (const doc of read.documents) {
    const key = doc.type ?? 'detection';
    const value = doc.raw[key];
    const tree = detectionTreeOf(doc.query, key, value);
    assert.deepEqual(tree, detectionTreeFromLibrary(doc.query, key, value), doc.file);
    if (!(readBlockYaml(doc.query, { tree: true }) instanceof OutsideSubset)) fromReader++;
  }
  assert.ok(fromReader > read.documents.length * 0.95, `${fromReader} read by the reader`);
});

function yamlFilesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.yml'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}
