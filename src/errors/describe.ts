import { GITHUB_ISSUER } from '../diagnose/claims.js';
import { readRefusal, type Refusal } from '../exchange/refusal.js';
import { shown, shownUrl } from '../redact/redact.js';
import {
  ActionFailure,
  type Attempts,
  type BodyDescription,
  type Call,
  type ConfigDoubt,
  type CrateVersion,
  type DependencyProblem,
  type Failure,
  type Origin,
  type NewCrate,
  type RunnerValue,
} from './failure.js';

/** The server's own words are shown up to this long in all. */
export const MAX_SAID = 1500;
/** A problem is our own words, but may quote what it is about (a port, a suggested URL). */
const MAX_PROBLEM = 500;
/** A name the registry's answer gives (a repository, an environment), and how many are listed. */
const MAX_NAME = 80;
const MAX_NAMES = 4;

function what(call: Call, target: string): string {
  const at = shownUrl(target);
  switch (call) {
    case 'id-token':
      return `Requesting an OIDC ID token from GitHub (${at})`;
    case 'exchange':
      return `Exchanging the OIDC ID token for a publish token at ${at}`;
    case 'revoke':
      return `Revoking the publish token at ${at}`;
    case 'index':
      return `Reading the registry's index at ${at}`;
  }
}

export function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

/** Ends a sentence once: the server's words often bring their own full stop. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** A problem as the end of one of our sentences: on one line, short, with one full stop. */
function problemSentence(problem: string): string {
  return sentence(shown(problem, MAX_PROBLEM));
}

/** A problem in the middle of one of our sentences: on one line, short, without a full stop. */
function problemClause(problem: string): string {
  return shown(problem, MAX_PROBLEM).trim().replace(/\.+$/, '');
}

function tries(attempts: Attempts | undefined): string {
  return attempts && attempts.made > 1 ? ` (after ${attempts.made} attempts)` : '';
}

/** What to do when the far side is unreachable or failing, per call. */
function whenUnavailable(call: Call): string {
  switch (call) {
    case 'id-token':
      return "GitHub's token service may be having trouble: re-run the job.";
    case 'exchange':
      return (
        'The registry may be down or unreachable: check its status page and re-run the job. ' +
        'On a self-hosted runner behind a proxy, check HTTPS_PROXY and NO_PROXY.'
      );
    case 'revoke':
      return 'The registry may be down or unreachable.';
    case 'index':
      return 'The index may be down or unreachable; on a self-hosted runner behind a proxy, check HTTPS_PROXY and NO_PROXY.';
  }
}

/** A request that never left: which settings it was built from, and that waiting cannot help. */
function whenUnsendable(call: Call): string {
  if (call === 'index') {
    return "Nothing was sent: check the index URL in cargo's configuration and the proxy variables (HTTPS_PROXY, NO_PROXY).";
  }
  return call === 'id-token'
    ? 'Nothing was sent, and waiting will not fix it: the request is built from ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN, which the runner sets; if a step before this one changed them (through GITHUB_ENV), remove that.'
    : 'Nothing was sent, and waiting will not fix it: check the `url` input and the proxy variables (HTTPS_PROXY, NO_PROXY).';
}

/** What to do about a value the runner gave the step that cannot be used. */
function whenBadEnvironment(variable: RunnerValue, cargoPath: boolean): string {
  if (cargoPath) {
    return 'Run the job on a runner whose work folder has no space in its path (and, on Windows, only ASCII characters), or turn `credential-provider` off and give cargo the `token` output.';
  }
  if (variable.startsWith('ACTIONS_ID_TOKEN_REQUEST_')) {
    return 'The runner sets it for jobs with `permissions: id-token: write`: if a step before this one changed it (through GITHUB_ENV), remove that; otherwise re-run the job.';
  }
  return 'The runner sets it for every job: if a step before this one changed it (through GITHUB_ENV), remove that; otherwise re-run the job.';
}

/** A name from the registry's answer (a repository, an environment), as code: flat and short. */
function code(value: string): string {
  return `\`${shown(value, MAX_NAME).replace(/`/g, "'")}\``;
}

/** The registry's list of expected values, as code, `a`, `b` or `c`; long lists cut. */
function names(values: readonly string[], joiner: 'or' | 'and' = 'or'): string {
  const listed = values.slice(0, MAX_NAMES).map(code);
  if (values.length > MAX_NAMES) listed.push(`${values.length - MAX_NAMES} more`);
  if (listed.length < 2) return listed.join('');
  return `${listed.slice(0, -1).join(', ')} ${joiner} ${listed.slice(-1).join('')}`;
}

const CONFIG_PAGE = "on the crate's settings page on the registry (Trusted Publishing)";

/** The exact fix for each of crates.io's refusals of the exchange, from its own words. */
function whenExchangeRefused(refusal: Refusal): string {
  switch (refusal.kind) {
    case 'undecodable':
      return (
        'The registry could not accept the ID token itself: most often its audience is not the ' +
        "registry's domain (a custom `audience` or `url`), or it expired, or its issuer is not GitHub's default one."
      );
    case 'unsupported-issuer':
      // A registry that does not trust GitHub's own issuer takes no GitHub ID token at all.
      return refusal.issuer === GITHUB_ISSUER
        ? 'This registry does not accept ID tokens from GitHub Actions at all: check that `url` is the registry you mean and that it supports trusted publishing from GitHub.'
        : "Publish from a repository whose ID tokens use GitHub's default issuer.";
    case 'missing-key-id':
      return (
        "The ID token names no signing key (`kid`), and GitHub's always do: it did not come from GitHub Actions' token service. " +
        'If a step before this one changed ACTIONS_ID_TOKEN_REQUEST_URL (through GITHUB_ENV), remove that; on a self-hosted runner, check that no proxy answers for GitHub.'
      );
    case 'unknown-key-id':
      return (
        "The registry does not know the key that signed the ID token. Most likely GitHub has just rotated its signing keys and the registry's copy of them lags " +
        '(crates.io fetches them again at most once a minute): re-run the job in a few minutes. ' +
        "If it persists, the ID token was not signed by GitHub Actions' token service: check ACTIONS_ID_TOKEN_REQUEST_URL and, on a self-hosted runner, the proxy settings."
      );
    case 'key-set-unavailable':
      // A 500: only reached when a registry answers it with a status the action does not retry.
      return KEY_SET_UNAVAILABLE;
    case 'replayed':
      return (
        'The registry had already seen this ID token: the request was replayed on the way (by a proxy that retries POST requests, most likely). ' +
        'ID tokens are single-use, and the action sends a fresh one with every attempt and tries once more after a replay. ' +
        'If a proxy is on the way (HTTPS_PROXY), stop it from retrying requests to the registry; then re-run the job.'
      );
    case 'refused-trigger':
      return 'Publish from a `push` (tags), `release` or `workflow_dispatch` trigger.';
    case 'unexpected-claim':
      return (
        `The registry could not read this run's ${code(refusal.claim)} claim, which GitHub Actions' ID tokens always carry in a shape it reads: ` +
        'compare the claims listed with what GitHub sends, and if the ID token came from GitHub, ask the registry.'
      );
    case 'no-config':
      return (
        `The registry has no trusted publisher for the repository ${code(refusal.repository)}: add one ${CONFIG_PAGE} with this repository's owner, name and workflow file ` +
        '(case does not count in the names); if the repository was renamed or moved to another owner, update the trusted publisher to match.'
      );
    case 'owner-id-mismatch':
      return (
        `The owner ID in this run (${code(refusal.ownerId)}) is not the one the trusted publisher stored (${names(refusal.expected)}). ` +
        'An owner ID changes when the account or organisation was deleted and recreated under the same name, or when the repository moved to a new owner, ' +
        `so the registry no longer takes it for the same owner: delete the trusted publisher ${CONFIG_PAGE} and create it again (it then stores the new ID).`
      );
    case 'workflow-mismatch':
      return (
        `This run's workflow file is ${code(refusal.workflow)}, and the trusted publisher expects ${names(refusal.expected)}: ` +
        `publish from that workflow file, or change the trusted publisher's workflow file to ${code(refusal.workflow)} ` +
        '(only the file name; case counts, and `.yml` is not `.yaml`; for a reusable workflow, the calling one).'
      );
    case 'environment-required':
      return refusal.expected.length > 1
        ? `The trusted publisher requires an environment and this job runs in none: add one of ${names(
            refusal.expected.map((name) => `environment: ${name}`),
          )} to the job that runs this action.`
        : `The trusted publisher requires an environment and this job runs in none: add ${code(
            `environment: ${refusal.expected[0] ?? ''}`,
          )} to the job that runs this action.`;
    case 'environment-mismatch':
      return (
        `This job runs in the environment ${code(refusal.environment)}, and the trusted publisher expects ${names(refusal.expected)}: ` +
        `run the job in ${refusal.expected.length > 1 ? 'one of them' : 'that one'} (${names(
          refusal.expected.map((name) => `environment: ${name}`),
        )}), or add a trusted publisher for ${code(refusal.environment)} ${CONFIG_PAGE}.`
      );
    case 'no-matching-config':
      return (
        'This registry runs crates.io code from before July 2025, which does not say what differs: ' +
        "compare the registry's trusted publisher settings for your crate (repository owner and " +
        'name, owner ID, workflow file name, environment) with this run, and fix whichever differs.'
      );
    case 'missing-authorization':
    case 'invalid-authorization':
      return 'Check that `url` points at a cargo registry that supports trusted publishing as crates.io does.';
  }
}

/** Why the registry refused a revocation (post adds that the token lives until it expires). */
function whenRevocationRefused(refusal: Refusal | undefined): string {
  switch (refusal?.kind) {
    case 'missing-authorization':
      return 'The request reached the registry without its Authorization header: on a self-hosted runner, a proxy on the way (HTTPS_PROXY) most likely removed it.';
    case 'invalid-authorization':
      return 'The registry did not take what was sent for one of its tokens: the token the action kept for revocation was changed after it was written, or the registry gave a token of another kind.';
    default:
      return 'The registry did not accept the token for revocation.';
  }
}

const KEY_SET_UNAVAILABLE =
  "The registry could not load GitHub's signing keys to check the ID token: that is on the registry's side (or GitHub's key endpoint), not in this workflow. " +
  "Check the registry's status page and re-run the job later.";

const noEndpoint = (status: number): boolean => status === 404 || status === 405;

/** What to do about a refusal, from the registry's own words where they say enough. */
function whenRefused(call: Call, status: number, details: string[], page: boolean): string {
  if (call === 'id-token') {
    if (page) {
      return (
        "The answer did not come from GitHub's token service (an error page from a proxy, most likely): " +
        'on a self-hosted runner, check the proxy settings (HTTPS_PROXY, NO_PROXY); otherwise re-run the job.'
      );
    }
    return status === 401 || status === 403
      ? "GitHub refused the job's request token: re-run the job; if it persists, check the job's `permissions: id-token: write`."
      : 'Re-run the job; if it persists, check https://www.githubstatus.com.';
  }
  if (call === 'index') {
    if (status === 401 || status === 403) {
      return "The check reads an index without credentials, as crates.io's is read; an index that wants them is not checked.";
    }
    return "No sparse index answers at this address (each has a config.json at its root): check the index URL in cargo's configuration.";
  }
  if (noEndpoint(status)) {
    return (
      'The registry has no trusted-publishing endpoint at this address: check that `url` is ' +
      "the registry's web address (for crates.io, `https://crates.io`) and that it supports trusted publishing."
    );
  }
  if (page) {
    return (
      "The answer did not come from the registry's API (an error page from a proxy or a maintenance page, most likely): " +
      "check that `url` is the registry's address " +
      'and, on a self-hosted runner, the proxy settings (HTTPS_PROXY, NO_PROXY); if the registry is in maintenance, re-run the job later.'
    );
  }
  const refusal = readRefusal(details);
  if (call === 'revoke') return whenRevocationRefused(refusal);
  return refusal === undefined
    ? 'Check that `url` points at a cargo registry that supports trusted publishing as crates.io does.'
    : whenExchangeRefused(refusal);
}

/** A server error (5xx, 408, 429), retried: where the registry says why, its reason. */
function whenServerFailed(failure: Extract<Failure, { kind: 'http-status' }>): string {
  const refusal = failure.call === 'exchange' ? readRefusal(failure.details) : undefined;
  return refusal?.kind === 'key-set-unavailable'
    ? KEY_SET_UNAVAILABLE
    : whenUnavailable(failure.call);
}

/**
 * A body that is not the server's JSON, in words that hold for any size and type. An index's
 * files are static: no JSON error is expected from one, so none is said to be missing.
 */
function describeBody(body: BodyDescription, call: Call): string {
  const size = body.truncated ? `more than ${body.bytes} bytes` : `${body.bytes} bytes`;
  if (/json/i.test(body.contentType) && !body.truncated) {
    return `a body of ${size} labelled ${shown(body.contentType, 100)} that does not parse as JSON`;
  }
  const type =
    body.contentType === '' ? 'without a content type' : `(${shown(body.contentType, 100)})`;
  return `a body of ${size} ${type}${call === 'index' ? '' : ", not the server's JSON error"}`;
}

/**
 * The status and the server's words, or what came instead. `guess` says what a page most
 * likely is, for when the advice after it does not (a server error's advice is about waiting).
 */
function statusText(failure: Extract<Failure, { kind: 'http-status' }>, guess: boolean): string {
  const head = `HTTP ${failure.status}`;
  if (failure.details.length > 0) return `${head}: ${shown(failure.details.join(' '), MAX_SAID)}`;
  const body = failure.unexpectedBody;
  if (body === undefined) return `${head} with no explanation`;
  const likely = guess
    ? ' (an error page from a proxy, a load balancer or a maintenance page, most likely)'
    : '';
  return `${head} with ${describeBody(body, failure.call)}${likely}`;
}

/** Where the host that was not found comes from, and what to do about it. */
function whenUnknownHost(call: Call): string {
  switch (call) {
    case 'id-token':
      return 'The runner gives this address (ACTIONS_ID_TOKEN_REQUEST_URL): on a self-hosted runner, check its DNS settings; otherwise re-run the job.';
    case 'exchange':
      return 'Check the `url` input for a typo.';
    case 'revoke':
      return 'The main step reached the registry at this address, so this is most likely a passing DNS failure.';
    case 'index':
      return "Check the index URL in cargo's configuration (or CARGO_REGISTRIES_<NAME>_INDEX) for a typo.";
  }
}

function timeoutText(failure: Extract<Failure, { kind: 'timeout' }>): string {
  if (seconds(failure.timeoutMs) === seconds(failure.limitMs)) {
    return `no complete answer within ${seconds(failure.timeoutMs)}`;
  }
  return `no complete answer within ${seconds(failure.limitMs)} a try, and the last try had only the ${seconds(failure.timeoutMs)} left of its time budget`;
}

/** Why the credential provider's tokens were not all revoked. */
function tokenRecordText(failure: Extract<Failure, { kind: 'token-record' }>): string {
  const unrevoked =
    'the tokens it minted for cargo were not revoked and expire on their own 30 minutes after they were issued.';
  if (failure.problem !== undefined) {
    return `The credential provider's token record was not read (${problemClause(failure.problem)}): ${unrevoked}`;
  }
  return failure.code === ''
    ? `${failure.skippedLines} line(s) of the credential provider's token record could not be read; any token they held was not revoked and expires on its own 30 minutes after it was issued.`
    : `The credential provider's token record could not be read (${shown(failure.code, 40)}): ${unrevoked}`;
}

const isServerFailure = (failure: Extract<Failure, { kind: 'http-status' }>): boolean =>
  failure.status >= 500 || failure.status === 408 || failure.status === 429;

/** What to do after an HTTP status: wait for a server, or the fix the refusal's words point at. */
function httpNextStep(failure: Extract<Failure, { kind: 'http-status' }>): string {
  return isServerFailure(failure)
    ? whenServerFailed(failure)
    : whenRefused(
        failure.call,
        failure.status,
        failure.details,
        failure.unexpectedBody !== undefined,
      );
}

/**
 * The fix the message of a refused call gives (its last sentences), for the step summary to
 * show beside what the registry compared; undefined for other failures.
 */
export function fixOf(failure: Failure): string | undefined {
  return failure.kind === 'http-status' ? httpNextStep(failure) : undefined;
}

/** `1 token`, `3 tokens`. */
function tokenCount(count: number): string {
  return count === 1 ? '1 token' : `${count} tokens`;
}

const EXPIRE_ONE = 'it expires on its own 30 minutes after it was issued';
const EXPIRE_MANY = 'they expire on their own 30 minutes after they were issued';

/** Tokens the count names that the record no longer holds. */
function recordLostText(failure: Extract<Failure, { kind: 'record-lost' }>): string {
  const { missing, gone } = failure;
  const one = missing <= 1;
  const alive = one
    ? 'may be alive until it expires, 30 minutes after it was issued'
    : 'may be alive until they expire, 30 minutes after they were issued';
  if (failure.seenBy === 'provider') {
    const lost = gone
      ? `the credential provider's token record is gone (a step of the job deleted it): ${missing === 0 ? 'any token' : `the ${tokenCount(missing)}`} minted for cargo before it will not be revoked when the job ends`
      : `${tokenCount(missing)} minted for cargo earlier in this job ${one ? 'is' : 'are'} no longer in the credential provider's record (a step of the job deleted, emptied or rewrote it): post will not find ${one ? 'it' : 'them'} to revoke`;
    return `auth-action: ${lost}, and ${one ? 'it' : 'they'} ${alive}. The provider goes on, recording each token it mints from now on.`;
  }
  if (gone) {
    const which =
      missing === 0
        ? 'Any token the provider minted for cargo was'
        : `The ${tokenCount(missing)} the provider minted for cargo ${one ? 'was' : 'were'}`;
    return `The credential provider's token record is gone: a step of the job deleted it. ${which} not revoked, and ${alive}.`;
  }
  return `${tokenCount(missing)} the credential provider minted for cargo ${one ? 'is' : 'are'} no longer in its record: a step of the job deleted, emptied or rewrote it after ${one ? 'it was' : 'they were'} written. ${one ? 'It was' : 'They were'} not revoked, and ${alive}.`;
}

/** The count of minted tokens cannot be relied on. */
function recordCountText(failure: Extract<Failure, { kind: 'record-count' }>): string {
  const what = `credential provider's count of the tokens it minted (\`minted\`, beside its record) cannot be relied on: ${problemClause(failure.problem)}`;
  return failure.seenBy === 'provider'
    ? `auth-action: the ${what}. A step of the job changed it, so tokens removed from the record can no longer be seen missing; post will warn too. The provider goes on.`
    : `The ${what}. So post cannot tell whether a step of the job removed tokens from the record: any it removed were not revoked, and may be alive until they expire, 30 minutes after they were issued.`;
}

/** Post's budget ran out before the whole record was tried, or read. */
function recordOutOfTimeText(failure: Extract<Failure, { kind: 'record-out-of-time' }>): string {
  const parts = [
    failure.untried > 0
      ? `it could try ${tokenCount(failure.untried)} of the credential provider's record`
      : '',
    failure.unread ? `it had read the record to its end` : '',
  ].filter((part) => part !== '');
  return (
    `Post's ${seconds(failure.budgetMs)} budget ran out before ${parts.join(', and before ')}: a step of the job made the record this long (the provider writes a line per token it mints and per upload). ` +
    `Those tokens were not revoked, and ${EXPIRE_MANY}.`
  );
}

/**
 * Tokens of the provider's record whose revocation failed for one reason (`reason`: what
 * describeError says of it).
 */
export function unrevokedText(count: number, reason: string): string {
  return count === 1
    ? `A token of the credential provider's record was not revoked: ${reason} ${EXPIRE_ONE[0]?.toUpperCase() ?? ''}${EXPIRE_ONE.slice(1)}.`
    : `${count} tokens of the credential provider's record were not revoked: ${reason} ${EXPIRE_MANY[0]?.toUpperCase() ?? ''}${EXPIRE_MANY.slice(1)}.`;
}

/** The one paragraph a user reads: what happened, the server's words, what to do next. */
export function describeFailure(failure: Failure, attempts?: Attempts): string {
  switch (failure.kind) {
    case 'invalid-input':
      return failure.tooLong
        ? `The \`${failure.input}\` input is ${failure.value.length} characters long: ${problemSentence(failure.problem)} Fix it in the step's \`with:\`.`
        : `The \`${failure.input}\` input (\`${shownUrl(failure.value)}\`) is invalid: ${problemSentence(failure.problem)} Fix it in the step's \`with:\`.`;
    case 'missing-input':
      return `The \`${failure.input}\` input is needed: ${problemSentence(failure.reason)} Fix it in the step's \`with:\`.`;
    case 'bad-environment':
      return `The runner's ${failure.variable} ${problemClause(failure.problem)}, so the step stopped before any request. ${whenBadEnvironment(failure.variable, failure.cargoPath === true)}`;
    case 'runner-file':
      return (
        `The runner's ${failure.variable} ${failure.variable === 'RUNNER_TEMP' ? 'folder' : 'file'} could not be written or read (${shown(failure.code, 40)}). ` +
        "This is the runner's disk or setup, not the network: re-run the job; on a self-hosted runner, check that its work folder is writable and not full."
      );
    case 'cargo-request':
      return `auth-action's credential provider could not read cargo's request: ${problemClause(failure.problem)}. It speaks version 1 of cargo's credential-provider protocol, which cargo 1.74 and later use.`;
    case 'token-record':
      return tokenRecordText(failure);
    case 'record-lost':
      return recordLostText(failure);
    case 'record-count':
      return recordCountText(failure);
    case 'record-foreign':
      return `The credential provider's token record held ${tokenCount(failure.tokens)} it did not write there (a step of the job added ${failure.tokens === 1 ? 'it' : 'them'}): post tried ${failure.tokens === 1 ? 'it' : 'them'} after the job's own, and revoked ${failure.revoked}.`;
    case 'record-out-of-time':
      return recordOutOfTimeText(failure);
    case 'provider-folder':
      return `The credential provider's folder that the main step left in its state (${shownPath(failure.path)}) is not the one it made: ${problemClause(failure.problem)}. Nothing in it was read, revoked or removed: the tokens the provider minted for cargo were not revoked, and ${EXPIRE_MANY}.`;
    case 'invalid-state':
      return `The ${failure.name} that auth-action's main step left in ${failure.where} (\`${shownUrl(failure.value)}\`) is invalid: ${problemSentence(failure.problem)}`;
    case 'no-id-token':
      return failure.fromFork
        ? 'This run was triggered by a pull request from a fork, and GitHub gives such runs no OIDC ID token, ' +
            "whatever the workflow's `permissions` say, so they cannot publish. Publish from a trigger that " +
            'forks cannot fire: a tag push (`on: push: tags:`), `release`, or `workflow_dispatch`.'
        : 'This job cannot request an OIDC ID token from GitHub: ACTIONS_ID_TOKEN_REQUEST_URL and ' +
            'ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set. Give the job (or the whole workflow) ' +
            '`permissions: id-token: write`, and list beside it every other permission the job needs ' +
            '(such as `contents: read`), since naming one drops the defaults.';
    case 'unsendable':
      return `${what(failure.call, failure.target)} failed on this machine: ${problemSentence(failure.problem)} ${whenUnsendable(failure.call)}`;
    case 'network':
      if (failure.code === 'EPROXY') {
        return (
          `${what(failure.call, failure.target)} failed${tries(attempts)}: the proxy did not open a connection to the host (EPROXY): it refused the CONNECT request, or could not be reached. ` +
          'The proxy is the one HTTPS_PROXY (HTTP_PROXY for http) names: check that it runs and allows this host, or list the host in NO_PROXY.'
        );
      }
      return `${what(failure.call, failure.target)} failed${tries(attempts)}: the connection failed (${shown(failure.code, 40)}). ${whenUnavailable(failure.call)}`;
    case 'unknown-host':
      return `${what(failure.call, failure.target)} failed: the host was not found (DNS). ${whenUnknownHost(failure.call)}`;
    case 'tls':
      return (
        `${what(failure.call, failure.target)} failed: the server's certificate is not trusted (${shown(failure.code, 40)}). ` +
        `If ${failure.call === 'id-token' ? 'a proxy on the way' : 'the registry or a proxy on the way'} uses a private CA, set NODE_EXTRA_CA_CERTS to its certificate file.`
      );
    case 'timeout':
      return `${what(failure.call, failure.target)} failed${tries(attempts)}: ${timeoutText(failure)}. ${whenUnavailable(failure.call)}`;
    case 'redirect': {
      const to =
        failure.location === undefined ? 'no Location' : `\`${shownUrl(failure.location)}\``;
      if (failure.call === 'index') {
        return (
          `${what(failure.call, failure.target)} failed: the server answered with a redirect (HTTP ${failure.status}) to ${to}. ` +
          "Redirects are not followed: the check reads the index only at the address cargo's configuration gives."
        );
      }
      const secret = {
        'id-token': "the job's request token",
        exchange: 'the ID token',
        revoke: 'the token',
      }[failure.call];
      const next =
        failure.call === 'id-token'
          ? "GitHub's token service does not redirect: on a self-hosted runner, check the proxy settings (HTTPS_PROXY, NO_PROXY); otherwise re-run the job."
          : 'If the registry has moved, set the `url` input to its new address.';
      return (
        `${what(failure.call, failure.target)} failed: the server answered with a redirect (HTTP ${failure.status}) to ${to}. ` +
        `Redirects are not followed, so that ${secret} never travels to a host you did not name. ${next}`
      );
    }
    case 'http-status': {
      const said = statusText(failure, isServerFailure(failure));
      return `${sentence(`${what(failure.call, failure.target)} failed${tries(attempts)}: ${said}`)} ${httpNextStep(failure)}`;
    }
    case 'malformed-response':
      // A 2xx that is not the registry's 204 is no revocation, whatever else it is.
      if (failure.call === 'revoke') {
        return (
          `${what(failure.call, failure.target)} failed: the answer (HTTP ${failure.status}) is not a revocation: ${problemSentence(failure.problem)} ` +
          'On a self-hosted runner, check the proxy settings (HTTPS_PROXY, NO_PROXY).'
        );
      }
      return (
        `${what(failure.call, failure.target)} failed: the answer (HTTP ${failure.status}) is malformed: ${problemSentence(failure.problem)} ` +
        (failure.call === 'id-token'
          ? "This is GitHub's side: re-run the job."
          : failure.call === 'index'
            ? "Check that cargo's configuration names the registry's sparse index."
            : 'Check that `url` points at a cargo registry that supports trusted publishing as crates.io does.')
      );
    case 'no-manifest':
      if (failure.found === 'file') {
        return (
          `The \`workspace\` input names ${shownPath(failure.dir)}, which is a file: \`workspace\` takes the directory that holds the Cargo.toml, so there is no workspace to check; no token was requested. ` +
          'Set `workspace` to the directory of the Cargo.toml of the workspace (or package) to release (`crates/foo`, not `crates/foo/Cargo.toml`), relative to GITHUB_WORKSPACE.'
        );
      }
      return (
        `The \`workspace\` input names ${shownPath(failure.dir)}, which ${failure.found === 'nothing' ? 'does not exist' : 'has no Cargo.toml'}, so there is no workspace to check; no token was requested. ` +
        'Set `workspace` to the directory of the Cargo.toml of the workspace (or package) to release, relative to GITHUB_WORKSPACE, and check the repository out (actions/checkout) in a step before this one.'
      );
    case 'no-cargo':
      return (
        `The \`workspace\` input asks for a check of ${shownPath(failure.dir)}, which reads it through cargo, but cargo could not be started (${shown(failure.code, 40)}${failure.code === 'ENOENT' ? ': it is not on PATH' : ''}); no token was requested. ` +
        'Install Rust in a step before this one (rustup, or an action such as dtolnay/rust-toolchain), or leave `workspace` empty.'
      );
    case 'cargo-metadata': {
      const said =
        failure.said.trim() === '' ? '' : ` cargo said: ${sentence(shown(failure.said, MAX_SAID))}`;
      return (
        `cargo could not read the workspace that the \`workspace\` input names (${shownPath(failure.dir)}): \`cargo metadata\` ${problemClause(failure.problem) || 'failed'}.${said} ` +
        'No token was requested. Fix what cargo names, usually the manifest or the Rust toolchain (`cargo metadata --no-deps` in that directory shows the same), or point `workspace` at the right directory.'
      );
    }
    case 'new-crates':
      return newCratesText(failure.crates, failure.registry, failure.index);
    case 'dependency-problems':
      return dependencyProblemsText(failure.problems, failure.index);
    case 'registry-rules':
      return registryRulesText(failure.crates, failure.registry);
    case 'index-lines':
      return indexLinesText(failure.crates, failure.index);
    case 'crates-skipped':
      return cratesSkippedText(failure);
    case 'index-unreadable':
      return (
        `${describeFailure(failure.last, failure.attempts)} ` +
        `So the check of the workspace cannot tell which crates the index at ${shownUrl(failure.index)} has${failure.crate === undefined ? '' : ` (it stopped at ${shownCrateName(failure.crate)})`}: ${AS_IF_NOTHING_OUT}`
      );
    case 'index-auth-required':
      return `The registry's index at ${shownUrl(failure.index)} requires credentials (\`auth-required\` in its config.json), and the check of the workspace sends none to an index, so a crate missing from its answers proves nothing.`;
    case 'index-unknown':
      return failure.reason === 'git'
        ? `The registry \`${shown(failure.registry, 64)}\` has a git index (${shownUrl(failure.index)}), which the check of the workspace does not read (it reads sparse indexes, as cargo does for crates.io): ${AS_IF_NOTHING_OUT}`
        : `cargo's configuration for this workspace names no index for the registry \`${shown(failure.registry, 64)}\` (\`[registries.${shown(failure.registry, 64)}] index\` in a .cargo/config.toml, or ${shownUrl(failure.index, 100)}), so the check of the workspace cannot read it: ${AS_IF_NOTHING_OUT} \`cargo publish --registry ${shown(failure.registry, 64)}\` needs that setting too.`;
    case 'not-out':
      return notOutText(failure);
    case 'index-doubt':
      return indexDoubtText(failure.registry, failure.doubt);
    case 'out-of-time': {
      const last = failure.last ? ` The last failure: ${describeFailure(failure.last)}` : '';
      return `${what(failure.call, failure.target)} did not finish within its ${seconds(failure.budgetMs)} budget${tries(attempts)}.${last}`;
    }
  }
}

/** Where a setting of cargo's was found, as the middle of a sentence. */
function originText(from: Origin): string {
  return 'file' in from ? `in ${shownPath(from.file)}` : `in the variable ${code(from.variable)}`;
}

/** Why cargo's configuration leaves the check unsure, as the end of a clause. */
function doubtText(doubt: ConfigDoubt): string {
  switch (doubt.kind) {
    case 'unreadable':
      return `cargo's configuration file ${shownPath(doubt.file)} cannot be read (${problemClause(doubt.problem)})`;
    case 'not-toml':
      return `cargo's configuration file ${shownPath(doubt.file)} does not parse as TOML (${problemClause(doubt.problem)})`;
    case 'unsupported-value':
      return `cargo's configuration file ${shownPath(doubt.file)} sets ${code(doubt.key)} to a ${shown(doubt.type, 20)}, which cargo's configuration does not hold`;
    case 'include':
      return `an \`include\` of cargo's configuration cannot be followed (${shownPath(doubt.file)}: ${problemClause(doubt.problem)})`;
    case 'conflict':
      return `${code(doubt.key)} is a table or an array in ${shownPath(doubt.file)} and something else in ${shownPath(doubt.other)}, which cargo cannot merge`;
    case 'bad-setting':
      return `${code(doubt.key)} (${originText(doubt.from)}) ${problemClause(doubt.problem)}`;
    case 'elsewhere': {
      const where = originText(doubt.from);
      switch (doubt.setting) {
        case 'registry.default':
          return `\`registry.default\` (${where}) is ${code(doubt.value)}: \`cargo publish\` without \`--registry\` publishes to that registry, not to crates.io`;
        case 'protocol':
          return `\`registries.crates-io.protocol\` (${where}) is ${code(doubt.value)}, not \`sparse\`: cargo does not read crates.io's sparse index, the one the check reads`;
        case 'registry.index':
          return `\`registry.index\` is set (${where}), a setting cargo refuses`;
        case 'replace-with':
          return `\`[source.crates-io]\` (${where}) replaces crates.io${doubt.value === '' ? '' : ` with ${code(doubt.value)}`}: \`cargo publish\` then publishes elsewhere, or refuses to without \`--registry\``;
      }
    }
  }
}

/** A warning: the check reads no index, and says what in cargo's configuration is why. */
function indexDoubtText(registry: string, doubt: ConfigDoubt): string {
  const name = shown(registry, 64).replace(/`/g, "'");
  const command = registry === 'crates-io' ? 'cargo publish' : `cargo publish --registry ${name}`;
  const fix =
    doubt.kind === 'elsewhere'
      ? 'If the release is meant for another registry, give the action its `url` and `registry-name`; otherwise remove that setting.'
      : `\`${command.replace('publish', 'publish --dry-run')}\`, run where the release runs, shows what cargo makes of its configuration.`;
  return `The check of the workspace cannot be sure which index \`${command}\` uses: ${doubtText(doubt)}. ${AS_IF_NOTHING_OUT} ${fix}`;
}

/** What main says when the check of a workspace finds nothing to publish, and stops there. */
export const NOTHING_TO_PUBLISH = {
  log:
    'Nothing to publish, so no OIDC ID token was requested, no publish token was minted and no credential provider was installed: ' +
    "a trusted-publishing token can only publish. The `token` output is empty; skip the publishing step with `if: steps.<id>.outputs.unpublished != ''`.",
  summary:
    '✅ **auth-action**: nothing to publish, so no token was minted and the `token` output is empty.',
};

/** What the outputs say when the check of a workspace could not read the index. */
const AS_IF_NOTHING_OUT =
  '`unpublished` lists every crate to be released and `exclude-published` is empty. Nothing is blocked: cargo checks each version against the index itself before it uploads.';

/**
 * A directory from the workspace input, as a message shows it: redacted as a value meant as a
 * URL is (a segment's `user:pass@` hidden), whatever it is.
 */
export function shownPath(dir: string): string {
  return `\`${shownUrl(dir, 200).replace(/`/g, "'")}\``;
}

/** A crate's name from the workspace, as a message shows it. */
function shownCrateName(name: string): string {
  return `\`${shown(name, 64).replace(/`/g, "'")}\``;
}

/** A crate and its version from the workspace or the index, as a message shows it. */
export function shownCrate(crate: CrateVersion): string {
  return `${shownCrateName(crate.name)} ${shown(crate.version, 64).replace(/`/g, "'")}`;
}

/** crates.io's words when trusted publishing is asked to create a crate. */
export const NEW_CRATE_REFUSAL =
  'Trusted Publishing tokens do not support creating new crates. Publish the crate manually, first';

/** The registry's name for a message: crates.io, or the registry `NAME`. */
function registryWhere(registry: string): string {
  return registry === 'crates-io' ? 'crates.io' : `the registry \`${shown(registry, 64)}\``;
}

/** A list of crates in a message, long lists cut. */
function crateList(crates: readonly CrateVersion[], max = 10): string {
  const more = crates.length > max ? ` and ${crates.length - max} more` : '';
  return crates.slice(0, max).map(shownCrate).join(', ') + more;
}

/** A crate's name inside a command in a message: no backtick, bounded. */
const inCommand = (name: string) => shown(name, 64).replace(/`/g, "'");

/** How to publish a crate's first version by hand, to crates.io or to a named registry. */
function firstPublish(name: string, registry: string): string {
  return registry === 'crates-io'
    ? `publish its first version by hand with an API token (\`cargo publish -p ${inCommand(name)}\` with a token from https://crates.io/settings/tokens)`
    : `publish its first version by hand with a token of that registry (\`cargo publish -p ${inCommand(name)} --registry ${inCommand(registry)}\`)`;
}

/** Crates the registry does not have at all, and the one-time fix for each. */
function freshCratesText(crates: CrateVersion[], registry: string, index: string): string {
  const one = crates.length === 1;
  const where = registryWhere(registry);
  const first = firstPublish(one && crates[0] !== undefined ? crates[0].name : 'NAME', registry);
  // crates.io is written in lower case, even to start a sentence.
  const start = where.startsWith('the ') ? `T${where.slice(1)}` : where;
  return (
    `${start} does not have ${one ? 'the crate' : 'these crates'} ${crateList(crates)} at all (its index at ${shownUrl(index)} does not list ${one ? 'it' : 'them'}), ` +
    `and trusted publishing cannot create a crate: the registry would refuse ${one ? 'its' : 'each'} first upload ("${NEW_CRATE_REFUSAL}"), half-way through the release. ` +
    'Nothing was published and no token was requested. ' +
    `Once for ${one ? 'it' : 'each'}: ${first}, add this repository and workflow as its trusted publisher in the crate's settings, and re-run this job. ` +
    'A crate that is not to be published: set `publish = false` in its Cargo.toml. ' +
    'To release the other crates now and this one later, set `new-crates: skip`.'
  );
}

/** Crates the registry knows under another spelling of their name (`alone`: no new crate said before). */
function renamedCratesText(crates: NewCrate[], alone: boolean): string {
  const each =
    crates
      .slice(0, 4)
      .map((crate) => `${shownCrate(crate)} as ${shownCrateName(crate.knownAs ?? '')}`)
      .join(', ') + (crates.length > 4 ? ` and ${crates.length - 4} more` : '');
  return (
    `The registry's index lists ${crates.length === 1 ? 'a crate' : 'crates'} of this release only under another spelling of ${crates.length === 1 ? 'its' : 'their'} name: ${each}. ` +
    'crates.io takes names that differ only in case, or in `-` and `_`, for one crate, and refuses an upload under another spelling ("crate was previously named …"), half-way through the release. ' +
    (alone ? 'Nothing was published and no token was requested. ' : '') +
    'Give the package the name the registry has (`name` in its Cargo.toml), or, for a crate of its own, a name no crate has.'
  );
}

/** Crates the release would send that the registry does not have under their name. */
function newCratesText(crates: NewCrate[], registry: string, index: string): string {
  const fresh = crates.filter((crate) => crate.knownAs === undefined);
  const renamed = crates.filter((crate) => crate.knownAs !== undefined);
  return [
    fresh.length > 0 ? freshCratesText(fresh, registry, index) : '',
    renamed.length > 0 ? renamedCratesText(renamed, fresh.length === 0) : '',
  ]
    .filter((text) => text !== '')
    .join(' ');
}

/** One dependency cargo could not select, and its fix. */
function dependencyProblemText(problem: DependencyProblem, index: string): string {
  const crate = shownCrate(problem.crate);
  const dep = shownCrateName(problem.dependency);
  const req = `\`${shown(problem.req, 100).replace(/`/g, "'")}\``;
  if (problem.missing) {
    return (
      `${crate} needs ${dep} ${req} from the registry, which does not have ${dep} at all (its index at ${shownUrl(index)} does not list it): ` +
      `cargo would stop at ${shownCrateName(problem.crate.name)} ("no matching package named ${dep} found"). Publish ${dep} first, then re-run.`
    );
  }
  if (problem.yanked.length === 0) {
    return (
      `${crate} needs ${dep} ${req} from the registry, and no version of ${dep} there matches it: ` +
      `cargo would stop at ${shownCrateName(problem.crate.name)} ("failed to select a version for the requirement"). ` +
      `Bump ${dep}'s version so that this release publishes it, or change the requirement.`
    );
  }
  const yanked =
    problem.yanked
      .slice(0, 3)
      .map((v) => shown(v, 64))
      .join(', ') + (problem.yanked.length > 3 ? ', …' : '');
  return (
    `${crate} needs ${dep} ${req} from the registry (this release does not publish ${dep}), and every version of ${dep} there that matches it is yanked (${yanked}): ` +
    `cargo would stop at ${shownCrateName(problem.crate.name)} ("failed to select a version for the requirement … is yanked"), after publishing the crates before it. ` +
    `Bump ${dep}'s version so that this release publishes a new one, and the requirement on it with it (or depend on a version that is not yanked).`
  );
}

/** Members to publish whose dependencies cargo could not select from the registry. */
function dependencyProblemsText(problems: DependencyProblem[], index: string): string {
  const listed = problems.slice(0, 2).map((problem) => dependencyProblemText(problem, index));
  const rest = problems.slice(2);
  const more =
    rest.length === 0
      ? ''
      : ` ${rest.length} more like ${rest.length === 1 ? 'it' : 'these'}: ${crateList(
          rest.map((p) => p.crate),
          5,
        )}.`;
  return `${listed.join(' ')}${more} Nothing was published and no token was requested; once that is fixed, re-run this job.`;
}

/** Members released to a registry with a name or version crates.io's rules refuse. */
function registryRulesText(crates: CrateVersion[], registry: string): string {
  const one = crates.length === 1;
  return (
    `${crateList(crates)} ${one ? 'is' : 'are'} released to ${registryWhere(registry)} (${one ? 'its' : 'their'} \`publish\` allows it), with a name or version that crates.io's rules refuse: ` +
    'a name of at most 64 ASCII letters, digits, `-` and `_`, a version of at most 100 characters. No token was requested. ' +
    `Rename ${one ? 'it' : 'them'}, or, for a crate that is not released there, set \`publish = false\` or a \`publish\` list without that registry.`
  );
}

/** Index lines cargo does not read, for crates whose version no line it reads lists. */
function indexLinesText(
  crates: { crate: CrateVersion; lines: number; why: string }[],
  index: string,
): string {
  const each = crates
    .slice(0, 5)
    .map(
      ({ crate, lines, why }) =>
        `${shownCrateName(crate.name)} (${lines} line${lines === 1 ? '' : 's'}${why === '' ? '' : `; the first: ${shown(why, 120).trim().replace(/\.+$/, '')}`})`,
    )
    .join(', ');
  const more = crates.length > 5 ? ` and ${crates.length - 5} more` : '';
  return (
    `The registry's index at ${shownUrl(index)} has lines that cargo does not read as versions of ${each}${more}, and no line that it reads lists the version to release. ` +
    'Those lines count for nothing, as for cargo: when in doubt, the check publishes. The crates are in `unpublished`; if a version is out after all, cargo stops at it ("already exists") and nothing is left out by mistake.'
  );
}

/** What `new-crates: skip` left out of the release, and how they go out later. */
function cratesSkippedText(failure: Extract<Failure, { kind: 'crates-skipped' }>): string {
  const { skipped, held, registry } = failure;
  const one = skipped.length === 1;
  const known = skipped.filter((crate) => crate.knownAs !== undefined);
  const dependents =
    held.length === 0
      ? ''
      : `, with the crates that depend on ${one ? 'it' : 'them'}, which cargo could not resolve without ${one ? 'it' : 'them'}: ${held
          .slice(0, 5)
          .map(({ crate, on }) => `${shownCrate(crate)} (needs ${shownCrateName(on)})`)
          .join(', ')}${held.length > 5 ? ` and ${held.length - 5} more` : ''}`;
  const renamed =
    known.length === 0
      ? ''
      : ` The registry knows ${known
          .slice(0, 3)
          .map((crate) => `${shownCrateName(crate.name)} as ${shownCrateName(crate.knownAs ?? '')}`)
          .join(
            ', ',
          )}${known.length > 3 ? ' (and more)' : ''}: rename the package to the registry's spelling.`;
  return (
    `\`new-crates: skip\`: ${registryWhere(registry)} does not have ${crateList(skipped)} under ${one ? 'its' : 'their'} name, and trusted publishing cannot create a crate, so this release leaves ${one ? 'it' : 'them'} out${dependents}. ` +
    `All of them are in \`exclude-published\`.${renamed} Once for each new crate: ${firstPublish(one && skipped[0] !== undefined ? skipped[0].name : 'NAME', registry)} and add this workflow as its trusted publisher; a later run releases it and what depends on it.`
  );
}

/** Crates that were to go out and are not in the index at the end of the job, and the way on. */
function notOutText(failure: Extract<Failure, { kind: 'not-out' }>): string {
  const one = failure.crates.length === 1;
  const listed = failure.crates.slice(0, 20).map(shownCrate).join(', ');
  const more = failure.crates.length > 20 ? ` and ${failure.crates.length - 20} more` : '';
  const why = failure.workspace
    ? `which the check of the workspace found to publish: ${one ? 'its upload was' : 'each upload was'} refused, not attempted (cargo stopped before it) or is late, and cargo's output says which.`
    : `which cargo asked the credential provider a token to upload: ${one ? 'its upload was' : 'each upload was'} refused or is late, and cargo's output says which.`;
  const next = failure.workspace
    ? 'Fix the cause, then re-run this job: the check of the workspace finds what is out, and cargo publishes the rest with `exclude-published`.'
    : 'Fix the cause, then publish the rest: with the `workspace` input set, a re-run of this job finds what is out and publishes only the rest (`exclude-published`).';
  return `At the end of this job, the registry's index at ${shownUrl(failure.index)} does not list ${listed}${more}, ${why} ${next}`;
}

/**
 * Why a call failed, in a few words for a table cell or a log line: the status, the error code
 * or the time it waited, and how many tries it took.
 */
export function briefly(failure: Failure, attempts?: Attempts): string {
  const after = attempts && attempts.made > 1 ? ` after ${attempts.made} attempts` : '';
  switch (failure.kind) {
    case 'http-status':
      return `HTTP ${failure.status}${after}`;
    case 'timeout':
      return attempts && attempts.made > 1
        ? `no answer in ${attempts.made} attempts`
        : `no answer within ${seconds(failure.timeoutMs)}`;
    case 'network':
      return `the connection failed (${shown(failure.code, 40)})${after}`;
    case 'unknown-host':
      return 'the host was not found (DNS)';
    case 'tls':
      return `its certificate is not trusted (${shown(failure.code, 40)})`;
    case 'redirect':
      return `a redirect (HTTP ${failure.status}), not followed`;
    case 'malformed-response':
      return `an answer that does not read (HTTP ${failure.status})`;
    case 'unsendable':
      return 'the request could not be sent from this machine';
    case 'index-auth-required':
      return 'the index requires credentials';
    case 'out-of-time':
      return failure.last === undefined
        ? `its ${seconds(failure.budgetMs)} budget ran out`
        : `${briefly(failure.last)}, then its ${seconds(failure.budgetMs)} budget ran out`;
    default:
      return failure.kind;
  }
}

/** Why an attempt failed, for the log line that announces the next try. */
export function retryReason(failure: Failure): string {
  switch (failure.kind) {
    case 'timeout':
      return `no answer within ${seconds(failure.timeoutMs)}`;
    case 'network':
      return `connection failed (${shown(failure.code, 40)})`;
    case 'http-status':
      if (failure.call === 'exchange' && readRefusal(failure.details)?.kind === 'replayed') {
        return (
          `HTTP ${failure.status} "JWT has already been used": the registry had seen this ID token before, so the request was replayed on the way ` +
          '(by a proxy that retried it, most likely); the next try sends a fresh ID token, once'
        );
      }
      return `HTTP ${failure.status}`;
    default:
      return failure.kind;
  }
}

/**
 * After a failure of the credential provider during a release: what is out, and how to resume,
 * since `cargo publish --workspace` refuses to start again over a version already published.
 */
export function midReleaseNote(crate: string): string {
  const name = `\`${shown(crate, 64)}\``;
  return `cargo was about to publish ${name}, so the crates it published before it, if any, are out: once this is fixed, publish the rest from ${name} on (\`cargo publish --workspace\` stops at a version already published, so exclude those with \`--exclude\`, or publish crate by crate with \`-p\`).`;
}

/** Where the fuller explanation printed before the error is, by what it explains. */
function explainedAbove(failure: Failure): string {
  return failure.kind === 'no-id-token'
    ? ' The lines to add are shown above and in the step summary.'
    : ' What this run sent is listed above and in the step summary.';
}

/** The words of anything thrown, without trusting it: a getter or a message may be broken too. */
function messageOf(error: unknown): string {
  if (typeof error === 'string') return error.trim() === '' ? 'an empty string was thrown' : error;
  try {
    if (error instanceof Error) {
      return error.message.trim() === '' ? 'an error without a message' : error.message;
    }
  } catch {
    return 'an error whose message cannot be read';
  }
  return 'something that is not an Error was thrown';
}

/**
 * Turns anything thrown into one paragraph, without a stack trace. `explained` adds a pointer
 * to the fuller explanation printed before it.
 */
export function describeError(error: unknown, explained = false): string {
  if (error instanceof ActionFailure) {
    return (
      describeFailure(error.failure, error.attempts) +
      (explained ? explainedAbove(error.failure) : '')
    );
  }
  return `auth-action stopped on an unexpected error: ${sentence(shown(messageOf(error)))} Please report it with this log.`;
}
