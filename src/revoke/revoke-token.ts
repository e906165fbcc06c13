import { callWithRetries, type NetDeps } from '../http/call.js';
import { final } from '../http/outcome.js';
import { tokensEndpoint } from '../inputs/registry-url.js';
import { judgeRevocation } from './revocation-response.js';

/** DELETEs the token at the registry; only the registry's own 204 counts as revoked. */
export function revokeToken(deps: NetDeps, baseUrl: string, token: string): Promise<void> {
  return callWithRetries(
    deps,
    'revoke',
    baseUrl,
    () =>
      Promise.resolve({
        call: 'revoke',
        method: 'DELETE',
        url: tokensEndpoint(baseUrl),
        headers: { Authorization: `Bearer ${token}` },
      }),
    (response) => {
      const judged = judgeRevocation(response);
      if (judged.ok) return { done: true, value: undefined };
      const { status } = response;
      return final({
        kind: 'malformed-response',
        call: 'revoke',
        target: baseUrl,
        status,
        problem: judged.problem,
      });
    },
  );
}
