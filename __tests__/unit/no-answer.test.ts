/**
 * A request that got no answer, through the one retry policy: what is worth another try and
 * what is not. The wire is scripted (no DNS, no socket): each attempt gets the same error.
 */
import { describeError } from '../../src/errors/describe.js';
import { callWithRetries, startPhase } from '../../src/http/call.js';
import { mainTiming } from '../../src/http/policies.js';
import type { Clock } from '../../src/http/retry.js';
import { unsendable, type HttpRequest, type TransportError } from '../../src/http/transport.js';
import type { Core } from '../../src/runner/core.js';

const TARGET = 'https://registry.example.test';

function virtualClock(): Clock {
  let now = 1_800_000_000_000;
  return {
    now: () => now,
    sleep: (ms) => {
      now += ms;
      return Promise.resolve();
    },
    random: () => 0.5,
  };
}

async function exchangeAgainst(error: TransportError) {
  const log: string[] = [];
  const core = { info: (m: string) => log.push(m), debug: () => undefined } as unknown as Core;
  let attempts = 0;
  const net = startPhase(
    {
      core,
      transport: () => {
        attempts++;
        return Promise.resolve({ ok: false, error });
      },
      clock: virtualClock(),
    },
    mainTiming(1),
  );
  const failed = await callWithRetries(
    net,
    'exchange',
    TARGET,
    () => Promise.resolve({ call: 'exchange', method: 'POST', url: `${TARGET}/x`, headers: {} }),
    () => ({ done: true, value: 'never' }),
  ).then(
    () => 'no failure',
    (e: unknown) => describeError(e),
  );
  return { attempts, log, message: failed };
}

test.each<[string, TransportError, string]>([
  [
    'an unknown host (ENOTFOUND)',
    { kind: 'network', code: 'ENOTFOUND' },
    'failed: the host was not found (DNS).',
  ],
  [
    'a refused certificate',
    { kind: 'network', code: 'CERT_HAS_EXPIRED' },
    "failed: the server's certificate is not trusted (CERT_HAS_EXPIRED).",
  ],
  [
    'a request not formed on this machine',
    { kind: 'unsendable', problem: 'the request URL does not parse' },
    'failed on this machine: the request URL does not parse.',
  ],
])('%s: one attempt, no retry line', async (_, error, said) => {
  const { attempts, log, message } = await exchangeAgainst(error);

  expect(attempts).toBe(1);
  expect(log).toEqual([]);
  expect(message).toContain(`at ${TARGET} failed`);
  expect(message).toContain(said);
});

test.each<[string, TransportError]>([
  ['a reset connection', { kind: 'network', code: 'ECONNRESET' }],
  ['a refused connection', { kind: 'network', code: 'ECONNREFUSED' }],
  // A proxy that refuses CONNECT may do so for a while (its upstream is down): retried too.
  ['a proxy that did not open the tunnel', { kind: 'network', code: 'EPROXY' }],
  ['no answer in time', { kind: 'timeout' }],
])('%s: tried five times, each retry in the log', async (_, error) => {
  const { attempts, log, message } = await exchangeAgainst(error);

  expect(attempts).toBe(5);
  expect(log.filter((line) => / \(attempt \d of 5\); next try in /.test(line))).toHaveLength(4);
  expect(message).toContain('(after 5 attempts)');
});

describe('a request that cannot be formed here is known before it is sent', () => {
  const request = (url: string, headers: Record<string, string> = {}): HttpRequest => ({
    call: 'exchange',
    method: 'POST',
    url,
    headers,
  });
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  test('a good request: nothing to say', () => {
    delete process.env.HTTPS_PROXY;
    delete process.env.https_proxy;
    expect(unsendable(request(`${TARGET}/x`, { Authorization: 'Bearer abc' }))).toBeUndefined();
  });

  test.each([
    ['not a URL', request('no url'), 'the request URL does not parse'],
    [
      'another scheme',
      request('ftp://x.example/'),
      "the request URL's scheme `ftp:` is not http or https",
    ],
    [
      'a line break in a header',
      request(`${TARGET}/x`, { Authorization: 'Bearer a\nb' }),
      "the request's `Authorization` header has characters HTTP does not allow (a line break or a control character)",
    ],
  ])('%s', (_, req, problem) => {
    expect(unsendable(req)).toBe(problem);
  });

  test('a proxy variable that is not a URL, for a host the proxy applies to', () => {
    process.env.HTTPS_PROXY = 'proxy host:3128';
    expect(unsendable(request(`${TARGET}/x`))).toBe(
      'the proxy variable HTTPS_PROXY (or its lower-case form) is not a URL',
    );
    // Loopback never goes through a proxy.
    expect(unsendable(request('https://127.0.0.1:1/x'))).toBeUndefined();
  });
});

test('a success too large for its call is a malformed answer, by the bound the call asked for', async () => {
  const core = { info: () => undefined, debug: () => undefined } as unknown as Core;
  const answer = { status: 200, headers: {}, body: 'x', truncated: true };
  const net = startPhase(
    {
      core,
      transport: () => Promise.resolve({ ok: true, response: answer }),
      clock: virtualClock(),
    },
    mainTiming(1),
  );
  const message = await callWithRetries(
    net,
    'index',
    'https://index.crates.io/',
    () =>
      Promise.resolve({
        call: 'index',
        method: 'GET',
        url: 'https://index.crates.io/se/rd/serde',
        headers: {},
        maxBodyBytes: 2 * 1024 * 1024,
      }),
    () => ({ done: true, value: 'never' }),
  ).then(
    () => 'no failure',
    (e: unknown) => describeError(e),
  );
  expect(message).toBe(
    "Reading the registry's index at https://index.crates.io/ failed: the answer (HTTP 200) is malformed: its body is larger than 2048 KiB, more than any answer to this call should be. Check that cargo's configuration names the registry's sparse index.",
  );
});
