import type { MintedToken } from '../exchange/mint-token.js';
import { tokenProblem } from '../exchange/token-response.js';
import { appendUntrustedFile, readUntrustedFile } from '../runner/untrusted-file.js';
import { CRATE_NAME, VERSION } from '../inputs/cargo-names.js';

/**
 * The most a record may hold: a job mints one token per 20 minutes, each line under 100 bytes
 * (4 KiB at most, the longest token accepted), so 1 MiB is hundreds of jobs' worth.
 */
export const MAX_RECORD_BYTES = 1 << 20;

/** What cargo said it was about to publish with a token: post's release report lists it. */
export interface Upload {
  crate: string;
  version: string;
}

/** A line of the record: a token, and the upload it was handed out for, when cargo said. */
export interface RecordEntry extends MintedToken {
  upload?: Upload;
}

/**
 * Appends a token to the job's record (JSON lines, mode 0600 under RUNNER_TEMP) before it is
 * handed to anyone: post revokes every token in it, and the provider reuses a young one. One
 * short append is atomic, so cargo processes that overlap cannot interleave their lines.
 * With `upload`, the line also says what cargo was about to publish with it (`crate`,
 * `version` beside `token` and `mintedAt`: a reader that knows only those two skips them).
 */
export function recordToken(path: string, minted: MintedToken, upload?: Upload): void {
  const line = {
    token: minted.token,
    mintedAt: minted.mintedAt,
    ...(upload && { crate: upload.crate, version: upload.version }),
  };
  appendUntrustedFile(path, `${JSON.stringify(line)}\n`);
}

/**
 * The record's tokens, oldest first; a line that is not a token entry is skipped and counted.
 * The one reader of the record, for post and the provider alike: a later step may have
 * replaced it, so it is opened as untrusted (no link followed, no blocking, a regular file,
 * at most MAX_RECORD_BYTES); anything else throws (UntrustedFileError or an fs error).
 */
export function readRecord(path: string): { tokens: RecordEntry[]; skipped: number } {
  const tokens: RecordEntry[] = [];
  let skipped = 0;
  for (const line of readUntrustedFile(path, MAX_RECORD_BYTES).split('\n')) {
    if (line.trim() === '') continue;
    const entry = parseEntry(line);
    if (entry === undefined) skipped++;
    else tokens.push(entry);
  }
  return { tokens, skipped };
}

function parseUpload(crate: unknown, version: unknown): Upload | undefined {
  if (typeof crate !== 'string' || typeof version !== 'string') return undefined;
  return CRATE_NAME.test(crate) && VERSION.test(version) ? { crate, version } : undefined;
}

function parseEntry(line: string): RecordEntry | undefined {
  try {
    const json = JSON.parse(line) as unknown;
    if (typeof json !== 'object' || json === null) return undefined;
    const { token, mintedAt, crate, version } = json as Record<string, unknown>;
    // The same rule as the exchange's answer.
    if (typeof token !== 'string' || tokenProblem(token) !== undefined) return undefined;
    if (typeof mintedAt !== 'number' || !Number.isFinite(mintedAt)) return undefined;
    const upload = parseUpload(crate, version);
    return upload === undefined ? { token, mintedAt } : { token, mintedAt, upload };
  } catch {
    return undefined;
  }
}
