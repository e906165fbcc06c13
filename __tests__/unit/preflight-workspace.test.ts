/**
 * The check of a workspace, its pure parts: index paths as cargo builds them, the forms of
 * `publish`, and the parsers and renderers of what cargo and the index say (property-based:
 * any input gives a value or a typed failure). cargo's configuration: cargo-config.test.ts.
 */
import fc from 'fast-check';
import { startPhase } from '../../src/http/call.js';
import { preflightTiming } from '../../src/http/policies.js';
import type { HttpRequest, Sent, Transport } from '../../src/http/transport.js';
import { boundedAll, checkIndexConfig, readIndexFile } from '../../src/preflight/check-index.js';
import { parseIndexFile } from '../../src/preflight/index-file.js';
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
import { parseMetadata, type WorkspaceCrate } from '../../src/preflight/workspace-metadata.js';
import { anyText, outsideText } from '../hostile.js';

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

describe("cargo metadata's output", () => {
  const metadata = (packages: unknown[], members?: unknown[]) =>
    JSON.stringify({ packages, workspace_members: members, version: 1 });

  test('members in the workspace order, with their `publish`', () => {
    const text = metadata(
      [
        { name: 'c', version: '0.1.0', publish: ['local'], id: 'path+file:///w/c#0.1.0' },
        {
          name: 'Aa',
          version: '0.1.0-rc.1+b7',
          publish: null,
          id: 'path+file:///w/Aa#0.1.0-rc.1+b7',
        },
        { name: 'b', version: '0.1.0', publish: [], id: 'path+file:///w/b#0.1.0' },
      ],
      ['path+file:///w/Aa#0.1.0-rc.1+b7', 'path+file:///w/b#0.1.0', 'path+file:///w/c#0.1.0'],
    );
    expect(parseMetadata(text)).toEqual({
      ok: true,
      crates: [
        { name: 'Aa', version: '0.1.0-rc.1+b7', publish: null },
        { name: 'b', version: '0.1.0', publish: [] },
        { name: 'c', version: '0.1.0', publish: ['local'] },
      ],
    });
  });

  test.each([
    ['not JSON', 'error: no', 'printed something that is not its JSON'],
    ['no packages', '{}', 'printed JSON without `packages`'],
    [
      'a name with a newline',
      metadata([{ name: 'a\n::error::x', version: '1.0.0' }]),
      'listed a package without a name cargo publishes',
    ],
    [
      'a version with a space',
      metadata([{ name: 'a', version: '1.0 .0' }]),
      'listed a package without a version that reads',
    ],
    [
      'publish of numbers',
      metadata([{ name: 'a', version: '1.0.0', publish: [1] }]),
      'listed a `publish` list with something that is not a registry name',
    ],
  ])('%s is a typed failure', (_name, text, problem) => {
    expect(parseMetadata(text)).toEqual({ ok: false, problem });
  });

  test('any JSON or text: a list of valid crates, or a problem; never a throw', () => {
    const pkg = fc.record(
      {
        name: fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/), anyText()),
        version: fc.oneof(fc.constantFrom('1.0.0', '0.1.0-rc.1+b'), anyText()),
        publish: fc.oneof(
          fc.constant(null),
          fc.array(fc.oneof(fc.constant('crates-io'), anyText())),
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
          expect(crate.name).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
          expect(crate.version).toMatch(/^[0-9A-Za-z.+-]{1,100}$/);
        }
      }),
    );
  });
});

describe("an index file's answer", () => {
  const line = (entry: Record<string, unknown>) =>
    JSON.stringify({ name: 'tp-a', deps: [], cksum: '0', features: {}, ...entry });

  test('versions, yanked ones, the last published; build metadata does not make a version', () => {
    const body = [
      line({ vers: '0.1.0', yanked: false }),
      line({ vers: '0.2.0+b1', yanked: true }),
      '{"a newer schema line"}',
      line({ name: 'TP-A', vers: '0.3.0' }),
      line({ name: 'other', vers: '9.9.9' }),
      '',
    ].join('\n');
    const parsed = parseIndexFile(body, 'tp-a');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect([...parsed.file.versions]).toEqual([
      ['0.1.0', { yanked: false }],
      ['0.2.0', { yanked: true }],
      ['0.3.0', { yanked: false }],
    ]);
    expect(parsed.file.latest).toBe('0.3.0');
  });

  test('a page that is no index file is a typed failure; an empty file is a crate without versions', () => {
    expect(parseIndexFile('<html><body>Sign in</body></html>', 'tp-a')).toEqual({
      ok: false,
      problem: 'no line of it is an index entry of this crate',
    });
    expect(parseIndexFile('', 'tp-a')).toEqual({
      ok: true,
      file: { versions: new Map(), latest: undefined },
    });
  });

  test('a version that could carry a workflow command is not taken', () => {
    const parsed = parseIndexFile(line({ vers: '1.0.0\n::warning::pwned' }), 'tp-a');
    expect(parsed.ok).toBe(false);
  });

  test('any body: versions that are plain semver text, or a problem; never a throw', () => {
    const body = fc.oneof(
      fc.string(),
      fc
        .array(
          fc.oneof(
            fc.json(),
            fc
              .record({
                name: fc.constant('tp-a'),
                vers: fc.oneof(anyText(), fc.constant('1.0.0')),
                yanked: fc.anything(),
              })
              .map((o) => JSON.stringify(o)),
          ),
        )
        .map((lines) => lines.join('\n')),
    );
    fc.assert(
      fc.property(body, (text) => {
        const parsed = parseIndexFile(text, 'tp-a');
        if (!parsed.ok) return;
        for (const [version, { yanked }] of parsed.file.versions) {
          expect(version).toMatch(/^[0-9A-Za-z.-]{1,100}$/);
          expect(typeof yanked).toBe('boolean');
        }
      }),
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
    }),
    fc.record({ kind: fc.constant('new' as const), status: fc.constantFrom(404, 410, 451) }),
    fc.constant({ kind: 'unknown' as const }),
    fc.record({ kind: fc.constant('not-here' as const), why: outsideText() }),
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
          // eslint-disable-next-line no-control-regex
          expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u2028\u2029]/);
        }
        expect(log.split('\n')).toHaveLength(given.length + 3);
        const summary = reportForSummary('title', given);
        const tableRows = summary.split('\n').filter((l) => l.startsWith('| '));
        expect(tableRows).toHaveLength(given.length + 2);
        // Each row has its four cells: no pipe in a name breaks the table.
        for (const row of tableRows) expect(row.split(/(?<!\\)\|/).length).toBe(6);
      }),
    );
  });

  test('the outputs: crates to publish in order, --exclude for each one out', () => {
    const row = (name: string, f: Finding): Row => ({
      crate: { name, version: '1.0.0' },
      finding: f,
    });
    const given = [
      row('a', { kind: 'out', yanked: false }),
      row('b', { kind: 'to-publish', others: 1, latest: '0.9.0' }),
      row('c', { kind: 'out', yanked: true }),
      row('d', { kind: 'not-here', why: 'publish = false' }),
      row('e', { kind: 'unknown' }),
    ];
    expect(unpublishedOf(given).map((c) => c.name)).toEqual(['b', 'e']);
    expect(excludeArguments(given)).toBe('--exclude a --exclude c');
  });
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
    return { result: await readIndexFile(net, 'https://index.example/', 'Tp-A'), asked };
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

  test('a 200 that is no index file is unreadable, not an empty crate', async () => {
    const { result } = await ask([answer(200, '<html>proxy login</html>')]);
    expect(result).toMatchObject({ kind: 'unreadable', failure: { kind: 'malformed-response' } });
  });
});
