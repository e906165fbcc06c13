import { spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { baseEnvironment, rustupHome } from './platform.js';
import { removeTree } from './remove-tree.js';

/** Whether a real cargo is on this machine; tests that need it say so when it is not. */
export function cargoVersion(): string | undefined {
  const result = spawnSync('cargo', ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

export interface CargoRun {
  code: number | null;
  output: string;
}

/**
 * A CARGO_HOME of its own under `dir` that knows the registry `local` (a sparse index on
 * loopback) and reads tokens only from the environment, and the environment cargo runs with:
 * nothing of the machine's cargo setup or the internet is involved.
 */
async function cargoSetup(dir: string, indexUrl: string): Promise<Record<string, string>> {
  const cargoHome = join(dir, 'cargo-home');
  await mkdir(cargoHome);
  await writeFile(
    join(cargoHome, 'config.toml'),
    `[registries.local]\nindex = "sparse+${indexUrl}"\n\n[registry]\nglobal-credential-providers = ["cargo:token"]\n`,
  );
  return {
    ...baseEnvironment(process.platform, process.env),
    HOME: dir,
    RUSTUP_HOME: rustupHome(process.platform, process.env),
    CARGO_HOME: cargoHome,
    CARGO_TARGET_DIR: join(dir, 'target'),
    CARGO_TERM_COLOR: 'never',
    CARGO_HTTP_TIMEOUT: '30',
  };
}

/**
 * `cargo publish` of a one-file crate to the registry named `local` (sparse index on
 * loopback), with the token in CARGO_REGISTRIES_LOCAL_TOKEN and a CARGO_HOME of its own,
 * so nothing of the machine's cargo setup or the internet is involved.
 */
export async function cargoPublish(options: {
  indexUrl: string;
  token: string;
  crate: string;
  version: string;
}): Promise<CargoRun> {
  const dir = await mkdtemp(join(tmpdir(), 'auth-action-cargo-'));
  try {
    const env = await cargoSetup(dir, options.indexUrl);
    const crateDir = join(dir, options.crate);
    await mkdir(join(crateDir, 'src'), { recursive: true });
    await writeFile(
      join(crateDir, 'Cargo.toml'),
      `[package]\nname = "${options.crate}"\nversion = "${options.version}"\nedition = "2021"\n` +
        `description = "A crate published through trusted publishing in a test"\nlicense = "MIT OR Apache-2.0"\n` +
        `publish = ["local"]\n`,
    );
    await writeFile(
      join(crateDir, 'src', 'lib.rs'),
      'pub fn hello() -> &\'static str { "hello" }\n',
    );
    return await new Promise<CargoRun>((resolve, reject) => {
      const child = spawn(
        'cargo',
        ['publish', '--registry', 'local', '--no-verify', '--allow-dirty'],
        {
          cwd: crateDir,
          env: { ...env, CARGO_REGISTRIES_LOCAL_TOKEN: options.token },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      const killer = setTimeout(() => child.kill('SIGKILL'), 120_000);
      child.on('error', reject);
      child.on('close', (code) => {
        clearTimeout(killer);
        resolve({ code, output });
      });
    });
  } finally {
    await removeTree(dir);
  }
}

/** A crate of a workspace, and the crates of the same workspace it depends on. */
export interface WorkspaceCrate {
  name: string;
  version: string;
  dependsOn?: string[];
  /** `package.publish` as TOML (`false`, `["local"]`); default `["local"]`, `null` leaves it unset. */
  publish?: string | null;
}

export interface Workspace {
  dir: string;
  /** What a `run: cargo ...` step needs: a CARGO_HOME of its own, no token of any kind. */
  env: Record<string, string>;
  remove(): Promise<void>;
}

/**
 * A workspace of crates that publish to the registry `local` (a sparse index on loopback),
 * each depending on the others it names by path and version, as a real release does.
 */
export async function makeWorkspace(
  indexUrl: string,
  crates: WorkspaceCrate[],
): Promise<Workspace> {
  const dir = await mkdtemp(join(tmpdir(), 'auth-action-workspace-'));
  const env = await cargoSetup(dir, indexUrl);
  await writeFile(
    join(dir, 'Cargo.toml'),
    `[workspace]\nresolver = "2"\nmembers = [${crates.map((c) => `"${c.name}"`).join(', ')}]\n`,
  );
  const versionOf = new Map(crates.map((c) => [c.name, c.version]));
  for (const crate of crates) {
    await mkdir(join(dir, crate.name, 'src'), { recursive: true });
    const deps = (crate.dependsOn ?? [])
      .map(
        (dep) =>
          `${dep} = { path = "../${dep}", version = "${versionOf.get(dep) ?? ''}", registry = "local" }`,
      )
      .join('\n');
    await writeFile(
      join(dir, crate.name, 'Cargo.toml'),
      `[package]\nname = "${crate.name}"\nversion = "${crate.version}"\nedition = "2021"\n` +
        `description = "A crate of a workspace released through trusted publishing in a test"\n` +
        `license = "MIT OR Apache-2.0"\n${crate.publish === null ? '' : `publish = ${crate.publish ?? '["local"]'}\n`}\n[dependencies]\n${deps}\n`,
    );
    await writeFile(join(dir, crate.name, 'src', 'lib.rs'), 'pub fn hello() {}\n');
  }
  return { dir, env, remove: () => removeTree(dir) };
}

/** The release command of a workspace: every crate, in dependency order, in one cargo process. */
export const PUBLISH_WORKSPACE = [
  'publish',
  '--workspace',
  '--registry',
  'local',
  '--no-verify',
  '--allow-dirty',
];
