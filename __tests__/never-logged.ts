/**
 * The characters that must never reach a log line, a summary or an annotation from outside: the
 * tests' own list, written from Unicode's data (UnicodeData.txt, Unicode 17.0), never from the
 * code's rule. `__tests__/unit/never-logged.test.ts` checks it against the Unicode tables of the
 * Node that runs the tests, so a new Unicode version that adds one shows up as a failure.
 *
 * - `Cc`, control characters: C0 (line feed, carriage return, tab, escape, ...), DEL, C1
 *   (NEL U+0085 among them, which .NET reads as a line break).
 * - `Cf`, format characters: the bidirectional controls (Trojan Source, CVE-2021-42574), the
 *   zero-width and invisible characters that make two different texts look alike, the
 *   byte-order mark, interlinear annotations, and the tag characters (invisible text).
 * - `Zl` and `Zp`: the line and paragraph separators, which editors and some log viewers break on.
 */

/** [first, last, category, what] */
type Range = readonly [number, number, 'Cc' | 'Cf' | 'Zl' | 'Zp', string];

export const NEVER_LOGGED: readonly Range[] = [
  [0x0000, 0x001f, 'Cc', 'C0 controls: NUL to US, with TAB, LF, CR and ESC'],
  [0x007f, 0x009f, 'Cc', 'DEL and the C1 controls, with NEL (U+0085)'],
  [0x00ad, 0x00ad, 'Cf', 'SOFT HYPHEN'],
  [0x0600, 0x0605, 'Cf', 'Arabic number signs'],
  [0x061c, 0x061c, 'Cf', 'ARABIC LETTER MARK (a bidirectional control)'],
  [0x06dd, 0x06dd, 'Cf', 'ARABIC END OF AYAH'],
  [0x070f, 0x070f, 'Cf', 'SYRIAC ABBREVIATION MARK'],
  [0x0890, 0x0891, 'Cf', 'Arabic pound and piastre marks above'],
  [0x08e2, 0x08e2, 'Cf', 'ARABIC DISPUTED END OF AYAH'],
  [0x180e, 0x180e, 'Cf', 'MONGOLIAN VOWEL SEPARATOR'],
  [0x200b, 0x200d, 'Cf', 'ZERO WIDTH SPACE, NON-JOINER, JOINER'],
  [0x200e, 0x200f, 'Cf', 'LEFT-TO-RIGHT MARK, RIGHT-TO-LEFT MARK'],
  [0x2028, 0x2028, 'Zl', 'LINE SEPARATOR'],
  [0x2029, 0x2029, 'Zp', 'PARAGRAPH SEPARATOR'],
  [0x202a, 0x202e, 'Cf', 'bidirectional embeddings and overrides: LRE, RLE, PDF, LRO, RLO'],
  [0x2060, 0x2064, 'Cf', 'WORD JOINER and the invisible operators'],
  [0x2066, 0x2069, 'Cf', 'bidirectional isolates: LRI, RLI, FSI, PDI'],
  [0x206a, 0x206f, 'Cf', 'deprecated format characters (symmetric swapping, digit shapes)'],
  [0xfeff, 0xfeff, 'Cf', 'ZERO WIDTH NO-BREAK SPACE (the byte-order mark)'],
  [0xfff9, 0xfffb, 'Cf', 'interlinear annotation anchor, separator, terminator'],
  [0x110bd, 0x110bd, 'Cf', 'KAITHI NUMBER SIGN'],
  [0x110cd, 0x110cd, 'Cf', 'KAITHI NUMBER SIGN ABOVE'],
  [0x13430, 0x1343f, 'Cf', 'Egyptian hieroglyph format controls'],
  [0x1bca0, 0x1bca3, 'Cf', 'shorthand format controls'],
  [0x1d173, 0x1d17a, 'Cf', 'musical symbol format controls (beams, ties, slurs, phrases)'],
  [0xe0001, 0xe0001, 'Cf', 'LANGUAGE TAG'],
  [0xe0020, 0xe007f, 'Cf', 'tag characters (invisible ASCII)'],
];

/** The bidirectional controls (Unicode's Bidi_Control property), each by name. */
export const BIDI_CONTROLS: readonly (readonly [number, string])[] = [
  [0x061c, 'ARABIC LETTER MARK'],
  [0x200e, 'LEFT-TO-RIGHT MARK'],
  [0x200f, 'RIGHT-TO-LEFT MARK'],
  [0x202a, 'LEFT-TO-RIGHT EMBEDDING'],
  [0x202b, 'RIGHT-TO-LEFT EMBEDDING'],
  [0x202c, 'POP DIRECTIONAL FORMATTING'],
  [0x202d, 'LEFT-TO-RIGHT OVERRIDE'],
  [0x202e, 'RIGHT-TO-LEFT OVERRIDE'],
  [0x2066, 'LEFT-TO-RIGHT ISOLATE'],
  [0x2067, 'RIGHT-TO-LEFT ISOLATE'],
  [0x2068, 'FIRST STRONG ISOLATE'],
  [0x2069, 'POP DIRECTIONAL ISOLATE'],
];

/** Whether a code point is one that must never reach a log. */
export function neverLogged(codePoint: number): boolean {
  return NEVER_LOGGED.some(([first, last]) => codePoint >= first && codePoint <= last);
}

/** Every character of the list, one string each (for generators and examples). */
export const NEVER_LOGGED_CHARS: readonly string[] = NEVER_LOGGED.flatMap(([first, last]) =>
  Array.from({ length: last - first + 1 }, (_, i) => String.fromCodePoint(first + i)),
);

/** The characters of `text` that must never reach a log, as U+XXXX, in order. */
export function neverLoggedIn(text: string): string[] {
  const found: string[] = [];
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (neverLogged(codePoint)) {
      found.push(`U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`);
    }
  }
  return found;
}

/**
 * `text` with every run of the characters above made one space: what a message shows of a
 * value from outside, at most (a secret looked for in a message is looked for this way too).
 */
export function flattened(text: string): string {
  let out = '';
  let inRun = false;
  for (const char of text) {
    if (neverLogged(char.codePointAt(0) ?? 0)) {
      if (!inRun) out += ' ';
      inRun = true;
    } else {
      out += char;
      inRun = false;
    }
  }
  return out;
}
