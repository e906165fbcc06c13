// After `npm run mutate`: the score and every mutant that survived or had no test, from
// Stryker's JSON report, as the Markdown list CONTRIBUTING's "Mutation testing" keeps.
//   node scripts/mutation-survivors.mjs [reports/mutation/mutation.json]
import { readFileSync } from 'node:fs';

const report = JSON.parse(
  readFileSync(process.argv[2] ?? 'reports/mutation/mutation.json', 'utf8'),
);
const counts = {};
const open = [];
for (const [path, file] of Object.entries(report.files)) {
  for (const m of file.mutants) {
    counts[m.status] = (counts[m.status] ?? 0) + 1;
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
const detected = (counts.Killed ?? 0) + (counts.Timeout ?? 0);
const valid = detected + (counts.Survived ?? 0) + (counts.NoCoverage ?? 0);
const covered = detected + (counts.Survived ?? 0);
const pct = (a, b) => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(2)} %`);
console.log(`Mutation score ${pct(detected, valid)} (of covered code ${pct(detected, covered)}).`);
console.log(
  Object.entries(counts)
    .sort()
    .map(([status, n]) => `${status} ${n}`)
    .join(', '),
);
console.log(open.sort().join('\n'));
