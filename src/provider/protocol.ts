/**
 * cargo's credential-provider protocol, version 1: one JSON object per line. cargo starts the
 * provider per request; the provider says hello, reads one request, writes one answer.
 */

export const HELLO = `${JSON.stringify({ v: [1] })}\n`;

/** The registry a request is for, as cargo names it. */
export interface RegistryInfo {
  indexUrl: string;
  /** cargo's name for it: `crates-io`, or the name in `[registries.NAME]`; not always sent. */
  name: string | undefined;
}

export type CargoRequest =
  /** `crate` and `version`: what cargo is about to publish (sent with `publish`). */
  | {
      kind: 'get';
      registry: RegistryInfo;
      operation: string;
      crate: string | undefined;
      version: string | undefined;
    }
  /** login, logout, or a kind a newer cargo added: nothing a minted token can do. */
  | { kind: 'other'; registry: RegistryInfo; requestKind: string };

export type RequestParse = { ok: true; request: CargoRequest } | { ok: false; problem: string };

/** The error kinds cargo knows: the first two make it try the next provider, if any. */
export type ErrorKind = 'url-not-supported' | 'not-found' | 'operation-not-supported' | 'other';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads cargo's request line, by its schema; never throws. */
export function parseRequest(line: string): RequestParse {
  let json: unknown;
  try {
    json = JSON.parse(line) as unknown;
  } catch {
    return { ok: false, problem: 'it is not JSON' };
  }
  if (!isObject(json)) return { ok: false, problem: 'it is not a JSON object' };
  if (json.v !== 1) return { ok: false, problem: 'it is not protocol version 1' };
  const registry = json.registry;
  if (!isObject(registry) || typeof registry['index-url'] !== 'string') {
    return { ok: false, problem: 'it names no registry index' };
  }
  const name = registry.name;
  const info: RegistryInfo = {
    indexUrl: registry['index-url'],
    name: typeof name === 'string' ? name : undefined,
  };
  if (typeof json.kind !== 'string') return { ok: false, problem: 'it has no `kind`' };
  if (json.kind !== 'get')
    return { ok: true, request: { kind: 'other', registry: info, requestKind: json.kind } };
  if (typeof json.operation !== 'string') return { ok: false, problem: 'it has no `operation`' };
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return {
    ok: true,
    request: {
      kind: 'get',
      registry: info,
      operation: json.operation,
      crate: text(json.name),
      version: text(json.vers),
    },
  };
}

/**
 * A token, which cargo keeps while its clock is at least 60 s before `expiration` (whole
 * seconds since the epoch). Not `operation_independent`: cargo then reuses it for reads only,
 * and asks again before each upload, naming the crate and version, so that every upload is
 * recorded for post's release report (one more provider process per upload, about 70 ms; the
 * provider hands out the job's young token again, so no more exchanges: docs/performance.md).
 */
export function tokenAnswer(token: string, expirationSeconds: number): string {
  return `${JSON.stringify({
    Ok: {
      kind: 'get',
      token,
      cache: 'expires',
      expiration: Math.floor(expirationSeconds),
      operation_independent: false,
    },
  })}\n`;
}

/** An error answer; cargo shows `other`'s message as the reason the command failed. */
export function errorAnswer(kind: ErrorKind, message?: string): string {
  return `${JSON.stringify({ Err: message === undefined ? { kind } : { kind, message } })}\n`;
}
