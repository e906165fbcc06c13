import { callWithRetries, type NetDeps } from '../http/call.js';
import { final } from '../http/outcome.js';
import type { Outcome } from '../http/retry.js';
import type { HttpResponse } from '../http/transport.js';
import { tokensEndpoint } from '../inputs/registry-url.js';
import { readRefusal } from './refusal.js';
import { parseTokenResponse } from './token-response.js';

/**
 * POSTs an ID token to the registry's trusted-publishing endpoint and returns the registry
 * token, masked. `freshJwt` is called for every attempt: a registry that accepted a JWT whose
 * answer was lost refuses it the second time, and JWTs expire after about five minutes.
 * `JWT has already been used` means the request was replayed on the way (a proxy that retried
 * the POST): the JWT is single-use, so one more attempt, with a fresh one, is worth it; a
 * second such answer is final.
 */
export function exchangeForToken(
  deps: NetDeps,
  baseUrl: string,
  freshJwt: () => Promise<string>,
): Promise<string> {
  const url = tokensEndpoint(baseUrl);
  let replays = 0;
  const accept = (response: HttpResponse): Outcome<string> => {
    const parsed = parseTokenResponse(response);
    if (parsed.ok) {
      deps.core.setSecret(parsed.token);
      return { done: true, value: parsed.token };
    }
    if (parsed.candidate !== undefined) deps.core.setSecret(parsed.candidate);
    return final({
      kind: 'malformed-response',
      call: 'exchange',
      target: baseUrl,
      status: response.status,
      problem: parsed.problem,
    });
  };
  return callWithRetries(
    deps,
    'exchange',
    baseUrl,
    async () => ({
      call: 'exchange',
      method: 'POST',
      url,
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ jwt: await freshJwt() }),
    }),
    accept,
    (failure) => failure.kind === 'http-status' && isReplay(failure.details) && replays++ === 0,
  );
}

const isReplay = (details: string[]): boolean => readRefusal(details)?.kind === 'replayed';
