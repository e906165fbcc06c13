import type { StepResult } from '../../rig/runner.js';
import { output, scaled, useReleaseWorld, withCargo } from './long-release.js';

const context = useReleaseWorld();

withCargo(
  'with credential-provider, a release that outlives its token publishes every crate with a live token, and post revokes them all',
  async () => {
    const { world } = context;
    let cargoStep: StepResult | undefined;
    const { main, post } = await world.runJob({
      with: { 'credential-provider': 'true', 'registry-name': 'local' },
      env: scaled,
      between: async (_main, job) => {
        // A token left in place from the old setup is ignored by cargo, which says so.
        cargoStep = await context.release(job, {
          CARGO_REGISTRIES_LOCAL_TOKEN: 'cio_tp_left_in_place',
        });
      },
    });

    expect(main.exitCode).toBe(0);
    expect(Object.keys(main.exported)).toEqual(['CARGO_REGISTRIES_LOCAL_CREDENTIAL_PROVIDER']);
    expect(cargoStep?.exitCode).toBe(0);
    expect(world.registry.uploads.map((u) => [u.crate, u.live, u.status])).toEqual([
      ['tp-a', true, 200],
      ['tp-b', true, 200],
      ['tp-c', true, 200],
    ]);
    // The release outlived main's token: a later upload used one the provider minted.
    const minted = [...world.registry.issued.keys()];
    expect(minted.length).toBeGreaterThanOrEqual(2);
    expect(world.registry.uploads.at(-1)?.token).not.toBe(main.outputs.token);
    expect(output(cargoStep)).toContain('auth-action: minting a publish token for cargo');
    expect(output(cargoStep)).toMatch(/warning: .*CARGO_REGISTRIES_LOCAL_TOKEN/);

    expect(post.exitCode).toBe(0);
    expect(post.annotations).toEqual([]);
    expect(post.log).toContain(
      `Revoked ${minted.length} of the ${minted.length} publish tokens this job minted at ${world.registry.url} (for this step and for cargo).`,
    );
    expect(minted.filter((token) => world.registry.isAlive(token))).toEqual([]);
    expect(minted.every((token) => world.registry.isRevoked(token))).toBe(true);
  },
);
