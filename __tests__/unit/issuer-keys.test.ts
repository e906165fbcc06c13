import { createServer } from 'node:http';
import { close, listen, sendJson } from '../../rig/http-util.js';
import { discoveryUrl, IssuerKeys, KeysUnavailable, verifyIssued } from '../../rig/issuer-keys.js';
import { GITHUB_ISSUER, newSigningKey, signJwt, type SigningKey } from '../../rig/jwt.js';

/**
 * An issuer on 127.0.0.1 as GitHub's is on the internet: `/.well-known/openid-configuration`
 * naming its `jwks_uri`, and the key set there. Its issuer URL is its own origin.
 */
class LocalIssuer {
  keys: SigningKey[] = [newSigningKey('key-1')];
  readonly served: string[] = [];
  private port = 0;
  private readonly server = createServer((req, res) => {
    this.served.push(req.url ?? '');
    if (req.url === '/.well-known/openid-configuration') {
      sendJson(res, 200, { issuer: this.url, jwks_uri: `${this.url}/.well-known/jwks` });
    } else if (req.url === '/.well-known/jwks') {
      sendJson(res, 200, { keys: this.keys.map((key) => key.jwk) });
    } else {
      sendJson(res, 404, {});
    }
  });

  async start(): Promise<this> {
    this.port = await listen(this.server);
    return this;
  }

  stop(): Promise<void> {
    return close(this.server);
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  token(key: SigningKey, claims: Record<string, unknown> = {}): string {
    return signJwt(key, { iss: this.url, aud: 'crates.io', ...claims });
  }
}

let issuer: LocalIssuer;
beforeEach(async () => {
  issuer = await new LocalIssuer().start();
});
afterEach(() => issuer.stop());

test('the configuration is under the issuer’s URL, as crates.io looks for it', () => {
  expect(discoveryUrl(GITHUB_ISSUER)).toBe(
    'https://token.actions.githubusercontent.com/.well-known/openid-configuration',
  );
  expect(discoveryUrl('https://gitlab.com/')).toBe(
    'https://gitlab.com/.well-known/openid-configuration',
  );
});

test('a token signed by the issuer’s key: discovery, jwks_uri, the key by its ID, RS256', async () => {
  const keys = new IssuerKeys(issuer.url);
  const verdict = await verifyIssued(issuer.token(issuer.keys[0]!, { sub: 'repo:a/b' }), keys);

  expect(verdict).toEqual({
    ok: true,
    claims: { iss: issuer.url, aud: 'crates.io', sub: 'repo:a/b' },
  });
  expect(issuer.served).toEqual(['/.well-known/openid-configuration', '/.well-known/jwks']);
  // Cached: a second token is checked without asking again.
  await verifyIssued(issuer.token(issuer.keys[0]!), keys);
  expect(keys.fetches).toBe(1);
});

test('a key ID the issuer does not publish is refused, after the key set is fetched again', async () => {
  const keys = new IssuerKeys(issuer.url);
  await verifyIssued(issuer.token(issuer.keys[0]!), keys);
  const verdict = await verifyIssued(issuer.token(newSigningKey('key-9')), keys);

  expect(verdict).toEqual({ ok: false, reason: 'unknown key ID' });
  expect(keys.fetches).toBe(2);
});

test('a rotated key is found by fetching the key set again', async () => {
  const keys = new IssuerKeys(issuer.url);
  await verifyIssued(issuer.token(issuer.keys[0]!), keys);
  const rotated = newSigningKey('key-2');
  issuer.keys.push(rotated);

  expect(await verifyIssued(issuer.token(rotated), keys)).toMatchObject({ ok: true });
  expect(keys.fetches).toBe(2);
});

test('a bad signature is refused: another key under a published ID, or a changed payload', async () => {
  const keys = new IssuerKeys(issuer.url);
  const impostor = newSigningKey('key-1');
  expect(await verifyIssued(issuer.token(impostor), keys)).toEqual({
    ok: false,
    reason: 'bad signature',
  });

  const [head, , signature] = issuer.token(issuer.keys[0]!).split('.');
  const body = Buffer.from(JSON.stringify({ iss: issuer.url, aud: 'evil' })).toString('base64url');
  expect(await verifyIssued(`${head}.${body}.${signature}`, keys)).toEqual({
    ok: false,
    reason: 'bad signature',
  });
});

test('only RS256, and only tokens of this issuer, with a key ID', async () => {
  const keys = new IssuerKeys(issuer.url);
  const key = issuer.keys[0]!;
  const none = signJwt(key, { iss: issuer.url }, { alg: 'none' });
  expect(await verifyIssued(none, keys)).toEqual({ ok: false, reason: 'bad signature' });
  expect(await verifyIssued(signJwt(key, { iss: GITHUB_ISSUER }), keys)).toEqual({
    ok: false,
    reason: 'another issuer',
  });
  expect(await verifyIssued(signJwt(key, { iss: issuer.url }, { kid: 7 }), keys)).toEqual({
    ok: false,
    reason: 'no key ID',
  });
  expect(await verifyIssued('a.b', keys)).toEqual({ ok: false, reason: 'not a JWT' });
  // Only the unsigned token named a key: the others were refused before any fetch.
  expect(keys.fetches).toBe(1);
});

test('an issuer whose keys cannot be loaded: KeysUnavailable, saying where', async () => {
  const keys = new IssuerKeys(issuer.url, `${issuer.url}/missing`);
  await expect(verifyIssued(issuer.token(issuer.keys[0]!), keys)).rejects.toThrow(
    new KeysUnavailable(
      `the key set of ${issuer.url} could not be loaded from ${issuer.url}/missing: HTTP 404`,
    ),
  );
  await issuer.stop();
  const gone = new IssuerKeys(issuer.url);
  await expect(gone.find('key-1')).rejects.toBeInstanceOf(KeysUnavailable);
});
