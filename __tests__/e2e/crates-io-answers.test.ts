/**
 * crates.io's recorded answers (`../crates-io-answers.ts`), end to end: the rig, set up as
 * crates.io's own test sets itself up, gives each one byte for byte; and where a job can meet
 * it, the bundled action run against it does what the row says (retried or not, the registry's
 * words quoted whole, the fix), with no secret in anything it wrote.
 */
import { expectGaveUp, theError } from '../expect-step.js';
import { defaultRun } from '../../rig/oidc-service.js';
import { GITHUB_ISSUER, signJwt } from '../../rig/jwt.js';
import { newTrustedToken } from '../../rig/trusted-token.js';
import { World } from '../../rig/world.js';
import { ANSWERS, detailOf, FIXTURE, type Answer } from '../crates-io-answers.js';

let world: World | undefined;
afterEach(async () => {
  await world?.stopAndCheckLeaks();
  world = undefined;
});

/** A world whose registry and run are crates.io's test fixture, with the row's changes. */
async function worldFor(answer: Answer): Promise<World> {
  const rig = answer.rig ?? {};
  const discovery: Record<string, string> = {};
  world = await World.start({ ...rig.registry, ...(rig.keySetFails ? { discovery } : {}) });
  // Read at each exchange: an address on the token service that answers 404.
  discovery[GITHUB_ISSUER] = `${world.oidc.origin}/no-openid-configuration-here`;
  const { registry, oidc } = world;
  registry.publishers.splice(0, Infinity);
  registry.addCrate('foo', '1.0.0').addCrate('bar', '1.0.0');
  if (rig.config !== null) registry.addPublisher({ ...FIXTURE, ...rig.config });
  for (const more of rig.moreConfigs ?? []) registry.addPublisher({ ...FIXTURE, ...more });
  oidc.run = {
    ...defaultRun(),
    repository: `${FIXTURE.repositoryOwner}/${FIXTURE.repositoryName}`,
    repositoryOwnerId: FIXTURE.repositoryOwnerId,
    workflowFile: FIXTURE.workflowFilename,
    ...rig.run,
  };
  oidc.headerOverride = rig.header ?? {};
  for (let i = 0; i < (rig.replays ?? 0); i++) registry.faults.add('exchange', { replayed: true });
  return world;
}

const endpoint = (w: World, path: string) => `${w.registry.url}/api/v1/${path}`;

/** A request as crates.io's test sends it, straight to the rig. */
async function ask(w: World, answer: Answer): Promise<Response> {
  const rig = answer.rig ?? {};
  const headers = { 'user-agent': 'crates-io-answers-test' };
  const exchange = (jwt: string) =>
    fetch(endpoint(w, 'trusted_publishing/tokens'), {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ jwt }),
    });
  const signed = () =>
    signJwt(
      w.oidc.key,
      w.oidc.claimsFor(rig.audience ?? w.registry.audience),
      w.oidc.headerOverride,
    );
  /** A token the rig issued for the fixture's crate. */
  const issued = async () => {
    const saved = w.oidc.headerOverride;
    w.oidc.headerOverride = {};
    const { token } = (await (await exchange(signed())).json()) as { token: string };
    w.oidc.headerOverride = saved;
    return token;
  };
  switch (answer.call) {
    case 'exchange': {
      const jwt = rig.rawJwt ?? signed();
      return exchange(jwt);
    }
    case 'revoke': {
      const auth = rig.authorization;
      const value =
        auth === null || auth === undefined
          ? undefined
          : auth.replace('<issued>', await issued()).replace('<fresh>', newTrustedToken());
      return fetch(endpoint(w, 'trusted_publishing/tokens'), {
        method: 'DELETE',
        headers: value === undefined ? headers : { ...headers, authorization: value },
      });
    }
    case 'publish': {
      const { crate, token, version } = rig.publish ?? { crate: 'foo', token: 'fresh' };
      const json = Buffer.from(JSON.stringify({ name: crate, vers: version ?? '1.1.0', deps: [] }));
      const file = Buffer.from('not really a .crate file');
      const length = (n: number) => {
        const b = Buffer.alloc(4);
        b.writeUInt32LE(n);
        return b;
      };
      return fetch(endpoint(w, 'crates/new'), {
        method: 'PUT',
        headers: {
          ...headers,
          authorization: token === 'issued' ? await issued() : newTrustedToken(),
        },
        body: Buffer.concat([length(json.length), json, length(file.length), file]),
      });
    }
  }
}

const withRig = ANSWERS.filter((a) => a.rig !== undefined);

test.each(withRig.map((a) => [a.name, a.source, a] as const))(
  'the rig says what crates.io says: %s (%s)',
  async (_name, _source, answer) => {
    const w = await worldFor(answer);

    const response = await ask(w, answer);

    expect(response.status).toBe(answer.status);
    const text = await response.text();
    if (answer.status === 200)
      expect(JSON.parse(text)).toEqual({ token: expect.any(String) as unknown });
    else expect(text).toBe(answer.body);
  },
);

test.each(ANSWERS.filter((a) => a.e2e).map((a) => [a.name, a] as const))(
  'the action meets %s',
  async (_name, answer) => {
    const w = await worldFor(answer);
    const must = answer.must!;
    const audience = answer.rig?.audience;

    const main = await w.runMain({ with: audience ? { audience } : {} });

    const seen = w.count('exchange');
    if (must.retried === 'once') {
      // The replayed request, then one more with a fresh ID token, which succeeds.
      expect(main.exitCode).toBe(0);
      expect(seen).toBe(2);
      expect(w.oidc.minted).toHaveLength(2);
      expect(main.log.join('\n')).toContain(
        'The token exchange failed: HTTP 400 "JWT has already been used": the registry had seen this ID token before, so the request was replayed on the way',
      );
      expect(main.outputs.token).toBeDefined();
      return;
    }
    expect(main.exitCode).toBe(1);
    const message = theError(main);
    expect(message).toContain(`HTTP ${answer.status}: ${detailOf(answer.body)}`);
    for (const words of must.fix) expect(message).toContain(words);
    expect(message).not.toMatch(/undefined|\n|at .*\.js:\d+/);
    expect(main.outputs).toEqual({});
    if (must.retried === '5xx') {
      expectGaveUp(main, message, seen);
      return;
    }
    expect(seen).toBe(1);
    expect(message).toMatch(/ What this run sent is listed above and in the step summary\.$/);
    if (must.flags !== undefined) {
      const marked = main.log
        .join('\n')
        .split('\n')
        .filter((l) => l.startsWith('  ✗ '));
      expect(marked).toHaveLength(must.flags.length);
    }
  },
);

test('a request replayed twice: the one more try is refused too, and the step says why', async () => {
  const answer = ANSWERS.find((a) => a.kind === 'replayed')!;
  const w = await worldFor({ ...answer, rig: { replays: 2 } });

  const main = await w.runMain();

  expect(main.exitCode).toBe(1);
  expect(w.count('exchange')).toBe(2);
  expect(w.oidc.minted).toHaveLength(2);
  expect(theError(main)).toContain(
    'failed: HTTP 400: JWT has already been used. The registry had already seen this ID token: the request was replayed on the way',
  );
});

test('the July 2025 code takes a pull_request_target run that today’s refuses', async () => {
  const answer = ANSWERS.find((a) => a.name.startsWith('July 2025: the pull_request_target'))!;
  const w = await worldFor(answer);

  const main = await w.runMain();

  expect(main.exitCode).toBe(0);
});
