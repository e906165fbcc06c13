import { shown, shownUrl } from '../redact/redact.js';
import {
  ActionFailure,
  type Attempts,
  type BodyDescription,
  type Call,
  type Failure,
} from './failure.js';

/** The server's own words are shown up to this long in all. */
export const MAX_SAID = 1500;
/** A problem is our own words, but may quote what it is about (a port, a suggested URL). */
const MAX_PROBLEM = 500;

function what(call: Call, target: string): string {
  const at = shownUrl(target);
  switch (call) {
    case 'id-token':
      return `Requesting an OIDC ID token from GitHub (${at})`;
    case 'exchange':
      return `Exchanging the OIDC ID token for a publish token at ${at}`;
    case 'revoke':
      return `Revoking the publish token at ${at}`;
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
  }
}

/** A request that never left: which settings it was built from, and that waiting cannot help. */
function whenUnsendable(call: Call): string {
  return call === 'id-token'
    ? 'Nothing was sent, and waiting will not fix it: the request is built from ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN, which the runner sets; if a step before this one changed them (through GITHUB_ENV), remove that.'
    : 'Nothing was sent, and waiting will not fix it: check the `url` input and the proxy variables (HTTPS_PROXY, NO_PROXY).';
}

/** What to do about a variable the runner gave the step that cannot be used. */
function whenBadEnvironment(variable: string, cargoPath: boolean): string {
  if (cargoPath) {
    return 'Run the job on a runner whose work folder has no space in its path (and, on Windows, only ASCII characters), or turn `credential-provider` off and give cargo the `token` output.';
  }
  if (variable.startsWith('ACTIONS_ID_TOKEN_REQUEST_')) {
    return 'The runner sets it for jobs with `permissions: id-token: write`: if a step before this one changed it (through GITHUB_ENV), remove that; otherwise re-run the job.';
  }
  if (/proxy/i.test(variable)) {
    return 'Set it to the proxy’s URL, such as `http://proxy.example:3128`, in the runner’s environment or the workflow’s `env:`.';
  }
  return 'The runner sets it for every job: if a step before this one changed it (through GITHUB_ENV), remove that; otherwise re-run the job.';
}

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
  if (call === 'revoke') return 'The registry did not accept the token for revocation.';
  const said = details.join(' ');
  if (said.includes('Failed to decode JWT')) {
    return (
      'The registry could not accept the ID token itself: most often its audience is not the ' +
      "registry's domain (a custom `audience` or `url`), or it expired, or its issuer is not GitHub's default one."
    );
  }
  if (said.includes('event trigger')) {
    return 'Publish from a `push` (tags), `release` or `workflow_dispatch` trigger.';
  }
  if (said.startsWith('Unsupported JWT issuer')) {
    return "Publish from a repository whose ID tokens use GitHub's default issuer.";
  }
  if (said.includes('JWT has already been used')) {
    return 'The registry had already accepted this ID token: an earlier attempt succeeded but its answer was lost. Re-run the job.';
  }
  if (said.includes('JWT key ID')) {
    return (
      'The registry does not know the key that signed the ID token (GitHub may have just changed its keys): ' +
      "re-run the job; if it persists, ask the registry's maintainers."
    );
  }
  // Only a refusal about the trusted publisher config is fixed in the config.
  if (/Trusted Publishing config|^Unexpected `/.test(said)) {
    return (
      "Compare the registry's trusted publisher settings for your crate (repository owner and " +
      'name, workflow file name, environment) with this workflow run, and fix whichever differs.'
    );
  }
  return 'Check that `url` points at a cargo registry that supports trusted publishing as crates.io does.';
}

/** A body that is not the server's JSON, in words that hold for any size and type. */
function describeBody(body: BodyDescription): string {
  const size = body.truncated ? `more than ${body.bytes} bytes` : `${body.bytes} bytes`;
  if (/json/i.test(body.contentType) && !body.truncated) {
    return `a body of ${size} labelled ${shown(body.contentType, 100)} that does not parse as JSON`;
  }
  const type =
    body.contentType === '' ? 'without a content type' : `(${shown(body.contentType, 100)})`;
  return `a body of ${size} ${type}, not the server's JSON error`;
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
  return `${head} with ${describeBody(body)}${likely}`;
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
  if (failure.code === 'ENOENT') {
    return "The credential provider's token record could not be found: any token the provider minted for cargo may still be alive, and expires on its own 30 minutes after it was issued.";
  }
  return failure.code === ''
    ? `${failure.skippedLines} line(s) of the credential provider's token record could not be read; any token they held was not revoked and expires on its own 30 minutes after it was issued.`
    : `The credential provider's token record could not be read (${shown(failure.code, 40)}): ${unrevoked}`;
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
        'This is the runner’s disk or setup, not the network: re-run the job; on a self-hosted runner, check that its work folder is writable and not full.'
      );
    case 'cargo-request':
      return `auth-action's credential provider could not read cargo's request: ${problemClause(failure.problem)}. It speaks version 1 of cargo's credential-provider protocol, which cargo 1.74 and later use.`;
    case 'token-record':
      return tokenRecordText(failure);
    case 'invalid-state':
      return `The ${failure.name} that auth-action's main step left in ${failure.where} (\`${shownUrl(failure.value)}\`) is invalid: ${problemSentence(failure.problem)}`;
    case 'no-id-token':
      return failure.fromFork
        ? 'This run was triggered by a pull request from a fork, and GitHub gives such runs no OIDC ID token, ' +
            'whatever the workflow’s `permissions` say, so they cannot publish. Publish from a trigger that ' +
            'forks cannot fire: a tag push (`on: push: tags:`), `release`, or `workflow_dispatch`.'
        : 'This job cannot request an OIDC ID token from GitHub: ACTIONS_ID_TOKEN_REQUEST_URL and ' +
            'ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set. Give the job (or the whole workflow) ' +
            '`permissions: id-token: write`, and list beside it every other permission the job needs ' +
            '(such as `contents: read`), since naming one drops the defaults.';
    case 'unsendable':
      return `${what(failure.call, failure.target)} failed on this machine: ${problemSentence(failure.problem)} ${whenUnsendable(failure.call)}`;
    case 'network':
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
      const server = failure.status >= 500 || failure.status === 408 || failure.status === 429;
      const page = failure.unexpectedBody !== undefined;
      const next = server
        ? whenUnavailable(failure.call)
        : whenRefused(failure.call, failure.status, failure.details, page);
      const said = statusText(failure, server);
      return `${sentence(`${what(failure.call, failure.target)} failed${tries(attempts)}: ${said}`)} ${next}`;
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
          : 'Check that `url` points at a cargo registry that supports trusted publishing as crates.io does.')
      );
    case 'out-of-time': {
      const last = failure.last ? ` The last failure: ${describeFailure(failure.last)}` : '';
      return `${what(failure.call, failure.target)} did not finish within its ${seconds(failure.budgetMs)} budget${tries(attempts)}.${last}`;
    }
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
