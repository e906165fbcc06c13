/*
 * The token record (tokens.jsonl in the provider's folder under RUNNER_TEMP) as a later step of
 * the job may leave it: replaced by a FIFO, a symbolic link or a huge file, or gone. Post still
 * revokes main's token at once and says what it could not do; the provider refuses to mint.
 */
import { testExceptOn } from '../skip.js';
import { execFileSync } from 'node:child_process';
import {
  mkdir,
  readdir,
  readFile,
  rename,
  rm,
  symlink,
  truncate,
  writeFile,
} from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Job, type StepResult } from '../../rig/runner.js';
import { World } from '../../rig/world.js';
import { fingerprint } from '../../src/provider/token-record.js';

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

test('a record padded with 2 MiB of NULs is read through: the junk is counted, main’s token revoked', async () => {
  const { main, post } = await jobWithRecord(async (record) => {
    // Sparse: 2 MiB of NULs on paper, nothing on disk, after main's line.
    await truncate(record, 2 * 1024 ** 2);
  });

  expect(post.exitCode).toBe(0);
  expect(world.registry.isRevoked(main.outputs.token ?? '')).toBe(true);
  expect(post.annotations.map((a) => a.message)).toEqual([
    "1 line(s) of the credential provider's token record could not be read; any token they held was not revoked and expires on its own 30 minutes after it was issued.",
  ]);
});

posix('the provider refuses a FIFO record at once, and mints nothing', async () => {
  let asked: Awaited<ReturnType<typeof askProvider>> | undefined;
  await world.runJob({
    with: provider,
    killAfterMs: KILL_AFTER_MS,
    between: async (main, job) => {
      const record = await recordPath(job);
      await rm(record);
      execFileSync('mkfifo', [record]);
      asked = await askProvider(job, main);
    },
  });

  expect(asked?.step.exitCode).toBe(0);
  expect(asked?.reply).toEqual({
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
      "The credential provider's token record is gone: a step of the job deleted it. Any token the provider minted for cargo was not revoked, and may be alive until it expires, 30 minutes after it was issued.",
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

/** A `run:` step where cargo asks the provider for a token to publish. */
async function askProvider(job: Job, main: StepResult) {
  const step = await world.runCommand(
    job,
    main.exported.CARGO_REGISTRIES_LOCAL_CREDENTIAL_PROVIDER ?? '',
    ['--cargo-plugin'],
    {
      input: `${JSON.stringify(publishRequest())}\n`,
      stdoutToCaller: true,
      killAfterMs: KILL_AFTER_MS,
    },
  );
  const reply = JSON.parse(step.stdout.trim().split('\n')[1] ?? 'null') as {
    Ok?: { token: string };
  } | null;
  return { step, reply, token: reply?.Ok?.token ?? '' };
}

/** main's line as it reads 20 minutes later: the provider mints rather than hand it out. */
async function ageMainToken(record: string): Promise<void> {
  const [first = ''] = (await readFile(record, 'utf8')).split('\n');
  await writeFile(record, `${JSON.stringify({ ...(JSON.parse(first) as object), mintedAt: 0 })}\n`);
}

describe.each([
  [
    'deleted',
    (record: string) => rm(record),
    "auth-action: the credential provider's token record is gone (a step of the job deleted it): the 1 token minted for cargo before it will not be revoked when the job ends, and it may be alive until it expires, 30 minutes after it was issued. The provider goes on, recording each token it mints from now on.",
  ],
  [
    'emptied',
    (record: string) => truncate(record, 0),
    "auth-action: 1 token minted for cargo earlier in this job is no longer in the credential provider's record (a step of the job deleted, emptied or rewrote it): post will not find it to revoke, and it may be alive until it expires, 30 minutes after it was issued. The provider goes on, recording each token it mints from now on.",
  ],
])('the record %s between two of the provider’s mints', (_how, tamper, providerSays) => {
  test('the provider says so and goes on; post warns that the lost token may be alive', async () => {
    const asked: { step: StepResult; token: string }[] = [];
    const { main, post } = await world.runJob({
      with: provider,
      killAfterMs: KILL_AFTER_MS,
      between: async (step, job) => {
        const record = await recordPath(job);
        await ageMainToken(record);
        asked.push(await askProvider(job, step));
        await tamper(record);
        // The first token is young, but gone from the record: the provider mints again.
        asked.push(await askProvider(job, step));
      },
    });

    const [first, second] = asked;
    expect(first?.token).not.toBe('');
    expect(second?.token).not.toBe('');
    expect(second?.token).not.toBe(first?.token);
    expect(first?.step.annotations).toEqual([]);
    expect(second?.step.annotations).toEqual([{ level: 'warning', message: providerSays }]);
    expect(post.exitCode).toBe(0);
    expect(post.annotations.map((a) => a.message)).toEqual([
      '1 token the credential provider minted for cargo is no longer in its record: a step of the job deleted, emptied or rewrote it after it was written. It was not revoked, and may be alive until it expires, 30 minutes after it was issued.',
    ]);
    expect(post.log).toContain(
      `Revoked 2 of the 3 publish tokens this job minted at ${world.registry.url} (for this step and for cargo).`,
    );
    expect(world.registry.isRevoked(main.outputs.token ?? '')).toBe(true);
    expect(world.registry.isRevoked(second?.token ?? '')).toBe(true);
    // What the warning says: the lost token is alive.
    expect(world.registry.isAlive(first?.token ?? '')).toBe(true);
  });
});

describe('a step puts something else in place of the provider’s folder', () => {
  /**
   * main with the provider; then the folder is moved away and `replace` puts something at its
   * path that holds a record of another job's live token; then post.
   */
  async function jobWithFolder(replace: (folder: string, elsewhere: string) => Promise<void>) {
    const other = await world.runMain({ with: { revoke: 'false' } });
    const foreign = other.outputs.token ?? '';
    const job = await Job.start();
    try {
      const main = await job.runAction('main', world.step({ with: provider }));
      const [name = ''] = await readdir(job.runnerTemp);
      const folder = join(job.runnerTemp, name);
      const elsewhere = join(job.runnerTemp, 'elsewhere');
      await mkdir(elsewhere);
      await writeFile(
        join(elsewhere, 'tokens.jsonl'),
        `${JSON.stringify({ n: 1, token: foreign, mintedAt: 0 })}\n`,
      );
      await writeFile(join(elsewhere, 'minted'), `1 ${fingerprint(foreign)}\n`);
      await rename(folder, `${folder}.moved`);
      await replace(folder, elsewhere);
      const post = await job.runAction('post', {
        ...world.step({ with: provider }),
        stateIn: main.state,
      });
      world.steps.push(main, post);
      // Nothing was removed: neither what is at the folder's path nor what it leads to.
      const left = {
        atPath: (await readdir(folder)).sort(),
        elsewhere: (await readdir(elsewhere)).sort(),
      };
      return { main, post, foreign, folder, left };
    } finally {
      await job.end();
    }
  }

  test.each([
    [
      'a link to another folder',
      (folder: string, elsewhere: string) =>
        // A junction on Windows, which needs no privilege.
        symlink(elsewhere, folder, process.platform === 'win32' ? 'junction' : 'dir'),
      /it is (a symbolic link|another folder put in its place)/,
    ],
    [
      'another folder of the same name',
      async (folder: string, elsewhere: string) => {
        await mkdir(folder);
        for (const file of ['tokens.jsonl', 'minted']) {
          await writeFile(join(folder, file), await readFile(join(elsewhere, file)));
        }
      },
      /it is another folder put in its place/,
    ],
  ])(
    '%s: a warning, main’s token revoked, no foreign token, nothing removed',
    async (_n, replace, problem) => {
      const { main, post, foreign, folder, left } = await jobWithFolder(replace);

      expect(post.exitCode).toBe(0);
      expect(world.registry.isRevoked(main.outputs.token ?? '')).toBe(true);
      expect(world.registry.isAlive(foreign)).toBe(true);
      expect(world.count('revoke')).toBe(1);
      const [warning = ''] = post.annotations.map((a) => a.message);
      expect(post.annotations).toHaveLength(1);
      expect(warning).toContain(
        `The credential provider's folder that the main step left in its state (\`${folder}\`) is not the one it made: `,
      );
      expect(warning).toMatch(problem);
      expect(warning).toContain(
        '. Nothing in it was read, revoked or removed: the tokens the provider minted for cargo were not revoked, and they expire on their own 30 minutes after they were issued.',
      );
      expect(post.log).toContain(`Revoked the publish token at ${world.registry.url}.`);
      expect(left).toEqual({
        atPath: ['minted', 'tokens.jsonl'],
        elsewhere: ['minted', 'tokens.jsonl'],
      });
    },
  );
});

test('the count deleted: the provider and post say the record can no longer be checked, and every recorded token is revoked', async () => {
  let asked: { step: StepResult; token: string } | undefined;
  const { main, post } = await world.runJob({
    with: provider,
    killAfterMs: KILL_AFTER_MS,
    between: async (step, job) => {
      const record = await recordPath(job);
      await ageMainToken(record);
      await rm(join(dirname(record), 'minted'));
      asked = await askProvider(job, step);
    },
  });

  expect(asked?.token).not.toBe('');
  expect(asked?.step.annotations.map((a) => a.message)).toEqual([
    "auth-action: the credential provider's count of the tokens it minted (`minted`, beside its record) cannot be relied on: it is gone. A step of the job changed it, so tokens removed from the record can no longer be seen missing; post will warn too. The provider goes on.",
  ]);
  expect(post.annotations.map((a) => a.message)).toEqual([
    "The credential provider's count of the tokens it minted (`minted`, beside its record) cannot be relied on: it holds lines the provider did not write. So post cannot tell whether a step of the job removed tokens from the record: any it removed were not revoked, and may be alive until they expire, 30 minutes after they were issued.",
  ]);
  expect(world.registry.isRevoked(main.outputs.token ?? '')).toBe(true);
  expect(world.registry.isRevoked(asked?.token ?? '')).toBe(true);
});
