import { explainAndDescribe } from './diagnose/explain-failure.js';
import { triggerWarning } from './diagnose/preflight.js';
import { mintToken } from './exchange/mint-token.js';
import { startPhase } from './http/call.js';
import { mainTiming } from './http/policies.js';
import type { Clock } from './http/retry.js';
import type { Transport } from './http/transport.js';
import { oidcAccess } from './id-token/oidc-access.js';
import { readInputs, type Inputs } from './inputs/read-inputs.js';
import { handOutToken } from './output/hand-out-token.js';
import { successSummary } from './output/summary-line.js';
import { providerHome, type ProviderProgram } from './provider/install-provider.js';
import { Redactor } from './redact/redact.js';
import { withRedaction } from './redact/redacting-core.js';
import type { Core } from './runner/core.js';
import type { RunnerEnvironment } from './runner/environment.js';

export interface MainDeps {
  core: Core;
  environment: RunnerEnvironment;
  transport: Transport;
  clock: Clock;
  /** What a later step runs for cargo when `credential-provider` is on (looked up only then). */
  providerProgram: () => ProviderProgram;
}

/**
 * inputs → ID token → exchange → output (and, when asked, cargo's credential provider for the
 * rest of the job). Every failure ends in one setFailed paragraph.
 */
export async function runMain(deps: MainDeps): Promise<void> {
  const { environment, transport, clock } = deps;
  const redactor = new Redactor();
  const core = withRedaction(deps.core, redactor);
  let inputs: Inputs | undefined;
  const trace: { lastJwt?: string } = {};
  try {
    inputs = readInputs(core);
    const { registry } = inputs;
    if (inputs.registryNameUnused) {
      core.warning(
        'The `registry-name` input does nothing without `credential-provider: true`: give cargo the `token` output (as `CARGO_REGISTRIES_<NAME>_TOKEN`), or turn the provider on.',
      );
    }
    const warning = triggerWarning(environment.event, registry.baseUrl);
    if (warning !== undefined) core.warning(warning);
    const oidc = oidcAccess(environment);
    // The runner masks it already; this keeps it out of what the action writes itself.
    redactor.add(oidc.requestToken);
    // A provider that could not be installed is refused before any token is minted.
    const provider = inputs.provider && {
      cargo: inputs.provider,
      runnerTemp: providerHome(environment.runnerTemp),
      program: deps.providerProgram(),
    };

    const net = startPhase({ core, transport, clock }, mainTiming(environment.timeScale));
    core.info(
      `Exchanging a GitHub OIDC ID token (audience \`${registry.audience}\`) at ${registry.baseUrl}.`,
    );
    const minted = await mintToken(net, oidc, registry, trace);
    const variable = handOutToken(core, inputs, minted, provider);
    const fate = inputs.revoke ? 'revoked when the job ends' : 'left to expire (`revoke: false`)';
    core.info(
      variable === undefined
        ? `Got a publish token: it is in the \`token\` output and will be ${fate}.`
        : `Got a publish token: it is in the \`token\` output, and cargo's credential provider is set up for the rest of the job (${variable}): each upload gets a live token, every token is ${fate}.`,
    );
    core.appendSummary(successSummary(registry.baseUrl, trace.lastJwt, inputs.revoke));
  } catch (error) {
    core.setFailed(
      explainAndDescribe(core, error, {
        baseUrl: inputs?.registry.baseUrl ?? '',
        audienceFromInput: inputs?.registry.audienceFromInput ?? false,
        nowSeconds: Math.floor(clock.now() / 1000),
        lastJwt: trace.lastJwt,
      }),
    );
  }
}
