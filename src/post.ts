import { actionsCore } from './runner/actions-core.js';
import { systemClock } from './http/retry.js';
import { httpClientTransport } from './http/transport.js';
import { runPost } from './run-post.js';
import { readEnvironment } from './runner/environment.js';

await runPost({
  core: actionsCore,
  environment: readEnvironment(),
  transport: httpClientTransport,
  clock: systemClock,
});
