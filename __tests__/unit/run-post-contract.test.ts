/*
 * runPost's promise is the post step: scripts/local-action.ts runs main and post in one process
 * and reads the summary when post's promise resolves, so nothing post writes may come after it.
 * Driven in this process with a core that records every write, against the rig's registry and
 * its sparse index, whose answers are slowed down so that the release report comes last.
 */
import { httpClientTransport } from '../../src/http/transport.js';
import { systemClock } from '../../src/http/retry.js';
import type { Core } from '../../src/runner/core.js';
import { readEnvironment } from '../../src/runner/environment.js';
import { runPost } from '../../src/run-post.js';
import { World } from '../../rig/world.js';

let world: World;
beforeEach(async () => {
  world = await World.start();
});
afterEach(() => world.stop());

/** A core that keeps what post writes, in order, and hands post the state `state`. */
function recordingCore(state: Record<string, string>) {
  const writes: string[] = [];
  const core: Core = {
    getInput: () => '',
    getState: (name) => state[name] ?? '',
    setOutput: () => undefined,
    saveState: () => undefined,
    exportVariable: () => undefined,
    setSecret: () => undefined,
    debug: () => undefined,
    info: (message) => writes.push(`info: ${message}`),
    warning: (message) => writes.push(`warning: ${message}`),
    setFailed: (message) => writes.push(`failed: ${message}`),
    appendSummary: (markdown) => writes.push(`summary: ${markdown}`),
  };
  return { core, writes };
}

test('runPost resolves only once its release report is written, after the revocation', async () => {
  world.registry.addVersion('hello-tp', '0.2.0');
  const main = await world.runMain({ with: { revoke: 'true' } });
  const { core, writes } = recordingCore({
    ...main.state,
    preflight: JSON.stringify({
      index: `${world.registry.url}/index/`,
      unpublished: ['hello-tp@0.2.0'],
    }),
  });
  // The index answers late: a post that did not wait for its report would resolve before it.
  world.registry.faults.add('index', { delayMs: 400 });

  await runPost({
    core,
    environment: readEnvironment({ AUTH_ACTION_TIME_SCALE: '0.05' }),
    transport: httpClientTransport,
    clock: systemClock,
  });

  const revoked = writes.indexOf(`info: Revoked the publish token at ${world.registry.url}.`);
  const report = writes.findIndex((w) => w.startsWith('summary: ') && w.includes('release report'));
  expect(revoked).toBeGreaterThanOrEqual(0);
  expect(report).toBeGreaterThan(revoked);
  expect(writes[report]).toContain('✅ **Released**: the index lists the version');
  expect(writes.at(-1)).toBe('info: Release report: 1 of 1 version in the index.');
  expect(world.registry.isRevoked(main.outputs.token ?? '')).toBe(true);
});
