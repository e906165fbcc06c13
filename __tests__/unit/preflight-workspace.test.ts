/**
 * The check of a workspace, its pure parts: index paths as cargo builds them, the forms of
 * `publish`, and the parsers and renderers of what cargo and the index say (property-based:
 * any input gives a value or a typed failure). cargo's configuration: cargo-config.test.ts.
 */
import fc from 'fast-check';
import { startPhase } from '../../src/http/call.js';
import { preflightTiming } from '../../src/http/policies.js';
import type { HttpRequest, Sent, Transport } from '../../src/http/transport.js';
import {
  boundedAll,
  checkIndexConfig,
  readIndexFile,
  withoutOwnTime,
} from '../../src/preflight/check-index.js';
import { indexPath } from '../../src/preflight/index-path.js';
import {
  excludeArguments,
  reportForLog,
  reportForSummary,
  unpublishedOf,
  type Finding,
  type Row,
} from '../../src/preflight/preflight-report.js';
import { notReleasedWhy, releasedTo } from '../../src/preflight/publishable-crates.js';
import { askIndex } from '../../src/preflight/run-preflight.js';
import type { Core } from '../../src/runner/core.js';
import type { RunnerEnvironment } from '../../src/runner/environment.js';
import { cargoSaid } from '../../src/preflight/read-workspace.js';
import { parseMetadata, type WorkspaceCrate } from '../../src/preflight/workspace-metadata.js';
import { anyText, outsideText } from '../hostile.js';
import { neverLoggedIn } from '../never-logged.js';

describe('index paths, as cargo-util make_dep_path with the name lower-cased', () => {
  test.each([
    ['a', '1/a'],
    ['A', '1/a'],
    ['ab', '2/ab'],
    ['Dd', '2/dd'],
    ['abc', '3/a/abc'],
    ['Abc', '3/a/abc'],
    ['abcd', 'ab/cd/abcd'],
    ['AbCd', 'ab/cd/abcd'],
    ['aBcDe', 'ab/cd/abcde'],
    ['serde', 'se/rd/serde'],
    ['tp-a', 'tp/-a/tp-a'],
    ['cargo_metadata', 'ca/rg/cargo_metadata'],
  ])('%s → %s', (name, path) => {
    expect(indexPath(name)).toBe(path);
  });

  test('any crate name: lower case, and the file is the name itself', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/), (name) => {
        const path = indexPath(name);
        expect(path).toBe(path.toLowerCase());
        expect(path.split('/').at(-1)).toBe(name.toLowerCase());
      }),
    );
  });
});

describe('the forms of `publish`', () => {
  const crate = (publish: string[] | null): WorkspaceCrate => ({
    name: 'c',
    version: '1.0.0',
    publish,
    manifestPath: '/w/c/Cargo.toml',
    dependencies: [],
  });
  const cratesIo = { kind: 'crates-io' } as const;
  const local = { kind: 'named', name: 'local' } as const;
  test.each([
    ['unset (or true): any registry', null, true, true],
    ['false: none', [], false, false],
    ['["crates-io"]', ['crates-io'], true, false],
    ['["local"]', ['local'], false, true],
    ['["local", "crates-io"]', ['local', 'crates-io'], true, true],
    ['["Local"]: names are compared as cargo does, exactly', ['Local'], false, false],
  ])('%s', (_name, publish, toCratesIo, toLocal) => {
    expect(releasedTo(crate(publish), cratesIo)).toBe(toCratesIo);
    expect(releasedTo(crate(publish), local)).toBe(toLocal);
  });

  test('why a crate is not released, in its own TOML', () => {
    expect(notReleasedWhy(crate([]))).toBe('publish = false');
    expect(notReleasedWhy(crate(['a', 'b']))).toBe('publish = ["a", "b"]');
  });
});

test("cargo's words without its colours, from its first error line on (CARGO_TERM_COLOR=always)", () => {
  const coloured =
    "\u001b[1m\u001b[92m  Downloaded\u001b[0m x\n\u001b[1m\u001b[91merror\u001b[0m\u001b[1m: unexpected character 'z'\u001b[0m\n \u001b[1m\u001b[94m--> \u001b[0mCargo.toml:3:11\n\u001b]8;;https://doc.rust-lang.org/\u0007link\u001b]8;;\u0007";
  expect(cargoSaid(coloured)).toBe("error: unexpected character 'z'\n --> Cargo.toml:3:11\nlink");
});

test("cargo's words without the source excerpt it draws under a TOML error (it reads only in columns)", () => {
  const said = [
    "error: unexpected character 'z' while parsing major version number",
    ' --> Cargo.toml:3:11',
    '  |',
    '3 | version = "zz"',
    '  |           ^^^^',
    '',
  ].join('\n');
  expect(cargoSaid(said)).toBe(
    "error: unexpected character 'z' while parsing major version number\n --> Cargo.toml:3:11",
  );
  // cargo's other words stay, "Caused by:" and its indented lines with them.
  const caused =
    'error: failed to parse manifest\n\nCaused by:\n  no targets specified in the manifest\n';
  expect(cargoSaid(caused)).toBe(caused.trim());
});

describe("cargo metadata's output", () => {
  const metadata = (packages: unknown[], members?: unknown[]) =>
    JSON.stringify({ packages, workspace_members: members, workspace_root: '/w', version: 1 });
  const pkg = (name: string, version: string, extra: Record<string, unknown> = {}) => ({
    name,
    version,
    manifest_path: `/w/${name}/Cargo.toml`,
    id: `path+file:///w/${name}#${version}`,
    ...extra,
  });
  const manifest = (name: string) => ({ manifestPath: `/w/${name}/Cargo.toml` });

  test('members in the workspace order, with their `publish` and dependencies', () => {
    const dep = (name: string, kind: unknown, path?: string) => ({
      name,
      req: '^0.1',
      kind,
      rename: null,
      optional: false,
      target: null,
      registry: null,
      source: path === undefined ? 'registry+https://github.com/rust-lang/crates.io-index' : null,
      ...(path === undefined ? {} : { path }),
    });
    const text = metadata(
      [
        pkg('c', '0.1.0', {
          publish: ['local'],
          dependencies: [dep('b', null, '/w/b'), dep('serde', 'dev'), dep('x', 'weird')],
        }),
        pkg('Aa', '0.1.0-rc.1+b7', { publish: null }),
        pkg('b', '0.1.0', { publish: [], dependencies: [dep('Aa', 'build', '/w/Aa')] }),
      ],
      ['path+file:///w/Aa#0.1.0-rc.1+b7', 'path+file:///w/b#0.1.0', 'path+file:///w/c#0.1.0'],
    );
    expect(parseMetadata(text)).toEqual({
      ok: true,
      root: '/w',
      crates: [
        {
          name: 'Aa',
          version: '0.1.0-rc.1+b7',
          publish: null,
          ...manifest('Aa'),
          dependencies: [],
        },
        {
          name: 'b',
          version: '0.1.0',
          publish: [],
          ...manifest('b'),
          dependencies: [{ name: 'Aa', req: '^0.1', kind: 'build', path: true }],
        },
        {
          name: 'c',
          version: '0.1.0',
          publish: ['local'],
          ...manifest('c'),
          // A kind cargo does not print is no dependency the check knows how to resolve.
          dependencies: [
            { name: 'b', req: '^0.1', kind: 'normal', path: true },
            { name: 'serde', req: '^0.1', kind: 'dev', path: false },
          ],
        },
      ],
    });
  });

  test("names and versions cargo allows are read whatever crates.io's rules say (they apply to what goes there)", () => {
    const long = 'a'.repeat(70);
    const parsed = parseMetadata(
      metadata([pkg(long, `1.0.0-${'x'.repeat(120)}`), pkg('café', '1.0.0')]),
    );
    expect(parsed.ok && parsed.crates.map((c) => c.name)).toEqual([long, 'café']);
  });

  test.each([
    ['not JSON', 'error: no', 'printed something that is not its JSON'],
    ['no packages', '{}', 'printed JSON without `packages`'],
    [
      'a name with a newline',
      metadata([pkg('a\n::error::x', '1.0.0')]),
      'listed a package without a name cargo allows',
    ],
    [
      'a name with a space',
      metadata([pkg('a b', '1.0.0')]),
      'listed a package without a name cargo allows',
    ],
    ['no version', metadata([pkg('a', '')]), 'listed a package without a version'],
    [
      'no manifest',
      metadata([{ name: 'a', version: '1.0.0' }]),
      'listed a package without its manifest',
    ],
    [
      'publish of numbers',
      metadata([pkg('a', '1.0.0', { publish: [1] })]),
      'listed a `publish` list with something that is not a registry name',
    ],
  ])('%s is a typed failure', (_name, text, problem) => {
    expect(parseMetadata(text)).toEqual({ ok: false, problem });
  });

  test('any JSON or text: a list of valid crates, or a problem; never a throw', () => {
    const pkg = fc.record(
      {
        name: fc.oneof(
          fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
          fc.constantFrom('café', 'ü_ber', 'a·b', 'a$(x)', 'a b', 'ʻokina'),
          anyText(),
        ),
        version: fc.oneof(fc.constantFrom('1.0.0', '0.1.0-rc.1+b'), anyText()),
        publish: fc.oneof(
          fc.constant(null),
          fc.array(fc.oneof(fc.constant('crates-io'), anyText())),
        ),
        manifest_path: fc.oneof(fc.constant('/w/a/Cargo.toml'), anyText()),
        dependencies: fc.oneof(
          fc.anything(),
          fc.array(
            fc.record({
              name: anyText(),
              req: anyText(),
              kind: fc.anything(),
              path: fc.anything(),
            }),
          ),
        ),
        id: anyText(),
      },
      { requiredKeys: [] },
    );
    const input = fc.oneof(
      fc.string(),
      fc.json(),
      fc.array(pkg, { maxLength: 8 }).map((packages) =>
        metadata(
          packages,
          packages.map((p) => p.id),
        ),
      ),
    );
    fc.assert(
      fc.property(input, (text) => {
        const parsed = parseMetadata(text);
        if (!parsed.ok) {
          expect(parsed.problem).toMatch(/^[a-z]/);
          return;
        }
        for (const crate of parsed.crates) {
          // cargo's own rule: XID characters and `-`, nothing a shell or the runner reads, so
          // `--exclude NAME` in an output is one word in a `run:` line.
          expect(crate.name).toMatch(/^[\p{XID_Start}_][\p{XID_Continue}-]*$/u);
          expect(crate.name).not.toMatch(/[\s$`"'\\|&;<>(){}*?[\]~#!=%:,]/);
          expect(typeof crate.version).toBe('string');
          for (const dep of crate.dependencies) {
            expect(['normal', 'dev', 'build']).toContain(dep.kind);
          }
        }
      }),
      {
        examples: [
          [metadata([{ name: 'a', version: '1.0.0+b2', publish: null, id: 'x' }], ['x'])],
          [
            metadata(
              [{ name: 'a\u202e', version: '1.0.0\n::warning::x', publish: null, id: 'x' }],
              ['x'],
            ),
          ],
          [metadata([{ name: 'a', version: '1.0.0', publish: ['crates-io', ''], id: 'x' }], ['x'])],
          ['{"packages":[],"workspace_members":null}'],
        ],
      },
    );
  });
});

describe('the report: log lines and summary table', () => {
  const finding: fc.Arbitrary<Finding> = fc.oneof(
    fc.record({ kind: fc.constant('out' as const), yanked: fc.boolean() }),
    fc.record({
      kind: fc.constant('to-publish' as const),
      others: fc.nat(999),
      latest: fc.option(outsideText(), { nil: undefined }),
      unread: fc.nat(9),
    }),
    fc.record({
      kind: fc.constant('new' as const),
      status: fc.constantFrom(404, 410, 451),
      skip: fc.boolean(),
    }),
    fc.record({
      kind: fc.constant('renamed' as const),
      knownAs: outsideText(),
      skip: fc.boolean(),
    }),
    fc.record({ kind: fc.constant('held-back' as const), on: outsideText() }),
    fc.constant({ kind: 'unknown' as const }),
    fc.record({
      kind: fc.constant('not-here' as const),
      why: outsideText(),
      excluded: fc.boolean(),
    }),
  );
  const rows = fc.array(
    fc.record({ crate: fc.record({ name: outsideText(), version: outsideText() }), finding }),
    { maxLength: 12 },
  );

  test('whatever the names and versions: no line a runner reads as a command, one table row per crate', () => {
    fc.assert(
      fc.property(rows, (given: Row[]) => {
        const log = reportForLog('title:', given);
        for (const text of log.split('\n')) {
          expect(text).not.toMatch(/^::/);
          expect(neverLoggedIn(text)).toEqual([]);
        }
        expect(log.split('\n')).toHaveLength(given.length + 3);
        const summary = reportForSummary('title', given);
        const tableRows = summary.split('\n').filter((l) => l.startsWith('| '));
        expect(tableRows).toHaveLength(given.length + 2);
        // Each row has its four cells: no pipe in a name breaks the table.
        for (const row of tableRows) expect(row.split(/(?<!\\)\|/).length).toBe(6);
      }),
      {
        examples: [
          [[{ crate: { name: 'a|b\\|', version: '1.0.0\u202e' }, finding: { kind: 'unknown' } }]],
          [
            [
              {
                crate: { name: '::error::x', version: '##[warning]' },
                finding: { kind: 'out', yanked: true },
              },
              {
                crate: { name: '\u2028', version: '\u0085' },
                finding: { kind: 'not-here', why: '\n::x' },
              },
              {
                crate: { name: '`', version: '``' },
                finding: { kind: 'to-publish', others: 0, latest: '|\u200b', unread: 0 },
              },
            ] as Row[],
          ],
        ],
      },
    );
  });

  test('the outputs: crates to publish in order, --exclude for each one out', () => {
    const row = (name: string, f: Finding): Row => ({
      crate: { name, version: '1.0.0' },
      finding: f,
    });
    const given = [
      row('a', { kind: 'out', yanked: false }),
      row('b', { kind: 'to-publish', others: 1, latest: '0.9.0', unread: 0 }),
      row('c', { kind: 'out', yanked: true }),
      row('d', { kind: 'not-here', why: 'publish = false', excluded: false }),
      row('e', { kind: 'unknown' }),
      row('f', { kind: 'not-here', why: 'publish = ["other"]', excluded: true }),
      row('g', { kind: 'new', status: 404, skip: true }),
      row('h', { kind: 'held-back', on: 'g' }),
      row('i', { kind: 'new', status: 404, skip: false }),
      row('j', { kind: 'renamed', knownAs: 'J', skip: true }),
      row('k', { kind: 'to-publish', others: 0, latest: undefined, unread: 2 }),
    ];
    expect(unpublishedOf(given).map((c) => c.name)).toEqual(['b', 'e', 'k']);
    expect(excludeArguments(given)).toBe(
      '--exclude a --exclude c --exclude f --exclude g --exclude h --exclude j',
    );
  });
});

test("withoutOwnTime: the step's own reading time is taken out of the phase's clock", () => {
  let now = 1000;
  const own = withoutOwnTime({ now: () => now, sleep: () => Promise.resolve(), random: () => 0 });
  now += 500;
  own.busy(300);
  own.busy(-5);
  expect(own.clock.now()).toBe(1200);
  expect(own.ownMs()).toBe(300);
});

test('boundedAll: never more than the bound at once, and nothing new after a stop', async () => {
  let running = 0;
  let most = 0;
  const started: number[] = [];
  const results = await boundedAll(
    [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    3,
    async (n) => {
      started.push(n);
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setImmediate(resolve));
      running--;
      return n;
    },
    (n) => n === 4,
  );
  expect(most).toBe(3);
  expect(started.length).toBeLessThan(10);
  expect(results.slice(0, 4)).toEqual([1, 2, 3, 4]);
  expect(results.at(-1)).toBeUndefined();
});

describe("the index's answers, through the action's retry policy (virtual clock, scripted wire)", () => {
  const clock = () => {
    let now = 0;
    return {
      now: () => now,
      sleep: (ms: number) => {
        now += ms;
        return Promise.resolve();
      },
      random: () => 0.5,
    };
  };
  const answer = (status: number, body = '', headers: Record<string, string> = {}): Sent => ({
    ok: true,
    response: { status, headers, body, truncated: false },
  });
  const ask = async (answers: Sent[]) => {
    const asked: HttpRequest[] = [];
    const transport: Transport = (request) => {
      asked.push(request);
      return Promise.resolve(answers.shift() ?? answer(500));
    };
    const net = startPhase(
      {
        core: { info: () => undefined, debug: () => undefined, setSecret: () => undefined },
        transport,
        clock: clock(),
      },
      preflightTiming(),
    );
    const question = { name: 'Tp-A', version: '1.0.0', requirements: [] };
    return { result: await readIndexFile(net, 'https://index.example/', question), asked };
  };

  test.each([
    ['{"dl":"https://dl.example/","api":"https://api.example"}', undefined],
    ['{"dl":"x","auth-required":false}', undefined],
    ['not json: still an index that answers', undefined],
    ['{"dl":"x","auth-required":true}', 'index-auth-required'],
  ])(
    'config.json %s: an index that requires credentials is not read as one',
    async (body, kind) => {
      const transport: Transport = () => Promise.resolve(answer(200, body));
      const net = startPhase(
        {
          core: { info: () => undefined, debug: () => undefined, setSecret: () => undefined },
          transport,
          clock: clock(),
        },
        preflightTiming(),
      );
      const result = await checkIndexConfig(net, 'https://index.example/');
      if (kind === undefined) expect(result).toBeUndefined();
      else expect(result).toMatchObject({ kind: 'unreadable', failure: { kind } });
    },
  );

  test.each([404, 410, 451])('HTTP %i: no such crate, at once', async (status) => {
    const { result, asked } = await ask([answer(status)]);
    expect(result).toEqual({ kind: 'absent', status });
    expect(asked).toHaveLength(1);
  });

  test('the request: GET at the lower-case path, no credentials, a larger bound than an API answer', async () => {
    const { asked } = await ask([answer(200, '{"name":"tp-a","vers":"1.0.0"}\n')]);
    expect(asked[0]).toMatchObject({
      method: 'GET',
      url: 'https://index.example/tp/-a/tp-a',
      maxBodyBytes: 8 * 1024 * 1024,
    });
    expect(Object.keys(asked[0]?.headers ?? {}).map((h) => h.toLowerCase())).not.toContain(
      'authorization',
    );
  });

  test('503 is retried, three tries in all, then unreadable; a redirect is not followed', async () => {
    const down = await ask([answer(503), answer(503), answer(503), answer(200)]);
    expect(down.asked).toHaveLength(3);
    expect(down.result).toMatchObject({
      kind: 'unreadable',
      failure: { kind: 'http-status', status: 503 },
      attempts: { made: 3 },
    });
    const moved = await ask([answer(301, '', { location: 'https://elsewhere/' })]);
    expect(moved.asked).toHaveLength(1);
    expect(moved.result).toMatchObject({ kind: 'unreadable', failure: { kind: 'redirect' } });
  });

  test("the step's own reading time does not spend the index's budget: twelve files of 40 s of reading each, all read", async () => {
    // Time passes only while a reader reads: 100 ms a chunk, 400 chunks a file, so each file
    // takes 40 s of the step's own time, twice the check's whole budget.
    let t = 0;
    let looks = 0;
    const slow = {
      now: () => {
        if (looks === 0) return t;
        // A reader looks at the clock as it starts a chunk and as it ends it.
        if (looks++ === 1) return t;
        return (t += 100);
      },
      sleep: (ms: number) => {
        t += ms;
        return Promise.resolve();
      },
      random: () => 0.5,
    };
    const transport: Transport = (request) => {
      if (request.url.endsWith('config.json')) return Promise.resolve(answer(200, '{}'));
      const name = request.url.split('/').at(-1) ?? '';
      for (let i = 0; i < 400; i++) {
        looks = 1;
        request.sink?.write(
          Buffer.from(`{"name":"${name}","vers":"0.${i}.0","deps":[],"cksum":""}\n`),
        );
        looks = 0;
      }
      return Promise.resolve(answer(200));
    };
    const core = {
      info: () => undefined,
      debug: () => undefined,
      setSecret: () => undefined,
    } as unknown as Core;
    const environment = { timeScale: 1 } as RunnerEnvironment;
    // More than are asked at once: the last ones start after the first are read.
    const questions = Array.from({ length: 12 }, (_, i) => ({
      name: `crate-${i}`,
      version: '0.399.0',
      requirements: [],
    }));
    const asked = await askIndex(
      { core, environment, transport, clock: slow },
      'https://i.example/',
      questions,
    );
    expect(asked.unreadable).toBeUndefined();
    expect(asked.answers.map((a) => a?.kind === 'listed' && a.file.version.listed)).toEqual(
      questions.map(() => true),
    );
  });

  test('a 200 that is no index file is unreadable, not an empty crate', async () => {
    const { result } = await ask([answer(200, '<html>proxy login</html>')]);
    expect(result).toMatchObject({ kind: 'unreadable', failure: { kind: 'malformed-response' } });
  });
});
