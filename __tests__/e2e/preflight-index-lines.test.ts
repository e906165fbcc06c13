// Index lines, cargo against the check: one workspace with a crate for each line of the corpus
// (__tests__/index-lines.ts), each crate's index file that line after one for an older version.
// `cargo publish --workspace --dry-run` says which versions "already exist" (a warning in a dry
// run), and the bundled main step's `exclude-published` must leave out exactly those (and the
// yanked one, which crates.io refuses again).
import { DRY_RUN_WORKSPACE, runCargo } from '../../rig/cargo.js';
import { CARGO_LINES, line } from '../index-lines.js';
import { withCargo } from './long-release.js';
import { useWorkspaceWorld } from './workspace-step.js';

const context = useWorkspaceWorld();

/** The corpus, each line made a line of its own crate (`ln-00`, its other case `Ln-00`). */
const CASES = CARGO_LINES.map(([name, exists, text, out], i) => {
  const crate = `ln-${String(i).padStart(2, '0')}`;
  const other = `L${crate.slice(1)}`;
  const own = text.replaceAll('"alpha', `"${crate}`).replaceAll('"Alpha"', `"${other}"`);
  return {
    name,
    crate,
    exists,
    out: out ?? exists,
    file: `${line({ name: crate, vers: '0.0.1' })}\n${own}\n`,
  };
});

withCargo(
  'for every line of the corpus, the check leaves a crate out exactly when cargo says "already exists" (or the version is yanked)',
  async () => {
    for (const c of CASES) context.world.registry.serveIndexFile(c.crate, c.file);
    const ws = await context.useWorkspace(CASES.map((c) => ({ name: c.crate, version: '1.0.0' })));

    const cargo = await runCargo(DRY_RUN_WORKSPACE, ws.dir, ws.env);
    const main = await context.world.runMain({
      with: { 'registry-name': 'local', workspace: ws.dir },
      env: { CARGO_HOME: ws.env.CARGO_HOME ?? '', RUSTUP_HOME: ws.env.RUSTUP_HOME ?? '' },
    });

    expect(cargo.code).toBe(0);
    const exists = new Set(
      [...cargo.output.matchAll(/crate (ln-\d\d)@1\.0\.0 already exists on `local` index/g)].map(
        (m) => m[1],
      ),
    );
    const excluded = new Set(
      (main.outputs['exclude-published'] ?? '').split(' ').filter((w) => w !== '--exclude'),
    );
    const seen = CASES.map((c) => [c.name, exists.has(c.crate), excluded.has(c.crate)]);
    expect(seen).toEqual(CASES.map((c) => [c.name, c.exists, c.out]));
    expect(main.exitCode).toBe(0);
    // The doubts are named: the crates left to publish because of lines cargo does not read.
    const warning = main.annotations.find((a) => a.message.includes('does not read as versions'));
    expect(warning?.message).toContain('when in doubt, the check publishes');
    expect(warning?.message).toContain(
      '`ln-04` (1 line; the first: its `yanked` is not true, false or null)',
    );
  },
);

withCargo(
  'several lines for one version, against cargo (it keeps the last line of each spelling): build metadata on either side, yanked and not, a later line cargo does not read, a later line of another case',
  async () => {
    const at = (name: string, vers: string, fields: Record<string, unknown> = {}) =>
      line({ name, vers, ...fields }) + '\n';
    const files: [string, string, string][] = [
      // [crate, its version in the workspace, its index file]
      ['bm-a', '1.0.0+b2', at('bm-a', '1.0.0+b1')],
      ['bm-b', '1.0.0', at('bm-b', '1.0.0+b1') + at('bm-b', '1.0.0+b2', { yanked: true })],
      ['yy-a', '1.0.0', at('yy-a', '1.0.0', { yanked: true }) + at('yy-a', '1.0.0')],
      ['yy-b', '1.0.0', at('yy-b', '1.0.0') + at('yy-b', '1.0.0', { yanked: true })],
      ['iv-a', '1.0.0', at('iv-a', '1.0.0') + at('iv-a', '1.0.0', { yanked: 'true' })],
      ['iv-b', '1.0.0', at('iv-b', '1.0.0', { yanked: 'true' }) + at('iv-b', '1.0.0')],
      ['iv-c', '1.0.0', at('iv-c', '1.0.0') + at('iv-c', '1.0')],
      ['ca-a', '1.0.0', at('ca-a', '1.0.0') + at('Ca-a', '1.0.0')],
    ];
    for (const [name, , file] of files) context.world.registry.serveIndexFile(name, file);
    const ws = await context.useWorkspace(files.map(([name, version]) => ({ name, version })));

    const cargo = await runCargo(DRY_RUN_WORKSPACE, ws.dir, ws.env);
    const main = await context.world.runMain({
      with: { 'registry-name': 'local', workspace: ws.dir },
      env: { CARGO_HOME: ws.env.CARGO_HOME ?? '', RUSTUP_HOME: ws.env.RUSTUP_HOME ?? '' },
    });

    expect(cargo.code).toBe(0);
    expect([...cargo.output.matchAll(/crate (\S+)@\S+ already exists/g)].map((m) => m[1])).toEqual([
      'bm-a',
      'bm-b',
      'yy-a',
      'iv-b',
      // iv-c's later line has no version cargo reads: cargo does not keep it.
      'iv-c',
    ]);
    // And yy-b, whose last line says yanked: out, and crates.io refuses it again.
    expect(main.outputs['exclude-published']).toBe(
      '--exclude bm-a --exclude bm-b --exclude yy-a --exclude yy-b --exclude iv-b --exclude iv-c',
    );
    expect(main.outputs.unpublished).toBe('iv-a ca-a');
    const log = main.log.join('\n');
    expect(log).toMatch(/yy-a +1\.0\.0 +this version +skipped/);
    expect(log).toMatch(/yy-b +1\.0\.0 +this version, yanked +skipped/);
  },
);
