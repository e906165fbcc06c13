import { rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { describeError, describeFailure } from './errors/describe.js';
import type { Failure } from './errors/failure.js';
import { startPhase } from './http/call.js';
import { postTiming, timeScaleNote } from './http/policies.js';
import type { Clock } from './http/retry.js';
import type { Transport } from './http/transport.js';
import { PROVIDER_DIR_PREFIX, RECORD_FILE } from './provider/files.js';
import { readRecord, type RecordEntry } from './provider/token-record.js';
import { withRedaction } from './redact/redacting-core.js';
import { revokeToken } from './revoke/revoke-token.js';
import type { Core } from './runner/core.js';
import type { RunnerEnvironment } from './runner/environment.js';
import { UntrustedFileError } from './runner/untrusted-file.js';
import { readHandover, readPreflight } from './state/state.js';

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
 * The credential provider's record of tokens (and of what cargo published with them). A
 * record that cannot be read, or is refused as tampered with, costs its tokens (a warning),
 * never main's.
 */
function recordedTokens(core: Core, folder: string | undefined): RecordEntry[] {
  if (folder === undefined) return [];
  try {
    const { tokens, skipped } = readRecord(join(folder, RECORD_FILE));
    if (skipped > 0) {
      core.warning(describeFailure({ kind: 'token-record', code: '', skippedLines: skipped }));
    }
    return tokens;
  } catch (error) {
    core.warning(describeFailure(recordFailure(error)));
    return [];
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

/** crates.io's sparse index: the release report asks it when main's check did not name one. */
const CRATES_IO = { api: 'https://crates.io', index: 'https://index.crates.io/' };

/**
 * After a release the credential provider served (and main's check, if it ran, prepared): what went
 * out, as a short report in the step summary. Its code loads only then. Best effort: it asks
 * the index within post's own budget, and a failure of its own costs the report, nothing else.
 */
async function reportRelease(
  deps: PostDeps & { core: Core },
  baseUrl: string,
  recorded: RecordEntry[],
  revoked: Promise<number>,
): Promise<void> {
  const { core, transport, clock, environment } = deps;
  const preflight = readPreflight(core);
  // Only the provider sees what cargo uploads: without its record there is nothing to report.
  if (recorded.length === 0) return;
  const uploads = recorded.some((entry) => entry.upload !== undefined);
  if (!uploads && (preflight?.unpublished.length ?? 0) === 0) return;
  try {
    const { releaseReport } = await import('./preflight/release-report.js');
    const index = preflight?.index || (baseUrl === CRATES_IO.api ? CRATES_IO.index : undefined);
    const net = startPhase({ core, transport, clock }, postTiming(environment.timeScale));
    const report = await releaseReport(net, { recorded, preflight, index, revoked });
    core.appendSummary(report.summary);
    core.info(report.line);
  } catch (error) {
    core.debug(`No release report: ${describeError(error)}`);
  }
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
      const nothing = readPreflight(core)?.unpublished.length === 0;
      core.info(
        nothing
          ? 'No token to revoke: the main step minted none, as there was nothing to publish.'
          : 'No token to revoke: the main step did not get one.',
      );
      return;
    }
    const folder = recordFolder(handover.providerDir);
    removable = removableFolder(folder, environment.runnerTemp);
    const recorded = recordedTokens(core, folder);
    if (handover.kind === 'keep') {
      await reportRelease({ ...deps, core }, handover.baseUrl, recorded, Promise.resolve(0));
      core.info(
        folder === undefined
          ? 'Not revoking the token (`revoke: false`): it expires on its own 30 minutes after it was issued.'
          : 'Not revoking the tokens (`revoke: false`): each expires on its own 30 minutes after it was issued.',
      );
      return;
    }
    // main's token first: masked before anything else is written.
    const tokens = [...new Set([handover.token, ...recorded.map((entry) => entry.token)])];
    tokens.forEach((token) => {
      core.setSecret(token);
    });
    const note = timeScaleNote(environment.timeScale, environment.timeScaleAsked);
    if (note !== undefined) core.info(note);
    // In parallel, each with the post step's own budget: one slow revocation does not take
    // the time of the others.
    // With several tokens, each line says which one it is about (never the token itself).
    const label = (i: number) => (tokens.length > 1 ? `Token ${i + 1} of ${tokens.length}: ` : '');
    const settled = Promise.allSettled(
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
    const report = reportRelease(
      { ...deps, core },
      handover.baseUrl,
      recorded,
      settled.then((all) => all.filter((result) => result.status === 'fulfilled').length),
    );
    const results = await settled;
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
    await report;
  } catch (error) {
    core.warning(`${describeError(error)} ${UNREVOKED}`);
  } finally {
    // The folder holds the token record and the wrapper: nothing is left for later steps.
    if (removable !== undefined) removeFolder(core, removable);
  }
}
