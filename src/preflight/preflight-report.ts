import { cell, codeCell } from '../diagnose/render.js';
import type { CrateVersion } from '../errors/failure.js';
import { statusLine, summarySection, troubleshootingLink } from '../output/summary.js';
import { shown } from '../redact/redact.js';

/** What the check found for one member of the workspace. */
export type Finding =
  /** This version is in the index (`yanked`: yanked, which counts: it cannot be published again). */
  | { kind: 'out'; yanked: boolean }
  /**
   * The crate is there, this version not: `others` versions, `latest` the last published;
   * `unread` lines of its file that cargo does not read as versions (a doubt, named in a warning).
   */
  | { kind: 'to-publish'; others: number; latest: string | undefined; unread: number }
  /** The index does not know the crate (`status`: 404, 410 or 451); `skip` under `new-crates: skip`. */
  | { kind: 'new'; status: number; skip: boolean }
  /**
   * The index knows the crate under another spelling (`knownAs`: case, or `-` for `_`), which
   * crates.io takes for the same crate and refuses an upload under this one.
   */
  | { kind: 'renamed'; knownAs: string; skip: boolean }
  /** Left out with a crate it depends on (`on`), which `new-crates: skip` leaves out. */
  | { kind: 'held-back'; on: string }
  /** The index could not be read, or was not: `why`, in a few words, when known. */
  | { kind: 'unknown'; why?: string }
  /**
   * Not released to this registry: `why` quotes its `publish`; `excluded` when cargo would stop
   * at it (a `publish` list without this registry), so that it is in `exclude-published`.
   */
  | { kind: 'not-here'; why: string; excluded: boolean };

export interface Row {
  crate: CrateVersion;
  finding: Finding;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function registryHas(row: Row): string {
  const { finding } = row;
  switch (finding.kind) {
    case 'out':
      return finding.yanked ? 'this version, yanked' : 'this version';
    case 'to-publish': {
      const unread =
        finding.unread > 0 ? `; ${plural(finding.unread, 'line')} cargo does not read` : '';
      return finding.latest === undefined
        ? `the crate, no version${unread}`
        : `${plural(finding.others, 'other version')}, latest ${shown(finding.latest, 100)}${unread}`;
    }
    case 'new':
      return `no such crate (HTTP ${finding.status})`;
    case 'renamed':
      return `the crate as ${shown(finding.knownAs, 64)}`;
    case 'held-back':
    case 'not-here':
      return '—';
    case 'unknown':
      return `unknown: ${finding.why ?? 'the index was not read'}`;
  }
}

function whatHappens(row: Row): string {
  const { finding } = row;
  const exclude = `--exclude ${shown(row.crate.name, 64)}`;
  switch (finding.kind) {
    case 'out':
      return `skipped: ${exclude}`;
    case 'to-publish':
      return finding.unread > 0 ? 'to publish (cargo checks it)' : 'to publish';
    case 'new':
      return finding.skip
        ? `skipped (new-crates: skip): ${exclude}; publish its first version by hand`
        : 'refused: a new crate, publish its first version by hand';
    case 'renamed':
      return finding.skip
        ? `skipped (new-crates: skip): ${exclude}; the registry knows it as ${shown(finding.knownAs, 64)}`
        : 'refused: the registry knows it by another name';
    case 'held-back':
      return `skipped: ${exclude}; it depends on ${shown(finding.on, 64)}, which is skipped`;
    case 'unknown':
      return 'to publish (cargo checks it)';
    case 'not-here':
      return finding.excluded
        ? `not released here (${shown(finding.why, 200)}): ${exclude}`
        : `not released here (${shown(finding.why, 200)})`;
  }
}

/** The crates to release whose version the registry lacks (or may lack), in the workspace's order. */
export function unpublishedOf(rows: Row[]): CrateVersion[] {
  return rows
    .filter((row) => row.finding.kind === 'to-publish' || row.finding.kind === 'unknown')
    .map((row) => row.crate);
}

/** Whether `cargo publish --workspace` must be told to leave this member out. */
export function isExcluded(finding: Finding): boolean {
  switch (finding.kind) {
    case 'out':
    case 'held-back':
      return true;
    case 'new':
    case 'renamed':
      return finding.skip;
    case 'not-here':
      return finding.excluded;
    default:
      return false;
  }
}

/** The `--exclude` arguments: crates out already, and those cargo must not try. */
export function excludeArguments(rows: Row[]): string {
  return rows
    .filter((row) => isExcluded(row.finding))
    .map((row) => `--exclude ${row.crate.name}`)
    .join(' ');
}

const released = (finding: Finding) => finding.kind !== 'not-here';
const refused = (finding: Finding) =>
  (finding.kind === 'new' || finding.kind === 'renamed') && !finding.skip;
const left = (finding: Finding) =>
  finding.kind === 'held-back' ||
  ((finding.kind === 'new' || finding.kind === 'renamed') && finding.skip);

/** The one-line verdict, for the log and the summary. */
export function verdict(rows: Row[]): string {
  const toRelease = rows.filter((row) => released(row.finding)).length;
  const unpublished = unpublishedOf(rows).length;
  const out = rows.filter((row) => row.finding.kind === 'out').length;
  const fresh = rows.filter((row) => refused(row.finding)).length;
  const skipped = rows.filter((row) => left(row.finding)).length;
  if (fresh > 0) {
    return `${fresh} of the ${toRelease} crates to release ${fresh === 1 ? 'is' : 'are'} not in the registry under ${fresh === 1 ? 'its' : 'their'} name, and trusted publishing cannot create a crate: the release stops here, before any token.`;
  }
  if (toRelease === 0)
    return 'Nothing to publish: no crate of the workspace is released to this registry.';
  const held = skipped > 0 ? `; ${skipped} skipped (new crates, and what depends on them)` : '';
  if (rows.some((row) => row.finding.kind === 'unknown')) {
    return `${plural(unpublished, 'crate')} to publish as far as the check can tell: the index was not read, so cargo's own check decides${held}.`;
  }
  if (unpublished === 0) {
    return skipped > 0
      ? `Nothing to publish: of the ${toRelease} crates to release, ${out} ${out === 1 ? 'is' : 'are'} in the registry already and ${skipped} skipped (new crates, and what depends on them).`
      : `Nothing to publish: the version of each of the ${out} crates to release is in the registry already.`;
  }
  if (out === 0) return `${plural(unpublished, 'crate')} to publish; none is out yet${held}.`;
  return `${plural(unpublished, 'crate')} to publish; ${out} already out (excluded, so that cargo publishes the rest)${held}.`;
}

const HEADINGS = ['crate', 'version', 'the registry has', 'what happens'];

function columns(row: Row): string[] {
  return [
    shown(row.crate.name, 64),
    shown(row.crate.version, 100),
    registryHas(row),
    whatHappens(row),
  ];
}

/** The table as log lines, columns padded. */
export function reportForLog(title: string, rows: Row[]): string {
  const table = [HEADINGS, ...rows.map(columns)];
  const widths = HEADINGS.map((_, i) => Math.max(...table.map((cells) => (cells[i] ?? '').length)));
  const lines = table.map(
    (cells) =>
      `  ${cells
        .map((text, i) => text.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd()}`,
  );
  return [title, ...lines, verdict(rows)].join('\n');
}

/** What the summary says beside the table, from the rest of the check. */
export interface SummaryContext {
  /** The error that stops the release here (its whole paragraph: what to do is in it). */
  stop?: string;
  /** The members it stops at, besides new crates (a dependency cargo could not resolve). */
  stoppedAt?: readonly string[];
  /** Why the index was not read, in a few words, when it was not. */
  unread?: string;
  /** The action's docs, for the links (see RunnerEnvironment). */
  docs?: string;
}

/**
 * The rows that stop the release first, then those left out or that the check could not tell,
 * then the rest, each group in the workspace's order.
 */
function failingFirst(rows: Row[], stoppedAt: readonly string[]): Row[] {
  const rank = (row: Row) =>
    refused(row.finding) || stoppedAt.includes(row.crate.name)
      ? 0
      : left(row.finding) || row.finding.kind === 'unknown'
        ? 1
        : 2;
  return [...rows].sort((a, b) => rank(a) - rank(b));
}

/** The answer the section leads with, and the way on beside it. */
function summaryStatus(rows: Row[], context: SummaryContext): { status: string; next?: string } {
  const { docs } = context;
  if (context.stop !== undefined) {
    const fresh = rows.filter((row) => refused(row.finding));
    const names = fresh.map((row) => codeCell(row.crate.name)).join(', ');
    const answer =
      fresh.length > 0
        ? `${names} ${fresh.length === 1 ? 'is' : 'are'} not in the registry under ${fresh.length === 1 ? 'its' : 'their'} name, and trusted publishing cannot create a crate; nothing was published and no token was requested.`
        : 'nothing was published and no token was requested.';
    const link =
      fresh.length > 0
        ? troubleshootingLink(docs, 'new-crate', 'a crate the registry does not have')
        : troubleshootingLink(docs, 'before-exchange', 'failures before the exchange');
    return {
      status: statusLine('❌', `**The release did not start**: ${answer}`),
      next: `${cell(context.stop)} See ${link}.`,
    };
  }
  if (rows.some((row) => row.finding.kind === 'unknown')) {
    const why = context.unread === undefined ? '' : ` (${cell(context.unread)})`;
    const n = unpublishedOf(rows).length;
    return {
      status: statusLine(
        '⚠️',
        `**${plural(n, 'crate')} to publish as far as the check can tell**: the index was not read${why}, so cargo's own check decides; nothing is blocked. See ${troubleshootingLink(docs, 'index-unreadable', 'the index could not be read')}.`,
      ),
    };
  }
  const doubt = rows.some(
    (row) => left(row.finding) || (row.finding.kind === 'to-publish' && row.finding.unread > 0),
  );
  const answer = boldLead(cell(verdict(rows)));
  return {
    status: doubt
      ? statusLine('⚠️', `${answer} The step's warning says what is left out or in doubt.`)
      : statusLine('✅', answer),
  };
}

/**
 * The verdict with its answer in bold, as every status line leads: the words before its first
 * `:` or `;` ("Nothing to publish", "2 crates to publish"), which hold only counts.
 */
function boldLead(text: string): string {
  const at = text.search(/[:;]/);
  return at <= 0 ? text : `**${text.slice(0, at)}**${text.slice(at)}`;
}

/**
 * The section for the step summary: the answer first (a status line), the way on when the
 * release stops here, then the table, the rows that stop it (or that the check could not tell)
 * first.
 */
export function reportForSummary(title: string, rows: Row[], context: SummaryContext = {}): string {
  const table = [`| ${HEADINGS.join(' | ')} |`, '| --- | --- | --- | --- |'];
  for (const row of failingFirst(rows, context.stoppedAt ?? [])) {
    const [name = '', version = '', has = '', happens = ''] = columns(row);
    table.push(`| ${codeCell(name)} | ${codeCell(version)} | ${cell(has)} | ${cell(happens)} |`);
  }
  const { status, next } = summaryStatus(rows, context);
  const heading = context.stop === undefined ? title : `${title}: the release stops here`;
  return summarySection(`### ${cell(heading)}`, status, next, table.join('\n'));
}
