// Dependencies cargo would take from the registry: a member to publish that needs a member this
// release does not publish, whose matching versions are all yanked, is named before any ID
// token, as cargo would stop at it; and cargo's requirement syntax, as the check reads it with
// npm's semver, selects what cargo's resolver selects.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DRY_RUN_WORKSPACE, runCargo, type Workspace } from '../../rig/cargo.js';
import { matches, npmRange, parseCargoReq } from '../../src/preflight/cargo-semver.js';
import { DOCS_URL } from '../../rig/runner.js';
import { expectStatusParagraphs } from '../expect-step.js';
import { withCargo } from './long-release.js';
import { expectNoIdToken, mainWith, useWorkspaceWorld } from './workspace-step.js';

const context = useWorkspaceWorld();

const CRATES = [
  { name: 'ya-a', version: '0.2.0' },
  { name: 'ya-b', version: '0.2.0', dependsOn: ['ya-a'] },
];

withCargo(
  'a member to publish needs a yanked version of one that is out: main fails before any ID token with the fix, where cargo would fail at that member',
  async () => {
    context.world.trust('ya-a', '0.1.0').trust('ya-b', '0.1.0');
    context.world.registry.addVersion('ya-a', '0.2.0').yank('ya-a', '0.2.0');
    const ws = await context.useWorkspace(CRATES);

    const main = await context.world.runMain(mainWith(ws));
    const dry = await runCargo([...DRY_RUN_WORKSPACE, '--exclude', 'ya-a'], ws.dir, ws.env);

    expect(main.exitCode).toBe(1);
    expectNoIdToken(context.world);
    expect(main.outputs).toEqual({});
    expect(main.annotations).toEqual([
      {
        level: 'error',
        message:
          '`ya-b` 0.2.0 needs `ya-a` `^0.2.0` from the registry (this release does not publish `ya-a`), and every version of `ya-a` there that matches it is yanked (0.2.0): ' +
          'cargo would stop at `ya-b` ("failed to select a version for the requirement … is yanked"), after publishing the crates before it. ' +
          "Bump `ya-a`'s version so that this release publishes a new one, and the requirement on it with it (or depend on a version that is not yanked). " +
          'Nothing was published and no token was requested; once that is fixed, re-run this job.',
      },
    ]);
    expect(dry.code).not.toBe(0);
    expect(dry.output).toContain(
      'failed to select a version for the requirement `ya-a = "^0.2.0"`\n    version 0.2.0 is yanked',
    );
    // No ✅ over a release that stops: the summary leads with the stop and the error's fix.
    expect(main.summary).toContain(
      `❌ **The release did not start**: nothing was published and no token was requested.\n\n${main.annotations[0]?.message ?? ''} See [failures before the exchange](${DOCS_URL}troubleshooting.md#failures-before-the-exchange).`,
    );
    // The member it stops at comes first.
    expect(main.summary.split('\n').filter((line) => line.startsWith('| `'))).toEqual([
      '| `ya-b` | `0.2.0` | 1 other version, latest 0.1.0 | to publish |',
      '| `ya-a` | `0.2.0` | this version, yanked | skipped: --exclude ya-a |',
    ]);
    expectStatusParagraphs(main);
  },
);

withCargo(
  'two index lines for that version, one yanked and one not: cargo can select it, so the release goes on',
  async () => {
    context.world.trust('ya-b', '0.1.0');
    const line = (yanked: boolean) =>
      JSON.stringify({
        name: 'ya-a',
        vers: '0.2.0',
        deps: [],
        cksum: '0'.repeat(64),
        features: {},
        yanked,
      });
    context.world.registry.serveIndexFile('ya-a', `${line(true)}\n${line(false)}\n`);
    const ws = await context.useWorkspace(CRATES);

    const main = await context.world.runMain(mainWith(ws, { 'credential-provider': 'false' }));
    const dry = await runCargo(
      [...DRY_RUN_WORKSPACE, ...(main.outputs['exclude-published'] ?? '').split(' ')],
      ws.dir,
      ws.env,
    );

    expect(main.exitCode).toBe(0);
    expect(main.outputs.unpublished).toBe('ya-b');
    expect(main.outputs['exclude-published']).toBe('--exclude ya-a');
    expect(dry.code).toBe(0);
    expect(dry.output).toContain('Uploading ya-b v0.2.0');
  },
);

/** The versions of each `rq-*` crate in the registry; 2.0.0 is yanked. */
const VERSIONS = [
  '0.1.0',
  '0.2.0',
  '0.2.1-beta.1',
  '0.2.1',
  '1.0.0-alpha',
  '1.0.0',
  '1.2.3',
  '1.3.0-rc.1',
  '1.4.0',
  '2.0.0',
  '2.1.0-pre',
];
const YANKED = '2.0.0';
const REQUIREMENTS = [
  // A bare version is caret in cargo (1.2 selects 1.4.0); npm would read it as 1.2.x or exact.
  '1.2',
  '1.2.3',
  '=1.2',
  '1',
  '0.2',
  '^0.2.0',
  '~0.2',
  '=0.2.1',
  '>=1.0.0-alpha, <1.0.0',
  '^1.2.3',
  '>1.0',
  '<=1.2',
  '*',
  '1.*',
  '^1.0.0-alpha',
  '~1.3.0-rc.1',
  '>= 0',
  '0.2.1-beta.1',
  '<0.2.1',
  '>=1.2, <2.*',
  '=1.3.0-rc.1',
  '0.2.*',
  '=2.0.0',
  '>=2',
  '^3',
  '~1.3',
];

/** What the check makes of a requirement: the highest version cargo can select, if any. */
function predicted(req: string): string | undefined {
  const parsed = parseCargoReq(req);
  const range = parsed && npmRange(parsed);
  if (range === undefined) throw new Error(`${req}: no range`);
  const usable = VERSIONS.filter((v) => v !== YANKED && matches(range, v) === true);
  return usable.at(-1);
}

/** A package depending on `rq-<i>` with each requirement, and what cargo selects for them. */
async function resolve(ws: Workspace, reqs: [number, string][]) {
  const deps = reqs.map(([i, req]) => `rq-${i} = { version = "${req}", registry = "local" }`);
  await writeFile(
    join(ws.dir, 'rq-user', 'Cargo.toml'),
    `[package]\nname = "rq-user"\nversion = "0.1.0"\nedition = "2021"\npublish = false\n\n[dependencies]\n${deps.join('\n')}\n`,
  );
  const run = await runCargo(['generate-lockfile'], ws.dir, ws.env);
  if (run.code !== 0) return { ok: false as const, output: run.output };
  const lock = await readFile(join(ws.dir, 'Cargo.lock'), 'utf8');
  const chosen = new Map(
    [...lock.matchAll(/name = "rq-(\d+)"\nversion = "([^"]+)"/g)].map((m) => [Number(m[1]), m[2]]),
  );
  return { ok: true as const, chosen };
}

withCargo(
  "cargo's requirement syntax, read with npm's semver, selects what cargo's resolver selects (caret by default, wildcards, comparators, pre-releases, yanked)",
  async () => {
    REQUIREMENTS.forEach((_, i) => {
      context.world.registry.addCrate(`rq-${i}`, VERSIONS[0] ?? '');
      for (const v of VERSIONS.slice(1)) context.world.registry.addVersion(`rq-${i}`, v);
      context.world.registry.yank(`rq-${i}`, YANKED);
    });
    const ws = await context.useWorkspace([
      { name: 'rq-user', version: '0.1.0', publish: 'false' },
    ]);
    const cases = REQUIREMENTS.map((req, i) => ({ i, req, expected: predicted(req) }));
    const selectable = cases.filter((c) => c.expected !== undefined);

    const together = await resolve(
      ws,
      selectable.map((c) => [c.i, c.req]),
    );
    expect(together.ok).toBe(true);
    if (together.ok) {
      expect(selectable.map((c) => [c.req, together.chosen.get(c.i)])).toEqual(
        selectable.map((c) => [c.req, c.expected]),
      );
    }
    // Nothing cargo can select: the check's `usable` is false, and cargo fails to resolve.
    const none = cases.filter((c) => c.expected === undefined);
    expect(none.map((c) => c.req)).toEqual(['=2.0.0', '>=2', '^3', '~1.3']);
    for (const c of none) {
      const alone = await resolve(ws, [[c.i, c.req]]);
      expect([c.req, alone.ok]).toEqual([c.req, false]);
      if (!alone.ok)
        expect(alone.output).toContain(
          `failed to select a version for the requirement \`rq-${c.i} = "${c.req}"\``,
        );
    }
  },
);
