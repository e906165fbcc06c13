import { ActionFailure, type Attempts, type Call, type Failure } from './failure.js';

const MAX_SHOWN = 300;

/** Values from outside (inputs, Location headers) are shown flat and short. */
function shown(value: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = value.replace(/[\u0000-\u001f\u007f]+/g, ' ');
  return flat.length > MAX_SHOWN ? `${flat.slice(0, MAX_SHOWN)}…` : flat;
}

function what(call: Call, target: string): string {
  switch (call) {
    case 'id-token':
      return `Requesting an OIDC ID token from GitHub (${target})`;
    case 'exchange':
      return `Exchanging the OIDC ID token for a publish token at ${target}`;
    case 'revoke':
      return `Revoking the publish token at ${target}`;
  }
}

export function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
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

/** What to do about a refusal, from the registry's own words where they say enough. */
function whenRefused(call: Call, status: number, details: string[]): string {
  if (call === 'id-token') {
    return status === 401 || status === 403
      ? "GitHub refused the job's request token: re-run the job; if it persists, check the job's `permissions: id-token: write`."
      : 'Re-run the job; if it persists, check https://www.githubstatus.com.';
  }
  if (call === 'revoke') return 'The registry did not accept the token for revocation.';
  if (status === 404 || status === 405) {
    return (
      'The registry has no trusted-publishing endpoint at this address: check that `url` is ' +
      "the registry's web address (for crates.io, `https://crates.io`) and that it supports trusted publishing."
    );
  }
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
  return (
    "Compare the registry's trusted publisher settings for your crate (repository owner and " +
    'name, workflow file name, environment) with this workflow run, and fix whichever differs.'
  );
}

function statusText(failure: Extract<Failure, { kind: 'http-status' }>): string {
  const head = `HTTP ${failure.status}`;
  if (failure.details.length > 0) return `${head}: ${failure.details.join(' ')}`;
  const body = failure.unexpectedBody;
  if (body === undefined) return `${head} with no explanation`;
  const type = body.contentType === '' ? 'no content type' : body.contentType;
  return `${head} with a ${type} body of ${body.bytes} bytes instead of a JSON error (an error page from a proxy, a load balancer or a maintenance page, most likely)`;
}

/** The one paragraph a user reads: what happened, the server's words, what to do next. */
export function describeFailure(failure: Failure, attempts?: Attempts): string {
  switch (failure.kind) {
    case 'invalid-input':
      return `The \`${failure.input}\` input (\`${shown(failure.value)}\`) is invalid: ${failure.problem} Fix it in the step's \`with:\`.`;
    case 'no-id-token':
      return failure.fromFork
        ? 'This run was triggered by a pull request from a fork, and GitHub gives such runs no OIDC ID token, ' +
            'whatever the workflow’s `permissions` say, so they cannot publish. Publish from a trigger that ' +
            'forks cannot fire: a tag push (`on: push: tags:`), `release`, or `workflow_dispatch`.'
        : 'This job cannot request an OIDC ID token from GitHub: ACTIONS_ID_TOKEN_REQUEST_URL and ' +
            'ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set. Give the job (or the whole workflow) ' +
            '`permissions: id-token: write`, and list beside it every other permission the job needs ' +
            '(such as `contents: read`), since naming one drops the defaults.';
    case 'network':
      return `${what(failure.call, failure.target)} failed: the connection failed (${failure.code})${tries(attempts)}. ${whenUnavailable(failure.call)}`;
    case 'unknown-host':
      return `${what(failure.call, failure.target)} failed: the host was not found (DNS). Check the \`url\` input for a typo.`;
    case 'tls':
      return (
        `${what(failure.call, failure.target)} failed: the TLS connection was refused (${failure.code}); ` +
        "the server's certificate is not trusted. If the registry uses a private CA, set NODE_EXTRA_CA_CERTS to its certificate file."
      );
    case 'timeout':
      return `${what(failure.call, failure.target)} failed: no complete answer within ${seconds(failure.timeoutMs)}${tries(attempts)}. ${whenUnavailable(failure.call)}`;
    case 'redirect': {
      const to = failure.location === undefined ? 'no Location' : `\`${shown(failure.location)}\``;
      const secret = failure.call === 'revoke' ? 'token' : 'ID token';
      return (
        `${what(failure.call, failure.target)} failed: the server answered with a redirect (HTTP ${failure.status}) to ${to}. ` +
        `Redirects are not followed, so that the ${secret} never travels to a host you did not name. ` +
        'If the registry has moved, set the `url` input to its new address.'
      );
    }
    case 'http-status': {
      const server = failure.status >= 500 || failure.status === 408 || failure.status === 429;
      const next = server
        ? whenUnavailable(failure.call)
        : whenRefused(failure.call, failure.status, failure.details);
      return `${what(failure.call, failure.target)} failed: ${statusText(failure)}${tries(attempts)}. ${next}`;
    }
    case 'malformed-response':
      return (
        `${what(failure.call, failure.target)} failed: the answer (HTTP ${failure.status}) is malformed: ${failure.problem}. ` +
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

/** Where the fuller explanation printed before the error is, by what it explains. */
function explainedAbove(failure: Failure): string {
  return failure.kind === 'no-id-token'
    ? ' The lines to add are shown above and in the step summary.'
    : ' What this run sent is listed above and in the step summary.';
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
  const message = error instanceof Error ? error.message : String(error);
  return `auth-action stopped on an unexpected error: ${shown(message)}. Please report it with this log.`;
}
