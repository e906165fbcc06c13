import { explainAndDescribe } from './diagnose/explain-failure.js';
import { describeError, describeFailure, midReleaseNote } from './errors/describe.js';
import { ActionFailure, onRunnerFile, type Failure } from './errors/failure.js';
import { mintToken } from './exchange/mint-token.js';
import { startPhase } from './http/call.js';
import { mainTiming, postTiming, timeScaleNote } from './http/policies.js';
import type { Clock } from './http/retry.js';
import type { Transport } from './http/transport.js';
import { oidcAccess } from './id-token/oidc-access.js';
import { envKeyPart } from './inputs/cargo-names.js';
import type { CargoRegistry } from './inputs/read-inputs.js';
import {
  errorAnswer,
  HELLO,
  parseRequest,
  tokenAnswer,
  type RegistryInfo,
} from './provider/protocol.js';
import { readProviderConfig, type ProviderConfig } from './provider/provider-config.js';
import { handOutUntil, tokenLife, type TokenLife } from './provider/token-life.js';
import {
  CountProblem,
  readCount,
  readRecord,
  RecordCheck,
  recordFilesOf,
  recordToken,
  recordUpload,
  type MintCount,
  type RecordEntry,
  type RecordFiles,
} from './provider/token-record.js';
import { Redactor, shown } from './redact/redact.js';
import { revokeToken } from './revoke/revoke-token.js';
import { withRedaction } from './redact/redacting-core.js';
import type { LogCore } from './runner/core.js';
import type { RunnerEnvironment } from './runner/environment.js';
import { UntrustedFileError } from './runner/untrusted-file.js';

/** cargo's side of the provider: its request in, the answer out; the step's log beside it. */
export interface ProviderIo {
  /** The log of the step that runs cargo (stderr): masks, retry lines, explanations. */
  core: LogCore;
  readRequest(): Promise<string>;
  answer(line: string): Promise<void>;
}

export interface ProviderDeps {
  io: ProviderIo;
  environment: RunnerEnvironment;
  transport: Transport;
  clock: Clock;
  /** main's configuration file, named in the wrapper that cargo runs. */
  configPath: string;
}

/** crates.io's index, as cargo names it in a request (git and sparse). */
const CRATES_IO_INDEXES = [
  'https://github.com/rust-lang/crates.io-index',
  'sparse+https://index.crates.io/',
];
/** What a trusted-publishing token can do: cargo asks `read` first, then `publish` per upload. */
const SERVED_OPERATIONS = ['read', 'publish'];

const PREFIX = 'auth-action:';
const clockTime = (ms: number): string => `${new Date(ms).toISOString().slice(11, 19)} UTC`;

/**
 * The registry main set the provider up for. cargo finds the variable by the name upper-cased
 * with `-` as `_`, so names are compared that way; a request without a name comes from an
 * `--index` URL, which is no registry this provider was set up for.
 */
function serves(cargo: CargoRegistry, registry: RegistryInfo): boolean {
  if (cargo.kind === 'crates-io') {
    return registry.name === 'crates-io' || CRATES_IO_INDEXES.includes(registry.indexUrl);
  }
  return registry.name !== undefined && envKeyPart(registry.name) === envKeyPart(cargo.name);
}

/** cargo's credential provider: hello, one request, one answer. Every failure is an answer. */
export async function runProvider(deps: ProviderDeps): Promise<void> {
  const redactor = new Redactor();
  const core = withRedaction(deps.io.core, redactor);
  await deps.io.answer(HELLO);
  const line = await deps.io.readRequest();
  const answer = await answerRequest({ ...deps, core, redactor }, line);
  await deps.io.answer(answer);
}

async function answerRequest(
  deps: ProviderDeps & { core: LogCore; redactor: Redactor },
  line: string,
): Promise<string> {
  const { core, redactor } = deps;
  const parsed = parseRequest(line);
  if (!parsed.ok) {
    return errorAnswer(
      'other',
      describeFailure({ kind: 'cargo-request', problem: parsed.problem }),
    );
  }
  const { request } = parsed;
  let config: ProviderConfig;
  try {
    config = readProviderConfig(deps.configPath);
  } catch (error) {
    return errorAnswer('other', redactor.apply(describeError(error)));
  }
  // Another registry: cargo tries its next provider, if it has one.
  if (!serves(config.cargo, request.registry)) return errorAnswer('url-not-supported');
  if (request.kind !== 'get' || !SERVED_OPERATIONS.includes(request.operation)) {
    const what = shown(request.kind === 'get' ? request.operation : request.requestKind, 40);
    core.info(
      `${PREFIX} cargo asked the credential provider for \`${what}\`, which a trusted-publishing token cannot do: it only publishes. Use a token of your own for that (\`--token\`).`,
    );
    return errorAnswer('operation-not-supported');
  }
  const trace: { lastJwt?: string } = {};
  const note = timeScaleNote(deps.environment.timeScale, deps.environment.timeScaleAsked);
  if (note !== undefined) core.info(`${PREFIX} ${note}`);
  try {
    const life = tokenLife(deps.environment.timeScale);
    const token = await liveToken(deps, config, life, trace);
    if (request.operation === 'publish') noteUpload(deps.core, config, token, request);
    return tokenAnswer(token.token, handOutUntil(life, token.mintedAt) / 1000);
  } catch (error) {
    const message = explainAndDescribe(core, error, {
      baseUrl: config.registry.baseUrl,
      audienceFromInput: config.registry.audienceFromInput,
      nowSeconds: Math.floor(deps.clock.now() / 1000),
      lastJwt: trace.lastJwt,
    });
    const resume = request.crate === undefined ? '' : ` ${midReleaseNote(request.crate)}`;
    return errorAnswer('other', redactor.apply(message + resume));
  }
}

/**
 * The job's newest token while an upload that starts now would still end before it dies;
 * otherwise a new one, recorded for post before cargo sees it. Masked either way: this is a
 * new step's log.
 */
async function liveToken(
  deps: ProviderDeps & { core: LogCore; redactor: Redactor },
  config: ProviderConfig,
  life: TokenLife,
  trace: { lastJwt?: string },
): Promise<RecordEntry> {
  const { core } = deps;
  const files = recordFilesOf(config.recordPath);
  const job = await readJobRecord(deps, files, life);
  if (job.lost !== undefined) core.warning(describeFailure(job.lost));
  if (job.young !== undefined) {
    const { young } = job;
    core.setSecret(young.token);
    core.info(
      `${PREFIX} cargo gets the publish token minted at ${clockTime(young.mintedAt)} (handed out until ${clockTime(handOutUntil(life, young.mintedAt))}).`,
    );
    return young;
  }
  const oidc = oidcAccess(deps.environment);
  deps.redactor.add(oidc.requestToken);
  const net = startPhase(deps, mainTiming(deps.environment.timeScale));
  core.info(`${PREFIX} minting a publish token for cargo at ${config.registry.baseUrl}.`);
  const minted = await mintToken(net, oidc, config.registry, trace);
  try {
    onRunnerFile('RUNNER_TEMP', () => {
      recordToken(files, job.next, minted);
    });
  } catch (error) {
    // Post would never know of it: it is revoked now, or left to expire, and cargo gets the error.
    await revokeUnrecorded(deps, config, minted.token);
    throw error;
  }
  core.info(
    `${PREFIX} cargo gets a new publish token (handed out until ${clockTime(handOutUntil(life, minted.mintedAt))}${config.revoke ? ', revoked when the job ends' : ''}).`,
  );
  return { ...minted, n: job.next };
}

/** A token that could not be recorded, revoked at once, best effort, as post would. */
async function revokeUnrecorded(
  deps: ProviderDeps & { core: LogCore },
  config: ProviderConfig,
  token: string,
): Promise<void> {
  const net = startPhase(deps, postTiming(deps.environment.timeScale));
  try {
    await revokeToken(net, config.registry.baseUrl, token);
    deps.core.info(`${PREFIX} the token just minted could not be recorded, so it was revoked.`);
  } catch (error) {
    deps.core.warning(describeError(error));
  }
}

/**
 * Records what cargo is about to publish beside the token it gets, for post's release report.
 * Best effort: a record that cannot take the line costs the report a row, never the upload.
 */
function noteUpload(
  core: LogCore,
  config: ProviderConfig,
  token: RecordEntry,
  request: { crate: string | undefined; version: string | undefined },
): void {
  if (request.crate === undefined || request.version === undefined) return;
  try {
    recordUpload(recordFilesOf(config.recordPath), token, {
      crate: request.crate,
      version: request.version,
    });
  } catch {
    core.debug(
      'The upload could not be noted in the token record; the release report will miss it.',
    );
  }
}

/** What the provider reads of the job's record before it answers cargo. */
interface JobRecord {
  /** The newest token the provider recorded that may still be handed out. */
  young: RecordEntry | undefined;
  /** The number the next token minted gets. */
  next: number;
  /** Tokens minted before that post will not find (a step changed the record), if any. */
  lost: Failure | undefined;
}

/**
 * The job's record, checked against the count. main starts both, so a record that is gone is
 * no "nothing minted yet": its tokens are lost to post, and a warning says so (the provider
 * goes on, recording anew). A record refused as tampered with, or one too long to read within
 * post's budget, is an error: nothing is minted that post could not find.
 */
async function readJobRecord(
  deps: ProviderDeps,
  files: RecordFiles,
  life: TokenLife,
): Promise<JobRecord> {
  const now = deps.clock.now();
  let count: MintCount | undefined;
  let countProblem: string | undefined;
  try {
    count = await readCount(files.count);
  } catch (error) {
    if (!(error instanceof CountProblem)) throw error;
    countProblem = error.problem;
  }
  const check = count && new RecordCheck(count);
  let young: RecordEntry | undefined;
  let highest = 0;
  let gone = false;
  const deadline = now + postTiming(deps.environment.timeScale).budgetMs;
  try {
    const read = await readRecord(
      files.record,
      (entry) => {
        // Without a count, any token of the record is taken as the provider's.
        const ours = check === undefined || check.see(entry);
        if (entry.n !== undefined) highest = Math.max(highest, entry.n);
        if (ours && handOutUntil(life, entry.mintedAt) > now) young = entry;
      },
      () => deps.clock.now() > deadline,
    );
    if (!read.complete) throw new UntrustedFileError('EFBIG', 'it is too long to read in time');
  } catch (error) {
    if (error instanceof UntrustedFileError) {
      throw new ActionFailure({
        kind: 'invalid-state',
        name: "credential provider's token record",
        where: 'RUNNER_TEMP',
        value: files.record,
        problem: error.problem,
      });
    }
    if ((error as { code?: unknown }).code !== 'ENOENT') {
      return onRunnerFile('RUNNER_TEMP', () => {
        throw error;
      });
    }
    gone = true;
  }
  const missing = check?.missing(false) ?? 0;
  const lost: Failure | undefined =
    countProblem !== undefined
      ? { kind: 'record-count', problem: countProblem, seenBy: 'provider' }
      : gone || missing > 0
        ? { kind: 'record-lost', missing, gone, seenBy: 'provider' }
        : undefined;
  return { young, next: check?.next() ?? highest + 1, lost };
}
