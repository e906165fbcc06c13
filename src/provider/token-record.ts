import { appendFileSync, readFileSync } from 'node:fs';
import type { MintedToken } from '../exchange/mint-token.js';
import { tokenProblem } from '../exchange/token-response.js';

/**
 * Appends a token to the job's record (JSON lines, mode 0600 under RUNNER_TEMP) before it is
 * handed to anyone: post revokes every token in it, and the provider reuses a young one. One
 * short append is atomic, so cargo processes that overlap cannot interleave their lines.
 */
export function recordToken(path: string, minted: MintedToken): void {
  appendFileSync(path, `${JSON.stringify(minted)}\n`, { encoding: 'utf8', mode: 0o600 });
}

/** The record's tokens, oldest first; a line that is not a token entry is skipped and counted. */
export function readRecord(path: string): { tokens: MintedToken[]; skipped: number } {
  const tokens: MintedToken[] = [];
  let skipped = 0;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
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
