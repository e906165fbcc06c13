/** scripts/mutation-sample.mjs: the draw, the ranges, the drawn mutants' statuses, the interval. */
import fc from 'fast-check';
import {
  drawnStatuses,
  drawSample,
  rangeOf,
  scoreWithInterval,
} from '../../scripts/mutation-sample.mjs';

describe('the draw', () => {
  test('the same seed draws the same mutants; each at most once; never more than there are', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 1, max: 400 }),
        fc.integer(),
        (size, n, seed) => {
          const all = Array.from({ length: size }, (_, i) => i);
          const sample = drawSample(all, n, seed);
          expect(drawSample(all, n, seed)).toEqual(sample);
          expect(sample).toHaveLength(Math.min(n, size));
          expect(new Set(sample).size).toBe(sample.length);
          for (const drawn of sample) expect(all).toContain(drawn);
        },
      ),
    );
  });

  test('another seed draws other mutants, and every mutant can be drawn', () => {
    const all = Array.from({ length: 100 }, (_, i) => i);
    expect(drawSample(all, 10, 1)).not.toEqual(drawSample(all, 10, 2));
    // A shuffle that left the order alone would draw the first ten every time.
    expect(drawSample(all, 10, 2024)).not.toEqual(all.slice(0, 10));
    const seen = new Set<number>();
    for (let seed = 0; seed < 200; seed++) for (const i of drawSample(all, 5, seed)) seen.add(i);
    expect(seen.size).toBe(100);
  });
});

test('a range holds the mutant: 1-based lines, 0-based columns, as --mutate reads them', () => {
  expect(
    rangeOf({
      fileName: 'src/a.ts',
      location: { start: { line: 9, column: 4 }, end: { line: 11, column: 5 } },
    }),
  ).toBe('src/a.ts:10:4-12:5');
});

describe("the drawn mutants' statuses", () => {
  const drawn = {
    fileName: 'src/a.ts',
    location: { start: { line: 9, column: 4 }, end: { line: 9, column: 20 } },
    mutatorName: 'StringLiteral',
    replacement: '""',
  };
  const inReport = (status: string, over = {}) => ({
    status,
    mutatorName: 'StringLiteral',
    replacement: '""',
    location: { start: { line: 10, column: 5 }, end: { line: 10, column: 21 } },
    ...over,
  });

  test('found at its place as the report writes it (1-based), by status', () => {
    const report = { files: { 'src/a.ts': { mutants: [inReport('Survived')] } } };
    expect(drawnStatuses(report, [drawn])).toEqual({ Survived: 1 });
  });

  test('a smaller mutant inside the range, another change at the same place, or another file: not counted', () => {
    const report = {
      files: {
        'src/a.ts': {
          mutants: [
            inReport('Killed'),
            inReport('Survived', {
              location: { start: { line: 10, column: 8 }, end: { line: 10, column: 12 } },
            }),
            inReport('Survived', { mutatorName: 'ConditionalExpression', replacement: 'true' }),
          ],
        },
        'src/b.ts': { mutants: [inReport('Survived')] },
      },
    };
    expect(drawnStatuses(report, [drawn])).toEqual({ Killed: 1 });
  });
});

describe('the score and its interval', () => {
  test("Stryker's score: timed out counts as detected; compile errors and ignored are not in it", () => {
    expect(
      scoreWithInterval({
        Killed: 6,
        Timeout: 2,
        Survived: 1,
        NoCoverage: 1,
        CompileError: 5,
        Ignored: 3,
      }),
    ).toMatchObject({ detected: 8, valid: 10, score: 0.8 });
  });

  test('the Wilson interval of a known case: 50 of 100 is 40.4 % to 59.6 %', () => {
    const result = scoreWithInterval({ Killed: 50, Survived: 50 });
    expect(result?.low).toBeCloseTo(0.4038, 3);
    expect(result?.high).toBeCloseTo(0.5962, 3);
  });

  test('no mutant that counts: no score', () => {
    expect(scoreWithInterval({ CompileError: 4, Ignored: 1 })).toBeUndefined();
  });

  test('the interval holds the score and stays within 0 and 1, and narrows as the sample grows', () => {
    fc.assert(
      fc.property(fc.nat(500), fc.nat(500), (detected, alive) => {
        fc.pre(detected + alive > 0);
        const result = scoreWithInterval({ Killed: detected, Survived: alive });
        expect(result).toBeDefined();
        const { score, low, high } = result!;
        expect(low).toBeGreaterThanOrEqual(0);
        expect(high).toBeLessThanOrEqual(1);
        expect(low).toBeLessThanOrEqual(score + 1e-12);
        expect(high).toBeGreaterThanOrEqual(score - 1e-12);
        const larger = scoreWithInterval({ Killed: detected * 4, Survived: alive * 4 })!;
        expect(larger.high - larger.low).toBeLessThan(high - low);
      }),
    );
  });
});
