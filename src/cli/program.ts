// The `ruledex` command's subcommands (one per file in this folder) and how its errors end it.

import { Command, CommanderError } from 'commander';
import { buildCommand } from './build.js';
import { compareCommand } from './compare.js';
import { demoCommand } from './demo.js';
import { matchCommand } from './match.js';
import { reportCommand } from './report.js';
import { serveCommand } from './serve.js';
import { showCommand } from './show.js';
import { UsageError } from './usage-error.js';
import { verifyCommand } from './verify.js';
import { terminalSafe } from './terminal-safe.js';

const program = new Command('ruledex')
  .description('catalog and analysis engine for security detection rules (Splunk, Sigma, Elastic)')
  .version('0.1.0')
  .exitOverride()
  .addCommand(buildCommand().exitOverride())
  .addCommand(showCommand().exitOverride())
  .addCommand(compareCommand().exitOverride())
  .addCommand(serveCommand().exitOverride())
  .addCommand(reportCommand().exitOverride())
  .addCommand(matchCommand().exitOverride())
  .addCommand(demoCommand().exitOverride())
  .addCommand(verifyCommand().exitOverride());

/** Runs the command line `argv` (as `process.argv`), setting the process's exit code. */
export async function runProgram(argv: string[]): Promise<void> {
  try {
    await program.parseAsync(argv);
  } catch (error) {
    process.exitCode = exitCodeFor(error);
  }
}

function exitCodeFor(error: unknown): number {
  // Help and version exit 0; every other complaint about the command line is a usage error.
  if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
  if (error instanceof UsageError || isUserFacing(error)) {
    process.stderr.write(`ruledex: ${terminalSafe((error as Error).message)}\n`);
    return 2;
  }
  // A bug: its stack is printed as Node would, but its message may quote input text.
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`${text.split('\n').map((line) => terminalSafe(line, true)).join('\n')}\n`);
  return 1;
}

/** Errors ruledex raises about its inputs carry a `userFacing` flag; others are bugs. */
function isUserFacing(error: unknown): boolean {
  return error instanceof Error && (error as { userFacing?: boolean }).userFacing === true;
}
