import { MAX_BODY_BYTES } from '../../src/http/body-limit.js';
import { theError } from '../expect-step.js';
import { World } from '../../rig/world.js';

let world: World;
beforeEach(async () => {
  world = await World.start();
});
afterEach(() => world.stopAndCheckLeaks());

const ok = (body: string, type = 'application/json') => ({
  status: 200,
  headers: { 'content-type': type },
  body,
});

test.each([
  ['an HTML page', ok('<html>maintenance</html>', 'text/html'), 'its body is not JSON (text/html)'],
  ['JSON without a token', ok('{"tokens":"x"}'), 'the JSON has no `token` string'],
  ['a token that is not a string', ok('{"token":42}'), 'the JSON has no `token` string'],
  ['an empty token', ok('{"token":""}'), 'its `token` is empty'],
  ['JSON null', ok('null'), 'the JSON has no `token` string'],
  [
    'a huge body',
    ok(`{"token":"${'a'.repeat(MAX_BODY_BYTES * 4)}"}`),
    'its body is larger than 64 KiB, more than any answer to this call should be',
  ],
  [
    'a huge token',
    ok(`{"token":"${'a'.repeat(5000)}"}`),
    'its `token` is longer than 4096 characters',
  ],
])('a 200 with %s is a malformed response', async (_name, fault, problem) => {
  world.registry.faults.add('exchange', fault);

  const main = await world.runMain();

  expect(main.exitCode).toBe(1);
  expect(world.count('exchange')).toBe(1);
  expect(theError(main)).toBe(
    `Exchanging the OIDC ID token for a publish token at ${world.registry.url} failed: the answer (HTTP 200) is malformed: ${problem}. Check that \`url\` points at a cargo registry that supports trusted publishing as crates.io does.`,
  );
  expect(main.outputs).toEqual({});
});

test('a token with a newline in it is refused, and masked all the same', async () => {
  const token = 'cio_tp_looksreal\nbut-has-a-newline';
  world.registry.faults.add('exchange', ok(JSON.stringify({ token })));

  const main = await world.runMain();

  expect(theError(main)).toContain('its `token` contains whitespace or control characters');
  expect(main.masks).toContain(token);
  expect(main.rawLog.join('\n')).not.toContain('cio_tp_looksreal\n');
});

test('an ID token answer without a JWT', async () => {
  world.oidc.faults.add('id-token', ok('{"value":"not a jwt"}'));

  const main = await world.runMain();

  expect(theError(main)).toContain('the answer (HTTP 200) is malformed: its `value` is not a JWT');
  expect(main.masks).toContain('not a jwt');
});
