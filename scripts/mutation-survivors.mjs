// After `npm run mutate`: the score, the score by folder, and every mutant that survived or
// had no test, from Stryker's JSON report. This list is the project's list of live mutants
// (CONTRIBUTING's "Mutation testing"): it is printed, never kept by hand.
//   node scripts/mutation-survivors.mjs [report.json]            plain text, for a terminal
//   node scripts/mutation-survivors.mjs --summary [report.json]  Markdown, for a step summary
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const pct = (a, b) => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(2)} %`);

/**
 * The counts Stryker's score is made of: detected (killed or timed out), covered (detected or
 * survived) and valid (covered or reached by no test); compile errors and ignored are outside.
 */
export function scoreCounts(counts) {
  const detected = (counts.Killed ?? 0) + (counts.Timeout ?? 0);
  const covered = detected + (counts.Survived ?? 0);
  return { detected, covered, valid: covered + (counts.NoCoverage ?? 0) };
}

/** Stryker's score: detected of all valid mutants; and of covered ones. */
function score(counts) {
  const { detected, covered, valid } = scoreCounts(counts);
  return { total: pct(detected, valid), covered: pct(detected, covered) };
}

const countsLine = (counts) =>
  Object.entries(counts)
    .sort()
    .map(([status, n]) => `${status} ${n}`)
    .join(', ');

/** `src/redact/redact.ts` → `src/redact/`; a file directly in src/ is `src/`. */
const folderOf = (path) => path.replace(/[^/]*$/, '');

/** What the report says: the score overall and by folder, and the mutants still alive. */
export function summarize(report) {
  const counts = {};
  const byFolder = new Map();
  const open = [];
  for (const [path, file] of Object.entries(report.files)) {
    const folder = byFolder.get(folderOf(path)) ?? {};
    byFolder.set(folderOf(path), folder);
    for (const m of file.mutants) {
      counts[m.status] = (counts[m.status] ?? 0) + 1;
      folder[m.status] = (folder[m.status] ?? 0) + 1;
      if (m.status === 'Survived' || m.status === 'NoCoverage') {
        const { line } = m.location.start;
        const shown = (m.replacement ?? m.mutatorName)
          .replace(/\s+/g, ' ')
          .replace(/`/g, "'")
          .slice(0, 60);
        open.push(`- \`${path}:${line}\` ${m.mutatorName} → \`${shown}\` (${m.status})`);
      }
    }
  }
  const folders = [...byFolder.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([folder, c]) => ({ folder, ...score(c), counts: countsLine(c) }));
  // Files in order, then by line: the list reads like the source.
  const lineOf = (item) => Number(/:(\d+)`/.exec(item)?.[1] ?? 0);
  const fileOf = (item) => /`([^:`]+):/.exec(item)?.[1] ?? '';
  open.sort((a, b) => fileOf(a).localeCompare(fileOf(b)) || lineOf(a) - lineOf(b));
  return { ...score(counts), counts: countsLine(counts), folders, open };
}

/** The summary as text for a terminal. */
export function asText(summary) {
  return [
    `Mutation score ${summary.total} (of covered code ${summary.covered}).`,
    summary.counts,
    '',
    ...summary.folders.map((f) => `${f.folder}: ${f.total} (${f.counts})`),
    '',
    ...summary.open,
  ].join('\n');
}

/** The summary as Markdown for GitHub's step summary: the list folded, as it is long. */
export function asMarkdown(summary) {
  return [
    '## Mutation testing of src/',
    '',
    `**Mutation score ${summary.total}** (of covered code ${summary.covered}). ${summary.counts}.`,
    '',
    '| folder | score | mutants |',
    '| --- | --- | --- |',
    ...summary.folders.map((f) => `| \`${f.folder}\` | ${f.total} | ${f.counts} |`),
    '',
    `<details><summary>${summary.open.length} mutants still alive (survived, or no test reaches them)</summary>`,
    '',
    ...summary.open,
    '',
    '</details>',
    '',
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const markdown = args.includes('--summary');
  const file = args.find((a) => a !== '--summary') ?? 'reports/mutation/mutation.json';
  const summary = summarize(JSON.parse(readFileSync(file, 'utf8')));
  console.log(markdown ? asMarkdown(summary) : asText(summary));
}
