#!/usr/bin/env node
// The `ruledex` command. A build runs faster under its own Node.js settings
// (build-node-flags.ts): started without them, it runs itself again under them before the
// commands' modules are loaded, so that the waiting first process loads nothing it does not use.

import { rerunWithBuildFlags, runsWithBuildFlags } from './build-node-flags.js';

if (process.argv[2] === 'build' && !runsWithBuildFlags()) {
  process.exitCode = await rerunWithBuildFlags();
} else {
  const { runProgram } = await import('./program.js');
  await runProgram(process.argv);
}
