/**
 * The job's record of minted tokens and its count, read as a later step may leave them: lines
 * that are not token entries (a token a shell would read specially among them), lines too long
 * to be entries, a count gone, emptied or rewritten, and entries the count does not name.
 */
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { removeTreeSync } from '../../rig/remove-tree.js';
import { tokenProblem } from '../../src/exchange/token-response.js';
import {
  CountProblem,
  fingerprint,
  parseEntry,
  readCount,
  readRecord,
  RecordCheck,
  recordFiles,
  recordToken,
  startRecord,
  type RecordEntry,
  type RecordFiles,
} from '../../src/provider/token-record.js';
import { scanUntrustedLines } from '../../src/runner/untrusted-file.js';
import { anyText, registryToken } from '../hostile.js';

const TOKEN = 'cio_tp_gGK6jurSwKyl9V3Az19z7YEFQI9aoOOd';
const OTHER = 'cio_tp_0000000000000000000000000000000w';
let dir: string;
let files: RecordFiles;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'auth-action-token-record-'));
  files = recordFiles(dir);
});
afterEach(() => {
  removeTreeSync(dir);
});

async function entries(path = files.record) {
  const found: RecordEntry[] = [];
  const read = await readRecord(path, (entry) => found.push(entry));
  return { found, ...read };
}

const line = (token: unknown) => JSON.stringify({ n: 2, token, mintedAt: 1 });

describe('a record line is an entry only if its token passes the exchange’s token rule', () => {
  test.each([
    ['a space', 'cio_tp_0000000000 rm -rf'],
    ['a double quote', 'cio_tp_0000000000"quoted'],
    ['a single quote', "cio_tp_0000000000'quoted"],
    ['a `$`', 'cio_tp_0000000000$(id)'],
    ['a backtick', 'cio_tp_0000000000`id`'],
    ['a line break', 'cio_tp_0000000000\nx'],
    ['too few characters', 'cio1234'],
  ])('a token with %s is refused', (_what, token) => {
    expect(parseEntry(line(token))).toBeUndefined();
  });

  test('whatever the token, the line is an entry exactly when tokenProblem accepts it', () => {
    const token = fc.oneof(
      registryToken,
      anyText(60),
      fc
        .tuple(registryToken, fc.constantFrom(' ', '"', "'", '$', '`', ';', '\t', 'é'))
        .map(([t, c]) => `${t.slice(0, 20)}${c}${t.slice(20)}`),
    );
    fc.assert(
      fc.property(token, (value) => {
        const entry = parseEntry(line(value));
        expect(entry?.token).toBe(tokenProblem(value) === undefined ? value : undefined);
      }),
      { numRuns: 200, seed: 26 },
    );
  });

  test('a number, a time and an upload that do not read are left out, not the token', () => {
    expect(parseEntry(JSON.stringify({ n: 0, token: TOKEN, mintedAt: 1 }))).toEqual({
      token: TOKEN,
      mintedAt: 1,
    });
    expect(parseEntry(JSON.stringify({ n: 2.5, token: TOKEN, mintedAt: 1 }))?.n).toBeUndefined();
    expect(parseEntry(JSON.stringify({ n: 2, token: TOKEN }))).toBeUndefined();
    expect(parseEntry('[]')).toBeUndefined();
    expect(parseEntry('{"token":')).toBeUndefined();
  });
});

test('junk and lines too long to be entries are skipped and counted, the entries kept in order', async () => {
  writeFileSync(
    files.record,
    [
      'junk',
      line(TOKEN),
      `{"n":3,"token":"${'a'.repeat(10_000)}","mintedAt":1}`,
      '',
      'x'.repeat(200_000),
      line(OTHER),
    ].join('\n'),
  );

  const { found, skipped, complete } = await entries();

  expect(found.map((entry) => entry.token)).toEqual([TOKEN, OTHER]);
  expect(skipped).toBe(3);
  expect(complete).toBe(true);
});

test('a record far larger than any cap is read through in bounded memory', async () => {
  // 24 MiB of junk around two entries: the reader keeps a chunk and a line at a time.
  const junk = `${'z'.repeat(1023)}\n`.repeat(12 * 1024);
  writeFileSync(files.record, `${junk}${line(TOKEN)}\n${junk}${line(OTHER)}`);

  const { found, skipped } = await entries();

  expect(found.map((entry) => entry.token)).toEqual([TOKEN, OTHER]);
  expect(skipped).toBe(2 * 12 * 1024);
});

test('lines split across the reader’s chunks come out whole', async () => {
  const lines = Array.from({ length: 5_000 }, (_, i) => `line ${i} ${'q'.repeat(i % 97)}`);
  writeFileSync(join(dir, 'f'), lines.join('\n'));
  const seen: string[] = [];
  await scanUntrustedLines(join(dir, 'f'), {
    maxLineBytes: 200,
    onLine: (text) => seen.push(text),
    onLongLine: () => seen.push('LONG'),
  });
  expect(seen).toEqual(lines);
});

test('the reader stops when asked, and says it did not reach the end', async () => {
  writeFileSync(files.record, `${line(TOKEN)}\n`.repeat(100_000));
  let chunks = 0;
  const read = await readRecord(
    files.record,
    () => undefined,
    () => ++chunks > 2,
  );
  expect(read.complete).toBe(false);
  expect(read.bytes).toBeLessThan(readFileSync(files.record).length);
});

const print = (token: string) => fingerprint(token);

describe('the count', () => {
  test('main starts it with its token as 1; each token minted adds its number and fingerprint after its line', async () => {
    startRecord(files, { token: TOKEN, mintedAt: 1 });
    recordToken(files, 2, { token: OTHER, mintedAt: 2 });

    expect(readFileSync(files.count, 'utf8')).toBe(`1 ${print(TOKEN)}\n2 ${print(OTHER)}\n`);
    expect(readFileSync(files.count, 'utf8')).not.toContain(TOKEN.slice(7));
    expect([...(await readCount(files.count))]).toEqual([
      [print(TOKEN), 1],
      [print(OTHER), 2],
    ]);
  });

  test('a fingerprint is 16 hex digits, the same for the same token, another for another', () => {
    fc.assert(
      fc.property(registryToken, registryToken, (a, b) => {
        expect(fingerprint(a)).toMatch(/^[0-9a-f]{16}$/);
        expect(fingerprint(a)).toBe(fingerprint(a));
        if (a !== b) expect(fingerprint(a)).not.toBe(fingerprint(b));
      }),
      { seed: 26 },
    );
    // FNV-1a 64's own test vectors.
    expect(fingerprint('')).toBe('cbf29ce484222325');
    expect(fingerprint('a')).toBe('af63dc4c8601ec8c');
    expect(fingerprint('foobar')).toBe('85944171f73967e8');
  });

  test.each([
    ['gone', null, 'it is gone'],
    ['emptied', '', 'it is empty'],
    [
      'without main’s 1 first',
      `2 ${'0'.repeat(16)}\n`,
      'it holds lines the provider did not write',
    ],
    [
      'with a line that is no count line',
      `1 ${'0'.repeat(16)}\n2\n`,
      'it holds lines the provider did not write',
    ],
    [
      'with a number out of range',
      `1 ${'0'.repeat(16)}\n999999 ${'0'.repeat(16)}\n`,
      'it holds lines the provider did not write',
    ],
  ])('%s: it cannot be relied on', async (_what, text, problem) => {
    if (text !== null) writeFileSync(files.count, text);
    await expect(readCount(files.count)).rejects.toEqual(new CountProblem(problem));
  });

  test('larger than 64 KiB, over 2,700 tokens’ worth: refused', async () => {
    writeFileSync(files.count, `1 ${'0'.repeat(16)}\n`.repeat(4_000));
    await expect(readCount(files.count)).rejects.toEqual(
      new CountProblem('it is larger than 64 KiB'),
    );
  });
});

describe('the record checked against the count', () => {
  const THIRD = 'cio_tp_third_0000000000';
  const count = new Map([
    [print(TOKEN), 1],
    [print(OTHER), 2],
    [print(THIRD), 3],
  ]);

  test('tokens the count names are the provider’s, whatever number a line gives them', () => {
    const check = new RecordCheck(count);
    expect(check.see({ n: 1, token: TOKEN, mintedAt: 0 })).toBe(true);
    // The same token again (an upload's line): still the provider's, found once.
    expect(check.see({ n: 1, token: TOKEN, mintedAt: 0 })).toBe(true);
    expect(check.see({ token: OTHER, mintedAt: 0 })).toBe(true);
    // Another token, with a number the count holds or not.
    expect(check.see({ n: 3, token: 'cio_tp_someone_else_000', mintedAt: 0 })).toBe(false);
    expect(check.see({ n: 9, token: 'cio_tp_someone_else_000', mintedAt: 0 })).toBe(false);
    expect(check.missing(true)).toBe(1);
    expect(check.missing(false)).toBe(1);
    expect(check.next()).toBe(4);
  });

  test('a record deleted, emptied or cut short: the tokens it lost are counted missing', async () => {
    startRecord(files, { token: TOKEN, mintedAt: 1 });
    recordToken(files, 2, { token: OTHER, mintedAt: 2 });
    // A step rewrites the record with main's line alone.
    writeFileSync(files.record, `${readFileSync(files.record, 'utf8').split('\n')[0] ?? ''}\n`);
    const check = new RecordCheck(await readCount(files.count));
    await readRecord(files.record, (entry) => check.see(entry));

    expect(check.missing(false)).toBe(1);
    expect(check.missing(true)).toBe(1);
    // And a record emptied: main's line is missing too, which post has from state.
    writeFileSync(files.record, '');
    const emptied = new RecordCheck(await readCount(files.count));
    expect(emptied.missing(true)).toBe(2);
    expect(emptied.missing(false)).toBe(1);
  });

  test('lines a step adds, whatever numbers they copy and wherever they are, are not the provider’s', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ n: fc.integer({ min: 1, max: 5 }), token: registryToken })),
        fc.boolean(),
        (added, before) => {
          const check = new RecordCheck(count);
          const own = [
            { n: 1, token: TOKEN, mintedAt: 0 },
            { n: 2, token: OTHER, mintedAt: 0 },
            { n: 3, token: THIRD, mintedAt: 0 },
          ];
          const lines = before
            ? [...added.map((a) => ({ ...a, mintedAt: 0 })), ...own]
            : [...own, ...added.map((a) => ({ ...a, mintedAt: 0 }))];
          for (const entry of lines) {
            expect(check.see(entry)).toBe(own.some((o) => o.token === entry.token));
          }
          expect(check.missing(true)).toBe(0);
        },
      ),
      { seed: 26 },
    );
  });
});

test('the record and the count are appended to, never rewritten', () => {
  startRecord(files, { token: TOKEN, mintedAt: 1 });
  appendFileSync(files.record, 'junk\n');
  recordToken(files, 2, { token: OTHER, mintedAt: 2 });
  expect(readFileSync(files.record, 'utf8').split('\n')).toEqual([
    `{"n":1,"token":"${TOKEN}","mintedAt":1}`,
    'junk',
    `{"n":2,"token":"${OTHER}","mintedAt":2}`,
    '',
  ]);
});
