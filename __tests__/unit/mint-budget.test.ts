/**
 * main's 3 minutes include every fetch of an ID token: each exchange try's timeout is taken
 * after the fresh ID token's own (retried) fetch, from what the phase has left, so a slow token
 * service and a hanging registry together cannot stretch the phase. A virtual clock: nothing
 * waits.
 */
import fc from 'fast-check';
import { ActionFailure } from '../../src/errors/failure.js';
import { mintToken } from '../../src/exchange/mint-token.js';
import { startPhase } from '../../src/http/call.js';
import { mainTiming, MIN_ATTEMPT_MS, postTiming } from '../../src/http/policies.js';
import type { Clock } from '../../src/http/retry.js';
import type { HttpRequest, Sent, Transport } from '../../src/http/transport.js';

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJhIjoxfQ.c2ln';

function virtualClock(random: number): Clock {
  let now = 0;
  return {
    now: () => now,
    sleep: (ms) => {
      now += ms;
      return Promise.resolve();
    },
    random: () => random,
  };
}

interface Sending {
  call: HttpRequest['call'];
  at: number;
  timeoutMs: number;
}

/**
 * A token service that answers after `oidcMs` (a timeout when that is more than the try has),
 * and a registry whose exchange never answers: each try takes its whole timeout.
 */
function slowWorld(clock: Clock, oidcMs: number): { transport: Transport; sent: Sending[] } {
  const sent: Sending[] = [];
  const transport: Transport = async (request, timeoutMs): Promise<Sent> => {
    sent.push({ call: request.call, at: clock.now(), timeoutMs });
    if (request.call === 'id-token' && oidcMs <= timeoutMs) {
      await clock.sleep(oidcMs);
      const body = JSON.stringify({ value: JWT });
      return { ok: true, response: { status: 200, headers: {}, body, truncated: false } };
    }
    await clock.sleep(timeoutMs);
    return { ok: false, error: { kind: 'timeout' } };
  };
  return { transport, sent };
}

const core = { info: () => undefined, debug: () => undefined, setSecret: () => undefined };

async function mintAgainst(oidcMs: number, random: number, timing = mainTiming()) {
  const clock = virtualClock(random);
  const { transport, sent } = slowWorld(clock, oidcMs);
  const net = startPhase({ core, transport, clock }, timing);
  const registry = { baseUrl: 'https://registry.example', audience: 'registry.example' };
  const result = await mintToken(
    net,
    { requestUrl: 'https://token.example/?api-version=2.0', requestToken: 'req' },
    registry,
    {},
  ).catch((error: unknown) => error);
  return { result, sent, end: clock.now(), budgetMs: timing.budgetMs };
}

test('a 20 s token service and a hanging exchange: main gives up within its 3 minutes', async () => {
  const { result, sent, end } = await mintAgainst(20_000, 0.999);

  expect(result).toBeInstanceOf(ActionFailure);
  expect(end).toBeLessThanOrEqual(180_000);
  const exchanges = sent.filter((s) => s.call === 'exchange');
  expect(exchanges.length).toBeGreaterThanOrEqual(3);
  // Each try's timeout is what was left once its ID token had come: never past the deadline.
  for (const s of exchanges) expect(s.at + s.timeoutMs).toBeLessThanOrEqual(180_000);
  expect(exchanges.some((s) => s.timeoutMs < 30_000)).toBe(true);
});

test('whatever the token service’s pace and the jitter, no try runs past the phase, none gets under 1 s', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 0, max: 40_000 }),
      fc.double({ min: 0, max: 0.999, noNaN: true }),
      fc.constantFrom(1, 0.05, 0.005),
      async (oidcMs, random, scale) => {
        const timing = mainTiming(scale);
        const { result, sent, end, budgetMs } = await mintAgainst(oidcMs * scale, random, timing);

        expect(result).toBeInstanceOf(ActionFailure);
        expect(end).toBeLessThanOrEqual(budgetMs);
        for (const s of sent) {
          expect(s.at + s.timeoutMs).toBeLessThanOrEqual(budgetMs);
          // What the log's floor sentence says, the last try included.
          expect(s.timeoutMs).toBeGreaterThanOrEqual(MIN_ATTEMPT_MS);
        }
      },
    ),
    { numRuns: 200, seed: 26 },
  );
});

test('with less than a second left after its ID token, the exchange is not sent: out of time', async () => {
  // A phase of 30.5 s whose ID token takes 29.8 s: the POST would get 0.7 s.
  const timing = mainTiming();
  const { result, sent } = await mintAgainst(29_800, 0, { ...timing, budgetMs: 30_500 });

  expect(sent.map((s) => s.call)).toEqual(['id-token']);
  expect((result as ActionFailure).failure).toMatchObject({
    kind: 'out-of-time',
    call: 'exchange',
  });
});

test('post’s floor is a real try too: started only with a second or more left', () => {
  for (const scale of [1, 0.05, 0.005]) {
    for (const timing of [mainTiming(scale), postTiming(scale)]) {
      expect(timing.policy.minAttemptMs).toBeGreaterThanOrEqual(MIN_ATTEMPT_MS);
    }
  }
});
