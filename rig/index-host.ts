import type { Server } from 'node:http';
import { createServer } from 'node:https';
import { close, listen } from './http-util.js';
import type { Registry } from './registry.js';

/**
 * The registry's sparse index at the root of a host of its own, over TLS, as crates.io serves
 * https://index.crates.io/ beside https://crates.io: reached through the CONNECT proxy by the
 * name `index.crates.io`. The files are the registry's (rig/registry.ts, `answerIndex`).
 */
export class IndexHost {
  private readonly server: Server;
  private port = 0;

  constructor(registry: Registry, tls: { key: string; cert: string }) {
    this.server = createServer(tls, (req, res) => {
      const path = new URL(req.url ?? '/', 'https://index').pathname.slice(1);
      void registry.answerIndex(path, req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    });
  }

  async start(): Promise<this> {
    this.port = await listen(this.server);
    return this;
  }

  get listenPort(): number {
    return this.port;
  }

  stop(): Promise<void> {
    return close(this.server);
  }
}
