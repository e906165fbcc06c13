import type { StepResult } from '../../rig/runner.js';
import { output, scaled, useReleaseWorld, withCargo } from './long-release.js';

const context = useReleaseWorld();

withCargo('the same release with only the token output fails on the third crate', async () => {
  let cargoStep: StepResult | undefined;
  await context.world.runJob({
    env: scaled,
    between: async (main, job) => {
      cargoStep = await context.release(job, {
        CARGO_REGISTRIES_LOCAL_TOKEN: main.outputs.token ?? '',
      });
    },
  });

  expect(cargoStep?.exitCode).not.toBe(0);
  expect(context.world.registry.uploads.map((u) => [u.crate, u.live, u.status])).toEqual([
    ['tp-a', true, 200],
    ['tp-b', true, 200],
    ['tp-c', false, 403],
  ]);
  expect(output(cargoStep)).toContain('Invalid authentication token');
});
