// The self-test on GitHub's own runners (.github/workflows/self-test.yml): the rig's registry,
// started on the runner, trusts GitHub's real issuer and this repository's workflow; the action
// (`uses: ./`) gets a real ID token and sets up its credential provider; a real `cargo publish`
// goes through it; then this script checks what the registry saw.
//
//   tsx rig/self-test.ts start   the registry in the background; its URL as the step's `url`
//                                output, the crate's folder as `crate-dir`, cargo's index
//                                variable for later steps
//   tsx rig/self-test.ts check   one exchange, with the claims GitHub sends for this run, and
//                                one upload with a live token. The registry runs on for the
//                                action's post step, which revokes there; the runner ends it
//                                with the job
//   tsx rig/self-test.ts stop    ends it (the tests do; a job need not)
//
// `serve` is the background process `start` leaves running. AUTH_ACTION_SELF_TEST_DISCOVERY
// points it at another issuer's configuration: the rig's own, in __tests__/e2e/self-test.test.ts.
import { spawn } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { close, listen, sendJson } from './http-util.js';
import { discoveryUrl } from './issuer-keys.js';
import { GITHUB_ISSUER } from './jwt.js';
import { Registry } from './registry.js';

export const SELF_TEST_CRATE = 'auth-action-self-test';
/** The version the registry has already: trusted publishing only adds versions. */
const EXISTING = '0.1.0';
export const PUBLISHED = '0.2.0';
/** cargo's name for the registry, as the workflow's `registry-name` and `--registry` say it. */
export const REGISTRY_NAME = 'self-test';

type Env = Record<string, string | undefined>;

/** What the registry saw, without a token: the claims are the run's, and not secret. */
export interface Report {
  audience: string;
  requests: Record<'exchange' | 'publish' | 'revoke', number>;
  exchanged: Record<string, unknown>[];
  issued: number;
  uploads: { crate: string; version: string; live: boolean; status: number; issuedHere: boolean }[];
}

const need = (env: Env, name: string): string => {
  const value = env[name];
  if (value === undefined || value === '')
    throw new Error(`${name} is not set: run this in a GitHub Actions job`);
  return value;
};

/** The workflow's file name, from GITHUB_WORKFLOW_REF (`owner/repo/.github/workflows/x.yml@ref`). */
export function workflowFilename(workflowRef: string): string {
  const file = /\/\.github\/workflows\/([^/@]+\.ya?ml)@/.exec(workflowRef)?.[1];
  if (file === undefined)
    throw new Error(`GITHUB_WORKFLOW_REF (${workflowRef}) names no workflow file`);
  return file;
}

/** The trusted publisher config for this repository and this workflow, from the runner's variables. */
export function publisherFor(env: Env) {
  const [owner = '', name = ''] = need(env, 'GITHUB_REPOSITORY').split('/');
  return {
    crate: SELF_TEST_CRATE,
    repositoryOwner: owner,
    repositoryName: name,
    repositoryOwnerId: need(env, 'GITHUB_REPOSITORY_OWNER_ID'),
    workflowFilename: workflowFilename(need(env, 'GITHUB_WORKFLOW_REF')),
  };
}

/** Everything wrong with what the registry saw, for this run; empty when the self-test passed. */
export function selfTestProblems(report: Report, env: Env): string[] {
  const problems: string[] = [];
  if (report.requests.exchange !== 1 || report.exchanged.length !== 1) {
    problems.push(
      `expected one token exchange, got ${report.requests.exchange} requests and ${report.exchanged.length} tokens`,
    );
  }
  const claims = report.exchanged[0] ?? {};
  const expected: Record<string, string> = {
    iss: GITHUB_ISSUER,
    aud: report.audience,
    repository: need(env, 'GITHUB_REPOSITORY'),
    repository_owner_id: need(env, 'GITHUB_REPOSITORY_OWNER_ID'),
    workflow_ref: need(env, 'GITHUB_WORKFLOW_REF'),
    event_name: need(env, 'GITHUB_EVENT_NAME'),
    run_id: need(env, 'GITHUB_RUN_ID'),
    sha: need(env, 'GITHUB_SHA'),
  };
  for (const [name, value] of Object.entries(expected)) {
    if (claims[name] !== value) {
      problems.push(
        `claim ${name}: expected ${JSON.stringify(value)}, got ${name in claims ? JSON.stringify(claims[name]) : 'no such claim'}`,
      );
    }
  }
  const wanted = {
    crate: SELF_TEST_CRATE,
    version: PUBLISHED,
    live: true,
    status: 200,
    issuedHere: true,
  };
  if (report.uploads.length !== 1 || JSON.stringify(report.uploads[0]) !== JSON.stringify(wanted)) {
    problems.push(
      `expected one upload ${JSON.stringify(wanted)}, got ${JSON.stringify(report.uploads)}`,
    );
  }
  return problems;
}

/** The registry's state as the report gives it. */
function reportOf(registry: Registry): Report {
  const count = (endpoint: string) =>
    registry.requests.filter((r) => r.endpoint === endpoint).length;
  return {
    audience: registry.audience,
    requests: { exchange: count('exchange'), publish: count('publish'), revoke: count('revoke') },
    exchanged: registry.exchanged,
    issued: registry.issued.size,
    uploads: registry.uploads.map((u) => ({
      crate: u.crate,
      version: u.version,
      live: u.live,
      status: u.status,
      issuedHere: registry.issued.has(u.token),
    })),
  };
}

/** The registry, and a control server beside it for `check`; both on 127.0.0.1. */
async function serve(dir: string, env: Env): Promise<void> {
  const discovery = env.AUTH_ACTION_SELF_TEST_DISCOVERY ?? discoveryUrl(GITHUB_ISSUER);
  const registry = await new Registry({ discovery: { [GITHUB_ISSUER]: discovery } }).start();
  registry.addCrate(SELF_TEST_CRATE, EXISTING).addPublisher(publisherFor(env));
  const control = createServer((req, res) => {
    if (req.url === '/report') {
      sendJson(res, 200, reportOf(registry));
    } else if (req.url === '/stop' && req.method === 'POST') {
      sendJson(res, 200, { stopping: true });
      setImmediate(() => void Promise.all([registry.stop(), close(control)]));
    } else {
      sendJson(res, 404, {});
    }
  });
  const port = await listen(control);
  const ready = { url: registry.url, control: `http://127.0.0.1:${port}`, discovery };
  writeFileSync(join(dir, 'ready.json.tmp'), JSON.stringify(ready));
  // The rename makes the file appear whole, for `start`, which waits for it.
  renameSync(join(dir, 'ready.json.tmp'), join(dir, 'ready.json'));
  console.log(`registry ${registry.url} trusts ${GITHUB_ISSUER} (keys from ${discovery})`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts `serve` in the background, waits until it listens, and tells the later steps. */
async function start(env: Env): Promise<void> {
  const dir = join(need(env, 'RUNNER_TEMP'), 'auth-action-self-test');
  mkdirSync(join(dir, 'crate', 'src'), { recursive: true });
  const log = openSync(join(dir, 'registry.log'), 'a');
  // Its output goes to a file, not to this step's pipes, so the step ends while it runs on.
  const child = spawn(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), 'serve', dir],
    {
      detached: true,
      stdio: ['ignore', log, log],
      windowsHide: true,
      env,
    },
  );
  let exited: number | null | undefined;
  child.on('exit', (code) => (exited = code));
  child.unref();
  const readyFile = join(dir, 'ready.json');
  for (let waited = 0; !existsSync(readyFile); waited += 100) {
    if (exited !== undefined || waited > 60_000) {
      throw new Error(
        `the registry did not start (exit ${exited}):\n${readFileSync(join(dir, 'registry.log'), 'utf8')}`,
      );
    }
    await sleep(100);
  }
  const { url } = JSON.parse(readFileSync(readyFile, 'utf8')) as { url: string };
  const crateDir = join(dir, 'crate');
  writeFileSync(
    join(crateDir, 'Cargo.toml'),
    `[package]\nname = "${SELF_TEST_CRATE}"\nversion = "${PUBLISHED}"\nedition = "2021"\n` +
      `description = "auth-action's self-test: published through trusted publishing on GitHub's runner"\n` +
      `license = "MIT OR Apache-2.0"\npublish = ["${REGISTRY_NAME}"]\n`,
  );
  writeFileSync(join(crateDir, 'src', 'lib.rs'), 'pub fn hello() {}\n');
  appendFileSync(need(env, 'GITHUB_OUTPUT'), `url=${url}\ncrate-dir=${crateDir}\n`);
  appendFileSync(
    need(env, 'GITHUB_ENV'),
    `CARGO_REGISTRIES_SELF_TEST_INDEX=sparse+${url}/index/\n`,
  );
  console.log(
    `The registry listens at ${url}, trusting ${GITHUB_ISSUER} for ${env.GITHUB_REPOSITORY}.`,
  );
}

/** Ends the registry `start` left running. */
async function stop(env: Env): Promise<void> {
  const dir = join(need(env, 'RUNNER_TEMP'), 'auth-action-self-test');
  const { control } = JSON.parse(readFileSync(join(dir, 'ready.json'), 'utf8')) as {
    control: string;
  };
  await fetch(`${control}/stop`, { method: 'POST', signal: AbortSignal.timeout(10_000) });
}

/** Asks the registry what it saw, says it, and fails the step if it is not what this run sends. */
async function check(env: Env): Promise<number> {
  const dir = join(need(env, 'RUNNER_TEMP'), 'auth-action-self-test');
  const { control } = JSON.parse(readFileSync(join(dir, 'ready.json'), 'utf8')) as {
    control: string;
  };
  const signal = AbortSignal.timeout(10_000);
  const report = (await (await fetch(`${control}/report`, { signal })).json()) as Report;
  const problems = selfTestProblems(report, env);
  const lines = [
    `The registry saw ${report.requests.exchange} exchange, ${report.requests.publish} upload and ${report.requests.revoke} revoke requests.`,
    'The claims of the ID token GitHub issued for this run:',
    ...Object.entries(report.exchanged[0] ?? {}).map(
      ([name, value]) => `  ${name}: ${JSON.stringify(value)}`,
    ),
    `Uploads: ${JSON.stringify(report.uploads)}`,
    ...(problems.length === 0 ? ['Self-test passed.'] : problems.map((p) => `FAILED: ${p}`)),
  ];
  console.log(lines.join('\n'));
  if (env.GITHUB_STEP_SUMMARY) {
    appendFileSync(
      env.GITHUB_STEP_SUMMARY,
      `### Self-test\n\n\`\`\`\n${lines.join('\n')}\n\`\`\`\n`,
    );
  }
  return problems.length === 0 ? 0 : 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [command, dir] = process.argv.slice(2);
  try {
    if (command === 'start') await start(process.env);
    else if (command === 'serve' && dir !== undefined) await serve(dir, process.env);
    else if (command === 'check') process.exitCode = await check(process.env);
    else if (command === 'stop') await stop(process.env);
    else throw new Error('usage: tsx rig/self-test.ts start|check|stop');
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
