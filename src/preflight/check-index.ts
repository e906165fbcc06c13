import { callWithRetries, type NetDeps } from '../http/call.js';
import type { Clock } from '../http/retry.js';
import { ActionFailure, type Attempts, type Failure } from '../errors/failure.js';
import { indexFileUrl } from './index-path.js';
import {
  indexFileReader,
  type IndexFileReader,
  type IndexQuestion,
  type IndexVersions,
} from './index-file.js';

/** A crate's index file can be large (every version, its dependencies and features). */
export const MAX_INDEX_FILE_BYTES = 8 * 1024 * 1024;
/** How many index files are asked for at once. */
export const INDEX_CONCURRENCY = 8;
/** What cargo takes as "no such crate" from a sparse index (cargo ≤ 1.96: 404, 410, 451). */
const NOT_FOUND = [404, 410, 451];

/** What the index says of one crate. */
export type IndexAnswer =
  | { kind: 'listed'; file: IndexVersions }
  /** `knownAs`: the index has the crate under another spelling (`-` for `_`), asked afterwards. */
  | { kind: 'absent'; status: number; knownAs?: string }
  /** The file could not be read: `failure` says why. */
  | { kind: 'unreadable'; failure: Failure; attempts: Attempts | undefined };

/** One GET of the index, through the action's HTTP stack; no credentials go to an index. */
function get(url: string, maxBodyBytes: number) {
  return () =>
    Promise.resolve({
      call: 'index' as const,
      method: 'GET' as const,
      url,
      // What cargo sends a sparse index.
      headers: { accept: 'text/plain', 'cargo-protocol': 'version=1' },
      maxBodyBytes,
    });
}

function asUnreadable(error: unknown): IndexAnswer {
  if (error instanceof ActionFailure) {
    return { kind: 'unreadable', failure: error.failure, attempts: error.attempts };
  }
  throw error;
}

/**
 * A clock for a phase that reads index files: the time the action spends reading them itself
 * (`busy`) does not count, so the phase's budget and its messages measure the index, not a
 * slow runner parsing a large file.
 */
export function withoutOwnTime(clock: Clock): {
  clock: Clock;
  busy: (ms: number) => void;
  ownMs: () => number;
} {
  let own = 0;
  return {
    clock: { ...clock, now: () => clock.now() - own },
    busy: (ms) => {
      own += Math.max(0, ms);
    },
    ownMs: () => own,
  };
}

/** The step's own time, as `withoutOwnTime` keeps it: told by the readers, asked by the transport. */
export interface OwnTime {
  busy: (ms: number) => void;
  ownMs: () => number;
}

const NO_OWN_TIME: OwnTime = { busy: () => undefined, ownMs: () => 0 };

/**
 * A crate's index file: the answers to `question`, "no such crate", or why it could not be
 * read. The body is read line by line as it arrives (each attempt with a reader of its own):
 * only the answers are kept, never the file. The time the reading takes is the step's own:
 * neither the phase's budget nor the attempt's deadline counts it.
 */
export async function readIndexFile(
  net: NetDeps,
  indexUrl: string,
  question: IndexQuestion,
  own: OwnTime = NO_OWN_TIME,
): Promise<IndexAnswer> {
  const url = indexFileUrl(indexUrl, question.name);
  let reader: IndexFileReader | undefined;
  const request = get(url, MAX_INDEX_FILE_BYTES);
  const prepare = async () => {
    reader = indexFileReader(question, { now: () => net.clock.now(), busy: own.busy });
    return { ...(await request()), sink: reader, ownTime: own.ownMs };
  };
  try {
    const file = await callWithRetries(net, 'index', url, prepare, (response) => {
      // A transport that does not take a sink gives the body whole: read it the same way.
      if (response.body !== '') reader?.write(Buffer.from(response.body, 'utf8'));
      const parsed = reader?.finish() ?? { ok: false, problem: 'nothing was read' };
      return parsed.ok
        ? { done: true, value: parsed.file }
        : {
            done: false,
            retryable: false,
            failure: {
              kind: 'malformed-response',
              call: 'index',
              target: url,
              status: response.status,
              problem: parsed.problem,
            },
          };
    });
    return { kind: 'listed', file };
  } catch (error) {
    if (
      error instanceof ActionFailure &&
      error.failure.kind === 'http-status' &&
      NOT_FOUND.includes(error.failure.status)
    ) {
      return { kind: 'absent', status: error.failure.status };
    }
    return asUnreadable(error);
  }
}

/** Whether a `config.json` says its index answers only requests with credentials. */
function requiresAuth(body: string): boolean {
  try {
    const config: unknown = JSON.parse(body);
    return typeof config === 'object' && config !== null && 'auth-required' in config
      ? config['auth-required'] === true
      : false;
  } catch {
    return false;
  }
}

/**
 * The index's `config.json`, which every sparse index has: without it the URL is no index,
 * and a 404 for a crate would mean nothing. An index that requires credentials
 * (`auth-required`, RFC 3139) may answer 404 for a crate it has to a request without them, so
 * it counts as unreadable: the check sends none. Resolves to undefined when it can be read.
 */
export async function checkIndexConfig(
  net: NetDeps,
  indexUrl: string,
): Promise<IndexAnswer | undefined> {
  const url = `${indexUrl}config.json`;
  try {
    const authRequired = await callWithRetries(net, 'index', url, get(url, 64 * 1024), (r) => ({
      done: true,
      value: requiresAuth(r.body),
    }));
    if (!authRequired) return undefined;
    return {
      kind: 'unreadable',
      failure: { kind: 'index-auth-required', index: indexUrl },
      attempts: undefined,
    };
  } catch (error) {
    return asUnreadable(error);
  }
}

/**
 * Runs `work` over `items`, at most `limit` at once, in order of start. Once `stop()` says so,
 * nothing more is started; the results of what was not started are undefined.
 */
export async function boundedAll<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
  stop: (result: R) => boolean,
): Promise<(R | undefined)[]> {
  const results: (R | undefined)[] = items.map(() => undefined);
  let next = 0;
  let stopped = false;
  const worker = async () => {
    while (!stopped && next < items.length) {
      const i = next++;
      const result = await work(items[i] as T);
      results[i] = result;
      if (stop(result)) stopped = true;
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
