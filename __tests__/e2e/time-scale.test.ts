/*
 * AUTH_ACTION_TIME_SCALE is a knob for the tests (the rig runs at 0.05), but any `env:` or
 * earlier GITHUB_ENV line can set it. In effect it is said in the log, and however small it is
 * set, a try still gets time a real registry answers in, and post can still revoke.
 */
import type { StepResult } from '../../rig/runner.js';
import { World } from '../../rig/world.js';

let world: World;
beforeEach(async () => {
  world = await World.start();
});
afterEach(() => world.stopAndCheckLeaks());

/** A registry that answers like one over the internet: a few hundred milliseconds. */
const SLOW_MS = 400;
const tiny = { AUTH_ACTION_TIME_SCALE: '0.0001' };

test('a tiny scale does not time out a registry that answers in 0.4 s, and is said once', async () => {
  world.registry.faults.add('exchange', { delayMs: SLOW_MS });
  world.registry.faults.add('revoke', { delayMs: SLOW_MS });

  const { main, post } = await world.runJob({ env: tiny });

  expect(main.exitCode).toBe(0);
  expect(world.count('exchange')).toBe(1);
  expect(post.annotations).toEqual([]);
  expect(world.registry.isRevoked(main.outputs.token ?? '')).toBe(true);
  for (const step of [main, post]) {
    expect(step.log.filter((line) => line.includes('AUTH_ACTION_TIME_SCALE'))).toEqual([
      "AUTH_ACTION_TIME_SCALE is set: auth-action multiplies its timeouts, waits and the token life it assumes by 0.005 (0.0001 asked; 0.005 is the least). It is a setting for auth-action's own tests: remove it from the workflow. A try still gets at least 1 s (none starts with less of its step's budget left), a step at least 3 s.",
    ]);
  }
});

test('without the variable nothing is said about it', async () => {
  const { main, post } = await world.runJob({ env: { AUTH_ACTION_TIME_SCALE: '' } });

  expect(main.exitCode).toBe(0);
  expect([...main.log, ...post.log].join('\n')).not.toContain('AUTH_ACTION_TIME_SCALE');
  expect(world.registry.isRevoked(main.outputs.token ?? '')).toBe(true);
});

test('the rig’s own scale is said too, as it is', async () => {
  const main = await world.runMain();

  expect(main.log).toContain(
    "AUTH_ACTION_TIME_SCALE is set: auth-action multiplies its timeouts, waits and the token life it assumes by 0.05. It is a setting for auth-action's own tests: remove it from the workflow. A try still gets at least 1 s (none starts with less of its step's budget left), a step at least 3 s.",
  );
});

test('a tiny scale does not make the provider mint a token for every cargo request', async () => {
  const asked: StepResult[] = [];
  const start = Date.now();
  const { post } = await world.runJob({
    with: { 'credential-provider': 'true', 'registry-name': 'local' },
    env: tiny,
    between: async (main, job) => {
      for (const operation of ['read', 'publish']) {
        asked.push(
          await world.runCommand(
            job,
            main.exported.CARGO_REGISTRIES_LOCAL_CREDENTIAL_PROVIDER ?? '',
            ['--cargo-plugin'],
            {
              env: tiny,
              input: `${JSON.stringify({
                v: 1,
                registry: { 'index-url': `sparse+${world.registry.url}/index/`, name: 'local' },
                kind: 'get',
                operation,
                name: 'hello-tp',
                vers: '0.2.0',
              })}\n`,
              stdoutToCaller: true,
            },
          ),
        );
      }
    },
  });

  // Each token is handed out for 20 minutes at the least scale, 0.005: 6 s from its minting,
  // which came after `start` (at 0.0001 it would have been 0.12 s).
  for (const step of asked) {
    const { Ok } = JSON.parse(step.stdout.trim().split('\n')[1] ?? 'null') as {
      Ok: { expiration: number };
    };
    expect(Ok.expiration).toBeGreaterThanOrEqual(Math.floor(start / 1000) + 5);
  }
  expect(asked[0]?.log.join('\n')).toContain('AUTH_ACTION_TIME_SCALE is set');
  expect(post.exitCode).toBe(0);
});
