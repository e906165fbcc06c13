/**
 * The Redactor's search for a secret cut short by a cap (`…`): one pass with KMP's table. It
 * must find what a search from every candidate start finds (the reference below, the way it
 * was done before), on the repetitive text where the two could differ.
 */
import fc from 'fast-check';
import { Redactor } from '../../src/redact/redact.js';

/** The search from every candidate start: the earliest start of the secret that runs up to `…`. */
function reference(text: string, secret: string): string {
  let out = text;
  for (let cut = out.indexOf('…'); cut !== -1; cut = out.indexOf('…', cut + 1)) {
    let start = -1;
    for (let j = Math.max(0, cut - secret.length + 1); j <= cut - 4; j++) {
      if (secret.startsWith(out.slice(j, cut))) {
        start = j;
        break;
      }
    }
    if (start !== -1) {
      out = `${out.slice(0, start)}***${out.slice(cut)}`;
      cut = start + 3;
    }
  }
  return out;
}

const repetitive = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom('a', 'b', '…'), minLength: min, maxLength: max });

test('a cut secret is hidden exactly where a search from every start would hide it', () => {
  fc.assert(
    fc.property(
      repetitive(8, 30),
      repetitive(0, 60),
      fc.nat(40),
      repetitive(0, 10),
      (secret, before, keep, after) => {
        const text = `${before}${secret.slice(0, keep % secret.length)}…${after}`;
        const redactor = new Redactor();
        redactor.add(secret);
        const whole = text.split(secret).join('***');
        expect(redactor.apply(text)).toBe(reference(whole, secret));
      },
    ),
    {
      numRuns: 2000,
      // The shortest start hidden (4) and one shorter; a secret holding `…`; a cut in a run.
      examples: [
        ['aaaaaaaa', 'aaaa', 4, ''],
        ['aaaaaaaa', 'b', 3, 'aaaa'],
        ['ab…ab…ab', '…', 5, '…'],
        ['abababab', 'abababa', 7, 'a…'],
      ],
    },
  );
});
