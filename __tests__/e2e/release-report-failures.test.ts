// The end of a release when something fails in post: a revocation the registry refuses, and a
// sparse index that stops answering. The release itself goes out with real cargo; post's
// summary and annotations are read as a user reads them.
import { makeWorkspace, PUBLISH_WORKSPACE, type Workspace } from '../../rig/cargo.js';
import { DOCS_URL, type Job } from '../../rig/runner.js';
import { World } from '../../rig/world.js';
import { expectStatusParagraphs } from '../expect-step.js';
import { withCargo } from './long-release.js';

const CRATES = [
  { name: 'tp-a', version: '0.2.0' },
  { name: 'tp-b', version: '0.2.0', dependsOn: ['tp-a'] },
  { name: 'tp-c', version: '0.2.0', dependsOn: ['tp-b'] },
];

let world: World;
let ws: Workspace;
beforeEach(async () => {
  world = await World.start();
  for (const crate of CRATES) world.trust(crate.name, '0.1.0');
  ws = await makeWorkspace(`${world.registry.url}/index/`, CRATES);
});
afterEach(async () => {
  await ws.remove();
  await world.stopAndCheckLeaks();
});

/**
 * The job of the README's recipe: `workspace`, the provider (or, with `provider` false, the
 * `token` output in cargo's variable), then `cargo publish --workspace`.
 */
function releaseJob(env: Record<string, string>, beforePost: () => void, provider = true) {
  return world.runJob({
    with: {
      'credential-provider': String(provider),
      'registry-name': 'local',
      workspace: ws.dir,
    },
    env: { CARGO_HOME: ws.env.CARGO_HOME ?? '', RUSTUP_HOME: ws.env.RUSTUP_HOME ?? '', ...env },
    between: async (main, job: Job) => {
      const token: Record<string, string> = provider
        ? {}
        : { CARGO_REGISTRIES_LOCAL_TOKEN: main.outputs.token ?? '' };
      const release = await world.runCommand(job, 'cargo', PUBLISH_WORKSPACE, {
        cwd: ws.dir,
        env: { ...ws.env, ...env, ...token },
      });
      expect(release.exitCode).toBe(0);
      beforePost();
    },
  });
}

describe.each([
  [
    'with the credential provider',
    true,
    'every token the job mints is revoked when it ends',
    "The main step's token: ",
  ],
  ['with the token output', false, 'It is revoked when the job ends.', ''],
])('%s', (_name, provider, promise, label) => {
  withCargo(
    'a revocation the registry refuses: the summary says the token is alive, and the report counts it as not revoked',
    async () => {
      const { main, post } = await releaseJob(
        {},
        () => {
          world.registry.faults.always('revoke', { status: 503, body: 'down' });
        },
        provider,
      );

      expect(main.summary).toContain(promise);
      const tokens = [...world.registry.issued.keys()];
      expect(tokens).toHaveLength(1);
      expect(world.registry.isAlive(tokens[0] ?? '')).toBe(true);
      expect(post.exitCode).toBe(0);
      expect(post.annotations.map((a) => a.level)).toEqual(['warning']);
      expect(post.annotations[0]?.message).toMatch(
        new RegExp(
          `^${label}Revoking the publish token at .* failed \\(after \\d attempts\\): HTTP 503.* The token was not revoked; it expires on its own 30 minutes after it was issued\\.$`,
        ),
      );
      // What main promised is corrected first, then the report, whose count is the truth.
      expect(post.summary).toBe(
        [
          '',
          `⚠️ **auth-action could not revoke the publish token**: it stays valid until it expires, 30 minutes after it was issued. The post step's warning says why ([the revocation](${DOCS_URL}troubleshooting.md#the-revocation)).`,
          '',
          '',
          '### auth-action: release report',
          '',
          '✅ **Released**: the index lists all 3 versions the check of the workspace found to publish.',
          '',
          '| crate | version | the index says |',
          '| --- | --- | --- |',
          '| `tp-a` | `0.2.0` | out |',
          '| `tp-b` | `0.2.0` | out |',
          '| `tp-c` | `0.2.0` | out |',
          '',
          `Index: ${world.registry.url}/index/ · Publish tokens: 1 token minted in this job, 0 revoked as it ended.`,
          '',
          '',
        ].join('\n'),
      );
      expectStatusParagraphs(main, post);
    },
  );
});

withCargo(
  'an index that hangs during post: the token is revoked first, the report gives up within its few seconds, naming each crate, and says so',
  async () => {
    // The real time scale: the report's own budget (5 s), not the rig's shortened one.
    let posted = 0;
    const { post } = await releaseJob({ AUTH_ACTION_TIME_SCALE: '1' }, () => {
      world.registry.faults.always('index', { hang: true });
      posted = Date.now();
    });
    const postSeconds = (Date.now() - posted) / 1000;

    expect(post.exitCode).toBe(0);
    const tokens = [...world.registry.issued.keys()];
    expect(tokens.every((token) => world.registry.isRevoked(token))).toBe(true);
    const revoked = post.log.indexOf(`Revoked the publish token at ${world.registry.url}.`);
    const reportLines = post.log.flatMap((line, i) =>
      line.startsWith('Release report') ? [i] : [],
    );
    expect(revoked).toBeGreaterThanOrEqual(0);
    expect(reportLines.length).toBeGreaterThan(0);
    expect(Math.min(...reportLines)).toBeGreaterThan(revoked);
    // Each retry line names its crate.
    const retries = post.log.filter((line) => line.includes('Reading the index failed'));
    expect(retries.sort()).toEqual(
      CRATES.map(
        (crate) =>
          `Release report, \`${crate.name}\`: Reading the index failed: no answer within 3 s (attempt 1 of 2); next try in 0.0 s.`,
      ),
    );
    expect(post.log).toContain(
      'Release report: 3 versions not checked against the index: no answer in 2 attempts.',
    );
    expect(post.log).toContain(
      'Release report: gave up on the index for 3 versions (`tp-a`: no answer in 2 attempts); the summary marks them "not checked".',
    );
    expect(post.summary).toContain(
      "⚠️ **Not known whether the release is complete**: the 3 versions the check of the workspace found to publish could not be checked against the index: no answer in 2 attempts. cargo's output says how its uploads went.",
    );
    expect(post.summary).toContain('| `tp-a` | `0.2.0` | not checked: no answer in 2 attempts |');
    // Not a warning: nothing is known to be wrong with the release.
    expect(post.annotations).toEqual([]);
    // 5 s of report, not post's 45 s budget: a loose bound for a loaded machine.
    expect(postSeconds).toBeLessThan(15);
    expectStatusParagraphs(post);
  },
  90_000,
);
