// What would pass on Linux and fail on macOS or Windows, found by reading the source as a grep
// would (scripts/portability-rules.mjs): GNU-only flags, commands macOS lacks, shells and .cmd
// files Node does not spawn on Windows, /tmp and /dev/null, folders removed without the retries
// Windows needs. The rules' own file and this one spell the bad forms on purpose.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { removeTree, removeTreeSync } from '../../rig/remove-tree.js';
import { portabilityProblems } from '../../scripts/portability-rules.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const SELF = ['scripts/portability-rules.mjs', '__tests__/unit/portability.test.ts'];

function filesUnder(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : filesUnder(path);
    return /\.(ts|mjs|js|ya?ml)$/.test(entry.name) ? [path] : [];
  });
}

/** The action itself, and what the tests, the rig, the demo, the benchmarks, the scripts and CI's own steps run. */
const SCANNED = [
  ...['src', '__tests__', 'rig', 'demo', 'bench', 'scripts', '.github/workflows'].flatMap(
    filesUnder,
  ),
  '.ci/run',
].filter((path) => !SELF.includes(path));

/** Where a recursive removal must go through rig/remove-tree.ts: what runs on Windows in CI. */
const removals = (path: string) => /^(__tests__|rig|demo|bench)\//.test(path);

const rules = (text: string, options?: { removals: boolean }) =>
  portabilityProblems(text, options).map((p) => `${p.line} ${p.rule}`);

test('the action, the tests, the rig, the demo, the benchmarks, the scripts and the workflows pass', () => {
  expect(SCANNED.length).toBeGreaterThan(150);
  expect(SCANNED).toEqual(
    expect.arrayContaining([
      '.ci/run',
      '.github/workflows/ci.yml',
      'rig/runner.ts',
      'src/preflight/read-workspace.ts',
      '__tests__/unit/untrusted-file.test.ts',
    ]),
  );
  const found = SCANNED.flatMap((path) =>
    portabilityProblems(readFileSync(join(root, path), 'utf8'), {
      removals: removals(path) && path !== 'rig/remove-tree.ts',
    }).map((p) => `${path}:${p.line}: ${p.rule}: ${p.why}`),
  );
  expect(found).toEqual([]);
});

describe('GNU-only flags, as a shell line or as execFile arguments', () => {
  test.each([
    ["execFileSync('stat', ['-c', '%a', path])", '1 stat -c'],
    ["execFileSync(\n  'stat',\n  ['--format=%a', path],\n)", '2 stat --format=%a'],
    ["sed -i 's/a/b/' file", '1 sed -i'],
    ["sed -E -i '' file", '1 sed -i'],
    ['x=$(readlink -f "$0")', '1 readlink -f'],
    ["spawnSync('date', ['-d', 'yesterday'])", '1 date -d'],
    ['grep -P "\\d+" log | wc -l', '1 grep -P'],
    ['  - run: find . -name "*.md" -printf "%p"', '1 find -printf'],
    ["spawnSync('/usr/bin/time', ['-f', '%M', 'true'])", '1 time -f'],
    ['ls --color=never dist', '1 ls --color=never'],
    ['cp --parents a/b c', '1 cp --parents'],
    ['base64 -w0 key', '1 base64 -w0'],
    ['timeout 5 cargo publish', '1 timeout'],
    ["spawnSync('nproc')", '1 nproc'],
    ['sha256sum dist/main.js', '1 sha256sum'],
    ['git log --format=%s | tac', '1 tac'],
  ])('%s', (text, problem) => {
    expect(rules(text)).toEqual([problem]);
  });

  test.each([
    ['statSync(path).mode & 0o777', 'Node'],
    ["sed -i.bak 's/a/b/' file", 'a suffix in the same word'],
    ['cp -a src dst', 'BSD cp has -a'],
    ['date -u +%Y', 'flags both take'],
    ['// the stat -c of GNU, and sed -i', 'a comment'],
    ["kind: 'timeout', AbortSignal.timeout(5), { timeout: 10 }", 'a word, not a command'],
    ['const updated = x; update -d', 'another word ending the same'],
  ])('%s passes (%s)', (text) => {
    expect(rules(text)).toEqual([]);
  });
});

describe('what Windows runs otherwise', () => {
  test.each([
    ["spawn('npm', ['ci'])", '1 spawn-cmd'],
    ["spawnSync(\n  'npx',\n  ['tsx'],\n)", '1 spawn-cmd'],
    ["spawn('C:\\\\t\\\\cargo-credential.CMD', [])", '1 spawn-cmd'],
    ["world.runCommand(job, 'npx', ['tsx'])", '1 spawn-cmd'],
    ["spawnSync('true')", '1 spawn-builtin'],
    ["job.runCommand('echo', ['hello'], {})", '1 spawn-builtin'],
    ['spawn(command, args, { shell: true })', '1 spawn-with-shell'],
    ["execSync('ls')", '1 exec-with-shell'],
    ["spawn('sh', ['-c', 'echo'])", '1 sh-c'],
    ["stdio: ['ignore', openSync('/dev/null', 'w')]", '1 dev-null'],
    ["const dir = '/tmp/auth-action'", '1 tmp'],
    ['await rm(dir, { recursive: true, force: true });', '1 recursive-rm'],
    ['rmSync(\n  dir,\n  { recursive: true },\n);', '1 recursive-rm'],
  ])('%s', (text, problem) => {
    expect(rules(text)).toEqual([problem]);
  });

  test.each([
    ['/^x/.exec(line)', 'RegExp exec'],
    ['spawn(process.execPath, [script])', 'node itself'],
    ["world.runCommand(job, 'cargo', PUBLISH_WORKSPACE, {})", 'cargo.exe on Windows'],
    ["join(tmpdir(), 'x')", 'the OS temp folder'],
    ['await removeTree(dir);', 'the retrying removal'],
    ['rm(file)', 'a file, not a tree'],
  ])('%s passes (%s)', (text) => {
    expect(rules(text)).toEqual([]);
  });

  test('scripts that run only on Linux may remove folders with rm', () => {
    expect(rules('await rm(dist, { recursive: true, force: true });', { removals: false })).toEqual(
      [],
    );
  });
});

test('a line stays as it is only with a reason, on it or on the line before', () => {
  const probe = "spawnSync('/usr/bin/time', ['-f', '%M', 'true'])";
  expect(rules(`${probe} // portable: a probe, with a fallback`)).toEqual([]);
  expect(rules(`// portable: a probe, with a fallback\n${probe}`)).toEqual([]);
  expect(rules(`// portable:\n${probe}`)).toEqual(['2 time -f']);
  expect(rules(`// portable: too far up\n\n${probe}`)).toEqual(['3 time -f']);
});

test('rig/remove-tree.ts removes a whole tree, and a path that is gone is no error', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'auth-action-remove-'));
  mkdirSync(join(dir, 'a', 'b'), { recursive: true });
  writeFileSync(join(dir, 'a', 'b', 'f'), 'x');
  await removeTree(dir);
  expect(existsSync(dir)).toBe(false);
  await removeTree(dir);
  removeTreeSync(dir);
});
