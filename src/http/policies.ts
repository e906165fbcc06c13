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
 * main: up to 3 minutes in all, 30 s a request. Backoff caps of 6, 24, 96 and 150 s (full
 * jitter under each): a single blip is retried within 6 s, and five attempts spread over the
 * budget, and the last try waits for the second half of what is left: a thousand jobs caught by
 * a one-minute registry outage all get their token after it without stampeding (npm run
 * bench:storm; caps of 2, 4, 8, 16 s left 72% of them failed inside the outage).
 */
export const mainTiming = (scale = 1): Timing =>
  scaled(
    {
      budgetMs: 180_000,
      policy: {
        maxAttempts: 5,
        baseDelayMs: 6_000,
        factor: 4,
        maxDelayMs: 150_000,
        retryAfterCapMs: 60_000,
        attemptTimeoutMs: 30_000,
        minAttemptMs: 1_000,
        lastTryLate: true,
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
        factor: 2,
        maxDelayMs: 8_000,
        retryAfterCapMs: 10_000,
        attemptTimeoutMs: 15_000,
        minAttemptMs: 1_000,
        // Revocation is best effort: the job should not wait half a minute for it.
        lastTryLate: false,
      },
    },
    scale,
  );
