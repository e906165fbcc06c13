import { World } from '../../rig/world.js';

let world: World;
beforeEach(async () => {
  world = await World.start();
});
afterEach(() => world.stopAndCheckLeaks());

test('post after a main that failed early: one line, nothing sent, success', async () => {
  const { main, post } = await world.runJob({ with: { url: 'crates.io' } });

  expect(main.exitCode).toBe(1);
  expect(main.state).toEqual({});
  expect(post.exitCode).toBe(0);
  expect(post.log).toEqual(['No token to revoke: the main step did not get one.']);
  expect(world.registry.requests).toEqual([]);
});

test('revoke: false leaves the token alive, keeps it out of state, and says so', async () => {
  const { main, post } = await world.runJob({ with: { revoke: 'false' } });

  expect(main.exitCode).toBe(0);
  const token = main.outputs.token ?? '';
  expect(Object.values(main.state)).not.toContain(token);
  expect(post.exitCode).toBe(0);
  expect(post.log).toEqual([
    'Not revoking the token (`revoke: false`): it expires on its own 30 minutes after it was issued.',
  ]);
  expect(world.count('revoke')).toBe(0);
  expect(world.registry.isRevoked(token)).toBe(false);
});

test('post masks the token from state before anything else', async () => {
  const main = await world.runMain();
  const post = await world.runPost(main.state);

  expect(post.rawLog[0]).toBe(`::add-mask::${main.outputs.token ?? ''}`);
  expect(world.leaks(main, post)).toEqual([]);
});

test('an unreachable registry in post is a warning, not a failure', async () => {
  const main = await world.runMain();
  await world.registry.stop();

  const post = await world.runPost(main.state);

  expect(post.exitCode).toBe(0);
  expect(post.annotations).toEqual([
    {
      level: 'warning',
      message: expect.stringContaining(
        'failed (after 5 attempts): the connection failed (ECONNREFUSED)',
      ) as unknown,
    },
  ]);
});
