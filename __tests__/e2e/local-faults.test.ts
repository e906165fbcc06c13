import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { theError } from '../expect-step.js';
import { World } from '../../rig/world.js';
import type { StepResult } from '../../rig/runner.js';
import { removeTree } from '../../rig/remove-tree.js';

let world: World;
let dir: string;
beforeEach(async () => {
  world = await World.start();
  dir = await mkdtemp(join(tmpdir(), 'auth-action-local-'));
});
afterEach(async () => {
  await removeTree(dir);
  await world.stopAndCheckLeaks();
});

/** Failed at once: no retry line, and no try waited for. */
function expectNoRetry(step: StepResult): void {
  expect(step.log.filter((line) => /\(attempt \d of \d\)/.test(line))).toEqual([]);
}

describe('the runner’s OIDC variables, broken by a step before this one', () => {
  test.each([
    ['a line break', (token: string) => `${token}\nX-Injected: 1`],
    ['a space', (token: string) => `Bearer ${token}`],
    ['a control character', (token: string) => `${token}\u001b`],
  ])('a request token with %s: named, never shown, nothing sent', async (_what, broken) => {
    const token = broken(world.oidc.requestToken);

    const main = await world.runMain({ env: { ACTIONS_ID_TOKEN_REQUEST_TOKEN: token } });

    expect(main.exitCode).toBe(1);
    expect(theError(main)).toBe(
      "The runner's ACTIONS_ID_TOKEN_REQUEST_TOKEN contains a space, a line break or another character that cannot go in an HTTP header, so the step stopped before any request. The runner sets it for jobs with `permissions: id-token: write`: if a step before this one changed it (through GITHUB_ENV), remove that; otherwise re-run the job.",
    );
    expect(world.oidc.requests).toBe(0);
    expect(world.registry.requests).toEqual([]);
    expectNoRetry(main);
    // Not even the part before the break: the runner's masking is not what hides it.
    expect(main.rawLog.join('\n')).not.toContain(world.oidc.requestToken);
  });

  test.each([
    [
      'not a URL',
      'pipelines.actions.githubusercontent.com/idtoken',
      'is not a URL (it does not parse)',
    ],
    ['a line break in the scheme', 'ht\ntps://', 'is not a URL (it does not parse)'],
    // Refused before any DNS lookup: example.com is never asked for.
    [
      'plain http to the network',
      'http://example.com/idtoken?api-version=2.0',
      'is not an https URL',
    ],
  ])('a request URL that is %s: named, never shown, nothing sent', async (_what, url, problem) => {
    const main = await world.runMain({ env: { ACTIONS_ID_TOKEN_REQUEST_URL: url } });

    expect(main.exitCode).toBe(1);
    const message = theError(main);
    expect(message).toBe(
      `The runner's ACTIONS_ID_TOKEN_REQUEST_URL ${problem}, so the step stopped before any request. The runner sets it for jobs with \`permissions: id-token: write\`: if a step before this one changed it (through GITHUB_ENV), remove that; otherwise re-run the job.`,
    );
    expect(message).not.toContain('Please report it');
    expect(world.oidc.requests).toBe(0);
    expectNoRetry(main);
    expect(main.rawLog.join('\n')).not.toContain(url.split('?')[0]);
  });
});

describe('a runner file that cannot be written', () => {
  test('GITHUB_OUTPUT: main fails naming it, and post still revokes the token', async () => {
    // A directory where the output file should be: every write to it fails (EISDIR).
    const { main, post } = await world.runJob({ env: { GITHUB_OUTPUT: dir } });

    expect(main.exitCode).toBe(1);
    expect(theError(main)).toBe(
      "The runner's GITHUB_OUTPUT file could not be written or read (EISDIR). This is the runner's disk or setup, not the network: re-run the job; on a self-hosted runner, check that its work folder is writable and not full.",
    );
    expectNoRetry(main);
    // The token was minted and went to state before the output failed: post knows it.
    const token = main.state.token ?? '';
    expect(world.registry.issued.has(token)).toBe(true);
    expect(post.exitCode).toBe(0);
    expect(world.registry.isRevoked(token)).toBe(true);
    expect(world.leaks(main, post)).toEqual([]);
  });

  test('GITHUB_STATE: main fails naming it, and the token is never handed out', async () => {
    const main = await world.runMain({ env: { GITHUB_STATE: join(dir, 'missing', 'state') } });

    expect(main.exitCode).toBe(1);
    expect(theError(main)).toMatch(
      /^The runner's GITHUB_STATE file could not be written or read \(ENOENT\)\./,
    );
    expect(main.outputs).toEqual({});
    expectNoRetry(main);
  });
});

describe('a proxy variable that is not a URL', () => {
  test.each([
    ['HTTPS_PROXY', 'proxy host:3128'],
    ['https_proxy', 'proxy host:3128'],
  ])(
    '%s=%s: the exchange fails naming the variable, never its value, nothing sent',
    async (name, value) => {
      const main = await world.runMain({
        // A registry that is not on this machine, so that the proxy applies to it.
        with: { url: 'https://registry.example.test' },
        env: { [name]: value },
      });

      expect(main.exitCode).toBe(1);
      expect(theError(main)).toBe(
        'Exchanging the OIDC ID token for a publish token at https://registry.example.test failed on this machine: the proxy variable HTTPS_PROXY (or its lower-case form) is not a URL. Nothing was sent, and waiting will not fix it: check the `url` input and the proxy variables (HTTPS_PROXY, NO_PROXY).',
      );
      expect(main.rawLog.join('\n')).not.toContain('proxy host');
      expect(world.registry.requests).toEqual([]);
      expectNoRetry(main);
    },
  );
});
