// `ruledex build` runs under its own Node.js settings: a process started without them runs the
// same command again under them and ends as that run ends.

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { describe, test } from 'node:test';
import { BUILD_NODE_FLAGS, runsWithBuildFlags } from '../../src/cli/build-node-flags.js';
import { REPO_ROOT } from '../corpus/corpora.js';
import { ruledex } from './run-ruledex.js';

const PROBE = path.join(REPO_ROOT, 'test/fixtures/cli/rerun-probe.ts');

function probe(ending: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', PROBE, ending], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
}

describe('build node flags', () => {
  test('a process runs with them only when every flag is given', () => {
    assert.equal(runsWithBuildFlags([...BUILD_NODE_FLAGS]), true);
    assert.equal(runsWithBuildFlags(['--import', 'tsx', ...BUILD_NODE_FLAGS]), true);
    assert.equal(runsWithBuildFlags([BUILD_NODE_FLAGS[0]]), false);
    assert.equal(runsWithBuildFlags([]), false);
  });

  test('the rerun has the flags and the Node.js options of the first process', () => {
    const run = probe('0');
    assert.equal(run.status, 0, run.stderr);
    const execArgv = JSON.parse(run.stdout) as string[];
    for (const flag of BUILD_NODE_FLAGS) assert.ok(execArgv.includes(flag), flag);
    assert.ok(execArgv.includes('tsx'), 'the --import tsx of the first process is kept');
  });

  test("the first process ends with the rerun's exit code", () => {
    assert.equal(probe('3').status, 3);
  });

  test('a rerun ended by a signal gives 128 + its number, as a shell reports it', () => {
    assert.equal(probe('SIGTERM').status, 143);
  });

  test('a signal to the first process stops the rerun too, and is waited for', async () => {
    const first = spawn(process.execPath, ['--import', 'tsx', PROBE, 'wait'], { cwd: REPO_ROOT });
    let output = '';
    first.stdout.setEncoding('utf8');
    const rerunPid = await new Promise<number>((resolve) => {
      first.stdout.on('data', (chunk: string) => {
        output += chunk;
        const found = /pid (\d+)/.exec(output);
        if (found) resolve(Number(found[1]));
      });
    });
    first.kill('SIGTERM');
    const [code] = await once(first, 'exit');
    assert.equal(code, 143);
    assert.throws(() => process.kill(rerunPid, 0), { code: 'ESRCH' }, 'the rerun has ended');
  });

  test('ruledex build reruns once: a usage error is reported once, with exit code 2', () => {
    const run = ruledex(['build']);
    assert.equal(run.status, 2);
    const complaints = run.stderr.split('\n').filter((line) => line.includes('--source'));
    assert.equal(complaints.length, 1, run.stderr);
  });
});
