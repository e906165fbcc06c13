import * as core from '@actions/core';
import { systemClock } from './http/retry.js';
import { httpClientTransport } from './http/transport.js';
import { runPost } from './run-post.js';
import { readEnvironment } from './runner/environment.js';

await runPost({
  core,
  environment: readEnvironment(),
  transport: httpClientTransport,
  clock: systemClock,
});
