import { retryReason } from '../errors/describe.js';
import type { Call, Failure } from '../errors/failure.js';
import type { Core } from '../runner/core.js';
import { noAnswer, oversized, retryable, unsuccessful } from './outcome.js';
import type { Timing } from './policies.js';
import { withRetries, type Clock, type Outcome, type RetryPolicy } from './retry.js';
import type { HttpRequest, HttpResponse, Transport } from './transport.js';

/** What every network step needs: the runner's log, the wire, time, and its limits. */
export interface NetDeps {
  core: Pick<Core, 'info' | 'debug' | 'setSecret'>;
  transport: Transport;
  clock: Clock;
  policy: RetryPolicy;
  /** Absolute time (clock.now) by which the whole phase must be over. */
  deadline: number;
  budgetMs: number;
}

/** Starts a phase's clock: its calls share one deadline, `timing.budgetMs` from now. */
export function startPhase(
  { core, transport, clock }: Pick<NetDeps, 'core' | 'transport' | 'clock'>,
  timing: Timing,
): NetDeps {
  return {
    core,
    transport,
    clock,
    policy: timing.policy,
    budgetMs: timing.budgetMs,
    deadline: clock.now() + timing.budgetMs,
  };
}

const CALL_NAMES: Record<Call, string> = {
  'id-token': 'Requesting the GitHub OIDC ID token',
  exchange: 'The token exchange',
  revoke: 'The revocation',
  index: 'Reading the index',
};

/**
 * One logical call with the retry policy: `prepare` builds each attempt's request (the
 * exchange needs a fresh JWT every time), `accept` reads a 2xx answer. `retryRefusal` may
 * turn a refusal the policy would not retry into one more attempt (asked at each refusal).
 */
export async function callWithRetries<T>(
  deps: NetDeps,
  call: Call,
  target: string,
  prepare: () => Promise<HttpRequest>,
  accept: (response: HttpResponse) => Outcome<T>,
  retryRefusal: (failure: Failure) => boolean = () => false,
): Promise<T> {
  return withRetries<T>({
    policy: deps.policy,
    clock: deps.clock,
    deadline: deps.deadline,
    outOfTime: (last) => ({ kind: 'out-of-time', call, target, budgetMs: deps.budgetMs, last }),
    onRetry: ({ failure, attempt, maxAttempts, delayMs }) => {
      deps.core.info(
        `${CALL_NAMES[call]} failed: ${retryReason(failure)} (attempt ${attempt} of ${maxAttempts}); ` +
          `next try in ${(delayMs / 1000).toFixed(1)} s.`,
      );
    },
    attempt: async (time) => {
      const request = await prepare();
      // Only now: preparing the exchange fetched a fresh ID token, on the same budget.
      const timeoutMs = time.timeoutMs();
      const sent = await deps.transport(request, timeoutMs);
      if (!sent.ok) {
        const time = { timeoutMs, limitMs: deps.policy.attemptTimeoutMs };
        return noAnswer(call, target, sent.error, time);
      }
      const { response } = sent;
      if (response.status < 200 || response.status >= 300) {
        const outcome = unsuccessful(call, target, response, deps.clock.now());
        if (outcome.done || outcome.retryable || !retryRefusal(outcome.failure)) return outcome;
        return retryable(outcome.failure);
      }
      // Judged here, for every call: `accept` only ever sees a whole body.
      if (response.truncated) return oversized(call, target, response.status, request.maxBodyBytes);
      return accept(response);
    },
  });
}
