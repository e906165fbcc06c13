import { readFileSync } from 'node:fs';
import { describeError, describeFailure } from '../../src/errors/describe.js';
import type { Call, Failure } from '../../src/errors/failure.js';
import { VERSION } from '../../src/version.js';

const calls: Call[] = ['id-token', 'exchange', 'revoke'];
const target = 'https://crates.io';
const every: Failure[] = calls.flatMap((call): Failure[] => [
  { kind: 'network', call, target, code: 'ECONNRESET' },
  { kind: 'unknown-host', call, target },
  { kind: 'tls', call, target, code: 'CERT_HAS_EXPIRED' },
  { kind: 'timeout', call, target, timeoutMs: 30_000, limitMs: 30_000 },
  { kind: 'timeout', call, target, timeoutMs: 12_300, limitMs: 30_000 },
  { kind: 'redirect', call, target, status: 301, location: undefined },
  { kind: 'redirect', call, target, status: 302, location: 'https://x.example/\n' },
  { kind: 'http-status', call, target, status: 400, details: ['no'], unexpectedBody: undefined },
  { kind: 'http-status', call, target, status: 503, details: [], unexpectedBody: undefined },
  {
    kind: 'http-status',
    call,
    target,
    status: 404,
    details: [],
    unexpectedBody: { contentType: '', bytes: 3, truncated: false },
  },
  { kind: 'malformed-response', call, target, status: 200, problem: 'its body is not JSON' },
  { kind: 'out-of-time', call, target, budgetMs: 180_000, last: undefined },
]);

test.each(every.map((f) => [`${f.kind} ${'call' in f ? f.call : ''}`, f] as const))(
  '%s reads as one paragraph',
  (_name, failure) => {
    const text = describeFailure(failure, { made: 5, max: 5 });
    expect(text).not.toMatch(/undefined|null|\[object|\n/);
    expect(text).toMatch(/\.$/);
    expect(text.length).toBeLessThan(1200);
  },
);

test('an unexpected error: its message, no stack', () => {
  const error = new TypeError('x is not a function');
  const text = describeError(error);
  expect(text).toBe(
    'auth-action stopped on an unexpected error: x is not a function. Please report it with this log.',
  );
  expect(describeError('plain')).toContain('plain');
});

test('VERSION matches package.json', () => {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  expect(VERSION).toBe(pkg.version);
});

test('a RUNNER_TEMP the provider cannot use: advice by what is wrong with it', () => {
  const unset = describeFailure({
    kind: 'bad-environment',
    variable: 'RUNNER_TEMP',
    problem: 'is not set',
  });
  expect(unset).toContain('The runner sets it for every job');
  expect(unset).not.toContain('no space');
  const spaced = describeFailure({
    kind: 'bad-environment',
    variable: 'RUNNER_TEMP',
    problem: 'contains a space',
    cargoPath: true,
  });
  expect(spaced).toContain('Run the job on a runner whose work folder has no space in its path');
});
