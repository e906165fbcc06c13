/**
 * The one parser of the exchange's answer, for main and the provider: whatever token a
 * registry sends, what is accepted is made only of characters a shell reads as they are.
 */
import fc from 'fast-check';
import { parseTokenResponse } from '../../src/exchange/token-response.js';
import type { HttpResponse } from '../../src/http/transport.js';
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
);

test('an accepted token is letters, digits, `-`, `_` and `.` only, and not too long', () => {
  fc.assert(
    fc.property(tokenLike, (token) => {
      const parsed = parseTokenResponse(answer(token));
      if (parsed.ok) {
        expect(parsed.token).toBe(token);
        expect(parsed.token).toMatch(/^[A-Za-z0-9._-]+$/);
        expect(parsed.token.length).toBeLessThanOrEqual(LONGEST);
      } else {
        expect(parsed.problem).toMatch(/^its `token` /);
        // A refused string that could be a real token is still masked.
        if (token !== '' && token.length <= LONGEST) expect(parsed.candidate).toBe(token);
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
