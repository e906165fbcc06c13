import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { applyFault, FaultScript } from './faults.js';
import { close, listen, sendJson } from './http-util.js';
import { GITHUB_ISSUER, newSigningKey, signJwt } from './jwt.js';

/** The parts of a GitHub Actions run that end up in its ID token. */
export interface WorkflowRun {
  repository: string;
  repositoryOwnerId: string;
  repositoryId: string;
  /** `.github/workflows/<file>`; the calling workflow. */
  workflowFile: string;
  /** Set for a job that runs in a reusable workflow: `owner/repo/.github/workflows/x.yml@ref`. */
  jobWorkflowRef?: string;
  environment?: string;
  eventName: string;
  ref: string;
  sha: string;
  runId: string;
  issuer: string;
  /** Seconds the token is valid; GitHub's live about five minutes. */
  lifetimeSeconds: number;
  /** Seconds added to iat/nbf/exp, to mint tokens from the past or the future. */
  clockSkewSeconds: number;
}

export const defaultRun = (): WorkflowRun => ({
  repository: 'rust-lang-demo/hello-tp',
  repositoryOwnerId: '4242',
  repositoryId: '777001',
  workflowFile: 'release.yml',
  eventName: 'push',
  ref: 'refs/tags/v0.2.0',
  sha: 'c0ffee0000000000000000000000000000000001',
  runId: '9000000001',
  issuer: GITHUB_ISSUER,
  lifetimeSeconds: 300,
  clockSkewSeconds: 0,
});

/**
 * GitHub's OIDC token service as a job sees it: `GET <ACTIONS_ID_TOKEN_REQUEST_URL>&audience=x`
 * with the request token as a bearer, answering `{"value": "<RS256 JWT>"}`; plus the JWKS a
 * registry verifies against.
 */
export class OidcService {
  readonly faults = new FaultScript();
  readonly requestToken = `ghs_req_${randomUUID().replaceAll('-', '')}`;
  readonly key = newSigningKey(randomUUID());
  /** Every JWT handed out: secrets the logs must never show. */
  readonly minted: string[] = [];
  readonly audiences: string[] = [];
  /** Requests to the ID token endpoint, answered or not. */
  requests = 0;
  /** When each of them arrived (Date.now()). */
  readonly requestTimes: number[] = [];
  run: WorkflowRun = defaultRun();
  /** Merged into every JWT header: `{ kid: 'other' }` signs with a key the JWKS lacks. */
  headerOverride: Record<string, unknown> = {};
  /** Hand out the first JWT again and again, as GitHub never does, to provoke a replay refusal. */
  replay = false;
  private readonly server = createServer((req, res) => {
    void this.handle(req, res);
  });
  private port = 0;
  /** The ID token endpoint over TLS, as GitHub's is, when started with a certificate. */
  private tlsServer: Server | undefined;
  private tlsPort = 0;

  /**
   * With `tls`, the ID token endpoint (requestUrl) is served over HTTPS too; the issuer's
   * discovery document and keys stay on http (origin), where the registry fetches them.
   */
  async start(tls?: { key: string; cert: string }): Promise<this> {
    this.port = await listen(this.server);
    if (tls !== undefined) {
      this.tlsServer = createHttpsServer(tls, (req, res) => {
        void this.handle(req, res);
      });
      this.tlsPort = await listen(this.tlsServer);
    }
    return this;
  }

  async stop(): Promise<void> {
    await Promise.all([close(this.server), this.tlsServer && close(this.tlsServer)]);
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** What the runner puts in ACTIONS_ID_TOKEN_REQUEST_URL: it already has a query. */
  get requestUrl(): string {
    const origin = this.tlsServer ? `https://127.0.0.1:${this.tlsPort}` : this.origin;
    return `${origin}/_apis/distributedtask/idtoken?api-version=2.0`;
  }

  get jwksUrl(): string {
    return `${this.origin}/.well-known/jwks`;
  }

  claimsFor(audience: string): Record<string, unknown> {
    const run = this.run;
    const now = Math.floor(Date.now() / 1000) + run.clockSkewSeconds;
    const [owner = ''] = run.repository.split('/');
    const workflowRef = `${run.repository}/.github/workflows/${run.workflowFile}@${run.ref}`;
    const subject = run.environment
      ? `repo:${run.repository}:environment:${run.environment}`
      : `repo:${run.repository}:ref:${run.ref}`;
    return {
      jti: randomUUID(),
      sub: subject,
      aud: audience,
      ref: run.ref,
      sha: run.sha,
      repository: run.repository,
      repository_owner: owner,
      repository_owner_id: run.repositoryOwnerId,
      repository_id: run.repositoryId,
      repository_visibility: 'public',
      run_id: run.runId,
      run_number: '12',
      run_attempt: '1',
      runner_environment: 'github-hosted',
      actor: 'ferris',
      actor_id: '1001',
      workflow: 'Release',
      head_ref: '',
      base_ref: '',
      event_name: run.eventName,
      ref_type: run.ref.startsWith('refs/tags/') ? 'tag' : 'branch',
      workflow_ref: workflowRef,
      workflow_sha: run.sha,
      job_workflow_ref: run.jobWorkflowRef ?? workflowRef,
      job_workflow_sha: run.sha,
      ...(run.environment === undefined ? {} : { environment: run.environment }),
      iss: run.issuer,
      nbf: now - 5,
      iat: now - 5,
      exp: now + run.lifetimeSeconds,
    };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.origin);
    if (url.pathname === '/.well-known/jwks') {
      sendJson(res, 200, { keys: [this.key.jwk] });
      return;
    }
    if (url.pathname === '/.well-known/openid-configuration') {
      sendJson(res, 200, { issuer: GITHUB_ISSUER, jwks_uri: this.jwksUrl });
      return;
    }
    if (url.pathname !== '/_apis/distributedtask/idtoken') {
      sendJson(res, 404, { message: 'Not Found' });
      return;
    }
    this.requests++;
    this.requestTimes.push(Date.now());
    if (await applyFault(this.faults.next('id-token'), req, res)) return;
    if (req.headers.authorization !== `Bearer ${this.requestToken}`) {
      sendJson(res, 401, { message: 'Bad credentials' });
      return;
    }
    const [owner = ''] = this.run.repository.split('/');
    // GitHub's default audience is the owner's URL.
    const audience = url.searchParams.get('audience') ?? `https://github.com/${owner}`;
    this.audiences.push(audience);
    const jwt =
      this.replay && this.minted[0] !== undefined
        ? this.minted[0]
        : signJwt(this.key, this.claimsFor(audience), this.headerOverride);
    this.minted.push(jwt);
    sendJson(res, 200, { count: 1, value: jwt });
  }
}
