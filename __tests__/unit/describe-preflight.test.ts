/**
 * The pre-flight's messages, worded in src/errors/describe.ts: the fix each gives, word for word
 * where a user copies it (a command), and what cuts a long list.
 */
import { describeFailure } from '../../src/errors/describe.js';
import type { Failure, NewCrate } from '../../src/errors/failure.js';

const tpC = { name: 'tp-c', version: '0.2.0' };
const newCrates = (registry: string, crates: NewCrate[] = [tpC]): Failure => ({
  kind: 'new-crates',
  crates,
  index: 'https://r.example/index/',
  registry,
});

describe('a crate the registry does not have: the first publish by hand, to the right registry', () => {
  test('a named registry: `cargo publish -p NAME --registry REG`, the registry named', () => {
    expect(describeFailure(newCrates('local'))).toContain(
      'Once for it: publish its first version by hand with a token of that registry (`cargo publish -p tp-c --registry local`), add this repository and workflow as its trusted publisher',
    );
  });

  test('crates.io: `cargo publish -p NAME` with an API token, no --registry', () => {
    const text = describeFailure(newCrates('crates-io'));
    expect(text).toContain(
      'publish its first version by hand with an API token (`cargo publish -p tp-c` with a token from https://crates.io/settings/tokens)',
    );
    expect(text).not.toContain('--registry');
  });

  test('several crates: NAME in the command, every crate named, and `new-crates: skip` offered', () => {
    const text = describeFailure(newCrates('local', [tpC, { name: 'tp-d', version: '0.1.0' }]));
    expect(text).toContain('does not have these crates `tp-c` 0.2.0, `tp-d` 0.1.0 at all');
    expect(text).toContain('`cargo publish -p NAME --registry local`');
    expect(text).toContain('set `new-crates: skip`');
  });

  test('`new-crates: skip` names the command too, with its registry', () => {
    const text = describeFailure({
      kind: 'crates-skipped',
      registry: 'local',
      skipped: [tpC],
      held: [],
    });
    expect(text).toContain('`cargo publish -p tp-c --registry local`');
  });
});

test('a crate known by another spelling, beside a new one: both said, each with its own fix', () => {
  const text = describeFailure(
    newCrates('crates-io', [tpC, { name: 'foo_bar', version: '1.0.0', knownAs: 'foo-bar' }]),
  );
  expect(text).toContain('crates.io does not have the crate `tp-c` 0.2.0 at all');
  expect(text).toContain(
    "The registry's index lists a crate of this release only under another spelling of its name: `foo_bar` 1.0.0 as `foo-bar`.",
  );
  expect(text).toContain('("crate was previously named …")');
  expect(text.match(/Nothing was published/g)).toHaveLength(1);
});

describe('dependencies cargo could not select', () => {
  const problem = (fields: Partial<{ missing: boolean; yanked: string[] }>) => ({
    crate: { name: 'ya-b', version: '0.2.0' },
    dependency: 'ya-a',
    req: '^0.2',
    missing: false,
    yanked: [] as string[],
    ...fields,
  });
  const text = (problems: ReturnType<typeof problem>[]) =>
    describeFailure({ kind: 'dependency-problems', problems, index: 'https://r.example/index/' });

  test('missing, nothing matching, all yanked: the cause and cargo’s own words for each', () => {
    expect(text([problem({ missing: true })])).toContain(
      'which does not have `ya-a` at all (its index at https://r.example/index/ does not list it): cargo would stop at `ya-b` ("no matching package named `ya-a` found")',
    );
    expect(text([problem({})])).toContain('no version of `ya-a` there matches it');
    expect(text([problem({ yanked: ['0.2.0', '0.2.1', '0.2.2', '0.2.3'] })])).toContain(
      'is yanked (0.2.0, 0.2.1, 0.2.2, …)',
    );
  });

  test('more than two: the first two in full, the rest named', () => {
    const many = ['a', 'b', 'c', 'd'].map((name) => ({
      ...problem({}),
      crate: { name, version: '1.0.0' },
    }));
    const said = text(many);
    expect(said.match(/needs `ya-a`/g)).toHaveLength(2);
    expect(said).toContain('2 more like these: `c` 1.0.0, `d` 1.0.0.');
  });
});

test("crates.io's rules: the crates named, the rules said, the way out for a crate not released there", () => {
  expect(
    describeFailure({
      kind: 'registry-rules',
      crates: [{ name: 'é', version: '1.0.0' }],
      registry: 'crates-io',
    }),
  ).toBe(
    "`é` 1.0.0 is released to crates.io (its `publish` allows it), with a name or version that crates.io's rules refuse: a name of at most 64 ASCII letters, digits, `-` and `_`, a version of at most 100 characters. No token was requested. Rename it, or, for a crate that is not released there, set `publish = false` or a `publish` list without that registry.",
  );
});

test('lines cargo does not read: the crate, how many, the first fault, and the rule', () => {
  expect(
    describeFailure({
      kind: 'index-lines',
      index: 'https://r.example/index/',
      crates: [{ crate: tpC, lines: 2, why: 'its `yanked` is not true, false or null' }],
    }),
  ).toBe(
    'The registry\'s index at https://r.example/index/ has lines that cargo does not read as versions of `tp-c` (2 lines; the first: its `yanked` is not true, false or null), and no line that it reads lists the version to release. Those lines count for nothing, as for cargo: when in doubt, the check publishes. The crates are in `unpublished`; if a version is out after all, cargo stops at it ("already exists") and nothing is left out by mistake.',
  );
});
