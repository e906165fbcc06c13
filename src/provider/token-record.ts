import type { MintedToken } from '../exchange/mint-token.js';
import { tokenProblem } from '../exchange/token-response.js';
import { appendUntrustedFile, readUntrustedFile } from '../runner/untrusted-file.js';

/**
 * The most a record may hold: a job mints one token per 20 minutes, each line under 100 bytes
 * (4 KiB at most, the longest token accepted), so 1 MiB is hundreds of jobs' worth.
 */
export const MAX_RECORD_BYTES = 1 << 20;

/**
 * Appends a token to the job's record (JSON lines, mode 0600 under RUNNER_TEMP) before it is
 * handed to anyone: post revokes every token in it, and the provider reuses a young one. One
 * short append is atomic, so cargo processes that overlap cannot interleave their lines.
 */
export function recordToken(path: string, minted: MintedToken): void {
  appendUntrustedFile(path, `${JSON.stringify(minted)}\n`);
}

/**
 * The record's tokens, oldest first; a line that is not a token entry is skipped and counted.
 * The one reader of the record, for post and the provider alike: a later step may have
 * replaced it, so it is opened as untrusted (no link followed, no blocking, a regular file,
 * at most MAX_RECORD_BYTES); anything else throws (UntrustedFileError or an fs error).
 */
export function readRecord(path: string): { tokens: MintedToken[]; skipped: number } {
  const tokens: MintedToken[] = [];
  let skipped = 0;
  for (const line of readUntrustedFile(path, MAX_RECORD_BYTES).split('\n')) {
    if (line.trim() === '') continue;
    const entry = parseEntry(line);
    if (entry === undefined) skipped++;
    else tokens.push(entry);
  }
  return { tokens, skipped };
}

function parseEntry(line: string): MintedToken | undefined {
  try {
    const json = JSON.parse(line) as unknown;
    if (typeof json !== 'object' || json === null) return undefined;
    const { token, mintedAt } = json as { token?: unknown; mintedAt?: unknown };
    // The same rule as the exchange's answer.
    if (typeof token !== 'string' || tokenProblem(token) !== undefined) return undefined;
    if (typeof mintedAt !== 'number' || !Number.isFinite(mintedAt)) return undefined;
    return { token, mintedAt };
  } catch {
    return undefined;
  }
}
