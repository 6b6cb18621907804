// Macro expansion: arity, recursion, cycles, undefined macros, built-ins and tuning hooks.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lower, shape } from './spl-fixture.js';

describe('macro expansion', () => {
  it('picks the definition with the called number of arguments and substitutes $arg$', () => {
    const macros = [
      { name: 'proc', definition: 'process_name=cmd.exe' },
      { name: 'proc', definition: 'process_name=$name$', arguments: ['name'] },
    ];
    const { pipeline } = lower('`proc` OR `proc(wmic.exe)`', macros);
    assert.equal(
      shape(pipeline[0].predicate),
      'or(process_name eq~ "cmd.exe", process_name eq~ "wmic.exe")',
    );
    const origins = pipeline[0].predicate?.kind === 'or'
      ? pipeline[0].predicate.args.map(
        (arg) => (arg.kind === 'predicate' ? arg.predicate.origin : null),
      )
      : [];
    assert.deepEqual(origins, [
      { macro: 'proc', args: [], definedIn: 'macros/proc.yml' },
      { macro: 'proc', args: ['wmic.exe'], definedIn: 'macros/proc.yml' },
    ]);
  });

  it('options a macro writes into tstats carry that macro as their origin', () => {
    const macros = [
      { name: 'summaries', definition: 'summariesonly=false allow_old_summaries=true' },
    ];
    const { pipeline } = lower(
      '| tstats `summaries` fillnull_value=null count from datamodel=Endpoint.Processes by x',
      macros,
    );
    const origin = { macro: 'summaries', args: [], definedIn: 'macros/summaries.yml' };
    assert.equal(pipeline[0].origin, undefined);
    assert.deepEqual(pipeline[0].args.options, {
      summariesonly: 'false',
      allow_old_summaries: 'true',
      fillnull_value: 'null',
    });
    assert.deepEqual(pipeline[0].args.optionOrigins, {
      summariesonly: origin,
      allow_old_summaries: origin,
    });
  });

  it('options of a stage a macro writes whole carry no origin of their own', () => {
    const macros = [{ name: 'counted', definition: 'stats limit=5 count by user' }];
    const { pipeline } = lower('x=1 | `counted`', macros);
    assert.equal(pipeline[1].origin?.macro, 'counted');
    assert.deepEqual(pipeline[1].args.options, { limit: '5' });
    assert.equal(pipeline[1].args.optionOrigins, undefined);
  });

  it('reports a call with the wrong number of arguments', () => {
    const { diagnostics } = lower(
      '`proc(a, b)` x=1',
      [{ name: 'proc', definition: 'p=$n$', arguments: ['n'] }],
    );
    assert.deepEqual(diagnostics.map((d) => d.code), ['spl.macro-arity', 'spl.opaque-predicate']);
  });

  it('a call with the wrong arity names the arities defined and points at their file', () => {
    const macros = [
      { name: 'proc', definition: 'p=$n$', arguments: ['n'] },
      { name: 'proc', definition: 'p=$n$ q=$m$ r=$o$', arguments: ['n', 'm', 'o'] },
    ];
    const { pipeline, diagnostics } = lower('x=1 | `proc(a, b)`', macros);
    assert.equal(
      diagnostics[0].message,
      'macro `proc` is called with 2 arguments but is defined only with ' +
        '1 argument (macros/proc.yml) or 3 arguments (macros/proc.yml)',
    );
    assert.deepEqual(
      pipeline[1].origin,
      { macro: 'proc', args: ['a', 'b'], definedIn: 'macros/proc.yml' },
    );
  });

  it('an undefined macro carries no origin file', () => {
    const { pipeline } = lower('x=1 | `nowhere`');
    assert.equal(pipeline[1].opaque, true);
    assert.equal(pipeline[1].origin, undefined);
  });

  it('expands macros inside macros, keeping the outermost call as the origin', () => {
    const macros = [
      { name: 'outer', definition: '`inner` sourcetype=s' },
      { name: 'inner', definition: 'index=main' },
    ];
    const { pipeline } = lower('`outer` x=1', macros);
    assert.equal(
      shape(pipeline[0].predicate),
      'and(index eq~ "main", sourcetype eq~ "s", x eq~ 1)',
    );
    const first = pipeline[0].predicate?.kind === 'and' ? pipeline[0].predicate.args[0] : undefined;
    assert.equal(first?.kind === 'predicate' && first.predicate.origin?.macro, 'outer');
  });

  it('reports a cycle instead of expanding forever', () => {
    const macros = [
      { name: 'a', definition: '`b` x=1' },
      { name: 'b', definition: '`a` y=2' },
    ];
    const { diagnostics } = lower('`a`', macros);
    assert.equal(diagnostics[0].code, 'spl.macro-cycle');
    assert.match(diagnostics[0].message, /a → b → a/);
  });

  it('reports an undefined macro and keeps it visible as opaque', () => {
    const { pipeline, diagnostics } = lower('`nowhere` x=1');
    assert.equal(shape(pipeline[0].predicate), 'and(opaque(`nowhere`), x eq~ 1)');
    assert.equal(diagnostics[0].code, 'spl.undefined-macro');
    assert.equal(diagnostics[0].severity, 'error');
  });

  it('a *_filter macro is a tuning-hook stage, undefined or defined as `search *`', () => {
    const defined = [{ name: 'my_rule_filter', definition: 'search *' }];
    const empty = [{ name: 'my_rule_filter', definition: '' }];
    for (const macros of [[], defined, empty]) {
      const { pipeline, diagnostics } = lower('x=1 | `my_rule_filter`', macros);
      assert.equal(pipeline[1].effect, 'tuning-hook');
      assert.equal(pipeline[1].predicate, undefined);
      assert.equal(pipeline[1].origin?.macro, 'my_rule_filter');
      assert.deepEqual(diagnostics, []);
    }
  });

  it('a tuning hook defined with a search condition keeps it as the hook stage predicate', () => {
    const macros = [
      { name: 'svc_account', definition: 'user=svc_*' },
      { name: 'my_rule_filter', definition: 'search NOT `svc_account` host!=lab' },
    ];
    const { pipeline, diagnostics } = lower('x=1\n| `my_rule_filter`', macros);
    assert.equal(pipeline[1].effect, 'tuning-hook');
    assert.equal(
      shape(pipeline[1].predicate),
      'and(not(user startswith~ "svc_"), host ne~ "lab")',
    );
    const first = pipeline[1].predicate?.kind === 'and' ? pipeline[1].predicate.args[0] : null;
    const negated = first?.kind === 'not' ? first.arg : null;
    const atom = negated?.kind === 'predicate' ? negated.predicate : null;
    assert.deepEqual(
      atom?.origin,
      { macro: 'my_rule_filter', args: [], definedIn: 'macros/my_rule_filter.yml' },
    );
    assert.deepEqual(atom?.span, { start: 6, end: 22 });
    assert.deepEqual(diagnostics.map((d) => [d.severity, d.code, d.line, d.stage]), [
      ['info', 'spl.tuning-hook-defined', 6, 2],
    ]);
  });

  it('a tuning hook defined with commands other than a condition is reported', () => {
    const macros = [
      { name: 'my_rule_filter', definition: 'lookup allow user OUTPUT ok | search ok!=1' },
    ];
    const { pipeline, diagnostics } = lower('x=1 | `my_rule_filter`', macros);
    assert.equal(pipeline[1].effect, 'tuning-hook');
    assert.equal(pipeline[1].predicate, undefined);
    assert.deepEqual(diagnostics.map((d) => [d.severity, d.code, d.message]), [[
      'warning',
      'spl.tuning-hook-defined',
      'tuning hook `my_rule_filter` is defined in macros/my_rule_filter.yml with more than one ' +
        'command: lookup allow user OUTPUT ok | search ok!=1; what it does is not modelled',
    ]]);
  });

  it('stops a macro that doubles at every level, within the size limit and quickly', { timeout: 30_000 }, () => {
    const macros = Array.from({ length: 41 }, (_, level) => ({
      name: `exp${level}`,
      definition: level === 40 ? 'a=1' : `(\`exp${level + 1}\` OR \`exp${level + 1}\`)`,
    }));
    const { pipeline, diagnostics } = lower('`exp0` | stats count', macros);
    assert.deepEqual(pipeline.map((s) => [s.command, s.effect, s.opaque, s.text]), [
      ['search', 'filter', true, '`exp0` | stats count'],
    ]);
    assert.deepEqual(diagnostics.map((d) => [d.severity, d.code]), [
      ['error', 'spl.macro-too-deep'],
      ['error', 'spl.macro-expansion-too-large'],
    ]);
  });

  it('stops a macro whose argument doubles at every level', { timeout: 30_000 }, () => {
    const macros = Array.from({ length: 41 }, (_, level) => ({
      name: `d${level}`,
      arguments: ['x'],
      definition: level === 40 ? 'v=$x$' : `\`d${level + 1}($x$ $x$)\``,
    }));
    const { pipeline, diagnostics } = lower('`d0(seed)`', macros);
    assert.equal(pipeline.length, 1);
    assert.equal(pipeline[0].opaque, true);
    assert.deepEqual(diagnostics.map((d) => d.code), ['spl.macro-expansion-too-large']);
  });

  it('tuning hooks expand from the search\'s budget, so many hooks cannot multiply it', { timeout: 30_000 }, () => {
    const macros = [
      ...Array.from({ length: 41 }, (_, level) => ({
        name: `exp${level}`,
        definition: level === 40 ? 'a=1' : `(\`exp${level + 1}\` OR \`exp${level + 1}\`)`,
      })),
      { name: 'big_filter', definition: 'search `exp0`' },
    ];
    const { pipeline, diagnostics } = lower(`x=1 ${'| `big_filter` '.repeat(50)}`, macros);
    assert.equal(pipeline.filter((stage) => stage.effect === 'tuning-hook').length, 50);
    assert.ok(pipeline.every((stage) => stage.predicate === undefined || stage.index === 1));
    const notModelled = diagnostics.filter((d) => d.message.includes('past the expansion limits'));
    assert.equal(notModelled.length, 50);
  });

  it('a tuning hook defined among search terms adds its condition to the hook stage', () => {
    const macros = [{ name: 'my_rule_filter', definition: 'NOT user=svc' }];
    const { pipeline } = lower('x=1 `my_rule_filter`', macros);
    assert.deepEqual(pipeline.map((s) => [s.effect, shape(s.predicate)]), [
      ['filter', 'x eq~ 1'],
      ['tuning-hook', 'not(user eq~ "svc")'],
    ]);
  });

  it('a tuning hook written among search terms becomes its own stage after the search', () => {
    const { pipeline } = lower('x=1 `my_rule_filter` | stats count');
    assert.deepEqual(pipeline.map((s) => s.effect), ['filter', 'tuning-hook', 'aggregate']);
    assert.equal(shape(pipeline[0].predicate), 'x eq~ 1');
  });

  it('built-ins: drop_dm_object_name renames, get_asset enriches', () => {
    const { pipeline, diagnostics } = lower(
      'x=1 | `drop_dm_object_name("Processes")` | `get_asset(dest)`',
    );
    assert.equal(pipeline[1].command, 'rename');
    assert.equal(pipeline[1].text, 'rename Processes.* AS *');
    assert.deepEqual(
      pipeline[1].origin,
      { macro: 'drop_dm_object_name', args: ['"Processes"'], definedIn: 'builtin' },
    );
    assert.equal(pipeline[2].effect, 'enrich');
    assert.equal(pipeline[2].origin?.definedIn, 'builtin');
    assert.deepEqual(diagnostics, []);
  });

  it('a macro that expands to piped commands becomes stages, each with its origin', () => {
    const macros = [
      {
        name: 'known_bad',
        definition: 'lookup bad_hashes hash OUTPUT verdict | search verdict=bad',
      },
    ];
    const { pipeline } = lower('x=1 | `known_bad`', macros);
    assert.deepEqual(pipeline.map((s) => [s.command, s.effect, s.origin?.macro]), [
      ['search', 'filter', undefined],
      ['lookup', 'enrich', 'known_bad'],
      ['search', 'filter', 'known_bad'],
    ]);
  });

  it('backticks inside quoted strings are text, not macros', () => {
    const { pipeline, diagnostics } = lower('x=1 | eval n=mvcount(split(cmd, "`"))');
    assert.equal(pipeline[1].command, 'eval');
    assert.deepEqual(diagnostics, []);
  });
});
