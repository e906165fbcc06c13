/**
 * What the action reads before any request (inputs, the runner's variables, the state post
 * reads back), for any value: a typed value that keeps the rules, or a typed failure whose
 * message keeps every secret out.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describeError } from '../../src/errors/describe.js';
import { ActionFailure } from '../../src/errors/failure.js';
import { readInputs } from '../../src/inputs/read-inputs.js';
import { checkRegistryUrl } from '../../src/inputs/registry-url.js';
import { readEnvironment } from '../../src/runner/environment.js';
import { readHandover } from '../../src/state/state.js';
import {
  anyText,
  AT_PASS,
  AT_URL,
  expectReadable,
  fromOutside,
  outsideText,
  password,
  requestToken,
  urlWithPassword,
} from '../hostile.js';
import { removeTreeSync } from '../../rig/remove-tree.js';

/** Calls `read`; a throw other than ActionFailure fails the property. */
function attempt<T>(read: () => T): { ok: true; value: T } | { ok: false; error: ActionFailure } {
  try {
    return { ok: true, value: read() };
  } catch (error) {
    if (!(error instanceof ActionFailure)) throw error;
    return { ok: false, error };
  }
}

/** A URL the action may send a token to: https, or http on loopback; no credentials or query. */
/**
 * This machine, as the oracle knows it without asking the code under test: `localhost`, IPv6's
 * `::1`, and IPv4's 127.0.0.0/8, in the form the URL parser leaves a host name in.
 */
function isThisMachine(hostname: string): boolean {
  if (hostname === 'localhost' || hostname === '[::1]') return true;
  return isIP(hostname) === 4 && hostname.split('.')[0] === '127';
}

function expectSafeBaseUrl(baseUrl: string): void {
  const url = new URL(baseUrl);
  expect(
    url.protocol === 'https:' || (url.protocol === 'http:' && isThisMachine(url.hostname)),
  ).toBe(true);
  expect([url.username, url.password, url.search, url.hash]).toEqual(['', '', '', '']);
  expect(baseUrl).not.toMatch(/\/$/);
  // What the action echoes of it (the target of every message) is what it is.
  expect(baseUrl).toBe(`${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`);
}

/** Host names; a generated one may spell `null`, which a message may show only from outside. */
const domain = fc.domain().filter(fromOutside);

/** Values for `url`: anything, URLs with passwords, near misses, and the real ones. */
const urlInput = fc.oneof(
  outsideText(),
  urlWithPassword(),
  fc.webUrl({ withQueryParameters: true, withFragments: true }).filter(fromOutside),
  domain,
  domain.map((d) => `https://${d}`),
  fc.constantFrom(
    '',
    'crates.io',
    'https://crates.io',
    'http://127.0.0.1:3000',
    'http://[::1]:8080/',
    'https://crates.io:99999',
    'https://crates.io:0',
    'javascript:alert(1)',
    'HTTPS://Crates.IO/',
    ' https://crates.io ',
    'https://crates.io\n',
    'https://cra\ttes.io',
    'crates.io/a\nb',
    `crates.io/${'a'.repeat(600)}`,
    'localhost:3000',
  ),
  fc
    .tuple(fc.integer({ min: 60, max: 70 }), fc.integer({ min: 250, max: 260 }))
    .map(([label, host]) => `https://${'a'.repeat(label)}.${'b'.repeat(host - label - 4)}.io`),
);

const inputs = fc.record({
  url: urlInput,
  audience: fc.oneof(fc.constant(''), outsideText(), domain),
  revoke: fc.oneof(fc.constantFrom('', 'true', 'false', 'TRUE', 'yes'), outsideText()),
  'credential-provider': fc.oneof(fc.constantFrom('', 'true', 'false', 'on'), outsideText()),
  'registry-name': fc.oneof(
    fc.constantFrom('', 'local', 'my-registry', 'crates-io'),
    outsideText(),
  ),
  workspace: fc.oneof(fc.constantFrom('', '.', 'crates/a b', '/abs/ws', 'a\nb'), outsideText()),
  'new-crates': fc.oneof(fc.constantFrom('', 'fail', 'skip', 'Skip', 'ignore'), outsideText()),
});

const NO_INPUTS = {
  url: '',
  audience: '',
  revoke: '',
  'credential-provider': '',
  'registry-name': '',
  workspace: '',
  'new-crates': '',
};

describe('inputs', () => {
  test('any inputs: registry rules kept, or one readable refusal that names the input', () => {
    fc.assert(
      fc.property(inputs, fc.boolean(), (given, trimmed) => {
        // core.getInput trims; readInputs must cope without it too.
        const getInput = (name: string) => {
          const value = given[name as keyof typeof given];
          return trimmed ? value.trim() : value;
        };
        const read = attempt(() => readInputs({ getInput }));
        if (read.ok) {
          expectSafeBaseUrl(read.value.registry.baseUrl);
          expect(['fail', 'skip']).toContain(read.value.newCrates);
          // eslint-disable-next-line no-control-regex
          expect(read.value.registry.audience).not.toMatch(/[\s\u0000-\u001f\u007f-\u009f]/);
          expect(read.value.registry.audience).not.toBe('');
          return;
        }
        const { failure } = read.error;
        expect(['invalid-input', 'missing-input']).toContain(failure.kind);
        const message = describeError(read.error);
        expectReadable(message);
        expect(message).toMatch(
          /^The `(url|audience|revoke|credential-provider|registry-name|workspace|new-crates)` input /,
        );
      }),
      {
        examples: [
          [{ ...NO_INPUTS, url: AT_URL }, true],
          [{ ...NO_INPUTS, url: 'crates.io', 'credential-provider': 'true' }, false],
          [{ ...NO_INPUTS, 'credential-provider': 'true', 'registry-name': 'my-priv-reg' }, true],
          [{ ...NO_INPUTS, audience: 'crates.io\u202e' }, true],
          [{ ...NO_INPUTS, audience: 'crates.io\u0085' }, false],
          [{ ...NO_INPUTS, workspace: 'a\u0085b\u2028' }, true],
          [{ ...NO_INPUTS, url: 'http://127.0.0.2:1', revoke: 'True' }, true],
        ],
      },
    );
  });

  test('a URL with a password: refused, and the password never shown', () => {
    fc.assert(
      fc.property(
        password.chain((pass) => fc.tuple(fc.constant(pass), urlWithPassword(fc.constant(pass)))),
        ([pass, url]) => {
          const read = attempt(() => readInputs({ getInput: (n) => (n === 'url' ? url : '') }));
          expect(read.ok).toBe(false);
          if (!read.ok) expectReadable(describeError(read.error), [pass]);
        },
      ),
      {
        examples: [
          [[AT_PASS, AT_URL]],
          [['Pw9 x "y" <z>', 'https:\\\\u:Pw9 x "y" <z>@h.io']],
          [[`Pw9${'@'.repeat(9)}`, `//x@y:Pw9${'@'.repeat(9)}@[::1`]],
        ],
      },
    );
  });

  test('over its bound: one short line that does not echo the value', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('url', 'audience', 'revoke'),
        anyText(20).filter((s) => s.trim().length > 3),
        fc.integer({ min: 2_049, max: 100_000 }),
        (name, piece, length) => {
          const value = piece.repeat(Math.ceil(length / piece.length)).slice(0, length);
          const read = attempt(() =>
            readInputs({
              getInput: (n) => (n === name ? value : n === 'url' ? 'https://x.io' : ''),
            }),
          );
          expect(read.ok).toBe(false);
          if (read.ok) return;
          const message = describeError(read.error);
          expectReadable(message);
          expect(message.length).toBeLessThan(200);
          expect(message).not.toContain(value.slice(0, 40));
        },
      ),
      {
        examples: [
          ['url', `${AT_URL} `, 2_049],
          ['audience', '\u202eabc', 100_000],
          ['revoke', 'true', 2_049],
        ],
      },
    );
  });

  test('a suggestion is offered only when it would be accepted', () => {
    fc.assert(
      fc.property(urlInput, (url) => {
        const checked = checkRegistryUrl(url);
        if (checked.ok) {
          expectSafeBaseUrl(checked.baseUrl);
          return;
        }
        const suggested = /Did you mean `([^`]*)`\?/.exec(checked.problem)?.[1];
        if (suggested !== undefined) {
          expect(checkRegistryUrl(suggested)).toMatchObject({ ok: true });
          expect(suggested).toBe(`https://${url}`);
          // Shown whole, as it would be accepted: not cut, not flattened.
          const message = describeError(
            new ActionFailure({
              kind: 'invalid-input',
              input: 'url',
              value: url,
              problem: checked.problem,
            }),
          );
          expect(message).toContain(`Did you mean \`${suggested}\`?`);
        }
        // A suggestion only for what reads as a host name.
        if (/^[a-z][a-z0-9+.-]*:/i.test(url)) expect(suggested).toBeUndefined();
      }),
      {
        examples: [
          ['crates.io'],
          ['localhost:3000'],
          ['crates.io:99999'],
          ['user:pass@crates.io'],
          ['crates.io/\u202e'],
          ['xn--crates-io.example'],
        ],
      },
    );
  });
});

describe('the runner’s OIDC variables', () => {
  const dir = mkdtempSync(join(tmpdir(), 'auth-action-env-'));
  afterAll(() => {
    removeTreeSync(dir);
  });
  let events = 0;

  const requestUrl = fc.oneof(
    outsideText(),
    urlWithPassword(),
    fc.webUrl({ withQueryParameters: true }).filter(fromOutside),
    fc.constantFrom(
      'https://pipelines.actions.githubusercontent.com/x/idtoken?api-version=2.0',
      'http://127.0.0.1:1/x',
      'http://example.com/x',
      `https://x.io/${'a'.repeat(5000)}`,
    ),
  );
  const token = fc.oneof(
    requestToken,
    fc.tuple(requestToken, anyText(), requestToken).map(([a, b, c]) => `${a}${b}${c}`),
    requestToken.map((t) => `${t}\n`),
    requestToken.map((t) => t.repeat(200)),
  );

  test('any environment: absent, ready within the rules, or invalid naming the variable', () => {
    fc.assert(
      fc.property(
        fc.record(
          {
            ACTIONS_ID_TOKEN_REQUEST_URL: requestUrl,
            ACTIONS_ID_TOKEN_REQUEST_TOKEN: token,
            AUTH_ACTION_TIME_SCALE: fc.oneof(
              fc.constantFrom('0.02', '0', '-1', '2', 'NaN'),
              anyText(),
            ),
            GITHUB_EVENT_NAME: anyText(),
          },
          { requiredKeys: [] },
        ),
        fc.option(fc.oneof(fc.json(), anyText()), { nil: undefined }),
        (env, event) => {
          const eventPath = join(dir, `event-${events++}.json`);
          if (event !== undefined) writeFileSync(eventPath, event);
          const read = readEnvironment({ ...env, GITHUB_EVENT_PATH: eventPath });

          expect(read.timeScale).toBeGreaterThan(0);
          expect(read.timeScale).toBeLessThanOrEqual(1);
          const { oidc } = read;
          const url = env.ACTIONS_ID_TOKEN_REQUEST_URL ?? '';
          const secret = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? '';
          if (url === '' || secret === '') {
            expect(oidc.kind).toBe('absent');
            return;
          }
          expect(read.event.fromFork).toBe(false);
          if (oidc.kind === 'ready') {
            const parsed = new URL(oidc.access.requestUrl);
            expect(
              parsed.protocol === 'https:' ||
                (parsed.protocol === 'http:' && isThisMachine(parsed.hostname)),
            ).toBe(true);
            expect(oidc.access.requestToken).toMatch(/^[\x21-\x7e]{1,16384}$/);
            return;
          }
          expect(oidc.kind).toBe('invalid');
          if (oidc.kind !== 'invalid') return;
          const message = describeError(
            new ActionFailure({
              kind: 'bad-environment',
              variable: oidc.variable,
              problem: oidc.problem,
            }),
          );
          expect(message).toContain(`The runner's ${oidc.variable} `);
          // Neither value is ever shown, not even a part of it.
          expectReadable(message, [secret.slice(0, 12), url.length >= 12 ? url : secret]);
        },
      ),
      {
        examples: [
          [
            {
              ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.2/x',
              ACTIONS_ID_TOKEN_REQUEST_TOKEN: `ghs_${'a'.repeat(30)}\u202e`,
            },
            undefined,
          ],
          [
            {
              ACTIONS_ID_TOKEN_REQUEST_URL: `https://u:${AT_PASS}@x.io/`,
              ACTIONS_ID_TOKEN_REQUEST_TOKEN: `ghs_${'a'.repeat(30)}`,
              GITHUB_EVENT_NAME: 'pull_request',
            },
            '{"pull_request":{"head":{"repo":{"fork":true}}}}',
          ],
          [
            {
              ACTIONS_ID_TOKEN_REQUEST_URL: 'https://x.io/?api-version=2.0',
              ACTIONS_ID_TOKEN_REQUEST_TOKEN: `ghs_${'a'.repeat(30)} b`,
              AUTH_ACTION_TIME_SCALE: '1e-400',
            },
            '',
          ],
        ],
      },
    );
  });
});

describe('the state post reads back', () => {
  test('a token goes only to a URL that keeps the rules; a refusal shows no password', () => {
    fc.assert(
      fc.property(
        password.chain((pass) =>
          fc.tuple(
            fc.constant(pass),
            fc.oneof(
              urlWithPassword(fc.constant(pass)),
              urlInput,
              fc.constantFrom('http://example.com', 'https://crates.io'),
            ),
          ),
        ),
        fc.oneof(fc.constantFrom('true', 'false', ''), anyText()),
        fc.oneof(fc.constant(''), requestToken),
        ([pass, registryUrl], revoke, token) => {
          const state: Record<string, string> = { registryUrl, revoke, token };
          const read = attempt(() => readHandover({ getState: (name) => state[name] ?? '' }));
          if (read.ok) {
            if (read.value.kind === 'revoke') expectSafeBaseUrl(read.value.baseUrl);
            return;
          }
          expect(read.error.failure.kind).toBe('invalid-state');
          expectReadable(
            describeError(read.error),
            [pass, token].filter((s) => s !== ''),
          );
        },
      ),
      {
        examples: [
          [[AT_PASS, AT_URL], 'true', `ghs_${'a'.repeat(30)}`],
          [[AT_PASS, 'http://example.com'], 'true', `ghs_${'a'.repeat(30)}`],
          [[AT_PASS, `https://crates.io/\u202e${AT_URL}`], '', ''],
        ],
      },
    );
  });

  test('a state URL too long to use: refused without a piece of its password', () => {
    fc.assert(
      fc.property(password, fc.integer({ min: 60, max: 90 }), (pass, user) => {
        const registryUrl = `https://${'u'.repeat(user)}:${pass}@crates.io/${'p'.repeat(2100)}`;
        const state: Record<string, string> = { registryUrl, revoke: 'true', token: 'cio_tp_x' };
        const read = attempt(() => readHandover({ getState: (name) => state[name] ?? '' }));
        expect(read.ok).toBe(false);
        if (!read.ok) expectReadable(describeError(read.error), [pass.slice(0, 6)]);
      }),
      {
        examples: [
          [AT_PASS, 60],
          [`Pw9${'@'.repeat(9)}`, 90],
        ],
      },
    );
  });
});
