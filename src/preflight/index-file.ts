import { VERSION } from '../inputs/cargo-names.js';

/** A crate's versions as its index file lists them (one JSON object per line). */
export interface IndexVersions {
  /** Each version without build metadata (`1.0.0+a` and `1.0.0+b` are one version to a registry), with whether it is yanked. */
  versions: Map<string, { yanked: boolean }>;
  /** The version on the last line that reads: the one published last. */
  latest: string | undefined;
}

export type IndexFileParse = { ok: true; file: IndexVersions } | { ok: false; problem: string };

/** Versions shown in the log are checked first: an index answer is data, never a command. */

/** A version as the registry compares it: without build metadata. */
export function comparable(version: string): string {
  const plus = version.indexOf('+');
  return plus === -1 ? version : version.slice(0, plus);
}

function parseLine(line: string): { name: unknown; vers: string; yanked: boolean } | undefined {
  let json: unknown;
  try {
    json = JSON.parse(line) as unknown;
  } catch {
    return undefined;
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
  const { name, vers, yanked } = json as Record<string, unknown>;
  if (typeof vers !== 'string' || !VERSION.test(vers)) return undefined;
  return { name, vers, yanked: yanked === true };
}

/**
 * Reads a sparse index file for crate `name`. Lines that do not read are skipped, as cargo
 * skips lines of a newer schema; a line for another crate is too. A body with no line that
 * reads (an HTML page from a proxy, say) is no index file. Never throws.
 */
export function parseIndexFile(body: string, name: string): IndexFileParse {
  const versions = new Map<string, { yanked: boolean }>();
  let latest: string | undefined;
  let lines = 0;
  const lower = name.toLowerCase();
  for (const line of body.split('\n')) {
    if (line.trim() === '') continue;
    lines++;
    const entry = parseLine(line);
    if (entry === undefined) continue;
    if (typeof entry.name === 'string' && entry.name.toLowerCase() !== lower) continue;
    const key = comparable(entry.vers);
    // Yanked if any line of that version says so: it cannot be published again either way.
    versions.set(key, { yanked: entry.yanked || (versions.get(key)?.yanked ?? false) });
    latest = entry.vers;
  }
  if (lines > 0 && versions.size === 0) {
    return { ok: false, problem: 'no line of it is an index entry of this crate' };
  }
  return { ok: true, file: { versions, latest } };
}
