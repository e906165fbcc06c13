import { ActionFailure, type Failure } from '../errors/failure.js';

/** Time and chance, injected so the policy can be tested with a virtual clock. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
  /** Uniform in [0, 1). */
  random(): number;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) =>
    new Promise((resolve) => {
      setTimeout(resolve, ms);
    }),
  random: () => Math.random(),
};

export interface RetryPolicy {
  maxAttempts: number;
  /** The wait after attempt n (1-based) is drawn under backoffCapsMs[n-1]; the last cap repeats. */
  backoffCapsMs: readonly number[];
  /** A server's Retry-After is honoured up to this long. */
  retryAfterCapMs: number;
  /** Longest a single attempt may take. */
  attemptTimeoutMs: number;
  /** An attempt with less time than this left is not started (nor its request sent). */
  minAttemptMs: number;
  /**
   * Keep the last try for late: before the final attempt, wait at least a uniform time in the
   * second half of what the budget leaves (after room for that attempt), so that an outage
   * shorter than the budget ends before the last try.
   */
  lastTryLate: boolean;
}

/** What one attempt came to: a value, or a failure that may be worth another try. */
export type Outcome<T> =
  | { done: true; value: T }
  | { done: false; failure: Failure; retryable: boolean; retryAfterMs?: number };

export interface RetryEvent {
  failure: Failure;
  attempt: number;
  maxAttempts: number;
  delayMs: number;
}

/** Full jitter: a uniform wait under a growing cap, so clients that fail together spread out. */
export function backoffDelay(policy: RetryPolicy, attempt: number, random: number): number {
  const caps = policy.backoffCapsMs;
  const cap = caps[Math.min(attempt, caps.length) - 1] ?? 0;
  return Math.floor(random * cap);
}

/**
 * How long an attempt may take, asked right before its request goes out: after whatever the
 * attempt needed first (the exchange's fresh ID token, whose own retried fetch spends the same
 * budget), so that no attempt runs past the deadline. Less than `minAttemptMs` left ends the
 * retries as out of time, with nothing sent.
 */
export interface AttemptTime {
  timeoutMs(): number;
}

/** Thrown by AttemptTime.timeoutMs, caught by the withRetries that made it. */
class OutOfTime extends Error {}

/**
 * Runs `attempt` until it succeeds, fails for good, runs out of attempts, or would overrun
 * `deadline`. Each attempt asks how long it may take when it is about to send. Throws
 * ActionFailure.
 */
export async function withRetries<T>(options: {
  policy: RetryPolicy;
  clock: Clock;
  deadline: number;
  attempt: (time: AttemptTime, attempt: number) => Promise<Outcome<T>>;
  onRetry: (event: RetryEvent) => void;
  /** What to report when the deadline leaves no room for another attempt (`last`: the one before). */
  outOfTime: (last: Failure | undefined) => Failure;
}): Promise<T> {
  const { policy, clock, deadline } = options;
  let last: Failure | undefined;
  for (let n = 1; n <= policy.maxAttempts; n++) {
    const left = deadline - clock.now();
    if (left < policy.minAttemptMs) {
      throw new ActionFailure(options.outOfTime(last), { made: n - 1, max: policy.maxAttempts });
    }
    const outOfTime = new OutOfTime();
    const time: AttemptTime = {
      timeoutMs: () => {
        const remaining = deadline - clock.now();
        if (remaining < policy.minAttemptMs) throw outOfTime;
        return Math.min(policy.attemptTimeoutMs, remaining);
      },
    };
    let outcome: Outcome<T>;
    try {
      outcome = await options.attempt(time, n);
    } catch (error) {
      // The budget ran out inside what the attempt needed first (the exchange's fresh ID token,
      // fetched on the same deadline): after a failed try, that try's failure is the news.
      const spentInside =
        error instanceof ActionFailure &&
        error.failure.kind === 'out-of-time' &&
        last !== undefined;
      if (error !== outOfTime && !spentInside) throw error;
      throw new ActionFailure(options.outOfTime(last), { made: n - 1, max: policy.maxAttempts });
    }
    if (outcome.done) return outcome.value;
    last = outcome.failure;
    const attempts = { made: n, max: policy.maxAttempts };
    if (!outcome.retryable || n === policy.maxAttempts) {
      throw new ActionFailure(outcome.failure, outcome.retryable ? attempts : undefined);
    }
    // Room to wait and still give the next attempt its full timeout. A long jitter draw is cut
    // to it: the budget is for trying, not for sleeping past the deadline.
    const room = Math.max(0, deadline - clock.now() - policy.attemptTimeoutMs);
    let delayMs = Math.min(backoffDelay(policy, n, clock.random()), room);
    if (policy.lastTryLate && n + 1 === policy.maxAttempts) {
      delayMs = Math.max(delayMs, Math.floor((room / 2) * (1 + clock.random())));
    }
    if (outcome.retryAfterMs !== undefined) {
      delayMs = Math.max(delayMs, Math.min(outcome.retryAfterMs, policy.retryAfterCapMs));
    }
    if (clock.now() + delayMs + policy.minAttemptMs > deadline) {
      // Only a Retry-After longer than the budget leaves, or a spent budget, ends here.
      throw new ActionFailure(outcome.failure, attempts);
    }
    options.onRetry({
      failure: outcome.failure,
      attempt: n,
      maxAttempts: policy.maxAttempts,
      delayMs,
    });
    await clock.sleep(delayMs);
  }
  // Unreachable: the last attempt above returns or throws.
  throw new ActionFailure(options.outOfTime(last));
}

/** Retry-After in seconds or as an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}
