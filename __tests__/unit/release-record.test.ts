/**
 * What the release report reads: the provider's record lines with what cargo published (and
 * the lines written before they carried it), and main's check as post finds it in state,
 * read as a file a later step may have changed.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { NetDeps } from '../../src/http/call.js';
import { releaseReport, uploadsOf } from '../../src/report/release-report.js';
import {
  readRecord,
  recordFiles,
  recordUpload,
  startRecord,
  type RecordEntry,
} from '../../src/provider/token-record.js';
import { readPreflight, savePreflight } from '../../src/state/state.js';
import { anyText } from '../hostile.js';
import { removeTreeSync } from '../../rig/remove-tree.js';

const TOKEN = 'cio_tp_gGK6jurSwKyl9V3Az19z7YEFQI9aoOOd';
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'auth-action-record-'));
});
afterEach(() => {
  removeTreeSync(dir);
});

/** Every entry of the record at `path`, in order. */
async function entriesOf(path: string) {
  const tokens: RecordEntry[] = [];
  const { skipped } = await readRecord(path, (entry) => tokens.push(entry));
  return { tokens, skipped };
}

test('a line with an upload keeps the token’s fields and number; uploads once each, in order', async () => {
  const files = recordFiles(dir);
  startRecord(files, { token: TOKEN, mintedAt: 1 });
  const main = { token: TOKEN, mintedAt: 1, n: 1 };
  recordUpload(files, main, { crate: 'tp-a', version: '0.2.0' });
  recordUpload(files, main, { crate: 'tp-a', version: '0.2.0' });
  recordUpload(files, main, { crate: 'Tp-B', version: '1.0.0-rc.1+x' });
  expect(readFileSync(files.record, 'utf8').split('\n')[1]).toBe(
    `{"n":1,"token":"${TOKEN}","mintedAt":1,"crate":"tp-a","version":"0.2.0"}`,
  );
  const { tokens, skipped } = await entriesOf(files.record);
  expect(skipped).toBe(0);
  expect(tokens.map((entry) => [entry.n, entry.token])).toEqual([
    [1, TOKEN],
    [1, TOKEN],
    [1, TOKEN],
    [1, TOKEN],
  ]);
  expect(uploadsOf(tokens)).toEqual([
    { crate: 'tp-a', version: '0.2.0' },
    { crate: 'Tp-B', version: '1.0.0-rc.1+x' },
  ]);
});

test('an upload that is not a crate name and a version is left out; the token is kept', async () => {
  const path = join(dir, 'tokens.jsonl');
  writeFileSync(
    path,
    `${JSON.stringify({ token: TOKEN, mintedAt: 1, crate: '::error::x', version: '1\n2' })}\n`,
  );
  expect(await entriesOf(path)).toEqual({ tokens: [{ token: TOKEN, mintedAt: 1 }], skipped: 0 });
});

describe("main's check, as post reads it back", () => {
  const state = (value: string) => ({
    getState: (name: string) => (name === 'preflight' ? value : ''),
  });

  test('what main saved comes back', () => {
    let saved = '';
    savePreflight(
      { saveState: (_name, value) => (saved = value) },
      { index: 'https://index.crates.io/', unpublished: ['tp-a@0.2.0', 'Dd@1.0.0'] },
    );
    expect(readPreflight(state(saved))).toEqual({
      index: 'https://index.crates.io/',
      unpublished: ['tp-a@0.2.0', 'Dd@1.0.0'],
    });
    expect(readPreflight(state(''))).toBeUndefined();
  });

  test('anything in state: an http(s) index or none, and only name@version entries', () => {
    const value = fc.oneof(
      anyText(200),
      fc.json(),
      fc
        .record({
          index: fc.oneof(anyText(), fc.webUrl(), fc.constant('https://u:p@x/')),
          unpublished: fc.array(
            fc.oneof(anyText(), fc.constant('a@1.0.0'), fc.constant('::warning::x@1')),
          ),
        })
        .map((o) => JSON.stringify(o)),
    );
    fc.assert(
      fc.property(value, (text) => {
        const read = readPreflight(state(text));
        if (read === undefined) return;
        expect(read.index === '' || /^https?:\/\/[^\s@?#]+\/$/.test(read.index)).toBe(true);
        for (const entry of read.unpublished)
          expect(entry).toMatch(/^[A-Za-z0-9_-]+@[0-9A-Za-z.+-]+$/);
      }),
      {
        examples: [
          ['{"index":"https://u:p@ss@x/","unpublished":["a@1.0.0"]}'],
          ['{"index":"http://x/?q","unpublished":["a@1.0.0\\n::warning::x","a b@1"]}'],
          ['{"index":"https://x\\u202e/","unpublished":[]}'],
          ['{"index":"https://x/","unpublished":"a@1.0.0"}'],
        ],
      },
    );
  });
});

test('uploads whose index was not asked are marked not checked, with why, never as not out', async () => {
  // No index known (another registry, no check of the workspace): nothing is sent.
  const unused = {} as NetDeps;
  const recorded = [
    { token: TOKEN, mintedAt: 1, upload: { crate: 'tp-a', version: '0.2.0' } },
    { token: TOKEN, mintedAt: 1, upload: { crate: 'tp-b', version: '0.2.0' } },
  ];
  const why = "without the `workspace` input, post does not know this registry's index";
  const report = await releaseReport(unused, {
    recorded,
    preflight: undefined,
    index: { kind: 'none', why },
    tokens: { minted: 1, revoked: 1 },
    docs: undefined,
  });
  expect(report.line).toBe(`Release report: 2 versions not checked against the index: ${why}.`);
  expect(report.summary).toContain(`| \`tp-a\` | \`0.2.0\` | not checked: ${why} |`);
  expect(report.summary).toContain(
    `⚠️ **Not known whether the release is complete**: the 2 versions cargo asked the credential provider a token to upload could not be checked against the index: ${why}. cargo's output says how its uploads went.`,
  );
  expect(report.missing).toEqual([]);
  // Nothing was asked: there is nothing the report gave up on.
  expect(report.gaveUp).toBeUndefined();
});

test('with `revoke: false`, the report says no token was revoked, and why', async () => {
  const report = await releaseReport({} as NetDeps, {
    recorded: [{ token: TOKEN, mintedAt: 1, upload: { crate: 'tp-a', version: '0.2.0' } }],
    preflight: undefined,
    index: { kind: 'none', why: 'no index' },
    tokens: { minted: 2, revoked: 'kept' },
    docs: undefined,
  });
  expect(report.summary).toContain(
    'Publish tokens: 2 tokens minted in this job, none revoked (`revoke: false`).',
  );
});
