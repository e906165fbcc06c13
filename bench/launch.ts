// Launching the action and the floor as the runner launches a node24 action, for the bench
// scripts: a fresh runner directory per job, main's state handed to post.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { NODE24 } from '../rig/node24.js';
import { inputEnv, parseFileCommands, ROOT } from '../rig/runner.js';
import { removeTree, removeTreeSync } from '../rig/remove-tree.js';
import { makePki, opensslVersion } from '../rig/tls.js';
import { World } from '../rig/world.js';

// portable: a probe; where GNU time is missing (macOS, Windows) the bench reports no memory.
export const GNU_TIME = spawnSync('/usr/bin/time', ['-f', '%M', 'true']).status === 0;

export interface Sample {
  ms: number;
  /** Max RSS in KiB, from GNU time; undefined when not measured. */
  rssKiB: number | undefined;
}

export interface Pair {
  main: string;
  post: string;
}

export const ACTION: Pair = { main: join(ROOT, 'dist/main.js'), post: join(ROOT, 'dist/post.js') };
export const FLOOR: Pair = {
  main: join(ROOT, 'bench/floor/main.mjs'),
  post: join(ROOT, 'bench/floor/post.mjs'),
};

/**
 * Other builds of the action to run beside this one, from `BENCH_BASELINE=<dir>[:<dir>...]`
 * (`;` on Windows): dist/ folders, say of earlier commits checked out with `git worktree add`.
 * Their bundles need nothing else to run. None when the variable is not set.
 */
export function baselinePairs(): (Pair & { name: string })[] {
  const dirs = (process.env.BENCH_BASELINE ?? '').split(delimiter).filter((dir) => dir !== '');
  return dirs.map(baselinePair);
}

function baselinePair(dir: string): Pair & { name: string } {
  const full = resolve(dir);
  if (!existsSync(join(full, 'main.js'))) throw new Error(`BENCH_BASELINE: no main.js in ${full}`);
  // As in this repository: without it node reads each bundle as CommonJS, fails, and reads it
  // again as a module, which would be measured too.
  if (!declaresModules(full)) {
    throw new Error(
      `BENCH_BASELINE: no package.json with "type": "module" governs ${full} (a git worktree of the repository has one)`,
    );
  }
  return {
    main: join(full, 'main.js'),
    post: join(full, 'post.js'),
    name: dir,
  };
}

/** Whether the package.json nearest to dir, as node looks for it, says `"type": "module"`. */
function declaresModules(dir: string): boolean {
  for (let at = dir; ; at = dirname(at)) {
    const file = join(at, 'package.json');
    if (existsSync(file)) {
      return (JSON.parse(readFileSync(file, 'utf8')) as { type?: unknown }).type === 'module';
    }
    if (dirname(at) === at) return false;
  }
}

/** The rig's world for a benchmark, and what every launch in it needs in its environment. */
export interface BenchWorld {
  world: World;
  protocol: 'https' | 'http';
  env: Record<string, string>;
  stop: () => Promise<void>;
}

/**
 * The OIDC service and a registry, on loopback. Both speak HTTPS, as GitHub's ID token
 * endpoint and crates.io do, with a certificate from a throwaway CA that the action and the
 * floor trust through NODE_EXTRA_CA_CERTS: TLS handshakes and node's tls and https modules are
 * then part of both runs, as on a runner. `BENCH_PROTOCOL=http` leaves TLS out.
 */
export async function startBenchWorld(): Promise<BenchWorld> {
  const protocol = process.env.BENCH_PROTOCOL === 'http' ? 'http' : 'https';
  if (protocol === 'http') {
    const world = await World.start();
    return { world, protocol, env: {}, stop: () => world.stop() };
  }
  if (opensslVersion() === undefined) {
    throw new Error('the benchmark over HTTPS needs openssl; BENCH_PROTOCOL=http runs without');
  }
  const pki = makePki('127.0.0.1');
  const tls = { key: pki.key, cert: pki.cert };
  const world = await World.start({ tls }, tls);
  return {
    world,
    protocol,
    env: { NODE_EXTRA_CA_CERTS: pki.caFile },
    stop: async () => {
      await world.stop();
      removeTreeSync(pki.dir);
    },
  };
}

export interface LaunchOptions {
  /** Measure max RSS with GNU time. */
  measureRss?: boolean;
  /** Extra node options, before the script (--cpu-prof and the like). */
  nodeArgs?: string[];
  /** Extra environment for both phases. */
  env?: Record<string, string>;
  /** A command that runs node (valgrind and its options, say), with the phase's name. */
  wrap?: (phase: 'main' | 'post') => string[];
}

/** Launches one phase as the runner does and measures it: wall time, and max RSS when asked. */
async function launch(
  phase: 'main' | 'post',
  script: string,
  env: Record<string, string>,
  { measureRss = false, nodeArgs = [], wrap }: LaunchOptions,
): Promise<Sample> {
  const rssFile = join(env.RUNNER_TEMP ?? tmpdir(), 'rss');
  const node = [...(wrap?.(phase) ?? []), NODE24, ...nodeArgs, script];
  const [command = NODE24, ...args] = measureRss
    ? // portable: only where the GNU_TIME probe found GNU time.
      ['/usr/bin/time', '-f', '%M', '-o', rssFile, ...node]
    : node;
  const started = process.hrtime.bigint();
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(command, args, {
      env,
      cwd: env.RUNNER_TEMP,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('error', reject);
    child.on('close', resolve);
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (code !== 0) throw new Error(`${script} exited with ${code ?? 'a signal'}`);
  const rssKiB = measureRss
    ? Number((await readFile(rssFile, 'utf8')).trim().split('\n').pop())
    : undefined;
  return { ms, rssKiB };
}

/** main then post, with main's state handed to post, in a fresh runner directory. */
export async function job(
  world: World,
  pair: Pair,
  options: LaunchOptions = {},
): Promise<{ main: Sample; post: Sample }> {
  const dir = await mkdtemp(join(tmpdir(), 'auth-action-bench-'));
  try {
    const files = {
      GITHUB_OUTPUT: join(dir, 'output'),
      GITHUB_STATE: join(dir, 'state'),
      GITHUB_ENV: join(dir, 'env'),
      GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    };
    for (const file of Object.values(files)) await writeFile(file, '');
    const base = {
      PATH: process.env.PATH ?? '',
      HOME: dir,
      RUNNER_TEMP: dir,
      GITHUB_WORKSPACE: dir,
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: 'push',
      ...files,
      ...(await inputEnv({ url: world.registry.url })),
      ACTIONS_ID_TOKEN_REQUEST_URL: world.oidc.requestUrl,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: world.oidc.requestToken,
      ...options.env,
    };
    const main = await launch('main', pair.main, base, options);
    const state = parseFileCommands(await readFile(files.GITHUB_STATE, 'utf8'));
    const stateEnv = Object.fromEntries(Object.entries(state).map(([k, v]) => [`STATE_${k}`, v]));
    const post = await launch('post', pair.post, { ...base, ...stateEnv }, options);
    return { main, post };
  } finally {
    await removeTree(dir);
  }
}
