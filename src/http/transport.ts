import {
  validateHeaderName,
  validateHeaderValue,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type RequestOptions,
} from 'node:http';
import { HttpClient } from '@actions/http-client';
import { getProxyUrl } from '@actions/http-client/lib/proxy';
import type { RequestHandler } from '@actions/http-client/lib/interfaces';
import type { Call } from '../errors/failure.js';
import { MAX_BODY_BYTES } from './body-limit.js';
import { USER_AGENT } from './user-agent.js';

export interface HttpRequest {
  call: Call;
  method: 'GET' | 'POST' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** A larger bound than MAX_BODY_BYTES, for an answer that is larger by nature (an index file). */
  maxBodyBytes?: number;
  /**
   * Where a 2xx answer's body goes as it arrives, instead of into `body` (an index file is read
   * line by line, and never held whole). Any other answer's body is read as usual.
   */
  sink?: BodySink;
  /**
   * The time the step has spent on its own work since some start, in ms: the attempt's deadline
   * is pushed back by what it grew during the attempt, so that a slow step is not taken for a
   * slow server.
   */
  ownTime?: () => number;
}

/** Takes a body chunk by chunk, in order. */
export interface BodySink {
  write(chunk: Buffer): void;
}

export interface HttpResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  /** The body was longer than MAX_BODY_BYTES and was cut there. */
  truncated: boolean;
}

/**
 * Why a request got no HTTP answer: our own deadline; node's error code for a failure on the
 * way; or a request that could not even be formed on this machine, which no retry can fix.
 */
export type TransportError =
  { kind: 'timeout' } | { kind: 'network'; code: string } | { kind: 'unsendable'; problem: string };

export type Sent = { ok: true; response: HttpResponse } | { ok: false; error: TransportError };

export type Transport = (request: HttpRequest, timeoutMs: number) => Promise<Sent>;

/** Hands node's request an abort signal, so the deadline ends it wherever it is. */
function abortWith(signal: AbortSignal): RequestHandler {
  return {
    prepareRequest(options: RequestOptions) {
      options.signal = signal;
    },
    canHandleAuthentication: () => false,
    handleAuthentication: () => Promise.reject(new Error('not supported')),
  };
}

function readBounded(
  message: IncomingMessage,
  maxBytes: number,
  sink: BodySink | undefined,
): Promise<{ body: string; truncated: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const keep = sink ?? { write: (chunk: Buffer) => chunks.push(chunk) };
    const body = () => Buffer.concat(chunks).toString('utf8');
    let size = 0;
    message.on('data', (chunk: Buffer) => {
      const room = maxBytes - size;
      size += chunk.length;
      if (size > maxBytes) {
        keep.write(chunk.subarray(0, Math.max(room, 0)));
        // Settle before destroying: destroy() emits 'aborted' at once.
        resolve({ body: body(), truncated: true });
        message.destroy();
        return;
      }
      keep.write(chunk);
    });
    message.on('end', () => {
      resolve({ body: body(), truncated: false });
    });
    message.on('error', reject);
    message.on('aborted', () => {
      reject(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
    });
  });
}

/** Codes node gives a request it refuses to form; `unsendable` catches these first. */
const LOCAL_CODES = /^ERR_(INVALID_|UNESCAPED_|HTTP_INVALID_)/;

function errorCode(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const { code, message } = error as { code?: unknown; message?: unknown };
    // `tunnel` gives a CONNECT the proxy refused, or a proxy it could not reach, the code
    // ECONNRESET: only its message says that the proxy is why.
    if (typeof message === 'string' && message.startsWith('tunneling socket')) return 'EPROXY';
    if (typeof code === 'string' && code !== '') return code;
  }
  // An error without a code: say so rather than name a cause it may not have.
  return 'EUNKNOWN';
}

/**
 * Forms the request as node and the HTTP client would, without sending it: a URL that does not
 * parse, a header value node refuses (a line break in a token, say) or a proxy variable that
 * is not a URL fail here, before a byte leaves. Says what is wrong, never the value.
 */
export function unsendable(request: HttpRequest): string | undefined {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return 'the request URL does not parse';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return `the request URL's scheme \`${url.protocol}\` is not http or https`;
  }
  for (const [name, value] of Object.entries(request.headers)) {
    try {
      validateHeaderName(name);
      validateHeaderValue(name, value);
    } catch {
      return `the request's \`${name}\` header has characters HTTP does not allow (a line break or a control character)`;
    }
  }
  try {
    getProxyUrl(url);
  } catch {
    const variable = url.protocol === 'https:' ? 'HTTPS_PROXY' : 'HTTP_PROXY';
    return `the proxy variable ${variable} (or its lower-case form) is not a URL`;
  }
  return undefined;
}

/**
 * Sends one request through @actions/http-client (so HTTPS_PROXY and NO_PROXY apply) with
 * redirects off, retries off, and a hard deadline that covers the headers and the body.
 */
export const httpClientTransport: Transport = async (request, timeoutMs) => {
  const problem = unsendable(request);
  if (problem !== undefined) return { ok: false, error: { kind: 'unsendable', problem } };
  const controller = new AbortController();
  // The deadline moves by the step's own time spent during the attempt, if it says.
  const ownAtStart = request.ownTime?.() ?? 0;
  let allowed = 0;
  const arm = (ms: number): NodeJS.Timeout =>
    setTimeout(() => {
      const own = (request.ownTime?.() ?? ownAtStart) - ownAtStart;
      if (own <= allowed) {
        controller.abort();
        return;
      }
      const more = own - allowed;
      allowed = own;
      timer = arm(more);
    }, ms);
  let timer = arm(timeoutMs);
  const client = new HttpClient(USER_AGENT, [abortWith(controller.signal)], {
    allowRedirects: false,
    allowRetries: false,
    maxRetries: 0,
    keepAlive: false,
    // With `ownTime`, the deadline above decides (it moves); the socket's idle timer is a backstop.
    socketTimeout: request.ownTime === undefined ? timeoutMs : timeoutMs * 10,
  });
  try {
    const response = await client.request(
      request.method,
      request.url,
      request.body ?? null,
      request.headers,
    );
    const status = response.message.statusCode ?? 0;
    const { body, truncated } = await readBounded(
      response.message,
      request.maxBodyBytes ?? MAX_BODY_BYTES,
      status >= 200 && status < 300 ? request.sink : undefined,
    );
    return {
      ok: true,
      response: {
        status,
        headers: response.message.headers,
        body,
        truncated,
      },
    };
  } catch (error) {
    if (controller.signal.aborted) return { ok: false, error: { kind: 'timeout' } };
    const code = errorCode(error);
    // Node's own checks of a request it is asked to form: nothing was sent.
    if (LOCAL_CODES.test(code)) {
      return {
        ok: false,
        error: { kind: 'unsendable', problem: `node refused to form the request (${code})` },
      };
    }
    // http-client's own socket timeout fires first when the server goes silent.
    const silent = error instanceof Error && error.message.startsWith('Request timeout');
    return { ok: false, error: silent ? { kind: 'timeout' } : { kind: 'network', code } };
  } finally {
    clearTimeout(timer);
    client.dispose();
  }
};
