// The world of the long-release tests: a three-crate workspace (tp-c depends on tp-b, tp-b
// on tp-a) whose release outlives its token, in seconds. The action assumes tokens live
// 30 minutes times AUTH_ACTION_TIME_SCALE (18 s here), and the registry's do live 18 s. Each
// crate shows in the index 10 s after its upload and cargo waits for it before the next, so
// the third upload comes about 22 s after the first token was minted.
import { cargoVersion, makeWorkspace, PUBLISH_WORKSPACE, type Workspace } from '../../rig/cargo.js';
import type { Job, StepResult } from '../../rig/runner.js';
import { World } from '../../rig/world.js';
import { testWithTool } from '../skip.js';

const SCALE = 0.01;
const CRATES = [
  { name: 'tp-a', version: '0.2.0' },
  { name: 'tp-b', version: '0.2.0', dependsOn: ['tp-a'] },
  { name: 'tp-c', version: '0.2.0', dependsOn: ['tp-b'] },
];

/** What every step of these jobs has in its environment: the scaled clock. */
export const scaled = { AUTH_ACTION_TIME_SCALE: String(SCALE) };

/** Without cargo these are listed as skipped, saying why; in CI (CI=true) they fail. */
export const withCargo = testWithTool(
  'cargo',
  cargoVersion() !== undefined,
  'the long-release tests',
);

export interface ReleaseWorld {
  world: World;
  /** `run: cargo publish --workspace`, a later step of the job, with `extra` in its `env:`. */
  release(job: Job, extra?: Record<string, string>): Promise<StepResult>;
}

/** Starts a fresh world and workspace before each test, and checks for leaks after it. */
export function useReleaseWorld(): ReleaseWorld {
  let workspace: Workspace | undefined;
  const context = {
    world: undefined as unknown as World,
    release: (job: Job, extra: Record<string, string> = {}) => {
      if (workspace === undefined) throw new Error('no workspace');
      return context.world.runCommand(job, 'cargo', PUBLISH_WORKSPACE, {
        cwd: workspace.dir,
        env: { ...workspace.env, ...scaled, ...extra },
        killAfterMs: 110_000,
      });
    },
  };
  beforeEach(async () => {
    context.world = await World.start({
      tokenLifetimeMs: 30 * 60_000 * SCALE,
      indexDelayMs: 10_000,
    });
    for (const crate of CRATES) context.world.trust(crate.name, '0.1.0');
    workspace = await makeWorkspace(`${context.world.registry.url}/index/`, CRATES);
  });
  afterEach(async () => {
    await workspace?.remove();
    await context.world.stopAndCheckLeaks();
  });
  return context;
}

/** A step's log as the run page shows it. */
export const output = (step: StepResult | undefined): string => step?.log.join('\n') ?? '';
