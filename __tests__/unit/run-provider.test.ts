import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../../src/http/retry.js';
import { httpClientTransport, type Transport } from '../../src/http/transport.js';
import { writeProviderConfig } from '../../src/provider/provider-config.js';
import {
  fingerprint,
  recordFiles,
  recordToken,
  startRecord,
  type RecordFiles,
} from '../../src/provider/token-record.js';
import { runProvider } from '../../src/run-provider.js';
import { readEnvironment } from '../../src/runner/environment.js';
import { EchoServer } from '../../rig/echo.js';
import { World } from '../../rig/world.js';
import { removeTreeSync } from '../../rig/remove-tree.js';

/*
 * The provider's decisions, driven with a clock the test sets: which token cargo gets, until
 * when, and what goes into the job's record. The rig's OIDC service and registry are real.
 */
const MINUTE = 60_000;

let world: World;
let dir: string;
let files: RecordFiles;
let now: number;
/** main's token, as main records it: old enough not to be handed out. */
const MAIN = 'cio_tp_main_token_0000000000';
const clock: Clock = {
  now: () => now,
  sleep: () => Promise.resolve(),
  random: () => 0.5,
};

beforeEach(async () => {
  world = await World.start();
  dir = mkdtempSync(join(tmpdir(), 'auth-action-provider-test-'));
  now = Date.UTC(2026, 10, 25, 12, 0, 0);
  files = recordFiles(dir);
  startRecord(files, { token: MAIN, mintedAt: now - 25 * MINUTE });
  writeProviderConfig(join(dir, 'config.json'), {
    registry: {
      baseUrl: world.registry.url,
      audience: world.registry.audience,
      audienceFromInput: false,
    },
    cargo: { kind: 'named', name: 'local' },
    recordPath: join(dir, 'tokens.jsonl'),
    revoke: true,
  });
});
afterEach(async () => {
  removeTreeSync(dir);
  await world.stop();
});

const request = (operation = 'publish', name = 'local') =>
  JSON.stringify({
    v: 1,
    registry: { 'index-url': 'sparse+http://x/index/', name },
    kind: 'get',
    operation,
  });

/** One provider run, as cargo starts one per request. */
async function ask(
  line: string,
  options: { transport?: Transport; env?: Record<string, string> } = {},
) {
  const log: string[] = [];
  const lines: string[] = [];
  await runProvider({
    io: {
      core: {
        setSecret: (s) => log.push(`::add-mask::${s}`),
        debug: () => undefined,
        info: (m) => log.push(m),
        warning: (m) => log.push(`warning: ${m}`),
        setFailed: (m) => log.push(`error: ${m}`),
        appendSummary: () => undefined,
      },
      readRequest: () => Promise.resolve(line),
      answer: (text) => {
        lines.push(text);
        return Promise.resolve();
      },
    },
    // The real token life: the clock is the test's, so nothing waits.
    environment: readEnvironment({
      ...world.oidcEnv,
      AUTH_ACTION_TIME_SCALE: '1',
      ...options.env,
    }),
    transport: options.transport ?? httpClientTransport,
    clock,
    configPath: join(dir, 'config.json'),
  });
  const answer = JSON.parse(lines[1] ?? 'null') as {
    Ok?: { token: string; expiration: number };
    Err?: unknown;
  };
  return { log, hello: lines[0], answer };
}

const record = () =>
  readFileSync(files.record, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { n?: number; token: string; mintedAt: number });
/** The count's numbers, each line checked to name the token the record gives that number. */
const count = () => {
  const byNumber = new Map(record().map((entry) => [entry.n, entry.token]));
  return readFileSync(files.count, 'utf8')
    .trim()
    .split('\n')
    .map((line) => {
      const [n = '', print] = line.split(' ');
      expect(print).toBe(fingerprint(byNumber.get(Number(n)) ?? ''));
      return Number(n);
    });
};

test('with only main’s old token, it mints one, records it as the second, and hands it out for 20 minutes', async () => {
  const { hello, answer, log } = await ask(request('read'));

  expect(hello).toBe('{"v":[1]}\n');
  const token = answer.Ok?.token ?? '';
  expect(world.registry.issued.has(token)).toBe(true);
  expect(answer.Ok?.expiration).toBe((now + 20 * MINUTE) / 1000);
  expect(record()).toEqual([
    { n: 1, token: MAIN, mintedAt: now - 25 * MINUTE },
    { n: 2, token, mintedAt: now },
  ]);
  expect(count()).toEqual([1, 2]);
  expect(log.filter((line) => line.startsWith('warning'))).toEqual([]);
  expect(log.indexOf(`::add-mask::${token}`)).toBeGreaterThanOrEqual(0);
  expect(log).toContain(
    'auth-action: cargo gets a new publish token (handed out until 12:20:00 UTC, revoked when the job ends).',
  );
});

test('a token with more than 10 minutes to live is handed out again, without an exchange', async () => {
  recordToken(files, 2, { token: 'cio_tp_recorded_0000', mintedAt: now - 19 * MINUTE });

  const { answer, log } = await ask(request());

  expect(answer.Ok).toEqual({
    kind: 'get',
    token: 'cio_tp_recorded_0000',
    cache: 'expires',
    expiration: (now + MINUTE) / 1000,
    operation_independent: false,
  });
  expect(world.registry.requests).toEqual([]);
  expect(log[0]).toBe('::add-mask::cio_tp_recorded_0000');
});

test('a token with 10 minutes or less to live is not: a new one is minted beside it', async () => {
  recordToken(files, 2, { token: 'cio_tp_older_000000', mintedAt: now - 21 * MINUTE });
  recordToken(files, 3, { token: 'cio_tp_old_00000000', mintedAt: now - 20 * MINUTE });

  const { answer } = await ask(request());

  const token = answer.Ok?.token ?? '';
  expect(world.registry.issued.has(token)).toBe(true);
  expect(record().map((entry) => [entry.n, entry.token])).toEqual([
    [1, MAIN],
    [2, 'cio_tp_older_000000'],
    [3, 'cio_tp_old_00000000'],
    [4, token],
  ]);
  expect(count()).toEqual([1, 2, 3, 4]);
});

test('another registry, or an operation a publish token cannot do: cargo’s error kinds, no exchange', async () => {
  expect((await ask(request('publish', 'other'))).answer).toEqual({
    Err: { kind: 'url-not-supported' },
  });
  expect((await ask(request('owners'))).answer).toEqual({
    Err: { kind: 'operation-not-supported' },
  });
  expect(world.registry.requests).toEqual([]);
});

test('a refused exchange is cargo’s error, in the words main would use', async () => {
  world.registry.faults.add('exchange', {
    status: 400,
    headers: { 'content-type': 'application/json' },
    body: '{"errors":[{"detail":"Unexpected `repository_owner_id` value"}]}',
  });

  const { answer, log } = await ask(request());

  expect(answer.Err).toEqual({
    kind: 'other',
    message: expect.stringMatching(
      /^Exchanging the OIDC ID token for a publish token at .* failed: HTTP 400: Unexpected `repository_owner_id` value\. .* What this run sent is listed above and in the step summary\.$/,
    ) as unknown,
  });
  expect(
    log.some((line) => line.startsWith("What the registry compared, as this run's ID token")),
  ).toBe(true);
});

test('once post has removed it, the provider says so', async () => {
  rmSync(join(dir, 'config.json'));

  const { answer } = await ask(request());

  expect(answer.Err).toEqual({
    kind: 'other',
    message: expect.stringContaining(
      'it is gone. The post step removes the provider when the job ends',
    ) as unknown,
  });
});

test('registry names are compared as cargo reads them; a request without one is not served', async () => {
  recordToken(files, 2, { token: 'cio_tp_recorded_0000', mintedAt: now });

  expect((await ask(request('publish', 'LOCAL'))).answer.Ok?.token).toBe('cio_tp_recorded_0000');
  const nameless = JSON.stringify({
    v: 1,
    registry: { 'index-url': 'sparse+https://index.crates.io/' },
    kind: 'get',
    operation: 'publish',
  });
  expect((await ask(nameless)).answer).toEqual({ Err: { kind: 'url-not-supported' } });
});

test('a token that cannot be recorded is revoked at once, and cargo gets the error', async () => {
  writeFileSync(
    join(dir, 'config.json'),
    readFileSync(join(dir, 'config.json'), 'utf8').replace('tokens.jsonl', 'gone/tokens.jsonl'),
  );

  const { answer, log } = await ask(request());

  expect(answer.Err).toEqual({
    kind: 'other',
    message: expect.stringMatching(
      /^The runner's RUNNER_TEMP folder could not be written or read \(ENOENT\)\./,
    ) as unknown,
  });
  const [token = ''] = world.registry.issued.keys();
  expect(world.registry.isRevoked(token)).toBe(true);
  expect(log).toContain(
    'auth-action: the token just minted could not be recorded, so it was revoked.',
  );
});

test('a token is dated when its exchange starts: a slow exchange does not stretch its life', async () => {
  const start = now;
  // Each request takes a minute of the test's clock: the exchange ends two minutes later.
  const slow: Transport = async (req, timeoutMs) => {
    const sent = await httpClientTransport(req, timeoutMs);
    now += MINUTE;
    return sent;
  };

  const { answer, log } = await ask(request(), { transport: slow });

  const token = answer.Ok?.token ?? '';
  expect(world.registry.issued.has(token)).toBe(true);
  expect(now).toBe(start + 2 * MINUTE);
  expect(record().at(-1)).toEqual({ n: 2, token, mintedAt: start });
  expect(answer.Ok?.expiration).toBe((start + 20 * MINUTE) / 1000);
  expect(log).toContain(
    'auth-action: cargo gets a new publish token (handed out until 12:20:00 UTC, revoked when the job ends).',
  );
});

describe('main’s configuration is checked again, whoever wrote it', () => {
  test.each([
    ['plain http to a host that is not this machine', 'http://registry.example.test'],
    ['credentials in it', `https://ferris:hunter2-secret@registry.example.test`],
    ['no URL at all', 'not a url'],
  ])('a registry URL with %s: cargo’s error, nothing sent', async (_, baseUrl) => {
    const path = join(dir, 'config.json');
    const config = JSON.parse(readFileSync(path, 'utf8')) as { registry: { baseUrl: string } };
    config.registry.baseUrl = baseUrl;
    writeFileSync(path, JSON.stringify(config));
    const sent: string[] = [];
    // Nothing may leave; should it, it stays on this machine and gets no answer.
    const refusing: Transport = (req) => {
      sent.push(req.url);
      return Promise.resolve({ ok: false, error: { kind: 'network', code: 'ECONNREFUSED' } });
    };

    const { answer, log } = await ask(request(), { transport: refusing });

    expect(answer.Err).toEqual({
      kind: 'other',
      message: expect.stringContaining('its registry URL is invalid: ') as unknown,
    });
    expect(JSON.stringify(answer)).not.toContain('hunter2');
    expect(sent).toEqual([]);
    expect(log).toEqual([]);
  });
});

test('a token service that quotes the request token back: *** in the log and the answer', async () => {
  const service = await new EchoServer(({ bearer }) => ({
    status: 503,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ message: `Service unavailable for ${bearer}` }),
  })).start();
  try {
    const { answer, log } = await ask(request(), {
      env: { ACTIONS_ID_TOKEN_REQUEST_URL: `${service.origin}/idtoken?api-version=2.0` },
    });

    expect(service.seen.length).toBeGreaterThan(1);
    expect(service.seen.every((r) => r.bearer === world.oidc.requestToken)).toBe(true);
    // cargo prints the answer; the runner's mask would hide the token only in the log.
    expect(answer.Err).toEqual({
      kind: 'other',
      message: expect.stringContaining('Service unavailable for ***') as unknown,
    });
    expect(log.join('\n')).not.toContain(world.oidc.requestToken);
    expect(JSON.stringify(answer)).not.toContain(world.oidc.requestToken);
  } finally {
    await service.stop();
  }
});

test('main’s configuration is written once: a file already there is not overwritten', () => {
  const path = join(dir, 'config.json');
  const before = readFileSync(path, 'utf8');

  let thrown: unknown;
  try {
    writeProviderConfig(path, {
      registry: { baseUrl: 'https://elsewhere.example', audience: 'x', audienceFromInput: false },
      cargo: { kind: 'crates-io' },
      recordPath: join(dir, 'other.jsonl'),
      revoke: true,
    });
  } catch (error) {
    thrown = error;
  }
  expect((thrown as { code?: unknown } | undefined)?.code).toBe('EEXIST');
  expect(readFileSync(path, 'utf8')).toBe(before);
});
