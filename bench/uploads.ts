// `npm run bench:uploads`: what it costs that the credential provider's answer is not
// `operation_independent` (so cargo runs the provider before each upload, and every upload is
// recorded for post's release report). A real `cargo publish --workspace` of a chain of crates
// through the rig, at the real time scale, two ways, interleaved:
//   - as shipped: cargo asks the provider for its `read`, then before each upload;
//   - as before: the same provider, its answer rewritten on the way to cargo to
//     `"operation_independent":true`, so cargo keeps the first token for every upload.
// Both go through a one-line shell shim (`cat`, or `sed` that rewrites the answer), so the
// shim's own cost is in both.
// Prints, per workspace size: provider runs, exchanges at the registry, and the cargo
// step's wall time (median, p25–p75), and the difference per extra provider run.
import { chmod, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { cargoVersion, makeWorkspace, PUBLISH_WORKSPACE } from '../rig/cargo.js';
import type { Job } from '../rig/runner.js';
import { World } from '../rig/world.js';

const RUNS = Number(process.env.BENCH_RUNS ?? '7');
const SIZES = (process.env.BENCH_SIZES ?? '3,10').split(',').map(Number);
const REAL_TIME = { AUTH_ACTION_TIME_SCALE: '1' };

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  return ((sorted[Math.floor(at)] ?? 0) + (sorted[Math.ceil(at)] ?? 0)) / 2;
};
const spread = (values: number[]) =>
  `${quantile(values, 0.5).toFixed(0)} (${quantile(values, 0.25).toFixed(0)}–${quantile(values, 0.75).toFixed(0)})`;

type Mode = 'per upload' | 'reused';

/**
 * A wrapper for the wrapper: the provider's answer passed on as it is (`cat`), or made
 * operation_independent (`sed`, unbuffered: cargo waits for the hello before it sends its
 * request, and a buffering filter would hold it back).
 */
async function shim(job: Job, wrapper: string, mode: Mode): Promise<string> {
  const path = join(job.runnerTemp, mode === 'reused' ? 'shim-reused' : 'shim-per-upload');
  // portable: unbuffered is -u in GNU sed and -l in macOS's; the benchmark refuses Windows.
  const sed = process.platform === 'darwin' ? 'sed -l' : 'sed -u';
  const filter =
    mode === 'reused'
      ? `${sed} 's/"operation_independent":false/"operation_independent":true/'`
      : 'cat';
  await writeFile(path, `#!/bin/sh\n'${wrapper}' "$@" | ${filter}\n`);
  await chmod(path, 0o700);
  return path;
}

interface Run {
  providerRuns: number;
  exchanges: number;
  uploads: number;
  ms: number;
}

async function release(size: number, mode: Mode): Promise<Run> {
  const world = await World.start();
  const crates = Array.from({ length: size }, (_, i) => ({
    name: `chain-${i}`,
    version: '0.2.0',
    dependsOn: i === 0 ? [] : [`chain-${i - 1}`],
  }));
  for (const crate of crates) world.trust(crate.name, '0.1.0');
  const ws = await makeWorkspace(`${world.registry.url}/index/`, crates);
  try {
    let run: Omit<Run, 'exchanges' | 'uploads'> | undefined;
    await world.runJob({
      with: { 'credential-provider': 'true', 'registry-name': 'local' },
      env: REAL_TIME,
      between: async (main, job) => {
        const wrapper = main.exported.CARGO_REGISTRIES_LOCAL_CREDENTIAL_PROVIDER ?? '';
        const provider = await shim(job, wrapper, mode);
        const started = process.hrtime.bigint();
        const step = await world.runCommand(job, 'cargo', PUBLISH_WORKSPACE, {
          cwd: ws.dir,
          env: { ...ws.env, ...REAL_TIME, CARGO_REGISTRIES_LOCAL_CREDENTIAL_PROVIDER: provider },
        });
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        if (step.exitCode !== 0) throw new Error(`cargo failed:\n${step.log.join('\n')}`);
        const providerRuns = step.log.filter((line) =>
          line.startsWith('auth-action: cargo gets'),
        ).length;
        run = { providerRuns, ms };
      },
    });
    if (run === undefined) throw new Error('no release');
    if (world.registry.uploads.length !== size)
      throw new Error(`${world.registry.uploads.length} uploads`);
    return { ...run, exchanges: world.count('exchange'), uploads: world.count('publish') };
  } finally {
    await ws.remove();
    await world.stop();
  }
}

if (cargoVersion() === undefined) throw new Error('this benchmark needs cargo');
if (process.platform === 'win32') throw new Error('this benchmark uses a POSIX shell shim');
console.log(
  `${cargoVersion() ?? ''}; ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}; ${RUNS} runs of each after 1 warm-up, interleaved\n`,
);
const rows: string[] = [];
const varied = { runs: false };
for (const size of SIZES) {
  await release(size, 'per upload');
  await release(size, 'reused');
  const runs: Record<Mode, Run[]> = { 'per upload': [], reused: [] };
  for (let i = 0; i < RUNS; i++) {
    for (const mode of (i % 2 === 0
      ? ['per upload', 'reused']
      : ['reused', 'per upload']) as Mode[]) {
      runs[mode].push(await release(size, mode));
    }
  }
  const line = (mode: Mode) => {
    const all = runs[mode];
    const first = all[0] ?? { providerRuns: 0, exchanges: 0 };
    const same = all.every(
      (r) => r.providerRuns === first.providerRuns && r.exchanges === first.exchanges,
    );
    if (!same) varied.runs = true;
    return `| ${size} crates, ${mode === 'per upload' ? 'asked before each upload (shipped)' : 'one token reused (operation_independent)'} | ${first.providerRuns}${same ? '' : '*'} | ${first.exchanges}${same ? '' : '*'} | ${spread(all.map((r) => r.ms))} |`;
  };
  rows.push(line('per upload'), line('reused'));
  const extraRuns =
    (runs['per upload'][0]?.providerRuns ?? 0) - (runs.reused[0]?.providerRuns ?? 0);
  const extraMs =
    quantile(
      runs['per upload'].map((r) => r.ms),
      0.5,
    ) -
    quantile(
      runs.reused.map((r) => r.ms),
      0.5,
    );
  rows.push(
    `| ${size} crates: difference | +${extraRuns} | +0 | +${extraMs.toFixed(0)} (${(extraMs / Math.max(extraRuns, 1)).toFixed(0)} per extra provider run) |`,
  );
}
console.log('| release | provider runs | exchanges | cargo step, ms: median (p25–p75) |');
console.log('| --- | --- | --- | --- |');
for (const row of rows) console.log(row);
if (varied.runs) console.log('\n* differed between runs (the first run is shown)');
