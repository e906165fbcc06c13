// The self-test workflow (.github/workflows/self-test.yml), step by step on this machine: the
// rig's OIDC service stands in for GitHub's (its configuration given to the registry the way
// GitHub's is found), so what only GitHub's runner can prove is the real token, not the steps.
import { join } from 'node:path';
import { cargoVersion } from '../../rig/cargo.js';
import { NODE24 } from '../../rig/node24.js';
import { OidcService } from '../../rig/oidc-service.js';
import { rustupHome } from '../../rig/platform.js';
import { Job, leaks, ROOT, type StepResult } from '../../rig/runner.js';
import { TIME_SCALE } from '../../rig/world.js';
import { testWithTool } from '../skip.js';

const withCargo = testWithTool('cargo', cargoVersion() !== undefined, 'the self-test rehearsal');

let oidc: OidcService;
let job: Job;
const steps: StepResult[] = [];
beforeEach(async () => {
  oidc = await new OidcService().start();
  oidc.run = { ...oidc.run, workflowFile: 'self-test.yml', ref: 'refs/heads/main' };
  job = await Job.start();
  steps.length = 0;
});
afterEach(async () => {
  // The registry runs on after check, for the post step, until stopped.
  expect((await selfTest('stop')).exitCode).toBe(0);
  await oidc.stop();
  await job.end();
  expect(leaks(steps, [...oidc.minted, oidc.requestToken])).toEqual([]);
});

/** What the runner sets in every step of the self-test job. */
const runnerEnv = () => ({
  GITHUB_REPOSITORY: oidc.run.repository,
  GITHUB_REPOSITORY_OWNER_ID: oidc.run.repositoryOwnerId,
  GITHUB_WORKFLOW_REF: `${oidc.run.repository}/.github/workflows/self-test.yml@refs/heads/main`,
  GITHUB_EVENT_NAME: oidc.run.eventName,
  GITHUB_RUN_ID: oidc.run.runId,
  GITHUB_SHA: oidc.run.sha,
  AUTH_ACTION_SELF_TEST_DISCOVERY: `${oidc.origin}/.well-known/openid-configuration`,
});

async function selfTest(command: 'start' | 'check' | 'stop'): Promise<StepResult> {
  const step = await job.runCommand(
    NODE24,
    ['--import', 'tsx', join(ROOT, 'rig', 'self-test.ts'), command],
    { cwd: ROOT, env: runnerEnv() },
  );
  steps.push(step);
  return step;
}

withCargo(
  'start, the action with its provider, cargo publish, check: one exchange, one live upload',
  async () => {
    const start = await selfTest('start');
    expect(start.exitCode).toBe(0);
    const url = start.outputs.url ?? '';
    expect(job.env.CARGO_REGISTRIES_SELF_TEST_INDEX).toBe(`sparse+${url}/index/`);

    const env = {
      ...runnerEnv(),
      ACTIONS_ID_TOKEN_REQUEST_URL: oidc.requestUrl,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: oidc.requestToken,
      AUTH_ACTION_TIME_SCALE: TIME_SCALE,
    };
    const main = await job.runAction('main', {
      with: { url, 'credential-provider': 'true', 'registry-name': 'self-test' },
      env,
      knownSecrets: [oidc.requestToken],
    });
    steps.push(main);
    expect(main.exitCode).toBe(0);

    const publish = await job.runCommand(
      'cargo',
      ['publish', '--registry', 'self-test', '--no-verify', '--allow-dirty'],
      {
        cwd: start.outputs['crate-dir'] ?? '',
        env: {
          CARGO_HOME: join(job.runnerTemp, 'cargo-home'),
          CARGO_TARGET_DIR: join(job.runnerTemp, 'target'),
          RUSTUP_HOME: rustupHome(process.platform, process.env),
          CARGO_TERM_COLOR: 'never',
        },
        killAfterMs: 110_000,
      },
    );
    steps.push(publish);
    expect([publish.exitCode, publish.log.join('\n')]).toEqual([0, expect.any(String)]);

    const check = await selfTest('check');
    expect(check.log).toContain('Self-test passed.');
    expect(check.log).toContain(
      `  workflow_ref: "${oidc.run.repository}/.github/workflows/self-test.yml@refs/heads/main"`,
    );
    expect(check.exitCode).toBe(0);

    const post = await job.runAction('post', { env, stateIn: main.state });
    steps.push(post);
    expect(post.exitCode).toBe(0);
    expect(post.annotations).toEqual([]);
    // A line of its own, after the one that says the rig's time scale is in effect.
    expect(post.log.join('\n')).toMatch(/^Revoked/m);
  },
);

test('check fails, saying what is missing, when the registry saw no exchange and no upload', async () => {
  expect((await selfTest('start')).exitCode).toBe(0);
  const check = await selfTest('check');

  expect(check.exitCode).toBe(1);
  expect(check.log).toContain('FAILED: expected one token exchange, got 0 requests and 0 tokens');
  expect(check.log).toContain(
    'FAILED: claim iss: expected "https://token.actions.githubusercontent.com", got no such claim',
  );
});
