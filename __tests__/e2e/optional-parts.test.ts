// What a step loads only when asked is a bundle of its own (scripts/build.mjs, PARTS): main's
// check of a workspace (dist/run-preflight.js) and post's release report
// (dist/release-report.js). A job that asks for neither runs from a copy of the action without
// them, which shows that main and post do not load them at start.
import { copyFile, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeTree } from '../../rig/remove-tree.js';
import { ROOT } from '../../rig/runner.js';
import { World } from '../../rig/world.js';
import { theError } from '../expect-step.js';

const STEPS = ['main.js', 'post.js', 'provider.js'];
const PARTS = ['run-preflight.js', 'release-report.js'];

let world: World;
/** A copy of the action's repository: action.yml's dist/ with the steps only. */
let withoutParts: string;

beforeAll(async () => {
  withoutParts = await mkdtemp(join(tmpdir(), 'auth-action-steps-only-'));
  await mkdir(join(withoutParts, 'dist'));
  for (const file of STEPS) {
    await copyFile(join(ROOT, 'dist', file), join(withoutParts, 'dist', file));
  }
  // As the repository's own package.json says: the bundles are ES modules.
  await writeFile(join(withoutParts, 'package.json'), '{ "type": "module" }\n');
});
afterAll(() => removeTree(withoutParts));
beforeEach(async () => {
  world = await World.start();
});
afterEach(() => world.stopAndCheckLeaks());

test('dist/ holds the steps, the parts and the licences, nothing else', async () => {
  const files = (await readdir(join(ROOT, 'dist'))).sort();
  expect(files).toEqual([...STEPS, ...PARTS, 'licenses.txt'].sort());
});

test('main and post bundle no package of their optional parts (a TOML or semver library stays in the check)', async () => {
  const licenses = await readFile(join(ROOT, 'dist', 'licenses.txt'), 'utf8');
  // `name version (licence), in main.js, post.js`: each package and the bundles that hold it.
  const inBundle = (bundle: string) =>
    [...licenses.matchAll(/^(\S+) \S+ \(.*\), in (.*)$/gm)]
      .filter((m) => (m[2] ?? '').split(', ').includes(bundle))
      .map((m) => m[1]);
  const steps = ['@actions/core', '@actions/http-client', 'tunnel'];
  expect(inBundle('main.js')).toEqual(steps);
  expect(inBundle('post.js')).toEqual(steps);
});

// Start-up, not loading: V8 looks each Unicode property of a pattern written as a literal up in
// ICU's tables when it parses the bundle (~3 million instructions a step, measured with
// `npm run bench:instructions`), whether or not the pattern ever runs. A step that needs one makes
// it from a string on first use, as src/redact/redact.ts does.
test('main and post hold no pattern literal with a Unicode property (\\p{…}), which V8 would look up at parse', async () => {
  for (const bundle of ['main.js', 'post.js']) {
    const code = await readFile(join(ROOT, 'dist', bundle), 'utf8');
    // In a literal `\p{` stands as it is; in a string it is written `\\p{`.
    expect({ bundle, literal: /(?<!\\)\\p\{/.exec(code)?.[0] }).toEqual({
      bundle,
      literal: undefined,
    });
  }
});

test('a job without `workspace` needs neither the check of a workspace nor the release report', async () => {
  const { main, post } = await world.runJob({ actionRoot: withoutParts });

  expect(main.exitCode).toBe(0);
  const token = main.outputs.token ?? '';
  expect(world.registry.issued.has(token)).toBe(true);
  expect(post.exitCode).toBe(0);
  expect(world.registry.isRevoked(token)).toBe(true);
  expect([...main.annotations, ...post.annotations]).toEqual([]);
});

test('nor does one with the credential provider when cargo uploaded nothing', async () => {
  const { main, post } = await world.runJob({
    actionRoot: withoutParts,
    with: { 'credential-provider': 'true', 'registry-name': 'local' },
  });

  expect(main.exitCode).toBe(0);
  expect(post.exitCode).toBe(0);
  expect(world.registry.isRevoked(main.outputs.token ?? '')).toBe(true);
  expect([...main.annotations, ...post.annotations]).toEqual([]);
});

test('with `workspace`, main loads the check from its own file, and only then', async () => {
  const main = await world.runMain({
    actionRoot: withoutParts,
    with: { workspace: '.', 'registry-name': 'local' },
  });

  expect(main.exitCode).toBe(1);
  expect(theError(main)).toMatch(/unexpected error: .*run-preflight\.js/);
  expect(world.oidc.requests).toBe(0);
});
