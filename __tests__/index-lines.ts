/**
 * Index lines for crate `alpha` 1.0.0, and whether cargo 1.95 takes each as that version (its
 * `cargo publish --dry-run` then warns "crate alpha@1.0.0 already exists"). Each answer was
 * asked of cargo: __tests__/e2e/preflight-index-lines.test.ts asks it again, and checks the
 * action's check of a workspace against it; __tests__/unit/preflight-index-lines.test.ts checks
 * the line reader alone.
 */

const BASE = {
  name: 'alpha',
  vers: '1.0.0',
  deps: [],
  cksum: '0'.repeat(64),
  features: {},
  yanked: false,
};

/** A line as crates.io writes it, with `fields` changed. */
export const line = (fields: Record<string, unknown> = {}): string =>
  JSON.stringify({ ...BASE, ...fields });

const dep = (fields: Record<string, unknown>) => ({
  name: 'x',
  req: '^1',
  features: [],
  optional: false,
  default_features: true,
  target: null,
  kind: 'normal',
  ...fields,
});

/**
 * `[name, cargo says "already exists" over it, the line, the check leaves the crate out]`; the
 * last only where it differs from cargo's answer: a yanked version is out (crates.io refuses it
 * again, cargo only finds out at the upload), and a line cargo reads that the check doubts is
 * not (when in doubt, publish: cargo then says "already exists" itself).
 */
export const CARGO_LINES: [string, boolean, string, boolean?][] = [
  ['as crates.io writes it', true, line()],
  [
    'with pubtime and rust_version, as crates.io writes them',
    true,
    line({ pubtime: '2025-11-18T08:58:23Z', rust_version: '1.70' }),
  ],
  [
    'features2 with v 2',
    true,
    line({ deps: [dep({ optional: true })], features2: { f: ['dep:x'] }, v: 2 }),
  ],
  ['the name in another case', false, line({ name: 'Alpha' })],
  ['`"yanked": "true"`', false, line({ yanked: 'true' })],
  ['yanked', false, line({ yanked: true }), true],
  ['`"yanked": null`', true, line({ yanked: null })],
  [
    'no yanked',
    true,
    JSON.stringify({ name: 'alpha', vers: '1.0.0', deps: [], cksum: 'x', features: {} }),
  ],
  ['no deps', false, JSON.stringify({ name: 'alpha', vers: '1.0.0', cksum: 'x', features: {} })],
  ['no cksum', false, JSON.stringify({ name: 'alpha', vers: '1.0.0', deps: [], features: {} })],
  ['no features', true, JSON.stringify({ name: 'alpha', vers: '1.0.0', deps: [], cksum: 'x' })],
  [
    '`yanked` twice',
    false,
    '{"name":"alpha","vers":"1.0.0","deps":[],"cksum":"x","features":{},"yanked":false,"yanked":true}',
  ],
  [
    '`name` twice',
    false,
    '{"name":"alpha","name":"alpha","vers":"1.0.0","deps":[],"cksum":"x","features":{}}',
  ],
  [
    'an unknown key twice',
    true,
    '{"name":"alpha","vers":"1.0.0","deps":[],"cksum":"x","features":{},"zz":1,"zz":2}',
  ],
  [
    '`optional` twice in a dependency',
    false,
    '{"name":"alpha","vers":"1.0.0","deps":[{"name":"x","req":"^1","optional":false,"optional":false}],"cksum":"x","features":{}}',
  ],
  [
    'an escaped key',
    true,
    '{"\\u006eame":"alpha","vers":"1.0.0","deps":[],"cksum":"x","features":{}}',
  ],
  ['`v` 3', false, line({ v: 3 })],
  ['`v` "2"', false, line({ v: '2' })],
  ['`v` 2.0', false, '{"name":"alpha","vers":"1.0.0","deps":[],"cksum":"x","features":{},"v":2.0}'],
  ['a pubtime with a space', false, line({ pubtime: '2025-11-18 08:58:23Z' })],
  ['a pubtime with fractions', false, line({ pubtime: '2025-11-18T08:58:23.5Z' })],
  ['a pubtime of 30 February', false, line({ pubtime: '2025-02-30T08:58:23Z' })],
  ['rust_version nightly', false, line({ rust_version: 'nightly' })],
  ['rust_version with a pre-release', false, line({ rust_version: '1.70.0-beta' })],
  ['build metadata in the index', true, line({ vers: '1.0.0+b1' })],
  ['vers 1.0', false, line({ vers: '1.0' })],
  ['vers v1.0.0', false, line({ vers: 'v1.0.0' })],
  ['a feature naming nothing', false, line({ features: { f: ['nope'] } })],
  ['dep: of no dependency', false, line({ features: { f: ['dep:nope'] } })],
  ['a feature of a dependency', true, line({ deps: [dep({})], features: { f: ['x/g'] } })],
  [
    'a weak feature of a non-optional dependency',
    false,
    line({ deps: [dep({})], features: { f: ['x?/g'] } }),
  ],
  [
    'an optional dependency in no feature (its implicit one)',
    true,
    line({ deps: [dep({ optional: true })] }),
  ],
  [
    'an optional dependency hidden by dep:',
    true,
    line({ deps: [dep({ optional: true })], features: { f: ['dep:x'] } }),
  ],
  [
    'an optional dev-dependency',
    false,
    line({ deps: [dep({ optional: true, kind: 'dev' })], features: { x: ['dep:x'] } }),
  ],
  ['a requirement cargo refuses', false, line({ deps: [dep({ req: 'abc' })] })],
  ['the requirement `>= 0`, as crates.io writes one', true, line({ deps: [dep({ req: '>= 0' })] })],
  [
    'a requirement with a wildcard and comparators',
    true,
    line({ deps: [dep({ req: '>=1.2, <2.*' })] }),
  ],
  [
    'a cfg target',
    true,
    line({ deps: [dep({ target: 'cfg(all(unix, not(target_os = "macos")))' })] }),
  ],
  ['a named target', true, line({ deps: [dep({ target: 'x86_64-unknown-linux-gnu' })] })],
  ['a target that is no cfg', false, line({ deps: [dep({ target: 'cfg(' })] })],
  ['a kind cargo does not know', true, line({ deps: [dep({ kind: 'weird' })] })],
  ['a registry that is no URL', false, line({ deps: [dep({ registry: 'not a url' })] })],
  ['a dependency without req', false, line({ deps: [{ name: 'x', features: [] }] })],
  ['links that is a number', false, line({ links: 5 })],
  ['cksum that is a number', false, line({ cksum: 5 })],
  [
    'a lone surrogate in the name',
    false,
    '{"name":"alpha\\ud800","vers":"1.0.0","deps":[],"cksum":"x","features":{}}',
  ],
  [
    'a lone surrogate in an unknown field',
    true,
    '{"name":"alpha","vers":"1.0.0","deps":[],"cksum":"x","features":{},"zz":"\\ud800"}',
  ],
  ['text after the object', false, `${line()} x`],
  ['a byte-order mark', false, `\ufeff${line()}`],
  ['an empty feature name', false, line({ features: { '': [] } })],
  ['a feature name with a space', false, line({ features: { 'a b': [] } })],
  ['public null and lib', true, line({ deps: [dep({ public: null, lib: false })] })],
  [
    'a huge number in an unknown field',
    true,
    '{"name":"alpha","vers":"1.0.0","deps":[],"cksum":"x","features":{},"zz":1e999}',
  ],
];

/**
 * Lines cargo 1.95 reads and the check does not, on purpose: when in doubt, the check publishes
 * (the crate is in `unpublished`, and cargo says "already exists" if it is out).
 * `[name, the line]`.
 */
export const DOUBTED_LINES: [string, string][] = [
  // cargo takes artifact dependencies (index schema 3, `-Z bindeps`) through a parser of
  // target names this check does not carry; crates.io does not serve them.
  ['an artifact dependency', line({ deps: [dep({ artifact: ['bin'] })] })],
];
