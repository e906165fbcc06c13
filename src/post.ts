import { systemClock } from './http/retry.js';
import { httpClientTransport } from './http/transport.js';
import { runPost } from './run-post.js';
import { actionsCore } from './runner/actions-core.js';
import { readEnvironment } from './runner/environment.js';

/** The post step: the real @actions/core, HTTP client and clock, wired into runPost. */
export function run(): Promise<void> {
  return runPost({
    core: actionsCore,
    environment: readEnvironment(),
    transport: httpClientTransport,
    clock: systemClock,
  });
}
