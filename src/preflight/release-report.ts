import { cell, codeCell } from '../diagnose/render.js';
import type { NetDeps } from '../http/call.js';
import type { RecordEntry, Upload } from '../provider/token-record.js';
import { shownUrl } from '../redact/redact.js';
import type { PreflightHandover } from '../state/state.js';
import { boundedAll, INDEX_CONCURRENCY, readIndexFile } from './check-index.js';

/** What post knows of the release when the job ends. No token is in it, ever. */
export interface ReleaseFacts {
  /** The credential provider's record: each token, and what cargo published with it. */
  recorded: RecordEntry[];
  /** What main's check of the workspace found, if it ran. */
  preflight: PreflightHandover | undefined;
  /** The sparse index to ask (main's check's, or crates.io's), if known. */
  index: string | undefined;
  /** How many tokens this post step revoked (main's and the provider's), once it knows. */
  revoked: Promise<number>;
}

type InIndex = 'yes' | 'not yet' | 'not checked';

/** Each crate and version cargo asked a token for, once, in the order it asked. */
export function uploadsOf(recorded: RecordEntry[]): Upload[] {
  const seen = new Set<string>();
  const uploads: Upload[] = [];
  for (const entry of recorded) {
    if (entry.upload === undefined) continue;
    const key = `${entry.upload.crate}@${entry.upload.version}`;
    if (seen.has(key)) continue;
    seen.add(key);
    uploads.push(entry.upload);
  }
  return uploads;
}

/** Whether each upload's version is in the index now; best effort, within the phase's budget. */
async function inIndexNow(
  net: NetDeps,
  index: string | undefined,
  uploads: Upload[],
): Promise<InIndex[]> {
  if (index === undefined) return uploads.map(() => 'not checked');
  const answers = await boundedAll(
    uploads,
    INDEX_CONCURRENCY,
    (upload) =>
      readIndexFile(net, index, { name: upload.crate, version: upload.version, requirements: [] }),
    () => false,
  );
  return answers.map((answer) => {
    if (answer === undefined || answer.kind === 'unreadable') return 'not checked';
    if (answer.kind === 'absent') return 'not yet';
    return answer.file.version.listed ? 'yes' : 'not yet';
  });
}

/**
 * The release report for the step summary: each crate and version cargo asked a token for and
 * whether it is in the index now, the crates main's check found to publish that cargo never
 * asked for, and how many tokens were minted and revoked. Returns the Markdown and a log line.
 */
export async function releaseReport(
  net: NetDeps,
  facts: ReleaseFacts,
): Promise<{ summary: string; line: string }> {
  const uploads = uploadsOf(facts.recorded);
  const [now, revoked] = await Promise.all([inIndexNow(net, facts.index, uploads), facts.revoked]);
  const asked = new Set(uploads.map((u) => `${u.crate}@${u.version}`));
  const never = (facts.preflight?.unpublished ?? []).filter((crate) => !asked.has(crate));
  const minted = new Set(facts.recorded.map((entry) => entry.token)).size;
  const out = ['### auth-action: release report', ''];
  if (uploads.length === 0) {
    out.push('cargo asked the credential provider for no upload.', '');
  } else {
    out.push('| crate | version | in the index now |', '| --- | --- | --- |');
    uploads.forEach((upload, i) => {
      out.push(
        `| ${codeCell(upload.crate)} | ${codeCell(upload.version)} | ${now[i] ?? 'not checked'} |`,
      );
    });
    out.push('');
    if (now.includes('not yet')) {
      out.push(
        'A version marked "not yet" was asked for but is not in the index: its upload was refused (cargo\'s output says why) or has not reached the index yet. Once the cause is fixed, a re-run with `workspace` set publishes what is left.',
        '',
      );
    }
  }
  if (facts.preflight !== undefined) {
    out.push(
      never.length === 0
        ? 'cargo asked to upload every crate the check of the workspace found to publish.'
        : `Never asked for by cargo (the check of the workspace found them to publish): ${never.map(codeCell).join(', ')}.`,
      '',
    );
  }
  if (facts.index !== undefined && uploads.length > 0) {
    out.push(`Index: ${cell(shownUrl(facts.index))}`, '');
  }
  out.push(`Tokens: ${minted} minted in this job, ${revoked} revoked as it ended.`, '');
  const listed = now.filter((state) => state === 'yes').length;
  const unchecked = now.filter((state) => state === 'not checked').length;
  const line =
    `Release report: cargo asked for ${uploads.length} upload${uploads.length === 1 ? '' : 's'}, ` +
    (unchecked === uploads.length && unchecked > 0
      ? 'the index not checked'
      : `${listed} in the index now${unchecked > 0 ? `, ${unchecked} not checked` : ''}`) +
    (facts.preflight === undefined ? '' : `; ${never.length} found to publish never asked for`) +
    '.';
  return { summary: out.join('\n'), line };
}
