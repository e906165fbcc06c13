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
  });
}
