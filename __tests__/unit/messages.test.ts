/**
 * Every message the action words, pinned: each branch of src/errors/describe.ts and the other
 * places in src/ that word a fix, driven from a table, against one reviewed document,
 * __tests__/golden/messages.md. A change of wording is a visible diff there.
 *
 * `npm run golden` writes the document again from this table (after a change of wording, or
 * a new case); review the diff like prose, then commit it. `npm test` only compares.
 *
 * The table is keyed by Failure['kind'] and by crates.io's refusal kinds: a kind added to
 * src/errors/failure.ts or src/exchange/refusal.ts without a case here does not compile.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { readClaims } from '../../src/diagnose/claims.js';
import { diagnoseRefusal } from '../../src/diagnose/explain-refusal.js';
import {
  PERMISSIONS_SNIPPET,
  inputWarnings,
  triggerWarning,
} from '../../src/diagnose/early-warnings.js';
import { diagnosisForLog } from '../../src/diagnose/render.js';
import {
  briefly,
  describeError,
  describeFailure,
  fixOf,
  midReleaseNote,
  retryReason,
} from '../../src/errors/describe.js';
import { ActionFailure, type Attempts, type Failure } from '../../src/errors/failure.js';
import type { RefusalKind } from '../../src/exchange/refusal.js';
import { timeScaleNote } from '../../src/http/policies.js';
import { oidcAccess } from '../../src/id-token/oidc-access.js';
import { readInputs } from '../../src/inputs/read-inputs.js';
import { providerHome } from '../../src/provider/install-provider.js';
import { readEnvironment } from '../../src/runner/environment.js';
import { unrevokedSummary } from '../../src/output/summary-line.js';

const GOLDEN = new URL('../golden/messages.md', import.meta.url);

/** One input of a message: named as the document names it. */
interface Case<F extends Failure = Failure> {
  name: string;
  failure: F;
  attempts?: Attempts;
}

/** At least one case for each kind of failure; tsc refuses a kind without one. */
type FailureCases = {
  [K in Failure['kind']]: [
    Case<Extract<Failure, { kind: K }>>,
    ...Case<Extract<Failure, { kind: K }>>[],
  ];
};

const CRATES_IO = 'https://crates.io';
const INDEX = 'https://index.crates.io/';
const CALLS = ['id-token', 'exchange', 'revoke', 'index'] as const;
const TARGET = {
  'id-token': 'https://pipelines.actions.githubusercontent.com/abc/idtoken?api-version=2.0',
  exchange: CRATES_IO,
  revoke: CRATES_IO,
  index: INDEX,
} as const;
const json = { contentType: 'application/json', bytes: 12, truncated: false };
const html = { contentType: 'text/html', bytes: 1234, truncated: false };

/** Each call, with the target it has in a real run. */
function perCall<F extends Failure>(
  name: string,
  make: (call: (typeof CALLS)[number], target: string) => F,
  attempts?: Attempts,
): [Case<F>, ...Case<F>[]] {
  const [first, ...rest] = CALLS.map((call) => ({
    name: `${name}, ${call}`,
    failure: make(call, TARGET[call]),
    attempts,
  }));
  return [first!, ...rest];
}

/** The failure a real reader throws, for the words it really gives. */
function failureOf<K extends Failure['kind']>(
  kind: K,
  read: () => unknown,
): Extract<Failure, { kind: K }> {
  try {
    read();
  } catch (error) {
    if (error instanceof ActionFailure && error.failure.kind === kind) {
      return error.failure as Extract<Failure, { kind: K }>;
    }
    throw error;
  }
  throw new Error(`no ${kind} failure`);
}

/** The inputs as the runner gives them: these, the others empty. */
const withInputs = (given: Record<string, string>) => () =>
  readInputs({ getInput: (name) => given[name] ?? '' });
const LINUX = { node: '/usr/bin/node', script: '/a/dist/provider.js', platform: 'linux' as const };

const FAILURES: FailureCases = {
  'invalid-input': [
    {
      name: 'a url with a password `p@ss`: shown without any of it',
      failure: failureOf('invalid-input', withInputs({ url: 'https://ferris:p@ss@crates.io' })),
    },
    {
      name: 'a host name alone: the suggestion',
      failure: failureOf('invalid-input', withInputs({ url: 'crates.io' })),
    },
    {
      name: 'an input too long to show',
      failure: failureOf('invalid-input', withInputs({ audience: 'a'.repeat(300) })),
    },
  ],
  'missing-input': [
    {
      name: 'registry-name for the credential provider of another registry',
      failure: failureOf(
        'missing-input',
        withInputs({ url: 'https://my-priv-reg.example', 'credential-provider': 'true' }),
      ),
    },
  ],
  'bad-environment': [
    {
      name: "the ID token service's URL changed by an earlier step",
      failure: failureOf('bad-environment', () =>
        oidcAccess(
          readEnvironment({
            ACTIONS_ID_TOKEN_REQUEST_URL: 'http://example.com/idtoken',
            ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'ghs_x',
          }),
        ),
      ),
    },
    {
      name: 'RUNNER_TEMP not set',
      failure: failureOf('bad-environment', () => providerHome(undefined, LINUX)),
    },
    {
      name: 'RUNNER_TEMP with a space, where the credential provider cannot live',
      failure: failureOf('bad-environment', () => providerHome('/home/runner/_temp dir', LINUX)),
    },
    {
      name: 'a node executable that is not ASCII, on Windows',
      failure: failureOf('bad-environment', () =>
        providerHome('D:\\a\\_temp', { ...LINUX, node: 'C:\\Nöde\\node.exe', platform: 'win32' }),
      ),
    },
  ],
  'runner-file': [
    {
      name: 'GITHUB_OUTPUT cannot be written',
      failure: { kind: 'runner-file', variable: 'GITHUB_OUTPUT', code: 'ENOSPC' },
    },
    {
      name: 'the RUNNER_TEMP folder cannot be written',
      failure: { kind: 'runner-file', variable: 'RUNNER_TEMP', code: 'EACCES' },
    },
  ],
  'cargo-request': [
    {
      name: 'a request of another protocol version',
      failure: { kind: 'cargo-request', problem: 'it is not version 1 of the protocol.' },
    },
  ],
  'token-record': [
    {
      name: 'a record refused as tampered with',
      failure: {
        kind: 'token-record',
        code: '',
        skippedLines: 0,
        problem: 'it is a symbolic link',
      },
    },
    {
      name: 'no record',
      failure: { kind: 'token-record', code: 'ENOENT', skippedLines: 0 },
    },
    {
      name: 'lines that could not be read',
      failure: { kind: 'token-record', code: '', skippedLines: 2 },
    },
    {
      name: 'a record that could not be read',
      failure: { kind: 'token-record', code: 'EACCES', skippedLines: 0 },
    },
  ],
  'invalid-state': [
    {
      name: 'a registry URL in state that a token must not go to',
      failure: {
        kind: 'invalid-state',
        name: 'registry URL',
        where: 'the step state',
        value: 'http://example.com',
        problem: 'a token is sent over http only to this machine.',
      },
    },
  ],
  'no-manifest': [
    {
      name: 'no Cargo.toml',
      failure: { kind: 'no-manifest', dir: '/w/repo/crates', found: 'directory' },
    },
    {
      name: 'no such directory',
      failure: { kind: 'no-manifest', dir: '/w/repo/crate', found: 'nothing' },
    },
    {
      name: 'the Cargo.toml itself',
      failure: { kind: 'no-manifest', dir: '/w/repo/Cargo.toml', found: 'file' },
    },
  ],
  'no-cargo': [
    { name: 'cargo not on PATH', failure: { kind: 'no-cargo', dir: '/w/repo', code: 'ENOENT' } },
    { name: 'cargo not started', failure: { kind: 'no-cargo', dir: '/w/repo', code: 'EACCES' } },
  ],
  'cargo-metadata': [
    {
      name: "cargo's own words",
      failure: {
        kind: 'cargo-metadata',
        dir: '/w/repo',
        problem: 'exited with code 101',
        said: 'error: failed to parse manifest at `/w/repo/Cargo.toml`',
      },
    },
    {
      name: 'no words, no problem',
      failure: { kind: 'cargo-metadata', dir: '/w/repo', problem: '', said: '  ' },
    },
  ],
  'new-crates': [
    {
      name: 'one new crate on crates.io',
      failure: {
        kind: 'new-crates',
        crates: [{ name: 'tp-new', version: '0.1.0' }],
        index: INDEX,
        registry: 'crates-io',
      },
    },
    {
      name: 'new crates on a named registry: the fix names it (`--registry NAME`)',
      failure: {
        kind: 'new-crates',
        crates: [
          { name: 'tp-a', version: '0.1.0' },
          { name: 'tp-b', version: '1.0.0' },
        ],
        index: 'https://my-priv-reg.example/index/',
        registry: 'my-priv-reg',
      },
    },
    {
      name: 'one new crate on a named registry: its name and `--registry` in the command',
      failure: {
        kind: 'new-crates',
        crates: [{ name: 'tp-new', version: '0.1.0' }],
        index: 'https://my-priv-reg.example/index/',
        registry: 'my-priv-reg',
      },
    },
    {
      name: 'more than twenty new crates',
      failure: {
        kind: 'new-crates',
        crates: Array.from({ length: 22 }, (_, i) => ({ name: `c${i}`, version: '0.1.0' })),
        index: INDEX,
        registry: 'crates-io',
      },
    },
  ],
  'dependency-problems': [
    {
      name: 'a member needs a version of another that is yanked: bump the requirement',
      failure: {
        kind: 'dependency-problems',
        problems: [
          {
            crate: { name: 'y-b', version: '0.3.0' },
            dependency: 'y-a',
            req: '^0.2.0',
            missing: false,
            yanked: ['0.2.0', '0.2.1'],
          },
        ],
        index: INDEX,
      },
    },
    {
      name: 'a member needs one the registry does not have, and one with no matching version',
      failure: {
        kind: 'dependency-problems',
        problems: [
          {
            crate: { name: 'y-b', version: '0.3.0' },
            dependency: 'y-new',
            req: '^1',
            missing: true,
            yanked: [],
          },
          {
            crate: { name: 'y-c', version: '0.3.0' },
            dependency: 'y-a',
            req: '=9.9.9',
            missing: false,
            yanked: [],
          },
        ],
        index: 'https://my-priv-reg.example/index/',
      },
    },
  ],
  'registry-rules': [
    {
      name: 'a name and a version crates.io refuses, for a crate going there',
      failure: {
        kind: 'registry-rules',
        crates: [
          { name: 'a'.repeat(65), version: '1.0.0' },
          { name: 'caf\u00e9', version: `1.0.0-${'x'.repeat(100)}` },
        ],
        registry: 'crates-io',
      },
    },
  ],
  'not-out': [
    {
      name: 'a crate the check of the workspace found to publish, not in the index at the end',
      failure: {
        kind: 'not-out',
        crates: [{ name: 'tp-c', version: '0.2.0' }],
        index: INDEX,
        workspace: true,
      },
    },
    {
      name: 'uploads the provider recorded, without workspace: the way to finish is workspace',
      failure: {
        kind: 'not-out',
        crates: [
          { name: 'hello-tp', version: '0.3.0' },
          { name: 'hello-new', version: '0.1.0' },
        ],
        index: INDEX,
        workspace: false,
      },
    },
  ],
  'index-lines': [
    {
      name: 'index lines cargo does not read as versions: they count for nothing',
      failure: {
        kind: 'index-lines',
        index: INDEX,
        crates: [
          {
            crate: { name: 'tp-a', version: '0.2.0' },
            lines: 2,
            why: 'its `yanked` is not true or false',
          },
        ],
      },
    },
  ],
  'crates-skipped': [
    {
      name: '`new-crates: skip`: a new crate, one known under another spelling, and a member held back',
      failure: {
        kind: 'crates-skipped',
        registry: 'crates-io',
        skipped: [
          { name: 'tp-new', version: '0.1.0' },
          { name: 'tp_old', version: '0.2.0', knownAs: 'tp-old' },
        ],
        held: [{ crate: { name: 'tp-app', version: '0.2.0' }, on: 'tp-new' }],
      },
    },
  ],
  'index-doubt': [
    {
      name: "a config file that is not TOML: cargo's configuration is not certain",
      failure: {
        kind: 'index-doubt',
        registry: 'my-priv-reg',
        doubt: {
          kind: 'not-toml',
          file: '/w/.cargo/config.toml',
          problem: 'invalid key at line 3',
        },
      },
    },
    {
      name: 'an unreadable file',
      failure: {
        kind: 'index-doubt',
        registry: 'local',
        doubt: { kind: 'unreadable', file: '/w/.cargo/config', problem: 'it is a directory' },
      },
    },
    {
      name: 'a float in a config file',
      failure: {
        kind: 'index-doubt',
        registry: 'local',
        doubt: {
          kind: 'unsupported-value',
          file: '/w/.cargo/config.toml',
          key: 'build.jobs',
          type: 'float',
        },
      },
    },
    {
      name: 'an include that cannot be followed',
      failure: {
        kind: 'index-doubt',
        registry: 'local',
        doubt: {
          kind: 'include',
          file: '/w/.cargo/config.toml',
          problem: '`registries.toml` does not exist',
        },
      },
    },
    {
      name: 'a key that is a table in one file and a string in another',
      failure: {
        kind: 'index-doubt',
        registry: 'local',
        doubt: {
          kind: 'conflict',
          key: 'registries.local',
          file: '/w/.cargo/config.toml',
          other: '/home/u/.cargo/config.toml',
        },
      },
    },
    {
      name: 'an index setting cargo cannot use, from a variable',
      failure: {
        kind: 'index-doubt',
        registry: 'my-priv-reg',
        doubt: {
          kind: 'bad-setting',
          key: 'registries.my-priv-reg.index',
          from: { variable: 'CARGO_REGISTRIES_MY_PRIV_REG_INDEX' },
          problem: 'is a sparse index without a final `/`',
        },
      },
    },
    ...(['registry.default', 'registry.index', 'replace-with', 'protocol'] as const).map(
      (setting) => ({
        name: `crates.io, with \`${setting}\` set elsewhere`,
        failure: {
          kind: 'index-doubt' as const,
          registry: 'crates-io',
          doubt: {
            kind: 'elsewhere' as const,
            setting,
            from: { file: '/w/.cargo/config.toml' },
            value: setting === 'protocol' ? 'git' : 'my-mirror',
          },
        },
      }),
    ),
  ],
  'record-lost': [
    {
      name: 'post: the record is gone',
      failure: { kind: 'record-lost', missing: 2, gone: true, seenBy: 'post' },
    },
    {
      name: 'the provider: one token missing from the record',
      failure: { kind: 'record-lost', missing: 1, gone: false, seenBy: 'provider' },
    },
  ],
  'record-count': [
    {
      name: 'post: the count cannot be read',
      failure: { kind: 'record-count', problem: 'it is gone', seenBy: 'post' },
    },
    {
      name: 'the provider: the count was rewritten',
      failure: {
        kind: 'record-count',
        problem: 'its lines are not numbered in order',
        seenBy: 'provider',
      },
    },
  ],
  'record-foreign': [
    {
      name: 'tokens a step wrote into the record, some revoked',
      failure: { kind: 'record-foreign', tokens: 9000, revoked: 120 },
    },
  ],
  'record-out-of-time': [
    {
      name: "post's budget ran out before every token was sent",
      failure: { kind: 'record-out-of-time', untried: 40, unread: false, budgetMs: 45000 },
    },
    {
      name: 'and before the record was read to its end',
      failure: { kind: 'record-out-of-time', untried: 0, unread: true, budgetMs: 3000 },
    },
  ],
  'provider-folder': [
    {
      name: 'a link in place of the folder main made',
      failure: {
        kind: 'provider-folder',
        path: '/home/runner/work/_temp/auth-action-provider-abc',
        problem: 'it is a symbolic link',
      },
    },
  ],
  'index-unreadable': [
    {
      name: 'the index timed out at a crate, after retries',
      failure: {
        kind: 'index-unreadable',
        index: INDEX,
        crate: 'tp-a',
        last: { kind: 'timeout', call: 'index', target: INDEX, timeoutMs: 8000, limitMs: 8000 },
        attempts: { made: 3, max: 3 },
      },
    },
    {
      name: "the index's config.json refused",
      failure: {
        kind: 'index-unreadable',
        index: INDEX,
        crate: undefined,
        last: {
          kind: 'http-status',
          call: 'index',
          target: INDEX,
          status: 403,
          details: [],
          unexpectedBody: undefined,
        },
      },
    },
  ],
  'index-unknown': [
    {
      name: 'a git index',
      failure: {
        kind: 'index-unknown',
        registry: 'my-priv-reg',
        reason: 'git',
        index: 'https://git.example/index.git',
      },
    },
    {
      name: 'no index configured',
      failure: {
        kind: 'index-unknown',
        registry: 'my-priv-reg',
        reason: 'unknown',
        index: 'CARGO_REGISTRIES_MY_PRIV_REG_INDEX',
      },
    },
  ],
  'index-auth-required': [
    {
      name: 'an index that requires credentials',
      failure: { kind: 'index-auth-required', index: INDEX },
    },
  ],
  'no-id-token': [
    { name: 'no id-token permission', failure: { kind: 'no-id-token', fromFork: false } },
    { name: 'a pull request from a fork', failure: { kind: 'no-id-token', fromFork: true } },
  ],
  network: [
    ...perCall(
      'a connection reset, after 5 attempts',
      (call, target) => ({
        kind: 'network' as const,
        call,
        target,
        code: 'ECONNRESET',
      }),
      { made: 5, max: 5 },
    ),
    {
      name: 'a connection refused, after 1 attempt: no count',
      failure: { kind: 'network', call: 'exchange', target: CRATES_IO, code: 'ECONNREFUSED' },
      attempts: { made: 1, max: 5 },
    },
    {
      name: 'a connection refused, after 2 attempts',
      failure: { kind: 'network', call: 'exchange', target: CRATES_IO, code: 'ECONNREFUSED' },
      attempts: { made: 2, max: 5 },
    },
    ...perCall(
      'a proxy that refuses CONNECT (EPROXY)',
      (call, target) => ({
        kind: 'network' as const,
        call,
        target,
        code: 'EPROXY',
      }),
      { made: 3, max: 5 },
    ),
  ],
  unsendable: perCall('a request node will not form', (call, target) => ({
    kind: 'unsendable' as const,
    call,
    target,
    problem: 'the proxy variable HTTPS_PROXY (or its lower-case form) is not a URL',
  })),
  'unknown-host': perCall('an unknown host', (call, target) => ({
    kind: 'unknown-host' as const,
    call,
    target,
  })),
  tls: perCall('a certificate not trusted', (call, target) => ({
    kind: 'tls' as const,
    call,
    target,
    code: 'SELF_SIGNED_CERT_IN_CHAIN',
  })),
  timeout: [
    ...perCall(
      'no answer within a try',
      (call, target) => ({
        kind: 'timeout' as const,
        call,
        target,
        timeoutMs: 30_000,
        limitMs: 30_000,
      }),
      { made: 5, max: 5 },
    ),
    {
      name: 'the last try cut short by the budget',
      failure: {
        kind: 'timeout',
        call: 'exchange',
        target: CRATES_IO,
        timeoutMs: 12_340,
        limitMs: 30_000,
      },
      attempts: { made: 4, max: 5 },
    },
  ],
  redirect: [
    ...perCall('a redirect', (call, target) => ({
      kind: 'redirect' as const,
      call,
      target,
      status: 302,
      location: 'https://elsewhere.example/login?next=%2F',
    })),
    {
      name: 'a redirect without a Location',
      failure: {
        kind: 'redirect',
        call: 'exchange',
        target: CRATES_IO,
        status: 301,
        location: undefined,
      },
    },
  ],
  'http-status': [
    {
      name: 'GitHub refuses the request token (401)',
      failure: {
        kind: 'http-status',
        call: 'id-token',
        target: TARGET['id-token'],
        status: 401,
        details: ['Bad credentials'],
        unexpectedBody: undefined,
      },
    },
    {
      name: "GitHub's token service: another refusal (400)",
      failure: {
        kind: 'http-status',
        call: 'id-token',
        target: TARGET['id-token'],
        status: 400,
        details: [],
        unexpectedBody: undefined,
      },
    },
    {
      name: "an error page instead of GitHub's token service",
      failure: {
        kind: 'http-status',
        call: 'id-token',
        target: TARGET['id-token'],
        status: 403,
        details: [],
        unexpectedBody: html,
      },
    },
    {
      name: 'an index that wants credentials (401)',
      failure: {
        kind: 'http-status',
        call: 'index',
        target: INDEX,
        status: 401,
        details: [],
        unexpectedBody: undefined,
      },
    },
    {
      name: 'no sparse index at this address (404)',
      failure: {
        kind: 'http-status',
        call: 'index',
        target: INDEX,
        status: 404,
        details: [],
        unexpectedBody: html,
      },
    },
    {
      name: 'the exchange answered 404: no trusted-publishing endpoint at this address',
      failure: {
        kind: 'http-status',
        call: 'exchange',
        target: 'https://example.com',
        status: 404,
        details: [],
        unexpectedBody: html,
      },
    },
    {
      name: 'the exchange answered 405: no trusted-publishing endpoint at this address',
      failure: {
        kind: 'http-status',
        call: 'exchange',
        target: 'https://example.com',
        status: 405,
        details: ['Method Not Allowed'],
        unexpectedBody: undefined,
      },
    },
    {
      name: 'the revocation answered 405',
      failure: {
        kind: 'http-status',
        call: 'revoke',
        target: 'https://example.com',
        status: 405,
        details: [],
        unexpectedBody: undefined,
      },
    },
    {
      name: "a page instead of the registry's API (403)",
      failure: {
        kind: 'http-status',
        call: 'exchange',
        target: CRATES_IO,
        status: 403,
        details: [],
        unexpectedBody: { contentType: '', bytes: 70_000, truncated: true },
      },
    },
    {
      name: 'words the action does not know (400)',
      failure: {
        kind: 'http-status',
        call: 'exchange',
        target: CRATES_IO,
        status: 400,
        details: ['something else went wrong.'],
        unexpectedBody: undefined,
      },
    },
    {
      name: 'a revocation refused with words the action does not know (403)',
      failure: {
        kind: 'http-status',
        call: 'revoke',
        target: CRATES_IO,
        status: 403,
        details: ['this token belongs to another user'],
        unexpectedBody: undefined,
      },
    },
    {
      name: 'a revocation without its Authorization header (401)',
      failure: {
        kind: 'http-status',
        call: 'revoke',
        target: CRATES_IO,
        status: 401,
        details: ['Missing `Authorization` header'],
        unexpectedBody: undefined,
      },
    },
    {
      name: "a revocation of something that is not the registry's token (401)",
      failure: {
        kind: 'http-status',
        call: 'revoke',
        target: CRATES_IO,
        status: 401,
        details: ['Invalid `Authorization` header: Failed to parse token'],
        unexpectedBody: undefined,
      },
    },
    ...perCall(
      'a server error, after 5 attempts',
      (call, target) => ({
        kind: 'http-status' as const,
        call,
        target,
        status: 503,
        details: [],
        unexpectedBody: undefined,
      }),
      { made: 5, max: 5 },
    ),
    {
      name: 'a maintenance page (502), labelled JSON that does not parse',
      failure: {
        kind: 'http-status',
        call: 'exchange',
        target: CRATES_IO,
        status: 502,
        details: [],
        unexpectedBody: json,
      },
      attempts: { made: 5, max: 5 },
    },
    {
      name: "too many requests (429), with the server's words",
      failure: {
        kind: 'http-status',
        call: 'exchange',
        target: CRATES_IO,
        status: 429,
        details: ['You have made too many requests.'],
        unexpectedBody: undefined,
      },
      attempts: { made: 2, max: 5 },
    },
    {
      name: "the registry could not load GitHub's keys (500)",
      failure: {
        kind: 'http-status',
        call: 'exchange',
        target: CRATES_IO,
        status: 500,
        details: ['Failed to load OIDC key set'],
        unexpectedBody: undefined,
      },
      attempts: { made: 5, max: 5 },
    },
  ],
  'malformed-response': perCall('a 200 that is not the answer', (call, target) => ({
    kind: 'malformed-response' as const,
    call,
    target,
    status: 200,
    problem: 'its body is not JSON (text/html)',
  })),
  'out-of-time': [
    {
      name: 'the budget ended the exchange, quoting its last failure',
      failure: {
        kind: 'out-of-time',
        call: 'exchange',
        target: CRATES_IO,
        budgetMs: 180_000,
        last: { kind: 'network', call: 'exchange', target: CRATES_IO, code: 'ECONNRESET' },
      },
      attempts: { made: 4, max: 5 },
    },
    {
      name: 'the budget ended the revocation before any failure',
      failure: {
        kind: 'out-of-time',
        call: 'revoke',
        target: CRATES_IO,
        budgetMs: 45_000,
        last: undefined,
      },
    },
  ],
};

/** crates.io's words for each of its refusals of the exchange; tsc refuses a kind without them. */
const CONFIG = 'The Trusted Publishing config for repository `rust-lang-demo/hello-tp`';
type Words = [name: string, details: string[]];
const REFUSALS: Record<RefusalKind, [Words, ...Words[]]> = {
  undecodable: [['Failed to decode JWT', ['Failed to decode JWT']]],
  'unsupported-issuer': [
    ["GitHub's issuer", ['Unsupported JWT issuer: https://token.actions.githubusercontent.com']],
    [
      "an enterprise's issuer",
      ['Unsupported JWT issuer: https://token.actions.githubusercontent.com/my-enterprise'],
    ],
  ],
  'missing-key-id': [['Missing JWT key ID', ['Missing JWT key ID']]],
  'unknown-key-id': [['Invalid JWT key ID', ['Invalid JWT key ID']]],
  'key-set-unavailable': [
    ['Failed to load OIDC key set, as a 400', ['Failed to load OIDC key set']],
  ],
  replayed: [['JWT has already been used', ['JWT has already been used']]],
  'refused-trigger': [
    [
      'pull_request_target',
      [
        'Trusted Publishing does not support the `pull_request_target` event trigger due to security concerns. Please use a different trigger such as `push`, `release`, or `workflow_dispatch`.',
      ],
    ],
  ],
  'unexpected-claim': [
    ['Unexpected `repository_owner_id` value', ['Unexpected `repository_owner_id` value']],
  ],
  'no-config': [
    [
      'No Trusted Publishing config',
      ['No Trusted Publishing config found for repository `rust-lang-demo/hello-tp`.'],
    ],
  ],
  'owner-id-mismatch': [
    [
      'another owner ID',
      [
        `${CONFIG} does not match the repository owner ID (99) in the JWT. Expected owner IDs: 4242. Please recreate the Trusted Publishing config to update the repository owner ID.`,
      ],
    ],
  ],
  'workflow-mismatch': [
    [
      'another workflow file, six expected',
      [
        `${CONFIG} does not match the workflow filename \`ci.yml\` in the JWT. Expected workflow filenames: \`release.yml\`, \`publish.yml\`, \`a.yml\`, \`b.yml\`, \`c.yml\`, \`d.yml\``,
      ],
    ],
  ],
  'environment-required': [
    [
      'one environment',
      [
        `${CONFIG} requires an environment, but the JWT does not specify one. Expected environments: \`release\``,
      ],
    ],
    [
      'none listed',
      [
        `${CONFIG} requires an environment, but the JWT does not specify one. Expected environments: `,
      ],
    ],
    [
      'an empty name listed',
      [
        `${CONFIG} requires an environment, but the JWT does not specify one. Expected environments: \`\``,
      ],
    ],
    [
      'two environments',
      [
        `${CONFIG} requires an environment, but the JWT does not specify one. Expected environments: \`release\`, \`prod\``,
      ],
    ],
  ],
  'environment-mismatch': [
    [
      'one expected',
      [
        `${CONFIG} does not match the environment \`staging\` in the JWT. Expected environments: \`release\``,
      ],
    ],
    [
      'two expected',
      [
        `${CONFIG} does not match the environment \`staging\` in the JWT. Expected environments: \`release\`, \`prod\``,
      ],
    ],
  ],
  'no-matching-config': [
    ['crates.io before July 2025', ['No matching Trusted Publishing config found']],
  ],
  'missing-authorization': [
    ['Missing `Authorization` header, at the exchange', ['Missing `Authorization` header']],
  ],
  'invalid-authorization': [
    [
      'Invalid `Authorization` header, at the exchange',
      ['Invalid `Authorization` header: Failed to parse token'],
    ],
  ],
};

/** The refusals as cases of the exchange's 400, one per pair of name and words. */
function refusalCases(): Case[] {
  return Object.entries(REFUSALS).flatMap(([kind, words]) =>
    words.map(([name, details]) => ({
      name: `crates.io refuses (${kind}): ${name}`,
      failure: {
        kind: 'http-status' as const,
        call: 'exchange' as const,
        target: CRATES_IO,
        status: 400,
        details,
        unexpectedBody: undefined,
      },
    })),
  );
}

/** A heading and what the user reads, exactly. */
interface Entry {
  name: string;
  input: string;
  message: string;
}

const entry = (name: string, input: unknown, message: string): Entry => ({
  name,
  input: JSON.stringify(input),
  message,
});

/** The other places in src/ that word a fix or an outcome, each by the function that says it. */
function otherEntries(): Entry[] {
  const exchange503: Failure = {
    kind: 'http-status',
    call: 'exchange',
    target: CRATES_IO,
    status: 503,
    details: [],
    unexpectedBody: undefined,
  };
  const replayed: Failure = {
    ...exchange503,
    status: 400,
    details: ['JWT has already been used'],
  };
  const warned = (given: Record<string, string>) => inputWarnings(withInputs(given)()).join('\n');
  return [
    entry(
      'retryReason: a timeout',
      'timeout 30 s',
      retryReason({
        kind: 'timeout',
        call: 'exchange',
        target: CRATES_IO,
        timeoutMs: 30_000,
        limitMs: 30_000,
      }),
    ),
    entry(
      'retryReason: a connection failure',
      'network ECONNRESET',
      retryReason({ kind: 'network', call: 'exchange', target: CRATES_IO, code: 'ECONNRESET' }),
    ),
    entry('retryReason: a replayed ID token', replayed, retryReason(replayed)),
    entry('retryReason: a server error', exchange503, retryReason(exchange503)),
    entry(
      'retryReason: any other failure',
      'malformed-response',
      retryReason({
        kind: 'malformed-response',
        call: 'exchange',
        target: CRATES_IO,
        status: 200,
        problem: 'x',
      }),
    ),
    entry(
      'describeError: with the claims shown above',
      'http-status 400, explained',
      describeError(new ActionFailure(replayed), true),
    ),
    entry(
      'describeError: with the permissions shown above',
      'no-id-token, explained',
      describeError(new ActionFailure({ kind: 'no-id-token', fromFork: false }), true),
    ),
    entry(
      'describeError: a failure, nothing shown above',
      'network ECONNRESET',
      describeError(
        new ActionFailure({
          kind: 'network',
          call: 'revoke',
          target: CRATES_IO,
          code: 'ECONNRESET',
        }),
      ),
    ),
    entry(
      'describeError: an unexpected error',
      "TypeError('x is not a function')",
      describeError(new TypeError('x is not a function')),
    ),
    entry('describeError: an error without a message', "Error('')", describeError(new Error(''))),
    entry('describeError: a string thrown', "'boom'", describeError('boom')),
    entry('describeError: an empty string thrown', "''", describeError('')),
    entry('describeError: something that is not an Error', '{}', describeError({})),
    entry(
      'describeError: an Error whose message cannot be read',
      'Error with a throwing getter',
      describeError(
        Object.defineProperty(new Error(), 'message', {
          get() {
            throw new Error('no');
          },
        }),
      ),
    ),
    entry('the credential provider, mid-release', "midReleaseNote('tp-b')", midReleaseNote('tp-b')),
    entry('the time scale note', 'timeScaleNote(0.05)', timeScaleNote(0.05) ?? ''),
    entry(
      'the time scale note, at its floor',
      'timeScaleNote(0.005, 1e-9)',
      timeScaleNote(0.005, 1e-9) ?? '',
    ),
    entry(
      'a trigger crates.io refuses',
      'pull_request_target',
      triggerWarning({ name: 'pull_request_target', fromFork: false }, CRATES_IO) ?? '',
    ),
    entry(
      'registry-name that does nothing',
      { 'registry-name': 'local' },
      warned({ 'registry-name': 'local' }),
    ),
    entry(
      'registry-name with crates.io as url',
      { 'registry-name': 'local', 'credential-provider': 'true' },
      warned({ 'registry-name': 'local', 'credential-provider': 'true' }),
    ),
    entry('the permissions snippet', 'no-id-token', PERMISSIONS_SNIPPET),
    entry(
      'briefly: a server error after its tries (a row of a summary)',
      'http-status 503, 3 attempts',
      briefly(exchange503, { made: 3, max: 3 }),
    ),
    entry(
      'briefly: a timeout, once',
      'timeout 3 s',
      briefly({ kind: 'timeout', call: 'index', target: INDEX, timeoutMs: 3000, limitMs: 3000 }),
    ),
    entry(
      'briefly: a timeout after its tries',
      'timeout, 2 attempts',
      briefly(
        { kind: 'timeout', call: 'index', target: INDEX, timeoutMs: 2000, limitMs: 3000 },
        { made: 2, max: 2 },
      ),
    ),
    entry(
      'briefly: a budget that ran out after a failure',
      'out-of-time after network ECONNRESET',
      briefly({
        kind: 'out-of-time',
        call: 'index',
        target: INDEX,
        budgetMs: 5000,
        last: { kind: 'network', call: 'index', target: INDEX, code: 'ECONNRESET' },
      }),
    ),
    entry('the fix beside a refused exchange in the summary', replayed, fixOf(replayed) ?? ''),
    entry(
      'post, when the one token was not revoked (step summary)',
      'unrevokedSummary(1, 1)',
      unrevokedSummary(1, 1, undefined).trim(),
    ),
    entry(
      'post, when some of the tokens were not revoked (step summary)',
      'unrevokedSummary(2, 3)',
      unrevokedSummary(2, 3, undefined).trim(),
    ),
    entry(
      'post, when none of several tokens was revoked (step summary)',
      'unrevokedSummary(3, 3)',
      unrevokedSummary(3, 3, undefined).trim(),
    ),
  ];
}

/** An unsigned JWT with these claims: only the payload is read. */
const jwtOf = (claims: Record<string, unknown>) =>
  ['{"alg":"RS256"}', JSON.stringify(claims)]
    .map((part) => Buffer.from(part).toString('base64url'))
    .concat('c2ln')
    .join('.');

const RUN = {
  repository: 'rust-lang-demo/hello-tp',
  repository_owner_id: '99',
  workflow_ref: 'rust-lang-demo/hello-tp/.github/workflows/ci.yml@refs/tags/v1.0.0',
  job_workflow_ref: 'rust-lang-demo/hello-tp/.github/workflows/ci.yml@refs/tags/v1.0.0',
  event_name: 'push',
  ref: 'refs/tags/v1.0.0',
  iss: 'https://token.actions.githubusercontent.com',
  aud: 'crates.io',
  iat: 1_800_000_000,
  exp: 1_800_000_300,
};

/**
 * The claims block printed before a refused exchange's paragraph: what the registry compared,
 * and for each row what to check. For each of crates.io's refusals, and for its catch-all
 * `Failed to decode JWT` when the run's own claims show the likely cause.
 */
function claimsEntries(): Entry[] {
  const context = { baseUrl: CRATES_IO, audienceFromInput: false, nowSeconds: 1_800_000_100 };
  const block = (name: string, claims: Record<string, unknown>, details: string[], at = context) =>
    entry(
      name,
      { claims, details },
      diagnosisForLog(diagnoseRefusal(details, readClaims(jwtOf(claims))!, at)),
    );
  return [
    ...Object.entries(REFUSALS).flatMap(([kind, words]) =>
      words.map(([name, details]) => block(`claims block (${kind}): ${name}`, RUN, details)),
    ),
    block(
      'claims block: Failed to decode JWT, the ID token expired',
      RUN,
      ['Failed to decode JWT'],
      {
        ...context,
        nowSeconds: 1_800_000_400,
      },
    ),
    block(
      'claims block: Failed to decode JWT, an audience set by the input',
      { ...RUN, aud: 'example.com' },
      ['Failed to decode JWT'],
      { ...context, audienceFromInput: true },
    ),
    block(
      'claims block: a reusable workflow, an environment, no owner ID',
      {
        ...RUN,
        repository_owner_id: undefined,
        job_workflow_ref: 'rust-lang-demo/shared/.github/workflows/publish.yml@refs/heads/main',
        environment: 'release',
      },
      ['No matching Trusted Publishing config found'],
    ),
  ];
}

function failureEntries(): Entry[] {
  const cases: Case[] = [...Object.values(FAILURES).flat(), ...refusalCases()];
  return cases.map(({ name, failure, attempts }) =>
    entry(
      `${failure.kind}: ${name}`,
      attempts === undefined ? failure : { ...failure, attempts },
      describeFailure(failure, attempts),
    ),
  );
}

/** The document, section by section (each starts with its heading). */
function document(): string[] {
  const section = ({ name, input, message }: Entry) =>
    `### ${name}\n\n\`\`\`\`json\n${input}\n\`\`\`\`\n\n\`\`\`\`text\n${message}\n\`\`\`\`\n`;
  return [
    [
      "# The action's messages",
      '',
      'Every message the action words, as the user reads it: each branch of',
      '`src/errors/describe.ts`, then the other places in `src/` that word a fix. Each case is',
      'named, then its input (JSON), then the message exactly as the log shows it. Made from the',
      'table in `__tests__/unit/messages.test.ts`; `npm test` fails when a message differs from',
      'this file, and `npm run golden` writes it again. Review its diff like prose.',
      '',
      '## Failures (`describeFailure`)',
      '',
    ].join('\n'),
    ...failureEntries().map(section),
    '## Other words of the action\n',
    ...otherEntries().map(section),
    '## The claims block of a refused exchange (`diagnosisForLog`)\n',
    ...claimsEntries().map(section),
  ];
}

test('every message is the one in __tests__/golden/messages.md', () => {
  const sections = document();
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, sections.join('\n'));
  const golden = readFileSync(GOLDEN, 'utf8').split(/\n(?=### |## )/);
  // Section by section, so a failure shows the case whose words changed.
  expect(golden).toEqual(sections.join('\n').split(/\n(?=### |## )/));
});

test('each message is one line, as the log and an annotation show it', () => {
  for (const { name, message } of failureEntries()) {
    expect([name, message.includes('\n')]).toEqual([name, false]);
  }
});
