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

import { spawn } from 'node:child_process';
import { constants } from 'node:os';

export const BUILD_NODE_FLAGS: readonly string[] = [
  '--v8-pool-size=1',
  '--max-semi-space-size=64',
];

/** Whether this process was started with every build flag. */
export function runsWithBuildFlags(execArgv: readonly string[] = process.execArgv): boolean {
  return BUILD_NODE_FLAGS.every((flag) => execArgv.includes(flag));
}

/** Signals that end the first process's wait: passed on to the rerun, which then ends. */
const FORWARDED_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Runs this same command line in a new Node.js process started with the build flags, sharing
 * this one's terminal, and resolves to the exit code it ended with (128 + the signal's number
 * when a signal ended it, as a shell reports). A signal this process gets while waiting is
 * passed on to the rerun, so that stopping this process stops the build, and this process
 * still ends only once the rerun has (its temporary catalog removed, the old one intact).
 */
export function rerunWithBuildFlags(): Promise<number> {
  const args = [...BUILD_NODE_FLAGS, ...process.execArgv, ...process.argv.slice(1)];
  const child = spawn(process.execPath, args, { stdio: 'inherit' });
  const forward = (signal: NodeJS.Signals) => {
    child.kill(signal);
  };
  for (const signal of FORWARDED_SIGNALS) process.on(signal, forward);
  return new Promise((resolve, reject) => {
    const done = () => {
      for (const signal of FORWARDED_SIGNALS) process.off(signal, forward);
    };
    child.once('error', (error) => {
      done();
      reject(error);
    });
    child.once('exit', (code, signal) => {
      done();
      resolve(signal !== null ? 128 + (constants.signals[signal] ?? 0) : (code ?? 1));
    });
  });
}
