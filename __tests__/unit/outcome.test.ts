/**
 * How an answer that is not a success is classed, status by status: a redirect is never
 * followed, 408, 429 and 5xx are worth another try, any other status is final; and which
 * errors of a request that got no answer are final.
 */
import { noAnswer, unsuccessful } from '../../src/http/outcome.js';

const TARGET = 'https://crates.io';
const time = { timeoutMs: 30_000, limitMs: 30_000 };

test.each([
  [300, 'redirect', false],
  [301, 'redirect', false],
  [308, 'redirect', false],
  [399, 'redirect', false],
  [299, 'http-status', false],
  [400, 'http-status', false],
  [404, 'http-status', false],
  [405, 'http-status', false],
  [407, 'http-status', false],
  [408, 'http-status', true],
  [409, 'http-status', false],
  [429, 'http-status', true],
  [499, 'http-status', false],
  [500, 'http-status', true],
  [503, 'http-status', true],
  [599, 'http-status', true],
] as const)('HTTP %i: a %s failure, retried: %s', (status, kind, retried) => {
  const outcome = unsuccessful(
    'exchange',
    TARGET,
    { status, headers: { location: 'https://elsewhere.example/' }, body: '', truncated: false },
    0,
  );
  expect(outcome.done).toBe(false);
  if (outcome.done) return;
  expect([outcome.failure.kind, outcome.retryable]).toEqual([kind, retried]);
});

test('a server error takes the wait its Retry-After asks for', () => {
  const outcome = unsuccessful(
    'exchange',
    TARGET,
    { status: 503, headers: { 'retry-after': '7' }, body: '', truncated: false },
    0,
  );
  expect(outcome).toMatchObject({ done: false, retryable: true, retryAfterMs: 7_000 });
});

test.each([
  ['CERT_HAS_EXPIRED', 'tls', false],
  ['ERR_TLS_CERT_ALTNAME_INVALID', 'tls', false],
  ['ERR_SSL_WRONG_VERSION_NUMBER', 'tls', false],
  ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'tls', false],
  ['DEPTH_ZERO_SELF_SIGNED_CERT', 'tls', false],
  ['SELF_SIGNED_CERT_IN_CHAIN', 'tls', false],
  ['ENOTFOUND', 'unknown-host', false],
  ['ECONNRESET', 'network', true],
  ['EPROXY', 'network', true],
  ['EUNKNOWN', 'network', true],
] as const)('no answer, %s: a %s failure, retried: %s', (code, kind, retried) => {
  const outcome = noAnswer('exchange', TARGET, { kind: 'network', code }, time);
  expect([outcome.failure.kind, outcome.retryable]).toEqual([kind, retried]);
});

test('a timeout is retried; a request never sent is not', () => {
  expect(noAnswer('revoke', TARGET, { kind: 'timeout' }, time)).toMatchObject({
    retryable: true,
    failure: { kind: 'timeout', timeoutMs: 30_000, limitMs: 30_000 },
  });
  expect(noAnswer('revoke', TARGET, { kind: 'unsendable', problem: 'x' }, time)).toMatchObject({
    retryable: false,
    failure: { kind: 'unsendable', problem: 'x' },
  });
});
