import { GITHUB_ISSUER } from './jwt.js';
import { OidcService } from './oidc-service.js';
import { Registry, type RegistryOptions } from './registry.js';
import {
  leaks,
  runJob,
  runStep,
  type JobResult,
  type StepOptions,
  type StepResult,
} from './runner.js';

export const CRATE = 'hello-tp';

/**
 * Timeouts and backoff in the bundled action are multiplied by this in tests, so a 30 s
 * timeout takes 0.6 s and the 3 minute budget 3.6 s. Only waits shrink; what is retried and
 * when it gives up does not change.
 */
export const TIME_SCALE = '0.02';

/** GitHub's OIDC service and a registry trusting it, with the demo crate's publisher set up. */
export class World {
  /** Every step run in this world, for the leak check after each test. */
  readonly steps: StepResult[] = [];

  private constructor(
    readonly oidc: OidcService,
    readonly registry: Registry,
  ) {}

  static async start(options: Partial<RegistryOptions> = {}): Promise<World> {
    const oidc = await new OidcService().start();
    const registry = await new Registry({
      discovery: { [GITHUB_ISSUER]: `${oidc.origin}/.well-known/openid-configuration` },
      ...options,
    }).start();
    registry.addCrate(CRATE, '0.1.0').addPublisher({
      crate: CRATE,
      repositoryOwner: 'rust-lang-demo',
      repositoryName: 'hello-tp',
      repositoryOwnerId: '4242',
      workflowFilename: 'release.yml',
    });
    return new World(oidc, registry);
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

  async runJob(options: Parameters<typeof runJob>[0] = {}): Promise<JobResult> {
    const job = await runJob({ ...options, ...this.step(options) });
    this.steps.push(job.main, job.post);
    return job;
  }

  /**
   * Stops the servers after checking every step this world ran: no JWT, token or request
   * token in any log line as displayed, annotation or step summary.
   */
  async stopAndCheckLeaks(): Promise<void> {
    await this.stop();
    expect(this.leaks(...this.steps)).toEqual([]);
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

/** The one error annotation a failed step shows; fails the test if there is not exactly one. */
export function theError(step: StepResult): string {
  const errors = step.annotations.filter((a) => a.level === 'error');
  expect(errors).toHaveLength(1);
  return errors[0]?.message ?? '';
}

/**
 * A call that was retried until the policy gave up: the message states the number of attempts
 * the server saw, at most five, and each retry had its log line. In a long outage the time
 * budget may end a call before its fifth attempt, so the count itself is not fixed.
 */
export function expectGaveUp(step: StepResult, message: string, seen: number, atLeast = 3): void {
  expect(seen).toBeGreaterThanOrEqual(atLeast);
  expect(seen).toBeLessThanOrEqual(5);
  expect(message).toContain(`(after ${seen} attempts)`);
  expect(step.log.filter((line) => / \(attempt \d of 5\); next try in /.test(line))).toHaveLength(
    seen - 1,
  );
}

/** The one warning annotation a step shows. */
export function theWarning(step: StepResult): string {
  const warnings = step.annotations.filter((a) => a.level === 'warning');
  expect(warnings).toHaveLength(1);
  return warnings[0]?.message ?? '';
}
