// Which index the check reads, end to end: the bundled main step with `workspace`, a project
// whose own .cargo/config.toml names the registry in a form a hand-written reader missed, and a
// $CARGO_HOME/config.toml that names the same registry at another index (a stale mirror that
// lists alpha 0.2.0 already). Before: the check read the stale index, put `--exclude alpha` in
// the output, and cargo exited 0 having published only beta. Now it reads the index cargo uses,
// and cargo publishes both. The registry is `my-priv-reg`: its two dashes both become `_` in the
// provider's variable, or cargo would not find the provider.
import { mkdir, mkdtemp, realpath, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { baseEnvironment, rustupHome } from '../../rig/platform.js';
import { Registry } from '../../rig/registry.js';
import { removeTree } from '../../rig/remove-tree.js';
import type { StepResult } from '../../rig/runner.js';
import { World } from '../../rig/world.js';
import { output, withCargo } from './long-release.js';

const REGISTRY = 'my-priv-reg';
const CRATES = ['alpha', 'beta'];

let world: World;
let stale: Registry;
let root: string;

beforeEach(async () => {
  world = await World.start();
  for (const crate of CRATES) world.trust(crate, '0.1.0');
  // A mirror that was left behind, or another registry under the same name: it says alpha 0.2.0
  // is out. The registry cargo publishes to has 0.1.0 of each.
  stale = await new Registry({ discovery: {} }).start();
  stale.addCrate('alpha', '0.1.0').addVersion('alpha', '0.2.0');
  stale.addCrate('beta', '0.1.0');
  root = await realpath(await mkdtemp(join(tmpdir(), 'auth-action-index-choice-')));
});

afterEach(async () => {
  await stale.stop();
  await removeTree(root);
  await world.stopAndCheckLeaks();
});

/** The workspace (alpha and beta 0.2.0, for `my-priv-reg`), its project config, and CARGO_HOME. */
async function project(projectConfig: Record<string, string>): Promise<{
  dir: string;
  home: string;
  env: Record<string, string>;
}> {
  const dir = join(root, 'ws');
  const home = join(root, 'cargo-home');
  await mkdir(join(dir, '.cargo'), { recursive: true });
  await mkdir(home);
  await writeFile(
    join(dir, 'Cargo.toml'),
    '[workspace]\nresolver = "2"\nmembers = ["alpha", "beta"]\n',
  );
  for (const crate of CRATES) {
    await mkdir(join(dir, crate, 'src'), { recursive: true });
    await writeFile(
      join(dir, crate, 'Cargo.toml'),
      `[package]\nname = "${crate}"\nversion = "0.2.0"\nedition = "2021"\n` +
        `description = "A crate of a workspace released through trusted publishing in a test"\n` +
        `license = "MIT OR Apache-2.0"\npublish = ["${REGISTRY}"]\n`,
    );
    await writeFile(join(dir, crate, 'src', 'lib.rs'), 'pub fn hello() {}\n');
  }
  for (const [name, text] of Object.entries(projectConfig)) {
    await writeFile(
      join(dir, '.cargo', name),
      text.replace('$INDEX', `${world.registry.url}/index/`),
    );
  }
  await writeFile(
    join(home, 'config.toml'),
    `[registries.${REGISTRY}]\nindex = "sparse+${stale.url}/index/"\n\n` +
      `[registry]\nglobal-credential-providers = ["cargo:token"]\n`,
  );
  const env = {
    ...baseEnvironment(process.platform, process.env),
    HOME: root,
    RUSTUP_HOME: rustupHome(process.platform, process.env),
    CARGO_HOME: home,
    CARGO_TARGET_DIR: join(root, 'target'),
    CARGO_TERM_COLOR: 'never',
    CARGO_HTTP_TIMEOUT: '30',
  };
  return { dir, home, env };
}

/** The README's recipe: the check, the provider for `my-priv-reg`, then cargo in the workspace. */
async function release(ws: { dir: string; env: Record<string, string> }) {
  let publish: StepResult | undefined;
  let readByMain: string[] = [];
  const job = await world.runJob({
    with: { 'credential-provider': 'true', 'registry-name': REGISTRY, workspace: ws.dir },
    env: {
      CARGO_HOME: ws.env.CARGO_HOME ?? '',
      RUSTUP_HOME: ws.env.RUSTUP_HOME ?? '',
      AUTH_ACTION_TIME_SCALE: '0.25',
    },
    between: async (main, steps) => {
      readByMain = [...world.registry.indexRequests, ...stale.indexRequests];
      const exclude = (main.outputs['exclude-published'] ?? '').split(' ').filter((a) => a !== '');
      publish = await world.runCommand(
        steps,
        'cargo',
        [
          'publish',
          '--workspace',
          '--registry',
          REGISTRY,
          '--no-verify',
          '--allow-dirty',
          ...exclude,
        ],
        { cwd: ws.dir, env: ws.env },
      );
    },
  });
  if (publish === undefined) throw new Error('cargo did not run');
  return { ...job, publish, readByMain };
}

withCargo(
  "the issue's case: an include in the project, the same name elsewhere in $CARGO_HOME: the check reads cargo's index, cargo publishes both",
  async () => {
    const ws = await project({
      'config.toml': '# the registries this project publishes to\ninclude = ["registries.toml"]\n',
      'registries.toml': `registries = { ${REGISTRY} = {\n  index = "sparse+$INDEX",\n} }\n`,
    });

    const { main, publish, post } = await release(ws);

    expect(main.exitCode).toBe(0);
    expect(main.annotations).toEqual([]);
    expect(main.outputs.unpublished).toBe('alpha beta');
    expect(main.outputs['exclude-published']).toBe('');
    const log = main.log.join('\n');
    expect(log).toContain(
      `cargo's configuration, as cargo reads it when run in \`${ws.dir}\`: \`${join(ws.dir, '.cargo', 'config.toml')}\`, \`${join(ws.dir, '.cargo', 'registries.toml')}\`, \`${join(ws.home, 'config.toml')}\`. The index is set in \`${join(ws.dir, '.cargo', 'registries.toml')}\`.`,
    );
    expect(log).toContain(
      `Checking 2 crates of the workspace against the registry's index at ${world.registry.url}/index/.`,
    );
    expect(stale.indexRequests).toEqual([]);
    // cargo agrees: it publishes both, to the registry the project names.
    expect(publish.exitCode).toBe(0);
    expect(world.registry.versions('alpha')).toEqual(['0.1.0', '0.2.0']);
    expect(world.registry.versions('beta')).toEqual(['0.1.0', '0.2.0']);
    expect(stale.uploads).toEqual([]);
    expect(post.exitCode).toBe(0);
  },
);

withCargo(
  'a config the check does not read (over 1 MiB): a doubt, every crate unpublished, and on a re-run cargo stops at the crate already out',
  async () => {
    world.registry.addVersion('alpha', '0.2.0');
    const ws = await project({
      'config.toml': `[registries.${REGISTRY}]\nindex = "sparse+$INDEX"\n#${'x'.repeat(1024 * 1024)}\n`,
    });

    const { main, publish, readByMain } = await release(ws);

    expect(main.exitCode).toBe(0);
    expect(main.outputs.unpublished).toBe('alpha beta');
    expect(main.outputs['exclude-published']).toBe('');
    expect(main.annotations).toEqual([
      {
        level: 'warning',
        message: `The check of the workspace cannot be sure which index \`cargo publish --registry ${REGISTRY}\` uses: cargo's configuration file \`${join(ws.dir, '.cargo', 'config.toml')}\` cannot be read (it is larger than 1 MiB, more than the check reads). \`unpublished\` lists every crate to be released and \`exclude-published\` is empty. Nothing is blocked: cargo checks each version against the index itself before it uploads. \`cargo publish --dry-run --registry ${REGISTRY}\`, run where the release runs, shows what cargo makes of its configuration.`,
      },
    ]);
    expect(main.log.join('\n')).toMatch(
      /alpha +0\.2\.0 +unknown: not sure which index cargo will use +to publish/,
    );
    // Neither index was read: the check was not sure which one cargo would use.
    expect(readByMain).toEqual([]);
    // cargo's own check stands: it stops loudly at alpha, before any upload.
    expect(publish.exitCode).not.toBe(0);
    expect(output(publish)).toContain(`crate alpha@0.2.0 already exists on \`${REGISTRY}\` index`);
    expect(world.registry.uploads).toEqual([]);
  },
);

withCargo(
  'a config cargo itself refuses (`include` as a string) fails main at `cargo metadata`, before any ID token',
  async () => {
    const ws = await project({
      'config.toml': 'include = "registries.toml"\n',
      'registries.toml': `[registries.${REGISTRY}]\nindex = "sparse+$INDEX"\n`,
    });

    const main = await world.runMain({
      with: { 'registry-name': REGISTRY, workspace: ws.dir },
      env: { CARGO_HOME: ws.home, RUSTUP_HOME: ws.env.RUSTUP_HOME ?? '' },
    });

    expect(main.exitCode).toBe(1);
    expect(world.oidc.minted).toEqual([]);
    expect(main.annotations[0]?.message).toContain(
      'cargo said: error: could not load Cargo configuration Caused by:   expected a list of strings or a list of tables, but found string at `include`',
    );
    expect(stale.indexRequests).toEqual([]);
  },
);
