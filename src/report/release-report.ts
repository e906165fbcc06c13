import { cell, codeCell } from '../diagnose/render.js';
import { briefly, shownCrate } from '../errors/describe.js';
import type { CrateVersion, Failure } from '../errors/failure.js';
import type { NetDeps } from '../http/call.js';
import { statusLine, summarySection, troubleshootingLink, type Mark } from '../output/summary.js';
import { boundedAll, INDEX_CONCURRENCY, readIndexFile } from '../preflight/check-index.js';
import type { RecordEntry, Upload } from '../provider/token-record.js';
import { shownUrl } from '../redact/redact.js';
import type { PreflightHandover } from '../state/state.js';

/** The index post asks, or why it asks none. */
export type IndexToAsk = { kind: 'sparse'; url: string } | { kind: 'none'; why: string };

/** What post knows of the release when the job ends, its revocations done. No token is in it. */
export interface ReleaseFacts {
  /** The credential provider's record: each token, and the uploads cargo asked it a token for. */
  recorded: RecordEntry[];
  /** What main's check of the workspace found, if it ran. */
  preflight: PreflightHandover | undefined;
  index: IndexToAsk;
  /** Tokens the job minted, and how many post revoked (`kept`: `revoke: false`). */
  tokens: { minted: number; revoked: number | 'kept' };
  /** The action's docs, for the summary's link (see RunnerEnvironment). */
  docs: string | undefined;
}

/** What the index says of one version at the end of the job. */
export type IndexSays =
  | { kind: 'out' }
  | { kind: 'missing' }
  /** `why`: a few words, such as `HTTP 503 after 2 attempts`. */
  | { kind: 'unchecked'; why: string };

export interface ReportRow extends CrateVersion {
  says: IndexSays;
}

export interface ReleaseReport {
  /** The section for the step summary. */
  summary: string;
  /** Its outcome in one log line. */
  line: string;
  /** The versions that are not out: the warning names them. */
  missing: CrateVersion[];
  /** When the report could not check some versions: a log line saying so plainly. */
  gaveUp: string | undefined;
}

/** Each crate and version cargo asked a token to upload, once, in the order it asked. */
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

/**
 * The versions the report is about: every one the check of the workspace found to publish
 * (state holds them as `name@version`), then every upload the provider recorded that is not
 * among them. Each once.
 */
export function versionsToReport(
  recorded: RecordEntry[],
  preflight: PreflightHandover | undefined,
): CrateVersion[] {
  const found = (preflight?.unpublished ?? []).map((entry) => {
    const at = entry.indexOf('@');
    return { name: entry.slice(0, at), version: entry.slice(at + 1) };
  });
  const uploads = uploadsOf(recorded).map((u) => ({ name: u.crate, version: u.version }));
  const seen = new Set<string>();
  return [...found, ...uploads].filter((crate) => {
    const key = `${crate.name}@${crate.version}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * What the index says of each version, eight files at a time, within the report's own budget.
 * Every retry line names the crate. The first file that cannot be read stops the rest: an
 * index that is down is not asked again and again.
 */
async function askIndex(net: NetDeps, index: string, crates: CrateVersion[]): Promise<IndexSays[]> {
  const labelled = (name: string): NetDeps => ({
    ...net,
    core: {
      ...net.core,
      info: (message: string) => {
        net.core.info(`Release report, \`${name}\`: ${message}`);
      },
    },
  });
  const answers = await boundedAll(
    crates,
    INDEX_CONCURRENCY,
    (crate) =>
      readIndexFile(labelled(crate.name), index, {
        name: crate.name,
        version: crate.version,
        requirements: [],
      }),
    (answer) => answer.kind === 'unreadable',
  );
  const stopper = crates[answers.findIndex((answer) => answer?.kind === 'unreadable')];
  return answers.map((answer): IndexSays => {
    if (answer === undefined) {
      const after = stopper === undefined ? '' : ` after \`${stopper.name}\`'s file failed`;
      return { kind: 'unchecked', why: `not asked${after}` };
    }
    if (answer.kind === 'unreadable') {
      return { kind: 'unchecked', why: briefly(answer.failure, answer.attempts) };
    }
    if (answer.kind === 'absent') return { kind: 'missing' };
    return answer.file.version.listed ? { kind: 'out' } : { kind: 'missing' };
  });
}

/** Not out first (with the fix right below the table), then not checked, then out. */
const ORDER: Record<IndexSays['kind'], number> = { missing: 0, unchecked: 1, out: 2 };

function saysCell(says: IndexSays): string {
  switch (says.kind) {
    case 'out':
      return 'out';
    case 'missing':
      return "**not in the index**: refused, not attempted, or late (cargo's output says which)";
    case 'unchecked':
      return `not checked: ${cell(says.why)}`;
  }
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function listed(crates: CrateVersion[]): string {
  const names = crates.slice(0, 10).map(shownCrate).join(', ');
  return crates.length > 10 ? `${names} and ${crates.length - 10} more` : names;
}

/** The answer the section leads with. */
function status(rows: ReportRow[], facts: ReleaseFacts): [Mark, string] {
  const missing = rows.filter((row) => row.says.kind === 'missing');
  const unchecked = rows.filter((row) => row.says.kind === 'unchecked');
  const what = facts.preflight
    ? 'the check of the workspace found to publish'
    : 'cargo asked the credential provider a token to upload';
  if (missing.length > 0) {
    return [
      '❌',
      `**The release is not complete**: ${listed(missing)} ${missing.length === 1 ? 'is' : 'are'} not in the index at the end of the job (${missing.length} of the ${plural(rows.length, 'version', 'versions')} ${what}).`,
    ];
  }
  if (unchecked.length > 0) {
    const first = unchecked[0]?.says;
    const why = first?.kind === 'unchecked' ? first.why : '';
    const which =
      unchecked.length === rows.length
        ? `${rows.length === 1 ? 'the version' : `the ${rows.length} versions`} ${what} could not be checked against the index`
        : `${unchecked.length} of the ${rows.length} versions ${what} could not be checked against the index (the others are out)`;
    return [
      '⚠️',
      `**Not known whether the release is complete**: ${which}: ${why}. cargo's output says how its uploads went.`,
    ];
  }
  return [
    '✅',
    `**Released**: the index lists ${rows.length === 1 ? 'the version' : `all ${rows.length} versions`} ${what}.`,
  ];
}

function tokensLine(tokens: ReleaseFacts['tokens']): string {
  const minted = plural(tokens.minted, 'token', 'tokens');
  if (tokens.revoked === 'kept') {
    return `Publish tokens: ${minted} minted in this job, none revoked (\`revoke: false\`).`;
  }
  return `Publish tokens: ${minted} minted in this job, ${tokens.revoked} revoked as it ended.`;
}

/** The way on, next to the rows that are not out. */
function nextStep(facts: ReleaseFacts): string {
  const link = troubleshootingLink(facts.docs, 'not-out', 'what each cause looks like');
  return facts.preflight
    ? `**Next:** fix what stopped it (cargo's output names it; ${link}), then re-run this job: the check of the workspace finds what is out, and cargo publishes the rest with \`exclude-published\`.`
    : `**Next:** fix what stopped it (cargo's output names it; ${link}), then publish the rest: with the \`workspace\` input set, a re-run of this job finds what is out and publishes only the rest.`;
}

function render(rows: ReportRow[], facts: ReleaseFacts): string {
  const sorted = [...rows].sort((a, b) => ORDER[a.says.kind] - ORDER[b.says.kind]);
  const [mark, answer] = status(rows, facts);
  const table = [
    '| crate | version | the index says |',
    '| --- | --- | --- |',
    ...sorted.map(
      (row) => `| ${codeCell(row.name)} | ${codeCell(row.version)} | ${saysCell(row.says)} |`,
    ),
  ].join('\n');
  const missing = rows.some((row) => row.says.kind === 'missing');
  const index =
    facts.index.kind === 'sparse' ? `Index: ${cell(shownUrl(facts.index.url))}` : undefined;
  return summarySection(
    '### auth-action: release report',
    statusLine(mark, answer),
    table,
    missing ? nextStep(facts) : undefined,
    [index, tokensLine(facts.tokens)].filter((text) => text !== undefined).join(' · '),
  );
}

/** The log's one line: what the index says, in counts. */
function logLine(rows: ReportRow[]): string {
  const count = (kind: IndexSays['kind']) => rows.filter((row) => row.says.kind === kind).length;
  const missing = rows.filter((row) => row.says.kind === 'missing');
  const first = rows[0]?.says;
  if (count('unchecked') === rows.length && first?.kind === 'unchecked') {
    return `Release report: ${plural(rows.length, 'version', 'versions')} not checked against the index: ${first.why}.`;
  }
  return (
    `Release report: ${count('out')} of ${plural(rows.length, 'version', 'versions')} in the index` +
    (missing.length > 0 ? `; not in it: ${listed(missing)}` : '') +
    (count('unchecked') > 0 ? `; ${count('unchecked')} not checked` : '') +
    '.'
  );
}

/**
 * The release report: for each version the check of the workspace found to publish and each
 * upload the provider recorded, whether the registry's index lists it now. Returns the summary
 * section, the log line, the versions that are not out and, when it could not check some, a
 * line that says so.
 */
export async function releaseReport(net: NetDeps, facts: ReleaseFacts): Promise<ReleaseReport> {
  const crates = versionsToReport(facts.recorded, facts.preflight);
  const { index } = facts;
  const says: IndexSays[] =
    index.kind === 'sparse'
      ? await askIndex(net, index.url, crates)
      : crates.map(() => ({ kind: 'unchecked', why: index.why }));
  const rows = crates.map((crate, i) => ({
    ...crate,
    says: says[i] ?? { kind: 'unchecked' as const, why: 'not asked' },
  }));
  const unchecked = rows.filter((row) => row.says.kind === 'unchecked');
  const first = unchecked[0]?.says;
  return {
    summary: render(rows, facts),
    line: logLine(rows),
    missing: rows.filter((row) => row.says.kind === 'missing'),
    gaveUp:
      facts.index.kind === 'sparse' && first?.kind === 'unchecked'
        ? `Release report: gave up on the index for ${plural(unchecked.length, 'version', 'versions')} (\`${unchecked[0]?.name ?? ''}\`: ${first.why}); the summary marks ${unchecked.length === 1 ? 'it' : 'them'} "not checked".`
        : undefined,
  };
}

/** The warning for versions that are not out (see describe.ts). */
export function notOut(report: ReleaseReport, facts: ReleaseFacts): Failure | undefined {
  if (report.missing.length === 0 || facts.index.kind !== 'sparse') return undefined;
  return {
    kind: 'not-out',
    crates: report.missing.map(({ name, version }) => ({ name, version })),
    index: facts.index.url,
    workspace: facts.preflight !== undefined,
  };
}
