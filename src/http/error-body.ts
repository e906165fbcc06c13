import type { BodyDescription } from '../errors/failure.js';
import { oneLine } from '../redact/redact.js';
import type { HttpResponse } from './transport.js';

const MAX_DETAILS = 10;
const MAX_DETAIL_CHARS = 1000;

export interface ErrorBody {
  /** The server's own words, cleaned of control characters and cut to a sane length. */
  details: string[];
  /** Set when the body was not JSON at all. */
  unexpectedBody: BodyDescription | undefined;
}

export function contentTypeOf(response: HttpResponse): string {
  const value = response.headers['content-type'] ?? '';
  return value.split(';')[0]?.trim() ?? '';
}

/** Parses JSON without throwing; undefined when it is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function clean(text: string): string {
  const flat = oneLine(text).trim();
  return flat.length > MAX_DETAIL_CHARS ? `${flat.slice(0, MAX_DETAIL_CHARS)}…` : flat;
}

/**
 * Reads an error answer: crates.io's `{"errors":[{"detail":"..."}]}`, or the
 * `{"message":"..."}` GitHub's services send. Anything else is only described, never echoed.
 */
export function parseErrorBody(response: HttpResponse): ErrorBody {
  const json = response.truncated ? undefined : parseJson(response.body);
  if (json === undefined) {
    const empty = response.body.trim() === '' && !response.truncated;
    return {
      details: [],
      unexpectedBody: empty
        ? undefined
        : {
            contentType: contentTypeOf(response),
            bytes: Buffer.byteLength(response.body),
            truncated: response.truncated,
          },
    };
  }
  const details: string[] = [];
  // Judged once cleaned: a detail of control characters only says nothing.
  const said = (text: string) => {
    const cleaned = clean(text);
    if (cleaned !== '') details.push(cleaned);
  };
  if (typeof json === 'object' && json !== null) {
    const { errors, message } = json as { errors?: unknown; message?: unknown };
    if (Array.isArray(errors)) {
      for (const entry of errors as unknown[]) {
        const detail = (entry as { detail?: unknown } | null)?.detail;
        if (typeof detail === 'string') said(detail);
      }
    }
    if (typeof message === 'string') said(message);
  }
  return { details: details.slice(0, MAX_DETAILS), unexpectedBody: undefined };
}
