import type { Call, Failure } from '../errors/failure.js';
import { parseErrorBody } from './error-body.js';
import { parseRetryAfter, type Outcome } from './retry.js';
import { MAX_BODY_BYTES } from './body-limit.js';
import type { HttpResponse, TransportError } from './transport.js';

/** Node error codes that another try cannot fix. */
const TLS_CODES = /^(CERT_|ERR_TLS_|ERR_SSL_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_)/;

/**
 * A request that got no answer: a timeout or a connection error is worth another try; a
 * request that never left this machine, an unknown host or a refused certificate is not.
 */
export function noAnswer(
  call: Call,
  target: string,
  error: TransportError,
  time: { timeoutMs: number; limitMs: number },
): Outcome<never> & { done: false } {
  switch (error.kind) {
    case 'timeout':
      return retryable({ kind: 'timeout', call, target, ...time });
    case 'unsendable':
      return final({ kind: 'unsendable', call, target, problem: error.problem });
    case 'network':
      if (error.code === 'ENOTFOUND') return final({ kind: 'unknown-host', call, target });
      if (TLS_CODES.test(error.code)) return final({ kind: 'tls', call, target, code: error.code });
      return retryable({ kind: 'network', call, target, code: error.code });
  }
}

/** Any call's 2xx answer cut at MAX_BODY_BYTES: larger than any answer it expects. */
export function oversized(
  call: Call,
  target: string,
  status: number,
  maxBytes = MAX_BODY_BYTES,
): Outcome<never> {
  return final({
    kind: 'malformed-response',
    call,
    target,
    status,
    problem: `its body is larger than ${maxBytes / 1024} KiB, more than any answer to this call should be`,
  });
}

/**
 * An answer that is not a success: redirects are never followed (the JWT or token must not
 * travel to a host the user did not name), 408, 429 and 5xx are retried, other 4xx are not.
 */
export function unsuccessful(
  call: Call,
  target: string,
  response: HttpResponse,
  nowMs: number,
): Outcome<never> {
  const { status } = response;
  if (status >= 300 && status < 400) {
    const location = response.headers.location;
    return final({ kind: 'redirect', call, target, status, location });
  }
  const failure: Failure = {
    kind: 'http-status',
    call,
    target,
    status,
    ...parseErrorBody(response),
  };
  if (status === 408 || status === 429 || status >= 500) {
    const header = response.headers['retry-after'];
    return { ...retryable(failure), retryAfterMs: parseRetryAfter(header, nowMs) };
  }
  return final(failure);
}

export function retryable(failure: Failure): Outcome<never> & { done: false } {
  return { done: false, failure, retryable: true };
}

export function final(failure: Failure): Outcome<never> & { done: false } {
  return { done: false, failure, retryable: false };
}
