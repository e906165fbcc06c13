import { rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { describeError, describeFailure } from './errors/describe.js';
import type { Failure } from './errors/failure.js';
import { startPhase } from './http/call.js';
import { postTiming, reportTiming, timeScaleNote } from './http/policies.js';
import type { Clock } from './http/retry.js';
import type { Transport } from './http/transport.js';
import { unrevokedSummary } from './output/summary-line.js';
import { PROVIDER_DIR_PREFIX, RECORD_FILE } from './provider/files.js';
import { readRecord, type RecordEntry } from './provider/token-record.js';
import { summaryLinks } from './output/summary.js';
import { Redactor } from './redact/redact.js';
import { withRedaction } from './redact/redacting-core.js';
import { revokeToken } from './revoke/revoke-token.js';
import type { Core } from './runner/core.js';
import type { RunnerEnvironment } from './runner/environment.js';
import { UntrustedFileError } from './runner/untrusted-file.js';
import { readHandover, readPreflight, type PreflightHandover } from './state/state.js';
import type { IndexToAsk, ReleaseFacts } from './report/release-report.js';

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

/** The index the release report asks: main's check's, or crates.io's; else why none. */
function indexToAsk(preflight: PreflightHandover | undefined, baseUrl: string): IndexToAsk {
  if (preflight !== undefined && preflight.index !== '') {
    return { kind: 'sparse', url: preflight.index };
  }
  if (preflight !== undefined) {
    return { kind: 'none', why: 'the check of the workspace read no index (its warning says why)' };
  }
  if (baseUrl === CRATES_IO.api) return { kind: 'sparse', url: CRATES_IO.index };
  return {
    kind: 'none',
    why: "without the `workspace` input, post does not know this registry's index",
  };
}

/**
 * After the revocations: what the index says of each version main's check found to publish and
 * of each upload the credential provider recorded, as a section of the step summary, and a
 * warning naming what is not out. Its code loads only then. It has a budget of its own, and a
 * failure of its own costs the report, nothing else.
 */
async function reportRelease(
  deps: PostDeps,
  baseUrl: string,
  recorded: RecordEntry[],
  tokens: ReleaseFacts['tokens'],
): Promise<void> {
  const { core, transport, clock, environment } = deps;
  const preflight = readPreflight(core);
  const uploads = recorded.some((entry) => entry.upload !== undefined);
  if (!uploads && (preflight?.unpublished.length ?? 0) === 0) return;
  try {
    const { releaseReport, notOut } = await import('./report/release-report.js');
    const facts: ReleaseFacts = {
      recorded,
      preflight,
      index: indexToAsk(preflight, baseUrl),
      tokens,
      docs: environment.docs,
    };
    const net = startPhase({ core, transport, clock }, reportTiming(environment.timeScale));
    const report = await releaseReport(net, facts);
    core.appendSummary(report.summary);
    core.info(report.line);
    if (report.gaveUp !== undefined) core.info(report.gaveUp);
    const failure = notOut(report, facts);
    if (failure !== undefined) core.warning(describeFailure(failure));
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
  const redactor = new Redactor();
  for (const link of summaryLinks(environment.docs)) redactor.keep(link);
  const core = withRedaction(deps.core, redactor);
  let removable: string | undefined;
  // Whether the revocations ran: an error before them leaves main's token alive.
  let revocationsRan = false;
  try {
    const handover = readHandover(core);
    if (handover.kind === 'none') {
      core.info('No token to revoke: the main step did not get one.');
      return;
    }
    const folder = recordFolder(handover.providerDir);
    removable = removableFolder(folder, environment.runnerTemp);
    const recorded = recordedTokens(core, folder);
    if (handover.kind === 'keep') {
      const minted = Math.max(1, new Set(recorded.map((entry) => entry.token)).size);
      await reportRelease({ ...deps, core }, handover.baseUrl, recorded, {
        minted,
        revoked: 'kept',
      });
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
    revocationsRan = true;
    const revoked = results.filter((result) => result.status === 'fulfilled').length;
    if (tokens.length === 1 && revoked === 1) {
      core.info(`Revoked the publish token at ${handover.baseUrl}.`);
    } else if (tokens.length > 1) {
      core.info(
        `Revoked ${revoked} of the ${tokens.length} publish tokens this job minted at ${handover.baseUrl} (for this step and for cargo).`,
      );
    }
    // main's summary said the tokens are revoked when the job ends: where that did not hold,
    // this step's summary says so.
    if (revoked < tokens.length) {
      core.appendSummary(
        unrevokedSummary(tokens.length - revoked, tokens.length, environment.docs),
      );
    }
    // Only now, with every revocation done: the report never delays one.
    await reportRelease({ ...deps, core }, handover.baseUrl, recorded, {
      minted: tokens.length,
      revoked,
    });
  } catch (error) {
    core.warning(`${describeError(error)} ${UNREVOKED}`);
    if (!revocationsRan) core.appendSummary(unrevokedSummary(1, 1, environment.docs));
  } finally {
    // The folder holds the token record and the wrapper: nothing is left for later steps.
    if (removable !== undefined) removeFolder(core, removable);
  }
}
