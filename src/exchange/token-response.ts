import { contentTypeOf, parseJson } from '../http/error-body.js';
import type { HttpResponse } from '../http/transport.js';

/** crates.io's tokens are 39 characters; leave room for other registries, not for garbage. */
export const MAX_TOKEN_LENGTH = 4096;
/**
 * No registry's token is shorter: crates.io's trusted-publishing tokens are 39 characters
 * (`cio_tp_` and 32), its API tokens 35 (`cio` and 32), and the bearer tokens other cargo
 * registries issue are 32 or more random characters. A shorter one is a malformed answer: it
 * could be neither masked safely (the runner would mask those few characters in every later
 * line of the job) nor hidden by the redactor, which ignores values under its MIN_SECRET_LENGTH
 * (src/redact/redact.ts).
 */
export const MIN_TOKEN_LENGTH = 16;

export type TokenParse =
  | { ok: true; token: string }
  /** `candidate` is set when there was a string that might be a token: it must be masked too. */
  | { ok: false; problem: string; candidate?: string };

/**
 * What registry tokens are made of: crates.io's are `cio_tp_` and letters and digits; `-`, `_`
 * and `.` leave room for base64url and JWT-like tokens of other registries. Nothing a shell
 * reads specially (a workflow may paste the `token` output into a `run:` line), no quote, no
 * space, no `$`, `;`, backtick, `~` or `/`.
 */
const TOKEN_CHARACTERS = /^[A-Za-z0-9._-]+$/;

/**
 * Why a registry token cannot be used as it is, if it cannot: it goes into a header, an
 * output and state, where whitespace or a control character could end an entry early, and
 * a workflow may paste it into a shell command. The one rule for main, the provider and the
 * provider's token record.
 */
export function tokenProblem(token: string): string | undefined {
  if (token === '') return 'its `token` is empty';
  if (token.length > MAX_TOKEN_LENGTH) {
    return `its \`token\` is longer than ${MAX_TOKEN_LENGTH} characters`;
  }
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f]/.test(token)) {
    return 'its `token` contains whitespace or control characters';
  }
  if (!TOKEN_CHARACTERS.test(token)) {
    return 'its `token` holds a character other than ASCII letters, digits, `-`, `_` and `.`, which no registry token is made of';
  }
  if (token.length < MIN_TOKEN_LENGTH) {
    return `its \`token\` is ${token.length} characters long, shorter than any registry token (${MIN_TOKEN_LENGTH} at the least)`;
  }
  return undefined;
}

/** The schema of a successful exchange: `{"token": "<letters, digits, - _ .>"}`. */
export function parseTokenResponse(response: HttpResponse): TokenParse {
  const json = parseJson(response.body);
  if (json === undefined) {
    const type = contentTypeOf(response) || 'no content type';
    return { ok: false, problem: `its body is not JSON (${type})` };
  }
  const token =
    typeof json === 'object' && json !== null ? (json as { token?: unknown }).token : undefined;
  if (typeof token !== 'string') {
    return { ok: false, problem: 'the JSON has no `token` string' };
  }
  const problem = tokenProblem(token);
  if (problem === undefined) return { ok: true, token };
  // A refused token may still be a real one: it is masked too, unless too long to be one or too
  // short to be masked without hiding ordinary text (it is never printed either).
  return token.length < MIN_TOKEN_LENGTH || token.length > MAX_TOKEN_LENGTH
    ? { ok: false, problem }
    : { ok: false, problem, candidate: token };
}
