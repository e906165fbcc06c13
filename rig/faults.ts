import type { IncomingMessage, ServerResponse } from 'node:http';

/** A misbehaviour a test scripts for the next request to an endpoint. */
export type Fault =
  | { status: number; body?: string; headers?: Record<string, string> }
  | { reset: true }
  | { hang: true }
  | { delayMs: number }
  /** Do the real work (issue the token, record the jti), then drop the connection. */
  | { dropAfterWork: true }
  /**
   * A proxy on the way sent the request twice (it retried a POST whose answer it lost): the
   * endpoint does the work for the first copy and answers the second. Only the exchange knows it.
   */
  | { replayed: true };

/** `index`: any file of the sparse index (config.json and the crates' files alike). */
export type Endpoint = 'id-token' | 'exchange' | 'revoke' | 'publish' | 'index';

/** Per endpoint, a queue of faults; each request takes the next one, then behaves normally. */
export class FaultScript {
  private readonly queues = new Map<Endpoint, Fault[]>();

  add(endpoint: Endpoint, ...faults: Fault[]): this {
    this.queues.set(endpoint, [...(this.queues.get(endpoint) ?? []), ...faults]);
    return this;
  }

  /** Faults for every request from now on, e.g. a registry that is down. */
  always(endpoint: Endpoint, fault: Fault, count = 1000): this {
    return this.add(endpoint, ...Array.from({ length: count }, () => fault));
  }

  clear(endpoint: Endpoint): void {
    this.queues.delete(endpoint);
  }

  next(endpoint: Endpoint): Fault | undefined {
    return this.queues.get(endpoint)?.shift();
  }
}

/**
 * Applies a fault before the real handler. Returns true when the request is finished
 * (answered, reset or left hanging); a delay returns false after waiting, and a
 * drop-after-work returns false with the response set to be cut instead of sent.
 */
export async function applyFault(
  fault: Fault | undefined,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> {
  if (fault === undefined) return false;
  if ('status' in fault) {
    res.writeHead(fault.status, fault.headers ?? {});
    res.end(fault.body ?? '');
    return true;
  }
  if ('reset' in fault) {
    req.socket.resetAndDestroy();
    return true;
  }
  if ('hang' in fault) return true;
  if ('replayed' in fault) return false;
  if ('delayMs' in fault) {
    await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    return false;
  }
  // Drop after work: let the handler run, then cut the connection instead of answering.
  res.writeHead = () => {
    req.socket.destroy();
    return res;
  };
  res.end = (() => res) as never;
  return false;
}
