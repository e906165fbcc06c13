import { dirname, join } from 'node:path';
import type { MintedToken } from '../exchange/mint-token.js';
import { MAX_TOKEN_LENGTH, tokenProblem } from '../exchange/token-response.js';
import { CRATE_NAME, VERSION } from '../inputs/cargo-names.js';
import {
  appendUntrustedFile,
  scanUntrustedLines,
  UntrustedFileError,
} from '../runner/untrusted-file.js';
import { COUNT_FILE, RECORD_FILE } from './files.js';

/*
 * The job's record of the tokens it minted, in the provider's folder under RUNNER_TEMP, which
 * any later step of the job can change:
 *
 * - `tokens.jsonl`: a JSON line per token as it is minted, `{"n":2,"token":...,"mintedAt":...}`,
 *   and a line more (the same `n` and token, with `crate` and `version`) each time the provider
 *   hands a token out for an upload. Post revokes every token in it.
 * - `minted`: the count, a line per token minted, `2 <fingerprint>`: its number and a short
 *   fingerprint of the token (never the token), written after the token's line is in the record.
 *
 * A token the count names must be in the record: a record deleted, emptied, cut short or
 * replaced since the token was written is seen, by the provider and by post, as tokens missing.
 * And a line of the record is the provider's only if the count names its token: lines a step
 * added, whatever number they copy, are told apart and revoked after the provider's own. Both
 * files are appended to, never rewritten. What the count cannot see: a step that rewrites both
 * files consistently (it could as well run the provider for a token of its own).
 */

/** The two files, in the provider's folder. */
export interface RecordFiles {
  record: string;
  count: string;
}

export const recordFiles = (dir: string): RecordFiles => ({
  record: join(dir, RECORD_FILE),
  count: join(dir, COUNT_FILE),
});

/** The files beside a record's path, as main's configuration names it. */
export const recordFilesOf = (recordPath: string): RecordFiles => ({
  record: recordPath,
  count: join(dirname(recordPath), COUNT_FILE),
});

/** What cargo said it was about to publish with a token: post's release report lists it. */
export interface Upload {
  crate: string;
  version: string;
}

/** A line of the record: a token, its number, and the upload it was handed out for, if any. */
export interface RecordEntry extends MintedToken {
  /** Its number in the count; a line without one (or with another) is not the provider's. */
  n?: number;
  upload?: Upload;
}

/** A job mints one token per 20 minutes; a count holding more than this is not the provider's. */
const MAX_NUMBER = 100_000;
/** The longest line worth parsing: the longest token, its number, a crate name and a version. */
const MAX_LINE_BYTES = MAX_TOKEN_LENGTH + 1024;
/** A count line is at most 24 bytes: 64 KiB is over 2,700 tokens, 900 hours of release. */
const MAX_COUNT_BYTES = 64 * 1024;

/**
 * A token's fingerprint in the count: FNV-1a, 64 bits, in hex. It tells the provider's lines
 * from others; it protects nothing (the record beside it holds the tokens themselves), and
 * leaves far too many candidates to say anything about a token.
 */
export function fingerprint(token: string): string {
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < token.length; i++) {
    hash = ((hash ^ BigInt(token.charCodeAt(i))) * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}

const countLine = (n: number, token: string): string => `${n} ${fingerprint(token)}\n`;

function appendEntry(
  files: RecordFiles,
  n: number | undefined,
  minted: MintedToken,
  upload?: Upload,
): void {
  const line = {
    ...(n !== undefined && { n }),
    token: minted.token,
    mintedAt: minted.mintedAt,
    ...(upload && { crate: upload.crate, version: upload.version }),
  };
  // One short append is atomic: cargo processes that overlap cannot interleave their lines.
  appendUntrustedFile(files.record, `${JSON.stringify(line)}\n`);
}

/**
 * A token minted, as number `n`: its line in the record first (post can revoke it from then
 * on), then its line in the count. Throws an fs error or UntrustedFileError when the record
 * cannot take it; a count that cannot take it costs only the check (post warns then).
 */
export function recordToken(files: RecordFiles, n: number, minted: MintedToken): void {
  appendEntry(files, n, minted);
  try {
    appendUntrustedFile(files.count, countLine(n, minted.token));
  } catch {
    // The token is in the record: post revokes it, and says the count could not be read.
  }
}

/**
 * A token handed out for an upload, noted for post's release report: a line more for the same
 * token (with `crate` and `version`; a reader that knows only the other fields reads the token
 * again, which post revokes once).
 */
export function recordUpload(files: RecordFiles, entry: RecordEntry, upload: Upload): void {
  appendEntry(files, entry.n, entry, upload);
}

function parseUpload(crate: unknown, version: unknown): Upload | undefined {
  if (typeof crate !== 'string' || typeof version !== 'string') return undefined;
  return CRATE_NAME.test(crate) && VERSION.test(version) ? { crate, version } : undefined;
}

const isNumber = (n: unknown): n is number =>
  typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= MAX_NUMBER;

/**
 * One line of the record as an entry, or undefined for anything else: the token must pass the
 * same rule as the exchange's answer (no space, quote, `$` or other character a shell or a
 * header reads specially, nor too short or too long to be a token).
 */
export function parseEntry(line: string): RecordEntry | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    const json = JSON.parse(line) as unknown;
    if (typeof json !== 'object' || json === null) return undefined;
    const { n, token, mintedAt, crate, version } = json as Record<string, unknown>;
    if (typeof token !== 'string' || tokenProblem(token) !== undefined) return undefined;
    if (typeof mintedAt !== 'number' || !Number.isFinite(mintedAt)) return undefined;
    const upload = parseUpload(crate, version);
    return {
      token,
      mintedAt,
      ...(isNumber(n) && { n }),
      ...(upload && { upload }),
    };
  } catch {
    return undefined;
  }
}

export interface RecordRead {
  /** Lines that are not entries (junk, or longer than any entry): skipped, and counted. */
  skipped: number;
  /** False when `stop` ended the read before the end of the file. */
  complete: boolean;
  bytes: number;
}

/**
 * The record's entries, in the file's order, to `onEntry`: read in bounded memory however
 * large the file is (each line capped, the rest skipped and counted), opened as untrusted (no
 * link followed, no blocking, a regular file). The one reader of the record, for post and the
 * provider alike. Throws UntrustedFileError, or an fs error (ENOENT when it is gone).
 */
export async function readRecord(
  path: string,
  onEntry: (entry: RecordEntry) => void,
  stop?: () => boolean,
): Promise<RecordRead> {
  let skipped = 0;
  const scan = await scanUntrustedLines(path, {
    maxLineBytes: MAX_LINE_BYTES,
    onLine: (line) => {
      if (line.trim() === '') return;
      const entry = parseEntry(line);
      if (entry === undefined) skipped++;
      else onEntry(entry);
    },
    onLongLine: () => {
      skipped++;
    },
    ...(stop && { stop }),
  });
  return { skipped, complete: scan.complete, bytes: scan.bytes };
}

/** The tokens the count names, by fingerprint, with their numbers (main's is 1). */
export type MintCount = ReadonlyMap<string, number>;

/**
 * Why the count cannot be relied on: what is wrong with it, said as the end of a sentence.
 * Thrown by readCount.
 */
export class CountProblem extends Error {
  constructor(readonly problem: string) {
    super(problem);
    this.name = 'CountProblem';
  }
}

const COUNT_LINE = /^(\d{1,6}) ([0-9a-f]{16})$/;

/**
 * The count as main started it and the provider appended to it: its first line is main's
 * token as number 1, every line a number and a fingerprint. Anything else (gone, emptied,
 * replaced, a line the provider would not write) is a CountProblem: the record can no longer
 * be checked against it.
 */
export async function readCount(path: string): Promise<MintCount> {
  const count = new Map<string, number>();
  const seen = { lines: 0, bad: false };
  try {
    await scanUntrustedLines(path, {
      maxLineBytes: 32,
      maxBytes: MAX_COUNT_BYTES,
      onLine: (line) => {
        const [, digits = '', print = ''] = COUNT_LINE.exec(line) ?? [];
        const n = Number(digits);
        if (!isNumber(n) || (seen.lines === 0 && n !== 1)) seen.bad = true;
        else count.set(print, n);
        seen.lines++;
      },
      onLongLine: () => {
        seen.bad = true;
      },
    });
  } catch (error) {
    if (error instanceof UntrustedFileError) throw new CountProblem(error.problem);
    const code = (error as { code?: unknown }).code;
    throw new CountProblem(code === 'ENOENT' ? 'it is gone' : 'it cannot be read');
  }
  if (seen.lines === 0) throw new CountProblem('it is empty');
  if (seen.bad) throw new CountProblem('it holds lines the provider did not write');
  return count;
}

/**
 * The record checked against the count, entry by entry: which tokens are the provider's (the
 * count names them), and how many tokens the count names that the record no longer holds. Its
 * memory is bounded by the count's.
 */
export class RecordCheck {
  private readonly found = new Set<string>();

  constructor(private readonly count: MintCount) {}

  /** Whether `entry` holds a token the provider minted and counted (noted as found). */
  see(entry: RecordEntry): boolean {
    const print = fingerprint(entry.token);
    if (!this.count.has(print)) return false;
    this.found.add(print);
    return true;
  }

  /**
   * Tokens the count names that were not in the record; main's (number 1) aside when
   * `withMain` is false (post revokes it from the step state).
   */
  missing(withMain: boolean): number {
    let missing = 0;
    for (const [print, n] of this.count) {
      if (!this.found.has(print) && (withMain || n !== 1)) missing++;
    }
    return missing;
  }

  /** The number the next token minted gets. */
  next(): number {
    return Math.max(0, ...this.count.values()) + 1;
  }
}

/**
 * main's start of the record: its token as number 1, in the record and the count, both
 * created here (the folder is new).
 */
export function startRecord(files: RecordFiles, minted: MintedToken): void {
  appendEntry(files, 1, minted);
  appendUntrustedFile(files.count, countLine(1, minted.token));
}
