import { cargoPublish, cargoVersion } from '../../rig/cargo.js';
import { testWithTool } from '../skip.js';
import { World, CRATE } from '../../rig/world.js';

let world: World;
beforeEach(async () => {
  world = await World.start();
});
afterEach(() => world.stopAndCheckLeaks());

// Without cargo these are listed as skipped, saying why; in CI (CI=true) they fail.
const withCargo = testWithTool(
  'cargo',
  cargoVersion() !== undefined,
  'the real `cargo publish` tests',
);

test('main hands out a masked token and post revokes it', async () => {
  const { main, post } = await world.runJob();

  expect(main.exitCode).toBe(0);
  const token = main.outputs.token ?? '';
  expect(world.registry.issued.has(token)).toBe(true);
  expect(main.masks).toContain(token);
  expect(main.masks).toContain(world.oidc.minted[0]);
  expect(world.oidc.audiences).toEqual([world.registry.audience]);
  expect(main.log).toContain(
    'Got a publish token: it is in the `token` output and will be revoked when the job ends.',
  );

  expect(post.exitCode).toBe(0);
  expect(world.registry.isRevoked(token)).toBe(true);
  expect(post.log).toContain(`Revoked the publish token at ${world.registry.url}.`);
  expect(post.annotations).toEqual([]);
  expect(world.leaks(main, post)).toEqual([]);
});

test('outputs and state go out between unguessable delimiters, one per value', async () => {
  const main = await world.runMain();

  expect(main.exitCode).toBe(0);
  // token output; token, registryUrl and revoke state. RFC 9562 version 4 UUIDs.
  expect(main.delimiters).toHaveLength(4);
  for (const delimiter of main.delimiters) {
    expect(delimiter).toMatch(
      /^ghadelimiter_[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  }
  expect(new Set(main.delimiters).size).toBe(4);
});

withCargo('cargo publishes with the token; after post, the same token is refused', async () => {
  const publish = (token: string, version: string) =>
    cargoPublish({ indexUrl: `${world.registry.url}/index/`, token, crate: CRATE, version });
  let first: Awaited<ReturnType<typeof publish>> | undefined;
  const { main, post } = await world.runJob({
    between: async (step) => {
      first = await publish(step.outputs.token ?? '', '0.2.0');
    },
  });

  expect(main.exitCode).toBe(0);
  expect(first?.output).toContain('Published hello-tp v0.2.0');
  expect(first?.code).toBe(0);
  expect(world.registry.versions(CRATE)).toEqual(['0.1.0', '0.2.0']);

  expect(post.exitCode).toBe(0);
  const again = await publish(main.outputs.token ?? '', '0.3.0');
  expect(again.code).not.toBe(0);
  expect(again.output).toContain('Invalid authentication token');
  expect(world.registry.versions(CRATE)).toEqual(['0.1.0', '0.2.0']);
  expect(world.leaks(main, post)).toEqual([]);
});

withCargo('the token publishes only the crates whose trusted publisher matched', async () => {
  // `other-crate` exists but trusts another workflow; `brand-new` does not exist yet.
  world.registry.addCrate('other-crate', '1.0.0').addPublisher({
    crate: 'other-crate',
    repositoryOwner: 'rust-lang-demo',
    repositoryName: 'hello-tp',
    repositoryOwnerId: '4242',
    workflowFilename: 'other.yml',
  });
  const main = await world.runMain();
  const token = main.outputs.token ?? '';
  const publish = (crate: string) =>
    cargoPublish({ indexUrl: `${world.registry.url}/index/`, token, crate, version: '1.1.0' });

  const other = await publish('other-crate');
  const created = await publish('brand-new');

  expect(other.code).not.toBe(0);
  expect(other.output).toContain('The provided access token is not valid for crate `other-crate`');
  expect(created.code).not.toBe(0);
  expect(created.output).toContain(
    'Trusted Publishing tokens do not support creating new crates. Publish the crate manually, first',
  );
  expect(world.registry.versions('other-crate')).toEqual(['1.0.0']);
});
