import { createServer } from 'node:http';
import { close, listen } from '../../rig/http-util.js';
import { theError, theWarning } from '../expect-step.js';
import { World } from '../../rig/world.js';

let world: World;
/** A host the user never named: it must never see a request. */
const elsewhere = createServer((req, res) => {
  seen.push(`${req.method ?? ''} ${req.url ?? ''} ${req.headers.authorization ?? ''}`);
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end('{"token":"cio_tp_stolen","value":"stolen"}');
});
const seen: string[] = [];
let elsewhereUrl = '';

beforeAll(async () => {
  elsewhereUrl = `http://127.0.0.1:${await listen(elsewhere)}/api/v1/trusted_publishing/tokens`;
});
afterAll(() => close(elsewhere));
beforeEach(async () => {
  seen.length = 0;
  world = await World.start();
});
afterEach(() => world.stopAndCheckLeaks());

test.each([301, 302, 307, 308])('an exchange answered with %i is not followed', async (status) => {
  world.registry.faults.add('exchange', { status, headers: { location: elsewhereUrl } });

  const main = await world.runMain();

  expect(main.exitCode).toBe(1);
  expect(seen).toEqual([]);
  expect(world.count('exchange')).toBe(1);
  expect(theError(main)).toBe(
    `Exchanging the OIDC ID token for a publish token at ${world.registry.url} failed: the server answered with a redirect (HTTP ${status}) to \`${elsewhereUrl}\`. Redirects are not followed, so that the ID token never travels to a host you did not name. If the registry has moved, set the \`url\` input to its new address.`,
  );
  expect(world.leaks(main)).toEqual([]);
});

test('a revocation answered with a redirect is not followed: a warning', async () => {
  world.registry.faults.add('revoke', { status: 308, headers: { location: elsewhereUrl } });

  const { main, post } = await world.runJob();

  expect(post.exitCode).toBe(0);
  expect(seen).toEqual([]);
  expect(theWarning(post)).toContain(
    'the server answered with a redirect (HTTP 308) to `' +
      elsewhereUrl +
      '`. Redirects are not followed, so that the token never travels',
  );
  expect(world.leaks(main, post)).toEqual([]);
});

test('an ID token request answered with a redirect is not followed', async () => {
  world.oidc.faults.add('id-token', { status: 302, headers: { location: elsewhereUrl } });

  const main = await world.runMain();

  expect(main.exitCode).toBe(1);
  expect(seen).toEqual([]);
  expect(theError(main)).toContain('failed: the server answered with a redirect (HTTP 302)');
});
