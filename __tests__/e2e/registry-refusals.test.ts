import { theError } from '../expect-step.js';
import { World } from '../../rig/world.js';
import type { WorkflowRun } from '../../rig/oidc-service.js';
import type { TrustedPublisher } from '../../rig/registry.js';

let world: World;
beforeEach(async () => {
  world = await World.start();
});
afterEach(() => world.stopAndCheckLeaks());

const publisher = (change: Partial<TrustedPublisher>): TrustedPublisher => ({
  crate: 'other-crate',
  repositoryOwner: 'rust-lang-demo',
  repositoryName: 'hello-tp',
  repositoryOwnerId: '4242',
  workflowFilename: 'release.yml',
  ...change,
});

interface Case {
  name: string;
  run?: Partial<WorkflowRun>;
  /** Replaces the world's publisher config for the demo crate. */
  publishers?: TrustedPublisher[];
  with?: Record<string, string>;
  detail: string;
}

const cases: Case[] = [
  {
    name: 'an enterprise-scoped issuer',
    run: { issuer: 'https://token.actions.githubusercontent.com/my-enterprise' },
    detail: 'Unsupported JWT issuer: https://token.actions.githubusercontent.com/my-enterprise',
  },
  { name: 'an expired ID token', run: { clockSkewSeconds: -1000 }, detail: 'Failed to decode JWT' },
  {
    name: 'an ID token from the future',
    run: { clockSkewSeconds: 600 },
    detail: 'Failed to decode JWT',
  },
  {
    name: 'an audience the registry does not expect',
    with: { audience: 'example.com' },
    detail: 'Failed to decode JWT',
  },
  {
    name: 'the pull_request_target trigger',
    run: { eventName: 'pull_request_target' },
    detail:
      'Trusted Publishing does not support the `pull_request_target` event trigger due to security concerns. Please use a different trigger such as `push`, `release`, or `workflow_dispatch`.',
  },
  {
    name: 'the workflow_run trigger',
    run: { eventName: 'workflow_run' },
    detail:
      'Trusted Publishing does not support the `workflow_run` event trigger due to security concerns. Please use a different trigger such as `push`, `release`, or `workflow_dispatch`.',
  },
  {
    name: 'a workflow_ref without a workflow file',
    run: { workflowFile: 'release' },
    detail: 'Unexpected `workflow_ref` value',
  },
  {
    name: 'a repository with no config',
    run: { repository: 'rust-lang-demo/renamed' },
    detail: 'No Trusted Publishing config found for repository `rust-lang-demo/renamed`.',
  },
  {
    name: 'a repository recreated under the same name',
    run: { repositoryOwnerId: '42' },
    detail:
      'The Trusted Publishing config for repository `rust-lang-demo/hello-tp` does not match the repository owner ID (42) in the JWT. Expected owner IDs: 4242. Please recreate the Trusted Publishing config to update the repository owner ID.',
  },
  {
    name: '.yaml where the config says .yml',
    run: { workflowFile: 'release.yaml' },
    detail:
      'The Trusted Publishing config for repository `rust-lang-demo/hello-tp` does not match the workflow filename `release.yaml` in the JWT. Expected workflow filenames: `release.yml`',
  },
  {
    name: 'a job without the environment the config requires',
    publishers: [publisher({ crate: 'hello-tp', environment: 'release' })],
    detail:
      'The Trusted Publishing config for repository `rust-lang-demo/hello-tp` requires an environment, but the JWT does not specify one. Expected environments: `release`',
  },
  {
    name: 'a job in another environment',
    run: { environment: 'staging' },
    publishers: [
      publisher({ crate: 'hello-tp', environment: 'release' }),
      publisher({ environment: 'prod' }),
    ],
    detail:
      'The Trusted Publishing config for repository `rust-lang-demo/hello-tp` does not match the environment `staging` in the JWT. Expected environments: `release`, `prod`',
  },
];

test.each(cases)('$name: the registry’s words, the status, and no retry', async (c) => {
  Object.assign(world.oidc.run, c.run);
  if (c.publishers) world.registry.publishers.splice(0, Infinity, ...c.publishers);

  const main = await world.runMain({ with: c.with });

  expect(main.exitCode).toBe(1);
  const message = theError(main);
  expect(message).toContain(`failed: HTTP 400: ${c.detail}`);
  expect(message).toMatch(/ What this run sent is listed above and in the step summary\.$/);
  expect(message).not.toMatch(/undefined|\n|at .*\.js:\d+/);
  expect(world.count('exchange')).toBe(1);
  expect(main.outputs).toEqual({});
  expect(main.state).toEqual({});
  expect(world.leaks(main)).toEqual([]);
});

// The key IDs, the key set, a replayed JWT and every other recorded answer: crates-io-answers.test.ts.

test('the registry sees a User-Agent that names the action, and JSON', async () => {
  const main = await world.runMain();

  expect(main.exitCode).toBe(0);
  const [exchange] = world.registry.requests;
  expect(exchange?.headers['user-agent']).toMatch(/^auth-action\/\d+\.\d+\.\d+/);
  expect(exchange?.headers['content-type']).toBe('application/json');
});

test('a refusal with several details shows every one', async () => {
  world.registry.faults.add('exchange', {
    status: 400,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ errors: [{ detail: 'first problem' }, { detail: 'second problem' }] }),
  });

  const main = await world.runMain();

  expect(theError(main)).toContain('HTTP 400: first problem second problem.');
});
