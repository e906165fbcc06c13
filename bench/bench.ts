// `npm run bench`: times the bundled action against the floor (bench/floor/), both launched as
// the runner launches a node24 action, against the rig's OIDC service and registry on loopback.
// Runs are interleaved so that drift on the machine falls on both alike. Prints a table.
import { spawnSync } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { cpus } from 'node:os';
import { NODE24 } from '../rig/node24.js';
import { World } from '../rig/world.js';
import { ACTION, FLOOR, GNU_TIME, job } from './launch.js';

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
const spread = (values: number[]) =>
  `${median(values).toFixed(1)} (${quantile(values, 0.25).toFixed(0)}–${quantile(values, 0.75).toFixed(0)})`;

const world = await World.start();
try {
  for (let i = 0; i < WARMUP; i++) {
    await job(world, FLOOR);
    await job(world, ACTION);
  }
  const times = {
    floor: [] as { main: number; post: number }[],
    action: [] as { main: number; post: number }[],
  };
  const rss = { floor: [] as number[], action: [] as number[] };
  for (let i = 0; i < RUNS; i++) {
    // Alternate which goes first, so neither always runs on a warmer machine.
    const order: ('floor' | 'action')[] = i % 2 === 0 ? ['floor', 'action'] : ['action', 'floor'];
    for (const who of order) {
      const result = await job(world, who === 'floor' ? FLOOR : ACTION);
      times[who].push({ main: result.main.ms, post: result.post.ms });
    }
    if (GNU_TIME) {
      for (const who of order) {
        const result = await job(world, who === 'floor' ? FLOOR : ACTION, { measureRss: true });
        rss[who].push(Math.max(result.main.rssKiB ?? 0, result.post.rssKiB ?? 0));
      }
    }
  }
  const row = (name: string, pick: (t: { main: number; post: number }) => number) => {
    const floor = times.floor.map(pick);
    const action = times.action.map(pick);
    // Pair by pair: each action run against the floor run beside it, so drift cancels out.
    const ratios = action.map((ms, i) => ms / (floor[i] ?? ms));
    return `| ${name} | ${spread(floor)} | ${spread(action)} | ${median(ratios).toFixed(2)}× |`;
  };
  const distBytes = (await stat(ACTION.main)).size + (await stat(ACTION.post)).size;
  const lines = [
    `auth-action benchmark: ${RUNS} interleaved runs after ${WARMUP} warm-ups, Node ${spawnSync(NODE24, ['--version']).stdout.toString().trim()}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${new Date().toISOString().slice(0, 10)}`,
    '',
    '| wall time, ms: median (p25–p75) | floor | auth-action | ratio, median of pairs |',
    '| --- | --- | --- | --- |',
    row('main', (t) => t.main),
    row('post', (t) => t.post),
    row('main + post', (t) => t.main + t.post),
  ];
  if (GNU_TIME) {
    const mib = (values: number[]) => values.map((kib) => kib / 1024);
    const ratio = median(rss.action.map((kib, i) => kib / (rss.floor[i] ?? kib)));
    lines.push(
      `| peak memory, MiB: max RSS of either phase | ${spread(mib(rss.floor))} | ${spread(mib(rss.action))} | ${ratio.toFixed(2)}× |`,
    );
  } else {
    lines.push('| peak memory | n/a: GNU time (/usr/bin/time) is not installed | | |');
  }
  lines.push(
    '',
    `dist/main.js + dist/post.js: ${(distBytes / 1024).toFixed(1)} KiB (${distBytes} bytes)`,
  );
  console.log(lines.join('\n'));
} finally {
  await world.stop();
}
