import { createHash } from 'node:crypto';
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { applyFault, FaultScript } from './faults.js';
import { close, listen, readBody, sendErrors, sendJson } from './http-util.js';
import { IssuerKeys, verifyIssued, type Verdict } from './issuer-keys.js';
import { decodeJwt, GITHUB_ISSUER } from './jwt.js';
import { isTrustedToken, newTrustedToken } from './trusted-token.js';

/** A trusted publisher config as crates.io stores it, one per crate. */
export interface TrustedPublisher {
  crate: string;
  repositoryOwner: string;
  repositoryName: string;
  repositoryOwnerId: string;
  workflowFilename: string;
  environment?: string;
}

interface IssuedToken {
  crates: string[];
  expiresAt: number;
  revoked: boolean;
}

/**
 * A line of a crate's index file, as crates.io writes it (`crates_io_index::Crate`, serialized
 * by serde in this field order; `pubtime` to the second, as `index_include_pubtime` has it).
 */
interface IndexEntry {
  name: string;
  vers: string;
  deps: IndexDep[];
  cksum: string;
  features: Record<string, unknown>;
  yanked: boolean;
  pubtime: string;
}

/** A dependency as crates.io's index lists it (`crates_io_index::Dependency`): no `registry`. */
interface IndexDep {
  name: string;
  req: string;
  features: string[];
  optional: boolean;
  default_features: boolean;
  target: string | null;
  kind: 'normal' | 'build' | 'dev';
  package?: string;
}

/** One `cargo publish` upload as the registry saw it. */
export interface Upload {
  crate: string;
  version: string;
  token: string;
  /** The token was alive (issued, not revoked, not expired) when the upload arrived. */
  live: boolean;
  status: number;
}

/** A dependency in cargo's publish metadata, as it goes into the index (`req` for `version_req`). */
interface PublishedDep {
  name: string;
  version_req: string;
  features?: string[];
  optional?: boolean;
  default_features?: boolean;
  target?: string | null;
  kind?: string;
  registry?: string | null;
  explicit_name_in_toml?: string | null;
}

export interface RegistryOptions {
  /** The audience this registry expects: its domain, as crates.io expects `crates.io`. */
  audience?: string;
  /**
   * Where each trusted issuer's OpenID configuration lives (crates.io fetches it from the issuer):
   * the rig's OIDC service, or GitHub's real one (`discoveryUrl(GITHUB_ISSUER)`, rig/self-test.ts).
   */
  discovery: Record<string, string>;
  tls?: { key: string; cert: string };
  /** The origin cargo should use for the API and downloads (the TLS name, for instance). */
  publicOrigin?: string;
  /** How long an exchanged token lives; crates.io: 30 minutes. */
  tokenLifetimeMs?: number;
  /** How long after an upload the new version shows in the index (crates.io: seconds to minutes). */
  indexDelayMs?: number;
  /**
   * Whose words the exchange answers with: crates.io's code of today (the default), or of
   * 13 July 2025 (68645bb4d, the last before c939c4732), which registries built on older code
   * still run: one generic `No matching Trusted Publishing config found` for every config
   * mismatch, and no refusal of the `pull_request_target` and `workflow_run` triggers (added in
   * October 2025).
   */
  answers?: 'today' | 'july-2025';
  /** The issuers the registry has a key store for; crates.io: GitHub's and GitLab's. */
  issuers?: string[];
}

const TRUSTED_ISSUERS = [GITHUB_ISSUER, 'https://gitlab.com'];
const LEEWAY_SECONDS = 60;
const TOKEN_LIFETIME_MS = 30 * 60 * 1000;
const WORKFLOW_FILENAME = /([^/]+\.(yml|yaml))(@.+)/;
const REQUIRED_STRING_CLAIMS = [
  'aud',
  'jti',
  'repository_owner_id',
  'repository',
  'workflow_ref',
  'event_name',
  'run_id',
  'sha',
];
const REQUIRED_NUMBER_CLAIMS = ['iat', 'exp'];

/** A refusal the registry answers with `{"errors":[{"detail": ...}]}`. */
class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
  ) {
    super(detail);
  }
}

/** crates.io lists every config it set aside, one per crate, as they come: no dedup, no sort. */
const list = (values: string[], quote: boolean): string =>
  values.map((v) => (quote ? `\`${v}\`` : v)).join(', ');

/** The sparse index path of a crate: 1/a, 2/ab, 3/a/abc, ab/cd/abcd... */
export function indexPath(name: string): string {
  const n = name.toLowerCase();
  if (n.length === 1) return `1/${n}`;
  if (n.length === 2) return `2/${n}`;
  if (n.length === 3) return `3/${n[0] ?? ''}/${n}`;
  return `${n.slice(0, 2)}/${n.slice(2, 4)}/${n}`;
}

/**
 * A cargo registry with crates.io's trusted publishing: the token exchange (checks in
 * crates.io's order, with its texts), revocation, publishing, and a sparse index.
 */
export class Registry {
  readonly faults = new FaultScript();
  readonly publishers: TrustedPublisher[] = [];
  /** Every token issued: secrets the logs must never show. */
  readonly issued = new Map<string, IssuedToken>();
  /**
   * Every API request: `at` when it arrived, `endedAt` when its exchange with the client ended
   * (answered, or the connection closed by a client that gave up on a hanging one).
   */
  readonly requests: {
    endpoint: string;
    method: string;
    headers: IncomingMessage['headers'];
    at: number;
    endedAt?: number;
  }[] = [];
  /** Every upload, accepted or refused, in order. */
  readonly uploads: Upload[] = [];
  /** Every index file asked for (its path under the index), in order. */
  readonly indexRequests: string[] = [];
  /** The claims of every JWT exchanged for a token, in order. */
  readonly exchanged: Record<string, unknown>[] = [];
  private readonly issuerKeys = new Map<string, IssuerKeys>();
  private readonly usedJtis = new Set<string>();
  private readonly crates = new Map<string, (IndexEntry & { visibleAt?: number })[]>();
  private readonly rawFiles = new Map<string, string | (() => string)>();
  private readonly server: Server;
  private port = 0;

  constructor(private readonly options: RegistryOptions) {
    const handler = (req: IncomingMessage, res: ServerResponse) => {
      void this.handle(req, res).catch(() => {
        if (!res.headersSent) sendErrors(res, 500, 'Internal Server Error');
      });
    };
    this.server = options.tls ? createHttpsServer(options.tls, handler) : createHttpServer(handler);
  }

  async start(): Promise<this> {
    this.port = await listen(this.server);
    return this;
  }

  stop(): Promise<void> {
    return close(this.server);
  }

  get listenPort(): number {
    return this.port;
  }

  /** Where the action should send its requests (the `url` input). */
  get url(): string {
    return (
      this.options.publicOrigin ?? `${this.options.tls ? 'https' : 'http'}://127.0.0.1:${this.port}`
    );
  }

  get audience(): string {
    return this.options.audience ?? new URL(this.url).host;
  }

  /** A crate that exists already: trusted publishing only publishes new versions. */
  addCrate(name: string, version: string): this {
    this.crates.set(name, [entry(name, version)]);
    return this;
  }

  /**
   * A crate whose index file is exactly `text`, whatever its lines say (a registry that serves
   * lines cargo does not read, say), or what `text()` makes at each request (a large file need
   * not stay in memory). The crate exists for uploads; the lines are not versions for the rig,
   * only for whoever reads the index.
   */
  serveIndexFile(name: string, text: string | (() => string)): this {
    if (!this.crates.has(name)) this.crates.set(name, []);
    this.rawFiles.set(name, text);
    return this;
  }

  addPublisher(publisher: TrustedPublisher): this {
    this.publishers.push(publisher);
    return this;
  }

  versions(name: string): string[] {
    return (this.crates.get(name) ?? []).map((entry) => entry.vers);
  }

  isRevoked(token: string): boolean {
    return this.issued.get(token)?.revoked ?? false;
  }

  /** Issued, not revoked, not expired: a token that could still publish. */
  isAlive(token: string): boolean {
    const issued = this.issued.get(token);
    return issued !== undefined && !issued.revoked && issued.expiresAt > Date.now();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://registry').pathname;
    if (path.startsWith('/index/')) {
      await this.answerIndex(path.slice('/index/'.length), req, res);
      return;
    }
    const endpoint =
      path === '/api/v1/trusted_publishing/tokens'
        ? req.method === 'DELETE'
          ? 'revoke'
          : 'exchange'
        : path === '/api/v1/crates/new'
          ? 'publish'
          : undefined;
    if (endpoint === undefined) {
      sendErrors(res, 404, 'Not Found');
      return;
    }
    const seen: (typeof this.requests)[number] = {
      endpoint,
      method: req.method ?? '',
      headers: req.headers,
      at: Date.now(),
    };
    this.requests.push(seen);
    res.once('close', () => {
      seen.endedAt = Date.now();
    });
    const fault = this.faults.next(endpoint);
    if (await applyFault(fault, req, res)) return;
    if (!req.headers['user-agent']) {
      sendErrors(
        res,
        403,
        'We require that all requests include a `User-Agent` header.  To allow us to determine the impact your bot has on our service, we ask that your user agent actually identify your bot, and not just report the version of the software you are using.',
      );
      return;
    }
    try {
      if (endpoint === 'exchange' && req.method === 'POST') {
        await this.exchange(req, res, fault !== undefined && 'replayed' in fault);
      } else if (endpoint === 'revoke') this.revoke(req, res);
      else if (endpoint === 'publish' && req.method === 'PUT') await this.publish(req, res);
      else sendErrors(res, 405, 'Method Not Allowed');
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      sendErrors(res, error.status, error.detail);
    }
  }

  private async exchange(
    req: IncomingMessage,
    res: ServerResponse,
    replayed: boolean,
  ): Promise<void> {
    const body = await readBody(req);
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      throw new Refusal(415, 'Expected request with `Content-Type: application/json`');
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      throw new Refusal(400, 'Failed to parse the request body as JSON');
    }
    const jwt = (parsed as { jwt?: unknown } | null)?.jwt;
    if (typeof jwt !== 'string') {
      throw new Refusal(
        422,
        'Failed to deserialize the JSON body into the target type: missing field `jwt`',
      );
    }
    if (replayed) {
      // A proxy on the way sent this request twice (it retried a POST whose answer it lost):
      // the registry does the work for the first, and answers the second.
      await this.exchangeOnce(jwt).catch(() => undefined);
    }
    const token = await this.exchangeOnce(jwt);
    sendJson(res, 200, { token });
  }

  /** One exchange of a JWT: the checks, then a token issued and its `jti` spent. */
  private async exchangeOnce(jwt: string): Promise<string> {
    const claims = await this.verify(jwt);
    const crates =
      this.options.answers === 'july-2025' ? this.matchJuly2025(claims) : this.match(claims);
    this.usedJtis.add(claims.jti as string);
    this.exchanged.push(claims);
    const token = newTrustedToken();
    const lifetime = this.options.tokenLifetimeMs ?? TOKEN_LIFETIME_MS;
    this.issued.set(token, { crates, expiresAt: Date.now() + lifetime, revoked: false });
    return token;
  }

  /** Checks 1 to 5 of the reference: decode, issuer, key, signature and claims, replay. */
  private async verify(jwt: string): Promise<Record<string, unknown>> {
    const decoded = decodeJwt(jwt);
    const iss = decoded?.claims.iss;
    if (decoded === undefined || typeof iss !== 'string')
      throw new Refusal(400, 'Failed to decode JWT');
    if (!(this.options.issuers ?? TRUSTED_ISSUERS).includes(iss)) {
      throw new Refusal(400, `Unsupported JWT issuer: ${iss}`);
    }
    const signed = await this.signedBy(iss, jwt);
    if (!signed.ok && signed.reason === 'no key ID') throw new Refusal(400, 'Missing JWT key ID');
    if (!signed.ok && signed.reason === 'unknown key ID')
      throw new Refusal(400, 'Invalid JWT key ID');
    const { claims } = decoded;
    const now = Math.floor(Date.now() / 1000);
    const valid =
      signed.ok &&
      REQUIRED_STRING_CLAIMS.every((name) => typeof claims[name] === 'string') &&
      REQUIRED_NUMBER_CLAIMS.every((name) => typeof claims[name] === 'number') &&
      (claims.environment === undefined || typeof claims.environment === 'string') &&
      claims.aud === this.audience &&
      (claims.exp as number) + LEEWAY_SECONDS > now &&
      (claims.iat as number) - LEEWAY_SECONDS <= now &&
      (typeof claims.nbf !== 'number' || claims.nbf - LEEWAY_SECONDS <= now);
    if (!valid) throw new Refusal(400, 'Failed to decode JWT');
    if (this.usedJtis.has(claims.jti as string))
      throw new Refusal(400, 'JWT has already been used');
    return claims;
  }

  /** Signed by one of the issuer's keys, found and cached as crates.io does (rig/issuer-keys.ts). */
  private async signedBy(issuer: string, jwt: string): Promise<Verdict> {
    const discovery = this.options.discovery[issuer];
    if (discovery === undefined) throw new Refusal(500, 'Failed to load OIDC key set');
    const keys = this.issuerKeys.get(issuer) ?? new IssuerKeys(issuer, discovery);
    this.issuerKeys.set(issuer, keys);
    try {
      return await verifyIssued(jwt, keys);
    } catch {
      throw new Refusal(500, 'Failed to load OIDC key set');
    }
  }

  /** The claims crates.io reads, in its order, each refused when it cannot read it. */
  private readClaims(claims: Record<string, unknown>) {
    const repository = claims.repository as string;
    // Rust's split_once('/'): the owner and the name may be empty, only the slash is needed.
    const slash = repository.indexOf('/');
    if (slash === -1) throw new Refusal(400, 'Unexpected `repository` value');
    const owner = repository.slice(0, slash);
    const name = repository.slice(slash + 1);
    const workflow = WORKFLOW_FILENAME.exec(claims.workflow_ref as string)?.[1];
    if (workflow === undefined) throw new Refusal(400, 'Unexpected `workflow_ref` value');
    const ownerId = claims.repository_owner_id as string;
    // Rust's parse::<i32>(): an optional sign, digits, within 32 bits.
    const id = /^[+-]?\d+$/.test(ownerId) ? Number(ownerId) : NaN;
    if (!(id >= -(2 ** 31) && id < 2 ** 31)) {
      throw new Refusal(400, 'Unexpected `repository_owner_id` value');
    }
    return { repository, owner, name, workflow, ownerId: String(id) };
  }

  /** Checks 6 to 11: trigger, claim shapes, then the configs, in crates.io's order. */
  private match(claims: Record<string, unknown>): string[] {
    const event = claims.event_name as string;
    if (event === 'pull_request_target' || event === 'workflow_run') {
      throw new Refusal(
        400,
        `Trusted Publishing does not support the \`${event}\` event trigger due to security concerns. Please use a different trigger such as \`push\`, \`release\`, or \`workflow_dispatch\`.`,
      );
    }
    const { repository, owner, name, workflow, ownerId } = this.readClaims(claims);

    const forRepo = this.publishers.filter(
      (p) =>
        p.repositoryOwner.toLowerCase() === owner.toLowerCase() &&
        p.repositoryName.toLowerCase() === name.toLowerCase(),
    );
    const prefix = `The Trusted Publishing config for repository \`${repository}\``;
    if (forRepo.length === 0) {
      throw new Refusal(
        400,
        `No Trusted Publishing config found for repository \`${repository}\`.`,
      );
    }
    const byOwner = forRepo.filter((p) => p.repositoryOwnerId === ownerId);
    if (byOwner.length === 0) {
      const expected = list(
        forRepo.map((p) => p.repositoryOwnerId),
        false,
      );
      throw new Refusal(
        400,
        `${prefix} does not match the repository owner ID (${ownerId}) in the JWT. Expected owner IDs: ${expected}. Please recreate the Trusted Publishing config to update the repository owner ID.`,
      );
    }
    const byWorkflow = byOwner.filter((p) => p.workflowFilename === workflow);
    if (byWorkflow.length === 0) {
      const expected = list(
        byOwner.map((p) => p.workflowFilename),
        true,
      );
      throw new Refusal(
        400,
        `${prefix} does not match the workflow filename \`${workflow}\` in the JWT. Expected workflow filenames: ${expected}`,
      );
    }
    const environment = claims.environment as string | undefined;
    const matching = byWorkflow.filter(
      (p) =>
        p.environment === undefined ||
        (environment !== undefined && p.environment.toLowerCase() === environment.toLowerCase()),
    );
    if (matching.length === 0) {
      const expected = list(
        byWorkflow.map((p) => p.environment ?? ''),
        true,
      );
      throw new Refusal(
        400,
        environment === undefined
          ? `${prefix} requires an environment, but the JWT does not specify one. Expected environments: ${expected}`
          : `${prefix} does not match the environment \`${environment}\` in the JWT. Expected environments: ${expected}`,
      );
    }
    return unique(matching.map((p) => p.crate));
  }

  /**
   * crates.io's code of July 2025: the same claim checks without the trigger's, then one query
   * for a config matching everything, and one answer for any mismatch.
   */
  private matchJuly2025(claims: Record<string, unknown>): string[] {
    const { owner, name, workflow, ownerId } = this.readClaims(claims);
    const environment = claims.environment as string | undefined;
    const matching = this.publishers.filter(
      (p) =>
        p.repositoryOwnerId === ownerId &&
        p.repositoryOwner.toLowerCase() === owner.toLowerCase() &&
        p.repositoryName.toLowerCase() === name.toLowerCase() &&
        p.workflowFilename === workflow &&
        (p.environment === undefined ||
          (environment !== undefined && p.environment.toLowerCase() === environment.toLowerCase())),
    );
    if (matching.length === 0)
      throw new Refusal(400, 'No matching Trusted Publishing config found');
    return unique(matching.map((p) => p.crate));
  }

  private revoke(req: IncomingMessage, res: ServerResponse): void {
    const token = authHeader(req);
    if (token === undefined) throw new Refusal(401, 'Missing `Authorization` header');
    if (!isTrustedToken(token)) {
      throw new Refusal(401, 'Invalid `Authorization` header: Failed to parse token');
    }
    const issued = this.issued.get(token);
    if (issued) issued.revoked = true;
    res.writeHead(204);
    res.end();
  }

  private async publish(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const token = authHeader(req) ?? '';
    const jsonLength = body.readUInt32LE(0);
    const metadata = JSON.parse(body.subarray(4, 4 + jsonLength).toString('utf8')) as {
      name: string;
      vers: string;
      deps?: PublishedDep[];
      features?: Record<string, unknown>;
    };
    const upload: Upload = {
      crate: metadata.name,
      version: metadata.vers,
      token,
      live: this.isAlive(token),
      status: 200,
    };
    this.uploads.push(upload);
    try {
      this.accept(
        upload,
        metadata,
        body.subarray(8 + jsonLength, 8 + jsonLength + body.readUInt32LE(4 + jsonLength)),
      );
    } catch (error) {
      if (error instanceof Refusal) upload.status = error.status;
      throw error;
    }
    sendJson(res, 200, { warnings: { invalid_categories: [], invalid_badges: [], other: [] } });
  }

  /** crates.io's checks of an upload, in its order; the new version shows after the index delay. */
  private accept(
    upload: Upload,
    metadata: {
      name: string;
      vers: string;
      deps?: PublishedDep[];
      features?: Record<string, unknown>;
    },
    crateFile: Buffer,
  ): void {
    // A trusted-publishing token is parsed first; others are not this rig's business.
    if (upload.token.startsWith('cio_tp_') && !isTrustedToken(upload.token)) {
      throw new Refusal(401, 'Invalid `Authorization` header: Failed to parse token');
    }
    // crates.io finds the crate by its canonical name: case, `-` and `_` do not count.
    const found = [...this.crates].find(([name]) => canonical(name) === canonical(metadata.name));
    if (found === undefined) {
      throw new Refusal(
        403,
        'Trusted Publishing tokens do not support creating new crates. Publish the crate manually, first',
      );
    }
    const [known, existing] = found;
    const issued = this.issued.get(upload.token);
    if (!upload.live || issued === undefined) {
      throw new Refusal(403, 'Invalid authentication token');
    }
    if (!issued.crates.includes(known)) {
      throw new Refusal(403, `The provided access token is not valid for crate \`${known}\``);
    }
    if (known !== metadata.name) {
      throw new Refusal(400, `crate was previously named \`${known}\``);
    }
    // One version whatever its build metadata: crates.io's unique index on `num_no_build`.
    const noBuild = withoutBuild(metadata.vers);
    if (existing.some((e) => withoutBuild(e.vers) === noBuild)) {
      throw new Refusal(400, `crate version \`${noBuild}\` is already uploaded`);
    }
    existing.push({
      ...entry(metadata.name, metadata.vers),
      deps: (metadata.deps ?? []).map(indexDep).sort(byCratesIoOrder),
      cksum: createHash('sha256').update(crateFile).digest('hex'),
      features: metadata.features ?? {},
      visibleAt: Date.now() + (this.options.indexDelayMs ?? 0),
    });
  }

  /** Another version of a crate that exists, as if published before (visible at once). */
  addVersion(name: string, version: string): this {
    const entries = this.crates.get(name);
    if (entries === undefined) throw new Error(`no crate ${name}`);
    entries.push(entry(name, version));
    return this;
  }

  /**
   * A version yanked: still a line of the index (`"yanked": true`), and it cannot be published
   * again. Adds the version first when the crate does not list it.
   */
  yank(name: string, version: string): this {
    const entries = this.crates.get(name);
    if (entries === undefined) throw new Error(`no crate ${name}`);
    const found = entries.find((e) => e.vers === version);
    if (found) found.yanked = true;
    else entries.push({ ...entry(name, version), yanked: true });
    return this;
  }

  /**
   * A request for a file of the sparse index (`path` under the index's root): its faults
   * first, then the file. Served here under `/index/`, and at the root of an index host
   * (rig/index-host.ts) as crates.io serves https://index.crates.io/.
   */
  async answerIndex(path: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.indexRequests.push(path);
    if (await applyFault(this.faults.next('index'), req, res)) return;
    this.serveIndex(path, res);
  }

  /**
   * What the index serves, as crates.io's does: files at the protocol's lower-case paths
   * (cargo's `make_dep_path`), 404 for a crate it does not have or a path that is not the
   * crate's.
   */
  private serveIndex(path: string, res: ServerResponse): void {
    if (path === 'config.json') {
      sendJson(res, 200, { dl: `${this.url}/api/v1/crates`, api: this.url });
      return;
    }
    const name = path.split('/').pop() ?? '';
    // Names are unique whatever their case; the path is always lower case.
    const entries = [...this.crates].find(([crate]) => crate.toLowerCase() === name)?.[1];
    if (entries === undefined || name !== name.toLowerCase() || indexPath(name) !== path) {
      res.writeHead(404);
      res.end();
      return;
    }
    const now = Date.now();
    const raw = [...this.rawFiles].find(([crate]) => crate.toLowerCase() === name)?.[1];
    const text =
      (typeof raw === 'function' ? raw() : raw) ??
      entries
        .filter((e) => (e.visibleAt ?? 0) <= now)
        .map((e) => JSON.stringify({ ...e, visibleAt: undefined }) + '\n')
        .join('');
    res.writeHead(200, { 'content-type': 'text/plain', 'cache-control': 'no-cache' });
    res.end(text);
  }
}

/**
 * crates.io's reading of the Authorization header (`AuthHeader`): ASCII only; a `Bearer`
 * scheme (any case) or none; the token trimmed. Undefined when there is no header.
 */
function authHeader(req: IncomingMessage): string | undefined {
  const value = req.headers.authorization;
  if (value === undefined) return undefined;
  if (!/^[\t\x20-\x7e]*$/.test(value)) {
    throw new Refusal(401, 'Invalid `Authorization` header: Found unexpected non-ASCII characters');
  }
  const space = value.indexOf(' ');
  const [scheme, token] =
    space === -1 ? ['', value] : [value.slice(0, space), value.slice(space + 1)];
  if (scheme !== '' && scheme.toLowerCase() !== 'bearer') {
    throw new Refusal(
      401,
      `Invalid \`Authorization\` header: Found unexpected authentication scheme \`${scheme}\``,
    );
  }
  return token.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '');
}

/** A dependency as crates.io's index lists it: cargo's publish metadata says `version_req`, the index `req`. */
function indexDep(dep: PublishedDep): IndexDep {
  const renamed = typeof dep.explicit_name_in_toml === 'string';
  return {
    name: renamed ? (dep.explicit_name_in_toml ?? dep.name) : dep.name,
    req: dep.version_req,
    features: dep.features ?? [],
    optional: dep.optional ?? false,
    default_features: dep.default_features ?? true,
    target: dep.target ?? null,
    kind: dep.kind === 'build' || dep.kind === 'dev' ? dep.kind : 'normal',
    ...(renamed ? { package: dep.name } : {}),
  };
}

const KIND_ORDER = { normal: 0, build: 1, dev: 2 };

/** crates.io sorts a version's dependencies (`impl Ord for Dependency`): by name, then kind, then req. */
function byCratesIoOrder(a: IndexDep, b: IndexDep): number {
  const text = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return text(a.name, b.name) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || text(a.req, b.req);
}

/** A version line for the index: no dependency, a checksum of zeros, published now. */
function entry(name: string, vers: string): IndexEntry {
  return {
    name,
    vers,
    deps: [],
    cksum: '0'.repeat(64),
    features: {},
    yanked: false,
    pubtime: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  };
}

/**
 * An index file of as many short lines as fit in `bytes` (versions 0.0.0, 0.1.0, ...): the most
 * versions a file of that size can make a reader hold. For the tests and the benchmark of a
 * hostile index.
 */
export function shortLinesFile(name: string, bytes: number): string {
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; ; i++) {
    const text = `{"name":"${name}","vers":"${Math.floor(i / 1000)}.${i % 1000}.0","deps":[],"cksum":""}\n`;
    if (size + text.length > bytes) break;
    lines.push(text);
    size += text.length;
  }
  return lines.join('');
}

/** crates.io's canonical crate name (`canon_crate_name`): lower case, `-` as `_`. */
function canonical(name: string): string {
  return name.toLowerCase().replace(/-/g, '_');
}

/** A version as crates.io's `num_no_build` holds it. */
function withoutBuild(version: string): string {
  const plus = version.indexOf('+');
  return plus === -1 ? version : version.slice(0, plus);
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
