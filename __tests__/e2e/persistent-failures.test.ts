import { expectGaveUp, theError, theWarning } from '../expect-step.js';
import { World } from '../../rig/world.js';

let world: World;
beforeEach(async () => {
  world = await World.start();
});
afterEach(() => world.stopAndCheckLeaks());

const maintenance = {
  status: 503,
  headers: { 'content-type': 'text/html; charset=utf-8' },
  body: '<html><body><h1>Down for maintenance</h1><script>var secret=1</script></body></html>',
};

test('a registry down for good: at most five attempts, then a clear failure', async () => {
  world.registry.faults.always('exchange', maintenance);

  const main = await world.runMain();

  expect(main.exitCode).toBe(1);
  const attempts = world.count('exchange');
  expectGaveUp(main, theError(main), attempts);
  expect(theError(main)).toBe(
    `Exchanging the OIDC ID token for a publish token at ${world.registry.url} failed (after ${attempts} attempts): HTTP 503 with a body of ${maintenance.body.length} bytes (text/html), not the server's JSON error (an error page from a proxy, a load balancer or a maintenance page, most likely). The registry may be down or unreachable: check its status page and re-run the job. On a self-hosted runner behind a proxy, check HTTPS_PROXY and NO_PROXY.`,
  );
  expect(main.log.join('\n')).not.toContain('Down for maintenance');
  expect(world.leaks(main)).toEqual([]);
});

test('a registry that never answers: each attempt times out, the job fails in bounded time', async () => {
  world.registry.faults.always('exchange', { hang: true });

  const main = await world.runMain();

  expect(main.exitCode).toBe(1);
  // 30 s per attempt and a 3 minute budget, at the rig's time scale: the budget ends it.
  expectGaveUp(main, theError(main), world.count('exchange'));
  // The final figure is the one every retry line gave; a last try the budget cut says so.
  const perTry = /no answer within (\d+\.\d s)/.exec(main.log.join('\n'))?.[1] ?? 'none';
  expect(theError(main)).toMatch(
    new RegExp(
      `^Exchanging the OIDC ID token for a publish token at .* failed \\(after \\d attempts\\): no complete answer within ${perTry}( a try, and the last try had only the \\d+(\\.\\d)? s left of its time budget)?\\. The registry may be down`,
    ),
  );
});

test('a slow token service and a hanging registry: main gives up within its budget, ID tokens included', async () => {
  // At the least time scale (any GITHUB_ENV line can set it): a 3 s budget, 1 s a try. Each ID
  // token takes 0.75 s and the exchange never answers, so the second try has 1.2 s left when it
  // starts and 0.45 s once its ID token has come: too little to send it. A timeout fixed
  // before the ID token would have let it run 0.5 s past the budget.
  world.oidc.faults.always('id-token', { delayMs: 750 });
  world.registry.faults.always('exchange', { hang: true });

  const main = await world.runMain({ env: { AUTH_ACTION_TIME_SCALE: '0.005' } });

  expect(main.exitCode).toBe(1);
  const [first = 0] = world.oidc.requestTimes;
  const exchanges = world.registry.requests.filter((r) => r.endpoint === 'exchange');
  expect(exchanges.length).toBeGreaterThanOrEqual(1);
  // The phase starts before its first ID token is asked for, and every try ends by its end:
  // the last connection the action gave up on closed within 3 s of that first request (and
  // a little for the close to arrive here).
  const lastEnd = Math.max(...exchanges.map((r) => r.endedAt ?? Infinity));
  expect(lastEnd - first).toBeLessThanOrEqual(3_000 + 250);
  expect(theError(main)).toMatch(
    /^Exchanging the OIDC ID token for a publish token at \S+ (failed( \(after \d attempts\))?: no complete answer within|did not finish within its 3 s budget)/,
  );
});

test('GitHub’s token service failing for good', async () => {
  world.oidc.faults.always('id-token', { status: 500, body: '{"message":"Internal error"}' });

  const main = await world.runMain();

  expect(main.exitCode).toBe(1);
  expect(world.count('exchange')).toBe(0);
  expectGaveUp(main, theError(main), world.oidc.requests);
  expect(theError(main)).toBe(
    `Requesting an OIDC ID token from GitHub (${world.oidc.origin}) failed (after ${world.oidc.requests} attempts): HTTP 500: Internal error. GitHub's token service may be having trouble: re-run the job.`,
  );
});

test('a refused request token is not retried', async () => {
  world.oidc.faults.always('id-token', { status: 401, body: '{"message":"Bad credentials"}' });

  const main = await world.runMain();

  expect(main.exitCode).toBe(1);
  expect(main.log.some((line) => line.includes('attempt 1 of 5'))).toBe(false);
  expect(theError(main)).toContain('failed: HTTP 401: Bad credentials. GitHub refused');
});

test('a registry without the endpoint (404) is not retried and says what to check', async () => {
  world.registry.faults.add('exchange', {
    status: 404,
    headers: { 'content-type': 'text/html' },
    body: '<h1>Not Found</h1>',
  });

  const main = await world.runMain();

  expect(world.count('exchange')).toBe(1);
  expect(theError(main)).toContain(
    "HTTP 404 with a body of 18 bytes (text/html), not the server's JSON error. ",
  );
  expect(theError(main)).toContain('no trusted-publishing endpoint at this address');
});

test('an address that takes no POST (405) has no trusted-publishing endpoint either: not retried', async () => {
  world.registry.faults.add('exchange', {
    status: 405,
    headers: { 'content-type': 'application/json', allow: 'GET, HEAD' },
    body: '{"errors":[{"detail":"Method Not Allowed"}]}',
  });

  const main = await world.runMain();

  expect(world.count('exchange')).toBe(1);
  expect(theError(main)).toBe(
    `Exchanging the OIDC ID token for a publish token at ${world.registry.url} failed: HTTP 405: Method Not Allowed. The registry has no trusted-publishing endpoint at this address: check that \`url\` is the registry's web address (for crates.io, \`https://crates.io\`) and that it supports trusted publishing. What this run sent is listed above and in the step summary.`,
  );
});

test('an answer labelled JSON that does not parse is described, not echoed, and retried as a server error', async () => {
  world.registry.faults.always('exchange', {
    status: 502,
    headers: { 'content-type': 'application/json' },
    body: '{"errors":[{"detail":"cut off',
  });

  const main = await world.runMain({ env: { AUTH_ACTION_TIME_SCALE: '0.01' } });

  const error = theError(main);
  expectGaveUp(main, error, world.count('exchange'), 2);
  expect(error).toContain(
    'HTTP 502 with a body of 29 bytes labelled application/json that does not parse as JSON (an error page from a proxy, a load balancer or a maintenance page, most likely).',
  );
  expect(error).not.toContain('cut off');
});

describe('post: revocation is best effort', () => {
  test('a revocation that reaches the registry without its Authorization header: the proxy is named', async () => {
    world.registry.faults.add('revoke', {
      status: 401,
      headers: { 'content-type': 'application/json' },
      body: '{"errors":[{"detail":"Missing `Authorization` header"}]}',
    });

    const { main, post } = await world.runJob();

    expect(post.exitCode).toBe(0);
    expect(world.count('revoke')).toBe(1);
    expect(theWarning(post)).toBe(
      `Revoking the publish token at ${world.registry.url} failed: HTTP 401: Missing \`Authorization\` header. The request reached the registry without its Authorization header: on a self-hosted runner, a proxy on the way (HTTPS_PROXY) most likely removed it. The token was not revoked; it expires on its own 30 minutes after it was issued.`,
    );
    expect(world.registry.isRevoked(main.outputs.token ?? '')).toBe(false);
  });

  test('a refusal the action has no words for: the generic fix, not retried', async () => {
    world.registry.faults.add('revoke', {
      status: 403,
      headers: { 'content-type': 'application/json' },
      body: '{"errors":[{"detail":"this token belongs to another user"}]}',
    });

    const { post } = await world.runJob();

    expect(world.count('revoke')).toBe(1);
    expect(theWarning(post)).toContain(
      'failed: HTTP 403: this token belongs to another user. The registry did not accept the token for revocation. The token was not revoked;',
    );
  });

  test('a 401 is a warning, not retried, and the job passes', async () => {
    world.registry.faults.add('revoke', {
      status: 401,
      headers: { 'content-type': 'application/json' },
      body: '{"errors":[{"detail":"Invalid `Authorization` header: Failed to parse token"}]}',
    });

    const { main, post } = await world.runJob();

    expect(main.exitCode).toBe(0);
    expect(post.exitCode).toBe(0);
    expect(world.count('revoke')).toBe(1);
    expect(theWarning(post)).toBe(
      `Revoking the publish token at ${world.registry.url} failed: HTTP 401: Invalid \`Authorization\` header: Failed to parse token. The registry did not take what was sent for one of its tokens: the token the action kept for revocation was changed after it was written, or the registry gave a token of another kind. The token was not revoked; it expires on its own 30 minutes after it was issued.`,
    );
    expect(world.leaks(main, post)).toEqual([]);
  });

  test('repeated 5xx end in a warning after five attempts', async () => {
    world.registry.faults.always('revoke', { status: 503 });

    const { post } = await world.runJob();

    expect(post.exitCode).toBe(0);
    expect(world.count('revoke')).toBe(5);
    expect(theWarning(post)).toContain('failed (after 5 attempts): HTTP 503 with no explanation.');
  });

  test('a registry that never answers ends in a warning within the budget', async () => {
    world.registry.faults.always('revoke', { hang: true });

    const { post } = await world.runJob();

    expect(post.exitCode).toBe(0);
    // The post step's budget (45 s, 2.25 s here, raised to the 3 s floor) ends it: each
    // attempt waits 1 s, so the budget leaves room for three, never for the policy's five.
    const attempts = world.count('revoke');
    expect(attempts).toBeGreaterThanOrEqual(2);
    expect(attempts).toBeLessThanOrEqual(3);
    expect(theWarning(post)).toMatch(
      new RegExp(
        // 15 s a try at the rig's 0.05 is 0.75 s, raised to the 1 s floor a scale keeps. On a
        // loaded machine a late timer can leave too little for a last try: the budget ends
        // the call all the same, and says so.
        `^Revoking the publish token at ${world.registry.url} (failed \\(after ${attempts} attempts\\): no complete answer within 1 s( a try, and the last try had only the \\d+(\\.\\d)? s left of its time budget)?|did not finish within its 3 s budget \\(after ${attempts} attempts\\))\\. `,
      ),
    );
  });
});
