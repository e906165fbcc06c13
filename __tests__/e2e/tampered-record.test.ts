/*
 * The token record (tokens.jsonl in the provider's folder under RUNNER_TEMP) as a later step of
 * the job may leave it: replaced by a FIFO, a symbolic link or a huge file, or gone. Post still
 * revokes main's token at once and says what it could not do; the provider refuses to mint.
 */
import { testExceptOn } from '../skip.js';
import { execFileSync } from 'node:child_process';
import { readdir, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Job, type StepResult } from '../../rig/runner.js';
import { World } from '../../rig/world.js';

let world: World;
beforeEach(async () => {
  world = await World.start();
});
afterEach(() => world.stopAndCheckLeaks());

const provider = { 'credential-provider': 'true', 'registry-name': 'local' };
const posix = testExceptOn(['win32'], 'no FIFO in a folder, and symbolic links need a privilege');
/** Long enough for a post step that works at the rig's time scale; a hang is killed by it. */
const KILL_AFTER_MS = 20_000;

async function recordPath(job: Job): Promise<string> {
  const [folder = ''] = await readdir(job.runnerTemp);
  return join(job.runnerTemp, folder, 'tokens.jsonl');
}

/** main with the provider, `tamper` with the record as a later step could, then post. */
async function jobWithRecord(
  tamper: (record: string, job: Job) => Promise<void>,
): Promise<{ main: StepResult; post: StepResult }> {
  const { main, post } = await world.runJob({
    with: provider,
    killAfterMs: KILL_AFTER_MS,
    between: async (_main, job) => {
      await tamper(await recordPath(job), job);
    },
  });
  return { main, post };
}

posix(
  'a FIFO in place of the record: post does not hang, revokes main’s token, warns',
  async () => {
    const { main, post } = await jobWithRecord(async (record) => {
      await rm(record);
      execFileSync('mkfifo', [record]);
    });

    expect(main.exitCode).toBe(0);
    expect(post.exitCode).toBe(0);
    expect(world.registry.isRevoked(main.outputs.token ?? '')).toBe(true);
    expect(post.annotations).toEqual([
      {
        level: 'warning',
        message:
          "The credential provider's token record was not read (it is not a regular file): the tokens it minted for cargo were not revoked and expire on their own 30 minutes after they were issued.",
      },
    ]);
  },
);

posix('a symbolic link in place of the record is not followed', async () => {
  // A record elsewhere that holds a real token: following the link would revoke it.
  const other = await World.start();
  let elsewhereToken = '';
  try {
    const { main, post } = await jobWithRecord(async (record, job) => {
      const first = await job.runAction('main', other.step({ with: provider }));
      elsewhereToken = first.outputs.token ?? '';
      const target = join(job.runnerTemp, 'elsewhere.jsonl');
      await writeFile(target, `${JSON.stringify({ token: elsewhereToken, mintedAt: 0 })}\n`);
      await rm(record);
      await symlink(target, record);
    });

    expect(post.exitCode).toBe(0);
    expect(world.registry.isRevoked(main.outputs.token ?? '')).toBe(true);
    expect(world.count('revoke')).toBe(1);
    expect(post.annotations.map((a) => a.message)).toEqual([
      "The credential provider's token record was not read (it is a symbolic link): the tokens it minted for cargo were not revoked and expire on their own 30 minutes after they were issued.",
    ]);
  } finally {
    await other.stop();
  }
  expect(elsewhereToken).not.toBe('');
});

test('a record grown huge is not read: main’s token is revoked, and a warning says why', async () => {
  const { main, post } = await jobWithRecord(async (record) => {
    // Sparse: 2 MiB of NULs on paper, nothing on disk.
    await truncate(record, 2 * 1024 ** 2);
  });

  expect(post.exitCode).toBe(0);
  expect(world.registry.isRevoked(main.outputs.token ?? '')).toBe(true);
  expect(post.annotations.map((a) => a.message)).toEqual([
    "The credential provider's token record was not read (it is larger than 1 MiB): the tokens it minted for cargo were not revoked and expire on their own 30 minutes after they were issued.",
  ]);
});

posix('the provider refuses a FIFO record at once, and mints nothing', async () => {
  let asked: StepResult | undefined;
  await world.runJob({
    with: provider,
    killAfterMs: KILL_AFTER_MS,
    between: async (main, job) => {
      const record = await recordPath(job);
      await rm(record);
      execFileSync('mkfifo', [record]);
      asked = await world.runCommand(
        job,
        main.exported.CARGO_REGISTRIES_LOCAL_CREDENTIAL_PROVIDER ?? '',
        ['--cargo-plugin'],
        {
          input: `${JSON.stringify(publishRequest())}\n`,
          stdoutToCaller: true,
          killAfterMs: KILL_AFTER_MS,
        },
      );
    },
  });

  expect(asked?.exitCode).toBe(0);
  const answer = JSON.parse(asked?.stdout.trim().split('\n')[1] ?? 'null') as unknown;
  expect(answer).toEqual({
    Err: {
      kind: 'other',
      message: expect.stringMatching(
        /^The credential provider's token record that auth-action's main step left in RUNNER_TEMP \(`.*tokens\.jsonl`\) is invalid: it is not a regular file\./,
      ) as unknown,
    },
  });
  expect(world.registry.issued.size).toBe(1);
});

describe('post reads the record from the folder state names, whatever RUNNER_TEMP says', () => {
  /**
   * main with the provider; the provider mints a token of its own for cargo (main's is made to
   * look old in the record); then post with `postEnv`.
   */
  async function jobWithProviderToken(postEnv: Record<string, string>) {
    const job = await Job.start();
    try {
      const main = await job.runAction('main', world.step({ with: provider }));
      world.steps.push(main);
      const record = await recordPath(job);
      const token = main.outputs.token ?? '';
      await writeFile(record, `${JSON.stringify({ token, mintedAt: 0 })}\n`);
      const asked = await world.runCommand(
        job,
        main.exported.CARGO_REGISTRIES_LOCAL_CREDENTIAL_PROVIDER ?? '',
        ['--cargo-plugin'],
        { input: `${JSON.stringify(publishRequest())}\n`, stdoutToCaller: true },
      );
      const post = await job.runAction('post', {
        ...world.step({ with: provider, env: postEnv }),
        stateIn: main.state,
      });
      world.steps.push(post);
      return { main, asked, post, folder: await readdir(job.runnerTemp) };
    } finally {
      await job.end();
    }
  }

  test.each([
    ['unset', ''],
    ['changed by a step', '/tmp'],
  ])('RUNNER_TEMP %s: every recorded token is revoked, the folder is left', async (_n, temp) => {
    const { main, asked, post, folder } = await jobWithProviderToken({ RUNNER_TEMP: temp });

    expect(asked.exitCode).toBe(0);
    expect(world.registry.issued.size).toBe(2);
    expect(post.exitCode).toBe(0);
    expect(post.annotations).toEqual([]);
    for (const token of world.registry.issued.keys()) {
      expect(world.registry.isRevoked(token)).toBe(true);
    }
    expect(main.outputs.token).toBeDefined();
    // Only deleting needs the folder to sit in post's RUNNER_TEMP.
    expect(folder).toHaveLength(1);
  });

  test('a record that cannot be found: main’s token is revoked, and post says the others may be alive', async () => {
    const { main, post } = await jobWithRecord(async (record) => {
      await rm(record);
    });

    expect(post.exitCode).toBe(0);
    expect(world.registry.isRevoked(main.outputs.token ?? '')).toBe(true);
    expect(post.annotations.map((a) => a.message)).toEqual([
      "The credential provider's token record could not be found: any token the provider minted for cargo may still be alive, and expires on its own 30 minutes after it was issued.",
    ]);
  });
});

function publishRequest(): unknown {
  return {
    v: 1,
    registry: { 'index-url': `sparse+${world.registry.url}/index/`, name: 'local' },
    kind: 'get',
    operation: 'publish',
    name: 'hello-tp',
    vers: '0.2.0',
  };
}
