import { describeError } from './errors/describe.js';
import { startPhase } from './http/call.js';
import { postTiming } from './http/policies.js';
import type { Clock } from './http/retry.js';
import type { Transport } from './http/transport.js';
import { revokeToken } from './revoke/revoke-token.js';
import type { Core } from './runner/core.js';
import type { RunnerEnvironment } from './runner/environment.js';
import { withRedaction } from './redact/redacting-core.js';
import { readHandover } from './state/state.js';

export interface PostDeps {
  core: Core;
  environment: RunnerEnvironment;
  transport: Transport;
  clock: Clock;
}

/** state → revoke. Best effort: a failure is a warning, never a failed job. */
export async function runPost(deps: PostDeps): Promise<void> {
  const { environment, transport, clock } = deps;
  const core = withRedaction(deps.core);
  try {
    const handover = readHandover(core);
    if (handover.kind === 'none') {
      core.info('No token to revoke: the main step did not get one.');
      return;
    }
    if (handover.kind === 'keep') {
      core.info(
        'Not revoking the token (`revoke: false`): it expires on its own 30 minutes after it was issued.',
      );
      return;
    }
    core.setSecret(handover.token);
    const net = startPhase({ core, transport, clock }, postTiming(environment.timeScale));
    await revokeToken(net, handover.baseUrl, handover.token);
    core.info(`Revoked the publish token at ${handover.baseUrl}.`);
  } catch (error) {
    core.warning(
      `${describeError(error)} The token was not revoked; it expires on its own 30 minutes after it was issued.`,
    );
  }
}
