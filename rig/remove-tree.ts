// How the rig, the tests, the demo and the benchmarks remove a folder they made. On Windows a
// file that another process still holds for a moment (antivirus scanning what a step wrote, a
// child process not yet gone) makes a removal fail with EBUSY or EPERM; Node retries those, and
// ENOTEMPTY, EMFILE and ENFILE, with a linear back-off when asked: 100 ms, then 200 ms, ... for
// 10 retries (5.5 s at most) before it gives up with the last error, which names the path.
import { rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';

export const REMOVE_TREE = { recursive: true, force: true, maxRetries: 10, retryDelay: 100 };

/** Removes `path` and everything in it; nothing there is no error. */
export function removeTree(path: string): Promise<void> {
  return rm(path, REMOVE_TREE);
}

/** removeTree, for the places that cannot wait on a promise. */
export function removeTreeSync(path: string): void {
  rmSync(path, REMOVE_TREE);
}
