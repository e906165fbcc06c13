// `npm run bench:preflight`: what the check of a workspace (`workspace`) adds to the main step,
// on loopback: main + post without it, with a workspace of 3 crates, and of 50 (all in the
// registry, half of them at the version being released), launched as the runner launches the
// action. `BENCH_BASELINE=<dir>[:<dir>...]` adds other builds' dist/, the same cases for each
// (without `workspace` only, for a build from before the input). Runs are interleaved; prints
// a table. Then, once, main's peak memory (GNU time) and time against a hostile index:
// `BENCH_HOSTILE` crates (300 by default; 0 skips it) whose files are each nearly 8 MiB of
// short lines.
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { makeWorkspace, type Workspace } from '../rig/cargo.js';
import { cargoVersion } from '../rig/cargo.js';
import { shortLinesFile } from '../rig/registry.js';
import { World } from '../rig/world.js';
import { MAX_INDEX_FILE_BYTES } from '../src/preflight/check-index.js';
import { ACTION, baselinePairs, GNU_TIME, job } from './launch.js';

/** Whether an action.yml declares the `workspace` input (an older build does not). */
const hasWorkspaceInput = (file: string) => {
  try {
    return /^ {2}workspace:/m.test(readFileSync(file, 'utf8'));
  } catch {
    return false;
  }
};

const RUNS = Number(process.env.BENCH_RUNS ?? '20');
const WARMUP = 2;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = (sorted.length - 1) / 2;
  return ((sorted[Math.floor(mid)] ?? 0) + (sorted[Math.ceil(mid)] ?? 0)) / 2;
};
const quartiles = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.round((sorted.length - 1) * q)] ?? 0;
  return `${at(0.25).toFixed(0)}–${at(0.75).toFixed(0)}`;
};

if (cargoVersion() === undefined) throw new Error('the check of a workspace needs cargo');
const world = await World.start();
const spaces: Workspace[] = [];
try {
  const crates = (n: number, prefix: string) =>
    Array.from({ length: n }, (_, i) => ({ name: `${prefix}-${i}`, version: '0.2.0' }));
  const space = async (n: number, prefix: string) => {
    for (const [i, crate] of crates(n, prefix).entries()) {
      world.trust(crate.name, '0.1.0');
      if (i % 2 === 0) world.registry.addVersion(crate.name, '0.2.0');
    }
    const ws = await makeWorkspace(`${world.registry.url}/index/`, crates(n, prefix));
    spaces.push(ws);
    return ws;
  };
  const three = await space(3, 'three');
  const fifty = await space(50, 'fifty');
  const withWorkspace = (ws: Workspace) => ({
    INPUT_WORKSPACE: ws.dir,
    'INPUT_REGISTRY-NAME': 'local',
    CARGO_HOME: ws.env.CARGO_HOME ?? '',
    RUSTUP_HOME: ws.env.RUSTUP_HOME ?? '',
  });
  // This build, and each baseline: without `workspace`, and with it where that build has the
  // input (its action.yml, beside its dist/, declares it).
  const builds = [
    { name: 'this build', pair: ACTION, checks: true },
    ...baselinePairs().map((baseline) => ({
      name: `baseline (${baseline.name})`,
      pair: baseline,
      checks: hasWorkspaceInput(join(dirname(baseline.main), '..', 'action.yml')),
    })),
  ];
  const cases = builds.flatMap((build, b) => [
    { build: b, name: `${build.name}, no workspace`, pair: build.pair, env: {} },
    ...(build.checks
      ? [
          {
            build: b,
            name: `${build.name}, workspace of 3 crates`,
            pair: build.pair,
            env: withWorkspace(three),
          },
          {
            build: b,
            name: `${build.name}, workspace of 50 crates`,
            pair: build.pair,
            env: withWorkspace(fifty),
          },
        ]
      : []),
  ]);
  const times = cases.map(() => ({ main: [] as number[], post: [] as number[] }));
  for (let i = 0; i < WARMUP + RUNS; i++) {
    // Rotate the order, so that no case always runs on a warmer machine.
    for (let k = 0; k < cases.length; k++) {
      const at = (i + k) % cases.length;
      const c = cases[at];
      if (c === undefined) continue;
      const result = await job(world, c.pair, { env: c.env });
      if (i >= WARMUP) {
        times[at]?.main.push(result.main.ms);
        times[at]?.post.push(result.post.ms);
      }
    }
  }
  console.log(
    `auth-action pre-flight benchmark: ${RUNS} interleaved runs after ${WARMUP} warm-ups, ${cargoVersion() ?? ''}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${new Date().toISOString().slice(0, 10)}`,
  );
  console.log('');
  console.log(
    '| main step, ms: median (p25–p75) | main | added to main (to the same build without `workspace`) | post |',
  );
  console.log('| --- | --- | --- | --- |');
  cases.forEach((c, i) => {
    const t = times[i] ?? { main: [], post: [] };
    const base = median(times[cases.findIndex((other) => other.build === c.build)]?.main ?? []);
    const added = median(t.main) - base;
    console.log(
      `| ${c.name} | ${median(t.main).toFixed(1)} (${quartiles(t.main)}) | ${added >= 0 ? '+' : ''}${added.toFixed(1)} | ${median(t.post).toFixed(1)} |`,
    );
  });

  const hostile = Number(process.env.BENCH_HOSTILE ?? '300');
  if (hostile > 0 && GNU_TIME) {
    // Each file is made at each request: the bench holds none of them.
    const names = Array.from({ length: hostile }, (_, i) => `hostile-${i}`);
    for (const name of names) {
      world.registry.serveIndexFile(name, () => shortLinesFile(name, MAX_INDEX_FILE_BYTES - 64));
    }
    const big = await makeWorkspace(
      `${world.registry.url}/index/`,
      names.map((name) => ({ name, version: '0.5.0' })),
    );
    spaces.push(big);
    const rss = [
      { name: 'no workspace', env: {} },
      { name: 'workspace of 3 crates', env: withWorkspace(three) },
      { name: `${hostile} crates, each file nearly 8 MiB`, env: withWorkspace(big) },
    ];
    console.log('');
    console.log('| main step, once | max RSS, MiB | wall time, s |');
    console.log('| --- | --- | --- |');
    for (const c of rss) {
      const { main } = await job(world, ACTION, { env: c.env, measureRss: true });
      console.log(
        `| ${c.name} | ${((main.rssKiB ?? 0) / 1024).toFixed(0)} | ${(main.ms / 1000).toFixed(1)} |`,
      );
    }
  }
} finally {
  for (const ws of spaces) await ws.remove();
  await world.stop();
}
