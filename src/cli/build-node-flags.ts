// The Node.js settings a catalog build runs with, and how `ruledex build` gets them: it runs
// itself again under them when started without.
//
// A build is one thread allocating about 4 GB of short-lived objects around a live heap that
// grows to 700 MB. Under V8's defaults, four collector helper threads share the machine with it;
// on the 2-core machine the targets are set for, they took the build's own core from it for a
// fifth of the wall time (its thread ran 8.3 s of a 10.4 s build). One helper thread and a
// larger young generation cut the three-snapshot build by about half a second there. The
// young generation matters most for larger corpora: reading to neighbors, the bench's 10x
// corpus spent 26 s of 85 s in 1,300 scavenges with 32 MB semi-spaces, and took 77 s with 64 MB
// ones (74 s with 128 MB, for 200 MB more memory). `npm run bench` measures with these too.

import { spawnSync } from 'node:child_process';
import { constants } from 'node:os';

export const BUILD_NODE_FLAGS: readonly string[] = [
  '--v8-pool-size=1',
  '--max-semi-space-size=64',
];

/** Whether this process was started with every build flag. */
export function runsWithBuildFlags(execArgv: readonly string[] = process.execArgv): boolean {
  return BUILD_NODE_FLAGS.every((flag) => execArgv.includes(flag));
}

/**
 * Runs this same command line in a new Node.js process started with the build flags, sharing
 * this one's terminal; returns the exit code it ended with (128 + the signal's number when a
 * signal ended it, as a shell reports).
 */
export function rerunWithBuildFlags(): number {
  const args = [...BUILD_NODE_FLAGS, ...process.execArgv, ...process.argv.slice(1)];
  const child = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (child.error) throw child.error;
  if (child.signal !== null) return 128 + (constants.signals[child.signal] ?? 0);
  return child.status ?? 1;
}
