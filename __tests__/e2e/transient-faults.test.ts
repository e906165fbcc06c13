import type { Endpoint, Fault } from '../../rig/faults.js';
import { World } from '../../rig/world.js';

let world: World;
beforeEach(async () => {
  world = await World.start();
});
afterEach(() => world.stopAndCheckLeaks());

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Fault => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

const transient: [string, Fault][] = [
  ['HTTP 503', json(503, { errors: [{ detail: 'Service Unavailable' }] })],
  [
    'HTTP 502 with an HTML page',
    { status: 502, headers: { 'content-type': 'text/html' }, body: '<h1>Bad Gateway</h1>' },
  ],
  [
    'HTTP 429 with Retry-After',
    json(429, { errors: [{ detail: 'slow down' }] }, { 'retry-after': '0' }),
  ],
  ['HTTP 408', json(408, { errors: [{ detail: 'Request Timeout' }] })],
  ['a connection reset', { reset: true }],
  ['a hang (ended by the timeout)', { hang: true }],
];

const lineFor: Record<Exclude<Endpoint, 'publish' | 'index'>, RegExp> = {
  'id-token':
    /^Requesting the GitHub OIDC ID token failed: .* \(attempt 1 of 5\); next try in \d+\.\d s\.$/,
  exchange: /^The token exchange failed: .* \(attempt 1 of 5\); next try in \d+\.\d s\.$/,
  revoke: /^The revocation failed: .* \(attempt 1 of 5\); next try in \d+\.\d s\.$/,
};

describe.each(['id-token', 'exchange'] as const)('main rides out a fault on %s', (endpoint) => {
  test.each(transient)('%s', async (_name, fault) => {
    (endpoint === 'id-token' ? world.oidc : world.registry).faults.add(endpoint, fault);

    const { main, post } = await world.runJob();

    expect(main.annotations).toEqual([]);
    expect(main.exitCode).toBe(0);
    expect(main.log.filter((line) => lineFor[endpoint].test(line))).toHaveLength(1);
    expect(world.registry.isRevoked(main.outputs.token ?? '')).toBe(true);
    expect(post.exitCode).toBe(0);
    expect(world.leaks(main, post)).toEqual([]);
  });
});

describe('post rides out a fault on the revocation', () => {
  test.each(transient)('%s', async (_name, fault) => {
    world.registry.faults.add('revoke', fault);

    const { main, post } = await world.runJob();

    expect(main.exitCode).toBe(0);
    expect(post.annotations).toEqual([]);
    expect(post.log.filter((line) => lineFor.revoke.test(line))).toHaveLength(1);
    expect(world.registry.isRevoked(main.outputs.token ?? '')).toBe(true);
    expect(world.leaks(main, post)).toEqual([]);
  });
});

test('an exchange whose answer was lost is retried with a fresh JWT', async () => {
  // The registry issues a token and records the JWT as used, then the connection drops.
  world.registry.faults.add('exchange', { dropAfterWork: true });

  const main = await world.runMain();

  expect(main.annotations).toEqual([]);
  expect(main.exitCode).toBe(0);
  expect(world.oidc.minted).toHaveLength(2);
  expect(new Set(world.oidc.minted).size).toBe(2);
  expect(world.registry.issued.size).toBe(2);
  expect(main.outputs.token).toBe([...world.registry.issued.keys()][1]);
  expect(world.leaks(main)).toEqual([]);
});

test('a slow answer within the timeout is waited for, not retried', async () => {
  // 0.1 s, well under the 1.5 s attempt timeout at the rig's time scale.
  world.registry.faults.add('exchange', { delayMs: 100 });

  const main = await world.runMain();

  expect(main.exitCode).toBe(0);
  expect(world.count('exchange')).toBe(1);
  expect(main.log.some((line) => line.includes('attempt 1 of 5'))).toBe(false);
});

test('Retry-After is honoured: the next try waits what the registry asked for', async () => {
  world.registry.faults.add('exchange', json(503, { errors: [] }, { 'retry-after': '1' }));

  const main = await world.runMain();

  expect(main.exitCode).toBe(0);
  // 1 s is under the cap and above the jitter (at most 0.1 s at the rig's time scale).
  expect(main.log.filter((l) => lineFor.exchange.test(l))).toEqual([
    'The token exchange failed: HTTP 503 (attempt 1 of 5); next try in 1.0 s.',
  ]);
});
