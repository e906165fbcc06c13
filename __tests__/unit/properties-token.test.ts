/**
 * The one parser of the exchange's answer, for main and the provider: whatever token a
 * registry sends, what is accepted is made only of characters a shell reads as they are.
 */
import fc from 'fast-check';
import { parseTokenResponse, MIN_TOKEN_LENGTH } from '../../src/exchange/token-response.js';
import type { HttpResponse } from '../../src/http/transport.js';
import { Redactor } from '../../src/redact/redact.js';
import { anyText, registryToken } from '../hostile.js';

/** The longest token accepted, as docs/security.md promises it (not the code's constant). */
const LONGEST = 4096;

const answer = (token: unknown): HttpResponse => ({
  status: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ token }),
  truncated: false,
});

/** What a shell, a URL or a header would read specially. */
const SPECIAL = ' \t\n"\'`$;&|<>()\\{}[]*?!#~%^=+,/:@';

const tokenLike = fc.oneof(
  registryToken,
  anyText(80),
  fc.string({ unit: fc.constantFrom(...`${SPECIAL}aZ09-_.`.split('')), maxLength: 40 }),
  fc
    .tuple(registryToken, fc.constantFrom(...SPECIAL.split('')), fc.string({ maxLength: 10 }))
    .map(([t, c, rest]) => `${t}${c}${rest}`),
  // Around the least length, where a rule without it would accept.
  fc.string({ unit: fc.constantFrom(...'aZ09-_.'.split('')), minLength: 1, maxLength: 20 }),
);

test('an accepted token is letters, digits, `-`, `_` and `.` only, and not too long', () => {
  fc.assert(
    fc.property(tokenLike, (token) => {
      const parsed = parseTokenResponse(answer(token));
      if (parsed.ok) {
        expect(parsed.token).toBe(token);
        expect(parsed.token).toMatch(/^[A-Za-z0-9._-]+$/);
        expect(parsed.token.length).toBeLessThanOrEqual(LONGEST);
        expect(parsed.token.length).toBeGreaterThanOrEqual(16);
      } else {
        expect(parsed.problem).toMatch(/^its `token` /);
        // A refused string that could be a real token is still masked; one too short to mask
        // without hiding ordinary text is not (and is never printed).
        const maskable = token.length >= 16 && token.length <= LONGEST;
        expect(parsed.candidate).toBe(maskable ? token : undefined);
      }
    }),
    {
      numRuns: 500,
      examples: [
        ['a'.repeat(LONGEST)],
        ['a'.repeat(LONGEST + 1)],
        ['cio\u0085x'],
        ['cio\u200bx'],
        ['é'],
        [''],
      ],
    },
  );
});

test('every crates.io token is accepted as it is', () => {
  fc.assert(
    fc.property(registryToken, (token) => {
      expect(parseTokenResponse(answer(token))).toEqual({ ok: true, token });
    }),
    { examples: [[`cio_tp_${'0'.repeat(32)}`], [`cio_tp_${'f'.repeat(32)}`]] },
  );
});

test('a token holding any shell character is refused', () => {
  fc.assert(
    fc.property(
      registryToken,
      fc.constantFrom(...SPECIAL.split('')),
      fc.nat(40),
      (token, special, at) => {
        const i = at % (token.length + 1);
        const parsed = parseTokenResponse(
          answer(`${token.slice(0, i)}${special}${token.slice(i)}`),
        );
        expect(parsed.ok).toBe(false);
      },
    ),
    {
      examples: [
        [`cio_tp_${'0'.repeat(32)}`, '$', 0],
        [`cio_tp_${'0'.repeat(32)}`, '\n', 39],
        [`cio_tp_${'0'.repeat(32)}`, ' ', 20],
      ],
    },
  );
});

test.each([
  ['', 'its `token` is empty'],
  ['a b', 'its `token` contains whitespace or control characters'],
  [
    'a$b',
    'its `token` holds a character other than ASCII letters, digits, `-`, `_` and `.`, which no registry token is made of',
  ],
  ['a', 'its `token` is 1 characters long, shorter than any registry token (16 at the least)'],
  [
    'cio1234',
    'its `token` is 7 characters long, shorter than any registry token (16 at the least)',
  ],
  [
    'abcdefghijklmno',
    'its `token` is 15 characters long, shorter than any registry token (16 at the least)',
  ],
])('a token too short to mask safely (%j) is a malformed answer, not masked', (token, problem) => {
  expect(parseTokenResponse(answer(token))).toEqual({ ok: false, problem });
});

test('the least length is no more than the shortest registry token, 16 characters', () => {
  expect(MIN_TOKEN_LENGTH).toBe(16);
  expect(parseTokenResponse(answer('abcdefghijklmnop'))).toEqual({
    ok: true,
    token: 'abcdefghijklmnop',
  });
});

test('the redactor and the token rule agree: every token accepted is hidden in what the action prints', () => {
  // The shortest tokens accepted, which random strings seldom hit, and then any.
  const shortest = fc.integer({ min: 16, max: 24 }).chain((length) =>
    fc.string({
      unit: fc.constantFrom(...'aZ09-_.'.split('')),
      minLength: length,
      maxLength: length,
    }),
  );
  fc.assert(
    fc.property(fc.oneof(shortest, tokenLike), fc.string({ maxLength: 20 }), (token, around) => {
      const parsed = parseTokenResponse(answer(token));
      if (!parsed.ok) return;
      const redactor = new Redactor();
      redactor.add(parsed.token);
      expect(redactor.apply(`${around}${parsed.token}${around}`)).not.toContain(parsed.token);
    }),
    { numRuns: 300 },
  );
});
