import { EchoServer } from '../../rig/echo.js';
import type { StepResult } from '../../rig/runner.js';
import { World } from '../../rig/world.js';
import { MAX_BODY_BYTES } from '../../src/http/body-limit.js';
import { theError, theWarning } from '../expect-step.js';

let world: World;
beforeEach(async () => {
  world = await World.start();
});
afterEach(() => world.stopAndCheckLeaks());

/** What the process printed itself, before the runner masked anything. */
const printed = (step: StepResult) =>
  step.rawLog.filter((line) => !line.startsWith('::add-mask::')).join('\n');

const PAGE = '<html><body><h1>Welcome to the portal</h1></body></html>';
const html = (status: number, body = PAGE) => ({
  status,
  headers: { 'content-type': 'text/html; charset=utf-8' },
  body,
});

describe('every echo is redacted, whatever state the value is in', () => {
  test.each([
    'https://ferris:hunter2-secret@cra tes.io',
    'https://ferris:hunter2 secret@crates.io',
    'https://ferris:"hunter2-secret"@crates.io',
    'https:ferris:hunter2-secret@crates.io',
    'https:\\\\ferris:hunter2-secret@crates.io',
    'https://ferris:hunter2-secret@crates.io:99999',
    '{https://ferris:hunter2 secret@crates.io}',
  ])('the url input %s is echoed without its password', async (url) => {
    const main = await world.runMain({ with: { url } });

    expect(main.exitCode).toBe(1);
    expect(theError(main)).toMatch(/^The `url` input \(`[^`]*\*\*\*@[^`]*`\) is invalid: /);
    expect(printed(main)).not.toContain('hunter2');
    expect(world.oidc.requests).toBe(0);
    expect(world.registry.requests).toEqual([]);
  });

  test('a registry that quotes the JWT in its refusal: *** in the error, the log and the summary', async () => {
    const registry = await new EchoServer(({ jwt }) => ({
      status: 400,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        errors: [{ detail: `No Trusted Publishing config found for JWT ${jwt}` }],
      }),
    })).start();
    try {
      const main = await world.runMain({ with: { url: registry.origin } });

      expect(main.exitCode).toBe(1);
      const jwts = world.oidc.minted;
      expect(registry.seen.length).toBeGreaterThan(0);
      expect(registry.seen.every((r) => jwts.includes(r.jwt))).toBe(true);
      // Cut at the cap on the server's words, and hidden all the same: not a piece of it shows.
      expect(theError(main)).toMatch(
        /failed: HTTP 400: No Trusted Publishing config found for JWT \*\*\*(…|\.) Check that `url` /,
      );
      // The claims table quotes the registry's words too.
      expect(main.summary).toContain('No Trusted Publishing config found for JWT ***');
      // Replaced by the action itself, not only masked by the runner.
      for (const jwt of jwts) {
        expect(printed(main)).not.toContain(jwt.slice(0, 40));
        expect(main.summary).not.toContain(jwt.slice(0, 40));
      }
    } finally {
      await registry.stop();
    }
  });

  test('a token service that quotes the request token: *** in the error, never the token', async () => {
    const service = await new EchoServer(({ bearer }) => ({
      status: 401,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: `Bad credentials: ${bearer}` }),
    })).start();
    try {
      const main = await world.runMain({
        env: { ACTIONS_ID_TOKEN_REQUEST_URL: `${service.origin}/idtoken?api-version=2.0` },
      });

      expect(service.seen.length).toBeGreaterThan(0);
      expect(service.seen.every((r) => r.bearer === world.oidc.requestToken)).toBe(true);
      expect(theError(main)).toContain('failed: HTTP 401: Bad credentials: ***. GitHub refused');
      expect(printed(main)).not.toContain(world.oidc.requestToken);
    } finally {
      await service.stop();
    }
  });

  test('a registry detail with a URL and a query: shown up to the `?`, in the error and the summary', async () => {
    world.registry.faults.always('exchange', {
      status: 400,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        errors: [
          {
            detail:
              'Sign in again at https://auth.example/cb?access_token=s3cr3t-in-detail&x=1 first',
          },
        ],
      }),
    });

    const main = await world.runMain();

    expect(main.exitCode).toBe(1);
    expect(theError(main)).toContain('Sign in again at https://auth.example/cb?… first');
    expect(main.rawLog.join('\n')).not.toContain('s3cr3t');
    expect(main.summary).not.toContain('s3cr3t');
  });

  test('a claim with a URL and a query: the claims block in the log shows it up to the `?`', async () => {
    // A value from the ID token reaches the log only through the log's own redaction.
    world.oidc.run.environment = 'staging //hooks.example/cb?access_token=s3cr3t-in-claim';
    world.registry.publishers[0] = { ...world.registry.publishers[0]!, environment: 'release' };

    const main = await world.runMain();

    expect(main.exitCode).toBe(1);
    const row = main.rawLog.filter((line) => line.startsWith('  ✗ Environment (`environment`): '));
    expect(row).toEqual(['  ✗ Environment (`environment`): staging //hooks.example/cb?…']);
    expect(main.rawLog.join('\n')).not.toContain('s3cr3t');
    expect(main.summary).not.toContain('s3cr3t');
  });

  test('a redirect whose Location carries a token is shown without its query', async () => {
    world.registry.faults.always('exchange', {
      status: 302,
      headers: { location: 'https://sso.example/login?token=s3cr3t-in-query&next=%2F' },
    });

    const main = await world.runMain();

    expect(theError(main)).toContain('a redirect (HTTP 302) to `https://sso.example/login?…`.');
    expect(printed(main)).not.toContain('s3cr3t');
  });

  // The Location is redacted as a URL value first (each stretch between slashes, the query cut),
  // then with the rest of the message. These carry their secret where only the first sees it:
  // no `//` for the free-text rule to start from.
  test.each([
    ['/sso/login?token=s3cr3t-relative&next=%2F', '`/sso/login?…`'],
    ['https:ferris:s3cr3t-password@sso.example/login', '`***@sso.example/login`'],
  ])('a redirect to %s is shown as %s', async (location, shownAs) => {
    world.registry.faults.always('exchange', { status: 302, headers: { location } });

    const main = await world.runMain();

    expect(theError(main)).toContain(`a redirect (HTTP 302) to ${shownAs}.`);
    expect(printed(main)).not.toContain('s3cr3t');
  });
});

describe('an answer is judged by what it is', () => {
  test('an oversized ID token answer is reported as oversized, once', async () => {
    world.oidc.faults.always('id-token', {
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ value: 'a'.repeat(MAX_BODY_BYTES * 2) }),
    });

    const main = await world.runMain();

    expect(theError(main)).toBe(
      `Requesting an OIDC ID token from GitHub (${world.oidc.origin}) failed: the answer (HTTP 200) is malformed: its body is larger than 64 KiB, more than any answer to this call should be. This is GitHub's side: re-run the job.`,
    );
    expect(world.count('exchange')).toBe(0);
  });

  test('a revocation answered 200 with a page is no revocation: a warning, the token alive', async () => {
    world.registry.faults.always('revoke', html(200));

    const { main, post } = await world.runJob();

    const token = main.outputs.token ?? '';
    expect(post.exitCode).toBe(0);
    expect(world.count('revoke')).toBeGreaterThan(0);
    expect(world.registry.isRevoked(token)).toBe(false);
    expect(theWarning(post)).toBe(
      `Revoking the publish token at ${world.registry.url} failed: the answer (HTTP 200) is not a revocation: a registry answers one with 204 and no body; this is most likely a page from a proxy or a captive portal. On a self-hosted runner, check the proxy settings (HTTPS_PROXY, NO_PROXY). The token was not revoked; it expires on its own 30 minutes after it was issued.`,
    );
    expect(post.log).not.toContainEqual(expect.stringContaining('Revoked the publish token'));
  });

  test.each([
    ['plain http to the network', 'http://example.com', 'plain `http://` would send'],
    ['credentials', 'https://ferris:hunter2-secret@127.0.0.1:9', 'it must not contain credentials'],
    [
      'credentials that do not parse',
      'https://ferris:hunter2 secret@cra tes.io',
      'its host name contains a space',
    ],
  ])(
    'post with a state URL with %s sends nothing and warns',
    async (_what, registryUrl, problem) => {
      const main = await world.runMain();
      const state = { ...main.state, registryUrl };

      const post = await world.runPost(state);

      expect(post.exitCode).toBe(0);
      // Refused before any request, so before any DNS lookup of example.com.
      expect(world.count('revoke')).toBe(0);
      const warning = theWarning(post);
      expect(warning).toMatch(
        /^The registry URL that auth-action's main step left in the step state \(`[^`]*`\) is invalid: /,
      );
      expect(warning).toContain(problem);
      expect(printed(post)).not.toContain('hunter2');
      expect(world.registry.isRevoked(main.outputs.token ?? '')).toBe(false);
    },
  );
});

describe('inputs have bounds', () => {
  /** Refused in one short line, before any request. */
  function expectShortRefusal(main: StepResult, message: string): void {
    expect(main.exitCode).toBe(1);
    expect(theError(main)).toBe(message);
    for (const line of main.rawLog) expect(line.length).toBeLessThan(500);
    expect(world.oidc.requests).toBe(0);
    expect(world.registry.requests).toEqual([]);
  }

  test('a 100 KB url', async () => {
    const main = await world.runMain({ with: { url: `https://${'a'.repeat(100_000)}.io` } });

    expectShortRefusal(
      main,
      "The `url` input is 100011 characters long: it may be at most 2048 characters. Fix it in the step's `with:`.",
    );
  });

  test('a 300-character host', async () => {
    const host = `${'abcdefghi.'.repeat(30)}io`;
    const main = await world.runMain({ with: { url: `https://${host}` } });

    expect(theError(main)).toContain(
      'is invalid: its host name is longer than 253 characters, the most DNS allows.',
    );
    expectShortRefusal(main, theError(main));
  });

  test('a label over 63 characters', async () => {
    const main = await world.runMain({ with: { url: `https://${'a'.repeat(64)}.example.com` } });

    expect(theError(main)).toContain(
      'is invalid: a part of its host name is longer than 63 characters, the most DNS allows.',
    );
    expectShortRefusal(main, theError(main));
  });

  test.each(['https://crates.io:99999', 'http://127.0.0.1:0'])(
    '%s: the port is out of range',
    async (url) => {
      const main = await world.runMain({ with: { url } });

      const port = url.split(':').at(-1) ?? '';
      expectShortRefusal(
        main,
        `The \`url\` input (\`${url}\`) is invalid: its port ${port} is out of range (1 to 65535). Fix it in the step's \`with:\`.`,
      );
    },
  );

  test.each([
    [
      'javascript:alert(1)',
      "it must be an absolute URL starting with `https://`. Fix it in the step's `with:`.",
    ],
    [
      'mailto:crates.io',
      "it must be an absolute URL starting with `https://`. Fix it in the step's `with:`.",
    ],
    [
      'crates.io',
      "it must be an absolute URL starting with `https://`. Did you mean `https://crates.io`? Fix it in the step's `with:`.",
    ],
  ])('%s: a suggestion only where it makes sense', async (url, problem) => {
    const main = await world.runMain({ with: { url } });

    expectShortRefusal(main, `The \`url\` input (\`${url}\`) is invalid: ${problem}`);
  });

  test('a 300-character audience', async () => {
    const main = await world.runMain({ with: { audience: 'a'.repeat(300) } });

    expectShortRefusal(
      main,
      "The `audience` input is 300 characters long: it may be at most 255 characters. Fix it in the step's `with:`.",
    );
  });
});

describe('words', () => {
  test('a refusal that ends with a full stop is not given another', async () => {
    world.oidc.run.repository = 'rust-lang-demo/renamed';

    const main = await world.runMain();

    const message = theError(main);
    expect(message).toContain(
      'No Trusted Publishing config found for repository `rust-lang-demo/renamed`. The registry has',
    );
    expect(message.replaceAll('…', '')).not.toContain('..');
  });

  test.each([401, 403])(
    'an HTML page with %i: one explanation, no claims block',
    async (status) => {
      world.registry.faults.always('exchange', html(status));

      const main = await world.runMain();

      const message = theError(main);
      expect(message).toBe(
        `Exchanging the OIDC ID token for a publish token at ${world.registry.url} failed: HTTP ${status} with a body of ${PAGE.length} bytes (text/html), not the server's JSON error. The answer did not come from the registry's API (an error page from a proxy or a maintenance page, most likely): check that \`url\` is the registry's address and, on a self-hosted runner, the proxy settings (HTTPS_PROXY, NO_PROXY); if the registry is in maintenance, re-run the job later.`,
      );
      expect(message.match(/most likely/g)).toHaveLength(1);
      expect(main.log.join('\n')).not.toContain('What the registry compared');
      expect(main.summary).toBe('');
    },
  );
});
