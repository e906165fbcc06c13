import type { HttpResponse } from '../http/transport.js';

export type RevocationJudgement = { ok: true } | { ok: false; problem: string };

/**
 * crates.io answers a revocation with 204 and no body, whatever the token's state. Any other
 * success (a 200 page from a proxy or a captive portal) is not a revocation.
 */
export function judgeRevocation(response: HttpResponse): RevocationJudgement {
  if (response.status === 204) return { ok: true };
  return {
    ok: false,
    problem:
      'a registry answers one with 204 and no body; this is most likely a page from a proxy or a captive portal',
  };
}
