/**
 * crates.io's answers, word for word, as its own tests record them (rust-lang/crates.io, read
 * with `git show <commit>:<file>`), and what auth-action must do with each. One row per case:
 * the unit table (`unit/crates-io-answers.test.ts`) reads every body through the action's
 * explanation; the end-to-end table (`e2e/crates-io-answers.test.ts`) makes the rig give it,
 * checks the rig's answer byte for byte, and runs the bundled action against it where a job can
 * meet it. Adding a case is adding a row.
 */
import type { RegistryOptions, TrustedPublisher } from '../rig/registry.js';
import type { WorkflowRun } from '../rig/oidc-service.js';
import type { RefusalKind } from '../src/exchange/refusal.js';
import type { RowKey } from '../src/diagnose/explain-refusal.js';

/** The commits the answers were read at. */
export const TODAY = '57fa000662f511321daa61e6769f190ea0e80771'; // 2026-08-21, POST, specific words
export const JULY_2025 = '68645bb4db12139c29bbda7c4c85b595de033537'; // 2025-07-13, POST, generic
export const PUT_ERA = '2c8c8450e0fcd7e19629aecb7e7872eaf2a7fa30'; // 2025-05-08, PUT, generic
export const REVOKE_MAY_2025 = '20da39db530324527cb852b103d4cd114992b208'; // 2025-05-23

const EXCHANGE_TESTS = 'src/tests/routes/trustpub/tokens/exchange/github.rs';
const EXCHANGE_TESTS_2025 = 'src/controllers/trustpub/tokens/exchange/tests.rs';
const REVOKE_TESTS = 'src/tests/routes/trustpub/tokens/revoke.rs';
const REVOKE_TESTS_2025 = 'src/controllers/trustpub/tokens/revoke/tests.rs';
const PUBLISH_TESTS = 'src/tests/krate/publish/trustpub_github.rs';
const EXCHANGE_SOURCE = 'src/controllers/trustpub/tokens/exchange/mod.rs';

/** crates.io's test fixture: the config `prepare()` stores, and the claims it signs. */
export const FIXTURE = {
  crate: 'foo',
  repositoryOwner: 'rust-lang',
  repositoryName: 'foo-rs',
  repositoryOwnerId: '42',
  workflowFilename: 'publish.yml',
} satisfies TrustedPublisher;

/** How the rig is made to give an answer (each field: a change to crates.io's fixture). */
export interface RigSetup {
  registry?: Partial<RegistryOptions>;
  /** The fixture's config changed; `null`: no config at all. */
  config?: Partial<TrustedPublisher> | null;
  /** More configs for the same repository (other crates). */
  moreConfigs?: Partial<TrustedPublisher>[];
  run?: Partial<WorkflowRun>;
  /** Merged into the JWT header (`kid`). */
  header?: Record<string, unknown>;
  /** The JWT's audience, where it is not the registry's (the action's `audience` input). */
  audience?: string;
  /** Sent as the JWT instead of a signed one: a job cannot send it (the action checks the shape). */
  rawJwt?: string;
  /** The registry cannot fetch GitHub's key set (its discovery URL answers 404). */
  keySetFails?: boolean;
  /** A proxy replays the exchange request this many times (each answer: JWT already used). */
  replays?: number;
  /**
   * Revocation: the Authorization header, `null` for none; `<issued>` stands for a token the rig
   * issued, `<fresh>` for a well-formed one it never issued.
   */
  authorization?: string | null;
  /** Publishing: the crate uploaded (version 1.1.0 unless given), and with which token. */
  publish?: { crate: string; token: 'fresh' | 'issued'; version?: string };
}

/** What the action must do with an exchange answer. */
export interface ActionMust {
  /** `no`: one attempt; `once`: one more with a fresh ID token; `5xx`: the policy's retries. */
  retried: 'no' | 'once' | '5xx';
  /** Words of the fix the failure paragraph gives (after quoting the registry whole). */
  fix: string[];
  /** The claims rows the explanation marks. */
  flags?: RowKey[];
}

export interface Answer {
  name: string;
  /** `<commit> <file> <test>`: where the status and body are recorded. */
  source: string;
  call: 'exchange' | 'revoke' | 'publish';
  status: number;
  /** The body, exactly; `''` for none. */
  body: string;
  /** What the action reads it as (undefined: words it does not know). */
  kind?: RefusalKind;
  /** How the rig gives it; absent when no rig option gives it (older words, recorded only). */
  rig?: RigSetup;
  /** A job can meet it: the bundled action runs against the rig (needs `rig`). */
  e2e?: boolean;
  /** Exchange answers: what the action does. Revocation and publishing answers have their own tests. */
  must?: ActionMust;
}

const errors = (detail: string) => JSON.stringify({ errors: [{ detail }] });
const at = (commit: string, file: string, test: string) => `${commit.slice(0, 9)} ${file} ${test}`;

const CONFIG = 'The Trusted Publishing config for repository `rust-lang/foo-rs`';
const TRIGGER = (event: string) =>
  `Trusted Publishing does not support the \`${event}\` event trigger due to security concerns. Please use a different trigger such as \`push\`, \`release\`, or \`workflow_dispatch\`.`;
const DECODE_FIX = "most often its audience is not the registry's domain";
const CONFIG_FIX = 'compare the registry';

export const ANSWERS: Answer[] = [
  // ---- The exchange, today (POST, the specific words) ----
  {
    name: 'a broken JWT',
    source: at(TODAY, EXCHANGE_TESTS, 'test_broken_jwt'),
    call: 'exchange',
    status: 400,
    body: errors('Failed to decode JWT'),
    kind: 'undecodable',
    rig: { rawJwt: 'broken' },
    must: { retried: 'no', fix: [DECODE_FIX] },
  },
  {
    name: 'a registry that trusts no GitHub issuer',
    source: at(TODAY, EXCHANGE_TESTS, 'test_unsupported_issuer'),
    call: 'exchange',
    status: 400,
    body: errors('Unsupported JWT issuer: https://token.actions.githubusercontent.com'),
    kind: 'unsupported-issuer',
    rig: { registry: { issuers: [] } },
    e2e: true,
    must: {
      retried: 'no',
      fix: ['This registry does not accept ID tokens from GitHub Actions at all'],
      flags: [],
    },
  },
  {
    name: 'an enterprise-scoped issuer',
    source: `${at(TODAY, EXCHANGE_SOURCE, 'unsupported_issuer()')} (the format, with this issuer)`,
    call: 'exchange',
    status: 400,
    body: errors(
      'Unsupported JWT issuer: https://token.actions.githubusercontent.com/my-enterprise',
    ),
    kind: 'unsupported-issuer',
    rig: { run: { issuer: 'https://token.actions.githubusercontent.com/my-enterprise' } },
    e2e: true,
    must: {
      retried: 'no',
      fix: ["Publish from a repository whose ID tokens use GitHub's default issuer."],
      flags: ['issuer'],
    },
  },
  {
    name: 'a JWT without a key ID',
    source: at(TODAY, EXCHANGE_TESTS, 'test_missing_key_id'),
    call: 'exchange',
    status: 400,
    body: errors('Missing JWT key ID'),
    kind: 'missing-key-id',
    rig: { header: { kid: undefined } },
    e2e: true,
    must: {
      retried: 'no',
      fix: [
        'names no signing key (`kid`)',
        "it did not come from GitHub Actions' token service",
        'ACTIONS_ID_TOKEN_REQUEST_URL',
      ],
    },
  },
  {
    name: 'a key ID the registry does not know',
    source: at(TODAY, EXCHANGE_TESTS, 'test_unknown_key'),
    call: 'exchange',
    status: 400,
    body: errors('Invalid JWT key ID'),
    kind: 'unknown-key-id',
    rig: { header: { kid: 'a-key-github-never-had' } },
    e2e: true,
    must: {
      retried: 'no',
      fix: [
        "GitHub has just rotated its signing keys and the registry's copy of them lags",
        'at most once a minute',
        're-run the job in a few minutes',
      ],
    },
  },
  {
    name: 'a key set that fails to load',
    source: at(TODAY, EXCHANGE_TESTS, 'test_key_store_error'),
    call: 'exchange',
    status: 500,
    body: errors('Failed to load OIDC key set'),
    kind: 'key-set-unavailable',
    rig: { keySetFails: true },
    e2e: true,
    must: {
      retried: '5xx',
      fix: ["The registry could not load GitHub's signing keys", "on the registry's side"],
    },
  },
  {
    name: 'the wrong audience',
    source: at(TODAY, EXCHANGE_TESTS, 'test_invalid_audience'),
    call: 'exchange',
    status: 400,
    body: errors('Failed to decode JWT'),
    kind: 'undecodable',
    rig: { audience: 'invalid-audience' },
    e2e: true,
    must: { retried: 'no', fix: [DECODE_FIX], flags: ['audience'] },
  },
  {
    name: 'a JWT already used (a proxy replayed the request)',
    source: at(TODAY, EXCHANGE_TESTS, 'test_token_reuse'),
    call: 'exchange',
    status: 400,
    body: errors('JWT has already been used'),
    kind: 'replayed',
    rig: { replays: 1 },
    e2e: true,
    must: {
      retried: 'once',
      fix: [
        'the request was replayed on the way (by a proxy that retries POST requests, most likely)',
        'tries once more after a replay',
        'stop it from retrying requests to the registry',
      ],
    },
  },
  {
    name: 'a repository claim without a slash',
    source: at(TODAY, EXCHANGE_TESTS, 'test_invalid_repository'),
    call: 'exchange',
    status: 400,
    body: errors('Unexpected `repository` value'),
    kind: 'unexpected-claim',
    rig: { run: { repository: 'what?' } },
    e2e: true,
    must: {
      retried: 'no',
      fix: ["could not read this run's `repository` claim"],
      flags: ['repository'],
    },
  },
  {
    name: 'a workflow_ref without a workflow file',
    source: at(TODAY, EXCHANGE_TESTS, 'test_invalid_workflow'),
    call: 'exchange',
    status: 400,
    body: errors('Unexpected `workflow_ref` value'),
    kind: 'unexpected-claim',
    rig: { run: { workflowFile: 'what?' } },
    e2e: true,
    must: {
      retried: 'no',
      fix: ["could not read this run's `workflow_ref` claim"],
      flags: ['workflow'],
    },
  },
  {
    name: 'an owner ID that is not a number',
    source: at(TODAY, EXCHANGE_TESTS, 'test_invalid_owner_id'),
    call: 'exchange',
    status: 400,
    body: errors('Unexpected `repository_owner_id` value'),
    kind: 'unexpected-claim',
    rig: { run: { repositoryOwnerId: 'what?' } },
    e2e: true,
    must: {
      retried: 'no',
      fix: ["could not read this run's `repository_owner_id` claim"],
      flags: ['owner-id'],
    },
  },
  {
    name: 'no config for the repository',
    source: at(TODAY, EXCHANGE_TESTS, 'test_missing_config'),
    call: 'exchange',
    status: 400,
    body: errors('No Trusted Publishing config found for repository `rust-lang/foo-rs`.'),
    kind: 'no-config',
    rig: { config: null },
    e2e: true,
    must: {
      retried: 'no',
      fix: [
        'The registry has no trusted publisher for the repository `rust-lang/foo-rs`',
        'if the repository was renamed or moved to another owner',
      ],
      flags: ['repository'],
    },
  },
  {
    name: 'an owner ID that changed',
    source: at(TODAY, EXCHANGE_TESTS, 'test_repository_owner_id_mismatch'),
    call: 'exchange',
    status: 400,
    body: errors(
      `${CONFIG} does not match the repository owner ID (42) in the JWT. Expected owner IDs: 999. Please recreate the Trusted Publishing config to update the repository owner ID.`,
    ),
    kind: 'owner-id-mismatch',
    rig: { config: { repositoryOwnerId: '999' } },
    e2e: true,
    must: {
      retried: 'no',
      fix: [
        'The owner ID in this run (`42`) is not the one the trusted publisher stored (`999`)',
        'deleted and recreated under the same name, or when the repository moved to a new owner',
        'delete the trusted publisher',
        'create it again',
      ],
      flags: ['owner-id'],
    },
  },
  {
    name: 'another workflow file',
    source: at(TODAY, EXCHANGE_TESTS, 'test_workflow_filename_mismatch'),
    call: 'exchange',
    status: 400,
    body: errors(
      `${CONFIG} does not match the workflow filename \`publish.yml\` in the JWT. Expected workflow filenames: \`different.yml\``,
    ),
    kind: 'workflow-mismatch',
    rig: { config: { workflowFilename: 'different.yml' } },
    e2e: true,
    must: {
      retried: 'no',
      fix: [
        "This run's workflow file is `publish.yml`, and the trusted publisher expects `different.yml`",
        "change the trusted publisher's workflow file to `publish.yml`",
      ],
      flags: ['workflow'],
    },
  },
  {
    name: 'the pull_request_target trigger',
    source: at(TODAY, EXCHANGE_TESTS, 'test_pull_request_target_event_rejected'),
    call: 'exchange',
    status: 400,
    body: errors(TRIGGER('pull_request_target')),
    kind: 'refused-trigger',
    rig: { run: { eventName: 'pull_request_target' } },
    e2e: true,
    must: {
      retried: 'no',
      fix: ['Publish from a `push` (tags), `release` or `workflow_dispatch` trigger.'],
      flags: ['event'],
    },
  },
  {
    name: 'the workflow_run trigger',
    source: at(TODAY, EXCHANGE_TESTS, 'test_workflow_run_event_rejected'),
    call: 'exchange',
    status: 400,
    body: errors(TRIGGER('workflow_run')),
    kind: 'refused-trigger',
    rig: { run: { eventName: 'workflow_run' } },
    e2e: true,
    must: {
      retried: 'no',
      fix: ['Publish from a `push` (tags), `release` or `workflow_dispatch` trigger.'],
      flags: ['event'],
    },
  },
  {
    name: 'an environment required, the job in none',
    source: at(TODAY, EXCHANGE_TESTS, 'test_missing_environment'),
    call: 'exchange',
    status: 400,
    body: errors(
      `${CONFIG} requires an environment, but the JWT does not specify one. Expected environments: \`prod\``,
    ),
    kind: 'environment-required',
    rig: { config: { environment: 'prod' } },
    e2e: true,
    must: {
      retried: 'no',
      fix: ['add `environment: prod` to the job that runs this action'],
      flags: ['environment'],
    },
  },
  {
    name: 'an environment required, several listed',
    source: `${at(TODAY, EXCHANGE_SOURCE, 'handle_github_token_inner')} (the format, joined with ", ")`,
    call: 'exchange',
    status: 400,
    body: errors(
      `${CONFIG} requires an environment, but the JWT does not specify one. Expected environments: \`prod\`, \`release\``,
    ),
    kind: 'environment-required',
    rig: {
      config: { environment: 'prod' },
      moreConfigs: [{ crate: 'bar', environment: 'release' }],
    },
    e2e: true,
    must: {
      retried: 'no',
      fix: [
        'add one of `environment: prod` or `environment: release` to the job that runs this action',
      ],
      flags: ['environment'],
    },
  },
  {
    name: 'another environment',
    source: at(TODAY, EXCHANGE_TESTS, 'test_wrong_environment'),
    call: 'exchange',
    status: 400,
    body: errors(
      `${CONFIG} does not match the environment \`not-prod\` in the JWT. Expected environments: \`prod\``,
    ),
    kind: 'environment-mismatch',
    rig: { config: { environment: 'prod' }, run: { environment: 'not-prod' } },
    e2e: true,
    must: {
      retried: 'no',
      fix: [
        'This job runs in the environment `not-prod`, and the trusted publisher expects `prod`',
        'run the job in that one (`environment: prod`)',
        'or add a trusted publisher for `not-prod`',
      ],
      flags: ['environment'],
    },
  },

  // ---- The exchange on crates.io's code of 13 July 2025 (POST, one generic refusal) ----
  ...(
    [
      ['no config for the repository', 'test_missing_config', { config: null }],
      [
        'an environment required, the job in none',
        'test_missing_environment',
        { config: { environment: 'prod' } },
      ],
      [
        'another environment',
        'test_wrong_environment',
        { config: { environment: 'prod' }, run: { environment: 'not-prod' } },
      ],
    ] as const
  ).map(([name, test, rig]): Answer => ({
    name: `July 2025: ${name}`,
    source: at(JULY_2025, EXCHANGE_TESTS_2025, test),
    call: 'exchange',
    status: 400,
    body: errors('No matching Trusted Publishing config found'),
    kind: 'no-matching-config',
    rig: { ...rig, registry: { answers: 'july-2025' } },
    e2e: true,
    must: {
      retried: 'no',
      fix: ['crates.io code from before July 2025, which does not say what differs', CONFIG_FIX],
      flags: ['repository', 'owner-id', 'workflow', 'environment'],
    },
  })),
  {
    name: 'July 2025: the pull_request_target trigger is not refused yet',
    source: `${at(JULY_2025, EXCHANGE_SOURCE, 'exchange_trustpub_token')} (no trigger check before 99686c3ab, 2025-10-29)`,
    call: 'exchange',
    status: 200,
    body: '',
    rig: { registry: { answers: 'july-2025' }, run: { eventName: 'pull_request_target' } },
  },

  // ---- The exchange in the PUT era (May 2025): words no rig option gives ----
  {
    name: 'PUT era: an unsupported issuer, unnamed',
    source: at(PUT_ERA, EXCHANGE_TESTS_2025, 'test_unsupported_issuer'),
    call: 'exchange',
    status: 400,
    body: errors('Unsupported JWT issuer'),
    kind: 'unsupported-issuer',
    must: {
      retried: 'no',
      fix: ["Publish from a repository whose ID tokens use GitHub's default issuer."],
    },
  },
  {
    name: 'PUT era: no matching config',
    source: at(PUT_ERA, EXCHANGE_TESTS_2025, 'test_missing_config'),
    call: 'exchange',
    status: 400,
    body: errors('No matching Trusted Publishing config found'),
    kind: 'no-matching-config',
    must: { retried: 'no', fix: [CONFIG_FIX] },
  },

  // ---- Words crates.io never said: quoted whole, claims shown ----
  {
    name: 'an answer the action does not know',
    source: 'none: a registry of another make',
    call: 'exchange',
    status: 403,
    body: errors('Publishing is paused for maintenance until 14:00 UTC'),
    must: {
      retried: 'no',
      fix: [
        'Check that `url` points at a cargo registry that supports trusted publishing as crates.io does.',
      ],
    },
  },

  // ---- Revocation, today ----
  {
    name: 'revoked',
    source: at(TODAY, REVOKE_TESTS, 'test_happy_path'),
    call: 'revoke',
    status: 204,
    body: '',
    rig: { authorization: 'Bearer <issued>' },
  },
  {
    name: 'revoked, the token without a scheme',
    source: at(TODAY, REVOKE_TESTS, 'test_happy_path_without_auth_scheme'),
    call: 'revoke',
    status: 204,
    body: '',
    rig: { authorization: '<issued>' },
  },
  {
    name: 'revocation without an Authorization header',
    source: at(TODAY, REVOKE_TESTS, 'test_missing_authorization_header'),
    call: 'revoke',
    status: 401,
    body: errors('Missing `Authorization` header'),
    kind: 'missing-authorization',
    rig: { authorization: null },
  },
  {
    name: 'revocation of something that is not a token',
    source: at(TODAY, REVOKE_TESTS, 'test_invalid_authorization_header_format'),
    call: 'revoke',
    status: 401,
    body: errors('Invalid `Authorization` header: Failed to parse token'),
    kind: 'invalid-authorization',
    rig: { authorization: 'invalid-format' },
  },
  {
    name: 'revocation of a bearer that is not a token',
    source: at(TODAY, REVOKE_TESTS, 'test_invalid_token_format'),
    call: 'revoke',
    status: 401,
    body: errors('Invalid `Authorization` header: Failed to parse token'),
    kind: 'invalid-authorization',
    rig: { authorization: 'Bearer invalid-token' },
  },
  {
    name: 'revocation of a token never issued',
    source: at(TODAY, REVOKE_TESTS, 'test_non_existent_token'),
    call: 'revoke',
    status: 204,
    body: '',
    rig: { authorization: 'Bearer <fresh>' },
  },
  {
    name: 'May 2025: revocation without an Authorization header',
    source: at(REVOKE_MAY_2025, REVOKE_TESTS_2025, 'test_missing_authorization_header'),
    call: 'revoke',
    status: 401,
    body: errors('Missing authorization header'),
  },
  {
    name: 'May 2025: revocation of something that is not a token',
    source: at(REVOKE_MAY_2025, REVOKE_TESTS_2025, 'test_invalid_token_format'),
    call: 'revoke',
    status: 401,
    body: errors('Invalid authorization header'),
  },

  // ---- Publishing with the token (cargo shows these; docs/troubleshooting.md explains them) ----
  {
    name: 'publishing with a token never issued, or expired, or revoked',
    source: at(TODAY, PUBLISH_TESTS, 'test_non_existent_token'),
    call: 'publish',
    status: 403,
    body: errors('Invalid authentication token'),
    rig: { publish: { crate: 'foo', token: 'fresh' } },
  },
  {
    name: 'publishing a new crate',
    source: at(TODAY, PUBLISH_TESTS, 'test_non_existent_token_with_new_crate'),
    call: 'publish',
    status: 403,
    body: errors(
      'Trusted Publishing tokens do not support creating new crates. Publish the crate manually, first',
    ),
    rig: { publish: { crate: 'brand-new', token: 'fresh' } },
  },
  {
    name: 'publishing a crate the token is not for',
    source: at(TODAY, PUBLISH_TESTS, 'test_token_for_wrong_crate'),
    call: 'publish',
    status: 403,
    body: errors('The provided access token is not valid for crate `bar`'),
    rig: { publish: { crate: 'bar', token: 'issued' } },
  },
  {
    // crates.io finds the crate by its canonical name (case, `-` and `_` aside), then refuses
    // an upload under another spelling: the check of a workspace says so before any token.
    name: 'publishing under another spelling of the crate’s name',
    source: at(TODAY, 'src/tests/krate/publish/similar_names.rs', 'new_crate_similar_name'),
    call: 'publish',
    status: 400,
    body: errors('crate was previously named `foo`'),
    rig: { publish: { crate: 'Foo', token: 'issued' } },
  },
  {
    // One version whatever its build metadata (`num_no_build`): 1.0.0+build is 1.0.0.
    name: 'publishing a version that differs from one out only in build metadata',
    source: at(TODAY, 'src/tests/krate/publish/build_metadata.rs', 'version_with_build_metadata_1'),
    call: 'publish',
    status: 400,
    body: errors('crate version `1.0.0` is already uploaded'),
    rig: { publish: { crate: 'foo', token: 'issued', version: '1.0.0+build' } },
  },
];

/** The detail of a crates.io error body. */
export function detailOf(body: string): string {
  const parsed = JSON.parse(body) as { errors: { detail: string }[] };
  return parsed.errors.map((e) => e.detail).join(' ');
}
