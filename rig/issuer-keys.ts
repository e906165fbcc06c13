// The keys of an OIDC issuer, found as crates.io finds them (crates_io_trustpub's load_jwks and
// RealOidcKeyStore): `<issuer>/.well-known/openid-configuration`, its `jwks_uri`, the key set
// there, cached, and fetched again when a token names a key ID the cache lacks (GitHub rotates
// its keys). With GitHub's real issuer, https://token.actions.githubusercontent.com, this is
// what lets the rig's registry trust the ID tokens of a real workflow run (rig/self-test.ts).
import { decodeJwt, verifyRs256 } from './jwt.js';

export type Jwk = Record<string, unknown>;

/** The issuer's keys could not be fetched or read: crates.io answers 500. */
export class KeysUnavailable extends Error {}

/** Where an issuer's OpenID configuration is: under the issuer's own URL. */
export const discoveryUrl = (issuer: string): string =>
  `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;

/** Every fetch has a timeout: an issuer that hangs fails the exchange, not the registry. */
const FETCH_TIMEOUT_MS = 10_000;

async function fetchJson(url: string, timeoutMs: number): Promise<unknown> {
  const response = await fetch(url, {
    signal: AbortSignal.timeout(timeoutMs),
    headers: { accept: 'application/json' },
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}

export class IssuerKeys {
  private cache: Jwk[] | undefined;
  /** How many times the key set was fetched: once, and once more per unknown key ID. */
  fetches = 0;

  constructor(
    readonly issuer: string,
    private readonly discovery: string = discoveryUrl(issuer),
    private readonly timeoutMs: number = FETCH_TIMEOUT_MS,
  ) {}

  /** The key with this ID; the set is fetched again when the cached one lacks it. */
  async find(kid: string): Promise<Jwk | undefined> {
    const cached = this.cache?.find((key) => key.kid === kid);
    if (cached !== undefined) return cached;
    this.cache = await this.load();
    return this.cache.find((key) => key.kid === kid);
  }

  private async load(): Promise<Jwk[]> {
    this.fetches++;
    try {
      const config = await fetchJson(this.discovery, this.timeoutMs);
      const jwksUri = (config as { jwks_uri?: unknown } | null)?.jwks_uri;
      if (typeof jwksUri !== 'string') throw new Error('no jwks_uri');
      const jwks = await fetchJson(jwksUri, this.timeoutMs);
      const keys = (jwks as { keys?: unknown } | null)?.keys;
      if (!Array.isArray(keys)) throw new Error('no keys');
      return keys.filter((key): key is Jwk => typeof key === 'object' && key !== null);
    } catch (error) {
      throw new KeysUnavailable(
        `the key set of ${this.issuer} could not be loaded from ${this.discovery}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}

export type Verdict =
  | { ok: true; claims: Record<string, unknown> }
  | {
      ok: false;
      reason: 'not a JWT' | 'another issuer' | 'no key ID' | 'unknown key ID' | 'bad signature';
    };

/**
 * Whether `jwt` was signed by one of the issuer's keys, with RS256: the checks that tie a token
 * to its issuer, before any claim is read. The registry adds crates.io's claim checks.
 */
export async function verifyIssued(jwt: string, keys: IssuerKeys): Promise<Verdict> {
  const decoded = decodeJwt(jwt);
  if (decoded === undefined) return { ok: false, reason: 'not a JWT' };
  if (decoded.claims.iss !== keys.issuer) return { ok: false, reason: 'another issuer' };
  const kid = decoded.header.kid;
  if (typeof kid !== 'string') return { ok: false, reason: 'no key ID' };
  const jwk = await keys.find(kid);
  if (jwk === undefined) return { ok: false, reason: 'unknown key ID' };
  const signed = decoded.header.alg === 'RS256' && safeVerify(() => verifyRs256(decoded, jwk));
  return signed ? { ok: true, claims: decoded.claims } : { ok: false, reason: 'bad signature' };
}

/** A key the issuer publishes that is not an RSA key cannot have signed an RS256 token. */
function safeVerify(verify: () => boolean): boolean {
  try {
    return verify();
  } catch {
    return false;
  }
}
