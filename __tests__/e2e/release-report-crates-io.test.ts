// The release report without `workspace`, for crates.io: the uploads the credential provider
// recorded, each checked against https://index.crates.io/ (the rig's, through the CONNECT proxy).
// cargo is played here by its requests to the provider's wrapper, one per upload, as cargo
// sends them; the registry then has one of the two versions.
import type { Job } from '../../rig/runner.js';
import { DOCS_URL } from '../../rig/runner.js';
import { expectStatusParagraphs, theWarning } from '../expect-step.js';
// `test` here is the TLS world's: skipped, saying why, where openssl is missing (never in CI).
import { tlsTest as test, useCratesIoWorld } from './crates-io-world.js';

const context = useCratesIoWorld();

/** cargo's request before an upload of `vers`, to the wrapper main set up. */
async function askBeforeUpload(
  job: Job,
  wrapper: string,
  vers: string,
  name = 'hello-tp',
): Promise<void> {
  const step = await context.world.runCommand(job, wrapper, ['--cargo-plugin'], {
    env: context.viaProxy(),
    input: `${JSON.stringify({
      v: 1,
      registry: { 'index-url': 'https://github.com/rust-lang/crates.io-index', name: 'crates-io' },
      kind: 'get',
      operation: 'publish',
      name,
      vers,
      cksum: '0'.repeat(64),
    })}\n`,
    stdoutToCaller: true,
  });
  expect(step.exitCode).toBe(0);
}

test('without workspace, for crates.io: each recorded upload checked against its index, the one not out first', async () => {
  const { world, viaProxy } = context;
  const { post } = await world.runJob({
    with: { url: '', 'credential-provider': 'true' },
    env: viaProxy(),
    between: async (main, job) => {
      const wrapper = main.exported.CARGO_REGISTRY_CREDENTIAL_PROVIDER ?? '';
      await askBeforeUpload(job, wrapper, '0.2.0');
      world.registry.addVersion('hello-tp', '0.2.0');
      // crates.io refused this one (cargo said why): the index does not list it.
      await askBeforeUpload(job, wrapper, '0.3.0');
      // And a crate the registry does not have at all (404 from the index).
      await askBeforeUpload(job, wrapper, '0.1.0', 'hello-new');
    },
  });

  expect(post.exitCode).toBe(0);
  expect(post.summary).toContain(
    [
      '❌ **The release is not complete**: `hello-tp` 0.3.0, `hello-new` 0.1.0 are not in the index at the end of the job (2 of the 3 versions cargo asked the credential provider a token to upload).',
      '',
      '| crate | version | the index says |',
      '| --- | --- | --- |',
      "| `hello-tp` | `0.3.0` | **not in the index**: refused, not attempted, or late (cargo's output says which) |",
      "| `hello-new` | `0.1.0` | **not in the index**: refused, not attempted, or late (cargo's output says which) |",
      '| `hello-tp` | `0.2.0` | out |',
      '',
      `**Next:** fix what stopped it (cargo's output names it; [what each cause looks like](${DOCS_URL}troubleshooting.md#the-release-report-says-a-crate-is-not-out)), then publish the rest: with the \`workspace\` input set, a re-run of this job finds what is out and publishes only the rest.`,
      '',
      'Index: https://index.crates.io/ · Publish tokens: 1 token minted in this job, 1 revoked as it ended.',
    ].join('\n'),
  );
  expect(theWarning(post)).toBe(
    "At the end of this job, the registry's index at https://index.crates.io/ does not list `hello-tp` 0.3.0, `hello-new` 0.1.0, which cargo asked the credential provider a token to upload: each upload was refused or is late, and cargo's output says which. Fix the cause, then publish the rest: with the `workspace` input set, a re-run of this job finds what is out and publishes only the rest (`exclude-published`).",
  );
  expect(world.registry.indexRequests).toEqual(
    expect.arrayContaining(['he/ll/hello-tp', 'he/ll/hello-new']),
  );
  expectStatusParagraphs(post);
});
