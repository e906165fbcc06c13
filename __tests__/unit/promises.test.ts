/**
 * A promise in the docs is a test: the tables of docs/security.md and docs/reliability.md name,
 * for each promise, the test that fails if it breaks. Each named test must exist, by its name
 * as written in its file (a `%s` of test.each and all), so that a renamed or removed test
 * leaves no promise without one.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../rig/runner.js';

interface Row {
  doc: string;
  promise: string;
  file: string;
  test: string;
}

/** The rows of a doc's "Where each promise is tested" table. */
function rowsOf(doc: string): Row[] {
  const text = readFileSync(join(ROOT, 'docs', doc), 'utf8');
  const section = text.split('## Where each promise is tested')[1]?.split('\n## ')[0] ?? '';
  return section
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|\s*(promise|-)/.test(line))
    .map((line) => {
      const [promise = '', file = '', test = ''] = line
        .split(' | ')
        .map((cell) => cell.replace(/^\|\s*|\s*\|$/g, '').trim());
      return { doc, promise, file, test: test.replace(/^"|"$/g, '') };
    });
}

const rows = [...rowsOf('security.md'), ...rowsOf('reliability.md')];

test('each doc has its table, and each row a promise, a file and a quoted test name', () => {
  expect(rowsOf('security.md').length).toBeGreaterThan(30);
  expect(rowsOf('reliability.md').length).toBeGreaterThan(20);
  for (const row of rows) {
    expect(row.promise).not.toBe('');
    expect(row.file).toMatch(/^(e2e|unit)\/[a-z0-9-]+\.test\.ts$/);
    expect(row.test).not.toBe('');
  }
});

test.each(rows.map((row) => [row.doc, row.file, row.test] as const))(
  '%s names a test that exists: %s, %s',
  (_doc, file, name) => {
    const path = join(ROOT, '__tests__', file);
    expect(existsSync(path)).toBe(true);
    const source = readFileSync(path, 'utf8');
    // As the file spells it: in quotes or backticks, whole.
    const quoted = ["'", '"', '`'].some(
      (quote) =>
        source.includes(`${quote}${name}${quote}`) ||
        source.includes(`${quote}${name.replace(/'/g, "\\'")}${quote}`),
    );
    expect(quoted).toBe(true);
  },
);
