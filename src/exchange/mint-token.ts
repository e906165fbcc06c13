import type { NetDeps } from '../http/call.js';
import { requestIdToken, type OidcAccess } from '../id-token/request-id-token.js';
import type { Registry } from '../inputs/registry-url.js';
import { exchangeForToken } from './exchange-token.js';

/** A registry token, and when it was minted (clock ms, taken before its exchange was sent). */
export interface MintedToken {
  token: string;
  mintedAt: number;
}

/**
 * ID token → exchange: the one way the action gets a registry token, for main and the
 * provider alike. Every exchange attempt gets a fresh ID token; `trace.lastJwt` keeps the last
 * one, whose claims explain a refusal.
 */
export async function mintToken(
  net: NetDeps,
  oidc: OidcAccess,
  registry: Pick<Registry, 'baseUrl' | 'audience'>,
  trace: { lastJwt?: string },
): Promise<MintedToken> {
  const mintedAt = net.clock.now();
  const token = await exchangeForToken(net, registry.baseUrl, async () => {
    trace.lastJwt = await requestIdToken(net, oidc, registry.audience);
    return trace.lastJwt;
  });
  return { token, mintedAt };
}
