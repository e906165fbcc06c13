// Launching the action and the floor as the runner launches a node24 action, for the bench
// scripts: a fresh runner directory per job, main's state handed to post.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NODE24 } from '../rig/node24.js';
import { inputEnv, parseFileCommands, ROOT } from '../rig/runner.js';
import type { World } from '../rig/world.js';
import { removeTree } from '../rig/remove-tree.js';

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

export interface LaunchOptions {
  /** Measure max RSS with GNU time. */
  measureRss?: boolean;
  /** Extra node options, before the script (--cpu-prof and the like). */
  nodeArgs?: string[];
  /** Extra environment for both phases. */
  env?: Record<string, string>;
}

/** Launches one phase as the runner does and measures it: wall time, and max RSS when asked. */
async function launch(
  script: string,
  env: Record<string, string>,
  { measureRss = false, nodeArgs = [] }: LaunchOptions,
): Promise<Sample> {
  const rssFile = join(env.RUNNER_TEMP ?? tmpdir(), 'rss');
  const [command, args] = measureRss
    ? // portable: only where the GNU_TIME probe found GNU time.
      ['/usr/bin/time', ['-f', '%M', '-o', rssFile, NODE24, ...nodeArgs, script]]
    : [NODE24, [...nodeArgs, script]];
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
    const main = await launch(pair.main, base, options);
    const state = parseFileCommands(await readFile(files.GITHUB_STATE, 'utf8'));
    const stateEnv = Object.fromEntries(Object.entries(state).map(([k, v]) => [`STATE_${k}`, v]));
    const post = await launch(pair.post, { ...base, ...stateEnv }, options);
    return { main, post };
  } finally {
    await removeTree(dir);
  }
}
