/**
 * Index lines as cargo 1.95 reads them, what a whole file says for one crate, and what that
 * means for the crate (`findingOf`). These run without cargo: each expectation here that cargo
 * decides (a line is a version or not) is asked of cargo itself in
 * __tests__/e2e/preflight-index-lines.test.ts, over the same lines.
 */
import fc from 'fast-check';
import type { IndexAnswer } from '../../src/preflight/check-index.js';
import { parseIndexFile, type IndexQuestion } from '../../src/preflight/index-file.js';
import { readIndexLine } from '../../src/preflight/index-line.js';
import { findingOf } from '../../src/preflight/run-preflight.js';
import { anyText } from '../hostile.js';
import { CARGO_LINES, line } from '../index-lines.js';

describe('one index line, as cargo reads it', () => {
  test.each(
    CARGO_LINES.map(([name, exists, text, out]) => [name, exists, text, out ?? exists] as const),
  )('%s: "already exists" to cargo: %s', (_name, exists, text, out) => {
    const reading = readIndexLine(text);
    const version = reading.kind === 'entry' && reading.name === 'alpha';
    expect(version).toBe(out);
    // A version that is out and not yanked is what cargo calls "already exists".
    if (version) expect(!reading.yanked).toBe(exists);
  });

  test('a line that is not a version says why, in a few words of our own', () => {
    // cargo still reads its name and version: it keeps the line, as an invalid entry.
    expect(readIndexLine(line({ yanked: 'true' }))).toEqual({
      kind: 'skipped',
      why: 'its `yanked` is not true, false or null',
      claims: { name: 'alpha', vers: '1.0.0' },
    });
    expect(
      readIndexLine('{"name":"alpha","name":"alpha","vers":"1.0.0","deps":[],"cksum":"x"}'),
    ).toEqual({
      kind: 'skipped',
      why: 'it gives the field `name` twice',
    });
    expect(readIndexLine(line({ v: 3 }))).toEqual({
      kind: 'skipped',
      why: 'its schema version `v` is newer than cargo 1.95 reads (2)',
      claims: { name: 'alpha', vers: '1.0.0' },
    });
    expect(readIndexLine(line({ vers: '1.0' }))).toEqual({
      kind: 'skipped',
      why: 'its `vers` is not a version cargo reads',
    });
  });

  const entryFields = {
    name: fc.oneof(fc.constantFrom('alpha', 'Alpha'), anyText()),
    vers: fc.oneof(fc.constantFrom('1.0.0', '1.0.0+b1', '1.0.0-rc.1', '01.0.0'), anyText()),
    deps: fc.oneof(
      fc.constant([]),
      fc.array(
        fc.record(
          {
            name: fc.oneof(fc.constant('dep'), anyText()),
            req: fc.oneof(fc.constantFrom('^1', '>= 0', '=0.2.0', '1.*', '*', 'x.y'), anyText()),
            optional: fc.oneof(fc.boolean(), fc.anything()),
            kind: fc.oneof(fc.constantFrom('normal', 'dev', 'build'), fc.anything()),
            target: fc.oneof(
              fc.constantFrom(null, 'cfg(unix)', 'cfg(all(a, not(b = "c")))'),
              anyText(),
            ),
            features: fc.oneof(fc.constant([]), fc.anything()),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 3 },
      ),
      fc.anything(),
    ),
    cksum: fc.oneof(fc.constant('0'.repeat(64)), fc.anything()),
    features: fc.oneof(
      fc.constant({}),
      fc.dictionary(
        anyText(8),
        fc.array(fc.oneof(anyText(8), fc.constantFrom('dep:dep', 'dep/x', 'dep?/x'))),
      ),
      fc.anything(),
    ),
    yanked: fc.oneof(fc.boolean(), fc.constant(null), fc.anything()),
    v: fc.oneof(fc.constantFrom(1, 2, 3), fc.anything()),
    pubtime: fc.oneof(fc.constant('2025-11-18T08:58:23Z'), anyText()),
    rust_version: fc.oneof(fc.constantFrom('1.70', '1.70.0'), anyText()),
  };
  const lines = fc.oneof(
    fc.string(),
    fc.json(),
    fc.record(entryFields, { requiredKeys: [] }).map((o) => JSON.stringify(o)),
    // A key given twice, perhaps escaped, perhaps deep in a dependency.
    fc
      .tuple(fc.constantFrom('"yanked"', '"\\u0079anked"', '"zz"', '"name"'), fc.json())
      .map(
        ([key, value]) =>
          `{"name":"alpha","vers":"1.0.0","deps":[{"name":"d","req":"1",${key}:${value},${key}:${value}}],"cksum":"x",${key}:${value},${key}:${value}}`,
      ),
  );

  test('whatever line comes in: an entry or skipped, never a throw; an entry is cargo-shaped', () => {
    fc.assert(
      fc.property(lines, (text) => {
        const reading = readIndexLine(text);
        if (reading.kind === 'skipped') {
          expect(reading.why).toMatch(/^[a-z]/);
          expect(reading.why).not.toMatch(/[\n\r]/);
          return;
        }
        // What cargo needs of a version, at least: JSON, a name, a SemVer version.
        const json = JSON.parse(text) as Record<string, unknown>;
        expect(json.name).toBe(reading.name);
        expect(reading.vers).toMatch(/^\d+\.\d+\.\d+([-+][0-9A-Za-z.+-]*)?$/);
        expect(Array.isArray(json.deps)).toBe(true);
        expect(typeof json.cksum).toBe('string');
        expect(typeof reading.yanked).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });
});

const question = (version: string, requirements: string[] = []): IndexQuestion => ({
  name: 'alpha',
  version,
  requirements,
});

async function answerFor(body: string, q: IndexQuestion): Promise<IndexAnswer> {
  const parsed = await parseIndexFile(body, q);
  if (!parsed.ok)
    return {
      kind: 'unreadable',
      failure: {
        kind: 'malformed-response',
        call: 'index',
        target: 'x',
        status: 200,
        problem: parsed.problem,
      },
      attempts: undefined,
    };
  return { kind: 'listed', file: parsed.file };
}

describe("a crate's index file", () => {
  test('versions, yanked ones, the last published; lines that are not versions are counted, not kept', async () => {
    const body = [
      line({ vers: '0.1.0' }),
      line({ vers: '0.2.0+b1', yanked: true }),
      '{"a newer schema line"}',
      line({ vers: '0.3.0', v: 3 }),
      line({ name: 'ALPHA', vers: '0.3.0' }),
      line({ name: 'other', vers: '9.9.9' }),
      line({ vers: '0.2.5' }),
      '',
    ].join('\n');
    const parsed = await parseIndexFile(body, question('0.2.0'));
    expect(parsed).toEqual({
      ok: true,
      file: {
        version: { listed: true, yanked: true },
        others: 2,
        latest: '0.2.5',
        skipped: { lines: 3, why: 'it is not JSON' },
        knownAs: 'ALPHA',
        requirements: new Map(),
      },
    });
  });

  test('a page that is no index file is a typed failure; an empty file is a crate without versions', async () => {
    expect(await parseIndexFile('<html><body>Sign in</body></html>', question('1.0.0'))).toEqual({
      ok: false,
      problem: 'no line of it is JSON: it is not an index file',
    });
    const empty = await parseIndexFile('', question('1.0.0'));
    expect(empty.ok && empty.file.latest).toBeUndefined();
  });

  test('a large file is read in slices, giving the event loop a turn between them, and its time is told', async () => {
    const body = Array.from({ length: 20_000 }, (_, i) => line({ vers: `0.${i}.0` })).join('\n');
    let turns = 0;
    const ticking = setInterval(() => turns++, 0);
    const spent: number[] = [];
    let now = 0;
    const parsed = await parseIndexFile(body, question('0.19999.0'), {
      now: () => (now += 1),
      busy: (ms) => spent.push(ms),
    });
    clearInterval(ticking);
    expect(parsed.ok && parsed.file.version.listed).toBe(true);
    expect(spent.length).toBeGreaterThan(5);
    expect(spent.every((ms) => ms > 0)).toBe(true);
    expect(turns).toBeGreaterThan(0);
  });

  test('any body: answers, or a problem; never a throw', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.string(),
            fc.json(),
            fc.constantFrom(line({}), line({ yanked: true }), line({ vers: '2.0.0' })),
          ),
        ),
        fc.constantFrom('1.0.0', '1.0.0+x', '2.0.0'),
        async (lines, version) => {
          const parsed = await parseIndexFile(
            lines.join('\n'),
            question(version, ['^1', '>=2', 'x.y']),
          );
          if (!parsed.ok) return;
          const { file } = parsed;
          if (file.version.yanked) expect(file.version.listed).toBe(true);
          if (file.latest !== undefined) expect(file.latest).toMatch(/^[0-9A-Za-z.+-]{1,100}$/);
          // `x.y` is no requirement cargo reads (`x` alone would be `*`): it is never judged.
          expect(file.requirements.get('x.y')?.judged).toBe(false);
        },
      ),
    );
  });
});

describe('findingOf: what the answer means for the crate (the edge classes of issue 24)', () => {
  test('build metadata on the workspace side: 1.0.0+b2 against an index 1.0.0+b1 is out (cargo: "already exists")', async () => {
    const answer = await answerFor(line({ vers: '1.0.0+b1' }), question('1.0.0+b2'));
    expect(findingOf(answer)).toEqual({ kind: 'out', yanked: false });
  });

  test('a pre-release is another version: 1.0.0-rc.1 is not 1.0.0', async () => {
    const answer = await answerFor(line({ vers: '1.0.0-rc.1' }), question('1.0.0'));
    expect(findingOf(answer)).toEqual({
      kind: 'to-publish',
      others: 1,
      latest: '1.0.0-rc.1',
      unread: 0,
    });
  });

  test.each([
    ['yanked, then not', [true, false], false],
    ['not, then yanked', [false, true], true],
    ['yanked twice', [true, true], true],
  ])(
    'two lines for one version, %s: out, yanked as the last line says (cargo keeps the last)',
    async (_name, yanked, expected) => {
      const body = yanked.map((y) => line({ yanked: y })).join('\n');
      expect(findingOf(await answerFor(body, question('1.0.0')))).toEqual({
        kind: 'out',
        yanked: expected,
      });
    },
  );

  test('a line cargo does not read does not make a version out: to publish, with the doubt counted', async () => {
    const body = [line({ vers: '0.9.0' }), line({ yanked: 'true' })].join('\n');
    expect(findingOf(await answerFor(body, question('1.0.0')))).toEqual({
      kind: 'to-publish',
      others: 1,
      latest: '0.9.0',
      unread: 1,
    });
  });

  test('lines only for another case of the name: the registry knows the crate by that name', async () => {
    const answer = await answerFor(line({ name: 'Alpha' }), question('1.0.0'));
    expect(findingOf(answer)).toEqual({ kind: 'renamed', knownAs: 'Alpha', skip: false });
    expect(findingOf(answer, true)).toEqual({ kind: 'renamed', knownAs: 'Alpha', skip: true });
  });

  test('no such crate, the index unread, a crate known by another spelling', () => {
    expect(findingOf({ kind: 'absent', status: 410 })).toEqual({
      kind: 'new',
      status: 410,
      skip: false,
    });
    expect(findingOf({ kind: 'absent', status: 404 }, true)).toEqual({
      kind: 'new',
      status: 404,
      skip: true,
    });
    expect(findingOf({ kind: 'absent', status: 404, knownAs: 'a-b' })).toEqual({
      kind: 'renamed',
      knownAs: 'a-b',
      skip: false,
    });
    expect(findingOf(undefined)).toEqual({ kind: 'unknown' });
    expect(
      findingOf({
        kind: 'unreadable',
        failure: { kind: 'index-auth-required', index: 'x' },
        attempts: undefined,
      }),
    ).toEqual({ kind: 'unknown' });
  });

  test('whatever the lines: out only when the last line cargo keeps for a spelling of the version is one it reads, of this crate', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            vers: fc.constantFrom('1.0.0', '1.0.0+a', '1.0.1', '1.0.0-rc.1'),
            yanked: fc.oneof(fc.boolean(), fc.constant('true')),
            name: fc.constantFrom('alpha', 'Alpha', 'beta'),
          }),
          { maxLength: 6 },
        ),
        async (entries) => {
          const body = entries.map((e) => line(e)).join('\n');
          const finding = findingOf(await answerFor(body, question('1.0.0+z')));
          // cargo's map of versions: the last line for each spelling wins.
          const last = new Map(entries.map((e) => [e.vers, e]));
          const counted = [...last.values()].filter(
            (e) =>
              e.vers.startsWith('1.0.0') &&
              !e.vers.includes('-') &&
              e.name === 'alpha' &&
              typeof e.yanked === 'boolean',
          );
          expect(finding.kind === 'out').toBe(counted.length > 0);
          if (finding.kind === 'out') {
            expect(finding.yanked).toBe(counted.every((e) => e.yanked === true));
          }
        },
      ),
    );
  });
});
