import type { IncomingHttpHeaders, IncomingMessage, RequestOptions } from 'node:http';
import { HttpClient } from '@actions/http-client';
import type { RequestHandler } from '@actions/http-client/lib/interfaces';
import type { Call } from '../errors/failure.js';
import { USER_AGENT } from './user-agent.js';

/** A hostile or broken server must not make the action buffer an unbounded body. */
export const MAX_BODY_BYTES = 64 * 1024;

export interface HttpRequest {
  call: Call;
  method: 'GET' | 'POST' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface HttpResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  /** The body was longer than MAX_BODY_BYTES and was cut there. */
  truncated: boolean;
}

/** Why a request got no HTTP answer: node's error code, or our own deadline. */
export type TransportError = { timedOut: true } | { timedOut: false; code: string };

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

function readBounded(message: IncomingMessage): Promise<{ body: string; truncated: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    message.on('data', (chunk: Buffer) => {
      const room = MAX_BODY_BYTES - size;
      chunks.push(chunk.subarray(0, Math.max(room, 0)));
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        // Settle before destroying: destroy() emits 'aborted' at once.
        resolve({ body: Buffer.concat(chunks).toString('utf8'), truncated: true });
        message.destroy();
      }
    });
    message.on('end', () => {
      resolve({ body: Buffer.concat(chunks).toString('utf8'), truncated: false });
    });
    message.on('error', reject);
    message.on('aborted', () => {
      reject(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
    });
  });
}

function errorCode(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const { code, message } = error as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && code !== '') return code;
    // `tunnel` reports a refused CONNECT only in its message.
    if (typeof message === 'string' && message.startsWith('tunneling socket')) {
      return 'EPROXY';
    }
  }
  // An error without a code: say so rather than name a cause it may not have.
  return 'EUNKNOWN';
}

/**
 * Sends one request through @actions/http-client (so HTTPS_PROXY and NO_PROXY apply) with
 * redirects off, retries off, and a hard deadline that covers the headers and the body.
 */
export const httpClientTransport: Transport = async (request, timeoutMs) => {
  const controller = new AbortController();
  const timer = setTimeout(() => {
    controller.abort();
  }, timeoutMs);
  const client = new HttpClient(USER_AGENT, [abortWith(controller.signal)], {
    allowRedirects: false,
    allowRetries: false,
    maxRetries: 0,
    keepAlive: false,
    socketTimeout: timeoutMs,
  });
  try {
    const response = await client.request(
      request.method,
      request.url,
      request.body ?? null,
      request.headers,
    );
    const { body, truncated } = await readBounded(response.message);
    return {
      ok: true,
      response: {
        status: response.message.statusCode ?? 0,
        headers: response.message.headers,
        body,
        truncated,
      },
    };
  } catch (error) {
    if (controller.signal.aborted) return { ok: false, error: { timedOut: true } };
    const code = errorCode(error);
    // http-client's own socket timeout fires first when the server goes silent.
    const silent = error instanceof Error && error.message.startsWith('Request timeout');
    return { ok: false, error: silent ? { timedOut: true } : { timedOut: false, code } };
  } finally {
    clearTimeout(timer);
    client.dispose();
  }
};
