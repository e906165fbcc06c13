// A whole release with `workspace` and the credential provider, at the real time scale: tokens
// the action takes to live 30 minutes, so cargo could keep the one it got (`cache: expires`) for
// every upload. On a shortened clock the token is near its end at once and cargo never keeps
// it, which is why only a job at scale 1 shows what cargo does with the provider's answer.
import { makeWorkspace, PUBLISH_WORKSPACE, type Workspace } from '../../rig/cargo.js';
import type { StepResult } from '../../rig/runner.js';
import { World } from '../../rig/world.js';
import { expectStatusParagraphs } from '../expect-step.js';
import { output, withCargo } from './long-release.js';

const CRATES = [
  { name: 'octo-a', version: '0.2.0' },
  { name: 'octo-b', version: '0.2.0', dependsOn: ['octo-a'] },
  { name: 'octo-c', version: '0.2.0', dependsOn: ['octo-b'] },
];

let world: World;
let workspace: Workspace | undefined;
beforeEach(async () => {
  world = await World.start();
  for (const crate of CRATES) world.trust(crate.name, '0.1.0');
});
afterEach(async () => {
  await workspace?.remove();
  await world.stopAndCheckLeaks();
});

withCargo(
  'a whole release at the real time scale: cargo asks the provider before each upload, and the report says every crate is out',
  async () => {
    const ws = (workspace = await makeWorkspace(`${world.registry.url}/index/`, CRATES));
    // The real time scale in every step, as on GitHub: the rig's default is a twentieth.
    const realTime = { AUTH_ACTION_TIME_SCALE: '1' };
    let release: StepResult | undefined;
    const { main, post } = await world.runJob({
      with: { 'credential-provider': 'true', 'registry-name': 'local', workspace: ws.dir },
      env: {
        CARGO_HOME: ws.env.CARGO_HOME ?? '',
        RUSTUP_HOME: ws.env.RUSTUP_HOME ?? '',
        ...realTime,
      },
      between: async (_main, job) => {
        release = await world.runCommand(job, 'cargo', PUBLISH_WORKSPACE, {
          cwd: ws.dir,
          env: { ...ws.env, ...realTime },
        });
      },
    });

    expect(main.exitCode).toBe(0);
    expect(release?.exitCode).toBe(0);
    expect(world.registry.uploads.map((u) => [u.crate, u.status])).toEqual([
      ['octo-a', 200],
      ['octo-b', 200],
      ['octo-c', 200],
    ]);
    // cargo ran the provider for its `read` and before each of the three uploads (the answer is
    // not operation_independent), and each time got main's token: one exchange in all.
    const handedOut = output(release)
      .split('\n')
      .filter((line) => line.startsWith('auth-action: cargo gets the publish token minted at'));
    expect(handedOut).toHaveLength(4);
    expect(world.count('exchange')).toBe(1);

    expect(post.exitCode).toBe(0);
    expect(post.annotations).toEqual([]);
    expect(post.summary).toBe(
      [
        '',
        '### auth-action: release report',
        '',
        '✅ **Released**: the index lists all 3 versions the check of the workspace found to publish.',
        '',
        '| crate | version | the index says |',
        '| --- | --- | --- |',
        '| `octo-a` | `0.2.0` | out |',
        '| `octo-b` | `0.2.0` | out |',
        '| `octo-c` | `0.2.0` | out |',
        '',
        `Index: ${world.registry.url}/index/ · Publish tokens: 1 token minted in this job, 1 revoked as it ended.`,
        '',
        '',
      ].join('\n'),
    );
    expect(post.log).toContain('Release report: 3 of 3 versions in the index.');
    expectStatusParagraphs(main, post);
  },
  120_000,
);
