import { createServer, type Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import { close, listen } from './http-util.js';

const STATUS_TEXT = { 403: 'Forbidden', 407: 'Proxy Authentication Required', 502: 'Bad Gateway' };

/**
 * An HTTP CONNECT proxy, as on a self-hosted runner's network, that knows one route:
 * `crates.io:443` (or whatever is given) tunnels to a local port. Anything else is refused
 * (403), so nothing can leave loopback through it. `refuse` makes it refuse every CONNECT with
 * that status, as a proxy whose policy does not allow the host does.
 */
export class ConnectProxy {
  /** Every CONNECT target asked for, in order. */
  readonly connects: string[] = [];
  private readonly server: Server = createServer((_req, res) => {
    res.writeHead(405);
    res.end();
  });
  private readonly sockets = new Set<Socket>();
  private port = 0;

  constructor(
    private readonly routes: Record<string, number>,
    private readonly options: { refuse?: 403 | 407 | 502 } = {},
  ) {
    this.server.on('connect', (req, client: Socket) => {
      const target = req.url ?? '';
      this.connects.push(target);
      const port = this.routes[target];
      if (port === undefined || this.options.refuse !== undefined) {
        const status = this.options.refuse ?? 403;
        client.end(`HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\n\r\n`);
        return;
      }
      const upstream = connect(port, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.pipe(client);
        client.pipe(upstream);
      });
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
        socket.on('close', () => this.sockets.delete(socket));
      }
    });
  }

  async start(): Promise<this> {
    this.port = await listen(this.server);
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await close(this.server);
  }
}
