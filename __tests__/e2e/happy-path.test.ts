import { World, CRATE } from '../rig/world.js';

let world: World;
beforeEach(async () => {
  world = await World.start();
});
afterEach(() => world.stop());

test('main hands out a masked token and post revokes it', async () => {
  const { main, post } = await world.runJob();

  expect(main.exitCode).toBe(0);
  const token = main.outputs.token ?? '';
  expect(world.registry.issued.has(token)).toBe(true);
  expect(main.masks).toContain(token);
  expect(main.masks).toContain(world.oidc.minted[0]);
  expect(world.oidc.audiences).toEqual([world.registry.audience]);
  expect(main.log.join('\n')).toContain('Got a publish token');

  expect(post.exitCode).toBe(0);
  expect(world.registry.isRevoked(token)).toBe(true);
  expect(post.log).toContain(`Revoked the publish token at ${world.registry.url}.`);
  expect(post.annotations).toEqual([]);
  expect(world.leaks(main, post)).toEqual([]);
  expect(CRATE).toBe('hello-tp');
});
