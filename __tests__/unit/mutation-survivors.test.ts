/** scripts/mutation-survivors.mjs: the score and the live mutants, from Stryker's JSON report. */
import { asMarkdown, asText, summarize } from '../../scripts/mutation-survivors.mjs';

const mutant = (
  status: string,
  line: number,
  replacement = '""',
  mutatorName = 'StringLiteral',
) => ({
  status,
  mutatorName,
  replacement,
  location: { start: { line } },
});

const report = {
  files: {
    'src/redact/redact.ts': {
      mutants: [
        mutant('Killed', 1),
        mutant('Killed', 2),
        mutant('Timeout', 3),
        mutant('Survived', 20, 'rest.indexOf(`@`)', 'MethodExpression'),
        mutant('CompileError', 5),
      ],
    },
    'src/run-post.ts': {
      mutants: [mutant('NoCoverage', 9, '{\n  }', 'BlockStatement'), mutant('Survived', 4)],
    },
  },
};

test('the score counts killed and timed-out mutants of all that compiled, and of those a test reached', () => {
  const summary = summarize(report);
  expect(summary.total).toBe('50.00 %');
  expect(summary.covered).toBe('60.00 %');
  expect(summary.counts).toBe('CompileError 1, Killed 2, NoCoverage 1, Survived 2, Timeout 1');
  expect(summary.folders).toEqual([
    { folder: 'src/', total: '0.00 %', covered: '0.00 %', counts: 'NoCoverage 1, Survived 1' },
    {
      folder: 'src/redact/',
      total: '75.00 %',
      covered: '75.00 %',
      counts: 'CompileError 1, Killed 2, Survived 1, Timeout 1',
    },
  ]);
});

test('the live mutants, by file and line, each on one line that Markdown shows as code', () => {
  expect(summarize(report).open).toEqual([
    "- `src/redact/redact.ts:20` MethodExpression → `rest.indexOf('@')` (Survived)",
    '- `src/run-post.ts:4` StringLiteral → `""` (Survived)',
    '- `src/run-post.ts:9` BlockStatement → `{ }` (NoCoverage)',
  ]);
});

test('for a terminal and for a step summary', () => {
  const summary = summarize(report);
  expect(asText(summary).split('\n').slice(0, 2)).toEqual([
    'Mutation score 50.00 % (of covered code 60.00 %).',
    'CompileError 1, Killed 2, NoCoverage 1, Survived 2, Timeout 1',
  ]);
  const markdown = asMarkdown(summary);
  expect(markdown).toContain('**Mutation score 50.00 %** (of covered code 60.00 %).');
  expect(markdown).toContain(
    '| `src/redact/` | 75.00 % | CompileError 1, Killed 2, Survived 1, Timeout 1 |',
  );
  expect(markdown).toContain('<details><summary>3 mutants still alive');
});
