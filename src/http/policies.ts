import type { RetryPolicy } from './retry.js';

/** How long a phase may take in all, and how it retries each call. */
export interface Timing {
  budgetMs: number;
  policy: RetryPolicy;
}

/**
 * The least a try may be given, whatever AUTH_ACTION_TIME_SCALE says: crates.io and GitHub's
 * token service answer these calls in a few hundred milliseconds, TLS set-up included, so 1 s
 * is room for a real registry; shorter would turn a working one into an outage. The rig's
 * main step (0.05: 1.5 s a try) is above it; its post step (0.75 s) is raised to it. It is
 * also the least time left with which a try is started at all (minAttemptMs), so the last try
 * of a phase gets it too: a try with less left would be a timeout, not a try.
 */
export const MIN_ATTEMPT_MS = 1_000;
/**
 * The least a phase (main's exchange, post's revocations) may be given: three tries at the
 * floor, so a scale can never make a revocation impossible. The rig's main (9 s) is above
 * it; its post (2.25 s) is raised to it, which costs a test of a hanging registry under 1 s.
 */
export const MIN_BUDGET_MS = 3_000;

const scaled = (timing: Timing, scale: number): Timing => ({
  budgetMs: Math.max(timing.budgetMs * scale, MIN_BUDGET_MS),
  policy: {
    ...timing.policy,
    backoffCapsMs: timing.policy.backoffCapsMs.map((cap) => cap * scale),
    retryAfterCapMs: timing.policy.retryAfterCapMs * scale,
    attemptTimeoutMs: Math.max(timing.policy.attemptTimeoutMs * scale, MIN_ATTEMPT_MS),
    minAttemptMs: Math.max(timing.policy.minAttemptMs * scale, MIN_ATTEMPT_MS),
  },
});

/**
 * The one log line that says a time scale is in effect (main, post and the provider each say
 * it once, before they use it): it is a knob for the tests, and in a real job it most likely
 * came from an `env:` or GITHUB_ENV line that should not be there.
 */
export function timeScaleNote(scale: number, asked?: number): string | undefined {
  if (scale === 1) return undefined;
  const clamped = asked === undefined ? '' : ` (${asked} asked; ${scale} is the least)`;
  return (
    `AUTH_ACTION_TIME_SCALE is set: auth-action multiplies its timeouts, waits and the token life it assumes by ${scale}${clamped}. ` +
    `It is a setting for auth-action's own tests: remove it from the workflow. A try still gets at least ${MIN_ATTEMPT_MS / 1000} s (none starts with less of its step's budget left), a step at least ${MIN_BUDGET_MS / 1000} s.`
  );
}

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

/**
 * post's release report, after every revocation: it only informs, so a few seconds in all for
 * every index file together (5 s, 3 s a request, two tries), and an index that hangs costs the
 * job no more than that.
 */
export const reportTiming = (scale = 1): Timing =>
  scaled(
    {
      budgetMs: 5_000,
      policy: {
        maxAttempts: 2,
        backoffCapsMs: [500],
        retryAfterCapMs: 1_000,
        attemptTimeoutMs: 3_000,
        minAttemptMs: 1_000,
        lastTryLate: false,
      },
    },
    scale,
  );
