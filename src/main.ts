import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { systemClock } from './http/retry.js';
import { httpClientTransport } from './http/transport.js';
import { runMain } from './run-main.js';
import { actionsCore } from './runner/actions-core.js';
import { readEnvironment } from './runner/environment.js';

/** The main step: the real @actions/core, HTTP client and clock, wired into runMain. */
export function run(): Promise<void> {
  return runMain({
    core: actionsCore,
    environment: readEnvironment(),
    transport: httpClientTransport,
    clock: systemClock,
    providerProgram: () => ({
      // The runner's own node: it stays on disk for the whole job.
      node: process.execPath,
      // dist/provider.js, from dist/main.js and from src/main.ts (run from source) alike.
      script: join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'provider.js'),
      platform: process.platform,
    }),
  });
}
