import type { Failure } from '../../src/errors/failure.js';
import { ActionFailure } from '../../src/errors/failure.js';
import { mainTiming, postTiming } from '../../src/http/policies.js';
import {
  backoffDelay,
  parseRetryAfter,
  withRetries,
  type Clock,
  type Outcome,
  type RetryEvent,
} from '../../src/http/retry.js';

/** A virtual clock: sleeping moves time forward at once. */
function virtualClock(random = 0.5): Clock & { slept: number[] } {
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
    random: () => random,
  };
}

const failure: Failure = {
  kind: 'http-status',
  call: 'exchange',
  target: 'https://crates.io',
  status: 503,
  details: [],
  unexpectedBody: undefined,
};
const retryable = (retryAfterMs?: number): Outcome<string> => ({
  done: false,
  failure,
  retryable: true,
  retryAfterMs,
});

async function run(outcomes: Outcome<string>[], clock: Clock, costMs = 0) {
  const events: RetryEvent[] = [];
  const timeouts: number[] = [];
  const { policy, budgetMs } = mainTiming();
  let i = 0;
  const result = await withRetries({
    policy,
    clock,
    deadline: clock.now() + budgetMs,
    attempt: async (time) => {
      const timeoutMs = time.timeoutMs();
      timeouts.push(timeoutMs);
      await clock.sleep(costMs);
      return outcomes[i++] ?? { done: true, value: 'token' };
    },
    onRetry: (event) => events.push(event),
    outOfTime: (last) => ({ kind: 'out-of-time', call: 'exchange', target: 'x', budgetMs, last }),
  }).catch((error: unknown) => error);
  return { result, events, timeouts, attempts: i };
}

test('full jitter: uniform under caps of 3, 90, then 150 s', () => {
  const { policy } = mainTiming();
  expect([1, 2, 3, 4, 5].map((n) => backoffDelay(policy, n, 0.999999))).toEqual([
    2999, 89999, 149999, 149999, 149999,
  ]);
  expect(backoffDelay(policy, 2, 0)).toBe(0);
  expect(backoffDelay(policy, 2, 0.5)).toBe(45000);
});

test('transient failures are retried until success, with the jittered delays', async () => {
  const clock = virtualClock(0.5);
  const { result, events } = await run([retryable(), retryable()], clock);

  expect(result).toBe('token');
  expect(events.map((e) => [e.attempt, e.maxAttempts, e.delayMs])).toEqual([
    [1, 5, 1500],
    [2, 5, 45000],
  ]);
});

test('at most five attempts, then the last failure with the count', async () => {
  const { result, attempts } = await run(
    Array.from({ length: 9 }, () => retryable()),
    virtualClock(),
  );

  expect(attempts).toBe(5);
  expect(result).toBeInstanceOf(ActionFailure);
  expect((result as ActionFailure).attempts).toEqual({ made: 5, max: 5 });
  expect((result as ActionFailure).failure).toBe(failure);
});

test('a final failure is not retried', async () => {
  const { result, attempts } = await run(
    [{ done: false, failure, retryable: false }],
    virtualClock(),
  );

  expect(attempts).toBe(1);
  expect((result as ActionFailure).attempts).toBeUndefined();
});

test('Retry-After is honoured, capped at a minute in main', async () => {
  const clock = virtualClock(0);
  const { events } = await run([retryable(5_000), retryable(3_600_000)], clock);

  expect(events.map((e) => e.delayMs)).toEqual([5_000, 60_000]);
  // With the jitter above a short Retry-After, the longer wait wins.
  const late = await run([retryable(1_000)], virtualClock(0.9));
  expect(late.events.map((e) => e.delayMs)).toEqual([2_700]);
});

test('the budget is never overrun: attempts get what time is left', async () => {
  // Every attempt takes its whole 30 s timeout, as a hanging server makes it.
  const clock = virtualClock(0.999);
  const { result, timeouts } = await run(
    Array.from({ length: 9 }, () => retryable()),
    clock,
    30_000,
  );

  expect(result).toBeInstanceOf(ActionFailure);
  expect(clock.now()).toBeLessThanOrEqual(mainTiming().budgetMs);
  expect(Math.max(...timeouts)).toBe(30_000);
});

test('post gives up within 45 s', async () => {
  const clock = virtualClock(0.999);
  const { policy, budgetMs } = postTiming();
  let attempts = 0;
  await withRetries({
    policy,
    clock,
    deadline: budgetMs,
    attempt: async (time) => {
      attempts++;
      await clock.sleep(time.timeoutMs());
      return retryable();
    },
    onRetry: () => undefined,
    outOfTime: () => failure,
  }).catch(() => undefined);

  expect(clock.now()).toBeLessThanOrEqual(45_000);
  expect(attempts).toBeGreaterThanOrEqual(2);
});

test("the budget spent inside a try's own first step (a fresh ID token) reports the last try's failure", async () => {
  const clock = virtualClock(0.5);
  const { policy, budgetMs } = mainTiming();
  let attempts = 0;
  const error = await withRetries({
    policy,
    clock,
    deadline: budgetMs,
    attempt: () => {
      attempts++;
      if (attempts === 1) return Promise.resolve(retryable());
      // The nested fetch of an ID token gives up on the shared deadline.
      return Promise.reject(
        new ActionFailure({
          kind: 'out-of-time',
          call: 'id-token',
          target: 'http://oidc',
          budgetMs,
          last: undefined,
        }),
      );
    },
    onRetry: () => undefined,
    outOfTime: (last) => ({ kind: 'out-of-time', call: 'exchange', target: 'x', budgetMs, last }),
  }).catch((e: unknown) => e);

  expect(error).toBeInstanceOf(ActionFailure);
  expect((error as ActionFailure).failure).toEqual({
    kind: 'out-of-time',
    call: 'exchange',
    target: 'x',
    budgetMs,
    last: failure,
  });
  expect((error as ActionFailure).attempts).toEqual({ made: 1, max: policy.maxAttempts });
});

test('Retry-After as seconds or as an HTTP date', () => {
  const now = Date.parse('2026-11-25T10:00:00Z');
  expect(parseRetryAfter('120', now)).toBe(120_000);
  expect(parseRetryAfter('Wed, 25 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
  expect(parseRetryAfter('Wed, 25 Nov 2026 09:00:00 GMT', now)).toBe(0);
  expect(parseRetryAfter('soon', now)).toBeUndefined();
  expect(parseRetryAfter(undefined, now)).toBeUndefined();
});

test('time scaling shrinks every wait and keeps the counts', () => {
  const scaled = mainTiming(0.05);
  expect(scaled.budgetMs).toBe(9_000);
  expect(scaled.policy.attemptTimeoutMs).toBe(1_500);
  expect(scaled.policy.backoffCapsMs).toEqual([150, 4_500, 7_500]);
  expect(scaled.policy.maxAttempts).toBe(5);
});

test('a long outage with the longest draws: five tries, never past three minutes', async () => {
  const clock = virtualClock(0.999);
  const { result, attempts, events, timeouts } = await run(
    Array.from({ length: 9 }, () => retryable()),
    clock,
  );

  expect(result).toBeInstanceOf(ActionFailure);
  expect(attempts).toBe(5);
  // 3 s and 90 s draws; the 150 s draw is cut so that the fourth try starts at 150 s with its
  // full 30 s. That leaves no room to wait: the last try follows at once.
  expect(events.map((e) => e.delayMs)).toEqual([2_997, 89_910, 57_093, 0]);
  expect(timeouts.at(-1)).toBe(30_000);
  expect(clock.now()).toBeLessThanOrEqual(mainTiming().budgetMs);
});

test('even with short draws, the last try comes late: a one-minute outage ends before it', async () => {
  const clock = virtualClock(0);
  const { events, result } = await run(
    Array.from({ length: 4 }, () => retryable()),
    clock,
  );

  expect(result).toBe('token');
  // Jitter of 0 for the first three waits; the fourth is half the room: (180 - 30) / 2 s.
  expect(events.map((e) => e.delayMs)).toEqual([0, 0, 0, 75_000]);
});

test('a long jitter draw is cut to what the budget leaves, not a reason to give up', async () => {
  const clock = virtualClock(0.999);
  // Each attempt takes its whole 30 s, as against a hanging server.
  const { attempts, events, timeouts } = await run(
    Array.from({ length: 9 }, () => retryable()),
    clock,
    30_000,
  );

  // The second draw (89.9 s) is cut to the 87.003 s that leave the third try its full 30 s.
  expect(events.map((e) => e.delayMs)).toEqual([2_997, 87_003]);
  expect(timeouts).toEqual([30_000, 30_000, 30_000]);
  expect(attempts).toBe(3);
  expect(clock.now()).toBe(mainTiming().budgetMs);
});
