import { cell, codeCell } from '../diagnose/render.js';
import type { CrateVersion } from '../errors/failure.js';
import { shown } from '../redact/redact.js';

/** What the check found for one member of the workspace. */
export type Finding =
  /** This version is in the index (`yanked`: yanked, which counts: it cannot be published again). */
  | { kind: 'out'; yanked: boolean }
  /** The crate is there, this version not: `others` versions, `latest` the last published. */
  | { kind: 'to-publish'; others: number; latest: string | undefined }
  /** The index does not know the crate (`status`: 404, 410 or 451). */
  | { kind: 'new'; status: number }
  /** The index could not be read. */
  | { kind: 'unknown' }
  /** Not released to this registry: `why` quotes its `publish`. */
  | { kind: 'not-here'; why: string };

export interface Row {
  crate: CrateVersion;
  finding: Finding;
}

function registryHas(row: Row): string {
  const { finding } = row;
  switch (finding.kind) {
    case 'out':
      return finding.yanked ? 'this version, yanked' : 'this version';
    case 'to-publish':
      return finding.latest === undefined
        ? 'the crate, no version'
        : `${finding.others} other version${finding.others === 1 ? '' : 's'}, latest ${shown(finding.latest, 100)}`;
    case 'new':
      return `no such crate (HTTP ${finding.status})`;
    case 'unknown':
      return 'unknown: the index was not read';
    case 'not-here':
      return '—';
  }
}

function whatHappens(row: Row): string {
  const { finding } = row;
  switch (finding.kind) {
    case 'out':
      return `skipped: --exclude ${shown(row.crate.name, 64)}`;
    case 'to-publish':
      return 'to publish';
    case 'new':
      return 'refused: a new crate, publish its first version by hand';
    case 'unknown':
      return 'to publish (cargo checks it)';
    case 'not-here':
      return `not released here (${shown(finding.why, 200)})`;
  }
}

/** The crates to release whose version the registry lacks, in the workspace's order. */
export function unpublishedOf(rows: Row[]): CrateVersion[] {
  return rows
    .filter((row) => row.finding.kind === 'to-publish' || row.finding.kind === 'unknown')
    .map((row) => row.crate);
}

/** The `--exclude` arguments for the crates whose version is out already. */
export function excludeArguments(rows: Row[]): string {
  return rows
    .filter((row) => row.finding.kind === 'out')
    .map((row) => `--exclude ${row.crate.name}`)
    .join(' ');
}

/** The one-line verdict, for the log and the summary. */
export function verdict(rows: Row[]): string {
  const released = rows.filter((row) => row.finding.kind !== 'not-here');
  const left = unpublishedOf(rows).length;
  const out = rows.filter((row) => row.finding.kind === 'out').length;
  const fresh = rows.filter((row) => row.finding.kind === 'new').length;
  if (fresh > 0) {
    return `${fresh} of the ${released.length} crates to release ${fresh === 1 ? 'is' : 'are'} not in the registry at all: the release would stop there.`;
  }
  if (released.length === 0)
    return 'Nothing to publish: no crate of the workspace is released to this registry.';
  if (rows.some((row) => row.finding.kind === 'unknown')) {
    return `${left} crate${left === 1 ? '' : 's'} to publish as far as the check can tell: the index was not read, so cargo's own check decides.`;
  }
  if (left === 0)
    return `Nothing to publish: the version of each of the ${out} crates to release is in the registry already.`;
  if (out === 0) return `${left} crate${left === 1 ? '' : 's'} to publish; none is out yet.`;
  return `${left} crate${left === 1 ? '' : 's'} to publish; ${out} already out (excluded, so that cargo publishes the rest).`;
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

/** The table for the step summary. */
export function reportForSummary(title: string, rows: Row[]): string {
  const out = [
    `### ${cell(title)}`,
    '',
    `| ${HEADINGS.join(' | ')} |`,
    '| --- | --- | --- | --- |',
  ];
  for (const row of rows) {
    const [name = '', version = '', has = '', happens = ''] = columns(row);
    out.push(`| ${codeCell(name)} | ${codeCell(version)} | ${cell(has)} | ${cell(happens)} |`);
  }
  out.push('', cell(verdict(rows)), '');
  return out.join('\n');
}
