/**
 * The tests' own list of what must never reach a log (`__tests__/never-logged.ts`), checked
 * against Unicode's tables as the running Node knows them; then the one rule, shown(), against
 * every character of that list.
 */
import { parseErrorBody } from '../../src/http/error-body.js';
import { shown, shownUrl } from '../../src/redact/redact.js';
import {
  BIDI_CONTROLS,
  NEVER_LOGGED,
  NEVER_LOGGED_CHARS,
  flattened,
  neverLogged,
  neverLoggedIn,
} from '../never-logged.js';

const LAST = 0x10ffff;
const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

function codePoints(pattern: RegExp): number[] {
  const found: number[] = [];
  for (let cp = 0; cp <= LAST; cp++) if (pattern.test(String.fromCodePoint(cp))) found.push(cp);
  return found;
}

describe('the list, against Unicode', () => {
  test('every control, format character and line or paragraph separator this Node knows is on it', () => {
    const missing = codePoints(/^[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]$/u)
      .filter((cp) => !neverLogged(cp))
      .map(hex);
    expect(missing).toEqual([]);
  });

  test('each entry is of the category it names, or not yet assigned in this Node’s Unicode', () => {
    const wrong: string[] = [];
    for (const [first, last, category] of NEVER_LOGGED) {
      const is = new RegExp(`^[\\p{${category}}\\p{Cn}]$`, 'u');
      for (let cp = first; cp <= last; cp++) {
        if (!is.test(String.fromCodePoint(cp))) wrong.push(`${hex(cp)} is not ${category}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  test('the bidirectional controls are exactly Unicode’s Bidi_Control, and all on the list', () => {
    expect(codePoints(/^\p{Bidi_Control}$/u).map(hex)).toEqual(
      BIDI_CONTROLS.map(([cp]) => hex(cp)),
    );
    expect(BIDI_CONTROLS.filter(([cp]) => !neverLogged(cp))).toEqual([]);
  });

  test('the helpers read the list: found by code point, runs flattened to one space', () => {
    expect(neverLoggedIn('a\u202eb\u{e0041}c\n')).toEqual(['U+202E', 'U+E0041', 'U+000A']);
    expect(neverLoggedIn('crates.io é 🦀 \u00a0')).toEqual([]);
    expect(flattened('a\r\n\u2028b\u061cc')).toBe('a b c');
    expect(NEVER_LOGGED_CHARS).toContain('\u0085');
  });
});

describe('the rule shows none of them', () => {
  test.each(NEVER_LOGGED.map(([first, last, , what]) => [what, first, last] as const))(
    '%s: each becomes a space, a run of them one space',
    (_what, first, last) => {
      for (let cp = first; cp <= last; cp++) {
        const c = String.fromCodePoint(cp);
        expect(neverLoggedIn(shown(`a${c}b`))).toEqual([]);
        expect(shown(`a${c}b`)).toBe('a b');
        expect(shown(`a${c}${c}\n${c}b`)).toBe('a b');
        expect(shownUrl(`https://crates.io/${c}x`)).toBe('https://crates.io/ x');
      }
    },
  );

  test('Trojan Source: a line that reads otherwise than it is written is shown as it is written', () => {
    // The example of CVE-2021-42574: the override makes `admin` read as the end of a comment.
    const claim = 'refs/heads/main\u202e\u2066 // check if admin\u2069 \u2066';
    expect(shown(claim)).toBe('refs/heads/main  // check if admin   ');
  });

  test('a registry’s words: the error body’s details hold none either', () => {
    const body = JSON.stringify({
      errors: NEVER_LOGGED_CHARS.map((c) => ({ detail: `x${c}y` })).slice(0, 10),
    });
    const { details } = parseErrorBody({
      status: 400,
      headers: { 'content-type': 'application/json' },
      body,
      truncated: false,
    });
    expect(details).toHaveLength(10);
    for (const detail of details) expect(neverLoggedIn(detail)).toEqual([]);
  });
});
