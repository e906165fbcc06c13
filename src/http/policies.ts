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
    backoffCapsMs: timing.policy.backoffCapsMs.map((cap) => cap * scale),
    retryAfterCapMs: timing.policy.retryAfterCapMs * scale,
    attemptTimeoutMs: timing.policy.attemptTimeoutMs * scale,
    minAttemptMs: timing.policy.minAttemptMs * scale,
  },
});

/**
 * main: up to 3 minutes in all, 30 s a request. The waits are drawn uniformly (full jitter)
 * under 3 s, then 90 s, then 150 s, and the last try waits for the second half of what the
 * budget leaves. A single blip costs a few seconds. A second failure in a row means trouble at
 * the registry: then the long spread keeps a thousand jobs caught by a one-minute outage from
 * coming back at once (npm run bench:storm: caps of 6, 24 and 96 s brought them back at 1.9 to
 * 2.1 times the normal rate; caps of 2, 4, 8 and 16 s left 72% of them failed inside it).
 */
export const mainTiming = (scale = 1): Timing =>
  scaled(
    {
      budgetMs: 180_000,
      policy: {
        maxAttempts: 5,
        backoffCapsMs: [3_000, 90_000, 150_000],
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
        backoffCapsMs: [1_000, 2_000, 4_000, 8_000],
        retryAfterCapMs: 10_000,
        attemptTimeoutMs: 15_000,
        minAttemptMs: 1_000,
        // Revocation is best effort: the job should not wait half a minute for it.
        lastTryLate: false,
      },
    },
    scale,
  );

/**
 * The check of a workspace (`workspace`): it only advises, so it must not hold a release for
 * minutes. 20 s in all for every index file together, 8 s a request, three tries each.
 */
export const preflightTiming = (scale = 1): Timing =>
  scaled(
    {
      budgetMs: 20_000,
      policy: {
        maxAttempts: 3,
        backoffCapsMs: [1_000, 3_000],
        retryAfterCapMs: 5_000,
        attemptTimeoutMs: 8_000,
        minAttemptMs: 1_000,
        lastTryLate: false,
      },
    },
    scale,
  );
