/**
 * Answers judged by what they are, for any answer: each parser gives a typed value or a typed
 * problem, never a throw; and the main and post steps, fed any answers on a wire of our own
 * (no socket), fail or warn in one readable paragraph with no secret in it.
 */
import fc from 'fast-check';
import { parseTokenResponse } from '../../src/exchange/token-response.js';
import { parseErrorBody } from '../../src/http/error-body.js';
import type { Clock } from '../../src/http/retry.js';
import type { HttpRequest, HttpResponse, Sent, Transport } from '../../src/http/transport.js';
import { parseIdTokenResponse } from '../../src/id-token/id-token-response.js';
import { checkRegistryUrl } from '../../src/inputs/registry-url.js';
import { judgeRevocation } from '../../src/revoke/revocation-response.js';
import { runMain } from '../../src/run-main.js';
import { runPost } from '../../src/run-post.js';
import type { Core } from '../../src/runner/core.js';
import type { RunnerEnvironment } from '../../src/runner/environment.js';
import {
  anyText,
  AT_PASS,
  AT_URL,
  expectReadable,
  fromOutside,
  jwt,
  outsideText,
  password,
  registryToken,
  requestToken,
  urlWithPassword,
} from '../hostile.js';
import { neverLoggedIn } from '../never-logged.js';

/** Where a server's answer echoes the secret it was sent (the JWT, the bearer token). */
const ECHO = '«echo»';

const words = fc.oneof(
  outsideText(),
  // Words that say nothing once cleaned.
  fc.string({
    unit: fc.constantFrom('\u0000', '\u0085', '\n', '\u2028', ' '),
    minLength: 1,
    maxLength: 5,
  }),
  fc.tuple(anyText(), anyText()).map(([a, b]) => `${a}${ECHO}${b}`),
);

const body = fc.oneof(
  fc
    .record({ token: fc.oneof(registryToken, outsideText(), fc.jsonValue()) }, { requiredKeys: [] })
    .map((json) => JSON.stringify(json)),
  fc
    .record({ value: fc.oneof(jwt, outsideText(), fc.jsonValue()) }, { requiredKeys: [] })
    .map((json) => JSON.stringify(json)),
  fc
    .array(
      fc.record(
        {
          detail: fc.oneof(
            words,
            fc.jsonValue().filter((v) => typeof v !== 'string' || fromOutside(v)),
          ),
        },
        { requiredKeys: [] },
      ),
      {
        maxLength: 12,
      },
    )
    .map((errors) => JSON.stringify({ errors })),
  words.map((message) => JSON.stringify({ message })),
  fc.json(),
  outsideText(),
  fc.constant(''),
  // JSON cut anywhere, as a body cut at the action's limit would be.
  fc.json().chain((text) => fc.nat(text.length).map((n) => text.slice(0, n))),
);

const headers = fc.record(
  {
    'content-type': fc.oneof(
      fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/html'),
      outsideText(),
    ),
    location: fc.oneof(
      words,
      urlWithPassword(),
      fc.constant(`https://elsewhere.example/login?token=${ECHO}`),
    ),
    'retry-after': fc.oneof(
      fc.constantFrom('0', '1', '99999999999', 'Wed, 21 Oct 2015'),
      anyText(),
    ),
  },
  { requiredKeys: [] },
);

const status = fc.oneof(
  fc.constantFrom(200, 201, 204, 301, 302, 400, 401, 403, 404, 408, 422, 429, 500, 503),
  fc.integer({ min: 0, max: 999 }),
);

const response: fc.Arbitrary<HttpResponse> = fc.record({
  status,
  headers,
  body,
  truncated: fc.oneof({ weight: 5, arbitrary: fc.constant(false) }, fc.constant(true)),
});

/** What the wire brings back for one request: an answer, or no answer. */
const sent: fc.Arbitrary<Sent> = fc.oneof(
  { weight: 8, arbitrary: response.map((r) => ({ ok: true as const, response: r })) },
  fc.constant({ ok: false as const, error: { kind: 'timeout' as const } }),
  fc
    .oneof(fc.constantFrom('ECONNRESET', 'ENOTFOUND', 'CERT_HAS_EXPIRED', 'EPROXY'), anyText())
    .map((code) => ({ ok: false as const, error: { kind: 'network' as const, code } })),
  anyText().map((problem) => ({
    ok: false as const,
    error: { kind: 'unsendable' as const, problem },
  })),
);

/** The answer with the secret the request carried where the server echoes it. */
function echoing(answer: Sent, secret: string): Sent {
  if (!answer.ok) return answer;
  const { response: r } = answer;
  const swap = (text: string) => text.split(ECHO).join(secret);
  return {
    ok: true,
    response: {
      ...r,
      body: swap(r.body),
      headers: Object.fromEntries(
        Object.entries(r.headers).map(([k, v]) => [k, typeof v === 'string' ? swap(v) : v]),
      ),
    },
  };
}

/** An answer with this status, JSON content type and body. */
const answer = (status: number, body: string, extra: Partial<HttpResponse> = {}): HttpResponse => ({
  status,
  headers: { 'content-type': 'application/json' },
  body,
  truncated: false,
  ...extra,
});

describe('each parser, any answer', () => {
  test('the exchange: a token fit for the output file, or a problem', () => {
    fc.assert(
      fc.property(response, (r) => {
        const parsed = parseTokenResponse(r);
        if (parsed.ok) {
          expect(parsed.token.length).toBeGreaterThan(0);
          // docs/security.md: ASCII letters, digits, `-`, `_` and `.`, at most 4096 characters.
          expect(parsed.token).toMatch(/^[A-Za-z0-9._-]{1,4096}$/);
        } else {
          expect(parsed.problem).not.toBe('');
        }
      }),
      {
        examples: [
          [answer(200, `{"token":"${'a'.repeat(4096)}"}`)],
          [answer(200, `{"token":"${'a'.repeat(4097)}"}`)],
          [answer(200, '{"token":"cio\\u0085x"}')],
          [answer(200, '{"token":"cio\\u202ex"}')],
          [answer(200, '{"token":"cio_tp_x"}', { truncated: true })],
          [answer(201, '{"token":"cio_tp_x"}', { headers: {} })],
        ],
      },
    );
  });

  test('the ID token: a JWT, or a problem', () => {
    fc.assert(
      fc.property(response, (r) => {
        const parsed = parseIdTokenResponse(r);
        if (parsed.ok) expect(parsed.jwt).toMatch(/^[\w-]+\.[\w-]+\.[\w-]*$/);
        else expect(parsed.problem).not.toBe('');
      }),
      {
        examples: [
          [answer(200, '{"count":1,"value":"a.b.c\\n"}')],
          [answer(200, '{"count":1,"value":"a.b"}')],
          [answer(200, '{"count":1,"value":"a.b."}')],
          [answer(200, '{"value":"a.b.c\\u202e"}')],
        ],
      },
    );
  });

  test('a revocation: only a 204 is one', () => {
    fc.assert(
      fc.property(response, (r) => {
        expect(judgeRevocation(r).ok).toBe(r.status === 204);
      }),
      {
        examples: [
          [answer(204, '')],
          [answer(204, '{"ok":true}')],
          [answer(200, '')],
          [answer(205, '')],
          [answer(404, '')],
        ],
      },
    );
  });

  test('an error body: the server’s words cleaned and bounded, or a description', () => {
    fc.assert(
      fc.property(response, (r) => {
        const { details, unexpectedBody } = parseErrorBody(r);
        expect(details.length).toBeLessThanOrEqual(10);
        for (const detail of details) {
          expect(detail.trim()).not.toBe('');
          expect(detail.length).toBeLessThanOrEqual(1001);
          expect(neverLoggedIn(detail)).toEqual([]);
        }
        if (unexpectedBody !== undefined) expect(details).toEqual([]);
      }),
      {
        examples: [
          [answer(400, JSON.stringify({ errors: Array(11).fill({ detail: 'x' }) }))],
          [answer(400, JSON.stringify({ errors: [{ detail: '\u0000\u0085\u202e\u200b' }] }))],
          [answer(400, JSON.stringify({ errors: [{ detail: 'x'.repeat(2000) }], message: 'm' }))],
          [answer(400, '{"errors":[{"detail":"cut', { truncated: true })],
          [answer(400, JSON.stringify({ message: '\u2066words\u2069' }))],
        ],
      },
    );
  });
});

/** A clock whose sleeps pass at once: the whole retry policy runs in microseconds. */
function virtualClock(): Clock {
  let now = 1_800_000_000_000;
  return {
    now: () => now,
    sleep: (ms) => {
      now += ms;
      return Promise.resolve();
    },
    random: () => 0.5,
  };
}

/** @actions/core as the runner sees it: what was written, in order. */
function runnerCore(inputs: Record<string, string>, state: Record<string, string> = {}) {
  const written: { kind: string; text: string }[] = [];
  const order: string[] = [];
  const outputs: Record<string, string> = {};
  const saved: Record<string, string> = {};
  const masks: string[] = [];
  const write = (kind: string) => (text: string) => {
    written.push({ kind, text });
  };
  const core: Core = {
    getInput: (name) => inputs[name] ?? '',
    getState: (name) => state[name] ?? '',
    setSecret: (secret) => {
      order.push(`mask ${secret}`);
      masks.push(secret);
    },
    setOutput: (name, value) => {
      order.push(`output ${name}`);
      outputs[name] = value;
    },
    saveState: (name, value) => {
      order.push(`state ${name}`);
      saved[name] = value;
    },
    exportVariable: (name) => {
      order.push(`env ${name}`);
    },
    debug: write('debug'),
    info: write('info'),
    warning: write('warning'),
    setFailed: write('error'),
    appendSummary: write('summary'),
  };
  return { core, written, order, outputs, saved, masks };
}

/** A wire that answers from a script per call, echoing what each request carried. */
function scriptedWire(
  script: Record<HttpRequest['call'], Sent[]>,
  fallback: (r: HttpRequest) => Sent,
) {
  const requests: HttpRequest[] = [];
  const answers: Sent[] = [];
  const transport: Transport = (request) => {
    requests.push(request);
    const carried =
      request.call === 'exchange'
        ? ((JSON.parse(request.body ?? '{}') as { jwt?: string }).jwt ?? '')
        : (request.headers.Authorization ?? '').replace(/^Bearer /, '');
    const answer = echoing(script[request.call].shift() ?? fallback(request), carried);
    answers.push(answer);
    return Promise.resolve(answer);
  };
  return { transport, requests, answers };
}

const jwtAnswer = (value: string): Sent => ({
  ok: true,
  response: {
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ count: 1, value }),
    truncated: false,
  },
});

/** The registry's answer with a token, as crates.io gives it. */
const tokenAnswer: fc.Arbitrary<Sent> = registryToken.map((token) => ({
  ok: true,
  response: {
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
    truncated: false,
  },
}));

/** Secrets long enough to look for, as the Redactor learns them. */
const lookable = (secrets: string[]) => [...new Set(secrets)].filter((s) => s.length >= 8);

const TOKEN = `cio_tp_${'0123456789abcdef'.repeat(2)}`;
const JWTS = [1, 2, 3, 4, 5].map((i) => `eyJhbGciOiJSUzI1NiJ9.eyJydW4iOiR${i}fQ.c2lnbmF0dXJl${i}`);
const sentAnswer = (response: HttpResponse): Sent => ({ ok: true, response });
const tokenSent = sentAnswer(answer(200, JSON.stringify({ token: TOKEN })));
const page = (status: number, body: string): Sent =>
  sentAnswer(answer(status, body, { headers: { 'content-type': 'text/html' } }));

describe('the main step, any answers', () => {
  const scenario = fc.record({
    url: fc.constantFrom(
      'https://registry.example.test',
      'https://crates.io',
      'http://127.0.0.1:9/x',
    ),
    revoke: fc.constantFrom('', 'false'),
    requestToken,
    jwts: fc.array(jwt, { minLength: 5, maxLength: 5 }),
    idToken: fc.array(fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, sent), {
      maxLength: 5,
    }),
    // Any answer, or a good one: an arbitrary answer is almost never a token, and the runs
    // that hand one out are the ones that show the order of the mask and the file commands.
    exchange: fc.array(fc.oneof(sent, tokenAnswer), { minLength: 1, maxLength: 5 }),
  });

  type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

  /** Answers a generator rarely brings together, each a scenario of the property below. */
  const rare = (
    [
      // A proxy that refuses CONNECT, then a token.
      [{ ok: false, error: { kind: 'network', code: 'EPROXY' } }, tokenSent],
      // No trusted-publishing endpoint: a page that echoes the JWT.
      [page(405, `<p>${ECHO}</p>`)],
      // A redirect that would carry the JWT to another host.
      [
        sentAnswer(
          answer(307, '', { headers: { location: `https://elsewhere.example/?t=${ECHO}` } }),
        ),
      ],
      // A replayed ID token, then a token; a 429 whose words echo the JWT, then a token.
      [sentAnswer(answer(400, '{"errors":[{"detail":"JWT has already been used"}]}')), tokenSent],
      [sentAnswer(answer(429, `{"errors":[{"detail":"slow down ${ECHO}"}]}`)), tokenSent],
    ] satisfies Sent[][]
  ).map((exchange, i): [Scenario] => [
    {
      url: i % 2 === 0 ? 'https://crates.io' : 'http://127.0.0.1:9/x',
      revoke: i === 3 ? 'false' : '',
      requestToken: `ghs_${'A1b2'.repeat(8)}`,
      jwts: JWTS,
      // The last: GitHub's token service refuses first, echoing the request token.
      idToken: i === 4 ? [page(401, `<p>${ECHO}</p>`)] : [],
      exchange,
    },
  ]);

  test('a token saved for post before it is output, or one readable failure', async () => {
    let handedOut = 0;
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const jwts = [...s.jwts];
        // Most ID token answers are good ones, so that the exchange is reached.
        const idToken = s.idToken.map((a) => a ?? jwtAnswer(jwts.shift() ?? ''));
        const wire = scriptedWire(
          { 'id-token': idToken, exchange: [...s.exchange], revoke: [], index: [] },
          (r) =>
            r.call === 'id-token'
              ? jwtAnswer(jwts.shift() ?? s.jwts[0]!)
              : { ok: false, error: { kind: 'timeout' } },
        );
        const runner = runnerCore({ url: s.url, revoke: s.revoke });
        const environment: RunnerEnvironment = {
          oidc: {
            kind: 'ready',
            access: {
              requestUrl: 'https://token.example.test/idtoken?api-version=2.0',
              requestToken: s.requestToken,
            },
          },
          event: { name: 'push', fromFork: false },
          timeScale: 1,
          runnerTemp: undefined,
          githubWorkspace: undefined,
          cargo: { home: undefined, variables: {} },
        };

        await runMain({
          core: runner.core,
          environment,
          transport: wire.transport,
          clock: virtualClock(),
          providerProgram: () => {
            throw new Error('no provider without credential-provider');
          },
        });

        // Every JWT the action sent, every token it got, the request token: all secrets.
        const sentJwts = wire.requests
          .filter((r) => r.call === 'exchange')
          .map((r) => (JSON.parse(r.body ?? '{}') as { jwt: string }).jwt);
        const secrets = lookable([s.requestToken, ...sentJwts, ...runner.masks]);
        for (const { text } of runner.written) {
          for (const secret of secrets) expect(text).not.toContain(secret);
        }
        const errors = runner.written.filter((w) => w.kind === 'error');
        const token = runner.outputs.token;
        if (token !== undefined) handedOut++;
        if (token !== undefined) {
          expect(errors).toEqual([]);
          expect(runner.masks).toContain(token);
          // Masked before any file command: state and output both come after it.
          const masked = runner.order.indexOf(`mask ${token}`);
          const writes = runner.order.flatMap((entry, i) => (entry.startsWith('mask ') ? [] : [i]));
          expect(writes.length).toBeGreaterThan(0);
          for (const i of writes) expect(i).toBeGreaterThan(masked);
          if (s.revoke === '') {
            expect(runner.saved.token).toBe(token);
            expect(runner.order.indexOf('state token')).toBeLessThan(
              runner.order.indexOf('output token'),
            );
          }
        } else {
          expect(errors).toHaveLength(1);
          expectReadable(errors[0]!.text, secrets);
        }
        for (const line of runner.written.filter((w) => /\(attempt \d of \d\)/.test(w.text))) {
          expectReadable(line.text, secrets);
        }
        // Only to the registry and the token service, whatever a Location said: the same
        // origin (a prefix of the text would let `crates.io.evil.example` pass), under its path.
        for (const request of wire.requests) {
          const to = new URL(request.url);
          const meant = new URL(
            request.call === 'exchange' ? s.url : 'https://token.example.test/idtoken',
          );
          expect(to.origin).toBe(meant.origin);
          const under =
            to.pathname === meant.pathname ||
            to.pathname.startsWith(meant.pathname.replace(/\/?$/, '/'));
          expect(under).toBe(true);
        }
      }),
      { examples: rare },
    );
    // Enough runs end with a token that the checks of that branch mean something.
    expect(handedOut).toBeGreaterThanOrEqual(10);
  });
});

describe('the post step, any state and answers', () => {
  const state = password.chain((pass) =>
    fc.record({
      pass: fc.constant(pass),
      registryUrl: fc.oneof(
        urlWithPassword(fc.constant(pass)),
        outsideText(),
        fc.constantFrom(
          'https://registry.example.test',
          'http://127.0.0.1:9',
          'http://example.com',
        ),
      ),
      revoke: fc.constantFrom('true', 'false', '', 'yes'),
      token: fc.oneof(registryToken, fc.constant('')),
      answers: fc.array(sent, { maxLength: 6 }),
    }),
  );

  test('a bearer token only over https, a revocation only on 204, a warning at most', async () => {
    await fc.assert(
      fc.asyncProperty(state, async (s) => {
        const wire = scriptedWire(
          { 'id-token': [], exchange: [], revoke: [...s.answers], index: [] },
          () => ({
            ok: false,
            error: { kind: 'network', code: 'ECONNREFUSED' },
          }),
        );
        const runner = runnerCore(
          {},
          { registryUrl: s.registryUrl, revoke: s.revoke, token: s.token },
        );
        const environment: RunnerEnvironment = {
          oidc: { kind: 'absent' },
          event: { name: 'push', fromFork: false },
          timeScale: 1,
          runnerTemp: undefined,
          githubWorkspace: undefined,
          cargo: { home: undefined, variables: {} },
        };

        await runPost({
          core: runner.core,
          environment,
          transport: wire.transport,
          clock: virtualClock(),
        });

        expect(runner.written.filter((w) => w.kind === 'error')).toEqual([]);
        const warnings = runner.written.filter((w) => w.kind === 'warning');
        expect(warnings.length).toBeLessThanOrEqual(1);
        const secrets = lookable([s.token, s.pass]);
        // A summary is Markdown over several lines (a paragraph each): each line is read so.
        for (const { kind, text } of runner.written) {
          const lines = kind === 'summary' ? text.split('\n').filter((l) => l !== '') : [text];
          for (const line of lines) expectReadable(line, secrets);
        }
        for (const request of wire.requests) {
          expect(
            checkRegistryUrl(request.url.replace(/\/api\/v1\/trusted_publishing\/tokens$/, '')),
          ).toMatchObject({
            ok: true,
          });
        }
        const revoked = runner.written.some((w) => w.text.startsWith('Revoked the publish token'));
        const answered = wire.answers.at(-1);
        expect(revoked).toBe(
          answered?.ok === true && answered.response.status === 204 && !answered.response.truncated,
        );
      }),
      {
        examples: [
          // A password with `@` in the state's URL: refused, neither piece shown.
          [{ pass: AT_PASS, registryUrl: AT_URL, revoke: 'true', token: TOKEN, answers: [] }],
          // No endpoint (a page echoing the token), then a 204 cut short: no revocation.
          [
            {
              pass: AT_PASS,
              registryUrl: 'https://registry.example.test',
              revoke: 'true',
              token: TOKEN,
              answers: [
                page(405, `<p>${ECHO}</p>`),
                sentAnswer(answer(204, 'x', { truncated: true })),
              ],
            },
          ],
          // Plain http to a host that is not this machine: never sent a token.
          [
            {
              pass: AT_PASS,
              registryUrl: 'http://example.com',
              revoke: '',
              token: TOKEN,
              answers: [sentAnswer(answer(204, ''))],
            },
          ],
          // A proxy that refuses CONNECT on every try.
          [
            {
              pass: AT_PASS,
              registryUrl: 'https://registry.example.test',
              revoke: 'true',
              token: TOKEN,
              answers: Array(6).fill({ ok: false, error: { kind: 'network', code: 'EPROXY' } }),
            },
          ],
        ],
      },
    );
  });
});
