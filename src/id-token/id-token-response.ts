import { parseJson } from '../http/error-body.js';
import type { HttpResponse } from '../http/transport.js';

export type IdTokenParse =
  | { ok: true; jwt: string }
  /** `candidate` is set when there was a string that might be the JWT: it must be masked too. */
  | { ok: false; problem: string; candidate?: string };

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** The schema of GitHub's answer: `{"value": "<header>.<payload>.<signature>"}`. */
export function parseIdTokenResponse(response: HttpResponse): IdTokenParse {
  const json = parseJson(response.body);
  if (json === undefined) return { ok: false, problem: 'its body is not JSON' };
  const value =
    typeof json === 'object' && json !== null ? (json as { value?: unknown }).value : undefined;
  if (typeof value !== 'string' || value === '') {
    return { ok: false, problem: 'the JSON has no `value` string' };
  }
  if (!JWT_SHAPE.test(value)) {
    return { ok: false, problem: 'its `value` is not a JWT', candidate: value };
  }
  return { ok: true, jwt: value };
}
