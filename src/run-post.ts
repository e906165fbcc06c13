import { rmSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { describeError, describeFailure, unrevokedText } from './errors/describe.js';
import { startPhase, type NetDeps } from './http/call.js';
import { postTiming, reportTiming, timeScaleNote, type Timing } from './http/policies.js';
import type { Clock } from './http/retry.js';
import type { Transport } from './http/transport.js';
import { unrevokedSummary } from './output/summary-line.js';
import { summaryLinks } from './output/summary.js';
import { PROVIDER_DIR_PREFIX } from './provider/files.js';
import { readRecord, recordFiles, type RecordEntry } from './provider/token-record.js';
import { Redactor } from './redact/redact.js';
import { withRedaction } from './redact/redacting-core.js';
import { failedReasons, revokeRecorded } from './revoke/revoke-recorded.js';
import { revokeToken } from './revoke/revoke-token.js';
import type { Core } from './runner/core.js';
import type { RunnerEnvironment } from './runner/environment.js';
import { folderProblem } from './runner/untrusted-file.js';
import type { IndexToAsk, ReleaseFacts } from './report/release-report.js';
import {
  readHandover,
  readPreflight,
  type PreflightHandover,
  type ProviderFolder,
} from './state/state.js';

export interface PostDeps {
  core: Core;
  environment: RunnerEnvironment;
  transport: Transport;
  clock: Clock;
}

const UNREVOKED =
  'The token was not revoked; it expires on its own 30 minutes after it was issued.';

/** The post step's clock: every revocation ends by its deadline (the release report has its own). */
interface PostBudget {
  timing: Timing;
  deadline: number;
}

/** A phase of the post step with its shared deadline, for one revocation or the report. */
function postNet(
  deps: Pick<PostDeps, 'transport' | 'clock'>,
  core: NetDeps['core'],
  budget: PostBudget,
): NetDeps {
  return {
    ...startPhase({ core, transport: deps.transport, clock: deps.clock }, budget.timing),
    deadline: budget.deadline,
  };
}

/**
 * The credential provider's folder as state names it, if it is still the folder main made:
 * checked by its identity (device and inode) against what main saw, so that neither a link
 * in its place (anywhere on its path) nor another folder of the same name is read. Otherwise
 * a warning, and nothing of it is read, revoked or removed. A RUNNER_TEMP that is unset in
 * post, or changed by a step, does not hide the provider's tokens.
 */
function checkedFolder(core: Core, folder: ProviderFolder | undefined): string | undefined {
  if (folder === undefined) return undefined;
  const path = resolve(folder.path);
  const problem =
    folder.identity === ''
      ? 'the state holds no identity for it'
      : folderProblem(path, folder.identity);
  if (problem === undefined) return path;
  core.warning(describeFailure({ kind: 'provider-folder', path, problem }));
  return undefined;
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
 * warning naming what is not out. Its code loads only then. It has a budget of its own, started
 * now, and a failure of its own costs the report, nothing else.
 */
async function reportRelease(
  deps: PostDeps & { core: Core },
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

/** The record's lines for the release report, when post revokes nothing (`revoke: false`). */
async function readForReport(core: Core, folder: string, budget: PostBudget, clock: Clock) {
  const entries: RecordEntry[] = [];
  try {
    await readRecord(
      recordFiles(folder).record,
      (entry) => {
        if (entries.length < 10_000) entries.push(entry);
      },
      () => clock.now() > budget.deadline,
    );
  } catch (error) {
    core.debug(`No release report: the token record could not be read (${describeError(error)}).`);
  }
  return entries;
}

function removeFolder(core: Core, folder: string): void {
  try {
    rmSync(folder, { recursive: true, force: true });
  } catch {
    // RUNNER_TEMP is emptied when the job ends anyway.
    core.debug('The credential provider folder could not be removed; the runner empties it.');
  }
}

/** `revoke: false`: nothing is sent but the release report's questions to the index. */
async function keepTokens(
  deps: PostDeps & { core: Core },
  handover: { baseUrl: string; providerDir?: ProviderFolder },
  folder: string | undefined,
  budget: PostBudget,
): Promise<void> {
  const { core, clock } = deps;
  const recorded = folder === undefined ? [] : await readForReport(core, folder, budget, clock);
  const minted = Math.max(1, new Set(recorded.map((entry) => entry.token)).size);
  await reportRelease(deps, handover.baseUrl, recorded, { minted, revoked: 'kept' });
  core.info(
    handover.providerDir === undefined
      ? 'Not revoking the token (`revoke: false`): it expires on its own 30 minutes after it was issued.'
      : 'Not revoking the tokens (`revoke: false`): each expires on its own 30 minutes after it was issued.',
  );
}

/**
 * main's token, on a lane of its own with the whole budget, sent before anything of the record
 * is read: nothing a later step does to the record can delay or crowd it out. True when it
 * was revoked; otherwise a warning says why.
 */
function revokeMainToken(
  deps: PostDeps & { core: Core },
  baseUrl: string,
  token: string,
  budget: PostBudget,
  label: string,
): Promise<boolean> {
  const { core } = deps;
  const log = {
    ...core,
    info: (message: string) => {
      core.info(`${label}${message}`);
    },
  };
  return revokeToken(postNet(deps, log, budget), baseUrl, token).then(
    () => true,
    (error: unknown) => {
      core.warning(`${label}${describeError(error)} ${UNREVOKED}`);
      return false;
    },
  );
}

/**
 * main's token, then every token of the provider's record (revoke-recorded.ts), all by the
 * post step's deadline; the release report beside them, once the record is read. What could
 * not be done is a warning each, then one line says how many of the job's tokens were revoked.
 */
async function revokeTokens(
  deps: PostDeps & { core: Core; redactor: Redactor },
  handover: { baseUrl: string; token: string },
  folder: string | undefined,
  budget: PostBudget,
): Promise<void> {
  const { core, redactor, clock } = deps;
  const { baseUrl, token } = handover;
  const label = folder === undefined ? '' : "The main step's token: ";
  const mainRevoked = revokeMainToken(deps, baseUrl, token, budget, label);
  if (folder === undefined) {
    const revoked = await mainRevoked;
    if (revoked) core.info(`Revoked the publish token at ${baseUrl}.`);
    else core.appendSummary(unrevokedSummary(1, 1, deps.environment.docs));
    // Only now, with the revocation done: the report never delays it.
    await reportRelease(deps, baseUrl, [], { minted: 1, revoked: Number(revoked) });
    return;
  }
  const recorded = revokeRecorded(
    {
      net: (log) => postNet(deps, { ...core, ...log }, budget),
      core,
      hide: (secret) => {
        redactor.add(secret);
      },
      baseUrl,
      mainToken: token,
    },
    recordFiles(folder),
    {
      deadline: budget.deadline,
      budgetMs: budget.timing.budgetMs,
      minAttemptMs: budget.timing.policy.minAttemptMs,
      now: () => clock.now(),
    },
  );
  const [main, result, entries] = await Promise.all([mainRevoked, recorded.done, recorded.entries]);
  for (const warning of result.warnings) core.warning(describeFailure(warning));
  for (const { reason, count } of failedReasons(result.failed)) {
    core.warning(unrevokedText(count, reason));
  }
  // What the count says was minted, when it can be read: a token a step removed from the
  // record counts too (and has its warning above).
  const minted = Math.max(1 + result.ours, result.counted ?? 0);
  const revoked = Number(main) + result.oursRevoked;
  if (minted > 1) {
    core.info(
      `Revoked ${revoked} of the ${minted} publish tokens this job minted at ${baseUrl} (for this step and for cargo).`,
    );
  } else if (revoked === 1) {
    core.info(`Revoked the publish token at ${baseUrl}.`);
  }
  // main's summary said the tokens are revoked when the job ends: where that did not hold,
  // this step's summary says so.
  if (revoked < minted) {
    core.appendSummary(unrevokedSummary(minted - revoked, minted, deps.environment.docs));
  }
  // Only now, with every revocation done: the report never delays one.
  await reportRelease(deps, baseUrl, entries, { minted, revoked });
}

/**
 * state → revoke every token the job minted, main's first. Best effort: a failure is a
 * warning, never a failed job.
 */
export async function runPost(deps: PostDeps): Promise<void> {
  const { environment, clock } = deps;
  const redactor = new Redactor();
  for (const link of summaryLinks(environment.docs)) redactor.keep(link);
  const core = withRedaction(deps.core, redactor);
  const timing = postTiming(environment.timeScale);
  const budget: PostBudget = { timing, deadline: clock.now() + timing.budgetMs };
  let removable: string | undefined;
  let keep = false;
  try {
    const handover = readHandover(core);
    keep = handover.kind === 'keep';
    if (handover.kind === 'none') {
      const nothing = readPreflight(core)?.unpublished.length === 0;
      core.info(
        nothing
          ? 'No token to revoke: the main step minted none, as there was nothing to publish.'
          : 'No token to revoke: the main step did not get one.',
      );
      return;
    }
    if (handover.kind === 'revoke') {
      // main's token: masked before anything else is written.
      core.setSecret(handover.token);
      const note = timeScaleNote(environment.timeScale, environment.timeScaleAsked);
      if (note !== undefined) core.info(note);
    }
    const folder = checkedFolder(core, handover.providerDir);
    removable = removableFolder(folder, environment.runnerTemp);
    if (handover.kind === 'keep') await keepTokens({ ...deps, core }, handover, folder, budget);
    else await revokeTokens({ ...deps, core, redactor }, handover, folder, budget);
  } catch (error) {
    core.warning(`${describeError(error)} ${UNREVOKED}`);
    if (!keep) core.appendSummary(unrevokedSummary(1, 1, environment.docs));
  } finally {
    // The folder holds the token record and the wrapper: nothing is left for later steps.
    if (removable !== undefined) removeFolder(core, removable);
  }
}
