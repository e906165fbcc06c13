// A hostile index: files just under the 8 MiB bound, each some 150 000 short lines. The main
// step reads them with its heap capped at 64 MB (the check before this one kept every version
// of every file and ran out of memory with a dozen), under the check's budget at 5 s
// (AUTH_ACTION_TIME_SCALE 0.25), and no warning blames the index. That the step's own reading
// time is not charged to the index is proven on a virtual clock, where it does not depend on
// this machine's speed (unit/preflight-workspace.test.ts, "the step's own reading time").

import { shortLinesFile } from '../../rig/registry.js';
import { MAX_INDEX_FILE_BYTES } from '../../src/preflight/check-index.js';
import { withCargo } from './long-release.js';
import { mainWith, useWorkspaceWorld } from './workspace-step.js';

const FILES = 12;

const context = useWorkspaceWorld();

withCargo(
  `${FILES} index files of nearly 8 MiB: read in a 64 MB heap, and nothing blamed on the index (cargo not asked: what is tested is the step's memory, not a decision cargo makes)`,
  async () => {
    const names = Array.from({ length: FILES }, (_, i) => `big-${i}`);
    for (const name of names) {
      context.world.registry.serveIndexFile(name, shortLinesFile(name, MAX_INDEX_FILE_BYTES - 64));
    }
    const ws = await context.useWorkspace(names.map((name) => ({ name, version: '0.5.0' })));
    const step = mainWith(ws, { 'credential-provider': 'false' });

    const main = await context.world.runMain({
      ...step,
      env: { ...step.env, NODE_OPTIONS: '--max-old-space-size=64' },
      killAfterMs: 120_000,
    });

    expect(main.exitCode).toBe(0);
    expect(main.annotations).toEqual([]);
    expect(main.outputs.unpublished).toBe('');
    expect(main.outputs['exclude-published']).toBe(names.map((n) => `--exclude ${n}`).join(' '));
    expect(main.log.join('\n')).toMatch(/big-0 +0\.5\.0 +this version +skipped/);
  },
);
