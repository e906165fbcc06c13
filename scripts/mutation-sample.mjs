// `npm run mutate:sample -- N [SEED]`: an estimate of the whole-src/ mutation score from N
// mutants drawn at random, for a machine where `npm run mutate` does not fit (two cores: each
// mutant that reaches jest loads every unit test file again, ~15 s; a full run is a day).
//
// It lists every mutant Stryker would make (its own instrumenter, the files stryker.config.mjs
// mutates), draws N with a seeded generator, runs Stryker on exactly those places (`--mutate
// file:line:col-line:col`), and counts only the drawn mutants in the report (a place can hold
// smaller mutants too). The score is Stryker's: killed and timed out over killed, timed out,
// survived and no coverage; compile errors and static mutants (ignored) are not in it. It
// prints the estimate with a 95 % interval (Wilson).
//   npm run mutate:sample -- N [SEED]          (npm's Node 24: fs.globSync)
//   npm run mutate:sample -- --read N [SEED]   (the same sample, scored from the last report)
import { spawnSync } from 'node:child_process';
import { globSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Instrumenter } from '@stryker-mutator/instrumenter';
import config from '../stryker.config.mjs';

const args = process.argv.slice(2);
const readOnly = args[0] === '--read';
if (readOnly) args.shift();
const n = Number(args[0]);
const seed = Number(args[1] ?? 2024);
if (!Number.isInteger(n) || n <= 0 || !Number.isInteger(seed)) {
  process.stderr.write('usage: npm run mutate:sample -- [--read] N [SEED]\n');
  process.exit(2);
}

/** Every file stryker.config.mjs mutates. */
function filesToMutate() {
  const include = config.mutate.filter((p) => !p.startsWith('!'));
  const exclude = config.mutate.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  const excluded = new Set(exclude.flatMap((p) => globSync(p)));
  return [...new Set(include.flatMap((p) => globSync(p)))].filter((f) => !excluded.has(f)).sort();
}

/** mulberry32: a small seeded generator, so that a sample can be drawn again. */
function random(state) {
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const quietLogger = new Proxy({}, { get: () => () => false });
const files = filesToMutate().map((name) => ({
  name,
  content: readFileSync(name, 'utf8'),
  mutate: true,
}));
const { mutants } = await new Instrumenter(quietLogger).instrument(files, {
  plugins: null,
  excludedMutations: [],
  ignorers: [],
});
const all = mutants.filter((m) => m.status !== 'Ignored');

// Fisher-Yates with the seed: the first n.
const draw = random(seed);
const order = all.map((_, i) => i);
for (let i = order.length - 1; i > 0; i--) {
  const j = Math.floor(draw() * (i + 1));
  [order[i], order[j]] = [order[j], order[i]];
}
const sample = order.slice(0, Math.min(n, all.length)).map((i) => all[i]);
// A mutant's place as the report writes it: lines and columns 1-based (the instrumenter's are
// 0-based).
const key = (file, { start, end }, m) =>
  `${file}:${start.line}:${start.column}-${end.line}:${end.column} ${m.mutatorName} ${m.replacement}`;
const shifted = ({ line, column }) => ({ line: line + 1, column: column + 1 });
const wanted = new Set(
  sample.map((m) =>
    key(m.fileName, { start: shifted(m.location.start), end: shifted(m.location.end) }, m),
  ),
);

const report = 'reports/mutation-sample/mutation.json';
if (!readOnly) {
  // In `--mutate`, lines are 1-based and columns 0-based; a mutant is in a range that holds its
  // whole place (end column included).
  const ranges = sample.map(
    ({ fileName, location: { start, end } }) =>
      `${fileName}:${start.line + 1}:${start.column}-${end.line + 1}:${end.column}`,
  );
  mkdirSync('reports', { recursive: true });
  writeFileSync('reports/mutation-sample-ranges.txt', `${ranges.join('\n')}\n`);
  // The project's configuration with the sample's places and a report of its own.
  const sampleConfig = 'reports/stryker.sample.config.mjs';
  writeFileSync(
    sampleConfig,
    `import base from '../stryker.config.mjs';\n` +
      `export default { ...base, mutate: ${JSON.stringify(ranges)}, incremental: false, ` +
      `reporters: ['progress-append-only', 'json'], jsonReporter: { fileName: '${report}' }, ` +
      // The sample's score is not the whole one: no threshold applies to it.
      `thresholds: { ...base.thresholds, break: null } };\n`,
  );
  const run = spawnSync(
    process.execPath,
    ['node_modules/@stryker-mutator/core/bin/stryker.js', 'run', sampleConfig],
    { stdio: 'inherit' },
  );
  if (run.status !== 0) {
    process.stderr.write(`Stryker ended with status ${run.status}: no score.\n`);
    process.exit(1);
  }
}

const counts = {};
for (const [file, { mutants: found }] of Object.entries(
  JSON.parse(readFileSync(report, 'utf8')).files,
)) {
  for (const m of found) {
    if (!wanted.has(key(file, m.location, m))) continue;
    counts[m.status] = (counts[m.status] ?? 0) + 1;
  }
}
const detected = (counts.Killed ?? 0) + (counts.Timeout ?? 0);
const valid = detected + (counts.Survived ?? 0) + (counts.NoCoverage ?? 0);
const p = detected / valid;
const z = 1.96;
const centre = (p + (z * z) / (2 * valid)) / (1 + (z * z) / valid);
const half =
  (z * Math.sqrt((p * (1 - p)) / valid + (z * z) / (4 * valid * valid))) / (1 + (z * z) / valid);
const pct = (x) => `${(100 * x).toFixed(1)} %`;
process.stdout.write(
  [
    `Mutants in src/ (Stryker's instrumenter, before the type checker and the static ones): ${all.length}`,
    `Drawn: ${sample.length} (seed ${seed}); found in the report: ${Object.values(counts).reduce((a, b) => a + b, 0)}`,
    `By status: ${Object.entries(counts)
      .sort()
      .map(([s, c]) => `${s} ${c}`)
      .join(', ')}`,
    `Score of the drawn mutants: ${pct(p)} (${detected} of ${valid}); 95 % interval ${pct(centre - half)} to ${pct(centre + half)}`,
  ].join('\n') + '\n',
);
