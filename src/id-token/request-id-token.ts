import { callWithRetries, type NetDeps } from '../http/call.js';
import { parseJson } from '../http/error-body.js';
import { final } from '../http/outcome.js';
import type { Outcome } from '../http/retry.js';
import type { HttpResponse } from '../http/transport.js';

/** What the runner gives a job with `permissions: id-token: write`. */
export interface OidcAccess {
  requestUrl: string;
  requestToken: string;
}

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

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
    const value = (parseJson(response.body) as { value?: unknown } | undefined)?.value;
    if (typeof value !== 'string' || value === '') {
      return final({
        kind: 'malformed-response',
        call: 'id-token',
        target,
        status: response.status,
        problem: 'the answer has no `value` string',
      });
    }
    deps.core.setSecret(value);
    if (!JWT_SHAPE.test(value)) {
      return final({
        kind: 'malformed-response',
        call: 'id-token',
        target,
        status: response.status,
        problem: 'its `value` is not a JWT',
      });
    }
    return { done: true, value };
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
