// Workspace shapes, each checked by the bundled main step and run through real cargo against
// the rig's registry, so that what the check says is what cargo does: members for two
// registries in a virtual manifest, one package inside a larger workspace, versions from
// `[workspace.package]`, names that differ from the registry's only by `-`/`_` or case, members
// that are never published, and `new-crates: skip`.
import { join } from 'node:path';
import {
  DRY_RUN_WORKSPACE,
  PUBLISH_WORKSPACE,
  runCargo,
  type Workspace,
  type WorkspaceCrate,
} from '../../rig/cargo.js';
import type { StepResult } from '../../rig/runner.js';
import { output, withCargo } from './long-release.js';
import { expectNoIdToken, mainWith, useWorkspaceWorld } from './workspace-step.js';

const context = useWorkspaceWorld();

const cargo = (ws: Workspace, args: string[], dir = ws.dir) => runCargo(args, dir, ws.env);
const words = (text: string | undefined) => (text ?? '').split(' ').filter((w) => w !== '');

withCargo(
  'a virtual manifest with members for two registries: the one for `other` is excluded, and cargo runs with the outputs',
  async () => {
    context.world.trust('two-a', '0.1.0').trust('two-b', '0.1.0');
    const ws = await context.useWorkspace(
      [
        { name: 'two-a', version: '0.2.0' },
        { name: 'two-b', version: '0.2.0', dependsOn: ['two-a'] },
        { name: 'two-o', version: '0.2.0', publish: '["other"]' },
        { name: 'two-f', version: '0.2.0', publish: 'false' },
      ],
      { registries: { other: 'http://127.0.0.1:9/index/' } },
    );

    const main = await context.world.runMain(mainWith(ws));
    const plain = await cargo(ws, DRY_RUN_WORKSPACE);
    const exclude = words(main.outputs['exclude-published']);
    const withOutputs = await cargo(ws, [...DRY_RUN_WORKSPACE, ...exclude]);

    expect(main.exitCode).toBe(0);
    expect(main.outputs.unpublished).toBe('two-a two-b');
    expect(exclude).toEqual(['--exclude', 'two-o']);
    expect(main.log.join('\n')).toMatch(
      /two-o +0\.2\.0 +— +not released here \(publish = \["other"\]\): --exclude two-o/,
    );
    // Without the outputs cargo stops before anything; with them it goes through.
    expect(plain.code).not.toBe(0);
    expect(plain.output).toContain(
      'error: `two-o` cannot be published.\nThe registry `local` is not listed in the `package.publish` value in Cargo.toml.',
    );
    expect(withOutputs.code).toBe(0);
    expect(withOutputs.output).toMatch(/Uploading two-a v0\.2\.0[\s\S]*Uploading two-b v0\.2\.0/);
    expect(withOutputs.output).not.toMatch(/two-[of] v0\.2\.0/);
  },
);

withCargo(
  'a package directory inside a larger workspace: only that package is checked, a new sibling does not stop it, and `cargo publish` there agrees',
  async () => {
    context.world.trust('pk-a', '0.1.0');
    const ws = await context.useWorkspace([
      { name: 'pk-a', version: '0.2.0' },
      { name: 'pk-new', version: '0.1.0' },
    ]);
    const dir = join(ws.dir, 'pk-a');

    const main = await context.world.runMain({
      ...mainWith(ws),
      with: { ...mainWith(ws).with, workspace: dir },
    });
    const asked = [...context.world.registry.indexRequests];
    const atRoot = await context.world.runMain(mainWith(ws));
    const there = await cargo(
      ws,
      ['publish', '--registry', 'local', '--dry-run', '--no-verify', '--allow-dirty'],
      dir,
    );

    expect(main.exitCode).toBe(0);
    expect(main.outputs.unpublished).toBe('pk-a');
    expect(main.outputs['exclude-published']).toBe('');
    const log = main.log.join('\n');
    expect(log).toContain('names the directory of the package `pk-a` in the workspace at');
    expect(log).not.toContain('pk-new');
    expect(asked).toEqual(['config.json', 'pk/-a/pk-a']);
    expect(there.code).toBe(0);
    expect(there.output).toContain('Uploading pk-a v0.2.0');
    expect(there.output).not.toContain('pk-new');
    // The workspace's root checks every member: there, the new crate stops the release.
    expect(atRoot.exitCode).toBe(1);
    expect(atRoot.annotations[0]?.message).toContain(
      'does not have the crate `pk-new` 0.1.0 at all',
    );
  },
);

withCargo(
  'versions from `[workspace.package]` (version.workspace = true): the check and cargo see the same versions out',
  async () => {
    context.world.trust('vw-a', '0.1.0').trust('vw-b', '0.1.0');
    context.world.registry.addVersion('vw-a', '0.3.0');
    const ws = await context.useWorkspace(
      [
        { name: 'vw-a', version: 'workspace' },
        { name: 'vw-b', version: 'workspace', dependsOn: ['vw-a'] },
      ],
      { version: '0.3.0' },
    );

    const main = await context.world.runMain(mainWith(ws));
    const dry = await cargo(ws, DRY_RUN_WORKSPACE);

    expect(main.outputs.unpublished).toBe('vw-b');
    expect(main.outputs['exclude-published']).toBe('--exclude vw-a');
    expect([...dry.output.matchAll(/crate (\S+) already exists/g)].map((m) => m[1])).toEqual([
      'vw-a@0.3.0',
    ]);
  },
);

withCargo(
  'names that differ from the registry’s only by `-`/`_` or case: named before any ID token; cargo itself only finds out at the upload ("crate was previously named")',
  async () => {
    context.world.trust('nm-x', '0.1.0').trust('nm-y', '0.1.0').trust('nm-z', '0.1.0');
    const ws = await context.useWorkspace([
      { name: 'nm_x', version: '0.2.0' },
      { name: 'Nm-y', version: '0.2.0' },
      { name: 'nm-z', version: '0.2.0' },
    ]);

    const main = await context.world.runMain(mainWith(ws));
    expect(main.exitCode).toBe(1);
    expectNoIdToken(context.world);
    expect(main.annotations[0]?.message).toMatch(
      /^The registry's index lists crates of this release only under another spelling of their name: `nm_x` 0\.2\.0 as `nm-x`, `Nm-y` 0\.2\.0 as `nm-y`\. crates\.io takes names that differ only in case, or in `-` and `_`, for one crate, and refuses an upload under another spelling/,
    );
    expect(main.summary).toContain(
      '| `nm_x` | `0.2.0` | the crate as nm-x | refused: the registry knows it by another name |',
    );

    // Without the check: cargo sees no "already exists", uploads, and the registry refuses.
    const { main: bare } = await context.world.runJob({
      with: { 'credential-provider': 'true', 'registry-name': 'local' },
      between: async (_main, job) => {
        const release = await context.world.runCommand(job, 'cargo', PUBLISH_WORKSPACE, {
          cwd: ws.dir,
          env: ws.env,
        });
        expect(release.exitCode).not.toBe(0);
        expect(output(release)).toMatch(/crate was previously named `nm-[xy]`/);
      },
    });
    expect(bare.exitCode).toBe(0);
  },
);

withCargo(
  "members never published are not held to crates.io's rules (a 70-character name, a 120-character version); a member that is, is",
  async () => {
    context.world.trust('rl-a', '0.1.0');
    const long = `rl-${'l'.repeat(67)}`;
    const crates: WorkspaceCrate[] = [
      { name: 'rl-a', version: '0.2.0' },
      { name: long, version: `0.1.0-${'p'.repeat(114)}`, publish: 'false' },
    ];
    const ws = await context.useWorkspace(crates);

    const main = await context.world.runMain(mainWith(ws, { 'credential-provider': 'false' }));
    const metadata = await cargo(ws, ['metadata', '--no-deps', '--format-version', '1']);
    expect(metadata.code).toBe(0);
    expect(main.exitCode).toBe(0);
    expect(main.outputs.unpublished).toBe('rl-a');
    expect(main.outputs['exclude-published']).toBe('');

    const sent = await context.useWorkspace([
      { ...crates[1]!, publish: '["local"]', version: '0.1.0' },
    ]);
    const refused = await context.world.runMain(mainWith(sent, { 'credential-provider': 'false' }));
    expect(refused.exitCode).toBe(1);
    expect(refused.annotations[0]?.message).toMatch(
      /^`rl-l+…?` 0\.1\.0 is released to the registry `local` \(its `publish` allows it\), with a name or version that crates\.io.s rules refuse/,
    );
  },
);

withCargo(
  '`new-crates: skip`: the new crate and the members that need it are left out, named, and cargo publishes the rest with the outputs',
  async () => {
    for (const name of ['sk-a', 'sk-c']) context.world.trust(name, '0.1.0');
    context.world.trust('sk-dep', '0.1.0');
    const ws = await context.useWorkspace([
      { name: 'sk-a', version: '0.2.0' },
      { name: 'sk-new', version: '0.1.0' },
      // A dev-dependency counts: cargo resolves it when it packages the crate.
      { name: 'sk-dep', version: '0.2.0', dependsOn: [{ name: 'sk-new', kind: 'dev' }] },
      { name: 'sk-c', version: '0.2.0', dependsOn: ['sk-a', 'sk-dep'] },
    ]);

    let release: StepResult | undefined;
    let onlyNew: Awaited<ReturnType<typeof cargo>> | undefined;
    const { main } = await context.world.runJob({
      ...mainWith(ws, { 'new-crates': 'skip' }),
      between: async (step, job) => {
        onlyNew = await cargo(ws, [...DRY_RUN_WORKSPACE, '--exclude', 'sk-new']);
        release = await context.world.runCommand(
          job,
          'cargo',
          [...PUBLISH_WORKSPACE, ...words(step.outputs['exclude-published'])],
          { cwd: ws.dir, env: ws.env },
        );
      },
    });

    expect(main.exitCode).toBe(0);
    expect(main.outputs.unpublished).toBe('sk-a');
    expect(main.outputs['exclude-published']).toBe(
      '--exclude sk-new --exclude sk-dep --exclude sk-c',
    );
    expect(main.annotations).toEqual([
      {
        level: 'warning',
        message: expect.stringMatching(
          /^`new-crates: skip`: the registry `local` does not have `sk-new` 0\.1\.0 under its name, and trusted publishing cannot create a crate, so this release leaves it out, with the crates that depend on it, which cargo could not resolve without it: `sk-dep` 0\.2\.0 \(needs `sk-new`\), `sk-c` 0\.2\.0 \(needs `sk-dep`\)\. All of them are in `exclude-published`\..*`cargo publish -p sk-new --registry local`/,
        ) as unknown,
      },
    ]);
    expect(main.summary).toContain(
      '| `sk-dep` | `0.2.0` | — | skipped: --exclude sk-dep; it depends on sk-new, which is skipped |',
    );
    // Crates left out are no ✅: the answer says so, and points at the warning.
    expect(main.summary).toContain(
      "⚠️ **1 crate to publish**; none is out yet; 3 skipped (new crates, and what depends on them). The step's warning says what is left out or in doubt.",
    );
    // Excluding the new crate alone is not enough: cargo cannot package what needs it.
    expect(onlyNew?.code).not.toBe(0);
    expect(onlyNew?.output).toContain('no matching package named `sk-new` found');
    expect(release?.exitCode).toBe(0);
    expect(context.world.registry.uploads.map((u) => [u.crate, u.status])).toEqual([['sk-a', 200]]);
  },
);
