import {
  defaultAudience,
  isLoopbackHost,
  parseRegistryUrl,
  tokensEndpoint,
} from '../../src/inputs/registry-url.js';
import { parseBoolean } from '../../src/inputs/read-inputs.js';
import { ActionFailure } from '../../src/errors/failure.js';

test.each([
  ['', 'https://crates.io'],
  ['https://crates.io', 'https://crates.io'],
  ['https://crates.io/', 'https://crates.io'],
  ['https://crates.io:443', 'https://crates.io'],
  ['HTTPS://Crates.IO', 'https://crates.io'],
  ['https://registry.example.com/cargo/', 'https://registry.example.com/cargo'],
  ['https://registry.example.com:8443/a/b', 'https://registry.example.com:8443/a/b'],
  ['http://127.0.0.1:3000', 'http://127.0.0.1:3000'],
  ['http://localhost:3000/', 'http://localhost:3000'],
  ['http://[::1]:8080', 'http://[::1]:8080'],
])('%s is the registry %s', (raw, base) => {
  expect(parseRegistryUrl(raw)).toBe(base);
});

test.each([
  ['https://crates.io', 'crates.io'],
  ['https://crates.io:443', 'crates.io'],
  ['http://127.0.0.1:3000', '127.0.0.1:3000'],
  ['http://localhost:80', 'localhost'],
  ['https://registry.example.com:8443/cargo', 'registry.example.com:8443'],
])('the audience of %s is %s', (raw, audience) => {
  expect(defaultAudience(parseRegistryUrl(raw))).toBe(audience);
});

test.each([
  'crates.io',
  'localhost:3000',
  'http://crates.io',
  'http://127.0.0.1.example.com',
  'http://128.0.0.1',
  'http://192.168.1.2',
  'https://a:b@crates.io',
  'https://crates.io?x',
  'https://crates.io/?',
  'https://crates.io/#',
  'ftp://crates.io',
])('%s is refused, naming the input', (raw) => {
  let caught: unknown;
  try {
    parseRegistryUrl(raw);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ActionFailure);
  expect((caught as ActionFailure).failure).toMatchObject({ kind: 'invalid-input', input: 'url' });
});

test('loopback hosts', () => {
  expect(['localhost', '127.0.0.1', '127.255.0.9', '[::1]'].map(isLoopbackHost)).toEqual([
    true,
    true,
    true,
    true,
  ]);
  expect(['127.0.0.256', '127.0.0', '10.0.0.1', 'localhost.evil.com'].map(isLoopbackHost)).toEqual([
    false,
    false,
    false,
    false,
  ]);
});

test('the tokens endpoint keeps a path prefix', () => {
  expect(tokensEndpoint('https://example.com/cargo')).toBe(
    'https://example.com/cargo/api/v1/trusted_publishing/tokens',
  );
});

test('revoke takes the YAML booleans and the empty default', () => {
  const parseRevoke = (raw: string) => parseBoolean('revoke', raw, true);
  expect(['', 'true', 'True', 'TRUE'].map(parseRevoke)).toEqual([true, true, true, true]);
  expect(['false', 'False', 'FALSE'].map(parseRevoke)).toEqual([false, false, false]);
  expect(() => parseRevoke('yes')).toThrow(ActionFailure);
});
