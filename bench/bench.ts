// `npm run bench`: times the bundled action against the floor (bench/floor/), both launched as
// the runner launches a node24 action, against the rig's OIDC service and a registry over HTTPS
// on loopback (`BENCH_PROTOCOL=http`: plain http). `BENCH_BASELINE=<dir>[:<dir>...]` runs other
// builds' dist/ in the same run (say, earlier commits'), so that builds are compared on the same
// machine in the same minutes. Runs are interleaved so that drift on the machine falls on all
// alike. Prints a table.
import { spawnSync } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { cpus } from 'node:os';
import { NODE24 } from '../rig/node24.js';
import {
  ACTION,
  baselinePairs,
  FLOOR,
  GNU_TIME,
  job,
  startBenchWorld,
  type Pair,
} from './launch.js';

const RUNS = Number(process.env.BENCH_RUNS ?? '40');
const WARMUP = 3;

/** The q-quantile (0..1) of values, by linear interpolation. */
const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = sorted[Math.floor(at)] ?? 0;
  const high = sorted[Math.ceil(at)] ?? 0;
  return low + (high - low) * (at - Math.floor(at));
};
const median = (values: number[]) => quantile(values, 0.5);
/** Median with the interquartile range, so that the noise of a shared machine shows. */
const spread = (values: number[], digits = 1, unit = '') =>
  `${median(values).toFixed(digits)}${unit} (${quantile(values, 0.25).toFixed(digits)}–${quantile(values, 0.75).toFixed(digits)})`;

interface Contender {
  name: string;
  pair: Pair;
  times: { main: number; post: number }[];
  rss: number[];
}
const contender = (name: string, pair: Pair): Contender => ({ name, pair, times: [], rss: [] });

const floor = contender('floor', FLOOR);
const actions = [
  contender("this build's dist/", ACTION),
  ...baselinePairs().map((baseline) => contender(`baseline (${baseline.name})`, baseline)),
];
const all = [floor, ...actions];

const bench = await startBenchWorld();
try {
  const { world, env } = bench;
  for (let i = 0; i < WARMUP; i++) for (const who of all) await job(world, who.pair, { env });
  for (let i = 0; i < RUNS; i++) {
    // Rotate which goes first, so that none always runs on a warmer machine.
    const order = all.map((_, k) => all[(i + k) % all.length] ?? floor);
    for (const who of order) {
      const result = await job(world, who.pair, { env });
      who.times.push({ main: result.main.ms, post: result.post.ms });
    }
    if (GNU_TIME) {
      for (const who of order) {
        const result = await job(world, who.pair, { env, measureRss: true });
        who.rss.push(Math.max(result.main.rssKiB ?? 0, result.post.rssKiB ?? 0));
      }
    }
  }
  /** Each run of an action against the floor's run of the same round, so drift cancels out. */
  const ratios = (ours: number[], floors: number[]) => ours.map((v, i) => v / (floors[i] ?? v));
  const row = (name: string, pick: (t: { main: number; post: number }) => number) => {
    const floors = floor.times.map(pick);
    const cells = actions.map((who) => {
      const ours = who.times.map(pick);
      return `${spread(ours)} | ${spread(ratios(ours, floors), 2, '×')}`;
    });
    return `| ${name} | ${spread(floors)} | ${cells.join(' | ')} |`;
  };
  /**
   * On a busy machine a run can only be slowed, never sped up: the fastest tenth of each
   * one's runs is the least disturbed, and the ratio of those is a second reading.
   */
  const fastest = (pick: (t: { main: number; post: number }) => number) => {
    const p10 = (who: Contender) => quantile(who.times.map(pick), 0.1);
    const cells = actions.map(
      (who) => `${p10(who).toFixed(1)} | ${(p10(who) / p10(floor)).toFixed(2)}×`,
    );
    return `| main + post, fastest tenth (p10) | ${p10(floor).toFixed(1)} | ${cells.join(' | ')} |`;
  };
  const heads = actions.map((who) => `${who.name} | ratio to the floor`).join(' | ');
  const lines = [
    `auth-action benchmark: ${RUNS} interleaved runs after ${WARMUP} warm-ups, the registry over ${bench.protocol.toUpperCase()}, Node ${spawnSync(NODE24, ['--version']).stdout.toString().trim()}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${new Date().toISOString().slice(0, 10)}`,
    '',
    `| wall time, ms: median (p25–p75) | floor | ${heads} |`,
    `| --- | --- |${' --- | --- |'.repeat(actions.length)}`,
    row('main', (t) => t.main),
    row('post', (t) => t.post),
    row('main + post', (t) => t.main + t.post),
    fastest((t) => t.main + t.post),
  ];
  if (GNU_TIME) {
    const mib = (values: number[]) => values.map((kib) => kib / 1024);
    const cells = actions.map(
      (who) => `${spread(mib(who.rss))} | ${spread(ratios(who.rss, floor.rss), 2, '×')}`,
    );
    lines.push(
      `| peak memory, MiB: max RSS of either phase | ${spread(mib(floor.rss))} | ${cells.join(' | ')} |`,
    );
  } else {
    lines.push('| peak memory | n/a: GNU time (/usr/bin/time) is not installed | | |');
  }
  lines.push('');
  for (const who of actions) {
    const bytes = (await stat(who.pair.main)).size + (await stat(who.pair.post)).size;
    lines.push(`${who.name}: main.js + post.js ${(bytes / 1024).toFixed(1)} KiB (${bytes} bytes)`);
  }
  console.log(lines.join('\n'));
} finally {
  await bench.stop();
}
