import { rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { describeError, describeFailure } from './errors/describe.js';
import type { Failure } from './errors/failure.js';
import { startPhase } from './http/call.js';
import { postTiming, timeScaleNote } from './http/policies.js';
import type { Clock } from './http/retry.js';
import type { Transport } from './http/transport.js';
import { PROVIDER_DIR_PREFIX, RECORD_FILE } from './provider/files.js';
import { readRecord } from './provider/token-record.js';
import { withRedaction } from './redact/redacting-core.js';
import { revokeToken } from './revoke/revoke-token.js';
import type { Core } from './runner/core.js';
import type { RunnerEnvironment } from './runner/environment.js';
import { UntrustedFileError } from './runner/untrusted-file.js';
import { readHandover } from './state/state.js';

export interface PostDeps {
  core: Core;
  environment: RunnerEnvironment;
  transport: Transport;
  clock: Clock;
}

const UNREVOKED =
  'The token was not revoked; it expires on its own 30 minutes after it was issued.';

/**
 * The credential provider's folder as state names it, to read its token record from. Reading
 * needs no more (the record is read as untrusted, and its tokens go only to the registry):
 * a RUNNER_TEMP that is unset in post, or changed by a step, does not hide the provider's
 * tokens.
 */
function recordFolder(providerDir: string | undefined): string | undefined {
  return providerDir === undefined ? undefined : resolve(providerDir);
}

/**
 * The same folder if post may delete it: directly in this job's RUNNER_TEMP and named as main
 * names it, so nothing else is taken.
 */
function removableFolder(
  folder: string | undefined,
  runnerTemp: string | undefined,
): string | undefined {
  if (folder === undefined || runnerTemp === undefined || runnerTemp === '') return undefined;
  const inTemp = dirname(folder) === resolve(runnerTemp);
  return inTemp && basename(folder).startsWith(PROVIDER_DIR_PREFIX) ? folder : undefined;
}

/**
 * main's token, then every token the credential provider recorded, each once. A record that
 * cannot be read, or is refused as tampered with, costs its tokens (a warning), never main's.
 */
function tokensToRevoke(core: Core, token: string, folder: string | undefined): string[] {
  if (folder === undefined) return [token];
  try {
    const { tokens, skipped } = readRecord(join(folder, RECORD_FILE));
    if (skipped > 0) {
      core.warning(describeFailure({ kind: 'token-record', code: '', skippedLines: skipped }));
    }
    return [...new Set([token, ...tokens.map((entry) => entry.token)])];
  } catch (error) {
    core.warning(describeFailure(recordFailure(error)));
    return [token];
  }
}

function recordFailure(error: unknown): Failure {
  if (error instanceof UntrustedFileError) {
    return { kind: 'token-record', code: error.code, skippedLines: 0, problem: error.problem };
  }
  const code = (error as { code?: unknown }).code;
  const known = typeof code === 'string' && code !== '' ? code : 'EUNKNOWN';
  return { kind: 'token-record', code: known, skippedLines: 0 };
}

function removeFolder(core: Core, folder: string): void {
  try {
    rmSync(folder, { recursive: true, force: true });
  } catch {
    // RUNNER_TEMP is emptied when the job ends anyway.
    core.debug('The credential provider folder could not be removed; the runner empties it.');
  }
}

/** state → revoke every token the job minted. Best effort: a failure is a warning, never a failed job. */
export async function runPost(deps: PostDeps): Promise<void> {
  const { environment, transport, clock } = deps;
  const core = withRedaction(deps.core);
  let removable: string | undefined;
  try {
    const handover = readHandover(core);
    if (handover.kind === 'none') {
      core.info('No token to revoke: the main step did not get one.');
      return;
    }
    const folder = recordFolder(handover.providerDir);
    removable = removableFolder(folder, environment.runnerTemp);
    if (handover.kind === 'keep') {
      core.info(
        folder === undefined
          ? 'Not revoking the token (`revoke: false`): it expires on its own 30 minutes after it was issued.'
          : 'Not revoking the tokens (`revoke: false`): each expires on its own 30 minutes after it was issued.',
      );
      return;
    }
    // main's token first: masked before anything else is written.
    const tokens = tokensToRevoke(core, handover.token, folder);
    tokens.forEach((token) => {
      core.setSecret(token);
    });
    const note = timeScaleNote(environment.timeScale, environment.timeScaleAsked);
    if (note !== undefined) core.info(note);
    // In parallel, each with the post step's own budget: one slow revocation does not take
    // the time of the others.
    // With several tokens, each line says which one it is about (never the token itself).
    const label = (i: number) => (tokens.length > 1 ? `Token ${i + 1} of ${tokens.length}: ` : '');
    const results = await Promise.allSettled(
      tokens.map((token, i) => {
        const log = {
          ...core,
          info: (message: string) => {
            core.info(label(i) + message);
          },
        };
        const net = startPhase({ core: log, transport, clock }, postTiming(environment.timeScale));
        return revokeToken(net, handover.baseUrl, token);
      }),
    );
    results.forEach((result, i) => {
      if (result.status === 'fulfilled') return;
      core.warning(`${label(i)}${describeError(result.reason)} ${UNREVOKED}`);
    });
    const revoked = results.filter((result) => result.status === 'fulfilled').length;
    if (tokens.length === 1 && revoked === 1) {
      core.info(`Revoked the publish token at ${handover.baseUrl}.`);
    } else if (tokens.length > 1) {
      core.info(
        `Revoked ${revoked} of the ${tokens.length} publish tokens this job minted at ${handover.baseUrl} (for this step and for cargo).`,
      );
    }
  } catch (error) {
    core.warning(`${describeError(error)} ${UNREVOKED}`);
  } finally {
    // The folder holds the token record and the wrapper: nothing is left for later steps.
    if (removable !== undefined) removeFolder(core, removable);
  }
}
