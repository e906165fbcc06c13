// `npm run local-action`: the action's source, not dist/, under GitHub's local runner for
// JavaScript actions (@github/local-action), against the rig's OIDC service and registry on
// 127.0.0.1. It writes the env file local-action reads from .env.example with the rig's
// addresses, runs src/main.ts then src/post.ts (`--post`) in one local-action process, and then
// asks the registry whether a token was minted and revoked.
//
// local-action replaces @actions/core with its own, which keeps the step state in memory: main
// saves the token with core.saveState and post reads it back with core.getState in the same
// process, as the runner's STATE_ variables would carry it between two processes.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { NODE24 } from '../rig/node24.js';
import { ROOT } from '../rig/runner.js';
import { World } from '../rig/world.js';

/**
 * .env.example with the rig's values in, and the shell's for the other variables it names. A
 * shell cannot set a name with a hyphen (INPUT_CREDENTIAL-PROVIDER), so an underscore stands
 * in for it there.
 */
function envFile(template: string, rig: Record<string, string>, shell: NodeJS.ProcessEnv) {
  return template
    .split('\n')
    .map((line) => {
      const name = /^#?\s*([A-Z][A-Z0-9_-]*)=/.exec(line)?.[1];
      if (name === undefined) return line;
      const value = rig[name] ?? shell[name] ?? shell[name.replace(/-/g, '_')];
      return value === undefined ? line : `${name}=${JSON.stringify(value)}`;
    })
    .join('\n');
}

const world = await World.start();
const dir = await mkdtemp(join(tmpdir(), 'auth-action-local-'));
let ok = false;
try {
  const summaryFile = join(dir, 'summary.md');
  await writeFile(summaryFile, '');
  const env = join(dir, '.env');
  const rig = {
    INPUT_URL: world.registry.url,
    ACTIONS_ID_TOKEN_REQUEST_URL: world.oidc.requestUrl,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: world.oidc.requestToken,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: dir,
  };
  const shell = Object.fromEntries(
    Object.entries(process.env).filter(([name]) =>
      /^(INPUT_|ACTIONS_STEP_DEBUG$|AUTH_)/.test(name),
    ),
  );
  const template = await readFile(join(ROOT, '.env.example'), 'utf8');
  await writeFile(env, envFile(template, rig, shell));
  const revoke = /^INPUT_REVOKE="?(\w*)"?$/m.exec(await readFile(env, 'utf8'))?.[1] !== 'false';

  // Node 24 first on PATH: local-action runs the source with `npm exec tsx`, under the node it
  // finds there, and the runner runs the action under Node 24.
  const PATH = [dirname(NODE24), process.env.PATH ?? ''].join(delimiter);
  const localAction = join(ROOT, 'node_modules/@github/local-action/bin/local-action.js');
  const args = ['run', '.', 'src/main.ts', env, '--post', 'src/post.ts'];
  const version = spawnSync(NODE24, ['--version'], { encoding: 'utf8' }).stdout.trim();
  console.log(`local-action ${args.join(' ')}   (under Node ${version})`);
  console.log(`  registry      ${world.registry.url}\n  OIDC service  ${world.oidc.origin}\n`);
  const code = await new Promise<number | null>((resolve, reject) => {
    // Asynchronous: the rig's servers answer from this process while local-action runs.
    const child = spawn(NODE24, [localAction, ...args], {
      cwd: ROOT,
      env: { ...process.env, PATH },
      stdio: 'inherit',
    });
    child.on('error', reject);
    child.on('close', resolve);
  });

  const summary = (await readFile(summaryFile, 'utf8')).trim();
  const tokens = [...world.registry.issued.values()];
  const revoked = tokens.filter((token) => token.revoked).length;
  console.log('\nAt the rig:');
  if (summary !== '') console.log(`  step summary: ${summary}`);
  console.log(`  tokens minted by the registry: ${tokens.length}, revoked: ${revoked}`);
  ok = code === 0 && tokens.length === 1 && revoked === (revoke ? 1 : 0);
  console.log(
    ok
      ? `ok: main got a token and post ${revoke ? 'revoked it' : 'left it, as INPUT_REVOKE=false asks'}.`
      : `FAILED: expected one token minted and ${revoke ? 'revoked' : 'left unrevoked'} (local-action exit ${code ?? 'killed'}).`,
  );
} finally {
  await world.stop();
  await rm(dir, { recursive: true, force: true });
}
process.exitCode = ok ? 0 : 1;
