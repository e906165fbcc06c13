// `npm run bench:profile`: where the action's start-up time goes, beside the floor's (or beside
// another build's, the first of `BENCH_BASELINE`), in the world of `npm run bench`. Runs main and
// post of both under V8's CPU profiler (--cpu-prof) with a hook that lists the built-in modules
// each process loaded; prints self time by place, largest difference first, and the built-ins
// the action loads that the other does not. This is how the figures in docs/performance.md were
// found; profiling slows both, so read it for where, not how much.
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { removeTree } from '../rig/remove-tree.js';
import { ROOT } from '../rig/runner.js';
import {
  ACTION,
  baselinePairs,
  type BenchWorld,
  FLOOR,
  job,
  startBenchWorld,
  type Pair,
} from './launch.js';

const RUNS = Number(process.env.BENCH_RUNS ?? '12');
const TOP = 12;

/** The part of a .cpuprofile this script reads. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string } }[];
  samples: number[];
  timeDeltas: number[];
}

/** Records the built-in modules the process loaded, for the list of what only the action loads. */
const MODULE_HOOK = `const { writeFileSync } = process.getBuiltinModule('node:fs');
const { basename, join } = process.getBuiltinModule('node:path');
process.on('exit', () => {
  const name = basename(process.argv[1]).replace(/\\.m?js$/, '');
  writeFileSync(join(process.env.BENCH_PROFILE_DIR, name + '-' + process.pid + '.modules'),
    process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice(13)).join('\\n'));
});
`;

/** A sample's place: the script, node's module, or V8's own bucket ((program), (idle), GC). */
function placeOf(frame: { functionName: string; url: string }): string {
  if (frame.url.endsWith('/hook.mjs')) return "(this script's module list hook)";
  if (frame.url.startsWith('file://')) return relative(ROOT, fileURLToPath(frame.url));
  if (frame.url !== '') return frame.url;
  return frame.functionName.startsWith('(') ? frame.functionName : `native ${frame.functionName}`;
}

/** Milliseconds of self time per place, summed over one profile. */
function selfTime(profile: CpuProfile): Map<string, number> {
  const places = new Map(profile.nodes.map((node) => [node.id, placeOf(node.callFrame)]));
  const time = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const place = places.get(id) ?? '?';
    time.set(place, (time.get(place) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return time;
}

/** Profiles RUNS jobs of a pair; per phase, the mean self time per place and the modules loaded. */
async function profile(bench: BenchWorld, pair: Pair) {
  const dir = await mkdtemp(join(tmpdir(), 'auth-action-profile-'));
  try {
    const hook = join(dir, 'hook.mjs');
    await writeFile(hook, MODULE_HOOK);
    const nodeArgs = [
      '--cpu-prof',
      `--cpu-prof-dir=${dir}`,
      '--cpu-prof-interval=50',
      `--import=${hook}`,
    ];
    for (let i = 0; i < RUNS; i++)
      await job(bench.world, pair, { nodeArgs, env: { ...bench.env, BENCH_PROFILE_DIR: dir } });
    const result = {
      main: { time: new Map<string, number>(), modules: new Set<string>() },
      post: { time: new Map<string, number>(), modules: new Set<string>() },
    };
    const mainPlace = relative(ROOT, pair.main);
    for (const file of await readdir(dir)) {
      const text = await readFile(join(dir, file), 'utf8');
      if (file.endsWith('.modules')) {
        const phase = file.startsWith('main') ? result.main : result.post;
        for (const name of text.split('\n')) phase.modules.add(name);
      } else if (file.endsWith('.cpuprofile')) {
        const time = selfTime(JSON.parse(text) as CpuProfile);
        const phase = time.has(mainPlace) ? result.main : result.post;
        for (const [place, ms] of time)
          phase.time.set(place, (phase.time.get(place) ?? 0) + ms / RUNS);
      }
    }
    return result;
  } finally {
    await removeTree(dir);
  }
}

const [baseline] = baselinePairs();
const OTHER = baseline ?? FLOOR;
const otherName = baseline ? `baseline (${baseline.name})` : 'floor';
const bench = await startBenchWorld();
try {
  // The rig's servers warm up on their first requests: that wait would land on whoever goes first.
  for (let i = 0; i < 3; i++) {
    for (const pair of [ACTION, OTHER]) await job(bench.world, pair, { env: bench.env });
  }
  const action = await profile(bench, ACTION);
  const floor = await profile(bench, OTHER);
  console.log(
    `auth-action profile: ${RUNS} runs of each against the ${otherName}, the registry over ${bench.protocol.toUpperCase()}, self time in ms per run (V8 sampling every 50 µs)`,
  );
  for (const phase of ['main', 'post'] as const) {
    const ours = action[phase].time;
    const theirs = floor[phase].time;
    // The scripts themselves differ by name: compare the action's bundle with the other's.
    const script = (pair: Pair) => relative(ROOT, pair[phase]);
    const rows = [...new Set([...ours.keys(), ...theirs.keys()])]
      .filter((place) => place !== script(OTHER))
      .map((place) => {
        const a = ours.get(place) ?? 0;
        const f =
          place === script(ACTION) ? (theirs.get(script(OTHER)) ?? 0) : (theirs.get(place) ?? 0);
        return { place, a, f };
      })
      .sort((x, y) => y.a - y.f - (x.a - x.f));
    const total = (time: Map<string, number>) => [...time.values()].reduce((s, ms) => s + ms, 0);
    console.log(
      `\n${phase}: ${total(ours).toFixed(1)} ms profiled against the ${otherName}'s ${total(theirs).toFixed(1)} ms`,
    );
    console.log(`\n| where | auth-action | ${otherName} | more |`);
    console.log('| --- | --- | --- | --- |');
    for (const { place, a, f } of rows.slice(0, TOP)) {
      const name = place === script(ACTION) ? `${place} (the other: its own script)` : place;
      console.log(`| ${name} | ${a.toFixed(2)} | ${f.toFixed(2)} | ${(a - f).toFixed(2)} |`);
    }
    const extra = [...action[phase].modules].filter((m) => !floor[phase].modules.has(m)).sort();
    console.log(
      `\nBuilt-in modules ${phase} loads that the ${otherName} does not: ${extra.join(', ') || 'none'}`,
    );
  }
} finally {
  await bench.stop();
}
