/**
 * Every answer crates.io's tests record, read the way the action reads an answer (the error
 * body parsed, the retry decided, the paragraph written, the claims marked): the registry's
 * words quoted whole, and the fix each one makes knowable.
 */
import { readFileSync } from 'node:fs';
import { readClaims } from '../../src/diagnose/claims.js';
import { diagnoseRefusal } from '../../src/diagnose/explain-refusal.js';
import { describeFailure } from '../../src/errors/describe.js';
import { readRefusal } from '../../src/exchange/refusal.js';
import { unsuccessful } from '../../src/http/outcome.js';
import { expectReadable } from '../hostile.js';
import { ANSWERS, detailOf, FIXTURE, type Answer } from '../crates-io-answers.js';

const target = 'https://crates.io';

/** The answer as the transport hands it over. */
function read(answer: Answer) {
  return unsuccessful(
    answer.call === 'revoke' ? 'revoke' : 'exchange',
    target,
    {
      status: answer.status,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: answer.body,
      truncated: false,
    },
    0,
  );
}

/** The claims of the run the row describes: crates.io's fixture, with the row's changes. */
function claimsOf(answer: Answer) {
  const run = answer.rig?.run ?? {};
  const repository = run.repository ?? `${FIXTURE.repositoryOwner}/${FIXTURE.repositoryName}`;
  const payload = {
    repository,
    repository_owner_id: run.repositoryOwnerId ?? FIXTURE.repositoryOwnerId,
    workflow_ref: `${repository}/.github/workflows/${run.workflowFile ?? FIXTURE.workflowFilename}@refs/tags/v1`,
    event_name: run.eventName ?? 'push',
    ref: 'refs/tags/v1',
    iss: run.issuer ?? 'https://token.actions.githubusercontent.com',
    aud: answer.rig?.audience ?? 'crates.io',
    ...(run.environment === undefined ? {} : { environment: run.environment }),
    iat: 1000,
    exp: 1300,
  };
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return readClaims(`${part({ alg: 'RS256' })}.${part(payload)}.c2ln`)!;
}
const context = { baseUrl: target, audienceFromInput: false, nowSeconds: 1100 };

const refusals = ANSWERS.filter((a) => a.status >= 400);
const exchange = ANSWERS.filter((a) => a.must !== undefined);

test('the table has a row for every case the issue lists, in both eras', () => {
  expect(new Set(refusals.map((a) => a.kind))).toEqual(
    new Set([
      'undecodable',
      'unsupported-issuer',
      'missing-key-id',
      'unknown-key-id',
      'key-set-unavailable',
      'replayed',
      'refused-trigger',
      'unexpected-claim',
      'no-config',
      'owner-id-mismatch',
      'workflow-mismatch',
      'environment-required',
      'environment-mismatch',
      'no-matching-config',
      'missing-authorization',
      'invalid-authorization',
      undefined,
    ]),
  );
});

test.each(refusals.map((a) => [a.name, a] as const))(
  '%s: read as the kind it is',
  (_name, answer) => {
    const outcome = read(answer);
    expect(outcome.done).toBe(false);
    if (outcome.done || outcome.failure.kind !== 'http-status') throw new Error('not a refusal');
    expect(outcome.failure.details).toEqual([detailOf(answer.body)]);
    expect(answer.call === 'publish' ? undefined : readRefusal(outcome.failure.details)?.kind).toBe(
      answer.call === 'publish' ? undefined : answer.kind,
    );
  },
);

test.each(exchange.map((a) => [a.name, a] as const))(
  '%s: the words quoted whole, the retry, the fix',
  (_name, answer) => {
    const must = answer.must!;
    const outcome = read(answer);
    if (outcome.done || outcome.failure.kind !== 'http-status') throw new Error('not a refusal');
    // 5xx by the policy; `once` by the exchange itself (see exchange-replay.test.ts).
    expect(outcome.retryable).toBe(must.retried === '5xx');

    const message = describeFailure(outcome.failure);
    expect(message).toContain(`failed: HTTP ${answer.status}: ${detailOf(answer.body)}`);
    for (const words of must.fix) expect(message).toContain(words);
    expectReadable(message);

    if (must.flags !== undefined) {
      const diagnosis = diagnoseRefusal(outcome.failure.details, claimsOf(answer), context);
      expect(diagnosis.rows.filter((r) => r.flagged).map((r) => r.key)).toEqual(must.flags);
    }
  },
);

test.each(
  ANSWERS.filter((a) => a.call === 'revoke' && a.status >= 400).map((a) => [a.name, a] as const),
)('%s: the revocation’s paragraph quotes it and says why', (_name, answer) => {
  const outcome = read(answer);
  if (outcome.done) throw new Error('not a refusal');
  const message = describeFailure(outcome.failure);
  expect(message).toContain(`HTTP ${answer.status}: ${detailOf(answer.body)}`);
  expectReadable(message);
  expect(message).toContain(
    {
      'missing-authorization': 'a proxy on the way (HTTPS_PROXY) most likely removed it.',
      'invalid-authorization': 'the token the action kept for revocation was changed',
    }[answer.kind as string] ?? 'The registry did not accept the token for revocation.',
  );
});

test('several expected values are all named, and a long list is cut', () => {
  const many = Array.from({ length: 9 }, (_, i) => `\`env-${i}\``).join(', ');
  const message = describeFailure({
    kind: 'http-status',
    call: 'exchange',
    target,
    status: 400,
    details: [
      `The Trusted Publishing config for repository \`o/r\` does not match the environment \`staging\` in the JWT. Expected environments: ${many}`,
    ],
    unexpectedBody: undefined,
  });
  expect(message).toContain(
    'the trusted publisher expects `env-0`, `env-1`, `env-2`, `env-3` or 5 more: run the job in one of them',
  );
});

/** cargo shows the upload's refusals, not the action: the troubleshooting page is where they are explained. */
test.each(
  ANSWERS.filter((a) => a.call === 'publish' || (a.call === 'revoke' && a.kind)).map(
    (a) => [a.name, a] as const,
  ),
)('docs/troubleshooting.md explains %s', (_name, answer) => {
  const page = readFileSync(new URL('../../docs/troubleshooting.md', import.meta.url), 'utf8');
  // The words up to the first name the answer quotes (the crate's name differs from the test's).
  const words = detailOf(answer.body).split(' `')[0] ?? '';
  const row = page.split('\n').find((line) => line.startsWith('|') && line.includes(words));
  expect(row).toBeDefined();
  // A row with a cause (and, for cargo's, a fix): three cells or more.
  expect(row?.split(' | ').length).toBeGreaterThanOrEqual(answer.call === 'publish' ? 3 : 2);
});
