import { callWithRetries, type NetDeps } from '../http/call.js';
import { final } from '../http/outcome.js';
import type { Outcome } from '../http/retry.js';
import type { HttpResponse } from '../http/transport.js';
import { parseIdTokenResponse } from './id-token-response.js';

/** What the runner gives a job with `permissions: id-token: write`, checked at the edge. */
export interface OidcAccess {
  requestUrl: string;
  requestToken: string;
}

/**
 * Asks GitHub's OIDC service for an ID token with this audience, with the retry policy
 * (core.getIDToken retries only 502-504). The JWT is masked before anything else sees it.
 */
export function requestIdToken(
  deps: NetDeps,
  access: OidcAccess,
  audience: string,
): Promise<string> {
  const url = new URL(access.requestUrl);
  url.searchParams.set('audience', audience);
  const target = url.origin;
  const accept = (response: HttpResponse): Outcome<string> => {
    const parsed = parseIdTokenResponse(response);
    if (parsed.ok) {
      deps.core.setSecret(parsed.jwt);
      return { done: true, value: parsed.jwt };
    }
    if (parsed.candidate !== undefined) deps.core.setSecret(parsed.candidate);
    return final({
      kind: 'malformed-response',
      call: 'id-token',
      target,
      status: response.status,
      problem: parsed.problem,
    });
  };
  return callWithRetries(
    deps,
    'id-token',
    target,
    () =>
      Promise.resolve({
        call: 'id-token',
        method: 'GET',
        url: url.href,
        headers: { Authorization: `Bearer ${access.requestToken}`, Accept: 'application/json' },
      }),
    accept,
  );
}
