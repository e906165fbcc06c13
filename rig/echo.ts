import { createServer, type Server } from 'node:http';
import { close, listen, readBody } from './http-util.js';

/** What a request carried, as the answer may echo it. */
export interface Carried {
  method: string;
  path: string;
  /** The bearer token, without `Bearer `. */
  bearer: string;
  /** The `jwt` of a JSON body, if it has one. */
  jwt: string;
}

export interface EchoAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

/**
 * A server that answers with what each request carried: a registry or a token service careless
 * enough to quote the JWT or the bearer token in its errors. On 127.0.0.1, on a port the OS picks.
 */
export class EchoServer {
  readonly seen: Carried[] = [];
  private readonly server: Server;
  private port = 0;

  constructor(answer: (carried: Carried) => EchoAnswer) {
    this.server = createServer((req, res) => {
      void readBody(req).then((body) => {
        let jwt = '';
        try {
          const parsed = JSON.parse(body.toString('utf8')) as { jwt?: unknown } | null;
          if (typeof parsed?.jwt === 'string') jwt = parsed.jwt;
        } catch {
          // Not JSON: nothing to echo from the body.
        }
        const carried: Carried = {
          method: req.method ?? '',
          path: req.url ?? '',
          bearer: (req.headers.authorization ?? '').replace(/^Bearer /, ''),
          jwt,
        };
        this.seen.push(carried);
        const { status, headers = {}, body: text = '' } = answer(carried);
        res.writeHead(status, headers);
        res.end(text);
      });
    });
  }

  async start(): Promise<this> {
    this.port = await listen(this.server);
    return this;
  }

  stop(): Promise<void> {
    return close(this.server);
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }
}
