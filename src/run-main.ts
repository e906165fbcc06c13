import { explainFailure, type FailureContext } from './diagnose/explain-failure.js';
import { triggerWarning } from './diagnose/preflight.js';
import { describeError } from './errors/describe.js';
import { ActionFailure } from './errors/failure.js';
import { exchangeForToken } from './exchange/exchange-token.js';
import { startPhase } from './http/call.js';
import { mainTiming } from './http/policies.js';
import type { Clock } from './http/retry.js';
import type { Transport } from './http/transport.js';
import { requestIdToken, type OidcAccess } from './id-token/request-id-token.js';
import { readInputs, type Inputs } from './inputs/read-inputs.js';
import { handOutToken } from './output/hand-out-token.js';
import { successSummary } from './output/summary-line.js';
import type { Core } from './runner/core.js';
import type { RunnerEnvironment } from './runner/environment.js';
import { Redactor } from './redact/redact.js';
import { withRedaction } from './redact/redacting-core.js';

export interface MainDeps {
  core: Core;
  environment: RunnerEnvironment;
  transport: Transport;
  clock: Clock;
}

/** The ID token service's address and the job's request token, or the failure that says why not. */
function oidcAccess(environment: RunnerEnvironment): OidcAccess {
  const { oidc } = environment;
  switch (oidc.kind) {
    case 'absent':
      throw new ActionFailure({ kind: 'no-id-token', fromFork: environment.event.fromFork });
    case 'invalid':
      throw new ActionFailure({
        kind: 'bad-environment',
        variable: oidc.variable,
        problem: oidc.problem,
      });
    case 'ready':
      return oidc.access;
  }
}

/** inputs → ID token → exchange → output. Every failure ends in one setFailed paragraph. */
export async function runMain(deps: MainDeps): Promise<void> {
  const { environment, transport, clock } = deps;
  const redactor = new Redactor();
  const core = withRedaction(deps.core, redactor);
  let inputs: Inputs | undefined;
  let lastJwt: string | undefined;
  try {
    inputs = readInputs(core);
    const { registry } = inputs;
    const warning = triggerWarning(environment.event, registry.baseUrl);
    if (warning !== undefined) core.warning(warning);
    const oidc = oidcAccess(environment);
    // The runner masks it already; this keeps it out of what the action writes itself.
    redactor.add(oidc.requestToken);

    const net = startPhase({ core, transport, clock }, mainTiming(environment.timeScale));
    core.info(
      `Exchanging a GitHub OIDC ID token (audience \`${registry.audience}\`) at ${registry.baseUrl}.`,
    );
    const token = await exchangeForToken(net, registry.baseUrl, async () => {
      lastJwt = await requestIdToken(net, oidc, registry.audience);
      return lastJwt;
    });
    handOutToken(core, inputs, token);
    core.info(
      inputs.revoke
        ? 'Got a publish token: it is in the `token` output and will be revoked when the job ends.'
        : 'Got a publish token: it is in the `token` output and expires on its own (`revoke: false`).',
    );
    core.appendSummary(successSummary(registry.baseUrl, lastJwt, inputs.revoke));
  } catch (error) {
    const explained = explainBesideError(core, error, {
      baseUrl: inputs?.registry.baseUrl ?? '',
      audienceFromInput: inputs?.registry.audienceFromInput ?? false,
      nowSeconds: Math.floor(clock.now() / 1000),
      lastJwt,
    });
    core.setFailed(describeError(error, explained));
  }
}

/** The help printed beside the error. If it breaks, the error alone still goes out. */
function explainBesideError(core: Core, error: unknown, context: FailureContext): boolean {
  if (!(error instanceof ActionFailure)) return false;
  try {
    return explainFailure(core, error.failure, context);
  } catch {
    return false;
  }
}
