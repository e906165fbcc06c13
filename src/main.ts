import * as core from '@actions/core';
import { systemClock } from './http/retry.js';
import { httpClientTransport } from './http/transport.js';
import { runMain } from './run-main.js';
import { readEnvironment } from './runner/environment.js';

await runMain({
  core,
  environment: readEnvironment(),
  transport: httpClientTransport,
  clock: systemClock,
});
