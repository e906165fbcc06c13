/**
 * The transport's two hooks for reading an index file: a 2xx body handed over chunk by chunk
 * (never held whole), and an attempt's deadline moved by the time the step spent on its own
 * work meanwhile (a slow step is not a slow server). Against a server on loopback.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { httpClientTransport, type HttpRequest } from '../../src/http/transport.js';

let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/missing') {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('no such file');
      return;
    }
    const delay = req.url === '/slow' ? 400 : 0;
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      // Three writes: the body arrives in pieces.
      res.write('{"a":1}\n');
      setTimeout(() => {
        res.write('{"b":');
        res.end('2}\n');
      }, 20);
    }, delay);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const request = (path: string, extra: Partial<HttpRequest> = {}): HttpRequest => ({
  call: 'index',
  method: 'GET',
  url: `${url}${path}`,
  headers: {},
  maxBodyBytes: 1024,
  ...extra,
});

test('a 2xx body goes to the sink as it arrives, not into `body`; any other answer is read as usual', async () => {
  const chunks: string[] = [];
  const sink = { write: (chunk: Buffer) => chunks.push(chunk.toString('utf8')) };
  const sent = await httpClientTransport(request('/file', { sink }), 5000);
  expect(sent.ok && sent.response).toMatchObject({ status: 200, body: '', truncated: false });
  expect(chunks.join('')).toBe('{"a":1}\n{"b":2}\n');
  expect(chunks.length).toBeGreaterThan(1);

  const missing = await httpClientTransport(request('/missing', { sink }), 5000);
  expect(missing.ok && missing.response).toMatchObject({ status: 404, body: 'no such file' });
});

test('a body over the bound reaches the sink only up to it, and is marked truncated', async () => {
  const chunks: Buffer[] = [];
  const sent = await httpClientTransport(
    request('/file', { maxBodyBytes: 10, sink: { write: (chunk) => chunks.push(chunk) } }),
    5000,
  );
  expect(sent.ok && sent.response.truncated).toBe(true);
  expect(Buffer.concat(chunks).toString('utf8')).toBe('{"a":1}\n{"');
});

test("the step's own time moves an attempt's deadline: without it the slow answer is a timeout", async () => {
  const plain = await httpClientTransport(request('/slow'), 100);
  expect(plain).toEqual({ ok: false, error: { kind: 'timeout' } });

  // As if the step had been busy all along: the deadline keeps moving, the answer comes.
  const started = Date.now();
  const busy = await httpClientTransport(
    request('/slow', { ownTime: () => Date.now() - started }),
    100,
  );
  expect(busy.ok && busy.response.status).toBe(200);
});
