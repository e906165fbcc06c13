/*
 * The token record made huge by a later step of the job: thousands of well-formed token lines
 * it appended, or megabytes of junk around the real lines. Post revokes main's token first,
 * whatever the record holds, then the provider's own tokens before anything a step added, and
 * ends within its budget; what does not fit is one warning with its count.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Job } from '../../rig/runner.js';
import { newTrustedToken } from '../../rig/trusted-token.js';
import { World } from '../../rig/world.js';
import { PROVIDER_DIR_PREFIX } from '../../src/provider/files.js';
import { REVOCATION_CONCURRENCY } from '../../src/revoke/revoke-recorded.js';
import { recordFiles, recordToken, type RecordFiles } from '../../src/provider/token-record.js';

let world: World;
beforeEach(async () => {
  world = await World.start();
});
afterEach(() => world.stopAndCheckLeaks());

const provider = { 'credential-provider': 'true', 'registry-name': 'local' };

async function filesOf(job: Job): Promise<RecordFiles> {
  const [dir = ''] = (await readdir(job.runnerTemp)).filter((name) =>
    name.startsWith(PROVIDER_DIR_PREFIX),
  );
  return recordFiles(join(job.runnerTemp, dir));
}

/** A token the provider would have minted for cargo: one of another job, recorded as number 2. */
async function cargoToken(): Promise<string> {
  const other = await world.runMain({ with: { revoke: 'false' } });
  return other.outputs.token ?? '';
}

/** The revocations the registry saw: when the first arrived, when the last ended, whose first. */
function revocations(): { first: number; lastEnd: number; firstToken: string; count: number } {
  const revokes = world.registry.requests.filter((r) => r.endpoint === 'revoke');
  const first = revokes[0];
  return {
    first: first?.at ?? 0,
    lastEnd: Math.max(...revokes.map((r) => r.endedAt ?? Infinity)),
    firstToken: (first?.headers.authorization ?? '').replace(/^Bearer /, ''),
    count: revokes.length,
  };
}

test('9,000 lines a step appended, at the least time scale: main’s token first, post within its budget', async () => {
  const forCargo = await cargoToken();
  // At 0.005 post has its floor of 3 s: not enough to revoke 9,000 tokens 8 at a time on
  // loopback; the rest is one warning with its count.
  const tiny = { AUTH_ACTION_TIME_SCALE: '0.005' };
  const { main, post } = await world.runJob({
    with: provider,
    env: tiny,
    between: async (_main, job) => {
      const files = await filesOf(job);
      // A step floods the record (its lines copy the provider's numbers); the provider then
      // records a token for cargo after them.
      const flood = Array.from({ length: 9_000 }, (_, i) =>
        JSON.stringify({ n: (i % 50) + 1, token: newTrustedToken(), mintedAt: Date.now() }),
      );
      await writeFile(files.record, `${flood.join('\n')}\n`, { flag: 'a' });
      recordToken(files, 2, { token: forCargo, mintedAt: Date.now() });
    },
  });

  const mainToken = main.outputs.token ?? '';
  expect(post.exitCode).toBe(0);
  expect(world.registry.isRevoked(mainToken)).toBe(true);
  // The provider's own token, though after the flood, went ahead of the flood's lines still
  // waiting once the record was read.
  expect(world.registry.isRevoked(forCargo)).toBe(true);
  const seen = revocations();
  expect(seen.firstToken).toBe(mainToken);
  // Every revocation ended within post's 3 s (and a little for the close to arrive here).
  expect(seen.lastEnd - seen.first).toBeLessThanOrEqual(3_000 + 250);
  // A handful of warnings, not one per line.
  const warnings = post.annotations.map((a) => a.message);
  expect(warnings.length).toBeLessThanOrEqual(3);
  expect(warnings).toContainEqual(
    expect.stringMatching(
      /^The credential provider's token record held 9000 tokens it did not write there \(a step of the job added them\): post tried them after the job's own, and revoked \d+\.$/,
    ),
  );
  // The registry saw every revocation post tried, less those still on their way when the budget
  // ran out (cut off before the registry read them): at most as many as post sends at a time.
  const notSeen = 9_000 - (seen.count - 2);
  if (notSeen > 0) {
    const ranOut = warnings
      .map((w) =>
        /^Post's 3 s budget ran out before it could try (\d+) tokens of the credential provider's record: a step of the job made the record this long \(the provider writes a line per token it mints and per upload\)\. Those tokens were not revoked, and they expire on their own 30 minutes after they were issued\.$/.exec(
          w,
        ),
      )
      .find((m) => m !== null);
    const untried = Number(ranOut?.[1]);
    expect(untried).toBeLessThanOrEqual(notSeen);
    expect(untried).toBeGreaterThanOrEqual(notSeen - REVOCATION_CONCURRENCY);
  }
  expect(post.log).toContain(
    `Revoked 2 of the 2 publish tokens this job minted at ${world.registry.url} (for this step and for cargo).`,
  );
  // The runner masks the job's own tokens; a flood does not fill the log with masks.
  expect(post.commands.filter((name) => name === 'add-mask')).toHaveLength(2);
});

test('20 MB of junk before and after the real lines: every real token revoked, the junk counted', async () => {
  const forCargo = await cargoToken();
  const junkLines = (count: number) =>
    Array.from({ length: count }, (_, i) =>
      i % 3 === 0
        ? JSON.stringify({ token: `not a token ${i}`, mintedAt: i })
        : `junk line ${i} ${'x'.repeat(90)}`,
    ).join('\n');
  // 10 MB of short junk lines and 10 MB of one line without an end, on each side.
  const side = `${junkLines(100_000)}\n${'y'.repeat(10 * 1024 * 1024)}\n`;
  const { main, post } = await world.runJob({
    with: provider,
    between: async (_main, job) => {
      const files = await filesOf(job);
      recordToken(files, 2, { token: forCargo, mintedAt: Date.now() });
      const real = await readFile(files.record, 'utf8');
      await writeFile(files.record, `${side}${real}${side}`);
    },
  });

  expect(post.exitCode).toBe(0);
  expect(world.registry.isRevoked(main.outputs.token ?? '')).toBe(true);
  expect(world.registry.isRevoked(forCargo)).toBe(true);
  expect(post.annotations.map((a) => a.message)).toEqual([
    "200002 line(s) of the credential provider's token record could not be read; any token they held was not revoked and expires on its own 30 minutes after it was issued.",
  ]);
  expect(post.log).toContain(
    `Revoked 2 of the 2 publish tokens this job minted at ${world.registry.url} (for this step and for cargo).`,
  );
});

test('a registry that never answers, and 100 lines a step added: post ends within its budget, a few warnings', async () => {
  world.registry.faults.always('revoke', { hang: true });
  const { main, post } = await world.runJob({
    with: provider,
    between: async (_main, job) => {
      const files = await filesOf(job);
      const lines = Array.from({ length: 100 }, () =>
        JSON.stringify({ token: newTrustedToken(), mintedAt: Date.now() }),
      );
      await writeFile(files.record, `${lines.join('\n')}\n`, { flag: 'a' });
    },
  });

  expect(post.exitCode).toBe(0);
  expect(world.registry.isAlive(main.outputs.token ?? '')).toBe(true);
  const seen = revocations();
  expect(seen.firstToken).toBe(main.outputs.token);
  // 3 s at the rig's scale: every try the action gave up on was closed by then.
  expect(seen.lastEnd - seen.first).toBeLessThanOrEqual(3_000 + 250);
  // main's warning, one per reason for the record's (8 at a time, each as far as the budget
  // let it go), what the budget left untried, and the lines a step added: not one per token.
  const warnings = post.annotations.map((a) => a.message);
  expect(warnings.length).toBeLessThanOrEqual(6);
  expect(warnings[0]).toMatch(/^The main step's token: Revoking the publish token at /);
  // Every line is accounted for: tried and failed (summed up by reason), or left untried.
  const failed = warnings
    .map((w) =>
      /^(\d+|A) tokens? of the credential provider's record (were|was) not revoked: /.exec(w),
    )
    .reduce(
      (sum, match) => sum + (match === null ? 0 : match[1] === 'A' ? 1 : Number(match[1])),
      0,
    );
  const untried = Number(
    /^Post's 3 s budget ran out before it could try (\d+) tokens of /
      .exec(warnings.find((w) => w.startsWith("Post's")) ?? '')
      ?.at(1) ?? 0,
  );
  expect(failed).toBeGreaterThanOrEqual(8);
  expect(failed + untried).toBe(100);
  expect(post.log).not.toContainEqual(expect.stringContaining('Revoked'));
});
