/**
 * Hostile values for the property-based tests, and what every message the action prints must
 * be, whatever it was given.
 */
import fc from 'fast-check';
import { NEVER_LOGGED_CHARS, flattened, neverLoggedIn } from './never-logged.js';

/**
 * The longest message the action may print in one paragraph. The renderer caps what it echoes:
 * a target or a value at 300 characters, the server's own words at 1500, a content type at 100,
 * a code at 40. The longest message that allows is an out-of-time failure that quotes its last
 * failure, with two 300-character targets and 1500 characters of the server's words, plus the
 * post step's last sentence: about 2.9 KB. 4000 leaves room for rewording, and still fails for
 * any value that escapes its cap: the tests generate values of 5 000 to 20 000 characters.
 */
export const MAX_MESSAGE = 4000;

/** Words a message may only show when they came from outside (the tests keep them out of it). */
const OURS_ONLY = /undefined|null|\[object|NaN|\.\.| {4}at /;
/** What a message on one line would make of outside text: a stack line, once flattened. */
const STACKISH = /\sat /;
export const fromOutside = (s: string) => !OURS_ONLY.test(s) && !STACKISH.test(flattened(s));

/** Stretches that break lines, end sentences, start URLs or look like a stack: the awkward bits. */
const AWKWARD = [
  '\n',
  '\r\n',
  '\r',
  '\u2028',
  '\u2029',
  '\u0085',
  '\t',
  '\u0000',
  '\u001b[31m',
  '\u007f',
  '\ufeff',
  ' ',
  '.',
  '. ',
  '…',
  '`',
  "'",
  '"',
  '<',
  '>',
  '%0A',
  '//',
  '@',
  ':',
  '?',
  '#',
  '\\',
  'https://',
  'http://127.0.0.1/',
  'javascript:',
  'é',
  '🦀',
  // Bidirectional controls and invisible characters (see never-logged.ts).
  '\u202e',
  '\u2066',
  '\u2069',
  '\u061c',
  '\u200f',
  '\u200b',
  '\u200d',
  '\u00ad',
  '\u{e0041}',
];

/** Arbitraries are built once per length: building the grapheme tables is the slow part. */
const built = new Map<string, fc.Arbitrary<string>>();
function once(key: string, build: () => fc.Arbitrary<string>): fc.Arbitrary<string> {
  const found = built.get(key);
  if (found !== undefined) return found;
  const arbitrary = build();
  built.set(key, arbitrary);
  return arbitrary;
}

/** Any text: any code point, printable graphemes, or a mix of the awkward stretches above. */
export function anyText(maxLength = 60): fc.Arbitrary<string> {
  return once(`any ${maxLength}`, () =>
    fc
      .oneof(
        fc.string({ unit: 'binary', maxLength }),
        fc.string({ unit: 'grapheme', maxLength }),
        fc.string({
          unit: fc.oneof(
            fc.constantFrom(...AWKWARD),
            fc.constantFrom(...NEVER_LOGGED_CHARS),
            fc.string({ maxLength: 4 }),
          ),
          maxLength,
        }),
      )
      .filter(fromOutside),
  );
}

/** Any text, or now and then a very long one: a cap that is missing shows as a long message. */
export function outsideText(maxLength = 60): fc.Arbitrary<string> {
  return once(`outside ${maxLength}`, () =>
    fc.oneof(
      { weight: 5, arbitrary: anyText(maxLength) },
      {
        weight: 1,
        arbitrary: fc
          .tuple(anyText(20), fc.integer({ min: 5_000, max: 20_000 }))
          .map(([text, length]) => (text === '' ? 'x' : text).repeat(length).slice(0, length))
          .filter(fromOutside),
      },
    ),
  );
}

const base64url = (min: number, max: number) =>
  fc.string({
    unit: fc.constantFrom(
      ...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.split(''),
    ),
    minLength: min,
    maxLength: max,
  });

/** The secrets the action handles, in their real shapes. */
// Random base64 can spell `null` or `NaN`, which the readability check takes for a value
// missing in our own code: such secrets are left out, as other generated text is.
export const jwt = fc
  .tuple(base64url(10, 40), base64url(20, 200), base64url(20, 90))
  .map(([h, p, s]) => `eyJ${h}.eyJ${p}.${s}`)
  .filter(fromOutside);
export const registryToken = fc
  .string({ unit: fc.constantFrom(...'0123456789abcdef'.split('')), minLength: 32, maxLength: 32 })
  .map((hex) => `cio_tp_${hex}`);
export const requestToken = base64url(20, 120)
  .map((s) => `ghs_${s}`)
  .filter(fromOutside);
/**
 * A password in a URL: anything but the characters that end a URL's authority. It starts with
 * a stem no other generated text has, so that finding it in a message means it leaked.
 */
export const password = fc
  .string({
    unit: fc.oneof(
      fc.constantFrom(' ', '`', "'", '"', '<', '>', ':', '@', '%', '\t', '\n', 'é'),
      fc.string({ minLength: 1, maxLength: 1 }),
    ),
    minLength: 8,
    maxLength: 40,
  })
  .filter((p) => !/[/?#\\]/.test(p) && fromOutside(p))
  .map((p) => `Pw9${p}`);

export const anySecret = fc.oneof(jwt, registryToken, requestToken);

/**
 * A password with `@` in it, and a URL that carries it: credentials end at the LAST `@`, so
 * neither piece may show (expectNoSecret looks for the piece after the `@` too).
 */
export const AT_PASS = 'Pw9first-piece@second-piece';
export const AT_URL = `https://u:${AT_PASS}@crates.io`;

/**
 * Something meant as a URL, with `password` in it: with or without a scheme, slashes that a
 * parser reads leniently, a host that may not parse (a space, a bad port, 300 characters).
 */
export function urlWithPassword(secret: fc.Arbitrary<string> = password): fc.Arbitrary<string> {
  return fc
    .record({
      scheme: fc.constantFrom(
        'https://',
        'http://',
        'HTTPS://',
        'ftp://',
        'https:',
        'https:/',
        'https:\\\\',
        '//',
        '',
      ),
      user: fc.constantFrom('', 'user', 'ferris', 'a b', 'x@y'),
      secret,
      host: fc.constantFrom(
        'crates.io',
        'cra tes.io',
        'crates.io:99999',
        '127.0.0.1:3000',
        `${'a'.repeat(64)}.example`,
        `${'h.'.repeat(150)}io`,
        '[::1',
        '',
      ),
      rest: fc.constantFrom('', '/', '/api', '?token=abc', '#x', '/a b'),
    })
    .map(({ scheme, user, secret: s, host, rest }) => `${scheme}${user}:${s}@${host}${rest}`);
}

/**
 * Everything a message the action prints must be: one paragraph without a character that must
 * never reach a log (the tests' own list, never-logged.ts), no trace of a value missing in our
 * own code, no stack, no secret it was given, no doubled full stop, and short.
 */
export function expectReadable(message: string, secrets: readonly string[] = []): void {
  expect(neverLoggedIn(message)).toEqual([]);
  expect(message).not.toMatch(OURS_ONLY);
  expect(message.trim()).not.toBe('');
  expect(message.length).toBeLessThanOrEqual(MAX_MESSAGE);
  expectNoSecret(message, secrets);
}

/**
 * No secret in `text`: not whole, not as a message would show it if it had slipped through (on
 * one line), and for a password with `@` in it, no piece after an `@` either (credentials cut
 * at an `@` before the last would show the rest).
 */
export function expectNoSecret(text: string, secrets: readonly string[]): void {
  for (const secret of secrets) {
    expect(text).not.toContain(secret);
    for (const piece of [secret, ...secret.split('@').slice(1)]) {
      const flat = flattened(piece);
      if (flat.trim().length >= 8) expect(text).not.toContain(flat);
    }
  }
}
