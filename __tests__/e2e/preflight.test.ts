// The check of a workspace (`workspace`), end to end: the bundled main step, real cargo reading
// a real workspace, the registry's sparse index on loopback, and a real `cargo publish
// --workspace` where a release is involved.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DRY_RUN_WORKSPACE,
  PUBLISH_WORKSPACE,
  runCargo,
  type WorkspaceCrate,
} from '../../rig/cargo.js';
import { rustupHome } from '../../rig/platform.js';
import { DOCS_URL, type StepResult } from '../../rig/runner.js';
import { expectStatusParagraphs, theWarning } from '../expect-step.js';
import { output, withCargo } from './long-release.js';
import { removeTree } from '../../rig/remove-tree.js';
import { expectNoIdToken, mainWith, useWorkspaceWorld } from './workspace-step.js';

const CRATES: WorkspaceCrate[] = [
  { name: 'tp-a', version: '0.2.0' },
  { name: 'tp-b', version: '0.2.0', dependsOn: ['tp-a'] },
  { name: 'tp-c', version: '0.2.0', dependsOn: ['tp-b'] },
];

/** Where rustup keeps the toolchains (a step's HOME is a directory of its own): from the OS, not HOME, which Windows does not set. */
const cargoEnvironment = { RUSTUP_HOME: rustupHome(process.platform, process.env) };

const context = useWorkspaceWorld();

const noIdToken = () => {
  expectNoIdToken(context.world);
};

withCargo(
  'a release cut off half-way: the re-run publishes the rest with exclude-published, and cargo finishes',
  async () => {
    for (const crate of CRATES) context.world.trust(crate.name, '0.1.0');
    // tp-c's trusted publisher names another workflow: crates.io refuses its upload.
    context.world.registry.publishers.splice(
      context.world.registry.publishers.findIndex((p) => p.crate === 'tp-c'),
      1,
    );
    const ws = await context.useWorkspace(CRATES);

    let firstRelease: StepResult | undefined;
    const first = await context.world.runJob({
      ...mainWith(ws),
      between: async (main, job) => {
        expect(main.exitCode).toBe(0);
        expect(main.outputs.unpublished).toBe('tp-a tp-b tp-c');
        expect(main.outputs['exclude-published']).toBe('');
        firstRelease = await context.world.runCommand(job, 'cargo', PUBLISH_WORKSPACE, {
          cwd: ws.dir,
          env: ws.env,
        });
      },
    });
    expect(first.main.exitCode).toBe(0);
    expect(firstRelease?.exitCode).not.toBe(0);
    // Post's release report: what the index says at the end of the job, the crate that is not
    // out first, with the way on beside it; and a warning naming it.
    const tokens = context.world.registry.issued.size;
    expect(first.post.summary).toBe(
      [
        '',
        '### auth-action: release report',
        '',
        '❌ **The release is not complete**: `tp-c` 0.2.0 is not in the index at the end of the job (1 of the 3 versions the check of the workspace found to publish).',
        '',
        '| crate | version | the index says |',
        '| --- | --- | --- |',
        "| `tp-c` | `0.2.0` | **not in the index**: refused, not attempted, or late (cargo's output says which) |",
        '| `tp-a` | `0.2.0` | out |',
        '| `tp-b` | `0.2.0` | out |',
        '',
        `**Next:** fix what stopped it (cargo's output names it; [what each cause looks like](${DOCS_URL}troubleshooting.md#the-release-report-says-a-crate-is-not-out)), then re-run this job: the check of the workspace finds what is out, and cargo publishes the rest with \`exclude-published\`.`,
        '',
        `Index: ${context.world.registry.url}/index/ · Publish tokens: ${tokens} ${tokens === 1 ? 'token' : 'tokens'} minted in this job, ${tokens} revoked as it ended.`,
        '',
        '',
      ].join('\n'),
    );
    expect(first.post.annotations).toEqual([
      {
        level: 'warning',
        message: `At the end of this job, the registry's index at ${context.world.registry.url}/index/ does not list \`tp-c\` 0.2.0, which the check of the workspace found to publish: its upload was refused, not attempted (cargo stopped before it) or is late, and cargo's output says which. Fix the cause, then re-run this job: the check of the workspace finds what is out, and cargo publishes the rest with \`exclude-published\`.`,
      },
    ]);
    expect(first.post.log).toContain(
      'Release report: 2 of 3 versions in the index; not in it: `tp-c` 0.2.0.',
    );
    expectStatusParagraphs(first.main, first.post);
    expect(output(firstRelease)).toContain(
      'The provided access token is not valid for crate `tp-c`',
    );
    expect(context.world.registry.versions('tp-a')).toEqual(['0.1.0', '0.2.0']);
    expect(context.world.registry.versions('tp-c')).toEqual(['0.1.0']);

    // The fix: tp-c's trusted publisher names this workflow. Then the job is re-run.
    context.world.registry.addPublisher({
      crate: 'tp-c',
      repositoryOwner: 'rust-lang-demo',
      repositoryName: 'hello-tp',
      repositoryOwnerId: '4242',
      workflowFilename: 'release.yml',
    });
    let rerun: StepResult | undefined;
    const second = await context.world.runJob({
      ...mainWith(ws),
      between: async (main, job) => {
        expect(main.outputs.unpublished).toBe('tp-c');
        expect(main.outputs['exclude-published']).toBe('--exclude tp-a --exclude tp-b');
        // Without the outputs, cargo refuses at once: it checks every member first.
        const plain = await context.world.runCommand(job, 'cargo', PUBLISH_WORKSPACE, {
          cwd: ws.dir,
          env: ws.env,
        });
        expect(plain.exitCode).not.toBe(0);
        expect(output(plain)).toContain('error: crate tp-a@0.2.0 already exists on `local` index');
        rerun = await context.world.runCommand(
          job,
          'cargo',
          [...PUBLISH_WORKSPACE, ...(main.outputs['exclude-published'] ?? '').split(' ')],
          { cwd: ws.dir, env: ws.env },
        );
      },
    });
    expect(second.main.exitCode).toBe(0);
    expect(rerun?.exitCode).toBe(0);
    expect(context.world.registry.versions('tp-c')).toEqual(['0.1.0', '0.2.0']);
    expect(context.world.registry.uploads.map((u) => [u.crate, u.status])).toEqual([
      ['tp-a', 200],
      ['tp-b', 200],
      ['tp-c', 403],
      ['tp-c', 200],
    ]);
    const log = second.main.log.join('\n');
    expect(log).toMatch(/tp-a +0\.2\.0 +this version +skipped: --exclude tp-a/);
    expect(log).toMatch(/tp-c +0\.2\.0 +1 other version, latest 0\.1\.0 +to publish/);
    expect(second.main.summary).toContain(
      '| `tp-c` | `0.2.0` | 1 other version, latest 0.1.0 | to publish |',
    );
    expect(second.main.summary).toContain('✅ **1 crate to publish**; 2 already out');
    expect(second.post.exitCode).toBe(0);
  },
);

withCargo(
  'a crate the registry does not have fails main before any ID token; nothing is published',
  async () => {
    context.world.trust('tp-a', '0.1.0').trust('tp-b', '0.1.0');
    const ws = await context.useWorkspace(CRATES);

    const main = await context.world.runMain(mainWith(ws));

    expect(main.exitCode).toBe(1);
    noIdToken();
    expect(context.world.registry.uploads).toEqual([]);
    expect(main.outputs).toEqual({});
    expect(main.annotations).toEqual([
      {
        level: 'error',
        message: expect.stringContaining(
          'The registry `local` does not have the crate `tp-c` 0.2.0 at all',
        ) as unknown,
      },
    ]);
    const message = main.annotations[0]?.message ?? '';
    expect(message).toContain('Trusted Publishing tokens do not support creating new crates');
    expect(message).toContain('Nothing was published and no token was requested.');
    expect(message).toContain('publish its first version by hand');
    expect(message).toContain('set `publish = false`');
    // The summary: the answer first, the error's own words (the fix) beside it, and the crate
    // that stops the release first in the table.
    const lines = main.summary.split('\n');
    expect(lines.slice(0, 8)).toEqual([
      '',
      '### auth-action: the workspace against the registry `local`: the release stops here',
      '',
      '❌ **The release did not start**: `tp-c` is not in the registry under its name, and trusted publishing cannot create a crate; nothing was published and no token was requested.',
      '',
      `${message} See [a crate the registry does not have](${DOCS_URL}troubleshooting.md#a-crate-the-registry-does-not-have).`,
      '',
      '| crate | version | the registry has | what happens |',
    ]);
    expect(lines[9]).toBe(
      '| `tp-c` | `0.2.0` | no such crate (HTTP 404) | refused: a new crate, publish its first version by hand |',
    );
    expect(message).toContain('`cargo publish -p tp-c --registry local`');
    expectStatusParagraphs(main);
    expect(context.world.registry.indexRequests).toEqual(
      expect.arrayContaining(['config.json', 'tp/-a/tp-a', 'tp/-b/tp-b', 'tp/-c/tp-c']),
    );
  },
);

withCargo(
  'everything out already: nothing to publish, so no ID token, no token, no provider; empty `unpublished` and `token`, every crate excluded',
  async () => {
    for (const crate of CRATES)
      context.world.trust(crate.name, '0.1.0').registry.addVersion(crate.name, '0.2.0');
    // A yanked version counts as out: it cannot be published again.
    context.world.registry.yank('tp-b', '0.2.0');
    const ws = await context.useWorkspace([
      ...CRATES,
      { name: 'tp-tools', version: '0.9.0', publish: 'false' },
    ]);

    const { main, post } = await context.world.runJob(mainWith(ws));
    const dry = await runCargo(DRY_RUN_WORKSPACE, ws.dir, ws.env);

    expect(main.exitCode).toBe(0);
    expect(main.annotations).toEqual([]);
    noIdToken();
    // cargo agrees: tp-a and tp-c already exist; tp-b's version is yanked, which crates.io
    // refuses to take again (cargo would find out at the upload).
    expect([...dry.output.matchAll(/crate (\S+) already exists/g)].map((m) => m[1])).toEqual([
      'tp-a@0.2.0',
      'tp-c@0.2.0',
    ]);
    expect(main.outputs).toEqual({
      unpublished: '',
      'exclude-published': '--exclude tp-a --exclude tp-b --exclude tp-c',
      token: '',
    });
    // No credential provider for cargo: nothing in GITHUB_ENV, no folder in RUNNER_TEMP.
    expect(main.exported).toEqual({});
    const log = main.log.join('\n');
    expect(log).toContain(
      'Nothing to publish: the version of each of the 3 crates to release is in the registry already.',
    );
    expect(log).toContain(
      'Nothing to publish, so no OIDC ID token was requested, no publish token was minted and no credential provider was installed',
    );
    expect(main.summary).toContain(
      '✅ **auth-action**: nothing to publish, so no token was minted and the `token` output is empty.',
    );
    expect(main.summary).toContain(
      '✅ **Nothing to publish**: the version of each of the 3 crates to release is in the registry already.',
    );
    expectStatusParagraphs(main);
    expect(log).toMatch(/tp-b +0\.2\.0 +this version, yanked +skipped/);
    expect(log).toMatch(/tp-tools +0\.9\.0 +— +not released here \(publish = false\)/);
    // tp-tools is not asked for: it is not released.
    expect(context.world.registry.indexRequests).not.toContain('tp/-t/tp-tools');
    expect(post.exitCode).toBe(0);
    expect(post.log).toContain(
      'No token to revoke: the main step minted none, as there was nothing to publish.',
    );
  },
);

withCargo(
  'an index that answers 503 throughout: a warning naming it, outputs as if nothing were out, the token still comes',
  async () => {
    for (const crate of CRATES) context.world.trust(crate.name, '0.1.0');
    context.world.registry.faults.always('index', {
      status: 503,
      headers: { 'content-type': 'text/html' },
      body: '<h1>Service Unavailable</h1>',
    });
    const ws = await context.useWorkspace(CRATES);

    const { main } = await context.world.runJob(mainWith(ws));

    expect(main.exitCode).toBe(0);
    expect(main.outputs.unpublished).toBe('tp-a tp-b tp-c');
    expect(main.outputs['exclude-published']).toBe('');
    expect(main.outputs.token).toBeDefined();
    expect(main.annotations).toEqual([
      {
        level: 'warning',
        message: expect.stringMatching(
          new RegExp(
            `^Reading the registry's index at ${context.world.registry.url}/index/[^ ]+ failed \\(after 3 attempts\\): HTTP 503 .*So the check of the workspace cannot tell which crates the index at ${context.world.registry.url}/index/ has: \`unpublished\` lists every crate to be released and \`exclude-published\` is empty\\. Nothing is blocked`,
          ),
        ) as unknown,
      },
    ]);
    // An index's files are static: its error page is not said to lack "the server's JSON error".
    expect(main.annotations[0]?.message).toContain(
      'HTTP 503 with a body of 28 bytes (text/html) (an error page from a proxy, a load balancer or a maintenance page, most likely).',
    );
    // The first file that cannot be read stops the others: no storm on a failing index.
    expect(context.world.registry.indexRequests.length).toBeLessThanOrEqual(3 * 9);
    expect(main.log.join('\n')).toMatch(
      /tp-a +0\.2\.0 +unknown: HTTP 503 after 3 attempts +to publish \(cargo checks it\)/,
    );
    // The summary says why, in its answer and in each row, and links to what to do.
    expect(main.summary).toContain(
      `⚠️ **3 crates to publish as far as the check can tell**: the index was not read (HTTP 503 after 3 attempts), so cargo's own check decides; nothing is blocked. See [the index could not be read](${DOCS_URL}troubleshooting.md#the-index-could-not-be-read).`,
    );
    expect(main.summary).toContain(
      '| `tp-a` | `0.2.0` | unknown: HTTP 503 after 3 attempts | to publish (cargo checks it) |',
    );
    expectStatusParagraphs(main);
  },
);

test('a `workspace` without a Cargo.toml fails main before any ID token, naming the input', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'auth-action-no-manifest-'));
  try {
    const main = await context.world.runMain({
      with: { workspace: dir, 'registry-name': 'local' },
    });
    expect(main.exitCode).toBe(1);
    noIdToken();
    expect(main.annotations).toEqual([
      {
        level: 'error',
        message: `The \`workspace\` input names \`${dir}\`, which has no Cargo.toml, so there is no workspace to check; no token was requested. Set \`workspace\` to the directory of the Cargo.toml of the workspace (or package) to release, relative to GITHUB_WORKSPACE, and check the repository out (actions/checkout) in a step before this one.`,
      },
    ]);
  } finally {
    await removeTree(dir);
  }
});

test('a `workspace` that names the Cargo.toml itself, or nothing, fails main saying which', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'auth-action-no-manifest-'));
  try {
    const manifest = join(dir, 'Cargo.toml');
    await writeFile(manifest, '[package]\nname = "x"\nversion = "0.1.0"\n');
    const file = await context.world.runMain({
      with: { workspace: manifest, 'registry-name': 'local' },
    });
    expect(file.exitCode).toBe(1);
    expect(file.annotations).toEqual([
      {
        level: 'error',
        message: `The \`workspace\` input names \`${manifest}\`, which is a file: \`workspace\` takes the directory that holds the Cargo.toml, so there is no workspace to check; no token was requested. Set \`workspace\` to the directory of the Cargo.toml of the workspace (or package) to release (\`crates/foo\`, not \`crates/foo/Cargo.toml\`), relative to GITHUB_WORKSPACE.`,
      },
    ]);
    const missing = join(dir, 'crates', 'nope');
    const nothing = await context.world.runMain({
      with: { workspace: missing, 'registry-name': 'local' },
    });
    expect(nothing.exitCode).toBe(1);
    expect(nothing.annotations).toEqual([
      {
        level: 'error',
        message: `The \`workspace\` input names \`${missing}\`, which does not exist, so there is no workspace to check; no token was requested. Set \`workspace\` to the directory of the Cargo.toml of the workspace (or package) to release, relative to GITHUB_WORKSPACE, and check the repository out (actions/checkout) in a step before this one.`,
      },
    ]);
    // A path through a file (ENOTDIR) is no directory either: the same message, no stack trace.
    const through = join(manifest, 'crates');
    const notDir = await context.world.runMain({
      with: { workspace: through, 'registry-name': 'local' },
    });
    expect(notDir.exitCode).toBe(1);
    expect(notDir.annotations.map((a) => a.message)).toEqual([
      expect.stringContaining(`names \`${through}\`, which does not exist,`),
    ]);
    noIdToken();
  } finally {
    await removeTree(dir);
  }
});

withCargo(
  "post's release report names the crates found to publish that cargo never published, first",
  async () => {
    for (const crate of CRATES) context.world.trust(crate.name, '0.1.0');
    const ws = await context.useWorkspace(CRATES);

    const { post } = await context.world.runJob({
      ...mainWith(ws),
      between: async (_main, job) => {
        // Only the first crate goes out: the job ends before the rest.
        const step = await context.world.runCommand(
          job,
          'cargo',
          [...PUBLISH_WORKSPACE, '-p', 'tp-a'].filter((a) => a !== '--workspace'),
          {
            cwd: ws.dir,
            env: ws.env,
          },
        );
        expect(step.exitCode).toBe(0);
      },
    });

    expect(post.exitCode).toBe(0);
    const table = post.summary.split('\n').filter((line) => line.startsWith('| `'));
    expect(table).toEqual([
      "| `tp-b` | `0.2.0` | **not in the index**: refused, not attempted, or late (cargo's output says which) |",
      "| `tp-c` | `0.2.0` | **not in the index**: refused, not attempted, or late (cargo's output says which) |",
      '| `tp-a` | `0.2.0` | out |',
    ]);
    expect(post.summary).toContain(
      '❌ **The release is not complete**: `tp-b` 0.2.0, `tp-c` 0.2.0 are not in the index at the end of the job (2 of the 3 versions the check of the workspace found to publish).',
    );
    expect(theWarning(post)).toContain('does not list `tp-b` 0.2.0, `tp-c` 0.2.0, which');
    expect(post.log).toContain(
      'Release report: 1 of 3 versions in the index; not in it: `tp-b` 0.2.0, `tp-c` 0.2.0.',
    );
  },
);

withCargo(
  'without the credential provider, post still reports what the index says of the crates found to publish',
  async () => {
    for (const crate of CRATES) context.world.trust(crate.name, '0.1.0');
    const ws = await context.useWorkspace(CRATES);

    const { main, post } = await context.world.runJob({
      ...mainWith(ws, { 'credential-provider': 'false' }),
      between: async (started, job) => {
        const release = await context.world.runCommand(job, 'cargo', PUBLISH_WORKSPACE, {
          cwd: ws.dir,
          env: { ...ws.env, CARGO_REGISTRIES_LOCAL_TOKEN: started.outputs.token ?? '' },
        });
        expect(release.exitCode).toBe(0);
      },
    });

    expect(main.outputs.unpublished).toBe('tp-a tp-b tp-c');
    expect(post.exitCode).toBe(0);
    expect(post.annotations).toEqual([]);
    expect(post.log).toContain('Revoked the publish token at ' + context.world.registry.url + '.');
    expect(post.log).toContain('Release report: 3 of 3 versions in the index.');
    expect(post.summary).toContain(
      '✅ **Released**: the index lists all 3 versions the check of the workspace found to publish.',
    );
    expect(post.summary).toContain('Publish tokens: 1 token minted in this job, 1 revoked');
    expectStatusParagraphs(main, post);
  },
);

describe('a workspace cargo cannot read fails main before any ID token, with what cargo said', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'auth-action-bad-manifest-'));
    await writeFile(join(dir, 'Cargo.toml'), '[package]\nname = "tp-a"\nversion = "zz"\n');
  });
  afterEach(async () => {
    await removeTree(dir);
  });

  withCargo('a manifest cargo rejects', async () => {
    const main = await context.world.runMain({
      with: { workspace: dir, 'registry-name': 'local' },
      env: { RUSTUP_HOME: cargoEnvironment.RUSTUP_HOME },
    });
    expect(main.exitCode).toBe(1);
    noIdToken();
    expect(main.annotations).toEqual([
      {
        level: 'error',
        message: expect.stringMatching(
          /^cargo could not read the workspace that the `workspace` input names \(`[^`]+`\): `cargo metadata` failed \(exit code 101\)\. cargo said: error: unexpected character 'z' while parsing major version number .* No token was requested\./,
        ) as unknown,
      },
    ]);
    // Where, without the excerpt cargo draws in columns (`3 | version = "zz"`, `|  ^^^^`).
    const message = main.annotations[0]?.message ?? '';
    expect(message).toContain('--> Cargo.toml:3:11. No token was requested.');
    expect(message).not.toContain('|');
  });

  withCargo(
    "CARGO_TERM_COLOR=always (GitHub's Rust starter workflow): no escape sequence in the message",
    async () => {
      const main = await context.world.runMain({
        with: { workspace: dir, 'registry-name': 'local' },
        env: { RUSTUP_HOME: cargoEnvironment.RUSTUP_HOME, CARGO_TERM_COLOR: 'always' },
      });
      expect(main.exitCode).toBe(1);
      const message = main.annotations[0]?.message ?? '';
      expect(message).toContain("cargo said: error: unexpected character 'z'");
      // eslint-disable-next-line no-control-regex
      expect(message).not.toMatch(/\u001b|\[[0-9;]*m/);
    },
  );

  test('no cargo on PATH', async () => {
    const main = await context.world.runMain({
      with: { workspace: dir, 'registry-name': 'local' },
      env: { PATH: '/nonexistent' },
    });
    expect(main.exitCode).toBe(1);
    noIdToken();
    expect(main.annotations[0]?.message).toMatch(
      /^The `workspace` input asks for a check of `[^`]+`, which reads it through cargo, but cargo could not be started \(ENOENT: it is not on PATH\); no token was requested\. Install Rust/,
    );
  });
});
