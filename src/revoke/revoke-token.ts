import { callWithRetries, type NetDeps } from '../http/call.js';
import { tokensEndpoint } from '../inputs/registry-url.js';

/** DELETEs the token at the registry; any 2xx means it can no longer be used. */
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
    () => ({ done: true, value: undefined }),
  );
}
