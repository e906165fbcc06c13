import type { StepResult } from '../../rig/runner.js';
import { output, scaled, useReleaseWorld, withCargo } from './long-release.js';

const context = useReleaseWorld();

withCargo(
  "a refusal in the middle of the release reaches cargo's output as the registry's words",
  async () => {
    const { world } = context;
    let cargoStep: StepResult | undefined;
    const { main, post } = await world.runJob({
      with: { 'credential-provider': 'true', 'registry-name': 'local' },
      env: scaled,
      between: async (_main, job) => {
        // The trusted publisher is deleted while the release runs.
        world.registry.faults.always('exchange', {
          status: 400,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            errors: [
              {
                detail:
                  'No Trusted Publishing config found for repository `rust-lang-demo/hello-tp`.',
              },
            ],
          }),
        });
        cargoStep = await context.release(job);
      },
    });

    expect(main.exitCode).toBe(0);
    expect(cargoStep?.exitCode).not.toBe(0);
    const said = output(cargoStep);
    expect(said).toContain(
      'failed: HTTP 400: No Trusted Publishing config found for repository `rust-lang-demo/hello-tp`. The registry has no trusted publisher for the repository `rust-lang-demo/hello-tp`',
    );
    // And how to resume: what cargo was about to publish, and what stops a second --workspace.
    expect(said).toMatch(
      /cargo was about to publish `tp-[bc]`, so the crates it published before it, if any, are out: once this is fixed, publish the rest from `tp-[bc]` on/,
    );
    // The claims the registry compared are in the cargo step's log and summary, as in main's.
    expect(said).toContain("What the registry compared, as this run's ID token states it:");
    expect(cargoStep?.summary).toContain('refused the token exchange');
    expect(world.registry.uploads.filter((u) => u.status === 200).length).toBeLessThan(3);
    expect(post.exitCode).toBe(0);
    const tokens = [...world.registry.issued.keys()];
    expect(tokens.every((token) => world.registry.isRevoked(token))).toBe(true);
  },
);
