/*
 * A registry (hostile, or a proxy page) that answers the exchange with a token a shell would
 * run: `${{ steps.auth.outputs.token }}` pasted into a `run:` line executes what it holds.
 * Only the characters registry tokens are made of are accepted; anything else is a malformed
 * answer, masked all the same, in main and in the provider alike.
 */
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { StepResult } from '../../rig/runner.js';
import { theError } from '../expect-step.js';
import { World } from '../../rig/world.js';

let world: World;
beforeEach(async () => {
  world = await World.start();
});
afterEach(() => world.stopAndCheckLeaks());

const answer = (token: string) => ({
  status: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ token }),
});

const PROBLEM =
  'its `token` holds a character other than ASCII letters, digits, `-`, `_` and `.`, which no registry token is made of';

test.each([
  'cio_tp_x;$(touch${IFS}pwned)#',
  // Long enough to be a token: each is masked all the same.
  'cio_tp_0000000abc`id`',
  "cio_tp_0000000'quoted'",
  'cio_tp_000000000a"b',
  'cio_tp_000000000a|b',
  'cio_tp_000000000a&&b',
  'cio_tp_000000000a>b',
  'cio_tp_000000000é',
])('main refuses the token %j as a malformed answer, and masks it', async (token) => {
  world.registry.faults.add('exchange', answer(token));

  const main = await world.runMain();

  expect(main.exitCode).toBe(1);
  expect(main.outputs).toEqual({});
  expect(main.state).toEqual({});
  expect(theError(main)).toBe(
    `Exchanging the OIDC ID token for a publish token at ${world.registry.url} failed: the answer (HTTP 200) is malformed: ${PROBLEM}. Check that \`url\` points at a cargo registry that supports trusted publishing as crates.io does.`,
  );
  expect(main.masks).toContain(token);
});

test('tokens of letters, digits, `-`, `_` and `.` pass as before', async () => {
  world.registry.faults.add('exchange', answer('abc-DEF_123.xyz_0'));

  const main = await world.runMain();

  expect(main.exitCode).toBe(0);
  expect(main.outputs.token).toBe('abc-DEF_123.xyz_0');
});

test('a 7-character token is refused as a malformed answer, never masked nor printed', async () => {
  world.registry.faults.add('exchange', answer('cio1234'));

  const { main, post } = await world.runJob();

  expect(main.exitCode).toBe(1);
  expect(main.outputs).toEqual({});
  expect(main.state).toEqual({});
  expect(theError(main)).toBe(
    `Exchanging the OIDC ID token for a publish token at ${world.registry.url} failed: the answer (HTTP 200) is malformed: its \`token\` is 7 characters long, shorter than any registry token (16 at the least). Check that \`url\` points at a cargo registry that supports trusted publishing as crates.io does.`,
  );
  // Masking it would hide `cio1234` in every later line of the job.
  expect(main.masks).not.toContain('cio1234');
  for (const step of [main, post]) expect(step.rawLog.join('\n')).not.toContain('cio1234');
  expect(post.log).toEqual(['No token to revoke: the main step did not get one.']);
  expect(world.count('revoke')).toBe(0);
});

test('the provider refuses such a token too, and cargo gets the reason', async () => {
  let asked: StepResult | undefined;
  await world.runJob({
    with: { 'credential-provider': 'true', 'registry-name': 'local' },
    between: async (main, job) => {
      // main's token is young and would be handed out: emptied, the record makes it mint.
      const [folder = ''] = await readdir(job.runnerTemp);
      await writeFile(join(job.runnerTemp, folder, 'tokens.jsonl'), '');
      world.registry.faults.add('exchange', answer('cio_tp_x;$(touch${IFS}pwned)#'));
      asked = await world.runCommand(
        job,
        main.exported.CARGO_REGISTRIES_LOCAL_CREDENTIAL_PROVIDER ?? '',
        ['--cargo-plugin'],
        {
          input: `${JSON.stringify({
            v: 1,
            registry: { 'index-url': `sparse+${world.registry.url}/index/`, name: 'local' },
            kind: 'get',
            operation: 'publish',
            name: 'hello-tp',
            vers: '0.2.0',
          })}\n`,
          stdoutToCaller: true,
        },
      );
    },
  });

  const reply = JSON.parse(asked?.stdout.trim().split('\n')[1] ?? 'null') as {
    Err?: { kind: string; message: string };
  };
  expect(reply.Err?.kind).toBe('other');
  expect(reply.Err?.message).toContain(PROBLEM);
  expect(asked?.stdout).not.toContain('touch');
});
