import { explainAndDescribe } from './diagnose/explain-failure.js';
import { NOTHING_TO_PUBLISH } from './errors/describe.js';
import { inputWarnings, triggerWarning } from './diagnose/early-warnings.js';
import { mintToken } from './exchange/mint-token.js';
import { startPhase } from './http/call.js';
import { mainTiming, timeScaleNote } from './http/policies.js';
import type { Clock } from './http/retry.js';
import type { Transport } from './http/transport.js';
import { oidcAccess } from './id-token/oidc-access.js';
import { readInputs, type Inputs } from './inputs/read-inputs.js';
import { handOutToken } from './output/hand-out-token.js';
import { successSummary } from './output/summary-line.js';
import { summaryLinks, summarySection } from './output/summary.js';
import { makeProviderDir, type ProviderProgram } from './provider/install-provider.js';
import { Redactor } from './redact/redact.js';
import { withRedaction } from './redact/redacting-core.js';
import type { Core } from './runner/core.js';
import type { RunnerEnvironment } from './runner/environment.js';
import { savePreflight } from './state/state.js';

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
  for (const link of summaryLinks(environment.docs)) redactor.keep(link);
  const core = withRedaction(deps.core, redactor);
  let inputs: Inputs | undefined;
  const trace: { lastJwt?: string } = {};
  try {
    inputs = readInputs(core);
    const { registry } = inputs;
    const warnings = [
      ...inputWarnings(inputs),
      triggerWarning(environment.event, registry.baseUrl),
    ];
    for (const warning of warnings) if (warning !== undefined) core.warning(warning);
    const oidc = oidcAccess(environment);
    // The runner masks it already; this keeps it out of what the action writes itself.
    redactor.add(oidc.requestToken);
    // Said first: it explains every wait and timeout that follows.
    const note = timeScaleNote(environment.timeScale, environment.timeScaleAsked);
    if (note !== undefined) core.info(note);
    // The check of a workspace, before any ID token is requested: its code (and cargo's
    // child process) load only when `workspace` asks for it.
    if (inputs.workspace !== '') {
      const { runPreflight } = await import('./preflight/run-preflight.js');
      const found = await runPreflight({ core, environment, transport, clock }, inputs);
      savePreflight(core, {
        index: found.index ?? '',
        unpublished: found.unpublished.map((crate) => `${crate.name}@${crate.version}`),
      });
      // A trusted-publishing token can only publish: with nothing to publish, none is minted.
      if (found.unpublished.length === 0) {
        core.setOutput('token', '');
        core.info(NOTHING_TO_PUBLISH.log);
        core.appendSummary(summarySection(NOTHING_TO_PUBLISH.summary));
        return;
      }
    }
    // The provider's folder is made before any token is minted: a RUNNER_TEMP it cannot use
    // fails the step with nothing to revoke.
    let provider: Parameters<typeof handOutToken>[3];
    if (inputs.provider !== undefined) {
      const program = deps.providerProgram();
      const { dir, identity } = makeProviderDir(environment.runnerTemp, program);
      provider = { cargo: inputs.provider, program, dir, identity };
    }

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
    core.appendSummary(successSummary(registry.baseUrl, trace.lastJwt, inputs.revoke, variable));
  } catch (error) {
    core.setFailed(
      explainAndDescribe(core, error, {
        baseUrl: inputs?.registry.baseUrl ?? '',
        audienceFromInput: inputs?.registry.audienceFromInput ?? false,
        nowSeconds: Math.floor(clock.now() / 1000),
        lastJwt: trace.lastJwt,
        docs: environment.docs,
      }),
    );
  }
}
