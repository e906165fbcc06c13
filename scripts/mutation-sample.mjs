// `npm run mutate:sample -- N [SEED]`: an estimate of the whole-src/ mutation score from N
// mutants drawn at random, for a machine where `npm run mutate` does not fit (two cores: each
// mutant that reaches jest loads every unit test file again, ~30 s with its tests; a full run
// is many hours, see CONTRIBUTING's "The score").
//
// It lists every mutant Stryker would make (its own instrumenter, the files stryker.config.mjs
// mutates), draws N with a seeded generator, runs Stryker on exactly those places (`--mutate
// file:line:col-line:col`), and counts only the drawn mutants in the report (a place can hold
// smaller mutants too). The score is Stryker's: killed and timed out over killed, timed out,
// survived and no coverage; compile errors and static mutants (ignored) are not in it. It
// prints the estimate with a 95 % interval (Wilson).
//   npm run mutate:sample -- N [SEED]          (npm's Node 24: fs.globSync)
//   npm run mutate:sample -- --read N [SEED]   (the same sample, scored from the chunks done)
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scoreCounts } from './mutation-survivors.mjs';

/** mulberry32: a small seeded generator, so that a sample can be drawn again. */
function random(state) {
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` of `all`, drawn without replacement (Fisher-Yates) with the generator seeded by `seed`. */
export function drawSample(all, n, seed) {
  const next = random(seed);
  const order = all.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order.slice(0, Math.min(n, all.length)).map((i) => all[i]);
}

/**
 * A mutant of the instrumenter as a `--mutate` range: lines 1-based and columns 0-based there,
 * and a mutant is in a range that holds its whole place (end column included); the
 * instrumenter's lines and columns are 0-based.
 */
export function rangeOf({ fileName, location: { start, end } }) {
  return `${fileName}:${start.line + 1}:${start.column}-${end.line + 1}:${end.column}`;
}

/** A mutant's place and change as the report writes it: lines and columns 1-based. */
const reportKey = (file, { start, end }, m) =>
  `${file}:${start.line}:${start.column}-${end.line}:${end.column} ${m.mutatorName} ${m.replacement}`;

/**
 * The statuses of the drawn mutants in a Stryker JSON report, by status. A range holds the
 * smaller mutants inside the drawn one's place too: those are not counted.
 */
export function drawnStatuses(report, sample) {
  const shifted = ({ line, column }) => ({ line: line + 1, column: column + 1 });
  const wanted = new Set(
    sample.map((m) =>
      reportKey(m.fileName, { start: shifted(m.location.start), end: shifted(m.location.end) }, m),
    ),
  );
  const counts = {};
  for (const [file, { mutants }] of Object.entries(report.files)) {
    for (const m of mutants) {
      if (wanted.has(reportKey(file, m.location, m)))
        counts[m.status] = (counts[m.status] ?? 0) + 1;
    }
  }
  return counts;
}

/**
 * Stryker's score of `counts` (as scripts/mutation-survivors.mjs counts it) with its 95 % Wilson
 * interval; undefined when no mutant counts.
 */
export function scoreWithInterval(counts) {
  const { detected, valid } = scoreCounts(counts);
  if (valid === 0) return undefined;
  const p = detected / valid;
  const z2 = 1.96 * 1.96;
  const centre = (p + z2 / (2 * valid)) / (1 + z2 / valid);
  const half =
    (1.96 * Math.sqrt((p * (1 - p)) / valid + z2 / (4 * valid * valid))) / (1 + z2 / valid);
  return {
    detected,
    valid,
    score: p,
    low: Math.max(0, centre - half),
    high: Math.min(1, centre + half),
  };
}

/** Every file stryker.config.mjs mutates (fs.globSync: Node 22 and later, as npm's Node 24). */
function filesToMutate(patterns) {
  const { globSync } = fs;
  const include = patterns.filter((p) => !p.startsWith('!'));
  const exclude = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  const excluded = new Set(exclude.flatMap((p) => globSync(p)));
  return [...new Set(include.flatMap((p) => globSync(p)))].filter((f) => !excluded.has(f)).sort();
}

/** Every mutant Stryker makes in the files it mutates, before the checker and the dry run. */
async function allMutants(patterns) {
  const { Instrumenter } = await import('@stryker-mutator/instrumenter');
  const quietLogger = new Proxy({}, { get: () => () => false });
  const files = filesToMutate(patterns).map((name) => ({
    name,
    content: readFileSync(name, 'utf8'),
    mutate: true,
  }));
  const { mutants } = await new Instrumenter(quietLogger).instrument(files, {
    plugins: null,
    excludedMutations: [],
    ignorers: [],
  });
  return mutants.filter((m) => m.status !== 'Ignored');
}

/**
 * The sample runs in chunks of this many drawn mutants, one Stryker run each, whose reports are
 * kept: each chunk is itself a random sample (a slice of a random order), so a run stopped
 * part-way still gives an estimate from the chunks done, and a second run goes on from there.
 */
const CHUNK = 50;

/**
 * A chunk's report, named by what it holds: after a change to src/ the same seed draws other
 * mutants, and a report of the old ones must not be read as theirs.
 */
const chunkReport = (chunk) => {
  const hash = createHash('sha256');
  for (const m of chunk) hash.update(`${rangeOf(m)} ${m.mutatorName} ${m.replacement}\n`);
  return `reports/mutation-sample/chunk-${hash.digest('hex').slice(0, 16)}.json`;
};

/** Stryker over the places of `chunk` only, with the project's configuration otherwise. */
function runStryker(chunk, report) {
  const ranges = chunk.map(rangeOf);
  mkdirSync('reports', { recursive: true });
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
  return run.status === 0;
}

async function main(args) {
  const readOnly = args[0] === '--read';
  if (readOnly) args.shift();
  const n = Number(args[0]);
  const seed = Number(args[1] ?? 2024);
  if (!Number.isInteger(n) || n <= 0 || !Number.isInteger(seed)) {
    process.stderr.write('usage: npm run mutate:sample -- [--read] N [SEED]\n');
    return 2;
  }
  if (typeof fs.globSync !== 'function') {
    process.stderr.write(
      `fs.globSync needs Node 22 or later (this is ${process.version}): run it as \`npm run mutate:sample\`, which uses the project's Node 24.\n`,
    );
    return 2;
  }
  const { default: config } = await import('../stryker.config.mjs');
  const all = await allMutants(config.mutate);
  const sample = drawSample(all, n, seed);
  const chunks = [];
  for (let at = 0; at < sample.length; at += CHUNK) chunks.push(sample.slice(at, at + CHUNK));
  const counts = {};
  let done = [];
  for (const [i, chunk] of chunks.entries()) {
    const report = chunkReport(chunk);
    if (!fs.existsSync(report)) {
      if (readOnly) continue;
      process.stdout.write(`Chunk ${i + 1} of ${chunks.length}: ${chunk.length} drawn mutants.\n`);
      if (!runStryker(chunk, report)) {
        process.stderr.write(`Stryker did not finish chunk ${i + 1}: it is not counted.\n`);
        continue;
      }
    }
    const found = drawnStatuses(JSON.parse(readFileSync(report, 'utf8')), chunk);
    for (const [status, count] of Object.entries(found))
      counts[status] = (counts[status] ?? 0) + count;
    done = [...done, ...chunk];
  }
  const found = Object.values(counts).reduce((a, b) => a + b, 0);
  const result = scoreWithInterval(counts);
  const pct = (x) => `${(100 * x).toFixed(1)} %`;
  process.stdout.write(
    [
      `Mutants in src/ (Stryker's instrumenter, before the type checker and the static ones): ${all.length}`,
      `Drawn: ${sample.length} (seed ${seed}) in ${chunks.length} chunks; tested: ${done.length}, found in the reports: ${found}`,
      `By status: ${Object.entries(counts)
        .sort()
        .map(([status, count]) => `${status} ${count}`)
        .join(', ')}`,
      result === undefined
        ? 'No tested mutant was killed, timed out, survived or uncovered: no score.'
        : `Score of the tested mutants: ${pct(result.score)} (${result.detected} of ${result.valid}); 95 % interval ${pct(result.low)} to ${pct(result.high)}`,
    ].join('\n') + '\n',
  );
  return found === sample.length ? 0 : 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
