/**
 * The transport's failures, on real sockets on loopback: the rig's CONNECT proxy refusing or
 * gone, a server that resets, one that goes silent, one that sends too much. Each becomes the
 * typed error the retry policy and the message read; none is a throw.
 */
import { createServer, type Server } from 'node:http';
import {
  createServer as createTcpServer,
  type AddressInfo,
  type Server as TcpServer,
} from 'node:net';
import { ConnectProxy } from '../../rig/proxy.js';
import { close, listen } from '../../rig/http-util.js';
import { httpClientTransport, type HttpRequest } from '../../src/http/transport.js';

const PROXY_VARIABLES = [
  'HTTPS_PROXY',
  'https_proxy',
  'HTTP_PROXY',
  'http_proxy',
  'NO_PROXY',
  'no_proxy',
];
const saved = Object.fromEntries(PROXY_VARIABLES.map((name) => [name, process.env[name]]));
afterEach(() => {
  for (const name of PROXY_VARIABLES) {
    if (saved[name] === undefined) Reflect.deleteProperty(process.env, name);
    else process.env[name] = saved[name];
  }
});

/** Only through the proxy: the host is not on loopback, and the proxy never tunnels to it. */
const viaProxy = (url: string): HttpRequest => ({
  call: 'exchange',
  method: 'POST',
  url,
  headers: { 'Content-Type': 'application/json' },
  body: '{}',
});

describe('a proxy that does not open the tunnel is EPROXY, whatever its answer', () => {
  test.each([403, 407, 502] as const)('CONNECT refused with %i', async (status) => {
    const proxy = await new ConnectProxy({}, { refuse: status }).start();
    try {
      process.env.HTTPS_PROXY = proxy.url;
      process.env.HTTP_PROXY = proxy.url;
      for (const url of [
        'https://crates.io/api/v1/trusted_publishing/tokens',
        'http://registry.example/x',
      ]) {
        expect(await httpClientTransport(viaProxy(url), 5_000)).toEqual({
          ok: false,
          error: { kind: 'network', code: 'EPROXY' },
        });
      }
      expect(proxy.connects).toEqual(['crates.io:443', 'registry.example:80']);
    } finally {
      await proxy.stop();
    }
  });

  test('a route the proxy does not know is refused the same way', async () => {
    const proxy = await new ConnectProxy({ 'index.crates.io:443': 1 }).start();
    try {
      process.env.HTTPS_PROXY = proxy.url;
      const sent = await httpClientTransport(viaProxy('https://crates.io/x'), 5_000);
      expect(sent).toEqual({ ok: false, error: { kind: 'network', code: 'EPROXY' } });
    } finally {
      await proxy.stop();
    }
  });

  test('a proxy that is not there', async () => {
    const proxy = await new ConnectProxy({}).start();
    const { url } = proxy;
    await proxy.stop();
    process.env.HTTPS_PROXY = url;
    const sent = await httpClientTransport(viaProxy('https://crates.io/x'), 5_000);
    expect(sent).toEqual({ ok: false, error: { kind: 'network', code: 'EPROXY' } });
  });
});

/** A TCP server on loopback, on a port the OS picks; closed with its sockets. */
function listenTcp(tcp: TcpServer): Promise<number> {
  return new Promise((resolve) => {
    tcp.listen(0, '127.0.0.1', () => {
      resolve((tcp.address() as AddressInfo).port);
    });
  });
}
const closeTcp = (tcp: TcpServer) => new Promise((resolve) => tcp.close(resolve));

describe('without a proxy, node’s own code', () => {
  let server: Server | undefined;
  afterEach(async () => {
    if (server !== undefined) await close(server);
    server = undefined;
  });
  const to = (port: number, path = '/x'): HttpRequest => ({
    call: 'revoke',
    method: 'DELETE',
    url: `http://127.0.0.1:${port}${path}`,
    headers: { Authorization: 'Bearer cio_tp_x' },
  });

  test('a connection reset: ECONNRESET, not EPROXY', async () => {
    const tcp = createTcpServer((socket) => socket.resetAndDestroy());
    const port = await listenTcp(tcp);
    try {
      expect(await httpClientTransport(to(port), 5_000)).toEqual({
        ok: false,
        error: { kind: 'network', code: 'ECONNRESET' },
      });
    } finally {
      await closeTcp(tcp);
    }
  });

  test('nothing listening: ECONNREFUSED', async () => {
    const tcp = createTcpServer();
    const port = await listenTcp(tcp);
    await closeTcp(tcp);
    expect(await httpClientTransport(to(port), 5_000)).toEqual({
      ok: false,
      error: { kind: 'network', code: 'ECONNREFUSED' },
    });
  });

  test('a server that goes silent: a timeout, within the deadline', async () => {
    const http = createServer(() => undefined);
    server = http;
    const port = await listen(http);
    const started = Date.now();
    expect(await httpClientTransport(to(port), 300)).toEqual({
      ok: false,
      error: { kind: 'timeout' },
    });
    expect(Date.now() - started).toBeLessThan(5_000);
    http.closeAllConnections();
  });

  test('a body longer than the bound is cut there and said to be', async () => {
    const http = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('a'.repeat(100_000));
    });
    server = http;
    const port = await listen(http);
    const sent = await httpClientTransport({ ...to(port), maxBodyBytes: 1024 }, 5_000);
    expect(
      sent.ok && { length: sent.response.body.length, truncated: sent.response.truncated },
    ).toEqual({
      length: 1024,
      truncated: true,
    });
  });

  test('a header node would not send: unsendable, and nothing sent', async () => {
    let requests = 0;
    const http = createServer((_req, res) => {
      requests++;
      res.end();
    });
    server = http;
    const port = await listen(http);
    const sent = await httpClientTransport(
      { ...to(port), headers: { Authorization: 'Bearer a\nb' } },
      5_000,
    );
    expect(sent).toEqual({
      ok: false,
      error: {
        kind: 'unsendable',
        problem:
          "the request's `Authorization` header has characters HTTP does not allow (a line break or a control character)",
      },
    });
    expect(requests).toBe(0);
  });
});
