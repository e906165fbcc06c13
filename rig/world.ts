import { GITHUB_ISSUER } from './jwt.js';
import { OidcService } from './oidc-service.js';
import { Registry, type RegistryOptions } from './registry.js';
import {
  leaks,
  runJob,
  type CommandOptions,
  type Job,
  runStep,
  type JobResult,
  type StepOptions,
  type StepResult,
} from './runner.js';

export const CRATE = 'hello-tp';

/**
 * Timeouts and backoff in the bundled action are multiplied by this in tests, so a 30 s
 * timeout takes 1.5 s (the post step's 15 s, 0.75 s) and the 3 minute budget 9 s. Only waits
 * shrink; what is retried and when it gives up does not change. Shorter would be faster, but
 * on a loaded machine a loopback answer can take longer than 0.3 s, and a test that counts
 * attempts would then see a retry.
 */
export const TIME_SCALE = '0.05';

/** GitHub's OIDC service and a registry trusting it, with the demo crate's publisher set up. */
export class World {
  /** Every step run in this world, for the leak check after each test. */
  readonly steps: StepResult[] = [];

  private constructor(
    readonly oidc: OidcService,
    readonly registry: Registry,
  ) {}

  /** `oidcTls`: GitHub's ID token endpoint over HTTPS too (see OidcService.start). */
  static async start(
    options: Partial<RegistryOptions> = {},
    oidcTls?: { key: string; cert: string },
  ): Promise<World> {
    const oidc = await new OidcService().start(oidcTls);
    const registry = await new Registry({
      discovery: { [GITHUB_ISSUER]: `${oidc.origin}/.well-known/openid-configuration` },
      ...options,
    }).start();
    const world = new World(oidc, registry);
    world.trust(CRATE, '0.1.0');
    return world;
  }

  /** A crate that exists (trusted publishing only adds versions) and trusts the demo's workflow. */
  trust(crate: string, version: string): this {
    this.registry.addCrate(crate, version).addPublisher({
      crate,
      repositoryOwner: 'rust-lang-demo',
      repositoryName: 'hello-tp',
      repositoryOwnerId: '4242',
      workflowFilename: 'release.yml',
    });
    return this;
  }

  async stop(): Promise<void> {
    await Promise.all([this.oidc.stop(), this.registry.stop()]);
  }

  /** What the runner gives a job with `permissions: id-token: write`. */
  get oidcEnv(): Record<string, string> {
    return {
      ACTIONS_ID_TOKEN_REQUEST_URL: this.oidc.requestUrl,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: this.oidc.requestToken,
      AUTH_ACTION_TIME_SCALE: TIME_SCALE,
    };
  }

  /** Step options for this world: the registry's URL as `url`, the OIDC variables set. */
  step(options: StepOptions = {}): StepOptions {
    return {
      ...options,
      with: { url: this.registry.url, ...options.with },
      env: { ...this.oidcEnv, ...options.env },
      knownSecrets: [this.oidc.requestToken],
    };
  }

  async runMain(options: StepOptions = {}): Promise<StepResult> {
    const step = await runStep('main', this.step(options));
    this.steps.push(step);
    return step;
  }

  /** The post step alone, with the state a main step left. */
  async runPost(stateIn: Record<string, string>, options: StepOptions = {}): Promise<StepResult> {
    const step = await runStep('post', { ...this.step(options), stateIn });
    this.steps.push(step);
    return step;
  }

  /**
   * main, the steps `between` runs (a `run:` step through `job.runCommand`, with this world's
   * OIDC variables as a job with `id-token: write` has them), then post.
   */
  async runJob(options: Parameters<typeof runJob>[0] = {}): Promise<JobResult> {
    const between = options.between;
    const result = await runJob({
      ...options,
      ...this.step(options),
      between:
        between &&
        (async (main, job) => {
          this.steps.push(main);
          await between(main, job);
        }),
    });
    if (!between) this.steps.push(result.main);
    this.steps.push(result.post);
    return result;
  }

  /** A `run:` step of a job in this world: its log is checked for leaks like the action's. */
  async runCommand(
    job: Job,
    command: string,
    args: string[],
    options: StepOptions & CommandOptions = {},
  ): Promise<StepResult> {
    const step = await job.runCommand(command, args, {
      ...options,
      env: { ...this.oidcEnv, ...options.env },
      knownSecrets: [this.oidc.requestToken],
    });
    this.steps.push(step);
    return step;
  }

  /**
   * Stops the servers after checking every step this world ran: no JWT, token or request
   * token in any log line as displayed, annotation or step summary.
   */
  async stopAndCheckLeaks(): Promise<void> {
    await this.stop();
    const found = this.leaks(...this.steps);
    if (found.length > 0) throw new Error(`secrets leaked: ${found.join('; ')}`);
  }

  /** Every secret this world handed out: the JWTs, the registry tokens, the request token. */
  get secrets(): string[] {
    return [...this.oidc.minted, ...this.registry.issued.keys(), this.oidc.requestToken];
  }

  leaks(...steps: StepResult[]): string[] {
    return leaks(steps, this.secrets);
  }

  /** How many requests the registry got for an endpoint. */
  count(endpoint: 'exchange' | 'revoke' | 'publish'): number {
    return this.registry.requests.filter((r) => r.endpoint === endpoint).length;
  }
}
