/**
 * `JWT has already been used`: the request was replayed on the way. The exchange tries once
 * more, with a fresh ID token, through the one retry policy, and says so in the log; a second
 * such answer is final. A virtual clock: no real waiting.
 */
import { describeError } from '../../src/errors/describe.js';
import { ActionFailure } from '../../src/errors/failure.js';
import { exchangeForToken } from '../../src/exchange/exchange-token.js';
import { startPhase } from '../../src/http/call.js';
import { mainTiming } from '../../src/http/policies.js';
import type { Clock } from '../../src/http/retry.js';
import type { HttpRequest, Sent } from '../../src/http/transport.js';

const TOKEN = 'cio_tp_0000000000000000000000000000000w';
const USED = JSON.stringify({ errors: [{ detail: 'JWT has already been used' }] });

function virtualClock(): Clock & { slept: number[] } {
  let now = 0;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: (ms) => {
      slept.push(ms);
      now += ms;
      return Promise.resolve();
    },
    random: () => 0.5,
  };
}

const answer = (status: number, body: string): Sent => ({
  ok: true,
  response: { status, headers: { 'content-type': 'application/json' }, body, truncated: false },
});

/** The registry answers these in turn; every request and log line is kept. */
async function exchange(answers: Sent[]) {
  const clock = virtualClock();
  const sent: HttpRequest[] = [];
  const log: string[] = [];
  let minted = 0;
  const net = startPhase(
    {
      core: { info: (l) => log.push(l), debug: () => undefined, setSecret: () => undefined },
      transport: (request) => {
        sent.push(request);
        return Promise.resolve(answers.shift() ?? answer(500, ''));
      },
      clock,
    },
    mainTiming(),
  );
  const result = await exchangeForToken(net, 'https://crates.io', () =>
    Promise.resolve(`jwt-${++minted}`),
  ).catch((error: unknown) => error);
  return {
    result,
    jwts: sent.map((r) => (JSON.parse(r.body ?? '{}') as { jwt: string }).jwt),
    log,
    clock,
  };
}

test('answered once: one more try, with a fresh ID token, said in the log', async () => {
  const { result, jwts, log, clock } = await exchange([
    answer(400, USED),
    answer(200, JSON.stringify({ token: TOKEN })),
  ]);

  expect(result).toBe(TOKEN);
  expect(jwts).toEqual(['jwt-1', 'jwt-2']);
  expect(log).toEqual([
    'The token exchange failed: HTTP 400 "JWT has already been used": the registry had seen this ID token before, so the request was replayed on the way (by a proxy that retried it, most likely); the next try sends a fresh ID token, once (attempt 1 of 5); next try in 1.5 s.',
  ]);
  // The policy's own wait: the first backoff, jittered under 3 s.
  expect(clock.slept).toEqual([1500]);
});

test('answered twice: final, after the one more try', async () => {
  const { result, jwts } = await exchange([answer(400, USED), answer(400, USED)]);

  expect(jwts).toEqual(['jwt-1', 'jwt-2']);
  expect(result).toBeInstanceOf(ActionFailure);
  expect(describeError(result)).toBe(
    'Exchanging the OIDC ID token for a publish token at https://crates.io failed: HTTP 400: JWT has already been used. ' +
      'The registry had already seen this ID token: the request was replayed on the way (by a proxy that retries POST requests, most likely). ' +
      'ID tokens are single-use, and the action sends a fresh one with every attempt and tries once more after a replay. ' +
      'If a proxy is on the way (HTTPS_PROXY), stop it from retrying requests to the registry; then re-run the job.',
  );
});

test('a replay after a server error still gets its one more try', async () => {
  const { result, jwts } = await exchange([
    answer(503, ''),
    answer(400, USED),
    answer(200, JSON.stringify({ token: TOKEN })),
  ]);

  expect(result).toBe(TOKEN);
  expect(jwts).toEqual(['jwt-1', 'jwt-2', 'jwt-3']);
});

test('other refusals are not retried', async () => {
  const { result, jwts } = await exchange([
    answer(400, JSON.stringify({ errors: [{ detail: 'Invalid JWT key ID' }] })),
  ]);

  expect(jwts).toEqual(['jwt-1']);
  expect(result).toBeInstanceOf(ActionFailure);
});
