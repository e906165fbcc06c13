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
async function cargoSetup(
  dir: string,
  indexUrl: string,
  more: Record<string, string> = {},
): Promise<Record<string, string>> {
  const cargoHome = join(dir, 'cargo-home');
  await mkdir(cargoHome);
  const others = Object.entries(more)
    .map(([name, url]) => `[registries.${name}]\nindex = "sparse+${url}"\n\n`)
    .join('');
  await writeFile(
    join(cargoHome, 'config.toml'),
    `[registries.local]\nindex = "sparse+${indexUrl}"\n\n${others}[registry]\nglobal-credential-providers = ["cargo:token"]\n`,
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
    return await runCargo(
      ['publish', '--registry', 'local', '--no-verify', '--allow-dirty'],
      crateDir,
      {
        ...env,
        CARGO_REGISTRIES_LOCAL_TOKEN: options.token,
      },
    );
  } finally {
    await removeTree(dir);
  }
}

/** A dependency on another member, by path and version: `[dependencies]` unless `kind` says. */
export type MemberDependency = string | { name: string; kind?: 'dev' | 'build'; req?: string };

/** A crate of a workspace, and the crates of the same workspace it depends on. */
export interface WorkspaceCrate {
  name: string;
  /** Its version; `workspace` for `version.workspace = true` (WorkspaceOptions.version). */
  version: string;
  dependsOn?: MemberDependency[];
  /** `package.publish` as TOML (`false`, `["local"]`); default `["local"]`, `null` leaves it unset. */
  publish?: string | null;
}

export interface WorkspaceOptions {
  /** `[workspace.package] version`, for members whose version is `workspace`. */
  version?: string;
  /** More registries in cargo's configuration, by name: their index URLs. */
  registries?: Record<string, string>;
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
  options: WorkspaceOptions = {},
): Promise<Workspace> {
  const dir = await mkdtemp(join(tmpdir(), 'auth-action-workspace-'));
  const env = await cargoSetup(dir, indexUrl, options.registries);
  const shared =
    options.version === undefined ? '' : `\n[workspace.package]\nversion = "${options.version}"\n`;
  await writeFile(
    join(dir, 'Cargo.toml'),
    `[workspace]\nresolver = "2"\nmembers = [${crates.map((c) => `"${c.name}"`).join(', ')}]\n${shared}`,
  );
  const versionOf = new Map(
    crates.map((c) => [c.name, c.version === 'workspace' ? (options.version ?? '') : c.version]),
  );
  for (const crate of crates) {
    await mkdir(join(dir, crate.name, 'src'), { recursive: true });
    const sections = {
      dependencies: [] as string[],
      'dev-dependencies': [] as string[],
      'build-dependencies': [] as string[],
    };
    for (const dep of crate.dependsOn ?? []) {
      const { name, kind, req } =
        typeof dep === 'string' ? { name: dep, kind: undefined, req: undefined } : dep;
      const section = kind === undefined ? 'dependencies' : (`${kind}-dependencies` as const);
      sections[section].push(
        `${name} = { path = "../${name}", version = "${req ?? versionOf.get(name) ?? ''}", registry = "local" }`,
      );
    }
    const version =
      crate.version === 'workspace' ? 'version.workspace = true' : `version = "${crate.version}"`;
    await writeFile(
      join(dir, crate.name, 'Cargo.toml'),
      `[package]\nname = "${crate.name}"\n${version}\nedition = "2021"\n` +
        `description = "A crate of a workspace released through trusted publishing in a test"\n` +
        `license = "MIT OR Apache-2.0"\n${crate.publish === null ? '' : `publish = ${crate.publish ?? '["local"]'}\n`}\n` +
        Object.entries(sections)
          .map(([section, lines]) => `[${section}]\n${lines.join('\n')}\n`)
          .join('\n'),
    );
    await writeFile(join(dir, crate.name, 'src', 'lib.rs'), 'pub fn hello() {}\n');
  }
  return { dir, env, remove: () => removeTree(dir) };
}

/** `cargo` with `args` in `cwd`, in a workspace's environment (and `env` over it): exit code and output. */
export function runCargo(
  args: string[],
  cwd: string,
  env: Record<string, string>,
): Promise<CargoRun> {
  return new Promise<CargoRun>((resolve, reject) => {
    const child = spawn('cargo', args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
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
}

/** `cargo publish --dry-run` of the workspace: what it would upload, nothing uploaded, no token. */
export const DRY_RUN_WORKSPACE = [
  'publish',
  '--workspace',
  '--registry',
  'local',
  '--dry-run',
  '--no-verify',
  '--allow-dirty',
];

/** The release command of a workspace: every crate, in dependency order, in one cargo process. */
export const PUBLISH_WORKSPACE = [
  'publish',
  '--workspace',
  '--registry',
  'local',
  '--no-verify',
  '--allow-dirty',
];
