import type { RetryPolicy } from './retry.js';

/** How long a phase may take in all, and how it retries each call. */
export interface Timing {
  budgetMs: number;
  policy: RetryPolicy;
}

const scaled = (timing: Timing, scale: number): Timing => ({
  budgetMs: timing.budgetMs * scale,
  policy: {
    ...timing.policy,
    baseDelayMs: timing.policy.baseDelayMs * scale,
    maxDelayMs: timing.policy.maxDelayMs * scale,
    retryAfterCapMs: timing.policy.retryAfterCapMs * scale,
    attemptTimeoutMs: timing.policy.attemptTimeoutMs * scale,
    minAttemptMs: timing.policy.minAttemptMs * scale,
  },
});

/**
 * main: up to 3 minutes in all, 30 s a request. The backoff caps (2, 4, 8, 16 s… up to 30 s)
 * let five attempts ride out about a minute of outage on average without hammering.
 */
export const mainTiming = (scale = 1): Timing =>
  scaled(
    {
      budgetMs: 180_000,
      policy: {
        maxAttempts: 5,
        baseDelayMs: 2_000,
        maxDelayMs: 30_000,
        retryAfterCapMs: 60_000,
        attemptTimeoutMs: 30_000,
        minAttemptMs: 1_000,
      },
    },
    scale,
  );

/** post: best effort, so shorter: 45 s in all, 15 s a request. */
export const postTiming = (scale = 1): Timing =>
  scaled(
    {
      budgetMs: 45_000,
      policy: {
        maxAttempts: 5,
        baseDelayMs: 1_000,
        maxDelayMs: 8_000,
        retryAfterCapMs: 10_000,
        attemptTimeoutMs: 15_000,
        minAttemptMs: 1_000,
      },
    },
    scale,
  );
