import { actionsCore } from './runner/actions-core.js';
import { systemClock } from './http/retry.js';
import { httpClientTransport } from './http/transport.js';
import { runMain } from './run-main.js';
import { readEnvironment } from './runner/environment.js';

await runMain({
  core: actionsCore,
  environment: readEnvironment(),
  transport: httpClientTransport,
  clock: systemClock,
});
