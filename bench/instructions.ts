// `npm run bench:instructions`: the instructions the CPU runs for main and for post, counted by
// valgrind (callgrind), for this build, the floor and the builds `BENCH_BASELINE` names, in the
// world of `npm run bench` (HTTPS unless BENCH_PROTOCOL=http). A count hardly moves with the
// load on the machine, as wall time does: it shows a change of a per cent that a shared
// machine's noise hides. Each process is counted whole, node's own start-up included (the
// same for all). Slow: valgrind runs node about fifty times slower.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeTree } from '../rig/remove-tree.js';
import { ACTION, baselinePairs, FLOOR, job, startBenchWorld, type Pair } from './launch.js';

const RUNS = Number(process.env.BENCH_RUNS ?? '3');

if (spawnSync('valgrind', ['--version']).status !== 0) {
  throw new Error('bench:instructions needs valgrind (Debian: apt-get install valgrind)');
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = (sorted.length - 1) / 2;
  return ((sorted[Math.floor(mid)] ?? 0) + (sorted[Math.ceil(mid)] ?? 0)) / 2;
};

/**
 * The instructions of one process, less those of the primality test with which V8 draws its
 * random hash secret (`detail::sprp`): a few million that vary from run to run. Without them
 * a count repeats to within about 0.1%. (Fixing the seed with --hash-seed would not do: node
 * then rejects the code cache of its own modules and compiles them all.)
 */
function instructions(file: string): number {
  const annotated = spawnSync('callgrind_annotate', ['--threshold=100', file], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const total = /^\s*([\d,]+) .*PROGRAM TOTALS/m.exec(annotated.stdout)?.[1];
  if (total === undefined) throw new Error(`${file}: callgrind_annotate printed no total`);
  const sprp = /^\s*([\d,]+) .*detail::sprp/m.exec(annotated.stdout)?.[1] ?? '0';
  const count = (digits: string) => Number(digits.replaceAll(',', ''));
  return count(total) - count(sprp);
}

/** Total instructions (callgrind's `Ir`) of each phase, over RUNS jobs. */
async function count(
  bench: Awaited<ReturnType<typeof startBenchWorld>>,
  pair: Pair,
): Promise<{ main: number[]; post: number[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'auth-action-callgrind-'));
  try {
    const result = { main: [] as number[], post: [] as number[] };
    for (let i = 0; i < RUNS; i++) {
      await job(bench.world, pair, {
        env: bench.env,
        wrap: (phase) => [
          'valgrind',
          '--tool=callgrind',
          // V8 writes the code it runs: valgrind must look for that.
          '--smc-check=all-non-file',
          '--quiet',
          `--callgrind-out-file=${join(dir, `${phase}-${i}.out`)}`,
        ],
      });
    }
    for (const file of await readdir(dir)) {
      (file.startsWith('main') ? result.main : result.post).push(instructions(join(dir, file)));
    }
    return result;
  } finally {
    await removeTree(dir);
  }
}

const contenders = [
  { name: 'floor', pair: FLOOR },
  { name: "this build's dist/", pair: ACTION },
  ...baselinePairs().map((baseline) => ({ name: `baseline (${baseline.name})`, pair: baseline })),
];
const bench = await startBenchWorld();
try {
  // The rig's servers warm up on their first requests.
  for (const { pair } of contenders) await job(bench.world, pair, { env: bench.env });
  const counts = [];
  for (const c of contenders) counts.push({ ...c, ...(await count(bench, c.pair)) });
  const floor = counts[0];
  const millions = (n: number) => (n / 1e6).toFixed(1);
  const cell = (values: number[], floorValues: number[]) =>
    `${millions(median(values))} (${millions(Math.min(...values))}–${millions(Math.max(...values))}) | ${(median(values) / median(floorValues)).toFixed(3)}×`;
  console.log(
    `auth-action instruction counts: callgrind, ${RUNS} runs of each, the registry over ${bench.protocol.toUpperCase()}, ${new Date().toISOString().slice(0, 10)}`,
  );
  console.log('');
  console.log(
    '| millions of instructions: median (min–max) | main | ratio | post | ratio | main + post | ratio |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const c of counts) {
    const both = c.main.map((m, i) => m + (c.post[i] ?? 0));
    const floorBoth = (floor?.main ?? []).map((m, i) => m + (floor?.post[i] ?? 0));
    console.log(
      `| ${c.name} | ${cell(c.main, floor?.main ?? [])} | ${cell(c.post, floor?.post ?? [])} | ${cell(both, floorBoth)} |`,
    );
  }
} finally {
  await bench.stop();
}
