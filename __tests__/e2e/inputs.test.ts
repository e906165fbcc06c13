import { runStep } from '../../rig/runner.js';
import { theError } from '../expect-step.js';
import { World } from '../../rig/world.js';

let world: World;
beforeEach(async () => {
  world = await World.start();
});
afterEach(() => world.stopAndCheckLeaks());

test.each([
  [
    'crates.io',
    'url',
    'it must be an absolute URL starting with `https://`. Did you mean `https://crates.io`?',
  ],
  [
    'http://crates.io',
    'url',
    'plain `http://` would send the ID token and the publish token over the network unencrypted',
  ],
  [
    'http://10.0.0.5:3000',
    'url',
    'plain `http://` would send the ID token and the publish token over the network unencrypted',
  ],
  ['ftp://crates.io', 'url', 'the scheme `ftp:` is not supported; use `https://`.'],
  ['https://user:pass@crates.io', 'url', 'it must not contain credentials'],
  ['https://crates.io/?x=1', 'url', 'it must not contain a query (`?…`) or a fragment (`#…`).'],
  ['https://crates.io#top', 'url', 'it must not contain a query'],
  ['https://', 'url', 'it has no host name.'],
])('url %s is refused before any network call', async (url, input, problem) => {
  const main = await world.runMain({ with: { url } });

  expect(main.exitCode).toBe(1);
  const message = theError(main);
  expect(message).toContain(`The \`${input}\` input (\``);
  expect(message).toContain(problem);
  expect(message).toMatch(/Fix it in the step's `with:`\.$/);
  expect(world.oidc.minted).toEqual([]);
  expect(world.registry.requests).toEqual([]);
});

test.each([
  ['https://ferris:hunter2@crates.io/', 'https://***@crates.io/'],
  ['https://crates.io/?token=hunter2', 'https://crates.io/?…'],
])('a refused %s is not echoed with its secret part', async (url, shown) => {
  const main = await world.runMain({ with: { url } });

  expect(theError(main)).toContain(`The \`url\` input (\`${shown}\`) is invalid`);
  expect(main.rawLog.join('\n')).not.toContain('hunter2');
});

test.each(['yes', 'no', '1', 'off'])('revoke: %s is refused', async (revoke) => {
  const main = await world.runMain({ with: { revoke } });

  expect(theError(main)).toBe(
    `The \`revoke\` input (\`${revoke}\`) is invalid: it must be \`true\` or \`false\`. Fix it in the step's \`with:\`.`,
  );
  expect(world.oidc.minted).toEqual([]);
});

test('an audience with spaces is refused', async () => {
  const main = await world.runMain({ with: { audience: 'crates io' } });

  expect(theError(main)).toContain('The `audience` input (`crates io`) is invalid');
});

test('without the OIDC variables: what to add to the workflow', async () => {
  const main = await runStep('main', { with: { url: world.registry.url } });

  expect(main.exitCode).toBe(1);
  expect(theError(main)).toContain('`permissions: id-token: write`');
  expect(world.registry.requests).toEqual([]);
});

test('a trailing slash is fine, and surrounding spaces are trimmed', async () => {
  const main = await world.runMain({ with: { url: ` ${world.registry.url}/ ` } });

  expect(main.annotations).toEqual([]);
  expect(main.exitCode).toBe(0);
  expect(world.oidc.audiences).toEqual([world.registry.audience]);
});

test('localhost over plain http is accepted, with its port in the audience', async () => {
  const url = world.registry.url.replace('127.0.0.1', 'localhost');
  const main = await world.runMain({ with: { url } });

  const port = new URL(world.registry.url).port;
  expect(world.oidc.audiences).toEqual([`localhost:${port}`]);
  // The registry expects 127.0.0.1:port, so it refuses: the audience follows the url input.
  expect(theError(main)).toContain('HTTP 400: Failed to decode JWT');
});

test('an explicit audience is what the ID token carries', async () => {
  const main = await world.runMain({ with: { audience: world.registry.audience } });

  expect(main.exitCode).toBe(0);
  expect(world.oidc.audiences).toEqual([world.registry.audience]);
});
