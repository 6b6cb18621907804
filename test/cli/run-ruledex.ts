// Runs the `ruledex` command from source as a user would, for the CLI tests: its exit status
// and what it printed.

import { spawnSync } from 'node:child_process';
import { REPO_ROOT } from '../corpus/corpora.js';

export interface CommandRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `hangGuardMs` ends a run that would otherwise wait forever (its status is then null). */
export function ruledex(args: readonly string[], hangGuardMs?: number): CommandRun {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: hangGuardMs,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
