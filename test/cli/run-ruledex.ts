// Runs the `ruledex` command from source as a user would, for the CLI tests: its exit status
// and what it printed.

import { spawnSync } from 'node:child_process';
import { REPO_ROOT } from '../corpus/corpora.js';

export interface CommandRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function ruledex(args: readonly string[]): CommandRun {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
